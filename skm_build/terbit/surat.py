"""The SOP's letters from Word templates the office edits: circular, approval sheet, cover.

The circular letter (SOP steps 2–3), the approval sheet of the kabupaten report with its
paraf boxes (step 9) and the cover letters to KemenPAN RB and to the province (step 10)
are rendered by docxtpl from the .docx files in ``templat_word/``. Those files are the
source of the wording, the letterhead and the signature block: staff open them in Word,
change them and commit them; the ``{{ … }}`` placeholders are filled from ``data/``
(:func:`konteks_dasar` lists them). Every value is escaped for XML, and the result is
repacked with fixed zip times, so the same data and template give the same bytes.
"""

from __future__ import annotations

import io
import os
import re
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from docxtpl import DocxTemplate

from skm_build.alat.arsip import kemas_ulang
from skm_build.aturan.ikm import REGULASI, REGULASI_JUDUL
from skm_build.aturan.sop import PERAN_LENGKAP, SEKDA
from skm_build.hitung.hasil import HasilKabupaten
from skm_build.kontrak.model import Kabupaten, Opd, Pengesahan, Periode
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


KOP_KANTOR = "SEKRETARIAT DAERAH"  # the office that writes (the template may say otherwise)
PENERIMA_PENGANTAR = {"kemenpanrb": "KemenPAN RB", "provinsi": "Provinsi"}


def _templat(nama: str) -> DocxTemplate:
    return DocxTemplate(str(resources.files("skm_build.terbit").joinpath("templat_word", nama)))


def render_docx(nama_templat: str, konteks: dict[str, Any]) -> bytes:
    """A template of ``templat_word/`` filled with ``konteks`` (XML-escaped), as .docx
    bytes that are identical for identical input."""
    dok = _templat(nama_templat)
    dok.render(konteks, autoescape=True)
    keluar = io.BytesIO()
    dok.save(keluar)
    return kemas_ulang(keluar.getvalue())


def _tanpa_wilayah(jabatan: str, kab: Kabupaten) -> str:
    """'Sekretaris Daerah Kabupaten Karanganyar' → 'Sekretaris Daerah': the letterhead
    already names the kabupaten once."""
    return re.sub(rf"\s+{re.escape(kab.nama)}$", "", jabatan, flags=re.I).strip()


def penanda_tangan(kab: Kabupaten, sah: Pengesahan | None) -> dict[str, str]:
    """Who signs: the latest sign-off on record, else blanks to fill by hand."""
    if sah is None:
        return {"jabatan": "Sekretaris Daerah", "nama": KOSONG, "pangkat": KOSONG,
                "nip": KOSONG}
    return {"jabatan": _tanpa_wilayah(sah.jabatan, kab), "nama": sah.nama, "pangkat": "",
            "nip": sah.nip or KOSONG}


def konteks_dasar(kab: Kabupaten, per: Periode) -> dict[str, Any]:
    """What every template may use: kop, kab, periode, surat, regulasi, tembusan."""
    kota = tempat(kab)
    kepala = "WALI KOTA" if kab.nama.lower().startswith("kota ") else "BUPATI"
    alamat = " · ".join(str(v) for v in (getattr(kab, k, None) for k in
                                        ("alamat", "telepon", "email")) if v)
    return {
        "kop": {"pemerintah": f"PEMERINTAH {kab.nama.upper()}", "kantor": KOP_KANTOR,
                "alamat": alamat or f"Alamat {KOSONG} Telepon {KOSONG}"},
        "kab": {"nama": kab.nama, "tempat": kota, "penyusun": kab.penyusun,
                "bupati": f"{kepala} {kota.upper()}"},
        "periode": {"id": per.id, "nama": per.nama, "mulai": fmt.tanggal(per.mulai),
                    "selesai": fmt.tanggal(per.selesai),
                    "batas": fmt.tanggal(per.batas_laporan)},
        "surat": {"nomor": KOSONG, "tanggal": KOSONG, "sifat": "Biasa",
                  "lampiran": "1 (satu) berkas"},
        "regulasi": f"{REGULASI} tentang {REGULASI_JUDUL}",
        "tembusan": [f"{kepala.title()} {kota} (sebagai laporan)", "Arsip"],
    }


def surat_edaran(kab: Kabupaten, per: Periode, opd: tuple[Opd, ...], templat: str,
                 sah: Pengesahan | None = None) -> bytes:
    """The circular asking every unit for its data (SOP steps 2–3); ``sah``: the latest
    sign-off, for the signatory. The signer's own office is not an addressee."""
    ttd = penanda_tangan(kab, sah)
    penerima = [o for o in opd if sebutan(o).lower() != ttd["jabatan"].lower()]
    return render_docx("surat-edaran.docx", {
        **konteks_dasar(kab, per), "penanda_tangan": ttd, "templat": templat,
        "yth": "Kepala Perangkat Daerah dan Unit Layanan Publik",
        "unit": [{"no": i, "sebutan": sebutan(o), "kode": o.id}
                 for i, o in enumerate(penerima, start=1)]})


def ringkasan_laporan(k: HasilKabupaten, sidik: str) -> dict[str, str]:
    return {"ikm": fmt.angka(k.ikm), "mutu": k.mutu.huruf, "kinerja": k.mutu.kinerja,
            "unit": fmt.bilangan(len(k.unit)), "responden": fmt.bilangan(k.responden),
            "versi": f"versi {k.periode.versi}", "sidik": sidik}


def lembar_pengesahan(kab: Kabupaten, k: HasilKabupaten, sidik: str,
                      paraf: tuple[tuple[str, date | None], ...]) -> bytes:
    """The approval sheet (SOP step 9): the headline numbers, the digest of the data to
    be signed, a paraf box per role of the chain, the signature block with the NIP."""
    per = k.periode
    sah = per.pengesahan
    return render_docx("lembar-pengesahan.docx", {
        **konteks_dasar(kab, per), "laporan": ringkasan_laporan(k, sidik),
        "paraf": [{"jabatan": PERAN_LENGKAP[peran], "tanggal": fmt.tanggal(t) if t else ""}
                  for peran, t in paraf if peran != SEKDA],
        "pengesahan": {"tanggal": fmt.tanggal(sah.tanggal) if sah else KOSONG,
                       "jabatan": _tanpa_wilayah(sah.jabatan, kab) if sah
                       else "Sekretaris Daerah",
                       "nama": sah.nama if sah else KOSONG,
                       "nip": (sah.nip or KOSONG) if sah else KOSONG}})


def surat_pengantar(kab: Kabupaten, k: HasilKabupaten, sidik: str, kepada: str,
                    situs: str | None) -> bytes:
    """The cover letter sending the signed report (SOP step 10) to ``kepada``
    (a key of :data:`PENERIMA_PENGANTAR`)."""
    per = k.periode
    sah = per.pengesahan
    return render_docx(f"surat-pengantar-{kepada}.docx", {
        **konteks_dasar(kab, per), "penanda_tangan": penanda_tangan(kab, sah),
        "laporan": ringkasan_laporan(k, sidik), "situs": situs or f"{KOSONG} (alamat situs)",
        "pengesahan": {"tanggal": fmt.tanggal(sah.tanggal) if sah else KOSONG}})
