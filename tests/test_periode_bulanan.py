"""Monthly periods ``TTTT-BB`` beside the year, semester and quarter forms."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from conftest import PERIODE, tulis

from skm_build.cli import main
from skm_build.kontrak.muat import periksa
from skm_build.staf import periode_baru as pb


def periode(ident: str, mulai: str, selesai: str, batas: str) -> str:
    return (f"- id: {ident}\n  nama: Periode {ident}\n  mulai: {mulai}\n  selesai: {selesai}\n"
            f"  batas_laporan: {batas}\n")


@pytest.mark.parametrize("ident", ["2026-01", "2026-02", "2026-09", "2026-10", "2026-12"])
def test_id_bulanan_sah(data: Path, ident: str) -> None:
    tulis(data, "periode.yaml", PERIODE + periode(ident, "2026-01-01", "2026-01-31",
                                                  "2026-02-21"))
    hasil = periksa(data)
    assert hasil.data is not None, [str(m) for m in hasil.masalah.urut()]
    assert ident in hasil.data.periode_menurut_id()


@pytest.mark.parametrize("ident", ["2026-00", "2026-13", "2026-2", "2026-002", "2026-b2"])
def test_id_bulanan_yang_salah_ditolak_di_barisnya(data: Path, ident: str) -> None:
    tulis(data, "periode.yaml", PERIODE + periode(ident, "2026-01-01", "2026-01-31",
                                                  "2026-02-21"))
    hasil = periksa(data)
    assert hasil.data is None
    (m,) = hasil.masalah.galat_saja
    assert str(m).partition(": ")[0] == "data/periode.yaml:11:id"  # the third entry
    assert "TTTT-BB" in m.pesan


def test_bulan_diurutkan_bersama_bentuk_lain(data: Path) -> None:
    # Written out of order; sorted by start date: Jul 2025 (s2), Oct 2025 (tw4),
    # Jan 2026, Feb 2026.
    tulis(data, "periode.yaml", periode("2026-02", "2026-02-01", "2026-02-28", "2026-03-21")
          + periode("2025-tw4", "2025-10-01", "2025-12-31", "2026-01-21")
          + periode("2026-01", "2026-01-01", "2026-01-31", "2026-02-21")
          + periode("2025-s2", "2025-07-01", "2025-09-30", "2025-10-21")
          + periode("2025-s1", "2025-01-01", "2025-06-30", "2025-07-21"))
    d = periksa(data).data
    assert [p.id for p in d.periode] == ["2025-s1", "2025-s2", "2025-tw4", "2026-01",
                                         "2026-02"]


@pytest.mark.parametrize(("ident", "nama", "mulai", "selesai"), [
    ("2026-02", "Februari 2026", date(2026, 2, 1), date(2026, 2, 28)),
    ("2024-02", "Februari 2024", date(2024, 2, 1), date(2024, 2, 29)),  # leap year
    ("2015-12", "Desember 2015", date(2015, 12, 1), date(2015, 12, 31)),
    ("2026-01", "Januari 2026", date(2026, 1, 1), date(2026, 1, 31)),
    ("2026-04", "April 2026", date(2026, 4, 1), date(2026, 4, 30)),
])
def test_nama_dan_tanggal_bawaan_periode_bulanan(ident: str, nama: str, mulai: date,
                                                 selesai: date) -> None:
    assert pb.bawaan_dari_id(ident) == (nama, mulai, selesai)


def test_skm_periode_baru_bulanan(data: Path, capsys: pytest.CaptureFixture) -> None:
    berkas = data / "periode.yaml"
    lama = berkas.read_bytes()
    assert main(["periode", "baru", "2026-02", "--data", str(data)]) == 0
    assert berkas.read_bytes()[len(lama):].decode() == (
        "- id: 2026-02\n"
        "  nama: Februari 2026\n"
        "  mulai: 2026-02-01\n"
        "  selesai: 2026-02-28\n"
        "  batas_laporan: 2026-03-21\n")  # 28 Feb + 21 days
    d = periksa(data).data
    assert d is not None and d.periode[-1].id == "2026-02"


def test_bulan_yang_tumpang_tindih_dengan_semester_ditolak(data: Path,
                                                           capsys: pytest.CaptureFixture) -> None:
    lama = (data / "periode.yaml").read_bytes()
    assert main(["periode", "baru", "2025-03", "--data", str(data)]) != 0
    assert "2025-s1" in capsys.readouterr().err
    assert (data / "periode.yaml").read_bytes() == lama


def test_id_bulanan_salah_ditolak_oleh_periode_baru_dengan_contoh(
        data: Path, capsys: pytest.CaptureFixture) -> None:
    assert main(["periode", "baru", "2026-13", "--data", str(data)]) == 2
    assert "TTTT-BB" in capsys.readouterr().err
