"""Results → Markdown pages, through the Jinja2 templates in ``templates/``.

Every ``{{ value }}`` a template prints goes through :func:`.teks.netral` (Jinja's
``finalize``), so text from ``data/`` can never become Markdown or HTML; only markup the
build generates (charts, badges) is marked :class:`.teks.Aman`. The module returns the
pages as ``{relative path: text}`` and the navigation, and writes nothing itself.
"""

from __future__ import annotations

import html
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
from skm_build.hitung.kepatuhan import TEPAT_WAKTU, URUTAN_STATUS, hari_ini
from skm_build.kontrak.kosakata import KELOMPOK_PROFIL
from skm_build.kontrak.model import Opd
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


@dataclass(frozen=True)
class Halaman:
    """One generated page: where it goes and its Markdown."""

    jalur: str
    isi: str


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
        status=lambda s: STATUS_RTL.get(s, s), blok=blok, tanpa_cari=tanpa_cari,
    )
    env.globals.update(UNSUR=UNSUR, UNSUR_MENURUT_KODE=UNSUR_MENURUT_KODE,
                       TABEL_MUTU=TABEL_MUTU, KONVERSI=KONVERSI, REGULASI=REGULASI,
                       REGULASI_JUDUL=REGULASI_JUDUL, Aman=Aman, persen=fmt.persen,
                       BOBOT_BAKU=BOBOT_BAKU, RUMUS_KM=RUMUS_KM, RATA_RATA_UNIT=RATA_RATA_UNIT,
                       mutu_nilai=mutu, KELOMPOK_PROFIL=KELOMPOK_PROFIL, uraian_bobot=uraian_bobot,
                       URUTAN_STATUS=URUTAN_STATUS, TEPAT_WAKTU=TEPAT_WAKTU,
                       PERAN_LENGKAP=sop.PERAN_LENGKAP, SEKDA=sop.SEKDA,
                       paraf=lambda p: langkah_sop.paraf(p, sop.LANGKAH_PENGESAHAN))
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


