"""skm periode baru: appends a period safely, refuses duplicates and overlaps untouched."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from conftest import PERIODE, tulis

from skm_build.cli import main
from skm_build.kontrak.muat import periksa
from skm_build.staf import periode_baru as pb

KOMENTAR = "# Periode survei SKM — disunting oleh Bagian Organisasi\n\n"


def baru(data: Path, *argumen: str) -> int:
    return main(["periode", "baru", *argumen, "--data", str(data)])


@pytest.fixture
def berkas(data: Path) -> Path:
    """periode.yaml with a comment and CRLF-free text, to check nothing else changes."""
    return tulis(data, "periode.yaml", KOMENTAR + PERIODE + "  # akhir daftar\n")


def test_menambah_di_akhir_tanpa_mengubah_isi_lama(data: Path, berkas: Path,
                                                    capsys: pytest.CaptureFixture) -> None:
    lama = berkas.read_bytes()
    assert baru(data, "2026-s1") == 0
    isi = berkas.read_bytes()
    assert isi.startswith(lama)
    assert isi[len(lama):].decode() == (
        "- id: 2026-s1\n"
        "  nama: Semester I 2026\n"
        "  mulai: 2026-01-01\n"
        "  selesai: 2026-06-30\n"
        "  batas_laporan: 2026-07-21\n")
    assert "Batas laporan unit: 21 Juli 2026" in capsys.readouterr().out
    d = periksa(data).data
    assert d is not None and d.periode[-1].batas_laporan == date(2026, 7, 21)


def test_pilihan_tertulis_dan_nama_berkutip(data: Path, berkas: Path) -> None:
    assert baru(data, "2026-tw1", "--nama", "Triwulan I: 2026", "--mulai", "2026-01-01",
                "--selesai", "2026-03-31", "--batas", "2026-04-30") == 0
    assert berkas.read_text().endswith(
        "- id: 2026-tw1\n  nama: \"Triwulan I: 2026\"\n  mulai: 2026-01-01\n"
        "  selesai: 2026-03-31\n  batas_laporan: 2026-04-30\n")
    assert periksa(data).data.periode_menurut_id()["2026-tw1"].nama == "Triwulan I: 2026"


def test_berkas_tanpa_baris_baru_di_akhir(data: Path) -> None:
    berkas = tulis(data, "periode.yaml", PERIODE.rstrip("\n"))
    assert baru(data, "2026") == 0
    assert "batas_laporan: 2026-01-21\n- id: 2026\n  nama: Tahun 2026\n" in berkas.read_text()
    assert periksa(data).sah


@pytest.mark.parametrize(("argumen", "pesan"), [
    (("2025-s2",), "periode '2025-s2' sudah ada"),
    (("2025-tw4",), "tumpang tindih dengan periode '2025-s2'"),
    (("2025",), "tumpang tindih dengan periode '2025-s1'"),
    (("2026-s1", "--selesai", "2025-12-01"), "lebih awal dari mulai"),
    (("2026-s1", "--batas", "2026-06-01"), "batas laporan 2026-06-01 lebih awal"),
    (("2026-s3",), "id '2026-s3' tidak sah"),
    (("semester-1", "--nama", "X", "--mulai", "2027-01-01", "--selesai", "2027-06-30"),
     "id 'semester-1' tidak sah"),
])
def test_usulan_ditolak_berkas_tidak_berubah(data: Path, berkas: Path, argumen: tuple,
                                             pesan: str, capsys: pytest.CaptureFixture) -> None:
    lama = berkas.read_bytes()
    assert baru(data, *argumen) == 2
    assert pesan in capsys.readouterr().err
    assert berkas.read_bytes() == lama


def test_dikembalikan_bila_pemeriksaan_menemukan_galat_baru(
        data: Path, berkas: Path, capsys: pytest.CaptureFixture) -> None:
    """A name with a phone number passes the proposal check but not the loader: undone."""
    lama = berkas.read_bytes()
    assert baru(data, "2026-s1", "--nama", "Semester I 2026 hubungi 081234567890") == 1
    err = capsys.readouterr().err
    assert "berisi data pribadi" in err and "dikembalikan seperti semula" in err
    assert berkas.read_bytes() == lama


def test_galat_lama_di_berkas_lain_tidak_menghalangi(data: Path, berkas: Path) -> None:
    tulis(data, "survei/2025-s1/kecamatan-jaten.csv", "u1\n9\n")  # already broken
    assert baru(data, "2026-s1") == 0
    assert "2026-s1" in berkas.read_text()


@pytest.mark.parametrize(("ident", "harapan"), [
    ("2026", ("Tahun 2026", date(2026, 1, 1), date(2026, 12, 31))),
    ("2026-s2", ("Semester II 2026", date(2026, 7, 1), date(2026, 12, 31))),
    ("2026-tw1", ("Triwulan I 2026", date(2026, 1, 1), date(2026, 3, 31))),
    ("2024-tw4", ("Triwulan IV 2024", date(2024, 10, 1), date(2024, 12, 31))),
    ("2026-x", None),
])
def test_bawaan_dari_id(ident: str, harapan: tuple | None) -> None:
    assert pb.bawaan_dari_id(ident) == harapan


def test_batas_baku_tiga_minggu() -> None:
    assert pb.batas_baku(date(2025, 12, 31)) == date(2026, 1, 21)
