"""The digest of a period (kontrak.sidik): it catches every change to a number the signed
report states, and ignores what may move on after signing.

Each case starts from the conftest data (2025-s1: Dukcapil, four respondents) and
changes one thing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from skm_build.kontrak import sidik
from skm_build.kontrak.model import DataSkm, Opd, Survei, TindakLanjut
from skm_build.kontrak.muat import periksa

Ubah = Callable[[DataSkm], DataSkm]


def _unit(d: DataSkm, **ganti: object) -> DataSkm:
    kunci = ("2025-s1", "dukcapil")
    return replace(d, survei={**d.survei, kunci: replace(d.survei[kunci], **ganti)})


def _sidik(d: DataSkm) -> str:
    return sidik.sidik(d, d.periode_menurut_id()["2025-s1"])


@pytest.fixture
def awal(data: Path) -> DataSkm:
    d = periksa(data).data
    assert d is not None
    return d


RTL = TindakLanjut("u3", "Menambah loket", "Triwulan III", "Sekretaris", "rencana")

DIABAIKAN: dict[str, Ubah] = {
    "status tindak lanjut": lambda d: _unit(d, tindak_lanjut=(replace(RTL, status="selesai"),)),
    "nama unit": lambda d: replace(d, opd=tuple(replace(o, nama=o.nama + " (baru)")
                                               for o in d.opd)),
    "unit baru di opd.yaml": lambda d: replace(d, opd=(*d.opd, Opd("baru", "Baru", "dinas"))),
    "nama kabupaten": lambda d: replace(d, kabupaten=replace(d.kabupaten, nama="Lain")),
    "nama periode": lambda d: replace(d, periode=tuple(replace(p, nama="Lain")
                                                       for p in d.periode)),
    "periode lain": lambda d: replace(d, survei={**d.survei, ("2025-s2", "dukcapil"):
                                                 replace(d.survei[("2025-s1", "dukcapil")],
                                                         periode="2025-s2")}),
}

DITANGKAP: dict[str, Ubah] = {
    "satu jawaban": lambda d: _unit(d, tally={**d.survei[("2025-s1", "dukcapil")].tally,
                                              "u2": (0, 0, 2, 2)}),
    "responden": lambda d: _unit(d, responden=5),
    "populasi": lambda d: _unit(d, populasi=5),
    "unsur tidak berlaku": lambda d: _unit(d, tidak_berlaku=("u4",)),
    "tanggal diterima (kepatuhan)": lambda d: _unit(d, diterima=date(2025, 7, 30)),
    "rekap atau baris": lambda d: _unit(d, sumber="jawaban"),
    "bobot": lambda d: replace(d, kabupaten=replace(d.kabupaten, bobot="0.111")),
    "agregasi": lambda d: replace(d, kabupaten=replace(d.kabupaten, agregasi="gabungan-responden")),
    "batas laporan": lambda d: replace(d, periode=tuple(
        replace(p, batas_laporan=date(2025, 7, 31)) for p in d.periode)),
    "unit yang melapor": lambda d: replace(d, survei={**d.survei, ("2025-s1", "jaten"): Survei(
        "jaten", "2025-s1", 1, {f"u{i}": (0, 0, 1, 0) for i in range(1, 10)}, "jawaban")}),
}


@pytest.mark.parametrize("apa", DIABAIKAN)
def test_the_digest_ignores(awal: DataSkm, apa: str) -> None:
    dasar = _unit(awal, tindak_lanjut=(RTL,))
    assert _sidik(DIABAIKAN[apa](dasar)) == _sidik(dasar)


@pytest.mark.parametrize("apa", DITANGKAP)
def test_the_digest_catches(awal: DataSkm, apa: str) -> None:
    assert _sidik(DITANGKAP[apa](awal)) != _sidik(awal)


def test_the_digest_is_a_sha256_over_named_parts(awal: DataSkm) -> None:
    per = awal.periode_menurut_id()["2025-s1"]
    bagian = sidik.bagian(awal, per)
    assert set(bagian) == {"kabupaten.yaml", "periode.yaml", "survei/2025-s1/dukcapil"}
    assert len(_sidik(awal)) == 64 and int(_sidik(awal), 16) >= 0
    baru = sidik.bagian(DITANGKAP["populasi"](awal), per)
    assert sidik.berubah(bagian, baru) == [("survei/2025-s1/dukcapil", "diubah")]
