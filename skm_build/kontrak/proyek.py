"""Where a project keeps its files: data/, content/, mkdocs.yml, site/.

The site build and the staff commands both need these paths and must not import each
other, so the layout of a project is part of the contract.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

FOLDER_DIBANGUN = "_dibangun"


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
