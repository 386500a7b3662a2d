"""skm import: what OPDs really send becomes the canonical CSV, and nothing personal leaks.

Every fixture is built here: a Google Forms CSV and XLSX with the questionnaire's own
questions as headers, and an OPD's Excel sheet with title rows, a two-row header,
personal-data columns and a recap row.
"""

from __future__ import annotations

import csv
import io
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest
from conftest import tulis

from skm_build.aturan.ikm import PERTANYAAN, UNSUR_MENURUT_KODE
from skm_build.cli import main
from skm_build.kontrak.muat import periksa
from skm_build.staf import kenali

TUJUAN = "survei/2025-s1/kecamatan-jaten.csv"  # the older row-level form in data/


def baris_kiriman(data: Path) -> Path:
    """The canonical rows an import keeps outside git (data/ gets only the counts)."""
    return data.parent / "kiriman" / "2025-s1" / "kecamatan-jaten.csv"
NAMA = ("Budi Santoso", "Siti Aminah", "Joko Widodo", "Rina Marlina")
TELEPON = ("081234567890", "0857-1111-2222", "+62 812 3333 4444")
NIK = "3313011234567890"
EMAIL = "budi.santoso@contoh.id"


def impor(data: Path, berkas: Path, *lain: str) -> int:
    return main(["import", str(berkas), "--opd", "kecamatan-jaten", "--periode", "2025-s1",
                 "--data", str(data), *lain])


def _csv(baris: list[list[object]]) -> str:
    keluar = io.StringIO()
    csv.writer(keluar, lineterminator="\r\n").writerows(baris)
    return keluar.getvalue()


JUDUL_FORMULIR = ["Stempel waktu", "Nama Lengkap", "No. HP/WA", "Jenis Kelamin", "Umur",
                  "Pendidikan Terakhir", "Pekerjaan", "Jenis layanan yang diterima",
                  *PERTANYAAN.values(), "Saran dan masukan"]
BARIS_FORMULIR = [
    # labels of each unsur (note "Sesuai" in u1 and u5, "Cukup" only in u8)
    ["15/03/2025 10:22:01", NAMA[0], TELEPON[0], "Laki-laki", "34", "SLTA", "Wiraswasta",
     "KTP-el", "Sangat sesuai", "Mudah", "Cepat", "Gratis", "Sesuai", "Kompeten",
     "Sopan dan ramah", "Cukup", "Dikelola dengan baik",
     f"Bagus, hubungi saya {TELEPON[1]} atau {EMAIL}"],
    # letters a–d, "a. Tidak sesuai", numbers; odd spacing and case
    ["16/03/2025 08:00:00", NAMA[1], TELEPON[2], "Perempuan", "27 tahun", "D4", "PNS/ASN",
     "Akta Kelahiran", "a", "B", "c", "d", "a. Tidak sesuai", "4", " 3 ", "2",
     "  ada TETAPI tidak berfungsi ", ""],
    # an answer that is no label of u3: the row is left out
    ["17/03/2025 09:00:00", NAMA[2], "", "Perempuan", "45", "S1", "Petani", "KK",
     "Sesuai", "Mudah", "Lumayan", "Murah", "Sesuai", "Kompeten", "Sopan dan ramah", "Baik",
     "Dikelola dengan baik", ""],
    # dated outside the period (the form stayed open): left out
    ["02/07/2025 09:00:00", NAMA[3], "", "Perempuan", "45", "S1", "Swasta", "KK",
     "Sesuai", "Mudah", "Cepat", "Murah", "Sesuai", "Kompeten", "Sopan dan ramah", "Baik",
     "Dikelola dengan baik", ""],
    # a blank answer stays blank; an unknown education is left blank and noted
    ["18/03/2025 11:00:00", "X", "", "P", "61", "Tidak sekolah", "TNI/POLRI", "KTP-el",
     "4", "", "3", "4", "4", "4", "4", "4", "4", f"NIK saya {NIK}"],
]
CSV_BAKU = (
    "tanggal,jenis_kelamin,usia,pendidikan,pekerjaan,layanan,u1,u2,u3,u4,u5,u6,u7,u8,u9,saran\n"
    "2025-03-15,L,34,SMA,Wirausaha,KTP-el,4,3,3,4,3,3,3,2,4,"
    "\"Bagus, hubungi saya [data pribadi dihapus] atau [data pribadi dihapus]\"\n"
    "2025-03-16,P,27,S1,PNS,Akta Kelahiran,1,2,3,4,1,4,3,2,2,\n"
    "2025-03-18,P,61,,,KTP-el,4,,3,4,4,4,4,4,4,NIK saya [data pribadi dihapus]\n"
)


