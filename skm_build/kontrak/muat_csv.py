"""The respondent CSV (survei/<periode>/<opd>.csv), reduced to tallies and profile counts.

Nearly every committed file is clean, so a fast path with plain ``str`` methods takes the
files that are clean beyond doubt; every other file goes to the careful pandas path in
:mod:`.csv_teliti`, which words each problem with its line.
"""

from __future__ import annotations

import csv
import functools
import itertools
import operator
import re
from collections import Counter
from datetime import date
from pathlib import Path

from skm_build.alat.rekaman_csv import pemisah_judul
from skm_build.alat.yaml_bertanda import kutip
from skm_build.aturan.ikm import KODE_UNSUR, Tally
from skm_build.kontrak.berkas import baca_teks
from skm_build.kontrak.kosakata import (
    JENIS_KELAMIN,
    KOLOM_DIBACA,
    KOLOM_DIKENAL,
    KOLOM_MAKS,
    KOLOM_TEKS,
    PEKERJAAN,
    PENDIDIKAN,
    PITA_USIA,
    UKURAN_CSV_MAKS,
    URUTAN_JENIS_KELAMIN,
    URUTAN_PEKERJAAN,
    URUTAN_PENDIDIKAN,
    URUTAN_PROFIL,
    USIA_MAKS,
    USIA_MIN,
    urut_kategori,
)
from skm_build.kontrak.layanan import gabung_layanan
from skm_build.kontrak.masalah import DaftarMasalah
from skm_build.kontrak.model import BacaanCsv, Layanan, Periode, Profil
from skm_build.kontrak.pribadi import kolom_pribadi
from skm_build.kontrak.teks_publik import mungkin_terlarang

# The csv module refuses fields over 128 KB with an exception; pandas reads them. Finding
# line numbers must not crash on a file pandas accepted (a 2 MB saran cell).
csv.field_size_limit(max(csv.field_size_limit(), UKURAN_CSV_MAKS))


def muat_csv(berkas: Path, per: Periode, tidak_berlaku: tuple[str, ...],
             m: DaftarMasalah) -> BacaanCsv | None:
    """Validate one respondent file and reduce it to tallies, profile and service counts."""
    teks = baca_teks(berkas, m, UKURAN_CSV_MAKS)
    if teks is None:
        return None
    if not teks.strip():
        m.galat(berkas, 1, "berkas kosong: isi baris judul u1..u9 dan satu baris per responden")
        return None
    judul = re.match(r"[^\r\n]*", teks).group()  # LF, CRLF or (old Mac Excel) CR alone
    pemisah = pemisah_judul(judul)
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
_NILAI_SEL = {"": 0, "1": 1, "2": 2, "3": 3, "4": 4}  # a clean answer cell as a number
_LEBAR = len(_NILAI_SEL)
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
                per: Periode) -> BacaanCsv | None:
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
        if peta.get(asli) in KOLOM_TEKS and mungkin_terlarang("\0".join(set(sel[j::n]))):
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
    kolom = {peta.get(asli): j for j, asli in enumerate(nama_kolom)}
    layanan = () if "layanan" not in kolom else _layanan_bersih(sel, n, kolom)
    return len(baris), tally, profil, layanan


def _layanan_bersih(sel: list[str], n: int, kolom: dict[str | None, int]) -> tuple[Layanan, ...]:
    """Per-service tallies of a clean file (every row answers, see above).

    Each row's service becomes a number s (first written first) and each answer cell a
    (s × 5 + answer) integer, so every unsur is one Counter of small ints, counted in C —
    about twice as fast as walking the distinct rows, four times a Counter of pairs.
    """
    nama = sel[kolom["layanan"]::n]
    nomor: dict[str, int] = {}
    dasar = [nomor.setdefault(v, len(nomor)) * _LEBAR for v in nama]
    tally = [[[0, 0, 0, 0] for _ in KODE_UNSUR] for _ in nomor]
    for u, kode in enumerate(KODE_UNSUR):
        jawaban = map(_NILAI_SEL.__getitem__, sel[kolom[kode]::n])
        for kunci, c in Counter(map(operator.add, dasar, jawaban)).items():
            s, nilai = divmod(kunci, _LEBAR)
            if nilai:
                tally[s][u][nilai - 1] += c
    responden = Counter(nama)
    return gabung_layanan({v: (responden[v], dict(zip(KODE_UNSUR, map(tuple, tally[s]),
                                                      strict=True)))
                           for v, s in nomor.items()})


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
        elif baku == "saran":
            m.galat(berkas, 1, "kolom 'saran' berisi teks bebas responden, yang bisa memuat nama "
                    "dan alamat, dan repositori ini publik: pindahkan berkas ini ke folder "
                    "kiriman/ lalu impor dengan `skm import` (saran disimpan di kiriman/; yang "
                    "terbit hanya 'ringkasan_masukan' yang ditulis petugas)", kutip(asli))
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

