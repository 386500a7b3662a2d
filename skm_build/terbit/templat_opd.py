"""The files an OPD fills in: a CSV template and an Excel questionnaire-data template.

A unit that types its questionnaires into this template sends a file that imports
without guessing: the header row carries the canonical column names, drop-down lists
allow only the values the loader accepts, and a second sheet ("Petunjuk") prints the
nine questions with their answer labels, taken from :data:`.ikm.UNSUR` so the template
cannot drift from the arithmetic. The build publishes both files on the site; the bytes
are the same on every run, so a rebuild of the same commit gives the same site.
"""

from __future__ import annotations

import io
from datetime import datetime
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.xml.functions import tostring

from skm_build.alat.arsip import kemas_ulang
from skm_build.alat.tulis import tulis_atomik
from skm_build.aturan.ikm import KODE_UNSUR, PERTANYAAN, REGULASI, UNSUR
from skm_build.kontrak.kosakata import URUTAN_PEKERJAAN, URUTAN_PENDIDIKAN, USIA_MAKS, USIA_MIN

FOLDER_UNDUH = "unduh"
NAMA_CSV = "templat-skm.csv"
NAMA_XLSX = "templat-skm.xlsx"

# The canonical layout of a respondent file: profile first, answers, the free-text
# suggestion last (it is the widest column). `skm import` writes its columns in this order.
URUTAN_KOLOM: tuple[str, ...] = ("tanggal", "jam", "jenis_kelamin", "usia", "pendidikan",
                                 "pekerjaan", "layanan", *KODE_UNSUR, "saran")
# The template leaves out `jam`: the loader does not use it, and every column fewer is a
# column an OPD cannot fill in wrongly.
KOLOM_TEMPLAT: tuple[str, ...] = tuple(k for k in URUTAN_KOLOM if k != "jam")

BARIS_ISIAN = 2000  # rows below the header that carry the drop-down lists
WAKTU_DOKUMEN = datetime(2025, 1, 1)  # fixed document date: identical bytes every build

KETERANGAN_PROFIL: dict[str, str] = {
    "tanggal": "Tanggal survei, TTTT-BB-HH (mis. 2025-07-15); harus di dalam periode survei.",
    "jenis_kelamin": "L atau P.",
    "usia": f"Usia dalam tahun, bilangan bulat {USIA_MIN}–{USIA_MAKS}.",
    "pendidikan": "Salah satu dari: " + ", ".join(URUTAN_PENDIDIKAN) + " (SLTA = SMA, D4 = S1).",
    "pekerjaan": "Salah satu dari: " + ", ".join(URUTAN_PEKERJAAN) + ".",
    "layanan": "Jenis layanan yang diterima (mis. KTP-el, Akta Kelahiran, Poli Umum).",
    "saran": "Saran/masukan responden. JANGAN tulis nama, NIK, nomor HP, alamat atau email.",
}


def templat_csv() -> bytes:
    """The header row alone: a sample row would be imported as a respondent by mistake."""
    return (",".join(KOLOM_TEMPLAT) + "\n").encode("utf-8")


def templat_xlsx() -> bytes:
    """The Excel template: sheet "Data" with drop-downs, sheet "Petunjuk" with the questions."""
    wb = Workbook()
    _lembar_data(wb.active)
    _lembar_petunjuk(wb.create_sheet("Petunjuk"))
    wb.properties.creator = "skm"
    wb.properties.title = "Templat data Survei Kepuasan Masyarakat"
    wb.properties.created = WAKTU_DOKUMEN
    keluaran = io.BytesIO()
    wb.save(keluaran)
    # openpyxl stamps "modified" with the current time on save: write core.xml again.
    wb.properties.modified = WAKTU_DOKUMEN
    inti = tostring(wb.properties.to_tree())
    return kemas_ulang(keluaran.getvalue(), {"docProps/core.xml": inti})


