"""Legacy weights follow the number of unsur that count (k), worked out by hand.

Real reports that multiply by a rounded weight round 1/k for the k unsur they actually
use: 0,111 or 0,11 for 9, 0,33 for 3, 0,50 for 2. So a configured weight of 0.111 means
"1/k rounded half-up to 3 decimals" and 0.11 means "to 2 decimals"; "1/9" stays exact.
Where the rounded weight would let a perfect unit score above 100 (k × w > 1), the
engine refuses instead of publishing an impossible number.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from test_ikm import EMPAT

from skm_build.aturan.ikm import (
    KODE_UNSUR,
    BobotMelampaui,
    bobot_per_unsur,
    bulat,
    hitung_ikm,
)


def hanya(*kode: str) -> list[str]:
    """The ``tidak_berlaku`` list that leaves exactly ``kode`` counting."""
    return [k for k in KODE_UNSUR if k not in kode]


# 1/k, then half-up to the configured weight's decimals; k × w must stay ≤ 1.
@pytest.mark.parametrize(("bobot", "k", "w"), [
    ("0.111", 9, Fraction(111, 1000)),  # 1/9 = 0,1111… → 0,111 (9 × 0,111 = 0,999)
    ("0.111", 8, Fraction(125, 1000)),  # 1/8 = 0,125 exactly
    ("0.111", 5, Fraction(200, 1000)),  # 1/5 = 0,2
    ("0.111", 4, Fraction(250, 1000)),  # 1/4 = 0,25
    ("0.111", 3, Fraction(333, 1000)),  # 1/3 = 0,3333… → 0,333 (3 × 0,333 = 0,999)
    ("0.111", 2, Fraction(500, 1000)),  # 1/2 = 0,5
    ("0.111", 1, Fraction(1)),          # 1/1
    ("0.11", 9, Fraction(11, 100)),     # 1/9 = 0,111… → 0,11 (9 × 0,11 = 0,99)
    ("0.11", 7, Fraction(14, 100)),     # 1/7 = 0,142857… → 0,14 (7 × 0,14 = 0,98)
    ("0.11", 5, Fraction(20, 100)),
    ("0.11", 4, Fraction(25, 100)),
    ("0.11", 3, Fraction(33, 100)),     # 1/3 = 0,333… → 0,33 (3 × 0,33 = 0,99)
    ("0.11", 2, Fraction(50, 100)),
    ("0.11", 1, Fraction(1)),
    ("1/9", 9, Fraction(1, 9)),          # exact: no rounding at all
    ("1/9", 8, Fraction(1, 8)),
    ("1/9", 7, Fraction(1, 7)),
    ("1/9", 6, Fraction(1, 6)),
    ("1/9", 3, Fraction(1, 3)),
])
def test_bobot_adalah_1_per_k_dibulatkan_ke_desimal_bobot_yang_dipilih(
        bobot: str, k: int, w: Fraction) -> None:
    assert bobot_per_unsur(bobot, k) == w


@pytest.mark.parametrize(("bobot", "k", "w"), [
    ("0.111", 7, "0.143"),  # 1/7 = 0,142857… → 0,143; 7 × 0,143 = 1,001 > 1
    ("0.111", 6, "0.167"),  # 1/6 = 0,1666… → 0,167; 6 × 0,167 = 1,002 > 1
    ("0.11", 8, "0.13"),    # 1/8 = 0,125 → 0,13 (half-up); 8 × 0,13 = 1,04 > 1
    ("0.11", 6, "0.17"),    # 1/6 = 0,1666… → 0,17; 6 × 0,17 = 1,02 > 1
])
def test_bobot_yang_membuat_nilai_sempurna_di_atas_100_ditolak(bobot: str, k: int,
                                                                w: str) -> None:
    with pytest.raises(BobotMelampaui) as e:
        bobot_per_unsur(bobot, k)
    assert (e.value.bobot, e.value.k, e.value.nilai) == (bobot, k, Fraction(w))


def test_penolakan_k_8_dengan_0_11_menyarankan_1_per_9_atau_0_111() -> None:
    # Under 0.111 eight unsur weigh 0,125 each (exact), under "1/9" 1/8: both are sound.
    with pytest.raises(BobotMelampaui) as e:
        hitung_ikm({k: (0, 0, 0, 3) for k in KODE_UNSUR}, "0.11", tidak_berlaku=["u4"])
    assert e.value.saran == ("1/9", "0.111")
    assert "bobot" in str(e.value) and "1/9" in str(e.value) and "0.111" in str(e.value)


def test_penolakan_k_6_dengan_0_11_hanya_menyarankan_1_per_9() -> None:
    # 0.111 would give 0,167 for six unsur (6 × 0,167 = 1,002): no better, so not offered.
    with pytest.raises(BobotMelampaui) as e:
        bobot_per_unsur("0.11", 6)
    assert e.value.saran == ("1/9",)


# --- a perfect unit (every answer 4): 100 × k × w ----------------------------------------


@pytest.mark.parametrize(("bobot", "tidak_berlaku", "sempurna"), [
    ("0.111", [], "99.90"),          # 9 × 4 × 0,111 = 3,996 × 25 = 99,90
    ("0.111", ["u4"], "100.00"),     # 8 × 4 × 0,125 = 4 × 25 = 100 (was 88,80 with 0,111)
    ("0.111", hanya("u1", "u2", "u3"), "99.90"),  # 3 × 4 × 0,333 = 3,996 → 99,90
    ("0.111", hanya("u1", "u2"), "100.00"),       # 2 × 4 × 0,5 = 4 → 100
    ("0.11", [], "99.00"),           # 9 × 4 × 0,11 = 3,96 × 25 = 99,00
    ("0.11", ["u4", "u9"], "98.00"),  # 7 × 4 × 0,14 = 3,92 × 25 = 98,00 (was 77,00 with 0,11)
    ("0.11", hanya("u1", "u2", "u3"), "99.00"),   # 3 × 4 × 0,33 = 3,96 → 99,00
    ("0.11", hanya("u1", "u2"), "100.00"),        # 2 × 4 × 0,50 = 4 → 100 (was ~22)
])
def test_nilai_sempurna_dengan_bobot_lama_tidak_pernah_di_atas_100(
        bobot: str, tidak_berlaku: list[str], sempurna: str) -> None:
    h = hitung_ikm({k: (0, 0, 0, 7) for k in KODE_UNSUR}, bobot, tidak_berlaku)
    assert bulat(h.ikm, 2) == Decimal(sempurna)


# --- the four respondents of test_ikm (NRR u1..u9 = 3,5 3 2,5 4 3,25 3,5 3,75 3,25 3) -----


def test_delapan_unsur_dengan_0_111_memakai_0_125() -> None:
    # Without u4: Σ NRR = 29,75 − 4 = 25,75; × 0,125 = 3,21875; × 25 = 80,46875 → 80,47 (B)
    h = hitung_ikm(EMPAT, "0.111", tidak_berlaku=["u4"])
    assert h.bobot == Fraction(1, 8)
    assert h.ikm == Fraction(8046875, 100000)
    assert (bulat(h.ikm, 2), h.mutu.huruf) == (Decimal("80.47"), "B")


def test_tujuh_unsur_dengan_0_11_memakai_0_14() -> None:
    # Without u4 and u9: Σ NRR = 29,75 − 4 − 3 = 22,75; × 0,14 = 3,185; × 25 = 79,625
    # → 79,63 (B). With exact 1/7 it would be 22,75 / 7 = 3,25 × 25 = 81,25.
    h = hitung_ikm(EMPAT, "0.11", tidak_berlaku=["u4", "u9"])
    assert h.bobot == Fraction(14, 100)
    assert h.ikm == Fraction(79625, 1000)
    assert bulat(h.ikm, 2) == Decimal("79.63")
    assert hitung_ikm(EMPAT, "1/9", tidak_berlaku=["u4", "u9"]).ikm == Fraction(8125, 100)


def test_lima_unsur_dengan_0_111_memakai_0_2() -> None:
    # u1..u5: Σ NRR = 3,5 + 3 + 2,5 + 4 + 3,25 = 16,25; × 0,2 = 3,25; × 25 = 81,25 (B)
    h = hitung_ikm(EMPAT, "0.111", tidak_berlaku=hanya("u1", "u2", "u3", "u4", "u5"))
    assert h.bobot == Fraction(1, 5)
    assert h.ikm == Fraction(8125, 100)


def test_empat_unsur_dengan_0_11_memakai_0_25() -> None:
    # u1, u2, u3, u5: Σ NRR = 3,5 + 3 + 2,5 + 3,25 = 12,25; × 0,25 = 3,0625; × 25 = 76,5625
    # → 76,56: below 76,61, so C (Kurang baik).
    h = hitung_ikm(EMPAT, "0.11", tidak_berlaku=hanya("u1", "u2", "u3", "u5"))
    assert h.ikm == Fraction(765625, 10000)
    assert (bulat(h.ikm, 2), h.mutu.huruf) == (Decimal("76.56"), "C")


def test_satu_unsur_dengan_bobot_lama_memakai_1() -> None:
    # u3 alone: NRR 2,5 × 1 = 2,5; × 25 = 62,5 (D) — never below the scale's floor of 25.
    for bobot in ("0.111", "0.11"):
        h = hitung_ikm(EMPAT, bobot, tidak_berlaku=hanya("u3"))
        assert (h.bobot, h.ikm) == (1, Fraction(125, 2))


# --- a laboratory's published survey sheets ----------------------------------------------


def test_laboratorium_dua_unsur_dengan_0_50_menghasilkan_91_25() -> None:
    # 20 respondents, u1 and u2 only, each 13 × 4 + 7 × 3 = 73 → NRR 73/20 = 3,65.
    # Σ NRR = 7,3; × 0,50 = 3,65; × 25 = 91,25 (A), as the laboratory published.
    tally = {"u1": (0, 0, 7, 13), "u2": (0, 0, 7, 13)}
    h = hitung_ikm(tally, "0.11", tidak_berlaku=hanya("u1", "u2"))
    assert h.bobot == Fraction(1, 2)
    assert h.ikm == Fraction(9125, 100)
    assert h.mutu.huruf == "A"


@pytest.mark.parametrize(("bobot", "ikm", "dibulatkan"), [
    # 33 respondents on three unsur: u1 15 × 4 + 18 × 3 = 114, u2 and u3 14 × 4 + 19 × 3 = 113.
    # Σ NRR = 340/33 = 10,30303…
    ("0.11", Fraction(85), "85.00"),                     # × 0,33 = 3,4; × 25 = 85,00
    ("0.111", Fraction(340 * 333 * 25, 33 * 1000), "85.77"),  # × 0,333 × 25 = 85,7727…
    ("1/9", Fraction(340 * 25, 33 * 3), "85.86"),            # ÷ 3 × 25 = 85,8585…
])
def test_laboratorium_tiga_unsur_dengan_0_33_menghasilkan_85(bobot: str, ikm: Fraction,
                                                             dibulatkan: str) -> None:
    tally = {"u1": (0, 0, 18, 15), "u2": (0, 0, 19, 14), "u3": (0, 0, 19, 14)}
    h = hitung_ikm(tally, bobot, tidak_berlaku=hanya("u1", "u2", "u3"))
    assert h.ikm == ikm
    assert bulat(h.ikm, 2) == Decimal(dibulatkan)


def test_unsur_tanpa_jawaban_juga_mengurangi_k() -> None:
    # u9 has no valid answer: it drops out like a declared one, k = 8 → 0,125 under 0.111.
    tally = {**EMPAT, "u9": (0, 0, 0, 0)}
    h = hitung_ikm(tally, "0.111")
    assert h.bobot == Fraction(1, 8)
    # Σ NRR = 29,75 − 3 = 26,75; × 0,125 × 25 = 83,59375, the same as exact 1/8
    assert h.ikm == Fraction(8359375, 100000)


# --- skm check refuses it before anything is published ------------------------------------


def test_skm_check_menolak_bobot_0_11_untuk_unit_delapan_unsur(data, capsys) -> None:
    from conftest import KABUPATEN, tulis

    from skm_build.cli import main
    from skm_build.kontrak.muat import periksa

    tulis(data, "kabupaten.yaml", KABUPATEN.replace('bobot: "1/9"', "bobot: 0.11"))
    tulis(data, "survei/2025-s1/dukcapil.yaml",
          "diterima: 2025-07-10\npopulasi: 4\nunsur_tidak_berlaku: [u4]\n")
    hasil = periksa(data)
    assert hasil.data is None
    galat = [m for m in hasil.masalah.galat_saja]
    assert len(galat) == 1
    # kabupaten.yaml: bobot is on line 4
    assert str(galat[0]).startswith("data/kabupaten.yaml:4:bobot: ")
    pesan = galat[0].pesan
    assert "dukcapil" in pesan and "2025-s1" in pesan
    assert "8 unsur" in pesan and "0,13" in pesan
    assert '"1/9"' in pesan and "0.111" in pesan
    capsys.readouterr()
    assert main(["check", "--data", str(data)]) == 1
    assert "Traceback" not in capsys.readouterr().err


def test_skm_check_menolak_bobot_untuk_layanan_yang_dinilai_pada_delapan_unsur(data) -> None:
    from conftest import CSV_DUKCAPIL, KABUPATEN, tulis

    from skm_build.kontrak.muat import periksa

    # The unit answers all nine unsur, but its five "KK" respondents leave u4 blank: that
    # service is weighed on eight, and 1/8 under 0.11 is 0,13 (8 × 0,13 > 1).
    tulis(data, "kabupaten.yaml", KABUPATEN.replace('bobot: "1/9"', "bobot: 0.11"))
    baris = CSV_DUKCAPIL.splitlines()
    kk = "2025-02-03,L,34,SMA,Swasta,3,3,2,,3,3,4,3,3,KK"
    tulis(data, "survei/2025-s1/dukcapil.csv",
          "\n".join([baris[0] + ",layanan", *(b + ",Lain" for b in baris[1:]), *[kk] * 5])
          + "\n")
    galat = periksa(data).masalah.galat_saja
    assert [str(m).partition(": ")[0] for m in galat] == ["data/kabupaten.yaml:4:bobot"]
    assert "layanan 'KK'" in galat[0].pesan and "dukcapil" in galat[0].pesan


def test_skm_check_menolak_bobot_untuk_gabungan_responden_periode(data) -> None:
    from conftest import KABUPATEN, tulis

    from skm_build.kontrak.muat import periksa

    # Each unit counts seven unsur (0,14 each: fine), but pooled together they cover u1..u8:
    # the kabupaten's pooled IKM would be weighed 0,13 on eight unsur.
    tulis(data, "kabupaten.yaml", KABUPATEN.replace('bobot: "1/9"', "bobot: 0.11"))
    tulis(data, "survei/2025-s1/dukcapil.yaml",
          "diterima: 2025-07-10\nunsur_tidak_berlaku: [u8, u9]\n")
    tulis(data, "survei/2025-s1/kecamatan-jaten.yaml",
          "diterima: 2025-07-10\nunsur_tidak_berlaku: [u1, u9]\njawaban:\n"
          + "".join(f"  u{i}: [0, 0, 1, 1]\n" for i in range(2, 9)))
    galat = periksa(data).masalah.galat_saja
    assert [str(m).partition(": ")[0] for m in galat] == ["data/kabupaten.yaml:4:bobot"]
    assert "gabungan responden periode 2025-s1" in galat[0].pesan
