"""Helpers the site tests share: a project copy to build in, a build, a served site.

Every site test builds in a copy of the project (config, hand-written pages, data), so
a test that breaks something never touches the repository's own ``site/``.
"""

from __future__ import annotations

import functools
import hashlib
import os
import re
import shutil
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from skm_build import cli

AKAR = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
# Debian Chromium as DEVELOPERS.md launches it (Playwright's launch() makes a fresh profile).
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]


def salin_proyek(tujuan: Path, dengan_data: bool = True) -> Path:
    """The inputs of a build: mkdocs.yml, hand-written pages and (by default) the data.

    The theme's ``custom_dir`` is made absolute: a ``skm_build/`` folder inside the copy
    would shadow the installed package for ``python -m skm_build``.
    """
    tujuan.mkdir(parents=True, exist_ok=True)
    konfigurasi = (AKAR / "mkdocs.yml").read_text(encoding="utf-8")
    konfigurasi = re.sub(r"^(\s*custom_dir:\s*)([^\s#]+)",
                         lambda m: m.group(1) + str(AKAR / m.group(2)), konfigurasi,
                         flags=re.MULTILINE)
    (tujuan / "mkdocs.yml").write_text(konfigurasi, encoding="utf-8")
    shutil.copytree(AKAR / "content", tujuan / "content",
                    ignore=lambda folder, nama: [n for n in nama if n.startswith("_dibangun")])
    if dengan_data:
        shutil.copytree(AKAR / "data", tujuan / "data")
    return tujuan


def sidik(folder: Path) -> dict[str, str]:
    """sha256 of every file below ``folder``, by relative path: "left byte-identical"."""
    assert folder.is_dir(), folder
    return {b.relative_to(folder).as_posix(): hashlib.sha256(b.read_bytes()).hexdigest()
            for b in sorted(folder.rglob("*")) if b.is_file()}


def bangun(akar: Path) -> int:
    """``skm build`` in ``akar``, in this process; its exit code."""
    semula = Path.cwd()
    os.chdir(akar)
    try:
        return cli.main(["build"])
    finally:
        os.chdir(semula)


class _Senyap(SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


@contextmanager
def situs_tersaji(akar: Path, gagal: Callable[[str], object]) -> Iterator[str]:
    """Build ``akar`` and serve its ``site/`` on 127.0.0.1; yield the base URL.

    The port is bound before the build: it is part of ``site_url``, which the build
    writes into sitemap.xml (Material navigates instantly only to URLs listed there).
    """
    server = ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(_Senyap, directory=str(akar / "site")))
    server.daemon_threads = True
    alamat = f"http://127.0.0.1:{server.server_address[1]}/"
    lama = {k: os.environ.get(k) for k in ("SKM_SITE_URL", "NO_MKDOCS_2_WARNING")}
    os.environ.update(SKM_SITE_URL=alamat, NO_MKDOCS_2_WARNING="1")
    try:
        kode = bangun(akar)
    finally:
        for k, v in lama.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
    if kode != 0:
        server.server_close()
        gagal(f"skm build exited {kode}")
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield alamat
    finally:
        server.shutdown()
        server.server_close()


@contextmanager
def chromium() -> Iterator[object]:
    """Debian Chromium driven by Playwright; the test is skipped where it is missing."""
    import pytest

    sync_api = pytest.importorskip("playwright.sync_api")
    if not Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} not installed (apt-get install chromium)")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()
