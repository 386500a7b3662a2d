"""Results → Markdown pages, through the Jinja2 templates in ``templates/``.

Every ``{{ value }}`` a template prints goes through :func:`.teks.netral` (Jinja's
``finalize``), so text from ``data/`` can never become Markdown or HTML; only markup the
build generates (charts, badges) is marked :class:`.teks.Aman`. The module returns the
pages as ``{relative path: text}`` and the navigation, and writes nothing itself.
"""

from __future__ import annotations

import html
import json
import unicodedata
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

import jinja2

from skm_build.alat.teks import Aman, blok, netral
from skm_build.aturan import sop
from skm_build.aturan.ikm import (
    AGREGASI,
    BOBOT,
    BOBOT_BAKU,
    KM_CONTOH_POPULASI,
    KONVERSI,
    NILAI_JAWABAN,
    RATA_RATA_UNIT,
    REGULASI,
    REGULASI_JUDUL,
    RUMUS_KM,
    TABEL_MUTU,
    UNSUR,
    UNSUR_MENURUT_KODE,
    Mutu,
    bobot_dibulatkan,
    bulat,
    mutu,
    sampel_minimum,
    uraian_bobot,
)
from skm_build.hitung import isi_laporan as laporan_skm
from skm_build.hitung import langkah as langkah_sop
from skm_build.hitung.hasil import Hasil, HasilKabupaten, HasilUnit
from skm_build.hitung.janji import janji
from skm_build.hitung.kepatuhan import (
    BELUM_MELAPOR,
    MENUNGGU,
    TEPAT_WAKTU,
    URUTAN_STATUS,
    StatusUnit,
    hari_ini,
    status_unit,
)
from skm_build.kontrak.kosakata import KELOMPOK_PROFIL
from skm_build.kontrak.model import Opd, Periode
from skm_build.kontrak.sidik import VersiSah
from skm_build.terbit import data_terbuka, grafik, tabel_terbuka
from skm_build.terbit import format_id as fmt

NAMA_JENIS = {"dinas": "Dinas", "badan": "Badan", "sekretariat": "Sekretariat",
              "kecamatan": "Kecamatan", "kelurahan": "Kelurahan", "puskesmas": "Puskesmas",
              "rsud": "Rumah Sakit", "lainnya": "Unit lainnya"}
