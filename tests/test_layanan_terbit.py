"""Which services may be named in public, and what an import writes into data/ for them.

A service name is free text a respondent typed, and the tallies of a service of two people
are those two people's answers: data/ is the public repository. A service is named only
with at least the minimum of respondents, and the respondents outside the named services
must be none or at least the minimum too (else the unit's totals minus the named services'
give the rest's answers).
"""

from __future__ import annotations

from skm_build.aturan.ikm import KODE_UNSUR
from skm_build.kontrak.layanan import layanan_dinamai
from skm_build.staf.agregat import dari_baris


def test_layanan_kecil_tidak_dinamai() -> None:
    assert layanan_dinamai({"KTP-el": 6, "Akta": 4}, 15, 5) == {"KTP-el"}  # rest 9 ≥ 5


def test_semua_dinamai_bila_tidak_ada_sisa() -> None:
    assert layanan_dinamai({"KTP-el": 6, "KK": 5}, 11, 5) == {"KTP-el", "KK"}


def test_layanan_terkecil_ikut_disembunyikan_bila_sisanya_kecil() -> None:
    # KTP-el 6, KK 5, Akta 1: the rest would be Akta's one person → KK joins it (rest 6).
    assert layanan_dinamai({"KTP-el": 6, "KK": 5, "Akta": 1}, 12, 5) == {"KTP-el"}


def test_tidak_ada_yang_dinamai_bila_sisa_tetap_kecil() -> None:
    # KTP-el 6 and 2 others: hiding KTP-el leaves nobody named, and nothing below the unit.
    assert layanan_dinamai({"KTP-el": 6, "Akta": 2}, 8, 5) == set()


def _baris(layanan: str, nilai: str = "4") -> dict[str, str]:
    return {"layanan": layanan, **dict.fromkeys(KODE_UNSUR, nilai)}


def test_impor_tidak_menulis_layanan_kecil_ke_data() -> None:
    baris = [_baris("KTP-el")] * 6 + [_baris("kk")] * 5 + [_baris("Akta Kelahiran", "1")]
    a = dari_baris(baris)
    assert [(nama, n) for nama, n, _ in a.layanan] == [("KTP-el", 6)]
    assert a.responden == 12 and a.jawaban["u1"] == [1, 0, 0, 11]  # the unit keeps everyone


def test_minimum_layanan_dari_kabupaten_dipakai_saat_impor() -> None:
    baris = [_baris("KTP-el")] * 3 + [_baris("KK")] * 2
    assert [nama for nama, _, _ in dari_baris(baris, minimum_layanan=2).layanan] == [
        "KTP-el", "KK"]
    assert dari_baris(baris).layanan == []  # default minimum 5
