"""Results as JSON: the one serialiser behind ``skm results --format json`` and the open data.

The documented contract of ``skm results`` (README, "Kontrak JSON") is built here from
the results objects, and :func:`ke_json` writes it with the same settings the open data
files (``skm.json``, ``datapackage.json``) are written with: UTF-8 text, one-space
indent, a final newline, exact values as JSON numbers (a :class:`~fractions.Fraction`
or :class:`~decimal.Decimal` as the float nearest to it), dates as ISO text.
"""

from __future__ import annotations

import json
from decimal import Decimal
from fractions import Fraction

from skm_build.hitung.hasil import Hasil


def nilai_polos(nilai: object) -> object:
    """A value as JSON and a workbook cell hold it: numbers as floats, dates as ISO text."""
    if isinstance(nilai, Decimal | Fraction):
        return float(nilai)  # for a 6-decimal Decimal, the shortest repr is the same decimal
    if hasattr(nilai, "isoformat"):
        return nilai.isoformat()
    return nilai


def ke_json(isi: object) -> str:
    """The JSON text of ``isi`` (values through :func:`nilai_polos`), ending in a newline."""
    return json.dumps(isi, ensure_ascii=False, indent=1, default=nilai_polos) + "\n"


def hasil_untuk_json(hasil: Hasil, periode: str | None = None) -> dict[str, list[dict]]:
    """The documented JSON contract of ``skm results``: full precision, nulls where absent."""
    unit = []
    for (pid, _), h in hasil.unit.items():
        if periode and pid != periode:
            continue
        unit.append({
            "periode": pid,
            "opd": h.opd.id,
            "responden": h.survei.responden,
            "nrr": {u.unsur.kode: u.nrr for u in h.ikm.unsur},
            "ikm_1_4": h.ikm.ikm_1_4,
            "ikm": h.ikm.ikm,
            "mutu": h.ikm.mutu.huruf,
            "kinerja": h.ikm.mutu.kinerja,
            "sampel_minimum": h.sampel_minimum,
            "sampel_memadai": h.sampel_memadai,
        })
    kabupaten = [{
        "periode": k.periode.id,
        "ikm": k.ikm,
        "mutu": k.mutu.huruf,
        "kinerja": k.mutu.kinerja,
        "agregasi": k.agregasi,
        "ikm_gabungan": k.gabungan.ikm,
        "ikm_rata_rata_unit": k.rata_rata_unit,
        "unit": len(k.unit),
        "responden": k.responden,
    } for k in hasil.kabupaten if not periode or k.periode.id == periode]
    layanan = [{
        "periode": pid,
        "opd": h.opd.id,
        "layanan": x.nama,
        "responden": x.responden,
        "nrr": None if x.ikm is None else {u.unsur.kode: u.nrr for u in x.ikm.unsur},
        "ikm": None if x.ikm is None else x.ikm.ikm,
        "mutu": None if x.ikm is None else x.ikm.mutu.huruf,
        "kinerja": None if x.ikm is None else x.ikm.mutu.kinerja,
    } for (pid, _), h in hasil.unit.items() if not periode or pid == periode for x in h.layanan]
    return {"unit": unit, "kabupaten": kabupaten, "layanan": layanan}
