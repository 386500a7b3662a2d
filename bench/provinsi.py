"""Province-size benchmark: the real ``skm build`` on 2 000 units × 8 periods × 200 respondents.

Run from the repository root with the project's virtualenv::

    python bench/provinsi.py                    # 2 000 units, and 250 / 500 / 1 000 for scaling
    python bench/provinsi.py --unit 200         # a quick look (scaling sizes below 200 only)
    python bench/provinsi.py --skala            # the full size only, no scaling table
    python bench/provinsi.py --skala 100 400    # other scaling sizes

For every size a synthetic, valid data folder is written once by :mod:`sintetis` into
``bench/_data/`` (3.2 M rows at full size). Then, in a temporary project (copies of
``mkdocs.yml``, the hand-written ``content/`` without ``content/_dibangun``, and the data):

1. ``python -m skm_build build`` as a subprocess, under ``/usr/bin/time`` when present so
   the peak RSS is exact (its ``%M``); the child's ``/proc/<pid>/status`` is polled as well
   (``VmHWM``, the fallback, and ``VmRSS`` per stage). Every stage line the build prints
   is parsed; the wall time includes interpreter start-up and imports.
2. A bare CSV parse of the same files: ``pandas.read_csv`` of every CSV, in a fresh
   subprocess, timed around the reads only. The compute stages (``periksa data`` +
   ``hitung IKM``) are compared with it.
3. The built site: page count, total size, and the biggest contributors.

Goals from the issue ("Trust at scale"): compute ≤ 1.5 × the bare parse, peak ≤ 2 GB, the
whole build under 10 minutes on 2 cores. With several sizes, each stage's time per unit
is shown at every size; a stage whose time per unit grows by more than 25 % from the
smallest to the largest size is flagged as superlinear.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import sintetis

AKAR = Path(__file__).resolve().parents[1]
TIME = Path("/usr/bin/time")
DETAK = os.sysconf("SC_CLK_TCK")
EPOCH = "1767225600"
TAHAP = re.compile(r"^  (\S.*?)\s+(\d+\.\d+) s\b")
TAHAP_HITUNG = ("periksa data", "hitung IKM")
TUJUAN_RASIO = 1.5
TUJUAN_PUNCAK = 2_000_000_000  # bytes
TUJUAN_DETIK = 600
BATAS_LINEAR = 1.25
UKURAN_BAKU = 2000
SKALA_BAKU = (250, 500, 1000)

ANAK_CSV = r"""
import json, sys, time
from pathlib import Path
import pandas as pd
berkas = sorted(Path(sys.argv[1]).glob("survei/*/*.csv"))
t0, c0 = time.perf_counter(), time.process_time()
baris = sum(len(pd.read_csv(b)) for b in berkas)
print(json.dumps({"detik": time.perf_counter() - t0, "cpu": time.process_time() - c0,
                  "baris": baris, "berkas": len(berkas)}))
