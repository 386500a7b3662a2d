"""Open data: the results of each period as CSV, XLSX and JSON with a Frictionless descriptor.

Pure functions: :func:`berkas_data_terbuka` returns ``{relative path: bytes}`` and writes
nothing; :mod:`.situs` puts the files into the docs folder so MkDocs copies them to
``site/data/``. Every number comes from :mod:`.hasil` (the same objects the pages
read), so a download can never disagree with the site.

What is published, per period with at least one unit report (``data/<periode>/``, and
the latest such period again as ``data/terbaru/`` so a link to "the newest data" is
stable):

- ``ringkasan-kabupaten.csv``: the kabupaten IKM, both aggregation rules;
- ``hasil-unit.csv``: one row per unit (NRR per unsur, IKM, mutu, sample adequacy);
- ``unsur-kabupaten.csv``: the kabupaten NRR per unsur;
- ``profil-responden.csv``: respondent counts per unit and category, small cells
  suppressed;
- ``skm.xlsx`` and ``skm.json``: the same tables in one workbook / one document;
- ``datapackage.json``: the Frictionless descriptor of all of the above.

Precision: every computed value (NRR, IKM) is the engine's exact fraction rounded half-up
to :data:`DESIMAL` = 6 decimal places, written with a decimal point. That is three places
more than any published figure (NRR 3, IKM 2), so each displayed value can be recomputed
from the file; ``ikm_dibulatkan`` carries the official 2-decimal IKM the grade is given on
(re-rounding a 6-decimal value could, in a rare tie, differ from rounding the exact value).

Privacy: no respondent-level row is ever written. The profile is aggregated counts only,
and a count below :data:`SEL_MINIMUM` is left empty with a note, together with as many
further cells of the same unit and category group as are needed so that the hidden
cells cannot be worked out by subtraction and together hold at least that many people.
"""

from __future__ import annotations

import csv
import hashlib
import io
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime, time
from decimal import Decimal
from fractions import Fraction

from skm_build.alat.arsip import kemas_ulang
from skm_build.aturan.ikm import (
    AGREGASI,
    KODE_UNSUR,
    KONVERSI,
    REGULASI,
    REGULASI_JUDUL,
    TABEL_MUTU,
    UNSUR,
    bulat,
)
from skm_build.aturan.ikm import mutu as mutu_dari
from skm_build.hitung.hasil import Hasil, HasilKabupaten, HasilUnit
from skm_build.terbit import hasil_json

DESIMAL = 6
SEL_MINIMUM = 5
FOLDER = "data"
TERBARU = "terbaru"
LISENSI = {
    "name": "CC-BY-4.0",
    "title": "Creative Commons Attribution 4.0 International",
    "path": "https://creativecommons.org/licenses/by/4.0/",
}
CATATAN_DISEMBUNYIKAN = f"disembunyikan: kurang dari {SEL_MINIMUM} responden"
CATATAN_PELENGKAP = "disembunyikan agar sel kecil lain tidak dapat dihitung"
JUDUL_PROFIL_TERBUKA = {
    "jenis_kelamin": "Jenis kelamin (L = laki-laki, P = perempuan)",
    "usia": "Kelompok usia (tahun)",
    "pendidikan": "Pendidikan terakhir",
    "pekerjaan": "Pekerjaan utama",
}


@dataclass(frozen=True)
class Kolom:
    """One column of a published table: its name, Frictionless type and description."""

    nama: str
    tipe: str  # Frictionless Table Schema type: string, integer, number, boolean
    judul: str
    deskripsi: str
    wajib: bool = True
    pilihan: tuple[str, ...] = ()

    def skema(self) -> dict:
        bidang: dict = {"name": self.nama, "type": self.tipe, "title": self.judul,
                        "description": self.deskripsi}
        batasan: dict = {}
        if self.wajib:
            batasan["required"] = True
        if self.pilihan:
            batasan["enum"] = list(self.pilihan)
        if batasan:
            bidang["constraints"] = batasan
        return bidang


