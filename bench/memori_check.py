"""Peak memory of ``skm check`` on one very large respondent CSV (goal: ≤ 1 GB at 200 MB).

A unit that exported a whole province's answers into one file, or a hostile file, must
not take the machine's memory. Two files of the same size are checked in a child
process each, and the child's peak RSS is read from ``getrusage``:

* ``bersih``: valid, so the loader's fast path (plain ``str`` methods) reads it;
* ``satu-galat``: the same file with one bad answer in its last row, which sends it to
  the careful pandas path that finds the line of every bad cell.

    python bench/memori_check.py              # 200 MB (about 3.6 million rows)
    python bench/memori_check.py --mb 50      # a quicker look
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import sintetis

BATAS_MB = 1024
BYTE_PER_BARIS = 58  # the synthetic rows average about this many bytes


def periksa(folder: Path) -> tuple[int, float, float]:
    """Exit code, seconds and peak RSS (MB) of ``skm check`` on ``folder`` in a child."""
    mulai = time.perf_counter()
    anak = subprocess.Popen([sys.executable, "-m", "skm_build", "check", "--data", str(folder)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, pakai = os.wait4(anak.pid, 0)  # this child's own peak, not the largest so far
    detik = time.perf_counter() - mulai
    return os.waitstatus_to_exitcode(status), detik, pakai.ru_maxrss / 1024


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--mb", type=int, default=200, help="size of the CSV file in MB")
    a = p.parse_args()
    baris = a.mb * 1024 * 1024 // BYTE_PER_BARIS
    bersih = sintetis.buat(f"memori-{a.mb}", unit=1, periode=1, responden=baris)
    csv = next((bersih / "survei").rglob("*.csv"))
    print(f"{csv.relative_to(bersih)}: {csv.stat().st_size / 2**20:.0f} MB, {baris:,} baris")
    kotor = bersih.parent / f"memori-{a.mb}-satu-galat"
    if not kotor.exists():
        shutil.copytree(bersih, kotor)
        berkas = next((kotor / "survei").rglob("*.csv"))
        isi = berkas.read_bytes()
        akhir = isi.rstrip(b"\n").rsplit(b",", 1)
        berkas.write_bytes(akhir[0] + b",7\n")  # last answer of the last row: 7
    print(f"{'berkas':<12} {'keluar':>6} {'detik':>7} {'puncak RSS':>11}  batas {BATAS_MB} MB")
    for nama, folder in (("bersih", bersih), ("satu-galat", kotor)):
        kode, detik, mb = periksa(folder)
        tanda = "ok" if mb <= BATAS_MB else "MELEBIHI BATAS"
        print(f"{nama:<12} {kode:>6} {detik:>7.1f} {mb:>8.0f} MB  {tanda}")


if __name__ == "__main__":
    main()
