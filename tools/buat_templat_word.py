"""Write the Word templates of the SOP letters once; staff edit the .docx files afterwards.

The circular (SOP steps 2–3), the approval sheet of the kabupaten report (step 9) and the
cover letters to KemenPAN RB and to the province (step 10) are rendered by ``docxtpl``
from .docx files in ``skm_build/terbit/templat_word/``. This script made the first
version of those files with python-docx, so their layout follows the Indonesian
official-letter conventions (kop, tanggal, Nomor/Sifat/Lampiran/Hal, a short Yth. block,
the full list of addressees as a lampiran on its own page, tembusan). From then on the
committed .docx files are the source: an office changes wording, letterhead or
signatory in Word, not here. Run it again only to start over (it overwrites the files):

    .venv/bin/python tools/buat_templat_word.py

Placeholders (Jinja, ``{{ … }}``) are the names ``terbit/surat_word.py`` passes; each
placeholder sits in one run so Word shows it as plain text staff can move around.
"""

from __future__ import annotations

import sys
from pathlib import Path

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Pt

TUJUAN = Path(__file__).resolve().parents[1] / "skm_build" / "terbit" / "templat_word"
KANAN = Cm(9)  # where the date and the signature block start


def _dokumen() -> Document:
    doc = Document()
    gaya = doc.styles["Normal"]
    gaya.font.name = "Arial"
    gaya.font.size = Pt(12)
    gaya.paragraph_format.space_after = Pt(0)
    gaya.paragraph_format.line_spacing = 1.15
    bagian = doc.sections[0]
    bagian.page_width, bagian.page_height = Cm(21), Cm(29.7)  # A4
    bagian.top_margin = bagian.bottom_margin = Cm(2)
    bagian.left_margin, bagian.right_margin = Cm(3), Cm(2)
    return doc


def _p(doc, teks: str = "", tebal: bool = False, rata=None, kiri=None, sesudah: float = 0,
       ukuran: float | None = None):
    par = doc.add_paragraph()
    if teks:
        run = par.add_run(teks)
        run.bold = tebal
        if ukuran:
            run.font.size = Pt(ukuran)
    if rata is not None:
        par.alignment = rata
    if kiri is not None:
        par.paragraph_format.left_indent = kiri
    par.paragraph_format.space_after = Pt(sesudah)
    return par


def _kop(doc) -> None:
    """The letterhead: the government, the office, its address; a double rule under it."""
    _p(doc, "{{ kop.pemerintah }}", True, WD_ALIGN_PARAGRAPH.CENTER, ukuran=14)
    _p(doc, "{{ kop.kantor }}", True, WD_ALIGN_PARAGRAPH.CENTER, ukuran=16)
    par = _p(doc, "{{ kop.alamat }}", rata=WD_ALIGN_PARAGRAPH.CENTER, ukuran=10, sesudah=12)
    pPr = par._p.get_or_add_pPr()
    pPr.append(parse_xml(f'<w:pBdr {nsdecls("w")}><w:bottom w:val="thickThinSmallGap" '
                         'w:sz="18" w:space="1" w:color="000000"/></w:pBdr>'))


def _kepala_surat(doc, hal: str) -> None:
    """Date on the right, then Nomor / Sifat / Lampiran / Hal as a borderless table."""
    _p(doc, "{{ kab.tempat }}, {{ surat.tanggal }}", kiri=KANAN, sesudah=12)
    tabel = doc.add_table(rows=4, cols=3)
    for i, (label, isi) in enumerate((("Nomor", "{{ surat.nomor }}"),
                                      ("Sifat", "{{ surat.sifat }}"),
                                      ("Lampiran", "{{ surat.lampiran }}"),
                                      ("Hal", hal))):
        sel = tabel.rows[i].cells
        sel[0].text, sel[1].text, sel[2].text = label, ":", isi
        sel[0].width, sel[1].width, sel[2].width = Cm(2.6), Cm(0.5), Cm(12.9)
    _p(doc, sesudah=12)


def _tanda_tangan(doc, atas_nama: bool = True) -> None:
    if atas_nama:
        _p(doc, "a.n. {{ kab.bupati }}", kiri=KANAN)
    _p(doc, "{{ penanda_tangan.jabatan }},", kiri=KANAN, sesudah=60)
    _p(doc, "{{ penanda_tangan.nama }}", True, kiri=KANAN)
    _p(doc, "{{ penanda_tangan.pangkat }}", kiri=KANAN)
    _p(doc, "NIP. {{ penanda_tangan.nip }}", kiri=KANAN, sesudah=12)


def _tembusan(doc) -> None:
    _p(doc, "Tembusan:")
    _p(doc, "{%p for t in tembusan %}")
    _p(doc, "{{ loop.index }}. {{ t }};")
    _p(doc, "{%p endfor %}")


