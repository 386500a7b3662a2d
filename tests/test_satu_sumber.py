"""The regulation is written once: change it in ``aturan/ikm.py`` and every output follows.

The test edits a *copy* of the package (the grade A boundary 88,31 → 90,00, the
Krejcie–Morgan χ² 3,841 → 3,900 and the name of the kabupaten aggregation rule), builds
the sample site with that copy, and reads the outputs back: pages, charts, report, open
data. Not one of them may still show the old value, and each shows the new one. The
README, which cannot be generated, is checked against the rules instead.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from bantuan import AKAR, salin_proyek

from skm_build.aturan.ikm import AGREGASI, BOBOT_BAKU, TABEL_MUTU
from skm_build.terbit.format_id import angka

GANTI = (
    ('Decimal("88.31")', 'Decimal("90.00")'),
    ("KM_CHI_KUADRAT = Fraction(3841, 1000)", "KM_CHI_KUADRAT = Fraction(3900, 1000)"),
    ('"Rata-rata IKM unit"', '"Rerata IKM per unit"'),
)


@pytest.fixture(scope="module")
def situs_aturan_lain(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample site built by a copy of the package whose rules were edited."""
    akar = tmp_path_factory.mktemp("aturan-lain")
    paket = akar / "paket"
    shutil.copytree(AKAR / "skm_build", paket / "skm_build",
                    ignore=shutil.ignore_patterns("__pycache__"))
    aturan = paket / "skm_build" / "aturan" / "ikm.py"
    teks = aturan.read_text(encoding="utf-8")
    for lama, baru in GANTI:
        assert teks.count(lama) == 1, f"{lama} harus tertulis tepat sekali di aturan/ikm.py"
        teks = teks.replace(lama, baru)
    aturan.write_text(teks, encoding="utf-8")
    proyek = salin_proyek(akar / "proyek")
    env = {**os.environ, "PYTHONPATH": str(paket), "NO_MKDOCS_2_WARNING": "1",
           "SOURCE_DATE_EPOCH": "1764460800"}
    r = subprocess.run([sys.executable, "-m", "skm_build", "build"], cwd=proyek, env=env,
                       capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, r.stderr[-2000:]
    return proyek / "site"


def _semua_teks(situs: Path) -> dict[str, str]:
    return {b.relative_to(situs).as_posix(): b.read_text(encoding="utf-8")
            for b in situs.rglob("*") if b.suffix in (".html", ".json", ".csv")}


# The old rules where a rule is stated: "≥ 88,31", "88,31 – 100,00", "mulai 88,31", a
# chart band's edge ("y0":88.31), the formula, the rule's name. A unit whose value
# happens to be 88,31 is a value, not a rule, and may stay.
ATURAN_LAMA = re.compile(r"≥ 88,31|88,31 –|(mulai|dari) 88,31|;:88\.31[,}]|3,841|"
                         r"Rata-rata IKM unit")


def test_batas_lama_tidak_tersisa_di_keluaran_mana_pun(situs_aturan_lain: Path) -> None:
    sisa = {nama for nama, teks in _semua_teks(situs_aturan_lain).items()
            if ATURAN_LAMA.search(teks)}
    assert not sisa, f"nilai aturan lama masih tertulis di: {sorted(sisa)[:10]}"


def test_batas_baru_tampil_di_setiap_jenis_keluaran(situs_aturan_lain: Path) -> None:
    s = situs_aturan_lain
    metodologi = (s / "metodologi" / "index.html").read_text(encoding="utf-8")
    assert "90,00 – 100,00" in metodologi and "3,60 – 4,00" in metodologi  # interval table
    assert "≥ 90,00 mutu A" in metodologi and "3,9 × N" in metodologi  # rule, KM formula
    assert "dimulai dari 90,00" in (s / "index.html").read_text(encoding="utf-8")
    laporan = (s / "laporan" / "2025-s2" / "index.html").read_text(encoding="utf-8")
    assert "A mulai 90,00" in laporan and "Rerata IKM per unit" in laporan
    assert "≥ 90,00 A" in (s / "data" / "2025-s2" / "datapackage.json").read_text("utf-8")
    unit = (s / "opd" / "dukcapil" / "index.html").read_text(encoding="utf-8")
    assert "&quot;y0&quot;:90.0" in unit  # the grade bands of the trend chart
    periode = (s / "periode" / "2025-s2" / "index.html").read_text(encoding="utf-8")
    assert "Rerata IKM per unit" in periode


def test_readme_menyebut_batas_dan_aturan_seperti_aturan_ikm() -> None:
    readme = (AKAR / "README.md").read_text(encoding="utf-8")
    *atas, bawah = TABEL_MUTU
    batas = "; ".join(f"≥ {angka(m.batas_bawah)} {m.huruf}" for m in atas)
    assert f"({batas}; selain itu {bawah.huruf})" in readme
    assert f'bobot: "{BOBOT_BAKU}"' in readme
    for kunci in AGREGASI:
        assert kunci in readme
