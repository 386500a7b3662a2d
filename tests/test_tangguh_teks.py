"""Hostile corpus, class 6: ids, text and dates that cannot break an output.

An id with a trailing newline, characters XML cannot carry (the workbook and the letter
are XML), text that Markdown reads as markup (a sign-off title ``---``), a newline in a
YAML key (a plain-mode report must not print a line GitHub reads as a workflow
command), years no one means (``9999``, ``0000``) and a sign-off dated before its period
ended: each is refused at the door with ``file:line`` and exit 1 (2 for a wrong
command line), or published inertly — never a traceback, never a broken file.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest
from conftest import KABUPATEN, OPD, PERIODE, tulis
from tangguh import proyek_kecil, satu_baris, skm

from skm_build.cli import main


def q(teks: str) -> str:
    return json.dumps(teks, ensure_ascii=True)


def jalankan(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    capsys.readouterr()
    try:
        kode = main(list(argv))
    except SystemExit as e:
        kode = e.code
    k = capsys.readouterr()
    assert "Traceback" not in k.out + k.err
    return kode, k.out, k.err


# --- ids --------------------------------------------------------------------------------------


@pytest.mark.parametrize(("berkas", "asli", "baris"), [
    ("opd.yaml", "id: dukcapil", 1), ("opd.yaml", "id: kecamatan-jaten", 5),
    ("periode.yaml", "id: 2025-s1", 1), ("periode.yaml", "id: 2025-s2", 6),
])
@pytest.mark.parametrize("ekor", ["\n", "\r\n", "\r", "\u2028", "\x85", " ", "\t", "\u00a0"])
def test_id_berekor_baris_baru_atau_spasi_ditolak_dengan_letak(data: Path, capsys, berkas: str,
                                                             asli: str, baris: int,
                                                             ekor: str) -> None:
    isi = {"opd.yaml": OPD, "periode.yaml": PERIODE}[berkas]
    ident = asli.split(": ")[1]
    tulis(data, berkas, isi.replace(asli, f"id: {q(ident + ekor)}"))
    kode, _, err = jalankan(capsys, "check", "--data", str(data))
    assert kode == 1
    assert f"{berkas}:{baris}" in err


# --- characters XML cannot carry ----------------------------------------------------------------

TAK_SAH_XML = ["\\v", "\\e", "\\0", "\\b", "\\x01", "\\x1f", "\\uFFFE", "\\uFFFF", "\\uD800"]
BIDANG_XML = {
    "kabupaten.nama": ("kabupaten.yaml", lambda s: KABUPATEN.replace(
        "nama: Kabupaten Uji", f'nama: "Kabupaten {s}Uji"'), 1),
    "opd.nama": ("opd.yaml", lambda s: OPD.replace(
        "nama: Kecamatan Jaten", f'nama: "Kecamatan {s}Jaten"'), 6),
    "periode.nama": ("periode.yaml", lambda s: PERIODE.replace(
        "nama: Semester I 2025", f'nama: "Semester {s}I 2025"'), 2),
    "tindak_lanjut.kegiatan": ("survei/2025-s1/dukcapil.yaml", lambda s: (
        "diterima: 2025-07-10\ntindak_lanjut:\n  - unsur: u1\n"
        f'    kegiatan: "Loket {s}baru"\n    waktu: Juli\n    penanggung_jawab: Kabid\n'), 4),
}


@pytest.mark.parametrize("bidang", list(BIDANG_XML))
@pytest.mark.parametrize("lolos", TAK_SAH_XML)
def test_karakter_yang_tidak_sah_di_xml_ditolak_dengan_letak(data: Path, capsys, bidang: str,
                                                            lolos: str) -> None:
    relatif, isi, baris = BIDANG_XML[bidang]
    tulis(data, relatif, isi(lolos))
    kode, _, err = jalankan(capsys, "check", "--data", str(data))
    assert kode == 1, err
    assert f"{relatif.rsplit('/', 1)[-1]}:{baris}" in err


@pytest.mark.parametrize("karakter", ["\x0b", "\x1b", "\x08", "\x7f\x01", "\ufffe"])
def test_karakter_kendali_di_sel_csv_ditolak_dengan_baris(data: Path, capsys,
                                                         karakter: str) -> None:
    tulis(data, "survei/2025-s1/dukcapil.csv",
          "u1,u2,u3,u4,u5,u6,u7,u8,u9,saran\n" + "3,3,3,3,3,3,3,3,3,baik\n"
          + f"3,3,3,3,3,3,3,3,3,lebih{karakter}cepat\n")
    kode, _, err = jalankan(capsys, "check", "--data", str(data))
    assert kode == 1
    assert "dukcapil.csv:3" in err


# --- problem messages stay one line ---------------------------------------------------------


@pytest.mark.parametrize("kunci", [
    "kunci\n::error file=x,line=1::palsu", "a\r::warning::palsu", "b\u2028::error::palsu",
    "c\x85::notice::palsu",
])
def test_baris_baru_dalam_kunci_yaml_tidak_mencetak_perintah_github(data: Path, capsys,
                                                                   kunci: str) -> None:
    tulis(data, "kabupaten.yaml", KABUPATEN + f"{q(kunci)}: 1\n")
    _kode, out, err = jalankan(capsys, "check", "--data", str(data))
    assert satu_baris(out + err) == []


@pytest.mark.parametrize(("berkas", "isi"), [
    ("opd.yaml", OPD.replace("id: dukcapil", 'id: "duk\\ncapil\\n::error::x"')),
    ("periode.yaml", PERIODE.replace("nama: Semester I 2025", 'nama: "a\\n::error::x"')),
    ("survei/2025-s1/dukcapil.yaml", 'populasi: "1\\n::error::x"\n'),
    ("survei/2025-s1/dukcapil.csv",
     'u1,u2,u3,u4,u5,u6,u7,u8,u9\n"7\n::error::x",3,3,3,3,3,3,3,3\n'),
    ("survei/2025-s1/dukcapil.csv",
     'u1,u2,u3,u4,u5,u6,u7,u8,u9,"x\n::error::y"\n3,3,3,3,3,3,3,3,3,1\n'),
])
def test_setiap_pesan_masalah_satu_baris(data: Path, capsys, berkas: str, isi: str) -> None:
    tulis(data, berkas, isi)
    _, out, err = jalankan(capsys, "check", "--data", str(data))
    assert satu_baris(out + err) == []
    for b in err.splitlines():
        assert not b or b[0] in " \n" or re.match(r"^(data|/|Data|skm|\w)", b), b


# --- years and dates -------------------------------------------------------------------------


@pytest.mark.parametrize("argv", [
    ("9999-s2",), ("0000",), ("0001-s1",), ("1999",), ("2101-tw4",), ("9999",),
    ("2026-s1", "--selesai", "9999-12-31"), ("2026-s1", "--mulai", "0001-01-01"),
    ("2026-s1", "--batas", "9999-12-31"), ("2026", "--nama", "X", "--mulai", "9999-01-01",
                                           "--selesai", "9999-12-31"),
])
def test_tahun_di_luar_jangkauan_ditolak_dengan_pesan_jelas(data: Path, capsys,
                                                           argv: tuple[str, ...]) -> None:
    sebelum = (data / "periode.yaml").read_bytes()
    kode, _, err = jalankan(capsys, "periode", "baru", *argv, "--data", str(data))
    assert kode in (1, 2)
    assert "tahun" in err.lower()
    assert (data / "periode.yaml").read_bytes() == sebelum


@pytest.mark.parametrize(("asli", "ganti"), [
    ("mulai: 2025-01-01", "mulai: 1900-01-01"), ("selesai: 2025-12-31", "selesai: 9999-12-31"),
    ("batas_laporan: 2026-01-21", "batas_laporan: 9999-12-31"),
    ("mulai: 2025-07-01", "mulai: 0001-01-01"),
])
def test_tanggal_periode_di_luar_jangkauan_ditolak(data: Path, capsys, asli: str,
                                                   ganti: str) -> None:
    tulis(data, "periode.yaml", PERIODE.replace(asli, ganti))
    kode, _, err = jalankan(capsys, "check", "--data", str(data))
    assert kode == 1
    assert "periode.yaml:" in err and "tahun" in err.lower()


@pytest.mark.parametrize("tanggal", ["9999-12-31", "1970-01-01"])
def test_tanggal_diterima_di_luar_jangkauan_ditolak(data: Path, capsys, tanggal: str) -> None:
    tulis(data, "survei/2025-s1/dukcapil.yaml", f"diterima: {tanggal}\n")
    kode, _, err = jalankan(capsys, "check", "--data", str(data))
    assert kode == 1
    assert "dukcapil.yaml:1" in err


@pytest.mark.parametrize("tanggal", ["2025-06-29", "2025-01-01", "2024-12-31"])
def test_pengesahan_sebelum_periode_berakhir_ditolak(data: Path, capsys, tanggal: str) -> None:
    tulis(data, "periode.yaml", PERIODE.replace(
        "batas_laporan: 2025-07-21\n", "batas_laporan: 2025-07-21\n  pengesahan:\n"
        f"    nama: Drs. Hadi\n    jabatan: Sekretaris Daerah\n    tanggal: {tanggal}\n"))
    kode, _, err = jalankan(capsys, "check", "--data", str(data))
    assert kode == 1
    assert "periode.yaml:9" in err


def test_pengesahan_pada_hari_terakhir_periode_diterima(data: Path, capsys) -> None:
    tulis(data, "periode.yaml", PERIODE.replace(
        "batas_laporan: 2025-07-21\n", "batas_laporan: 2025-07-21\n  pengesahan:\n"
        "    nama: Drs. Hadi\n    jabatan: Sekretaris Daerah\n    tanggal: 2025-07-01\n"))
    _, _, err = jalankan(capsys, "check", "--data", str(data))
    assert "tanggal pengesahan" not in err  # (nip and sidik come from skm sahkan)


# --- a built site: Markdown-significant text stays text; datapackage names stay ASCII -----------

JABATAN = ["---", "***", "* * *", "___", "1. Sekretaris Daerah", "> Sekretaris", "- Sekretaris",
           "+ Sekretaris", "# Sekretaris", "Sekretaris  \\", "    Sekretaris"]


@pytest.fixture(scope="module", params=range(len(JABATAN)), ids=JABATAN)
def situs(request, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    jabatan = JABATAN[request.param]
    akar = proyek_kecil(tmp_path_factory.mktemp("teks") / "proyek")
    tulis(akar / "data", "kabupaten.yaml", KABUPATEN.replace(
        "nama: Kabupaten Uji", "nama: Kabupaten Pidië Jaya – Açeh"))
    r = skm(akar, "sahkan", "--periode", "2025-s1", "--nama", "Drs. Hadi", "--nip",
            "196801011990031001", f"--jabatan={jabatan}", "--tanggal", "2025-08-18")
    assert r.kode == 0, r.err
    r = skm(akar, "build")
    assert r.kode == 0, r.err
    return akar / "site", jabatan


def test_jabatan_pengesahan_tampil_sebagai_teks_bukan_markup(situs) -> None:
    folder, jabatan = situs
    halaman = (folder / "laporan/2025-s1/index.html").read_text(encoding="utf-8")
    blok = halaman[halaman.index("skm-tanda-tangan"):]
    blok = blok[:blok.index("</div>")]
    assert "<hr" not in blok and "<h" not in blok and "<ol" not in blok and "<ul" not in blok
    assert "<blockquote" not in blok and "<pre" not in blok
    teks = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", blok)).split())
    assert " ".join(jabatan.split()).strip(" \\") in teks


def test_nama_datapackage_ascii_sesuai_frictionless(situs) -> None:
    folder, _ = situs
    paket = json.loads((folder / "data/2025-s1/datapackage.json").read_text(encoding="utf-8"))
    assert re.fullmatch(r"[a-z0-9._-]+", paket["name"]), paket["name"]
    assert "pidie-jaya-aceh" in paket["name"]
    for sumber in paket["resources"]:
        assert re.fullmatch(r"[a-z0-9._-]+", sumber["name"])


def test_bangun_gagal_bila_id_berekor_baris_baru_dengan_letak(tmp_path: Path) -> None:
    akar = proyek_kecil(tmp_path / "proyek")
    tulis(akar / "data", "opd.yaml", OPD.replace("id: kecamatan-jaten",
                                                 'id: "kecamatan-jaten\\n"'))
    r = skm(akar, "build")
    assert r.kode == 1
    assert "opd.yaml:5" in r.err
