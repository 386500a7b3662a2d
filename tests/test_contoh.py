"""Tests for the synthetic sample data (``tools/buat_contoh.py`` and the committed ``data/``).

The committed ``data/`` must be exactly what the generator writes (so nobody edits it by
hand and it can always be regenerated), and the variety the site relies on must really
be in the files.  IKM is recomputed here with the plain Permen formula on purpose, not
with the project's own ``ikm`` module, so these tests do not depend on the code they
help to test.
"""

from __future__ import annotations

import csv
import datetime as dt
import itertools
import re
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT / "tools") not in sys.path:  # the generator is a script outside the package
    sys.path.insert(0, str(ROOT / "tools"))

import buat_contoh as contoh  # noqa: E402

DATA = ROOT / "data"
UNSUR = [f"u{i}" for i in range(1, 10)]
HEADER = "tanggal,jenis_kelamin,usia,pendidikan,pekerjaan,layanan," + ",".join(UNSUR)
TERAKHIR = "2025-s2"

# The deliberate variety, as promised in the module docstring (spelled out here rather
# than imported, so a change to the generator cannot silently redefine the spec).
MUTU_A = "dpmptsp"
MUTU_B = "dukcapil"
MUTU_C = "disdag"
MUTU_D = "dishub"
MEMBAIK = "dpupr"
MENURUN = "dinsos"
SAMPEL_KURANG = "kecamatan-kerjo"
REKAP_SAJA = "bakesbangpol"
TERLAMBAT = "dinkes"
BELUM_LAPOR = "satpol-pp"
TANPA_BIAYA = "disarpus"
TANPA_POPULASI = "setda"

KECAMATAN = [
    "Colomadu",
    "Gondangrejo",
    "Jaten",
    "Jatipuro",
    "Jatiyoso",
    "Jenawi",
    "Jumantono",
    "Jumapolo",
    "Karanganyar",
    "Karangpandan",
    "Kebakkramat",
    "Kerjo",
    "Matesih",
    "Mojogedang",
    "Ngargoyoso",
    "Tasikmadu",
    "Tawangmangu",
]


def _semua_file(akar: Path) -> dict[str, bytes]:
    return {p.relative_to(akar).as_posix(): p.read_bytes() for p in akar.rglob("*") if p.is_file()}


def _yaml(path: Path):
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _krejcie_morgan(n: int) -> int:
    return int(3.841 * n * 0.25 / (0.0025 * (n - 1) + 3.841 * 0.25) + 0.5)


def _mutu(ikm: float) -> str:
    x = float(f"{ikm + 1e-9:.2f}")  # 2 dp half-up is enough here: no value sits on .xx5
    if x >= 88.31:
        return "A"
    if x >= 76.61:
        return "B"
    if x >= 65.00:
        return "C"
    return "D"


class Hasil:
    """One unit-period read back from the files, with IKM computed by hand."""

    def __init__(self, periode: str, opd: str) -> None:
        dasar = DATA / "survei" / periode / opd
        yaml_path = dasar.with_suffix(".yaml")
        self.laporan = _yaml(yaml_path) if yaml_path.exists() else None
        csv_path = dasar.with_suffix(".csv")
        self.baris: list[dict[str, str]] | None = None
        if csv_path.exists():
            with csv_path.open(encoding="utf-8", newline="") as f:
                self.baris = list(csv.DictReader(f))
        laporan = self.laporan or {}
        self.tidak_berlaku = list(laporan.get("unsur_tidak_berlaku") or [])
        self.berlaku = [u for u in UNSUR if u not in self.tidak_berlaku]
        self.nrr: dict[str, float] = {}
        self.n = 0
        if self.baris is not None:
            self.n = len(self.baris)
            for u in self.berlaku:
                nilai = [int(b[u]) for b in self.baris if b[u] != ""]
                self.nrr[u] = sum(nilai) / len(nilai)
        elif laporan.get("jawaban"):
            jawaban = laporan["jawaban"]
            self.n = laporan.get("responden") or max(sum(jawaban[u]) for u in self.berlaku)
            for u in self.berlaku:
                c = jawaban[u]
                self.nrr[u] = sum((k + 1) * c[k] for k in range(4)) / sum(c)

    @property
    def melapor(self) -> bool:
        return bool(self.nrr)

    @property
    def ikm(self) -> float:
        return sum(self.nrr.values()) / len(self.nrr) * 25


@pytest.fixture(scope="module")
def opd() -> list[dict]:
    return _yaml(DATA / "opd.yaml")


@pytest.fixture(scope="module")
def periode() -> list[dict]:
    return _yaml(DATA / "periode.yaml")


@pytest.fixture(scope="module")
def hasil(opd, periode) -> dict[tuple[str, str], Hasil]:
    return {(p["id"], o["id"]): Hasil(p["id"], o["id"]) for p in periode for o in opd}


