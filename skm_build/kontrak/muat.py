"""Load and validate every file of the data contract into the tables of :mod:`.model`.

The loader is the only place that reads ``data/``. It collects *every* problem of a
run (see :mod:`.masalah`) and returns tables only when there is no error, so nothing
downstream can ever compute from a half-valid file.

Respondent CSVs are the hot path (a province has millions of rows): columns are checked
vectorised with pandas, and the slow per-cell search that finds line numbers runs only
for a file that is already known to be bad.
"""

from __future__ import annotations

import csv
import functools
import itertools
import re
from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from skm_build.alat.yaml_bertanda import UKURAN_MAKS, YamlBertanda, YamlDitolak, baca_yaml, kutip
from skm_build.aturan.ikm import AGREGASI, AGREGASI_BAKU, BOBOT, BOBOT_BAKU, KODE_UNSUR, Tally
from skm_build.kontrak.masalah import DaftarMasalah
from skm_build.kontrak.model import (
    DataSkm,
    Kabupaten,
    Opd,
    Pengesahan,
    Periode,
    Profil,
    Survei,
    TindakLanjut,
)
from skm_build.kontrak.pribadi import jenis_data_pribadi, kolom_pribadi

POLA_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
POLA_PERIODE = re.compile(r"^\d{4}(-(s[12]|tw[1-4]))?$")
JENIS_OPD = ("dinas", "badan", "sekretariat", "kecamatan", "kelurahan", "puskesmas", "rsud",
             "lainnya")
STATUS_TINDAK_LANJUT = ("rencana", "berjalan", "selesai")

# Spellings accepted for the categorical columns (keys lower-case), and what they mean.
# `skm import` reads OPD sheets and form exports through these same tables.
JENIS_KELAMIN = {"l": "L", "p": "P", "laki-laki": "L", "laki laki": "L", "pria": "L",
                 "perempuan": "P", "wanita": "P"}
PENDIDIKAN = {"sd": "SD", "smp": "SMP", "sltp": "SMP", "sma": "SMA", "slta": "SMA",
              "smk": "SMA", "d1-d3": "D1-D3", "d1": "D1-D3", "d2": "D1-D3", "d3": "D1-D3",
              "s1": "S1", "d4": "S1", "s2": "S2", "s3": "S3",
              "mi": "SD", "mts": "SMP", "ma": "SMA", "sarjana": "S1", "magister": "S2",
              "doktor": "S3"}
URUTAN_PENDIDIKAN = ("SD", "SMP", "SMA", "D1-D3", "S1", "S2", "S3")
PEKERJAAN = {p.lower(): p for p in ("PNS", "TNI", "POLRI", "Swasta", "Wirausaha", "Lainnya")}
PEKERJAAN.update({"asn": "PNS", "pegawai negeri": "PNS", "pegawai negeri sipil": "PNS",
                  "polisi": "POLRI", "karyawan swasta": "Swasta", "pegawai swasta": "Swasta",
                  "wiraswasta": "Wirausaha", "pengusaha": "Wirausaha", "lain-lain": "Lainnya"})
URUTAN_PEKERJAAN = ("PNS", "TNI", "POLRI", "Swasta", "Wirausaha", "Lainnya")
PITA_USIA = ((0, "< 20"), (20, "20–29"), (30, "30–39"), (40, "40–49"), (50, "50–59"),
             (60, "≥ 60"))
USIA_MIN, USIA_MAKS = 15, 100
URUTAN_JENIS_KELAMIN = ("L", "P")
# The order every respondent profile is kept in, so no page or file has to re-sort it.
URUTAN_PROFIL = {
    "jenis_kelamin": URUTAN_JENIS_KELAMIN,
    "usia": tuple(label for _, label in PITA_USIA),
    "pendidikan": URUTAN_PENDIDIKAN,
    "pekerjaan": URUTAN_PEKERJAAN,
}

KOLOM_PROFIL = ("tanggal", "jam", "jenis_kelamin", "usia", "pendidikan", "pekerjaan",
                "layanan", "saran")
