"""Load and validate every file of the data contract into the tables of :mod:`.model`.

The loader is the only place that reads ``data/``. It collects *every* problem of a
run (see :mod:`.masalah`) and returns tables only when there is no error, so nothing
downstream can ever compute from a half-valid file.

This module only walks the folder and joins the pieces, one module per file kind:
:mod:`.registri` (kabupaten, opd, periode), :mod:`.laporan_unit` (the unit's report YAML),
:mod:`.muat_csv` (respondent rows). The words they accept are in :mod:`.kosakata`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from skm_build.alat.yaml_bertanda import kutip
from skm_build.kontrak.berkas import berkas_biasa
from skm_build.kontrak.laporan_unit import LaporanUnit, muat_laporan
from skm_build.kontrak.masalah import DaftarMasalah
from skm_build.kontrak.model import DataSkm, Periode, Profil, Survei
from skm_build.kontrak.muat_csv import muat_csv
from skm_build.kontrak.registri import muat_kabupaten, muat_opd, muat_periode


@dataclass(frozen=True)
class Pemeriksaan:
    """What a check of ``data/`` found: the tables when valid, and every problem."""

    data: DataSkm | None
    masalah: DaftarMasalah

    @property
    def sah(self) -> bool:
        return self.data is not None


def periksa(folder: Path) -> Pemeriksaan:
    """Read and validate everything under ``folder``; tables only if there is no error."""
    folder = folder.resolve()
    m = DaftarMasalah(folder)
    if not folder.is_dir():
        m.galat(folder, None, "folder data tidak ada")
        return Pemeriksaan(None, m)
    kabupaten = muat_kabupaten(folder / "kabupaten.yaml", m)
    opd, opd_disebut = muat_opd(folder / "opd.yaml", m)
    periode, periode_disebut = muat_periode(folder / "periode.yaml", m)
    survei = _muat_survei(folder / "survei", opd_disebut, {p.id: p for p in periode},
                          periode_disebut, m)
    if m.galat_saja or kabupaten is None:
        return Pemeriksaan(None, m)
    return Pemeriksaan(DataSkm(kabupaten, opd, periode, survei), m)


def _muat_survei(folder: Path, opd: set[str] | None, periode: dict[str, Periode],
                 periode_disebut: set[str] | None,
                 m: DaftarMasalah) -> dict[tuple[str, str], Survei]:
    """Every unit report; ``opd`` and ``periode_disebut`` are the ids the registries declare.

    An id that is declared but whose entry is invalid already has its error in the
    registry, so it is not reported again as "tidak ada"; when a registry could not be
    read at all (None), its ids are unknown and nothing is reported against it.
    """
    hasil: dict[tuple[str, str], Survei] = {}
    if not (folder.exists() or folder.is_symlink()) or periode_disebut is None:
        return hasil
    if not berkas_biasa(folder, m, folder=True):
        return hasil
    for sub in sorted(folder.iterdir()):
        if sub.name.startswith("."):
            continue
        if sub.is_symlink():
            berkas_biasa(sub, m, folder=True)
            continue
        if not sub.is_dir():
            m.galat(sub, None, "hanya folder periode (survei/<periode>/) yang boleh ada di sini")
            continue
        per = periode.get(sub.name)
        if per is None:
            if sub.name not in periode_disebut:
                m.galat(sub, None, f"periode '{kutip(sub.name)}' tidak ada di periode.yaml")
            continue
        kelompok: dict[str, dict[str, Path]] = {}
        ditolak: set[str] = set()
        for berkas in sorted(sub.iterdir()):
            if berkas.name.startswith("."):
                continue
            if berkas.suffix in (".csv", ".yaml") and not berkas_biasa(berkas, m):
                ditolak.add(berkas.stem)
                continue
            if berkas.suffix not in (".csv", ".yaml"):
                m.galat(berkas, None, "hanya <opd>.csv dan <opd>.yaml yang boleh ada di sini"
                        + (" (ganti akhiran .yml menjadi .yaml)" if berkas.suffix == ".yml"
                           else ""))
                continue
            if opd is not None and berkas.stem not in opd:
                m.galat(berkas, None, f"unit '{kutip(berkas.stem)}' tidak ada di opd.yaml")
                continue
            kelompok.setdefault(berkas.stem, {})[berkas.suffix] = berkas
        for ident, berkas in kelompok.items():
            if ident in ditolak:  # its other file is still checked, but nothing is computed
                if ".yaml" in berkas:
                    muat_laporan(berkas[".yaml"], m)
                if ".csv" in berkas:
                    muat_csv(berkas[".csv"], per, (), m)
                continue
            survei = _muat_satu_unit(ident, per, berkas.get(".csv"), berkas.get(".yaml"), m)
            if survei is not None:
                hasil[(per.id, ident)] = survei
    return hasil


def _muat_satu_unit(ident: str, per: Periode, csv_: Path | None, yml: Path | None,
                    m: DaftarMasalah) -> Survei | None:
    laporan = muat_laporan(yml, m) if yml else LaporanUnit()
    if laporan is None:
        if csv_ is not None:  # a broken report must not hide the CSV's own problems
            muat_csv(csv_, per, (), m)
        return None
    if csv_ is not None and laporan.jawaban is not None:
        m.galat(yml, laporan.baris_jawaban, "unit ini sudah punya berkas CSV responden; "
                "hapus 'jawaban' atau hapus CSV-nya (pilih salah satu)", "jawaban")
        return None
    if csv_ is not None:
        dibaca = muat_csv(csv_, per, laporan.tidak_berlaku, m)
        if dibaca is None:
            return None
        responden, tally, profil = dibaca
        sumber = "csv"
    elif laporan.jawaban is not None:
        tally, profil, sumber = laporan.jawaban, Profil(), "jawaban"
        responden = laporan.responden or max(sum(t) for t in tally.values())
    else:
        m.peringatan(yml, 1, "laporan tanpa jawaban responden (tidak ada CSV maupun "
                     "'jawaban'): unit dianggap belum melapor")
        return None
    return Survei(ident, per.id, responden, tally, sumber, profil, laporan.diterima,
                  laporan.populasi, laporan.tidak_berlaku, laporan.tindak_lanjut,
                  laporan.ringkasan_masukan)

