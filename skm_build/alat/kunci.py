"""One writer at a time per project: an OS lock held while a command writes.

Two builds of one project (a preview server rebuilding while someone runs a build, two
CI jobs on one runner) used to clear each other's half-built folders and publish a half
site. Every command that writes the project's data or its site therefore holds an
exclusive ``flock`` on one file in the project root for as long as it writes. The
kernel releases the lock when the process ends, however it ends (SIGKILL included), so
a killed command never leaves the project locked. The holder writes its PID and command
into the file, so whoever has to wait can be told who is busy.

A second command waits for the lock (up to :data:`TUNGGU_BAKU` seconds, or what
``SKM_KUNCI_TUNGGU`` says; ``0`` refuses at once) and then raises :class:`Terkunci`.
The lock is re-entrant within one process (``skm paket`` may build the site first).
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

NAMA_BERKAS = ".skm-kunci"
TUNGGU_BAKU = 600.0  # seconds: longer than any build of a province-size project
JEDA = 0.05

_dipegang: dict[Path, int] = {}


class Terkunci(Exception):
    """Another command holds the project's lock and did not let go in time."""


def _batas_tunggu() -> float:
    try:
        return max(0.0, float(os.environ.get("SKM_KUNCI_TUNGGU", TUNGGU_BAKU)))
    except ValueError:
        return TUNGGU_BAKU


def pemegang(akar: Path) -> str:
    """Who holds (or last held) the lock of ``akar``: "PID 123: skm build", or ""."""
    try:
        isi = (akar / NAMA_BERKAS).read_text(encoding="utf-8", errors="replace").split(" ", 1)
    except OSError:
        return ""
    return f"PID {isi[0]}: {isi[1].strip()}" if len(isi) == 2 else ""


@contextmanager
def kunci_proyek(akar: Path, siapa: str) -> Iterator[None]:
    """Hold the lock of the project at ``akar`` while the block runs (see module doc).

    ``siapa`` names the command for whoever waits ("skm build"). A project that cannot
    hold a lock file (a read-only disk) cannot be written by anyone either: the block
    then runs without one and its first write reports the disk.
    """
    berkas = (akar / NAMA_BERKAS).resolve()
    if berkas in _dipegang:
        _dipegang[berkas] += 1
        try:
            yield
        finally:
            _dipegang[berkas] -= 1
        return
    try:
        fd = os.open(berkas, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC, 0o644)
    except OSError as e:
        if e.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
            yield
            return
        raise
    try:
        _ambil(fd, akar, siapa)
        with contextlib.suppress(OSError):  # who holds it is a courtesy: a full disk is not fatal
            os.ftruncate(fd, 0)
            os.pwrite(fd, f"{os.getpid()} {siapa}\n".encode(), 0)
        _dipegang[berkas] = 1
        try:
            yield
        finally:
            del _dipegang[berkas]
    finally:
        os.close(fd)  # releases the lock


def _ambil(fd: int, akar: Path, siapa: str) -> None:
    batas = time.monotonic() + _batas_tunggu()
    diberi_tahu = False
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            pass
        lain = pemegang(akar) or "perintah lain"
        if time.monotonic() >= batas:
            raise Terkunci(f"proyek {akar} sedang dipakai ({lain}); {siapa} tidak dijalankan. "
                           "Tunggu sampai perintah itu selesai, lalu jalankan lagi")
        if not diberi_tahu:
            print(f"{siapa}: menunggu perintah lain selesai ({lain}) …", file=sys.stderr)
            diberi_tahu = True
        time.sleep(JEDA)
