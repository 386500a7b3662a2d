"""What a citizen's phone gets: Lighthouse scores and first-view weight of four pages.

Run from the repository root with the project's virtualenv, after the measuring tools
are installed (``bash /work/shared/tools/setup.sh``, or a copy of that folder)::

    python bench/warga.py                          # builds a copy, 3 Lighthouse runs
    python bench/warga.py --runs 5 --alat /tmp/skm-tools

1. The sample data is built with ``skm build`` in a temporary copy of the project (the
   working tree's ``site/`` is never touched).
2. Lighthouse, mobile emulation, the site served gzip-compressed like GitHub Pages
   (``lighthouse.sh`` with ``GZIP=1``), ``--runs`` times per page; the median of each
   figure is printed. Goals: performance ≥ 95 and accessibility ≥ 95.
3. First-view weight: each page opened in a fresh Chromium context (empty cache) with
   nothing scrolled, the encoded bytes of every response summed (the same measurement
   as ``bench/situs.py``). Goal: ≤ 150 kB (150 000 bytes) before any chart is
   scrolled into view.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from situs import (  # the sibling benchmark's helpers, not copies
    AKAR,
    CHROMIUM,
    CHROMIUM_ARGS,
    berat_halaman,
    layani,
    salin_proyek,
    skm_build,
)

HALAMAN = ["/", "/opd/dukcapil/", "/periode/2025-s2/", "/laporan/2025-s2/"]
KOLOM = ("perf", "a11y", "bp", "seo", "bytes", "lcp_ms", "tbt_ms", "fcp_ms", "cls")
TUJUAN_SKOR = 95
TUJUAN_BERAT = 150_000  # bytes, gzip, first view


def lighthouse(alat: Path, situs: Path, runs: int) -> dict[str, list[dict[str, float]]]:
    """Every run's figures per page, from ``lighthouse.sh``'s one line per page."""
    hasil: dict[str, list[dict[str, float]]] = {h: [] for h in HALAMAN}
    for i in range(runs):
        keluar = subprocess.run(
            ["bash", str(alat / "lighthouse.sh"), str(situs), *HALAMAN],
            env={**os.environ, "GZIP": "1"}, capture_output=True, text=True, check=True)
        for baris in keluar.stdout.splitlines():
            bagian = baris.split()
            if bagian and bagian[0] in hasil and len(bagian) == 1 + len(KOLOM):
                hasil[bagian[0]].append(dict(zip(KOLOM, map(float, bagian[1:]), strict=True)))
        print(f"  lighthouse run {i + 1}/{runs} done", file=sys.stderr)
    return hasil


def berat_pertama(situs: Path) -> dict[str, int]:
    from playwright.sync_api import sync_playwright

    with layani(situs) as dasar, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        berat = {h: berat_halaman(browser, dasar + h.lstrip("/"), gulir=False)[0]
                 for h in HALAMAN}
        browser.close()
    return berat


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--alat", type=Path, default=Path("/work/shared/tools"),
                        help="folder of lighthouse.sh (the shared measuring tools)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-warga-") as tmp:
        akar = Path(tmp)
        salin_proyek(akar, AKAR / "data")
        skm_build(akar)
        situs = akar / "site"
        skor = lighthouse(args.alat, situs, args.runs)
        berat = berat_pertama(situs)
    print(f"\nLighthouse mobile, gzip, median of {args.runs} runs; first view at 412 px, "
          "gzip, empty cache, nothing scrolled")
    print(f"  {'page':<20} {'perf':>4} {'a11y':>4} {'lcp ms':>7} {'tbt ms':>7} {'cls':>5} "
          f"{'first view kB':>14}")
    baik = True
    for h in HALAMAN:
        m = {k: statistics.median(r[k] for r in skor[h]) for k in KOLOM} if skor[h] else {}
        if not m:
            print(f"  {h:<20} lighthouse gave no figures")
            baik = False
            continue
        ok = (m["perf"] >= TUJUAN_SKOR and m["a11y"] >= TUJUAN_SKOR
              and berat[h] <= TUJUAN_BERAT)
        baik = baik and ok
        print(f"  {h:<20} {m['perf']:4.0f} {m['a11y']:4.0f} {m['lcp_ms']:7.0f} "
              f"{m['tbt_ms']:7.0f} {m['cls']:5.2f} {berat[h] / 1000:14.1f}  "
              f"{'OK' if ok else 'OVER'}")
    print(f"  goals: perf ≥ {TUJUAN_SKOR}, a11y ≥ {TUJUAN_SKOR}, first view ≤ "
          f"{TUJUAN_BERAT / 1000:.0f} kB: {'all met' if baik else 'NOT all met'}")


if __name__ == "__main__":
    main()
