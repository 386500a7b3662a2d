"""Benchmark of the site build and of what a citizen's phone downloads.

Run from the repository root with the project's virtualenv::

    python bench/situs.py                 # 3 runs each, page weights with Chromium
    python bench/situs.py --runs 5
    python bench/situs.py --no-weight     # build times only (no browser)
    python bench/situs.py --profile       # also cProfile of the generate stage

Everything happens in a temporary copy of the project (``mkdocs.yml``, hand-written
``content/``, ``data/``), so the working tree's ``site/`` is never touched.

1. Build time, each run in a fresh ``python`` subprocess and interleaved ``a b a b a b``
   so that caches and clock drift treat both alike (one untimed warm-up first):

   (a) ``skm build``: check, compute, write Markdown, MkDocs, swap into ``site/``;
   (b) a bare ``mkdocs build -f`` of the same generated ``content/_dibangun`` with the
       same nav (a config that ``INHERIT``s ``mkdocs.yml`` and adds what ``skm build``
       passes: docs_dir, nav, site_name): what plain MkDocs costs for this site.

   Wall time of each subprocess (start-up and imports included, as a user waits for
   it) and its CPU time (user + system: steadier on a busy machine), median of the
   runs; goal (a) ≤ 1.5 × (b). The stage times ``skm build`` prints are shown as
   medians too.

2. Page weight: the built site is served gzip-compressed like GitHub Pages
   (``/work/shared/tools/serve.py --gzip`` when present, else the same logic here) and
   each page is opened in a fresh headless Chromium context (empty cache). Every
   response's encoded body size is summed: the first view (what loads without
   scrolling) and the whole page after scrolling every chart into view. Goal: first
   view of ``/`` ≤ 500 kB (500 000 bytes) gzip.
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import gzip
import http.server
import io
import json
import os
import pstats
import re
import resource
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

AKAR = Path(__file__).resolve().parents[1]
SERVE = Path("/work/shared/tools/serve.py")
CHROMIUM = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
TUJUAN_RASIO = 1.5
TUJUAN_BERAT = 500_000  # bytes, gzip, first view of /
HALAMAN = {"beranda": "", "opd": "opd/dukcapil/", "periode": "periode/2025-s2/"}
EPOCH = "1767225600"
TAHAP = re.compile(r"^  (\S.*?)\s+(\d+\.\d+) s\b", re.MULTILINE)


# --------------------------------------------------------------------------------------
# Project copy and the two builds
# --------------------------------------------------------------------------------------


def salin_proyek(tujuan: Path, data: Path) -> None:
    """Config (and its theme custom_dir), hand-written pages, data."""
    konfigurasi = (AKAR / "mkdocs.yml").read_text(encoding="utf-8")
    (tujuan / "mkdocs.yml").write_text(konfigurasi, encoding="utf-8")
    for relatif in re.findall(r"^\s*custom_dir:\s*([^\s#]+)", konfigurasi, re.MULTILINE):
        puncak = Path(relatif).parts[0]  # link the top folder: a half-copied package
        if not Path(relatif).is_absolute() and not (tujuan / puncak).exists():
            (tujuan / puncak).symlink_to(AKAR / puncak, target_is_directory=True)
    shutil.copytree(AKAR / "content", tujuan / "content",
                    ignore=lambda folder, nama: [n for n in nama if n.startswith("_dibangun")])
    shutil.copytree(data, tujuan / "data")


def lingkungan() -> dict[str, str]:
    env = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("SKM_SITE_URL", None)
    return env


def _cpu_anak() -> float:
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def jalankan(perintah: list[str], cwd: Path) -> tuple[float, float, str]:
    """Wall and CPU seconds (user + system) of one subprocess, and its stderr."""
    cpu, mulai = _cpu_anak(), time.perf_counter()
    r = subprocess.run(perintah, cwd=cwd, env=lingkungan(), capture_output=True, text=True,
                       check=False)
    detik, cpu = time.perf_counter() - mulai, _cpu_anak() - cpu
    if r.returncode != 0:
        sys.exit(f"{' '.join(perintah)} exited {r.returncode}:\n{r.stderr}")
    return detik, cpu, r.stderr


def skm_build(akar: Path) -> tuple[float, float, str]:
    return jalankan([sys.executable, "-m", "skm_build", "build"], akar)


def mkdocs_polos(akar: Path) -> tuple[float, float, str]:
    return jalankan([sys.executable, "-m", "mkdocs", "build", "-q", "-f",
                     str(akar / "mkdocs-polos.yml")], akar)


def tulis_konfigurasi_polos(akar: Path) -> None:
    """A config for plain MkDocs that equals what ``skm build`` hands to MkDocs.

    The nav comes from the project's own code (check, compute, write the docs folder:
    the same deterministic Markdown the timed builds wrote).
    """
    sys.path.insert(0, str(AKAR))
    from skm_build.situs import bangun as situs

    proyek = situs.Proyek(akar, akar / "data")
    with contextlib.redirect_stderr(io.StringIO()):
        hasil = situs.hitung(proyek)
        nav = situs.tulis_konten(proyek, hasil)
    konfigurasi = {
        "INHERIT": "mkdocs.yml",
        "docs_dir": str(proyek.dibangun),
        "site_dir": str(akar / "site-polos"),
        "site_name": f"SKM {hasil.data.kabupaten.nama}",
        "strict": True,
        "nav": nav,
    }
    # JSON is YAML: no quoting questions for titles with commas or colons.
    (akar / "mkdocs-polos.yml").write_text(json.dumps(konfigurasi, ensure_ascii=False,
                                                      indent=1), encoding="utf-8")


def ukur_build(akar: Path, runs: int) -> None:
    print(f"Build time, median of {runs} (fresh subprocess each, interleaved)")
    skm_build(akar)  # warm-up: file cache, and the Markdown the bare build reads
    tulis_konfigurasi_polos(akar)
    mkdocs_polos(akar)
    waktu: dict[str, list[tuple[float, float]]] = {"skm": [], "polos": []}
    tahap: dict[str, list[float]] = {}
    for _ in range(runs):
        detik, cpu, keluaran = skm_build(akar)
        waktu["skm"].append((detik, cpu))
        for nama, s in TAHAP.findall(keluaran):
            tahap.setdefault(nama, []).append(float(s))
        waktu["polos"].append(mkdocs_polos(akar)[:2])
    # Wall time is what a user waits; CPU time (user + system of the subprocess) is what
    # to compare on a busy machine, where the wall clock also counts other processes.
    for i, jenis in enumerate(("wall", "CPU")):
        a = statistics.median(x[i] for x in waktu["skm"])
        b = statistics.median(x[i] for x in waktu["polos"])
        print(f"  {jenis}:")
        print(f"    (a) skm build          {a:6.2f} s   runs: {_daftar(waktu['skm'], i)}")
        print(f"    (b) bare mkdocs build  {b:6.2f} s   runs: {_daftar(waktu['polos'], i)}")
        print(f"    ratio a/b              {a / b:6.2f}     goal ≤ {TUJUAN_RASIO} "
              f"{'OK' if a / b <= TUJUAN_RASIO else 'OVER'}")
    print("  skm build stages (median wall):")
    for nama, nilai in tahap.items():
        print(f"    {nama:<22} {statistics.median(nilai):6.2f} s")
    a = statistics.median(x[0] for x in waktu["skm"])
    rest = a - sum(map(statistics.median, tahap.values()))
    print(f"    {'(start-up, imports)':<22} {rest:6.2f} s")


def _daftar(nilai: list[tuple[float, float]], i: int) -> str:
    return " ".join(f"{x[i]:.2f}" for x in nilai)


def profil(akar: Path) -> None:
    """cProfile of the generate-pages stage (what skm adds before MkDocs runs)."""
    sys.path.insert(0, str(AKAR))
    from skm_build.situs import bangun as situs

    proyek = situs.Proyek(akar, akar / "data")
    with contextlib.redirect_stderr(io.StringIO()):
        hasil = situs.hitung(proyek)
        pr = cProfile.Profile()
        pr.enable()
        situs.tulis_konten(proyek, hasil)
        pr.disable()
    print("\nProfile of 'tulis halaman' (cumulative, top 25)")
    pstats.Stats(pr, stream=sys.stdout).sort_stats("cumulative").print_stats(25)


# --------------------------------------------------------------------------------------
# Page weight
# --------------------------------------------------------------------------------------


class _GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Fallback when the shared tools are absent: gzip text like GitHub Pages."""

    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        jalur = self.translate_path(self.path)
        if os.path.isdir(jalur) and self.path.split("?", 1)[0].endswith("/"):
            jalur = os.path.join(jalur, "index.html")
        jenis = self.guess_type(jalur)
        if (os.path.isfile(jalur) and "gzip" in self.headers.get("Accept-Encoding", "")
                and jenis.startswith(("text/", "application/javascript", "application/json",
                                      "application/xml", "image/svg+xml"))):
            with open(jalur, "rb") as f:
                isi = gzip.compress(f.read(), 6)
            self.send_response(200)
            for k, v in [("Content-Type", jenis), ("Content-Encoding", "gzip"),
                         ("Content-Length", str(len(isi)))]:
                self.send_header(k, v)
            self.end_headers()
            self.wfile.write(isi)
            return
        super().do_GET()


