"""Synthetic sample data for Kabupaten Karanganyar (``python tools/buat_contoh.py --out data``).

Why this exists: the site has to be built, tested and demonstrated before any OPD has
committed real survey results, and real respondent rows must never be used for that.
This module writes a complete ``data/`` directory following
``/work/shared/reference/data-contract.md`` that *looks* like a real kabupaten (57
units, 4 semesters, each unit's report as the counts ``skm import`` writes, a few units
still as one CSV row per respondent) but is entirely invented: no row describes a real
person, and ``kabupaten.yaml`` says ``data_contoh: true`` so every
page warns readers.

Reproducibility: only the standard library ``random.Random`` is used, seeded from
``seed`` plus the unit and period id (so editing one unit does not reshuffle all the
others).  Answers are drawn with plain arithmetic (no ``math.exp``/``gauss``) whose
results do not depend on the platform's libm, and every file is written UTF-8 with
``\\n`` line ends in a fixed order, so the output is byte-identical on any machine.
``tests/test_contoh.py`` regenerates into a temporary directory and compares every
file with the committed ``data/``.

Deliberate variety (the site must show each of these cases; the tests check them by
recomputing IKM from the files).  Periods are ``2024-s1``, ``2024-s2``, ``2025-s1``
and ``2025-s2`` (the latest):

=========================  ==============================================================
case                       unit id(s)
=========================  ==============================================================
mutu A in 2025-s2          ``dpmptsp`` (designated; a few other units also reach A)
mutu B in 2025-s2          ``dukcapil`` (designated; most units are B, IKM 76.61–88.30)
mutu C in 2025-s2          ``disdag`` and ``dinsos`` (the declining unit)
mutu D in 2025-s2          ``dishub`` (the only D)
clearly improving          ``dpupr``: about 65 → 72 → 79 → 86 over the four semesters
clearly declining          ``dinsos``: about 90 → 83 → 77 → 70 over the four semesters
undersized sample          ``kecamatan-kerjo`` in 2025-s2 (fewer respondents than the
                           Krejcie–Morgan minimum for its ``populasi``)
respondent rows (CSV)      ``dukcapil``, ``disarpus``, ``kecamatan-jaten`` (the older,
                           row-level form; every other unit has counts in its YAML)
answer tallies only        ``bakesbangpol`` in every period (``jawaban`` in the YAML,
                           no CSV: the unit still uses paper forms)
late report                ``dinkes`` in 2025-s2 (``diterima`` after ``batas_laporan``)
missing report             ``satpol-pp`` in 2025-s2 (no CSV, no YAML at all)
biaya does not apply       ``disarpus`` in every period (``unsur_tidak_berlaku: [u4]``,
                           the ``u4`` column is blank: library and archive services are
                           free of charge, so the question is meaningless)
populasi unknown           ``setda`` in every period (report without ``populasi``)
tindak lanjut (RTL)        every unit that reported in 2025-s2, for its 3 weakest
                           applicable unsur; about half of the units in earlier periods
                           (mostly ``selesai``)
=========================  ==============================================================

All other units get a stable "quality" level (IKM mostly 78–88, a few above 88.31)
that drifts gently between semesters.  Each unit-period has 40–400 respondents and,
except for the undersized case, at least the Krejcie–Morgan minimum for its populasi.
About 1 % of answer cells are blank (not answered).
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import json
import shutil
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from random import Random

import yaml

from skm_build.alat.tulis import tulis_atomik
from skm_build.aturan.ikm import KODE_UNSUR, sampel_minimum
from skm_build.hitung.hasil import hitung_semua
from skm_build.kontrak import sidik
from skm_build.kontrak.muat import periksa
from skm_build.staf.agregat import dari_baris, teks_agregat
from skm_build.terbit import format_id as fmt

KOLOM: tuple[str, ...] = (
    "tanggal",
    "jenis_kelamin",
    "usia",
    "pendidikan",
    "pekerjaan",
    "layanan",
    *KODE_UNSUR,
)
"""CSV header, exactly; the build matches by name but staff copy this file as a model."""

# --- the deliberate variety (documented in the module docstring) -----------------------

UNIT_MUTU_A = "dpmptsp"
UNIT_MUTU_B = "dukcapil"
UNIT_MUTU_C = "disdag"
UNIT_MUTU_D = "dishub"
UNIT_MEMBAIK = "dpupr"
UNIT_MENURUN = "dinsos"
UNIT_SAMPEL_KURANG = "kecamatan-kerjo"
UNIT_REKAP_SAJA = "bakesbangpol"
UNIT_TERLAMBAT = "dinkes"
UNIT_BELUM_LAPOR = "satpol-pp"
UNIT_TANPA_BIAYA = "disarpus"
UNIT_TANPA_POPULASI = "setda"
# Units that still commit one row per respondent (the older form, read and validated but
# public row by row); every other unit's report holds the counts `skm import` writes.
UNIT_BARIS = ("dukcapil", "disarpus", "kecamatan-jaten")

PERIODE_TERAKHIR = "2025-s2"
# A fictional signatory: the last period's report stays unsigned (a draft).
PENGESAH_NAMA = "Drs. Hadi Pranoto, M.Si."
PENGESAH_JABATAN = "Sekretaris Daerah Kabupaten Karanganyar"
PENGESAH_NIP = "196805121994031005"  # fictional, 18 digits like every NIP


@dataclass(frozen=True)
class PeriodeContoh:
    """One survey period as written to ``periode.yaml``."""

    id: str
    nama: str
    mulai: dt.date
    selesai: dt.date
    batas_laporan: dt.date
    rtl_waktu: tuple[str, str]
    """Two labels for "when" an RTL made in this period is planned (the next quarters)."""
    disahkan: dt.date | None = None
    """When the kabupaten report was signed (SOP step 9); None = still a draft."""


PERIODE: tuple[PeriodeContoh, ...] = (
    PeriodeContoh(
        "2024-s1",
        "Semester I 2024",
        dt.date(2024, 1, 1),
        dt.date(2024, 6, 30),
        dt.date(2024, 7, 22),
        ("Triwulan III 2024", "Triwulan IV 2024"),
        dt.date(2024, 8, 19),
    ),
    PeriodeContoh(
        "2024-s2",
        "Semester II 2024",
        dt.date(2024, 7, 1),
        dt.date(2024, 12, 31),
        dt.date(2025, 1, 21),
        ("Triwulan I 2025", "Triwulan II 2025"),
        dt.date(2025, 2, 18),
    ),
    PeriodeContoh(
        "2025-s1",
        "Semester I 2025",
        dt.date(2025, 1, 1),
        dt.date(2025, 6, 30),
        dt.date(2025, 7, 21),
        ("Triwulan III 2025", "Triwulan IV 2025"),
        dt.date(2025, 8, 18),
    ),
    PeriodeContoh(
        "2025-s2",
        "Semester II 2025",
        dt.date(2025, 7, 1),
        dt.date(2025, 12, 31),
        dt.date(2026, 1, 21),
        ("Triwulan I 2026", "Triwulan II 2026"),
    ),
)


@dataclass(frozen=True)
class Unit:
    """A unit in ``opd.yaml`` plus what the generator needs to invent its survey."""

    id: str
    nama: str
    jenis: str
    target_ikm: int | None
    populasi: tuple[int, int]
    """Range of service users per semester; drives the Krejcie–Morgan sample size."""
    layanan: tuple[tuple[str, int], ...] = field(default=())
    """Services (name, weight); empty means "use the pool for this jenis"."""
    singkatan: str | None = None
    alias: tuple[str, ...] = ()
    tautan_survei: str | None = None
    kecamatan: str | None = None
    ringkasan_masukan: str | None = None
    """The staff's feedback summary written into the unit's latest report."""


def _baca_unit(berkas: Path) -> tuple[dict[str, tuple[tuple[str, int], ...]], tuple[Unit, ...]]:
    """The unit table (data, not code): ``unit_contoh.yaml`` beside this script."""
    isi = yaml.safe_load(berkas.read_text(encoding="utf-8"))
    jenis = {j: tuple((n, b) for n, b in daftar) for j, daftar in isi["layanan_jenis"].items()}
    unit = tuple(
        Unit(u["id"], u["nama"], u["jenis"], u["target_ikm"], tuple(u["populasi"]),
             tuple((n, b) for n, b in u.get("layanan", ())), u.get("singkatan"),
             tuple(u.get("alias", ())), u.get("tautan_survei"), u.get("kecamatan"),
             u.get("ringkasan_masukan"))
        for u in isi["unit"]
    )
    return jenis, unit


_LAYANAN_JENIS, UNIT = _baca_unit(Path(__file__).with_name("unit_contoh.yaml"))

_IKM_KHUSUS: dict[str, tuple[float, float, float, float]] = {
    # Target IKM (25–100) per period, oldest first.  Kept well inside the grade bands so
    # sampling noise (about ±1 point) cannot move a designated unit across a boundary.
    UNIT_MUTU_A: (90.5, 91.0, 91.5, 92.5),
    UNIT_MUTU_B: (82.0, 83.0, 84.0, 84.5),
    UNIT_MUTU_C: (74.0, 73.0, 72.5, 71.0),
    UNIT_MUTU_D: (66.0, 63.0, 60.5, 58.0),
    UNIT_MEMBAIK: (65.0, 72.0, 79.0, 86.0),
    UNIT_MENURUN: (90.0, 83.0, 77.0, 70.0),
}

_ARAH_UNSUR: dict[str, float] = {
    # Typical shape of SKM results (scale 1–4, added to the unit's level): fees are
    # usually free ("Gratis" = 4) and staff behaviour scores well, while waiting time,
    # facilities and complaint handling are the common weak points.
    "u1": 0.03,
    "u2": -0.02,
    "u3": -0.14,
    "u4": 0.22,
    "u5": 0.02,
    "u6": 0.05,
    "u7": 0.12,
    "u8": -0.09,
    "u9": -0.19,
}

_BIAYA_BERTARIF = {"rsud", "dishub", "bapenda", "disdag", "dinkes", "dpmptsp"}
"""Units with a paid service: biaya is answered nearer the others (not mostly "Gratis")."""

_PENDIDIKAN = (("SD", 8), ("SMP", 14), ("SMA", 40), ("D1-D3", 10), ("S1", 22), ("S2", 5), ("S3", 1))
_PEKERJAAN = (
    ("PNS", 10),
    ("TNI", 2),
    ("POLRI", 3),
    ("Swasta", 30),
    ("Wirausaha", 27),
    ("Lainnya", 28),
)

_KEGIATAN_RTL: dict[str, tuple[str, str]] = {
    "u1": (
        "Publikasi persyaratan layanan di papan informasi dan laman resmi",
        "Penyederhanaan persyaratan berkas yang tidak diatur peraturan",
    ),
    "u2": (
        "Penyusunan alur layanan bergambar di ruang tunggu",
        "Penerapan antrean daring dan nomor antrean elektronik",
    ),
    "u3": (
        "Penambahan petugas loket pada jam sibuk",
        "Penetapan janji waktu layanan dan pemantauan harian",
    ),
    "u4": (
        "Pengumuman tarif resmi sesuai peraturan daerah di loket",
        "Penerapan pembayaran nontunai untuk menghindari pungutan di luar tarif",
    ),
    "u5": (
        "Pemeriksaan ulang produk layanan sebelum diserahkan",
        "Pemutakhiran standar pelayanan dan spesifikasi produk",
    ),
    "u6": (
        "Bimbingan teknis bagi petugas pelayanan",
        "Penyusunan SOP dan uji pemahaman petugas",
    ),
    "u7": (
        "Pelatihan pelayanan prima bagi petugas garis depan",
        "Penerapan kode etik dan maklumat pelayanan",
    ),
    "u8": (
        "Perbaikan ruang tunggu, toilet, dan fasilitas difabel",
        "Penambahan kursi tunggu dan pojok bermain anak",
    ),
    "u9": (
        "Aktivasi kanal pengaduan SP4N-LAPOR! dan kotak saran",
        "Penetapan petugas pengelola pengaduan dengan tindak lanjut paling lama 5 hari kerja",
    ),
}


def _penanggung_jawab(unit: Unit, unsur: str) -> str:
    """A position title (never a person's name) responsible for an RTL item."""
    umum = unsur in {"u8", "u4"}
    match unit.jenis:
        case "kecamatan":
            return "Sekretaris Kecamatan" if umum else "Kepala Seksi Pelayanan"
        case "kelurahan":
            return "Sekretaris Kelurahan" if umum else "Lurah"
        case "puskesmas":
            return "Kepala Subbagian Tata Usaha" if umum else "Kepala Puskesmas"
        case "rsud":
            return "Kepala Bagian Umum" if umum else "Wakil Direktur Pelayanan"
        case "sekretariat":
            return "Kepala Bagian Umum" if umum else "Kepala Bagian"
        case "badan":
            return "Sekretaris Badan" if umum else "Kepala Bidang Pelayanan"
        case "lainnya":
            return "Sekretaris" if umum else "Kepala Bidang"
        case _:
            return "Sekretaris Dinas" if umum else "Kepala Bidang Pelayanan"


# --- arithmetic helpers ------------------------------------------------------------------


def _pilih_berbobot(rng: Random, pilihan: Sequence[tuple[str, int]]) -> str:
    """Weighted choice with integer weights only (``randrange``), so it is platform-exact."""
    total = sum(b for _, b in pilihan)
    r = rng.randrange(total)
    for nilai, bobot in pilihan:
        if r < bobot:
            return nilai
        r -= bobot
    raise AssertionError("unreachable")


def _jawab(rng: Random, rerata: float) -> int:
    """Draw one answer 1–4 whose expected value is ``rerata``.

    A 5 % "noise" share answers uniformly (real questionnaires always contain a few odd
    answers); the rest is a two-point mix of the neighbouring integers, chosen so the
    overall mean is still ``rerata``.  Only + - * / and comparisons are used.
    """
    derau = 0.05
    if rng.random() < derau:
        return rng.randint(1, 4)
    m = (rerata - 2.5 * derau) / (1 - derau)
    m = min(4.0, max(1.0, m))
    bawah = int(m)
    if bawah >= 4:
        return 4
    return bawah + 1 if rng.random() < m - bawah else bawah


# --- planning ----------------------------------------------------------------------------


@dataclass
class _Rencana:
    """The invented "truth" for one unit: its level per period and unsur profile."""

    ikm: tuple[float, ...]
    """Target IKM (25–100) per period, in ``PERIODE`` order."""
    arah: dict[str, float]
    populasi: int


def _rencana(unit: Unit, seed: int) -> _Rencana:
    rng = Random(f"{seed}:{unit.id}")
    if unit.id in _IKM_KHUSUS:
        ikm = _IKM_KHUSUS[unit.id]
    else:
        # Most units are B (78–88); roughly one in six sits in A.
        akhir = 88.9 + rng.random() * 3.5 if rng.random() < 0.17 else 78.0 + rng.random() * 9.5
        langkah = -0.4 + rng.random() * 1.4  # usually a gentle improvement
        ikm = tuple(
            min(94.0, akhir - langkah * (3 - i) + (rng.random() - 0.5) * 2.0) for i in range(4)
        )
    arah = {u: _ARAH_UNSUR[u] + (rng.random() - 0.5) * 0.16 for u in KODE_UNSUR}
    if unit.id in _BIAYA_BERTARIF:
        arah["u4"] = -0.05 + (rng.random() - 0.5) * 0.1
    lo, hi = unit.populasi
    return _Rencana(ikm=ikm, arah=arah, populasi=rng.randint(lo, hi))


def _hari_layanan(periode: PeriodeContoh, unit: Unit) -> list[dt.date]:
    """Days on which the unit serves: every day for the hospital, else Monday–Friday."""
    hari = []
    d = periode.mulai
    while d <= periode.selesai:
        if unit.jenis == "rsud" or d.weekday() < 5:
            hari.append(d)
        d += dt.timedelta(days=1)
    return hari


def _responden(
    rng: Random, unit: Unit, periode: PeriodeContoh, level: float, arah: dict[str, float], n: int
) -> list[dict[str, str]]:
    """``n`` invented respondents (rows sorted by date) for one unit and period."""
    layanan = unit.layanan or _LAYANAN_JENIS[unit.jenis]
    hari = _hari_layanan(periode, unit)
    baris: list[dict[str, str]] = []
    for _ in range(n):
        geser = (rng.random() - 0.5) * 0.7  # some respondents are simply happier
        b = {
            "tanggal": rng.choice(hari).isoformat(),
            "jenis_kelamin": "L" if rng.random() < 0.48 else "P",
            "usia": str(rng.randint(17, 70) if rng.random() < 0.9 else rng.randint(17, 80)),
            "pendidikan": _pilih_berbobot(rng, _PENDIDIKAN),
            "pekerjaan": _pilih_berbobot(rng, _PEKERJAAN),
            "layanan": _pilih_berbobot(rng, layanan),
        }
        for u in KODE_UNSUR:
            nilai = _jawab(rng, min(3.97, max(1.0, level + arah[u] + geser)))
            kosong = rng.random() < 0.01
            if u == "u4" and unit.id == UNIT_TANPA_BIAYA:
                kosong = True
            b[u] = "" if kosong else str(nilai)
        baris.append(b)
    baris.sort(key=lambda r: r["tanggal"])
    return baris


def _nrr(baris: list[dict[str, str]], unsur: Sequence[str]) -> dict[str, float]:
    """Mean of valid answers per unsur (blank = not answered), as the Permen computes it."""
    hasil = {}
    for u in unsur:
        nilai = [int(b[u]) for b in baris if b[u]]
        hasil[u] = sum(nilai) / len(nilai)
    return hasil


# --- writing -----------------------------------------------------------------------------


def _skalar(nilai: object) -> str:
    """Render one YAML scalar: plain when it round-trips, else a JSON (double) quoted one."""
    if isinstance(nilai, dt.date) or (isinstance(nilai, int) and not isinstance(nilai, bool)):
        return str(nilai)
    teks = str(nilai)
    try:
        if yaml.safe_load(f"k: {teks}") == {"k": teks}:
            return teks
    except yaml.YAMLError:
        pass
    return json.dumps(teks, ensure_ascii=False)


def _tulis(path: Path, isi: str) -> None:
    tulis_atomik(path, isi.encode("utf-8"))


_KEPALA = (
    "# DATA CONTOH (sintetis) — bukan hasil survei sebenarnya.\n"
    "# Dibuat ulang dengan: python tools/buat_contoh.py --out data\n"
    "# Jangan disunting manual: perubahan akan hilang saat data dibuat ulang.\n"
)


def _kabupaten_yaml() -> str:
    return (
        _KEPALA
        + "nama: Kabupaten Karanganyar\n"
        + "penyusun: Bagian Organisasi Sekretariat Daerah Kabupaten Karanganyar\n"
        + "data_contoh: true\n"
        + 'bobot: "1/9"\n'
        + "agregasi: rata-rata-unit\n"
        + "alamat: Jl. Lawu No. 85, Karanganyar, Jawa Tengah 57712\n"
        + 'telepon: "(0271) 495039"\n'
        + "email: organisasi@karanganyarkab.example\n"
        + "lapor: https://www.lapor.go.id/\n"
    )


def _opd_yaml() -> str:
    baris = [_KEPALA]
    for u in UNIT:
        baris.append(f"- id: {_skalar(u.id)}\n")
        baris.append(f"  nama: {_skalar(u.nama)}\n")
        baris.append(f"  jenis: {u.jenis}\n")
        if u.target_ikm is not None:
            baris.append(f"  target_ikm: {u.target_ikm}\n")
        if u.singkatan:
            baris.append(f"  singkatan: {_skalar(u.singkatan)}\n")
        if u.alias:
            baris.append(f"  alias: [{', '.join(_skalar(a) for a in u.alias)}]\n")
        if u.tautan_survei:
            baris.append(f"  tautan_survei: {u.tautan_survei}\n")
        if u.kecamatan:
            baris.append(f"  kecamatan: {_skalar(u.kecamatan)}\n")
    return "".join(baris)


def _periode_yaml(sidik: dict[str, str] | None = None) -> str:
    """periode.yaml; ``sidik`` (period id → digest) signs the periods with ``disahkan``."""
    sidik = sidik or {}
    baris = [_KEPALA]
    for p in PERIODE:
        baris.append(f"- id: {_skalar(p.id)}\n")
        baris.append(f"  nama: {_skalar(p.nama)}\n")
        baris.append(f"  mulai: {p.mulai.isoformat()}\n")
        baris.append(f"  selesai: {p.selesai.isoformat()}\n")
        baris.append(f"  batas_laporan: {p.batas_laporan.isoformat()}\n")
        if p.disahkan is not None and p.id in sidik:
            baris.append("  pengesahan:\n")
            baris.append(f"    nama: {_skalar(PENGESAH_NAMA)}\n")
            baris.append(f'    nip: "{PENGESAH_NIP}"\n')
            baris.append(f"    jabatan: {_skalar(PENGESAH_JABATAN)}\n")
            baris.append(f"    tanggal: {p.disahkan.isoformat()}\n")
            baris.append(f"    sidik: {sidik[p.id]}\n")
    return "".join(baris)


def _csv(baris: list[dict[str, str]]) -> str:
    buf = io.StringIO(newline="")
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(KOLOM)
    for b in baris:
        w.writerow([b[k] for k in KOLOM])
    return buf.getvalue()


def _laporan_yaml(
    *,
    diterima: dt.date,
    populasi: int | None,
    tidak_berlaku: list[str],
    rtl: list[dict[str, str]],
    jawaban: dict[str, list[int]] | None,
    ringkasan: str | None = None,
) -> str:
    out = [f"diterima: {diterima.isoformat()}\n"]
    if ringkasan:
        out.append(f"ringkasan_masukan: {_skalar(ringkasan)}\n")
    if populasi is not None:
        out.append(f"populasi: {populasi}\n")
    if tidak_berlaku:
        out.append(f"unsur_tidak_berlaku: [{', '.join(tidak_berlaku)}]\n")
    if rtl:
        out.append("tindak_lanjut:\n")
        for item in rtl:
            kunci = ("unsur", "kegiatan", "waktu", "penanggung_jawab", "status")
            for i, k in enumerate(kunci):
                out.append(f"{'  - ' if i == 0 else '    '}{k}: {_skalar(item[k])}\n")
    if jawaban is not None:
        out.append("jawaban:\n")
        for u in KODE_UNSUR:
            out.append(f"  {u}: [{', '.join(str(c) for c in jawaban[u])}]\n")
    return "".join(out)


def _rtl(
    rng: Random, unit: Unit, periode: PeriodeContoh, nrr: dict[str, float], terakhir: bool
) -> list[dict[str, str]]:
    """RTL for the 3 weakest unsur (ties broken by unsur order, so the result is stable)."""
    terlemah = sorted(nrr, key=lambda u: (nrr[u], u))[:3]
    item = []
    for u in terlemah:
        if terakhir:
            status = "rencana" if rng.random() < 0.6 else "berjalan"
        else:
            status = "selesai" if rng.random() < 0.7 else "berjalan"
        item.append(
            {
                "unsur": u,
                "kegiatan": rng.choice(_KEGIATAN_RTL[u]),
                "waktu": rng.choice(periode.rtl_waktu),
                "penanggung_jawab": _penanggung_jawab(unit, u),
                "status": status,
            }
        )
    return item


def _file_unit_periode(
    unit: Unit, rencana: _Rencana, indeks: int, periode: PeriodeContoh, seed: int
) -> dict[str, str]:
    """All files (relative path -> text) for one unit in one period; {} if not reported."""
    terakhir = periode.id == PERIODE_TERAKHIR
    if terakhir and unit.id == UNIT_BELUM_LAPOR:
        return {}
    rng = Random(f"{seed}:{unit.id}:{periode.id}")
    populasi = max(60, int(rencana.populasi * (0.9 + rng.random() * 0.2)))
    minimum = sampel_minimum(populasi)
    if terakhir and unit.id == UNIT_SAMPEL_KURANG:
        n = max(40, int(minimum * 0.55))
    else:
        n = min(400, minimum + rng.randint(0, max(3, minimum // 12)))
    baris = _responden(rng, unit, periode, rencana.ikm[indeks] / 25, rencana.arah, n)

    tidak_berlaku = ["u4"] if unit.id == UNIT_TANPA_BIAYA else []
    berlaku = [u for u in KODE_UNSUR if u not in tidak_berlaku]
    nrr = _nrr(baris, berlaku)

    if terakhir and unit.id == UNIT_TERLAMBAT:
        diterima = periode.batas_laporan + dt.timedelta(days=9)
    else:
        diterima = periode.batas_laporan - dt.timedelta(days=rng.randint(0, 18))
    rtl = _rtl(rng, unit, periode, nrr, terakhir) if terakhir or rng.random() < 0.5 else []

    jawaban = None
    if unit.id == UNIT_REKAP_SAJA:
        jawaban = {u: [sum(b[u] == str(k) for b in baris) for k in (1, 2, 3, 4)]
                   for u in KODE_UNSUR}

    dasar = f"survei/{periode.id}/{unit.id}"
    files = {
        f"{dasar}.yaml": _laporan_yaml(
            diterima=diterima,
            populasi=None if unit.id == UNIT_TANPA_POPULASI else populasi,
            tidak_berlaku=tidak_berlaku,
            rtl=rtl,
            jawaban=jawaban,
            ringkasan=unit.ringkasan_masukan if terakhir else None,
        )
    }
    if unit.id in UNIT_BARIS:
        files[f"{dasar}.csv"] = _csv(baris)
    elif jawaban is None:  # what `skm import` would have written from these rows
        files[f"{dasar}.yaml"] += teks_agregat(dari_baris(baris, tidak_berlaku), {})
    return files


def buat_data_contoh(seed: int = 2017) -> dict[str, str]:
    """Every file of the sample data directory as {relative posix path: text}.

    Kept separate from writing so tests and tools can inspect the data in memory.
    """
    files = {
        "kabupaten.yaml": _kabupaten_yaml(),
        "opd.yaml": _opd_yaml(),
        "periode.yaml": _periode_yaml(),
    }
    for unit in UNIT:
        rencana = _rencana(unit, seed)
        for i, periode in enumerate(PERIODE):
            files.update(_file_unit_periode(unit, rencana, i, periode, seed))
    files.update(_pengesahan(files))
    return dict(sorted(files.items()))


def _pengesahan(files: dict[str, str]) -> dict[str, str]:
    """Sign the periods that have ``disahkan`` the way ``skm sahkan`` does: the digest of
    their data in periode.yaml and the parts it covers in pengesahan/<periode>/versi-1.json.

    The frozen report (versi-1.md) is left out: it is rendered by the site's templates,
    and sample data must not change whenever a template does; the build renders a
    signed period without one from its (digest-locked) data.
    """
    with tempfile.TemporaryDirectory() as sementara:
        for rel, isi in files.items():
            _tulis(Path(sementara) / rel, isi)
        data = periksa(Path(sementara)).data
    assert data is not None, "sample data must be valid"
    hasil = {k.periode.id: k for k in hitung_semua(data).kabupaten}
    tanda, keluar = {}, {}
    for per in data.periode:
        if next(p for p in PERIODE if p.id == per.id).disahkan is None:
            continue
        bag = sidik.bagian(data, per)
        tanda[per.id] = sidik.sidik_dari_bagian(bag)
        k = hasil[per.id]
        ringkasan = {"ikm": fmt.angka(k.ikm), "mutu": k.mutu.huruf, "kinerja": k.mutu.kinerja,
                     "unit": str(len(k.unit)), "responden": fmt.bilangan(k.responden)}
        rel = sidik.berkas_bagian(Path(), per.id, 1).as_posix()
        keluar[rel] = sidik.json_bagian(per, 1, tanda[per.id], bag, ringkasan).decode()
    keluar["periode.yaml"] = _periode_yaml(tanda)
    return keluar


def tulis_data_contoh(tujuan: Path, seed: int = 2017) -> None:
    """Write the synthetic data directory to ``tujuan``.

    The old ``tujuan/survei/`` tree is removed first so units or periods dropped from
    the generator disappear too; nothing else outside the files written is touched.
    """
    tujuan = Path(tujuan)
    survei = tujuan / "survei"
    if survei.is_symlink() or survei.is_file():
        raise ValueError(f"{survei} is not a directory; refusing to replace it")
    if survei.exists():
        shutil.rmtree(survei)
    if (tujuan / sidik.FOLDER).is_dir():  # sign-offs of an earlier generation
        shutil.rmtree(tujuan / sidik.FOLDER)
    for rel, isi in buat_data_contoh(seed).items():
        _tulis(tujuan / rel, isi)


def main(argv: Sequence[str] | None = None) -> int:
    """CLI: ``python tools/buat_contoh.py --out data [--seed 2017]``."""
    parser = argparse.ArgumentParser(
        prog="python tools/buat_contoh.py",
        description="Tulis data contoh SKM (sintetis) Kabupaten Karanganyar.",
    )
    parser.add_argument("--out", type=Path, default=Path("data"), help="direktori tujuan")
    parser.add_argument("--seed", type=int, default=2017, help="benih acak (default 2017)")
    args = parser.parse_args(argv)
    tulis_data_contoh(args.out, seed=args.seed)
    print(f"data contoh ditulis ke {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
