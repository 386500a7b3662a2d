"""Templates for OPDs: canonical columns, drop-downs, the questions, identical bytes."""

from __future__ import annotations

import io
import time
import zipfile
from pathlib import Path

import openpyxl
import pytest

from skm_build.aturan.ikm import KODE_UNSUR, PERTANYAAN, UNSUR
from skm_build.cli import main
from skm_build.hitung.hasil import hitung_semua
from skm_build.kontrak.kosakata import URUTAN_PEKERJAAN, URUTAN_PENDIDIKAN
from skm_build.kontrak.muat import periksa
from skm_build.kontrak.proyek import Proyek
from skm_build.situs.bangun import tulis_konten
from skm_build.terbit.templat_opd import KOLOM_TEMPLAT, templat_csv, templat_xlsx


def test_templat_csv_hanya_baris_judul() -> None:
    assert templat_csv() == (
        b"tanggal,jenis_kelamin,usia,pendidikan,pekerjaan,layanan,"
        b"u1,u2,u3,u4,u5,u6,u7,u8,u9,saran\n")


def test_templat_xlsx_byte_sama_walau_waktu_berjalan() -> None:
    pertama = templat_xlsx()
    time.sleep(1.1)  # openpyxl stamps the save time; zip entries carry the time too
    assert templat_xlsx() == pertama
    with zipfile.ZipFile(io.BytesIO(pertama)) as z:
        assert {i.date_time for i in z.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        assert b"2025-01-01T00:00:00Z" in z.read("docProps/core.xml")


def test_lembar_data_dengan_daftar_pilihan() -> None:
    wb = openpyxl.load_workbook(io.BytesIO(templat_xlsx()))
    assert wb.sheetnames == ["Data", "Petunjuk"]
    ws = wb["Data"]
    assert [c.value for c in ws[1]] == list(KOLOM_TEMPLAT)
    aturan = {str(dv.sqref).split(":")[0]: dv for dv in ws.data_validations.dataValidation}
    kolom = {nama: openpyxl.utils.get_column_letter(i + 1) for i, nama in enumerate(KOLOM_TEMPLAT)}
    for kode in KODE_UNSUR:
        dv = aturan[f"{kolom[kode]}2"]
        assert (dv.type, dv.formula1) == ("list", '"1,2,3,4"')
    assert aturan[f"{kolom['jenis_kelamin']}2"].formula1 == '"L,P"'
    assert aturan[f"{kolom['pendidikan']}2"].formula1 == '"' + ",".join(URUTAN_PENDIDIKAN) + '"'
    assert aturan[f"{kolom['pekerjaan']}2"].formula1 == '"' + ",".join(URUTAN_PEKERJAAN) + '"'
    usia = aturan[f"{kolom['usia']}2"]
    assert (usia.type, usia.formula1, usia.formula2) == ("whole", "15", "100")
    assert "1 = Tidak sesuai" in aturan[f"{kolom['u1']}2"].prompt


def test_lembar_petunjuk_memuat_pertanyaan_dan_label() -> None:
    wb = openpyxl.load_workbook(io.BytesIO(templat_xlsx()))
    baris = [r for r in wb["Petunjuk"].iter_rows(values_only=True)]
    for u in UNSUR:
        assert (u.kode, u.nama, PERTANYAAN[u.kode], *u.label) in baris


def test_skm_templat_menulis_kedua_berkas(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    assert main(["templat", "--keluar", str(tmp_path / "unduh")]) == 0
    assert (tmp_path / "unduh/templat-skm.csv").read_bytes() == templat_csv()
    assert (tmp_path / "unduh/templat-skm.xlsx").read_bytes() == templat_xlsx()
    assert "templat-skm.xlsx" in capsys.readouterr().out


def test_build_menerbitkan_templat(data: Path, tmp_path: Path) -> None:
    proyek = Proyek(tmp_path, data)
    (tmp_path / "content").mkdir()
    tulis_konten(proyek, hitung_semua(periksa(data).data))
    assert (proyek.dibangun / "unduh/templat-skm.csv").read_bytes() == templat_csv()
    assert (proyek.dibangun / "unduh/templat-skm.xlsx").read_bytes() == templat_xlsx()


def test_panduan_menautkan_templat() -> None:
    panduan = (Path(__file__).parents[1] / "content/panduan-petugas.md").read_text()
    assert "](unduh/templat-skm.xlsx)" in panduan and "](unduh/templat-skm.csv)" in panduan
