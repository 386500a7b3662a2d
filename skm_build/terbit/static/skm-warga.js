/*
 * skm-warga.js: the unit picker and the "copy link" button of the SKM site.
 *
 * Both work on markup the pages already carry, so without JavaScript the
 * picker is a plain list of links and the WhatsApp link still shares the
 * page; this file only adds filtering as you type and copying to the
 * clipboard. Runs on every page view through Material's `document$`.
 *
 * Contract (written by the page templates):
 *   <div class="skm-pemilih">
 *     <input type="search" hidden ...>
 *     <p class="skm-pemilih-jumlah" aria-live="polite" hidden></p>
 *       <section data-kelompok> (optional group, hidden when empty)
 *         <li data-cari="lower-case words: name, short name, alias, services">
 *   <button class="skm-salin" data-tautan="https://..." hidden>Salin tautan</button>
 */
(function () {
  "use strict";

  function normal(teks) {
    return teks.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  }

  function pasangPemilih(akar) {
    var masukan = akar.querySelector("input[type=search]");
    if (!masukan || masukan.dataset.terpasang) return;
    masukan.dataset.terpasang = "1";
    var butir = Array.prototype.slice.call(akar.querySelectorAll("li[data-cari]"));
    var kelompok = akar.querySelectorAll("[data-kelompok]");
    var jumlah = akar.querySelector(".skm-pemilih-jumlah");
    var label = akar.querySelector("label[for='" + masukan.id + "']");
    masukan.hidden = false;
    if (label) label.hidden = false;

    masukan.addEventListener("input", function () {
      var kata = normal(masukan.value).split(/\s+/).filter(Boolean);
      var n = 0;
      butir.forEach(function (li) {
        var cocok = kata.every(function (k) { return li.dataset.cari.indexOf(k) >= 0; });
        li.hidden = !cocok;
        if (cocok) n++;
      });
      kelompok.forEach(function (k) {
        k.hidden = !k.querySelector("li[data-cari]:not([hidden])");
      });
      if (jumlah) {
        jumlah.hidden = !kata.length;
        jumlah.textContent = n ? n + " unit cocok" : "Tidak ada unit yang cocok";
      }
    });
  }

  function pasangSalin(tombol) {
    if (!navigator.clipboard || tombol.dataset.terpasang) return;
    tombol.dataset.terpasang = "1";
    tombol.hidden = false;
    var semula = tombol.textContent;
    tombol.addEventListener("click", function () {
      navigator.clipboard.writeText(tombol.dataset.tautan).then(function () {
        tombol.textContent = "Tautan disalin";
        setTimeout(function () { tombol.textContent = semula; }, 2000);
      }, function () {
        tombol.textContent = "Gagal menyalin";
      });
    });
  }

  function halaman() {
    document.querySelectorAll(".skm-pemilih").forEach(pasangPemilih);
    document.querySelectorAll("button.skm-salin").forEach(pasangSalin);
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(halaman);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", halaman);
  } else {
    halaman();
  }
})();