def surat_edaran() -> Document:
    doc = _dokumen()
    _kop(doc)
    _kepala_surat(doc, "Permintaan Data Hasil Survei Kepuasan Masyarakat {{ periode.nama }}")
    _p(doc, "Yth. {{ yth }}")
    _p(doc, "(daftar terlampir)")
    _p(doc, "di")
    _p(doc, "{{ kab.tempat }}", kiri=Cm(1), sesudah=12)
    for teks in (
        "Dalam rangka pelaksanaan Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan "
        "Publik dan {{ regulasi }}, setiap unit penyelenggara pelayanan publik "
        "melaksanakan Survei Kepuasan Masyarakat (SKM) secara berkala dan melaporkan "
        "hasilnya.",
        "Sehubungan dengan hal tersebut, Saudara diminta menyampaikan data hasil SKM "
        "{{ periode.nama }} (periode survei {{ periode.mulai }} sampai dengan "
        "{{ periode.selesai }}) kepada {{ kab.penyusun }} paling lambat tanggal "
        "{{ periode.batas }}, berupa data jawaban setiap responden (kolom u1 sampai u9 "
        "bernilai 1–4) dalam berkas Excel atau CSV sesuai templat, atau rekapitulasi "
        "banyaknya jawaban 1–4 setiap unsur beserta jumlah responden; jumlah pengguna "
        "layanan (populasi) selama periode survei; dan rencana tindak lanjut atas unsur "
        "pelayanan yang nilainya terendah.",
        "Templat dan petunjuk pengisian dapat diunduh pada {{ templat }}. Data tidak "
        "boleh memuat data pribadi responden (nama, NIK, nomor telepon, alamat, surel).",
        "Demikian, atas perhatian dan kerja sama Saudara disampaikan terima kasih.",
    ):
        par = _p(doc, teks, rata=WD_ALIGN_PARAGRAPH.JUSTIFY, sesudah=6)
        par.paragraph_format.first_line_indent = Cm(1.25)
    _p(doc, sesudah=12)
    _tanda_tangan(doc)
    _tembusan(doc)
    # The full list of addressees: a lampiran on its own page, with its own Nomor/Tanggal.
    _p(doc).add_run().add_break(WD_BREAK.PAGE)
    for teks in ("LAMPIRAN", "SURAT {{ penanda_tangan.jabatan | upper }}",
                 "NOMOR    : {{ surat.nomor }}", "TANGGAL : {{ surat.tanggal }}",
                 "HAL         : PERMINTAAN DATA HASIL SKM {{ periode.nama | upper }}"):
        _p(doc, teks, kiri=Cm(7), ukuran=11)
    _p(doc, sesudah=12)
    _p(doc, "DAFTAR PENERIMA SURAT ({{ unit | length }} UNIT LAYANAN)", True,
       WD_ALIGN_PARAGRAPH.CENTER, sesudah=6)
    _tabel_unit(doc, ("No.", "Yth.", "Kode unit (nama berkas data)"),
                ("{{ u.no }}", "{{ u.sebutan }}", "{{ u.kode }}"), (Cm(1.2), Cm(10), Cm(4.8)))
    return doc


def _tabel_unit(doc, judul: tuple[str, ...], sel: tuple[str, ...], lebar: tuple) -> None:
    """A bordered table whose middle row docxtpl repeats (``{%tr for u in unit %}``)."""
    tabel = doc.add_table(rows=4, cols=len(judul))
    tabel.style = "Table Grid"
    tabel.alignment = WD_TABLE_ALIGNMENT.CENTER
    for j, teks in enumerate(judul):
        c = tabel.rows[0].cells[j]
        c.text = ""
        c.paragraphs[0].add_run(teks).bold = True
    tabel.rows[1].cells[0].text = "{%tr for u in unit %}"
    for j, teks in enumerate(sel):
        tabel.rows[2].cells[j].text = teks
    tabel.rows[3].cells[0].text = "{%tr endfor %}"
    for baris in tabel.rows:
        for j, c in enumerate(baris.cells):
            c.width = lebar[j]
    # the header row repeats on every page of a long list
    trPr = tabel.rows[0]._tr.get_or_add_trPr()
    ulang = OxmlElement("w:tblHeader")
    ulang.set(qn("w:val"), "true")
    trPr.append(ulang)


