"""The careful CSV path: pandas reads a respondent file and every problem gets its line.

:mod:`.muat_csv` first tries its fast path, which takes only files that are clean beyond
doubt. Every other file comes here: each bad cell is found and reported with the file
line it is on, so staff can fix it. This module (and pandas with it) is imported only
when such a file exists, which keeps a build of clean data quick to start.
"""

from __future__ import annotations

import io
import re
import warnings
from array import array
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from skm_build.alat.rekaman_csv import rekaman
from skm_build.alat.yaml_bertanda import kutip
from skm_build.aturan.ikm import KODE_UNSUR, NILAI_JAWABAN, Tally
from skm_build.kontrak.kosakata import (
    JENIS_KELAMIN,
    KOLOM_DIBACA,
    KOLOM_TEKS,
    PEKERJAAN,
    PENDIDIKAN,
    PITA_USIA,
    SEL_MAKS_PER_KOLOM,
    URUTAN_JENIS_KELAMIN,
    URUTAN_PEKERJAAN,
    URUTAN_PENDIDIKAN,
    USIA_MAKS,
    USIA_MIN,
    urut_kategori,
)
from skm_build.kontrak.layanan import gabung_layanan
from skm_build.kontrak.masalah import DaftarMasalah, bilangan
from skm_build.kontrak.model import BacaanCsv, Layanan, Periode, Profil
from skm_build.kontrak.pribadi import jenis_data_pribadi
from skm_build.kontrak.teks_publik import alasan_teks_terlarang


def baca(berkas: Path, teks: str, pemisah: str, nama_kolom: list[str], peta: dict[str, str],
         judul_ok: bool, per: Periode,
         m: DaftarMasalah) -> BacaanCsv | None:
    """Validate one respondent file with pandas; tallies, profile and services, or None."""
    # Every column is read and named by position. With usecols pandas silently drops the
    # extra fields of a row longer than the header (an unquoted 3,5 shifts u3..u9 left),
    # and a header written "u1, u2" would not match its own names.
    nama = [peta.get(asli, f"\0{i}") for i, asli in enumerate(nama_kolom)]
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", pd.errors.ParserWarning)  # first row too long
            df = pd.read_csv(
                # bytes, not io.StringIO: that holds 4 bytes per character (844 MB for 211)
                io.BytesIO(teks.encode("utf-8")), encoding="utf-8", sep=pemisah, header=0,
                names=nama, index_col=False,
                # category: a repeated value is stored once (a 200 MB file as str took GBs;
                # an answer column with one bad cell was 3.6 million Python strings)
                dtype=dict.fromkeys(nama, "category"),
                keep_default_na=False, na_values=[""], skipinitialspace=True, engine="c",
            )
    except (pd.errors.ParserError, pd.errors.ParserWarning, ValueError) as e:
        if "EOF inside string" in str(e):  # the quote runs to the end: the last record
            baris = max((awal for awal, _ in rekaman(teks, pemisah, lewati_kosong=True)), default=1)
            m.galat(berkas, baris, "tanda kutip (\") dibuka di baris ini dan tidak pernah "
                    "ditutup: semua baris sesudahnya terbaca sebagai satu sel")
            return None
        # pandas numbers records, not lines (a quoted newline in saran is not counted)
        baris = next((awal for awal, r in rekaman(teks, pemisah, lewati_kosong=True)
                      if len(r) > len(nama)), None)
        if baris is None and (cocok := re.search(r"line (\d+)", str(e))):
            baris = int(cocok.group(1))
        m.galat(berkas, baris, "baris tidak dapat dibaca: jumlah kolom tidak sama dengan "
                f"baris judul (pemisah '{pemisah}'); periksa tanda kutip dan pemisah")
        return None
    if len(df) == 0:
        m.galat(berkas, 2, "hanya ada baris judul: belum ada jawaban responden")
        return None
    sel = _Sel(berkas, teks, pemisah, m)
    tally, kosong, angka = {}, np.ones(len(df), dtype=bool), {}
    for kode in KODE_UNSUR:
        tally[kode], kosong_kolom, angka[kode] = _tally_kolom(df[kode], kode, sel)
        kosong &= kosong_kolom
    profil = _profil(df, per, sel)
    for kolom in KOLOM_TEKS:
        if kolom in df:
            _periksa_teks_bebas(df[kolom], kolom, sel)
    for kolom in df.columns:
        if kolom not in (*KOLOM_DIBACA, *KOLOM_TEKS) and not kolom.startswith("\0"):
            _periksa_kolom_lain(df[kolom], kolom, sel)
    # A row without any answer (often ";;;;;;;;" left by Excel) is not a respondent:
    # counting it would inflate the sample that is checked against Krejcie–Morgan.
    tanpa_jawaban = np.flatnonzero(kosong)
    for i in tanpa_jawaban[:SEL_MAKS_PER_KOLOM]:
        m.peringatan(berkas, sel.baris(int(i)), "baris tanpa jawaban u1..u9: tidak dihitung "
                     "sebagai responden")
    if len(tanpa_jawaban) == len(df):
        m.galat(berkas, 2, "tidak ada baris yang berisi jawaban u1..u9")
        return None
    if sel.ada_galat or not judul_ok:
        return None
    layanan = _layanan(df["layanan"], angka, ~kosong) if "layanan" in df else ()
    return len(df) - len(tanpa_jawaban), tally, profil, layanan


