"""Benchmark of the engine: the project's load + compute path against a bare pandas read.

Run from the repository root with the project's virtualenv::

    python bench/engine.py                      # --rows 100000 1000000, 3 runs each
    python bench/engine.py --rows 100000 --runs 5
    python bench/engine.py --profil             # also cProfile (b) at the largest size
    python bench/engine.py --no-fast-path       # (b) as files with quotes or problems go

For every size a synthetic, valid data folder is written (once) by :mod:`sintetis` into
``bench/_data/``: ``rows / (periods × respondents)`` units, 4 periods and 200 respondents
per unit and period by default. Then, each in its own fresh ``python`` subprocess so that
every peak RSS is measured alone, and interleaved ``a b a b a b`` so that caches and clock
drift treat both alike:

(a) ``pandas.read_csv(path)`` of every CSV file of the folder — the floor any
    CSV-reading loader is compared with;
(b) ``periksa(folder)`` + ``hitung_semua(data)`` — everything the project does from
    ``data/`` to results (YAML, validation of every cell, tallies, IKM).

Times are measured inside the child around the work only (interpreter start-up and
imports excluded) and the median of the runs is shown. Peak RSS is the child's own
high-water mark ``VmHWM`` (whole process, imports included), the largest of the runs. Not
``ru_maxrss``: on Linux a child's ``ru_maxrss`` starts from the RSS of the parent at fork
time, so it would report this script's own size (which holds the generator's arrays)
whenever that is larger. The goal from the issue: (b) ≤ 1.5 × (a) and peak ≤ 1 GiB at a
million rows, growing linearly.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
from pathlib import Path

import sintetis

TUJUAN_RASIO = 1.5
TUJUAN_RSS_MIB = 1024
BATAS_LINEAR = 1.25  # time per row may grow this much between sizes and still count as linear

ANAK = r"""
import json, resource, sys, time
from pathlib import Path
mode, folder = sys.argv[1], Path(sys.argv[2])
import pandas as pd
from skm_build.kontrak import muat_csv as muat
from skm_build.hitung.hasil import hitung_semua
from skm_build.kontrak.muat import periksa
if sys.argv[3:] == ["--no-fast-path"]:
    muat._csv_bersih = lambda *_: None

def status(kunci):
    with open("/proc/self/status") as f:
        for baris in f:
            if baris.startswith(kunci + ":"):
                return int(baris.split()[1]) / 1024

awal = status("VmRSS")
hasil = {}
c0 = time.process_time()
t0 = time.perf_counter()
if mode == "pandas":
    baris = 0
    for berkas in sorted(folder.glob("survei/*/*.csv")):
        baris += len(pd.read_csv(berkas))
    hasil["baris"] = baris
else:
    pem = periksa(folder)
    t1 = time.perf_counter()
    if not pem.sah:
        print("\n".join(str(m) for m in pem.masalah.urut()[:20]), file=sys.stderr)
        sys.exit(3)
    h = hitung_semua(pem.data)
    hasil["periksa_s"] = t1 - t0
    hasil["hitung_s"] = time.perf_counter() - t1
    hasil["baris"] = sum(s.responden for s in pem.data.survei.values())
    hasil["peringatan"] = len(pem.masalah.peringatan_saja)
    hasil["ikm"] = [float(k.ikm) for k in h.kabupaten]