KOLOM_DIKENAL = (*KODE_UNSUR, *KOLOM_PROFIL)
KOLOM_DIBACA = (*KODE_UNSUR, "tanggal", "jenis_kelamin", "usia", "pendidikan", "pekerjaan")
# Counts above this are typing errors, not survey data (Indonesia has ~280 million people).
CACAH_MAKS = 10**9
ID_MAKS = 64  # ids become URLs and file names
# Text a spreadsheet would run as a formula: the published open data (XLSX, CSV) and the
# CSVs staff open in Excel carry it. "-" and "+" start ordinary notes ("- tidak ada -"),
# so they count only when a call or a DDE pipe follows without a space ("-cmd|", "+SUM(").
POLA_RUMUS = re.compile(r"\s*(?:[=@]|[+-]\S*[(|!])")
KOLOM_TEKS = ("layanan", "saran")  # free text: the repository is public, so it is checked
KOLOM_MAKS = 100  # the contract names 17 columns; thousands are a wrong or hostile file
SEL_MAKS_PER_KOLOM = 10  # beyond this, one summary line per column keeps the report readable
UKURAN_CSV_MAKS = 512 * 1024 * 1024
# The csv module refuses fields over 128 KB with an exception; pandas reads them. Finding
# line numbers must not crash on a file pandas accepted (a 2 MB saran cell).
csv.field_size_limit(max(csv.field_size_limit(), UKURAN_CSV_MAKS))


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
    kabupaten = _muat_kabupaten(folder / "kabupaten.yaml", m)
    opd, opd_disebut = _muat_opd(folder / "opd.yaml", m)
    periode, periode_disebut = _muat_periode(folder / "periode.yaml", m)
    survei = _muat_survei(folder / "survei", opd_disebut, {p.id: p for p in periode},
                          periode_disebut, m)
    if m.galat_saja or kabupaten is None:
        return Pemeriksaan(None, m)
    return Pemeriksaan(DataSkm(kabupaten, opd, periode, survei), m)


@dataclass(frozen=True)
class Registri:
    """kabupaten.yaml, opd.yaml and periode.yaml without the survey files."""

    kabupaten: Kabupaten | None
    opd: tuple[Opd, ...]
    periode: tuple[Periode, ...]
    masalah: DaftarMasalah


def baca_registri(folder: Path) -> Registri:
    """Only the three registry files: the kabupaten, units and periods, and their problems.

    Importing one unit's file, announcing a period or adding one must not be blocked by
    a broken CSV of another unit: these commands need the registries and nothing else.
    """
    folder = folder.resolve()
    m = DaftarMasalah(folder)
    kabupaten = _muat_kabupaten(folder / "kabupaten.yaml", m)
    opd, _ = _muat_opd(folder / "opd.yaml", m)
    periode, _ = _muat_periode(folder / "periode.yaml", m)
    return Registri(kabupaten, opd, periode, m)


# --- YAML files ------------------------------------------------------------------------


def _baca_teks(berkas: Path, m: DaftarMasalah, batas: int) -> str | None:
    """Read a text file as UTF-8 (BOM allowed); report emptiness, size and bad bytes."""
    if not _berkas_biasa(berkas, m):
        return None
    try:
        ukuran = berkas.stat().st_size
        if ukuran > batas:
            m.galat(berkas, None, f"berkas terlalu besar ({ukuran} byte; batas {batas} byte)")
            return None
        mentah = berkas.read_bytes()
    except OSError as e:
        m.galat(berkas, None, f"berkas tidak dapat dibaca: {e.strerror}")
        return None
    try:
        teks = mentah.decode("utf-8")
    except UnicodeDecodeError as e:
        baris = mentah[: e.start].count(b"\n") + 1
        m.galat(berkas, baris, f"berkas bukan teks UTF-8 (byte 0x{mentah[e.start]:02x}); "
                "simpan ulang dengan pengodean UTF-8")
        return None
    if "\x00" in teks:
        baris = teks[: teks.index("\x00")].count("\n") + 1
        m.galat(berkas, baris, "berkas berisi karakter NUL: bukan teks biasa")
        return None
    return teks.removeprefix("\ufeff")


def _berkas_biasa(jalur: Path, m: DaftarMasalah, folder: bool = False) -> bool:
    """A regular file (or folder) inside data/, not a link or a device; else report it.

    A symbolic link committed as data/opd.yaml could make CI print another file's lines
    in its messages (a credentials file, /proc/self/environ), and a FIFO or /dev/zero
    would block the read forever or fill the memory.
    """
    if jalur.is_symlink():
        m.galat(jalur, None, "tautan simbolik (symlink) tidak diizinkan di folder data: "
                "simpan berkas yang sebenarnya di sini")
        return False
    if not (jalur.is_dir() if folder else jalur.is_file()):
        m.galat(jalur, None, "bukan folder biasa" if folder else "bukan berkas biasa")
        return False
    return True


def _baca_yaml(berkas: Path, m: DaftarMasalah) -> YamlBertanda | None:
    teks = _baca_teks(berkas, m, UKURAN_MAKS)
    if teks is None:
        return None
    try:
        return baca_yaml(teks)
    except YamlDitolak as e:
        m.galat(berkas, e.baris, e.pesan, str(e.kolom) if e.kolom else None)
        return None


