"""Writing a file so that it is either the old file or the whole new one, never half.

Staff edit data/ and the commands write into it too; a crash, Ctrl-C, SIGTERM or a full
disk in the middle of a write must not leave a truncated YAML or a corrupt zip behind.
The bytes go to a temporary file in the same folder, are flushed to the disk (fsync),
and then replace the target with one :func:`os.replace` (atomic on one file system).
A symbolic link is never written through: in a repository it could point anywhere.

A command that writes, checks, and undoes when the check fails keeps the old bytes with
:func:`dipulihkan_bila_gagal`, which puts them back in a ``finally`` — also when the
command is interrupted between the write and the check.

I/O errors carry the path of the file being written (a failed ``write()`` alone has
none, which printed ``skm: : No space left on device``); :func:`jelaskan` words them in
Indonesian for staff.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

_ALASAN = {
    errno.ENOSPC: "disk penuh: kosongkan ruang disk lalu jalankan lagi",
    errno.EDQUOT: "kuota disk habis: kosongkan ruang lalu jalankan lagi",
    errno.EROFS: "disk hanya-baca: berkas tidak dapat ditulis di sini",
    errno.EACCES: "tidak ada izin untuk membaca/menulis di sini",
    errno.EPERM: "tidak ada izin untuk membaca/menulis di sini",
    errno.ENOENT: "tidak ada",
    errno.ENOTDIR: "salah satu bagian jalurnya bukan folder",
    errno.EISDIR: "adalah folder, bukan berkas",
    errno.ELOOP: "tautan simbolik (symlink) tidak diikuti dan tidak ditimpa: simpan berkas "
                 "yang sebenarnya di sini",
    errno.EIO: "galat perangkat saat membaca/menulis (I/O): periksa disk",
    errno.ENAMETOOLONG: "nama berkas terlalu panjang",
    errno.EMFILE: "terlalu banyak berkas terbuka",
    errno.ENFILE: "terlalu banyak berkas terbuka",
    errno.EBUSY: "sedang dipakai program lain",
    errno.EFBIG: "berkas terlalu besar untuk disk ini",
}


def jelaskan(e: OSError) -> str:
    """``path: reason`` in Indonesian for staff (no errno numbers, no empty path)."""
    alasan = _ALASAN.get(e.errno or 0) or f"galat sistem ({e.strerror or e})"
    return f"{e.filename}: {alasan}" if e.filename else alasan


def _dengan_jalur(e: OSError, berkas: Path) -> OSError:
    """``e`` naming ``berkas`` (a failed write or fsync names no file, or a temporary one)."""
    return OSError(e.errno, e.strerror, str(berkas))


def tulis_atomik(berkas: Path, isi: bytes) -> None:
    """Write ``isi`` to ``berkas`` through a temporary file in the same folder.

    Raises :class:`OSError` naming ``berkas`` (never the temporary file); nothing is left
    behind when it fails. A symbolic link at ``berkas`` is refused (``ELOOP``).
    """
    if berkas.is_symlink():
        raise OSError(errno.ELOOP, "symlink", str(berkas))
    folder = berkas.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, sementara = tempfile.mkstemp(prefix=f".{berkas.name}.", suffix=".tmp", dir=folder)
    except OSError as e:
        raise _dengan_jalur(e, berkas) from None
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(isi)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(sementara, _mode(berkas))
        os.replace(sementara, berkas)
        _fsync_folder(folder)
    except BaseException as e:
        Path(sementara).unlink(missing_ok=True)
        if isinstance(e, OSError):
            raise _dengan_jalur(e, berkas) from None
        raise


def _mode(berkas: Path) -> int:
    """The permissions the file has (a new file: what ``open()`` would give it)."""
    try:
        return stat.S_IMODE(berkas.stat().st_mode)
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable (the folder entry), where the system allows it."""
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


@contextmanager
def dipulihkan_bila_gagal(*berkas: Path) -> Iterator[Callable[[], None]]:
    """Keep the bytes of ``berkas`` now; put them back when the block does not confirm.

    The block calls the yielded function once its writes are final. Anything else —
    an early return, an exception, Ctrl-C, SIGTERM turned into an exception — restores
    every file as it was (a file that did not exist is removed again).
    """
    lama = {b: (b.read_bytes() if b.is_file() and not b.is_symlink() else None)
            for b in berkas}
    jadi = False

    def tetapkan() -> None:
        nonlocal jadi
        jadi = True

    try:
        yield tetapkan
    finally:
        if not jadi:
            for b, isi in lama.items():
                if b.is_symlink():
                    continue
                if isi is None:
                    b.unlink(missing_ok=True)
                elif not b.is_file() or b.read_bytes() != isi:
                    tulis_atomik(b, isi)