hasil["detik"] = time.perf_counter() - t0
hasil["cpu"] = time.process_time() - c0
hasil["rss_awal_mib"] = awal
hasil["rss_puncak_mib"] = status("VmHWM")
hasil["maxrss_mib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps(hasil))
"""

PROFIL = r"""
import cProfile, pstats, sys
from pathlib import Path
from skm_build.kontrak import muat_csv as muat
from skm_build.hitung.hasil import hitung_semua
from skm_build.kontrak.muat import periksa
folder = Path(sys.argv[1])
if sys.argv[2:] == ["--no-fast-path"]:
    muat._csv_bersih = lambda *_: None
pr = cProfile.Profile()
pr.enable()
hitung_semua(periksa(folder).data)
pr.disable()
st = pstats.Stats(pr)
st.sort_stats("cumulative").print_stats(r"skm_build", 25)
st.sort_stats("tottime").print_stats(20)
"""


def _jalankan(mode: str, folder: Path, lambat: bool) -> dict:
    perintah = [sys.executable, "-c", ANAK, mode, str(folder)]
    if lambat:
        perintah.append("--no-fast-path")
    proses = subprocess.run(perintah, capture_output=True, text=True, check=False)
    if proses.returncode != 0:
        sys.exit(f"child ({mode}) failed with code {proses.returncode}:\n{proses.stderr}")
    return json.loads(proses.stdout.strip().splitlines()[-1])


def _ukur(folder: Path, runs: int, lambat: bool) -> dict[str, list[dict]]:
    hasil: dict[str, list[dict]] = {"pandas": [], "proyek": []}
    for _ in range(runs):
        for mode in hasil:
            hasil[mode].append(_jalankan(mode, folder, lambat))
    return hasil


def _ringkas(daftar: list[dict]) -> dict:
    baris = {d["baris"] for d in daftar}
    assert len(baris) == 1, baris
    r = {"baris": baris.pop(),
         "detik": statistics.median(d["detik"] for d in daftar),
         "semua_detik": [d["detik"] for d in daftar],
         "cpu": statistics.median(d["cpu"] for d in daftar),
         "rss": max(d["rss_puncak_mib"] for d in daftar),
         "rss_awal": max(d["rss_awal_mib"] for d in daftar)}
    if "periksa_s" in daftar[0]:
        r["periksa"] = statistics.median(d["periksa_s"] for d in daftar)
        r["hitung"] = statistics.median(d["hitung_s"] for d in daftar)
        r["peringatan"] = daftar[0]["peringatan"]
    return r


def _angka(n: float) -> str:
    return f"{n:,.0f}"


def main() -> None:
    p = argparse.ArgumentParser(description="Benchmark: periksa+hitung_semua vs pandas.read_csv")
    p.add_argument("--rows", type=int, nargs="+", default=[100_000, 1_000_000],
                   help="total respondent rows per size (default: 100000 1000000)")
    p.add_argument("--runs", type=int, default=3, help="runs per size and path (median)")
    p.add_argument("--periods", type=int, default=4, help="periods per data folder")
    p.add_argument("--respondents", type=int, default=200,
                   help="respondents per unit and period")
    p.add_argument("--no-fast-path", action="store_true",
                   help="(b) with the loader's fast CSV path switched off: every file goes "
                   "through pandas, as a file with quotes or a problem does")
    p.add_argument("--profil", action="store_true",
                   help="finish with a cProfile of (b) at the largest size")
    a = p.parse_args()

    import numpy
    import pandas

    print(f"SKM engine benchmark — Python {platform.python_version()}, pandas "
          f"{pandas.__version__}, numpy {numpy.__version__}, {os.cpu_count()} CPU; "
          f"median of {a.runs} runs, each in a fresh subprocess")
    print("(a) pandas.read_csv(path) of every CSV   "
          "(b) skm_build periksa(folder) + hitung_semua(data)"
          + ("  [fast CSV path OFF]" if a.no_fast_path else ""))
    print("load average at start: " + " ".join(f"{x:.2f}" for x in os.getloadavg())
          + f" (times are noisy when it exceeds the {os.cpu_count()} CPUs)")
    hasil: dict[int, dict[str, dict]] = {}
    folder_terbesar = None
    for rows in sorted(a.rows):
        per_unit = a.periods * a.respondents
        unit = max(1, round(rows / per_unit))
        nama = f"u{unit}-p{a.periods}-r{a.respondents}"
        print(f"\n== {unit:,} units × {a.periods} periods × {a.respondents} respondents "
              f"= {unit * per_unit:,} rows, {unit * a.periods:,} CSV files ({nama})")
        folder = sintetis.buat(nama, unit, a.periods, a.respondents)
        folder_terbesar = folder
        ukuran = sum(f.stat().st_size for f in folder.glob("survei/*/*.csv")) / 2**20
        print(f"   CSV bytes: {ukuran:,.1f} MiB")
        mentah = _ukur(folder, a.runs, a.no_fast_path)
        ra, rb = _ringkas(mentah["pandas"]), _ringkas(mentah["proyek"])
        if ra["baris"] != rb["baris"]:
            sys.exit(f"row counts differ: pandas {ra['baris']}, project {rb['baris']}")
        hasil[ra["baris"]] = {"a": ra, "b": rb}
        for label, r in (("(a) pandas.read_csv ", ra), ("(b) periksa+hitung  ", rb)):
            runs = " ".join(f"{d:.2f}" for d in r["semua_detik"])
            print(f"   {label} {r['detik']:6.2f} s (CPU {r['cpu']:5.2f} s) "
                  f"{_angka(r['baris'] / r['detik']):>9} rows/s  peak RSS {r['rss']:6.1f} MiB "
                  f"(after imports {r['rss_awal']:.0f})  runs: {runs}")
        print(f"   (b) split: periksa {rb['periksa']:.2f} s, hitung_semua {rb['hitung']:.3f} s;"
              f" {rb['peringatan']} warnings")
        print(f"   ratio (b)/(a): time {rb['detik'] / ra['detik']:.2f}× "
              f"(CPU {rb['cpu'] / ra['cpu']:.2f}×), peak RSS {rb['rss'] / ra['rss']:.2f}×")

    print("\n== summary")
    ukuran = sorted(hasil)
    kecil, besar = ukuran[0], ukuran[-1]
    if len(ukuran) > 1:
        for k, nama in (("a", "(a) pandas"), ("b", "(b) project")):
            per_baris = [hasil[n][k]["detik"] / n * 1e6 for n in ukuran]
            tumbuh = per_baris[-1] / per_baris[0]
            kata = "linear" if tumbuh <= BATAS_LINEAR else "SUPERLINEAR"
            print(f"   {nama:12} µs/row: " + ", ".join(
                f"{_angka(n)}: {x:.2f}" for n, x in zip(ukuran, per_baris, strict=True))
                + f"  → {_angka(besar)} vs {_angka(kecil)}: {tumbuh:.2f}× ({kata})")
    rb, ra = hasil[besar]["b"], hasil[besar]["a"]
    rasio = rb["detik"] / ra["detik"]
    print(f"   goal at {_angka(besar)} rows: (b)/(a) ≤ {TUJUAN_RASIO}× → {rasio:.2f}× "
          f"{'OK' if rasio <= TUJUAN_RASIO else 'NOT MET'}; peak RSS ≤ {TUJUAN_RSS_MIB} MiB → "
          f"{rb['rss']:.0f} MiB {'OK' if rb['rss'] <= TUJUAN_RSS_MIB else 'NOT MET'}")
    print("   load average at end: " + " ".join(f"{x:.2f}" for x in os.getloadavg()))

    if a.profil and folder_terbesar is not None:
        print(f"\n== cProfile of (b) on {folder_terbesar.name}", flush=True)
        subprocess.run([sys.executable, "-c", PROFIL, str(folder_terbesar),
                        *(["--no-fast-path"] if a.no_fast_path else [])], check=True)


if __name__ == "__main__":
    main()
