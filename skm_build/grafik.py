"""Plotly figures for the site, and the HTML container each one travels in.

Figures are built in Python with ``template="none"`` and plain lists (a 9-bar figure is
~300 bytes instead of ~7 KB, and no numpy ``bdata`` ties the JSON to one plotly.js
version). The browser side (``static/skm-grafik.js``) draws every ``[data-plotly]``
container after each instant navigation and applies the light or dark palette.

Text that comes from ``data/`` is HTML-escaped before it enters a figure, because
plotly.js interprets ``<b>``, ``<br>`` and ``<a href>`` inside labels.
"""

from __future__ import annotations

import html
import itertools
import json
from collections.abc import Sequence

import plotly.graph_objects as go
import plotly.io as pio

from . import format_id as fmt
from .ikm import TABEL_MUTU
from .teks import Aman

WARNA_MUTU = {"A": "#1b7f3b", "B": "#2f6db5", "C": "#c77700", "D": "#b3261e"}
WARNA_UTAMA = "#2f6db5"
WARNA_TARGET = "#8a5a00"
FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif"


def label(teks: str) -> str:
    """Escape a label from data so plotly.js shows it literally."""
    return html.escape(teks, quote=False)


def _tata_letak(tinggi: int, **lain: object) -> dict:
    return {
        "template": "none",
        "height": tinggi,
        "margin": {"l": 8, "r": 8, "t": 8, "b": 8},
        "font": {"family": FONT, "size": 13},
        "separators": ",.",
        "showlegend": False,
        **lain,
    }


def _pita_mutu(sumbu: str = "y") -> list[dict]:
    """Faint bands for the grade intervals (25–100 scale), lowest grade first."""
    batas = [float(m.batas_bawah) for m in reversed(TABEL_MUTU)] + [100.0]
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


def wadah(ident: str, fig: go.Figure, keterangan: str) -> Aman:
    """The chart container: figure JSON in ``data-plotly``, height reserved, escaped."""
    spesifikasi = pio.to_json(fig, validate=False, pretty=False)
    json.loads(spesifikasi)  # fail the build, not the browser, on a malformed figure
    tinggi = int(fig.layout.height or 360)
    return Aman(
        f'<div class="skm-chart" id="grafik-{html.escape(ident)}" role="img" '
        f'aria-label="{html.escape(keterangan, quote=True)}" style="min-height:{tinggi}px" '
        f'data-plotly="{html.escape(spesifikasi, quote=True)}"></div>'
    )


def tren(periode: Sequence[str], nilai: Sequence[float | None], target: float | None = None,
         nama_seri: str = "IKM") -> go.Figure:
    """IKM over periods on the 25–100 scale, grade bands behind, optional target line."""
    fig = go.Figure(go.Scatter(
        x=[label(p) for p in periode], y=list(nilai), mode="lines+markers+text",
        name=nama_seri, line={"color": WARNA_UTAMA, "width": 3}, marker={"size": 9},
        text=[None if v is None else fmt.angka(v) for v in nilai],
        textposition="top center", hovertemplate="%{x}: %{text}<extra></extra>",
        connectgaps=False,
    ))
    if target is not None:
        fig.add_trace(go.Scatter(
            x=[label(p) for p in periode], y=[target] * len(periode), mode="lines",
            name="Target", line={"color": WARNA_TARGET, "dash": "dash", "width": 2},
            hovertemplate=f"Target: {fmt.angka(target)}<extra></extra>",
        ))
    rendah = min([v for v in nilai if v is not None] + ([target] if target else []))
    fig.update_layout(_tata_letak(
        300, shapes=_pita_mutu("y"),
        yaxis={"range": [max(25, rendah - 8), 101], "title": {"text": "IKM"},
               "gridcolor": "#8884", "automargin": True},
        xaxis={"type": "category", "automargin": True},
        margin={"l": 8, "r": 8, "t": 24, "b": 8},
    ))
    return fig


def unsur(nama: Sequence[str], nilai_25: Sequence[float | None],
          huruf: Sequence[str | None]) -> go.Figure:
    """NRR × 25 per unsur as horizontal bars, coloured by their grade, bands behind."""
    warna = [WARNA_MUTU[h] if h else "#888888" for h in huruf]
    fig = go.Figure(go.Bar(
        y=[label(n) for n in nama], x=[v for v in nilai_25], orientation="h",
        marker={"color": warna},
        text=[fmt.angka(v) for v in nilai_25],
        textposition="inside", insidetextanchor="end", textfont={"color": "#ffffff"},
        hovertemplate="%{y}: %{text}<extra></extra>",
    ))
    fig.update_layout(_tata_letak(
        40 + 34 * len(nama), shapes=_pita_mutu("x"),
        xaxis={"range": [25, 100], "gridcolor": "#8884", "title": {"text": "NRR × 25"}},
        yaxis={"autorange": "reversed", "automargin": True},
    ))
    return fig


def peta_panas(unit: Sequence[str], nama_unsur: Sequence[str],
               nilai_25: Sequence[Sequence[float | None]]) -> go.Figure:
    """Unit × unsur matrix of NRR × 25: where each unit is weak or strong at a glance."""
    fig = go.Figure(go.Heatmap(
        z=[list(baris) for baris in nilai_25], x=[label(n) for n in nama_unsur],
        y=[label(u) for u in unit], zmin=25, zmax=100,
        colorscale=[[0, WARNA_MUTU["D"]], [(65 - 25) / 75, WARNA_MUTU["C"]],
                    [(76.61 - 25) / 75, "#f0e6a0"], [(88.31 - 25) / 75, WARNA_MUTU["B"]],
                    [1, WARNA_MUTU["A"]]],
        hovertemplate="%{y}<br>%{x}: %{z:.2f}<extra></extra>", xgap=1, ygap=1,
        colorbar={"thickness": 10, "len": 0.5},
    ))
    fig.update_layout(_tata_letak(
        80 + 18 * len(unit), xaxis={"side": "top", "automargin": True, "tickangle": -45},
        yaxis={"autorange": "reversed", "automargin": True, "tickfont": {"size": 11}},
    ))
    return fig


def sebaran_mutu(jumlah: dict[str, int]) -> go.Figure:
    """How many units earned each grade."""
    huruf = [m.huruf for m in TABEL_MUTU]
    fig = go.Figure(go.Bar(
        x=[f"{m.huruf} ({m.kinerja})" for m in TABEL_MUTU], y=[jumlah.get(h, 0) for h in huruf],
        marker={"color": [WARNA_MUTU[h] for h in huruf]}, text=[jumlah.get(h, 0) for h in huruf],
        textposition="outside", hovertemplate="%{x}: %{y} unit<extra></extra>",
    ))
    fig.update_layout(_tata_letak(260, yaxis={"gridcolor": "#8884", "rangemode": "tozero"},
                                  margin={"l": 8, "r": 8, "t": 24, "b": 8}))
    return fig

