"""Plotly figures for the site, and the HTML container each one travels in.

Figures are plain dicts in plotly's JSON shape (``{"data": [...], "layout": {...}}``)
with the ``"none"`` template and plain lists (a 9-bar figure is ~300 bytes instead of
~7 KB, and no numpy ``bdata`` ties the JSON to one plotly.js version). They are not
built as ``plotly.graph_objects.Figure``: its property validation cost ~5 ms a figure
(0.6 s of the build for the sample data's 121 charts, plus importing plotly) to produce
this same JSON; the test suite checks that plotly's validators accept the figures and
write them back unchanged. The browser side
(``static/skm-grafik.js``) draws every ``[data-plotly]`` container when it scrolls into
view and applies the light or dark palette.

Text that comes from ``data/`` is HTML-escaped before it enters a figure, because
plotly.js interprets ``<b>``, ``<br>`` and ``<a href>`` inside labels.
"""

from __future__ import annotations

import html
import itertools
import json
from collections.abc import Sequence

from skm_build.alat.teks import Aman
from skm_build.aturan.ikm import SKALA_MAKS, SKALA_MIN, TABEL_MUTU
from skm_build.terbit import format_id as fmt

Figur = dict  # {"data": [trace, ...], "layout": {...}}, plotly's JSON figure shape

# What plotly.py writes for ``template="none"``.
TEMPLAT_KOSONG = {"data": {"scatter": [{"type": "scatter"}]}}
# plotly.io.to_json escapes these so that ``</script>`` cannot end a script element.
_JSON_AMAN = str.maketrans({"<": "\\u003c", ">": "\\u003e", "/": "\\u002f"})

WARNA_MUTU = {"A": "#1b7f3b", "B": "#2f6db5", "C": "#c77700", "D": "#b3261e"}
WARNA_UTAMA = "#2f6db5"
WARNA_TARGET = "#8a5a00"
FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif"


def label(teks: str) -> str:
    """Escape a label from data so plotly.js shows it literally."""
    return html.escape(teks, quote=False)


def _tata_letak(tinggi: int, **lain: object) -> dict:
    return {
        "template": TEMPLAT_KOSONG,
        "height": tinggi,
        "margin": {"l": 8, "r": 8, "t": 8, "b": 8},
        "font": {"family": FONT, "size": 13},
        "separators": ",.",
        "showlegend": False,
        **lain,
    }


def _skala_warna_mutu() -> list[list]:
    """A stepped colour scale for 25–100: each grade's interval one flat colour, so a
    cell's colour is its grade, as the caption says (a gradient would blur the bounds)."""
    rentang = float(SKALA_MAKS - SKALA_MIN)
    skala = []
    for m in reversed(TABEL_MUTU):
        skala.append([float(m.batas_bawah - SKALA_MIN) / rentang, WARNA_MUTU[m.huruf]])
        skala.append([float(m.batas_atas - SKALA_MIN) / rentang, WARNA_MUTU[m.huruf]])
    skala[-1][0] = 1.0
    return skala


def _pita_mutu(sumbu: str = "y") -> list[dict]:
    """Faint bands for the grade intervals (25–100 scale), lowest grade first."""
    batas = [float(m.batas_bawah) for m in reversed(TABEL_MUTU)] + [float(SKALA_MAKS)]
    pita = []
    for (bawah, atas), m in zip(itertools.pairwise(batas), reversed(TABEL_MUTU),
                                strict=True):
        dasar = {"type": "rect", "layer": "below", "line": {"width": 0},
                 "fillcolor": WARNA_MUTU[m.huruf], "opacity": 0.08}
        if sumbu == "y":
            pita.append({**dasar, "xref": "paper", "x0": 0, "x1": 1, "yref": "y",
                         "y0": bawah, "y1": atas})
        else:
            pita.append({**dasar, "yref": "paper", "y0": 0, "y1": 1, "xref": "x",
                         "x0": bawah, "x1": atas})
    return pita


def json_figur(fig: Figur) -> str:
    """Compact JSON as ``plotly.io.to_json`` writes it (ASCII, ``<>/`` escaped).

    NaN or infinity fail the build here instead of reaching the page as ``null``.
    """
    return json.dumps(fig, separators=(",", ":"), allow_nan=False).translate(_JSON_AMAN)