class _Bidang:
    """Checks the fields of one YAML mapping, reporting each problem at its own line."""

    def __init__(self, m: DaftarMasalah, berkas: Path, doc: YamlBertanda, jalur: tuple,
                 isi: dict[str, Any]) -> None:
        self.m, self.berkas, self.doc, self.jalur, self.isi = m, berkas, doc, jalur, isi
        self.ok = True

    def galat(self, kunci: str | None, pesan: str) -> None:
        jalur = self.jalur if kunci is None else (*self.jalur, kunci)
        self.m.galat(self.berkas, self.doc.baris_dari(jalur), pesan, kunci)
        self.ok = False

    def kunci_dikenal(self, dikenal: tuple[str, ...]) -> None:
        for kunci in self.isi:
            if kunci not in dikenal:
                self.m.peringatan(self.berkas, self.doc.baris_dari((*self.jalur, kunci)),
                                  f"kunci '{kutip(kunci)}' tidak dikenal dan diabaikan "
                                  f"(yang dikenal: {', '.join(dikenal)})", kutip(kunci))

    def teks(self, kunci: str, wajib: bool = True, publik: bool = True) -> str | None:
        nilai = self.isi.get(kunci)
        if nilai is None:
            if wajib:
                self.galat(kunci, f"'{kunci}' wajib diisi")
            return None
        if not isinstance(nilai, str | int | float) or isinstance(nilai, bool):
            self.galat(kunci, f"'{kunci}' harus berupa teks")
            return None
        teks = str(nilai).strip()
        if wajib and not teks:
            self.galat(kunci, f"'{kunci}' tidak boleh kosong")
            return None
        if len(teks) > 500:
            self.galat(kunci, f"'{kunci}' terlalu panjang ({len(teks)} karakter; batas 500)")
            return None
        if POLA_RUMUS.match(teks):
            self.galat(kunci, f"'{kunci}' diawali '{teks[0]}': spreadsheet membacanya sebagai "
                       "rumus; tulis tanpa tanda itu di depan")
            return None
        if publik and (jenis := jenis_data_pribadi(teks)):
            self.galat(kunci, f"'{kunci}' berisi data pribadi ({jenis}); hapus dari data")
            return None
        return teks

    def pilihan(self, kunci: str, pilihan: tuple[str, ...], baku: str | None = None) -> str | None:
        nilai = self.isi.get(kunci, baku)
        if nilai is None:
            self.galat(kunci, f"'{kunci}' wajib diisi: salah satu dari {', '.join(pilihan)}")
            return None
        if str(nilai) not in pilihan:
            self.galat(kunci, f"'{kunci}' bernilai '{kutip(nilai)}'; pilih salah satu dari "
                       f"{', '.join(pilihan)}")
            return None
        return str(nilai)

    def tanggal(self, kunci: str, wajib: bool = True) -> date | None:
        nilai = self.isi.get(kunci)
        if nilai is None:
            if wajib:
                self.galat(kunci, f"'{kunci}' wajib diisi (tanggal TTTT-BB-HH)")
            return None
        if isinstance(nilai, datetime):
            return nilai.date()
        if isinstance(nilai, date):
            return nilai
        if isinstance(nilai, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", nilai.strip()):
            try:  # a quoted date ("2025-07-01") is a string to YAML, but still a date
                return date.fromisoformat(nilai.strip())
            except ValueError:
                pass
        self.galat(kunci, f"'{kunci}' bernilai '{kutip(nilai)}': bukan tanggal TTTT-BB-HH yang sah")
        return None

    def bulat(self, kunci: str, minimum: int, maksimum: int | None = None,
              wajib: bool = False) -> int | None:
        nilai = self.isi.get(kunci)
        if nilai is None:
            if wajib:
                self.galat(kunci, f"'{kunci}' wajib diisi")
            return None
        if isinstance(nilai, bool) or not isinstance(nilai, int):
            self.galat(kunci, f"'{kunci}' bernilai '{kutip(nilai)}': harus bilangan bulat")
            return None
        if nilai < minimum or (maksimum is not None and nilai > maksimum):
            batas = f"{minimum}–{maksimum}" if maksimum is not None else f"≥ {minimum}"
            self.galat(kunci, f"'{kunci}' bernilai {kutip(nilai)}: harus {batas}")
            return None
        return nilai


def _sebagai_peta(m: DaftarMasalah, berkas: Path, doc: YamlBertanda, jalur: tuple,
                  nilai: Any, apa: str) -> dict | None:
    if not isinstance(nilai, dict):
        m.galat(berkas, doc.baris_dari(jalur), f"{apa} harus berupa pasangan 'kunci: nilai'")
        return None
    return nilai


def _muat_kabupaten(berkas: Path, m: DaftarMasalah) -> Kabupaten | None:
    if not (berkas.exists() or berkas.is_symlink()):
        m.galat(berkas, None, "berkas wajib tidak ada: buat kabupaten.yaml (lihat README)")
        return None
    doc = _baca_yaml(berkas, m)
    if doc is None:
        return None
    isi = _sebagai_peta(m, berkas, doc, (), doc.nilai, "kabupaten.yaml")
    if isi is None:
        return None
    b = _Bidang(m, berkas, doc, (), isi)
    b.kunci_dikenal(("nama", "penyusun", "data_contoh", "bobot", "agregasi"))
    nama = b.teks("nama")
    penyusun = b.teks("penyusun", wajib=False) or "Bagian Organisasi"
    contoh = isi.get("data_contoh", False)
    if not isinstance(contoh, bool):
        b.galat("data_contoh", "'data_contoh' harus true atau false")
    bobot_mentah = isi.get("bobot", BOBOT_BAKU)
    bobot = str(bobot_mentah) if isinstance(bobot_mentah, str | float) else None
    if bobot not in BOBOT:
        b.galat("bobot", f"'bobot' bernilai '{kutip(bobot_mentah)}'; "
                "pilih \"1/9\", 0.111 atau 0.11")
    agregasi = b.pilihan("agregasi", tuple(AGREGASI), AGREGASI_BAKU)
    if not b.ok or nama is None or agregasi is None or bobot is None:
        return None
    return Kabupaten(nama, penyusun, bool(contoh), bobot, agregasi)


def _daftar(berkas: Path, m: DaftarMasalah, apa: str) -> tuple[YamlBertanda, list] | None:
    if not (berkas.exists() or berkas.is_symlink()):
        m.galat(berkas, None, f"berkas wajib tidak ada: buat {berkas.name} (daftar {apa})")
        return None
    doc = _baca_yaml(berkas, m)
    if doc is None:
        return None
    if not isinstance(doc.nilai, list) or not doc.nilai:
        m.galat(berkas, doc.baris_dari(()), f"{berkas.name} harus berupa daftar {apa} "
                "(setiap butir diawali '- id: ...')")
        return None
    return doc, doc.nilai


def _id_sah(b: _Bidang, terlihat: dict[str, int], pola: re.Pattern, contoh: str) -> str | None:
    nilai = b.isi.get("id")
    if nilai is None:
        b.galat("id", "'id' wajib diisi")
        return None
    ident = str(nilai)
    if len(ident) > ID_MAKS:
        b.galat("id", f"id '{kutip(ident)}' terlalu panjang ({len(ident)} karakter; "
                f"batas {ID_MAKS})")
        return None
    if not pola.match(ident):
        b.galat("id", f"id '{kutip(ident)}' tidak sah: {contoh}")
        return None
    if ident in terlihat:
        b.galat("id", f"id '{ident}' sudah dipakai di baris {terlihat[ident]}")
        return None
    terlihat[ident] = b.doc.baris_dari((*b.jalur, "id"))
    return ident


def _muat_opd(berkas: Path, m: DaftarMasalah) -> tuple[tuple[Opd, ...], set[str] | None]:
    """The valid units, and every id the file declares (None when it could not be read)."""
    dibaca = _daftar(berkas, m, "unit layanan")
    if dibaca is None:
        return (), None
    doc, butir = dibaca
    hasil, terlihat = [], {}
    for i, nilai in enumerate(butir):
        isi = _sebagai_peta(m, berkas, doc, (i,), nilai, "setiap unit")
        if isi is None:
            continue
        b = _Bidang(m, berkas, doc, (i,), isi)
        b.kunci_dikenal(("id", "nama", "jenis", "target_ikm"))
        ident = _id_sah(b, terlihat, POLA_ID, "gunakan huruf kecil, angka dan '-' saja")
        nama = b.teks("nama")
        jenis = b.pilihan("jenis", JENIS_OPD, "lainnya")
        target = isi.get("target_ikm")
        if target is not None and (isinstance(target, bool) or not isinstance(target, int | float)
                                   or not 25 <= target <= 100):
            b.galat("target_ikm", f"'target_ikm' bernilai '{kutip(target)}': harus angka 25–100")
        if b.ok and ident and nama and jenis:
            hasil.append(Opd(ident, nama, jenis, None if target is None else float(target)))
    return tuple(hasil), set(terlihat)


def _muat_periode(berkas: Path, m: DaftarMasalah) -> tuple[tuple[Periode, ...], set[str] | None]:
    """The valid periods, and every id the file declares (None when it could not be read)."""
    dibaca = _daftar(berkas, m, "periode survei")
    if dibaca is None:
        return (), None
    doc, butir = dibaca
    hasil, terlihat = [], {}
    for i, nilai in enumerate(butir):
        isi = _sebagai_peta(m, berkas, doc, (i,), nilai, "setiap periode")
        if isi is None:
            continue
        b = _Bidang(m, berkas, doc, (i,), isi)
        b.kunci_dikenal(("id", "nama", "mulai", "selesai", "batas_laporan", "pengesahan"))
        ident = _id_sah(b, terlihat, POLA_PERIODE, "tulis TTTT, TTTT-s1/s2 atau TTTT-tw1..tw4")
        nama = b.teks("nama")
        mulai, selesai = b.tanggal("mulai"), b.tanggal("selesai")
        batas = b.tanggal("batas_laporan")
        if mulai and selesai and selesai < mulai:
            b.galat("selesai", "'selesai' lebih awal dari 'mulai'")
        if selesai and batas and batas < selesai:
            b.galat("batas_laporan", "'batas_laporan' lebih awal dari 'selesai' periode")
        pengesahan = _pengesahan(m, berkas, doc, (i, "pengesahan"), isi.get("pengesahan"))
        if b.ok and ident and nama and mulai and selesai and batas and pengesahan is not False:
            hasil.append(Periode(ident, nama, mulai, selesai, batas, pengesahan or None))
    return tuple(sorted(hasil, key=lambda p: (p.mulai, p.id))), set(terlihat)


def _pengesahan(m: DaftarMasalah, berkas: Path, doc: YamlBertanda, jalur: tuple,
                nilai: Any) -> Pengesahan | bool | None:
    """The sign-off of a period's report; False when present but invalid."""
    if nilai is None:
        return None
    isi = _sebagai_peta(m, berkas, doc, jalur, nilai, "'pengesahan'")
    if isi is None:
        return False
    b = _Bidang(m, berkas, doc, jalur, isi)
    b.kunci_dikenal(("nama", "jabatan", "tanggal"))
    nama, jabatan = b.teks("nama", publik=False), b.teks("jabatan")
    tanggal = b.tanggal("tanggal")
    if not (b.ok and nama and jabatan and tanggal):
        return False
    return Pengesahan(nama, jabatan, tanggal)


# --- survei/<periode>/<opd>.{csv,yaml} --------------------------------------------------


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
    if not _berkas_biasa(folder, m, folder=True):
        return hasil
    for sub in sorted(folder.iterdir()):
        if sub.name.startswith("."):
            continue
        if sub.is_symlink():
            _berkas_biasa(sub, m, folder=True)
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
            if berkas.suffix in (".csv", ".yaml") and not _berkas_biasa(berkas, m):
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
                    _muat_laporan(berkas[".yaml"], m)
                if ".csv" in berkas:
                    _muat_csv(berkas[".csv"], per, (), m)
                continue
            survei = _muat_satu_unit(ident, per, berkas.get(".csv"), berkas.get(".yaml"), m)
            if survei is not None:
                hasil[(per.id, ident)] = survei
    return hasil


@dataclass
class _Laporan:
    diterima: date | None = None
    populasi: int | None = None
    tidak_berlaku: tuple[str, ...] = ()
    tindak_lanjut: tuple[TindakLanjut, ...] = ()
    jawaban: dict[str, Tally] | None = None
    responden: int | None = None
    baris_jawaban: int | None = None


def _muat_satu_unit(ident: str, per: Periode, csv_: Path | None, yml: Path | None,
                    m: DaftarMasalah) -> Survei | None:
    laporan = _muat_laporan(yml, m) if yml else _Laporan()
    if laporan is None:
        if csv_ is not None:  # a broken report must not hide the CSV's own problems
            _muat_csv(csv_, per, (), m)
        return None
    if csv_ is not None and laporan.jawaban is not None:
        m.galat(yml, laporan.baris_jawaban, "unit ini sudah punya berkas CSV responden; "
                "hapus 'jawaban' atau hapus CSV-nya (pilih salah satu)", "jawaban")
        return None
    if csv_ is not None:
        dibaca = _muat_csv(csv_, per, laporan.tidak_berlaku, m)
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
                  laporan.populasi, laporan.tidak_berlaku, laporan.tindak_lanjut)


