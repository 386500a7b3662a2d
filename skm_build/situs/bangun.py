"""The build: check → compute → write Markdown → MkDocs → swap into ``site/``.

Nothing is written before the data has passed every check, and MkDocs builds into a
fresh folder beside ``site/`` that replaces it only when the build succeeded, so a
failing or killed build leaves the previously published site exactly as it was. One
build at a time: the whole build holds the project's lock (:mod:`skm_build.alat.kunci`),
and its temporary folders carry its PID, so a build never removes a folder another
live build is writing.
"""

from __future__ import annotations

import html
import logging
import os
import re
import shutil
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path

from skm_build.alat.kunci import Terkunci, kunci_proyek
from skm_build.hitung.hasil import Hasil, hitung_semua
from skm_build.kontrak import sidik
from skm_build.kontrak.galat import GalatSkm
from skm_build.kontrak.masalah import cetak
from skm_build.kontrak.muat import periksa
from skm_build.kontrak.proyek import FOLDER_DIBANGUN, Proyek
from skm_build.terbit import data_terbuka
from skm_build.terbit import format_id as fmt
from skm_build.terbit.halaman import PembuatHalaman
from skm_build.terbit.kartu import tabel_kartu
from skm_build.terbit.spanduk import SPANDUK_CONTOH, dengan_spanduk
from skm_build.terbit.templat_opd import FOLDER_UNDUH, tulis_templat

ASET = "assets/skm"


class BangunGagal(GalatSkm):
    """The build stopped; the message says why, ``site/`` is untouched."""


@contextmanager
def tahap(nama: str) -> Iterator[dict]:
    """Print one build stage with its time and whatever counts it reports."""
    catatan: dict = {}
    mulai = time.perf_counter()
    yield catatan
    detik = time.perf_counter() - mulai
    rincian = ", ".join(f"{v} {k}" for k, v in catatan.items())
    print(f"  {nama:<22} {detik:6.2f} s  {rincian}", file=sys.stderr)


def hitung(proyek: Proyek) -> Hasil:
    """Check and compute; raise :class:`BangunGagal` with every problem printed."""
    with tahap("periksa data") as c:
        p = periksa(proyek.data)
        cetak(p.masalah)
        c["galat"] = len(p.masalah.galat_saja)
        if p.data is None:
            raise BangunGagal(f"{len(p.masalah.galat_saja)} galat dalam data: situs tidak "
                              "dibangun, situs lama tetap seperti semula")
        c["unit"], c["periode"] = len(p.data.opd), len(p.data.periode)
        c["laporan"] = len(p.data.survei)
    with tahap("hitung IKM") as c:
        hasil = hitung_semua(p.data)
        c["hasil unit"] = len(hasil.unit)
    return hasil


def tulis_konten(proyek: Proyek, hasil: Hasil) -> list:
    """Write the MkDocs docs folder: generated pages, hand-written pages, assets.

    The folder is rebuilt from nothing each time, so a removed unit's page disappears.
    Returns the navigation for MkDocs.
    """
    with tahap("tulis halaman") as c:
        versi = {p.id: sidik.riwayat(proyek.data, p) for p in hasil.data.periode
                 if p.pengesahan is not None or p.revisi}
        penyusun = PembuatHalaman(hasil, versi)
        halaman = penyusun.semua()
        for sisa in proyek.konten.glob(f"{FOLDER_DIBANGUN}.*"):  # from a killed build
            _hapus_bila_yatim(sisa)
        sementara = Path(tempfile.mkdtemp(prefix=f"{FOLDER_DIBANGUN}.{os.getpid()}-",
                                          dir=proyek.konten))
        try:
            contoh = hasil.data.kabupaten.data_contoh
            tulisan = _salin_tulisan_tangan(proyek.konten, sementara, contoh)
            for h in halaman:
                isi = tabel_kartu(h.isi)  # tables that become cards on a phone
                _tulis(sementara / h.jalur, dengan_spanduk(isi) if contoh else isi)
            terbuka = data_terbuka.berkas_data_terbuka(hasil)
            for jalur, isi in terbuka.items():  # MkDocs copies them to site/data/
                (sementara / jalur).parent.mkdir(parents=True, exist_ok=True)
                (sementara / jalur).write_bytes(isi)
            aset = sementara / ASET
            aset.mkdir(parents=True)
            for berkas in resources.files("skm_build.terbit").joinpath("static").iterdir():
                if berkas.name.endswith((".js", ".css", ".txt")):
                    (aset / berkas.name).write_bytes(berkas.read_bytes())
            tulis_templat(sementara / FOLDER_UNDUH)  # the OPD templates, linked from the guide
            _ganti_folder(sementara, proyek.dibangun)
        except BaseException:
            shutil.rmtree(sementara, ignore_errors=True)
            raise
        c["halaman"] = len(halaman)
        c["tulisan tangan"] = len(tulisan)
        c["berkas data terbuka"] = len(terbuka)
    return penyusun.navigasi() + [{_judul(proyek.konten / t): t} for t in tulisan]


