"""``skm mulai``: turn the shipped sample into a kabupaten's own project, once.

The repository arrives with invented data for 57 units so the site can be seen before
any survey. A kabupaten starting for real needs its own name, office and units, and
none of the sample's numbers: this writes ``kabupaten.yaml`` (``data_contoh: false``),
``opd.yaml`` from a list of units (a CSV/XLSX the office already has, or typed names),
``periode.yaml`` with the current period, and removes the sample survey files. Every
value is checked before anything is written, so a refusal leaves the sample as it was.
"""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from skm_build.alat.lembar import BerkasTidakTerbaca, baca_lembar
from skm_build.alat.tulis import tulis_atomik
from skm_build.kontrak.galat import GalatSkm
from skm_build.kontrak.kosakata import ID_MAKS, JENIS_OPD
from skm_build.kontrak.teks_publik import alasan_teks_terlarang
from skm_build.staf import periode_baru as pb

# How a unit's name says its kind, checked in this order ("Sekretariat DPRD" is a
# sekretariat, "Dinas Kesehatan" a dinas, "RSUD" and "Rumah Sakit" both rsud).
_JENIS_DARI_NAMA = (("rsud", "rsud"), ("rumah sakit", "rsud"), ("puskesmas", "puskesmas"),
                    ("kelurahan", "kelurahan"), ("kecamatan", "kecamatan"),
                    ("sekretariat", "sekretariat"), ("badan", "badan"), ("dinas", "dinas"))
_KATA_BUANG = frozenset({"dan", "serta", "kabupaten", "kab"})


@dataclass(frozen=True)
class Unit:
    id: str
    nama: str
    jenis: str


def jenis_dari_nama(nama: str) -> str:
    kecil = nama.lower()
    return next((jenis for kata, jenis in _JENIS_DARI_NAMA if kata in kecil), "lainnya")


def buat_id(nama: str, terpakai: set[str]) -> str:
    """A short, unique URL slug from a unit's name ("Dinas Kesehatan" → dinas-kesehatan)."""
    kata = [k for k in re.sub(r"[^0-9a-z]+", " ", nama.lower()).split() if k not in _KATA_BUANG]
    dasar = ""
    for k in kata:
        if len(dasar) + len(k) + 1 > 40:
            break
        dasar = f"{dasar}-{k}" if dasar else k
    dasar = dasar or "unit"
    ident, n = dasar, 2
    while ident in terpakai:
        ident, n = f"{dasar}-{n}", n + 1
    terpakai.add(ident)
    return ident[:ID_MAKS]


def unit_dari_nama(nama: list[str]) -> list[Unit]:
    """Units from typed names: the kind read from the name, ids made unique."""
    terpakai: set[str] = set()
    return [Unit(buat_id(n, terpakai), n, jenis_dari_nama(n)) for n in nama]


def unit_dari_berkas(berkas: Path) -> list[Unit]:
    """Units from the office's own list: a header row naming a "nama"/"unit" column and,
    optionally, a "jenis" column; the first visible sheet that has one is used."""
    try:
        semua = baca_lembar(berkas)
    except BerkasTidakTerbaca as e:
        raise GalatSkm(f"daftar unit {berkas.name}: {e}") from None
    for lembar in (lb for lb in semua if not lb.tersembunyi):
        for i, (nomor, sel) in enumerate(lembar.baris[:10]):
            judul = [re.sub(r"[^a-z]+", " ", str(s or "").lower()).split() for s in sel]
            j_nama = next((j for j, w in enumerate(judul)
                           if {"nama", "unit", "opd", "instansi"} & set(w)), None)
            if j_nama is None:
                continue
            j_jenis = next((j for j, w in enumerate(judul) if "jenis" in w), None)
            return _baca_unit(berkas, lembar.baris[i + 1:], j_nama, j_jenis, nomor)
    raise GalatSkm(f"daftar unit {berkas.name}: tidak ada baris judul dengan kolom 'Nama unit' "
                   "(atau 'Nama OPD'); tulis baris judul di atas daftar nama unit")


def _baca_unit(berkas: Path, baris: tuple, j_nama: int, j_jenis: int | None,
               nomor_judul: int) -> list[Unit]:
    terpakai: set[str] = set()
    hasil = []
    for nomor, sel in baris:
        nama = " ".join(str(sel[j_nama]).split()) if j_nama < len(sel) and sel[j_nama] else ""
        if not nama:
            continue
        jenis = (str(sel[j_jenis]).strip().lower() if j_jenis is not None and j_jenis < len(sel)
                 and sel[j_jenis] else jenis_dari_nama(nama))
        if jenis not in JENIS_OPD:
            raise GalatSkm(f"daftar unit {berkas.name} baris {nomor}: jenis '{jenis}' tidak "
                           f"dikenal; pilih salah satu dari {', '.join(JENIS_OPD)}")
        if alasan := alasan_teks_terlarang(nama):
            raise GalatSkm(f"daftar unit {berkas.name} baris {nomor}: nama unit {alasan}")
        hasil.append(Unit(buat_id(nama, terpakai), nama, jenis))
    if not hasil:
        raise GalatSkm(f"daftar unit {berkas.name}: tidak ada nama unit di bawah baris judul "
                       f"(baris {nomor_judul})")
    return hasil


def periode_sekarang(hari: date) -> str:
    """The semester ``hari`` falls in, as a period id (2026-s2)."""
    return f"{hari.year}-s{1 if hari.month <= 6 else 2}"


def _kutip(teks: str) -> str:
    return '"' + teks.replace("\\", "\\\\").replace('"', '\\"') + '"'


def teks_kabupaten(nama: str, penyusun: str, kontak: dict[str, str]) -> str:
    baris = ["# Identitas penerbit dan cara menghitung. Disunting oleh petugas.",
             f"nama: {_kutip(nama)}", f"penyusun: {_kutip(penyusun)}"]
    baris += [f"{k}: {_kutip(v)}" for k, v in kontak.items() if v]
    baris += ["data_contoh: false", 'bobot: "1/9"', "agregasi: rata-rata-unit"]
    return "\n".join(baris) + "\n"


def teks_opd(unit: list[Unit]) -> str:
    baris = ["# Daftar unit layanan. id dipakai di nama berkas dan alamat halaman: jangan",
             "# diubah setelah ada data. jenis: " + " | ".join(JENIS_OPD)]
    for u in unit:
        baris += [f"- id: {u.id}", f"  nama: {_kutip(u.nama)}", f"  jenis: {u.jenis}"]
    return "\n".join(baris) + "\n"


def terapkan(data: Path, kabupaten: str, opd: str, periode: pb.Usulan) -> list[str]:
    """Write the three registries and remove the sample survey files; what was done."""
    tulis_atomik(data / "kabupaten.yaml", kabupaten.encode("utf-8"))
    tulis_atomik(data / "opd.yaml", opd.encode("utf-8"))
    tulis_atomik(data / "periode.yaml", ("# Periode survei. Tambah dengan: skm periode baru ID\n"
                                         + pb.teks_yaml(periode)).encode("utf-8"))
    survei = data / "survei"
    jumlah = sum(1 for b in survei.rglob("*") if b.is_file()) if survei.is_dir() else 0
    if survei.is_dir():
        shutil.rmtree(survei)
    return ["kabupaten.yaml ditulis (data_contoh: false)", "opd.yaml ditulis",
            f"periode.yaml ditulis (periode {periode.id}: {periode.nama})",
            f"data contoh dihapus: {jumlah} berkas di survei/"]
