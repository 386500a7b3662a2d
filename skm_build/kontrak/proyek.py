"""Where a project keeps its files: data/, content/, mkdocs.yml, site/, kiriman/.

The site build and the staff commands both need these paths and must not import each
other, so the layout of a project is part of the contract.

The project is found upward from the working folder, the way git finds a repository.
Staff open a terminal wherever their file manager was — in ``kiriman/`` next to the
file an OPD sent, or inside ``data/survei/2025-s1/``; a command that looked for
``data/`` only in the current folder answered "kabupaten.yaml: berkas wajib tidak ada"
there, which is false and sends them hunting. The root is the nearest folder, upward,
whose ``data/`` holds ``kabupaten.yaml``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from skm_build.kontrak.galat import SalahPakai

FOLDER_DIBANGUN = "_dibangun"
DATA = "data"
PENANDA = "kabupaten.yaml"


@dataclass(frozen=True)
class Proyek:
    """Where the build reads and writes, all relative to the project root."""

    akar: Path
    data: Path

    @property
    def konten(self) -> Path:
        return self.akar / "content"

    @property
    def dibangun(self) -> Path:
        return self.konten / FOLDER_DIBANGUN

    @property
    def situs(self) -> Path:
        return self.akar / "site"

    @property
    def konfigurasi(self) -> Path:
        return self.akar / "mkdocs.yml"


def cari_akar(mulai: Path) -> Path | None:
    """The nearest folder at or above ``mulai`` with ``data/kabupaten.yaml``, or None."""
    for folder in (mulai.resolve(), *mulai.resolve().parents):
        if (folder / DATA / PENANDA).is_file():
            return folder
    return None


def akar_proyek(mulai: Path) -> Path:
    """The project root above ``mulai``; a usage error that says what to do when none."""
    akar = cari_akar(mulai)
    if akar is None:
        raise SalahPakai(f"folder proyek SKM tidak ditemukan: tidak ada {DATA}/{PENANDA} di "
                         f"{mulai.resolve()} maupun di folder di atasnya. Jalankan perintah "
                         f"di dalam folder proyek (yang berisi folder {DATA}/), atau sebutkan "
                         f"foldernya dengan --data FOLDER")
    return akar
