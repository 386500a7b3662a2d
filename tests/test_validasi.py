"""What `skm check` accepts and refuses: the data contract, one rule per test.

Every refused input is checked three ways: ``periksa`` returns no tables (``data is
None``), the problem is an *error* at the exact ``path:line[:column]`` a member of staff
has to open, and ``skm check`` exits 1 without a traceback. The fixture ``data`` is a
valid folder (see conftest); each test bends it in one place. In the fixture CSV the
header is line 1, so the second respondent — the row most tests break — is line 3:

    2025-02-03,P,27,S1,PNS,4,3,3,4,3,4,4,3,2        (u1=4, u2=3, u3=3, ...)
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import CSV_DUKCAPIL, JUDUL, KABUPATEN, OPD, PERIODE, tulis

from skm_build.cli import main
from skm_build.kontrak.masalah import GALAT, PERINGATAN, Masalah
from skm_build.kontrak.muat import periksa

CSV = "survei/2025-s1/dukcapil.csv"
LAPORAN = "survei/2025-s1/dukcapil.yaml"
JATEN = "survei/2025-s1/kecamatan-jaten.yaml"
KUNCI = ("2025-s1", "dukcapil")

BARIS = CSV_DUKCAPIL.splitlines()  # [judul, responden 1 (line 2), responden 2 (line 3), ...]
BARIS_3 = BARIS[2]
assert BARIS_3 == "2025-02-03,P,27,S1,PNS,4,3,3,4,3,4,4,3,2"


def csv_dengan_baris_3(baris: str) -> str:
    """The fixture CSV with its line 3 (the second respondent) replaced."""
    return "\n".join([*BARIS[:2], baris, *BARIS[3:]]) + "\n"


def baris_3_dengan_u2(nilai: str) -> str:
    return csv_dengan_baris_3(BARIS_3.replace("PNS,4,3,", f"PNS,4,{nilai},"))


def tempat(m: Masalah) -> str:
    """The ``path:line[:column]`` part of a printed problem."""
    return str(m).partition(": ")[0]


@pytest.fixture
def ditolak(capsys: pytest.CaptureFixture[str]) -> Callable[..., Masalah]:
    """Assert that ``folder`` is refused with an error at ``lokasi``; return that error."""

    def periksa_ditolak(folder: Path, lokasi: str) -> Masalah:
        hasil = periksa(folder)
        assert hasil.data is None
        di_sana = [m for m in hasil.masalah.semua if tempat(m) == lokasi]
        semua = "\n".join(str(m) for m in hasil.masalah.urut())
        assert di_sana, f"tidak ada masalah di {lokasi}; yang ada:\n{semua}"
        assert [m.tingkat for m in di_sana] == [GALAT], semua

        capsys.readouterr()
        assert main(["check", "--data", str(folder)]) == 1
        keluaran = capsys.readouterr()
        assert "Traceback" not in keluaran.out + keluaran.err
        assert f"{lokasi}: " in keluaran.err
        assert "Data TIDAK SAH" in keluaran.err
        return di_sana[0]

    return periksa_ditolak


def satu_galat_saja(folder: Path) -> Masalah:
    """The only error of the run: nothing else is blamed for one mistake."""
    galat = periksa(folder).masalah.galat_saja
    assert len(galat) == 1, "\n".join(map(str, galat))
    return galat[0]


def survei(folder: Path):
    hasil = periksa(folder)
    assert hasil.data is not None, "\n".join(map(str, hasil.masalah.urut()))
    return hasil.data.survei[KUNCI]


# --- the fixture itself ------------------------------------------------------------------


def test_folder_contoh_sah_tanpa_masalah(data: Path) -> None:
    hasil = periksa(data)
    assert hasil.sah
    assert hasil.masalah.semua == []
    assert survei(data).responden == 4


# --- paths: survei/<periode>/<opd>.csv ----------------------------------------------------


def test_unit_yang_tidak_ada_di_opd_yaml_ditolak_di_nama_berkas(data: Path, ditolak) -> None:
    tulis(data, "survei/2025-s1/dinsos.csv", CSV_DUKCAPIL)
    m = ditolak(data, "data/survei/2025-s1/dinsos.csv")
    assert m.pesan == "unit 'dinsos' tidak ada di opd.yaml"


def test_folder_periode_yang_tidak_ada_di_periode_yaml_ditolak(data: Path, ditolak) -> None:
    tulis(data, "survei/2024-s1/dukcapil.csv", CSV_DUKCAPIL)
    m = ditolak(data, "data/survei/2024-s1")
    assert m.pesan == "periode '2024-s1' tidak ada di periode.yaml"


# --- registries: duplicate ids -------------------------------------------------------------


def test_id_opd_ganda_ditolak_dan_menyebut_baris_pertama(data: Path, ditolak) -> None:
    tulis(data, "opd.yaml", OPD + "- id: dukcapil\n  nama: Dinas Lain\n  jenis: dinas\n")
    m = ditolak(data, "data/opd.yaml:8:id")
    assert m.pesan == "id 'dukcapil' sudah dipakai di baris 1"


def test_id_periode_ganda_ditolak_dan_menyebut_baris_pertama(data: Path, ditolak) -> None:
    tulis(data, "periode.yaml", PERIODE + (
        "- id: 2025-s1\n  nama: Semester I 2025 (lagi)\n  mulai: 2025-01-01\n"
        "  selesai: 2025-06-30\n  batas_laporan: 2025-07-21\n"))
    m = ditolak(data, "data/periode.yaml:11:id")
    assert m.pesan == "id '2025-s1' sudah dipakai di baris 1"


# --- answers u1..u9 -----------------------------------------------------------------------


@pytest.mark.parametrize("nilai", ["0", "5"])
def test_jawaban_di_luar_1_sampai_4_ditolak_dengan_baris_dan_kolom(
        data: Path, ditolak, nilai: str) -> None:
    tulis(data, CSV, baris_3_dengan_u2(nilai))
    m = ditolak(data, "data/survei/2025-s1/dukcapil.csv:3:u2")
    assert f"jawaban '{nilai}' tidak sah" in m.pesan


def test_jawaban_pecahan_2_koma_5_ditolak_dengan_baris_dan_kolom(data: Path, ditolak) -> None:
    tulis(data, CSV, baris_3_dengan_u2("2.5"))
    m = ditolak(data, "data/survei/2025-s1/dukcapil.csv:3:u2")
    assert "jawaban '2.5' tidak sah" in m.pesan


def test_jawaban_3_koma_5_ditolak_di_berkas_titik_koma(data: Path, ditolak) -> None:
    tulis(data, CSV, baris_3_dengan_u2('"3,5"').replace(",", ";").replace('"3;5"', "3,5"))
    m = ditolak(data, "data/survei/2025-s1/dukcapil.csv:3:u2")
    assert "jawaban '3,5' tidak sah" in m.pesan


def test_jawaban_3_koma_5_berkutip_ditolak_di_berkas_koma(data: Path, ditolak) -> None:
    tulis(data, CSV, baris_3_dengan_u2('"3,5"'))
    m = ditolak(data, "data/survei/2025-s1/dukcapil.csv:3:u2")
    assert "jawaban '3,5' tidak sah" in m.pesan


def test_jawaban_3_koma_2_tanpa_kutip_ditolak_karena_kolom_bergeser(
        data: Path, ditolak) -> None:
    # 15 fields under a 14-column header: u3..u9 would all shift one to the left.
    tulis(data, CSV, baris_3_dengan_u2("3,2"))
    m = ditolak(data, "data/survei/2025-s1/dukcapil.csv:3")
    assert "jumlah kolom tidak sama dengan baris judul" in m.pesan


def test_baris_pertama_yang_lebih_panjang_dari_judul_ditolak(data: Path, ditolak) -> None:
    tulis(data, CSV, CSV_DUKCAPIL.replace(BARIS[1], BARIS[1] + ",4"))
    ditolak(data, "data/survei/2025-s1/dukcapil.csv:2")


def test_baris_terlalu_panjang_dilaporkan_di_baris_berkas_setelah_teks_dua_baris(
        data: Path, ditolak) -> None:
    # A quoted newline inside `layanan` makes the file line differ from the record number.
    teks = "\n".join([
        JUDUL + ",layanan",
        BARIS[1] + ',"antrean lama\nloket kurang"',  # lines 2-3
        BARIS[2] + ",",                               # line 4
        BARIS[3] + ",bagus,9",                        # line 5: one field too many
        BARIS[4] + ",",
    ]) + "\n"
    tulis(data, CSV, teks)
    ditolak(data, "data/survei/2025-s1/dukcapil.csv:5")


def test_jawaban_teks_ditolak_dengan_baris_dan_kolom(data: Path, ditolak) -> None:
    tulis(data, CSV, baris_3_dengan_u2("baik"))
    m = ditolak(data, "data/survei/2025-s1/dukcapil.csv:3:u2")
    assert "jawaban 'baik' tidak sah" in m.pesan


def test_kolom_u7_yang_hilang_ditolak_di_baris_judul(data: Path, ditolak) -> None:
    tanpa_u7 = "\n".join(",".join(s for j, s in enumerate(b.split(",")) if j != 11)
                         for b in BARIS) + "\n"
    assert "u7" not in tanpa_u7.splitlines()[0].split(",")
    tulis(data, CSV, tanpa_u7)
    m = ditolak(data, "data/survei/2025-s1/dukcapil.csv:1:u7")
    assert "kolom u7 tidak ada" in m.pesan


@pytest.mark.parametrize("kosong", ["", "  "], ids=["kosong", "spasi"])
def test_jawaban_kosong_berarti_tidak_menjawab_unsur_itu_saja(data: Path, kosong: str) -> None:
    tulis(data, CSV, csv_dengan_baris_3(BARIS_3.replace("PNS,4,3,3,", f"PNS,4,3,{kosong},")))
    s = survei(data)
    assert s.responden == 4
    # u3 of the four respondents was 2,3,2,3; the 3 of line 3 is now blank.
    assert s.tally["u3"] == (0, 2, 1, 0)
    assert sum(s.tally["u3"]) == 3
    assert s.tally["u1"] == (0, 0, 2, 2)  # 3,4,3,4: the respondent still counts here
    assert s.tally["u2"] == (0, 1, 2, 1)
    assert all(sum(s.tally[k]) == 4 for k in s.tally if k != "u3")


# --- other columns -------------------------------------------------------------------------


def test_kolom_tambahan_yang_tidak_dikenal_hanya_peringatan(
        data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    tulis(data, CSV, "\n".join([BARIS[0] + ",catatan",
                                *(b + ",-" for b in BARIS[1:])]) + "\n")
    hasil = periksa(data)
    assert hasil.data is not None
    assert [(tempat(m), m.tingkat) for m in hasil.masalah.semua] == [
        ("data/survei/2025-s1/dukcapil.csv:1:catatan", PERINGATAN)]
    assert hasil.data.survei[KUNCI].responden == 4

    assert main(["check", "--data", str(data)]) == 0
    err = capsys.readouterr().err
    assert "data/survei/2025-s1/dukcapil.csv:1:catatan: peringatan: " in err


@pytest.mark.parametrize("kolom", ["nama", "telepon", "no_hp", "wa", "email", "nik", "alamat"])
def test_kolom_yang_mengenali_orang_ditolak(data: Path, ditolak, kolom: str) -> None:
    tulis(data, CSV, "\n".join([BARIS[0] + f",{kolom}",
                                *(b + ",x" for b in BARIS[1:])]) + "\n")
    m = ditolak(data, f"data/survei/2025-s1/dukcapil.csv:1:{kolom}")
    assert "data pribadi" in m.pesan


def test_tanggal_di_luar_periode_ditolak(data: Path, ditolak) -> None:
    tulis(data, CSV, csv_dengan_baris_3(BARIS_3.replace("2025-02-03", "2025-08-03")))
    m = ditolak(data, "data/survei/2025-s1/dukcapil.csv:3:tanggal")
    assert "di luar periode" in m.pesan


def test_tanggal_yang_tidak_ada_di_kalender_ditolak(data: Path, ditolak) -> None:
    tulis(data, CSV, csv_dengan_baris_3(BARIS_3.replace("2025-02-03", "2025-02-30")))
    m = ditolak(data, "data/survei/2025-s1/dukcapil.csv:3:tanggal")
    assert "'2025-02-30' bukan tanggal" in m.pesan


def test_pendidikan_dan_jenis_kelamin_dibakukan_dalam_profil(data: Path) -> None:
    tulis(data, CSV, f"""\
        {JUDUL}
        2025-02-03,l,34,SLTA,Swasta,3,3,2,4,3,3,4,3,3
        2025-02-03,p,27,D4,PNS,4,3,3,4,3,4,4,3,2
        2025-03-10,P,45,sma,Wirausaha,3,2,2,4,3,3,3,3,3
        2025-04-21,L,61,S1,Lainnya,4,4,3,4,4,4,4,4,4
        """)
    profil = survei(data).profil
    assert profil.jenis_kelamin == {"L": 2, "P": 2}
    assert profil.pendidikan == {"SMA": 2, "S1": 2}


# --- encodings, delimiters, line ends ------------------------------------------------------


def test_berkas_kosong_ditolak(data: Path, ditolak) -> None:
    tulis(data, CSV, "")
    m = ditolak(data, "data/survei/2025-s1/dukcapil.csv:1")
    assert m.pesan.startswith("berkas kosong")


def test_berkas_hanya_baris_judul_ditolak(data: Path, ditolak) -> None:
    tulis(data, CSV, JUDUL + "\n")
    m = ditolak(data, "data/survei/2025-s1/dukcapil.csv:2")
    assert m.pesan.startswith("hanya ada baris judul")


@pytest.mark.parametrize("ubah", [
    pytest.param(lambda t: "\ufeff" + t, id="bom-utf8"),
    pytest.param(lambda t: t.replace(",", ";"), id="titik-koma"),
    pytest.param(lambda t: t.replace("\n", "\r\n"), id="crlf"),
    pytest.param(lambda t: t.replace("\n", "\r"), id="cr-mac-lama"),
    pytest.param(lambda t: "\ufeff" + t.replace(",", ";").replace("\n", "\r\n"),
                 id="excel-indonesia-bom-titik-koma-crlf"),
    pytest.param(lambda t: t.replace(",", ", "), id="spasi-setelah-pemisah"),
    pytest.param(lambda t: t.replace(JUDUL, JUDUL.upper()), id="judul-huruf-besar"),
])
def test_cara_menyimpan_csv_tidak_mengubah_hasil(data: Path, ubah) -> None:
    asli = survei(data)
    tulis(data, CSV, ubah(CSV_DUKCAPIL).encode("utf-8"))
    assert survei(data) == asli
    assert periksa(data).masalah.semua == []


def test_galat_di_berkas_bom_titik_koma_crlf_tetap_di_baris_yang_benar(
        data: Path, ditolak) -> None:
    teks = "\ufeff" + baris_3_dengan_u2("9").replace(",", ";").replace("\n", "\r\n")
    tulis(data, CSV, teks.encode("utf-8"))
    ditolak(data, "data/survei/2025-s1/dukcapil.csv:3:u2")


def test_baris_berisi_spasi_saja_tidak_menggeser_nomor_baris(data: Path, ditolak) -> None:
    teks = "\n".join([*BARIS[:2], "   ", *BARIS[2:]]) + "\n"  # line 3 is blank-ish
    tulis(data, CSV, teks.replace("PNS,4,3,", "PNS,4,9,").encode("utf-8"))
    ditolak(data, "data/survei/2025-s1/dukcapil.csv:4:u2")


def test_byte_bukan_utf8_ditolak_di_barisnya(data: Path, ditolak) -> None:
    teks = "\n".join([BARIS[0] + ",layanan", BARIS[1] + ",KTP-el",
                      BARIS[2] + ",Akta caf\xe9", *(b + ",KK" for b in BARIS[3:])]) + "\n"
    tulis(data, CSV, teks.encode("latin-1"))
    m = ditolak(data, "data/survei/2025-s1/dukcapil.csv:3")
    assert "bukan teks UTF-8 (byte 0xe9)" in m.pesan


# --- YAML ----------------------------------------------------------------------------------


def test_sintaks_yaml_salah_dilaporkan_dengan_baris_dan_kolom(data: Path, ditolak) -> None:
    tulis(data, "kabupaten.yaml", "nama: Kabupaten Uji\n  penyusun: Bagian Organisasi\n")
    m = ditolak(data, "data/kabupaten.yaml:2:11")
    assert m.pesan.startswith("sintaks YAML salah")


def test_opd_yaml_berupa_peta_bukan_daftar_ditolak(data: Path, ditolak) -> None:
    tulis(data, "opd.yaml", "dukcapil:\n  nama: Dinas Kependudukan\n")
    m = ditolak(data, "data/opd.yaml:1")
    assert "harus berupa daftar" in m.pesan


def test_kabupaten_yaml_berupa_daftar_ditolak(data: Path, ditolak) -> None:
    tulis(data, "kabupaten.yaml", "- nama: Kabupaten Uji\n")
    m = ditolak(data, "data/kabupaten.yaml:1")
    assert "pasangan 'kunci: nilai'" in m.pesan


@pytest.mark.parametrize(("berkas", "asli", "salah", "lokasi"), [
    ("opd.yaml", OPD, ("target_ikm: 85", 'target_ikm: "tinggi"'), "data/opd.yaml:4:target_ikm"),
    (LAPORAN, "diterima: 2025-07-10\npopulasi: 4\n", ("populasi: 4", "populasi: -5"),
     "data/survei/2025-s1/dukcapil.yaml:2:populasi"),
    ("periode.yaml", PERIODE, ("mulai: 2025-07-01", 'mulai: "kemarin"'),
     "data/periode.yaml:8:mulai"),
    ("kabupaten.yaml", KABUPATEN, ('bobot: "1/9"', "bobot: 0.5"), "data/kabupaten.yaml:4:bobot"),
    ("kabupaten.yaml", KABUPATEN, ("agregasi: rata-rata-unit", "agregasi: median"),
     "data/kabupaten.yaml:5:agregasi"),
    ("kabupaten.yaml", KABUPATEN, ("data_contoh: true", 'data_contoh: "ya"'),
     "data/kabupaten.yaml:3:data_contoh"),
], ids=["target_ikm-teks", "populasi-negatif", "mulai-bukan-tanggal", "bobot-0.5",
        "agregasi-median", "data_contoh-teks"])
def test_nilai_yaml_bertipe_salah_ditolak_di_barisnya(
        data: Path, ditolak, berkas: str, asli: str, salah: tuple[str, str],
        lokasi: str) -> None:
    assert salah[0] in asli
    tulis(data, berkas, asli.replace(*salah))
    ditolak(data, lokasi)
    # ...and that is the only error: an invalid opd/periode entry does not also make its
    # survey files "unknown".
    assert tempat(satu_galat_saja(data)) == lokasi


def test_tanggal_yaml_yang_tidak_ada_di_kalender_ditolak(data: Path, ditolak) -> None:
    tulis(data, "periode.yaml", PERIODE.replace("mulai: 2025-07-01", "mulai: 2025-02-30"))
    m = ditolak(data, "data/periode.yaml:8:10")
    assert "'2025-02-30' tidak sah" in m.pesan


def test_tanggal_yaml_berkutip_tetap_tanggal(data: Path) -> None:
    tulis(data, "periode.yaml", PERIODE.replace("mulai: 2025-01-01", 'mulai: "2025-01-01"'))
    hasil = periksa(data)
    assert hasil.data is not None
    assert str(hasil.data.periode_menurut_id()["2025-s1"].mulai) == "2025-01-01"


def test_sintaks_opd_yaml_salah_tidak_membuat_setiap_survei_ikut_salah(data: Path) -> None:
    tulis(data, "opd.yaml", OPD + "- id: [dinsos\n")
    assert satu_galat_saja(data).berkas == "data/opd.yaml"


def jawaban_yaml(**ganti: str) -> str:
    """A unit report with tallies only (no CSV); u4 is on line 6."""
    baris = {f"u{i}": "[0, 2, 50, 48]" for i in range(1, 10)}
    baris.update(ganti)
    return "diterima: 2025-07-15\njawaban:\n" + "".join(f"  {k}: {v}\n"
                                                       for k, v in baris.items())


def test_laporan_jawaban_tanpa_csv_sah(data: Path) -> None:
    tulis(data, JATEN, jawaban_yaml())
    hasil = periksa(data)
    assert hasil.data is not None
    s = hasil.data.survei[("2025-s1", "kecamatan-jaten")]
    assert s.sumber == "jawaban"
    assert s.tally["u4"] == (0, 2, 50, 48)
    assert s.responden == 100


@pytest.mark.parametrize("tally", ["[1, 2, 3]", "[0, -2, 50, 48]"], ids=["tiga", "negatif"])
def test_hitungan_jawaban_yang_salah_ditolak_di_barisnya(data: Path, ditolak, tally) -> None:
    tulis(data, JATEN, jawaban_yaml(u4=tally))
    m = ditolak(data, "data/survei/2025-s1/kecamatan-jaten.yaml:6:u4")
    assert "4 bilangan bulat tidak negatif" in m.pesan


def test_csv_dan_jawaban_untuk_unit_periode_yang_sama_ditolak(data: Path, ditolak) -> None:
    tulis(data, LAPORAN, jawaban_yaml())  # dukcapil already has survei/2025-s1/dukcapil.csv
    m = ditolak(data, "data/survei/2025-s1/dukcapil.yaml:2:jawaban")
    assert "sudah punya berkas CSV" in m.pesan


@pytest.mark.parametrize(("berkas", "teks", "lokasi"), [
    ("kabupaten.yaml", KABUPATEN + "nama: Kabupaten Lain\n", "data/kabupaten.yaml:6"),
    ("opd.yaml", OPD.replace("  jenis: kecamatan\n", "  jenis: kecamatan\n  jenis: dinas\n"),
     "data/opd.yaml:8"),
], ids=["kabupaten", "butir-opd"])
def test_kunci_yaml_ganda_ditolak(data: Path, ditolak, berkas: str, teks: str,
                                  lokasi: str) -> None:
    tulis(data, berkas, teks)
    m = ditolak(data, lokasi)
    assert "ditulis dua kali" in m.pesan


def test_anchor_dan_alias_yaml_ditolak(data: Path, ditolak) -> None:
    tulis(data, "opd.yaml", OPD.replace("  jenis: dinas\n", "  jenis: &jenis dinas\n")
          .replace("  jenis: kecamatan\n", "  jenis: *jenis\n"))
    # Reported where the anchor (&jenis, line 3) is; the alias *jenis is on line 7.
    m = ditolak(data, "data/opd.yaml:3")
    assert "anchor/alias" in m.pesan


def test_kunci_gabungan_yaml_ditolak(data: Path, ditolak) -> None:
    tulis(data, "opd.yaml", """\
        - &dinas
          id: dukcapil
          nama: Dinas Kependudukan dan Pencatatan Sipil
          jenis: dinas
        - <<: *dinas
          id: kecamatan-jaten
        """)
    m = ditolak(data, "data/opd.yaml:5")
    assert "(<<)" in m.pesan


# --- personal data in published text -------------------------------------------------------


RTL = """\
    diterima: 2025-07-10
    populasi: 4
    tindak_lanjut:
      - unsur: u3
        kegiatan: {kegiatan}
        waktu: Triwulan III 2025
        penanggung_jawab: Kepala Bidang Pelayanan
        status: berjalan
    """


@pytest.mark.parametrize(("kegiatan", "jenis"), [
    ("Hubungi 0812-3456-7890 untuk antrean", "nomor telepon"),
    ("Keluhan dikirim ke budi.santoso@contoh.co.id", "alamat e-mail"),
    ("Layani ulang pemohon 3313012345678901", "NIK"),
], ids=["telepon", "email", "nik"])
def test_data_pribadi_dalam_kegiatan_tindak_lanjut_ditolak(
        data: Path, ditolak, kegiatan: str, jenis: str) -> None:
    tulis(data, LAPORAN, RTL.format(kegiatan=kegiatan))
    m = ditolak(data, "data/survei/2025-s1/dukcapil.yaml:5:kegiatan")
    assert f"data pribadi ({jenis})" in m.pesan


def test_kegiatan_tindak_lanjut_dengan_angka_biasa_diterima(data: Path) -> None:
    tulis(data, LAPORAN, RTL.format(kegiatan="Tambah 2 loket dan antrean daring 2025"))
    (rtl,) = survei(data).tindak_lanjut
    assert rtl.kegiatan == "Tambah 2 loket dan antrean daring 2025"


# --- one run reports everything ------------------------------------------------------------


def test_semua_masalah_di_banyak_berkas_dilaporkan_dalam_satu_kali_jalan(
        data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    tulis(data, "opd.yaml", OPD.replace("target_ikm: 85", "target_ikm: 150"))
    tulis(data, "periode.yaml", PERIODE.replace("batas_laporan: 2026-01-21",
                                                "batas_laporan: 2025-01-21"))
    tulis(data, CSV, "\n".join([
        BARIS[0], BARIS[1],
        BARIS[2].replace("PNS,4,3,", "PNS,4,9,"),
        BARIS[3].replace("2025-03-10", "2025-09-10"),
        BARIS[4].replace(",SD,", ",TK,"),
    ]) + "\n")
    tulis(data, LAPORAN, "diterima: 2025-07-10\npopulasi: nol\n")
    hasil = periksa(data)
    assert hasil.data is None
    assert sorted(tempat(m) for m in hasil.masalah.galat_saja) == [
        "data/opd.yaml:4:target_ikm",
        "data/periode.yaml:10:batas_laporan",
        "data/survei/2025-s1/dukcapil.csv:3:u2",
        "data/survei/2025-s1/dukcapil.csv:4:tanggal",
        "data/survei/2025-s1/dukcapil.csv:5:pendidikan",
        "data/survei/2025-s1/dukcapil.yaml:2:populasi",
    ]

    assert main(["check", "--data", str(data)]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert "Data TIDAK SAH: 6 galat, 0 peringatan." in err
    assert len([b for b in err.splitlines() if b.startswith("data/")]) == 6


def test_baris_tanpa_jawaban_tidak_dihitung_sebagai_responden(data: Path) -> None:
    # Excel often leaves rows of bare separators; a row with no answer is no respondent.
    tulis(data, "survei/2025-s1/dukcapil.csv", CSV_DUKCAPIL + ",,,,,,,,,,,,,\n,L,,,,,,,,,,,,\n")
    p = periksa(data)
    assert p.data.survei[("2025-s1", "dukcapil")].responden == 4
    assert [str(m) for m in p.masalah.peringatan_saja] == [
        f"data/survei/2025-s1/dukcapil.csv:{n}: peringatan: baris tanpa jawaban u1..u9: "
        "tidak dihitung sebagai responden" for n in (6, 7)]


def test_berkas_yang_semua_barisnya_tanpa_jawaban_ditolak(data: Path) -> None:
    tulis(data, "survei/2025-s1/dukcapil.csv", JUDUL + "\n,,,,,,,,,,,,,\n")
    p = periksa(data)
    assert p.data is None
    assert "data/survei/2025-s1/dukcapil.csv:2: tidak ada baris yang berisi jawaban u1..u9" in [
        str(m) for m in p.masalah.galat_saja]


def test_jawaban_angka_di_luar_skala_disebut_seperti_tertulis(data: Path) -> None:
    # Every cell of u9 is a number, so pandas reads the column as numbers: the message must
    # still quote what staff typed ("7"), not the float pandas made of it ("7.0").
    tulis(data, "survei/2025-s1/dukcapil.csv", CSV_DUKCAPIL.replace(",4,4,4,4\n", ",4,4,4,7\n"))
    p = periksa(data)
    assert p.data is None
    assert [str(m) for m in p.masalah.galat_saja] == [
        "data/survei/2025-s1/dukcapil.csv:5:u9: jawaban '7' tidak sah: isi bilangan bulat "
        "1, 2, 3 atau 4 (kosongkan bila tidak dijawab)"]


def test_profil_responden_berurutan_seperti_kuesioner_bukan_menurut_banyaknya(
        data: Path) -> None:
    # Three P and one L: the counts still come L first, then P (and SD before SMA, ...).
    tulis(data, "survei/2025-s1/dukcapil.csv", CSV_DUKCAPIL.replace(",L,34,", ",P,34,"))
    profil = periksa(data).data.survei[("2025-s1", "dukcapil")].profil
    assert list(profil.jenis_kelamin.items()) == [("L", 1), ("P", 3)]
    assert list(profil.pendidikan) == ["SD", "SMA", "S1"]
    assert list(profil.usia) == ["20–29", "30–39", "40–49", "≥ 60"]
