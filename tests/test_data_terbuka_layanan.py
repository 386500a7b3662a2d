"""Open data per service: hasil-layanan.csv, its sheet in skm.xlsx and its resource."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from pathlib import Path

from conftest import tulis
from test_layanan import CSV_LAYANAN

from skm_build.hitung.hasil import LAYANAN_LAIN, hitung_semua
from skm_build.kontrak.muat import periksa
from skm_build.terbit import data_terbuka as dt


def _berkas(folder: Path) -> dict[str, bytes]:
    tulis(folder, "survei/2025-s1/dukcapil.csv", CSV_LAYANAN)
    p = periksa(folder)
    assert p.data is not None
    return dt.berkas_data_terbuka(hitung_semua(p.data))


def test_hasil_layanan_csv_sama_dengan_hitungan_tangan(data: Path) -> None:
    baris = list(csv.DictReader(io.StringIO(
        _berkas(data)["data/2025-s1/hasil-layanan.csv"].decode("utf-8"))))
    ktp, lain = baris
    assert (ktp["opd"], ktp["layanan"], ktp["responden"]) == ("dukcapil", "KTP-el", "5")
    assert ktp["nrr_u1"] == "3.600000" and ktp["nrr_u9"] == "3.500000"
    # Σ NRR 32,3 ÷ 9 × 25 = 89,72222… → 6 decimals half-up 89,722222; official 89,72
    assert (ktp["ikm"], ktp["ikm_dibulatkan"], ktp["mutu"]) == ("89.722222", "89.72", "A")
    # Below the minimum of 5: one unnamed row says how many, and nothing else.
    assert (lain["layanan"], lain["responden"]) == (LAYANAN_LAIN, "2")
    assert lain["ikm"] == lain["mutu"] == lain["nrr_u1"] == ""


def test_lembar_dan_sumber_daya_layanan(data: Path) -> None:
    berkas = _berkas(data)
    with zipfile.ZipFile(io.BytesIO(berkas["data/2025-s1/skm.xlsx"])) as z:
        assert b"hasil-layanan" in z.read("xl/workbook.xml")
    paket = json.loads(berkas["data/2025-s1/datapackage.json"])
    sumber = {r["name"]: r for r in paket["resources"]}
    assert sumber["hasil-layanan"]["path"] == "hasil-layanan.csv"
    assert sumber["hasil-layanan"]["schema"]["primaryKey"] == ["periode", "opd", "layanan"]
    assert "hasil-layanan" in json.loads(berkas["data/2025-s1/skm.json"])