def _layanan(kolom: pd.Series, angka: dict[str, np.ndarray],
             menjawab: np.ndarray) -> tuple[Layanan, ...]:
    """Per-service tallies over the rows that answer, grouped by kontrak.layanan."""
    nama = kolom.astype("string").fillna("").to_numpy(dtype=object)
    per_ejaan = {}
    for ejaan in pd.unique(nama[menjawab]):  # first-written order, as on the fast path
        baris = (nama == ejaan) & menjawab
        per_ejaan[str(ejaan)] = (int(baris.sum()), {
            kode: tuple(int(np.count_nonzero(a[baris] == v)) for v in NILAI_JAWABAN)
            for kode, a in angka.items()})
    return gabung_layanan(per_ejaan)


class _Sel:
    """Reports bad cells by line; finds line numbers only for files that have problems."""

    def __init__(self, berkas: Path, teks: str, pemisah: str, m: DaftarMasalah) -> None:
        self.berkas, self.teks, self.pemisah, self.m = berkas, teks, pemisah, m
        self._baris: array[int] | None = None
        self.ada_galat = False

    def baris(self, indeks: int) -> int:
        """The file line on which data row ``indeks`` (0-based) starts."""
        if self._baris is None:  # 4 bytes a row (a list of ints took 700 MB for 3.6 M rows)
            self._baris = array("I", (baris for baris, _ in
                                      rekaman(self.teks, self.pemisah, lewati_kosong=True)))
        return self._baris[indeks + 1]  # the first record is the header

    def galat(self, indeks: np.ndarray, kolom: str, pesan_untuk: Any) -> None:
        """One problem per bad cell (the first few), then one line for the rest."""
        self.ada_galat = True
        for i in indeks[:SEL_MAKS_PER_KOLOM]:
            self.m.galat(self.berkas, self.baris(int(i)), pesan_untuk(int(i)), kolom)
        if len(indeks) > SEL_MAKS_PER_KOLOM:
            sisa = len(indeks) - SEL_MAKS_PER_KOLOM
            self.m.galat(self.berkas, self.baris(int(indeks[SEL_MAKS_PER_KOLOM])),
                         f"… dan {bilangan(sisa)} lainnya di kolom {kolom} dengan masalah "
                         "yang sama",
                         kolom)


