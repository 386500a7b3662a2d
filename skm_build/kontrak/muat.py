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

from skm_build.alat.yaml_bertanda import YamlBertanda, kutip
from skm_build.aturan.ikm import (
    KODE_UNSUR,
    BobotMelampaui,
    bobot_dibulatkan,
    bobot_per_unsur,
    unsur_dinilai,
)
from skm_build.kontrak import sidik as sidik_mod
from skm_build.kontrak.berkas import baca_yaml_berkas, berkas_biasa
from skm_build.kontrak.laporan_unit import (
    LaporanUnit,
    cocokkan_responden,
    muat_laporan,
    responden_didukung,
)
from skm_build.kontrak.masalah import DaftarMasalah
from skm_build.kontrak.model import DataSkm, Kabupaten, Periode, Profil, Survei
from skm_build.kontrak.muat_csv import muat_csv
from skm_build.kontrak.registri import baris_bobot, muat_kabupaten, muat_opd, muat_periode


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
    if kabupaten is not None:
        _periksa_bobot(folder / "kabupaten.yaml", kabupaten, survei, m)
    if m.galat_saja or kabupaten is None:
        return Pemeriksaan(None, m)
    data = DataSkm(kabupaten, opd, periode, survei)
    _periksa_beku(folder, data, m)
    if m.galat_saja:
        return Pemeriksaan(None, m)
    return Pemeriksaan(data, m)


def _periksa_beku(folder: Path, data: DataSkm, m: DaftarMasalah) -> None:
    """Signed means frozen: refuse any change to what a signed period's numbers come from.

    The digest of the data now is compared with the one stored at signing; the parts
    recorded for that version (:mod:`.sidik`) name the file that changed.
    """
    berkas_periode = folder / "periode.yaml"
    for per in data.periode:
        sah = per.pengesahan
        if sah is None or sah.sidik is None:
            continue
        bag = sidik_mod.bagian(data, per)
        if sidik_mod.sidik_dari_bagian(bag) == sah.sidik:
            continue
        saran = (f"periode {per.id} sudah disahkan ({sah.tanggal.isoformat()}, versi "
                 f"{per.versi}): perubahan ini mengubah angka yang disahkan. Kembalikan isi "
                 f"berkas seperti saat disahkan, atau buka revisi: skm revisi --periode "
                 f'{per.id} --alasan "…" (lalu sahkan lagi)')
        lama = sidik_mod.baca_bagian(sidik_mod.berkas_bagian(folder, per.id, per.versi))
        ubah = sidik_mod.berubah(lama, bag) if lama is not None else []
        if not ubah:
            doc = baca_yaml_berkas(berkas_periode, m)
            indeks = next(i for i, p in enumerate(data.periode) if p.id == per.id)
            baris = doc.baris_dari((_urutan_berkas(doc, per.id, indeks), "pengesahan",
                                    "sidik")) if doc else None
            m.galat(berkas_periode, baris, f"sidik tidak cocok dengan data sekarang: {saran}",
                    "sidik")
            continue
        for nama, apa in ubah:
            berkas = sidik_mod.berkas_dari_bagian(folder, nama)
            m.galat(berkas, None, f"{apa} setelah disahkan; {saran}")


def _urutan_berkas(doc: YamlBertanda, periode_id: str, cadangan: int) -> int:
    """The index of a period's item in periode.yaml (the tables are sorted by date)."""
    butir = doc.nilai if isinstance(doc.nilai, list) else []
    return next((i for i, x in enumerate(butir)
                 if isinstance(x, dict) and str(x.get("id")) == periode_id), cadangan)


def _periksa_bobot(berkas: Path, kab: Kabupaten, survei: dict[tuple[str, str], Survei],
                   m: DaftarMasalah) -> None:
    """Refuse a rounded weight that some computed result's k cannot take (k × w > 1).

    Every IKM the build computes is checked: each unit, each service with a published
    value, and each period's pooled respondents (whose k is every unsur some unit counts).
    """
    if all(k * bobot_dibulatkan(kab.bobot, k) <= 1 for k in range(1, len(KODE_UNSUR) + 1)):
        return  # the exact weight (and any rounding that never passes 100) refuses nothing
    baris: int | None = None
    per_periode: dict[str, set[str]] = {}
    gagal: set[str] = set()
    for (pid, opd), s in survei.items():
        kumpulan = [("", s.tally)] + [(f"layanan '{kutip(x.nama)}' ", x.tally) for x in s.layanan
                                      if x.responden >= kab.minimum_responden_layanan]
        for apa, tally in kumpulan:
            if not (dinilai := unsur_dinilai(tally, s.tidak_berlaku)):
                continue  # nothing to weigh (a service answering only unsur that don't apply)
            try:
                bobot_per_unsur(kab.bobot, len(dinilai))
            except BobotMelampaui as e:
                baris = baris or baris_bobot(berkas)
                m.galat(berkas, baris, f"{e} ({apa}unit '{opd}', periode {pid})", "bobot")
                gagal.add(pid)
            if not apa:
                per_periode.setdefault(pid, set()).update(dinilai)
    for pid, dinilai in per_periode.items():
        if pid in gagal:
            continue
        try:
            bobot_per_unsur(kab.bobot, len(dinilai))
        except BobotMelampaui as e:
            baris = baris or baris_bobot(berkas)
            m.galat(berkas, baris, f"{e} (gabungan responden periode {pid})", "bobot")


