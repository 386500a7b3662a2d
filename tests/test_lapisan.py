"""The package's layers import one way, and no module imports itself through others.

    alat (generic helpers, no SKM)  ←  aturan  ←  kontrak  ←  hitung  ←  terbit
        ←  {situs, staf}  ←  cli

A module may import its own layer and the layers to its left, never one to its right;
``situs`` (the site build) and ``staf`` (staff commands) do not import each other, and
``alat`` imports nothing of the project. Lazy imports inside functions count too: they
are read from the syntax tree, not from what happens to be imported at run time.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PAKET = Path(__file__).resolve().parents[1] / "skm_build"
LAPISAN = {"alat": 0, "aturan": 1, "kontrak": 2, "hitung": 3, "terbit": 4, "situs": 5,
           "staf": 5, "cli": 6, "__main__": 6, "__init__": 6}
SALING_ASING = {frozenset(("situs", "staf"))}


def _modul(berkas: Path, akar: Path) -> str:
    bagian = berkas.relative_to(akar.parent).with_suffix("").parts
    return ".".join(bagian[:-1] if bagian[-1] == "__init__" else bagian)


def _lapisan(modul: str) -> str:
    bagian = modul.split(".")
    return bagian[1] if len(bagian) > 1 else "__init__"


def impor_proyek(akar: Path) -> dict[str, set[str]]:
    """Every module of the package and the project modules it imports (relative imports
    are resolved; ``from pkg import mod`` counts as importing ``pkg.mod``)."""
    nama_paket = akar.name
    semua = {_modul(b, akar): b for b in akar.rglob("*.py")}
    graf: dict[str, set[str]] = {}
    for modul, berkas in semua.items():
        dasar = modul if berkas.name == "__init__.py" else modul.rpartition(".")[0]
        tujuan: set[str] = set()
        for simpul in ast.walk(ast.parse(berkas.read_text(encoding="utf-8"))):
            if isinstance(simpul, ast.Import):
                nama = [a.name for a in simpul.names]
            elif isinstance(simpul, ast.ImportFrom):
                asal = simpul.module or ""
                if simpul.level:
                    naik = dasar.split(".")[: len(dasar.split(".")) - simpul.level + 1]
                    asal = ".".join([*naik, asal] if asal else naik)
                nama = [asal] + [f"{asal}.{a.name}" for a in simpul.names]
            else:
                continue
            tujuan |= {n for n in nama if n in semua and n.split(".")[0] == nama_paket}
        tujuan.discard(modul)
        graf[modul] = tujuan
    return graf


def pelanggaran(akar: Path) -> list[str]:
    """Every import that goes against the layers, and every import cycle."""
    graf = impor_proyek(akar)
    salah = []
    for modul, tujuan in sorted(graf.items()):
        dari = _lapisan(modul)
        for t in sorted(tujuan):
            ke = _lapisan(t)
            if ke == "__init__" or ke == dari:
                continue
            if dari == "alat":
                salah.append(f"{modul} → {t}: alat tidak mengenal proyek")
            elif LAPISAN[ke] > LAPISAN[dari]:
                salah.append(f"{modul} → {t}: impor ke lapisan di atasnya ({dari} → {ke})")
            elif frozenset((dari, ke)) in SALING_ASING:
                salah.append(f"{modul} → {t}: {dari} dan {ke} tidak saling mengimpor")
    salah += [f"siklus: {' → '.join(s)}" for s in _siklus(graf)]
    return salah


def _siklus(graf: dict[str, set[str]]) -> list[list[str]]:
    """One cycle per strongly connected component with more than one module (Tarjan)."""
    indeks: dict[str, int] = {}
    rendah: dict[str, int] = {}
    tumpukan: list[str] = []
    hasil: list[list[str]] = []

    def kunjungi(v: str) -> None:
        indeks[v] = rendah[v] = len(indeks)
        tumpukan.append(v)
        for w in graf.get(v, ()):
            if w not in indeks:
                kunjungi(w)
                rendah[v] = min(rendah[v], rendah[w])
            elif w in tumpukan:
                rendah[v] = min(rendah[v], indeks[w])
        if rendah[v] == indeks[v]:
            komponen = []
            while True:
                w = tumpukan.pop()
                komponen.append(w)
                if w == v:
                    break
            if len(komponen) > 1:
                hasil.append(sorted(komponen))

    for v in sorted(graf):
        if v not in indeks:
            kunjungi(v)
    return hasil


def test_paket_mengimpor_satu_arah_tanpa_siklus() -> None:
    assert pelanggaran(PAKET) == []


def test_setiap_folder_paket_punya_lapisan() -> None:
    folder = {p.name for p in PAKET.iterdir() if p.is_dir() and (p / "__init__.py").exists()}
    assert folder <= set(LAPISAN), f"folder tanpa lapisan: {folder - set(LAPISAN)}"


def _paket_palsu(tmp_path: Path, isi: dict[str, str]) -> Path:
    akar = tmp_path / "skm_build"
    for nama, kode in {"__init__.py": "", **isi}.items():
        (akar / nama).parent.mkdir(parents=True, exist_ok=True)
        (akar / nama).write_text(kode)
        for induk in (akar / nama).parents:
            if induk == akar.parent:
                break
            (induk / "__init__.py").touch()
    return akar


@pytest.mark.parametrize(("isi", "kata"), [
    ({"aturan/ikm.py": "from skm_build.hitung import hasil\n", "hitung/hasil.py": ""},
     "lapisan di atasnya"),
    ({"kontrak/muat.py": "def f():\n    from skm_build.terbit.halaman import x\n",
      "terbit/halaman.py": ""}, "lapisan di atasnya"),
    ({"staf/paket.py": "from skm_build.situs import bangun\n", "situs/bangun.py": ""},
     "tidak saling mengimpor"),
    ({"alat/zip.py": "from skm_build.aturan import ikm\n", "aturan/ikm.py": ""},
     "alat tidak mengenal proyek"),
    ({"kontrak/a.py": "from . import b\n", "kontrak/b.py": "from skm_build.kontrak import a\n"},
     "siklus"),
])
def test_pemeriksa_menangkap_pelanggaran(tmp_path: Path, isi: dict[str, str], kata: str) -> None:
    temuan = pelanggaran(_paket_palsu(tmp_path, isi))
    assert any(kata in t for t in temuan), temuan