def tulis_templat(folder: Path) -> list[Path]:
    """Write both templates into ``folder`` (created if needed); return their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    hasil = []
    for nama, isi in ((NAMA_CSV, templat_csv()), (NAMA_XLSX, templat_xlsx())):
        berkas = folder / nama
        tulis_atomik(berkas, isi)
        hasil.append(berkas)
    return hasil


def _lembar_data(ws: Worksheet) -> None:
    ws.title = "Data"
    ws.append(list(KOLOM_TEMPLAT))
    tebal, isi = Font(bold=True), PatternFill("solid", fgColor="DDE3F3")
    for sel in ws[1]:
        sel.font, sel.fill = tebal, isi
        sel.alignment = Alignment(horizontal="center")
    ws.freeze_panes = "A2"
    akhir = BARIS_ISIAN + 1
    lebar = {"tanggal": 12, "layanan": 24, "saran": 40, "pendidikan": 11, "pekerjaan": 11,
             "jenis_kelamin": 13}
    for i, kolom in enumerate(KOLOM_TEMPLAT, start=1):
        huruf = get_column_letter(i)
        ws.column_dimensions[huruf].width = lebar.get(kolom, 6)
        rentang = f"{huruf}2:{huruf}{akhir}"
        dv = _validasi(kolom)
        if dv is not None:
            dv.add(rentang)
            ws.add_data_validation(dv)
        if kolom == "tanggal":
            ws.column_dimensions[huruf].number_format = "yyyy-mm-dd"


def _validasi(kolom: str) -> DataValidation | None:
    """The drop-down (or range check) for one column; None for free text."""
    def daftar(nilai: tuple[str, ...], judul: str, petunjuk: str) -> DataValidation:
        return DataValidation(
            type="list", formula1='"' + ",".join(nilai) + '"', allow_blank=True,
            showErrorMessage=True, showInputMessage=True, errorTitle="Nilai tidak sah",
            error=f"Pilih salah satu: {', '.join(nilai)}. Kosongkan bila tidak diisi.",
            promptTitle=judul[:32], prompt=petunjuk[:255])

    if kolom in KODE_UNSUR:
        u = next(u for u in UNSUR if u.kode == kolom)
        label = ", ".join(f"{n} = {t}" for n, t in enumerate(u.label, start=1))
        return daftar(("1", "2", "3", "4"), f"{u.kode.upper()} {u.nama}",
                      f"{label}. Kosongkan bila tidak dijawab.")
    if kolom == "jenis_kelamin":
        return daftar(("L", "P"), "Jenis kelamin", "L = laki-laki, P = perempuan")
    if kolom == "pendidikan":
        return daftar(URUTAN_PENDIDIKAN, "Pendidikan", KETERANGAN_PROFIL["pendidikan"])
    if kolom == "pekerjaan":
        return daftar(URUTAN_PEKERJAAN, "Pekerjaan", KETERANGAN_PROFIL["pekerjaan"])
    if kolom == "usia":
        return DataValidation(
            type="whole", operator="between", formula1=str(USIA_MIN), formula2=str(USIA_MAKS),
            allow_blank=True, showErrorMessage=True, errorTitle="Usia tidak sah",
            error=f"Isi usia dalam tahun, bilangan bulat {USIA_MIN}–{USIA_MAKS}.")
    if kolom == "tanggal":
        return DataValidation(
            type="date", operator="greaterThan", formula1="36526", allow_blank=True,
            showErrorMessage=True, showInputMessage=True, errorTitle="Tanggal tidak sah",
            error="Isi tanggal survei, mis. 2025-07-15.", promptTitle="Tanggal survei",
            prompt="Tanggal survei, mis. 2025-07-15 (di dalam periode survei).")
    return None


def _lembar_petunjuk(ws: Worksheet) -> None:
    tebal = Font(bold=True)
    ws.append(["Petunjuk pengisian data Survei Kepuasan Masyarakat (SKM)"])
    ws["A1"].font = Font(bold=True, size=14)
    for baris in (
        f"Kuesioner mengikuti {REGULASI}.",
        "Isi lembar \"Data\": satu baris untuk setiap responden, mulai baris 2. "
        "Jangan ubah baris judul.",
        "Kolom u1 sampai u9 berisi nilai jawaban 1, 2, 3 atau 4 (lihat tabel di bawah). "
        "Kosongkan sel bila responden tidak menjawab; jangan isi 0.",
        "JANGAN menambah kolom nama, NIK, nomor HP/WA, alamat atau email responden: "
        "data pribadi tidak boleh diterbitkan.",
        "Simpan sebagai .xlsx lalu kirim ke Bagian Organisasi sebelum batas laporan.",
    ):
        ws.append([baris])
    ws.append([])
    ws.append(["Kolom", "Unsur", "Pertanyaan", "1", "2", "3", "4"])
    judul_tabel = ws.max_row
    for u in UNSUR:
        ws.append([u.kode, u.nama, PERTANYAAN[u.kode], *u.label])
    ws.append([])
    ws.append(["Kolom", "Keterangan"])
    judul_profil = ws.max_row
    for kolom in KOLOM_TEMPLAT:
        if kolom in KETERANGAN_PROFIL:
            ws.append([kolom, KETERANGAN_PROFIL[kolom]])
    for nomor in (judul_tabel, judul_profil):
        for sel in ws[nomor]:
            sel.font = tebal
    for baris in ws.iter_rows(min_row=judul_tabel + 1, max_row=judul_tabel + len(UNSUR)):
        for sel in baris:
            sel.alignment = Alignment(wrap_text=True, vertical="top")
    for huruf, lebar in zip("ABCDEFG", (14, 30, 60, 16, 16, 18, 18), strict=True):
        ws.column_dimensions[huruf].width = lebar
