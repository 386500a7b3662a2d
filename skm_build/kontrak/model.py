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
from skm_build.kontrak.kosakata import MINIMUM_RESPONDEN_LAYANAN


@dataclass(frozen=True)
class Kabupaten:
    nama: str
    penyusun: str
    data_contoh: bool
    bobot: str
    agregasi: str
    minimum_responden_layanan: int = MINIMUM_RESPONDEN_LAYANAN
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
    kecamatan: str | None = None  # where the unit serves, for the picker ("Jaten")


@dataclass(frozen=True)
class Pengesahan:
    """Who approved the kabupaten report of a period (SOP step 9), and the digest
    (``sidik``, :mod:`.sidik`) of the data the approved numbers come from."""

    nama: str
    jabatan: str
    tanggal: date
    nip: str | None = None
    sidik: str | None = None


@dataclass(frozen=True)
class Revisi:
    """An earlier signed version of a period's report, reopened by ``skm revisi``."""

    versi: int
    pengesahan: Pengesahan
    dibuka: date  # the day it was reopened
    alasan: str


@dataclass(frozen=True)
class CatatanLangkah:
    """One SOP step done (or one paraf given) on a day, by a role of ``aturan.sop.PERAN``."""

    langkah: int
    tanggal: date
    oleh: str
    kepada: str | None = None  # step 5 and 10: where it was sent


@dataclass(frozen=True)
class Periode:
    id: str
    nama: str
    mulai: date
    selesai: date
    batas_laporan: date
    pengesahan: Pengesahan | None = None
    revisi: tuple[Revisi, ...] = ()  # earlier signed versions, oldest first
    langkah: tuple[CatatanLangkah, ...] = ()  # as recorded, in file order

    @property
    def versi(self) -> int:
        """The version the report is at: 1 until a revision reopens it."""
        return len(self.revisi) + 1


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
class Layanan:
    """One service of a unit in one period: its respondents and their answer tallies."""

    nama: str  # as written most often (see kontrak.layanan)
    responden: int
    tally: dict[str, Tally]


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
    layanan: tuple[Layanan, ...] = ()
    tanggal_survei: tuple[date, date] | None = None  # first and last survey date
    ringkasan_masukan: str | None = None  # staff's curated summary of the suggestions


# What a valid respondent CSV reduces to: respondents (rows with an answer), tallies,
# profile counts and per-service tallies. Both CSV paths return exactly this.
BacaanCsv = tuple[int, dict[str, Tally], Profil, tuple[Layanan, ...]]


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