def wadah(ident: str, fig: Figur, keterangan: str, judul: str | None = None,
          legenda: bool = False, tabel: str = "tabel di bawah grafik ini") -> Aman:
    """The chart as a figure: its sentence headline, the grade legend, the container.

    The container carries the figure JSON in ``data-plotly`` with its height reserved;
    without JavaScript it says where the same numbers are (``tabel``) instead of being
    an empty box. ``judul`` and ``keterangan`` are plain text and escaped here.
    """
    spesifikasi = json_figur(fig)
    tinggi = int(fig["layout"].get("height") or 360)
    kepala = (f'<figcaption class="skm-judul-grafik">{html.escape(judul)}</figcaption>'
              if judul else "")
    return Aman(
        '<figure class="skm-grafik">'
        f'{kepala}{legenda_mutu() if legenda else ""}'
        f'<div class="skm-chart" id="grafik-{html.escape(ident)}" role="img" '
        f'aria-label="{html.escape(keterangan, quote=True)}" style="min-height:{tinggi}px" '
        f'data-plotly="{html.escape(spesifikasi, quote=True)}"><noscript>'
        "<p data-search-exclude>Grafik ini memerlukan JavaScript. Angka yang sama ada pada "
        f"{html.escape(tabel)}.</p>"
        "</noscript></div></figure>"
    )


def legenda_mutu() -> str:
    """The grade bands behind the charts, in words: letter, meaning and interval."""
    butir = "".join(
        f'<span class="skm-legenda-butir"><span class="skm-legenda-warna" '
        f'style="background:{WARNA_MUTU[m.huruf]}"></span>{m.huruf} {m.kinerja} '
        f"({m.interval_25_100.replace(' – ', '–')})</span>" for m in TABEL_MUTU)
    return f'<p class="skm-legenda-mutu" data-search-exclude>Pita warna: {butir}</p>'


def label_periode(nama: str) -> str:
    """"Semester II 2025" → "Semester II<br>2025": two short lines fit under a phone's
    x axis where one long rotated label was clipped."""
    awal, _, akhir = label(nama).rpartition(" ")
    return f"{awal}<br>{akhir}" if awal else akhir


def tren(periode: Sequence[str], nilai: Sequence[float | None], target: float | None = None,
         nama_seri: str = "IKM") -> Figur:
    """IKM over periods on the 25–100 scale, grade bands behind, optional target line."""
    data = [{
        "connectgaps": False, "hovertemplate": "%{x}: %{text}<extra></extra>",
        "line": {"color": WARNA_UTAMA, "width": 3}, "marker": {"size": 9},
        "mode": "lines+markers+text", "name": nama_seri,
        "text": [None if v is None else fmt.angka(v) for v in nilai],
        "textposition": "top center", "x": [label_periode(p) for p in periode],
        "y": list(nilai), "type": "scatter",
    }]
    if target is not None:
        data.append({
            "hovertemplate": f"Target: {fmt.angka(target)}<extra></extra>",
            "line": {"color": WARNA_TARGET, "dash": "dash", "width": 2}, "mode": "lines",
            "name": "Target", "x": [label_periode(p) for p in periode],
            "y": [target] * len(periode), "type": "scatter",
        })
    # The same whole scale on every page, so slopes compare between units.
    return {"data": data, "layout": _tata_letak(
        300, shapes=_pita_mutu("y"),
        yaxis={"range": [int(SKALA_MIN), int(SKALA_MAKS)], "title": {"text": "IKM"},
               "automargin": True, "dtick": 25, "fixedrange": True},
        xaxis={"type": "category", "automargin": True, "tickangle": 0, "fixedrange": True},
        margin={"l": 8, "r": 8, "t": 24, "b": 8},
    )}


