"""Problems as GitHub Actions workflow commands, so a pull request shows them in place.

``skm check --format github`` prints ``::error file=…,line=…,col=…::message`` for every
problem: GitHub then marks the offending line of the offending file in the pull
request's "Files changed" view, where the staff member who committed it is already
looking. Paths are relative to the working directory (the repository root in CI).
"""

from __future__ import annotations

import csv
import os
from pathlib import Path

from skm_build.alat.rekaman_csv import pemisah_judul
from skm_build.kontrak.masalah import GALAT, DaftarMasalah, Masalah


def _lepas_properti(teks: str) -> str:
    return (teks.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
            .replace(":", "%3A").replace(",", "%2C"))


def _lepas_pesan(teks: str) -> str:
    return teks.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


class _Baris:
    """Lines of the files problems point at, read once each and only when needed."""

    def __init__(self) -> None:
        self._isi: dict[Path, list[str]] = {}

    def __call__(self, berkas: Path) -> list[str]:
        if berkas not in self._isi:
            try:
                teks = berkas.read_text(encoding="utf-8-sig", errors="replace")
            except OSError:
                teks = ""
            self._isi[berkas] = teks.splitlines()
        return self._isi[berkas]


def _awal_sel(baris: str, pemisah: str, indeks: int) -> int | None:
    """1-based character column where field ``indeks`` of a CSV line starts."""
    medan, kutip = 0, False
    if indeks == 0:
        return 1
    for posisi, huruf in enumerate(baris):
        if huruf == '"':
            kutip = not kutip
        elif huruf == pemisah and not kutip:
            medan += 1
            if medan == indeks:
                return posisi + 2
    return None


def kolom_karakter(berkas: Path, m: Masalah, baris_berkas: _Baris) -> int | None:
    """The character column of a problem's cell (CSV) or key (YAML), when it can be found."""
    if m.baris is None or not m.kolom:
        return None
    semua = baris_berkas(berkas)
    if not 0 < m.baris <= len(semua):
        return None
    baris = semua[m.baris - 1]
    if berkas.suffix == ".csv" and semua:
        judul = semua[0]
        pemisah = pemisah_judul(judul)
        nama = [n.strip().lower() for n in next(csv.reader([judul], delimiter=pemisah))]
        if m.kolom.strip().lower() not in nama:
            return None
        return _awal_sel(baris, pemisah, nama.index(m.kolom.strip().lower()))
    posisi = baris.find(f"{m.kolom}:")
    return posisi + 1 if posisi >= 0 else None


def anotasi(masalah: DaftarMasalah, cwd: Path | None = None) -> list[str]:
    """One workflow command per problem, in the order an editor walks through them."""
    cwd = (cwd or Path.cwd()).resolve()
    baris_berkas = _Baris()
    hasil = []
    for m in masalah.urut():
        berkas = Path(m.berkas)
        if not berkas.is_absolute():
            berkas = masalah.dasar.parent / berkas
        jalur = Path(os.path.relpath(berkas, cwd)).as_posix()
        properti = [f"file={_lepas_properti(jalur)}"]
        if m.baris is not None:
            properti.append(f"line={m.baris}")
            if (kolom := kolom_karakter(berkas, m, baris_berkas)) is not None:
                properti.append(f"col={kolom}")
        judul = "skm check" + (f" ({m.kolom})" if m.kolom else "")
        properti.append(f"title={_lepas_properti(judul)}")
        perintah = "error" if m.tingkat == GALAT else "warning"
        hasil.append(f"::{perintah} {','.join(properti)}::{_lepas_pesan(m.pesan)}")
    return hasil
