"""The SOP the product serves: ten steps, their owners and standard times, in one place.

SOP SETDA 11-8 102 of Kabupaten Karanganyar ("Penyusunan Laporan Survey Kepuasan
Masyarakat", Bagian Organisasi, in force since 7 January 2020) fixes who does what and
how long each step may take (mutu baku). Every page, command and check that speaks of
a step, a role or a standard time reads it from here, the way :mod:`.ikm` holds the
regulation; an office with another SOP changes this module only.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

SOP_NOMOR = "SOP SETDA 11-8 102"

# The roles of the SOP's columns (the OPD's own step is counted from its receipts).
PELAKSANA, KASUBAG, KABAG, ASISTEN, SEKDA = "Pelaksana", "Kasubag", "Kabag", "Asisten", "Sekda"
PERAN = (PELAKSANA, KASUBAG, KABAG, ASISTEN, SEKDA)
PERAN_LENGKAP = {
    PELAKSANA: "Pelaksana Bagian Organisasi",
    KASUBAG: "Kepala Subbagian",
    KABAG: "Kepala Bagian Organisasi",
    ASISTEN: "Asisten Administrasi Umum",
    SEKDA: "Sekretaris Daerah",
}
# Who initials a document before the Sekda signs it (steps 4 and 9), in this order.
RANTAI_PARAF = (KASUBAG, KABAG, ASISTEN)


@dataclass(frozen=True)
class Langkah:
    """One SOP step: what is done, by whom, in how long, and what it produces."""

    nomor: int
    kegiatan: str
    pelaksana: str
    baku: timedelta  # standard time (mutu baku)
    keluaran: str

    @property
    def baku_teks(self) -> str:
        """The standard time as the SOP writes it: 30 menit, 3 hari, 2 minggu."""
        menit = int(self.baku.total_seconds() // 60)
        if menit < 24 * 60:
            return f"{menit} menit"
        hari = self.baku.days
        return f"{hari // 7} minggu" if hari % 7 == 0 else f"{hari} hari"

    @property
    def baku_hari(self) -> int:
        """The standard time in whole days, as dates can measure it: a 30-minute step is
        on time when it is done on the day the step before it was."""
        return self.baku.days

    @property
    def paraf(self) -> bool:
        """Steps 4 and 9: initialled along :data:`RANTAI_PARAF`, then signed by the Sekda."""
        return self.nomor in (LANGKAH_PARAF_SURAT, LANGKAH_PENGESAHAN)


LANGKAH_PARAF_SURAT = 4  # the circular is initialled and signed
LANGKAH_OPD = 6  # OPDs send their reports: counted from the receipts (``diterima``)
LANGKAH_HIMPUN = 7  # receiving and compiling: from the receipts unless recorded
LANGKAH_PENGESAHAN = 9  # the kabupaten report is initialled and signed (skm sahkan)
LANGKAH_KIRIM = 10

LANGKAH: tuple[Langkah, ...] = (
    Langkah(1, "Kabag memerintahkan Kasubag menyiapkan surat edaran permintaan hasil SKM",
            f"{KABAG} → {KASUBAG}", timedelta(minutes=30), "disposisi"),
    Langkah(2, "Menyusun konsep surat edaran", f"{KASUBAG} / {PELAKSANA}",
            timedelta(minutes=30), "konsep surat"),
    Langkah(3, "Mengetik surat edaran", PELAKSANA, timedelta(minutes=30), "surat edaran"),
    Langkah(4, "Paraf dan tanda tangan surat edaran",
            f"{KASUBAG} → {KABAG} → {ASISTEN} (paraf), {SEKDA}", timedelta(days=3),
            "surat edaran diparaf dan ditandatangani"),
    Langkah(5, "Mendistribusikan surat edaran ke OPD", PELAKSANA, timedelta(days=1),
            "surat edaran terkirim"),
    Langkah(6, "OPD menyusun dan mengirim laporan SKM", "OPD", timedelta(weeks=3),
            "Laporan SKM OPD"),
    Langkah(7, "Menerima dan menghimpun laporan OPD", PELAKSANA, timedelta(weeks=3),
            "laporan OPD terhimpun"),
    Langkah(8, "Menyusun Laporan SKM Kabupaten dari analisis laporan OPD",
            f"{PELAKSANA} / {KASUBAG}", timedelta(weeks=2), "Laporan SKM Kabupaten"),
    Langkah(9, "Paraf dan tanda tangan Laporan SKM Kabupaten",
            f"{KASUBAG} → {KABAG} → {ASISTEN} (paraf), {SEKDA}", timedelta(weeks=2),
            "laporan diparaf dan disahkan"),
    Langkah(10, "Mempublikasikan dan mengirim laporan ke KemenPAN RB dan Provinsi",
            PELAKSANA, timedelta(weeks=1), "laporan terbit dan terkirim"),
)
LANGKAH_MENURUT_NOMOR = {x.nomor: x for x in LANGKAH}
HARI_LAPOR = LANGKAH_MENURUT_NOMOR[LANGKAH_OPD].baku.days  # default reporting deadline
