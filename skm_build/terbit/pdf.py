"""The report as a PDF, without a browser: fpdf2 (pure Python), an optional extra.

``pip install -e .[pdf]`` brings fpdf2. Without it :func:`tersedia` is False and the
package command says so and leaves the PDF out; nothing else depends on it. The PDF is
made from the same Markdown as the web page (python-markdown, as MkDocs uses), reduced
to the plain HTML that fpdf2's ``write_html`` understands: every table cell as text, one
page break before each chapter (``<h2>``), left-aligned cells.

Why not WeasyPrint: it needs Pango and other system libraries; Chromium's print-to-PDF
needs a browser. fpdf2 is maintained, pure Python, and needs only a Unicode TrueType font
for the Indonesian typography (–, ≥, ×): DejaVu Sans where the system has it
(Debian's fonts-dejavu-core), otherwise the PDF core font with those signs spelled out.
"""

from __future__ import annotations

import html as html_mod
import importlib.util
import re
from datetime import datetime
from pathlib import Path

FONT_DEJAVU = (
    Path("/usr/share/fonts/truetype/dejavu"),
    Path("/usr/share/fonts/dejavu"),
    Path("/usr/local/share/fonts/dejavu"),
)
KOLOM_LEBAR = ("Unit layanan", "Unsur", "Program/kegiatan", "Tiga unsur terlemah",
               "Tiga unsur terkuat", "Kenaikan terbesar", "Penurunan terbesar")
KOLOM_SEDANG = ("Waktu", "Penanggung jawab", "Status", "Laporan diterima", "Keterangan",
                "Periode", "Mutu", "Jenis")
_GANTI_LATIN1 = {"–": "-", "—": "-", "−": "-", "≥": ">=", "≤": "<=", "Σ": "jumlah ",
                 "…": "...", "’": "'", "“": '"', "”": '"'}


def tersedia() -> bool:
    """True when fpdf2 is installed (the ``pdf`` extra)."""
    return importlib.util.find_spec("fpdf") is not None


def _font_dejavu() -> Path | None:
    for folder in FONT_DEJAVU:
        if (folder / "DejaVuSans.ttf").is_file() and (folder / "DejaVuSans-Bold.ttf").is_file():
            return folder
    return None


def html_sederhana(markdown_teks: str) -> str:
    """The report's Markdown as the plain HTML fpdf2 can lay out."""
    import markdown

    html = markdown.markdown(markdown_teks, extensions=["tables", "md_in_html", "attr_list"])
    html = re.sub(r'<div class="skm-draf-cetak"[^>]*>.*?</div>', "", html, flags=re.S)
    html = re.sub(r"</?(div|span|abbr|small)\b[^>]*>", "", html)

    def sel(m: re.Match) -> str:
        tag, atribut, isi = m.group(1), m.group(2) or "", m.group(3)
        teks = re.sub(r"<[^>]+>", "", isi).strip()
        rata = "right" if "text-align: right" in atribut else "left"
        return f'<{tag} align="{rata}">{teks}</{tag}>'

    html = re.sub(r"<(td|th)(\s[^>]*)?>(.*?)</\1>", sel, html, flags=re.S)
    html = re.sub(r"<thead>.*?</thead>", _lebar_kolom, html, flags=re.S)
    html = html.replace("</table>", "</table><br>")
    html = re.sub(r"<a\b[^>]*>(.*?)</a>", r"\1", html, flags=re.S)  # no dead site links
    return html


def _lebar_kolom(m: re.Match) -> str:
    """Give every header cell a width: names and plans wide, numbers narrow."""
    kepala = m.group(0)
    teks = re.findall(r"<th\b[^>]*>(.*?)</th>", kepala, flags=re.S)
    bobot = [3 if t in KOLOM_LEBAR else 2 if t in KOLOM_SEDANG else 1 for t in teks]
    if not teks or len(set(bobot)) == 1:
        return kepala
    lebar = iter(round(100 * b / sum(bobot)) for b in bobot)
    return re.sub(r"<th ", lambda _: f'<th width="{next(lebar)}%" ', kepala)


def _latin1(teks: str) -> str:
    for a, b in _GANTI_LATIN1.items():
        teks = teks.replace(a, b)
    return teks.encode("latin-1", "replace").decode("latin-1")


def buat_pdf(markdown_teks: str, judul: str, penyusun: str, tanggal: datetime,
             draf: bool) -> bytes:
    """A4 PDF of the report; ``tanggal`` is its fixed creation date (same input, same bytes)."""
    from fpdf import FPDF

    html = html_sederhana(markdown_teks)
    pdf = FPDF(format="A4", unit="mm")
    pdf.set_margins(18, 15, 18)
    pdf.set_auto_page_break(True, margin=15)
    pdf.set_creation_date(tanggal)
    pdf.set_title(judul)
    pdf.set_author(penyusun)
    pdf.set_creator("skm")
    font = _font_dejavu()
    if font is not None:
        for gaya, berkas in (("", "DejaVuSans.ttf"), ("B", "DejaVuSans-Bold.ttf"),
                             ("I", "DejaVuSans-Oblique.ttf"),
                             ("BI", "DejaVuSans-BoldOblique.ttf")):
            pdf.add_font("dejavu", gaya, str(font / berkas) if (font / berkas).is_file()
                         else str(font / "DejaVuSans.ttf"))
        keluarga = "dejavu"
    else:
        html = _latin1(html)
        keluarga = "helvetica"

    tanda = "DRAF - belum disahkan" if draf else ""

    pdf.set_font(keluarga, size=9)

    def kepala_kaki() -> None:
        pdf.set_y(-12)
        pdf.set_font(keluarga, size=7)
        kiri = f"{judul}" + (f" - {tanda}" if tanda else "")
        pdf.cell(0, 5, kiri if font is not None else _latin1(kiri), align="L")
        pdf.set_x(pdf.l_margin)
        pdf.cell(0, 5, f"{pdf.page_no()}", align="R")
        pdf.set_font(keluarga, size=9)

    bagian = re.split(r"(?=<h2>)", html)
    for isi in bagian:
        if not isi.strip():
            continue
        pdf.add_page()  # the cover, then each chapter (h2) on a new page
        pdf.write_html(isi, table_line_separators=True)
    # Footer on every page: written afterwards, so no page layout depends on it.
    for halaman in range(1, pdf.page_no() + 1):
        pdf.page = halaman
        auto = pdf.auto_page_break
        pdf.set_auto_page_break(False)
        kepala_kaki()
        pdf.set_auto_page_break(auto, margin=15)
    return bytes(pdf.output())


def judul_dari(html_atau_md: str) -> str:
    """The first level-1 heading, unescaped (for the PDF's title)."""
    m = re.search(r"^# (.+)$", html_atau_md, re.M)
    return html_mod.unescape(m.group(1)).strip() if m else "Laporan SKM"
