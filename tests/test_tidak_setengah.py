"""Builds that never half-publish: ``skm build`` killed at any point leaves a whole site.

``site/`` holds a site built from data A; the data then changes to B and ``skm build``
runs in a subprocess that is SIGKILLed at a stage, found by watching the file system and
the stage lines on stderr (no test hook in the build):

* before anything is written (start-up and the data check),
* while pages are written (``content/_dibangun.*`` has appeared),
* while MkDocs writes (``site.baru-*`` has files),
* as soon as MkDocs is done (the swap into ``site/`` is under way),
* and at a sweep of fixed times across the whole build.

After each kill ``site/`` is byte for byte the A site, or the complete B site (the swap
happened), or — killed between the two renames of the swap — missing with its old copy
beside it. The next build (failing or not) puts the old site back, removes every
leftover folder, and a good build publishes exactly B. That two builds of the same data
with the same ``SOURCE_DATE_EPOCH`` are identical is tested in tests/test_bangun.py
(``test_dua_build_sama_persis``); the B reference here relies on it.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from bantuan import salin_proyek, sidik
from conftest import CSV_DUKCAPIL, KABUPATEN, OPD, PERIODE, tulis

from skm_build.situs.bangun import pulihkan

EPOCH = "1767225600"  # 2026-01-01T00:00:00Z
CSV = "survei/2025-s1/dukcapil.csv"
CSV_B = CSV_DUKCAPIL.replace("2025-02-03,L,34,SMA,Swasta,3,3,2,",
                             "2025-02-03,L,34,SMA,Swasta,1,1,1,")
BATAS_DETIK = 60

Sidik = dict[str, str]


# --- a project and its builds --------------------------------------------------------------


def tulis_data(folder: Path, csv: str) -> None:
    tulis(folder, "kabupaten.yaml", KABUPATEN)
    tulis(folder, "opd.yaml", OPD)
    tulis(folder, "periode.yaml", PERIODE)
    tulis(folder, CSV, csv)
    tulis(folder, "survei/2025-s1/dukcapil.yaml", "diterima: 2025-07-10\npopulasi: 4\n")


def perintah() -> tuple[list[str], dict[str, str]]:
    env = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("SKM_SITE_URL", None)
    return [sys.executable, "-m", "skm_build", "build"], env


def skm_build(akar: Path) -> subprocess.CompletedProcess:
    argv, env = perintah()
    return subprocess.run(argv, cwd=akar, env=env, capture_output=True, text=True,
                          timeout=BATAS_DETIK, check=False)


def sidik_bila_ada(folder: Path) -> Sidik | None:
    """The folder's file hashes, or None when it is missing (a killed build may leave no
    site/)."""
    return sidik(folder) if folder.is_dir() else None


def sisa(akar: Path) -> list[str]:
    """Folders a build leaves only when it was interrupted."""
    return sorted([p.name for p in akar.glob("site.*")]
                  + [f"content/{p.name}" for p in (akar / "content").glob("_dibangun.*")])


class Referensi:
    """The A site (published before each test) and the B site (what the build makes)."""

    def __init__(self, akar_a: Path, situs_b: Sidik, durasi_b: float) -> None:
        self.akar_a = akar_a
        self.a = sidik_bila_ada(akar_a / "site")
        self.b = situs_b
        self.durasi_b = durasi_b  # seconds a whole build takes here

    def proyek(self, tujuan: Path) -> Path:
        """A copy of the A project whose data is already B: the next build publishes B."""
        shutil.copytree(self.akar_a, tujuan)
        tulis(tujuan / "data", CSV, CSV_B)
        return tujuan


@pytest.fixture(scope="module")
def ref(tmp_path_factory: pytest.TempPathFactory) -> Referensi:
    akar_a = tmp_path_factory.mktemp("a") / "proyek"
    salin_proyek(akar_a, dengan_data=False)
    tulis_data(akar_a / "data", CSV_DUKCAPIL)
    akar_b = tmp_path_factory.mktemp("b") / "proyek"
    salin_proyek(akar_b, dengan_data=False)
    tulis_data(akar_b / "data", CSV_B)
    for akar in (akar_a, akar_b):
        mulai = time.monotonic()
        r = skm_build(akar)
        assert r.returncode == 0, r.stderr
    acuan = Referensi(akar_a, sidik_bila_ada(akar_b / "site"), time.monotonic() - mulai)
    assert acuan.a != acuan.b
    return acuan


# --- killing a build --------------------------------------------------------------------------


class Bangunan:
    """``skm build`` in a subprocess, its stderr collected line by line."""

    def __init__(self, akar: Path) -> None:
        argv, env = perintah()
        self.akar = akar
        self.mulai = time.monotonic()
        self.proses = subprocess.Popen(argv, cwd=akar, env=env, stdout=subprocess.DEVNULL,
                                       stderr=subprocess.PIPE, text=True)
        self.baris: list[str] = []
        self._pembaca = threading.Thread(target=self._baca, daemon=True)
        self._pembaca.start()

    def _baca(self) -> None:
        for baris in self.proses.stderr:
            self.baris.append(baris)

    def tahap_selesai(self, nama: str) -> bool:
        return any(b.lstrip().startswith(nama) for b in self.baris)

    def bunuh_bila(self, syarat: Callable[[], bool]) -> bool:
        """SIGKILL as soon as ``syarat`` holds; False when the build ended first."""
        while self.proses.poll() is None:
            if syarat():
                self.proses.send_signal(signal.SIGKILL)
                self.proses.wait(timeout=BATAS_DETIK)
                self._pembaca.join(timeout=5)
                return True
            if time.monotonic() - self.mulai > BATAS_DETIK:
                self.proses.kill()
                pytest.fail("skm build did not finish in time")
            time.sleep(0.002)
        self._pembaca.join(timeout=5)
        return False


def ada(akar: Path, pola: str, berisi: bool = False) -> bool:
    return any(not berisi or any(b.is_file() for b in p.rglob("*")) for p in akar.glob(pola))


def periksa_keadaan(akar: Path, sebelum: Sidik | None, ref: Referensi) -> str:
    """After a kill: the site is the one before, or B complete, or between the renames."""
    sekarang = sidik_bila_ada(akar / "site")
    if sekarang == sebelum:
        return "lama"
    if sekarang == ref.b:
        return "baru"
    assert sekarang is None, "site/ is neither the previous site nor the complete new one"
    cadangan = list(akar.glob("site.lama-*"))
    assert len(cadangan) == 1 and sidik_bila_ada(cadangan[0]) == sebelum, "site/ lost"
    return "di antara dua rename"


def pulih_dan_terbit(akar: Path, ref: Referensi) -> None:
    """The next build recovers: no leftovers, and exactly B is published."""
    r = skm_build(akar)
    assert r.returncode == 0, r.stderr
    assert sidik_bila_ada(akar / "site") == ref.b
    assert sisa(akar) == []


# --- tests ------------------------------------------------------------------------------------


TAHAP = {
    # nothing written yet: the start-up (imports, pulihkan) and the data check
    "periksa": lambda b: any(x.startswith("skm build:") for x in b.baris),
    "tulis-halaman": lambda b: ada(b.akar / "content", "_dibangun.*"),
    "mkdocs": lambda b: ada(b.akar, "site.baru-*", berisi=True),
    "terbitkan": lambda b: b.tahap_selesai("mkdocs build"),
}


@pytest.mark.parametrize("tahap", list(TAHAP))
def test_build_dibunuh_di_setiap_tahap_tidak_setengah_terbit(ref: Referensi, tmp_path: Path,
                                                             tahap: str) -> None:
    akar = ref.proyek(tmp_path / "proyek")
    b = Bangunan(akar)
    assert b.bunuh_bila(lambda: TAHAP[tahap](b)), "the build finished before the stage"
    keadaan = periksa_keadaan(akar, ref.a, ref)
    if tahap in ("periksa", "tulis-halaman", "mkdocs"):
        assert keadaan == "lama"
    if tahap == "periksa":
        assert not b.tahap_selesai("tulis halaman")
    pulih_dan_terbit(akar, ref)


def test_build_dibunuh_pada_deretan_waktu(ref: Referensi, tmp_path: Path) -> None:
    """Kills at fixed times across a whole build, one after another on the same project."""
    akar = ref.proyek(tmp_path / "proyek")
    keadaan = []
    for i in range(1, 9):  # 15 % … 120 % of a whole build: the last ones may finish
        sebelum = sidik_bila_ada(akar / "site")
        b = Bangunan(akar)
        saat = ref.durasi_b * 0.15 * i
        if b.bunuh_bila(lambda b=b, saat=saat: time.monotonic() - b.mulai >= saat):
            keadaan.append(periksa_keadaan(akar, sebelum, ref))
        else:
            keadaan.append("selesai")
    assert keadaan[0] == "lama", keadaan
    pulih_dan_terbit(akar, ref)


def _di_antara_dua_rename(akar: Path) -> Path:
    """The state a build killed between the two renames of the swap leaves behind."""
    lama = akar / "site.lama-4194304"
    (akar / "site").rename(lama)
    baru = akar / "site.baru-abc123"
    shutil.copytree(lama, baru)
    (baru / "index.html").write_text("<p>separuh</p>", encoding="utf-8")
    return lama


def test_pulihkan_mengembalikan_situs_lama_setelah_mati_di_antara_dua_rename(
        ref: Referensi, tmp_path: Path) -> None:
    akar = ref.proyek(tmp_path / "proyek")
    _di_antara_dua_rename(akar)
    pulihkan(akar / "site")
    assert sidik_bila_ada(akar / "site") == ref.a
    assert [p for p in sisa(akar) if p.startswith("site.")] == []


def test_build_gagal_sesudah_mati_di_antara_dua_rename_memulihkan_situs_lama(
        ref: Referensi, tmp_path: Path) -> None:
    akar = ref.proyek(tmp_path / "proyek")
    _di_antara_dua_rename(akar)
    tulis(akar / "data", "kabupaten.yaml", "nama: [\n")  # the next build fails its check
    r = skm_build(akar)
    assert r.returncode == 1
    assert "Traceback" not in r.stderr
    assert sidik_bila_ada(akar / "site") == ref.a
    assert [p for p in sisa(akar) if p.startswith("site.")] == []


def test_build_sesudah_mati_di_antara_dua_rename_menerbitkan_data_baru(
        ref: Referensi, tmp_path: Path) -> None:
    akar = ref.proyek(tmp_path / "proyek")
    _di_antara_dua_rename(akar)
    pulih_dan_terbit(akar, ref)


def test_salinan_lama_yang_belum_terhapus_dibersihkan(ref: Referensi, tmp_path: Path) -> None:
    """Killed after the swap, before the old copy was removed: site/ is new, the copy goes."""
    akar = ref.proyek(tmp_path / "proyek")
    shutil.copytree(akar / "site", akar / "site.lama-4194304")
    (akar / "content" / "_dibangun.lama-4194304").mkdir()
    (akar / "content" / "_dibangun.x1y2z3").mkdir()
    pulih_dan_terbit(akar, ref)
