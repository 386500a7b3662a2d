"""Browser tests of the real site: the shipped sample data built by ``skm build``.

The site is built once per session into a copy of the project (``mkdocs.yml``,
hand-written ``content/``, ``data/``), served by ``http.server`` on 127.0.0.1 and
opened in the Debian Chromium through Playwright (never ``playwright install``).
``SKM_SITE_URL`` is the served address, so Material's sitemap lists the URLs it
navigates to instantly.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from bantuan import AKAR

pytestmark = pytest.mark.browser

sync_api = pytest.importorskip("playwright.sync_api")

PERIODE_TERBARU = "2025-s2"
HALAMAN_GRAFIK = ["", f"periode/{PERIODE_TERBARU}/", "opd/dukcapil/", "opd/bakesbangpol/"]
HALAMAN_TANPA_GRAFIK = ["metodologi/", "opd/", "periode/", "tentang/"]
SEMUA_JENIS = HALAMAN_GRAFIK + HALAMAN_TANPA_GRAFIK
# Pages whose numbers sit on a rounding tie (x,xx5): their chart labels must agree with
# the tables, which round half up on the exact value.
HALAMAN_ANGKA = [*HALAMAN_GRAFIK, "opd/bappeda/", "opd/disdag/"]
BATAS_TUNGGU = 20_000  # ms


# --------------------------------------------------------------------------------------
# Site: built once, served on loopback
# --------------------------------------------------------------------------------------


# ``situs`` (the shipped data built once and served on loopback) is in conftest.py.


# --------------------------------------------------------------------------------------
# Browser
# --------------------------------------------------------------------------------------


# ``peramban`` (Debian Chromium, one per module) is in conftest.py.


class Kunjungan:
    """One browser context with every request, failure and console error recorded."""

    def __init__(self, browser, **opsi: object) -> None:
        self.context = browser.new_context(**opsi)
        self.permintaan: list[str] = []
        self.gagal: list[str] = []
        self.galat: list[str] = []
        # Anything not on loopback is recorded and refused, so a stray request can
        # neither pass unnoticed nor hang the test on a network that is not there.
        self.context.route(re.compile(r"^(?!https?://127\.0\.0\.1[:/]).*"), self._tolak)
        self.page = self.context.new_page()
        self.page.on("request", lambda r: self.permintaan.append(r.url))
        self.page.on("requestfailed", lambda r: self.gagal.append(f"{r.url}: {r.failure}"))
        self.page.on("response", self._jawaban)
        self.page.on("console", self._konsol)
        self.page.on("pageerror", lambda e: self.galat.append(f"pageerror: {e}"))

    @staticmethod
    def _tolak(route) -> None:
        if urlsplit(route.request.url).scheme in ("data", "blob"):
            route.continue_()
        else:
            route.abort()

    def _jawaban(self, response) -> None:
        if response.status >= 400:
            self.gagal.append(f"{response.url}: HTTP {response.status}")

    def _konsol(self, msg) -> None:
        if msg.type == "error":
            self.galat.append(f"console: {msg.text}")

    def buka(self, url: str) -> None:
        """Load a page and wait until every chart on it is drawn (or there are none)."""
        self.page.goto(url, wait_until="networkidle")
        tunggu_grafik(self.page)

    def keluar_loopback(self) -> list[str]:
        return [u for u in self.permintaan
                if urlsplit(u).scheme not in ("data", "blob")
                and urlsplit(u).hostname != "127.0.0.1"]

    def close(self) -> None:
        self.context.close()


PONSEL = {"viewport": {"width": 360, "height": 740}, "device_scale_factor": 2,
          "is_mobile": True, "has_touch": True}


@pytest.fixture(scope="module")
def lihat(peramban, situs) -> Iterator[object]:
    """Open a page once per module (desktop or phone) with its charts drawn; tests that
    only read the page and what it requested share that visit."""
    dibuka: dict[tuple[str, bool], Kunjungan] = {}

    def buka(jalur: str, ponsel: bool = False) -> Kunjungan:
        if (jalur, ponsel) not in dibuka:
            k = Kunjungan(peramban, **(PONSEL if ponsel else {}))
            k.buka(situs + jalur)
            dibuka[jalur, ponsel] = k
        return dibuka[jalur, ponsel]

    yield buka
    for k in dibuka.values():
        k.close()


@pytest.fixture
def kunjungi(peramban) -> Iterator[object]:
    """A fresh browser context for a test that changes the page."""
    dibuka: list[Kunjungan] = []

    def buat(**opsi: object) -> Kunjungan:
        k = Kunjungan(peramban, **opsi)
        dibuka.append(k)
        return k

    yield buat
    for k in dibuka:
        k.close()


def tunggu_grafik(page) -> None:
    """Bring every chart into view (they draw as they scroll in) and wait for all."""
    wadah = page.locator("[data-plotly]")
    for i in range(wadah.count()):
        wadah.nth(i).scroll_into_view_if_needed()
        wadah.nth(i).locator("svg.main-svg").first.wait_for(state="attached",
                                                            timeout=BATAS_TUNGGU)
    page.evaluate("() => window.scrollTo(0, 0)")


# Per chart container: its figure and the table that follows its <figure> (headline,
# legend and chart) — the next element or the first table inside it (the plain <div>
# that keeps a table out of the search index, the card wrapper of kartu.py, Material's
# scroll wrapper, a folded <details> for the long tables) — as rows of cell texts.
GRAFIK_DAN_TABEL = """() => [...document.querySelectorAll('[data-plotly]')].map(el => {
    const next = (el.closest('figure') || el).nextElementSibling;
    let table = null;
    if (next && next.tagName === 'TABLE') table = next;
    else if (next && next.tagName === 'DETAILS') table = next.querySelector('table');
    else if (next && next.tagName === 'DIV') {
        const pertama = next.querySelector('table');
        if (pertama && next.firstElementChild && next.firstElementChild.contains(pertama))
            table = pertama;
    }
    return {
        id: el.id,
        svg: !!el.querySelector('svg.main-svg'),
        next: next ? next.tagName + '.' + next.className : null,
        figure: JSON.parse(el.getAttribute('data-plotly')),
        rows: table ? [...table.rows].map(r => [...r.cells].map(c => c.textContent.trim()))
                    : null,
    };
})"""


# --------------------------------------------------------------------------------------
# Numbers as the site writes them
# --------------------------------------------------------------------------------------


def angka(nilai: float | None) -> str:
    """84.2149 → "84,21", half up like the tables; None → "–"."""
    if nilai is None:
        return "–"
    d = Decimal(repr(nilai)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    return f"{d:.2f}".replace(".", ",")


def teks(label: str) -> str:
    """A figure label as the reader sees it (labels from data are HTML-escaped)."""
    return html.unescape(label)


def periksa_tren(g: dict) -> None:
    trace = g["figure"]["data"][0]
    tabel = {b[0]: b[1] for b in g["rows"][1:]}
    assert g["rows"][0][:2] == ["Periode", "IKM"]
    # Period labels break onto two lines under a phone's axis ("Semester II<br>2025").
    punya = zip(trace["x"], trace["y"], trace["text"], strict=True)
    titik = [(teks(x).replace("<br>", " "), y, t) for x, y, t in punya if y is not None]
    assert {x for x, _, _ in titik} == set(tabel)
    for x, y, t in titik:
        assert angka(y) == tabel[x], (g["id"], x)
        assert t == tabel[x], f"{g['id']}: label {t!r} on the chart, {tabel[x]!r} in the table"


def periksa_unsur(g: dict) -> None:
    trace = g["figure"]["data"][0]
    kepala = g["rows"][0]
    kolom = kepala.index("NRR × 25")
    # Bars and rows meet on the code ("U3 Waktu" on the bar, "U3 Waktu Penyelesaian" in
    # the table); rows of unsur that do not apply are not charted.
    tabel = {b[0].split(" ", 1)[0]: b[kolom] for b in g["rows"][1:]
             if b[1] != "tidak berlaku"}
    batang = [(teks(n).split(" ", 1)[0], v, t)
              for n, v, t in zip(trace["y"], trace["x"], trace["text"], strict=True)]
    assert [n for n, _, _ in batang] == list(tabel)
    for n, v, t in batang:
        assert angka(v) == tabel[n], (g["id"], n)
        assert t == tabel[n], f"{g['id']}: label {t!r} on the chart, {tabel[n]!r} in the table"


def periksa_sebaran(g: dict) -> None:
    trace = g["figure"]["data"][0]
    assert g["rows"][0] == ["Mutu", "Kinerja", "Banyaknya unit"]
    tabel = {b[0]: int(b[2]) for b in g["rows"][1:]}  # bars are labelled by letter
    assert dict(zip(trace["x"], trace["y"], strict=True)) == tabel


def periksa_peta(g: dict) -> None:
    # Rows carry the units' short names on the chart, full names in the table: the
    # table lists the units in the chart's order.
    trace = g["figure"]["data"][0]
    kepala = g["rows"][0]
    assert kepala[1:] == [teks(x) for x in trace["x"]]
    baris = g["rows"][1:]
    assert len(baris) == len(trace["y"])
    for u, nilai, b in zip(trace["y"], trace["z"], baris, strict=True):
        assert [angka(v) for v in nilai] == b[1:], (g["id"], u)


def periksa_peringkat(g: dict) -> None:
    # Bars in the table's order (highest IKM first), the same rounded IKM.
    trace = g["figure"]["data"][0]
    kepala = g["rows"][0]
    kolom = kepala.index("IKM")
    tabel = [b[kolom] for b in g["rows"][1:]]
    assert [angka(v) for v in trace["x"]] == tabel
    assert trace["text"] == tabel


def pemeriksa(ident: str):
    for awalan, fungsi in [("grafik-tren", periksa_tren), ("grafik-unsur-", periksa_unsur),
                           ("grafik-sebaran-mutu-", periksa_sebaran),
                           ("grafik-peta-unsur-", periksa_peta),
                           ("grafik-peringkat-", periksa_peringkat)]:
        if ident.startswith(awalan):
            return fungsi
    raise AssertionError(f"no check for chart #{ident}")


# --------------------------------------------------------------------------------------
# Tests
# --------------------------------------------------------------------------------------


@pytest.mark.parametrize("jalur", SEMUA_JENIS)
def test_halaman_tanpa_galat_dan_permintaan_gagal(lihat, jalur):
    k = lihat(jalur)
    assert k.page.locator(".md-content h1").count() == 1
    assert k.galat == []
    assert k.gagal == []


@pytest.mark.parametrize("jalur", HALAMAN_GRAFIK)
def test_setiap_wadah_grafik_tergambar(lihat, jalur):
    k = lihat(jalur)
    grafik = k.page.evaluate(GRAFIK_DAN_TABEL)
    assert grafik, "no chart on a page that should have charts"
    assert [g["id"] for g in grafik if not g["svg"]] == []


@pytest.mark.parametrize("jalur", HALAMAN_GRAFIK)
def test_setiap_grafik_diikuti_tabel(lihat, jalur):
    k = lihat(jalur)
    tanpa_tabel = [(g["id"], g["next"]) for g in k.page.evaluate(GRAFIK_DAN_TABEL)
                   if not g["rows"]]
    assert tanpa_tabel == []


@pytest.mark.parametrize("jalur", HALAMAN_ANGKA)
def test_angka_grafik_sama_dengan_tabel(lihat, jalur):
    k = lihat(jalur)
    grafik = k.page.evaluate(GRAFIK_DAN_TABEL)
    assert grafik
    for g in grafik:
        assert g["rows"], f"#{g['id']} is not followed by a table"
        pemeriksa(g["id"])(g)


def test_navigasi_instan_ke_halaman_opd_menggambar_grafik(kunjungi, situs):
    k = kunjungi()
    k.buka(situs)
    k.page.evaluate("() => { window.__skmPenanda = 'tetap'; }")
    k.page.locator("details.skm-tabel-lipat summary").first.click()  # the ranking, folded
    k.page.locator('.md-content table a[href$="opd/dukcapil/"]').first.click()
    k.page.wait_for_url(situs + "opd/dukcapil/")
    k.page.wait_for_function(
        "() => (document.querySelector('.md-content h1') || {}).textContent"
        " === 'Dinas Kependudukan dan Pencatatan Sipil'", timeout=BATAS_TUNGGU)
    tunggu_grafik(k.page)
    assert k.page.evaluate("() => window.__skmPenanda") == "tetap", "a full page load happened"
    grafik = k.page.evaluate(GRAFIK_DAN_TABEL)
    assert [g["id"] for g in grafik] == ["grafik-tren", f"grafik-unsur-{PERIODE_TERBARU}"]
    assert all(g["svg"] for g in grafik)
    assert k.galat == []
    assert k.gagal == []


def test_tidak_ada_permintaan_keluar_loopback(lihat):
    kunjungan = [lihat(jalur, ponsel) for jalur in SEMUA_JENIS for ponsel in (False, True)]
    assert all(k.permintaan for k in kunjungan)
    assert [u for k in kunjungan for u in k.keluar_loopback()] == []


@pytest.mark.parametrize("jalur", HALAMAN_GRAFIK)
def test_satu_bundel_plotly_per_halaman(lihat, jalur):
    # Charts draw as they scroll in; the page still fetches one plotly.js bundle, the one
    # that draws all its charts (the heatmap needs cartesian, the rest basic).
    k = lihat(jalur)
    bundel = [Path(urlsplit(u).path).name for u in k.permintaan if "/plotly-" in u]
    jenis = {t["type"] for g in k.page.evaluate(GRAFIK_DAN_TABEL) for t in g["figure"]["data"]}
    harap = "plotly-cartesian.min.js" if "heatmap" in jenis else "plotly-basic.min.js"
    assert bundel == [harap]


@pytest.mark.parametrize("jalur", HALAMAN_TANPA_GRAFIK)
def test_halaman_tanpa_grafik_tidak_memuat_plotly(lihat, jalur):
    k = lihat(jalur)
    assert k.page.locator("[data-plotly]").count() == 0
    assert [u for u in k.permintaan if "plotly" in urlsplit(u).path.lower()] == []
    assert k.page.evaluate("() => typeof window.Plotly") == "undefined"


@pytest.mark.parametrize("jalur", SEMUA_JENIS)
def test_spanduk_data_contoh_tampak(lihat, jalur):
    k = lihat(jalur)
    spanduk = k.page.locator(".skm-contoh")
    assert spanduk.count() == 1
    assert spanduk.is_visible()
    assert "Data contoh" in spanduk.inner_text()


def test_beranda_memuat_kalimat_kabupaten(lihat):
    from skm_build.kontrak.muat import periksa

    data = periksa(AKAR / "data").data
    assert data is not None
    laporan = [s for (pid, _), s in data.survei.items() if pid == PERIODE_TERBARU]
    responden = f"{sum(s.responden for s in laporan):,}".replace(",", ".")
    isi = lihat("").page.locator(".md-content").inner_text()
    pola = (r"IKM Kabupaten Karanganyar Semester II 2025: \d{2},\d{2} — mutu [ABCD] "
            r"\([^)]+\), ((naik|turun) \d+,\d{2} poin|tetap) dari Semester I 2025, "
            + re.escape(responden) + rf" responden, {len(laporan)} unit\.")
    assert re.search(pola, isi), isi[:600]


@pytest.mark.parametrize("jalur", ["", f"periode/{PERIODE_TERBARU}/", "opd/dukcapil/"])
def test_angka_utama_berformat_indonesia(lihat, jalur):
    k = lihat(jalur)
    angka_utama = k.page.locator(".skm-angka-utama .skm-angka").inner_text().strip()
    assert re.fullmatch(r"\d{2,3},\d{2}", angka_utama), angka_utama
    # The sentence or table under it repeats the same figure, also with a decimal comma.
    assert k.page.locator(".md-content").inner_text().count(angka_utama) >= 2


@pytest.mark.parametrize("jalur", SEMUA_JENIS)
def test_layar_ponsel_tanpa_gulir_mendatar(lihat, jalur):
    k = lihat(jalur, ponsel=True)
    lebar = k.page.evaluate(
        "() => ({scroll: document.documentElement.scrollWidth,"
        " client: document.documentElement.clientWidth, body: document.body.scrollWidth})")
    assert lebar["client"] == 360
    assert lebar["scroll"] <= lebar["client"], lebar
    assert lebar["body"] <= lebar["client"], lebar


def test_ponsel_tidak_memuat_plotly_sebelum_grafik_digulir_ke_layar(kunjungi, situs):
    # On a phone the first screen of an OPD page is the headline and its summary table:
    # plotly.js is fetched and a chart drawn only once the reader scrolls to a chart.
    k = kunjungi(**PONSEL)
    k.page.goto(situs + "opd/dukcapil/", wait_until="networkidle")
    k.page.wait_for_timeout(500)
    assert not [u for u in k.permintaan if "plotly" in u]
    assert k.page.locator("[data-plotly-rendered]").count() == 0
    k.page.locator("#grafik-tren").scroll_into_view_if_needed()
    k.page.locator("#grafik-tren svg.main-svg").first.wait_for(state="attached",
                                                            timeout=BATAS_TUNGGU)
    assert [u for u in k.permintaan if "plotly" in u]
    assert k.galat == []


def test_layar_lebar_menggambar_semua_grafik_tanpa_digulir(kunjungi, situs):
    k = kunjungi(viewport={"width": 1280, "height": 900})
    k.page.goto(situs + "periode/2025-s2/", wait_until="networkidle")
    for wadah in k.page.locator("[data-plotly]").all():
        wadah.locator("svg.main-svg").first.wait_for(state="attached", timeout=BATAS_TUNGGU)
    assert k.page.evaluate("() => window.scrollY") == 0
    assert k.galat == []
