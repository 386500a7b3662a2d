"""Markdown tables → HTML tables whose rows become labelled cards on a phone.

A pipe table of seven columns does not fit a 390 px screen: Material lets it scroll
sideways, so the grade, the sample mark or a plan's status sit off-screen with no hint.
Every table of a generated page is rewritten here as an HTML table that carries, on
each cell, the name of its column (``data-label``); ``skm.css`` shows wide tables on a
phone as one card per row ("IKM 83,97", "Mutu B Baik", …) and narrow ones as a compact
table, and on a wide screen both stay ordinary tables. Nothing is hidden and no
JavaScript is needed.

Cells keep their Markdown (links, emphasis, badges): ``md_in_html`` renders the cells
(``markdown="span"``), so MkDocs still checks and rewrites ``.md`` links. Values from
``data/`` never contain a bare ``|`` (``teks.netral`` writes it as ``&#124;``), so a
row splits on ``|`` safely.
"""

from __future__ import annotations

import html
import re

# A table of this many columns or more is shown as cards on a phone.
KOLOM_KARTU = 5
TANPA_KEPALA = '<span class="skm-tersembunyi">Nilai</span>'
_PEMISAH = re.compile(r"^\|(\s*:?-+:?\s*\|)+\s*$")


def _sel(baris: str) -> list[str]:
    return [s.strip() for s in baris.strip().strip("|").split("|")]


def _label(kepala: str) -> str:
    """The header cell as plain text for an attribute: no Markdown, escaped once."""
    polos = html.unescape(re.sub(r"[*_`]", "", kepala))
    return html.escape(polos, quote=True)


def _tabel(kepala: list[str], pemisah: list[str], isi: list[list[str]]) -> list[str]:
    kanan = [p.endswith(":") for p in pemisah]
    kelas = "skm-kartu" if len(kepala) >= KOLOM_KARTU else "skm-ringkas"
    label = [_label(k) for k in kepala]
    # The card's title on a phone: the first column that is not a row number.
    judul = next((i for i, k in enumerate(kepala) if k != "#"), 0)

    def atribut(i: int) -> str:
        kelas = ["skm-judul-sel"] if i == judul else []
        if kepala[i] == "#":
            kelas.append("skm-no")
        teks = f' class="{" ".join(kelas)}"' if kelas else ""
        return teks + (' style="text-align:right"' if i < len(kanan) and kanan[i] else "")

    keluar = [f'<div class="{kelas}" markdown="1">', '<table markdown="1">',
              '<thead markdown="1">', '<tr markdown="1">']
    # A header left empty in Markdown ("| Ringkasan | |") still names its column for
    # screen readers (axe: empty-table-header); the cards show no label for it.
    keluar += [f'<th{atribut(i)} markdown="span">{k or TANPA_KEPALA}</th>'
               for i, k in enumerate(kepala)]
    keluar += ["</tr>", "</thead>", '<tbody markdown="1">']
    for baris in isi:
        sel = (baris + [""] * len(kepala))[:len(kepala)]
        keluar.append('<tr markdown="1">')
        keluar += [f'<td{atribut(i)} data-label="{label[i]}" markdown="span">{s}</td>'
                   for i, s in enumerate(sel)]
        keluar.append("</tr>")
    keluar += ["</tbody>", "</table>", "</div>"]
    return keluar


def tabel_kartu(markdown: str) -> str:
    """Rewrite every pipe table of a page (header, ``|---|`` line, rows) as HTML."""
    baris = markdown.split("\n")
    keluar: list[str] = []
    i = 0
    while i < len(baris):
        if (baris[i].startswith("|") and i + 1 < len(baris)
                and _PEMISAH.match(baris[i + 1])):
            kepala, pemisah = _sel(baris[i]), _sel(baris[i + 1])
            j = i + 2
            while j < len(baris) and baris[j].startswith("|"):
                j += 1
            if keluar and keluar[-1].strip():
                keluar.append("")
            keluar += _tabel(kepala, pemisah, [_sel(b) for b in baris[i + 2:j]])
            if j < len(baris) and baris[j].strip():
                keluar.append("")
            i = j
        else:
            keluar.append(baris[i])
            i += 1
    return "\n".join(keluar)