def _tanpa_data_pribadi(teks: str) -> None:
    for rahasia in (*NAMA, *TELEPON, NIK, EMAIL, "Jl. Mawar", "Nama", "HP"):
        assert rahasia not in teks


def test_ekspor_google_formulir_csv_menjadi_csv_baku(data: Path, tmp_path: Path,
                                                      capsys: pytest.CaptureFixture) -> None:
    sumber = tmp_path / "formulir.csv"
    sumber.write_text(_csv([JUDUL_FORMULIR, *BARIS_FORMULIR]), encoding="utf-8")

    assert impor(data, sumber) == 0

    keluaran = baris_kiriman(data).read_bytes()
    assert keluaran == CSV_BAKU.encode()
    _tanpa_data_pribadi(keluaran.decode())
    out = capsys.readouterr().out
    assert "5 baris data dibaca, 3 dihitung, 2 dilewati" in out
    assert "\"Nama Lengkap\"" in out and "\"No. HP/WA\"" in out  # dropped columns are named
    assert "DIBUANG" in out
    assert "baris 4: u3: 'Lumayan' bukan jawaban Waktu Penyelesaian" in out
    assert "baris 5: tanggal 2025-07-02 di luar periode Semester I 2025" in out
    assert "baris 6: pendidikan 'Tidak sekolah' tidak dikenal" in out
    assert "kolom 9" in out and "→ u1 Persyaratan" in out
    assert "sah." in out
    assert periksa(data).sah


def test_ekspor_google_formulir_xlsx(data: Path, tmp_path: Path,
                                     capsys: pytest.CaptureFixture) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Form Responses 1"
    ws.append(["Timestamp", "Email Address", *JUDUL_FORMULIR[3:]])
    for baris in BARIS_FORMULIR:
        hari, bulan, tahun = (int(x) for x in baris[0][:10].split("/"))
        ws.append([datetime(tahun, bulan, hari, 10, 22), EMAIL, *baris[3:]])
    ws.cell(row=3, column=4).value = 27  # Excel keeps numbers as numbers
    ws.cell(row=3, column=8).value = 1.0
    sumber = tmp_path / "formulir.xlsx"
    wb.save(sumber)

    assert impor(data, sumber) == 0

    keluaran = baris_kiriman(data).read_text(encoding="utf-8")
    assert keluaran == CSV_BAKU
    _tanpa_data_pribadi(keluaran)
    out = capsys.readouterr().out
    assert "lembar \"Form Responses 1\"" in out
    assert "kolom B   \"Email Address\"" in out
    assert "baris 4: u3: 'Lumayan'" in out  # Excel row numbers


