"""Hostile corpus, class 3: every write is whole or absent, whatever happens during it.

A full disk at every write (a small tmpfs filled to leave 0, 1, 2, … pages free), a
kill (SIGKILL, SIGTERM, Ctrl-C) at a sweep of moments, a read-only disk and a symbolic
link where a file is written: each file a command writes is afterwards either exactly
as before or exactly as intended, no temporary file is left, and a failure is reported
in Indonesian with the path ("disk penuh"), never as ``skm: : No space left on device``.
Needs root for ``mount -t tmpfs``; skipped cleanly otherwise.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import time
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from conftest import CSV_DUKCAPIL, tulis
from tangguh import argv, data_kecil, isi_folder, lingkungan, proyek_kecil, skm

HALAMAN = 4096
ENTRI_BARU = b"- id: 2026-s1\n"


@contextmanager
def cakram(folder: Path, ukuran: int, hanya_baca: bool = False) -> Iterator[Path]:
    """A small tmpfs at ``folder`` (skips the test where mounting is not allowed)."""
    folder.mkdir(parents=True, exist_ok=True)
    opsi = f"size={ukuran}" + (",ro" if hanya_baca else "")
    r = subprocess.run(["mount", "-t", "tmpfs", "-o", opsi, "tmpfs", str(folder)],
                       capture_output=True, check=False)
    if r.returncode != 0:
        pytest.skip("tmpfs tidak dapat dipasang di sini (perlu root)")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


def penuhi(folder: Path, sisa_halaman: int) -> None:
    """Fill the file system of ``folder`` until ``sisa_halaman`` pages are free."""
    s = os.statvfs(folder)
    bebas = s.f_bavail * s.f_frsize - sisa_halaman * HALAMAN
    with open(folder / "pengisi", "wb") as f:
        while bebas > 0:
            n = min(bebas, 1 << 20)
            try:
                f.write(b"\0" * n)
                f.flush()
            except OSError:
                break
            bebas -= n


def sementara(folder: Path) -> list[str]:
    """Files a write left behind (temporary names start with '.' or contain '.tmp')."""
    return sorted(p.name for p in folder.rglob("*")
                  if p.name.startswith(".") or ".tmp" in p.name or p.name.endswith("~"))


def laporan_galat_io(err: str) -> None:
    assert "skm: :" not in err
    assert "No space left" not in err and "Errno" not in err


# --- a full disk at every write -------------------------------------------------------------


@pytest.mark.parametrize("sisa", range(0, 4))
def test_periode_baru_di_disk_penuh_berkas_utuh_dan_pesan_jelas(tmp_path: Path,
                                                              sisa: int) -> None:
    with cakram(tmp_path / "c", 256 * 1024) as c:
        data = data_kecil(c / "data")
        berkas = data / "periode.yaml"
        # a comment pads the file to just under a page: the new entry needs a second one
        berkas.write_bytes(b"#" * (HALAMAN - len(berkas.read_bytes()) - 2) + b"\n"
                           + berkas.read_bytes())
        lama = berkas.read_bytes()
        penuhi(c, sisa)
        r = skm(c, "periode", "baru", "2026-s1")
        baru = (data / "periode.yaml").read_bytes()
        if r.kode == 0:
            assert baru.startswith(lama) and ENTRI_BARU in baru
        else:
            assert r.kode == 1
            assert baru == lama
            assert "disk penuh" in r.err and "periode.yaml" in r.err
            laporan_galat_io(r.err)
        assert sementara(data) == []


@pytest.mark.parametrize("sisa", range(0, 5))
def test_impor_diterima_di_disk_penuh_tidak_meninggalkan_berkas_setengah(tmp_path: Path,
                                                                        sisa: int) -> None:
    with cakram(tmp_path / "c", 256 * 1024) as c:
        data = data_kecil(c / "data")
        tulis(c, "kiriman.csv", CSV_DUKCAPIL)
        sebelum = isi_folder(data)
        penuhi(c, sisa)
        r = skm(c, "import", "kiriman.csv", "--opd", "kecamatan-jaten", "--periode",
                "2025-s1", "--diterima", "2025-07-12")
        sesudah = isi_folder(data)
        unit = "survei/2025-s1/kecamatan-jaten"
        if r.kode == 0:
            assert sesudah[f"{unit}.yaml"] == b"diterima: 2025-07-12\n"
            assert sesudah[f"{unit}.csv"].startswith(b"tanggal,")
        else:
            assert r.kode == 1
            assert sesudah == sebelum, "a failed import must leave data/ as it was"
            assert "disk penuh" in r.err
            laporan_galat_io(r.err)
        assert sementara(data) == []


@pytest.fixture(scope="module")
def proyek_terbangun(tmp_path_factory: pytest.TempPathFactory) -> Path:
    akar = proyek_kecil(tmp_path_factory.mktemp("paket") / "proyek")
    r = skm(akar, "build")
    assert r.kode == 0, r.err
    return akar


@pytest.mark.parametrize("sisa", [0, 1, 3, 6])
def test_paket_di_disk_penuh_tidak_meninggalkan_zip_rusak(proyek_terbangun: Path,
                                                        tmp_path: Path, sisa: int) -> None:
    with cakram(tmp_path / "c", 512 * 1024) as c:
        penuhi(c, sisa)
        keluar = c / "skm-2025-s1.zip"
        r = skm(proyek_terbangun, "paket", "--periode", "2025-s1", "--tanpa-pdf",
                "--keluar", str(keluar))
        if r.kode == 0:
            with zipfile.ZipFile(keluar) as z:
                assert z.testzip() is None
        else:
            assert r.kode == 1
            assert not keluar.exists()
            assert "disk penuh" in r.err and "skm-2025-s1.zip" in r.err
            laporan_galat_io(r.err)
        assert sementara(c) == []


@pytest.mark.parametrize("sisa", [0, 40, 200])
def test_build_di_disk_penuh_situs_lama_utuh(tmp_path: Path, sisa: int) -> None:
    with cakram(tmp_path / "c", 48 * 1024 * 1024) as c:
        akar = proyek_kecil(c / "proyek")
        assert skm(akar, "build").kode == 0
        lama = isi_folder(akar / "site")
        tulis(akar / "data", "survei/2025-s1/dukcapil.csv",
              CSV_DUKCAPIL.replace("PNS,4,3,", "PNS,1,1,"))
        penuhi(c, sisa)
        r = skm(akar, "build")
        if r.kode != 0:
            assert r.kode == 1
            assert isi_folder(akar / "site") == lama
            assert "disk penuh" in r.err
            laporan_galat_io(r.err)
        assert sorted(p.name for p in akar.glob("site.*")) == []


def test_disk_hanya_baca_dilaporkan_dengan_jalur(tmp_path: Path) -> None:
    asal = data_kecil(tmp_path / "asal")
    with cakram(tmp_path / "c", 256 * 1024) as c:
        shutil.copytree(asal, c / "data")
        subprocess.run(["mount", "-o", "remount,ro", str(c)], check=True)
        r = skm(c, "periode", "baru", "2026-s1")
        assert r.kode == 1
        assert "periode.yaml" in r.err and "hanya-baca" in r.err
        laporan_galat_io(r.err)


# --- a kill at a sweep of moments ---------------------------------------------------------


def _sapuan(akar: Path, args: tuple[str, ...], sinyal: int, berkas: Path,
            sah: set[bytes]) -> None:
    """Run ``skm ARGS`` killed by ``sinyal`` at growing delays until it finishes first."""
    asli = berkas.read_bytes()
    jeda = 0.0
    for _ in range(60):
        berkas.write_bytes(asli)
        p = subprocess.Popen(argv(*args), cwd=akar, env=lingkungan(),
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        time.sleep(jeda)
        selesai = p.poll() is not None
        if not selesai:
            p.send_signal(sinyal)
        _, err = p.communicate(timeout=60)
        # Ctrl-C while the interpreter starts or imports prints Python's own traceback
        # (nothing ran yet); a traceback out of a running command is a failure.
        assert not re.search(rb'cli\.py", line \d+, in main', err), err.decode()
        assert berkas.read_bytes() in sah, f"killed after {jeda:.3f} s: {berkas.read_bytes()!r}"
        assert sementara(berkas.parent) == []
        if selesai:
            return
        jeda += 0.015
    pytest.fail("the command never finished within the sweep")


@pytest.mark.parametrize("sinyal", [signal.SIGKILL, signal.SIGTERM, signal.SIGINT],
                         ids=["SIGKILL", "SIGTERM", "SIGINT"])
def test_periode_baru_dibunuh_kapan_pun_berkas_lama_atau_baru(tmp_path: Path,
                                                               sinyal: int) -> None:
    data = data_kecil(tmp_path / "data")
    berkas = data / "periode.yaml"
    lama = berkas.read_bytes()
    r = skm(tmp_path, "periode", "baru", "2026-s1")
    assert r.kode == 0
    baru = berkas.read_bytes()
    _sapuan(tmp_path, ("periode", "baru", "2026-s1"), sinyal, berkas, {lama, baru})


def test_periode_baru_ditolak_pemeriksaan_kembali_utuh_walau_dihentikan(tmp_path: Path) -> None:
    """A refused entry is never left behind: SIGTERM during the re-check restores it."""
    data = data_kecil(tmp_path / "data")
    tulis(data, "survei/2026-s1/dukcapil.csv", "bukan,csv\n")  # the new period breaks it
    berkas = data / "periode.yaml"
    lama = berkas.read_bytes()
    r = skm(tmp_path, "periode", "baru", "2026-s1")
    assert r.kode == 1 and berkas.read_bytes() == lama
    _sapuan(tmp_path, ("periode", "baru", "2026-s1"), signal.SIGTERM, berkas, {lama})


# --- symbolic links ---------------------------------------------------------------------------


def test_diterima_tidak_mengikuti_symlink_keluar_repositori(tmp_path: Path) -> None:
    data = data_kecil(tmp_path / "data")
    luar = tulis(tmp_path, "luar/rahasia.txt", "jangan diubah\n")
    (data / "survei/2025-s1/kecamatan-jaten.yaml").symlink_to(luar)
    tulis(tmp_path, "kiriman.csv", CSV_DUKCAPIL)
    r = skm(tmp_path, "import", "kiriman.csv", "--opd", "kecamatan-jaten", "--periode",
            "2025-s1", "--diterima", "2025-07-12")
    assert r.kode == 1
    assert luar.read_text() == "jangan diubah\n"
    assert "symlink" in r.err or "tautan simbolik" in r.err
    assert not (data / "survei/2025-s1/kecamatan-jaten.csv").exists()


def test_periode_baru_menolak_periode_yaml_symlink(tmp_path: Path) -> None:
    data = data_kecil(tmp_path / "data")
    asli = tmp_path / "luar.yaml"
    (data / "periode.yaml").rename(asli)
    (data / "periode.yaml").symlink_to(asli)
    sebelum = asli.read_bytes()
    r = skm(tmp_path, "periode", "baru", "2026-s1")
    assert r.kode == 1
    assert asli.read_bytes() == sebelum
    assert (data / "periode.yaml").is_symlink()


def test_impor_menolak_laporan_tujuan_symlink(tmp_path: Path) -> None:
    data = data_kecil(tmp_path / "data")
    luar = tulis(tmp_path, "luar.yaml", "tetap\n")
    (data / "survei/2025-s1/kecamatan-jaten.yaml").symlink_to(luar)
    tulis(tmp_path, "kiriman.csv", CSV_DUKCAPIL)
    r = skm(tmp_path, "import", "kiriman.csv", "--opd", "kecamatan-jaten", "--periode",
            "2025-s1", "--force")
    assert r.kode == 1
    assert luar.read_text() == "tetap\n"


def test_paket_menolak_keluaran_symlink(proyek_terbangun: Path, tmp_path: Path) -> None:
    luar = tulis(tmp_path, "luar.txt", "tetap\n")
    (tmp_path / "skm.zip").symlink_to(luar)
    r = skm(proyek_terbangun, "paket", "--periode", "2025-s1", "--tanpa-pdf", "--keluar",
            str(tmp_path / "skm.zip"))
    assert r.kode == 1
    assert luar.read_text() == "tetap\n"
