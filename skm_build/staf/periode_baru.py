"""Add a survey period to periode.yaml without disturbing what is already there.

Staff open a period once or twice a year, by hand, in a file that carries comments. The
proposal is checked against the rules of the loader and against the existing periods
(no duplicate id, no overlap) before anything is written; the new entry is then appended
as text, so every existing line, comment and blank line stays exactly as it was. The
command checks the data again afterwards and restores the file if anything got worse.
"""

from __future__ import annotations

import calendar
import json
import re
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from skm_build.aturan.sop import HARI_LAPOR
from skm_build.kontrak.kosakata import BENTUK_PERIODE, POLA_PERIODE
from skm_build.kontrak.model import Periode
from skm_build.terbit.format_id import BULAN

ROMAWI = ("I", "II", "III", "IV")
_POLOS = re.compile(r"^[A-Za-z0-9][A-Za-z0-9 ./()-]*$")  # safe as a plain YAML scalar


@dataclass(frozen=True)
class Usulan:
    """A new period as given on the command line (defaults already filled in)."""

    id: str
    nama: str
    mulai: date
    selesai: date
    batas_laporan: date


def batas_baku(selesai: date) -> date:
    """The default reporting deadline: three weeks after the period ends."""
    return selesai + timedelta(days=HARI_LAPOR)


def bawaan_dari_id(ident: str) -> tuple[str, date, date] | None:
    """Name and dates that an id implies: 2026-s1 → Semester I 2026, 1 Jan – 30 Jun;
    2026-02 → Februari 2026, 1 – 28 Feb."""
    if not POLA_PERIODE.match(ident):
        return None
    if bulanan := re.fullmatch(r"(\d{4})-(\d{2})", ident):
        tahun, bulan = int(bulanan.group(1)), int(bulanan.group(2))
        return (f"{BULAN[bulan - 1]} {tahun}", date(tahun, bulan, 1),
                date(tahun, bulan, calendar.monthrange(tahun, bulan)[1]))
    cocok = re.fullmatch(r"(\d{4})(?:-(s|tw)([1-4]))?", ident)
    tahun, jenis, ke = int(cocok.group(1)), cocok.group(2), cocok.group(3)
    if jenis is None:
        return f"Tahun {tahun}", date(tahun, 1, 1), date(tahun, 12, 31)
    n = int(ke)
    bulan = 6 if jenis == "s" else 3
    awal = date(tahun, (n - 1) * bulan + 1, 1)
    akhir_bulan = n * bulan
    akhir = (date(tahun + 1, 1, 1) if akhir_bulan == 12 else date(tahun, akhir_bulan + 1, 1)
             ) - timedelta(days=1)
    nama = ("Semester" if jenis == "s" else "Triwulan") + f" {ROMAWI[n - 1]} {tahun}"
    return nama, awal, akhir


def masalah_usulan(u: Usulan, ada: tuple[Periode, ...]) -> list[str]:
    """Every reason to refuse the new period, in Indonesian (empty when it is acceptable)."""
    hasil = []
    if not POLA_PERIODE.match(u.id):
        hasil.append(f"id '{u.id}' tidak sah: tulis {BENTUK_PERIODE} "
                     "(mis. 2026-s1 atau 2026-02)")
    if not u.nama.strip() or "\n" in u.nama:
        hasil.append("nama periode harus satu baris teks, mis. \"Semester I 2026\"")
    if u.selesai < u.mulai:
        hasil.append(f"tanggal selesai {u.selesai.isoformat()} lebih awal dari mulai "
                     f"{u.mulai.isoformat()}")
    if u.batas_laporan < u.selesai:
        hasil.append(f"batas laporan {u.batas_laporan.isoformat()} lebih awal dari tanggal "
                     f"selesai {u.selesai.isoformat()}")
    for p in ada:
        if p.id == u.id:
            hasil.append(f"periode '{u.id}' sudah ada ({p.nama})")
        elif u.mulai <= p.selesai and p.mulai <= u.selesai:
            hasil.append(f"tanggal {u.mulai.isoformat()} s.d. {u.selesai.isoformat()} tumpang "
                         f"tindih dengan periode '{p.id}' ({p.mulai.isoformat()} s.d. "
                         f"{p.selesai.isoformat()})")
    return hasil


def skalar_yaml(teks: str) -> str:
    """A YAML scalar for ``teks``: plain when safe, else double-quoted (JSON is valid YAML)."""
    return teks if _POLOS.match(teks) and teks.strip() == teks else json.dumps(
        teks, ensure_ascii=False)


def teks_yaml(u: Usulan) -> str:
    """The entry as it is appended to periode.yaml, in the file's own layout."""
    return (f"- id: {u.id}\n"
            f"  nama: {skalar_yaml(u.nama)}\n"
            f"  mulai: {u.mulai.isoformat()}\n"
            f"  selesai: {u.selesai.isoformat()}\n"
            f"  batas_laporan: {u.batas_laporan.isoformat()}\n")


def tambahkan(berkas: Path, u: Usulan) -> bytes | None:
    """Append the entry to ``berkas``; return the previous bytes (None: no file before)."""
    lama = berkas.read_bytes() if berkas.exists() else None
    teks = b"" if lama is None else lama
    if teks and not teks.endswith(b"\n"):
        teks += b"\r\n" if b"\r\n" in teks else b"\n"
    baru = teks_yaml(u)
    if b"\r\n" in teks:
        baru = baru.replace("\n", "\r\n")
    berkas.write_bytes(teks + baru.encode("utf-8"))
    return lama


def kembalikan(berkas: Path, lama: bytes | None) -> None:
    """Undo :func:`tambahkan`."""
    if lama is None:
        berkas.unlink(missing_ok=True)
    else:
        berkas.write_bytes(lama)
