"""The Laporan SKM Kabupaten of one period (SOP steps 8–10): what its chapters say.

Pure functions from the results to the values the template ``laporan.md.j2`` prints:
nothing here formats Markdown, and every sentence of BAB V is assembled in the template
from these numbers, so text from ``data/`` still passes the template's escaping.

Reporting compliance (on time / late / not reported) belongs to :mod:`.kepatuhan`, which
another part of the build provides; the report reads it when that module is present and
otherwise lists only which units have a report in this period.
"""

from __future__ import annotations

import importlib
import importlib.util
from collections import Counter
from dataclasses import dataclass
from datetime import date
from fractions import Fraction
from typing import Any

from .hasil import Hasil, HasilKabupaten, HasilUnit
from .ikm import JUMLAH_TERLEMAH, KONVERSI, UNSUR, Mutu, Unsur, mutu
from .model import Opd, Periode, TindakLanjut

KELOMPOK_PROFIL = (
    ("jenis_kelamin", "Jenis kelamin"),
    ("usia", "Usia (tahun)"),
    ("pendidikan", "Pendidikan"),
    ("pekerjaan", "Pekerjaan"),
)


@dataclass(frozen=True)
class NilaiUnsur:
    """One unsur at kabupaten level."""

    unsur: Unsur
    nrr: Fraction

    @property
    def nrr_25(self) -> Fraction:
        return self.nrr * KONVERSI

    @property
    def mutu(self) -> Mutu:
        return mutu(self.nrr_25)


@dataclass(frozen=True)
class Kepatuhan:
    """Reporting compliance of the period, as far as the build knows it.

    With :mod:`.kepatuhan` present, ``status`` holds its per-unit statuses (objects with
    ``opd``, ``status``, ``diterima`` and ``keterangan``) and ``jumlah`` the count per
    status; without it only which units have a report is known.
    """

    tersedia: bool
    melapor: tuple[Opd, ...]
    belum: tuple[Opd, ...]
    status: tuple[Any, ...] = ()
    jumlah: tuple[tuple[str, int], ...] = ()
    tepat_waktu: int = 0
    hari_ini: date | None = None

    @property
    def tingkat(self) -> Fraction | None:
        semua = self.melapor + self.belum
        return Fraction(self.tepat_waktu, len(semua)) if self.tersedia and semua else None


@dataclass(frozen=True)
class IsiLaporan:
    """Everything the report of one period prints."""

    periode: Periode
    k: HasilKabupaten
    lalu: HasilKabupaten | None
    riwayat: tuple[HasilKabupaten, ...]  # this period and the earlier ones, oldest first
    unit_abjad: tuple[HasilUnit, ...]
    nilai_unsur: tuple[NilaiUnsur, ...]
    terlemah: tuple[NilaiUnsur, ...]
    terkuat: tuple[NilaiUnsur, ...]
    sebaran: dict[str, int]
    rtl: tuple[tuple[HasilUnit, TindakLanjut], ...]
    tanpa_rtl: tuple[HasilUnit, ...]
    naik: tuple[HasilUnit, ...]
    turun: tuple[HasilUnit, ...]
    mutu_cd: tuple[HasilUnit, ...]
    sampel_kurang: tuple[HasilUnit, ...]
    tanpa_populasi: tuple[HasilUnit, ...]
    rekap_saja: tuple[HasilUnit, ...]
    profil: tuple[tuple[str, dict[str, int]], ...]
    kepatuhan: Kepatuhan
    total_opd: int

    @property
    def disahkan(self) -> bool:
        return self.periode.pengesahan is not None


