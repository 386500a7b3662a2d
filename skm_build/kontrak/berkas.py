"""Reading a data file safely: a regular file inside data/, UTF-8 text, bounded size.

Shared by every loader of the contract (YAML registries, unit reports, respondent CSVs),
so each refuses links, devices, oversized and non-UTF-8 files with the same words.
"""

from __future__ import annotations

import re
from pathlib import Path

from skm_build.alat.yaml_bertanda import UKURAN_MAKS, YamlBertanda, YamlDitolak, baca_yaml
from skm_build.kontrak.masalah import DaftarMasalah

# Characters XML 1.0 cannot carry (the workbook and the letter are XML): refused in any
# data file, with the line they are on.
_TAK_SAH_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def baca_teks(berkas: Path, m: DaftarMasalah, batas: int) -> str | None:
    """Read a text file as UTF-8 (BOM allowed); report emptiness, size and bad bytes."""
    if not berkas_biasa(berkas, m):
        return None
    try:
        ukuran = berkas.stat().st_size
        if ukuran > batas:
            m.galat(berkas, None, f"berkas terlalu besar ({ukuran} byte; batas {batas} byte)")
            return None
        mentah = berkas.read_bytes()
    except OSError as e:
        m.galat(berkas, None, f"berkas tidak dapat dibaca: {e.strerror}")
        return None
    try:
        teks = mentah.decode("utf-8")
    except UnicodeDecodeError as e:
        baris = mentah[: e.start].count(b"\n") + 1
        m.galat(berkas, baris, f"berkas bukan teks UTF-8 (byte 0x{mentah[e.start]:02x}); "
                "simpan ulang dengan pengodean UTF-8")
        return None
    if cocok := _TAK_SAH_XML.search(teks):
        baris = teks.count("\n", 0, cocok.start()) + 1
        kolom = cocok.start() - teks.rfind("\n", 0, cocok.start())
        kode = ord(cocok.group())
        nama = "NUL" if kode == 0 else f"kendali U+{kode:04X}"
        m.galat(berkas, baris, f"berkas berisi karakter {nama}: bukan teks biasa (tidak dapat "
                "diterbitkan di XLSX/Word); hapus karakter itu", str(kolom) if kode else None)
        return None
    return teks.removeprefix("\ufeff")


def berkas_biasa(jalur: Path, m: DaftarMasalah, folder: bool = False) -> bool:
    """A regular file (or folder) inside data/, not a link or a device; else report it.

    A symbolic link committed as data/opd.yaml could make CI print another file's lines
    in its messages (a credentials file, /proc/self/environ), and a FIFO or /dev/zero
    would block the read forever or fill the memory.
    """
    if jalur.is_symlink():
        m.galat(jalur, None, "tautan simbolik (symlink) tidak diizinkan di folder data: "
                "simpan berkas yang sebenarnya di sini")
        return False
    if not (jalur.is_dir() if folder else jalur.is_file()):
        m.galat(jalur, None, "bukan folder biasa" if folder else "bukan berkas biasa")
        return False
    return True


def baca_yaml_berkas(berkas: Path, m: DaftarMasalah) -> YamlBertanda | None:
    teks = baca_teks(berkas, m, UKURAN_MAKS)
    if teks is None:
        return None
    try:
        return baca_yaml(teks)
    except YamlDitolak as e:
        m.galat(berkas, e.baris, e.pesan, str(e.kolom) if e.kolom else None)
        return None
