"""Browser tests for the chart assets in skm_build/terbit/static.

Builds a tiny Material for MkDocs site with instant navigation whose pages carry chart
containers as the Python side writes them, serves it on 127.0.0.1 and drives the Debian
Chromium through Playwright (no `playwright install`: the system browser is used).
"""

from __future__ import annotations

import functools
import html
import os
import shutil
import subprocess
import sys
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import plotly.graph_objects as go
import plotly.io as pio
import pytest
from bantuan import chromium

pytestmark = pytest.mark.browser

sync_api = pytest.importorskip("playwright.sync_api")

STATIC = Path(__file__).resolve().parents[1] / "skm_build" / "terbit" / "static"
ASSETS = ("skm-grafik.js", "skm.css", "plotly-basic.min.js", "plotly-cartesian.min.js")

UNSUR = ["Persyaratan", "Prosedur", "Waktu", "Biaya", "Produk", "Kompetensi", "Perilaku"]


# --------------------------------------------------------------------------------------
# Site
# --------------------------------------------------------------------------------------


def chart(chart_id: str, fig: go.Figure, label: str, min_height: int = 360) -> str:
    """A chart container exactly as the contract describes it."""
    spec = html.escape(pio.to_json(fig), quote=True)
    return (
        f'<div class="skm-chart" id="grafik-{chart_id}" data-plotly="{spec}" '
        f'style="min-height:{min_height}px" role="img" '
        f'aria-label="{html.escape(label, quote=True)}"></div>'
    )


def table(header: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def bar_figure(values: list[float]) -> go.Figure:
    fig = go.Figure(go.Bar(x=UNSUR, y=values, marker_color="#1565c0", name="Nilai"))
    fig.update_layout(
        template="none",
        margin={"l": 40, "r": 10, "t": 10, "b": 80},
        yaxis={"range": [0, 4], "dtick": 0.5},
    )
    return fig


def write_site(root: Path, port: int) -> Path:
    docs = root / "docs"
    (docs / "assets" / "skm").mkdir(parents=True)
    for name in ASSETS:
        shutil.copy(STATIC / name, docs / "assets" / "skm" / name)

    values_a = [3.45, 3.2, 3.1, 3.6, 3.3, 3.05, 3.7]
    values_b = [2.9, 3.0, 3.25, 3.4, 3.15, 3.3, 3.5]
    layanan_b = bar_figure(values_b)
    layanan_b.add_trace(
        go.Scatter(x=UNSUR, y=[3.0] * len(UNSUR), mode="lines+markers", name="Target")
    )
    heat = go.Figure(
        go.Heatmap(
            z=[[3.1, 3.4, 2.8], [3.6, 3.2, 3.0], [2.9, 3.3, 3.5]],
            x=["2023", "2024", "2025"],
            y=["Dinas A", "Dinas B", "Dinas C"],
            colorscale="Blues",
        )
    )
    heat.update_layout(template="none", margin={"l": 70, "r": 10, "t": 10, "b": 40})
    wide_header = ["Unsur", *[f"Kolom {i}" for i in range(1, 13)]]
    wide_rows = [[u, *[f"{3 + i / 100:.2f}".replace(".", ",") for i in range(12)]] for u in UNSUR]

    nav = (
        "[Beranda](index.md) · [Layanan A](layanan-a.md) · [Layanan B](layanan-b.md) · "
        "[Unsur per dinas](unsur.md)"
    )
    pages = {
        "index.md": f"# Beranda\n\nHalaman tanpa grafik.\n\n{nav}\n",
        "layanan-a.md": "\n\n".join(
            [
                "# Layanan A",
                '<div class="skm-contoh">Data contoh, bukan hasil survei.</div>',
                " ".join(f'<span class="skm-mutu skm-mutu-{h}">{h}</span>' for h in "ABCD"),
                nav,
                chart("layanan-a", bar_figure(values_a), "Nilai unsur Layanan A"),
                table(
                    ["Unsur", "Nilai"],
                    [
                        [u, f"{v:.2f}".replace(".", ",")]
                        for u, v in zip(UNSUR, values_a, strict=True)
                    ],
                ),
                table(wide_header, wide_rows),
            ]
        ),
        "layanan-b.md": "\n\n".join(
            [
                "# Layanan B",
                nav,
                chart("layanan-b", layanan_b, "Nilai unsur Layanan B dan target"),
                table(
                    ["Unsur", "Nilai"],
                    [
                        [u, f"{v:.2f}".replace(".", ",")]
                        for u, v in zip(UNSUR, values_b, strict=True)
                    ],
                ),
            ]
        ),
        "unsur.md": "\n\n".join(
            [
                "# Unsur per dinas",
                nav,
                chart("unsur", heat, "Peta panas nilai unsur per dinas", min_height=400),
                table(["Dinas", "2023", "2024", "2025"], [["Dinas A", "3,10", "3,40", "2,80"]]),
            ]
        ),
    }
    for name, text in pages.items():
        (docs / name).write_text(text + "\n", encoding="utf-8")

    (root / "mkdocs.yml").write_text(
        f"""\
site_name: SKM uji
site_url: http://127.0.0.1:{port}/
theme:
  name: material
  language: id
  font: false
  features:
    - navigation.instant
  palette:
    - scheme: default
      toggle:
        icon: material/brightness-7
        name: Mode gelap
    - scheme: slate
      toggle:
        icon: material/brightness-4
        name: Mode terang
extra_css:
  - assets/skm/skm.css
extra_javascript:
  - path: assets/skm/skm-grafik.js
    defer: true
nav:
  - index.md
  - layanan-a.md
  - layanan-b.md
  - unsur.md
""",
        encoding="utf-8",
    )
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", "mkdocs.yml"],
        cwd=root,
        env=env,
        check=True,
        capture_output=True,
    )
    return root / "site"


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def base_url(tmp_path_factory):
    root = tmp_path_factory.mktemp("skm-site")
    handler = functools.partial(QuietHandler, directory=str(root / "site"))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    port = server.server_address[1]
    write_site(root, port)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{port}/"
    server.shutdown()
    server.server_close()