# --- reproducibility ---------------------------------------------------------------------


def test_regenerating_gives_byte_identical_committed_data(tmp_path: Path) -> None:
    contoh.tulis_data_contoh(tmp_path / "data")
    baru = _semua_file(tmp_path / "data")
    lama = _semua_file(DATA)
    assert sorted(baru) == sorted(lama), "file set differs: run python tools/buat_contoh.py"
    berbeda = [rel for rel in baru if baru[rel] != lama[rel]]
    assert not berbeda, f"regenerate with python tools/buat_contoh.py --out data: {berbeda[:5]}"


def test_cli_writes_same_files_and_drops_stale_survei(tmp_path: Path) -> None:
    tujuan = tmp_path / "out"
    basi = tujuan / "survei" / "2099-s1" / "hilang.csv"
    basi.parent.mkdir(parents=True)
    basi.write_text("u1\n4\n", encoding="utf-8")
    lain = tujuan / "CATATAN.md"
    lain.write_text("bukan milik generator\n", encoding="utf-8")

    assert contoh.main(["--out", str(tujuan)]) == 0

    assert not basi.exists() and not basi.parent.exists()
    assert lain.read_text(encoding="utf-8") == "bukan milik generator\n"
    baru = _semua_file(tujuan)
    del baru["CATATAN.md"]
    assert baru == _semua_file(DATA)


def test_other_seed_changes_answers_but_not_structure() -> None:
    a = contoh.buat_data_contoh(seed=2017)
    b = contoh.buat_data_contoh(seed=1)
    assert sorted(a) == sorted(b)
    assert a["opd.yaml"] == b["opd.yaml"]
    assert a[f"survei/{TERAKHIR}/dukcapil.csv"] != b[f"survei/{TERAKHIR}/dukcapil.csv"]


def test_files_are_utf8_lf_and_small() -> None:
    files = _semua_file(DATA)
    assert sum(len(v) for v in files.values()) < 3_000_000
    for rel, isi in files.items():
        assert rel.endswith((".yaml", ".csv", ".json")), rel
        isi.decode("utf-8")
        assert b"\r" not in isi, rel
        assert isi.endswith(b"\n"), rel


# --- registry files ----------------------------------------------------------------------


def test_kabupaten_yaml() -> None:
    teks = (DATA / "kabupaten.yaml").read_text(encoding="utf-8")
    assert teks.startswith("#") and "sintetis" in teks and "python tools/buat_contoh.py" in teks
    k = yaml.safe_load(teks)
    assert k == {
        "nama": "Kabupaten Karanganyar",
        "penyusun": "Bagian Organisasi Sekretariat Daerah Kabupaten Karanganyar",
        "data_contoh": True,
        "bobot": "1/9",
        "agregasi": "rata-rata-unit",
        "alamat": "Jl. Lawu No. 85, Karanganyar, Jawa Tengah 57712",
        "telepon": "(0271) 495039",
        "email": "organisasi@karanganyarkab.example",
        "lapor": "https://www.lapor.go.id/",
    }


def test_opd_registry(opd) -> None:
    assert 50 <= len(opd) <= 60
    ids = [o["id"] for o in opd]
    assert len(set(ids)) == len(ids)
    jenis_sah = {"dinas", "badan", "sekretariat", "kecamatan", "kelurahan", "puskesmas", "rsud"}
    for o in opd:
        assert set(o) <= {"id", "nama", "jenis", "target_ikm", "singkatan", "alias",
                          "tautan_survei", "kecamatan"}
        assert re.fullmatch(r"[a-z0-9-]+", o["id"])
        assert o["jenis"] in jenis_sah | {"lainnya"}
        if "target_ikm" in o:
            assert 25 <= o["target_ikm"] <= 100
    assert sum("target_ikm" in o for o in opd) > len(opd) * 0.8
    per_id = {o["id"]: o for o in opd}
    assert per_id["dukcapil"]["nama"] == "Dinas Kependudukan dan Pencatatan Sipil"
    assert per_id["dpmptsp"]["nama"].startswith("Dinas Penanaman Modal dan Pelayanan Terpadu")
    assert per_id["rsud"] == {**per_id["rsud"], "nama": "RSUD Karanganyar", "jenis": "rsud"}
    kecamatan = sorted(o["nama"] for o in opd if o["jenis"] == "kecamatan")
    assert kecamatan == sorted(f"Kecamatan {k}" for k in KECAMATAN)
    for k in KECAMATAN:
        assert per_id[f"kecamatan-{k.lower()}"]["jenis"] == "kecamatan"
    jenis = {o["jenis"] for o in opd}
    assert {"dinas", "badan", "sekretariat", "kecamatan", "puskesmas", "rsud"} <= jenis
    assert sum(o["jenis"] == "puskesmas" for o in opd) >= 4


