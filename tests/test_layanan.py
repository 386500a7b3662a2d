"""Results per service (layanan): from respondent rows and from per-service tallies.

Units serve several services and real reports publish an IKM per service. The service
comes from the respondent rows' ``layanan`` column (names grouped without regard to case
and spacing, published as written most often) or from the ``layanan:`` tallies of the
unit's report. A service with fewer respondents than ``minimum_responden_layanan``
(kabupaten.yaml, default 5) is listed with its respondent count only: no NRR, no IKM, no
grade, so a handful of answers neither identifies anyone nor reads as a verdict.
"""

from __future__ import annotations

import json
from fractions import Fraction
from pathlib import Path

import pytest
from conftest import JUDUL, KABUPATEN, tulis

from skm_build.cli import main
from skm_build.hitung.hasil import LAYANAN_LAIN, hitung_semua
from skm_build.kontrak.muat import periksa

# Eight respondents. KTP-el is written three ways (3 × "KTP-el", "ktp-el", "KTP-EL"): one
# service, published as "KTP-el". Akta is written "Akta Kelahiran" and "akta  kelahiran"
# (a tie: the first spelling in the file wins). The last row names no service.
#
# KTP-el, 5 respondents:
#   u1, u3, u5, u7: 4,3,4,3,4 = 18 → 18/5 = 3,6     u2, u4, u6, u8: 4,3,3,4,4 = 18 → 3,6
#   u9: 4,3,4,3,(blank) = 14 → 14/4 = 3,5
#   Σ NRR = 8 × 3,6 + 3,5 = 32,3; ÷ 9 = 3,58889; × 25 = 89,7222… → 89,72 (A)
# Akta Kelahiran, 2 respondents: every unsur (2 + 3) / 2 = 2,5 → 62,50 (D), if graded.
CSV_LAYANAN = f"""\
{JUDUL},layanan
2025-02-03,L,34,SMA,Swasta,4,4,4,4,4,4,4,4,4,KTP-el
2025-02-03,P,27,S1,PNS,3,3,3,3,3,3,3,3,3,KTP-el
2025-03-10,P,45,SLTA,Wirausaha,4,3,4,3,4,3,4,3,4,ktp-el
2025-04-21,L,61,SD,Lainnya,3,4,3,4,3,4,3,4,3,KTP-EL
2025-04-22,L,33,SMA,Swasta,4,4,4,4,4,4,4,4,,KTP-el
2025-04-23,P,41,SMA,Swasta,2,2,2,2,2,2,2,2,2,Akta Kelahiran
2025-04-24,P,52,SMA,Swasta,3,3,3,3,3,3,3,3,3,akta  kelahiran
2025-04-25,L,38,SMA,Swasta,1,1,1,1,1,1,1,1,1,
2025-04-28,P,29,S1,Swasta,3,3,3,3,3,3,3,3,3,
2025-04-29,L,47,SMA,PNS,4,4,4,4,4,4,4,4,4,
"""
# 10 respondents: KTP-el 5 (named: 5 is the minimum, and the 5 others are enough too),
# Akta Kelahiran 2 (below the minimum: joins "Layanan lain"), 3 without a service.
IKM_KTP = Fraction(323, 10) / 9 * 25  # 89,7222…


def _hasil(folder: Path):
    p = periksa(folder)
    assert p.data is not None, "\n".join(map(str, p.masalah.urut()))
    return hitung_semua(p.data)


def _layanan(folder: Path, opd: str = "dukcapil") -> dict:
    return {x.nama: x for x in _hasil(folder).unit[("2025-s1", opd)].layanan}


def test_layanan_dari_baris_dikelompokkan_tanpa_membedakan_huruf_dan_spasi(data: Path) -> None:
    tulis(data, "survei/2025-s1/dukcapil.csv", CSV_LAYANAN)
    layanan = _layanan(data)
    assert list(layanan) == ["KTP-el", LAYANAN_LAIN]  # named by name, then the rest
    assert (layanan["KTP-el"].responden, layanan[LAYANAN_LAIN].responden) == (5, 2)


def test_ikm_per_layanan_dari_baris_dihitung_tangan(data: Path) -> None:
    tulis(data, "survei/2025-s1/dukcapil.csv", CSV_LAYANAN)
    ktp = _layanan(data)["KTP-el"]
    assert [x.nrr for x in ktp.ikm.unsur] == [Fraction(18, 5)] * 8 + [Fraction(7, 2)]
    assert ktp.ikm.ikm == IKM_KTP
    assert ktp.ikm.mutu.huruf == "A"


