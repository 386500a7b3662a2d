"""``skm paket``: one zip per period for KemenPAN RB and the province (SOP step 10).

Contents (names carry ``-DRAF`` while the period's report is not signed):

- ``laporan-<periode>.html``: the report page exactly as built into ``site/``, with the
  site's stylesheets inlined and scripts removed, so it opens and prints (A4) offline;
- ``laporan-<periode>.pdf``: only with the optional ``pdf`` extra (fpdf2);
- ``data/``: the period's open data (CSV, XLSX, JSON, datapackage.json), byte-identical
  to ``site/data/<periode>/``;
- ``BACA.txt``: what is inside, the status (draft / signed by whom), SHA-256 of each file.

The report is taken from the built site, so what is sent is what is published. The site
must be current: :func:`situs_usang` compares the site's open data with the data now in
``data/`` (the files are deterministic), and the command builds first when the page is
missing or stale. The zip itself is deterministic (fixed entry times, sorted names).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import datetime, time
from pathlib import Path

from skm_build.alat.arsip import zip_tetap
from skm_build.hitung.hasil import Hasil
from skm_build.terbit import data_terbuka, tabel_terbuka
from skm_build.terbit import format_id as fmt
from skm_build.terbit import pdf as pdf_mod
from skm_build.terbit.halaman import PembuatHalaman
from skm_build.terbit.spanduk import dengan_spanduk


@dataclass(frozen=True)
class Paket:
    """The zip's bytes and what went into it (for the command's summary)."""

    isi: bytes
    berkas: tuple[str, ...]
    draf: bool
    pdf: bool


def halaman_laporan(situs: Path, periode_id: str) -> Path:
    return situs / "laporan" / periode_id / "index.html"


def situs_usang(situs: Path, hasil: Hasil, periode_id: str) -> str | None:
    """Why the built site cannot be packaged as it is, or None when it is current."""
    if not halaman_laporan(situs, periode_id).is_file():
        return f"situs belum memuat laporan {periode_id}"
    k = next(k for k in hasil.kabupaten if k.periode.id == periode_id)
    for nama, isi in data_terbuka.paket_periode(hasil, k).items():
        berkas = situs / data_terbuka.FOLDER / periode_id / nama
        if not berkas.is_file() or berkas.read_bytes() != isi:
            return f"situs usang: {berkas.relative_to(situs)} berbeda dengan data sekarang"
    return None


def html_mandiri(halaman: Path, situs: Path) -> bytes:
    """The built page with its stylesheets inlined and its scripts removed."""
    teks = halaman.read_text(encoding="utf-8")

    def gaya(m: re.Match) -> str:
        href = m.group(1)
        if "://" in href:
            return ""
        berkas = (halaman.parent / href.split("?")[0]).resolve()
        if not berkas.is_file() or situs.resolve() not in berkas.parents:
            return ""
        css = berkas.read_text(encoding="utf-8").replace("</style", "<\\/style")
        return f"<style>\n{css}\n</style>"

    teks = re.sub(r'<link rel="stylesheet" href="([^"]+)"[^>]*>', gaya, teks)
    teks = re.sub(r"<script\b[^>]*>.*?</script>", "", teks, flags=re.S)
    teks = re.sub(r'<link rel="(?:preload|prefetch|modulepreload)"[^>]*>', "", teks)
    return teks.encode("utf-8")


def buat_paket(hasil: Hasil, situs: Path, periode_id: str, dengan_pdf: bool = True) -> Paket:
    """The zip for one period with results; the site must be current (see module doc)."""
    k = next(k for k in hasil.kabupaten if k.periode.id == periode_id)
    per = k.periode
    draf = per.pengesahan is None
    akhiran = "-DRAF" if draf else ""
    nama_laporan = f"laporan-{periode_id}{akhiran}"
    berkas: dict[str, bytes] = {
        f"{nama_laporan}.html": html_mandiri(halaman_laporan(situs, periode_id), situs),
    }
    ada_pdf = dengan_pdf and pdf_mod.tersedia()
    if ada_pdf:
        md = PembuatHalaman(hasil).laporan(periode_id).isi
        if hasil.data.kabupaten.data_contoh:
            md = dengan_spanduk(md)
        tanggal = per.pengesahan.tanggal if per.pengesahan else per.selesai
        berkas[f"{nama_laporan}.pdf"] = pdf_mod.buat_pdf(
            md, pdf_mod.judul_dari(md), hasil.data.kabupaten.penyusun,
            datetime.combine(tanggal, time()), draf)
    for nama, isi in data_terbuka.paket_periode(hasil, k).items():
        berkas[f"data/{nama}"] = isi
    berkas["BACA.txt"] = _baca(hasil, periode_id, berkas, ada_pdf).encode("utf-8")
    return Paket(zip_tetap(sorted(berkas.items())), tuple(sorted(berkas)), draf, ada_pdf)


def _baca(hasil: Hasil, periode_id: str, berkas: dict[str, bytes], ada_pdf: bool) -> str:
    kab = hasil.data.kabupaten
    k = next(k for k in hasil.kabupaten if k.periode.id == periode_id)
    per = k.periode
    if per.pengesahan is None:
        status = "DRAF - BELUM DISAHKAN (SOP langkah 9 belum selesai): jangan dikirim sebagai " \
                 "laporan resmi."
    else:
        sah = per.pengesahan
        status = f"Disahkan oleh {sah.jabatan} {sah.nama} pada {fmt.tanggal(sah.tanggal)}."
    baris = [
        f"Laporan Survei Kepuasan Masyarakat {kab.nama} - {per.nama}",
        f"Penyusun: {kab.penyusun}",
        f"Status: {status}",
        f"IKM kabupaten: {fmt.angka(k.ikm)} (mutu {k.mutu.huruf}, {k.mutu.kinerja}); "
        f"{len(k.unit)} unit, {fmt.bilangan(k.responden)} responden.",
    ]
    if kab.data_contoh:
        baris.append("PERHATIAN: DATA CONTOH SINTETIS, bukan hasil survei yang sebenarnya.")
    baris += [
        "",
        "Isi paket:",
        "  laporan-*.html   laporan (BAB I-V) seperti di situs; buka di peramban, cetak A4",
        "  laporan-*.pdf    laporan yang sama sebagai PDF" if ada_pdf else
        "  (tanpa PDF: pasang paket tambahan 'pdf' lalu jalankan lagi, atau cetak HTML ke PDF)",
        "  data/            data terbuka periode ini (CSV, XLSX, JSON) dan datapackage.json",
        f"                   (lisensi {data_terbuka.LISENSI['name']}; nilai {tabel_terbuka.DESIMAL}"
        " desimal)",
        "",
        "SHA-256:",
    ]
    baris += [f"  {hashlib.sha256(isi).hexdigest()}  {nama}"
              for nama, isi in sorted(berkas.items())]
    return "\n".join(baris) + "\n"
