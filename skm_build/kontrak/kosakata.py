"""The vocabulary of the data contract: ids, categories, profile bands and limits.

One registry for every word a data file may use, so the loader, ``skm import``, the OPD
template and the pages accept and show exactly the same spellings and orders. Nothing
here reads a file.
"""

from __future__ import annotations

import re

from skm_build.aturan.ikm import KODE_UNSUR

POLA_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
POLA_PERIODE = re.compile(r"^\d{4}(-(s[12]|tw[1-4]|0[1-9]|1[0-2]))?$")
# How a period id is written, for every message that refuses one.
BENTUK_PERIODE = "TTTT, TTTT-s1/s2, TTTT-tw1..tw4 atau TTTT-BB (bulan 01–12)"
JENIS_OPD = ("dinas", "badan", "sekretariat", "kecamatan", "kelurahan", "puskesmas", "rsud",
             "lainnya")
STATUS_TINDAK_LANJUT = ("rencana", "berjalan", "selesai")
POLA_NIP = re.compile(r"^\d{18}$")  # Nomor Induk Pegawai: 18 digits, no spaces
POLA_SIDIK = re.compile(r"^[0-9a-f]{64}$")  # SHA-256 in hex, as skm sahkan writes it
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


# The profile groups as pages title them, in questionnaire order.
KELOMPOK_PROFIL = (
    ("jenis_kelamin", "Jenis kelamin"),
    ("usia", "Usia (tahun)"),
    ("pendidikan", "Pendidikan"),
    ("pekerjaan", "Pekerjaan"),
)

KOLOM_PROFIL = ("tanggal", "jam", "jenis_kelamin", "usia", "pendidikan", "pekerjaan",
                "layanan", "saran")
KOLOM_DIKENAL = (*KODE_UNSUR, *KOLOM_PROFIL)
KOLOM_DIBACA = (*KODE_UNSUR, "tanggal", "jenis_kelamin", "usia", "pendidikan", "pekerjaan")
# Counts above this are typing errors, not survey data (Indonesia has ~280 million people).
CACAH_MAKS = 10**9
ID_MAKS = 64  # ids become URLs and file names
# A service with fewer respondents than this gets no published value (kabupaten.yaml
# ``minimum_responden_layanan``): a handful of answers could point at the people who gave
# them, and is noise, not a verdict on the service.
MINIMUM_RESPONDEN_LAYANAN = 5
KOLOM_TEKS = ("layanan", "saran")  # free text: the repository is public, so it is checked
KOLOM_MAKS = 100  # the contract names 17 columns; thousands are a wrong or hostile file
SEL_MAKS_PER_KOLOM = 10  # beyond this, one summary line per column keeps the report readable
UKURAN_CSV_MAKS = 512 * 1024 * 1024


def urut_kategori(hitung: dict[str, int], urutan: tuple[str, ...]) -> dict[str, int]:
    """Category counts in the order the questionnaire lists them."""
    return {k: hitung[k] for k in urutan if k in hitung}