def test_periode(periode) -> None:
    assert [p["id"] for p in periode] == ["2024-s1", "2024-s2", "2025-s1", "2025-s2"]
    p = {x["id"]: x for x in periode}
    assert p["2024-s1"]["nama"] == "Semester I 2024"
    assert p["2024-s1"]["mulai"] == dt.date(2024, 1, 1)
    assert p["2024-s1"]["selesai"] == dt.date(2024, 6, 30)
    assert p["2024-s1"]["batas_laporan"] == dt.date(2024, 7, 22)
    assert p["2024-s2"]["batas_laporan"] == dt.date(2025, 1, 21)
    for x in periode:
        assert isinstance(x["mulai"], dt.date)  # unquoted YAML dates
        assert x["mulai"] < x["selesai"] < x["batas_laporan"]
        assert 14 <= (x["batas_laporan"] - x["selesai"]).days <= 28


# --- respondent rows ---------------------------------------------------------------------


def test_csv_rows_follow_the_contract(opd, periode) -> None:
    pendidikan = {"SD", "SMP", "SMA", "D1-D3", "S1", "S2", "S3"}
    pekerjaan = {"PNS", "TNI", "POLRI", "Swasta", "Wirausaha", "Lainnya"}
    sel = kosong = 0
    for p in periode:
        for path in sorted((DATA / "survei" / p["id"]).glob("*.csv")):
            teks = path.read_text(encoding="utf-8")
            assert teks.split("\n", 1)[0] == HEADER, path
            baris = list(csv.DictReader(teks.splitlines()))
            assert 40 <= len(baris) <= 400, path
            for b in baris:
                tanggal = dt.date.fromisoformat(b["tanggal"])
                assert p["mulai"] <= tanggal <= p["selesai"], path
                assert b["jenis_kelamin"] in {"L", "P"}
                assert 17 <= int(b["usia"]) <= 80
                assert b["pendidikan"] in pendidikan
                assert b["pekerjaan"] in pekerjaan
                assert b["layanan"].strip()
                for u in UNSUR:
                    assert b[u] in {"", "1", "2", "3", "4"}, path
                    if path.stem == TANPA_BIAYA and u == "u4":
                        assert b[u] == "", "u4 must stay blank where biaya does not apply"
                        continue
                    sel += 1
                    kosong += b[u] == ""
    assert 0.005 <= kosong / sel <= 0.02, "about 1 % of answer cells are blank"


def test_services_are_realistic_for_the_unit() -> None:
    def layanan(periode: str, opd: str) -> set[str]:
        path = DATA / "survei" / periode / f"{opd}.csv"
        if not path.exists():  # the counts `skm import` writes: one tally per service
            return {x["nama"] for x in _yaml(path.with_suffix(".yaml"))["layanan"]}
        with path.open(encoding="utf-8", newline="") as f:
            return {b["layanan"] for b in csv.DictReader(f)}

    assert {"KTP-el", "Akta Kelahiran", "Kartu Keluarga"} <= layanan(TERAKHIR, "dukcapil")
    assert "Izin Usaha" in layanan(TERAKHIR, "dpmptsp")
    assert "Poli Umum" in layanan(TERAKHIR, "puskesmas-colomadu-1")
    assert "Rawat Jalan" in layanan(TERAKHIR, "rsud")
    assert "Surat Keterangan" in layanan(TERAKHIR, "kecamatan-jaten")


# --- the deliberate variety --------------------------------------------------------------


def test_every_grade_present_in_latest_period(hasil, opd) -> None:
    mutu = {o["id"]: _mutu(hasil[(TERAKHIR, o["id"])].ikm) for o in opd if o["id"] != BELUM_LAPOR}
    assert mutu[MUTU_A] == "A"
    assert mutu[MUTU_B] == "B"
    assert mutu[MUTU_C] == "C"
    assert mutu[MUTU_D] == "D"
    assert list(mutu.values()).count("D") == 1, "D is rare: exactly one unit"
    assert list(mutu.values()).count("B") > len(mutu) / 2, "most units are B"


def test_most_ikm_values_are_realistic(hasil) -> None:
    nilai = [h.ikm for h in hasil.values() if h.melapor]
    assert sum(76 <= x <= 91 for x in nilai) >= 0.85 * len(nilai)
    assert all(50 <= x <= 95 for x in nilai)


def test_improving_and_declining_units(hasil, periode) -> None:
    naik = [hasil[(p["id"], MEMBAIK)].ikm for p in periode]
    turun = [hasil[(p["id"], MENURUN)].ikm for p in periode]
    assert all(a < b for a, b in itertools.pairwise(naik)), naik
    assert naik[-1] - naik[0] >= 15, naik
    assert all(a > b for a, b in itertools.pairwise(turun)), turun
    assert turun[0] - turun[-1] >= 15, turun