def _muat_laporan(berkas: Path, m: DaftarMasalah) -> _Laporan | None:
    doc = _baca_yaml(berkas, m)
    if doc is None:
        return None
    isi = _sebagai_peta(m, berkas, doc, (), doc.nilai if doc.nilai is not None else None,
                        "laporan unit")
    if isi is None:
        return None
    b = _Bidang(m, berkas, doc, (), isi)
    b.kunci_dikenal(("diterima", "populasi", "unsur_tidak_berlaku", "tindak_lanjut",
                     "jawaban", "responden"))
    lap = _Laporan()
    lap.diterima = b.tanggal("diterima", wajib=False)
    lap.populasi = b.bulat("populasi", 1, CACAH_MAKS)
    lap.responden = b.bulat("responden", 1, CACAH_MAKS)
    tidak = isi.get("unsur_tidak_berlaku", [])
    if not isinstance(tidak, list) or any(t not in KODE_UNSUR for t in tidak):
        b.galat("unsur_tidak_berlaku", "'unsur_tidak_berlaku' harus daftar kode unsur, "
                "mis. [u4]")
    elif len(set(tidak)) >= len(KODE_UNSUR):
        b.galat("unsur_tidak_berlaku", "semua unsur dinyatakan tidak berlaku: tidak ada "
                "yang dapat dihitung")
    else:
        lap.tidak_berlaku = tuple(sorted(set(tidak), key=KODE_UNSUR.index))
    lap.tindak_lanjut = _tindak_lanjut(b, isi.get("tindak_lanjut"))
    if "jawaban" in isi:
        lap.jawaban = _jawaban(b, isi["jawaban"], lap.tidak_berlaku)
        lap.baris_jawaban = doc.baris_dari(("jawaban",))
    return lap if b.ok else None