@dataclass(frozen=True)
class Tabel:
    """One published table: file stem, descriptions, columns and its rows."""

    nama: str
    judul: str
    deskripsi: str
    kolom: tuple[Kolom, ...]
    kunci: tuple[str, ...]
    baris: tuple[dict, ...] = ()

    @property
    def berkas(self) -> str:
        return f"{self.nama}.csv"


_HURUF_MUTU = tuple(m.huruf for m in TABEL_MUTU)
_KINERJA = tuple(m.kinerja for m in TABEL_MUTU)
_PRESISI = (f"dibulatkan setengah ke atas ke {DESIMAL} angka desimal dari nilai eksak "
            "mesin penghitung")

_KOLOM_MUTU = (
    Kolom("mutu", "string", "Mutu", "Mutu pelayanan A–D menurut tabel interval",
          pilihan=_HURUF_MUTU),
    Kolom("kinerja", "string", "Kinerja", "Kinerja unit pelayanan menurut tabel interval",
          pilihan=_KINERJA),
)

KOLOM_RINGKASAN: tuple[Kolom, ...] = (
    Kolom("periode", "string", "Periode", "Kode periode survei (TTTT, TTTT-s1/s2, TTTT-tw1..4)"),
    Kolom("nama_periode", "string", "Nama periode", "Nama periode survei"),
    Kolom("mulai", "date", "Mulai", "Tanggal awal periode survei"),
    Kolom("selesai", "date", "Selesai", "Tanggal akhir periode survei"),
    Kolom("agregasi", "string", "Aturan agregasi",
          "Cara nilai kabupaten dihitung: rata-rata-unit (setiap unit dihitung sekali) atau "
          "gabungan-responden (setiap responden dihitung sekali)", pilihan=tuple(AGREGASI)),
    Kolom("ikm", "number", "IKM kabupaten",
          f"IKM kabupaten skala 25–100 menurut aturan agregasi, {_PRESISI}"),
    Kolom("ikm_dibulatkan", "number", "IKM kabupaten (2 desimal)",
          "IKM kabupaten dibulatkan setengah ke atas ke 2 desimal: angka resmi yang dinilai"),
    *_KOLOM_MUTU,
    Kolom("ikm_rata_rata_unit", "number", "IKM rata-rata unit",
          f"Rata-rata IKM unit, setiap unit dihitung sekali, {_PRESISI}"),
    Kolom("ikm_gabungan", "number", "IKM gabungan responden",
          f"IKM dari gabungan seluruh responden semua unit, {_PRESISI}"),
    Kolom("unit_melapor", "integer", "Unit melapor", "Banyaknya unit yang melaporkan hasil"),
    Kolom("responden", "integer", "Responden", "Banyaknya responden seluruh unit"),
    Kolom("perubahan", "number", "Perubahan",
          f"Selisih IKM kabupaten terhadap periode sebelumnya (poin), {_PRESISI}; "
          "kosong pada periode pertama", wajib=False),
)

