"""Problems found in data files, reported the way staff can act on them.

Every problem names the file, the line and, where it helps, the column, in the
``path:line[:column]: message`` shape that editors, CI annotations and people all read.
Validation collects every problem of a run before stopping, so one commit can fix them
all instead of one per build.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

GALAT = "galat"
PERINGATAN = "peringatan"
# Every kind of line break: a problem is one line, whatever text it quotes (a line that
# starts with "::error" is a command to GitHub Actions, not a message).
_BARIS_BARU = re.compile("\r\n|[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]")


def satu_baris(teks: str) -> str:
    """``teks`` on one line: each line break shown as the two characters ``\\n``."""
    return _BARIS_BARU.sub("\\\\n", teks)


@dataclass(frozen=True, order=True)
class Masalah:
    """One problem in one place of one data file."""

    berkas: str
    baris: int | None
    kolom: str | None
    pesan: str
    tingkat: str = GALAT

    def __str__(self) -> str:
        tempat = self.berkas
        if self.baris is not None:
            tempat += f":{self.baris}"
            if self.kolom:
                tempat += f":{self.kolom}"
        awalan = "" if self.tingkat == GALAT else "peringatan: "
        return satu_baris(f"{tempat}: {awalan}{self.pesan}")


@dataclass
class DaftarMasalah:
    """Collects problems relative to a base folder, so paths print as staff see them."""

    dasar: Path
    semua: list[Masalah] = field(default_factory=list)

    def nama(self, berkas: Path) -> str:
        try:
            return berkas.relative_to(self.dasar.parent).as_posix()
        except ValueError:
            return berkas.as_posix()

    def galat(
        self, berkas: Path, baris: int | None, pesan: str, kolom: str | None = None
    ) -> None:
        self.semua.append(Masalah(self.nama(berkas), baris, kolom, pesan, GALAT))

    def peringatan(
        self, berkas: Path, baris: int | None, pesan: str, kolom: str | None = None
    ) -> None:
        self.semua.append(Masalah(self.nama(berkas), baris, kolom, pesan, PERINGATAN))

    @property
    def galat_saja(self) -> list[Masalah]:
        return [m for m in self.semua if m.tingkat == GALAT]

    @property
    def peringatan_saja(self) -> list[Masalah]:
        return [m for m in self.semua if m.tingkat == PERINGATAN]

    def urut(self) -> list[Masalah]:
        """Problems by file, then line: the order an editor walks through them."""
        return sorted(self.semua, key=lambda m: (m.berkas, m.baris or 0, m.kolom or "", m.pesan))


def cetak(masalah: DaftarMasalah | list[Masalah]) -> None:
    """Every problem on standard error, one ``path:line[:column]: message`` a line, in the
    order an editor walks through them (the one plain-text printer of every command)."""
    daftar = masalah.urut() if isinstance(masalah, DaftarMasalah) else masalah
    for m in daftar:
        print(m, file=sys.stderr)


def bilangan(n: int) -> str:
    """A count as Indonesian writes it in a message: 199.990."""
    return f"{n:,}".replace(",", ".")


def ringkas(baris: list[str], batas: int = 15) -> list[str]:
    """At most ``batas`` lines of a long list, then one "… dan N lainnya" line: a file
    with a million odd columns must not print a million-line report."""
    if len(baris) <= batas + 1:
        return baris
    sisa = len(baris) - batas
    awalan = baris[0][: len(baris[0]) - len(baris[0].lstrip())]
    return [*baris[:batas], f"{awalan}… dan {bilangan(sisa)} lainnya"]
