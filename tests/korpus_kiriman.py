"""A corpus of what OPDs really send, each with the tallies worked out by hand.

Every submission is built here, from literal cells typed as an office would type them:
Google Forms exports from an Indonesian and an English account (CSV and XLSX, answers as
labels or numbers), the official template, an OPD's own workbook (title rows, a merged
two-row header, numbering, total rows, a hidden example sheet, a birth-date column), a
recap sheet (counts per answer per unsur), wrong scales, duplicates and dateless rows.

The expected values below are NOT computed by code: they were counted by hand from the
rows (the comments show the count), so a bug in the importer cannot hide in the oracle.
Nothing here imports ``skm_build``: the corpus describes the files, not the program.
"""

from __future__ import annotations

import csv
import io
from datetime import date, datetime
from pathlib import Path

import openpyxl

# The regulation's sample questions, as a form built from the Lampiran words them.
PERTANYAAN = (
    "Bagaimana pendapat Saudara tentang kesesuaian persyaratan pelayanan dengan jenis "
    "pelayanannya?",
    "Bagaimana pemahaman Saudara tentang kemudahan prosedur pelayanan di unit ini?",
    "Bagaimana pendapat Saudara tentang kecepatan waktu dalam memberikan pelayanan?",
    "Bagaimana pendapat Saudara tentang kewajaran biaya/tarif dalam pelayanan?",
    "Bagaimana pendapat Saudara tentang kesesuaian produk pelayanan antara yang tercantum "
    "dalam standar pelayanan dengan hasil yang diberikan?",
    "Bagaimana pendapat Saudara tentang kompetensi/kemampuan petugas dalam pelayanan?",
    "Bagaimana pendapat Saudara perilaku petugas dalam pelayanan terkait kesopanan dan "
    "keramahan?",
    "Bagaimana pendapat Saudara tentang kualitas sarana dan prasarana?",
    "Bagaimana pendapat Saudara tentang penanganan pengaduan pengguna layanan?",
)
LABEL = (
    ("Tidak sesuai", "Kurang sesuai", "Sesuai", "Sangat sesuai"),
    ("Tidak mudah", "Kurang mudah", "Mudah", "Sangat mudah"),
    ("Tidak cepat", "Kurang cepat", "Cepat", "Sangat cepat"),
    ("Sangat mahal", "Cukup mahal", "Murah", "Gratis"),
    ("Tidak sesuai", "Kurang sesuai", "Sesuai", "Sangat sesuai"),
    ("Tidak kompeten", "Kurang kompeten", "Kompeten", "Sangat kompeten"),
    ("Tidak sopan dan ramah", "Kurang sopan dan ramah", "Sopan dan ramah",
     "Sangat sopan dan ramah"),
    ("Buruk", "Cukup", "Baik", "Sangat baik"),
    ("Tidak ada", "Ada tetapi tidak berfungsi", "Berfungsi kurang maksimal",
     "Dikelola dengan baik"),
)
UNSUR = tuple(f"u{i}" for i in range(1, 10))

