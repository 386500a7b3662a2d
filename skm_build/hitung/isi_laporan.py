"""The Laporan SKM Kabupaten of one period (SOP steps 8–10): what its chapters say.

Pure functions from the results to the values the template ``laporan.md.j2`` prints:
nothing here formats Markdown, and every sentence of BAB V is assembled in the template
from these numbers, so text from ``data/`` still passes the template's escaping.

Reporting compliance (on time / late / not reported) comes from :mod:`.kepatuhan`.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from skm_build.hitung.hasil import Hasil, HasilKabupaten, HasilUnit, NilaiUnsur
from skm_build.hitung.kepatuhan import Kepatuhan
from skm_build.kontrak.kosakata import KELOMPOK_PROFIL, URUTAN_PROFIL, urut_kategori
from skm_build.kontrak.model import Periode, TindakLanjut


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
        nilai_unsur=k.nilai_unsur(),
        terlemah=k.terlemah(),
        terkuat=k.terkuat(),
        sebaran=k.sebaran_mutu,
        rtl=rtl,
        tanpa_rtl=tuple(h for h in abjad if not h.survei.tindak_lanjut),
        naik=naik,
        turun=turun,
        mutu_cd=tuple(h for h in k.unit[::-1] if h.ikm.mutu.huruf in ("C", "D")),
        sampel_kurang=tuple(h for h in abjad if h.sampel_memadai is False),
        tanpa_populasi=tuple(h for h in abjad if h.survei.populasi is None),
        # a unit without profile counts sent only its answer tallies (a recap)
        rekap_saja=tuple(h for h in abjad if not any(vars(h.survei.profil).values())),
        profil=profil_kabupaten(k),
        kepatuhan=hasil.kepatuhan(k.periode.id),
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
            keluar.append((judul, urut_kategori(jumlah, URUTAN_PROFIL[kunci])))
    return tuple(keluar)
