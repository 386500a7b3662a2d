"""``skm build`` behaviour without a browser: reproducible, atomic, data-driven, strict.

Every build runs the real command (``python -m skm_build build``) in a copy of the
project, so exit codes and messages are the ones staff and CI see. The expensive builds
happen once per session; tests that break something work on a copy of a built project.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

import pytest
from bantuan import AKAR, salin_proyek, sidik

EPOCH = "1767225600"  # 2026-01-01T00:00:00Z
UNIT_DIHAPUS = "bakesbangpol"
HALAMAN_BARU = "panduan/cara-membaca.md"
JUDUL_BARU = "Cara membaca hasil survei"


# --------------------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------------------


def skm_build(akar: Path) -> subprocess.CompletedProcess:
    """Run ``skm build`` in ``akar`` with a fixed build date."""
    env = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("SKM_SITE_URL", None)
    return subprocess.run([sys.executable, "-m", "skm_build", "build"], cwd=akar, env=env,
                          capture_output=True, text=True, timeout=600, check=False)


def bangun_atau_gagal(akar: Path) -> Path:
    r = skm_build(akar)
    assert r.returncode == 0, r.stderr
    return akar


def beda(a: dict[str, str], b: dict[str, str]) -> list[str]:
    return sorted(k for k in a.keys() | b.keys() if a.get(k) != b.get(k))


def halaman_html(situs: Path) -> list[Path]:
    """Every HTML page of the site, the theme's 404 page included."""
    return sorted(situs.rglob("*.html"))


def sisa_sementara(akar: Path) -> list[str]:
    """Work folders a build leaves behind when it does not clean up."""
    return sorted(p.name for p in [*akar.glob("site.*"), *(akar / "content").glob("_dibangun.*")])


class _Navigasi(HTMLParser):
    """(href, text) of every ``a.md-nav__link`` in a Material page."""

    def __init__(self) -> None:
        super().__init__()
        self.tautan: list[tuple[str, str]] = []
        self._kini: list[str] | None = None
        self._href = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "a" and "md-nav__link" in (a.get("class") or "").split():
            self._kini, self._href = [], a.get("href") or ""

    def handle_data(self, data: str) -> None:
        if self._kini is not None:
            self._kini.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self._kini is not None:
            self.tautan.append((self._href, " ".join("".join(self._kini).split())))
            self._kini = None


def navigasi(halaman: Path) -> list[tuple[str, str]]:
    p = _Navigasi()
    p.feed(halaman.read_text(encoding="utf-8"))
    return p.tautan


def judul(md: Path) -> str:
    return next(b[2:].strip() for b in md.read_text(encoding="utf-8").splitlines()
                if b.startswith("# "))


# --------------------------------------------------------------------------------------
# Builds (once per session)
# --------------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def dasar(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped project built once. Read-only for the tests."""
    return bangun_atau_gagal(salin_proyek(tmp_path_factory.mktemp("dasar") / "proyek"))


