"""The draft circular letter (surat edaran) of SOP steps 2–3: ask every OPD for its data.

The Bagian Organisasi opens each period by writing to every unit. The draft says what
the data files already know — the period, its dates, the deadline, who must answer, what
to send and where the template is — and leaves blank what only people decide: the
letter number, the date and the signature. It is a .docx (see :mod:`.dokumen_word`)
because the draft is finished in an office program, not here.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import yaml

from skm_build.alat.dokumen_word import CM, Blok, Paragraf, TabelWord, docx, p
from skm_build.aturan.ikm import REGULASI, REGULASI_JUDUL
from skm_build.kontrak.model import Kabupaten, Opd, Periode
from skm_build.terbit import format_id as fmt
from skm_build.terbit.templat_opd import FOLDER_UNDUH, NAMA_XLSX

KOSONG = "…………………………"
ALAMAT_LOKAL = ("http://127.0.0.1", "http://localhost")


class _PemuatMkdocs(yaml.SafeLoader):
    """Reads mkdocs.yml, whose ``!ENV [NAME, default]`` tags plain YAML does not know."""


def _env(pemuat: yaml.SafeLoader, simpul: yaml.Node) -> object:
    nilai = (pemuat.construct_sequence(simpul) if isinstance(simpul, yaml.SequenceNode)
             else [pemuat.construct_scalar(simpul)])
    for nama in nilai[:-1] if len(nilai) > 1 else nilai:
        if os.environ.get(str(nama)):
            return os.environ[str(nama)]
    return nilai[-1] if len(nilai) > 1 else None


_PemuatMkdocs.add_constructor("!ENV", _env)
_PemuatMkdocs.add_multi_constructor("tag:yaml.org,2002:python/", lambda *_: None)


def alamat_situs(konfigurasi: Path) -> str | None:
    """The published site's address: ``SKM_SITE_URL``, else ``site_url`` of mkdocs.yml."""
    alamat = os.environ.get("SKM_SITE_URL", "").strip()
    if not alamat and konfigurasi.is_file():
        try:
            isi = yaml.load(konfigurasi.read_text(encoding="utf-8"), Loader=_PemuatMkdocs)
        except yaml.YAMLError:
            isi = None
        if isinstance(isi, dict) and isinstance(isi.get("site_url"), str):
            alamat = isi["site_url"].strip()
    if not alamat:
        return None
    return alamat if alamat.endswith("/") else alamat + "/"


def alamat_templat(situs: str | None) -> str:
    """Where OPDs download the Excel template (a blank to fill when the site is unknown)."""
    return f"{situs}{FOLDER_UNDUH}/{NAMA_XLSX}" if situs else f"{KOSONG} (alamat situs)"


def alamat_lokal(situs: str | None) -> bool:
    """True for the development default, which must not go out in a letter."""
    return situs is None or situs.startswith(ALAMAT_LOKAL)


def sebutan(o: Opd) -> str:
    """How a letter addresses the head of a unit: Kepala Dinas …, Camat …, Lurah …."""
    if o.jenis == "kecamatan" and o.nama.lower().startswith("kecamatan "):
        return "Camat " + o.nama[len("kecamatan "):]
    if o.jenis == "kelurahan" and o.nama.lower().startswith("kelurahan "):
        return "Lurah " + o.nama[len("kelurahan "):]
    if o.jenis == "sekretariat" and o.nama.lower().startswith("sekretariat "):
        return "Sekretaris " + o.nama[len("sekretariat "):]
    if o.jenis == "rsud":
        return "Direktur " + o.nama
    return "Kepala " + o.nama


def tempat(kab: Kabupaten) -> str:
    """The place a letter is dated at: 'Kabupaten Karanganyar' → 'Karanganyar'."""
    return re.sub(r"^(kabupaten|kota)\s+", "", kab.nama, flags=re.I)