# --------------------------------------------------------------------------------------
# Browser
# --------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def browser():
    with chromium() as peramban_:
        yield peramban_


class Visit:
    """One browser context with its requests and console errors recorded."""

    def __init__(self, browser, **context_args):
        self.context = browser.new_context(**context_args)
        self.requests: list[str] = []
        self.outside: list[str] = []
        self.errors: list[str] = []
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()
        self.page.on("console", self._console)
        self.page.on("pageerror", lambda exc: self.errors.append(f"pageerror: {exc}"))

    def _route(self, route):
        url = route.request.url
        self.requests.append(url)
        parts = urlsplit(url)
        if parts.scheme in ("http", "https", "ws", "wss") and parts.hostname != "127.0.0.1":
            self.outside.append(url)
            route.abort()
        else:
            route.continue_()

    def _console(self, msg):
        if msg.type == "error":
            self.errors.append(f"console: {msg.text}")

    def plotly_files(self) -> list[str]:
        return [Path(urlsplit(u).path).name for u in self.requests if "/plotly-" in u]

    def check_clean(self):
        assert self.errors == []
        assert self.outside == []
        hosts = {
            urlsplit(u).hostname for u in self.requests if urlsplit(u).scheme in ("http", "https")
        }
        assert hosts <= {"127.0.0.1"}

    def close(self):
        self.context.close()


@pytest.fixture
def visit(browser):
    visits = []

    def make(**context_args):
        v = Visit(browser, **context_args)
        visits.append(v)
        return v

    yield make
    for v in visits:
        v.close()


def wait_chart(page, chart_id: str):
    page.wait_for_selector(
        f"#grafik-{chart_id}[data-plotly-rendered='1'] svg.main-svg", state="attached"
    )


