"""The citizen's pages without a browser: promises, stale reports, headlines, metadata.

Small hand-made data (conftest: two units, two semesters, Dukcapil's four respondents
in Semester I 2025); each test bends one thing.
"""

from __future__ import annotations

from datetime import date
from fractions import Fraction
from pathlib import Path

import yaml
from conftest import tulis

from skm_build.aturan.ikm import TABEL_MUTU
from skm_build.hitung.hasil import hitung_semua
from skm_build.hitung.janji import janji
from skm_build.kontrak.muat import periksa
from skm_build.terbit.halaman import (
    PembuatHalaman,
    kalimat_tren,
    kata_cari,
    kepala_halaman,
    lipat,
)

MUTU_B = next(m for m in TABEL_MUTU if m.huruf == "B")
RENCANA_S1 = """\
diterima: 2025-07-10
populasi: 4
tindak_lanjut:
  - unsur: u3
    kegiatan: Penambahan petugas loket
    waktu: Triwulan III 2025
    penanggung_jawab: Kepala Bidang Pelayanan
    status: selesai
"""
# Every answer a 2: IKM 50,00, far below Semester I (3s and 4s).
SEMUA_DUA = "".join(f"  u{i}: [0, 4, 0, 0]\n" for i in range(1, 10))


def _s2(status: str) -> str:
    return f"""\
diterima: 2026-01-10
responden: 4
tindak_lanjut:
  - unsur: u3
    kegiatan: Penambahan  petugas loket
    waktu: Triwulan I 2026
    penanggung_jawab: Kepala Bidang Pelayanan
    status: {status}
jawaban:
{SEMUA_DUA}"""


def _hasil(data: Path, hari: date = date(2026, 3, 1)):
    p = periksa(data)
    assert p.data is not None, "\n".join(map(str, p.masalah.urut()))
    return hitung_semua(p.data, hari)


def test_kegiatan_selesai_yang_muncul_lagi_belum_selesai_ditandai(data: Path) -> None:
    tulis(data, "survei/2025-s1/dukcapil.yaml", RENCANA_S1)
    tulis(data, "survei/2025-s2/dukcapil.yaml", _s2("rencana"))
    j = janji(_hasil(data).unit_dari("dukcapil"))
    # Same unsur, same kegiatan (spacing and case do not make another plan).
    assert [(d.rencana.status, d.selesai_pada, d.muncul_pada) for d in j.dibuka] == [
        ("rencana", "Semester I 2025", "Semester II 2025")]


def test_ikm_turun_padahal_semua_kegiatan_selesai_ditandai(data: Path) -> None:
    tulis(data, "survei/2025-s1/dukcapil.yaml", RENCANA_S1)
    tulis(data, "survei/2025-s2/dukcapil.yaml", _s2("selesai"))
    riwayat = _hasil(data).unit_dari("dukcapil")
    turun = janji(riwayat).turun
    assert turun is not None
    assert (turun.kali, turun.kegiatan) == (1, 1)
    assert (turun.dari, turun.menjadi) == (riwayat[1].ikm.ikm, Fraction(50))


def test_ikm_turun_dengan_kegiatan_belum_selesai_tidak_ditandai(data: Path) -> None:
    tulis(data, "survei/2025-s1/dukcapil.yaml", RENCANA_S1.replace("selesai", "berjalan"))
    tulis(data, "survei/2025-s2/dukcapil.yaml", _s2("selesai"))
    assert janji(_hasil(data).unit_dari("dukcapil")).turun is None


def test_rencana_periode_lalu_dengan_status_kini(data: Path) -> None:
    tulis(data, "survei/2025-s1/dukcapil.yaml", RENCANA_S1)
    tulis(data, "survei/2025-s2/dukcapil.yaml", _s2("berjalan"))
    (nasib,) = janji(_hasil(data).unit_dari("dukcapil")).lalu
    assert (nasib.rencana.status, nasib.kini) == ("selesai", "berjalan")


def test_unit_tanpa_laporan_periode_acuan_lewat_batas_dihitung_harinya(data: Path) -> None:
    # Semester II 2025 closed on 21 January 2026; Dukcapil reported Semester I only.
    hasil = _hasil(data, date(2026, 2, 1))
    pembuat = PembuatHalaman(hasil)
    dukcapil = hasil.data.opd_menurut_id()["dukcapil"]
    assert pembuat.periode_acuan().id == "2025-s2"
    status = pembuat.belum_lapor(dukcapil)
    assert (status.status, status.hari) == ("belum melapor", 11)
    isi = pembuat.opd(dukcapil).isi
    assert "Belum melapor untuk Semester II 2025.** Batas laporan 21 Januari 2026 sudah " \
           "lewat 11 hari." in isi
    assert "Angka di bawah adalah hasil Semester I 2025" in isi


def test_periode_yang_masih_berjalan_tidak_dituntut(data: Path) -> None:
    # 1 December 2025: Semester II has no report and its deadline is ahead.
    hasil = _hasil(data, date(2025, 12, 1))
    pembuat = PembuatHalaman(hasil)
    assert pembuat.periode_acuan().id == "2025-s1"
    assert pembuat.belum_lapor(hasil.data.opd_menurut_id()["dukcapil"]) is None


def test_beranda_menyebut_unit_yang_belum_melapor(data: Path) -> None:
    isi = PembuatHalaman(_hasil(data, date(2026, 2, 1))).beranda().isi
    assert ("**Belum melapor untuk Semester II 2025 (2 unit):** "
            "[Dinas Kependudukan dan Pencatatan Sipil](opd/dukcapil.md) (lewat 11 hari), "
            "[Kecamatan Jaten](opd/kecamatan-jaten.md) (lewat 11 hari).") in isi


