"""A minimal Word (.docx) writer: paragraphs, bold runs, tab stops and simple tables.

Staff finish a draft letter in the office program they already use, so the letter must
be a .docx. A letter needs little of the format — paragraphs, bold, a tab stop for
"Nomor : …", a hanging indent for numbered points and one table — and writing those few
XML parts by hand keeps the project free of another dependency (python-docx and lxml)
and keeps the bytes identical on every run (see :mod:`.arsip`). The package written is
the minimum Word, LibreOffice and Google Docs open: content types, relationships, the
document, its styles and core properties.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from xml.sax.saxutils import escape

from skm_build.alat.arsip import zip_tetap

CM = 567  # twips per centimetre
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
_XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'


@dataclass(frozen=True)
class Paragraf:
    """One paragraph. ``potongan`` are (text, bold) runs; a tab character is a tab stop."""

    potongan: tuple[tuple[str, bool], ...]
    rata: str = "left"  # left | center | right | both (justified)
    kiri: int = 0  # left indent, twips
    gantung: int = 0  # hanging indent, twips (numbered points)
    tab: tuple[int, ...] = ()  # tab stops, twips from the left margin
    sesudah: int = 120  # space after, twips
    garis_bawah: bool = False  # a rule under the paragraph (the letterhead)
    ukuran: int = 24  # font size in half-points (24 = 12 pt)


def p(teks: str = "", tebal: bool = False, **gaya: object) -> Paragraf:
    """A paragraph of one run."""
    return Paragraf(((teks, tebal),), **gaya)  # type: ignore[arg-type]


@dataclass(frozen=True)
class TabelWord:
    """A table with borders; the first row is the header (bold)."""

    baris: tuple[tuple[str, ...], ...]
    lebar: tuple[int, ...] = field(default=())  # column widths, twips


Blok = Paragraf | TabelWord


def _run(teks: str, tebal: bool, ukuran: int) -> str:
    sifat = ("<w:b/>" if tebal else "") + f'<w:sz w:val="{ukuran}"/><w:szCs w:val="{ukuran}"/>'
    bagian = []
    for i, potong in enumerate(teks.split("\t")):
        if i:
            bagian.append("<w:tab/>")
        if potong:
            bagian.append(f'<w:t xml:space="preserve">{escape(potong)}</w:t>')
    return f"<w:r><w:rPr>{sifat}</w:rPr>{''.join(bagian)}</w:r>"


def _paragraf(par: Paragraf) -> str:
    sifat = []
    if par.tab:
        sifat.append("<w:tabs>" + "".join(f'<w:tab w:val="left" w:pos="{t}"/>' for t in par.tab)
                     + "</w:tabs>")
    if par.garis_bawah:
        sifat.append('<w:pBdr><w:bottom w:val="double" w:sz="6" w:space="1" '
                     'w:color="000000"/></w:pBdr>')
    sifat.append(f'<w:spacing w:before="0" w:after="{par.sesudah}"/>')
    if par.kiri or par.gantung:
        sifat.append(f'<w:ind w:left="{par.kiri}" w:hanging="{par.gantung}"/>')
    sifat.append(f'<w:jc w:val="{par.rata}"/>')
    isi = "".join(_run(t, b, par.ukuran) for t, b in par.potongan)
    return f"<w:p><w:pPr>{''.join(sifat)}</w:pPr>{isi}</w:p>"


def _tabel(tabel: TabelWord) -> str:
    garis = "".join(f'<w:{sisi} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
                    for sisi in ("top", "left", "bottom", "right", "insideH", "insideV"))
    kisi = "".join(f'<w:gridCol w:w="{w}"/>' for w in tabel.lebar)
    baris = []
    for i, sel in enumerate(tabel.baris):
        isi = []
        for j, teks in enumerate(sel):
            lebar = (f'<w:tcW w:w="{tabel.lebar[j]}" w:type="dxa"/>'
                     if j < len(tabel.lebar) else "")
            isi.append(f"<w:tc><w:tcPr>{lebar}</w:tcPr>"
                       + _paragraf(p(teks, i == 0, sesudah=0)) + "</w:tc>")
        baris.append("<w:tr>" + "".join(isi) + "</w:tr>")
    return ('<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/>'
            f"<w:tblBorders>{garis}</w:tblBorders></w:tblPr>"
            f"<w:tblGrid>{kisi}</w:tblGrid>{''.join(baris)}</w:tbl>")


def _dokumen(blok: Sequence[Blok]) -> str:
    badan = "".join(_paragraf(b) if isinstance(b, Paragraf) else _tabel(b) + _paragraf(p())
                    for b in blok)
    halaman = ('<w:sectPr><w:pgSz w:w="11906" w:h="16838"/>'  # A4
               f'<w:pgMar w:top="{2 * CM}" w:right="{2 * CM}" w:bottom="{2 * CM}" '
               f'w:left="{3 * CM}" w:header="708" w:footer="708" w:gutter="0"/></w:sectPr>')
    return (f'{_XML}<w:document xmlns:w="{_W}" xmlns:r="{_R}"><w:body>{badan}{halaman}'
            "</w:body></w:document>")


_GAYA = (f'{_XML}<w:styles xmlns:w="{_W}"><w:docDefaults><w:rPrDefault><w:rPr>'
         '<w:rFonts w:ascii="Arial" w:hAnsi="Arial" w:eastAsia="Arial" w:cs="Arial"/>'
         '<w:sz w:val="24"/><w:szCs w:val="24"/><w:lang w:val="id-ID"/></w:rPr></w:rPrDefault>'
         '<w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="276" w:lineRule="auto"/>'
         '</w:pPr></w:pPrDefault></w:docDefaults>'
         '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/>'
         "</w:style></w:styles>")

_JENIS_ISI = (
    f'{_XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" '
    'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    '<Override PartName="/word/styles.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>'
    '<Override PartName="/docProps/core.xml" '
    'ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
    "</Types>")

_RELASI = (
    f'{_XML}<Relationships xmlns="{_PKG}">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="word/document.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/'
    'relationships/metadata/core-properties" Target="docProps/core.xml"/>'
    "</Relationships>")

_RELASI_DOKUMEN = (
    f'{_XML}<Relationships xmlns="{_PKG}">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/styles" Target="styles.xml"/></Relationships>')


def _inti(judul: str) -> str:
    return (f'{_XML}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/'
            '2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">'
            f"<dc:title>{escape(judul)}</dc:title><dc:creator>skm</dc:creator>"
            "<dc:language>id-ID</dc:language></cp:coreProperties>")


def docx(blok: Sequence[Blok], judul: str) -> bytes:
    """The .docx bytes of ``blok``; the same input always gives the same bytes."""
    return zip_tetap([
        ("[Content_Types].xml", _JENIS_ISI.encode()),
        ("_rels/.rels", _RELASI.encode()),
        ("word/document.xml", _dokumen(blok).encode()),
        ("word/_rels/document.xml.rels", _RELASI_DOKUMEN.encode()),
        ("word/styles.xml", _GAYA.encode()),
        ("docProps/core.xml", _inti(judul).encode()),
    ])

