"""The open-data tables of a period: their columns, their rows, and what is suppressed.

One :class:`Tabel` per published table, built from the results objects only, so a
download can never disagree with the site. :mod:`.data_terbuka` writes them as CSV,
XLSX, JSON and the Frictionless descriptor.

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

from dataclasses import dataclass, replace
from decimal import Decimal
from fractions import Fraction

from skm_build.aturan.ikm import (
    AGREGASI,
    GABUNGAN_RESPONDEN,
    KODE_UNSUR,
    RATA_RATA_UNIT,
    TABEL_MUTU,
    UNSUR,
    bulat,
)
from skm_build.hitung.hasil import Hasil, HasilKabupaten, HasilUnit
from skm_build.kontrak.kosakata import BENTUK_PERIODE

DESIMAL = 6
SEL_MINIMUM = 5
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
    ringkas: str  # one line on the /data/ page's list of downloads
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
    Kolom("periode", "string", "Periode", f"Kode periode survei ({BENTUK_PERIODE})"),
    Kolom("nama_periode", "string", "Nama periode", "Nama periode survei"),
    Kolom("mulai", "date", "Mulai", "Tanggal awal periode survei"),
    Kolom("selesai", "date", "Selesai", "Tanggal akhir periode survei"),
    Kolom("agregasi", "string", "Aturan agregasi",
          "Cara nilai kabupaten dihitung: " + " atau ".join(
              f"{a.kunci} ({a.uraian})" for a in AGREGASI.values()), pilihan=tuple(AGREGASI)),
    Kolom("ikm", "number", "IKM kabupaten",
          f"IKM kabupaten skala 25–100 menurut aturan agregasi, {_PRESISI}"),
    Kolom("ikm_dibulatkan", "number", "IKM kabupaten (2 desimal)",
          "IKM kabupaten dibulatkan setengah ke atas ke 2 desimal: angka resmi yang dinilai"),
    *_KOLOM_MUTU,
    Kolom("ikm_rata_rata_unit", "number", "IKM rata-rata unit",
          f"{RATA_RATA_UNIT.nama}, {RATA_RATA_UNIT.uraian}, {_PRESISI}"),
    Kolom("ikm_gabungan", "number", "IKM gabungan responden",
          f"IKM dari {GABUNGAN_RESPONDEN.nama.lower()} semua unit, {_PRESISI}"),
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

KOLOM_LAYANAN: tuple[Kolom, ...] = (
    Kolom("periode", "string", "Periode", "Kode periode survei"),
    Kolom("opd", "string", "Kode unit", "Kode unit layanan (OPD) di opd.yaml"),
    Kolom("layanan", "string", "Layanan",
          "Nama layanan seperti paling sering ditulis (pengelompokan tanpa membedakan huruf "
          "besar-kecil dan spasi)"),
    Kolom("responden", "integer", "Responden", "Banyaknya responden layanan ini"),
    *(Kolom(f"nrr_{u.kode}", "number", f"NRR {u.kode.upper()}",
            f"Nilai rata-rata unsur {u.kode.upper()} {u.nama} untuk layanan ini (skala 1–4), "
            f"{_PRESISI}; kosong bila unsur tidak berlaku, tanpa jawaban sah, atau responden "
            "kurang dari batas minimum", wajib=False)
      for u in UNSUR),
    Kolom("ikm", "number", "IKM layanan (25–100)",
          f"IKM layanan, {_PRESISI}; kosong bila responden kurang dari batas minimum",
          wajib=False),
    Kolom("ikm_dibulatkan", "number", "IKM layanan (2 desimal)",
          "IKM layanan dibulatkan setengah ke atas ke 2 desimal; kosong bila responden kurang "
          "dari batas minimum", wajib=False),
    *(replace(k, wajib=False, deskripsi=f"{k.deskripsi}; kosong bila responden kurang dari "
              "batas minimum") for k in _KOLOM_MUTU),
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
          KOLOM_RINGKASAN, ("periode",),
          "IKM kabupaten (kedua aturan agregasi), satu baris"),
    Tabel("hasil-unit", "Hasil per unit layanan",
          "Satu baris per unit layanan yang melapor: NRR setiap unsur, IKM, mutu, kinerja "
          "dan kecukupan sampel (Krejcie–Morgan).",
          KOLOM_UNIT, ("periode", "opd"),
          "hasil setiap unit: NRR per unsur, IKM, mutu, kecukupan sampel"),
    Tabel("hasil-layanan", "Hasil per layanan",
          "Satu baris per layanan setiap unit (dari kolom layanan data responden atau rekap "
          "per layanan): NRR setiap unsur, IKM dan mutu. Layanan dengan responden kurang dari "
          "batas minimum (minimum_responden_layanan di kabupaten.yaml) hanya berisi jumlah "
          "responden.",
          KOLOM_LAYANAN, ("periode", "opd", "layanan"),
          "hasil setiap layanan: NRR per unsur, IKM, mutu (layanan kecil tanpa nilai)"),
    Tabel("unsur-kabupaten", "Nilai per unsur tingkat kabupaten",
          "Satu baris per unsur pelayanan: NRR kabupaten menurut aturan agregasi.",
          KOLOM_UNSUR, ("periode", "kode"), "NRR kabupaten per unsur"),
    Tabel("profil-responden", "Profil responden per unit (agregat)",
          "Banyaknya responden per unit menurut jenis kelamin, kelompok usia, pendidikan dan "
          f"pekerjaan. Sel kurang dari {SEL_MINIMUM} responden dikosongkan (beserta sel "
          "pelengkap) agar tidak ada responden yang dapat dikenali. Unit yang hanya "
          "melaporkan rekap jawaban tidak memiliki profil.",
          KOLOM_PROFIL, ("periode", "opd", "kelompok", "kategori"),
          f"profil responden per unit (agregat, sel < {SEL_MINIMUM} dikosongkan)"),
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


def _baris_layanan(h: HasilUnit) -> list[dict]:
    baris = []
    for x in h.layanan:
        b = {"periode": h.periode.id, "opd": h.opd.id, "layanan": x.nama,
             "responden": x.responden}
        nrr = {} if x.ikm is None else {u.unsur.kode: u.nrr for u in x.ikm.unsur}
        b.update({f"nrr_{kode}": desimal(nrr.get(kode)) for kode in KODE_UNSUR})
        b.update({"ikm": None, "ikm_dibulatkan": None, "mutu": None, "kinerja": None}
                 if x.ikm is None else
                 {"ikm": desimal(x.ikm.ikm), "ikm_dibulatkan": bulat(x.ikm.ikm, 2),
                  "mutu": x.ikm.mutu.huruf, "kinerja": x.ikm.mutu.kinerja})
        baris.append(b)
    return baris


def _baris_unsur(k: HasilKabupaten) -> list[dict]:
    return [{"periode": k.periode.id, "kode": x.unsur.kode, "nama": x.unsur.nama,
             "nrr": desimal(x.nrr), "nrr_25": desimal(x.nrr_25), "mutu": x.mutu.huruf}
            for x in k.nilai_unsur()]


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
    """The tables of one period, rows in registry order of the units."""
    unit = [hasil.unit[(k.periode.id, o.id)] for o in hasil.data.opd
            if (k.periode.id, o.id) in hasil.unit]
    baris = {
        "ringkasan-kabupaten": (_baris_ringkasan(k),),
        "hasil-unit": tuple(_baris_unit(h) for h in unit),
        "hasil-layanan": tuple(b for h in unit for b in _baris_layanan(h)),
        "unsur-kabupaten": tuple(_baris_unsur(k)),
        "profil-responden": tuple(b for h in unit for b in _baris_profil(h)),
    }
    return tuple(replace(t, baris=baris[t.nama]) for t in TABEL)


# --- formats ---------------------------------------------------------------------------
