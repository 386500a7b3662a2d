"""skm check --format github: problems become annotations on the offending file and line."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import CSV_DUKCAPIL, tulis

from skm_build.cli import main

CSV = "survei/2025-s1/dukcapil.csv"


def test_anotasi_galat_dengan_berkas_baris_dan_kolom(
        data: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture) -> None:
    baris = CSV_DUKCAPIL.splitlines()
    baris[2] = baris[2].replace(",4,3,3,4,", ",4,3,7,4,")  # u3 of line 3
    tulis(data, CSV, "\n".join(baris) + "\n")
    tulis(data, "opd.yaml", "- id: dukcapil\n  nama: Dinas Kependudukan dan Pencatatan Sipil\n"
          "  jenis: dinas\n  target_ikm: 85\n  warna: biru\n- id: kecamatan-jaten\n"
          "  nama: Kecamatan Jaten\n  jenis: kecamatan\n")
    monkeypatch.chdir(data.parent)

    assert main(["check", "--format", "github", "--data", "data"]) == 1

    out = capsys.readouterr().out.splitlines()
    kolom = len(baris[2].split(",7,")[0]) + 2  # 1-based column of the bad cell
    assert (f"::error file=data/{CSV},line=3,col={kolom},title=skm check (u3)::"
            "jawaban '7' tidak sah: isi bilangan bulat 1, 2, 3 atau 4 "
            "(kosongkan bila tidak dijawab)") in out
    peringatan = [b for b in out if b.startswith("::warning file=data/opd.yaml,line=5,col=3,")]
    assert len(peringatan) == 1 and "kunci 'warna' tidak dikenal" in peringatan[0]


def test_anotasi_jalur_relatif_terhadap_folder_kerja(
        data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture) -> None:
    tulis(data, "survei/2025-s1/kecamatan-jaten.csv", "u1,u2,u3,u4,u5,u6,u7,u8,u9,nama\n")
    monkeypatch.chdir(tmp_path)
    assert main(["check", "--format", "github", "--data", str(data)]) == 1
    out = capsys.readouterr().out
    assert ("::error file=data/survei/2025-s1/kecamatan-jaten.csv,line=1,col=28,"
            "title=skm check (nama)::kolom 'nama' berisi data pribadi") in out


def test_pesan_dan_properti_di_escape(data: Path, monkeypatch: pytest.MonkeyPatch,
                                      capsys: pytest.CaptureFixture) -> None:
    from skm_build.kontrak.anotasi_github import _lepas_pesan, _lepas_properti

    assert _lepas_properti("a:b,c%d\ne") == "a%3Ab%2Cc%25d%0Ae"
    assert _lepas_pesan("100% salah\nbaris") == "100%25 salah%0Abaris"
    monkeypatch.chdir(data.parent)
    assert main(["check", "--format", "github", "--data", "data"]) == 0
    assert "::" not in capsys.readouterr().out  # valid data: no annotation at all
