"""Read what OPDs send — a CSV export or an Excel workbook — as numbered rows of cells.

Nothing here knows about SKM: it only turns a file into sheets of rows, each row with
the number a person sees in Excel or a text editor, so every later message can say
"baris 12" and mean the row the staff member will scroll to. Encoding and delimiter are
guessed the way Excel and Google Forms write files (UTF-8 or Windows-1252; ``,`` or
``;`` or tab).

What arrives is untrusted, and a workbook is a zip: a few MB on disk can hold gigabytes
of XML. So a workbook's sizes are checked from its zip directory before anything is
parsed, sheets are read as a stream (openpyxl's read-only mode), and rows, columns and
cells are counted while reading; a CSV's line length and columns are bounded too. A file
over any limit is refused at once with the limit named; real exports stay far below.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path

from skm_build.alat.rekaman_csv import (
    RekamanRusak,
    baris_terlalu_panjang,
    rekaman,
    tebak_pemisah,
)

UKURAN_MAKS = 64 * 1024 * 1024  # far above any real survey export; refuses a wrong file early
TERURAI_MAKS = 256 * 1024 * 1024  # a workbook's parts together, uncompressed
BAGIAN_MAKS = 2_000  # files inside a workbook (a real one has a dozen or two)
LEMBAR_MAKS = 50  # worksheets
BARIS_MAKS = 100_000  # rows of one sheet or CSV (a unit needs at most a few hundred)
KOLOM_MAKS = 500  # cells in one row (a long Google Form has about 60 columns)
SEL_MAKS = 5_000_000  # cells in the whole file
PANJANG_BARIS_MAKS = 4_000_000  # characters in one CSV line (a long free-text answer is KB)
AKHIRAN_TEKS = (".csv", ".txt", ".tsv")
AKHIRAN_EXCEL = (".xlsx", ".xlsm")

Sel = object  # str, int, float, datetime, date, time or None
Baris = tuple[int, tuple[Sel, ...]]  # (row number in the file, cells)


class BerkasTidakTerbaca(Exception):
    """The file cannot be read as a table; the message says what to do instead."""


@dataclass(frozen=True)
class Lembar:
    """One table of the file: a worksheet, or the whole of a CSV file."""

    nama: str  # worksheet name; "" for a CSV file
    baris: tuple[Baris, ...]
    keterangan: str  # how it was read, for the report (e.g. "CSV, pemisah ';', UTF-8")
    excel: bool  # True for a worksheet: columns are named A, B, C … in messages
    tersembunyi: bool = False  # a hidden worksheet (often an example or a lookup table)


def baca_lembar(berkas: Path) -> list[Lembar]:
    """Every table in ``berkas``; raise :class:`BerkasTidakTerbaca` with advice if none."""
    akhiran = berkas.suffix.lower()
    if not berkas.is_file():
        raise BerkasTidakTerbaca(f"berkas '{berkas}' tidak ada")
    if berkas.stat().st_size > UKURAN_MAKS:
        raise BerkasTidakTerbaca(f"berkas '{berkas.name}' terlalu besar "
                                 f"(batas {UKURAN_MAKS // (1024 * 1024)} MB)")
    if akhiran in AKHIRAN_EXCEL:
        _periksa_zip(berkas)
        return _baca_excel(berkas)
    if akhiran in AKHIRAN_TEKS:
        return [_baca_csv(berkas.read_bytes())]
    if akhiran in (".xls", ".ods"):
        raise BerkasTidakTerbaca(
            f"format {akhiran} belum dapat dibaca: buka berkas itu di Excel atau LibreOffice, "
            "pilih Simpan Sebagai (Save As) → Buku Kerja Excel (.xlsx), lalu impor berkas .xlsx")
    raise BerkasTidakTerbaca(f"'{berkas.name}' bukan berkas .csv atau .xlsx")


def _terlalu(berkas: Path, apa: str) -> BerkasTidakTerbaca:
    return BerkasTidakTerbaca(f"'{berkas.name}' {apa}: bukan ekspor survei biasa. Salin "
                              "hanya lembar jawaban ke buku kerja baru, atau simpan sebagai CSV")


def _periksa_zip(berkas: Path) -> None:
    """Refuse a workbook whose zip directory announces too much, before parsing it.

    :mod:`zipfile` never inflates a part beyond the size its directory entry states, so
    the sizes checked here bound what the parser can be handed.
    """
    try:
        with zipfile.ZipFile(berkas) as z:
            bagian = z.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as e:
        raise BerkasTidakTerbaca(
            f"'{berkas.name}' bukan buku kerja Excel yang utuh ({e}); buka di Excel dan "
            "simpan ulang sebagai .xlsx") from None
    if len(bagian) > BAGIAN_MAKS:
        raise _terlalu(berkas, f"berisi {len(bagian)} bagian (batas {BAGIAN_MAKS})")
    lembar = sum(1 for b in bagian if b.filename.startswith("xl/worksheets/")
                 and b.filename.endswith(".xml"))
    if lembar > LEMBAR_MAKS:
        raise _terlalu(berkas, f"berisi {lembar} lembar (batas {LEMBAR_MAKS})")
    terurai = sum(b.file_size for b in bagian)
    if terurai > TERURAI_MAKS:
        raise _terlalu(berkas, f"terlalu besar: isinya {terurai // (1024 * 1024)} MB setelah "
                       f"diurai (batas {TERURAI_MAKS // (1024 * 1024)} MB)")


def _baca_excel(berkas: Path) -> list[Lembar]:
    from openpyxl import load_workbook

    try:
        # read_only: rows streamed from the XML; data_only: the value Excel last computed
        wb = load_workbook(berkas, read_only=True, data_only=True)
    except Exception as e:  # openpyxl raises many kinds for a damaged or foreign file
        raise BerkasTidakTerbaca(
            f"'{berkas.name}' tidak dapat dibuka sebagai buku kerja Excel ({e}); "
            "buka di Excel dan simpan ulang sebagai .xlsx") from None
    try:
        hasil, sel_semua = [], 0
        for ws in wb.worksheets:
            if not hasattr(ws, "iter_rows"):  # a chart sheet
                continue
            ws.reset_dimensions()  # the stated size may be a lie: rows pad to it otherwise
            baris = []
            for nomor, sel in enumerate(ws.iter_rows(min_row=1, values_only=True), start=1):
                if nomor > BARIS_MAKS:
                    raise _terlalu(berkas, f"lembar \"{ws.title}\" berisi lebih dari "
                                   f"{BARIS_MAKS} baris")
                if len(sel) > KOLOM_MAKS:
                    raise _terlalu(berkas, f"baris {nomor} lembar \"{ws.title}\" berisi "
                                   f"{len(sel)} kolom (batas {KOLOM_MAKS})")
                sel_semua += len(sel)
                if sel_semua > SEL_MAKS:
                    raise _terlalu(berkas, f"berisi lebih dari {SEL_MAKS} sel")
                isi = _tanpa_ekor_kosong(sel)
                if isi:
                    baris.append((nomor, isi))
            hasil.append(Lembar(ws.title, tuple(baris), f"Excel, lembar \"{ws.title}\"",
                                True, getattr(ws, "sheet_state", "visible") != "visible"))
    except BerkasTidakTerbaca:
        raise
    except Exception as e:  # a damaged sheet is found only while it is streamed
        raise BerkasTidakTerbaca(
            f"'{berkas.name}' tidak dapat dibaca sebagai buku kerja Excel ({e}); "
            "buka di Excel dan simpan ulang sebagai .xlsx") from None
    finally:
        wb.close()
    return hasil


def _baca_csv(mentah: bytes) -> Lembar:
    teks, pengodean = _dekode(mentah)
    if nomor := baris_terlalu_panjang(teks, PANJANG_BARIS_MAKS):
        raise BerkasTidakTerbaca(f"baris {nomor} lebih panjang dari {PANJANG_BARIS_MAKS} "
                                 "karakter: bukan ekspor survei biasa (periksa berkasnya)")
    pemisah = tebak_pemisah(teks)
    baris = [(nomor, _tanpa_ekor_kosong(r)) for nomor, r in _rekaman(teks, pemisah)]
    nama_pemisah = {"\t": "tab"}.get(pemisah, f"'{pemisah}'")
    return Lembar("", tuple((n, r) for n, r in baris if r),
                  f"CSV, pemisah {nama_pemisah}, {pengodean}", False)


def _dekode(mentah: bytes) -> tuple[str, str]:
    """UTF-8 (with or without BOM) first; else Windows-1252, what Excel on Windows writes."""
    if mentah.startswith((b"\xff\xfe", b"\xfe\xff")):
        return mentah.decode("utf-16"), "UTF-16"
    try:
        return mentah.decode("utf-8-sig"), "UTF-8"
    except UnicodeDecodeError:
        return mentah.decode("cp1252", errors="replace"), "Windows-1252"


def _rekaman(teks: str, pemisah: str) -> list[tuple[int, list[str]]]:
    """Every record with its line; a broken quote is a file that cannot be read, and so
    is one with too many rows or columns."""
    hasil = []
    try:
        for nomor, r in rekaman(teks, pemisah):
            if len(r) > KOLOM_MAKS:
                raise BerkasTidakTerbaca(f"baris {nomor} berisi {len(r)} kolom (batas "
                                         f"{KOLOM_MAKS}): bukan ekspor survei biasa; periksa "
                                         "pemisah dan isi berkas")
            if len(hasil) >= BARIS_MAKS:
                raise BerkasTidakTerbaca(f"berkas berisi lebih dari {BARIS_MAKS} baris: bukan "
                                         "ekspor survei satu unit")
            hasil.append((nomor, r))
        return hasil
    except RekamanRusak as e:
        raise BerkasTidakTerbaca(f"baris {e.baris} tidak dapat dibaca sebagai CSV ({e}); "
                                 "periksa tanda kutip") from None


def _tanpa_ekor_kosong(sel: tuple | list) -> tuple[Sel, ...]:
    """Cells of a row without the empty ones at its end (Excel pads rows)."""
    isi = [None if isinstance(s, str) and not s.strip() else s for s in sel]
    while isi and isi[-1] is None:
        isi.pop()
    return tuple(isi)
