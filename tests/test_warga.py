"""The citizen's site on a phone (390 × 844, touch) and a desktop (1280 × 900).

Browser tests of the shipped sample data built by ``skm build`` and served on loopback,
one behaviour each: nothing lies beyond the right edge, the unit picker filters, search
finds a unit by its short name, an alias or a service it gives, a unit that has not
reported says so on its first screen, charts carry a sentence headline and, without
JavaScript, say where the same numbers are, every page has its own title and preview
tags, unit and period pages can be shared.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from urllib.parse import parse_qs, urlsplit

import pytest

pytestmark = pytest.mark.browser

sync_api = pytest.importorskip("playwright.sync_api")

PERIODE_TERBARU = "2025-s2"
PONSEL = {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 2,
          "is_mobile": True, "has_touch": True}
DESKTOP = {"viewport": {"width": 1280, "height": 900}}
LAYAR = {"ponsel": PONSEL, "desktop": DESKTOP}
# One page of every kind the site has.
SEMUA_JENIS = ["", "opd/", "opd/dukcapil/", "opd/satpol-pp/", "periode/",
               f"periode/{PERIODE_TERBARU}/", "laporan/", f"laporan/{PERIODE_TERBARU}/",
               "data/", "metodologi/", "kontak/", "tentang/"]
BATAS_TUNGGU = 20_000  # ms


@pytest.fixture
def buka(peramban, situs) -> Iterator[object]:
    """Open a page in a fresh context of the given screen; console errors are recorded."""
    konteks = []

    def _buka(jalur: str, layar: str = "ponsel", js: bool = True):
        ctx = peramban.new_context(**LAYAR[layar], java_script_enabled=js)
        konteks.append(ctx)
        page = ctx.new_page()
        page.galat = []
        page.on("console", lambda m: m.type == "error" and page.galat.append(m.text))
        page.on("pageerror", lambda e: page.galat.append(str(e)))
        page.goto(situs + jalur, wait_until="networkidle")
        return page

    yield _buka
    for ctx in konteks:
        ctx.close()


def teks_layar_pertama(page) -> str:
    """The text a reader sees before scrolling: content elements whose top is on screen."""
    return page.evaluate("""() => {
        const tinggi = window.innerHeight;
        return [...document.querySelectorAll('.md-content p, .md-content h1, '
                + '.md-content li, .md-content [role=status], .md-content .skm-angka-utama')]
            .filter(el => { const r = el.getBoundingClientRect();
                            return r.top < tinggi && r.bottom > 0 && r.height > 0; })
            .map(el => el.innerText).join('\\n');
    }""")


# --------------------------------------------------------------------------------------
# Phone-first layout
# --------------------------------------------------------------------------------------

SEL_DI_LUAR_LAYAR = """() => {
    const lebar = document.documentElement.clientWidth;
    return [...document.querySelectorAll('.md-content td, .md-content th')]
        .filter(el => el.getClientRects().length)
        .map(el => [el.textContent.trim().slice(0, 40), el.getBoundingClientRect().right])
        .filter(([_, kanan]) => kanan > lebar + 0.5);
}"""


@pytest.mark.parametrize("layar", LAYAR)
@pytest.mark.parametrize("jalur", SEMUA_JENIS)
def test_tidak_ada_sel_tabel_melewati_tepi_kanan(buka, jalur, layar):
    page = buka(jalur, layar)
    assert page.evaluate(SEL_DI_LUAR_LAYAR) == []
    assert page.evaluate("() => document.documentElement.scrollWidth"
                         " <= document.documentElement.clientWidth")
    assert page.galat == []


@pytest.mark.parametrize("jalur", ["", "opd/", f"periode/{PERIODE_TERBARU}/",
                                   f"laporan/{PERIODE_TERBARU}/", "opd/dukcapil/"])
def test_mutu_dan_status_rencana_tampak_utuh_di_ponsel(buka, jalur):
    page = buka(jalur)
    terpotong = page.evaluate("""() => {
        const lebar = document.documentElement.clientWidth;
        return [...document.querySelectorAll('.md-content .skm-mutu, .md-content .skm-status')]
            .filter(el => el.getClientRects().length)
            .filter(el => el.getBoundingClientRect().right > lebar + 0.5)
            .map(el => el.textContent);
    }""")
    assert page.locator(".md-content .skm-mutu").count() > 0
    assert terpotong == []


# --------------------------------------------------------------------------------------
# Find my unit
# --------------------------------------------------------------------------------------


def butir_pemilih_tampak(page) -> list[str]:
    return page.locator(".skm-pemilih li:visible a").all_inner_texts()


@pytest.mark.parametrize("layar", LAYAR)
@pytest.mark.parametrize("jalur", ["", "opd/"])
def test_pemilih_unit_menyaring_saat_mengetik(buka, jalur, layar):
    page = buka(jalur, layar)
    masukan = page.locator(".skm-pemilih input[type=search]")
    masukan.fill("jaten")
    tampak = butir_pemilih_tampak(page)
    assert tampak, "no unit left for 'jaten'"
    assert all("Jaten" in t for t in tampak), tampak
    masukan.fill("dukcapil")  # the short name, not in the full name
    assert [t for t in butir_pemilih_tampak(page)
            if "Kependudukan" in t] != []
    assert len(butir_pemilih_tampak(page)) <= 2


def test_pemilih_menemukan_kelurahan_menurut_kecamatannya(buka):
    """Kelurahan Bejen's name does not say it lies in Kecamatan Karanganyar; opd.yaml's
    `kecamatan` does, and its page says so."""
    page = buka("opd/")
    page.locator(".skm-pemilih input[type=search]").fill("karanganyar")
    assert "Kelurahan Bejen" in " ".join(butir_pemilih_tampak(page))
    page = buka("opd/kelurahan-bejen/")
    assert "di Kecamatan Karanganyar" in page.locator("article").inner_text()


@pytest.mark.parametrize("jalur", ["", "opd/"])
def test_pemilih_unit_tanpa_javascript_berupa_daftar_biasa(buka, jalur):
    page = buka(jalur, js=False)
    tautan = page.locator(".skm-pemilih li a")
    assert tautan.count() >= 50
    assert page.locator('.skm-pemilih li a[href$="/dukcapil/"], '
                        '.skm-pemilih li a[href="dukcapil/"]').count() == 1
    assert tautan.last.is_visible()  # open as it comes, not folded behind a tap


def test_beranda_menautkan_laporan_periode_terbaru(buka):
    page = buka("")
    assert page.locator(f'.md-content a[href$="laporan/{PERIODE_TERBARU}/"]').first.is_visible()


def cari(page, kata: str) -> list[dict]:
    """Type into Material's search and return the results (title, snippet, link)."""
    tombol = page.locator("label.md-header__button[for=__search]")
    masukan = page.locator("input.md-search__input")
    (tombol if tombol.is_visible() else masukan).click()  # phones open a search dialog
    masukan.press_sequentially(kata, delay=30)  # Material searches on key events
    page.locator(".md-search-result__item").first.wait_for(timeout=BATAS_TUNGGU)
    return page.evaluate("""() => [...document.querySelectorAll('.md-search-result__item')]
        .map(li => ({judul: (li.querySelector('h1, h2') || {}).textContent || '',
                     cuplikan: li.innerText,
                     href: (li.querySelector('a') || {}).href || ''}))""")