# --- one set of five respondents, sent in three shapes ------------------------------------
# (when, e-mail, name, sex, age, education, job, service, answers u1..u9, suggestion)
RESPONDEN = (
    (datetime(2025, 3, 15, 10, 22, 1), "budi.santoso@contoh.id", "Budi Santoso", "Laki-laki",
     34, "SMA/SMK", "Wiraswasta", "KTP-el", (4, 3, 3, 4, 3, 3, 3, 2, 4),
     "Pelayanan cepat, terima kasih Pak Darto di loket 2"),
    (datetime(2025, 3, 16, 8, 0, 0), "siti.aminah@contoh.id", "Siti Aminah", "Perempuan",
     27, "S1", "PNS", "Akta Kelahiran", (3, 4, 2, 4, 3, 4, 4, 3, 3),
     "Saya Siti tinggal di Jl. Mawar RT 03/RW 05, antrean terlalu lama"),
    (datetime(2025, 3, 17, 9, 15, 30), "", "Joko Purnomo", "Laki-laki",
     19, "SMA", "Pelajar", "KTP-el", (1, 2, 1, 3, 2, 2, 2, 1, 1),
     ""),
    (datetime(2025, 4, 2, 13, 0, 0), "", "Rina Marlina", "Perempuan",
     61, "D3", "Swasta", "KTP-el", (4, 4, 4, 4, 4, 4, 4, 4, 4),
     "Mantap sekali pelayanannya"),
    (datetime(2025, 5, 20, 11, 45, 0), "", "Agus Salim", "Laki-laki",
     45, "S2", "TNI", "Akta Kelahiran", (3, 3, 3, 2, 3, 3, 3, 3, 3),
     "Tolong hubungi saya di 0812-3456-7890"),
)
# Counted by hand, per unsur: the answers of the five rows, then how many 1s, 2s, 3s, 4s.
JAWABAN_LIMA = {
    "u1": [1, 0, 2, 2],  # 4 3 1 4 3
    "u2": [0, 1, 2, 2],  # 3 4 2 4 3
    "u3": [1, 1, 2, 1],  # 3 2 1 4 3
    "u4": [0, 1, 1, 3],  # 4 4 3 4 2
    "u5": [0, 1, 3, 1],  # 3 3 2 4 3
    "u6": [0, 1, 2, 2],  # 3 4 2 4 3
    "u7": [0, 1, 2, 2],  # 3 4 2 4 3
    "u8": [1, 1, 2, 1],  # 2 3 1 4 3
    "u9": [1, 0, 2, 2],  # 4 3 1 4 3
}
LAYANAN_LIMA = [  # KTP-el: rows 1, 3, 4; Akta Kelahiran: rows 2, 5 (first seen first)
    {"nama": "KTP-el", "responden": 3, "jawaban": {
        "u1": [1, 0, 0, 2], "u2": [0, 1, 1, 1], "u3": [1, 0, 1, 1], "u4": [0, 0, 1, 2],
        "u5": [0, 1, 1, 1], "u6": [0, 1, 1, 1], "u7": [0, 1, 1, 1], "u8": [1, 1, 0, 1],
        "u9": [1, 0, 0, 2]}},
    {"nama": "Akta Kelahiran", "responden": 2, "jawaban": {
        "u1": [0, 0, 2, 0], "u2": [0, 0, 1, 1], "u3": [0, 1, 1, 0], "u4": [0, 1, 0, 1],
        "u5": [0, 0, 2, 0], "u6": [0, 0, 1, 1], "u7": [0, 0, 1, 1], "u8": [0, 0, 2, 0],
        "u9": [0, 0, 2, 0]}},
]
PROFIL_LIMA = {
    "jenis_kelamin": {"L": 3, "P": 2},
    "usia": {"< 20": 1, "20–29": 1, "30–39": 1, "40–49": 1, "≥ 60": 1},  # 19 27 34 45 61
    "pendidikan": {"SMA": 2, "D1-D3": 1, "S1": 1, "S2": 1},  # SMA/SMK, SMA, D3, S1, S2
    "pekerjaan": {"PNS": 1, "TNI": 1, "Swasta": 1, "Wirausaha": 1, "Lainnya": 1},
}
TANGGAL_LIMA = {"mulai": date(2025, 3, 15), "selesai": date(2025, 5, 20)}
# What must never reach data/: every cell of a personal or free-text column.
RAHASIA_LIMA = (*(t for r in RESPONDEN for t in (r[1], r[2], r[9]) if t),
                "Pak Darto", "Jl. Mawar", "0812-3456-7890", "Pelajar", "Wiraswasta", "SMA/SMK")

JUDUL_PROFIL = ("Jenis Kelamin", "Usia", "Pendidikan Terakhir", "Pekerjaan",
                "Jenis layanan yang diterima")


def _csv(baris: list[list[object]], pemisah: str = ",") -> bytes:
    keluar = io.StringIO()
    csv.writer(keluar, delimiter=pemisah, lineterminator="\r\n").writerows(baris)
    return keluar.getvalue().encode("utf-8")


def _baris_formulir(r: tuple, waktu: object, jawaban: list[object]) -> list[object]:
    return [waktu, r[1], r[2], r[3], r[4], r[5], r[6], r[7], *jawaban, r[9]]