KOLOM_UNIT: tuple[Kolom, ...] = (
    Kolom("periode", "string", "Periode", "Kode periode survei"),
    Kolom("opd", "string", "Kode unit", "Kode unit layanan (OPD) di opd.yaml"),
    Kolom("nama", "string", "Nama unit", "Nama unit layanan"),
    Kolom("jenis", "string", "Jenis unit",
          "Jenis unit: dinas, badan, sekretariat, kecamatan, kelurahan, puskesmas, rsud, lainnya"),
    Kolom("responden", "integer", "Responden", "Banyaknya responden unit pada periode ini"),
    *(Kolom(f"nrr_{u.kode}", "number", f"NRR {u.kode.upper()}",
            f"Nilai rata-rata unsur {u.kode.upper()} {u.nama} (skala 1–4), {_PRESISI}; "
            "kosong bila unsur tidak berlaku bagi unit atau tanpa jawaban sah", wajib=False)
      for u in UNSUR),
    Kolom("ikm_1_4", "number", "IKM (1–4)", f"Jumlah NRR tertimbang, skala 1–4, {_PRESISI}"),
    Kolom("ikm", "number", "IKM unit (25–100)", f"IKM unit pelayanan = IKM (1–4) × 25, {_PRESISI}"),
    Kolom("ikm_dibulatkan", "number", "IKM unit (2 desimal)",
          "IKM unit dibulatkan setengah ke atas ke 2 desimal: angka resmi yang dinilai"),
    *_KOLOM_MUTU,
    Kolom("populasi", "integer", "Populasi",
          "Banyaknya pengguna layanan pada periode (dilaporkan unit); kosong bila tidak dilaporkan",
          wajib=False),
    Kolom("sampel_minimum", "integer", "Sampel minimum",
          "Ukuran sampel minimum Krejcie–Morgan untuk populasi itu; kosong bila populasi tidak "
          "dilaporkan", wajib=False),
    Kolom("sampel_memadai", "boolean", "Sampel memadai",
          "true bila responden ≥ sampel minimum; kosong bila populasi tidak dilaporkan",
          wajib=False),
)

KOLOM_UNSUR: tuple[Kolom, ...] = (
    Kolom("periode", "string", "Periode", "Kode periode survei"),
    Kolom("kode", "string", "Kode unsur", "Kode unsur u1..u9 sesuai urutan kuesioner",
          pilihan=KODE_UNSUR),
    Kolom("nama", "string", "Nama unsur", "Nama unsur pelayanan"),
    Kolom("nrr", "number", "NRR kabupaten",
          f"Nilai rata-rata unsur tingkat kabupaten (skala 1–4) menurut aturan agregasi, "
          f"{_PRESISI}"),
    Kolom("nrr_25", "number", "NRR × 25", f"NRR dikonversi ke skala 25–100, {_PRESISI}"),
    Kolom("mutu", "string", "Mutu", "Mutu unsur A–D (NRR × 25 dinilai dengan tabel interval)",
          pilihan=_HURUF_MUTU),
)

KOLOM_PROFIL: tuple[Kolom, ...] = (
    Kolom("periode", "string", "Periode", "Kode periode survei"),
    Kolom("opd", "string", "Kode unit", "Kode unit layanan (OPD) di opd.yaml"),
    Kolom("kelompok", "string", "Kelompok",
          "Ciri responden yang dihitung: " + "; ".join(f"{k} = {v}"
                                                      for k, v in JUDUL_PROFIL_TERBUKA.items()),
          pilihan=tuple(JUDUL_PROFIL_TERBUKA)),
    Kolom("kategori", "string", "Kategori", "Kategori dalam kelompok itu"),
    Kolom("responden", "integer", "Responden",
          f"Banyaknya responden dalam kategori; kosong bila disembunyikan (kurang dari "
          f"{SEL_MINIMUM}, atau pelengkap agar sel kecil tidak dapat dihitung)", wajib=False),
    Kolom("catatan", "string", "Catatan", "Alasan sel dikosongkan; kosong bila angka tampil",
          wajib=False),
)

TABEL: tuple[Tabel, ...] = (
    Tabel("ringkasan-kabupaten", "Ringkasan IKM kabupaten",
          "Satu baris: IKM kabupaten periode ini menurut kedua aturan agregasi.",
          KOLOM_RINGKASAN, ("periode",)),
    Tabel("hasil-unit", "Hasil per unit layanan",
          "Satu baris per unit layanan yang melapor: NRR setiap unsur, IKM, mutu, kinerja "
          "dan kecukupan sampel (Krejcie–Morgan).",
          KOLOM_UNIT, ("periode", "opd")),
    Tabel("unsur-kabupaten", "Nilai per unsur tingkat kabupaten",
          "Satu baris per unsur pelayanan: NRR kabupaten menurut aturan agregasi.",
          KOLOM_UNSUR, ("periode", "kode")),
    Tabel("profil-responden", "Profil responden per unit (agregat)",
          "Banyaknya responden per unit menurut jenis kelamin, kelompok usia, pendidikan dan "
          f"pekerjaan. Sel kurang dari {SEL_MINIMUM} responden dikosongkan (beserta sel "
          "pelengkap) agar tidak ada responden yang dapat dikenali. Unit yang hanya "
          "melaporkan rekap jawaban tidak memiliki profil.",
          KOLOM_PROFIL, ("periode", "opd", "kelompok", "kategori")),
)
"""The published tables without rows: names, descriptions and columns."""


