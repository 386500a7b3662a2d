"""From validated tables to results: every unit in every period, and the kabupaten.

This is the only place that ties the data model to the arithmetic of :mod:`.ikm`. The
pages, the open data and the JSON contract all read these objects, so a number shown in
one place is the same number everywhere.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from fractions import Fraction
from functools import cached_property

from skm_build.aturan.ikm import (
    AGREGASI,
    JUMLAH_TERLEMAH,
    KONVERSI,
    RATA_RATA_UNIT,
    UNSUR,
    Agregasi,
    HasilIkm,
    Mutu,
    Unsur,
    gabung_tally,
    hitung_ikm,
    mutu,
    perubahan,
    rata_rata,
    sampel_minimum,
    unsur_dinilai,
)
from skm_build.hitung.kepatuhan import (
    Kepatuhan,
    hari_ini,
    kepatuhan_periode,
    tanggal_penilaian,
)
from skm_build.kontrak.layanan import kunci_layanan, layanan_dinamai
from skm_build.kontrak.model import DataSkm, Kabupaten, Opd, Periode, Survei


@dataclass(frozen=True)
class HasilLayanan:
    """One service of a unit in one period; ``ikm`` is None only for the row that joins the
    services too small to name (:data:`LAYANAN_LAIN`, see :func:`_hasil_layanan`)."""

    nama: str
    responden: int
    ikm: HasilIkm | None


@dataclass(frozen=True)
class HasilUnit:
    """One unit's result in one period."""

    periode: Periode
    opd: Opd
    survei: Survei
    ikm: HasilIkm
    sebelumnya: Fraction | None  # the unit's IKM (25–100) in the previous period it reported
    layanan: tuple[HasilLayanan, ...] = ()  # by name

    @property
    def sampel_minimum(self) -> int | None:
        return None if self.survei.populasi is None else sampel_minimum(self.survei.populasi)

    @property
    def sampel_memadai(self) -> bool | None:
        minimum = self.sampel_minimum
        return None if minimum is None else self.survei.responden >= minimum

    @property
    def perubahan(self) -> Fraction | None:
        return perubahan(self.ikm.ikm, self.sebelumnya)


@dataclass(frozen=True)
class NilaiUnsur:
    """One unsur at kabupaten level: its NRR by the configured aggregation rule."""

    unsur: Unsur
    nrr: Fraction

    @property
    def nrr_25(self) -> Fraction:
        return self.nrr * KONVERSI

    @property
    def mutu(self) -> Mutu:
        return mutu(self.nrr_25)


@dataclass(frozen=True)
class HasilKabupaten:
    """The kabupaten aggregate of one period, both ways; ``agregasi`` says which leads."""

    periode: Periode
    agregasi: str
    rata_rata_unit: Fraction
    gabungan: HasilIkm
    unit: tuple[HasilUnit, ...]  # ranked: highest IKM first
    sebelumnya: Fraction | None

    @property
    def ikm(self) -> Fraction:
        """The configured aggregate on the 25–100 scale."""
        return self.rata_rata_unit if self.agregasi == RATA_RATA_UNIT.kunci else self.gabungan.ikm

    @property
    def aturan(self) -> Agregasi:
        """The configured aggregation rule; :attr:`aturan_lain` the one shown beside it."""
        return AGREGASI[self.agregasi]

    @property
    def aturan_lain(self) -> Agregasi:
        return next(a for a in AGREGASI.values() if a.kunci != self.agregasi)

    @property
    def ikm_lain(self) -> Fraction:
        """The other aggregate, shown beside the configured one."""
        return self.gabungan.ikm if self.agregasi == RATA_RATA_UNIT.kunci else self.rata_rata_unit

    @property
    def mutu(self) -> Mutu:
        return mutu(self.ikm)

    @property
    def responden(self) -> int:
        return sum(h.survei.responden for h in self.unit)

    @property
    def perubahan(self) -> Fraction | None:
        return perubahan(self.ikm, self.sebelumnya)

    @cached_property
    def sebaran_mutu(self) -> dict[str, int]:
        """How many units got each grade (grades no unit got are absent)."""
        return dict(Counter(h.ikm.mutu.huruf for h in self.unit))

    def nrr_unsur(self) -> dict[str, Fraction]:
        """Kabupaten NRR per unsur, by the configured rule: mean of the units' NRR (each
        unit that has the unsur counts once) or the pooled respondents' NRR."""
        return dict(self._nrr_unsur)

    @cached_property
    def _nrr_unsur(self) -> dict[str, Fraction]:
        # Computed once: a period page and its report ask for it ~7 times (values, the
        # weakest, the strongest), and with 2 000 units each time was 9 means over all
        # units (4.7 s of the 8 s the period and report pages took).
        if self.agregasi != RATA_RATA_UNIT.kunci:
            return {h.unsur.kode: h.nrr for h in self.gabungan.dinilai}
        nilai: dict[str, list[Fraction]] = {}
        for u in self.unit:
            for h in u.ikm.dinilai:
                nilai.setdefault(h.unsur.kode, []).append(h.nrr)
        return {kode: rata_rata(v) for kode, v in nilai.items()}

    def nilai_unsur(self) -> tuple[NilaiUnsur, ...]:
        """Kabupaten value of every unsur that has one, in questionnaire order."""
        nrr = self.nrr_unsur()
        return tuple(NilaiUnsur(u, nrr[u.kode]) for u in UNSUR if u.kode in nrr)

    def terlemah(self) -> tuple[NilaiUnsur, ...]:
        """The weakest unsur kabupaten-wide; ties keep questionnaire order, as for a unit."""
        return tuple(sorted(self.nilai_unsur(), key=lambda x: x.nrr)[:JUMLAH_TERLEMAH])

    def terkuat(self) -> tuple[NilaiUnsur, ...]:
        return tuple(sorted(self.nilai_unsur(), key=lambda x: -x.nrr)[:JUMLAH_TERLEMAH])


