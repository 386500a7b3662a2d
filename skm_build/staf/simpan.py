"""Where an import puts what it read, and how the last import of a unit is undone.

``data/`` receives only the unit's counts. The respondent rows and the suggestions stay
in the project's ``kiriman/`` folder, which ``.gitignore`` keeps out of the public
repository: a CSV of the rows as read (for a later re-import or an audit) and a text
file of the suggestions that staff read to write the published ``ringkasan_masukan``.

Before an import writes anything it copies the files it is about to change into
``kiriman/.batal/<periode>/<opd>/``; ``skm batal-impor`` puts them back, so a wrong file
or a wrong unit is one command away from the state before, not a hand repair.
"""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

from skm_build.alat.tulis import tulis_atomik
from skm_build.kontrak.galat import GalatSkm

KIRIMAN = "kiriman"
BATAL = ".batal"
DAFTAR = "daftar.json"


def folder_kiriman(data: Path) -> Path:
    """``kiriman/`` beside ``data/``: the project root's gitignored inbox."""
    return data.resolve().parent / KIRIMAN


def berkas_kiriman(data: Path, periode: str, opd: str) -> tuple[Path, Path]:
    """(rows CSV, suggestions text) of one unit-period in ``kiriman/``."""
    folder = folder_kiriman(data) / periode
    return folder / f"{opd}.csv", folder / f"{opd}-saran.txt"


def teks_saran(saran: list[tuple[int, str]], unit: str, periode: str, sumber: str,
               laporan: str) -> str:
    """The suggestions as staff read them, with what to do with them (and not)."""
    kepala = [
        f"Saran dan masukan responden — {unit}, {periode}",
        f"Sumber: {sumber}; diimpor {date.today().isoformat()}.",
        "",
        "JANGAN salin teks ini ke data/: teks responden bisa memuat nama, alamat atau keluhan",
        "tentang orang tertentu, dan repositori data bersifat publik. Baca semuanya, lalu",
        f"tulis ringkasan singkat (tanpa nama) di {laporan}, mis.:",
        "  ringkasan_masukan: \"Warga meminta antrean lebih cepat dan ruang tunggu lebih sejuk.\"",
        "",
    ]
    isi = [f"{i}. (baris {nomor}) {teks}" for i, (nomor, teks) in enumerate(saran, start=1)]
    return "\n".join(kepala + (isi or ["(tidak ada saran yang diisi)"])) + "\n"


def _folder_batal(data: Path, periode: str, opd: str) -> Path:
    return folder_kiriman(data) / BATAL / periode / opd


def cadangkan(data: Path, periode: str, opd: str, berkas: list[Path]) -> None:
    """Copy ``berkas`` (existing or not) aside, replacing the previous import's copy."""
    folder = _folder_batal(data, periode, opd)
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    daftar = []
    for i, b in enumerate(berkas):
        ada = b.is_file()
        if ada:
            tulis_atomik(folder / str(i), b.read_bytes())
        daftar.append({"jalur": str(b.resolve()), "ada": ada})
    tulis_atomik(folder / DAFTAR, json.dumps(daftar, indent=1).encode("utf-8"))


def batalkan(data: Path, periode: str, opd: str) -> list[str]:
    """Put back the files the last import of ``opd`` in ``periode`` changed.

    Returns what was done, one line per file. Raise :class:`GalatSkm` when there is
    no import to undo (none was made, or it was already undone).
    """
    folder = _folder_batal(data, periode, opd)
    if not (folder / DAFTAR).is_file():
        raise GalatSkm(f"tidak ada impor {opd} periode {periode} yang dapat dibatalkan "
                       f"(cadangannya tidak ada di {KIRIMAN}/{BATAL}/): hanya impor terakhir "
                       "yang dapat dibatalkan, satu kali")
    daftar = json.loads((folder / DAFTAR).read_text("utf-8"))
    akar = data.resolve().parent
    hasil = []
    for i, butir in enumerate(daftar):
        jalur = Path(butir["jalur"])
        nama = jalur.relative_to(akar).as_posix() if jalur.is_relative_to(akar) else str(jalur)
        if butir["ada"]:
            tulis_atomik(jalur, (folder / str(i)).read_bytes())
            hasil.append(f"dikembalikan: {nama}")
        elif jalur.exists():
            jalur.unlink()
            hasil.append(f"dihapus (belum ada sebelum impor): {nama}")
    shutil.rmtree(folder)
    return hasil
