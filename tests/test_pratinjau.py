"""``skm serve``: a local preview that rebuilds when data or pages change."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from bantuan import salin_proyek


def _port_bebas() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _tunggu(url: str, ada: str, batas: float = 120) -> str:
    """Fetch ``url`` until its text contains ``ada`` (the preview rebuilds in seconds)."""
    akhir = time.monotonic() + batas
    while time.monotonic() < akhir:
        try:
            teks = urllib.request.urlopen(url, timeout=5).read().decode()
            if ada in teks:
                return teks
        except OSError:
            pass
        time.sleep(0.5)
    raise AssertionError(f"{url} never contained {ada!r}")


def test_pratinjau_membangun_ulang_bila_halaman_tulisan_tangan_berubah(tmp_path: Path) -> None:
    akar = salin_proyek(tmp_path / "proyek")
    port = _port_bebas()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    proses = subprocess.Popen([sys.executable, "-m", "skm_build", "serve", "--port", str(port)],
                              cwd=akar, env=env, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)
    try:
        url = f"http://127.0.0.1:{port}/tentang/"
        _tunggu(url, "Tentang situs ini")
        halaman = akar / "content" / "tentang.md"
        halaman.write_text(halaman.read_text(encoding="utf-8").replace(
            "# Tentang situs ini", "# Tentang situs SKM ini"), encoding="utf-8")
        _tunggu(url, "Tentang situs SKM ini")
    finally:
        proses.terminate()
        proses.wait(timeout=30)