@dataclass(frozen=True)
class Hasil:
    """All results: per unit per period, and per period for the kabupaten (oldest first)."""

    data: DataSkm
    unit: dict[tuple[str, str], HasilUnit]
    kabupaten: tuple[HasilKabupaten, ...]
    hari_ini: date  # the date drafts are judged on (the build's date)
    _kepatuhan: dict[str, Kepatuhan] = field(default_factory=dict, repr=False, compare=False)

    def kepatuhan(self, periode_id: str) -> Kepatuhan:
        """Reporting compliance of one period, computed once: every page, the report and
        the terminal state the same table (see :func:`.kepatuhan.tanggal_penilaian`)."""
        if periode_id not in self._kepatuhan:
            per = self.data.periode_menurut_id()[periode_id]
            self._kepatuhan[periode_id] = kepatuhan_periode(
                self.data, periode_id, tanggal_penilaian(per, self.hari_ini))
        return self._kepatuhan[periode_id]

    def unit_dari(self, opd_id: str) -> list[HasilUnit]:
        """A unit's results, latest period first."""
        return [self.unit[(p.id, opd_id)] for p in reversed(self.data.periode)
                if (p.id, opd_id) in self.unit]

    @property
    def terbaru(self) -> HasilKabupaten | None:
        return self.kabupaten[-1] if self.kabupaten else None


def hitung_semua(data: DataSkm, hari: date | None = None) -> Hasil:
    """Compute every unit and every period; periods without any report have no aggregate.

    ``hari`` is the date reporting compliance of unsigned periods is judged on (default:
    :func:`.kepatuhan.hari_ini`, the build's date)."""
    bobot = data.kabupaten.bobot
    opd = data.opd_menurut_id()
    unit: dict[tuple[str, str], HasilUnit] = {}
    terakhir: dict[str, Fraction] = {}
    kabupaten: list[HasilKabupaten] = []
    for per in data.periode:
        baris = []
        for o in data.opd:
            survei = data.survei.get((per.id, o.id))
            if survei is None:
                continue
            ikm = hitung_ikm(survei.tally, bobot, survei.tidak_berlaku)
            h = HasilUnit(per, opd[o.id], survei, ikm, terakhir.get(o.id),
                          _hasil_layanan(survei, data.kabupaten))
            unit[(per.id, o.id)] = h
            baris.append(h)
        for h in baris:
            terakhir[h.opd.id] = h.ikm.ikm
        if not baris:
            continue
        baris.sort(key=lambda h: (-h.ikm.ikm, h.opd.nama))
        # An unsur no unit applies has an empty pooled tally, so hitung_ikm leaves it out.
        gabungan = hitung_ikm(gabung_tally(_tally_berlaku(h.survei) for h in baris), bobot)
        rerata = rata_rata([h.ikm.ikm for h in baris])
        sebelumnya = kabupaten[-1].ikm if kabupaten else None
        kabupaten.append(HasilKabupaten(per, data.kabupaten.agregasi, rerata, gabungan,
                                        tuple(baris), sebelumnya))
    return Hasil(data, unit, tuple(kabupaten), hari or hari_ini())


LAYANAN_LAIN = "Layanan lain (digabung)"


def _hasil_layanan(survei: Survei, kab: Kabupaten) -> tuple[HasilLayanan, ...]:
    """Each service's result, by name, for the services that protect their respondents
    (:func:`.layanan.layanan_dinamai`); the rest are one row, :data:`LAYANAN_LAIN`, with
    their respondent count only."""
    urut = sorted(survei.layanan, key=lambda x: kunci_layanan(x.nama))
    boleh = layanan_dinamai({x.nama: x.responden for x in urut
                             if unsur_dinilai(x.tally, survei.tidak_berlaku)},
                            survei.responden, kab.minimum_responden_layanan)
    dinamai = [x for x in urut if x.nama in boleh]
    hasil = [HasilLayanan(x.nama, x.responden, hitung_ikm(x.tally, kab.bobot,
                                                         survei.tidak_berlaku))
             for x in dinamai]
    lain = sum(x.responden for x in urut) - sum(x.responden for x in dinamai)
    if lain:
        hasil.append(HasilLayanan(LAYANAN_LAIN, lain, None))
    return tuple(hasil)


def _tally_berlaku(survei: Survei) -> dict[str, tuple[int, int, int, int]]:
    """A unit's tallies without the unsur it declared not applicable."""
    return {k: t for k, t in survei.tally.items() if k not in survei.tidak_berlaku}

