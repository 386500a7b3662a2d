"""The digest (``sidik``) of a signed period: what must not change once a report is signed.

``skm sahkan`` stores, beside the signer, a SHA-256 over a canonical serialisation of
everything the period's numbers come from; every check and build recomputes it and
refuses a change (:func:`periksa_pengesahan`). What it covers, and why:

- ``kabupaten.yaml``: the weight (``bobot``), the aggregation rule (``agregasi``) and the
  fewest respondents a service is valued from (``minimum_responden_layanan``);
  the kabupaten's name and the penyusun are words, not numbers;
- ``periode.yaml``: the period's dates and ``batas_laporan`` (they decide compliance);
  its name is a word;
- one part per unit that reported (``survei/<periode>/<opd>``): everything the loader
  keeps of it — tallies (also per service), respondents, population, unsur not
  applicable, profile counts, the ``diterima`` date (compliance is a signed number),
  whether it came as rows or as a tally — **except** the follow-up plan
  (``tindak_lanjut``: a plan moves on after signing; the signed report keeps it as
  signed in its frozen copy) and free text (``ringkasan_masukan``). A new field of the
  model is covered unless it is added to :data:`DIABAIKAN`: a digest that forgets a
  number is worse than one that is too strict;
- which units reported: a unit added or removed adds or removes a part.

The parts are hashed one by one and the digest is the hash of that list, so a mismatch
can name the file that changed (the parts of each signed version are kept in
``data/pengesahan/<periode>/versi-N.json``).
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from dataclasses import dataclass
from datetime import date
from fractions import Fraction
from pathlib import Path
from typing import Any

from skm_build.kontrak.model import DataSkm, Pengesahan, Periode, Survei

# Bump when what is covered changes; old sign-offs then need a revision. 2: a legacy
# weight follows the unsur that apply (1/k rounded), and the per-service minimum
# (which service values are published) is covered.
VERSI_SIDIK = 2
# tanggal_survei (issue 12): when the survey ran is a record, not a number a result comes
# from; covering it would also break every digest signed before the field existed.
DIABAIKAN = frozenset({"tindak_lanjut", "ringkasan_masukan", "tanggal_survei"})
FOLDER = "pengesahan"  # data/pengesahan/<periode>/versi-N.{json,md}


def _kanonik(nilai: Any) -> Any:
    if dataclasses.is_dataclass(nilai) and not isinstance(nilai, type):
        return {f.name: _kanonik(getattr(nilai, f.name)) for f in dataclasses.fields(nilai)
                if f.name not in DIABAIKAN}
    if isinstance(nilai, dict):
        return {str(k): _kanonik(v) for k, v in nilai.items()}
    if isinstance(nilai, list | tuple):
        return [_kanonik(v) for v in nilai]
    if isinstance(nilai, date):
        return nilai.isoformat()
    if isinstance(nilai, Fraction):
        return f"{nilai.numerator}/{nilai.denominator}"
    return nilai


def _hash(nilai: Any) -> str:
    teks = json.dumps(_kanonik(nilai), sort_keys=True, separators=(",", ":"),
                      ensure_ascii=False)
    return hashlib.sha256(teks.encode("utf-8")).hexdigest()


def nama_bagian_unit(s: Survei) -> str:
    return f"survei/{s.periode}/{s.opd}"


def bagian(data: DataSkm, per: Periode) -> dict[str, str]:
    """The SHA-256 of each part the period's numbers come from, by part name."""
    kab = data.kabupaten
    hasil = {
        "kabupaten.yaml": _hash({"bobot": kab.bobot, "agregasi": kab.agregasi,
                                 "minimum_responden_layanan": kab.minimum_responden_layanan}),
        "periode.yaml": _hash({"id": per.id, "mulai": per.mulai, "selesai": per.selesai,
                               "batas_laporan": per.batas_laporan}),
    }
    for (pid, _), s in sorted(data.survei.items()):
        if pid == per.id:
            hasil[nama_bagian_unit(s)] = _hash(s)
    return hasil


def sidik_dari_bagian(bag: dict[str, str]) -> str:
    return _hash({"versi_sidik": VERSI_SIDIK, "bagian": dict(sorted(bag.items()))})