def charts_state(page) -> list[dict]:
    """Per container: drawn, styled by plotly's sheet, and drawn at its reserved size."""
    return page.evaluate(
        """() => [...document.querySelectorAll('[data-plotly]')].map(el => {
            const svg = el.querySelector('svg.main-svg');
            const box = svg ? svg.getBoundingClientRect() : null;
            return {
                id: el.id,
                rendered: el.getAttribute('data-plotly-rendered'),
                svg: !!svg,
                styled: !!svg && getComputedStyle(svg).position === 'absolute',
                svgHeight: box ? Math.round(box.height) : 0,
                boxHeight: Math.round(el.getBoundingClientRect().height),
                minHeight: parseFloat(el.style.minHeight),
            };
        })"""
    )


def assert_charts_ok(page):
    states = charts_state(page)
    assert states, "no chart containers on the page"
    for s in states:
        assert s["rendered"] == "1", s
        assert s["svg"], s
        assert s["styled"], f"plotly.js stylesheet not applied: {s}"
        assert s["svgHeight"] == s["minHeight"] == s["boxHeight"], s
    assert page.evaluate("() => !!document.getElementById('plotly.js-style-global')")


def instant_click(page, text: str, path: str):
    """Follow a content link and check that Material swapped the page in place."""
    page.evaluate("() => { window.__skmSamePage = true; }")
    page.locator(".md-content a", has_text=text).first.click()
    page.wait_for_url(f"**/{path}")
    page.wait_for_function(
        "text => (document.querySelector('.md-content h1') || {}).textContent === text",
        arg=text,
    )
    assert page.evaluate("() => window.__skmSamePage === true"), "a full page load happened"


# --------------------------------------------------------------------------------------
# Tests
# --------------------------------------------------------------------------------------


def test_page_without_charts_loads_no_plotly(visit, base_url):
    v = visit()
    v.page.goto(base_url, wait_until="networkidle")
    v.page.wait_for_timeout(200)
    assert v.page.evaluate("() => typeof window.Plotly") == "undefined"
    assert v.plotly_files() == []
    assert any(u.endswith("/skm-grafik.js") for u in v.requests)
    v.check_clean()


def test_bar_charts_direct_load_and_instant_navigation(visit, base_url):
    v = visit()
    page = v.page
    page.goto(base_url + "layanan-a/")
    wait_chart(page, "layanan-a")
    assert_charts_ok(page)
    assert v.plotly_files() == ["plotly-basic.min.js"]

    # Material's instant navigation drops Plotly's <style> from <head>: charts drawn on
    # the next pages must still be styled.
    instant_click(page, "Layanan B", "layanan-b/")
    wait_chart(page, "layanan-b")
    assert_charts_ok(page)

    instant_click(page, "Beranda", "")
    assert page.locator("[data-plotly]").count() == 0
    instant_click(page, "Layanan A", "layanan-a/")
    wait_chart(page, "layanan-a")
    assert_charts_ok(page)

    assert v.plotly_files() == ["plotly-basic.min.js"]
    v.check_clean()


def test_heatmap_page_loads_cartesian_bundle(visit, base_url):
    v = visit()
    page = v.page
    page.goto(base_url + "unsur/")
    wait_chart(page, "unsur")
    assert_charts_ok(page)
    assert page.locator("#grafik-unsur .hm image").count() == 1
    assert v.plotly_files() == ["plotly-cartesian.min.js"]
    v.check_clean()


def test_basic_upgrades_to_cartesian_after_instant_navigation(visit, base_url):
    v = visit()
    page = v.page
    page.goto(base_url + "layanan-b/")
    wait_chart(page, "layanan-b")
    assert v.plotly_files() == ["plotly-basic.min.js"]

    instant_click(page, "Unsur per dinas", "unsur/")
    wait_chart(page, "unsur")
    assert_charts_ok(page)
    assert page.locator("#grafik-unsur .hm image").count() == 1
    assert v.plotly_files() == ["plotly-basic.min.js", "plotly-cartesian.min.js"]

    # Back to bar charts: the cartesian bundle draws them, nothing more is fetched.
    instant_click(page, "Layanan A", "layanan-a/")
    wait_chart(page, "layanan-a")
    assert_charts_ok(page)
    assert v.plotly_files() == ["plotly-basic.min.js", "plotly-cartesian.min.js"]
    assert page.evaluate("() => 'heatmap' in window.Plotly.PlotSchema.get().traces")
    v.check_clean()