@pytest.mark.parametrize("layar", LAYAR)
@pytest.mark.parametrize("kata", ["dukcapil", "disdukcapil", "ktp"])
def test_pencarian_menemukan_unit_dari_singkatan_alias_atau_layanan(buka, kata, layar):
    page = buka("", layar)
    hasil = cari(page, kata)
    assert "opd/dukcapil/" in hasil[0]["href"], hasil[:3]


def test_cuplikan_hasil_pencarian_bukan_spanduk_data_contoh(buka):
    page = buka("")
    hasil = cari(page, "satpol")
    assert "opd/satpol-pp/" in hasil[0]["href"]
    assert all("Data contoh" not in h["cuplikan"] for h in hasil), hasil[:3]


# --------------------------------------------------------------------------------------
# Honest headline
# --------------------------------------------------------------------------------------


@pytest.mark.parametrize("layar", LAYAR)
def test_unit_yang_belum_melapor_mengatakannya_di_layar_pertama(buka, layar):
    page = buka("opd/satpol-pp/", layar)
    layar_pertama = teks_layar_pertama(page)
    assert re.search(r"belum melapor.*Semester II 2025", layar_pertama, re.S | re.I), layar_pertama
    assert re.search(r"lewat \d+ hari", layar_pertama), layar_pertama
    assert "Semester I 2025" in layar_pertama  # the period the shown score is for


@pytest.mark.parametrize("layar", LAYAR)
def test_layar_pertama_unit_menyebut_periode_nilainya(buka, layar):
    layar_pertama = teks_layar_pertama(buka("opd/dukcapil/", layar))
    assert re.search(r"IKM Semester II 2025", layar_pertama), layar_pertama


def test_beranda_menyebut_unit_yang_belum_melapor(buka):
    page = buka("")
    belum = page.locator(".skm-belum-melapor")
    assert belum.count() == 1
    assert "Satuan Polisi Pamong Praja" in belum.inner_text()


