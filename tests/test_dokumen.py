"""The step-9 and step-10 documents: approval sheet and cover letters from Word templates.

Text typed by many hands (quotes, ampersands, angle brackets, very long unit names) must
come out of every template as valid Word XML that reads back as typed.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from conftest import NIP_UJI, sahkan
from test_surat import teks_docx, xml_sah

from skm_build.cli import main
from skm_build.hitung.hasil import hitung_semua
from skm_build.kontrak.model import Opd, Pengesahan
from skm_build.kontrak.muat import periksa
from skm_build.terbit import surat

LICIK = 'Dinas "Kebersihan" & <Pertamanan> O\'Brien ' + "Sangat Panjang " * 25


def test_every_template_renders_hostile_text_as_valid_xml(data: Path) -> None:
    d = periksa(data).data
    assert d is not None
    kab = replace(d.kabupaten, nama='Kabupaten "Uji" & <Co>', penyusun="Bagian A&B <x>")
    opd = (*d.opd, Opd("licik", LICIK.strip(), "dinas"))
    sah = Pengesahan('Drs. "Ali" & <Budi>, M.Si.', "Sekretaris Daerah", date(2025, 8, 4),
                     NIP_UJI, "0" * 64)
    per = replace(d.periode[0], nama='Semester "I" & <2025>', pengesahan=sah)
    k = replace(hitung_semua(d).kabupaten[0], periode=per)
    dokumen = {
        "edaran": surat.surat_edaran(kab, per, opd, "https://x.go.id/?a=1&b=<2>", sah),
        "pengesahan": surat.lembar_pengesahan(kab, k, "0" * 64, ()),
        **{kepada: surat.surat_pengantar(kab, k, "0" * 64, kepada, "https://x.go.id/?a&b")
           for kepada in surat.PENERIMA_PENGANTAR},
    }
    for nama, isi in dokumen.items():
        xml_sah(isi)
        teks = teks_docx(isi)
        assert 'Semester "I" & <2025>' in teks or 'SEMESTER "I" & <2025>' in teks, nama
        assert "PEMERINTAH KABUPATEN \"UJI\" & <CO>" in teks or nama == "pengesahan", nama
    assert LICIK.strip() in teks_docx(dokumen["edaran"])
    assert 'Drs. "Ali" & <Budi>, M.Si.' in teks_docx(dokumen["kemenpanrb"])


def test_the_approval_sheet_has_the_paraf_chain_nip_and_digest(data: Path, tmp_path: Path,
                                                                capsys) -> None:
    for oleh, tanggal in (("Kasubag", "2025-08-01"), ("Kabag", "2025-08-02"),
                          ("Asisten", "2025-08-03")):
        assert main(["langkah", "--data", str(data), "--periode", "2025-s1", "9",
                     "--oleh", oleh, "--tanggal", tanggal]) == 0
    sahkan(data, "2025-s1", "Drs. Uji", "Sekretaris Daerah", "2025-08-04")
    assert main(["dokumen", "--data", str(data), "--periode", "2025-s1",
                 "--keluar", str(tmp_path)]) == 0
    lembar = teks_docx(tmp_path / "lembar-pengesahan-2025-s1-v1.docx")
    for baris in ("1. | Kepala Subbagian | 1 Agustus 2025", "2. | Kepala Bagian Organisasi | "
                  "2 Agustus 2025", "3. | Asisten Administrasi Umum | 3 Agustus 2025"):
        assert baris in lembar
    assert f"NIP. {NIP_UJI}" in lembar and "pada tanggal 4 Agustus 2025" in lembar
    sidik = periksa(data).data.periode_menurut_id()["2025-s1"].pengesahan.sidik
    assert sidik in lembar
    for kepada in ("kemenpanrb", "provinsi"):
        teks = teks_docx(tmp_path / f"surat-pengantar-{kepada}-2025-s1-v1.docx")
        assert "telah disahkan pada tanggal 4 Agustus 2025" in teks
        assert "Tembusan:" in teks and f"NIP. {NIP_UJI}" in teks
    capsys.readouterr()
    assert main(["dokumen", "--data", str(data), "--periode", "2025-s1",
                 "--keluar", str(tmp_path)]) == 2  # no silent overwrite of edited files
    assert "sudah ada" in capsys.readouterr().err


def test_a_signed_versions_package_is_never_overwritten_with_other_content(
        data: Path, tmp_path: Path, monkeypatch, capsys) -> None:
    from bantuan import salin_proyek

    akar = salin_proyek(tmp_path / "proyek", dengan_data=False)
    data.rename(akar / "data")
    sahkan(akar / "data", "2025-s1", "Drs. Uji", "Sekretaris Daerah", "2025-08-04")
    monkeypatch.chdir(akar)
    assert main(["paket", "--periode", "2025-s1", "--tanpa-pdf"]) == 0
    zip_ = akar / "skm-2025-s1-v1.zip"
    asli = zip_.read_bytes()
    assert main(["paket", "--periode", "2025-s1", "--tanpa-pdf"]) == 0  # same content: fine
    assert zip_.read_bytes() == asli
    zip_.write_bytes(asli[:-1] + b"x")  # as if another build had produced other bytes
    capsys.readouterr()
    assert main(["paket", "--periode", "2025-s1", "--tanpa-pdf"]) == 1
    assert "tidak pernah ditimpa" in capsys.readouterr().err
    assert zip_.read_bytes() == asli[:-1] + b"x"
