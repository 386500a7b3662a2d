"""The loader's fast CSV path and its pandas path must never disagree.

``muat_csv._csv_bersih`` takes only files that are clean beyond doubt; everything else goes
through the pandas path that words each problem with its line. Both must give the same
tallies, profile and problems for every file. ``bench/setara.py`` runs thousands of
generated files (clean ones, and ones bent the way spreadsheets and people bend them);
the suite runs a few hundred of the same cases on every change.
"""

from __future__ import annotations

import importlib.util
import random
from pathlib import Path

import pytest

from skm_build.kontrak import muat_csv as muat

_SPEK = importlib.util.spec_from_file_location(
    "setara", Path(__file__).resolve().parents[1] / "bench" / "setara.py")
setara = importlib.util.module_from_spec(_SPEK)
_SPEK.loader.exec_module(setara)


@pytest.mark.parametrize("benih", [1, 2, 3])
def test_jalur_cepat_dan_jalur_pandas_memberi_hasil_dan_masalah_yang_sama(
    benih: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    acak = random.Random(benih)
    asli = muat._csv_bersih
    berkas = tmp_path / "unit.csv"
    cepat = 0

    def terhitung(*args: object) -> object:
        nonlocal cepat
        hasil = asli(*args)
        cepat += hasil is not None
        return hasil

    for _ in range(150):
        data, tidak = setara._kasus(acak)
        berkas.write_bytes(data)
        monkeypatch.setattr(muat, "_csv_bersih", terhitung)
        dengan = setara._jalankan(berkas, tidak)
        monkeypatch.setattr(muat, "_csv_bersih", lambda *_: None)
        tanpa = setara._jalankan(berkas, tidak)
        assert dengan == tanpa, data
    assert cepat > 20  # both paths were really exercised


@pytest.mark.parametrize("baris_kosong", [False, True])
def test_setiap_unsur_ada_yang_kosong_tetap_jalur_cepat_kecuali_baris_tanpa_jawaban(
    baris_kosong: bool, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # With ~1 % blank answers, a quarter of 200-row files has a blank in every unsur; such
    # a file is still clean unless one row leaves all nine blank (the pandas path warns).
    baris = []
    for i in range(9):
        jawaban = ["3"] * 9
        jawaban[i] = ""
        baris.append(f"2025-01-0{i + 1},L," + ",".join(jawaban))
    if baris_kosong:
        baris.append("2025-02-01,P" + "," * 9)
    berkas = tmp_path / "unit.csv"
    berkas.write_text("tanggal,jenis_kelamin,u1,u2,u3,u4,u5,u6,u7,u8,u9\n"
                      + "\n".join(baris) + "\n", encoding="utf-8")
    asli = muat._csv_bersih
    diambil = []
    monkeypatch.setattr(muat, "_csv_bersih", lambda *a: diambil.append(asli(*a)) or diambil[-1])
    dengan = setara._jalankan(berkas, ())
    monkeypatch.setattr(muat, "_csv_bersih", lambda *_: None)
    assert dengan == setara._jalankan(berkas, ())
    assert (diambil[0] is None) == baris_kosong
    assert ("tanpa jawaban" in " ".join(dengan[1])) == baris_kosong
