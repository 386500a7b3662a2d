"""Open data (``skm_build.terbit.data_terbuka``): every number equals the engine, nothing personal.

The expected values come from :func:`skm_build.hitung.hasil.hitung_semua`, the engine the pages
use; the files are parsed back as a user would (csv, openpyxl, json, frictionless).
"""

from __future__ import annotations

import csv
import io
import json
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest
from conftest import tulis

from skm_build.alat.arsip import WAKTU_TETAP
from skm_build.aturan.ikm import KODE_UNSUR, KONVERSI, bulat
from skm_build.hitung.hasil import Hasil, hitung_semua
from skm_build.kontrak.muat import periksa
from skm_build.terbit import data_terbuka as dt
from skm_build.terbit import tabel_terbuka as tt

ROOT = Path(__file__).resolve().parents[1]
LAYANAN_KHAS = "Legalisir Khusus Uji"


def _csv_besar(n: int) -> str:
    """``n`` respondents; few women, few S2, one PNS: cells that must be suppressed."""
    baris = ["tanggal,jenis_kelamin,usia,pendidikan,pekerjaan,layanan,"
             + ",".join(KODE_UNSUR)]
    for i in range(n):
        jk = "P" if i < 3 else "L"
        pendidikan = "S2" if i < 2 else ("S1" if i % 2 else "SMA")
        pekerjaan = "PNS" if i == 0 else ("Swasta" if i % 3 else "Wirausaha")
        usia = 25 + (i % 30)
        jawaban = [str(1 + (i * (k + 1)) % 4) for k in range(9)]
        if i == 5:
            jawaban[2] = ""  # a blank answer
        baris.append(f"2025-0{1 + i % 6}-1{i % 9},{jk},{usia},{pendidikan},{pekerjaan},"
                     f"{LAYANAN_KHAS},{','.join(jawaban)}")
    return "\n".join(baris) + "\n"


@pytest.fixture
def data_lengkap(data: Path) -> Path:
    """The shared fixture plus a bigger CSV unit, a tallies-only unit and a second period."""
    tulis(data, "survei/2025-s1/kecamatan-jaten.csv", _csv_besar(60))
    tulis(data, "survei/2025-s1/kecamatan-jaten.yaml", """\
        diterima: 2025-07-30
        populasi: 100
        unsur_tidak_berlaku: [u4]
        """)
    tulis(data, "survei/2025-s2/dukcapil.yaml", """\
        diterima: 2026-01-10
        populasi: 500
        jawaban:
          u1: [0, 2, 50, 48]
          u2: [1, 3, 60, 36]
          u3: [5, 20, 50, 25]
          u4: [0, 0, 10, 90]
          u5: [0, 5, 55, 40]
          u6: [0, 4, 46, 50]
          u7: [0, 1, 39, 60]
          u8: [2, 8, 60, 30]
          u9: [10, 20, 40, 30]
        """)
    return data


def _hasil(folder: Path) -> Hasil:
    p = periksa(folder)
    assert p.data is not None, [str(m) for m in p.masalah.urut()]
    return hitung_semua(p.data)


@pytest.fixture
def hasil(data_lengkap: Path) -> Hasil:
    return _hasil(data_lengkap)


@pytest.fixture
def tertulis(hasil: Hasil, tmp_path: Path) -> Path:
    """The open data written to disk as the build writes it."""
    akar = tmp_path / "docs"
    for rel, isi in dt.berkas_data_terbuka(hasil).items():
        (akar / rel).parent.mkdir(parents=True, exist_ok=True)
        (akar / rel).write_bytes(isi)
    return akar / "data"


def _baca_csv(berkas: Path) -> list[dict[str, str]]:
    teks = berkas.read_bytes().decode("utf-8")
    assert "\r" not in teks and teks.endswith("\n")
    return list(csv.DictReader(io.StringIO(teks, newline="")))


def _d(teks: str) -> Decimal | None:
    return None if teks == "" else Decimal(teks)


def _tepat(nilai) -> Decimal | None:
    return None if nilai is None else bulat(nilai, tt.DESIMAL)


# --- the folders ---------------------------------------------------------------------------


