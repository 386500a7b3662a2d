"""Follow-up plans across periods: what became of last period's plans, and contradictions.

A unit reports its plans (rencana tindak lanjut) every period. A reader who wants to
know whether the unit keeps its promises needs two things the single-period tables do
not show: what became of each plan of the previous report, and the plain
contradictions a reader would otherwise have to find by comparing pages — an action
reported finished that comes back as planned or ongoing, and an IKM that keeps falling
while every action is reported finished. Plans are the same plan when unsur and
kegiatan match (the text staff type again in the next report).
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from skm_build.hitung.hasil import HasilUnit
from skm_build.kontrak.model import TindakLanjut

SELESAI = "selesai"


@dataclass(frozen=True)
class NasibRencana:
    """A plan of an earlier report and its status in the latest one (None: not reported)."""

    rencana: TindakLanjut
    kini: str | None


@dataclass(frozen=True)
class Dibuka:
    """An action reported finished in one period that is back as unfinished later."""

    rencana: TindakLanjut
    selesai_pada: str   # period name
    muncul_pada: str    # period name


@dataclass(frozen=True)
class TurunPadahalSelesai:
    """IKM fell ``kali`` periods in a row while every reported action was finished."""

    kali: int
    dari: Fraction
    menjadi: Fraction
    kegiatan: int


@dataclass(frozen=True)
class Janji:
    """The promise record of one unit (latest report first in ``riwayat``)."""

    lalu: tuple[NasibRencana, ...]
    dibuka: tuple[Dibuka, ...]
    turun: TurunPadahalSelesai | None


def _kunci(t: TindakLanjut) -> tuple[str, str]:
    return t.unsur, " ".join(t.kegiatan.lower().split())


def janji(riwayat: list[HasilUnit]) -> Janji:
    """Promises of a unit from its results, latest first (``Hasil.unit_dari``)."""
    if not riwayat:
        return Janji((), (), None)
    terbaru = riwayat[0]
    kini = {_kunci(t): t.status for t in terbaru.survei.tindak_lanjut}
    lalu = () if len(riwayat) < 2 else tuple(
        NasibRencana(t, kini.get(_kunci(t))) for t in riwayat[1].survei.tindak_lanjut)
    dibuka = []
    urut = list(reversed(riwayat))  # oldest first
    for i, h in enumerate(urut[1:], start=1):
        selesai = {}
        for sebelum in urut[:i]:
            for t in sebelum.survei.tindak_lanjut:
                if t.status == SELESAI:
                    selesai[_kunci(t)] = sebelum.periode.nama
        dibuka += [Dibuka(t, selesai[_kunci(t)], h.periode.nama)
                   for t in h.survei.tindak_lanjut
                   if t.status != SELESAI and _kunci(t) in selesai]
    return Janji(lalu, tuple(dibuka), _turun_padahal_selesai(riwayat))


def _turun_padahal_selesai(riwayat: list[HasilUnit]) -> TurunPadahalSelesai | None:
    """Consecutive falls up to the latest report, with every plan of the earlier reports
    of that run finished (and at least one plan)."""
    kali = 0
    while kali + 1 < len(riwayat) and riwayat[kali].ikm.ikm < riwayat[kali + 1].ikm.ikm:
        kali += 1
    if kali == 0:
        return None
    rencana = [t for h in riwayat[1:kali + 1] for t in h.survei.tindak_lanjut]
    if not rencana or any(t.status != SELESAI for t in rencana):
        return None
    return TurunPadahalSelesai(kali, riwayat[kali].ikm.ikm, riwayat[0].ikm.ikm, len(rencana))
