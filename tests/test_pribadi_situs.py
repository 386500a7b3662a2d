"""No personal data published: phone numbers, e-mail addresses and NIKs never reach site/.

Free text is where a citizen's details slip in: the respondents' ``layanan`` cells (a
``saran`` column is refused whole since issue 12), and a unit's follow-up plan
(``kegiatan``, ``waktu``, ``penanggung_jawab``). Two lines of defence, each tested here:

* refused at the door: ``skm check`` / ``skm build`` stop with an error at the cell,
  "<field> berisi data pribadi (nomor telepon | alamat e-mail | NIK)" (the loader,
  through :func:`skm_build.kontrak.pribadi.jenis_data_pribadi`), and ``site/`` stays as it was;
* not published: respondent ``layanan`` cells are never written to the site per respondent,
  and a service of fewer than the minimum of respondents is not named at all, so whatever
  passes the door stays out of it too.

"Anywhere under site/" means every file, its text decoded from character references
(the pages write ``@`` as ``&#64;``), JSON escapes, gzip (sitemap.xml.gz) and zip
members (the XLSX downloads). Columns that identify people (nama, telepon, email, NIK,
alamat, ...) are refused by name: see ``test_kolom_yang_mengenali_orang_ditolak`` in
tests/test_validasi.py.
"""

from __future__ import annotations

import gzip
import html
import io
import json
import shutil
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from bantuan import bangun, salin_proyek, sidik
from conftest import CSV_DUKCAPIL, KABUPATEN, OPD, PERIODE, tulis

from skm_build.kontrak.masalah import GALAT
from skm_build.kontrak.muat import periksa

CSV = "survei/2025-s1/dukcapil.csv"
LAPORAN = "survei/2025-s1/dukcapil.yaml"
BARIS = CSV_DUKCAPIL.splitlines()

PRIBADI = {
    "telepon-strip": ("0812-3456-7890", "nomor telepon"),
    "telepon-62": ("+62 812 3456 7890", "nomor telepon"),
    "telepon-kurung": ("(0812) 3456-7890", "nomor telepon"),
    "email": ("budi.santoso@contoh.co.id", "alamat e-mail"),
    "nik": ("3313012345678901", "NIK"),
    "nik-berkelompok": ("3313 0123 4567 8901", "NIK"),
}

PENANDA_LAYANAN = "Penandalayanan4821"


def csv_dengan(layanan: str = PENANDA_LAYANAN) -> bytes:
    """The fixture CSV with layanan; line 3 carries the given text. (A ``saran`` column
    is refused as a whole since issue 12: suggestions stay in kiriman/.)"""
    isi = [BARIS[0] + ",layanan"]
    for nomor, b in enumerate(BARIS[1:], start=2):
        isi.append(f"{b},{layanan}" if nomor == 3 else f"{b},{PENANDA_LAYANAN}")
    return ("\n".join(isi) + "\n").encode("utf-8")


def laporan_dengan(kegiatan: str = "Antrean daring", waktu: str = "Triwulan III 2025",
                   pj: str = "Kepala Bidang Pelayanan") -> bytes:
    """A unit report: kegiatan on line 5, waktu on line 6, penanggung_jawab on line 7."""
    def q(teks: str) -> str:
        return "'" + teks.replace("'", "''") + "'"
    return (f"diterima: 2025-07-10\npopulasi: 4\ntindak_lanjut:\n  - unsur: u3\n"
            f"    kegiatan: {q(kegiatan)}\n    waktu: {q(waktu)}\n"
            f"    penanggung_jawab: {q(pj)}\n    status: berjalan\n").encode()


# field -> (file, its bytes with ``teks`` planted, where the error must point)
BIDANG: dict[str, tuple[str, Callable[[str], bytes], str]] = {
    "layanan": (CSV, lambda t: csv_dengan(layanan=f"KTP-el hubungi {t}"),
                f"data/{CSV}:3:layanan"),
    "kegiatan": (LAPORAN, lambda t: laporan_dengan(kegiatan=f"Hubungi pemohon {t}"),
                 f"data/{LAPORAN}:5:kegiatan"),
    "waktu": (LAPORAN, lambda t: laporan_dengan(waktu=f"Setelah {t} membalas"),
              f"data/{LAPORAN}:6:waktu"),
    "penanggung_jawab": (LAPORAN, lambda t: laporan_dengan(pj=f"Budi ({t})"),
                         f"data/{LAPORAN}:7:penanggung_jawab"),
}


def tulis_data(folder: Path) -> None:
    """The valid fixture, with layanan markers and a follow-up plan."""
    tulis(folder, "kabupaten.yaml", KABUPATEN)
    tulis(folder, "opd.yaml", OPD)
    tulis(folder, "periode.yaml", PERIODE)
    tulis(folder, CSV, csv_dengan())
    tulis(folder, LAPORAN, laporan_dengan())