def _tindak_lanjut(b: _Bidang, nilai: Any) -> tuple[TindakLanjut, ...]:
    if nilai is None:
        return ()
    if not isinstance(nilai, list):
        b.galat("tindak_lanjut", "'tindak_lanjut' harus daftar (setiap butir diawali '- ')")
        return ()
    hasil = []
    for i, butir in enumerate(nilai):
        jalur = ("tindak_lanjut", i)
        if not isinstance(butir, dict):
            b.m.galat(b.berkas, b.doc.baris_dari(jalur), "setiap tindak lanjut harus berisi "
                      "unsur, kegiatan, waktu, penanggung_jawab, status", "tindak_lanjut")
            b.ok = False
            continue
        c = _Bidang(b.m, b.berkas, b.doc, jalur, butir)
        c.kunci_dikenal(("unsur", "kegiatan", "waktu", "penanggung_jawab", "status"))
        unsur = c.pilihan("unsur", KODE_UNSUR)
        kegiatan, waktu = c.teks("kegiatan"), c.teks("waktu")
        pj = c.teks("penanggung_jawab")
        status = c.pilihan("status", STATUS_TINDAK_LANJUT, "rencana")
        if c.ok and unsur and kegiatan and waktu and pj and status:
            hasil.append(TindakLanjut(unsur, kegiatan, waktu, pj, status))
        else:
            b.ok = False
    return tuple(hasil)


