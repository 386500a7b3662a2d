"""Helpers of the hostile corpus (tests/test_tangguh_*.py): run ``skm`` as staff and CI do.

Every case drives the command line in a child process, so the corpus checks promises,
not internals: the exit code, what is printed, what is left on disk. A child also lets
a case measure time and peak memory, or kill the command part-way.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from bantuan import salin_proyek
from conftest import data_kecil

BATAS_DETIK = 120


@dataclass(frozen=True)
class Hasil:
    """What one ``skm`` run did: exit code, output, seconds and peak memory (MB)."""

    kode: int
    out: str
    err: str
    detik: float
    mb: float

    @property
    def semua(self) -> str:
        return self.out + self.err


def lingkungan(**tambahan: str) -> dict[str, str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1767225600",
           **tambahan}
    env.pop("SKM_SITE_URL", None)
    return env


def argv(*args: str) -> list[str]:
    return [sys.executable, "-m", "skm_build", *args]


def skm(akar: Path, *args: str, env: dict[str, str] | None = None,
        batas: float = BATAS_DETIK, batas_mb: int | None = None) -> Hasil:
    """``skm ARGS`` in ``akar`` in a child; ``batas_mb`` caps its address space."""
    def batasi() -> None:
        if batas_mb is not None:
            b = batas_mb * 1024 * 1024
            resource.setrlimit(resource.RLIMIT_AS, (b, b))

    sebelum = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    mulai = time.monotonic()
    r = subprocess.run(argv(*args), cwd=akar, env=env or lingkungan(), capture_output=True,
                       text=True, timeout=batas, check=False, preexec_fn=batasi)
    detik = time.monotonic() - mulai
    puncak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    # ru_maxrss of children is the largest child so far: a larger value is this child's
    mb = puncak / 1024 if puncak > sebelum else float("nan")
    assert "Traceback" not in r.stdout + r.stderr, r.stderr[-3000:]
    return Hasil(r.returncode, r.stdout, r.stderr, detik, mb)


def proyek_kecil(akar: Path) -> Path:
    """A project (config, pages) with the small data folder."""
    salin_proyek(akar, dengan_data=False)
    data_kecil(akar / "data")
    return akar


def isi_folder(folder: Path) -> dict[str, bytes]:
    """Every file below ``folder`` with its bytes (a missing folder is empty)."""
    if not folder.is_dir():
        return {}
    return {b.relative_to(folder).as_posix(): b.read_bytes()
            for b in sorted(folder.rglob("*")) if b.is_file()}


def satu_baris(teks: str) -> list[str]:
    """Lines that would be read as GitHub workflow commands (must be none in plain mode)."""
    return [b for b in teks.splitlines() if b.lstrip().startswith("::")]