# --- values ----------------------------------------------------------------------------


def desimal(nilai: Fraction | None) -> Decimal | None:
    """A computed value as published: half-up to :data:`DESIMAL` places (None stays None)."""
    return None if nilai is None else bulat(nilai, DESIMAL)


def _baris_ringkasan(k: HasilKabupaten) -> dict:
    p = k.periode
    return {
        "periode": p.id, "nama_periode": p.nama, "mulai": p.mulai, "selesai": p.selesai,
        "agregasi": k.agregasi, "ikm": desimal(k.ikm), "ikm_dibulatkan": bulat(k.ikm, 2),
        "mutu": k.mutu.huruf, "kinerja": k.mutu.kinerja,
        "ikm_rata_rata_unit": desimal(k.rata_rata_unit),
        "ikm_gabungan": desimal(k.gabungan.ikm), "unit_melapor": len(k.unit),
        "responden": k.responden, "perubahan": desimal(k.perubahan),
    }


def _baris_unit(h: HasilUnit) -> dict:
    baris = {"periode": h.periode.id, "opd": h.opd.id, "nama": h.opd.nama,
             "jenis": h.opd.jenis, "responden": h.survei.responden}
    for x in h.ikm.unsur:
        baris[f"nrr_{x.unsur.kode}"] = desimal(x.nrr)
    baris.update({
        "ikm_1_4": desimal(h.ikm.ikm_1_4), "ikm": desimal(h.ikm.ikm),
        "ikm_dibulatkan": bulat(h.ikm.ikm, 2), "mutu": h.ikm.mutu.huruf,
        "kinerja": h.ikm.mutu.kinerja, "populasi": h.survei.populasi,
        "sampel_minimum": h.sampel_minimum, "sampel_memadai": h.sampel_memadai,
    })
    return baris


def _baris_unsur(k: HasilKabupaten) -> list[dict]:
    nrr = k.nrr_unsur()
    return [{"periode": k.periode.id, "kode": u.kode, "nama": u.nama,
             "nrr": desimal(nrr[u.kode]), "nrr_25": desimal(nrr[u.kode] * KONVERSI),
             "mutu": mutu_dari(nrr[u.kode] * KONVERSI).huruf}
            for u in UNSUR if u.kode in nrr]


def sembunyikan(hitungan: dict[str, int]) -> dict[str, str | None]:
    """Which cells of one group to hide: ``{kategori: None | reason}``.

    Every count below :data:`SEL_MINIMUM` is hidden (primary suppression). While the
    hidden cells are a single cell (its value would follow from the unit's respondent
    total) or add up to fewer than :data:`SEL_MINIMUM` people, the smallest visible
    cell is hidden too (complementary suppression).
    """
    alasan: dict[str, str | None] = {k: None for k in hitungan}
    for k, n in hitungan.items():
        if n < SEL_MINIMUM:
            alasan[k] = CATATAN_DISEMBUNYIKAN
    while True:
        tersembunyi = [k for k, a in alasan.items() if a]
        tampil = sorted((k for k, a in alasan.items() if not a), key=lambda k: (hitungan[k], k))
        if not tersembunyi or not tampil:
            break
        if len(tersembunyi) > 1 and sum(hitungan[k] for k in tersembunyi) >= SEL_MINIMUM:
            break
        alasan[tampil[0]] = CATATAN_PELENGKAP
    return alasan