def lembar_pengesahan() -> Document:
    doc = _dokumen()
    _p(doc, "LEMBAR PENGESAHAN", True, WD_ALIGN_PARAGRAPH.CENTER, sesudah=6, ukuran=14)
    _p(doc, "LAPORAN SURVEI KEPUASAN MASYARAKAT", True, WD_ALIGN_PARAGRAPH.CENTER)
    _p(doc, "{{ kab.nama | upper }}", True, WD_ALIGN_PARAGRAPH.CENTER)
    _p(doc, "{{ periode.nama | upper }}", True, WD_ALIGN_PARAGRAPH.CENTER, sesudah=18)
    tabel = doc.add_table(rows=6, cols=2)
    tabel.style = "Table Grid"
    for i, (label, isi) in enumerate((
            ("Penyusun", "{{ kab.penyusun }}"),
            ("Periode survei", "{{ periode.mulai }} – {{ periode.selesai }}"),
            ("Unit layanan melapor", "{{ laporan.unit }}"),
            ("Responden", "{{ laporan.responden }}"),
            ("IKM kabupaten", "{{ laporan.ikm }} (mutu {{ laporan.mutu }}, "
                              "{{ laporan.kinerja }})"),
            ("Versi dan sidik data", "{{ laporan.versi }} · {{ laporan.sidik }}"))):
        tabel.rows[i].cells[0].text, tabel.rows[i].cells[1].text = label, isi
        tabel.rows[i].cells[0].width, tabel.rows[i].cells[1].width = Cm(5), Cm(11)
    _p(doc, sesudah=12)
    _p(doc, "Paraf koordinasi", True, sesudah=6)
    paraf = doc.add_table(rows=4, cols=4)
    paraf.style = "Table Grid"
    for j, teks in enumerate(("No.", "Jabatan", "Tanggal", "Paraf")):
        paraf.rows[0].cells[j].text = ""
        paraf.rows[0].cells[j].paragraphs[0].add_run(teks).bold = True
    paraf.rows[1].cells[0].text = "{%tr for p in paraf %}"
    for j, teks in enumerate(("{{ loop.index }}.", "{{ p.jabatan }}", "{{ p.tanggal }}", "")):
        paraf.rows[2].cells[j].text = teks
    paraf.rows[3].cells[0].text = "{%tr endfor %}"
    for baris in paraf.rows:
        for j, lebar in enumerate((Cm(1.2), Cm(8), Cm(3.8), Cm(3))):
            baris.cells[j].width = lebar
        baris.height = Cm(1.1)
    _p(doc, sesudah=18)
    _p(doc, "Disahkan di {{ kab.tempat }}", kiri=KANAN)
    _p(doc, "pada tanggal {{ pengesahan.tanggal }}", kiri=KANAN, sesudah=12)
    _p(doc, "{{ pengesahan.jabatan }},", kiri=KANAN, sesudah=60)
    _p(doc, "{{ pengesahan.nama }}", True, kiri=KANAN)
    _p(doc, "NIP. {{ pengesahan.nip }}", kiri=KANAN)
    return doc


def surat_pengantar(yth: str, di: str, tembusan: str) -> Document:
    doc = _dokumen()
    _kop(doc)
    _kepala_surat(doc, "Penyampaian Laporan Survei Kepuasan Masyarakat {{ periode.nama }}")
    _p(doc, f"Yth. {yth}")
    _p(doc, "di")
    _p(doc, di, kiri=Cm(1), sesudah=12)
    for teks in (
        "Dalam rangka pelaksanaan {{ regulasi }}, bersama ini kami sampaikan Laporan "
        "Survei Kepuasan Masyarakat {{ kab.nama }} {{ periode.nama }} yang telah disahkan "
        "pada tanggal {{ pengesahan.tanggal }}. Indeks Kepuasan Masyarakat (IKM) "
        "kabupaten sebesar {{ laporan.ikm }} dengan mutu pelayanan {{ laporan.mutu }} "
        "({{ laporan.kinerja }}), dari {{ laporan.unit }} unit layanan dan "
        "{{ laporan.responden }} responden.",
        "Laporan lengkap dan data terbukanya juga dipublikasikan pada {{ situs }}.",
        "Demikian, atas perhatian Bapak/Ibu disampaikan terima kasih.",
    ):
        par = _p(doc, teks, rata=WD_ALIGN_PARAGRAPH.JUSTIFY, sesudah=6)
        par.paragraph_format.first_line_indent = Cm(1.25)
    _p(doc, sesudah=12)
    _tanda_tangan(doc)
    _p(doc, "Tembusan:")
    _p(doc, f"1. {tembusan};")
    _p(doc, "2. Arsip.")
    return doc


def main() -> int:
    TUJUAN.mkdir(parents=True, exist_ok=True)
    dokumen = {
        "surat-edaran.docx": surat_edaran(),
        "lembar-pengesahan.docx": lembar_pengesahan(),
        "surat-pengantar-kemenpanrb.docx": surat_pengantar(
            "Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Republik "
            "Indonesia c.q. Deputi Bidang Pelayanan Publik", "Jakarta",
            "{{ kab.bupati | title }} (sebagai laporan)"),
        "surat-pengantar-provinsi.docx": surat_pengantar(
            "Gubernur Jawa Tengah c.q. Kepala Biro Organisasi Sekretariat Daerah Provinsi "
            "Jawa Tengah", "Semarang", "{{ kab.bupati | title }} (sebagai laporan)"),
    }
    for nama, doc in dokumen.items():
        doc.core_properties.author = "skm"
        doc.save(TUJUAN / nama)
        print(TUJUAN / nama)
    return 0


if __name__ == "__main__":
    sys.exit(main())
