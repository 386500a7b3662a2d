"""Record in a unit's report file (survei/<periode>/<opd>.yaml) when its report arrived.

The ``diterima`` date decides whether a unit reported on time (:mod:`.kepatuhan`).
Writing it while importing the unit's data saves staff a hand edit of a YAML file, the
step most easily forgotten. An existing file is only ever appended to, and a date that
is already there is never changed by the command: a person decides that.
"""

from __future__ import annotations

import re
from datetime import date

_DITERIMA = re.compile(r"""^diterima[ \t]*:[ \t]*["']?([^"'#\s]*)""", re.M)


def dengan_diterima(teks: str, tanggal: date) -> tuple[str, str]:
    """``teks`` of a report with ``diterima`` added (never changed); what happened, in words.

    Pure, so ``skm import`` writes the counts and the date in one atomic write.
    """
    nilai = tanggal.isoformat()
    if cocok := _DITERIMA.search(teks):
        if cocok.group(1) == nilai:
            return teks, f"sudah tercatat diterima: {nilai}"
        return teks, (f"TIDAK diubah: sudah tercatat diterima: {cocok.group(1)}; sunting "
                      "sendiri bila tanggal itu salah")
    if not teks:
        return f"diterima: {nilai}\n", f"dibuat dengan diterima: {nilai}"
    akhir = "" if teks.endswith("\n") else "\n"
    return f"{teks}{akhir}diterima: {nilai}\n", f"ditambah diterima: {nilai}"