"""


# --------------------------------------------------------------------------------------
# Project copy
# --------------------------------------------------------------------------------------


def salin_proyek(tujuan: Path, data: Path) -> None:
    """Config (and its theme custom_dir), hand-written pages, data (hard links if possible)."""
    konfigurasi = (AKAR / "mkdocs.yml").read_text(encoding="utf-8")
    (tujuan / "mkdocs.yml").write_text(konfigurasi, encoding="utf-8")
    for relatif in re.findall(r"^\s*custom_dir:\s*([^\s#]+)", konfigurasi, re.MULTILINE):
        puncak = Path(relatif).parts[0]
        if not Path(relatif).is_absolute() and not (tujuan / puncak).exists():
            (tujuan / puncak).symlink_to(AKAR / puncak, target_is_directory=True)
    shutil.copytree(AKAR / "content", tujuan / "content",
                    ignore=lambda folder, nama: [n for n in nama if n.startswith("_dibangun")])

    def tautan(asal: str, ke: str) -> None:
        try:
            os.link(asal, ke)  # a copy without the bytes: the build only reads data/
        except OSError:
            shutil.copy2(asal, ke)

    shutil.copytree(data, tujuan / "data", copy_function=tautan,
                    ignore=shutil.ignore_patterns(sintetis.PENANDA))


def lingkungan() -> dict[str, str]:
    env = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH, "NO_MKDOCS_2_WARNING": "1",
           "PYTHONPATH": str(AKAR)}
    env.pop("SKM_SITE_URL", None)
    return env


# --------------------------------------------------------------------------------------
# The build, watched
# --------------------------------------------------------------------------------------


def _status(pid: int) -> dict[str, int]:
    """VmHWM and VmRSS of a live process, in bytes ({} once it is gone)."""
    hasil = {}
    try:
        with open(f"/proc/{pid}/status") as f:
            for baris in f:
                kunci = baris.split(":", 1)[0]
                if kunci in ("VmHWM", "VmRSS"):
                    hasil[kunci] = int(baris.split()[1]) * 1024
    except (OSError, ValueError):
        pass
    return hasil


def _cpu(pid: int) -> float | None:
    """User + system CPU seconds of a live process (None once it is gone)."""
    try:
        medan = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return None
    return (int(medan[11]) + int(medan[12])) / DETAK


def _anak(pid: int) -> int | None:
    try:
        anak = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        return None
    return int(anak[0]) if anak else None


class _Pengamat:
    """Watches the build: its output lines, and CPU time and RSS per stage.

    ``skm build`` prints a stage's line when the stage ends, so the CPU time the process
    has used is read as each line arrives; a stage's CPU time is the difference to the
    previous line (the first line, ``skm build: …``, comes after the imports).
    """

    def __init__(self, proses: subprocess.Popen, pid: int | None) -> None:
        self.proses, self.pid = proses, pid
        self.baris: list[str] = []
        self.cpu_tahap: dict[str, float] = {}
        self.rss_tahap: dict[str, int] = {}
        self.puncak_hwm = 0
        self._cpu_lalu: float | None = None
        self._tahap_kini = "(start-up, imports)"
        self._kunci = threading.Lock()

    def cari_pid(self) -> int | None:
        if self.pid is None:
            self.pid = _anak(self.proses.pid)
        return self.pid

    def baca(self) -> None:
        assert self.proses.stdout is not None
        for baris in self.proses.stdout:
            pid = self.cari_pid()
            cpu = None if pid is None else _cpu(pid)
            baris = baris.rstrip("\n")
            self.baris.append(baris)
            cocok = TAHAP.match(baris)
            with self._kunci:
                if cocok and cpu is not None and self._cpu_lalu is not None:
                    self.cpu_tahap[cocok.group(1)] = cpu - self._cpu_lalu
                if cpu is not None:
                    self._cpu_lalu = cpu
                if cocok:
                    self._tahap_kini = f"(after {cocok.group(1)})"

    def ukur(self) -> None:
        pid = self.cari_pid()
        if pid is None:
            return
        s = _status(pid)
        with self._kunci:
            self.puncak_hwm = max(self.puncak_hwm, s.get("VmHWM", 0))
            kini = self._tahap_kini
            self.rss_tahap[kini] = max(self.rss_tahap.get(kini, 0), s.get("VmRSS", 0))


def skm_build(akar: Path, batas_waktu: float) -> dict:
    """Run ``skm build`` in ``akar``; stage times, peak memory and wall time."""
    perintah = [sys.executable, "-m", "skm_build", "build"]
    laporan_time = akar / ".time"
    if TIME.exists():
        perintah = [str(TIME), "-f", "%M %U %S", "-o", str(laporan_time), *perintah]
    mulai = time.perf_counter()
    proses = subprocess.Popen(perintah, cwd=akar, env=lingkungan(), stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, text=True)
    amati = _Pengamat(proses, None if TIME.exists() else proses.pid)
    pembaca = threading.Thread(target=amati.baca, daemon=True)
    pembaca.start()
    while proses.poll() is None:
        amati.ukur()
        if time.perf_counter() - mulai > batas_waktu:
            proses.kill()
            proses.wait()
            sys.exit(f"skm build took longer than {batas_waktu:.0f} s: killed")
        time.sleep(0.05)
    detik = time.perf_counter() - mulai
    pembaca.join()
    if proses.returncode != 0:
        sys.exit(f"skm build exited {proses.returncode}:\n" + "\n".join(amati.baris[-40:]))
    tahap: dict[str, float] = {}
    for baris in amati.baris:
        cocok = TAHAP.match(baris)
        if cocok:
            tahap[cocok.group(1)] = float(cocok.group(2))
    puncak, cpu = amati.puncak_hwm, None
    if laporan_time.exists():
        with contextlib.suppress(ValueError, IndexError):
            m, u, s = laporan_time.read_text().split()[-3:]
            puncak, cpu = int(m) * 1024, float(u) + float(s)
    # RSS per stage: measured while it ran, i.e. after the previous stage's line
    nama = list(tahap)
    rss: dict[str, int] = {}
    for kunci, nilai in amati.rss_tahap.items():
        if kunci.startswith("(after "):
            sebelum = kunci[len("(after "):-1]
            i = nama.index(sebelum) + 1 if sebelum in nama else len(nama)
            kunci = nama[i] if i < len(nama) else "(exit)"
        else:
            kunci = nama[0] if nama else kunci
        rss[kunci] = max(rss.get(kunci, 0), nilai)
    return {"detik": detik, "cpu": cpu, "tahap": tahap, "cpu_tahap": amati.cpu_tahap,
            "puncak": puncak, "puncak_poll": amati.puncak_hwm, "rss_tahap": rss,
            "keluaran": amati.baris}


def parse_csv(data: Path) -> dict:
    r = subprocess.run([sys.executable, "-c", ANAK_CSV, str(data)], capture_output=True,
                       text=True, check=False)
    if r.returncode != 0:
        sys.exit(f"bare CSV parse failed:\n{r.stderr}")
    return json.loads(r.stdout)


# --------------------------------------------------------------------------------------
# The site
# --------------------------------------------------------------------------------------


def ukur_situs(situs: Path) -> dict:
    """Sizes of the built site by kind of file, and the biggest single files."""
    kelompok: dict[str, int] = {}
    halaman = 0
    berkas_semua = []
    for b in situs.rglob("*"):
        if not b.is_file():
            continue
        ukuran = b.stat().st_size
        relatif = b.relative_to(situs).as_posix()
        berkas_semua.append((ukuran, relatif))
        if relatif.startswith("search/"):
            jenis = "search index"
        elif relatif.startswith("sitemap"):
            jenis = "sitemap"
        elif relatif.endswith(".html"):
            halaman += 1
            bagian = relatif.split("/")[0] if "/" in relatif else "(root)"
            jenis = f"HTML {bagian}/"
        elif relatif.startswith("data/"):
            jenis = "open data (data/)"
        elif relatif.startswith("assets/"):
            jenis = "assets (theme, plotly, skm)"
        else:
            jenis = "other"
        kelompok[jenis] = kelompok.get(jenis, 0) + ukuran
    berkas_semua.sort(reverse=True)
    return {"total": sum(kelompok.values()), "halaman": halaman, "kelompok": kelompok,
            "terbesar": berkas_semua[:6], "berkas": len(berkas_semua)}


# --------------------------------------------------------------------------------------


def mb(n: float) -> str:
    return f"{n / 1e6:,.1f} MB"


def ukur(unit: int, periode: int, responden: int, batas_waktu: float, simpan: bool) -> dict:
    nama = f"u{unit}-p{periode}-r{responden}"
    data = sintetis.buat(nama, unit, periode, responden)
    akar = Path(tempfile.mkdtemp(prefix=f"skm-bench-provinsi-{unit}-"))
    try:
        salin_proyek(akar, data)
        hasil = skm_build(akar, batas_waktu)
        hasil["csv"] = parse_csv(akar / "data")
        hasil["situs"] = ukur_situs(akar / "site")
    finally:
        if simpan:
            print(f"  (kept {akar})")
        else:
            shutil.rmtree(akar, ignore_errors=True)
    hasil.update(unit=unit, baris=unit * periode * responden)
    return hasil


def _cpu_teks(v: float | None) -> str:
    return f"{'-':>8}  " if v is None else f"{v:8.2f} s"


def cetak_penuh(h: dict) -> None:
    print(f"\n== {h['unit']:,} units: {h['baris']:,} rows in {h['csv']['berkas']:,} CSV files ==")
    print("skm build stages            wall         CPU   RSS during the stage")
    for nama, detik in h["tahap"].items():
        rss = h["rss_tahap"].get(nama)
        print(f"  {nama:<22} {detik:8.2f} s  {_cpu_teks(h['cpu_tahap'].get(nama))}"
              + (f"   {mb(rss):>10}" if rss else ""))
    lain = h["detik"] - sum(h["tahap"].values())
    cpu_lain = (None if h["cpu"] is None
                else h["cpu"] - sum(h["cpu_tahap"].get(n, 0.0) for n in h["tahap"]))
    print(f"  {'(start-up, imports)':<22} {lain:8.2f} s  {_cpu_teks(cpu_lain)}")
    print(f"  {'whole build':<22} {h['detik']:8.2f} s  {_cpu_teks(h['cpu'])}   goal < "
          f"{TUJUAN_DETIK} s wall {'OK' if h['detik'] < TUJUAN_DETIK else 'OVER'}")
    print(f"  peak memory            {mb(h['puncak']):>10}   goal ≤ {mb(TUJUAN_PUNCAK)} "
          f"{'OK' if h['puncak'] <= TUJUAN_PUNCAK else 'OVER'}"
          + ("   (/usr/bin/time %M)" if TIME.exists() else "   (VmHWM polled)"))
    c = h["csv"]
    hitung = sum(h["tahap"].get(t, 0.0) for t in TAHAP_HITUNG)
    rasio = hitung / c["detik"]
    print(f"compute ({' + '.join(TAHAP_HITUNG)}) vs a bare pandas.read_csv of the same "
          f"{c['berkas']:,} files ({c['baris']:,} rows), in the same run:")
    print(f"  wall {hitung:.2f} s vs {c['detik']:.2f} s: ratio {rasio:.2f}, goal ≤ "
          f"{TUJUAN_RASIO} {'OK' if rasio <= TUJUAN_RASIO else 'OVER'}")
    if all(t in h["cpu_tahap"] for t in TAHAP_HITUNG):
        cpu = sum(h["cpu_tahap"][t] for t in TAHAP_HITUNG)
        print(f"  CPU  {cpu:.2f} s vs {c['cpu']:.2f} s: ratio {cpu / c['cpu']:.2f}")
    s = h["situs"]
    print(f"site: {s['halaman']:,} HTML pages, {s['berkas']:,} files, {mb(s['total'])}")
    for jenis, ukuran in sorted(s["kelompok"].items(), key=lambda x: -x[1]):
        if ukuran >= s["total"] / 1000:
            print(f"  {jenis:<28} {mb(ukuran):>10}  {ukuran / s['total']:5.1%}")
    print("  biggest files: " + ", ".join(f"{p} {mb(u)}" for u, p in s["terbesar"]))


def _baris_skala(nama: str, nilai: list[float | None], semua: list[dict]) -> None:
    per_unit = [None if v is None else 1000 * v / h["unit"]
                for v, h in zip(nilai, semua, strict=True)]
    sel = "".join(f"{'-':>10}" if v is None else f"{v:10.2f}" for v in per_unit)
    tumbuh = ""
    if per_unit[0] and per_unit[-1] is not None and (nilai[-1] or 0) >= 0.5:
        g = per_unit[-1] / per_unit[0]
        tumbuh = f"{g:5.2f}×" + ("  SUPERLINEAR" if g > BATAS_LINEAR else "")
    print(f"  {nama:<22}{sel}   {tumbuh}")


def cetak_skala(semua: list[dict]) -> None:
    semua = sorted(semua, key=lambda h: h["unit"])
    print(f"\n== Scaling: ms per unit at each size; growth = last / first, flagged "
          f"above {BATAS_LINEAR:.2f}× ==")
    kepala = "".join(f"{h['unit']:>10,}" for h in semua)
    nama = list(dict.fromkeys(n for h in semua for n in h["tahap"]))
    for judul, kunci, total, csv_ in (("CPU time (steadier on a busy machine)", "cpu_tahap",
                                       "cpu", "cpu"),
                                      ("wall time", "tahap", "detik", "detik")):
        print(f"  {judul:<22}{kepala}   growth")
        for n in nama:
            _baris_skala(n, [h[kunci].get(n) for h in semua], semua)
        _baris_skala("whole build", [h[total] for h in semua], semua)
        _baris_skala("bare CSV parse", [h["csv"][csv_] for h in semua], semua)
    print(f"  {'peak memory (MB)':<22}"
          + "".join(f"{h['puncak'] / 1e6:10.0f}" for h in semua))
    print(f"  {'site size (MB)':<22}"
          + "".join(f"{h['situs']['total'] / 1e6:10.1f}" for h in semua))
    print(f"  {'search index (MB)':<22}"
          + "".join(f"{h['situs']['kelompok'].get('search index', 0) / 1e6:10.1f}"
                    for h in semua))


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--unit", type=int, default=UKURAN_BAKU, help="units at full size")
    p.add_argument("--periode", type=int, default=8)
    p.add_argument("--responden", type=int, default=200)
    p.add_argument("--skala", type=int, nargs="*", default=None,
                   help=f"smaller sizes for the scaling table (default {SKALA_BAKU}, "
                        "those below --unit); none: full size only")
    p.add_argument("--batas-waktu", type=float, default=3600, help="kill a build after (s)")
    p.add_argument("--simpan", action="store_true", help="keep the temporary projects")
    p.add_argument("--json", type=Path, help="also write the figures to this file")
    a = p.parse_args()
    skala = [u for u in (SKALA_BAKU if a.skala is None else a.skala) if u < a.unit]
    print(f"Python {sys.version.split()[0]}  CPUs {os.cpu_count()}  "
          f"sizes {[*skala, a.unit]} units × {a.periode} periods × {a.responden} respondents")
    semua = []
    for unit in sorted(skala):
        h = ukur(unit, a.periode, a.responden, a.batas_waktu, a.simpan)
        print(f"  {unit:,} units: build {h['detik']:.1f} s, peak {mb(h['puncak'])}", flush=True)
        semua.append(h)
    penuh = ukur(a.unit, a.periode, a.responden, a.batas_waktu, a.simpan)
    semua.append(penuh)
    cetak_penuh(penuh)
    if len(semua) > 1:
        cetak_skala(semua)
    if a.json:
        a.json.write_text(json.dumps([{k: v for k, v in h.items() if k != "keluaran"}
                                      for h in semua], indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