@pytest.fixture(scope="session")
def varian(dasar: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The built project, rebuilt after: one unit removed, ``data_contoh: false``, and a
    new hand-written page in a subfolder."""
    akar = tmp_path_factory.mktemp("varian") / "proyek"
    shutil.copytree(dasar, akar, symlinks=True)
    data = akar / "data"
    blok = re.split(r"(?m)^(?=- id: )", (data / "opd.yaml").read_text(encoding="utf-8"))
    sisa = [b for b in blok if not b.startswith(f"- id: {UNIT_DIHAPUS}\n")]
    assert len(sisa) == len(blok) - 1
    (data / "opd.yaml").write_text("".join(sisa), encoding="utf-8")
    for berkas in data.glob(f"survei/*/{UNIT_DIHAPUS}.*"):
        berkas.unlink()
    # Signed periods are frozen: removing a unit's reports from them needs the sign-offs
    # gone too (as after `skm revisi`), else the build refuses the change.
    periode = (data / "periode.yaml").read_text(encoding="utf-8")
    (data / "periode.yaml").write_text(
        re.sub(r"(?m)^  pengesahan:\n(?:    .*\n)+", "", periode), encoding="utf-8")
    kab = (data / "kabupaten.yaml").read_text(encoding="utf-8")
    assert "data_contoh: true" in kab
    (data / "kabupaten.yaml").write_text(kab.replace("data_contoh: true", "data_contoh: false"),
                                         encoding="utf-8")
    baru = akar / "content" / HALAMAN_BARU
    baru.parent.mkdir(parents=True)
    baru.write_text(f"# {JUDUL_BARU}\n\nLihat [metodologi](../metodologi.md).\n",
                    encoding="utf-8")
    return bangun_atau_gagal(akar)


@pytest.fixture
def terbangun(dasar: Path, tmp_path: Path) -> Path:
    """A private copy of the built project, for a test that breaks something."""
    akar = tmp_path / "proyek"
    shutil.copytree(dasar, akar, symlinks=True)
    return akar


# --------------------------------------------------------------------------------------
# Tests
# --------------------------------------------------------------------------------------


def test_dua_build_sama_persis(dasar, tmp_path_factory):
    # A second build of the same data in another folder, same SOURCE_DATE_EPOCH.
    kedua = bangun_atau_gagal(salin_proyek(tmp_path_factory.mktemp("kedua") / "proyek"))
    a, b = sidik(dasar / "site"), sidik(kedua / "site")
    assert len(a) > 100
    assert beda(a, b) == []


def test_galat_data_keluar_1_dan_situs_lama_utuh(terbangun):
    csv = terbangun / "data" / "survei" / "2025-s2" / "dukcapil.csv"
    baris = csv.read_text(encoding="utf-8").split("\n")
    kolom = baris[0].split(",")
    sel = baris[2].split(",")
    sel[kolom.index("u3")] = "7"
    baris[2] = ",".join(sel)
    csv.write_text("\n".join(baris), encoding="utf-8")
    situs, dibangun = sidik(terbangun / "site"), sidik(terbangun / "content" / "_dibangun")

    r = skm_build(terbangun)

    assert r.returncode == 1
    assert re.search(r"^data/survei/2025-s2/dukcapil\.csv:3:u3: .*tidak sah", r.stderr,
                     re.MULTILINE), r.stderr
    assert "Traceback" not in r.stderr
    assert beda(sidik(terbangun / "site"), situs) == []
    assert beda(sidik(terbangun / "content" / "_dibangun"), dibangun) == []
    assert sisa_sementara(terbangun) == []


def test_unit_dihapus_hilang_dari_situs(dasar, varian):
    assert (dasar / "site" / "opd" / UNIT_DIHAPUS / "index.html").is_file()
    assert not (varian / "site" / "opd" / UNIT_DIHAPUS).exists()
    menyebut = [b.relative_to(varian / "site").as_posix()
                for b in (varian / "site").rglob("*")
                if b.is_file() and b.suffix in (".html", ".json", ".xml")
                and UNIT_DIHAPUS in b.read_text(encoding="utf-8")]
    assert menyebut == []


def test_halaman_tulisan_tangan_ada_di_situs_dan_navigasi(dasar):
    nav = navigasi(dasar / "site" / "index.html")
    tulisan = sorted((AKAR / "content").glob("*.md"))
    assert tulisan
    for md in tulisan:
        assert (dasar / "site" / md.stem / "index.html").is_file(), md.name
        assert (f"{md.stem}/", judul(md)) in nav, md.name


def test_halaman_tulisan_tangan_dalam_subfolder(varian):
    halaman = varian / "site" / Path(HALAMAN_BARU).with_suffix("") / "index.html"
    assert JUDUL_BARU in halaman.read_text(encoding="utf-8")
    jalur = Path(HALAMAN_BARU).with_suffix("").as_posix() + "/"
    assert (jalur, JUDUL_BARU) in navigasi(varian / "site" / "index.html")


def test_spanduk_di_setiap_halaman_bila_data_contoh(dasar):
    halaman = halaman_html(dasar / "site")
    assert len(halaman) > 60
    tanpa = [h.relative_to(dasar / "site").as_posix() for h in halaman
             if 'class="skm-contoh"' not in h.read_text(encoding="utf-8")]
    assert tanpa == []


def test_tanpa_spanduk_bila_bukan_data_contoh(varian):
    halaman = halaman_html(varian / "site")
    assert len(halaman) > 60
    dengan = [h.relative_to(varian / "site").as_posix() for h in halaman
              if "skm-contoh" in h.read_text(encoding="utf-8")]
    assert dengan == []


def test_peringatan_mkdocs_menggagalkan_build(terbangun):
    (terbangun / "content" / "rusak.md").write_text(
        "# Halaman rusak\n\nLihat [halaman yang tidak ada](tidak-ada.md).\n", encoding="utf-8")
    situs = sidik(terbangun / "site")

    r = skm_build(terbangun)

    assert r.returncode == 1
    assert "tidak-ada.md" in r.stderr
    assert "Traceback" not in r.stderr
    assert beda(sidik(terbangun / "site"), situs) == []
    assert sisa_sementara(terbangun) == []


def test_grafik_situs_adalah_figur_plotly_sah(dasar):
    """Every chart kind on the generated pages passes plotly's own validation, and plotly
    writes it back unchanged: the figures are what ``go.Figure(...).to_json`` gives."""
    import plotly.graph_objects as go
    import plotly.io as pio

    dibangun = dasar / "content" / "_dibangun"
    jenis: set[str] = set()
    for relatif in ["index.md", "periode/2025-s2.md", "opd/dukcapil.md", "opd/bakesbangpol.md"]:
        teks = (dibangun / relatif).read_text(encoding="utf-8")
        for ident, spek in re.findall(r'id="grafik-([^"]+)"[^>]*data-plotly="([^"]*)"', teks):
            figur = json.loads(unescape(spek))
            sah = go.Figure(figur)  # raises on an unknown property or a bad value
            assert json.loads(pio.to_json(sah)) == figur, ident
            jenis.add(ident.split("-2")[0])
    assert jenis >= {"tren", "tren-kabupaten", "unsur", "sebaran-mutu", "peta-unsur"}


@pytest.mark.parametrize(("nilai", "label"), [(78.125, "78,13"), (88.305, "88,31"),
                                              (65.0, "65,00"), (None, "–")])
def test_label_grafik_dibulatkan_seperti_tabel(nilai, label):
    """Chart labels round half up on the exact value, like the tables beside them
    (a binary float would print 78,125 as 78,12 and 88,305 as 88,30)."""
    from skm_build.terbit import format_id, grafik

    assert grafik.unsur(["U1"], [nilai], ["B"])["data"][0]["text"] == [label]
    if nilai is not None:
        assert grafik.tren(["S1"], [nilai])["data"][0]["text"] == [label]
        assert format_id.angka(nilai) == label