def _lembar_opd(berkas: Path) -> None:
    """An OPD's own sheet: title rows, NO/NAMA merged over a two-row header, a recap row."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Rekap SKM"
    ws.append(["DATA SURVEI KEPUASAN MASYARAKAT KECAMATAN JATEN"])
    ws.append(["SEMESTER I 2025"])
    ws.append(["NO", "Nama Responden", "No HP", "Alamat", "NIK", "L/P", "Umur", "Pendidikan",
               "Pekerjaan", "Unsur Pelayanan", None, None, None, None, None, None, None, None,
               "Keterangan", "Petugas"])
    ws.append([None] * 9 + ["U1", "U2", "U3", "U4", "U5", "U6", "U7", "U8", "U9"])
    ws.append([1, NAMA[0], TELEPON[0], "Jl. Mawar 1", NIK, "L", 40, "SMA/SMK", "Karyawan Swasta",
               3, 3, 3, 4, 3, 3, 3, 3, 3, "lengkap", "Andi"])
    ws.append([2, NAMA[1], TELEPON[1], "Jl. Mawar 2", "3313019999999999", "P", 30.0, "D III",
               "PNS", 4, 4, 4, 4, 4, 4, 4, 4, "Memuaskan", "", "Andi"])
    ws.append([3, NAMA[2], TELEPON[2], "Jl. Mawar 3", "3313018888888888", "P", "20-29", "S-1",
               "Pelajar/Mahasiswa", 2, 3, 3, 4, 3, 2, 3, 3, 3])
    ws.append([])
    ws.append(["JUMLAH", None, None, None, None, None, None, None, None,
               9, 10, 10, 12, 10, 9, 10, 10, 11])
    ws.append(["NRR", None, None, None, None, None, None, None, None, 3, 3.33, 3.33, 4])
    wb.save(berkas)


def test_lembar_excel_opd_dengan_data_pribadi_dan_baris_rekap(
        data: Path, tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    sumber = tmp_path / "jaten.xlsx"
    _lembar_opd(sumber)

    assert impor(data, sumber, "--tanpa-tanggal") == 0  # the sheet has no survey dates

    keluaran = baris_kiriman(data).read_text(encoding="utf-8")
    assert keluaran == (
        "jenis_kelamin,usia,pendidikan,pekerjaan,u1,u2,u3,u4,u5,u6,u7,u8,u9\n"
        "L,40,SMA,Swasta,3,3,3,4,3,3,3,3,3\n"
        "P,,S1,Lainnya,2,3,3,4,3,2,3,3,3\n")
    _tanpa_data_pribadi(keluaran)
    assert "3313019999999999" not in keluaran and "Andi" not in keluaran
    out = capsys.readouterr().out
    assert "baris judul 4" in out
    for judul in ("Nama Responden", "No HP", "Alamat", "NIK"):
        assert f"\"{judul}\"" in out.split("DIBUANG")[1].split("\n\n")[0]
    assert "\"NO\": nomor urut" in out
    assert "\"Keterangan\": tidak dikenal" in out
    assert "baris 6: u9: 'Memuaskan' bukan jawaban" in out
    assert "baris 9, 10: baris rekapitulasi" in out
    assert "baris 7: usia '20-29' bukan bilangan bulat" in out
    assert "baris 7: pekerjaan 'Pelajar/Mahasiswa' dicatat sebagai Lainnya" in out


def test_tidak_menimpa_tanpa_force(data: Path, tmp_path: Path,
                                   capsys: pytest.CaptureFixture) -> None:
    sumber = tmp_path / "formulir.csv"
    sumber.write_text(_csv([JUDUL_FORMULIR, *BARIS_FORMULIR]), encoding="utf-8")
    lama = tulis(data, TUJUAN, "u1,u2,u3,u4,u5,u6,u7,u8,u9\n4,4,4,4,4,4,4,4,4\n").read_bytes()

    assert impor(data, sumber) == 2
    assert "tidak ditimpa" in capsys.readouterr().err
    assert (data / TUJUAN).read_bytes() == lama

    assert impor(data, sumber, "--force") == 0
    assert not (data / TUJUAN).exists()  # replaced by the counts
    assert baris_kiriman(data).read_bytes() == CSV_BAKU.encode()
    assert "menimpa berkas lama" in capsys.readouterr().out


def test_unsur_yang_tidak_ada_menolak_berkas_kecuali_tanpa(
        data: Path, tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    judul = [j for j in JUDUL_FORMULIR if j != PERTANYAAN["u4"]]
    i = JUDUL_FORMULIR.index(PERTANYAAN["u4"])
    baris = [b[:i] + b[i + 1:] for b in BARIS_FORMULIR]
    sumber = tmp_path / "tanpa-biaya.csv"
    sumber.write_text(_csv([judul, *baris]), encoding="utf-8")

    assert impor(data, sumber) == 1
    err = capsys.readouterr().err
    assert "tidak ada yang ditulis" in err and "kolom untuk u4 (Biaya/Tarif) tidak ditemukan" in err
    assert not (data / TUJUAN).exists()

    assert impor(data, sumber, "--tanpa", "u4") == 0
    baris_keluar = baris_kiriman(data).read_text(encoding="utf-8").splitlines()
    assert baris_keluar[1] == ("2025-03-15,L,34,SMA,Wirausaha,KTP-el,4,3,3,,3,3,3,2,4,"
                               "\"Bagus, hubungi saya [data pribadi dihapus] atau "
                               "[data pribadi dihapus]\"")


def test_berkas_tanpa_baris_judul_ditolak(data: Path, tmp_path: Path,
                                          capsys: pytest.CaptureFixture) -> None:
    sumber = tmp_path / "acak.csv"
    sumber.write_text("a;b;c\n1;2;3\n", encoding="utf-8")
    assert impor(data, sumber) == 1
    assert "tidak menemukan baris judul" in capsys.readouterr().err
    assert not (data / TUJUAN).exists()


def test_opd_atau_periode_tidak_dikenal_salah_pakai(data: Path, tmp_path: Path,
                                                    capsys: pytest.CaptureFixture) -> None:
    sumber = tmp_path / "f.csv"
    sumber.write_text(_csv([JUDUL_FORMULIR, *BARIS_FORMULIR]), encoding="utf-8")
    assert main(["import", str(sumber), "--opd", "dinas-x", "--periode", "2025-s1",
                 "--data", str(data)]) == 2
    assert "unit 'dinas-x' tidak ada di opd.yaml" in capsys.readouterr().err
    assert main(["import", str(sumber), "--opd", "dukcapil", "--periode", "2030-s1",
                 "--data", str(data)]) == 2
    assert "periode '2030-s1' tidak ada" in capsys.readouterr().err


def test_csv_titik_koma_windows_1252_dan_tanggal_bulan_dulu(data: Path, tmp_path: Path) -> None:
    """Excel on Windows: ';', cp1252 bytes; an English-locale export writes month first."""
    judul = ["Timestamp", *[f"U{i}" for i in range(1, 10)], "Saran"]
    baris = [["3/15/2025 10:00", *"434433434", "Pelayanan cukup baik – terima kasih"],
             ["4/2/2025 10:00", *"333333333", ""]]
    sumber = tmp_path / "excel.csv"
    teks = "\r\n".join(";".join(b) for b in [judul, *baris]) + "\r\n"
    sumber.write_bytes(teks.encode("cp1252"))

    assert impor(data, sumber) == 0
    assert baris_kiriman(data).read_text(encoding="utf-8") == (
        "tanggal,u1,u2,u3,u4,u5,u6,u7,u8,u9,saran\n"
        "2025-03-15,4,3,4,4,3,3,4,3,4,Pelayanan cukup baik – terima kasih\n"
        "2025-04-02,3,3,3,3,3,3,3,3,3,\n")


def test_templat_excel_yang_diisi_terimpor(data: Path, tmp_path: Path) -> None:
    from skm_build.terbit.templat_opd import templat_xlsx

    sumber = tmp_path / "templat-diisi.xlsx"
    sumber.write_bytes(templat_xlsx())
    wb = openpyxl.load_workbook(sumber)
    wb["Data"].append([datetime(2025, 5, 2), "P", 33, "S1", "Swasta", "Poli Umum",
                       4, 3, 3, 4, 3, 3, 4, 3, 3, "Antrean lama"])
    wb.save(sumber)

    assert impor(data, sumber) == 0
    assert baris_kiriman(data).read_text(encoding="utf-8") == (
        "tanggal,jenis_kelamin,usia,pendidikan,pekerjaan,layanan,u1,u2,u3,u4,u5,u6,u7,u8,u9,"
        "saran\n2025-05-02,P,33,S1,Swasta,Poli Umum,4,3,3,4,3,3,4,3,3,Antrean lama\n")


# --- recognition rules ---------------------------------------------------------------


@pytest.mark.parametrize(("judul", "tujuan"), [
    *((q, k) for k, q in PERTANYAAN.items()),
    ("U1", "u1"), ("Unsur 2", "u2"), ("u9", "u9"), ("Persyaratan", "u1"),
    ("Sistem, Mekanisme, dan Prosedur", "u2"), ("Waktu Penyelesaian", "u3"),
    ("Biaya/Tarif", "u4"), ("Produk Spesifikasi Jenis Pelayanan", "u5"),
    ("Kompetensi Pelaksana", "u6"), ("Perilaku Pelaksana", "u7"),
    ("Sarana dan Prasarana", "u8"), ("Penanganan Pengaduan, Saran dan Masukan", "u9"),
    ("Saran", "saran"), ("Kritik dan saran", "saran"), ("Stempel waktu", "tanggal"),
    ("Timestamp", "tanggal"), ("L/P", "jenis_kelamin"), ("Umur", "usia"),
    ("Jenis Layanan", "layanan"), ("jenis_kelamin", "jenis_kelamin"),
    ("Nama", None), ("No HP", None), ("NIK", None), ("Alamat", None), ("Email Address", None),
    ("NO", None), ("Keterangan", None),
])
def test_judul_dikenali_dari_katanya(judul: str, tujuan: str | None) -> None:
    assert kenali.kenali_judul(judul).tujuan == tujuan


def test_judul_yang_menyebut_dua_unsur_tidak_ditebak() -> None:
    j = kenali.kenali_judul("Kecepatan dan kemudahan prosedur")
    assert j.tujuan is None and "u2, u3" in j.alasan


def test_nomor_judul_kalah_oleh_isinya() -> None:
    """Apps disagree on U8/U9: the words decide, and the report says so."""
    j = kenali.kenali_judul("U8 Penanganan pengaduan")
    assert j.tujuan == "u9" and "nomor 8" in j.alasan


@pytest.mark.parametrize(("nilai", "kode", "hasil"), [
    ("Sesuai", "u1", 3), ("Sesuai", "u5", 3), ("Sesuai", "u8", None),
    ("Cukup", "u8", 2), ("Cukup", "u1", None), ("sangat  BAIK", "u8", 4),
    ("Gratis", "u4", 4), ("d", "u4", 4), ("(b) Kurang mudah", "u2", 2),
    ("4 - Sangat cepat", "u3", 4), ("Baik (3)", "u8", 3), (2.0, "u6", 2),
    ("a. Sangat sesuai", "u1", None), (0, "u1", None), ("3,5", "u1", None),
])
def test_jawaban_hanya_dari_label_unsurnya_sendiri(nilai: object, kode: str,
                                                   hasil: int | None) -> None:
    n, salah = kenali.jawaban(nilai, UNSUR_MENURUT_KODE[kode])
    assert n == hasil
    assert (salah is None) == (hasil is not None)


def test_urutan_tanggal_diputuskan_per_kolom() -> None:
    awal, akhir = date(2025, 7, 1), date(2025, 12, 31)
    assert kenali.urutan_tanggal(["15/07/2025", "01/08/2025"], awal, akhir) == kenali.HARI_BULAN
    assert kenali.urutan_tanggal(["7/15/2025", "8/1/2025"], awal, akhir) == kenali.BULAN_HARI
    # every value reads both ways: the period decides (8 Jan is outside, 1 Aug inside)
    assert kenali.urutan_tanggal(["8/1/2025", "9/2/2025"], awal, akhir) == kenali.BULAN_HARI


def test_diterima_dicatat_di_laporan_unit(data: Path, tmp_path: Path,
                                          capsys: pytest.CaptureFixture) -> None:
    sumber = tmp_path / "formulir.csv"
    sumber.write_text(_csv([JUDUL_FORMULIR, *BARIS_FORMULIR]), encoding="utf-8")
    laporan = data / "survei/2025-s1/kecamatan-jaten.yaml"

    assert impor(data, sumber, "--diterima", "2025-07-21") == 0
    assert laporan.read_text().endswith("\nditerima: 2025-07-21\n")  # after the counts
    assert "ditambah diterima: 2025-07-21" in capsys.readouterr().out

    laporan.write_text("populasi: 500  # tanpa baris baru")
    assert impor(data, sumber, "--force", "--diterima", "2025-07-21") == 0
    assert laporan.read_text().startswith("populasi: 500  # tanpa baris baru\n")
    assert laporan.read_text().endswith("\nditerima: 2025-07-21\n")

    assert impor(data, sumber, "--force", "--diterima", "2025-07-25") == 0
    assert "TIDAK diubah: sudah tercatat diterima: 2025-07-21" in capsys.readouterr().out
    assert laporan.read_text().count("diterima") == 1
    assert periksa(data).data.survei[("2025-s1", "kecamatan-jaten")].diterima == date(2025, 7, 21)
