"""CSV records with the line each starts on, and how a delimiter is chosen.

Every message about a CSV names the line a person sees in a text editor, and a quoted
cell may span lines: so records are read with :mod:`csv` and numbered by the reader's
line count, never by splitting on newlines. Nothing here knows about SKM.
"""

from __future__ import annotations

import csv
import itertools
import re
from collections.abc import Iterator

PEMISAH = (",", ";", "\t")


class RekamanRusak(ValueError):
    """A record :mod:`csv` cannot read (a broken quote); ``baris`` is where it starts."""

    def __init__(self, baris: int, alasan: str) -> None:
        super().__init__(alasan)
        self.baris = baris


_BARIS = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)?")


def _baris_teks(teks: str) -> Iterator[str]:
    """The lines of ``teks`` with their ends, as ``io.StringIO(teks, newline="")`` gives
    them, one at a time: a StringIO holds a copy at 4 bytes per character (850 MB for a
    200 MB file)."""
    for m in _BARIS.finditer(teks):
        if m.group():
            yield m.group()


def rekaman(teks: str, pemisah: str,
            lewati_kosong: bool = False) -> Iterator[tuple[int, list[str]]]:
    """Each record with the line it starts on; :class:`RekamanRusak` for a broken quote.

    ``lewati_kosong`` drops empty and whitespace-only lines, as pandas does
    (``skipinitialspace``), so that line numbers agree with a pandas reading.
    """
    pembaca = csv.reader(_baris_teks(teks), delimiter=pemisah)
    sebelum = 0
    try:
        for r in pembaca:
            if not lewati_kosong or len(r) > 1 or (r and (r[0] == "" or r[0].strip())):
                yield sebelum + 1, r
            sebelum = pembaca.line_num
    except csv.Error as e:
        raise RekamanRusak(sebelum + 1, str(e)) from None


def pemisah_judul(judul: str) -> str:
    """The delimiter of a file whose header row is ``judul``: ``;`` when it has more of
    them than ``,`` (Indonesian Excel writes ``;``), else ``,``."""
    return ";" if judul.count(";") > judul.count(",") else ","


def tebak_pemisah(teks: str) -> str:
    """The delimiter that splits the first records into the same, largest number of fields.

    For files nobody has checked yet (what an office sends): counting characters in the
    header is not enough there, since a Google Forms header is a quoted question full of
    commas, and a ';' file may contain commas in free text.
    """
    terbaik, nilai_terbaik = ",", (-1, -1)
    for pemisah in PEMISAH:
        try:
            contoh = [r for _, r in itertools.islice(rekaman(teks, pemisah), 50)
                      if any(s.strip() for s in r)]
        except RekamanRusak:
            continue
        if not contoh:
            continue
        lebar = len(contoh[0])
        nilai = (sum(1 for r in contoh if len(r) == lebar) if lebar > 1 else 0, lebar)
        if nilai > nilai_terbaik:
            terbaik, nilai_terbaik = pemisah, nilai
    return terbaik


def baris_terlalu_panjang(teks: str, batas: int) -> int | None:
    """The first line (1-based) longer than ``batas`` characters, or None.

    A file that is one endless line (no newline in 40 MB) is no table: it is refused
    before the CSV reader holds it all as one record.
    """
    if len(teks) <= batas:
        return None
    awal, nomor = 0, 1
    while awal < len(teks):  # a block of ~4 MB at a time: no list of every line at once
        akhir = teks.find("\n", min(awal + (1 << 22), len(teks)))
        akhir = len(teks) if akhir == -1 else akhir
        baris = teks[awal:akhir].split("\n")
        for i, b in enumerate(baris):
            if len(b) > batas:
                return nomor + i
        nomor += len(baris)
        awal = akhir + 1
    return None
