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
    kelompok: dict[str, list[tuple[str, int, Mapping[str, Tally]]]] = {}
    for mentah, (n, tally) in per_ejaan.items():
        if rapi := ejaan_layanan(mentah):
            kelompok.setdefault(rapi.casefold(), []).append((rapi, n, tally))
    hasil = []
    for anggota in kelompok.values():
        if len(anggota) == 1:  # the usual case: one spelling, nothing to add up
            rapi, n, tally = anggota[0]
            hasil.append(Layanan(rapi, n, dict(tally)))
            continue
        ejaan: Counter[str] = Counter()
        for rapi, n, _ in anggota:
            ejaan[rapi] += n
        # most_common keeps first-inserted order among equal counts: a tie goes to the
        # spelling written first.
        hasil.append(Layanan(
            ejaan.most_common(1)[0][0], sum(n for _, n, _ in anggota),
            {kode: tuple(map(sum, zip(*(t[kode] for _, _, t in anggota), strict=True)))
             for kode in KODE_UNSUR}))
    return tuple(hasil)


def layanan_dinamai(responden: Mapping[str, int], total: int, minimum: int) -> set[str]:
    """The services that may be named and valued in public: at least ``minimum`` respondents
    each, and the respondents outside them none or at least ``minimum`` too.

    A service name is free text a respondent typed, and tallies of a few answers are those
    people's answers. The second rule is complementary suppression: the unit's totals minus
    the named services' would give the rest's answers, so while the rest is a small group
    the smallest named service joins it. ``responden`` maps service name → respondents,
    ``total`` is the unit's respondents (with those who named no service).
    """
    dinamai = {nama for nama, n in responden.items() if n >= minimum}
    while dinamai:
        sisa = total - sum(responden[nama] for nama in dinamai)
        if sisa == 0 or sisa >= minimum:
            break
        dinamai.remove(min(dinamai, key=lambda nama: (responden[nama], kunci_layanan(nama))))
    return dinamai
