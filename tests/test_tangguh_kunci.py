"""Hostile corpus, class 1: commands that write data/ or site/ never trample each other.

Two builds of one project racing (``skm serve`` rebuilding while someone runs
``skm build``, two CI jobs), in both orders, with a good and a failing or killed one:
whatever the order, the published ``site/`` is always one whole site, the one the last
successful build made, and no build removes a folder another live build is writing. A
command that cannot wait for the project (``SKM_KUNCI_TUNGGU=0``) says so in Indonesian
and changes nothing.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import threading
import time
from pathlib import Path

import pytest
from bantuan import sidik
from conftest import CSV_DUKCAPIL, tulis
from tangguh import argv, lingkungan, proyek_kecil, skm

CSV = "survei/2025-s1/dukcapil.csv"
CSV_B = CSV_DUKCAPIL.replace("2025-02-03,L,34,SMA,Swasta,3,3,2,",
                             "2025-02-03,L,34,SMA,Swasta,1,1,1,")


class Bangunan:
    """``skm build`` in a child whose stderr is read line by line."""

    def __init__(self, akar: Path, *args: str, **env: str) -> None:
        self.proses = subprocess.Popen(argv("build", *args), cwd=akar, env=lingkungan(**env),
                                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                       text=True)
        self.baris: list[str] = []
        self._baca = threading.Thread(target=self._ikuti, daemon=True)
        self._baca.start()

    def _ikuti(self) -> None:
        for b in self.proses.stderr:
            self.baris.append(b)

    def tunggu_tahap(self, nama: str, batas: float = 60) -> None:
        akhir = time.monotonic() + batas
        while not any(b.lstrip().startswith(nama) for b in self.baris):
            assert self.proses.poll() is None, "".join(self.baris)
            assert time.monotonic() < akhir, "".join(self.baris)
            time.sleep(0.01)

    def selesai(self) -> tuple[int, str]:
        kode = self.proses.wait(timeout=120)
        self._baca.join(timeout=10)
        return kode, "".join(self.baris)


@pytest.fixture(scope="module")
def acuan(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, str]]:
    """The whole site built alone from data A and from data B."""
    hasil = {}
    for nama, isi in (("a", CSV_DUKCAPIL), ("b", CSV_B)):
        akar = proyek_kecil(tmp_path_factory.mktemp(nama) / "proyek")
        tulis(akar / "data", CSV, isi)
        r = skm(akar, "build")
        assert r.kode == 0, r.err
        hasil[nama] = sidik(akar / "site")
    assert hasil["a"] != hasil["b"]
    return hasil


@pytest.fixture
def proyek(tmp_path: Path, acuan: dict) -> Path:
    """A project with data A, and data B in data-b/; a failing data folder in rusak/."""
    akar = proyek_kecil(tmp_path / "proyek")
    shutil.copytree(akar / "data", akar / "data-b")
    tulis(akar / "data-b", CSV, CSV_B)
    shutil.copytree(akar / "data", akar / "rusak")
    tulis(akar / "rusak", CSV, CSV_DUKCAPIL.replace("PNS,4,3,", "PNS,4,7,"))
    return akar


def sisa(akar: Path) -> list[str]:
    return sorted([p.name for p in akar.glob("site.*")]
                  + [p.name for p in (akar / "content").glob("_dibangun.*")])


def test_build_kedua_dimulai_saat_mkdocs_pertama_berjalan_situs_utuh(proyek, acuan) -> None:
    pertama = Bangunan(proyek)
    pertama.tunggu_tahap("tulis halaman")
    kedua = Bangunan(proyek, "--data", "data-b")
    k1, e1 = pertama.selesai()
    k2, e2 = kedua.selesai()
    assert (k1, k2) == (0, 0), e1 + e2
    assert sidik(proyek / "site") == acuan["b"]
    assert sisa(proyek) == []


def test_build_gagal_saat_build_baik_berjalan_tidak_merusak_situs(proyek, acuan) -> None:
    baik = Bangunan(proyek)
    baik.tunggu_tahap("tulis halaman")
    gagal = Bangunan(proyek, "--data", "rusak")
    kb, eb = baik.selesai()
    kg, eg = gagal.selesai()
    assert (kb, kg) == (0, 1), eb + eg
    assert sidik(proyek / "site") == acuan["a"]
    assert sisa(proyek) == []


def test_build_baik_menunggu_build_gagal_lalu_menerbitkan_situs_utuh(proyek, acuan) -> None:
    r = skm(proyek, "build", "--data", "data-b")
    assert r.kode == 0
    gagal = Bangunan(proyek, "--data", "rusak")
    baik = Bangunan(proyek)
    kg, eg = gagal.selesai()
    kb, eb = baik.selesai()
    assert (kg, kb) == (1, 0), eg + eb
    assert sidik(proyek / "site") == acuan["a"]


def test_build_dibunuh_saat_mkdocs_build_lain_yang_menunggu_menerbitkan_utuh(
        proyek, acuan) -> None:
    dibunuh = Bangunan(proyek, "--data", "data-b")
    dibunuh.tunggu_tahap("tulis halaman")
    penunggu = Bangunan(proyek)
    time.sleep(0.3)
    dibunuh.proses.send_signal(signal.SIGKILL)
    dibunuh.selesai()
    kode, err = penunggu.selesai()
    assert kode == 0, err
    assert sidik(proyek / "site") == acuan["a"]
    assert sisa(proyek) == []


def test_tiga_build_beruntun_cepat_selalu_satu_situs_utuh(proyek, acuan) -> None:
    jalan = [Bangunan(proyek, *a) for a in ((), ("--data", "data-b"), ())]
    kode = [b.selesai()[0] for b in jalan]
    assert kode == [0, 0, 0]
    assert sidik(proyek / "site") in (acuan["a"], acuan["b"])
    assert sisa(proyek) == []


def test_tanpa_menunggu_build_kedua_ditolak_dengan_pesan_jelas(proyek, acuan) -> None:
    pertama = Bangunan(proyek)
    pertama.tunggu_tahap("tulis halaman")
    r = skm(proyek, "build", "--data", "data-b", env=lingkungan(SKM_KUNCI_TUNGGU="0"))
    k1, e1 = pertama.selesai()
    assert k1 == 0, e1
    assert r.kode == 1
    assert "sedang" in r.err and "skm build" in r.err
    assert sidik(proyek / "site") == acuan["a"]


@pytest.mark.parametrize("perintah", [
    ("periode", "baru", "2026-s1"),
    ("import", "kiriman.csv", "--opd", "kecamatan-jaten", "--periode", "2025-s1"),
])
def test_perintah_yang_menulis_data_menunggu_atau_ditolak_saat_build(proyek, perintah) -> None:
    tulis(proyek, "kiriman.csv", CSV_DUKCAPIL)
    sebelum = {p: p.read_bytes() for p in (proyek / "data").rglob("*") if p.is_file()}
    pertama = Bangunan(proyek)
    pertama.tunggu_tahap("tulis halaman")
    r = skm(proyek, *perintah, env=lingkungan(SKM_KUNCI_TUNGGU="0"))
    assert pertama.selesai()[0] == 0
    assert r.kode == 1, r.err
    assert "sedang" in r.err
    sesudah = {p: p.read_bytes() for p in (proyek / "data").rglob("*") if p.is_file()}
    assert sesudah == sebelum


def test_sisa_build_mati_dibersihkan_build_berikutnya(proyek, acuan) -> None:
    mati = 2**22 + 12345  # above pid_max's default: no live process has this id
    (proyek / f"site.baru-{mati}-x" / "sub").mkdir(parents=True)
    (proyek / "content" / f"_dibangun.{mati}.y").mkdir()
    r = skm(proyek, "build")
    assert r.kode == 0, r.err
    assert sisa(proyek) == []
    assert sidik(proyek / "site") == acuan["a"]


def test_perintah_menunggu_sampai_kunci_lepas(proyek, acuan) -> None:
    pertama = Bangunan(proyek, "--data", "data-b")
    pertama.tunggu_tahap("tulis halaman")
    r = skm(proyek, "build", env=lingkungan(SKM_KUNCI_TUNGGU="60"))
    assert pertama.selesai()[0] == 0
    assert r.kode == 0, r.err
    assert sidik(proyek / "site") == acuan["a"]
    assert os.path.isdir(proyek / "site")