def test_peringkat_menandai_sampel_kurang_dan_menjelaskannya(buka):
    page = buka(f"periode/{PERIODE_TERBARU}/")
    tanda = page.locator(".md-content .skm-tidak-memadai")
    assert tanda.count() > 0
    assert re.search(r"sampel (tidak memadai|kurang)[^.]*minimum",
                     page.locator(".md-content").inner_text())


# --------------------------------------------------------------------------------------
# Charts that speak
# --------------------------------------------------------------------------------------


@pytest.mark.parametrize("jalur", ["", "opd/dukcapil/", f"periode/{PERIODE_TERBARU}/"])
def test_setiap_grafik_berjudul_kalimat_dari_angkanya(buka, jalur):
    page = buka(jalur)
    judul = page.evaluate("""() => [...document.querySelectorAll('[data-plotly]')].map(el => {
        const fig = el.closest('figure');
        const j = fig && fig.querySelector('.skm-judul-grafik');
        return j ? j.textContent.trim() : null; })""")
    assert judul and None not in judul, judul
    assert all(re.search(r"\d+,\d{2}|\d+ unit", j) for j in judul), judul


def test_judul_grafik_tren_unit_menyebut_arah_dan_nilai_terbaru(buka):
    page = buka("opd/dukcapil/")
    judul = page.locator("figure:has(#grafik-tren) .skm-judul-grafik").text_content()
    assert re.fullmatch(r"IKM \S.* (naik \d+,\d{2} poin menjadi|turun \d+,\d{2} poin menjadi"
                        r"|tetap) \d{2,3},\d{2} \([ABCD]\)[^.]*\.?", judul.strip()), judul


@pytest.mark.parametrize("jalur", ["opd/dukcapil/", "opd/satpol-pp/", ""])
def test_sumbu_tren_tetap_25_sampai_100_dengan_keterangan_pita_mutu(buka, jalur):
    page = buka(jalur)
    rentang = page.evaluate("""() => JSON.parse(document.querySelector(
        '[id^=grafik-tren]').getAttribute('data-plotly')).layout.yaxis.range""")
    assert rentang == [25, 100]
    legenda = page.locator("figure:has([id^=grafik-tren]) .skm-legenda-mutu").text_content()
    for huruf in "ABCD":
        assert huruf in legenda


@pytest.mark.parametrize("jalur", ["", "opd/dukcapil/", f"periode/{PERIODE_TERBARU}/"])
def test_tanpa_javascript_wadah_grafik_menunjuk_tabel(buka, jalur):
    page = buka(jalur, js=False)
    wadah = page.locator("[data-plotly]")
    assert wadah.count() > 0
    for i in range(wadah.count()):
        assert "tabel" in wadah.nth(i).text_content().lower()


def test_peringkat_periode_berupa_grafik_berurutan(buka):
    page = buka(f"periode/{PERIODE_TERBARU}/", "desktop")
    fig = page.evaluate("""() => JSON.parse(document.querySelector(
        '[id^=grafik-peringkat]').getAttribute('data-plotly'))""")
    nilai = fig["data"][0]["x"]
    assert nilai == sorted(nilai, reverse=True) or nilai == sorted(nilai)


def test_perbandingan_unit_per_unsur_berwarna_mutu_diskret(buka):
    page = buka(f"periode/{PERIODE_TERBARU}/", "desktop")
    fig = page.evaluate("""() => JSON.parse(document.querySelector(
        '[id^=grafik-peta-unsur]').getAttribute('data-plotly'))""")
    skala = fig["data"][0]["colorscale"]
    warna = [w for _, w in skala]
    # Discrete: every colour holds over an interval (appears twice, at both its ends).
    assert all(warna.count(w) == 2 for w in set(warna)), skala
    assert len(set(warna)) == 4


# --------------------------------------------------------------------------------------
# Things that travel
# --------------------------------------------------------------------------------------

HALAMAN_BERBAGI = ["", "opd/dukcapil/", "opd/satpol-pp/", f"periode/{PERIODE_TERBARU}/",
                   "periode/2025-s1/", f"laporan/{PERIODE_TERBARU}/", "laporan/2025-s1/",
                   "metodologi/", "kontak/"]


def test_judul_dan_deskripsi_setiap_halaman_berbeda(buka):
    kepala = []
    for jalur in HALAMAN_BERBAGI:
        page = buka(jalur, "desktop")
        kepala.append(page.evaluate("""() => ({
            title: document.title,
            desc: document.querySelector('meta[name=description]').content,
            og_title: (document.querySelector('meta[property="og:title"]') || {}).content,
            og_desc: (document.querySelector('meta[property="og:description"]') || {}).content,
            og_url: (document.querySelector('meta[property="og:url"]') || {}).content})"""))
    assert len({k["title"] for k in kepala}) == len(kepala), kepala
    assert len({k["desc"] for k in kepala}) == len(kepala), kepala
    assert all(k["og_title"] and k["og_desc"] and k["og_url"] for k in kepala), kepala