def formulir_indonesia_csv(folder: Path) -> Path:
    """An Indonesian Google account: "Cap waktu", day-first, time with dots, labels."""
    judul = ["Cap waktu", "Alamat email", "Nama Lengkap", *JUDUL_PROFIL, *PERTANYAAN,
             "Saran dan masukan untuk unit layanan ini"]
    baris = [judul] + [
        _baris_formulir(r, r[0].strftime("%d/%m/%Y %H.%M.%S"),
                        [LABEL[i][n - 1] for i, n in enumerate(r[8])])
        for r in RESPONDEN]
    berkas = folder / "Survei Kepuasan (Jawaban) - Jawaban formulir 1.csv"
    berkas.write_bytes(_csv(baris))
    return berkas


def formulir_inggris_xlsx(folder: Path) -> Path:
    """An English Google account, downloaded as .xlsx: "Timestamp" cells are datetimes,
    answers numbers (a form whose options are 1–4), "Email Address" collected."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Form Responses 1"
    ws.append(["Timestamp", "Email Address", "Nama", *JUDUL_PROFIL, *PERTANYAAN,
               "Saran dan masukan"])
    for r in RESPONDEN:
        ws.append(_baris_formulir(r, r[0], list(r[8])))
    berkas = folder / "Survei Kepuasan (Responses).xlsx"
    wb.save(berkas)
    return berkas


def formulir_inggris_csv(folder: Path) -> Path:
    """An English Google account, .csv: month-first timestamps, answers "a. Label"."""
    judul = ["Timestamp", "Email Address", "Name", *JUDUL_PROFIL, *PERTANYAAN, "Saran"]
    baris = [judul] + [
        _baris_formulir(r, f"{r[0].month}/{r[0].day}/{r[0].year} {r[0]:%H:%M:%S}",
                        [f"{'abcd'[n - 1]}. {LABEL[i][n - 1]}" for i, n in enumerate(r[8])])
        for r in RESPONDEN]
    berkas = folder / "SKM (Responses) - Form Responses 1.csv"
    berkas.write_bytes(_csv(baris))
    return berkas


# --- an OPD's own workbook ------------------------------------------------------------------
# NO, TANGGAL SURVEI, TANGGAL LAHIR, L/P, PENDIDIKAN, PEKERJAAN, U1..U9
BARIS_OPD = (
    (1, date(2025, 2, 3), date(1985, 6, 12), "L", "SLTA", "Petani", (3, 3, 3, 3, 3, 3, 3, 3, 3)),
    (2, date(2025, 2, 3), date(1990, 1, 30), "P", "S1", "PNS", (4, 3, 3, 4, 3, 4, 4, 3, 2)),
    (3, date(2025, 2, 10), date(1978, 11, 2), "P", "SMP", "Wiraswasta",
     (3, 2, 2, 4, 3, 3, 3, 3, 3)),
    (4, date(2025, 3, 1), date(1960, 4, 17), "L", "SD", "Lainnya", (4, 4, 3, 4, 4, 4, 4, 4, 4)),
    (5, date(2025, 4, 22), date(2001, 9, 9), "L", "D3", "Swasta", (2, 3, 2, 4, 3, 3, 3, 2, 1)),
    (6, date(2025, 6, 30), date(1995, 12, 25), "P", "S1", "Swasta", (3, 3, 4, 4, 3, 4, 4, 3, 3)),
)
JAWABAN_OPD = {
    "u1": [0, 1, 3, 2],  # 3 4 3 4 2 3
    "u2": [0, 1, 4, 1],  # 3 3 2 4 3 3
    "u3": [0, 2, 3, 1],  # 3 3 2 3 2 4
    "u4": [0, 0, 1, 5],  # 3 4 4 4 4 4
    "u5": [0, 0, 5, 1],  # 3 3 3 4 3 3
    "u6": [0, 0, 3, 3],  # 3 4 3 4 3 4
    "u7": [0, 0, 3, 3],  # 3 4 3 4 3 4
    "u8": [0, 1, 4, 1],  # 3 3 3 4 2 3
    "u9": [1, 1, 3, 1],  # 3 2 3 4 1 3
}
PROFIL_OPD = {
    "jenis_kelamin": {"L": 3, "P": 3},
    "pendidikan": {"SD": 1, "SMP": 1, "SMA": 1, "D1-D3": 1, "S1": 2},
    "pekerjaan": {"PNS": 1, "Swasta": 2, "Wirausaha": 1, "Lainnya": 2},  # Petani = Lainnya
}
TANGGAL_OPD = {"mulai": date(2025, 2, 3), "selesai": date(2025, 6, 30)}
LEMBAR_DATA_OPD = "Data Responden"


def lembar_opd_xlsx(folder: Path) -> Path:
    """Title rows, a merged two-row header, numbering, JUMLAH/NRR/IKM rows below the data,
    a visible instructions sheet, a HIDDEN example sheet with a full table of 1s, a
    visible recap sheet headed U1..U9 (totals only), and a birth-date column left of the
    sex column."""
    wb = openpyxl.Workbook()
    petunjuk = wb.active
    petunjuk.title = "Petunjuk"
    petunjuk.append(["Isi lembar Data Responden, satu baris per kuesioner."])
    contoh = wb.create_sheet("Contoh")
    contoh.append(["NO", *[f"U{i}" for i in range(1, 10)]])
    for i in range(1, 4):
        contoh.append([i, *[1] * 9])
    contoh.sheet_state = "hidden"
    ws = wb.create_sheet(LEMBAR_DATA_OPD)
    ws.append(["REKAPITULASI KUESIONER SURVEI KEPUASAN MASYARAKAT"])
    ws.append(["KECAMATAN JATEN — SEMESTER I TAHUN 2025"])
    ws.append([])
    ws.append(["NO", "TANGGAL SURVEI", "TANGGAL LAHIR", "L/P", "PENDIDIKAN", "PEKERJAAN",
               "NILAI UNSUR PELAYANAN"])
    ws.append([None] * 6 + [f"U{i}" for i in range(1, 10)])
    for kolom in "ABCDEF":
        ws.merge_cells(f"{kolom}4:{kolom}5")
    ws.merge_cells("G4:O4")
    for no, tgl, lahir, jk, pend, pek, nilai in BARIS_OPD:
        ws.append([no, tgl, lahir, jk, pend, pek, *nilai])
    ws.append(["JUMLAH", None, None, None, None, None,
               *[sum(b[6][i] for b in BARIS_OPD) for i in range(9)]])
    ws.append(["NRR", None, None, None, None, None,
               *[round(sum(b[6][i] for b in BARIS_OPD) / 6, 2) for i in range(9)]])
    ws.append(["IKM", None, None, None, None, None, 81.02])
    rekap = wb.create_sheet("Rekap")  # visible, headed U1..U9, but only totals below
    rekap.append(["", *[f"U{i}" for i in range(1, 10)]])
    rekap.append(["JUMLAH NILAI", *[sum(b[6][i] for b in BARIS_OPD) for i in range(9)]])
    rekap.append(["NRR", *[round(sum(b[6][i] for b in BARIS_OPD) / 6, 2) for i in range(9)]])
    wb.active = 2
    berkas = folder / "SKM Kec Jaten Smt I 2025.xlsx"
    wb.save(berkas)
    return berkas


# --- a recap sheet: counts per answer per unsur ---------------------------------------------
REKAP = (
    ("Persyaratan", (0, 2, 50, 48)),
    ("Sistem, Mekanisme, dan Prosedur", (1, 3, 60, 36)),
    ("Waktu Penyelesaian", (2, 10, 58, 30)),
    ("Biaya/Tarif", (0, 0, 5, 95)),
    ("Produk Spesifikasi Jenis Pelayanan", (0, 4, 70, 26)),
    ("Kompetensi Pelaksana", (0, 1, 49, 50)),
    ("Perilaku Pelaksana", (0, 0, 40, 60)),
    ("Sarana dan Prasarana", (3, 12, 55, 30)),
    ("Penanganan Pengaduan, Saran dan Masukan", (5, 15, 50, 28)),  # 98: two left it blank
)
JAWABAN_REKAP = {f"u{i}": list(n) for i, (_, n) in enumerate(REKAP, start=1)}
RESPONDEN_REKAP = 100  # the most answers any unsur has (u1..u8: 100 each)


def rekap_xlsx(folder: Path, jumlah_salah: bool = False) -> Path:
    """One row per unsur, one column per answer value, a JUMLAH column and a total row."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Rekap"
    ws.append(["REKAP HASIL SURVEI KEPUASAN MASYARAKAT"])
    ws.append(["DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL"])
    ws.append([])
    ws.append(["NO", "UNSUR PELAYANAN", "NILAI 1", "NILAI 2", "NILAI 3", "NILAI 4", "JUMLAH"])
    for i, (nama, n) in enumerate(REKAP, start=1):
        total = sum(n) + (1 if jumlah_salah and i == 3 else 0)
        ws.append([i, nama, *n, total])
    ws.append([None, "JUMLAH", *[sum(n[j] for _, n in REKAP) for j in range(4)]])
    berkas = folder / "Rekap SKM Dukcapil.xlsx"
    wb.save(berkas)
    return berkas