def test_sample_size_adequate_except_the_undersized_unit(hasil) -> None:
    kurang = []
    for (periode, opd), h in hasil.items():
        if not h.melapor:
            continue
        populasi = h.laporan.get("populasi")
        if opd == TANPA_POPULASI:
            assert populasi is None
            continue
        assert isinstance(populasi, int) and populasi > 0
        if h.n < _krejcie_morgan(populasi):
            kurang.append((periode, opd))
    assert kurang == [(TERAKHIR, SAMPEL_KURANG)]


def test_tallies_only_unit(hasil, periode) -> None:
    for p in periode:
        h = hasil[(p["id"], REKAP_SAJA)]
        assert h.baris is None, "tallies-only unit must have no CSV"
        jawaban = h.laporan["jawaban"]
        assert sorted(jawaban) == UNSUR
        for u in UNSUR:
            assert len(jawaban[u]) == 4 and all(isinstance(c, int) and c >= 0 for c in jawaban[u])
            assert sum(jawaban[u]) >= 40
        assert "profil" not in h.laporan, "a recap has no respondent profile"
    # every other unit with tallies has the profile and service counts an import writes
    lain = [h for (_, opd), h in hasil.items()
            if h.laporan and "jawaban" in h.laporan and opd != REKAP_SAJA]
    assert lain and all({"profil", "layanan", "tanggal_survei"} <= set(h.laporan) for h in lain)


def test_most_units_are_counts_and_a_few_keep_rows(hasil) -> None:
    baris = {opd for (_, opd), h in hasil.items() if h.baris is not None}
    assert baris == {"dukcapil", "disarpus", "kecamatan-jaten"}
    hitungan = {opd for (_, opd), h in hasil.items() if h.baris is None and h.melapor}
    assert len(hitungan) > 10 * len(baris)


def test_late_and_missing_reports(hasil, periode) -> None:
    batas = {p["id"]: p["batas_laporan"] for p in periode}
    terlambat = [k for k, h in hasil.items() if h.laporan and h.laporan["diterima"] > batas[k[0]]]
    assert terlambat == [(TERAKHIR, TERLAMBAT)]
    for h in hasil.values():
        if h.laporan:
            assert isinstance(h.laporan["diterima"], dt.date)
    belum = [k for k, h in hasil.items() if not h.melapor]
    assert belum == [(TERAKHIR, BELUM_LAPOR)]
    assert hasil[(TERAKHIR, BELUM_LAPOR)].laporan is None  # no yaml at all
    assert hasil[("2025-s1", BELUM_LAPOR)].melapor


def test_biaya_not_applicable_unit(hasil, periode) -> None:
    for p in periode:
        assert hasil[(p["id"], TANPA_BIAYA)].tidak_berlaku == ["u4"]
    lain = {opd for (_, opd), h in hasil.items() if h.tidak_berlaku}
    assert lain == {TANPA_BIAYA}


def test_tindak_lanjut(hasil, periode) -> None:
    jabatan = re.compile(r"(Kepala|Sekretaris|Lurah|Wakil Direktur|Direktur)\b")
    for (p, opd), h in hasil.items():
        for item in (h.laporan or {}).get("tindak_lanjut") or []:
            assert set(item) == {"unsur", "kegiatan", "waktu", "penanggung_jawab", "status"}
            assert item["unsur"] in h.berlaku
            assert item["status"] in {"rencana", "berjalan", "selesai"}
            assert jabatan.match(item["penanggung_jawab"]), item
            assert item["kegiatan"].strip() and item["waktu"].strip()
        if p == TERAKHIR and h.melapor:
            rtl = h.laporan["tindak_lanjut"]
            terlemah = sorted(h.nrr, key=lambda u: (h.nrr[u], u))[:3]
            assert [x["unsur"] for x in rtl] == terlemah, opd
    lebih_awal = [h for (p, _), h in hasil.items() if p != TERAKHIR and h.melapor]
    dengan_rtl = [h for h in lebih_awal if h.laporan.get("tindak_lanjut")]
    assert len(dengan_rtl) >= len(lebih_awal) / 3
    status = {x["status"] for h in dengan_rtl for x in h.laporan["tindak_lanjut"]}
    assert "selesai" in status


def test_no_personal_data_columns() -> None:
    terlarang = {"nama", "telepon", "hp", "wa", "email", "nik", "alamat", "saran"}
    for path in (DATA / "survei").rglob("*.csv"):
        header = path.read_text(encoding="utf-8").split("\n", 1)[0].split(",")
        assert not terlarang & {h.lower() for h in header}, path
