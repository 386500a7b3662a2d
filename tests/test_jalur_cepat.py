"""The loader's fast CSV path and its pandas path must never disagree.

``muat._csv_bersih`` takes only files that are clean beyond doubt; everything else goes
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

from skm_build import muat

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
