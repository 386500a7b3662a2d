"""Shared fixtures: a tiny, valid data folder that each test bends in one place."""

from __future__ import annotations

import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest
from bantuan import chromium, salin_proyek, situs_tersaji
from hypothesis import settings

# Properties are about values, not speed: a loaded CI machine must not fail them on time.
settings.register_profile("skm", deadline=None)
settings.load_profile("skm")

KABUPATEN = """\
nama: Kabupaten Uji
penyusun: Bagian Organisasi
data_contoh: true
bobot: "1/9"
agregasi: rata-rata-unit
"""

OPD = """\
- id: dukcapil
  nama: Dinas Kependudukan dan Pencatatan Sipil
  jenis: dinas
  target_ikm: 85
- id: kecamatan-jaten
  nama: Kecamatan Jaten
  jenis: kecamatan
"""

PERIODE = """\
- id: 2025-s1
  nama: Semester I 2025
  mulai: 2025-01-01
  selesai: 2025-06-30
  batas_laporan: 2025-07-21
- id: 2025-s2
  nama: Semester II 2025
  mulai: 2025-07-01
  selesai: 2025-12-31
  batas_laporan: 2026-01-21
"""

JUDUL = "tanggal,jenis_kelamin,usia,pendidikan,pekerjaan,u1,u2,u3,u4,u5,u6,u7,u8,u9"
CSV_DUKCAPIL = f"""\
{JUDUL}
2025-02-03,L,34,SMA,Swasta,3,3,2,4,3,3,4,3,3
2025-02-03,P,27,S1,PNS,4,3,3,4,3,4,4,3,2
2025-03-10,P,45,SLTA,Wirausaha,3,2,2,4,3,3,3,3,3
2025-04-21,L,61,SD,Lainnya,4,4,3,4,4,4,4,4,4
"""


def tulis(folder: Path, relatif: str, isi: str | bytes) -> Path:
    """Write one data file (text is dedented, so tests can indent their fixtures)."""
    berkas = folder / relatif
    berkas.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(isi, bytes):
        berkas.write_bytes(isi)
    else:
        berkas.write_text(textwrap.dedent(isi), encoding="utf-8", newline="")
    return berkas


NIP_UJI = "196801011990031001"


def sahkan(folder: Path, periode: str, nama: str, jabatan: str, tanggal: str) -> None:
    """Sign a period as staff do (`skm sahkan`): NIP, digest and the frozen report."""
    from skm_build.cli import main

    assert main(["sahkan", "--data", str(folder), "--periode", periode, "--nama", nama,
                 "--nip", NIP_UJI, "--jabatan", jabatan, "--tanggal", tanggal]) == 0


def data_kecil(folder: Path) -> Path:
    """A valid data folder: two units, two periods, one respondent CSV."""
    tulis(folder, "kabupaten.yaml", KABUPATEN)
    tulis(folder, "opd.yaml", OPD)
    tulis(folder, "periode.yaml", PERIODE)
    tulis(folder, "survei/2025-s1/dukcapil.csv", CSV_DUKCAPIL)
    tulis(folder, "survei/2025-s1/dukcapil.yaml", "diterima: 2025-07-10\npopulasi: 4\n")
    return folder


@pytest.fixture
def data(tmp_path: Path) -> Path:
    """A valid data folder (:func:`data_kecil`) in the test's own temporary folder."""
    return data_kecil(tmp_path / "data")


@pytest.fixture(scope="session")
def situs(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The shipped data built once with ``skm build`` and served on loopback: the base URL.
    Shared by the browser tests of the site (one build for the whole run)."""
    akar = salin_proyek(tmp_path_factory.mktemp("situs-contoh"))
    with situs_tersaji(akar, pytest.fail) as alamat:
        yield alamat


@pytest.fixture(scope="module")
def peramban() -> Iterator[object]:
    """Debian Chromium (Playwright ``launch()``: a fresh profile)."""
    with chromium() as peramban_:
        yield peramban_