@contextlib.contextmanager
def layani(situs: Path):
    """Serve ``situs`` gzip-compressed on 127.0.0.1; yield the base URL."""
    if SERVE.is_file():
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        proses = subprocess.Popen([sys.executable, str(SERVE), str(situs), str(port), "--gzip"],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        alamat = f"http://127.0.0.1:{port}/"
        try:
            for _ in range(100):
                try:
                    urllib.request.urlopen(alamat, timeout=1).close()
                    break
                except OSError:
                    time.sleep(0.1)
            yield alamat
        finally:
            proses.terminate()
            proses.wait(timeout=10)
    else:
        import functools

        server = http.server.ThreadingHTTPServer(
            ("127.0.0.1", 0), functools.partial(_GzipHandler, directory=str(situs)))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        try:
            yield f"http://127.0.0.1:{server.server_address[1]}/"
        finally:
            server.shutdown()
            server.server_close()


def jenis_aset(url: str) -> str:
    jalur = urlsplit(url).path
    nama = jalur.rsplit("/", 1)[-1]
    if "plotly" in nama:
        return "plotly"
    if jalur.endswith("/") or nama.endswith(".html"):
        return "html"
    for akhiran, jenis in [(".css", "css"), (".js", "js"), (".json", "json")]:
        if nama.endswith(akhiran):
            return jenis
    return "lain"


def berat_halaman(browser, alamat: str, gulir: bool) -> tuple[int, dict[str, int], list[str]]:
    """Encoded bytes of every response while loading one page in an empty cache."""
    context = browser.new_context(viewport={"width": 412, "height": 823})
    permintaan = []
    context.on("requestfinished", lambda r: permintaan.append(r))
    page = context.new_page()
    page.goto(alamat, wait_until="networkidle")
    page.wait_for_timeout(300)
    if gulir:
        wadah = page.locator("[data-plotly]")
        for i in range(wadah.count()):
            wadah.nth(i).scroll_into_view_if_needed()
            wadah.nth(i).locator("svg.main-svg").first.wait_for(state="attached",
                                                                timeout=30_000)
        page.wait_for_load_state("networkidle")
    rincian: dict[str, int] = {}
    for r in permintaan:
        if urlsplit(r.url).scheme not in ("http", "https"):
            continue
        ukuran = r.sizes()
        rincian[jenis_aset(r.url)] = (rincian.get(jenis_aset(r.url), 0)
                                      + ukuran["responseBodySize"])
    berkas = sorted({urlsplit(r.url).path.rsplit("/", 1)[-1] or "index"
                     for r in permintaan if jenis_aset(r.url) == "plotly"})
    context.close()
    return sum(rincian.values()), rincian, berkas


def ukur_berat(situs: Path) -> None:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        print("\nPage weight: skipped (playwright not installed)")
        return
    if not Path(CHROMIUM).exists():
        print(f"\nPage weight: skipped ({CHROMIUM} not found)")
        return
    print("\nPage weight, gzip, empty cache (kB = 1000 bytes)")
    print(f"  {'page':<26} {'view':<11} {'total':>8}  html   css    js  json plotly  other"
          "  bundle")
    with layani(situs) as dasar, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        pertama = None
        for jenis, jalur in HALAMAN.items():
            for gulir in (False, True):
                total, rincian, bundle = berat_halaman(browser, dasar + jalur, gulir)
                if jenis == "beranda" and not gulir:
                    pertama = total
                kolom = "  ".join(f"{rincian.get(k, 0) / 1000:4.0f}"
                                  for k in ("html", "css", "js", "json", "plotly", "lain"))
                print(f"  {'/' + jalur:<26} {'all charts' if gulir else 'first view':<11} "
                      f"{total / 1000:7.1f}  {kolom}  {' '.join(bundle) or '-'}")
        browser.close()
    assert pertama is not None
    print(f"  first view of /: {pertama / 1000:.1f} kB, goal ≤ {TUJUAN_BERAT / 1000:.0f} kB "
          f"{'OK' if pertama <= TUJUAN_BERAT else 'OVER'}")


# --------------------------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--data", type=Path, default=AKAR / "data")
    parser.add_argument("--no-weight", action="store_true", help="skip the browser part")
    parser.add_argument("--profile", action="store_true", help="cProfile 'tulis halaman'")
    parser.add_argument("--keep", action="store_true", help="keep the temporary project")
    args = parser.parse_args()

    akar = Path(tempfile.mkdtemp(prefix="skm-bench-situs-"))
    try:
        salin_proyek(akar, args.data.resolve())
        print(f"Data: {args.data}  Python {sys.version.split()[0]}  CPUs {os.cpu_count()}  "
              f"project copy: {akar}")
        ukur_build(akar, args.runs)
        if args.profile:
            profil(akar)
        if not args.no_weight:
            ukur_berat(akar / "site")
    finally:
        if args.keep:
            print(f"\nkept {akar}")
        else:
            shutil.rmtree(akar, ignore_errors=True)


if __name__ == "__main__":
    main()