def _tally_kolom(kolom: pd.Series, kode: str,
                 sel: _Sel) -> tuple[Tally, np.ndarray, np.ndarray]:
    """Count answers 1–4 of one unsur (and say which rows are blank, and each row's value
    for the per-service counts); every other non-blank value is an error."""
    # Each distinct value is trimmed and read as a number once; rows take it by code.
    rapi = kolom.cat.categories.astype("string").str.strip()
    angka_nilai = pd.to_numeric(rapi.where(rapi != ""), errors="coerce").to_numpy(
        dtype="float64", na_value=np.nan)
    sel_kode = kolom.cat.codes.to_numpy()
    ada = sel_kode >= 0
    angka = np.full(len(sel_kode), np.nan)
    angka[ada] = angka_nilai[sel_kode[ada]]
    kosong = ~ada
    kosong[ada] = (rapi == "").to_numpy(dtype=bool, na_value=True)[sel_kode[ada]]
    sah = ~np.isnan(angka) & (angka >= 1) & (angka <= 4) & (angka == np.floor(angka))
    buruk = np.flatnonzero(~kosong & ~sah)
    if len(buruk):
        def pesan(i: int) -> str:
            nilai = kolom.iloc[i]  # as typed: "7", "3,5", "x"
            return (f"jawaban '{kutip(nilai)}' tidak sah: isi bilangan bulat 1, 2, 3 atau 4 "
                    "(kosongkan bila tidak dijawab)")
        sel.galat(buruk, kode, pesan)
        return (0, 0, 0, 0), kosong, angka
    hitung = np.bincount(angka[sah].astype(np.int64), minlength=5)
    return tuple(int(c) for c in hitung[1:5]), kosong, angka  # type: ignore[return-value]


def _rapi(kolom: pd.Series) -> pd.Series:
    """The column's text with spaces trimmed, as ``astype("string").str.strip()`` gives it,
    but worked out on the distinct values of a categorical column: trimming 3.6 million
    cells one by one made one Python string per cell (hundreds of MB for a 200 MB file)."""
    if not isinstance(kolom.dtype, pd.CategoricalDtype):
        return kolom.astype("string").str.strip()
    rapi = kolom.cat.categories.astype("string").str.strip()
    baru = pd.Index(pd.unique(rapi), dtype="string")
    peta = baru.get_indexer(rapi)
    kode = kolom.cat.codes.to_numpy().astype(np.int64)
    ada = kode >= 0
    kode[ada] = peta[kode[ada]]
    return pd.Series(pd.Categorical.from_codes(kode, baru), index=kolom.index)


def _kategori(df: pd.DataFrame, kolom: str, kamus: dict[str, str], sel: _Sel,
              pilihan: str) -> dict[str, int]:
    """Normalise a categorical column through ``kamus``; unknown values are errors."""
    if kolom not in df:
        return {}
    nilai = _rapi(df[kolom])
    unik = {v: kamus.get(v.lower()) for v in nilai.dropna().unique()}
    baku = nilai.map(unik, na_action="ignore")
    buruk = np.flatnonzero((nilai.notna() & baku.isna()).to_numpy())
    if len(buruk):
        sel.galat(buruk, kolom, lambda i: f"nilai '{kutip(nilai.iloc[i])}' tidak dikenal; "
                  f"gunakan {pilihan}")
        return {}
    return {str(k): int(v) for k, v in baku.value_counts().items()}


