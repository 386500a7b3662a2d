"""Zip archives with the same bytes every time: the container of .xlsx and .docx files.

The templates are published by the build and two builds of the same commit must give
byte-identical sites. :mod:`zipfile` stamps every member with the current time, so the
Office files the project writes are packed here with a fixed time and fixed attributes.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable

WAKTU_TETAP = (1980, 1, 1, 0, 0, 0)  # the earliest time a zip entry can carry


def zip_tetap(anggota: Iterable[tuple[str, bytes]]) -> bytes:
    """Pack ``(name, bytes)`` pairs, in the given order, into deterministic zip bytes."""
    keluaran = io.BytesIO()
    with zipfile.ZipFile(keluaran, "w", zipfile.ZIP_DEFLATED) as z:
        for nama, isi in anggota:
            info = zipfile.ZipInfo(nama, date_time=WAKTU_TETAP)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 0
            info.external_attr = 0o644 << 16
            z.writestr(info, isi, compress_type=zipfile.ZIP_DEFLATED, compresslevel=6)
    return keluaran.getvalue()


def kemas_ulang(data_zip: bytes, ganti: dict[str, bytes] | None = None) -> bytes:
    """Repack an existing zip deterministically, replacing the members named in ``ganti``."""
    ganti = ganti or {}
    with zipfile.ZipFile(io.BytesIO(data_zip)) as z:
        anggota = [(n, ganti.get(n, z.read(n))) for n in z.namelist()]
    return zip_tetap(anggota)