def lencana_mutu(m: Mutu | None) -> Aman:
    """A grade badge; the letter and words come from the regulation table, never data."""
    if m is None:
        return Aman("–")
    return Aman(f'<span class="skm-mutu skm-mutu-{m.huruf}" title="{m.kinerja}">'
                f"{m.huruf}</span> {m.kinerja}")


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
        halaman += [self.daftar_laporan(), self.data_terbuka()]
        halaman += [self.laporan(k.periode.id) for k in self.hasil.kabupaten]
        halaman += [self.laporan_versi(p, v) for p, semua in sorted(self.versi.items())
                    for v in semua if v.laporan is not None and v.dibuka is not None]
        halaman += [self.alur(p.id) for p in self.data.periode]
        return halaman

    # --- pages -----------------------------------------------------------------------

    def beranda(self) -> Halaman:
        k = self.hasil.terbaru
        tren = None
        if k is not None:
            fig = grafik.tren([x.periode.nama for x in self.hasil.kabupaten],
                              [float(x.ikm) for x in self.hasil.kabupaten])
            tren = grafik.wadah("tren-kabupaten", fig, "Tren IKM kabupaten per periode")
        return Halaman("index.md", self._render(
            "beranda.md.j2", k=k, tren=tren, semua_kab=self.hasil.kabupaten,
            kalimat=kalimat_kabupaten(self.kab.nama, k, self._sebelum(k)) if k else None))

    def _sebelum(self, k: HasilKabupaten) -> HasilKabupaten | None:
        semua = self.hasil.kabupaten
        i = semua.index(k)
        return semua[i - 1] if i > 0 else None

    def metodologi(self) -> Halaman:
        contoh_km = [(n, sampel_minimum(n)) for n in KM_CONTOH_POPULASI]
        tabel_bobot = []
        for k in range(len(UNSUR), 0, -1):
            w = bobot_dibulatkan(self.kab.bobot, k)
            tabel_bobot.append((k, w, k * w * max(NILAI_JAWABAN) * KONVERSI, k * w <= 1))
        terbaru = self.hasil.terbaru
        return Halaman("metodologi.md", self._render(
            "metodologi.md.j2", desimal_bobot=BOBOT[self.kab.bobot], tabel_bobot=tabel_bobot,
            fmt_angka=fmt.angka, periode_bobot=terbaru and terbaru.periode,
            unit_bobot_lain=[h for h in (terbaru.unit if terbaru else ())
                             if len(h.ikm.dinilai) != len(UNSUR)],
            contoh_km=contoh_km, agregasi=AGREGASI, agregasi_dipakai=self.kab.agregasi,
            # the value that rounds up onto the best grade's bound: why rounding comes first
            contoh_tepi=TABEL_MUTU[0].batas_bawah - Decimal("0.005")))

    def daftar_periode(self) -> Halaman:
        return Halaman("periode/index.md", self._render(
            "periode_indeks.md.j2", baris=[(p, self.kab_menurut_periode.get(p.id))
                                           for p in reversed(self.data.periode)]))

    def daftar_opd(self) -> Halaman:
        kelompok: dict[str, list[tuple[Opd, HasilUnit | None]]] = {}
        for o in sorted(self.data.opd, key=lambda o: o.nama):
            terbaru = next(iter(self.hasil.unit_dari(o.id)), None)
            kelompok.setdefault(o.jenis, []).append((o, terbaru))
        urutan = [j for j in NAMA_JENIS if j in kelompok]
        return Halaman("opd/index.md", self._render(
            "opd_indeks.md.j2", kelompok=[(j, kelompok[j]) for j in urutan]))

    def periode(self, periode_id: str) -> Halaman:
        per = self.data.periode_menurut_id()[periode_id]
        k = self.kab_menurut_periode.get(periode_id)
        konteks: dict[str, object] = {"p": per, "k": k}
        konteks["kepatuhan"] = self.hasil.kepatuhan(periode_id)
        if k is not None:
            nilai = k.nilai_unsur()
            konteks["grafik_unsur"] = grafik.wadah(
                f"unsur-{periode_id}", grafik.unsur(
                    [x.unsur.nama_pendek for x in nilai], [float(x.nrr_25) for x in nilai],
                    [x.mutu.huruf for x in nilai]),
                f"Nilai per unsur kabupaten, {per.nama}")
            konteks["sebaran"] = k.sebaran_mutu
            konteks["grafik_sebaran"] = grafik.wadah(
                f"sebaran-mutu-{periode_id}", grafik.sebaran_mutu(k.sebaran_mutu),
                f"Banyaknya unit per mutu, {per.nama}")
            konteks["peta_unit_maks"] = PETA_UNIT_MAKS
            konteks["grafik_peta"] = None if len(k.unit) > PETA_UNIT_MAKS else grafik.wadah(
                f"peta-unsur-{periode_id}", grafik.peta_panas(
                    [h.opd.nama for h in k.unit], [u.kode.upper() for u in UNSUR],
                    [[None if x.nrr_25 is None else float(x.nrr_25) for x in h.ikm.unsur]
                     for h in k.unit]),
                f"Nilai setiap unit per unsur, {per.nama}")
        return Halaman(f"periode/{periode_id}.md", self._render("periode.md.j2", **konteks))

    def opd(self, o: Opd) -> Halaman:
        riwayat = self.hasil.unit_dari(o.id)  # latest first
        konteks: dict[str, object] = {"o": o, "riwayat": riwayat}
        if riwayat:
            urut = list(reversed(riwayat))
            konteks["grafik_tren"] = grafik.wadah(
                "tren", grafik.tren([h.periode.nama for h in urut],
                                    [float(h.ikm.ikm) for h in urut], o.target_ikm),
                f"Tren IKM {o.nama}")
            h = riwayat[0]
            nilai = [x for x in h.ikm.unsur if x.berlaku]
            konteks["grafik_unsur"] = grafik.wadah(
                f"unsur-{h.periode.id}", grafik.unsur(
                    [x.unsur.nama_pendek for x in nilai],
                    [None if x.nrr_25 is None else float(x.nrr_25) for x in nilai],
                    [x.mutu.huruf if x.mutu else None for x in nilai]),
                f"Nilai per unsur {o.nama}, {h.periode.nama}")
        return Halaman(f"opd/{o.id}.md", self._render("opd.md.j2", **konteks))

    def daftar_laporan(self) -> Halaman:
        return Halaman("laporan/index.md", self._render(
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
        return Halaman(f"laporan/{periode_id}.md", md)

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
        return Halaman("data/index.md", self._render(
            "data.md.j2", periode=list(reversed(terbit)), terbaru=self.hasil.terbaru,
            unduhan=data_terbuka.daftar_unduhan(), tabel=tabel_terbuka.TABEL,
            desimal=tabel_terbuka.DESIMAL, sel_minimum=tabel_terbuka.SEL_MINIMUM,
            lisensi=data_terbuka.LISENSI))

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
        ]

