"""``skm serve``: a local preview that rebuilds when staff edit data or pages.

It runs the real build (the same atomic swap into ``site/``) and serves ``site/`` on
127.0.0.1 only. A change under ``data/`` or ``content/`` triggers a rebuild; a rebuild
that fails prints its problems and keeps serving the last good site, exactly as the
published site would behave.
"""

from __future__ import annotations

import functools
import http.server
import os
import sys
import threading
import time
from pathlib import Path

from skm_build.kontrak.proyek import FOLDER_DIBANGUN, Proyek
from skm_build.situs.bangun import BangunGagal, bangun

JEDA = 1.0  # seconds between looks at the files: cheap, and fast enough for a person


def tanda_tangan(*folder: Path) -> tuple:
    """Names, sizes and mtimes of the files that feed the build."""
    hasil = []
    for f in folder:
        for b in sorted(f.rglob("*")):
            if FOLDER_DIBANGUN in b.parts or not b.is_file():
                continue
            st = b.stat()
            hasil.append((str(b), st.st_size, st.st_mtime_ns))
    return tuple(hasil)


def _bangun_dan_lapor(proyek: Proyek) -> None:
    try:
        bangun(proyek, "skm serve")
        print(f"Situs diperbarui ({time.strftime('%H:%M:%S')}).", file=sys.stderr)
    except BangunGagal as e:
        print(f"Gagal membangun: {e}", file=sys.stderr)


def pratinjau(proyek: Proyek, port: int) -> int:
    """Serve until interrupted; exit 1 when there is no good site to start from."""
    os.environ["SKM_SITE_URL"] = f"http://127.0.0.1:{port}/"
    _bangun_dan_lapor(proyek)
    if not proyek.situs.is_dir():
        return 1
    handler = functools.partial(_Penangan, directory=str(proyek.situs))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    print(f"Pratinjau di http://127.0.0.1:{port}/ (Ctrl+C untuk berhenti)", file=sys.stderr)
    terakhir = tanda_tangan(proyek.data, proyek.konten)
    try:
        while True:
            time.sleep(JEDA)
            sekarang = tanda_tangan(proyek.data, proyek.konten)
            if sekarang != terakhir:
                terakhir = sekarang
                _bangun_dan_lapor(proyek)
    finally:
        server.shutdown()


class _Penangan(http.server.SimpleHTTPRequestHandler):
    """Serves site/ by path, so each request sees the site the last swap put there."""

    def log_message(self, format: str, *args: object) -> None:
        """Keep the terminal for build messages, not one line per request."""
