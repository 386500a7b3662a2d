"""The validated tables: what the loader hands on once every data file has passed.

Plain frozen dataclasses, one per file kind of the data contract. Nothing downstream
sees a raw file: a survey of one unit in one period is reduced here to answer tallies
and profile counts, which is all the arithmetic and the pages need — and it means no
respondent-level row can travel further than the loader.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from skm_build.aturan.ikm import Tally


@dataclass(frozen=True)
class Kabupaten:
    nama: str
    penyusun: str
    data_contoh: bool
    bobot: str
    agregasi: str
    # Contact details printed on kontak/ (all optional): the office, not a person.
    alamat: str | None = None
    telepon: str | None = None
    email: str | None = None
    lapor: str | None = None  # SP4N-LAPOR! address for complaints


@dataclass(frozen=True)
class Opd:
    id: str
    nama: str
    jenis: str
    target_ikm: float | None = None
    singkatan: str | None = None  # the name people use: "Dukcapil"
    alias: tuple[str, ...] = ()  # other names search should find: ("Disdukcapil",)
    tautan_survei: str | None = None  # where citizens fill in the unit's survey


@dataclass(frozen=True)
class Pengesahan:
    """Who approved the kabupaten report of a period (SOP step 9)."""

    nama: str
    jabatan: str
    tanggal: date


@dataclass(frozen=True)
class Periode:
    id: str
    nama: str
    mulai: date
    selesai: date
    batas_laporan: date
    pengesahan: Pengesahan | None = None


@dataclass(frozen=True)
class TindakLanjut:
    unsur: str
    kegiatan: str
    waktu: str
    penanggung_jawab: str
    status: str


@dataclass(frozen=True)
class Profil:
    """Counts of respondents per category, in questionnaire order (``kosakata.URUTAN_PROFIL``);
    never one row per person."""

    jenis_kelamin: dict[str, int] = field(default_factory=dict)
    usia: dict[str, int] = field(default_factory=dict)
    pendidikan: dict[str, int] = field(default_factory=dict)
    pekerjaan: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class Survei:
    """One unit's survey in one period, as tallies: what the arithmetic needs."""

    opd: str
    periode: str
    responden: int
    tally: dict[str, Tally]
    sumber: str  # "csv" or "jawaban"
    profil: Profil = field(default_factory=Profil)
    diterima: date | None = None
    populasi: int | None = None
    tidak_berlaku: tuple[str, ...] = ()
    tindak_lanjut: tuple[TindakLanjut, ...] = ()
    ringkasan_masukan: str | None = None  # feedback themes, summarised by staff


@dataclass(frozen=True)
class DataSkm:
    """Everything under ``data/``, validated."""

    kabupaten: Kabupaten
    opd: tuple[Opd, ...]
    periode: tuple[Periode, ...]  # oldest first
    survei: dict[tuple[str, str], Survei]  # (periode id, opd id) -> survey

    def opd_menurut_id(self) -> dict[str, Opd]:
        return {o.id: o for o in self.opd}

    def periode_menurut_id(self) -> dict[str, Periode]:
        return {p.id: p for p in self.periode}