def sidik(data: DataSkm, per: Periode) -> str:
    """The digest ``skm sahkan`` stores for ``per``."""
    return sidik_dari_bagian(bagian(data, per))


def folder_versi(folder_data: Path, periode_id: str) -> Path:
    return folder_data / FOLDER / periode_id


def berkas_bagian(folder_data: Path, periode_id: str, versi: int) -> Path:
    return folder_versi(folder_data, periode_id) / f"versi-{versi}.json"


def berkas_laporan(folder_data: Path, periode_id: str, versi: int) -> Path:
    """The frozen Markdown of a signed version's report."""
    return folder_versi(folder_data, periode_id) / f"versi-{versi}.md"


def json_bagian(per: Periode, versi: int, sidik_: str, bag: dict[str, str],
                ringkasan: dict[str, str]) -> bytes:
    """The record of a signed version, written beside its frozen report: its parts (to
    name what changed) and the headline numbers as signed (``ringkasan``)."""
    isi = {"periode": per.id, "versi": versi, "versi_sidik": VERSI_SIDIK, "sidik": sidik_,
           "ringkasan": ringkasan, "bagian": dict(sorted(bag.items()))}
    return (json.dumps(isi, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def _baca_json(berkas: Path) -> dict | None:
    try:
        isi = json.loads(berkas.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return isi if isinstance(isi, dict) else None


def baca_bagian(berkas: Path) -> dict[str, str] | None:
    """The parts recorded for a signed version, or None when there is no usable record."""
    bag = (_baca_json(berkas) or {}).get("bagian")
    if not isinstance(bag, dict) or not all(isinstance(v, str) for v in bag.values()):
        return None
    return bag


@dataclass(frozen=True)
class VersiSah:
    """One signed version of a period's report, as the site lists it."""

    versi: int
    pengesahan: Pengesahan
    alasan: str | None  # why the version before it was reopened (None for version 1)
    dibuka: date | None  # when this version was itself reopened (None: still in force)
    laporan: str | None  # the frozen Markdown, when ``skm sahkan`` wrote one
    ringkasan: dict[str, str]  # headline numbers as signed
    berubah: tuple[tuple[str, str], ...]  # parts changed since the version before


def riwayat(folder_data: Path, per: Periode) -> tuple[VersiSah, ...]:
    """Every signed version of ``per``, oldest first, with what changed between them."""
    daftar: list[tuple[int, Pengesahan, date | None]] = [
        (r.versi, r.pengesahan, r.dibuka) for r in per.revisi]
    if per.pengesahan is not None:
        daftar.append((per.versi, per.pengesahan, None))
    hasil, sebelumnya, alasan = [], None, None
    for versi, sah, dibuka in daftar:
        rekam = _baca_json(berkas_bagian(folder_data, per.id, versi)) or {}
        bag = baca_bagian(berkas_bagian(folder_data, per.id, versi))
        md = berkas_laporan(folder_data, per.id, versi)
        ringkasan = rekam.get("ringkasan")
        hasil.append(VersiSah(
            versi, sah, alasan, dibuka,
            md.read_text(encoding="utf-8") if md.is_file() else None,
            ringkasan if isinstance(ringkasan, dict) else {},
            tuple(berubah(sebelumnya, bag)) if sebelumnya is not None and bag is not None
            else ()))
        sebelumnya = bag
        alasan = next((r.alasan for r in per.revisi if r.versi == versi), None)
    return tuple(hasil)


def berubah(lama: dict[str, str], baru: dict[str, str]) -> list[tuple[str, str]]:
    """(part, what happened) for every part that differs: diubah, ditambah, dihapus."""
    hasil = []
    for nama in sorted(set(lama) | set(baru)):
        if nama not in baru:
            hasil.append((nama, "dihapus"))
        elif nama not in lama:
            hasil.append((nama, "ditambah"))
        elif lama[nama] != baru[nama]:
            hasil.append((nama, "diubah"))
    return hasil


def berkas_dari_bagian(folder_data: Path, nama: str) -> Path:
    """The data file a part comes from: a unit's CSV when there is one, else its YAML."""
    if not nama.startswith("survei/"):
        return folder_data / nama
    csv = folder_data / f"{nama}.csv"
    return csv if csv.exists() else folder_data / f"{nama}.yaml"
