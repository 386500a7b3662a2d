"""skm import: what OPDs send becomes the unit's report of counts; people stay outside git.

Black-box: every test runs the `skm` command on a file of :mod:`korpus_kiriman` and reads
what it wrote. The expected tallies are the corpus's hand-counted ones.
"""

from __future__ import annotations

import os
from pathlib import Path

import korpus_kiriman as k
import openpyxl
import pytest
import yaml
from bantuan import sidik
from conftest import tulis

from skm_build.cli import main

UNIT = "kecamatan-jaten"
LAPORAN = f"survei/2025-s1/{UNIT}.yaml"


def skm(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """Run `skm ARGV` in-process: (exit code, stdout, stderr), usage errors included."""
    capsys.readouterr()
    try:
        kode = main(list(argv))
    except SystemExit as e:  # argparse ends wrong usage with SystemExit(2)
        kode = e.code
    keluaran = capsys.readouterr()
    assert "Traceback" not in keluaran.out + keluaran.err
    return kode, keluaran.out, keluaran.err


def impor(capsys, data: Path, berkas: Path, *lain: str, opd: str = UNIT,
          periode: str = "2025-s1") -> tuple[int, str, str]:
    return skm(capsys, "import", str(berkas), "--opd", opd, "--periode", periode,
               "--data", str(data), *lain)


def laporan(data: Path, opd: str = UNIT, periode: str = "2025-s1") -> dict:
    return yaml.safe_load((data / "survei" / periode / f"{opd}.yaml").read_text("utf-8"))


def isi_data(data: Path) -> str:
    """Every byte under data/, as text: what the public repository would publish."""
    return "\n".join(b.read_text("utf-8", errors="replace")
                     for b in sorted(data.rglob("*")) if b.is_file())


@pytest.fixture
def kiriman(tmp_path: Path) -> Path:
    """Where the staff member saved what the OPD sent (gitignored, beside data/)."""
    folder = tmp_path / "kiriman"
    folder.mkdir()
    return folder


def _pasti_tidak_ditulis(data: Path, sebelum: dict[str, str]) -> None:
    assert sidik(data) == sebelum
    assert not (data.parent / "kiriman" / "2025-s1").exists()


# --- aggregates at the door -----------------------------------------------------------------


BENTUK_FORMULIR = [k.formulir_indonesia_csv, k.formulir_inggris_xlsx, k.formulir_inggris_csv]


@pytest.mark.parametrize("buat", BENTUK_FORMULIR, ids=lambda f: f.__name__)
def test_ekspor_formulir_menjadi_hitungan_per_unsur(capsys, data, kiriman, buat) -> None:
    kode, _out, err = impor(capsys, data, buat(kiriman))
    assert kode == 0, err
    lap = laporan(data)
    assert lap["responden"] == 5
    assert lap["jawaban"] == k.JAWABAN_LIMA


@pytest.mark.parametrize("buat", BENTUK_FORMULIR, ids=lambda f: f.__name__)
def test_ekspor_formulir_menjadi_hitungan_profil_layanan_dan_rentang_tanggal(
        capsys, data, kiriman, buat) -> None:
    # Services of 3 and 2 people are named only where the kabupaten allows it.
    with (data / "kabupaten.yaml").open("a", encoding="utf-8") as f:
        f.write("minimum_responden_layanan: 2\n")
    assert impor(capsys, data, buat(kiriman))[0] == 0
    lap = laporan(data)
    assert lap["profil"] == k.PROFIL_LIMA
    assert lap["layanan"] == k.LAYANAN_LIMA
    assert lap["tanggal_survei"] == k.TANGGAL_LIMA


def test_layanan_kecil_tidak_ditulis_ke_data(capsys, data, kiriman) -> None:
    # The default minimum is 5: a service of 3 (or 2) people is those people's answers, and
    # its name their free text, so neither reaches the public repository.
    assert impor(capsys, data, k.formulir_indonesia_csv(kiriman))[0] == 0
    lap = laporan(data)
    assert "layanan" not in lap and lap["responden"] == 5
    assert "Akta Kelahiran" not in (data / "survei" / "2025-s1" / f"{UNIT}.yaml").read_text(
        encoding="utf-8")


def test_cap_waktu_dibaca_sebagai_tanggal_bukan_unsur_waktu(capsys, data, kiriman) -> None:
    kode, out, _ = impor(capsys, data, k.formulir_indonesia_csv(kiriman))
    assert kode == 0
    baris_cap = next(b for b in out.splitlines() if "Cap waktu" in b)
    assert "tanggal" in baris_cap and "u3" not in baris_cap


@pytest.mark.parametrize("buat", BENTUK_FORMULIR, ids=lambda f: f.__name__)
def test_tidak_ada_isi_kolom_teks_masukan_di_data(capsys, data, kiriman, buat) -> None:
    assert impor(capsys, data, buat(kiriman))[0] == 0
    publik = isi_data(data)
    for rahasia in k.RAHASIA_LIMA:
        assert rahasia not in publik, rahasia
    assert not list(data.rglob(f"{UNIT}.csv")), "tidak ada baris per responden di data/"


TEKS_MASUKAN = {  # every import that succeeds, and the input text cells it must not publish
    "lembar_opd": (lambda f: k.lembar_opd_xlsx(f), (), ("REKAPITULASI KUESIONER",
                   "KECAMATAN JATEN — SEMESTER", "1985-06-12", "Petani", "Wiraswasta")),
    "templat": (lambda f: k.isi_templat(_templat(f)), (),
                ("Ruang tunggu panas", "Persyaratan di situs berbeda")),
    "ganda": (lambda f: k.ganda(f), ("--buang-ganda",), ("antre lama", "bagus", "08.00.20")),
    "lahir": (lambda f: k.tanggal_lahir(f), ("--tanpa-tanggal",), ("12/06/1985", "30/01/1990")),
}


def _templat(folder: Path) -> Path:
    assert main(["templat", "--keluar", str(folder)]) == 0
    return folder / "templat-skm.xlsx"


@pytest.mark.parametrize("nama", list(TEKS_MASUKAN))
def test_setiap_impor_tidak_menerbitkan_teks_masukan(capsys, data, kiriman, nama) -> None:
    buat, pilihan, rahasia = TEKS_MASUKAN[nama]
    assert impor(capsys, data, buat(kiriman), *pilihan)[0] == 0
    publik = isi_data(data)
    for teks in rahasia:
        assert teks not in publik, teks


def test_tidak_ada_cap_waktu_di_laporan(capsys, data, kiriman) -> None:
    assert impor(capsys, data, k.formulir_indonesia_csv(kiriman))[0] == 0
    teks = (data / LAPORAN).read_text("utf-8")
    for r in k.RESPONDEN:
        assert r[0].strftime("%H.%M.%S") not in teks and r[0].strftime("%H:%M") not in teks


def test_baris_dan_saran_disimpan_di_kiriman_di_luar_git(capsys, data, kiriman) -> None:
    assert impor(capsys, data, k.formulir_indonesia_csv(kiriman))[0] == 0
    saran = (kiriman / "2025-s1" / f"{UNIT}-saran.txt").read_text("utf-8")
    assert "antrean terlalu lama" in saran and "Mantap sekali pelayanannya" in saran
    assert (kiriman / "2025-s1" / f"{UNIT}.csv").is_file()
    assert "kiriman/" in (Path(__file__).parents[1] / ".gitignore").read_text("utf-8")


def test_laporan_unit_yang_ada_tetap_utuh_selain_hitungan(capsys, data, kiriman) -> None:
    tulis(data, LAPORAN, """\
        diterima: 2025-07-15  # tanggal surat masuk
        populasi: 900
        tindak_lanjut:
          - unsur: u8
            kegiatan: Perbaikan ruang tunggu
            waktu: Triwulan III 2025
            penanggung_jawab: Sekretaris Camat
            status: rencana
        """)
    assert impor(capsys, data, k.formulir_indonesia_csv(kiriman))[0] == 0
    lap = laporan(data)
    assert lap["diterima"].isoformat() == "2025-07-15" and lap["populasi"] == 900
    assert lap["tindak_lanjut"][0]["kegiatan"] == "Perbaikan ruang tunggu"
    assert lap["jawaban"] == k.JAWABAN_LIMA


def test_hasil_impor_lolos_pemeriksaan(capsys, data, kiriman) -> None:
    assert impor(capsys, data, k.formulir_indonesia_csv(kiriman))[0] == 0
    kode, _out, err = skm(capsys, "check", "--data", str(data))
    assert kode == 0, err


# --- every shape an OPD sends ---------------------------------------------------------------


def test_lembar_opd_memakai_lembar_data_yang_terlihat_dan_menyebutnya(capsys, data,
                                                                     kiriman) -> None:
    kode, out, err = impor(capsys, data, k.lembar_opd_xlsx(kiriman))
    assert kode == 0, err
    assert k.LEMBAR_DATA_OPD in out
    lap = laporan(data)
    assert lap["responden"] == 6
    assert lap["jawaban"] == k.JAWABAN_OPD


def test_dua_lembar_tampak_berisi_tabel_jawaban_tidak_ditebak(capsys, data, kiriman) -> None:
    wb = openpyxl.Workbook()
    for nama in ("Semester I", "Semester II"):
        ws = wb.create_sheet(nama)
        ws.append(["Tanggal", *[f"U{i}" for i in range(1, 10)]])
        ws.append(["2025-03-01", *[3] * 9])
    del wb["Sheet"]
    wb.save(kiriman / "dua semester.xlsx")
    sebelum = sidik(data)
    kode, _, err = impor(capsys, data, kiriman / "dua semester.xlsx")
    assert kode == 1 and "'Semester I' dan 'Semester II'" in err and "--lembar" in err
    _pasti_tidak_ditulis(data, sebelum)
    kode, _, err = impor(capsys, data, kiriman / "dua semester.xlsx", "--lembar", "Semester I")
    assert kode == 0, err
    assert laporan(data)["responden"] == 1


def test_lembar_opd_tanggal_lahir_bukan_tanggal_survei(capsys, data, kiriman) -> None:
    assert impor(capsys, data, k.lembar_opd_xlsx(kiriman))[0] == 0
    lap = laporan(data)
    assert lap["tanggal_survei"] == k.TANGGAL_OPD
    assert {g: lap["profil"].get(g) for g in k.PROFIL_OPD} == k.PROFIL_OPD
    assert "usia" not in lap["profil"]


def test_kolom_tanggal_berisi_tanggal_lahir_tidak_dipakai_sebagai_tanggal_survei(
        capsys, data, kiriman) -> None:
    sebelum = sidik(data)
    kode, _, err = impor(capsys, data, k.tanggal_lahir(kiriman))
    assert kode == 1
    assert "lahir" in err and "--tanpa-tanggal" in err
    _pasti_tidak_ditulis(data, sebelum)


def test_baris_tanpa_tanggal_diterima_dengan_konfirmasi_yang_dicatat(capsys, data,
                                                                    kiriman) -> None:
    kode, _, err = impor(capsys, data, k.tanggal_lahir(kiriman), "--tanpa-tanggal")
    assert kode == 0, err
    lap = laporan(data)
    assert lap["jawaban"] == k.JAWABAN_LAHIR
    assert lap["impor"]["tanpa_tanggal"] == 3
    assert "tanggal_survei" not in lap


def test_rekap_jawaban_per_unsur_menjadi_hitungan(capsys, data, kiriman) -> None:
    kode, _out, err = impor(capsys, data, k.rekap_xlsx(kiriman), "--tanpa-tanggal")
    assert kode == 0, err
    lap = laporan(data)
    assert lap["jawaban"] == k.JAWABAN_REKAP
    assert lap["responden"] == k.RESPONDEN_REKAP


def test_rekap_tanpa_konfirmasi_periode_ditolak(capsys, data, kiriman) -> None:
    sebelum = sidik(data)
    kode, _, err = impor(capsys, data, k.rekap_xlsx(kiriman))
    assert kode == 1 and "--tanpa-tanggal" in err
    _pasti_tidak_ditulis(data, sebelum)


def test_rekap_dengan_jumlah_yang_tidak_cocok_ditolak_menyebut_baris(capsys, data,
                                                                    kiriman) -> None:
    sebelum = sidik(data)
    kode, _, err = impor(capsys, data, k.rekap_xlsx(kiriman, jumlah_salah=True),
                         "--tanpa-tanggal")
    assert kode == 1
    assert "baris 7" in err and "JUMLAH" in err
    _pasti_tidak_ditulis(data, sebelum)


def test_templat_resmi_terisi(capsys, data, kiriman) -> None:
    assert skm(capsys, "templat", "--keluar", str(kiriman))[0] == 0
    kode, _, err = impor(capsys, data, k.isi_templat(kiriman / "templat-skm.xlsx"))
    assert kode == 0, err
    lap = laporan(data)
    assert lap["jawaban"] == k.JAWABAN_TEMPLAT
    assert lap["profil"] == k.PROFIL_TEMPLAT
    assert "layanan" not in lap  # 3 respondents of "Izin Usaha": below the minimum of 5


# --- refusing what would silently change results --------------------------------------------


@pytest.mark.parametrize(("buat", "skala"), [(k.skala_lima, "1–5"), (k.skala_lima_penuh, "1–5"),
                                            (k.skala_sepuluh, "1–10")])
def test_skala_selain_1_4_dikenali_dan_ditolak(capsys, data, kiriman, buat, skala) -> None:
    sebelum = sidik(data)
    kode, _, err = impor(capsys, data, buat(kiriman))
    assert kode == 1
    assert f"skala {skala}" in err and buat(kiriman).name in err
    _pasti_tidak_ditulis(data, sebelum)


def test_skala_lima_menyebut_baris_dan_kolom_nilai_5(capsys, data, kiriman) -> None:
    _, _, err = impor(capsys, data, k.skala_lima(kiriman))
    assert "baris 3" in err and "baris 5" in err


def test_tanpa_menyatakan_unsur_tidak_berlaku_dan_menuliskannya(capsys, data, kiriman) -> None:
    kode, out, err = impor(capsys, data, k.tanpa_u4(kiriman), "--tanpa", "u4")
    assert kode == 0, err
    lap = laporan(data)
    assert lap["unsur_tidak_berlaku"] == ["u4"]
    assert lap["jawaban"] == k.JAWABAN_TANPA_U4
    assert "unsur_tidak_berlaku" in out


def test_unsur_yang_tidak_ditanyakan_tanpa_pernyataan_ditolak(capsys, data, kiriman) -> None:
    kode, _, err = impor(capsys, data, k.tanpa_u4(kiriman))
    assert kode == 1 and "u4" in err and "--tanpa u4" in err


def test_tanpa_tidak_menyembunyikan_kolom_yang_berisi_jawaban(capsys, data, kiriman) -> None:
    sebelum = sidik(data)
    kode, _, err = impor(capsys, data, k.formulir_indonesia_csv(kiriman), "--tanpa", "u3")
    assert kode == 1 and "u3" in err and "berisi" in err
    _pasti_tidak_ditulis(data, sebelum)


def test_ganda_dilaporkan_dengan_barisnya_dan_ditolak(capsys, data, kiriman) -> None:
    sebelum = sidik(data)
    kode, _, err = impor(capsys, data, k.ganda(kiriman))
    assert kode == 1
    assert "baris 4" in err and "baris 3" in err  # near duplicate, 20 seconds apart
    assert "baris 5" in err and "baris 2" in err  # exact copy
    assert "--buang-ganda" in err
    _pasti_tidak_ditulis(data, sebelum)


def test_ganda_dibuang_hanya_dengan_buang_ganda(capsys, data, kiriman) -> None:
    kode, _, err = impor(capsys, data, k.ganda(kiriman), "--buang-ganda")
    assert kode == 0, err
    lap = laporan(data)
    assert lap["responden"] == 2
    assert lap["jawaban"] == k.JAWABAN_TANPA_GANDA


def test_berkas_yang_sama_untuk_dua_unit_ditolak(capsys, data, kiriman) -> None:
    tulis(data, "opd.yaml", (data / "opd.yaml").read_text("utf-8")
          + "- id: dinkes\n  nama: Dinas Kesehatan\n  jenis: dinas\n")
    berkas = k.formulir_indonesia_csv(kiriman)
    assert impor(capsys, data, berkas)[0] == 0
    sebelum = sidik(data)
    kode, _, err = impor(capsys, data, berkas, opd="dinkes")
    assert kode == 1 and UNIT in err
    assert sidik(data) == sebelum


def test_check_menangkap_laporan_dua_unit_dari_berkas_yang_sama(capsys, data, kiriman) -> None:
    tulis(data, "opd.yaml", (data / "opd.yaml").read_text("utf-8")
          + "- id: dinkes\n  nama: Dinas Kesehatan\n  jenis: dinas\n")
    assert impor(capsys, data, k.formulir_indonesia_csv(kiriman))[0] == 0
    tulis(data, "survei/2025-s1/dinkes.yaml", (data / LAPORAN).read_text("utf-8"))
    kode, _, err = skm(capsys, "check", "--data", str(data))
    assert kode == 1 and "dinkes.yaml" in err and UNIT in err


def test_laporan_yang_sudah_berisi_hitungan_tidak_ditimpa_tanpa_force(capsys, data,
                                                                      kiriman) -> None:
    assert impor(capsys, data, k.formulir_indonesia_csv(kiriman))[0] == 0
    sebelum = sidik(data)
    kode, _, err = impor(capsys, data, k.lembar_opd_xlsx(kiriman))
    assert kode == 2 and "--force" in err
    assert sidik(data) == sebelum
    assert impor(capsys, data, k.lembar_opd_xlsx(kiriman), "--force")[0] == 0
    assert laporan(data)["jawaban"] == k.JAWABAN_OPD


def test_impor_atas_csv_responden_lama_menggantikannya(capsys, data, kiriman) -> None:
    kode, _, err = impor(capsys, data, k.formulir_indonesia_csv(kiriman), "--force",
                         opd="dukcapil")
    assert kode == 0, err
    assert not (data / "survei/2025-s1/dukcapil.csv").exists()
    assert laporan(data, "dukcapil")["jawaban"] == k.JAWABAN_LIMA
    assert skm(capsys, "check", "--data", str(data))[0] == 0


def test_batal_impor_mengembalikan_keadaan_sebelumnya(capsys, data, kiriman) -> None:
    sebelum = sidik(data)
    assert impor(capsys, data, k.formulir_indonesia_csv(kiriman), "--force",
                 opd="dukcapil")[0] == 0
    kode, _out, err = skm(capsys, "batal-impor", "--opd", "dukcapil", "--periode", "2025-s1",
                         "--data", str(data))
    assert kode == 0, err
    assert sidik(data) == sebelum


def test_batal_impor_tanpa_impor_sebelumnya_ditolak(capsys, data) -> None:
    kode, _, err = skm(capsys, "batal-impor", "--opd", UNIT, "--periode", "2025-s1",
                       "--data", str(data))
    assert kode == 1 and "tidak ada" in err


# --- respondent CSVs already in data/ -------------------------------------------------------


def test_check_memperingatkan_csv_responden_bersifat_publik(capsys, data) -> None:
    kode, _, err = skm(capsys, "check", "--data", str(data))
    assert kode == 0
    assert "dukcapil.csv" in err and "publik" in err


def test_check_menolak_kolom_saran_di_csv_responden(capsys, data) -> None:
    berkas = data / "survei/2025-s1/dukcapil.csv"
    baris = berkas.read_text("utf-8").splitlines()
    tulis(data, "survei/2025-s1/dukcapil.csv",
          "\n".join([baris[0] + ",saran"] + [b + ",bagus" for b in baris[1:]]) + "\n")
    kode, _, err = skm(capsys, "check", "--data", str(data))
    assert kode == 1 and "saran" in err and "kiriman" in err


# --- the unit report's new keys -------------------------------------------------------------


def _laporan_agregat(data: Path, tambahan: str) -> None:
    jawaban = "".join(f"  {u}: [0, 0, 1, 1]\n" for u in k.UNSUR)
    tulis(data, LAPORAN, f"responden: 2\njawaban:\n{jawaban}{tambahan}")


def test_profil_tanggal_dan_ringkasan_masukan_yang_sah_diterima(capsys, data) -> None:
    _laporan_agregat(data, "profil:\n  jenis_kelamin: {L: 1, P: 1}\n  usia: {\"20–29\": 2}\n"
                     "tanggal_survei: {mulai: 2025-02-01, selesai: 2025-03-01}\n"
                     "ringkasan_masukan: Warga meminta ruang tunggu yang lebih sejuk.\n")
    kode, _, err = skm(capsys, "check", "--data", str(data))
    assert kode == 0, err


@pytest.mark.parametrize(("tambahan", "kata"), [
    ("profil:\n  jenis_kelamin: {L: 1, X: 1}\n", "X"),
    ("profil:\n  usia: {\"34\": 2}\n", "34"),
    ("profil:\n  jenis_kelamin: {L: 3, P: 1}\n", "responden"),
    ("tanggal_survei: {mulai: 2025-02-01, selesai: 2025-08-01}\n", "periode"),
    ("tanggal_survei: {mulai: 2025-03-01, selesai: 2025-02-01}\n", "mulai"),
    ("ringkasan_masukan: Hubungi Pak Budi di 081234567890\n", "data pribadi"),
    ("jawapan: {}\n", "jawaban"),
])
def test_kunci_baru_laporan_unit_diperiksa(capsys, data, tambahan, kata) -> None:
    _laporan_agregat(data, tambahan)
    kode, _, err = skm(capsys, "check", "--data", str(data))
    assert kode == 1 and kata in err and f"{UNIT}.yaml:" in err


# --- anywhere in the project, in Indonesian -------------------------------------------------


def test_impor_dari_subfolder_kiriman_menemukan_data(capsys, data, kiriman,
                                                     monkeypatch) -> None:
    berkas = k.formulir_indonesia_csv(kiriman)
    monkeypatch.chdir(kiriman)
    kode, _, err = skm(capsys, "import", berkas.name, "--opd", UNIT, "--periode", "2025-s1")
    assert kode == 0, err
    assert laporan(data)["jawaban"] == k.JAWABAN_LIMA


@pytest.mark.parametrize("sub", ["data", "data/survei/2025-s1"])
def test_check_dari_subfolder_data(capsys, data, monkeypatch, sub) -> None:
    monkeypatch.chdir(data.parent / sub)
    kode, _out, err = skm(capsys, "check")
    assert kode == 0, err


def test_di_luar_proyek_pesan_menjelaskan(capsys, tmp_path, monkeypatch) -> None:
    luar = tmp_path / "bukan-proyek"
    luar.mkdir()
    monkeypatch.chdir(luar)
    kode, _, err = skm(capsys, "check")
    assert kode in (1, 2) and "data" in err and "kabupaten.yaml" in err


def test_alias_impor(capsys, data, kiriman) -> None:
    kode, _, err = skm(capsys, "impor", str(k.formulir_indonesia_csv(kiriman)), "--opd", UNIT,
                       "--periode", "2025-s1", "--data", str(data))
    assert kode == 0, err


@pytest.mark.parametrize("argv", [["import"], ["cek"], ["import", "x.csv", "--opd"],
                                  ["check", "--format", "xml"], ["results", "--apa"]])
def test_kesalahan_pemakaian_dalam_bahasa_indonesia(capsys, argv) -> None:
    kode, _out, err = skm(capsys, *argv)
    assert kode == 2
    for inggris in ("usage:", "error:", "the following arguments", "invalid choice",
                    "expected one argument", "unrecognized arguments"):
        assert inggris not in err
    assert "penggunaan:" in err


def test_bantuan_dalam_bahasa_indonesia(capsys) -> None:
    kode, out, _ = skm(capsys, "import", "--help")
    assert kode == 0
    assert "penggunaan:" in out and "usage:" not in out
    assert "show this help message" not in out


def test_galat_sintaks_yaml_diterjemahkan_pada_baris_yang_benar(capsys, data) -> None:
    tulis(data, "kabupaten.yaml", "nama: Kabupaten Uji\npenyusun Bagian Organisasi\n"
          "data_contoh: true\n")
    kode, _, err = skm(capsys, "check", "--data", str(data))
    assert kode == 1
    assert "kabupaten.yaml:2" in err and "could not find" not in err and ":" in err
    assert "titik dua" in err


# --- skm mulai ------------------------------------------------------------------------------


def test_mulai_mengubah_contoh_menjadi_proyek_kabupaten(capsys, data, tmp_path) -> None:
    daftar = tmp_path / "unit.xlsx"
    wb = openpyxl.Workbook()
    wb.active.append(["Nama unit", "Jenis"])
    wb.active.append(["Dinas Kependudukan dan Pencatatan Sipil", "dinas"])
    wb.active.append(["Kecamatan Sukamaju", "kecamatan"])
    wb.save(daftar)
    kode, out, err = skm(capsys, "mulai", "--data", str(data), "--nama", "Kabupaten Sukamaju",
                         "--penyusun", "Bagian Organisasi Setda Kabupaten Sukamaju",
                         "--alamat", "Jl. Pemuda No. 1", "--telepon", "0271-123456",
                         "--email", "ortala@sukamajukab.go.id", "--unit", str(daftar))
    assert kode == 0, err
    kab = yaml.safe_load((data / "kabupaten.yaml").read_text("utf-8"))
    assert kab["nama"] == "Kabupaten Sukamaju" and kab["data_contoh"] is False
    opd = yaml.safe_load((data / "opd.yaml").read_text("utf-8"))
    assert [o["nama"] for o in opd] == ["Dinas Kependudukan dan Pencatatan Sipil",
                                        "Kecamatan Sukamaju"]
    assert [o["jenis"] for o in opd] == ["dinas", "kecamatan"]
    assert not [b for b in (data / "survei").rglob("*") if b.is_file()]
    assert out.count("skm ") >= 3
    assert skm(capsys, "check", "--data", str(data))[0] == 0


def test_mulai_tanpa_daftar_unit_dan_bukan_terminal_adalah_salah_pakai(capsys, data,
                                                                      monkeypatch) -> None:
    monkeypatch.setattr("sys.stdin", open(os.devnull))  # noqa: SIM115 - not a terminal
    sebelum = sidik(data)
    kode, _, err = skm(capsys, "mulai", "--data", str(data), "--nama", "Kabupaten X")
    assert kode == 2 and "--unit" in err
    assert sidik(data) == sebelum


def test_mulai_dengan_nama_unit_yang_diketik_menebak_jenisnya(capsys, data) -> None:
    kode, out, err = skm(capsys, "mulai", "--data", str(data), "--nama", "Kota Contoh",
                         "--penyusun", "Bagian Organisasi", "--unit-nama", "Dinas Kesehatan",
                         "--unit-nama", "Puskesmas Jaten I", "--unit-nama", "RSUD Kota",
                         "--periode", "2026-s1")
    assert kode == 0, err
    opd = yaml.safe_load((data / "opd.yaml").read_text("utf-8"))
    assert [(o["id"], o["jenis"]) for o in opd] == [
        ("dinas-kesehatan", "dinas"), ("puskesmas-jaten-i", "puskesmas"), ("rsud-kota", "rsud")]
    assert [p["id"] for p in yaml.safe_load((data / "periode.yaml").read_text("utf-8"))] == [
        "2026-s1"]
    assert "skm import BERKAS --opd dinas-kesehatan --periode 2026-s1" in out


def test_mulai_menolak_proyek_yang_bukan_data_contoh(capsys, data) -> None:
    tulis(data, "kabupaten.yaml", (data / "kabupaten.yaml").read_text("utf-8")
          .replace("data_contoh: true", "data_contoh: false"))
    sebelum = sidik(data)
    kode, _, err = skm(capsys, "mulai", "--data", str(data), "--nama", "X", "--penyusun", "Y",
                       "--unit-nama", "Dinas A")
    assert kode == 2 and "data_contoh: false" in err
    assert sidik(data) == sebelum
