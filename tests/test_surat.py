"""skm surat: the draft circular letter lists every unit and the right dates."""

from __future__ import annotations

import html
import io
import re
import zipfile
from pathlib import Path
from xml.etree import ElementTree

import pytest
from conftest import tulis

from skm_build.cli import main
from skm_build.kontrak.registri import baca_registri
from skm_build.terbit import surat


def teks_docx(berkas: Path) -> str:
    """The letter's text, one paragraph a line (tabs kept)."""
    with zipfile.ZipFile(berkas) as z:
        xml = z.read("word/document.xml").decode()
    baris = []
    for par in re.findall(r"<w:p>.*?</w:p>", xml):
        potong = re.findall(r"<w:t[^>]*>([^<]*)</w:t>|(<w:tab/>)", par)
        baris.append(html.unescape("".join(t if t else "\t" for t, _ in potong)))
    return "\n".join(baris)


@pytest.fixture
def surat_docx(data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("SKM_SITE_URL", "https://skm.contoh.go.id/")
    keluar = tmp_path / "surat.docx"
    assert main(["surat", "--periode", "2025-s2", "--data", str(data),
                 "--keluar", str(keluar)]) == 0
    return keluar


def test_surat_menyebut_setiap_unit_dan_tanggal(surat_docx: Path) -> None:
    teks = teks_docx(surat_docx)
    assert "Yth." in teks
    assert "1.\tKepala Dinas Kependudukan dan Pencatatan Sipil" in teks
    assert "2.\tCamat Jaten" in teks
    for nama, kode in (("Dinas Kependudukan dan Pencatatan Sipil", "dukcapil"),
                       ("Kecamatan Jaten", "kecamatan-jaten")):  # the lampiran table
        assert nama in teks and kode in teks
    assert "SEMESTER II 2025" in teks
    assert "1 Juli 2025 sampai dengan 31 Desember 2025" in teks
    assert "paling lambat tanggal 21 Januari 2026" in teks
    assert "https://skm.contoh.go.id/unduh/templat-skm.xlsx" in teks
    assert "NOMOR …" in teks and "NIP. …" in teks  # blanks for people to fill
    assert "Kabupaten Uji" in teks and "PEMERINTAH KABUPATEN UJI" in teks


def test_docx_sah_dan_byte_sama_setiap_kali(surat_docx: Path, data: Path) -> None:
    isi = surat_docx.read_bytes()
    with zipfile.ZipFile(io.BytesIO(isi)) as z:
        assert z.testzip() is None
        assert set(z.namelist()) >= {"[Content_Types].xml", "_rels/.rels",
                                     "word/document.xml", "word/styles.xml"}
        for nama in z.namelist():
            ElementTree.fromstring(z.read(nama))  # every part is well-formed XML
    reg = baca_registri(data)
    per = next(p for p in reg.periode if p.id == "2025-s2")
    templat = "https://skm.contoh.go.id/unduh/templat-skm.xlsx"
    assert surat.surat_docx(reg.kabupaten, per, reg.opd, templat) == isi


def test_tidak_menimpa_draf_yang_sudah_ada(surat_docx: Path, data: Path,
                                            capsys: pytest.CaptureFixture) -> None:
    surat_docx.write_bytes(b"disunting")
    assert main(["surat", "--periode", "2025-s2", "--data", str(data),
                 "--keluar", str(surat_docx)]) == 2
    assert "sudah ada" in capsys.readouterr().err
    assert surat_docx.read_bytes() == b"disunting"


def test_alamat_situs_dari_mkdocs_yml(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SKM_SITE_URL", raising=False)
    konfigurasi = tulis(tmp_path, "mkdocs.yml",
                        'site_url: !ENV [SKM_SITE_URL, "https://skm.kab.go.id"]\n')
    assert surat.alamat_situs(konfigurasi) == "https://skm.kab.go.id/"
    monkeypatch.setenv("SKM_SITE_URL", "https://lain.go.id/skm")
    assert surat.alamat_situs(konfigurasi) == "https://lain.go.id/skm/"
    assert surat.alamat_lokal("http://127.0.0.1:8000/")


def test_alamat_lokal_tidak_masuk_surat(data: Path, tmp_path: Path,
                                        monkeypatch: pytest.MonkeyPatch,
                                        capsys: pytest.CaptureFixture) -> None:
    monkeypatch.delenv("SKM_SITE_URL", raising=False)
    tulis(data.parent, "mkdocs.yml", 'site_url: !ENV [SKM_SITE_URL, "http://127.0.0.1:8000/"]\n')
    keluar = tmp_path / "s.docx"
    assert main(["surat", "--periode", "2025-s2", "--data", str(data),
                 "--keluar", str(keluar)]) == 0
    assert "127.0.0.1" not in teks_docx(keluar)
    assert "alamat situs belum diatur" in capsys.readouterr().err


def test_periode_tidak_ada(data: Path, capsys: pytest.CaptureFixture) -> None:
    assert main(["surat", "--periode", "2031-s1", "--data", str(data)]) == 2
    assert "periode '2031-s1' tidak ada" in capsys.readouterr().err
