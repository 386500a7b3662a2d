"""Hostile corpus, class 2: personal data in any spelling never reaches the site.

Every spelling of a phone number, a NIK and an e-mail address that a person or a
spreadsheet produces (other digit scripts, full-width forms, invisible characters, odd
separators, "at"/"dot" written out) is refused in every field that is published: the
kabupaten, units, periods, the sign-off, follow-up plans, every cell of a respondent CSV
(known or unknown column) and the ids that become URLs. Unknown CSV columns whose header
names a person are refused too. Ordinary text that only looks numeric still passes.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from conftest import CSV_DUKCAPIL, KABUPATEN, OPD, PERIODE, tulis

from skm_build.cli import main

TELEPON = [
    "081234567890", "0812 3456 7890", "0812-3456-7890", "0812.3456.7890", "0812/3456/7890",
    "08-12-34-56-78-90", "0812 - 3456 - 7890", "(0812) 3456-7890", "+62 812 3456 7890",
    "+62-812-3456-7890", "+62812 3456 7890", "62 812-3456-7890", "0 8 1 2 3 4 5 6 7 8 9 0",
    "０８１２３４５６７８９０", "０８１２－３４５６－７８９０", "٠٨١٢٣٤٥٦٧٨٩٠", "۰۸۱۲۳۴۵۶۷۸۹۰",
    "०८१२३४५६७८९०", "0812\u200b3456\u200b7890", "0812\u00ad3456\u00ad7890",
    "0812\u00a03456\u00a07890", "0812\u20113456\u20117890", "0812\u20603456\u20607890",
    "0812\u202f3456\u202f7890", "＋６２ ８１２ ３４５６ ７８９０", "0812\u20133456\u20137890",
]
NIK = [
    "3313012345678901", "33.13.01.234567.8901", "3313 0123 4567 8901", "3313-01-234567-8901",
    "33 13 01 234567 8901", "3313/01/234567/8901", "3313\u00a00123\u00a04567\u00a08901",
    "3313\u200b012345678901", "３３１３０１２３４５６７８９０１", "٣٣١٣٠١٢٣٤٥٦٧٨٩٠١",
    "3313\u00ad0123\u00ad4567\u00ad8901", "3313012345\u2063678901",
]
EMAIL = [
    "budi@gmail.com", "budi at gmail dot com", "budi AT gmail DOT com", "budi (at) gmail.com",
    "budi(at)gmail(dot)com", "budi [at] gmail [dot] com", "budi＠gmail.com", "budi @ gmail.com",
    "budi ＠ gmail．com", "bu\u200bdi@gmail.com", "budi@gmail\u200b.com", "budi {at} gmail.com",
    "budi at gmail.com", "budi.santoso@pemkab.karanganyar.go.id",
]
SEMUA = ([("telepon", t) for t in TELEPON] + [("NIK", n) for n in NIK]
         + [("email", e) for e in EMAIL])

# Text that only looks numeric: years, money, dates, letter numbers, office hours.
BIASA = [
    "Semester I 2025", "Tahun 2024-2025", "Rp 1.500.000", "2025 2026 2027 2028",
    "SK No. 060/123/2025", "jam 08.00 s.d. 15.00", "Layanan KTP-el", "Jl. Lawu No. 385",
    "tanggal 08-12-2025", "Kode pos 57712", "Ruang 3, lantai 2", "Rapat at Kantor Bupati",
]


def q(teks: str) -> str:
    return json.dumps(teks, ensure_ascii=False)


def csv_dengan(kolom: str, nilai: str) -> str:
    baris = list(csv.reader(io.StringIO(CSV_DUKCAPIL)))
    baris[0].append(kolom)
    for b in baris[1:]:
        b.append(nilai)
    keluar = io.StringIO()
    csv.writer(keluar, lineterminator="\n").writerows(baris)
    return keluar.getvalue()


PENGESAHAN = "  pengesahan:\n    nama: {nama}\n    jabatan: {jabatan}\n    tanggal: 2025-08-18\n"
TINDAK = ("diterima: 2025-07-10\npopulasi: 4\ntindak_lanjut:\n  - unsur: u3\n"
          "    kegiatan: {kegiatan}\n    waktu: {waktu}\n    penanggung_jawab: {pj}\n"
          "    status: rencana\n")


def _periode_sah(**isi: str) -> str:
    baku = {"nama": q("Drs. Hadi Pranoto"), "jabatan": q("Sekretaris Daerah")}
    return PERIODE.replace("batas_laporan: 2025-07-21\n", "batas_laporan: 2025-07-21\n"
                           + PENGESAHAN.format(**{**baku, **isi}))


def _tindak(**isi: str) -> str:
    baku = {"kegiatan": q("Menambah loket"), "waktu": q("Triwulan III"),
            "pj": q("Kepala Bidang")}
    return TINDAK.format(**{**baku, **isi})


# field → how to put the text into the data folder (relative path, file content)
BIDANG = {
    "kabupaten.nama": lambda t: ("kabupaten.yaml", KABUPATEN.replace(
        "nama: Kabupaten Uji", f"nama: {q('Kabupaten Uji ' + t)}")),
    "kabupaten.penyusun": lambda t: ("kabupaten.yaml", KABUPATEN.replace(
        "penyusun: Bagian Organisasi", f"penyusun: {q('Bagian Organisasi ' + t)}")),
    "opd.nama": lambda t: ("opd.yaml", OPD.replace("nama: Kecamatan Jaten",
                                                   f"nama: {q('Kecamatan Jaten ' + t)}")),
    "periode.nama": lambda t: ("periode.yaml", PERIODE.replace(
        "nama: Semester II 2025", f"nama: {q('Semester II 2025 ' + t)}")),
    "pengesahan.nama": lambda t: ("periode.yaml", _periode_sah(nama=q("Drs. Hadi " + t))),
    "pengesahan.jabatan": lambda t: ("periode.yaml",
                                     _periode_sah(jabatan=q("Sekretaris Daerah " + t))),
    "tindak_lanjut.kegiatan": lambda t: ("survei/2025-s1/dukcapil.yaml",
                                         _tindak(kegiatan=q("Hubungi " + t))),
    "tindak_lanjut.penanggung_jawab": lambda t: ("survei/2025-s1/dukcapil.yaml",
                                                 _tindak(pj=q("Kabid " + t))),
    "csv.layanan": lambda t: ("survei/2025-s1/dukcapil.csv", csv_dengan("layanan", "KTP " + t)),
    "csv.kolom_tak_dikenal": lambda t: ("survei/2025-s1/dukcapil.csv",
                                        csv_dengan("catatan", "hubungi " + t)),
}


def ditulis_impor(data: Path) -> list[Path]:
    """Every file ``skm import`` wrote for kecamatan-jaten: data/ and kiriman/."""
    return [b for b in sorted(data.parent.rglob("*kecamatan-jaten*")) if b.is_file()
            and b.name != "kiriman.csv"]


def check(capsys: pytest.CaptureFixture[str], data: Path) -> tuple[int, str]:
    capsys.readouterr()
    kode = main(["check", "--data", str(data)])
    k = capsys.readouterr()
    assert "Traceback" not in k.out + k.err
    return kode, k.out + k.err


@pytest.mark.parametrize("bidang", list(BIDANG))
@pytest.mark.parametrize(("jenis", "teks"), SEMUA, ids=[f"{j}-{i}" for i, (j, _) in
                                                       enumerate(SEMUA)])
def test_data_pribadi_dalam_ejaan_apa_pun_ditolak_di_setiap_bidang(
        data: Path, capsys, bidang: str, jenis: str, teks: str) -> None:
    relatif, isi = BIDANG[bidang](teks)
    tulis(data, relatif, isi)
    kode, keluaran = check(capsys, data)
    assert kode == 1, keluaran
    assert "data pribadi" in keluaran
    assert relatif.rsplit("/", 1)[-1] in keluaran


@pytest.mark.parametrize("bidang", list(BIDANG))
@pytest.mark.parametrize("teks", BIASA)
def test_teks_biasa_yang_mirip_angka_tetap_diterima(data: Path, capsys, bidang: str,
                                                   teks: str) -> None:
    relatif, isi = BIDANG[bidang](teks)
    tulis(data, relatif, isi)
    kode, keluaran = check(capsys, data)
    # a sign-off written by hand lacks nip/sidik (skm sahkan writes them): only the
    # personal-data verdict is asserted there
    if bidang == "csv.kolom_tak_dikenal" or bidang.startswith("pengesahan."):
        assert "data pribadi" not in keluaran
    else:
        assert kode == 0, keluaran


@pytest.mark.parametrize("ident", ["kontak-081234567890", "nik-3313012345678901",
                                   "wa-6281234567890", "3313012345678901"])
def test_id_unit_yang_membawa_data_pribadi_ditolak(data: Path, capsys, ident: str) -> None:
    tulis(data, "opd.yaml", OPD.replace("id: kecamatan-jaten", f"id: {ident}"))
    kode, keluaran = check(capsys, data)
    assert kode == 1
    assert "opd.yaml:5" in keluaran and "data pribadi" in keluaran


@pytest.mark.parametrize("judul", [
    "Nama responden (opsional)", "Nomor HP (WhatsApp)", "identitas", "Surel", "No. WA",
    "E-mail Address", "Alamat rumah", "NIK / No. KTP", "Kontak yang bisa dihubungi",
    "Nama Lengkap", "Telp.", "no hp/wa", "Identitas Responden", "Username", "Email",
    "Nomor Induk Kependudukan", "Nama (boleh dikosongkan)", "Tanda tangan", "No. Telepon/HP",
])
def test_kolom_csv_yang_judulnya_menyebut_orang_ditolak(data: Path, capsys, judul: str) -> None:
    tulis(data, "survei/2025-s1/dukcapil.csv", csv_dengan(judul, ""))
    kode, keluaran = check(capsys, data)
    assert kode == 1, keluaran
    assert "data pribadi" in keluaran and "dukcapil.csv:1" in keluaran


@pytest.mark.parametrize(("jenis", "teks"), SEMUA, ids=[f"{j}-{i}" for i, (j, _) in
                                                       enumerate(SEMUA)])
def test_impor_menyamarkan_data_pribadi_di_saran_dalam_ejaan_apa_pun(
        data: Path, capsys, tmp_path: Path, jenis: str, teks: str) -> None:
    kiriman = tulis(tmp_path, "kiriman.csv", csv_dengan("saran", "tolong hubungi " + teks))
    capsys.readouterr()
    kode = main(["import", str(kiriman), "--opd", "kecamatan-jaten", "--periode", "2025-s1",
                 "--data", str(data)])
    k = capsys.readouterr()
    assert kode == 0, k.err
    ditulis = "".join(b.read_text(encoding="utf-8") for b in ditulis_impor(data))
    assert "tolong hubungi" in ditulis  # the suggestions file staff read
    inti = "".join(c for c in teks if c.isalnum())
    assert inti not in "".join(c for c in ditulis if c.isalnum())


@pytest.mark.parametrize("judul", ["Nomor HP (WhatsApp)", "identitas", "catatan"])
def test_impor_kolom_berisi_data_pribadi_disebut_dan_dibuang(data: Path, capsys,
                                                             tmp_path: Path, judul: str) -> None:
    kiriman = tulis(tmp_path, "kiriman.csv", csv_dengan(judul, "0812-3456-7890"))
    capsys.readouterr()
    kode = main(["import", str(kiriman), "--opd", "kecamatan-jaten", "--periode", "2025-s1",
                 "--data", str(data)])
    k = capsys.readouterr()
    assert kode == 0, k.err
    assert "data pribadi" in k.out.lower()
    ditulis = "".join(b.read_text(encoding="utf-8") for b in ditulis_impor(data))
    assert "3456" not in ditulis