def unsur(nama: Sequence[str], nilai_25: Sequence[float | None],
          huruf: Sequence[str | None]) -> Figur:
    """NRR × 25 per unsur as horizontal bars, coloured by their grade, bands behind."""
    return {"data": [{
        "hovertemplate": "%{y}: %{text}<extra></extra>", "insidetextanchor": "end",
        "marker": {"color": [WARNA_MUTU[h] if h else "#888888" for h in huruf]},
        "orientation": "h", "text": [fmt.angka(v) for v in nilai_25],
        "textfont": {"color": "#ffffff"}, "textposition": "inside", "x": list(nilai_25),
        "y": [label(n) for n in nama], "type": "bar",
    }], "layout": _tata_letak(
        40 + 34 * len(nama), shapes=_pita_mutu("x"),
        xaxis={"range": [int(SKALA_MIN), int(SKALA_MAKS)], "title": {"text": "NRR × 25"},
               "automargin": True, "fixedrange": True},
        yaxis={"autorange": "reversed", "automargin": True, "fixedrange": True},
    )}


def peta_panas(unit: Sequence[str], nama_unsur: Sequence[str],
               nilai_25: Sequence[Sequence[float | None]]) -> Figur:
    """Unit × unsur matrix of NRR × 25, each cell in its grade's colour.

    Rows carry the units' short names and every unsur code is labelled, so the matrix
    reads on a phone; the legend above the chart names the colours.
    """
    return {"data": [{
        "colorscale": _skala_warna_mutu(), "showscale": False,
        "hovertemplate": "%{y}<br>%{x}: %{text}<extra></extra>",
        "text": [["–" if v is None else fmt.angka(v) for v in baris] for baris in nilai_25],
        "x": [label(n) for n in nama_unsur], "xgap": 1, "y": [label(u) for u in unit],
        "ygap": 1, "z": [list(baris) for baris in nilai_25], "zmax": float(SKALA_MAKS),
        "zmin": float(SKALA_MIN), "type": "heatmap",
    }], "layout": _tata_letak(
        60 + 20 * len(unit),
        xaxis={"side": "top", "automargin": True, "tickangle": 0, "dtick": 1,
               "fixedrange": True},
        yaxis={"autorange": "reversed", "automargin": True, "tickfont": {"size": 11},
               "fixedrange": True, "dtick": 1},
    )}


def peringkat(unit: Sequence[str], nilai: Sequence[float], huruf: Sequence[str]) -> Figur:
    """Units as horizontal bars in the order given (highest IKM first), grade-coloured."""
    return {"data": [{
        "hovertemplate": "%{y}: %{text}<extra></extra>", "insidetextanchor": "end",
        "marker": {"color": [WARNA_MUTU[h] for h in huruf]}, "orientation": "h",
        "text": [fmt.angka(v) for v in nilai], "textfont": {"color": "#ffffff", "size": 11},
        "textposition": "inside", "x": list(nilai), "y": [label(u) for u in unit],
        "type": "bar",
    }], "layout": _tata_letak(
        60 + 20 * len(unit), shapes=_pita_mutu("x"), bargap=0.15,
        xaxis={"range": [int(SKALA_MIN), int(SKALA_MAKS)], "title": {"text": "IKM"},
               "automargin": True, "fixedrange": True},
        yaxis={"autorange": "reversed", "automargin": True, "tickfont": {"size": 11},
               "fixedrange": True, "dtick": 1},
    )}


def sebaran_mutu(jumlah: dict[str, int]) -> Figur:
    """How many units earned each grade."""
    huruf = [m.huruf for m in TABEL_MUTU]
    return {"data": [{
        "customdata": [m.kinerja for m in TABEL_MUTU],
        "hovertemplate": "%{x} (%{customdata}): %{y} unit<extra></extra>",
        "marker": {"color": [WARNA_MUTU[h] for h in huruf]},
        "text": [str(jumlah.get(h, 0)) for h in huruf], "textposition": "outside",
        "x": huruf,  # letters only: four "A (Sangat baik)" labels overlap on a phone
        "y": [jumlah.get(h, 0) for h in huruf], "type": "bar",
    }], "layout": _tata_letak(
        260, yaxis={"rangemode": "tozero", "automargin": True, "fixedrange": True,
                    "title": {"text": "Banyaknya unit"}},
        xaxis={"automargin": True, "tickangle": 0, "fixedrange": True,
               "title": {"text": "Mutu"}},
        margin={"l": 8, "r": 8, "t": 24, "b": 8})}
