"""Where a period stands in the ten SOP steps: dates, durations, what ran over, what is next.

Pure functions over the validated tables. A step's dates come from three places: what
staff recorded with ``skm langkah`` (``periode.yaml`` ``langkah``), the units' receipts
(``diterima``: steps 6 and 7) and the sign-off (``pengesahan``: step 9). A step's
duration runs from the day the step before it was done to the day it was done, and is
compared with the SOP's standard time (:mod:`skm_build.aturan.sop`). Dates carry no
hour, so a 30-minute step is on time when done on the same day as the one before it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from skm_build.aturan import sop
from skm_build.kontrak.model import CatatanLangkah, DataSkm, Periode


@dataclass(frozen=True)
class KeadaanLangkah:
    """One SOP step of one period."""

    langkah: sop.Langkah
    catatan: tuple[CatatanLangkah, ...]  # as recorded (paraf chain for steps 4 and 9)
    mulai: date | None  # the day the step before it was done
    selesai: date | None  # the day it was done; None while it is not
    keterangan: str = ""  # how the date was found, or how far it is

    @property
    def hari(self) -> int | None:
        if self.mulai is None or self.selesai is None:
            return None
        return (self.selesai - self.mulai).days

    @property
    def lewat(self) -> bool | None:
        """True when the step took longer than its standard time (None: not measurable)."""
        return None if self.hari is None else self.hari > self.langkah.baku_hari

    @property
    def jatuh_tempo(self) -> date | None:
        """The day a step not yet done is due: the step before it plus the standard time."""
        if self.selesai is not None or self.mulai is None:
            return None
        return self.mulai + timedelta(days=self.langkah.baku_hari)


def paraf(per: Periode, nomor: int) -> tuple[tuple[str, date | None], ...]:
    """The paraf chain of step 4 (the circular) or 9 (the report) and the Sekda's
    signature: each role with its latest date (None: not yet)."""
    tanggal: dict[str, date] = {}
    for c in per.langkah:
        if c.langkah == nomor:
            tanggal[c.oleh] = max(c.tanggal, tanggal.get(c.oleh, c.tanggal))
    if nomor == sop.LANGKAH_PENGESAHAN and per.pengesahan is not None:
        tanggal[sop.SEKDA] = per.pengesahan.tanggal
    return tuple((peran, tanggal.get(peran)) for peran in (*sop.RANTAI_PARAF, sop.SEKDA))


def keadaan(data: DataSkm, periode_id: str, hari_ini: date) -> tuple[KeadaanLangkah, ...]:
    """The ten steps of one period, in order."""
    per = data.periode_menurut_id()[periode_id]
    diterima = sorted(s.diterima for (pid, _), s in data.survei.items()
                      if pid == periode_id and s.diterima is not None)
    melapor = sum(1 for (pid, _) in data.survei if pid == periode_id)
    semua = len(data.opd)
    tuntas = melapor >= semua or hari_ini > per.batas_laporan
    hasil: list[KeadaanLangkah] = []
    sebelumnya: date | None = None
    for lk in sop.LANGKAH:
        catatan = tuple(c for c in per.langkah if c.langkah == lk.nomor)
        selesai = max((c.tanggal for c in catatan), default=None)
        mulai, ket = sebelumnya, ""
        if lk.paraf:
            rantai = paraf(per, lk.nomor)
            ttd = dict(rantai)[sop.SEKDA]
            selesai = ttd
            ket = ", ".join(f"{p} {'✓' if t else '–'}" for p, t in rantai)
        if lk.nomor == sop.LANGKAH_OPD:
            selesai = diterima[-1] if diterima and tuntas else None
            ket = f"{melapor} dari {semua} unit melapor"
        elif lk.nomor == sop.LANGKAH_HIMPUN:
            mulai = diterima[0] if diterima else None
            if selesai is None and diterima and tuntas:
                selesai, ket = diterima[-1], "dari tanggal diterima laporan terakhir"
        hasil.append(KeadaanLangkah(lk, catatan, mulai, selesai, ket))
        sebelumnya = selesai
    return tuple(hasil)


def berikutnya(langkah: tuple[KeadaanLangkah, ...]) -> KeadaanLangkah | None:
    """The first step not yet done (None when all ten are)."""
    return next((x for x in langkah if x.selesai is None), None)