def _jawaban(b: _Bidang, nilai: Any, tidak_berlaku: tuple[str, ...]) -> dict[str, Tally] | None:
    if not isinstance(nilai, dict):
        b.galat("jawaban", "'jawaban' harus berisi u1..u9, masing-masing [n1, n2, n3, n4]")
        return None
    hasil: dict[str, Tally] = {}
    for kode, tally in nilai.items():
        baris = b.doc.baris_dari(("jawaban", kode))
        if kode not in KODE_UNSUR:
            b.m.galat(b.berkas, baris, f"unsur '{kutip(kode)}' tidak dikenal; gunakan u1..u9",
                      "jawaban")
            b.ok = False
            continue
        if (not isinstance(tally, list) or len(tally) != 4
                or any(isinstance(c, bool) or not isinstance(c, int) or c < 0 for c in tally)):
            b.m.galat(b.berkas, baris, f"jawaban {kode} harus 4 bilangan bulat tidak negatif: "
                      "banyaknya jawaban 1, 2, 3, 4, mis. [0, 2, 50, 48]", kode)
            b.ok = False
            continue
        if max(tally) > CACAH_MAKS:
            b.m.galat(b.berkas, baris, f"jawaban {kode} berisi hitungan lebih dari "
                      f"{CACAH_MAKS} jawaban: periksa angkanya", kode)
            b.ok = False
            continue
        hasil[kode] = tuple(tally)  # type: ignore[assignment]
    for kode in KODE_UNSUR:
        if kode not in hasil and kode not in tidak_berlaku and kode not in nilai:
            b.galat("jawaban", f"jawaban {kode} tidak ada (tambahkan, atau nyatakan di "
                    "'unsur_tidak_berlaku')")
    if b.ok and not any(sum(t) for t in hasil.values()):
        b.galat("jawaban", "semua hitungan jawaban nol: tidak ada yang dapat dihitung")
    return hasil if b.ok else None


# --- the respondent CSV --------------------------------------------------------------------