def test_layanan_di_bawah_minimum_digabung_tanpa_nama_nilai_dan_mutu(data: Path) -> None:
    tulis(data, "survei/2025-s1/dukcapil.csv", CSV_LAYANAN)
    layanan = _layanan(data)
    assert "Akta Kelahiran" not in layanan  # a name typed by 2 respondents is not published
    lain = layanan[LAYANAN_LAIN]
    assert lain.responden == 2
    assert lain.ikm is None  # 2 < 5: counted, but neither NRR, IKM nor grade


def test_layanan_disembunyikan_bila_sisanya_dapat_dihitung_dari_unit(data: Path) -> None:
    # Without the last two rows: KTP-el 5, Akta 2, 1 without a service. The unit's 8
    # answers minus KTP-el's 5 would give the other 3 people's answers, so KTP-el joins
    # them (complementary suppression): nothing below the unit is valued.
    tulis(data, "survei/2025-s1/dukcapil.csv", CSV_LAYANAN.rsplit("\n", 3)[0] + "\n")
    layanan = _layanan(data)
    assert list(layanan) == [LAYANAN_LAIN]
    assert (layanan[LAYANAN_LAIN].responden, layanan[LAYANAN_LAIN].ikm) == (7, None)


def test_minimum_responden_layanan_dapat_diatur(data: Path) -> None:
    tulis(data, "kabupaten.yaml", KABUPATEN + "minimum_responden_layanan: 2\n")
    tulis(data, "survei/2025-s1/dukcapil.csv", CSV_LAYANAN)
    akta = _layanan(data)["Akta Kelahiran"]
    assert akta.ikm.ikm == Fraction(125, 2)  # 2,5 × 25 = 62,50
    assert akta.ikm.mutu.huruf == "D"


@pytest.mark.parametrize("nilai", ["0", "-1", "lima", "2.5"])
def test_minimum_responden_layanan_harus_bilangan_bulat_positif(data: Path, nilai: str) -> None:
    tulis(data, "kabupaten.yaml", KABUPATEN + f"minimum_responden_layanan: {nilai}\n")
    hasil = periksa(data)
    assert hasil.data is None
    assert [str(m).partition(": ")[0] for m in hasil.masalah.galat_saja] == [
        "data/kabupaten.yaml:6:minimum_responden_layanan"]


def test_unit_tanpa_kolom_layanan_tidak_punya_hasil_layanan(data: Path) -> None:
    assert _layanan(data) == {}


def test_hasil_unit_tetap_dari_semua_baris(data: Path) -> None:
    # The rows without a service still count for the unit: 10 respondents.
    tulis(data, "survei/2025-s1/dukcapil.csv", CSV_LAYANAN)
    assert _hasil(data).unit[("2025-s1", "dukcapil")].survei.responden == 10


def test_results_json_memuat_daftar_layanan(data: Path, capsys: pytest.CaptureFixture) -> None:
    tulis(data, "survei/2025-s1/dukcapil.csv", CSV_LAYANAN)
    capsys.readouterr()
    assert main(["results", "--format", "json", "--data", str(data)]) == 0
    isi = json.loads(capsys.readouterr().out)
    ktp, lain = isi["layanan"]
    assert {k: ktp[k] for k in ("periode", "opd", "layanan", "responden", "mutu")} == {
        "periode": "2025-s1", "opd": "dukcapil", "layanan": "KTP-el", "responden": 5,
        "mutu": "A"}
    assert ktp["ikm"] == float(IKM_KTP)  # full precision, like "unit"
    assert ktp["nrr"] == {**{f"u{i}": 3.6 for i in range(1, 9)}, "u9": 3.5}
    assert {k: lain[k] for k in ("layanan", "responden", "nrr", "ikm", "mutu")} == {
        "layanan": LAYANAN_LAIN, "responden": 2, "nrr": None, "ikm": None, "mutu": None}


# --- per-service tallies in the unit's report ---------------------------------------------
#
# Kartu Keluarga, 6 respondents: u1..u9 except u3 [0, 0, 3, 3] → (9 + 12) / 6 = 3,5;
#   u3 [1, 1, 2, 2] → (1 + 2 + 6 + 8) / 6 = 17/6.
#   Σ NRR = 8 × 3,5 + 17/6 = 185/6; ÷ 9 × 25 = 4625/54 = 85,648… → 85,65 (B)
# Akta Kematian, 6 respondents: every unsur [0, 1, 2, 3] → (2 + 6 + 12) / 6 = 10/3.
#   Σ NRR = 30; ÷ 9 × 25 = 250/3 = 83,33 (B)
# The unit (both services): u [0, 1, 5, 6] → 41/12; u3 [1, 2, 4, 5] → 37/12;
#   Σ NRR = (8 × 41 + 37) / 12 = 365/12; ÷ 9 × 25 = 9125/108 = 84,49 (B)


