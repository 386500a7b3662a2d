"""HTML → PDF with a real layout engine: the Debian Chromium, headless, no Python binding.

Print layout (A4, running header and page numbers from CSS ``@page`` margin boxes,
repeated table headers, no hyphenation) is what a browser engine does well and a PDF
library in Python does badly. ``chromium --headless --print-to-pdf`` needs nothing but
the browser the tests already use. Chromium stamps the PDF with the time it was made;
:func:`cetak_pdf` puts a given date there instead, so the same page gives the same
bytes on every run.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from datetime import date
from pathlib import Path

CALON = ("/usr/bin/chromium", "chromium", "chromium-browser", "google-chrome")
# The flags DEVELOPERS.md fixes for Debian Chromium, and no browser-drawn header/footer.
ARGUMEN = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
           "--disable-background-networking", "--disable-component-update", "--disable-sync",
           "--no-pdf-header-footer")
_WAKTU_PDF = re.compile(rb"/(CreationDate|ModDate) \(D:[0-9]{14}[^)]*\)")


class CetakGagal(Exception):
    """Chromium is missing or did not produce a PDF; the message says why."""


def lokasi() -> str | None:
    """The Chromium to use: ``SKM_CHROMIUM`` when set, else the first one found."""
    pilihan = os.environ.get("SKM_CHROMIUM", "").strip()
    for calon in ((pilihan,) if pilihan else CALON):
        jalur = shutil.which(calon)
        if jalur:
            return jalur
    return None


def cetak_pdf(html: str, tanggal: date, batas_detik: int = 180) -> bytes:
    """The PDF Chromium prints from ``html`` (self-contained: no files beside it),
    dated ``tanggal`` in its metadata."""
    chromium = lokasi()
    if chromium is None:
        raise CetakGagal("Chromium tidak ditemukan (pasang paket Debian 'chromium' atau "
                         "atur SKM_CHROMIUM)")
    with tempfile.TemporaryDirectory(prefix="skm-cetak-") as sementara:
        folder = Path(sementara)
        masuk, keluar = folder / "laporan.html", folder / "laporan.pdf"
        masuk.write_text(html, encoding="utf-8")
        try:
            jalan = subprocess.run(
                [chromium, *ARGUMEN, f"--user-data-dir={folder / 'profil'}",
                 f"--print-to-pdf={keluar}", masuk.as_uri()],
                capture_output=True, text=True, timeout=batas_detik, check=False)
        except (OSError, subprocess.TimeoutExpired) as e:
            raise CetakGagal(f"Chromium gagal dijalankan: {e}") from None
        if not keluar.is_file() or keluar.stat().st_size == 0:
            pesan = jalan.stderr.strip().splitlines()[-1:] or ["tanpa pesan"]
            raise CetakGagal(f"Chromium tidak menghasilkan PDF (kode {jalan.returncode}: "
                             f"{pesan[0]})")
        isi = keluar.read_bytes()
    cap = tanggal.strftime("D:%Y%m%d000000+00'00'").encode()

    def tetap(m: re.Match[bytes]) -> bytes:  # same length: the xref offsets stay right
        baru = b"/" + m.group(1) + b" (" + cap + b")"
        return baru if len(baru) == len(m.group(0)) else m.group(0)

    return _WAKTU_PDF.sub(tetap, isi)