def _muat_csv(berkas: Path, per: Periode, tidak_berlaku: tuple[str, ...],
              m: DaftarMasalah) -> tuple[int, dict[str, Tally], Profil] | None:
    """Validate one respondent file and reduce it to tallies and profile counts."""
    teks = _baca_teks(berkas, m, UKURAN_CSV_MAKS)
    if teks is None:
        return None
    if not teks.strip():
        m.galat(berkas, 1, "berkas kosong: isi baris judul u1..u9 dan satu baris per responden")
        return None
    judul = re.match(r"[^\r\n]*", teks).group()  # LF, CRLF or (old Mac Excel) CR alone
    pemisah = ";" if judul.count(";") > judul.count(",") else ","
    nama_kolom = next(csv.reader([judul], delimiter=pemisah))
    judul_sah = _periksa_judul(berkas, nama_kolom, m)
    if judul_sah is None:
        return None
    peta, judul_ok = judul_sah
    cepat = _csv_bersih(teks, pemisah, nama_kolom, peta, per) if judul_ok else None
    if cepat is None:
        from skm_build.kontrak import csv_teliti  # pandas only for a file the fast path refused

        cepat = csv_teliti.baca(berkas, teks, pemisah, nama_kolom, peta, judul_ok, per, m)
        if cepat is None:
            return None
    _peringatan_tidak_berlaku(berkas, cepat[1], tidak_berlaku, m)
    return cepat


def _peringatan_tidak_berlaku(berkas: Path, tally: dict[str, Tally],
                              tidak_berlaku: tuple[str, ...], m: DaftarMasalah) -> None:
    for kode in tidak_berlaku:
        if sum(tally[kode]):
            m.peringatan(berkas, 1, f"{kode} dinyatakan tidak berlaku tetapi berisi jawaban; "
                         "jawaban itu tidak dihitung", kode)


# The fast path. Nearly every file staff commit is clean, and for a clean file all the
# pandas machinery above only confirms that every cell is one of a few spellings; at ~200
# rows per file its fixed cost per call dominates. So a file is first split with plain
# str methods, and each column is reduced to its *distinct* values (collections.Counter).
# When the file's structure is trivially unambiguous and every distinct value is a spelling
# the slow path would accept unchanged, the counts are exactly what the slow path computes
# and there is nothing to report. Anything else — quotes, a lone CR, a blank or ragged
# line, a padded or unknown value, a date outside the period — returns None and the file
# goes through the pandas path, which finds and words every problem with its line.
# Both paths must agree exactly (problems, counts, dict order): `python bench/setara.py`
# checks that on thousands of generated files; run it after changing either path.

_JAWABAN_BERSIH = frozenset(("", "1", "2", "3", "4"))
_PITA_MENURUT_USIA = {
    str(u): next(label for batas, label in reversed(PITA_USIA) if u >= batas)
    for u in range(USIA_MIN, USIA_MAKS + 1)
}


@functools.lru_cache(maxsize=65536)
def _tanggal_iso(v: str) -> date | None:
    """``v`` as a date when the slow path would accept its spelling (cached: dates repeat)."""
    try:
        return date.fromisoformat(v) if re.fullmatch(r"\d{4}-\d{2}-\d{2}", v) else None
    except ValueError:
        return None


def _csv_bersih(teks: str, pemisah: str, nama_kolom: list[str], peta: dict[str, str],
                per: Periode) -> tuple[int, dict[str, Tally], Profil] | None:
    """Tallies and profile of a file that is clean beyond doubt; None means "look closer"."""
    if '"' in teks or any(nama != nama.strip() for nama in nama_kolom):
        return None
    if "\r" in teks:
        teks = teks.replace("\r\n", "\n")
        if "\r" in teks:
            return None
    baris = teks.split("\n")
    if baris[-1] == "":
        baris.pop()
    del baris[0]
    n = len(nama_kolom)
    if not baris or set(map(str.count, baris, itertools.repeat(pemisah))) != {n - 1}:
        return None
    sel = pemisah.join(baris).split(pemisah)
    for j, asli in enumerate(nama_kolom):
        if peta.get(asli) in KOLOM_TEKS and _mungkin_terlarang("\0".join(set(sel[j::n]))):
            return None
    nilai = {peta[asli]: Counter(sel[j::n]) for j, asli in enumerate(nama_kolom)
             if peta.get(asli) in KOLOM_DIBACA}
    if all(nilai[kode][""] for kode in KODE_UNSUR) and _ada_baris_tanpa_jawaban(
            sel, n, [j for j, asli in enumerate(nama_kolom) if peta.get(asli) in KODE_UNSUR]):
        return None  # a row with no answer at all: the pandas path words its warning
    tally: dict[str, Tally] = {}
    for kode in KODE_UNSUR:
        hitung = nilai[kode]
        if not hitung.keys() <= _JAWABAN_BERSIH:
            return None
        tally[kode] = (hitung["1"], hitung["2"], hitung["3"], hitung["4"])
    for v in nilai.get("tanggal", ()):
        if v and ((d := _tanggal_iso(v)) is None or not per.mulai <= d <= per.selesai):
            return None
    usia: dict[str, int] = {}
    for v, c in nilai.get("usia", Counter()).items():
        if v:
            if v not in _PITA_MENURUT_USIA:
                return None
            usia[_PITA_MENURUT_USIA[v]] = usia.get(_PITA_MENURUT_USIA[v], 0) + c
    kategori = []
    for kolom, kamus in (("jenis_kelamin", JENIS_KELAMIN), ("pendidikan", PENDIDIKAN),
                         ("pekerjaan", PEKERJAAN)):
        hitung_baku: dict[str, int] = {}
        for v, c in nilai.get(kolom, Counter()).items():
            if v:
                baku = kamus.get(v.lower())
                if baku is None or v != v.strip():
                    return None
                hitung_baku[baku] = hitung_baku.get(baku, 0) + c
        kategori.append(hitung_baku)
    profil = Profil(
        jenis_kelamin=urut_kategori(kategori[0], URUTAN_JENIS_KELAMIN),
        usia=urut_kategori(usia, URUTAN_PROFIL["usia"]),
        pendidikan=urut_kategori(kategori[1], URUTAN_PENDIDIKAN),
        pekerjaan=urut_kategori(kategori[2], URUTAN_PEKERJAAN),
    )
    return len(baris), tally, profil