# --- the official template, filled in -------------------------------------------------------
# tanggal, jenis_kelamin, usia, pendidikan, pekerjaan, layanan, u1..u9, saran
BARIS_TEMPLAT = (
    ("2025-01-06", "L", 40, "S1", "Swasta", "Izin Usaha", (3, 3, 3, 4, 3, 3, 3, 3, 3),
     "Ruang tunggu panas"),
    ("2025-01-07", "P", 22, "SMA", "Lainnya", "Izin Usaha", (4, 4, 3, 4, 4, 4, 4, 3, 3), ""),
    ("2025-02-14", "P", 55, "S2", "PNS", "Izin Usaha", (2, 2, 2, 4, 3, 3, 4, 2, 2),
     "Persyaratan di situs berbeda dengan di loket"),
)
JAWABAN_TEMPLAT = {
    "u1": [0, 1, 1, 1], "u2": [0, 1, 1, 1], "u3": [0, 1, 2, 0], "u4": [0, 0, 0, 3],
    "u5": [0, 0, 2, 1], "u6": [0, 0, 2, 1], "u7": [0, 0, 1, 2], "u8": [0, 1, 2, 0],
    "u9": [0, 1, 2, 0],
}
PROFIL_TEMPLAT = {
    "jenis_kelamin": {"L": 1, "P": 2},
    "usia": {"20–29": 1, "40–49": 1, "50–59": 1},
    "pendidikan": {"SMA": 1, "S1": 1, "S2": 1},
    "pekerjaan": {"PNS": 1, "Swasta": 1, "Lainnya": 1},
}


