"""The `skm` command: exit codes and output formats are a contract CI and other tools use.

0 = all good, 1 = the data is invalid, 2 = the command was used wrongly; never a Python
traceback. ``skm results --format json`` is the documented machine-readable contract.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from conftest import CSV_DUKCAPIL, tulis

from skm_build.cli import main

KUNCI_UNIT = {"periode", "opd", "responden", "nrr", "ikm_1_4", "ikm", "mutu", "kinerja",
              "sampel_minimum", "sampel_memadai"}
KUNCI_KABUPATEN_WAJIB = {"periode", "ikm", "mutu", "kinerja", "agregasi", "ikm_gabungan"}
UNSUR = [f"u{i}" for i in range(1, 10)]

# The fixture CSV, worked by hand (see tests/test_ikm.py): Σ NRR = 29,75;
# IKM = 29,75 / 9 × 25 = 82,638…; populasi 4 → Krejcie–Morgan minimum 4, and 4 answered.
IKM_DUKCAPIL = 29.75 / 9 * 25

JAWABAN_JATEN = "diterima: 2025-07-15\njawaban:\n" + "".join(
    f"  {k}: [0, 0, 1, 1]\n" for k in UNSUR)  # every NRR 3,5 → IKM 87,5; no populasi


def skm(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """Run `skm ARGV` in-process: (exit code, stdout, stderr), usage errors included."""
    capsys.readouterr()
    try:
        kode = main(list(argv))
    except SystemExit as e:  # argparse ends wrong usage with SystemExit(2)
        kode = e.code
    keluaran = capsys.readouterr()
    assert "Traceback" not in keluaran.out + keluaran.err
    return kode, keluaran.out, keluaran.err


@pytest.fixture
def dua_unit(data: Path) -> Path:
    """The fixture plus Kecamatan Jaten reporting tallies only, without a populasi."""
    tulis(data, "survei/2025-s1/kecamatan-jaten.yaml", JAWABAN_JATEN)
    return data


def rusak(data: Path) -> Path:
    tulis(data, "survei/2025-s1/dukcapil.csv", CSV_DUKCAPIL.replace("PNS,4,3,", "PNS,4,7,"))
    return data


# --- skm check ---------------------------------------------------------------------------


def test_check_data_sah_keluar_0_dan_mencetak_ringkasan(data: Path, capsys) -> None:
    kode, out, err = skm(capsys, "check", "--data", str(data))
    assert kode == 0
    # the fixture's respondent CSV is valid; only its publication is pointed out (issue 12)
    assert [b for b in err.splitlines() if "baris per responden" not in b] == []
    assert out.splitlines()[0] == ("Kabupaten Uji: data sah "
                                   "(DATA CONTOH sintetis, bukan hasil survei sungguhan)")
    assert "  unit layanan : 2" in out
    assert "  periode      : 2 (2025-s1, 2025-s2)" in out
    assert "2025-s1       1 unit melapor,         4 responden" in out
    assert "  masalah      : 0 galat, 0 peringatan" in out


def test_check_data_tidak_sah_keluar_1_dengan_lokasi_masalah(data: Path, capsys) -> None:
    kode, out, err = skm(capsys, "check", "--data", str(rusak(data)))
    assert kode == 1
    assert out == ""
    assert "data/survei/2025-s1/dukcapil.csv:3:u2: jawaban '7' tidak sah" in err
    assert "Data TIDAK SAH: 1 galat, 0 peringatan." in err


def test_check_folder_data_yang_tidak_ada_keluar_1(tmp_path: Path, capsys) -> None:
    kode, _, err = skm(capsys, "check", "--data", str(tmp_path / "tidak-ada"))
    assert kode == 1
    assert "folder data tidak ada" in err


# --- skm results ---------------------------------------------------------------------------


def test_results_json_memuat_tepat_kunci_kontrak(dua_unit: Path, capsys) -> None:
    kode, out, _ = skm(capsys, "results", "--data", str(dua_unit), "--format", "json")
    assert kode == 0
    hasil = json.loads(out)
    assert set(hasil) == {"unit", "kabupaten", "layanan"}
    assert [(u["periode"], u["opd"]) for u in hasil["unit"]] == [
        ("2025-s1", "dukcapil"), ("2025-s1", "kecamatan-jaten")]
    for unit in hasil["unit"]:
        assert set(unit) == KUNCI_UNIT
        assert list(unit["nrr"]) == UNSUR
    (kabupaten,) = hasil["kabupaten"]
    assert set(kabupaten) >= KUNCI_KABUPATEN_WAJIB
    assert kabupaten["periode"] == "2025-s1"
    assert kabupaten["agregasi"] == "rata-rata-unit"


def test_results_json_berisi_nilai_yang_dihitung_tangan(dua_unit: Path, capsys) -> None:
    _, out, _ = skm(capsys, "results", "--data", str(dua_unit), "--format", "json")
    dukcapil, jaten = json.loads(out)["unit"]
    assert dukcapil["responden"] == 4
    assert dukcapil["nrr"]["u3"] == 2.5
    assert dukcapil["ikm"] == pytest.approx(IKM_DUKCAPIL)
    assert dukcapil["ikm_1_4"] == pytest.approx(29.75 / 9)
    assert (dukcapil["mutu"], dukcapil["kinerja"]) == ("B", "Baik")
    assert jaten["ikm"] == 87.5
    kabupaten = json.loads(out)["kabupaten"][0]
    assert kabupaten["ikm"] == pytest.approx((IKM_DUKCAPIL + 87.5) / 2)  # rata-rata unit


def test_results_json_sampel_null_bila_unit_tidak_memberi_populasi(
        dua_unit: Path, capsys) -> None:
    _, out, _ = skm(capsys, "results", "--data", str(dua_unit), "--format", "json")
    dukcapil, jaten = json.loads(out)["unit"]
    assert (dukcapil["sampel_minimum"], dukcapil["sampel_memadai"]) == (4, True)
    assert (jaten["sampel_minimum"], jaten["sampel_memadai"]) == (None, None)
    assert '"sampel_minimum": null' in out


def test_results_csv_terbaca_ulang_dengan_ikm_yang_sama_dengan_json(
        dua_unit: Path, capsys) -> None:
    _, keluaran_json, _ = skm(capsys, "results", "--data", str(dua_unit), "--format", "json")
    kode, keluaran_csv, _ = skm(capsys, "results", "--data", str(dua_unit), "--format", "csv")
    assert kode == 0
    baris = list(csv.DictReader(io.StringIO(keluaran_csv)))
    dari_json = {(u["periode"], u["opd"]): u for u in json.loads(keluaran_json)["unit"]}
    assert {(b["periode"], b["opd"]) for b in baris} == set(dari_json)
    for b in baris:
        u = dari_json[(b["periode"], b["opd"])]
        assert float(b["ikm"]) == u["ikm"]
        assert float(b["ikm_1_4"]) == u["ikm_1_4"]
        assert [float(b[f"nrr_{k}"]) for k in UNSUR] == [u["nrr"][k] for k in UNSUR]
        assert int(b["responden"]) == u["responden"]


def test_results_tabel_menampilkan_ikm_berkoma_desimal(data: Path, capsys) -> None:
    kode, out, _ = skm(capsys, "results", "--data", str(data))
    assert kode == 0
    assert "dukcapil" in out
    assert "82,64" in out


def test_results_periode_yang_ada_menyaring(dua_unit: Path, capsys) -> None:
    kode, out, _ = skm(capsys, "results", "--data", str(dua_unit), "--format", "json",
                       "--periode", "2025-s2")
    assert kode == 0
    assert json.loads(out) == {"unit": [], "kabupaten": [], "layanan": []}


def test_results_periode_yang_tidak_ada_keluar_2(data: Path, capsys) -> None:
    kode, out, err = skm(capsys, "results", "--data", str(data), "--periode", "2099-s1")
    assert kode == 2
    assert out == ""
    assert "periode '2099-s1' tidak ada" in err


def test_results_data_tidak_sah_keluar_1_tanpa_hasil(data: Path, capsys) -> None:
    kode, out, err = skm(capsys, "results", "--data", str(rusak(data)), "--format", "json")
    assert kode == 1
    assert out == ""
    assert "data/survei/2025-s1/dukcapil.csv:3:u2" in err


# --- wrong usage ---------------------------------------------------------------------------


@pytest.mark.parametrize("argv", [
    ["check", "--tidak-ada"],
    ["results", "--format", "xml"],
    ["hapus-semua"],
    [],
], ids=["opsi-asing", "format-asing", "perintah-asing", "tanpa-perintah"])
def test_pemakaian_salah_keluar_2(data: Path, capsys, argv: list[str]) -> None:
    kode, out, err = skm(capsys, *argv)
    assert kode == 2
    assert out == ""
    assert "penggunaan: skm" in err  # argparse speaks Indonesian (issue 12)