# --- what site/ contains, as text ---------------------------------------------------------


def _isi_berkas(nama: str, mentah: bytes) -> list[tuple[str, bytes]]:
    """The file's bytes, or what it holds when it is a gzip or a zip (XLSX) file."""
    if nama.endswith(".gz"):
        return [(nama, gzip.decompress(mentah))]
    if mentah[:4] == b"PK\x03\x04":
        with zipfile.ZipFile(io.BytesIO(mentah)) as z:
            return [(f"{nama}!{anggota}", z.read(anggota)) for anggota in z.namelist()]
    return [(nama, mentah)]


def teks_situs(situs: Path) -> dict[str, str]:
    """Every file under ``situs`` (and every member of its archives) as decoded text."""
    hasil = {}
    for berkas in sorted(situs.rglob("*")):
        if not berkas.is_file():
            continue
        for nama, mentah in _isi_berkas(berkas.relative_to(situs).as_posix(),
                                        berkas.read_bytes()):
            teks = mentah.decode("utf-8", errors="replace")
            if nama.endswith(".json"):
                teks = json.dumps(json.loads(teks), ensure_ascii=False)
            teks = html.unescape(html.unescape(teks))  # "&amp;#64;" in the search index
            hasil[nama] = " ".join(teks.split())
    return hasil


def temukan(situs: Path, cari: str) -> list[str]:
    """The files whose text contains ``cari`` (whitespace compared loosely)."""
    cari = " ".join(cari.split())
    return [nama for nama, teks in teks_situs(situs).items() if cari in teks]


@pytest.fixture(scope="module")
def terbangun(tmp_path_factory: pytest.TempPathFactory) -> Path:
    akar = tmp_path_factory.mktemp("pribadi")
    salin_proyek(akar, dengan_data=False)
    tulis_data(akar / "data")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("NO_MKDOCS_2_WARNING", "1")
        assert bangun(akar) == 0
    return akar


# --- tests --------------------------------------------------------------------------------


def test_pemindai_situs_menemukan_teks_yang_memang_terbit(terbangun: Path) -> None:
    """The scan itself works: published text is found in pages, index, sitemap and XLSX."""
    situs = terbangun / "site"
    assert "opd/dukcapil/index.html" in temukan(situs, "Antrean daring")
    assert "search/search_index.json" in temukan(situs, "Antrean daring")
    assert "sitemap.xml.gz" in temukan(situs, "/opd/dukcapil/")
    xlsx = temukan(situs, "Dinas Kependudukan dan Pencatatan Sipil")
    assert any(".xlsx!" in n for n in xlsx), xlsx


def test_layanan_tidak_pernah_terbit(terbangun: Path) -> None:
    situs = terbangun / "site"
    assert temukan(situs, PENANDA_LAYANAN) == []


@pytest.mark.parametrize("jenis", list(PRIBADI))
@pytest.mark.parametrize("bidang", list(BIDANG))
def test_data_pribadi_di_teks_bebas_ditolak_di_selnya(data: Path, bidang: str,
                                                      jenis: str) -> None:
    teks, nama_jenis = PRIBADI[jenis]
    berkas, isi, lokasi = BIDANG[bidang]
    tulis(data, CSV, csv_dengan())
    tulis(data, berkas, isi(teks))
    hasil = periksa(data)
    assert hasil.data is None
    di_sana = [m for m in hasil.masalah.semua if str(m).startswith(f"{lokasi}: ")]
    assert [m.tingkat for m in di_sana] == [GALAT], "\n".join(map(str, hasil.masalah.urut()))
    assert f"berisi data pribadi ({nama_jenis})" in di_sana[0].pesan
    assert teks not in str(di_sana[0])  # the message does not repeat it either


@pytest.mark.parametrize(("bidang", "jenis"), [
    ("layanan", "telepon-strip"), ("layanan", "email"), ("kegiatan", "nik"),
    ("waktu", "telepon-62"), ("penanggung_jawab", "nik-berkelompok"),
])
def test_build_berhenti_dan_data_pribadi_tidak_ada_di_situs(
        terbangun: Path, tmp_path: Path, bidang: str, jenis: str,
        capsys: pytest.CaptureFixture[str]) -> None:
    akar = tmp_path / "proyek"
    shutil.copytree(terbangun, akar)
    sebelum = sidik(akar / "site")
    teks, nama_jenis = PRIBADI[jenis]
    berkas, isi, lokasi = BIDANG[bidang]
    tulis(akar / "data", berkas, isi(teks))
    capsys.readouterr()
    assert bangun(akar) == 1
    keluaran = capsys.readouterr().err
    assert any(b.startswith(f"{lokasi}: ") and f"berisi data pribadi ({nama_jenis})" in b
               for b in keluaran.splitlines()), keluaran
    assert sidik(akar / "site") == sebelum
    assert temukan(akar / "site", teks) == []
