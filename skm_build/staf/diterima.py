"""Record in a unit's report file (survei/<periode>/<opd>.yaml) when its report arrived.

The ``diterima`` date decides whether a unit reported on time (:mod:`.kepatuhan`).
Writing it while importing the unit's data saves staff a hand edit of a YAML file, the
step most easily forgotten. An existing file is only ever appended to, and a date that
is already there is never changed by the command: a person decides that.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

_DITERIMA = re.compile(r"""^diterima[ \t]*:[ \t]*["']?([^"'#\s]*)""", re.M)


def catat_diterima(berkas: Path, tanggal: date) -> tuple[bool, str]:
    """Write ``diterima`` into the report file; return (written, what happened in words)."""
    nilai = tanggal.isoformat()
    if not berkas.exists():
        berkas.parent.mkdir(parents=True, exist_ok=True)
        berkas.write_text(f"diterima: {nilai}\n", encoding="utf-8", newline="\n")
        return True, f"dibuat dengan diterima: {nilai}"
    teks = berkas.read_text(encoding="utf-8-sig")
    if cocok := _DITERIMA.search(teks):
        if cocok.group(1) == nilai:
            return False, f"sudah tercatat diterima: {nilai}"
        return False, (f"TIDAK diubah: sudah tercatat diterima: {cocok.group(1)}; sunting "
                       "sendiri bila tanggal itu salah")
    akhir = "" if not teks or teks.endswith("\n") else "\n"
    with berkas.open("a", encoding="utf-8", newline="\n") as f:
        f.write(f"{akhir}diterima: {nilai}\n")
    return True, f"ditambah diterima: {nilai}"