def _baris_profil(h: HasilUnit) -> list[dict]:
    baris = []
    profil = h.survei.profil
    for kelompok in JUDUL_PROFIL_TERBUKA:
        hitungan: dict[str, int] = getattr(profil, kelompok)
        alasan = sembunyikan(hitungan)
        for kategori, n in hitungan.items():
            baris.append({"periode": h.periode.id, "opd": h.opd.id, "kelompok": kelompok,
                          "kategori": kategori, "responden": None if alasan[kategori] else n,
                          "catatan": alasan[kategori]})
    return baris


def tabel_periode(hasil: Hasil, k: HasilKabupaten) -> tuple[Tabel, ...]:
    """The four tables of one period, rows in registry order of the units."""
    unit = [hasil.unit[(k.periode.id, o.id)] for o in hasil.data.opd
            if (k.periode.id, o.id) in hasil.unit]
    baris = {
        "ringkasan-kabupaten": (_baris_ringkasan(k),),
        "hasil-unit": tuple(_baris_unit(h) for h in unit),
        "unsur-kabupaten": tuple(_baris_unsur(k)),
        "profil-responden": tuple(b for h in unit for b in _baris_profil(h)),
    }
    return tuple(replace(t, baris=baris[t.nama]) for t in TABEL)


# --- formats ---------------------------------------------------------------------------


def _teks_csv(nilai: object) -> str:
    if nilai is None:
        return ""
    if isinstance(nilai, bool):
        return "true" if nilai else "false"
    if isinstance(nilai, Decimal):
        return f"{nilai:f}"
    if hasattr(nilai, "isoformat"):
        return nilai.isoformat()
    return str(nilai)


def ke_csv(tabel: Tabel) -> bytes:
    """UTF-8 CSV, comma separated, LF line ends, header = column names."""
    buf = io.StringIO(newline="")
    w = csv.writer(buf, lineterminator="\n")
    w.writerow([k.nama for k in tabel.kolom])
    for b in tabel.baris:
        w.writerow([_teks_csv(b[k.nama]) for k in tabel.kolom])
    return buf.getvalue().encode("utf-8")


def ke_json(tabel_: Sequence[Tabel], meta: dict) -> bytes:
    """One JSON document: metadata plus every table as a list of objects."""
    isi = dict(meta)
    for t in tabel_:
        isi[t.nama] = [{k.nama: b[k.nama] for k in t.kolom} for b in t.baris]
    return hasil_json.ke_json(isi).encode("utf-8")