CONTRAST_JS = """() => {
    const lum = c => {
        const [r, g, b] = c.match(/[\\d.]+/g).slice(0, 3).map(v => {
            v = v / 255;
            return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
        });
        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const sel = '.skm-contoh, .skm-mutu-A, .skm-mutu-B, .skm-mutu-C, .skm-mutu-D';
    return [...document.querySelectorAll(sel)].map(el => {
        const s = getComputedStyle(el);
        const [a, b] = [lum(s.color), lum(s.backgroundColor)];
        return [el.className, (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05)];
    });
}"""


def assert_contrast(page):
    ratios = page.evaluate(CONTRAST_JS)
    assert len(ratios) == 5
    for name, ratio in ratios:
        assert ratio >= 4.5, (name, ratio)


def test_theme_locale_and_palette_switch(visit, base_url):
    v = visit()
    page = v.page
    page.goto(base_url + "layanan-a/")
    wait_chart(page, "layanan-a")

    ticks = page.locator("#grafik-layanan-a .ytick text").all_text_contents()
    assert "0,5" in ticks and "3,5" in ticks, ticks  # decimal comma

    def tick_fill():
        return page.evaluate(
            "() => getComputedStyle(document.querySelector('#grafik-layanan-a .xtick text')).fill"
        )

    def paper():
        return page.evaluate(
            "() => document.querySelector('#grafik-layanan-a svg.main-svg').style.background"
        )

    light = tick_fill()
    assert_contrast(page)
    assert paper() in ("rgba(0, 0, 0, 0)", "transparent")
    assert page.evaluate("() => document.body.dataset.mdColorScheme") == "default"
    page.locator("form[data-md-component=palette] label:visible").first.click()
    page.wait_for_function("() => document.body.dataset.mdColorScheme === 'slate'")
    page.wait_for_function(
        "light => getComputedStyle(document.querySelector('#grafik-layanan-a .xtick text'))"
        ".fill !== light",
        arg=light,
    )
    dark = tick_fill()
    assert_contrast(page)
    # Light text on the dark palette, dark text on the light one.
    assert sum(int(c) for c in dark[4:-1].split(",")[:3]) > 3 * 150, dark
    assert sum(int(c) for c in light[4:-1].split(",")[:3]) < 3 * 100, light
    assert paper() in ("rgba(0, 0, 0, 0)", "transparent")
    v.check_clean()


def test_phone_layout_and_print_width(visit, base_url):
    v = visit(viewport={"width": 360, "height": 740}, device_scale_factor=2, is_mobile=True)
    page = v.page
    page.goto(base_url + "layanan-a/")
    wait_chart(page, "layanan-a")
    assert_charts_ok(page)
    # Neither the chart nor the wide table widens the page.
    assert page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")
    width = page.evaluate(
        "() => document.querySelector('#grafik-layanan-a svg.main-svg').getBoundingClientRect()"
        ".width"
    )
    assert width <= 360

    wide = visit(viewport={"width": 1400, "height": 900})
    page = wide.page
    page.goto(base_url + "layanan-a/")
    wait_chart(page, "layanan-a")
    svg_width = (
        "() => +document.querySelector('#grafik-layanan-a svg.main-svg').getAttribute('width')"
    )
    before = page.evaluate(svg_width)
    assert before > 680
    page.evaluate("() => window.dispatchEvent(new Event('beforeprint'))")
    assert page.evaluate(svg_width) == 680
    page.evaluate("() => window.dispatchEvent(new Event('afterprint'))")
    page.wait_for_function(f"() => ({svg_width})() === {before}")
    v.check_clean()
    wide.check_clean()