def _muat_survei(folder: Path, opd: set[str] | None, periode: dict[str, Periode],
                 periode_disebut: set[str] | None,
                 m: DaftarMasalah) -> dict[tuple[str, str], Survei]:
    """Every unit report; ``opd`` and ``periode_disebut`` are the ids the registries declare.

    An id that is declared but whose entry is invalid already has its error in the
    registry, so it is not reported again as "tidak ada"; when a registry could not be
    read at all (None), its ids are unknown and nothing is reported against it.
    """
    hasil: dict[tuple[str, str], Survei] = {}
    sidik: dict[str, Path] = {}  # digest of an imported OPD file → the report that has it
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
            survei = _muat_satu_unit(ident, per, berkas.get(".csv"), berkas.get(".yaml"), m,
                                     sidik)
            if survei is not None:
                hasil[(per.id, ident)] = survei
    return hasil


def _muat_satu_unit(ident: str, per: Periode, csv_: Path | None, yml: Path | None,
                    m: DaftarMasalah, sidik: dict[str, Path]) -> Survei | None:
    laporan = muat_laporan(yml, m) if yml else LaporanUnit()
    if laporan is None:
        if csv_ is not None:  # a broken report must not hide the CSV's own problems
            muat_csv(csv_, per, (), m)
        return None
    if not _periksa_impor(yml, laporan, per, m, sidik):
        return None
    if csv_ is not None and laporan.jawaban is not None:
        m.galat(yml, laporan.baris_jawaban, "unit ini sudah punya berkas CSV responden; "
                "hapus 'jawaban' atau hapus CSV-nya (pilih salah satu)", "jawaban")
        return None
    if csv_ is not None:
        dibaca = muat_csv(csv_, per, laporan.tidak_berlaku, m)
        if dibaca is None:
            return None
        didukung, tally, profil, layanan = dibaca
        sumber, asal = "csv", f"banyaknya baris berisi jawaban di {csv_.name}"
    elif laporan.jawaban is not None:
        tally, sumber = laporan.jawaban, "jawaban"
        profil = laporan.profil or Profil()
        layanan = laporan.layanan
        didukung, asal = responden_didukung(tally, layanan)
    else:
        m.peringatan(yml, 1, "laporan tanpa jawaban responden (tidak ada CSV maupun "
                     "'jawaban'): unit dianggap belum melapor")
        return None
    responden = cocokkan_responden(m, yml, laporan.baris_responden, laporan.responden,
                                   didukung, asal)
    if responden is None:
        return None
    return Survei(ident, per.id, responden, tally, sumber, profil, laporan.diterima,
                  laporan.populasi, laporan.tidak_berlaku, laporan.tindak_lanjut, layanan,
                  laporan.tanggal_survei, laporan.ringkasan_masukan)


def _periksa_impor(yml: Path | None, laporan: LaporanUnit, per: Periode, m: DaftarMasalah,
                   sidik: dict[str, Path]) -> bool:
    """What only the whole data folder can tell about an imported report: its survey
    dates lie in its period, and no other report was imported from the same file."""
    ok = True
    if laporan.tanggal_survei is not None:
        mulai, selesai = laporan.tanggal_survei
        if mulai < per.mulai or selesai > per.selesai:
            m.galat(yml, laporan.baris_tanggal, f"tanggal_survei {mulai.isoformat()} s.d. "
                    f"{selesai.isoformat()} keluar dari periode {per.nama} "
                    f"({per.mulai.isoformat()} s.d. {per.selesai.isoformat()})",
                    "tanggal_survei")
            ok = False
    if laporan.sidik is not None:
        if laporan.sidik in sidik:
            lain = sidik[laporan.sidik]
            m.galat(yml, laporan.baris_sidik, "laporan ini diimpor dari berkas yang sama "
                    f"dengan {lain.parent.name}/{lain.name} (unit {lain.stem}): satu berkas "
                    "OPD hanya untuk satu unit dan satu periode. Impor berkas yang benar "
                    "untuk unit ini dengan `skm import --force`", "impor")
            ok = False
        else:
            sidik[laporan.sidik] = yml
    return ok

