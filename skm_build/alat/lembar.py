"""Read what OPDs send — a CSV export or an Excel workbook — as numbered rows of cells.

Nothing here knows about SKM: it only turns a file into sheets of rows, each row with
the number a person sees in Excel or a text editor, so every later message can say
"baris 12" and mean the row the staff member will scroll to. Encoding and delimiter are
guessed the way Excel and Google Forms write files (UTF-8 or Windows-1252; ``,`` or
``;`` or tab).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from skm_build.alat.rekaman_csv import RekamanRusak, rekaman, tebak_pemisah

UKURAN_MAKS = 64 * 1024 * 1024  # far above any real survey export; refuses a wrong file early
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
        return _baca_excel(berkas)
    if akhiran in AKHIRAN_TEKS:
        return [_baca_csv(berkas.read_bytes())]
    if akhiran in (".xls", ".ods"):
        raise BerkasTidakTerbaca(
            f"format {akhiran} belum dapat dibaca: buka berkas itu di Excel atau LibreOffice, "
            "pilih Simpan Sebagai (Save As) → Buku Kerja Excel (.xlsx), lalu impor berkas .xlsx")
    raise BerkasTidakTerbaca(f"'{berkas.name}' bukan berkas .csv atau .xlsx")


def _baca_excel(berkas: Path) -> list[Lembar]:
    from openpyxl import load_workbook

    try:
        # data_only: the value Excel last computed, not the formula text
        wb = load_workbook(berkas, data_only=True)
    except Exception as e:  # openpyxl raises many kinds for a damaged or foreign file
        raise BerkasTidakTerbaca(
            f"'{berkas.name}' tidak dapat dibuka sebagai buku kerja Excel ({e}); "
            "buka di Excel dan simpan ulang sebagai .xlsx") from None
    hasil = []
    for ws in wb.worksheets:
        baris = []
        for nomor, sel in enumerate(ws.iter_rows(min_row=1, values_only=True), start=1):
            isi = _tanpa_ekor_kosong(sel)
            if isi:
                baris.append((nomor, isi))
        hasil.append(Lembar(ws.title, tuple(baris), f"Excel, lembar \"{ws.title}\"", True,
                            ws.sheet_state != "visible"))
    wb.close()
    return hasil


def _baca_csv(mentah: bytes) -> Lembar:
    teks, pengodean = _dekode(mentah)
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
    """Every record with its line; a broken quote is a file that cannot be read."""
    try:
        return list(rekaman(teks, pemisah))
    except RekamanRusak as e:
        raise BerkasTidakTerbaca(f"baris {e.baris} tidak dapat dibaca sebagai CSV ({e}); "
                                 "periksa tanda kutip") from None


def _tanpa_ekor_kosong(sel: tuple | list) -> tuple[Sel, ...]:
    """Cells of a row without the empty ones at its end (Excel pads rows)."""
    isi = [None if isinstance(s, str) and not s.strip() else s for s in sel]
    while isi and isi[-1] is None:
        isi.pop()
    return tuple(isi)
