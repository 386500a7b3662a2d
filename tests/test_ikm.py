"""The arithmetic of Permenpan RB 14/2017, checked against hand calculations.

Every expected number below was worked out on paper from the regulation's formula; the
working is shown next to it so a reviewer can redo it without reading the code.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from skm_build.aturan.ikm import (
    KODE_UNSUR,
    BobotMelampaui,
    IkmTidakTerhitung,
    bulat,
    gabung_tally,
    hitung_ikm,
    mutu,
    rata_rata,
    sampel_minimum,
)


def tally_dari_jawaban(*baris: tuple[int | None, ...]) -> dict[str, tuple[int, ...]]:
    """Turn respondent rows (u1..u9, None = blank) into tallies, as an analyst tallies."""
    hasil = {k: [0, 0, 0, 0] for k in KODE_UNSUR}
    for b in baris:
        for kode, nilai in zip(KODE_UNSUR, b, strict=True):
            if nilai is not None:
                hasil[kode][nilai - 1] += 1
    return {k: tuple(v) for k, v in hasil.items()}


# Four respondents (the conftest CSV):
#   u1: 3,4,3,4 → 14/4 = 3,5     u2: 3,3,2,4 → 12/4 = 3      u3: 2,3,2,3 → 10/4 = 2,5
#   u4: 4,4,4,4 → 4              u5: 3,3,3,4 → 13/4 = 3,25   u6: 3,4,3,4 → 3,5
#   u7: 4,4,3,4 → 15/4 = 3,75    u8: 3,3,3,4 → 3,25          u9: 3,2,3,4 → 3
#   Σ NRR = 29,75; IKM = 29,75 × 1/9 = 3,30556; × 25 = 82,6389 → 82,64 → B (Baik)
EMPAT = tally_dari_jawaban(
    (3, 3, 2, 4, 3, 3, 4, 3, 3),
    (4, 3, 3, 4, 3, 4, 4, 3, 2),
    (3, 2, 2, 4, 3, 3, 3, 3, 3),
    (4, 4, 3, 4, 4, 4, 4, 4, 4),
)


def test_nrr_per_unsur_adalah_jumlah_dibagi_banyak_jawaban() -> None:
    h = hitung_ikm(EMPAT)
    nrr = [u.nrr for u in h.unsur]
    assert nrr == [Fraction(7, 2), 3, Fraction(5, 2), 4, Fraction(13, 4), Fraction(7, 2),
                   Fraction(15, 4), Fraction(13, 4), 3]
    assert [(u.jumlah, u.n) for u in h.unsur][:3] == [(14, 4), (12, 4), (10, 4)]


def test_ikm_contoh_empat_responden_dihitung_tangan() -> None:
    h = hitung_ikm(EMPAT)
    assert h.ikm_1_4 == Fraction(2975, 900)  # 29,75 / 9
    assert h.ikm == Fraction(2975, 36)  # × 25 = 82,6388…
    assert bulat(h.ikm, 2) == Decimal("82.64")
    assert (h.mutu.huruf, h.mutu.kinerja, h.mutu.nilai_persepsi) == ("B", "Baik", 3)


def test_jawaban_kosong_tidak_dihitung_sebagai_nol() -> None:
    # u3 blank for the second respondent: u3 = (2 + 2 + 3) / 3 = 7/3, not 7/4.
    h = hitung_ikm(tally_dari_jawaban(
        (3, 3, 2, 4, 3, 3, 4, 3, 3),
        (4, 3, None, 4, 3, 4, 4, 3, 2),
        (3, 2, 2, 4, 3, 3, 3, 3, 3),
        (4, 4, 3, 4, 4, 4, 4, 4, 4),
    ))
    u3 = h.unsur[2]
    assert (u3.jumlah, u3.n, u3.nrr) == (7, 3, Fraction(7, 3))
    assert h.unsur[0].n == 4


def test_nilai_sempurna_bobot_1_per_9_adalah_100() -> None:
    h = hitung_ikm({k: (0, 0, 0, 10) for k in KODE_UNSUR})
    assert h.ikm == 100
    assert h.mutu.huruf == "A"


@pytest.mark.parametrize(("bobot", "ikm"), [
    ("1/9", Decimal("100.00")),   # 9 × 4 × 1/9 × 25
    ("0.111", Decimal("99.90")),  # 9 × 4 × 0,111 = 3,996 × 25 = 99,90
    ("0.11", Decimal("99.00")),   # 9 × 4 × 0,11 = 3,96 × 25 = 99,00
])
def test_bobot_lama_menghasilkan_angka_laporan_lama(bobot: str, ikm: Decimal) -> None:
    h = hitung_ikm({k: (0, 0, 0, 5) for k in KODE_UNSUR}, bobot)
    assert bulat(h.ikm, 2) == ikm


def test_bobot_0_111_pada_contoh_empat_responden() -> None:
    # Σ NRR = 29,75 × 0,111 = 3,30225 × 25 = 82,55625 → 82,56
    h = hitung_ikm(EMPAT, "0.111")
    assert h.ikm == Fraction(8255625, 100000)
    assert bulat(h.ikm, 2) == Decimal("82.56")


def test_bobot_tidak_dikenal_ditolak() -> None:
    with pytest.raises(ValueError, match="bobot"):
        hitung_ikm(EMPAT, "0.5")


def test_unsur_tidak_berlaku_dikeluarkan_dan_bobot_menjadi_1_per_8() -> None:
    # Without u4: Σ NRR = 29,75 − 4 = 25,75; × 1/8 = 3,21875; × 25 = 80,46875 → 80,47 (B)
    h = hitung_ikm(EMPAT, tidak_berlaku=["u4"])
    assert h.bobot == Fraction(1, 8)
    assert h.ikm == Fraction(8046875, 100000)
    assert h.unsur[3].nrr is None and not h.unsur[3].berlaku
    assert bulat(h.ikm, 2) == Decimal("80.47")


def test_unsur_tanpa_jawaban_sah_tidak_ikut_dihitung() -> None:
    tally = dict(EMPAT)
    tally["u9"] = (0, 0, 0, 0)
    # Σ NRR = 29,75 − 3 = 26,75 over 8 unsur = 3,34375 × 25 = 83,59375
    assert hitung_ikm(tally).ikm == Fraction(8359375, 100000)


def test_tanpa_jawaban_sama_sekali_tidak_dapat_dihitung() -> None:
    with pytest.raises(IkmTidakTerhitung):
        hitung_ikm({k: (0, 0, 0, 0) for k in KODE_UNSUR})


@pytest.mark.parametrize(("nilai", "huruf"), [
    (Fraction(100), "A"),
    (Fraction(8831, 100), "A"),      # exactly the lower bound of A
    (Fraction(88305, 1000), "A"),    # 88,305 rounds half-up to 88,31
    (Fraction(883049, 10000), "B"),  # 88,3049 rounds to 88,30
    (Fraction(8830, 100), "B"),
    (Fraction(7661, 100), "B"),
    (Fraction(76605, 1000), "B"),    # 76,605 → 76,61
    (Fraction(7660, 100), "C"),
    (Fraction(65), "C"),             # 65,00 is C: inclusive lower bound
    (Fraction(64995, 1000), "C"),    # 64,995 → 65,00
    (Fraction(64994, 1000), "D"),
    (Fraction(6499, 100), "D"),
    (Fraction(25), "D"),
])
def test_batas_mutu_dengan_pembulatan_setengah_ke_atas(nilai: Fraction, huruf: str) -> None:
    assert mutu(nilai).huruf == huruf


def test_batas_desimal_tidak_tergeser_oleh_float_biner() -> None:
    # Every unsur has NRR 3,5322 (4678 answers of 3, 5322 of 4, out of 10 000), so the
    # IKM is exactly 3,5322 × 25 = 88,305 → 88,31 → A. The textbook float pipeline
    # Σ (NRR × 1/9) × 25 lands at 88,30499999… and would round to 88,30 → B.
    tally = {k: (0, 0, 4678, 5322) for k in KODE_UNSUR}
    dengan_float = sum(3.5322 * (1 / 9) for _ in KODE_UNSUR) * 25
    assert round(dengan_float, 2) == 88.30
    h = hitung_ikm(tally)
    assert h.ikm == Fraction(88305, 1000)
    assert h.mutu.huruf == "A"


def test_mutu_per_unsur_memakai_tabel_yang_sama() -> None:
    h = hitung_ikm(EMPAT)
    # u3: 2,5 × 25 = 62,5 → D; u4: 4 × 25 = 100 → A; u9: 3 × 25 = 75 → C; u5: 81,25 → B
    assert [h.unsur[i].mutu.huruf for i in (2, 3, 8, 4)] == ["D", "A", "C", "B"]


def test_tiga_unsur_terlemah_dan_terkuat() -> None:
    h = hitung_ikm(EMPAT)
    # lowest: u3 2,5; u2 3 and u9 3 (tie kept in questionnaire order)
    assert [u.unsur.kode for u in h.terlemah()] == ["u3", "u2", "u9"]
    # highest: u4 4; u7 3,75; u1 3,5 and u6 3,5 tie → u1 first
    assert [u.unsur.kode for u in h.terkuat()] == ["u4", "u7", "u1"]


@pytest.mark.parametrize(("populasi", "sampel"), [
    (10, 10), (20, 19), (50, 44), (100, 80), (150, 108), (200, 132), (500, 217),
    (1000, 278), (2000, 322), (5000, 357), (10000, 370), (20000, 377), (50000, 381),
    (1000000, 384),
])
def test_sampel_minimum_krejcie_morgan_sesuai_tabel(populasi: int, sampel: int) -> None:
    assert sampel_minimum(populasi) == sampel


def test_sampel_minimum_menolak_populasi_nol() -> None:
    with pytest.raises(ValueError):
        sampel_minimum(0)


def test_agregat_rata_rata_unit_dan_gabungan_responden_berbeda() -> None:
    # Unit A: 1 respondent all 4 → 100. Unit B: 3 respondents all 2 → 50.
    a = {k: (0, 0, 0, 1) for k in KODE_UNSUR}
    b = {k: (0, 3, 0, 0) for k in KODE_UNSUR}
    assert rata_rata([hitung_ikm(a).ikm, hitung_ikm(b).ikm]) == 75  # (100 + 50) / 2
    # Pooled: each unsur (4 + 2·3) / 4 = 2,5 → × 25 = 62,5
    assert hitung_ikm(gabung_tally([a, b])).ikm == Fraction(125, 2)


@pytest.mark.parametrize(("nilai", "desimal", "hasil"), [
    (Fraction(2975, 36), 2, "82.64"), (Fraction(1, 8), 2, "0.13"), (Fraction(-1, 8), 2, "-0.13"),
    (Fraction(35, 10), 3, "3.500"), (Fraction(2, 3), 3, "0.667"),
])
def test_pembulatan_setengah_ke_atas_pada_nilai_eksak(nilai: Fraction, desimal: int,
                                                     hasil: str) -> None:
    assert str(bulat(nilai, desimal)) == hasil


# --- properties -------------------------------------------------------------------------

tally_strategi = st.fixed_dictionaries({  # an unsur may have no answer: k runs 1..9
    k: st.one_of(st.just((0, 0, 0, 0)), st.tuples(*[st.integers(0, 50)] * 4))
    for k in KODE_UNSUR
}).filter(lambda t: any(sum(v) for v in t.values()))


@given(tally_strategi, st.sampled_from(["1/9", "0.111", "0.11"]))
def test_ikm_selalu_di_antara_25_dan_100(tally: dict, bobot: str) -> None:
    # A legacy weight is 1/k rounded, so its floor is 25 × k × w (24,75 for 9 × 0,11), and
    # a weight that would pass 100 is refused (test_bobot_unsur) rather than computed.
    try:
        h = hitung_ikm(tally, bobot)
    except BobotMelampaui:
        return
    assert 25 * len(h.dinilai) * h.bobot <= h.ikm <= 100
    if bobot == "1/9":
        assert 25 <= h.ikm <= 100


@given(tally_strategi, st.sampled_from(KODE_UNSUR), st.integers(0, 2), st.integers(1, 3))
def test_menaikkan_satu_jawaban_tidak_pernah_menurunkan_ikm(
    tally: dict, kode: str, dari: int, naik: int
) -> None:
    if tally[kode][dari] == 0:
        tally = {**tally, kode: tuple(c + (i == dari) for i, c in enumerate(tally[kode]))}
    ke = min(dari + naik, 3)
    sebelum = hitung_ikm(tally).ikm
    baru = list(tally[kode])
    baru[dari] -= 1
    baru[ke] += 1
    assert hitung_ikm({**tally, kode: tuple(baru)}).ikm >= sebelum


@given(st.lists(st.tuples(*[st.one_of(st.none(), st.integers(1, 4))] * 9), min_size=1,
                max_size=30), st.randoms())
def test_urutan_baris_tidak_pernah_mengubah_hasil(baris: list, acak) -> None:
    if not any(v is not None for b in baris for v in b):
        return
    diacak = list(baris)
    acak.shuffle(diacak)
    assert hitung_ikm(tally_dari_jawaban(*baris)).ikm == hitung_ikm(
        tally_dari_jawaban(*diacak)).ikm
