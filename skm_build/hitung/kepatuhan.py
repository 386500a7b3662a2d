"""Who reported on time: SOP steps 5–7 (OPDs report within three weeks of the circular).

Pure functions over the validated tables. Every unit of opd.yaml gets one status per
period, decided by the report's ``diterima`` date, the period's ``batas_laporan`` and
"today". Today is passed in, never read inside: :func:`hari_ini` gives the date a build
uses (``SOURCE_DATE_EPOCH`` when set, so a rebuild of the same commit is identical).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import UTC, date, datetime
from fractions import Fraction

from skm_build.kontrak.model import DataSkm, Opd, Periode

TEPAT_WAKTU = "tepat waktu"
TERLAMBAT = "terlambat"
TANPA_TANGGAL = "tanpa tanggal"
MENUNGGU = "menunggu"
BELUM_MELAPOR = "belum melapor"
# Order of the table: what needs chasing first.
URUTAN_STATUS = (BELUM_MELAPOR, TERLAMBAT, TANPA_TANGGAL, MENUNGGU, TEPAT_WAKTU)


def hari_ini() -> date:
    """Today, or the date of ``SOURCE_DATE_EPOCH`` (UTC) when the build sets it."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch:
        try:
            return datetime.fromtimestamp(int(epoch), tz=UTC).date()
        except (ValueError, OverflowError, OSError):
            pass
    return date.today()


@dataclass(frozen=True)
class StatusUnit:
    """One unit's reporting status in one period."""

    opd: Opd
    status: str
    diterima: date | None = None
    hari: int = 0  # days late (terlambat), overdue (belum melapor) or left (menunggu)

    @property
    def keterangan(self) -> str:
        """The status in words, with its number of days."""
        if self.status == TERLAMBAT:
            return f"terlambat {self.hari} hari"
        if self.status == BELUM_MELAPOR:
            return f"belum melapor (lewat {self.hari} hari)"
        if self.status == MENUNGGU:
            return "menunggu (batas hari ini)" if self.hari == 0 else \
                f"menunggu ({self.hari} hari lagi)"
        if self.status == TANPA_TANGGAL:
            return "diterima, tanggal tidak dicatat"
        return TEPAT_WAKTU


@dataclass(frozen=True)
class Kepatuhan:
    """Every unit's status in one period, judged on ``hari_ini``."""

    periode: Periode
    hari_ini: date
    unit: tuple[StatusUnit, ...]  # ordered by URUTAN_STATUS, then name

    def jumlah(self, status: str) -> int:
        return sum(1 for s in self.unit if s.status == status)

    @property
    def tingkat(self) -> Fraction | None:
        """Compliance rate: units on time / all units (None when there are no units)."""
        return Fraction(self.jumlah(TEPAT_WAKTU), len(self.unit)) if self.unit else None


def status_unit(opd: Opd, per: Periode, ada_data: bool, diterima: date | None,
                hari_ini: date) -> StatusUnit:
    """The status of one unit: a report is on time when received on the deadline or before.

    A report with data but no ``diterima`` date was received, but cannot be shown to be
    on time: it is counted apart, so the rate never credits a date nobody wrote down.
    """
    batas = per.batas_laporan
    if ada_data:
        if diterima is None:
            return StatusUnit(opd, TANPA_TANGGAL)
        if diterima <= batas:
            return StatusUnit(opd, TEPAT_WAKTU, diterima)
        return StatusUnit(opd, TERLAMBAT, diterima, (diterima - batas).days)
    if hari_ini > batas:
        return StatusUnit(opd, BELUM_MELAPOR, None, (hari_ini - batas).days)
    return StatusUnit(opd, MENUNGGU, None, (batas - hari_ini).days)


def tanggal_penilaian(per: Periode, hari_ini: date) -> date:
    """The date a period's compliance is judged on: a signed report on its signing date,
    so what it states no longer changes afterwards; a draft on ``hari_ini``."""
    return per.pengesahan.tanggal if per.pengesahan is not None else hari_ini


def kepatuhan_periode(data: DataSkm, periode_id: str, hari_ini: date) -> Kepatuhan:
    """Every unit of opd.yaml in one period, ordered by what needs chasing first."""
    per = data.periode_menurut_id()[periode_id]
    unit = []
    for o in data.opd:
        s = data.survei.get((periode_id, o.id))
        unit.append(status_unit(o, per, s is not None, None if s is None else s.diterima,
                                hari_ini))
    unit.sort(key=lambda s: (URUTAN_STATUS.index(s.status), s.opd.nama))
    return Kepatuhan(per, hari_ini, tuple(unit))
