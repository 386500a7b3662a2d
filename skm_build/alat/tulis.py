"""Writing a file so that it is either the old file or the whole new one, never half.

Staff edit data/ and the commands write into it too; a crash, Ctrl-C or a full disk in
the middle of a write must not leave a truncated YAML or a corrupt zip behind. The bytes
go to a temporary file in the same folder, which then replaces the target with one
:func:`os.replace` (atomic on the same file system).
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def tulis_atomik(berkas: Path, isi: bytes) -> None:
    """Write ``isi`` to ``berkas`` through a temporary file in the same folder."""
    berkas.parent.mkdir(parents=True, exist_ok=True)
    fd, sementara = tempfile.mkstemp(prefix=f".{berkas.name}.", dir=berkas.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(isi)
        os.replace(sementara, berkas)
    except BaseException:
        Path(sementara).unlink(missing_ok=True)
        raise