def _tulis(berkas: Path, isi: str) -> None:
    berkas.parent.mkdir(parents=True, exist_ok=True)
    berkas.write_text(isi, encoding="utf-8", newline="\n")


def _salin_tulisan_tangan(konten: Path, tujuan: Path, contoh: bool) -> list[str]:
    """Copy hand-written pages and files (pages get the sample-data banner while
    ``contoh``); return the Markdown pages for the nav."""
    halaman = []
    for berkas in sorted(konten.rglob("*")):
        relatif = berkas.relative_to(konten)
        if relatif.parts[0].startswith((FOLDER_DIBANGUN, ".")) or not berkas.is_file():
            continue
        (tujuan / relatif).parent.mkdir(parents=True, exist_ok=True)
        if berkas.suffix == ".md":
            teks = berkas.read_text(encoding="utf-8")
            _tulis(tujuan / relatif, dengan_spanduk(teks) if contoh else teks)
            halaman.append(relatif.as_posix())
        else:
            shutil.copyfile(berkas, tujuan / relatif)
    return halaman


def _judul(berkas: Path) -> str:
    """A hand-written page's title: its first '# ' heading, else its file name."""
    for baris in berkas.read_text(encoding="utf-8").splitlines():
        if baris.startswith("# "):
            return baris[2:].strip()
    return berkas.stem.replace("-", " ").capitalize()


def _ganti_folder(baru: Path, lama: Path) -> None:
    """Put ``baru`` where ``lama`` is with two renames; the old copy is removed last."""
    bekas = lama.with_name(f"{lama.name}.lama-{os.getpid()}")
    if lama.exists():
        lama.rename(bekas)
    baru.rename(lama)
    shutil.rmtree(bekas, ignore_errors=True)


def _hapus_bila_yatim(folder: Path) -> None:
    """Remove a leftover build folder unless a live process other than this one owns it.

    Build folders are named with their builder's PID (``site.baru-<pid>-…``,
    ``site.lama-<pid>``, ``_dibangun.<pid>-…``). Under the project lock no other build
    runs, so a live owner would be a build outside the lock (an older skm): its folder
    is left alone rather than pulled from under it.
    """
    cocok = re.search(r"(?:\.baru-|\.lama-|_dibangun\.)(\d+)", folder.name)
    if cocok and int(cocok.group(1)) != os.getpid():
        try:
            os.kill(int(cocok.group(1)), 0)
            return  # its builder is alive
        except ProcessLookupError:
            pass
        except (PermissionError, OverflowError):
            return
    shutil.rmtree(folder, ignore_errors=True)


def pulihkan(situs: Path) -> None:
    """Undo what a killed build left behind, before anything else is done.

    The swap is two renames (``site`` → ``site.lama-<pid>``, ``site.baru-*`` → ``site``).
    Killed between them, there is no ``site/``: the old copy is put back (the newest one,
    should there be several). Then every leftover goes: a half-built ``site.baru-*``, an
    old copy the killed build did not get to delete.
    """
    if not situs.exists():
        cadangan = [p for p in situs.parent.glob(f"{situs.name}.lama-*") if p.is_dir()]
        if cadangan:
            max(cadangan, key=lambda p: p.stat().st_mtime_ns).rename(situs)
    for pola in (f"{situs.name}.baru-*", f"{situs.name}.lama-*"):
        for sisa in situs.parent.glob(pola):
            _hapus_bila_yatim(sisa)