def isi_templat(templat: Path) -> Path:
    """Fill the template `skm templat` wrote (its "Data" sheet) with three rows."""
    wb = openpyxl.load_workbook(templat)
    ws = wb["Data"]
    for i, (tgl, jk, usia, pend, pek, lay, nilai, saran) in enumerate(BARIS_TEMPLAT, start=2):
        for j, isi in enumerate((tgl, jk, usia, pend, pek, lay, *nilai, saran), start=1):
            ws.cell(i, j, isi)
    berkas = templat.with_name("templat terisi.xlsx")
    wb.save(berkas)
    return berkas


# --- what must be refused -------------------------------------------------------------------

def _formulir_angka(folder: Path, nama: str, jawaban: list[tuple[int, ...]]) -> Path:
    judul = ["Cap waktu", *PERTANYAAN]
    baris = [judul] + [[f"{10 + i:02d}/03/2025 09.00.00", *n] for i, n in enumerate(jawaban)]
    berkas = folder / nama
    berkas.write_bytes(_csv(baris))
    return berkas


def skala_lima(folder: Path) -> Path:
    """A 1–5 form where 5s are rare: row 3 (u2) and row 5 (u7) carry the only 5s."""
    return _formulir_angka(folder, "skala lima.csv", [
        (4, 4, 3, 4, 4, 4, 4, 3, 4), (3, 5, 4, 4, 3, 4, 4, 4, 4), (4, 4, 4, 4, 4, 4, 4, 4, 4),
        (2, 3, 3, 4, 3, 3, 5, 3, 3)])


def skala_lima_penuh(folder: Path) -> Path:
    """Every answer is 5: a 1–5 form filled by very satisfied users."""
    return _formulir_angka(folder, "semua lima.csv", [(5,) * 9, (5,) * 9])