def test_kalimat_grafik_tren_dari_angkanya() -> None:
    assert kalimat_tren("Dukcapil", "Semester II 2025", Fraction(8397, 100), MUTU_B,
                        Fraction(14, 100)) == \
        "IKM Dukcapil naik 0,14 poin menjadi 83,97 (B) pada Semester II 2025."
    assert kalimat_tren("Dukcapil", "Semester II 2025", Fraction(8397, 100), MUTU_B,
                        Fraction(-1, 1000)) == "IKM Dukcapil tetap 83,97 (B) pada Semester II 2025."


def test_kepala_halaman_adalah_yaml_yang_membawa_teks_apa_adanya() -> None:
    judul = 'Unit "A": IKM 83,97 — <b>#1</b>'
    teks = kepala_halaman(judul, "IKM: 83,97", bagikan="IKM 83,97", bobot_cari=3)
    assert teks.startswith("---\n") and teks.endswith("---\n")
    meta = yaml.safe_load(teks.strip("-\n"))
    assert meta == {"judul": judul, "deskripsi": "IKM: 83,97", "bagikan": "IKM 83,97",
                    "search": {"boost": 3}}


def test_kata_pemilih_tanpa_huruf_besar_dan_aksen() -> None:
    assert kata_cari("Dinas Kependudukan", "Dukcapil", "Pélayanan") == \
        "dinas kependudukan dukcapil pelayanan"


def test_singkatan_alias_dan_tautan_survei_dibaca(data: Path) -> None:
    tulis(data, "opd.yaml", """\
        - id: dukcapil
          nama: Dinas Kependudukan dan Pencatatan Sipil
          jenis: dinas
          singkatan: Dukcapil
          alias: [Disdukcapil, Capil]
          tautan_survei: https://skm.example/dukcapil
        - id: kecamatan-jaten
          nama: Kecamatan Jaten
          jenis: kecamatan
          alias: Kec. Jaten
        """)
    opd = periksa(data).data.opd_menurut_id()
    assert (opd["dukcapil"].singkatan, opd["dukcapil"].alias) == (
        "Dukcapil", ("Disdukcapil", "Capil"))
    assert opd["dukcapil"].tautan_survei == "https://skm.example/dukcapil"
    assert opd["kecamatan-jaten"].alias == ("Kec. Jaten",)


def test_kecamatan_dibaca_sebagai_namanya_saja(data: Path) -> None:
    """Staff write the kecamatan as they say it; pages add the word "Kecamatan" once."""
    tulis(data, "opd.yaml", """\
        - id: kelurahan-bejen
          nama: Kelurahan Bejen
          jenis: kelurahan
          kecamatan: Kecamatan Karanganyar
        - id: pustu-a
          nama: Pustu A
          jenis: puskesmas
          kecamatan: Kec. Jaten
        - id: pustu-b
          nama: Pustu B
          jenis: puskesmas
          kecamatan: Kecamatanbaru
        - id: dukcapil
          nama: Dinas Kependudukan dan Pencatatan Sipil
          jenis: dinas
        """)
    opd = periksa(data).data.opd_menurut_id()
    assert [opd[i].kecamatan for i in ("kelurahan-bejen", "pustu-a", "pustu-b", "dukcapil")] \
        == ["Karanganyar", "Jaten", "Kecamatanbaru", None]


def test_tautan_selain_https_ditolak_dengan_baris_dan_kolom(data: Path) -> None:
    tulis(data, "opd.yaml", """\
        - id: dukcapil
          nama: Dinas Kependudukan dan Pencatatan Sipil
          jenis: dinas
          tautan_survei: javascript:alert(1)
        """)
    p = periksa(data)
    assert p.data is None
    (galat,) = [m for m in p.masalah.galat_saja if "tautan_survei" in str(m)]
    assert "opd.yaml:4" in str(galat) and "https://" in str(galat)


def test_kontak_kantor_boleh_memuat_telepon_dan_email(data: Path) -> None:
    tulis(data, "kabupaten.yaml", """\
        nama: Kabupaten Uji
        penyusun: Bagian Organisasi
        data_contoh: true
        alamat: Jl. Lawu No. 85
        telepon: "(0271) 495039"
        email: organisasi@uji.example
        lapor: https://www.lapor.go.id/
        """)
    hasil = _hasil(data)
    kab = hasil.data.kabupaten
    assert (kab.telepon, kab.email) == ("(0271) 495039", "organisasi@uji.example")
    isi = PembuatHalaman(hasil).kontak().isi
    assert '<a href="tel:0271495039">' in isi
    assert '<a href="https://www.lapor.go.id/">SP4N-LAPOR!</a>' in isi


def test_lipatan_tabel_meringkas_isinya_dan_tidak_masuk_pencarian() -> None:
    blok = lipat("| a | b |\n|---|---|\n| 1 | 2 |\n", 'Tabel 3 unit <b>"x"</b>')
    assert blok.startswith('<details class="skm-tabel-lipat" markdown="1" '
                           'data-search-exclude="1">')
    assert "<summary>Tabel 3 unit &lt;b&gt;&quot;x&quot;&lt;/b&gt;</summary>" in blok
    assert "\n\n| a | b |" in blok and blok.endswith("</details>\n")


def test_laporan_cetak_membuka_setiap_lipatan() -> None:
    from skm_build.terbit.pdf import html_cetak

    halaman = ('<html><head></head><body><details class="skm-tabel-lipat"><summary>T'
               '</summary></details><details open class="x"></details></body></html>')
    cetak = html_cetak(halaman, "Laporan", "DRAF", True)
    assert cetak.count("<details open") == 2
