"""The report as a PDF a ministry desk accepts, printed by Chromium from the site's page.

The PDF is the built ``/laporan/<periode>/`` page itself (stylesheets inlined, scripts
removed: :func:`skm_build.staf.paket.html_mandiri`), so paper and screen never disagree,
with print rules added here: A4, a running header with the period and the status (DRAF
on every page while unsigned), "Halaman n dari m" at the foot, a table of contents with
page numbers, no hyphenation and no word broken across lines, table headers repeated on
every page of a long table and no row split between pages.

The table of contents needs the page each chapter lands on, which only the layout
engine knows: the page is printed once, the headings are looked up in the PDF's text
(pypdf), and printed again with the numbers filled in (they do not change the layout).
Chromium is :mod:`skm_build.alat.chromium`; without it :func:`tersedia` is False and the
package goes without a PDF, saying so.
"""

from __future__ import annotations

import html as html_mod
import importlib.util
import io
import re
from dataclasses import dataclass
from datetime import date

from skm_build.alat import chromium

_JUDUL = re.compile(r'<h([23]) id="([^"]+)"[^>]*>(.*?)</h\1>', re.S)
_ISI = '<div class="skm-laporan">'
PENANDA = "…"  # the page number before the second pass


def tersedia() -> bool:
    """True when Chromium and pypdf (the ``pdf`` extra) are both there."""
    return chromium.lokasi() is not None and importlib.util.find_spec("pypdf") is not None


@dataclass(frozen=True)
class Judul:
    tingkat: int
    id: str
    teks: str


def _css_teks(teks: str) -> str:
    """A CSS string literal: quotes, backslashes and '<' (no '</style>') escaped."""
    teks = re.sub(r"\s+", " ", teks)
    return '"' + "".join(f"\\{ord(c):x} " if c in '"\\<>' else c for c in teks) + '"'


def judul_laporan(halaman: str) -> list[Judul]:
    """The report's chapters (h2) and sections (h3), in order, as plain text."""
    awal = halaman.find(_ISI)
    hasil = []
    for m in _JUDUL.finditer(halaman, max(awal, 0)):
        teks = html_mod.unescape(re.sub(r"<[^>]+>", "", m.group(3))).replace("¶", "").strip()
        hasil.append(Judul(int(m.group(1)), m.group(2), teks))
    return hasil


def _daftar_isi(judul: list[Judul], halaman: dict[str, str]) -> str:
    baris = "".join(
        f'<li class="skm-di-{j.tingkat}"><a href="#{html_mod.escape(j.id)}">'
        f"{html_mod.escape(j.teks)}</a><span>{halaman.get(j.id, PENANDA)}</span></li>"
        for j in judul)
    return (f'<nav class="skm-daftar-isi"><p class="skm-di-judul">Daftar isi</p>'
            f"<ol>{baris}</ol></nav>")


def _gaya(kepala: str, status: str, draf: bool) -> str:
    warna = "#b71c1c" if draf else "#1b5e20"
    return f"""<style>
@page {{
  size: A4;
  margin: 20mm 16mm 18mm 20mm;
  @top-left {{ content: {_css_teks(kepala)}; font: 8pt sans-serif; color: #333; }}
  @top-right {{ content: {_css_teks(status)}; font: bold 8pt sans-serif; color: {warna}; }}
  @bottom-center {{ content: "Halaman " counter(page) " dari " counter(pages);
                    font: 8pt sans-serif; color: #333; }}
}}
html, body, .md-typeset, .md-typeset table, .md-typeset th, .md-typeset td {{
  hyphens: manual !important; -webkit-hyphens: manual !important;
  word-break: normal !important; overflow-wrap: normal !important;
}}
.md-header, .md-tabs, .md-sidebar, .md-footer, .md-top, .md-search, .md-dialog,
.md-content__button, .md-source-file, .headerlink {{ display: none !important; }}
.md-typeset table:not([class]) {{ font-size: 0.6rem; }}
.md-typeset table:not([class]) th {{ white-space: normal; vertical-align: bottom; }}
thead {{ display: table-header-group; }}
tr, th, td {{ break-inside: avoid; page-break-inside: avoid; }}
.md-typeset .skm-laporan h2 {{ break-before: page; page-break-before: always; }}
.md-typeset h2, .md-typeset h3 {{ break-after: avoid; page-break-after: avoid; }}
.skm-daftar-isi {{ break-before: page; font-size: 0.7rem; }}
.skm-daftar-isi .skm-di-judul {{ font-size: 1rem; font-weight: 700; }}
.skm-daftar-isi ol {{ list-style: none; margin: 0; padding: 0; }}
.skm-daftar-isi li {{ display: flex; margin: 0.15em 0; }}
.skm-daftar-isi li.skm-di-3 {{ padding-left: 1.5em; }}
.skm-daftar-isi li.skm-di-2 {{ font-weight: 700; margin-top: 0.5em; }}
.skm-daftar-isi a {{ color: inherit; text-decoration: none; }}
.skm-daftar-isi li::after {{ content: ""; order: 1; flex: 1; margin: 0 0.3em 0.3em;
                            border-bottom: 1px dotted #777; }}
.skm-daftar-isi li span {{ order: 2; min-width: 1.6em; text-align: right; }}
</style>"""


def html_cetak(halaman: str, kepala: str, status: str, draf: bool,
               nomor: dict[str, str] | None = None) -> str:
    """The report page ready for print: print rules, a table of contents (its page
    numbers from ``nomor``, heading id → page; placeholders without it), and every
    folded table open (paper has no tap to open it with)."""
    halaman = re.sub(r"<details\b(?![^>]*\sopen\b)", "<details open", halaman)
    judul = judul_laporan(halaman)
    h2 = halaman.find("<h2", max(halaman.find(_ISI), 0))
    if judul and h2 != -1:
        halaman = halaman[:h2] + _daftar_isi(judul, nomor or {}) + halaman[h2:]
    return halaman.replace("</head>", _gaya(kepala, status, draf) + "</head>", 1)


def _rata(teks: str) -> str:
    return re.sub(r"\s+", "", teks).casefold()


def nomor_halaman(pdf: bytes, judul: list[Judul]) -> dict[str, str]:
    """The page each heading first appears on, searched in order after the contents."""
    from pypdf import PdfReader

    teks = [_rata(h.extract_text() or "") for h in PdfReader(io.BytesIO(pdf)).pages]
    mulai = next((i + 1 for i, t in enumerate(teks) if _rata("Daftar isi") in t), 0)
    hasil, i = {}, mulai
    for j in judul:
        cari = _rata(j.teks)
        k = next((n for n in range(i, len(teks)) if cari in teks[n]), None)
        if k is not None:
            hasil[j.id], i = str(k + 1), k
    return hasil


def buat_pdf(halaman: str, kepala: str, status: str, draf: bool, tanggal: date) -> bytes:
    """The PDF of a built report page (see the module docstring); deterministic bytes."""
    pertama = chromium.cetak_pdf(html_cetak(halaman, kepala, status, draf), tanggal)
    nomor = nomor_halaman(pertama, judul_laporan(halaman))
    return chromium.cetak_pdf(html_cetak(halaman, kepala, status, draf, nomor), tanggal)