def test_one_folder_per_period_with_results_and_terbaru(hasil: Hasil, tertulis: Path) -> None:
    folder = sorted(p.name for p in tertulis.iterdir())
    assert folder == ["2025-s1", "2025-s2", "terbaru"]
    nama = sorted(p.name for p in (tertulis / "2025-s1").iterdir())
    assert nama == sorted(["ringkasan-kabupaten.csv", "hasil-unit.csv", "hasil-layanan.csv",
                           "unsur-kabupaten.csv", "profil-responden.csv", "skm.xlsx", "skm.json",
                           "datapackage.json"])
    for b in (tertulis / "terbaru").iterdir():
        assert b.read_bytes() == (tertulis / "2025-s2" / b.name).read_bytes()


def test_no_folder_without_any_report(data: Path) -> None:
    hasil = _hasil(data)
    berkas = dt.berkas_data_terbuka(hasil)
    assert {r.split("/")[1] for r in berkas} == {"2025-s1", "terbaru"}


# --- numbers equal the engine ---------------------------------------------------------------


def test_hasil_unit_equals_engine(hasil: Hasil, tertulis: Path) -> None:
    for k in hasil.kabupaten:
        baris = _baca_csv(tertulis / k.periode.id / "hasil-unit.csv")
        assert [b["opd"] for b in baris] == [o.id for o in hasil.data.opd
                                            if (k.periode.id, o.id) in hasil.unit]
        for b in baris:
            h = hasil.unit[(b["periode"], b["opd"])]
            assert b["nama"] == h.opd.nama and b["jenis"] == h.opd.jenis
            assert int(b["responden"]) == h.survei.responden
            for x in h.ikm.unsur:
                assert _d(b[f"nrr_{x.unsur.kode}"]) == _tepat(x.nrr)
            assert _d(b["ikm_1_4"]) == _tepat(h.ikm.ikm_1_4)
            assert _d(b["ikm"]) == _tepat(h.ikm.ikm)
            assert abs(Decimal(b["ikm"]) - Decimal(h.ikm.ikm.numerator)
                       / Decimal(h.ikm.ikm.denominator)) <= Decimal("0.0000005")
            assert _d(b["ikm_dibulatkan"]) == bulat(h.ikm.ikm, 2)
            assert b["mutu"] == h.ikm.mutu.huruf and b["kinerja"] == h.ikm.mutu.kinerja
            assert b["populasi"] == ("" if h.survei.populasi is None else str(h.survei.populasi))
            assert b["sampel_minimum"] == ("" if h.sampel_minimum is None
                                           else str(h.sampel_minimum))
            assert b["sampel_memadai"] == {None: "", True: "true", False: "false"}[
                h.sampel_memadai]


def test_the_not_applicable_unsur_is_empty(hasil: Hasil, tertulis: Path) -> None:
    baris = {b["opd"]: b for b in _baca_csv(tertulis / "2025-s1" / "hasil-unit.csv")}
    assert baris["kecamatan-jaten"]["nrr_u4"] == ""
    assert baris["kecamatan-jaten"]["sampel_minimum"] == "80"  # Krejcie–Morgan, N = 100
    assert baris["kecamatan-jaten"]["sampel_memadai"] == "false"  # 60 respondents


def test_kabupaten_tables_equal_engine(hasil: Hasil, tertulis: Path) -> None:
    for k in hasil.kabupaten:
        (r,) = _baca_csv(tertulis / k.periode.id / "ringkasan-kabupaten.csv")
        assert r["periode"] == k.periode.id and r["agregasi"] == k.agregasi
        assert _d(r["ikm"]) == _tepat(k.ikm)
        assert _d(r["ikm_dibulatkan"]) == bulat(k.ikm, 2)
        assert _d(r["ikm_rata_rata_unit"]) == _tepat(k.rata_rata_unit)
        assert _d(r["ikm_gabungan"]) == _tepat(k.gabungan.ikm)
        assert r["mutu"] == k.mutu.huruf
        assert int(r["unit_melapor"]) == len(k.unit) and int(r["responden"]) == k.responden
        assert _d(r["perubahan"]) == _tepat(k.perubahan)
        nrr = k.nrr_unsur()
        unsur = _baca_csv(tertulis / k.periode.id / "unsur-kabupaten.csv")
        assert [u["kode"] for u in unsur] == [c for c in KODE_UNSUR if c in nrr]
        for u in unsur:
            assert _d(u["nrr"]) == _tepat(nrr[u["kode"]])
            assert _d(u["nrr_25"]) == _tepat(nrr[u["kode"]] * KONVERSI)


