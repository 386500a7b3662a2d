"""A declared respondent count must add up with the answers it claims to summarise.

The number of respondents the data supports is, for a tally report, the largest number
of answers any unsur has (each respondent answers an unsur at most once); for a
respondent CSV, the rows that answer at least one unsur. A declared ``responden`` below
that is impossible: an error at its line. Above it, ``skm check`` warns at its line, and
the sample check and every published respondent figure use the supported number, so a
declared 400 that only 100 answers back is never published as an adequate sample.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import tulis
from test_layanan import JATEN, laporan_layanan

from skm_build.cli import main
from skm_build.hitung.hasil import hitung_semua
from skm_build.kontrak.masalah import GALAT, PERINGATAN
from skm_build.kontrak.muat import periksa


def rekap(responden: int | None, populasi: int = 1000) -> str:
    """100 answers on every unsur (u3: 80 + 20 blanks); ``responden`` is on line 3."""
    baris = {f"u{i}": "[0, 2, 50, 48]" for i in range(1, 10)}
    baris["u3"] = "[0, 2, 40, 38]"
    return (f"diterima: 2025-07-15\npopulasi: {populasi}\n"
            + (f"responden: {responden}\n" if responden is not None else "")
            + "jawaban:\n" + "".join(f"  {k}: {v}\n" for k, v in baris.items()))


def masalah_di(folder: Path, lokasi: str) -> list:
    hasil = periksa(folder)
    return [m for m in hasil.masalah.semua if str(m).partition(": ")[0] == lokasi]


TEMPAT = "data/survei/2025-s1/kecamatan-jaten.yaml:3:responden"


def test_responden_di_bawah_jawaban_terbanyak_adalah_galat(data: Path,
                                                          capsys: pytest.CaptureFixture) -> None:
    tulis(data, JATEN, rekap(90))  # u1 alone has 100 answers
    assert periksa(data).data is None
    (m,) = masalah_di(data, TEMPAT)
    assert m.tingkat == GALAT
    assert "90" in m.pesan and "100" in m.pesan
    capsys.readouterr()
    assert main(["check", "--data", str(data)]) == 1
    err = capsys.readouterr().err
    assert f"{TEMPAT}: " in err and "Traceback" not in err


def test_responden_di_atas_jawaban_terbanyak_adalah_peringatan(data: Path) -> None:
    tulis(data, JATEN, rekap(400))
    (m,) = masalah_di(data, TEMPAT)
    assert m.tingkat == PERINGATAN
    assert "400" in m.pesan and "100" in m.pesan


def test_responden_yang_tidak_didukung_jawaban_tidak_diterbitkan(
        data: Path, capsys: pytest.CaptureFixture) -> None:
    # Krejcie–Morgan for N = 1 000 is 278: 400 would be adequate, the 100 answers are not.
    tulis(data, JATEN, rekap(400))
    h = hitung_semua(periksa(data).data).unit[("2025-s1", "kecamatan-jaten")]
    assert h.survei.responden == 100
    assert (h.sampel_minimum, h.sampel_memadai) == (278, False)
    capsys.readouterr()
    assert main(["results", "--format", "json", "--data", str(data)]) == 0
    unit = {u["opd"]: u for u in json.loads(capsys.readouterr().out)["unit"]}
    assert (unit["kecamatan-jaten"]["responden"],
            unit["kecamatan-jaten"]["sampel_memadai"]) == (100, False)


def test_responden_sama_dengan_jawaban_terbanyak_tanpa_masalah(data: Path) -> None:
    tulis(data, JATEN, rekap(100))
    hasil = periksa(data)
    assert hasil.data is not None and hasil.masalah.semua == []


def test_tanpa_responden_dipakai_jawaban_terbanyak(data: Path) -> None:
    tulis(data, JATEN, rekap(None))
    assert periksa(data).data.survei[("2025-s1", "kecamatan-jaten")].responden == 100


# --- a respondent CSV beside a declared count (the fixture CSV has 4 answering rows) ------


def test_responden_tertulis_kurang_dari_baris_csv_adalah_galat(data: Path) -> None:
    tulis(data, "survei/2025-s1/dukcapil.yaml", "diterima: 2025-07-10\nresponden: 3\n")
    assert periksa(data).data is None
    (m,) = masalah_di(data, "data/survei/2025-s1/dukcapil.yaml:2:responden")
    assert m.tingkat == GALAT and "3" in m.pesan and "4" in m.pesan


def test_responden_tertulis_lebih_dari_baris_csv_adalah_peringatan(data: Path) -> None:
    tulis(data, "survei/2025-s1/dukcapil.yaml", "diterima: 2025-07-10\nresponden: 10\n")
    (m,) = masalah_di(data, "data/survei/2025-s1/dukcapil.yaml:2:responden")
    assert m.tingkat == PERINGATAN
    assert periksa(data).data.survei[("2025-s1", "dukcapil")].responden == 4


# --- per-service tallies (laporan_layanan: see test_layanan for its line numbers) ---------


def test_responden_layanan_di_bawah_jawaban_terbanyak_adalah_galat(data: Path) -> None:
    tulis(data, JATEN, laporan_layanan(resp_kk=5))  # Kartu Keluarga has 6 answers per unsur
    assert periksa(data).data is None
    (m,) = masalah_di(data, "data/survei/2025-s1/kecamatan-jaten.yaml:15:responden")
    assert m.tingkat == GALAT and "Kartu Keluarga" in m.pesan


def test_responden_layanan_di_atas_jawaban_terbanyak_adalah_peringatan(data: Path) -> None:
    tulis(data, JATEN, laporan_layanan(resp_akta=9))
    (m,) = masalah_di(data, "data/survei/2025-s1/kecamatan-jaten.yaml:27:responden")
    assert m.tingkat == PERINGATAN and "Akta Kematian" in m.pesan
    hasil = hitung_semua(periksa(data).data).unit[("2025-s1", "kecamatan-jaten")]
    assert {x.nama: x.responden for x in hasil.layanan}["Akta Kematian"] == 6


def test_jawaban_layanan_melebihi_jawaban_unit_adalah_galat(data: Path) -> None:
    # Kartu Keluarga u1 [0, 0, 4, 2] + Akta Kematian u1 [0, 1, 2, 3] = 6 answers of 3, but the
    # unit reports only 5 for u1 (line 4): the services cannot hold more than the unit.
    tulis(data, JATEN, laporan_layanan(u1_kk="[0, 0, 4, 2]"))
    assert periksa(data).data is None
    (m,) = masalah_di(data, "data/survei/2025-s1/kecamatan-jaten.yaml:13:layanan")
    assert m.tingkat == GALAT and "u1" in m.pesan

