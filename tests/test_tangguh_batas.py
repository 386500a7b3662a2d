"""Hostile corpus, class 5: no file can make a command run long, eat memory or flood output.

Workbooks that are small on disk and huge inside (millions of rows, tens of thousands of
columns, a giant shared string, tens of thousands of parts), CSV files with a million
columns or one endless line, YAML alias bombs and deep nesting, and files with hundreds
of thousands of bad rows: each is refused (or reported) within seconds and a few hundred
MB, with a summary ("… dan N lainnya") instead of one line per problem. Peak memory of
``skm check`` on a large valid file is measured in bench/ (see bench/README.md).
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest
from conftest import tulis
from tangguh import data_kecil, skm

DETIK_MAKS = 30
MB_MAKS = 400
JUDUL = [f"u{i}" for i in range(1, 10)]

_JENIS = "application/vnd.openxmlformats-officedocument.spreadsheetml"
_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
_DOK = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_UTAMA = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


def xlsx(berkas: Path, baris: Iterable[str], lembar: int = 1,
         bagian_lain: dict[str, Iterable[bytes]] | None = None, kepala: str = "") -> Path:
    """A minimal workbook written by hand, streamed: its sheet XML can be any size."""
    with zipfile.ZipFile(berkas, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        jenis = _RELS.replace("relationships", "content-types")
        z.writestr("[Content_Types].xml", (
            f'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="{jenis}">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
            'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
            f'<Override PartName="/xl/workbook.xml" ContentType="{_JENIS}.sheet.main+xml"/>'
            + "".join(f'<Override PartName="/xl/worksheets/sheet{i}.xml" '
                      f'ContentType="{_JENIS}.worksheet+xml"/>' for i in range(1, lembar + 1))
            + "</Types>"))
        z.writestr("_rels/.rels", f'<Relationships xmlns="{_RELS}"><Relationship Id="rId1" '
                   f'Type="{_DOK}/officeDocument" Target="xl/workbook.xml"/></Relationships>')
        z.writestr("xl/workbook.xml", f'<workbook xmlns="{_UTAMA}" xmlns:r="{_DOK}"><sheets>'
                   + "".join(f'<sheet name="L{i}" sheetId="{i}" r:id="rId{i}"/>'
                             for i in range(1, lembar + 1)) + "</sheets></workbook>")
        z.writestr("xl/_rels/workbook.xml.rels", f'<Relationships xmlns="{_RELS}">'
                   + "".join(f'<Relationship Id="rId{i}" Type="{_DOK}/worksheet" '
                             f'Target="worksheets/sheet{i}.xml"/>' for i in range(1, lembar + 1))
                   + "</Relationships>")
        isi = list(baris)
        for i in range(1, lembar + 1):
            with z.open(f"xl/worksheets/sheet{i}.xml", "w", force_zip64=True) as f:
                f.write(f'<worksheet xmlns="{_UTAMA}">{kepala}<sheetData>'.encode())
                for potong in isi:
                    f.write(potong.encode())
                f.write(b"</sheetData></worksheet>")
        for nama, potongan in (bagian_lain or {}).items():
            with z.open(nama, "w", force_zip64=True) as f:
                for p in potongan:
                    f.write(p)
    return berkas


def sel_teks(teks: Iterable[str]) -> str:
    return "".join(f'<c t="inlineStr"><is><t>{t}</t></is></c>' for t in teks)


def baris_data(n: int, mulai: int = 2, per_potong: int = 20000) -> Iterator[str]:
    sel = "".join("<c><v>3</v></c>" for _ in JUDUL)
    for awal in range(mulai, mulai + n, per_potong):
        yield "".join(f'<row r="{r}">{sel}</row>'
                      for r in range(awal, min(awal + per_potong, mulai + n)))


def judul_xlsx() -> str:
    return f'<row r="1">{sel_teks(JUDUL)}</row>'


@pytest.fixture
def akar(tmp_path: Path) -> Path:
    data_kecil(tmp_path / "data")
    return tmp_path


def impor(akar: Path, berkas: str):
    return skm(akar, "import", berkas, "--opd", "kecamatan-jaten", "--periode", "2025-s1",
               "--tanpa-tanggal")  # the bombs carry no survey dates


def terbatas(r, baris_maks: int = 60) -> None:
    assert r.detik < DETIK_MAKS, f"{r.detik:.1f} s"
    assert not r.mb > MB_MAKS, f"{r.mb:.0f} MB"
    assert len(r.semua.splitlines()) <= baris_maks, r.semua[:3000]


# --- workbooks ------------------------------------------------------------------------------


def test_xlsx_dua_juta_baris_ditolak_cepat(akar: Path) -> None:
    xlsx(akar / "bom.xlsx", [judul_xlsx(), *baris_data(2_000_000)])
    assert (akar / "bom.xlsx").stat().st_size < 8 * 1024 * 1024
    r = impor(akar, "bom.xlsx")
    assert r.kode == 1
    terbatas(r)
    assert not (akar / "data/survei/2025-s1/kecamatan-jaten.csv").exists()


def test_xlsx_dua_puluh_ribu_kolom_ditolak_cepat(akar: Path) -> None:
    lebar = '<row r="1">' + sel_teks(JUDUL) + "<c><v>1</v></c>" * 20000 + "</row>"
    xlsx(akar / "lebar.xlsx", [lebar, *baris_data(5)])
    r = impor(akar, "lebar.xlsx")
    assert r.kode == 1
    terbatas(r)


def test_xlsx_string_bersama_raksasa_ditolak_sebelum_dibaca(akar: Path) -> None:
    besar = (b"<t>" + b"A" * (1 << 20) + b"</t>" for _ in range(600))
    xlsx(akar / "string.xlsx", [judul_xlsx(), *baris_data(5)], bagian_lain={
        "xl/sharedStrings.xml": [b'<sst xmlns="' + _UTAMA.encode() + b'"><si>', *besar,
                                 b"</si></sst>"]})
    r = impor(akar, "string.xlsx")
    assert r.kode == 1
    terbatas(r)
    assert "MB" in r.err or "terlalu besar" in r.err


def test_xlsx_banyak_lembar_ditolak_cepat(akar: Path) -> None:
    xlsx(akar / "lembar.xlsx", [judul_xlsx(), *baris_data(2_000)], lembar=400)
    r = impor(akar, "lembar.xlsx")
    assert r.kode == 1
    terbatas(r)


def test_xlsx_seratus_ribu_bagian_zip_ditolak_cepat(akar: Path) -> None:
    xlsx(akar / "bagian.xlsx", [judul_xlsx(), *baris_data(5)],
         bagian_lain={f"xl/media/x{i}.bin": [b"x"] for i in range(100_000)})
    r = impor(akar, "bagian.xlsx")
    assert r.kode == 1
    terbatas(r)


def test_xlsx_dimensi_palsu_tetapi_isi_kecil_tetap_diimpor(akar: Path) -> None:
    """A sheet that claims A1:XFD1048576 but holds 5 rows is no bomb: it imports."""
    xlsx(akar / "dimensi.xlsx", [judul_xlsx(), *baris_data(5)],
         kepala='<dimension ref="A1:XFD1048576"/>')
    r = impor(akar, "dimensi.xlsx")
    assert r.kode == 0, r.err
    terbatas(r)


def test_xlsx_rusak_bukan_zip_ditolak_dengan_pesan(akar: Path) -> None:
    tulis(akar, "rusak.xlsx", b"PK\x03\x04" + b"\0" * 1000)
    r = impor(akar, "rusak.xlsx")
    assert r.kode == 1
    terbatas(r, 5)


# --- CSV --------------------------------------------------------------------------------------


def test_impor_csv_sejuta_kolom_ditolak_cepat_dengan_laporan_pendek(akar: Path) -> None:
    judul = ",".join(JUDUL + [f"x{i}" for i in range(1_000_000)])
    tulis(akar, "lebar.csv", judul + "\n" + ",".join(["3"] * 9) + "\n")
    r = impor(akar, "lebar.csv")
    assert r.kode == 1
    terbatas(r)


def test_impor_csv_kolom_tak_dikenal_banyak_dilaporkan_ringkas(akar: Path) -> None:
    judul = ",".join(JUDUL + [f"x{i}" for i in range(90)])
    tulis(akar, "agak-lebar.csv", judul + "\n" + ",".join(["3"] * 9) + "\n")
    r = impor(akar, "agak-lebar.csv")
    terbatas(r, 60)
    assert "lainnya" in r.semua


def test_impor_csv_satu_baris_tanpa_akhir_ditolak_cepat(akar: Path) -> None:
    tulis(akar, "panjang.csv", ",".join(JUDUL) + "\n" + "3" * (40 * 1024 * 1024))
    r = impor(akar, "panjang.csv")
    assert r.kode == 1
    terbatas(r)


def test_check_csv_satu_baris_tanpa_akhir_ditolak_cepat(akar: Path) -> None:
    tulis(akar, "data/survei/2025-s1/dukcapil.csv",
          ",".join(JUDUL) + ",saran\n" + "3," * 9 + "a" * (40 * 1024 * 1024) + "\n")
    r = skm(akar, "check")
    assert r.kode == 1
    terbatas(r)
    assert "dukcapil.csv:2" in r.err


def test_check_csv_sejuta_kolom_ditolak_cepat(akar: Path) -> None:
    tulis(akar, "data/survei/2025-s1/dukcapil.csv",
          ",".join(JUDUL + [f"x{i}" for i in range(1_000_000)]) + "\n")
    r = skm(akar, "check")
    assert r.kode == 1
    terbatas(r)


def test_check_dua_ratus_ribu_baris_salah_diringkas(akar: Path) -> None:
    tulis(akar, "data/survei/2025-s1/dukcapil.csv",
          ",".join(JUDUL) + "\n" + "7,3,3,3,3,3,3,3,3\n" * 200_000)
    r = skm(akar, "check")
    assert r.kode == 1
    terbatas(r, 40)
    assert "199.990 lainnya" in r.err


def test_impor_dua_ratus_ribu_baris_salah_diringkas(akar: Path) -> None:
    tulis(akar, "salah.csv", ",".join(JUDUL) + "\n" + "3,3,3,3,3,3,3,3,3\n"
          + "7,3,3,3,3,3,3,3,3\n" * 200_000)
    r = impor(akar, "salah.csv")
    terbatas(r, 80)


# --- YAML --------------------------------------------------------------------------------------


def test_bom_alias_yaml_ditolak_cepat(akar: Path) -> None:
    lapis = ['a0: &a0 ["x","x","x","x","x","x","x","x","x","x"]']
    lapis += [f"a{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 10)]
    tulis(akar, "data/opd.yaml", "\n".join(lapis) + "\n")
    r = skm(akar, "check")
    assert r.kode == 1
    terbatas(r)


@pytest.mark.parametrize("buka", ["[", "{a: ", "- "])
def test_yaml_bersarang_sangat_dalam_ditolak_tanpa_traceback(akar: Path, buka: str) -> None:
    tutup = {"[": "]", "{a: ": "}", "- ": ""}[buka]
    if buka == "- ":
        isi = "".join("  " * i + "- \n" for i in range(5000))
    else:
        isi = buka * 100_000 + "1" + tutup * 100_000 + "\n"
    tulis(akar, "data/opd.yaml", isi)
    r = skm(akar, "check")
    assert r.kode == 1
    terbatas(r)