def _profil(df: pd.DataFrame, per: Periode, sel: _Sel) -> Profil:
    """Check the optional respondent columns and count them per category."""
    if "tanggal" in df:
        _periksa_tanggal(df["tanggal"], per, sel)
    usia: dict[str, int] = {}
    if "usia" in df:
        rapi = _rapi(df["usia"])
        ada = df["usia"].notna().to_numpy()
        if isinstance(rapi.dtype, pd.CategoricalDtype):  # convert each distinct value once
            per_nilai = pd.to_numeric(pd.Series(rapi.cat.categories), errors="coerce")
            kode = rapi.cat.codes.to_numpy()
            a = np.full(len(kode), np.nan)
            a[kode >= 0] = per_nilai.to_numpy(dtype="float64", na_value=np.nan)[kode[kode >= 0]]
        else:
            a = pd.to_numeric(rapi, errors="coerce").to_numpy(dtype="float64", na_value=np.nan)
        buruk = np.flatnonzero(ada & ~((a >= USIA_MIN) & (a <= USIA_MAKS) & (a == np.floor(a))))
        if len(buruk):
            sel.galat(buruk, "usia", lambda i: f"usia '{kutip(df['usia'].iloc[i])}' tidak sah: "
                      f"bilangan bulat {USIA_MIN}–{USIA_MAKS}")
        else:
            batas = [b for b, _ in PITA_USIA[1:]]
            pita = np.searchsorted(batas, a[ada], side="right")
            hitung = np.bincount(pita, minlength=len(PITA_USIA))
            usia = {label: int(c) for (_, label), c in zip(PITA_USIA, hitung, strict=True)
                    if c}
    return Profil(
        jenis_kelamin=urut_kategori(_kategori(df, "jenis_kelamin", JENIS_KELAMIN, sel,
                                              "L atau P"), URUTAN_JENIS_KELAMIN),
        usia=usia,
        pendidikan=urut_kategori(_kategori(df, "pendidikan", PENDIDIKAN, sel,
                                   ", ".join(URUTAN_PENDIDIKAN)), URUTAN_PENDIDIKAN),
        pekerjaan=urut_kategori(_kategori(df, "pekerjaan", PEKERJAAN, sel,
                                  ", ".join(URUTAN_PEKERJAAN)), URUTAN_PEKERJAAN),
    )


def _periksa_tanggal(kolom: pd.Series, per: Periode, sel: _Sel) -> None:
    nilai = _rapi(kolom)
    unik: dict[str, str | None] = {}
    for v in nilai.dropna().unique():
        try:
            d = date.fromisoformat(v) if re.fullmatch(r"\d{4}-\d{2}-\d{2}", v) else None
        except ValueError:
            d = None
        if d is None:
            unik[v] = "bukan tanggal TTTT-BB-HH yang sah"
        elif not per.mulai <= d <= per.selesai:
            unik[v] = (f"di luar periode {per.nama} ({per.mulai.isoformat()} s.d. "
                       f"{per.selesai.isoformat()})")
        else:
            unik[v] = None
    salah = {v: p for v, p in unik.items() if p}
    if not salah:
        return
    buruk = np.flatnonzero(nilai.isin(list(salah)).fillna(False).to_numpy())
    sel.galat(buruk, "tanggal", lambda i: f"tanggal '{kutip(nilai.iloc[i])}' "
                                          f"{salah[nilai.iloc[i]]}")


def _periksa_kolom_lain(kolom: pd.Series, nama: str, sel: _Sel) -> None:
    """A column that is not read (jam, an unknown one) still sits in the public
    repository: personal data in any of its cells is refused like anywhere else."""
    nilai = _rapi(kolom)
    salah = {v: j for v in nilai.dropna().unique() if (j := jenis_data_pribadi(v))}
    if salah:
        buruk = np.flatnonzero(nilai.isin(list(salah)).fillna(False).to_numpy())
        sel.galat(buruk, nama, lambda i: f"kolom '{nama}' berisi data pribadi "
                  f"({salah[nilai.iloc[i]]}): hapus isinya (berkas data masuk ke repositori "
                  "publik)")


def _periksa_teks_bebas(kolom: pd.Series, nama: str, sel: _Sel) -> None:
    nilai = _rapi(kolom)
    salah = {v: a for v in nilai.dropna().unique() if (a := alasan_teks_terlarang(v))}
    if salah:
        buruk = np.flatnonzero(nilai.isin(list(salah)).fillna(False).to_numpy())
        sel.galat(buruk, nama, lambda i: f"{nama} {salah[nilai.iloc[i]]}")