def ke_xlsx(tabel_: Sequence[Tabel], tanggal: datetime) -> bytes:
    """One workbook, one sheet per table; byte-identical for identical input."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.writer.excel import ExcelWriter

    wb = Workbook(write_only=True)  # streams rows: several times faster than the full model
    tebal = Font(bold=True)
    for t in tabel_:
        ws = wb.create_sheet(t.nama[:31])
        ws.freeze_panes = "A2"
        judul = []
        for k in t.kolom:
            sel = WriteOnlyCell(ws, value=k.nama)
            sel.font = tebal
            judul.append(sel)
        ws.append(judul)
        for b in t.baris:
            ws.append([hasil_json.nilai_polos(b[k.nama]) for k in t.kolom])
    wb.properties.creator = "skm"
    wb.properties.created = tanggal
    wb.properties.modified = tanggal
    mentah = io.BytesIO()
    with zipfile.ZipFile(mentah, "w", zipfile.ZIP_DEFLATED) as arsip:
        ExcelWriter(wb, arsip).save()  # save_workbook() would stamp "modified" with now
    return kemas_ulang(mentah.getvalue())  # no build time inside


# --- the descriptor --------------------------------------------------------------------


def _skema(t: Tabel) -> dict:
    return {"fields": [k.skema() for k in t.kolom], "primaryKey": list(t.kunci),
            "missingValues": [""]}


def datapackage(hasil: Hasil, k: HasilKabupaten, tabel_: Sequence[Tabel],
                berkas: dict[str, bytes]) -> dict:
    """The Frictionless Data Package descriptor of one period's folder.

    The CSV files are tabular resources with a Table Schema; the workbook and the JSON
    document hold the same tables and are described as files. Every resource carries its
    size and SHA-256, so ``frictionless validate`` also proves nothing was altered.
    """
    kab = hasil.data.kabupaten
    p = k.periode
    sumber = [{
        "title": f"Laporan hasil SKM unit layanan {kab.nama}, {p.nama}",
        "description": f"Laporan setiap unit layanan (rekap jawaban atau data per responden) "
                       f"yang dihimpun oleh {kab.penyusun}; data per responden tidak "
                       "diterbitkan.",
    }]
    if kab.data_contoh:
        sumber.append({"title": "DATA CONTOH SINTETIS",
                       "description": "Angka dalam paket ini adalah data sintetis untuk uji "
                                      "coba, bukan hasil survei yang sebenarnya."})
    sumber.append({"title": f"{REGULASI} tentang {REGULASI_JUDUL}",
                   "description": "Dasar metode perhitungan IKM."})
    slug = "-".join("".join(c if c.isalnum() else " " for c in kab.nama.lower()).split())

    def utuh(nama: str) -> dict:
        return {"bytes": len(berkas[nama]),
                "hash": f"sha256:{hashlib.sha256(berkas[nama]).hexdigest()}"}

    sumber_daya = [{
        "name": t.nama, "path": t.berkas, "title": t.judul, "description": t.deskripsi,
        "profile": "tabular-data-resource", "format": "csv", "mediatype": "text/csv",
        "encoding": "utf-8", **utuh(t.berkas), "schema": _skema(t),
    } for t in tabel_]
    lembar = ", ".join(t.nama for t in tabel_)
    sumber_daya += [{
        "name": "skm-xlsx", "type": "file", "path": "skm.xlsx",
        "title": "Buku kerja Excel", "format": "xlsx",
        "mediatype": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "description": f"Tabel-tabel yang sama dalam satu buku kerja, satu lembar per tabel "
                       f"({lembar}); kolom dan isinya sama dengan berkas CSV bernama sama.",
        **utuh("skm.xlsx"),
    }, {
        "name": "skm-json", "type": "file", "path": "skm.json",
        "title": "Dokumen JSON", "format": "json", "mediatype": "application/json",
        "encoding": "utf-8",
        "description": f"Tabel-tabel yang sama dalam satu dokumen JSON: setiap tabel ({lembar}) "
                       "adalah properti berisi daftar objek dengan kolom berkas CSV bernama "
                       "sama; nilai kosong ditulis null.",
        **utuh("skm.json"),
    }]
    return {
        "profile": "data-package",
        "name": f"skm-{slug}-{p.id}",
        "title": f"Hasil Survei Kepuasan Masyarakat {kab.nama}, {p.nama}",
        "description": metode(hasil, k),
        "version": "1.0.0",
        "keywords": ["survei kepuasan masyarakat", "SKM", "IKM", "pelayanan publik", kab.nama],
        "licenses": [LISENSI],
        "sources": sumber,
        "contributors": [{"title": kab.penyusun, "role": "publisher"}],
        "resources": sumber_daya,
    }


def metode(hasil: Hasil, k: HasilKabupaten) -> str:
    """The method, in plain Indonesian, as the descriptor's description."""
    kab = hasil.data.kabupaten
    bobot = "1/9 (1 ÷ banyaknya unsur yang berlaku), eksak" if kab.bobot == "1/9" \
        else f"{kab.bobot} per unsur (cara laporan terdahulu)"
    return (
        f"Hasil Survei Kepuasan Masyarakat (SKM) {kab.nama}, periode {k.periode.nama} "
        f"({k.periode.mulai.isoformat()} s.d. {k.periode.selesai.isoformat()}), dihitung "
        f"menurut {REGULASI} tentang {REGULASI_JUDUL}. Setiap responden menilai 9 unsur "
        "pelayanan pada skala 1–4; jawaban kosong tidak dihitung. NRR unsur = jumlah nilai "
        f"÷ banyaknya jawaban sah; IKM (1–4) = Σ NRR × bobot, dengan bobot {bobot}; IKM unit "
        f"= IKM (1–4) × {KONVERSI}. Mutu dinilai pada IKM yang dibulatkan setengah ke atas ke "
        "2 desimal: ≥ 88,31 A (Sangat baik), ≥ 76,61 B (Baik), ≥ 65,00 C (Kurang baik), "
        "selain itu D (Tidak baik). Nilai kabupaten memakai "
        f"{AGREGASI[k.agregasi]}; cara yang lain juga dicantumkan. Sampel minimum menurut "
        "Krejcie–Morgan (taraf kepercayaan 95 %, galat 5 %). Semua nilai terhitung ditulis "
        f"dengan {DESIMAL} angka desimal (dibulatkan setengah ke atas dari nilai eksak). "
        "Tidak ada data per responden dalam paket ini: profil responden hanya berupa "
        f"jumlah per kategori, dan jumlah kurang dari {SEL_MINIMUM} dikosongkan."
    )


