"""Services (layanan) as respondents and staff write them: one service, many spellings.

The ``layanan`` column is typed by hand ("KTP-el", "ktp-el", "KTP-EL ") and a unit report
lists services by name, so grouping ignores case and spacing; what is published is the
spelling written most often (ties: the one written first), so a page shows the name as
the unit writes it, not a lower-cased key.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping

from skm_build.aturan.ikm import KODE_UNSUR, Tally
from skm_build.kontrak.model import Layanan


def ejaan_layanan(nama: str) -> str:
    """The name with its spacing tidied: "Akta  Kelahiran " → "Akta Kelahiran"."""
    return " ".join(nama.split())


def kunci_layanan(nama: str) -> str:
    """What two spellings of one service share: "KTP-EL" and " ktp-el" → "ktp-el"."""
    return ejaan_layanan(nama).casefold()


def gabung_layanan(per_ejaan: Mapping[str, tuple[int, Mapping[str, Tally]]]
                   ) -> tuple[Layanan, ...]:
    """Services from ``{written name: (respondents, tallies)}``, in first-written order.

    Blank names (a respondent who left the column empty) belong to no service.
    """
    ejaan: dict[str, Counter[str]] = {}
    responden: dict[str, int] = {}
    tally: dict[str, dict[str, list[int]]] = {}
    for mentah, (n, hitungan) in per_ejaan.items():
        rapi = ejaan_layanan(mentah)
        if not rapi:
            continue
        kunci = rapi.casefold()
        ejaan.setdefault(kunci, Counter())[rapi] += n
        responden[kunci] = responden.get(kunci, 0) + n
        total = tally.setdefault(kunci, {kode: [0, 0, 0, 0] for kode in KODE_UNSUR})
        for kode, t in hitungan.items():
            for i, c in enumerate(t):
                total[kode][i] += c
    # Counter.most_common keeps first-inserted order among equal counts: ties go to the
    # spelling written first.
    return tuple(Layanan(ejaan[k].most_common(1)[0][0], responden[k],
                         {kode: tuple(t) for kode, t in tally[k].items()})  # type: ignore[misc]
                 for k in ejaan)