def test_deskripsi_halaman_unit_memuat_angkanya(buka):
    page = buka("opd/dukcapil/", "desktop")
    desc = page.locator('meta[property="og:description"]').get_attribute("content")
    assert re.search(r"\d{2},\d{2}", desc) and re.search(r"\b[ABCD]\b", desc), desc


@pytest.mark.parametrize("layar", LAYAR)
@pytest.mark.parametrize("jalur", ["opd/dukcapil/", f"periode/{PERIODE_TERBARU}/"])
def test_tautan_bagikan_whatsapp_membawa_alamat_halaman(buka, situs, jalur, layar):
    page = buka(jalur, layar)
    wa = page.locator(".skm-bagikan a[href^='https://wa.me/']")
    assert wa.count() == 1
    teks = parse_qs(urlsplit(wa.get_attribute("href")).query)["text"][0]
    assert (situs + jalur) in teks
    assert re.search(r"\d{2},\d{2}", teks)
    assert page.locator(".skm-bagikan button.skm-salin").is_visible()


def test_tombol_salin_tautan_menyalin_alamat(buka, situs):
    page = buka("opd/dukcapil/", "desktop")
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.locator(".skm-bagikan button.skm-salin").click()
    assert page.evaluate("() => navigator.clipboard.readText()") == situs + "opd/dukcapil/"


def test_kaki_halaman_menyebut_penerbit_tanggal_data_dan_lisensi(buka):
    kaki = buka("").locator(".md-footer-meta").inner_text()
    assert "Bagian Organisasi" in kaki
    assert "CC BY 4.0" in kaki or "CC-BY-4.0" in kaki
    assert re.search(r"\d{1,2} \w+ \d{4}", kaki), kaki


def test_halaman_kontak_dari_kabupaten_yaml(buka):
    isi = buka("kontak/")
    teks = isi.locator(".md-content").inner_text()
    assert re.search(r"\(0271\)|\+62|0271", teks), teks
    assert "@" in teks
    assert isi.locator('.md-content a[href*="lapor.go.id"]').count() >= 1


def test_halaman_404_menawarkan_pencarian_dan_daftar_unit(buka):
    page = buka("404.html")  # GitHub Pages serves it for any missing address
    teks = page.locator(".md-content").inner_text()
    assert "tidak ditemukan" in teks
    assert page.locator('.md-content a[href$="opd/"]').count() >= 1


# --------------------------------------------------------------------------------------
# Long tables folded one tap away (halaman.lipat): light on a phone, whole on paper
# --------------------------------------------------------------------------------------


@pytest.mark.parametrize("jalur", ["", f"periode/{PERIODE_TERBARU}/",
                                   f"laporan/{PERIODE_TERBARU}/"])
def test_tabel_panjang_terlipat_dan_terbuka_dengan_satu_ketukan(buka, jalur):
    page = buka(jalur)
    lipatan = page.locator("details.skm-tabel-lipat")
    assert lipatan.count() >= 1
    for i in range(lipatan.count()):
        lipat = lipatan.nth(i)
        assert lipat.get_attribute("open") is None
        assert re.search(r"\d+ (unit|rencana)", lipat.locator("summary").inner_text())
        assert not lipat.locator("td").first.is_visible()
        # not there until opened: no link in it is a target (offsetParent null)
        assert lipat.evaluate("d => [...d.querySelectorAll('td')]"
                              ".every(c => c.offsetParent === null)")
    lipat = lipatan.last
    lipat.locator("summary").tap()
    sel = lipat.locator("tbody tr").last.locator("td").last
    sel.scroll_into_view_if_needed()
    assert sel.is_visible()
    kotak = sel.bounding_box()
    assert kotak["x"] + kotak["width"] <= 390 + 0.5


def test_rencana_tindak_lanjut_terlipat_tetap_menyebut_statusnya(buka):
    """Folding the plan table hides no status: the line above it counts them."""
    page = buka(f"laporan/{PERIODE_TERBARU}/")
    bagian = page.locator("h3[id='42-rencana-tindak-lanjut'] + p").inner_text()
    assert re.search(r"\d+ (rencana|berjalan|selesai)", bagian), bagian


@pytest.mark.parametrize("jalur", ["", f"laporan/{PERIODE_TERBARU}/"])
def test_tabel_terlipat_tercetak_utuh_tanpa_javascript(buka, jalur):
    """A citizen printing the page from a browser without JavaScript gets every row."""
    page = buka(jalur, "desktop", js=False)
    page.emulate_media(media="print")
    lipat = page.locator("details.skm-tabel-lipat").last
    assert not lipat.locator("summary").is_visible()
    assert lipat.locator("tbody tr").last.locator("td").first.is_visible()