STATUS_RTL = {"rencana": "Rencana", "berjalan": "Berjalan", "selesai": "Selesai"}
# The unit × unsur heatmap gives every unit an 18 px row: 100 units are ~1 900 px, two to
# three phone screens. A province's 2 000 units would be a 36 000 px chart nobody can read
# (and ~200 KB of JSON per period page), so beyond this the page keeps the table only.
PETA_UNIT_MAKS = 100
# The grades a reader should look at twice: the lower half of the regulation's table.
HURUF_PERHATIAN = tuple(m.huruf for m in TABEL_MUTU[len(TABEL_MUTU) // 2:])


@dataclass(frozen=True)
class Halaman:
    """One generated page: where it goes and its Markdown."""

    jalur: str
    isi: str


def kepala_halaman(judul: str, deskripsi: str, bagikan: str | None = None,
                   bobot_cari: int | None = None) -> str:
    """Front matter: the page's own browser title, description and share text.

    Written from each page's numbers so that a link pasted into WhatsApp previews what
    the page says ("IKM Dukcapil 83,97 (B)…"), not the site's one generic line. The
    theme override (``overrides/main.html``) prints them escaped; JSON strings are valid
    YAML, so any text from data is quoted safely.
    """
    baris = ["---", f"judul: {json.dumps(judul, ensure_ascii=False)}",
             f"deskripsi: {json.dumps(deskripsi, ensure_ascii=False)}"]
    if bagikan:
        baris.append(f"bagikan: {json.dumps(bagikan, ensure_ascii=False)}")
    if bobot_cari:
        baris += ["search:", f"  boost: {bobot_cari}"]
    return "\n".join([*baris, "---", ""])


def kata_cari(*teks: str) -> str:
    """Lower-case words without accents: what the unit picker matches typed text against."""
    gabung = " ".join(t for t in teks if t).lower()
    return "".join(c for c in unicodedata.normalize("NFD", gabung)
                   if unicodedata.category(c) != "Mn")


def layanan_unit(h: HasilUnit | None) -> list[str]:
    """The services a unit's latest result names (only those large enough to be named):
    search and the picker find the unit by them ("KTP" → Dukcapil)."""
    return [] if h is None else [x.nama for x in h.layanan if x.ikm is not None]


def sebutan(o: Opd) -> str:
    """The short name a chart or sentence uses for a unit."""
    return o.singkatan or o.nama


def kalimat_tren(subjek: str, periode: str, ikm: Fraction, m: Mutu,
                 perubahan: Fraction | None) -> str:
    """A trend chart's headline: "IKM Dukcapil naik 0,14 poin menjadi 83,97 (B) pada …"."""
    nilai = f"{fmt.angka(ikm)} ({m.huruf})"
    if perubahan is None:
        return f"IKM {subjek} pada periode pertama yang tercatat, {periode}: {nilai}."
    arah = _arah(perubahan)
    if arah == "tetap":
        return f"IKM {subjek} tetap {nilai} pada {periode}."
    return f"IKM {subjek} {arah} menjadi {nilai} pada {periode}."


def kalimat_unsur(subjek: str, periode: str, terlemah, terkuat) -> str:
    """A per-unsur chart's headline: the weakest and the strongest unsur with values."""
    return (f"Unsur terlemah {subjek} pada {periode}: {terlemah.unsur.nama} "
            f"({fmt.angka(terlemah.nrr_25)}); terkuat: {terkuat.unsur.nama} "
            f"({fmt.angka(terkuat.nrr_25)}).")


def kalimat_sebaran(sebaran: dict[str, int], jumlah: int) -> str:
    rincian = ", ".join(f"{sebaran.get(m.huruf, 0)} bermutu {m.huruf}" for m in TABEL_MUTU)
    return f"Dari {jumlah} unit yang melapor: {rincian}."


def kalimat_peringkat(unit) -> str:
    atas, bawah = unit[0], unit[-1]
    cd = sum(1 for h in unit if h.ikm.mutu.huruf in HURUF_PERHATIAN)
    return (f"Tertinggi {sebutan(atas.opd)} {fmt.angka(atas.ikm.ikm)} "
            f"({atas.ikm.mutu.huruf}), terendah {sebutan(bawah.opd)} "
            f"{fmt.angka(bawah.ikm.ikm)} ({bawah.ikm.mutu.huruf}); {cd} dari {len(unit)} "
            f"unit bermutu {' atau '.join(HURUF_PERHATIAN)}.")


def kalimat_peta(unit) -> str:
    """Where the weak cells gather: the unsur with the most C/D values across units."""
    lemah = Counter(x.unsur.kode for h in unit for x in h.ikm.unsur
                    if x.mutu is not None and x.mutu.huruf in HURUF_PERHATIAN)
    if not lemah:
        return (f"Tidak ada nilai unsur bermutu {' atau '.join(HURUF_PERHATIAN)} pada "
                f"{len(unit)} unit.")
    kode, n = max(lemah.items(), key=lambda kv: (kv[1], -UNSUR.index(
        UNSUR_MENURUT_KODE[kv[0]])))
    return (f"{sum(lemah.values())} nilai unsur bermutu {' atau '.join(HURUF_PERHATIAN)}; "
            f"terbanyak pada {UNSUR_MENURUT_KODE[kode].nama} ({n} dari {len(unit)} unit).")


def _lingkungan() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("skm_build.terbit", "templates"),
        finalize=netral, autoescape=False, undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True, trim_blocks=True, lstrip_blocks=True,
    )
    env.filters.update(
        angka=fmt.angka, bilangan=fmt.bilangan, tanggal=fmt.tanggal, persen=fmt.persen,
        tanda=lambda v, d=2: fmt.angka(v, d, tanda=True), mutu=lencana_mutu,
        nrr=lambda v: fmt.angka(v, 3), jenis=lambda j: NAMA_JENIS.get(j, j),
        status=lencana_status, blok=blok, tanpa_cari=tanpa_cari, lipat=lipat,
    )
    env.globals.update(UNSUR=UNSUR, UNSUR_MENURUT_KODE=UNSUR_MENURUT_KODE,
                       TABEL_MUTU=TABEL_MUTU, KONVERSI=KONVERSI, REGULASI=REGULASI,
                       REGULASI_JUDUL=REGULASI_JUDUL, Aman=Aman, persen=fmt.persen,
                       BOBOT_BAKU=BOBOT_BAKU, RUMUS_KM=RUMUS_KM, RATA_RATA_UNIT=RATA_RATA_UNIT,
                       mutu_nilai=mutu, KELOMPOK_PROFIL=KELOMPOK_PROFIL, uraian_bobot=uraian_bobot,
                       URUTAN_STATUS=URUTAN_STATUS, TEPAT_WAKTU=TEPAT_WAKTU,
                       PERAN_LENGKAP=sop.PERAN_LENGKAP, SEKDA=sop.SEKDA,
                       paraf=lambda p: langkah_sop.paraf(p, sop.LANGKAH_PENGESAHAN),
                       STATUS_RTL=STATUS_RTL)
    return env


def teks_bobot(bobot: str, w: Fraction) -> str:
    """A weight as a calculation shows it: the exact one as a fraction (1/8), a rounded
    legacy one with the decimals it was rounded to (0,125 under 0.111, 0,13 under 0.11)."""
    desimal = BOBOT[bobot]
    return str(w) if desimal is None else fmt.angka(w, desimal)


def tanpa_cari(markdown: str) -> Aman:
    """A block of the page (its values already escaped) left out of the search index.

    For the long generated tables: a row per unit on the period and report pages, the
    number tables of every unit page. They repeat what each unit's page says, and at
    province size (2 000 units) they made the index the browser downloads and builds
    for every search ~28 MB; unit names, headings and follow-up plans stay searchable.
    Material's search reads ``data-search-exclude`` and strips it from the page.
    """
    return Aman('<div markdown="1" data-search-exclude="1">\n\n' + markdown.strip("\n")
                + "\n\n</div>\n")


def lipat(markdown: str, ringkasan: str) -> Aman:
    """A long table folded one tap away under a summary that says what it holds, and
    left out of the search index like :func:`tanpa_cari`.

    Hundreds of rows laid out as phone cards cost a cheap phone about a second of style
    and layout work before the page answers a tap (Lighthouse TBT 800 ms on the report);
    a closed ``<details>`` is not laid out until opened. Paper shows every row: the print
    stylesheet opens the fold, Material opens it before the browser prints, and the
    report's PDF is printed with it open (:func:`skm_build.terbit.pdf.html_cetak`).
    """
    return Aman('<details class="skm-tabel-lipat" markdown="1" data-search-exclude="1">\n'
                f"<summary>{html.escape(ringkasan)}</summary>\n\n"
                + markdown.strip("\n") + "\n\n</details>\n")


def lencana_mutu(m: Mutu | None) -> Aman:
    """A grade badge; the letter and words come from the regulation table, never data."""
    if m is None:
        return Aman("–")
    return Aman(f'<span class="skm-mutu skm-mutu-{m.huruf}" title="{m.kinerja}">'
                f"{m.huruf}</span> {m.kinerja}")


def lencana_status(status: str) -> Aman:
    """A follow-up plan's status as a chip that stays whole on a phone."""
    nama = html.escape(STATUS_RTL.get(status, status))
    return Aman(f'<span class="skm-status skm-status-{html.escape(status)}">{nama}</span>')


def _arah(perubahan: Fraction | None) -> str:
    if perubahan is None:
        return "periode pertama"
    d = bulat(perubahan, 2)
    if d > 0:
        return f"naik {fmt.angka(d)} poin"
    if d < 0:
        return f"turun {fmt.angka(-d)} poin"
    return "tetap"


def kalimat_kabupaten(nama: str, k: HasilKabupaten, lalu: HasilKabupaten | None) -> str:
    """The one plain sentence a citizen reads first."""
    sebelum = f" dari {lalu.periode.nama}" if lalu is not None else ""
    return (f"IKM {nama} {k.periode.nama}: {fmt.angka(k.ikm)} — mutu {k.mutu.huruf} "
            f"({k.mutu.kinerja}), {_arah(k.perubahan)}{sebelum}, "
            f"{fmt.bilangan(k.responden)} responden, {len(k.unit)} unit")


class PembuatHalaman:
    """Renders every generated page of one build from the results."""

    def __init__(self, hasil: Hasil,
                 versi: dict[str, tuple[VersiSah, ...]] | None = None) -> None:
        """``versi``: the signed versions of each period (:func:`.sidik.riwayat`), whose
        frozen reports are published as signed; without it reports render from data."""
        self.hasil = hasil
        self.versi = versi or {}
        self.data = hasil.data
        self.env = _lingkungan()
        self.kab = self.data.kabupaten
        self.kab_menurut_periode = {k.periode.id: k for k in hasil.kabupaten}

    def _render(self, templat: str, **konteks: object) -> str:
        return self.env.get_template(templat).render(
            kab=self.kab, data=self.data, arah=_arah,
            teks_bobot=lambda w: teks_bobot(self.kab.bobot, w), **konteks)

    def semua(self) -> list[Halaman]:
        halaman = [self.beranda(), self.metodologi(), self.daftar_periode(), self.daftar_opd()]
        halaman += [self.periode(p.id) for p in self.data.periode]
        halaman += [self.opd(o) for o in self.data.opd]
        halaman += [self.daftar_laporan(), self.data_terbuka(), self.kontak()]
        halaman += [self.laporan(k.periode.id) for k in self.hasil.kabupaten]
        halaman += [self.laporan_versi(p, v) for p, semua in sorted(self.versi.items())
                    for v in semua if v.laporan is not None and v.dibuka is not None]
        halaman += [self.alur(p.id) for p in self.data.periode]
        return halaman

    # --- what several pages share ------------------------------------------------------

    def periode_acuan(self) -> Periode | None:
        """The period every unit is expected to have reported for: the newest one that
        has results or whose reporting deadline has passed (a period still being surveyed
        is not held against anyone)."""
        ada = {k.periode.id for k in self.hasil.kabupaten}
        hari = self.hasil.hari_ini
        return next((p for p in reversed(self.data.periode)
                     if p.id in ada or p.batas_laporan < hari), None)

    def belum_lapor(self, o: Opd) -> StatusUnit | None:
        """The unit's status for :meth:`periode_acuan` when its report is missing."""
        p = self.periode_acuan()
        if p is None or (p.id, o.id) in self.data.survei:
            return None
        return status_unit(o, p, False, None, self.hasil.hari_ini)

    def pemilih(self) -> list[tuple[str, list[tuple[Opd, HasilUnit | None, str]]]]:
        """Every unit for the picker, grouped by kind: (unit, latest result, search words)."""
        kelompok: dict[str, list[tuple[Opd, HasilUnit | None, str]]] = {}
        for o in sorted(self.data.opd, key=lambda o: o.nama):
            terbaru = next(iter(self.hasil.unit_dari(o.id)), None)
            kata = kata_cari(o.nama, o.singkatan or "", *o.alias, o.kecamatan or "",
                             NAMA_JENIS.get(o.jenis, ""),
                             *layanan_unit(terbaru))
            kelompok.setdefault(o.jenis, []).append((o, terbaru, kata))
        return [(NAMA_JENIS.get(j, j), kelompok[j]) for j in NAMA_JENIS if j in kelompok]

    # --- pages -----------------------------------------------------------------------

    def beranda(self) -> Halaman:
        k = self.hasil.terbaru
        konteks: dict[str, object] = {"k": k, "semua_kab": self.hasil.kabupaten,
                                      "pemilih": self.pemilih(), "tren": None}
        acuan = self.periode_acuan()
        konteks["acuan"] = acuan
        konteks["belum"] = [] if acuan is None else [
            s for s in self.hasil.kepatuhan(acuan.id).unit
            if s.status in (BELUM_MELAPOR, MENUNGGU)]
        nama = self.kab.nama
        if k is None:
            kepala = kepala_halaman(f"IKM {nama}", f"Hasil Survei Kepuasan Masyarakat {nama}.")
            return Halaman("index.md", kepala + self._render("beranda.md.j2", **konteks))
        semua = self.hasil.kabupaten
        fig = grafik.tren([x.periode.nama for x in semua], [float(x.ikm) for x in semua])
        konteks["tren"] = grafik.wadah(
            "tren-kabupaten", fig, "Tren IKM kabupaten per periode",
            kalimat_tren(nama, k.periode.nama, k.ikm, k.mutu, k.perubahan), legenda=True,
            tabel="tabel Tren IKM kabupaten di bawah grafik ini")
        konteks["kalimat"] = kalimat_kabupaten(nama, k, self._sebelum(k))
        konteks["tanda_kurang"] = any(h.sampel_memadai is False for h in k.unit)
        kepala = kepala_halaman(
            f"IKM {nama} {k.periode.nama}: {fmt.angka(k.ikm)} ({k.mutu.huruf})",
            konteks["kalimat"] + ". Hasil setiap unit layanan, tren dan rencana perbaikan.")
        return Halaman("index.md", kepala + self._render("beranda.md.j2", **konteks))

    def _sebelum(self, k: HasilKabupaten) -> HasilKabupaten | None:
        semua = self.hasil.kabupaten
        i = semua.index(k)
        return semua[i - 1] if i > 0 else None

    def metodologi(self) -> Halaman:
        contoh_km = [(n, sampel_minimum(n)) for n in KM_CONTOH_POPULASI]
        kepala = kepala_halaman(
            "Metodologi: cara menghitung IKM",
            f"Cara menghitung Indeks Kepuasan Masyarakat menurut {REGULASI}: sembilan unsur, "
            "nilai rata-rata, bobot, konversi ke skala 25–100 dan mutu A–D.")
        tabel_bobot = []
        for k in range(len(UNSUR), 0, -1):
            w = bobot_dibulatkan(self.kab.bobot, k)
            tabel_bobot.append((k, w, k * w * max(NILAI_JAWABAN) * KONVERSI, k * w <= 1))
        terbaru = self.hasil.terbaru
        return Halaman("metodologi.md", kepala + self._render(
            "metodologi.md.j2", desimal_bobot=BOBOT[self.kab.bobot], tabel_bobot=tabel_bobot,
            fmt_angka=fmt.angka, periode_bobot=terbaru and terbaru.periode,
            unit_bobot_lain=[h for h in (terbaru.unit if terbaru else ())
                             if len(h.ikm.dinilai) != len(UNSUR)],
            contoh_km=contoh_km, agregasi=AGREGASI, agregasi_dipakai=self.kab.agregasi,
            # the value that rounds up onto the best grade's bound: why rounding comes first
            contoh_tepi=TABEL_MUTU[0].batas_bawah - Decimal("0.005")))

    def daftar_periode(self) -> Halaman:
        kepala = kepala_halaman(
            "Hasil per periode", f"IKM {self.kab.nama} setiap periode survei: nilai, mutu "
            "dan banyaknya unit yang melapor.")
        return Halaman("periode/index.md", kepala + self._render(
            "periode_indeks.md.j2", baris=[(p, self.kab_menurut_periode.get(p.id))
                                           for p in reversed(self.data.periode)]))

    def daftar_opd(self) -> Halaman:
        kepala = kepala_halaman(
            "Cari unit layanan", f"Nilai IKM terbaru {len(self.data.opd)} unit layanan "
            f"{self.kab.nama}: cari unit Anda menurut nama, singkatan atau kecamatan.")
        return Halaman("opd/index.md", kepala + self._render(
            "opd_indeks.md.j2", pemilih=self.pemilih()))

    def periode(self, periode_id: str) -> Halaman:
        per = self.data.periode_menurut_id()[periode_id]
        k = self.kab_menurut_periode.get(periode_id)
        konteks: dict[str, object] = {"p": per, "k": k}
        konteks["kepatuhan"] = self.hasil.kepatuhan(periode_id)
        if k is None:
            kepala = kepala_halaman(f"Hasil SKM {per.nama}: belum ada laporan",
                                    f"Belum ada unit yang melaporkan hasil SKM {per.nama}.")
            return Halaman(f"periode/{periode_id}.md",
                           kepala + self._render("periode.md.j2", **konteks))
        nilai = k.nilai_unsur()
        lemah, kuat = k.terlemah()[0], k.terkuat()[0]
        konteks["grafik_unsur"] = grafik.wadah(
            f"unsur-{periode_id}", grafik.unsur(
                [x.unsur.nama_pendek for x in nilai], [float(x.nrr_25) for x in nilai],
                [x.mutu.huruf for x in nilai]),
            f"Nilai per unsur kabupaten, {per.nama}",
            kalimat_unsur("kabupaten", per.nama, lemah, kuat), legenda=True)
        sebaran = k.sebaran_mutu
        konteks["sebaran"] = sebaran
        konteks["grafik_sebaran"] = grafik.wadah(
            f"sebaran-mutu-{periode_id}", grafik.sebaran_mutu(sebaran),
            f"Banyaknya unit per mutu, {per.nama}", kalimat_sebaran(sebaran, len(k.unit)))
        konteks["grafik_peringkat"] = grafik.wadah(
            f"peringkat-{periode_id}", grafik.peringkat(
                [sebutan(h.opd) + (" *" if h.sampel_memadai is False else "")
                 for h in k.unit],
                [float(bulat(h.ikm.ikm, 2)) for h in k.unit],
                [h.ikm.mutu.huruf for h in k.unit]),
            f"Peringkat IKM unit layanan, {per.nama}", kalimat_peringkat(k.unit),
            legenda=True, tabel='"Tabel peringkat" di bawah grafik ini')
        konteks["peta_unit_maks"] = PETA_UNIT_MAKS
        konteks["grafik_peta"] = None if len(k.unit) > PETA_UNIT_MAKS else grafik.wadah(
            f"peta-unsur-{periode_id}", grafik.peta_panas(
                [sebutan(h.opd) for h in k.unit], [u.kode.upper() for u in UNSUR],
                [[None if x.nrr_25 is None else float(bulat(x.nrr_25, 2))
                  for x in h.ikm.unsur] for h in k.unit]),
            f"Nilai setiap unit per unsur, {per.nama}", kalimat_peta(k.unit), legenda=True,
            tabel='"Tabel nilai setiap unit per unsur" di bawah grafik ini')
        konteks["tanda_kurang"] = any(h.sampel_memadai is False for h in k.unit)
        ringkas = (f"IKM {self.kab.nama} {per.nama}: {fmt.angka(k.ikm)}, mutu {k.mutu.huruf} "
                   f"({k.mutu.kinerja}), {_arah(k.perubahan)}; {len(k.unit)} unit, "
                   f"{fmt.bilangan(k.responden)} responden")
        kepala = kepala_halaman(
            f"Hasil SKM {per.nama}: IKM {fmt.angka(k.ikm)} ({k.mutu.huruf})",
            f"{ringkas}. Peringkat unit, nilai per unsur dan kepatuhan pelaporan.",
            bagikan=f"{ringkas}.")
        return Halaman(f"periode/{periode_id}.md",
                       kepala + self._render("periode.md.j2", **konteks))

    def opd(self, o: Opd) -> Halaman:
        riwayat = self.hasil.unit_dari(o.id)  # latest first
        lapor = self.belum_lapor(o)
        konteks: dict[str, object] = {
            "o": o, "riwayat": riwayat, "lapor": lapor, "acuan": self.periode_acuan(),
            "janji": janji(riwayat), "layanan": layanan_unit(riwayat[0] if riwayat else None)}
        nama = sebutan(o)
        if not riwayat:
            kepala = kepala_halaman(f"{o.nama}: belum ada hasil SKM",
                                    f"{o.nama} belum melaporkan hasil Survei Kepuasan "
                                    "Masyarakat.", bobot_cari=3)
            return Halaman(f"opd/{o.id}.md", kepala + self._render("opd.md.j2", **konteks))
        h = riwayat[0]
        urut = list(reversed(riwayat))
        konteks["grafik_tren"] = grafik.wadah(
            "tren", grafik.tren([x.periode.nama for x in urut],
                                [float(x.ikm.ikm) for x in urut], o.target_ikm),
            f"Tren IKM {o.nama}",
            kalimat_tren(nama, h.periode.nama, h.ikm.ikm, h.ikm.mutu, h.perubahan),
            legenda=True, tabel="tabel Tren IKM di bawah grafik ini")
        nilai = [x for x in h.ikm.unsur if x.berlaku]
        konteks["grafik_unsur"] = grafik.wadah(
            f"unsur-{h.periode.id}", grafik.unsur(
                [x.unsur.nama_pendek for x in nilai],
                [None if x.nrr_25 is None else float(x.nrr_25) for x in nilai],
                [x.mutu.huruf if x.mutu else None for x in nilai]),
            f"Nilai per unsur {o.nama}, {h.periode.nama}",
            kalimat_unsur(nama, h.periode.nama, h.ikm.terlemah()[0], h.ikm.terkuat()[0]),
            legenda=True, tabel="tabel nilai per unsur di bawah grafik ini")
        ringkas = (f"IKM {nama} {h.periode.nama}: {fmt.angka(h.ikm.ikm)}, mutu "
                   f"{h.ikm.mutu.huruf} ({h.ikm.mutu.kinerja}), {_arah(h.perubahan)}; "
                   f"{fmt.bilangan(h.survei.responden)} responden")
        acuan = self.periode_acuan()
        if lapor is not None and acuan is not None:
            ringkas += f"; belum melapor untuk {acuan.nama}"
        kepala = kepala_halaman(
            f"{o.nama}: IKM {fmt.angka(h.ikm.ikm)} ({h.ikm.mutu.huruf}), {h.periode.nama}",
            f"{ringkas}. Tren, nilai per unsur dan rencana perbaikan {o.nama}.",
            bagikan=f"{ringkas}.", bobot_cari=3)
        return Halaman(f"opd/{o.id}.md", kepala + self._render("opd.md.j2", **konteks))

    def daftar_laporan(self) -> Halaman:
        kepala = kepala_halaman(
            "Laporan SKM Kabupaten", f"Laporan Survei Kepuasan Masyarakat {self.kab.nama} "
            "setiap periode, BAB I–V, siap dicetak.")
        return Halaman("laporan/index.md", kepala + self._render(
            "laporan_indeks.md.j2", baris=[(p, self.kab_menurut_periode.get(p.id))
                                           for p in reversed(self.data.periode)]))

    def laporan(self, periode_id: str) -> Halaman:
        """The Laporan SKM Kabupaten of one period with results (BAB I–V, tables only)."""
        per = self.data.periode_menurut_id()[periode_id]
        versi = self.versi.get(periode_id, ())
        berlaku = next((v for v in versi if v.dibuka is None), None)
        if per.pengesahan is not None and berlaku is not None and berlaku.laporan is not None:
            md = berlaku.laporan  # signed means frozen: the report exactly as signed
        else:
            md = self.isi_laporan(periode_id)
        if versi or per.revisi:
            md += "\n" + self._render("riwayat_versi.md.j2", p=per, versi=versi,
                                       nama_bagian=self.nama_bagian)
        # Title and description outside the report's own text (a signed text is frozen).
        k = self.kab_menurut_periode[periode_id]
        status = "disahkan" if per.pengesahan else "DRAF, belum disahkan"
        kepala = kepala_halaman(
            f"Laporan SKM {per.nama} ({status})",
            f"Laporan SKM {self.kab.nama} {per.nama} ({status}): IKM {fmt.angka(k.ikm)}, mutu "
            f"{k.mutu.huruf} ({k.mutu.kinerja}), {len(k.unit)} unit, "
            f"{fmt.bilangan(k.responden)} responden.")
        return Halaman(f"laporan/{periode_id}.md", kepala + md)

    def isi_laporan(self, periode_id: str) -> str:
        """The report's own Markdown (BAB I–V) from the data: what ``skm sahkan`` freezes."""
        isi = laporan_skm.isi_laporan(self.hasil, periode_id)
        if isi is None:
            raise ValueError(f"periode {periode_id} belum memiliki hasil")
        return self._render("laporan.md.j2", L=isi)

    def nama_bagian(self, nama: str) -> str:
        """A digest part in words: 'survei/2025-s1/dukcapil' → the unit's name."""
        if nama.startswith("survei/"):
            o = self.data.opd_menurut_id().get(nama.rsplit("/", 1)[-1])
            return f"data {o.nama if o else nama.rsplit('/', 1)[-1]}"
        return {"kabupaten.yaml": "cara menghitung (bobot, agregasi)",
                "periode.yaml": "tanggal periode"}.get(nama, nama)

    def laporan_versi(self, periode_id: str, v: VersiSah) -> Halaman:
        """An earlier signed version, frozen as it was signed, marked as superseded."""
        per = self.data.periode_menurut_id()[periode_id]
        catatan = self._render("versi_lama.md.j2", p=per, v=v)
        md = v.laporan or ""
        judul = md.find("\n# ")
        sisip = md.find("\n", judul + 1) + 1 if judul != -1 else 0
        return Halaman(f"laporan/{periode_id}-versi-{v.versi}.md",
                       md[:sisip] + "\n" + catatan + "\n" + md[sisip:])

    def alur(self, periode_id: str) -> Halaman:
        """The ten SOP steps of one period: dates, durations, overruns, paraf chains."""
        per = self.data.periode_menurut_id()[periode_id]
        hari = hari_ini()
        return Halaman(f"alur/{periode_id}.md", self._render(
            "alur.md.j2", p=per, k=self.kab_menurut_periode.get(periode_id),
            langkah=langkah_sop.keadaan(self.data, periode_id, hari), hari_ini=hari,
            SOP_NOMOR=sop.SOP_NOMOR,
            paraf=[("Surat edaran (langkah 4)",
                    langkah_sop.paraf(per, sop.LANGKAH_PARAF_SURAT)),
                   ("Laporan SKM Kabupaten (langkah 9)",
                    langkah_sop.paraf(per, sop.LANGKAH_PENGESAHAN))]))

    def data_terbuka(self) -> Halaman:
        terbit = [k.periode for k in self.hasil.kabupaten]
        kepala = kepala_halaman(
            "Data terbuka", f"Unduh hasil SKM {self.kab.nama} sebagai CSV, Excel dan JSON "
            f"({data_terbuka.LISENSI['name']}).")
        return Halaman("data/index.md", kepala + self._render(
            "data.md.j2", periode=list(reversed(terbit)), terbaru=self.hasil.terbaru,
            unduhan=data_terbuka.daftar_unduhan(), tabel=tabel_terbuka.TABEL,
            desimal=tabel_terbuka.DESIMAL, sel_minimum=tabel_terbuka.SEL_MINIMUM,
            lisensi=data_terbuka.LISENSI))

    def kontak(self) -> Halaman:
        kepala = kepala_halaman(
            "Kontak", f"Alamat, telepon dan e-mail {self.kab.penyusun}, dan cara menyampaikan "
            "pengaduan layanan melalui SP4N-LAPOR!.")
        return Halaman("kontak.md", kepala + self._render("kontak.md.j2"))

    def navigasi(self) -> list:
        """MkDocs ``nav``: generated sections first, then the hand-written pages.

        Unit pages are reached from the unit index, not listed in the nav: every page
        carries the whole nav, so listing n units would make the site grow with n².
        MkDocs themes print nav titles without escaping: titles from data are escaped here.
        """
        return [
            {"Beranda": "index.md"},
            {"Hasil per periode": ["periode/index.md"]
             + [{html.escape(p.nama): f"periode/{p.id}.md"} for p in reversed(self.data.periode)]},
            {"Unit layanan": "opd/index.md"},
            {"Laporan": ["laporan/index.md"]
             + [{html.escape(k.periode.nama): f"laporan/{k.periode.id}.md"}
                for k in reversed(self.hasil.kabupaten)]},
            {"Data terbuka": "data/index.md"},
            {"Metodologi": "metodologi.md"},
            {"Kontak": "kontak.md"},
        ]