def _ada_baris_tanpa_jawaban(sel: list[str], n: int, kolom_jawaban: list[int]) -> bool:
    """Whether some row leaves every u1..u9 cell blank.

    Only called when each unsur column has a blank somewhere (with ~1 % blanks that is a
    quarter of all 200-row files), so it walks the rows blank in the first unsur only.
    """
    pertama, *lain = kolom_jawaban
    for i, v in enumerate(sel[pertama::n]):
        if v == "" and all(sel[i * n + j] == "" for j in lain):
            return True
    return False


def _periksa_judul(berkas: Path, nama_kolom: list[str],
                   m: DaftarMasalah) -> tuple[dict[str, str], bool] | None:
    """Map header names to canonical ones; None when the file cannot be read further.

    A column that identifies people is an error, but the rest of the file is still
    checked (without it), so one run lists every problem of the file.
    """
    if len(nama_kolom) > KOLOM_MAKS:
        m.galat(berkas, 1, f"baris judul berisi {len(nama_kolom)} kolom (batas {KOLOM_MAKS}): "
                "bukan berkas responden SKM; periksa pemisah dan isi berkas")
        return None
    peta: dict[str, str] = {}
    lanjut, ok = True, True
    for asli in nama_kolom:
        baku = asli.strip().lower()
        if not baku:
            m.galat(berkas, 1, "ada kolom tanpa nama di baris judul")
            lanjut = False
        elif kolom_pribadi(baku):
            m.galat(berkas, 1, f"kolom '{kutip(asli)}' berisi data pribadi dan tidak boleh masuk "
                    "ke repositori: hapus kolom itu dari berkas", kutip(asli))
            ok = False
            continue
        elif baku in peta.values():
            m.galat(berkas, 1, f"kolom '{kutip(asli)}' ditulis dua kali", kutip(asli))
            lanjut = False
        elif baku not in KOLOM_DIKENAL:
            m.peringatan(berkas, 1, f"kolom '{kutip(asli)}' tidak dikenal dan diabaikan",
                         kutip(asli))
        peta[asli] = baku
    for kode in KODE_UNSUR:
        if kode not in peta.values():
            m.galat(berkas, 1, f"kolom {kode} tidak ada: baris judul harus memuat u1..u9", kode)
            lanjut = False
    return (peta, ok) if lanjut else None


def urut_kategori(hitung: dict[str, int], urutan: tuple[str, ...]) -> dict[str, int]:
    """Category counts in the order the questionnaire lists them."""
    return {k: hitung[k] for k in urutan if k in hitung}


_RUMUS_GABUNGAN = re.compile(r"(?:^|\0)\s*(?:[=@]|[+-][^\s\0]*[(|!])")


def _mungkin_terlarang(gabungan: str) -> bool:
    """Whether any of the NUL-joined texts may hold personal data or a formula (fast)."""
    return bool(jenis_data_pribadi(gabungan) or _RUMUS_GABUNGAN.search(gabungan))


def alasan_teks_terlarang(teks: str) -> str | None:
    """Why free text cannot enter the repository (personal data, a formula), or None."""
    if jenis := jenis_data_pribadi(teks):
        return (f"berisi data pribadi ({jenis}): hapus bagian itu (berkas data masuk ke "
                "repositori publik; skm import menyamarkannya otomatis)")
    if POLA_RUMUS.match(teks):
        return (f"diawali '{teks.lstrip()[0]}': spreadsheet membacanya sebagai rumus; tulis "
                "tanpa tanda itu di depan")
    return None