def isi_laporan(hasil: Hasil, periode_id: str) -> IsiLaporan | None:
    """The report's values, or None when no unit reported in the period."""
    semua = hasil.kabupaten
    indeks = next((i for i, k in enumerate(semua) if k.periode.id == periode_id), None)
    if indeks is None:
        return None
    k = semua[indeks]
    nrr = k.nrr_unsur()
    nilai = tuple(NilaiUnsur(u, nrr[u.kode]) for u in UNSUR if u.kode in nrr)
    # Ties keep questionnaire order, as for a unit's weakest unsur (sorted is stable).
    terlemah = tuple(sorted(nilai, key=lambda x: x.nrr)[:JUMLAH_TERLEMAH])
    terkuat = tuple(sorted(nilai, key=lambda x: -x.nrr)[:JUMLAH_TERLEMAH])
    abjad = tuple(sorted(k.unit, key=lambda h: h.opd.nama))
    rtl = tuple((h, t) for h in abjad for t in h.survei.tindak_lanjut)
    berubah = [h for h in k.unit if h.perubahan is not None]
    naik = tuple(sorted((h for h in berubah if h.perubahan > 0),
                        key=lambda h: (-h.perubahan, h.opd.nama))[:3])
    turun = tuple(sorted((h for h in berubah if h.perubahan < 0),
                         key=lambda h: (h.perubahan, h.opd.nama))[:3])
    return IsiLaporan(
        periode=k.periode,
        k=k,
        lalu=semua[indeks - 1] if indeks > 0 else None,
        riwayat=semua[: indeks + 1],
        unit_abjad=abjad,
        nilai_unsur=nilai,
        terlemah=terlemah,
        terkuat=terkuat,
        sebaran=dict(Counter(h.ikm.mutu.huruf for h in k.unit)),
        rtl=rtl,
        tanpa_rtl=tuple(h for h in abjad if not h.survei.tindak_lanjut),
        naik=naik,
        turun=turun,
        mutu_cd=tuple(h for h in k.unit[::-1] if h.ikm.mutu.huruf in ("C", "D")),
        sampel_kurang=tuple(h for h in abjad if h.sampel_memadai is False),
        tanpa_populasi=tuple(h for h in abjad if h.survei.populasi is None),
        rekap_saja=tuple(h for h in abjad if h.survei.sumber != "csv"),
        profil=profil_kabupaten(k),
        kepatuhan=kepatuhan(hasil, k.periode),
        total_opd=len(hasil.data.opd),
    )


def profil_kabupaten(k: HasilKabupaten) -> tuple[tuple[str, dict[str, int]], ...]:
    """Respondent counts per category, summed over the units that sent respondent rows."""
    keluar = []
    for kunci, judul in KELOMPOK_PROFIL:
        jumlah: Counter[str] = Counter()
        for h in k.unit:
            jumlah.update(getattr(h.survei.profil, kunci))
        if jumlah:
            urutan = _urutan_kategori(kunci, k.unit)
            keluar.append((judul, {c: jumlah[c] for c in urutan if c in jumlah}))
    return tuple(keluar)


def _urutan_kategori(kunci: str, unit: tuple[HasilUnit, ...]) -> list[str]:
    """Categories in the loader's order (first seen wins); L before P."""
    urutan: list[str] = []
    for h in unit:
        for c in getattr(h.survei.profil, kunci):
            if c not in urutan:
                urutan.append(c)
    if kunci == "jenis_kelamin":
        return sorted(urutan)
    if kunci == "usia":
        from .muat import PITA_USIA
        return [label for _, label in PITA_USIA if label in urutan]
    if kunci == "pendidikan":
        from .muat import URUTAN_PENDIDIKAN
        return [c for c in URUTAN_PENDIDIKAN if c in urutan] + \
            [c for c in urutan if c not in URUTAN_PENDIDIKAN]
    if kunci == "pekerjaan":
        from .muat import URUTAN_PEKERJAAN
        return [c for c in URUTAN_PEKERJAAN if c in urutan] + \
            [c for c in urutan if c not in URUTAN_PEKERJAAN]
    return urutan


def kepatuhan(hasil: Hasil, per: Periode) -> Kepatuhan:
    """On time / late / not reported, from :mod:`.kepatuhan` when the build has it."""
    opd = hasil.data.opd
    melapor = tuple(o for o in opd if (per.id, o.id) in hasil.unit)
    belum = tuple(o for o in opd if (per.id, o.id) not in hasil.unit)
    modul = _modul_kepatuhan()
    if modul is None:
        return Kepatuhan(False, melapor, belum)
    # A signed report is judged on its signing date, so it no longer changes afterwards.
    hari_ini = per.pengesahan.tanggal if per.pengesahan is not None else modul.hari_ini()
    k = modul.kepatuhan(hasil.data, per.id, hari_ini)
    jumlah = tuple((st, k.jumlah(st)) for st in modul.URUTAN_STATUS if k.jumlah(st))
    return Kepatuhan(True, melapor, belum, tuple(k.unit), jumlah,
                     k.jumlah(modul.TEPAT_WAKTU), hari_ini)


def _modul_kepatuhan() -> Any | None:
    """The compliance module (written elsewhere), when present and of the known shape."""
    if importlib.util.find_spec(f"{__package__}.kepatuhan") is None:
        return None
    modul = importlib.import_module(f"{__package__}.kepatuhan")
    perlu = ("kepatuhan", "hari_ini", "URUTAN_STATUS", "TEPAT_WAKTU")
    return modul if all(hasattr(modul, n) for n in perlu) else None