def skala_sepuluh(folder: Path) -> Path:
    """A 1–10 form."""
    return _formulir_angka(folder, "skala sepuluh.csv", [
        (8, 9, 7, 10, 8, 8, 9, 6, 7), (3, 4, 2, 4, 3, 4, 4, 3, 2)])


# Submitted twice: row 4 repeats row 3 twenty seconds later (near duplicate), row 5 is
# an exact copy of row 2 (the export was pasted twice).
BARIS_GANDA = (
    ("15/03/2025 10.22.01", "Laki-laki", "34", (4, 3, 3, 4, 3, 3, 3, 2, 4), "bagus"),
    ("16/03/2025 08.00.00", "Perempuan", "27", (3, 4, 2, 4, 3, 4, 4, 3, 3), "antre lama"),
    ("16/03/2025 08.00.20", "Perempuan", "27", (3, 4, 2, 4, 3, 4, 4, 3, 3), "antre lama"),
    ("15/03/2025 10.22.01", "Laki-laki", "34", (4, 3, 3, 4, 3, 3, 3, 2, 4), "bagus"),
)
# After --buang-ganda: rows 2 and 3 only (file lines 2 and 3).
JAWABAN_TANPA_GANDA = {
    "u1": [0, 0, 1, 1], "u2": [0, 0, 1, 1], "u3": [0, 1, 1, 0], "u4": [0, 0, 0, 2],
    "u5": [0, 0, 2, 0], "u6": [0, 0, 1, 1], "u7": [0, 0, 1, 1], "u8": [0, 1, 1, 0],
    "u9": [0, 0, 1, 1],
}


def ganda(folder: Path) -> Path:
    judul = ["Cap waktu", "Jenis Kelamin", "Usia", *PERTANYAAN, "Saran"]
    baris = [judul] + [[w, jk, u, *n, s] for w, jk, u, n, s in BARIS_GANDA]
    berkas = folder / "formulir ganda.csv"
    berkas.write_bytes(_csv(baris))
    return berkas


# A sheet whose only date column holds birth dates (header just "Tanggal").
BARIS_LAHIR = (
    ("1", "12/06/1985", "L", (3, 3, 3, 3, 3, 3, 3, 3, 3)),
    ("2", "30/01/1990", "P", (4, 4, 4, 4, 4, 4, 4, 4, 4)),
    ("3", "02/11/1978", "P", (2, 3, 3, 4, 3, 3, 3, 3, 3)),
)
JAWABAN_LAHIR = {
    "u1": [0, 1, 1, 1], "u2": [0, 0, 2, 1], "u3": [0, 0, 2, 1], "u4": [0, 0, 1, 2],
    "u5": [0, 0, 2, 1], "u6": [0, 0, 2, 1], "u7": [0, 0, 2, 1], "u8": [0, 0, 2, 1],
    "u9": [0, 0, 2, 1],
}


def tanggal_lahir(folder: Path) -> Path:
    judul = ["No", "Tanggal", "L/P", *[f"U{i}" for i in range(1, 10)]]
    baris = [judul] + [[no, tgl, jk, *n] for no, tgl, jk, n in BARIS_LAHIR]
    berkas = folder / "kuesioner tanpa tanggal survei.csv"
    berkas.write_bytes(_csv(baris, ";"))
    return berkas


def tanpa_u4(folder: Path) -> Path:
    """A free service: the form never asked about cost (no u4 question at all)."""
    judul = ["Cap waktu", *(q for i, q in enumerate(PERTANYAAN) if i != 3)]
    baris = [judul, ["10/03/2025 09.00.00", 4, 3, 3, 3, 3, 3, 3, 3],
             ["11/03/2025 09.00.00", 3, 3, 2, 4, 4, 4, 3, 3]]
    berkas = folder / "layanan gratis.csv"
    berkas.write_bytes(_csv(baris))
    return berkas


JAWABAN_TANPA_U4 = {
    "u1": [0, 0, 1, 1], "u2": [0, 0, 2, 0], "u3": [0, 1, 1, 0],
    "u5": [0, 0, 1, 1], "u6": [0, 0, 1, 1], "u7": [0, 0, 1, 1], "u8": [0, 0, 2, 0],
    "u9": [0, 0, 2, 0],
}