def paket_periode(hasil: Hasil, k: HasilKabupaten) -> dict[str, bytes]:
    """Every file of one period's folder, as ``{file name: bytes}``."""
    tabel_ = tabel_periode(hasil, k)
    meta = {"periode": k.periode.id, "nama_periode": k.periode.nama,
            "kabupaten": hasil.data.kabupaten.nama,
            "data_contoh": hasil.data.kabupaten.data_contoh,
            "lisensi": LISENSI["name"], "presisi_desimal": DESIMAL}
    berkas = {t.berkas: ke_csv(t) for t in tabel_}
    berkas["skm.xlsx"] = ke_xlsx(tabel_, datetime.combine(k.periode.selesai, time()))
    berkas["skm.json"] = ke_json(tabel_, meta)
    deskriptor = datapackage(hasil, k, tabel_, berkas)
    berkas["datapackage.json"] = hasil_json.ke_json(deskriptor).encode("utf-8")
    return berkas


def periode_terbit(hasil: Hasil) -> tuple[HasilKabupaten, ...]:
    """The periods that have open data: those with at least one unit report."""
    return hasil.kabupaten


def berkas_data_terbuka(hasil: Hasil, folder: str = FOLDER) -> dict[str, bytes]:
    """Every open-data file, ``{"data/<periode>/<file>": bytes}``, plus ``data/terbaru/``."""
    keluar: dict[str, bytes] = {}
    paket: dict[str, bytes] = {}
    for k in periode_terbit(hasil):
        paket = paket_periode(hasil, k)
        for nama, isi in paket.items():
            keluar[f"{folder}/{k.periode.id}/{nama}"] = isi
    for nama, isi in paket.items():  # the last period with results, oldest first
        keluar[f"{folder}/{TERBARU}/{nama}"] = isi
    return keluar


def daftar_unduhan() -> tuple[tuple[str, str], ...]:
    """The files of each folder with a one-line description, for the /data/ page."""
    return (
        ("ringkasan-kabupaten.csv", "IKM kabupaten (kedua aturan agregasi), satu baris"),
        ("hasil-unit.csv", "hasil setiap unit: NRR per unsur, IKM, mutu, kecukupan sampel"),
        ("unsur-kabupaten.csv", "NRR kabupaten per unsur"),
        ("profil-responden.csv", f"profil responden per unit (agregat, sel < {SEL_MINIMUM} "
                                 "dikosongkan)"),
        ("skm.xlsx", "semua tabel di atas dalam satu buku kerja Excel"),
        ("skm.json", "semua tabel di atas dalam satu dokumen JSON"),
        ("datapackage.json", "deskripsi Frictionless Data Package: skema kolom, lisensi, "
                             "sumber, metode"),
    )




