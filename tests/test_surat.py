"""skm surat: the draft circular letter lists every unit and the right dates."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from xml.etree import ElementTree

import pytest
from conftest import tulis

from skm_build.cli import main
from skm_build.kontrak.registri import baca_registri
from skm_build.terbit import surat


def teks_docx(berkas: Path | bytes) -> str:
    """The letter's text as Word shows it: paragraphs, then table cells, one a line."""
    from docx import Document

    dok = Document(io.BytesIO(berkas) if isinstance(berkas, bytes) else str(berkas))
    baris = [p.text for p in dok.paragraphs]
    for tabel in dok.tables:
        baris += [" | ".join(c.text for c in r.cells) for r in tabel.rows]
    return "\n".join(baris)


def xml_sah(isi: bytes) -> None:
    """Every XML part of the .docx is well-formed (Word refuses the file otherwise)."""
    with zipfile.ZipFile(io.BytesIO(isi)) as z:
        assert z.testzip() is None
        assert {"[Content_Types].xml", "word/document.xml"} <= set(z.namelist())
        for nama in z.namelist():
            if nama.endswith((".xml", ".rels")):
                ElementTree.fromstring(z.read(nama))


@pytest.fixture
def surat_docx(data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("SKM_SITE_URL", "https://skm.contoh.go.id/")
    keluar = tmp_path / "surat.docx"
    assert main(["surat", "--periode", "2025-s2", "--data", str(data),
                 "--keluar", str(keluar)]) == 0
    return keluar


def test_surat_menyebut_setiap_unit_dan_tanggal(surat_docx: Path) -> None:
    teks = teks_docx(surat_docx)
    assert "1 | Kepala Dinas Kependudukan dan Pencatatan Sipil | dukcapil" in teks
    assert "2 | Camat Jaten | kecamatan-jaten" in teks  # the lampiran table
    assert "Permintaan Data Hasil Survei Kepuasan Masyarakat Semester II 2025" in teks
    assert "1 Juli 2025 sampai dengan 31 Desember 2025" in teks
    assert "paling lambat tanggal 21 Januari 2026" in teks
    assert "https://skm.contoh.go.id/unduh/templat-skm.xlsx" in teks
    assert "NIP. …" in teks  # blanks for people to fill


def test_surat_mengikuti_tata_naskah_dinas(surat_docx: Path) -> None:
    """Kop, Nomor/Sifat/Lampiran/Hal, a short Yth. block with the list as a lampiran on
    its own page, tembusan; the kabupaten named once where it is named."""
    teks = teks_docx(surat_docx)
    assert teks.startswith("PEMERINTAH KABUPATEN UJI\nSEKRETARIAT DAERAH\n")
    for label in ("Nomor | : |", "Sifat | : | Biasa", "Lampiran | : | 1 (satu) berkas",
                  "Hal | : |"):
        assert label in teks
    yth = teks[teks.index("Yth."):]
    assert yth.startswith("Yth. Kepala Perangkat Daerah dan Unit Layanan Publik\n"
                          "(daftar terlampir)\ndi\nUji\n")
    assert "Tembusan:" in teks
    assert not any(b.count("Kabupaten Uji") > 1 for b in teks.splitlines())
    with zipfile.ZipFile(surat_docx) as z:
        xml = z.read("word/document.xml").decode()
    assert xml.index('w:type="page"') < xml.index("LAMPIRAN") < xml.index("Camat Jaten")


def test_surat_tidak_ditujukan_kepada_penanda_tangan(data: Path, tmp_path: Path) -> None:
    tulis(data, "opd.yaml", (data / "opd.yaml").read_text(encoding="utf-8")
          + "- id: setda\n  nama: Sekretariat Daerah\n  jenis: sekretariat\n")
    keluar = tmp_path / "s.docx"
    assert main(["surat", "--periode", "2025-s2", "--data", str(data),
                 "--keluar", str(keluar)]) == 0
    teks = teks_docx(keluar)
    assert "Sekretaris Daerah |" not in teks and "| setda" not in teks


def test_docx_sah_dan_byte_sama_setiap_kali(surat_docx: Path, data: Path) -> None:
    isi = surat_docx.read_bytes()
    xml_sah(isi)
    reg = baca_registri(data)
    per = next(p for p in reg.periode if p.id == "2025-s2")
    templat = "https://skm.contoh.go.id/unduh/templat-skm.xlsx"
    assert surat.surat_edaran(reg.kabupaten, per, reg.opd, templat) == isi


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