def konfigurasi_mkdocs(proyek: Proyek, hasil: Hasil, nav: list, situs: Path):
    """MkDocs config from mkdocs.yml, with the data-driven parts filled in.

    Material prints ``site_name`` unescaped (the page title, the header, an aria-label)
    and through ``| e`` in title attributes: the kabupaten's name is escaped here once,
    as Markup, so that ``| e`` leaves it alone.
    """
    from markupsafe import Markup
    from mkdocs.config import load_config

    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    cfg = load_config(
        config_file=str(proyek.konfigurasi), docs_dir=str(proyek.dibangun),
        site_dir=str(situs), nav=nav, strict=True,
        site_name=Markup(html.escape(f"SKM {hasil.data.kabupaten.nama}")),
    )
    if hasil.data.kabupaten.data_contoh:  # the 404 page is a theme page, not Markdown
        cfg.extra["spanduk_contoh"] = Markup(SPANDUK_CONTOH)
    cfg["copyright"] = Markup(kaki_halaman(hasil))
    return cfg


def kaki_halaman(hasil: Hasil) -> str:
    """The footer of every page: who publishes, how recent the data is, the licence."""
    kab = hasil.data.kabupaten
    terima = [s.diterima for s in hasil.data.survei.values() if s.diterima is not None]
    tanggal = f" · Data per {fmt.tanggal(max(terima))}" if terima else ""
    lisensi = data_terbuka.LISENSI
    return (f"Diterbitkan oleh {html.escape(kab.penyusun)}, {html.escape(kab.nama)}{tanggal}"
            f' · Lisensi <a href="{html.escape(lisensi["path"])}" rel="license">'
            f'{html.escape(lisensi["title"])} ({html.escape(lisensi["name"])})</a>')


def bangun(proyek: Proyek, siapa: str = "skm build") -> Path:
    """The whole build, holding the project's lock. Returns the published ``site/``.

    ``siapa`` names the command to whoever has to wait for the lock.
    """
    try:
        with kunci_proyek(proyek.akar, siapa):
            return _bangun(proyek)
    except Terkunci as e:
        raise BangunGagal(str(e)) from None


def _bangun(proyek: Proyek) -> Path:
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.exceptions import MkDocsException

    pulihkan(proyek.situs)
    hasil = hitung(proyek)
    nav = tulis_konten(proyek, hasil)
    baru = Path(tempfile.mkdtemp(prefix=f"{proyek.situs.name}.baru-{os.getpid()}-",
                                 dir=proyek.akar))
    try:
        with tahap("mkdocs build") as c:
            _log_mkdocs()
            try:
                mkdocs_build(konfigurasi_mkdocs(proyek, hasil, nav, baru))
            except (MkDocsException, SystemExit) as e:
                raise BangunGagal(f"MkDocs gagal: {e}") from None
            c["berkas"] = sum(1 for b in baru.rglob("*") if b.is_file())
        with tahap("terbitkan site/"):
            _ganti_folder(baru, proyek.situs)
    except BaseException:
        shutil.rmtree(baru, ignore_errors=True)
        raise
    return proyek.situs


def _log_mkdocs() -> None:
    """Show MkDocs' warnings (strict mode turns them into a failed build)."""
    log = logging.getLogger("mkdocs")
    if not any(getattr(h, "_skm", False) for h in log.handlers):
        h = logging.StreamHandler(sys.stderr)
        h.setFormatter(logging.Formatter("  mkdocs %(levelname)s: %(message)s"))
        h.setLevel(logging.WARNING)
        h._skm = True  # type: ignore[attr-defined]
        log.addHandler(h)
        log.setLevel(logging.INFO)

