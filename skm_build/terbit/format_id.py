"""Numbers and dates as an Indonesian reader writes them: 84,21 · 12.345 · 15 Juli 2025.

Rounding goes through :func:`.ikm.bulat` (half-up on the exact value), so the figure a
citizen reads is the figure the grade was given on.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from fractions import Fraction

from skm_build.aturan.ikm import bulat

BULAN = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
         "September", "Oktober", "November", "Desember")


def angka(nilai: Fraction | Decimal | int | float | None, desimal: int = 2,
          tanda: bool = False) -> str:
    """84.2149 → "84,21"; 12345 → "12.345"; with ``tanda`` a sign is always shown."""
    if nilai is None:
        return "–"
    if isinstance(nilai, float):
        nilai = Fraction(nilai).limit_denominator(10**12)
    d = bulat(nilai, desimal)
    teks = f"{abs(d):,.{desimal}f}".replace(",", " ").replace(".", ",").replace(" ", ".")
    if d < 0:
        return "−" + teks
    return ("+" + teks) if tanda and d > 0 else teks


def bilangan(n: int) -> str:
    """Whole numbers with a thousands dot: 12345 → "12.345"."""
    return angka(n, 0)


def tanggal(d: date | None) -> str:
    """date(2025, 7, 15) → "15 Juli 2025"."""
    return "–" if d is None else f"{d.day} {BULAN[d.month - 1]} {d.year}"


def persen(bagian: int, total: int, desimal: int = 1) -> str:
    """Share as a percentage with a decimal comma: 1, 3 → "33,3 %"."""
    return "–" if total == 0 else f"{angka(Fraction(100 * bagian, total), desimal)} %"
