"""Differential check: the loader's fast CSV path must equal its pandas path, byte for byte.

``skm_build.kontrak.muat_csv._csv_bersih`` accepts only files that are clean beyond doubt and
returns None for anything else, so that the pandas path (which words every problem with its line)
takes over. This script writes thousands of small respondent files — clean ones and ones
bent in the ways spreadsheets and people bend them (``;``, BOM, CRLF, lone CR, quotes,
padded values, ragged or blank lines, bad answers, ages and dates, header quirks, ties in
the counts) — and runs ``_muat_csv`` on each twice: as is, and with the fast path switched
off. The problems reported (text, order) and the returned tallies, profile and per-service
tallies (including dict order) must be identical.

    python bench/setara.py [--kasus 4000] [--benih 1]
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
from datetime import date
from pathlib import Path

from skm_build.kontrak import muat_csv as muat
from skm_build.kontrak.masalah import DaftarMasalah
from skm_build.kontrak.model import Periode

PER = Periode("2025-s1", "Semester I 2025", date(2025, 1, 1), date(2025, 6, 30),
              date(2025, 7, 21))
KOLOM = ["tanggal", "jenis_kelamin", "usia", "pendidikan", "pekerjaan", "layanan",
         "u1", "u2", "u3", "u4", "u5", "u6", "u7", "u8", "u9"]

JAWABAN = ["1", "2", "3", "4", "", "", "0", "5", "3.0", "3.5", " 3", "3 ", "x", "nan",
           "NA", "-1", "+3", "03", "\uff13", "1e0", "True", "4.", " ", "\t2"]
USIA = ["15", "100", "40", "27", "", "14", "101", "40.0", "040", " 40", "40 ", "abc",
        "\u0664\u0660", "-", "nan"]
TANGGAL = ["2025-01-01", "2025-06-30", "2025-03-15", "", "2024-12-31", "2025-07-01",
           "2025-02-30", "2025-1-5", " 2025-01-05", "2025-01-05 ", "05/01/2025",
           "\uff12\uff10\uff12\uff15-01-05", "2025-01-05T00:00"]
KELAMIN = ["L", "P", "l", "p", "", " L", "P ", "X", "Laki-laki", "LP", "laki laki",
           "laki  laki", "Perempuan", "WANITA", "pria "]
PENDIDIKAN = ["SD", "SMP", "SMA", "SLTA", "slta", "D1-D3", "D3", "S1", "D4", "S2", "S3", "",
              "SMK", " S1", "Sarjana", "s1 ", "MTs", "magister", "D 3", "Doktor"]
PEKERJAAN = ["PNS", "TNI", "POLRI", "Swasta", "Wirausaha", "Lainnya", "pns", "", "Petani",
             "swasta ", "LAINNYA", "Pegawai Negeri", "pegawai  negeri", "ASN", "lain-lain"]
LAYANAN = ["KTP", "Izin usaha", "", "ktp", "Izin  Usaha", "Konsultasi; lanjutan",
           "Surat, keterangan", "a\tb", " x ", "KTP "]
BERSIH = {"u": ["1", "2", "3", "4", "4", "3", "3", ""], "usia": ["15", "100", "40", "27", ""],
          "tanggal": ["2025-01-01", "2025-06-30", "2025-03-15", ""],
          "jenis_kelamin": ["L", "P", "p", "", "Perempuan"],
          "pendidikan": ["SD", "SMA", "SLTA", "S1", "D4", "Sarjana"],
          "pekerjaan": ["PNS", "Swasta", "pns", "Pegawai Negeri"]}


def _nilai(r: random.Random, kolom: str, kotor: float) -> str:
    bersih = r.random() >= kotor
    if kolom in muat.KODE_UNSUR:
        return r.choice(BERSIH["u"] if bersih else JAWABAN)
    if kolom == "layanan":
        return r.choice(LAYANAN[:5] if bersih else LAYANAN)
    daftar = {"usia": USIA, "tanggal": TANGGAL, "jenis_kelamin": KELAMIN,
              "pendidikan": PENDIDIKAN, "pekerjaan": PEKERJAAN}[kolom]
    return r.choice(BERSIH[kolom] if bersih else daftar)


def _kasus(r: random.Random) -> tuple[bytes, tuple[str, ...]]:
    """One respondent file and the unsur it declares not applicable."""
    kotor = r.choice([0.0, 0.0, 0.0, 0.01, 0.05, 0.3])
    q = r.choice([0.0, 1.0])  # 0: well-formed file (only the values vary), 1: bent structure
    kolom = [k for k in KOLOM if k in muat.KODE_UNSUR or r.random() < 0.8]
    if r.random() < 0.3:
        r.shuffle(kolom)
    judul = list(kolom)
    if r.random() < 0.1 * q:
        judul = [k.upper() if r.random() < 0.5 else k for k in judul]
    if r.random() < 0.05 * q:
        i = r.randrange(len(judul))
        judul[i] = r.choice([" ", "", "  "]) + judul[i] + r.choice(["", " "])
    if r.random() < 0.05 * q:
        judul.append(r.choice(["catatan", "nama", "Saran", "u1", "", "hp"]))
    if r.random() < 0.03 * q:
        judul.remove(r.choice([k for k in judul if k.lower() in muat.KODE_UNSUR]))
    n = r.choice([0, 1, 2, 3, 5, 8, 12, 30]) if r.random() < 0.2 else r.randint(1, 12)
    baris = []
    for _ in range(n):
        sel = [_nilai(r, k.strip().lower(), kotor) if k.strip().lower() in KOLOM else "x"
               for k in judul]
        if r.random() < 0.03 * q:
            sel.append(r.choice(["", "3"]))
        if r.random() < 0.03 * q and len(sel) > 1:
            sel.pop()
        if r.random() < 0.02 * q:
            sel = [""] * len(sel)
        baris.append(sel)
    if r.random() < 0.08 and baris:  # ties in the counts
        jk = [i for i, k in enumerate(judul) if k.lower() == "jenis_kelamin"]
        for j, sel in enumerate(baris):
            for i in jk:
                if i < len(sel):
                    sel[i] = "PL"[j % 2] if len(baris) % 2 == 0 else "LP"[j % 2]
    pemisah = ";" if r.random() < 0.25 else ","

    def sel_teks(v: str) -> str:
        if r.random() < 0.02 * q or (pemisah in v and r.random() < 0.7):
            return '"' + v.replace('"', '""') + '"'
        return v

    baris_teks = [pemisah.join(judul)] + [pemisah.join(map(sel_teks, s)) for s in baris]
    if r.random() < 0.04 * q:
        baris_teks.insert(r.randint(1, len(baris_teks)), r.choice(["", " ", "\t",
                                                                   pemisah * (len(judul) - 1)]))
    akhir = r.choice(["\n", "\r\n", "\r", "", "\n\n"] if q else ["\n", "\n", "\r\n"])
    teks = akhir.join(baris_teks) + r.choice([akhir, akhir, ""])
    if r.random() < 0.03 * q:
        teks = teks.replace("\n", "\r\n", 1)
    data = teks.encode()
    if r.random() < 0.15:
        data = b"\xef\xbb\xbf" + data
    if r.random() < 0.01 * q:
        data = b"\xef\xbb\xbf\xef\xbb\xbf" + data
    tidak = tuple(sorted(r.sample(muat.KODE_UNSUR, r.choice([0, 0, 0, 1, 2]))))
    return data, tidak


def _jalankan(berkas: Path, tidak: tuple[str, ...]) -> tuple[str, list[str]]:
    m = DaftarMasalah(berkas.parent)
    try:
        hasil = muat.muat_csv(berkas, PER, tidak, m)
    except Exception as e:  # a crash must be the same crash on both paths
        hasil = f"{type(e).__name__}: {e}"
    return repr(hasil), [repr(x) for x in m.semua]


def main() -> int:
    p = argparse.ArgumentParser(description="fast CSV path == pandas path")
    p.add_argument("--kasus", type=int, default=4000)
    p.add_argument("--benih", type=int, default=1)
    a = p.parse_args()
    r = random.Random(a.benih)
    asli = muat._csv_bersih
    berbeda = cepat = 0

    def terhitung(*args: object) -> object:
        nonlocal cepat
        hasil = asli(*args)
        cepat += hasil is not None
        return hasil

    with tempfile.TemporaryDirectory() as tmp:
        berkas = Path(tmp) / "unit.csv"
        for i in range(a.kasus):
            data, tidak = _kasus(r)
            berkas.write_bytes(data)
            muat._csv_bersih = terhitung
            dengan = _jalankan(berkas, tidak)
            muat._csv_bersih = lambda *_: None
            tanpa = _jalankan(berkas, tidak)
            muat._csv_bersih = asli
            if dengan != tanpa:
                berbeda += 1
                if berbeda <= 5:
                    print(f"--- kasus {i} berbeda (tidak_berlaku={tidak}):\n{data!r}\n"
                          f"cepat : {dengan}\npandas: {tanpa}\n")
    print(f"{a.kasus} cases, {cepat} taken by the fast path, {berbeda} differing")
    return 1 if berbeda else 0


if __name__ == "__main__":
    sys.exit(main())