def test_xlsx_and_json_hold_the_same_tables(tertulis: Path) -> None:
    from openpyxl import load_workbook

    folder = tertulis / "2025-s1"
    wb = load_workbook(folder / "skm.xlsx")
    doc = json.loads((folder / "skm.json").read_text(encoding="utf-8"))
    assert doc["periode"] == "2025-s1" and doc["lisensi"] == "CC-BY-4.0"
    for t in tt.TABEL:
        baris_csv = _baca_csv(folder / t.berkas)
        lembar = [list(r) for r in wb[t.nama].iter_rows(values_only=True)]
        assert lembar[0] == [k.nama for k in t.kolom]
        assert len(lembar) - 1 == len(baris_csv) == len(doc[t.nama])
        for b, sel, obj in zip(baris_csv, lembar[1:], doc[t.nama], strict=True):
            for k, s in zip(t.kolom, sel, strict=True):
                o = obj[k.nama]
                if b[k.nama] == "":
                    assert s is None and o is None
                elif k.tipe == "number":
                    assert s == o == float(b[k.nama])
                    assert Decimal(repr(o)) == Decimal(b[k.nama])  # no binary noise
                elif k.tipe == "integer":
                    assert s == o == int(b[k.nama])
                elif k.tipe == "boolean":
                    assert s is o is (b[k.nama] == "true")
                else:
                    assert s == o == b[k.nama]


def test_committed_sample_data_equals_engine() -> None:
    hasil = _hasil(ROOT / "data")
    k = hasil.terbaru
    berkas = dt.paket_periode(hasil, k)
    baris = list(csv.DictReader(io.StringIO(berkas["hasil-unit.csv"].decode("utf-8"))))
    assert len(baris) == len(k.unit)
    for b in baris:
        h = hasil.unit[(k.periode.id, b["opd"])]
        assert _d(b["ikm"]) == _tepat(h.ikm.ikm) and b["mutu"] == h.ikm.mutu.huruf
    (r,) = csv.DictReader(io.StringIO(berkas["ringkasan-kabupaten.csv"].decode("utf-8")))
    assert _d(r["ikm"]) == _tepat(k.ikm)


# --- Frictionless ------------------------------------------------------------------------


def test_datapackage_validates_with_frictionless(tertulis: Path) -> None:
    frictionless = pytest.importorskip("frictionless")
    for folder in sorted(tertulis.iterdir()):
        laporan = frictionless.validate(str(folder / "datapackage.json"))
        assert laporan.valid, laporan.flatten(["rowNumber", "fieldName", "type", "note"])


def test_datapackage_describes_licence_sources_method_and_fields(tertulis: Path) -> None:
    d = json.loads((tertulis / "2025-s1" / "datapackage.json").read_text(encoding="utf-8"))
    assert d["licenses"][0]["name"] == "CC-BY-4.0"
    assert any("PANRB" in s["title"] for s in d["sources"])
    assert "Krejcie" in d["description"] and "6 angka desimal" in d["description"]
    tabel = {r["name"]: r for r in d["resources"]}
    assert {"hasil-unit", "hasil-layanan", "unsur-kabupaten", "profil-responden",
            "ringkasan-kabupaten", "skm-xlsx", "skm-json"} == set(tabel)
    for r in d["resources"]:
        assert r["title"] and r["description"] and r["hash"].startswith("sha256:")
        for f in r.get("schema", {}).get("fields", []):
            assert f["title"] and f["description"] and f["type"]
    tipe = {f["name"]: f["type"] for f in tabel["hasil-unit"]["schema"]["fields"]}
    assert tipe["ikm"] == "number" and tipe["responden"] == "integer"
    assert tipe["sampel_memadai"] == "boolean"


def test_tampered_file_fails_validation(tertulis: Path) -> None:
    frictionless = pytest.importorskip("frictionless")
    berkas = tertulis / "2025-s1" / "hasil-unit.csv"
    berkas.write_bytes(berkas.read_bytes().replace(b",B,", b",A,", 1))
    assert not frictionless.validate(str(tertulis / "2025-s1" / "datapackage.json")).valid


# --- determinism ---------------------------------------------------------------------------


def test_two_builds_are_byte_identical(hasil: Hasil, monkeypatch) -> None:
    import time

    pertama = dt.berkas_data_terbuka(hasil)
    jam = time.time() + 86400 * 400
    monkeypatch.setattr(time, "time", lambda: jam)  # zip entries and "now" a year later
    kedua = dt.berkas_data_terbuka(hasil)
    assert pertama == kedua
    with zipfile.ZipFile(io.BytesIO(pertama["data/2025-s1/skm.xlsx"])) as z:
        assert {i.date_time for i in z.infolist()} == {WAKTU_TETAP}
        inti = z.read("docProps/core.xml").decode()
        assert "2025-06-30T00:00:00Z" in inti


