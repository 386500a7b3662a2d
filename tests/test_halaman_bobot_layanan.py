"""Pages: the weight actually used per unit, services on the unit page, the profile text."""

from __future__ import annotations

from pathlib import Path

from conftest import KABUPATEN, tulis
from test_layanan import CSV_LAYANAN

from skm_build.hitung.hasil import hitung_semua
from skm_build.kontrak.muat import periksa
from skm_build.terbit.halaman import PembuatHalaman


def _penyusun(folder: Path) -> PembuatHalaman:
    p = periksa(folder)
    assert p.data is not None, "\n".join(map(str, p.masalah.urut()))
    return PembuatHalaman(hitung_semua(p.data))


def _halaman_unit(folder: Path, opd: str = "dukcapil") -> str:
    p = _penyusun(folder)
    return p.opd(p.data.opd_menurut_id()[opd]).isi


def test_unit_dengan_baris_tanpa_kolom_profil_tidak_disebut_rekap_saja(data: Path) -> None:
    # Respondent rows with u1..u9 only: the unit sent rows, not a tally.
    tulis(data, "survei/2025-s1/dukcapil.csv",
          "u1,u2,u3,u4,u5,u6,u7,u8,u9\n3,3,2,4,3,3,4,3,3\n4,3,3,4,3,4,4,3,2\n")
    isi = _halaman_unit(data)
    assert "rekapitulasi jawaban saja" not in isi
    assert "tidak memuat kolom profil" in isi


def test_unit_rekap_jawaban_tetap_disebut_rekap(data: Path) -> None:
    tulis(data, "survei/2025-s1/kecamatan-jaten.yaml", "diterima: 2025-07-15\njawaban:\n"
          + "".join(f"  u{i}: [0, 2, 50, 48]\n" for i in range(1, 10)))
    assert "rekapitulasi jawaban saja" in _halaman_unit(data, "kecamatan-jaten")


def test_perhitungan_unit_menampilkan_bobot_yang_dipakai(data: Path) -> None:
    # 0.111 with u4 not applicable: eight unsur, 1/8 = 0,125 (3 decimals, like 0,111).
    tulis(data, "kabupaten.yaml", KABUPATEN.replace('bobot: "1/9"', "bobot: 0.111"))
    tulis(data, "survei/2025-s1/dukcapil.yaml",
          "diterima: 2025-07-10\npopulasi: 4\nunsur_tidak_berlaku: [u4]\n")
    isi = _halaman_unit(data)
    assert "bobot 0,125 untuk 8 unsur" in isi
    assert "| 0,125 |" in isi  # the weight column of the worked table


def test_metodologi_bobot_lama_menyebut_bobot_per_banyaknya_unsur(data: Path) -> None:
    tulis(data, "kabupaten.yaml", KABUPATEN.replace('bobot: "1/9"', "bobot: 0.11"))
    tulis(data, "survei/2025-s1/dukcapil.yaml",
          "diterima: 2025-07-10\npopulasi: 4\nunsur_tidak_berlaku: [u4, u9]\n")
    isi = _penyusun(data).metodologi().isi
    # The rule with its table: k = 9 → 0,11, 7 → 0,14, 3 → 0,33, 2 → 0,50; k = 8 refused.
    for baris in ("| 9 | 0,11 | 99,00 |", "| 7 | 0,14 | 98,00 |", "| 3 | 0,33 | 99,00 |",
                  "| 2 | 0,50 | 100,00 |"):
        assert baris in isi
    assert "| 8 | 0,13 |" in isi and "ditolak" in isi
    # …and the units that use another weight than nine unsur would (latest period).
    assert "Dinas Kependudukan dan Pencatatan Sipil" in isi


def test_halaman_unit_memuat_tabel_layanan(data: Path) -> None:
    tulis(data, "survei/2025-s1/dukcapil.csv", CSV_LAYANAN)
    isi = _halaman_unit(data)
    assert "## Hasil per layanan" in isi
    assert "| KTP-el | 5 | 89,72 |" in isi
    assert "| Layanan lain &#40;digabung&#41; | 2 | – |" in isi  # below the minimum: no name,
    assert "Akta Kelahiran" not in isi  # no value, no grade