def isi_surat(kab: Kabupaten, per: Periode, opd: tuple[Opd, ...],
              templat: str) -> list[Blok]:
    """The letter as paragraphs and tables, ready for :func:`.dokumen_word.docx`."""
    kota = tempat(kab)
    kanan = 9 * CM
    poin = {"kiri": CM, "gantung": CM, "tab": (CM,), "rata": "both"}
    sub = {"kiri": 2 * CM, "gantung": CM, "tab": (2 * CM,), "rata": "both"}
    blok: list[Blok] = [
        p(f"PEMERINTAH {kab.nama.upper()}", True, rata="center", sesudah=0, ukuran=28),
        p("SEKRETARIAT DAERAH", True, rata="center", sesudah=0, ukuran=28),
        p(f"Alamat: {KOSONG}  Telepon: {KOSONG}", rata="center", garis_bawah=True,
          ukuran=20, sesudah=240),
        p(f"{kota}, {KOSONG}", kiri=kanan),
        p("Yth.", sesudah=0),
    ]
    for i, o in enumerate(opd, start=1):
        blok.append(Paragraf(((f"{i}.\t{sebutan(o)}", False),), kiri=CM, gantung=CM,
                             tab=(CM,), sesudah=0))
    blok += [
        p(f"di {kota}", sesudah=240),
        p("SURAT EDARAN", True, rata="center", sesudah=0),
        p(f"NOMOR {KOSONG}", rata="center", sesudah=0),
        p("TENTANG", rata="center", sesudah=0),
        p("PERMINTAAN DATA HASIL SURVEI KEPUASAN MASYARAKAT "
          f"{per.nama.upper()}", True, rata="center", sesudah=240),
        Paragraf((("1.\tDalam rangka pelaksanaan Undang-Undang Nomor 25 Tahun 2009 tentang "
                   f"Pelayanan Publik dan {REGULASI} tentang {REGULASI_JUDUL}, setiap unit "
                   "penyelenggara pelayanan publik melaksanakan Survei Kepuasan Masyarakat "
                   "(SKM) secara berkala dan melaporkan hasilnya.", False),), **poin),
        Paragraf((("2.\tSehubungan dengan hal tersebut, Saudara diminta menyampaikan data "
                   f"hasil SKM {per.nama} (periode survei {fmt.tanggal(per.mulai)} sampai "
                   f"dengan {fmt.tanggal(per.selesai)}) kepada {kab.penyusun} {kab.nama} ",
                   False),
                  ("paling lambat tanggal " + fmt.tanggal(per.batas_laporan), True),
                  (".", False)), **poin),
        p("3.\tData yang disampaikan berupa:", **poin),
        p("a.\tdata jawaban setiap responden, satu baris untuk setiap responden, dengan "
          "kolom u1 sampai u9 berisi nilai 1–4, dalam berkas Excel (.xlsx) atau CSV sesuai "
          "templat; hasil unduhan Google Formulir (.xlsx atau .csv) juga dapat diterima "
          "apa adanya; atau", **sub),
        p("b.\tbila data per responden tidak tersedia: rekapitulasi banyaknya jawaban 1, 2, "
          "3 dan 4 untuk setiap unsur (U1–U9) beserta jumlah responden;", **sub),
        p("c.\tjumlah pengguna layanan (populasi) selama periode survei, untuk pemeriksaan "
          "kecukupan jumlah sampel; dan", **sub),
        p("d.\trencana tindak lanjut atas unsur pelayanan yang nilainya terendah.", **sub),
        # left-aligned: justifying a line that holds a long address spreads it apart
        p(f"4.\tTemplat dan petunjuk pengisian dapat diunduh pada {templat}.",
          **{**poin, "rata": "left"}),
        p("5.\tData tidak boleh memuat data pribadi responden (nama, NIK, nomor telepon/WA, "
          "alamat, alamat surel).", **poin),
        p(f"6.\tData dikirim melalui {KOSONG} dengan menyebutkan nama unit layanan dan "
          "periode survei.", **poin),
        p("Demikian surat edaran ini untuk dilaksanakan sebagaimana mestinya.",
          rata="both", sesudah=240),
        p(f"Ditetapkan di {kota}", kiri=kanan, sesudah=0),
        p(f"pada tanggal {KOSONG}", kiri=kanan, sesudah=240),
        p(f"a.n. BUPATI {kota.upper()}", True, kiri=kanan, sesudah=0),
        p("SEKRETARIS DAERAH,", True, kiri=kanan, sesudah=1200),
        p(KOSONG, kiri=kanan, sesudah=0),
        p(f"NIP. {KOSONG}", kiri=kanan, sesudah=360),
        p(f"Lampiran: daftar unit layanan penerima surat edaran ({len(opd)} unit). Kode "
          "unit dipakai sebagai nama berkas data (kode.csv).", ukuran=20),
        TabelWord((("No.", "Unit layanan", "Kode unit"),
               *((str(i), o.nama, o.id) for i, o in enumerate(opd, start=1))),
              (2 * CM, 10 * CM, 4 * CM)),
    ]
    return blok


def surat_docx(kab: Kabupaten, per: Periode, opd: tuple[Opd, ...], templat: str) -> bytes:
    """The draft letter as .docx bytes (identical for identical input)."""
    return docx(isi_surat(kab, per, opd, templat),
                f"Surat edaran permintaan data SKM {per.nama}")