def laporan_layanan(responden: int = 12, resp_kk: int = 6, resp_akta: int = 6,
                    u1_kk: str = "[0, 0, 3, 3]", nama_akta: str = "Akta Kematian") -> str:
    """A tallies-only unit report with two services (line numbers: see the tests)."""
    def jawaban(indent: str, biasa: str, u3: str, u1: str | None = None) -> str:
        baris = {f"u{i}": biasa for i in range(1, 10)}
        baris["u3"] = u3
        if u1:
            baris["u1"] = u1
        return "".join(f"{indent}{k}: {v}\n" for k, v in baris.items())

    return ("diterima: 2025-07-15\n"                                   # 1
            f"responden: {responden}\n"                                 # 2
            "jawaban:\n"                                                # 3
            + jawaban("  ", "[0, 1, 5, 6]", "[1, 2, 4, 5]")            # 4–12
            + "layanan:\n"                                              # 13
            "  - nama: Kartu Keluarga\n"                                # 14
            f"    responden: {resp_kk}\n"                               # 15
            "    jawaban:\n"                                            # 16
            + jawaban("      ", "[0, 0, 3, 3]", "[1, 1, 2, 2]", u1_kk)  # 17–25
            + f"  - nama: {nama_akta}\n"                                # 26
            f"    responden: {resp_akta}\n"                             # 27
            "    jawaban:\n"                                            # 28
            + jawaban("      ", "[0, 1, 2, 3]", "[0, 1, 2, 3]"))        # 29–37


JATEN = "survei/2025-s1/kecamatan-jaten.yaml"


def test_ikm_per_layanan_dari_rekap_jawaban_dihitung_tangan(data: Path) -> None:
    tulis(data, JATEN, laporan_layanan())
    layanan = _layanan(data, "kecamatan-jaten")
    assert list(layanan) == ["Akta Kematian", "Kartu Keluarga"]
    kk, akta = layanan["Kartu Keluarga"], layanan["Akta Kematian"]
    assert (kk.responden, akta.responden) == (6, 6)
    assert kk.ikm.unsur[2].nrr == Fraction(17, 6)
    assert kk.ikm.ikm == Fraction(4625, 54)
    assert akta.ikm.ikm == Fraction(250, 3)
    assert (kk.ikm.mutu.huruf, akta.ikm.mutu.huruf) == ("B", "B")
    unit = _hasil(data).unit[("2025-s1", "kecamatan-jaten")]
    assert unit.ikm.ikm == Fraction(9125, 108)


def test_layanan_di_rekap_dan_csv_untuk_unit_yang_sama_ditolak(data: Path) -> None:
    # dukcapil already has its respondent CSV: per-service tallies would be a second source.
    tulis(data, "survei/2025-s1/dukcapil.yaml",
          "diterima: 2025-07-10\nlayanan:\n  - nama: KTP-el\n    jawaban:\n"
          + "".join(f"      u{i}: [0, 0, 1, 1]\n" for i in range(1, 10)))
    hasil = periksa(data)
    assert hasil.data is None
    assert [str(m).partition(": ")[0] for m in hasil.masalah.galat_saja] == [
        "data/survei/2025-s1/dukcapil.yaml:2:layanan"]


def test_layanan_tanpa_jawaban_unit_ditolak(data: Path) -> None:
    teks = laporan_layanan()
    tanpa_jawaban_unit = teks.split("jawaban:\n", 1)[0] + "layanan:\n" + teks.split(
        "layanan:\n", 1)[1]
    tulis(data, JATEN, tanpa_jawaban_unit)
    hasil = periksa(data)
    assert hasil.data is None
    assert [str(m).partition(": ")[0] for m in hasil.masalah.galat_saja] == [
        "data/survei/2025-s1/kecamatan-jaten.yaml:3:layanan"]


def test_nama_layanan_ganda_ditolak_di_baris_nama_kedua(data: Path) -> None:
    tulis(data, JATEN, laporan_layanan(nama_akta="kartu  KELUARGA"))
    hasil = periksa(data)
    assert hasil.data is None
    galat = hasil.masalah.galat_saja
    assert [str(m).partition(": ")[0] for m in galat] == [
        "data/survei/2025-s1/kecamatan-jaten.yaml:26:nama"]
    assert "Kartu Keluarga" in galat[0].pesan and "baris 14" in galat[0].pesan


def test_nama_layanan_berisi_data_pribadi_ditolak(data: Path) -> None:
    tulis(data, JATEN, laporan_layanan(nama_akta="Akta a.n. 0812-3456-7890"))
    hasil = periksa(data)
    assert hasil.data is None
    assert [str(m).partition(": ")[0] for m in hasil.masalah.galat_saja] == [
        "data/survei/2025-s1/kecamatan-jaten.yaml:26:nama"]