# --- privacy -------------------------------------------------------------------------------


def test_nothing_respondent_level_or_personal(hasil: Hasil, tertulis: Path,
                                              data_lengkap: Path) -> None:
    terlarang_kolom = {"tanggal", "jam", "usia", "jenis_kelamin", "pendidikan", "pekerjaan",
                       "layanan", "saran", "nama_responden", "nik", "telepon", "email",
                       "alamat"}
    mentah = [p.read_text(encoding="utf-8") for p in (data_lengkap / "survei").rglob("*.csv")]
    tanggal_responden = {b.split(",", 1)[0] for t in mentah for b in t.splitlines()[1:]}
    for k in hasil.kabupaten:
        responden = {h.survei.responden for h in k.unit} | {k.responden}
        for t in tt.TABEL:
            baris = _baca_csv(tertulis / k.periode.id / t.berkas)
            # A service's name is published with its aggregate (hasil-layanan), never per row.
            boleh = {"layanan"} if t.nama == "hasil-layanan" else set()
            assert not (terlarang_kolom - boleh) & set(baris[0] if baris else {}), t.nama
            if t.nama != "hasil-unit":  # one row per unit; only per respondent is forbidden
                assert len(baris) not in responden - {1}, t.nama
    for berkas in tertulis.rglob("*"):
        if berkas.is_file() and berkas.suffix in (".csv", ".json"):
            teks = berkas.read_text(encoding="utf-8")
            assert "Rahasia123" not in teks
            if berkas.name not in ("hasil-layanan.csv", "skm.json"):
                assert LAYANAN_KHAS not in teks
            assert not any(t in teks for t in tanggal_responden), berkas
    with zipfile.ZipFile(tertulis / "2025-s1" / "skm.xlsx") as z:
        semua = b"".join(z.read(n) for n in z.namelist())
        assert b"Rahasia123" not in semua


def test_small_cells_are_suppressed(hasil: Hasil, tertulis: Path) -> None:
    baris = _baca_csv(tertulis / "2025-s1" / "profil-responden.csv")
    assert baris, "the CSV units have a profile"
    kelompok: dict[tuple, list[dict]] = {}
    for b in baris:
        kelompok.setdefault((b["opd"], b["kelompok"]), []).append(b)
        if b["responden"] != "":
            assert int(b["responden"]) >= tt.SEL_MINIMUM
            assert b["catatan"] == ""
        else:
            assert b["catatan"].startswith("disembunyikan")
    for (opd, kel), isi in kelompok.items():
        asli = getattr(hasil.unit[("2025-s1", opd)].survei.profil, kel)
        tersembunyi = [b for b in isi if b["responden"] == ""]
        for b in isi:
            if b["responden"] != "":
                assert int(b["responden"]) == asli[b["kategori"]]
        if tersembunyi:
            assert len(tersembunyi) >= 2 or len(tersembunyi) == len(isi)
            assert sum(asli[b["kategori"]] for b in tersembunyi) >= tt.SEL_MINIMUM or \
                len(tersembunyi) == len(isi)
    jaten = {(b["kelompok"], b["kategori"]): b for b in baris if b["opd"] == "kecamatan-jaten"}
    assert jaten[("jenis_kelamin", "P")]["responden"] == ""  # 3 women
    assert jaten[("jenis_kelamin", "L")]["responden"] == ""  # else 60 − L gives 3
    assert "agar sel kecil" in jaten[("jenis_kelamin", "L")]["catatan"]
    assert jaten[("pekerjaan", "PNS")]["responden"] == ""


@pytest.mark.parametrize(("hitungan", "tersembunyi"), [
    ({"a": 10, "b": 20}, set()),
    ({"a": 3, "b": 20}, {"a", "b"}),
    ({"a": 1, "b": 2, "c": 30, "d": 40}, {"a", "b", "c"}),  # 1 + 2 < 5: one more
    ({"a": 3, "b": 4, "c": 30}, {"a", "b"}),  # two hidden, 7 people together
    ({"a": 2, "b": 9, "c": 30}, {"a", "b"}),
    ({"a": 4}, {"a"}),
    ({}, set()),
])
def test_sembunyikan(hitungan: dict, tersembunyi: set) -> None:
    alasan = tt.sembunyikan(hitungan)
    assert {k for k, a in alasan.items() if a} == tersembunyi
