"""Free text that may be published: no personal data, nothing a spreadsheet would run.

Every text from ``data/`` reaches a public page, the open data (CSV, XLSX) and the files
staff open in Excel. Two things must never pass: personal data (see :mod:`.pribadi`) and
text a spreadsheet runs as a formula.
"""

from __future__ import annotations

import re

from skm_build.kontrak.pribadi import jenis_data_pribadi

# Text a spreadsheet would run as a formula: the published open data (XLSX, CSV) and the
# CSVs staff open in Excel carry it. "-" and "+" start ordinary notes ("- tidak ada -"),
# so they count only when a call or a DDE pipe follows without a space ("-cmd|", "+SUM(").
POLA_RUMUS = re.compile(r"\s*(?:[=@]|[+-]\S*[(|!])")
_RUMUS_GABUNGAN = re.compile(r"(?:^|\0)\s*(?:[=@]|[+-][^\s\0]*[(|!])")


def mungkin_terlarang(gabungan: str) -> bool:
    """Whether any of the NUL-joined texts may hold personal data or a formula (fast)."""
    return bool(jenis_data_pribadi(gabungan) or _RUMUS_GABUNGAN.search(gabungan))


def alasan_teks_terlarang(teks: str) -> str | None:
    """Why free text cannot enter the repository (personal data, a formula), or None."""
    if jenis := jenis_data_pribadi(teks):
        return (f"berisi data pribadi ({jenis}): hapus bagian itu (berkas data masuk ke "
                "repositori publik; skm import menyamarkannya otomatis)")
    if POLA_RUMUS.match(teks):
        return (f"diawali '{teks.lstrip()[0]}': spreadsheet membacanya sebagai rumus; tulis "
                "tanpa tanda itu di depan")
    return None
