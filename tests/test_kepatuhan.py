"""Reporting compliance (SOP steps 5–7): every unit's status around the deadline."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from conftest import tulis

from skm_build.cli import main
from skm_build.hitung import kepatuhan as kp
from skm_build.hitung.hasil import hitung_semua
from skm_build.kontrak.model import Opd, Periode
from skm_build.kontrak.muat import periksa
from skm_build.terbit.halaman import PembuatHalaman

PER = Periode("2025-s1", "Semester I 2025", date(2025, 1, 1), date(2025, 6, 30),
              date(2025, 7, 21))
UNIT = Opd("dukcapil", "Dinas Kependudukan dan Pencatatan Sipil", "dinas")
BATAS = PER.batas_laporan
SATU = timedelta(days=1)


@pytest.mark.parametrize(("ada_data", "diterima", "hari_ini", "status", "hari", "teks"), [
    (True, BATAS, BATAS + 30 * SATU, kp.TEPAT_WAKTU, 0, "tepat waktu"),  # on the day
    (True, BATAS - 10 * SATU, BATAS, kp.TEPAT_WAKTU, 0, "tepat waktu"),
    (True, BATAS + SATU, BATAS + 30 * SATU, kp.TERLAMBAT, 1, "terlambat 1 hari"),
    (True, BATAS + 9 * SATU, BATAS + 9 * SATU, kp.TERLAMBAT, 9, "terlambat 9 hari"),
    (True, None, BATAS + 30 * SATU, kp.TANPA_TANGGAL, 0, "diterima, tanggal tidak dicatat"),
    (False, None, BATAS + SATU, kp.BELUM_MELAPOR, 1, "belum melapor (lewat 1 hari)"),
    (False, None, BATAS, kp.MENUNGGU, 0, "menunggu (batas hari ini)"),
    (False, None, BATAS - 5 * SATU, kp.MENUNGGU, 5, "menunggu (5 hari lagi)"),
])
def test_status_di_sekitar_batas(ada_data: bool, diterima: date | None, hari_ini: date,
                                 status: str, hari: int, teks: str) -> None:
    s = kp.status_unit(UNIT, PER, ada_data, diterima, hari_ini)
    assert (s.status, s.hari, s.keterangan) == (status, hari, teks)


def test_tingkat_kepatuhan_atas_semua_unit(data: Path) -> None:
    d = periksa(data).data
    # dukcapil received 2025-07-10 (on time); kecamatan-jaten has no data
    k = kp.kepatuhan_periode(d, "2025-s1", date(2025, 8, 1))
    assert [(s.opd.id, s.status) for s in k.unit] == [
        ("kecamatan-jaten", kp.BELUM_MELAPOR), ("dukcapil", kp.TEPAT_WAKTU)]
    assert k.tingkat == pytest.approx(0.5)
    assert kp.kepatuhan_periode(d, "2025-s1", date(2025, 7, 21)).jumlah(kp.MENUNGGU) == 1
    assert kp.kepatuhan_periode(d, "2025-s2", date(2025, 8, 1)).tingkat == 0


def test_laporan_tanpa_tanggal_diterima_tidak_dihitung_tepat_waktu(data: Path) -> None:
    tulis(data, "survei/2025-s1/dukcapil.yaml", "populasi: 4\n")
    k = kp.kepatuhan_periode(periksa(data).data, "2025-s1", date(2025, 8, 1))
    assert k.jumlah(kp.TANPA_TANGGAL) == 1 and k.jumlah(kp.TEPAT_WAKTU) == 0


def test_hari_ini_dari_source_date_epoch(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1753142400")  # 2025-07-22 00:00 UTC
    assert kp.hari_ini() == date(2025, 7, 22)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "bukan angka")
    assert kp.hari_ini() == date.today()
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    assert kp.hari_ini() == date.today()


def test_skm_status_di_terminal(data: Path, monkeypatch: pytest.MonkeyPatch,
                                capsys: pytest.CaptureFixture) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1753142400")  # the day after the deadline
    assert main(["status", "--periode", "2025-s1", "--data", str(data)]) == 0
    out = capsys.readouterr().out
    assert "Kepatuhan pelaporan Semester I 2025" in out
    assert "batas laporan 21 Juli 2025; keadaan per 22 Juli 2025" in out
    assert "Tingkat kepatuhan: 50,0 % (1 dari 2 unit tepat waktu)" in out
    assert "belum melapor (lewat 1 hari)" in out and "Kecamatan Jaten (kecamatan-jaten)" in out
    assert "10 Juli 2025" in out

    assert main(["status", "--data", str(data)]) == 0  # default: the latest period
    assert "Semester II 2025" in capsys.readouterr().out
    assert main(["status", "--periode", "2030", "--data", str(data)]) == 2


def test_halaman_periode_memuat_kepatuhan(data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1753142400")
    isi = PembuatHalaman(hitung_semua(periksa(data).data)).periode("2025-s1").isi
    bagian = isi[isi.index("## Kepatuhan pelaporan"):]
    assert "**1 dari 2 unit melapor tepat waktu**" in bagian
    assert "keadaan per 22 Juli 2025" in bagian
    assert "| [Kecamatan Jaten](../opd/kecamatan-jaten.md) | belum melapor" in bagian
    assert "| tepat waktu | 10 Juli 2025 |" in bagian
