"""``skm paket``: one zip per period for KemenPAN RB and the province (SOP step 10).

Contents (names carry ``-v<versi>`` once signed, ``-DRAF`` while not):

- ``laporan-<periode>.html``: the report page exactly as built into ``site/``, with the
  site's stylesheets inlined and scripts removed, so it opens and prints (A4) offline;
- ``laporan-<periode>.pdf``: the same page printed by Chromium (:mod:`skm_build.terbit.pdf`;
  needs the ``pdf`` extra and a Chromium);
- ``surat/``: the cover letters to KemenPAN RB and to the province (.docx, from the
  office's Word templates);
- ``data/``: the period's open data (CSV, XLSX, JSON, datapackage.json), byte-identical
  to ``site/data/<periode>/``;
- ``BACA.txt``: what is inside, the status (draft / signed by whom, which version), the
  digest of the signed data and the SHA-256 of each file.

The report is taken from the built site, so what is sent is what is published. The site
must be current: :func:`situs_usang` compares the site's open data with the data now in
``data/`` (the files are deterministic), and the command builds first when the page is
missing or stale. The zip itself is deterministic (fixed entry times, sorted names).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from skm_build.alat.arsip import zip_tetap
from skm_build.alat.chromium import CetakGagal
from skm_build.hitung.hasil import Hasil
from skm_build.hitung.kepatuhan import hari_ini
from skm_build.kontrak import sidik
from skm_build.kontrak.galat import GalatSkm
from skm_build.terbit import data_terbuka, tabel_terbuka
from skm_build.terbit import format_id as fmt
from skm_build.terbit import pdf as pdf_mod


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


def nama_paket(hasil: Hasil, periode_id: str) -> str:
    """skm-2025-s1-v2.zip for a signed version, skm-2025-s1-DRAF.zip for a draft."""
    per = hasil.data.periode_menurut_id()[periode_id]
    return f"skm-{periode_id}-" + ("DRAF" if per.pengesahan is None else f"v{per.versi}") + ".zip"


def buat_paket(hasil: Hasil, situs: Path, periode_id: str, dengan_pdf: bool = True,
               surat: dict[str, bytes] | None = None) -> Paket:
    """The zip for one period with results; the site must be current (see module doc).
    ``surat``: the cover letters, by file name."""
    k = next(k for k in hasil.kabupaten if k.periode.id == periode_id)
    per = k.periode
    kab = hasil.data.kabupaten
    draf = per.pengesahan is None
    nama_laporan = f"laporan-{periode_id}" + ("-DRAF" if draf else f"-v{per.versi}")
    html = html_mandiri(halaman_laporan(situs, periode_id), situs)
    berkas: dict[str, bytes] = {f"{nama_laporan}.html": html}
    ada_pdf = dengan_pdf and pdf_mod.tersedia()
    if ada_pdf:
        sah = per.pengesahan
        status = ("DRAF — belum disahkan" if sah is None else
                  f"Disahkan {fmt.tanggal(sah.tanggal)} · versi {per.versi}")
        try:
            berkas[f"{nama_laporan}.pdf"] = pdf_mod.buat_pdf(
                html.decode("utf-8"), f"Laporan SKM {kab.nama} · {per.nama}", status, draf,
                sah.tanggal if sah else hari_ini())
        except CetakGagal as e:
            raise GalatSkm(f"PDF laporan tidak dapat dibuat: {e}. Ulangi dengan --tanpa-pdf "
                           "untuk paket tanpa PDF.") from None
    for nama, isi in (surat or {}).items():
        berkas[f"surat/{nama}"] = isi
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
        tanda = (f"Sidik data saat ini (SHA-256, belum disahkan): "
                 f"{sidik.sidik(hasil.data, per)}")
    else:
        sah = per.pengesahan
        status = (f"Disahkan oleh {sah.jabatan} {sah.nama} (NIP {sah.nip}) pada "
                  f"{fmt.tanggal(sah.tanggal)}; versi {per.versi}.")
        tanda = f"Sidik data yang disahkan (SHA-256): {sah.sidik}"
    baris = [
        f"Laporan Survei Kepuasan Masyarakat {kab.nama} - {per.nama}",
        f"Penyusun: {kab.penyusun}",
        f"Status: {status}",
        tanda,
        f"IKM kabupaten: {fmt.angka(k.ikm)} (mutu {k.mutu.huruf}, {k.mutu.kinerja}); "
        f"{len(k.unit)} unit, {fmt.bilangan(k.responden)} responden.",
    ]
    if kab.data_contoh:
        baris.append("PERHATIAN: DATA CONTOH SINTETIS, bukan hasil survei yang sebenarnya.")
    baris += [
        "",
        "Isi paket:",
        "  laporan-*.html   laporan (BAB I-V) seperti di situs; buka di peramban, cetak A4",
        "  laporan-*.pdf    laporan yang sama sebagai PDF (A4, bernomor halaman)" if ada_pdf else
        "  (tanpa PDF: pasang paket tambahan 'pdf' dan Chromium, atau cetak HTML ke PDF)",
        "  surat/           surat pengantar ke KemenPAN RB dan Provinsi (.docx)",
        "  data/            data terbuka periode ini (CSV, XLSX, JSON) dan datapackage.json",
        f"                   (lisensi {data_terbuka.LISENSI['name']}; nilai {tabel_terbuka.DESIMAL}"
        " desimal)",
        "",
        "Sidik data dihitung atas semua angka yang menghasilkan laporan (rekap jawaban, "
        "responden, populasi,",
        "unsur tidak berlaku, unit yang melapor, tanggal diterima, bobot dan cara agregasi); "
        "lihat README proyek.",
        "",
        "SHA-256:",
    ]
    baris += [f"  {hashlib.sha256(isi).hexdigest()}  {nama}"
              for nama, isi in sorted(berkas.items())]
    return "\n".join(baris) + "\n"
