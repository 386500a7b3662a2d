"""No script injection: every text from data is shown literally, nowhere run or rendered.

A data folder with two units and two periods carries payloads in every text field that
comes from data (ids are slugs and cannot): the kabupaten's name and penyusun, unit and
period names, the sign-off, every follow-up field (kegiatan, waktu, penanggung_jawab) and
the respondents' layanan. The site is built with ``skm build`` and checked twice:

* as files: no HTML page has an inline script that was not Material's, an event-handler
  attribute, an iframe or a ``javascript:`` link; ``<title>`` and the nav show the
  payload as text; the search index carries it escaped;
* in headless Chromium (``@pytest.mark.browser``): every page is opened and scrolled to
  the bottom so the lazy charts draw; no dialog opens, no injected element exists, the
  payloads are visible literally (``{{ 7*7 }}``, not 49), chart labels included, and
  Material's search results show them as text.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from bantuan import chromium, salin_proyek, situs_tersaji
from conftest import JUDUL, sahkan, tulis

BATAS_TUNGGU = 20_000  # ms

MUATAN = {
    "skrip": "<script>alert(1)</script>",
    "img": "<img src=x onerror=alert(1)>",
    "tautan-md": "[klik](javascript:alert(1))",
    "tautan-html": '<a href="javascript:alert(1)">x</a>',
    "iframe": '<iframe src="javascript:alert(1)"></iframe>',
    "tebal-md": "**bold**",
    "jinja": "{{ 7*7 }}",
    "jinja-raw": "{% raw %}",
    "plotly-b": "<b>tebal</b>",
    "tutup-skrip": "</script><script>alert(1)</script>",
    "tutup-title": "</title><script>alert(1)</script>",
    "pipa": "a | b | c",
    "attr-list": '{: onclick="alert(1)" }',
}
SEMUA = " ".join(MUATAN.values())


def nama(label: str) -> str:
    """A name-like field: a Markdown heading marker first, every payload after."""
    return f"# {label} {SEMUA}"


NAMA_KAB = nama("Kab")
NAMA_UNIT = {"unit-a": nama("Unit A"), "unit-b": nama("Unit B")}
NAMA_PERIODE = {"2025-s1": nama("Semester I"), "2025-s2": nama("Semester II")}
PENYUSUN = f"Bagian {SEMUA}"
# Pages whose content shows data text; every page is checked for injection.
HALAMAN_BERDATA = ["", "periode/", "periode/2025-s1/", "periode/2025-s2/", "opd/",
                   "opd/unit-a/", "opd/unit-b/", "laporan/", "laporan/2025-s1/",
                   "laporan/2025-s2/"]


def q(teks: str) -> str:
    """A single-quoted YAML scalar."""
    return "'" + teks.replace("'", "''") + "'"


def tulis_data_muatan(folder: Path) -> None:
    tulis(folder, "kabupaten.yaml", f"nama: {q(NAMA_KAB)}\npenyusun: {q(PENYUSUN)}\n"
          "data_contoh: false\n")
    tulis(folder, "opd.yaml", f"- id: unit-a\n  nama: {q(NAMA_UNIT['unit-a'])}\n  jenis: dinas\n"
          f"  target_ikm: 80\n- id: unit-b\n  nama: {q(NAMA_UNIT['unit-b'])}\n"
          "  jenis: kecamatan\n")
    tulis(folder, "periode.yaml", f"""\
- id: 2025-s1
  nama: {q(NAMA_PERIODE['2025-s1'])}
  mulai: 2025-01-01
  selesai: 2025-06-30
  batas_laporan: 2025-07-21
- id: 2025-s2
  nama: {q(NAMA_PERIODE['2025-s2'])}
  mulai: 2025-07-01
  selesai: 2025-12-31
  batas_laporan: 2026-01-21
""")
    layanan = '"' + SEMUA.replace('"', '""') + '"'
    rtl = "".join(f"""\
  - unsur: u{i % 9 + 1}
    kegiatan: {q(m + ' ' + SEMUA)}
    waktu: {q(m)}
    penanggung_jawab: {q('PJ ' + m)}
    status: berjalan
""" for i, m in enumerate(MUATAN.values()))
    for per, tanggal in (("2025-s1", "2025-02-03"), ("2025-s2", "2025-08-04")):
        for n, unit in enumerate(NAMA_UNIT):
            baris = [f"{tanggal},L,34,SMA,Swasta,{3 + (i + n) % 2},3,2,4,3,3,4,3,3,{layanan}"
                     for i in range(12)]
            tulis(folder, f"survei/{per}/{unit}.csv", "\n".join([JUDUL + ",layanan", *baris])
                  + "\n")
            tulis(folder, f"survei/{per}/{unit}.yaml", "diterima: 2025-07-10\npopulasi: 30\n"
                  f"tindak_lanjut:\n{rtl}")
    sahkan(folder, "2025-s1", "Pejabat " + SEMUA, "Kepala " + SEMUA, "2025-08-01")


@pytest.fixture(scope="module")
def proyek(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    """The payload site built with ``skm build`` and served on 127.0.0.1."""
    akar = salin_proyek(tmp_path_factory.mktemp("injeksi"), dengan_data=False)
    tulis_data_muatan(akar / "data")
    with situs_tersaji(akar, pytest.fail) as alamat:
        yield akar, alamat


def halaman_html(situs: Path) -> list[str]:
    """Every HTML page as a URL path relative to the site root."""
    hasil = []
    for b in sorted(situs.rglob("*.html")):
        relatif = b.relative_to(situs).as_posix()
        hasil.append(relatif.removesuffix("index.html"))
    return hasil


# --- the files --------------------------------------------------------------------------


class _Pemindai(HTMLParser):
    """What a page's HTML contains that data must never produce."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.skrip: list[str] = []
        self.penangan: list[str] = []
        self.terlarang: list[str] = []
        self.judul = ""
        self.nav: list[str] = []
        self._di: str | None = None
        self._nav = 0
        self._teks: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for nama_, nilai in attrs:
            if nama_.startswith("on"):
                self.penangan.append(f"<{tag} {nama_}={nilai!r}>")
            if nama_ in ("href", "src", "action", "formaction") and nilai \
                    and nilai.strip().lower().startswith("javascript:"):
                self.terlarang.append(f"<{tag} {nama_}={nilai!r}>")
        if tag in ("iframe", "object", "embed"):
            self.terlarang.append(f"<{tag}>")
        if tag in ("script", "title"):
            self._di, self._teks = tag, []
        if tag == "nav":
            self._nav += 1
        if tag == "a" and self._nav:
            self._di, self._teks = "a", []

    def handle_endtag(self, tag: str) -> None:
        if tag == self._di:
            teks = "".join(self._teks)
            if tag == "script":
                self.skrip.append(teks)
            elif tag == "title":
                self.judul = teks
            else:
                self.nav.append(" ".join(teks.split()))
            self._di = None
        if tag == "nav":
            self._nav -= 1

    def handle_data(self, data: str) -> None:
        if self._di:
            self._teks.append(data)


def pindai(berkas: Path) -> _Pemindai:
    p = _Pemindai()
    p.feed(berkas.read_text(encoding="utf-8"))
    p.close()
    return p


def test_html_tanpa_skrip_penangan_atau_tautan_javascript(proyek) -> None:
    akar, _ = proyek
    situs = akar / "site"
    halaman = sorted(situs.rglob("*.html"))
    assert len(halaman) >= len(HALAMAN_BERDATA)
    for berkas in halaman:
        p = pindai(berkas)
        nama_ = berkas.relative_to(situs).as_posix()
        assert [s for s in p.skrip if "alert" in s] == [], nama_
        assert p.penangan == [], nama_
        assert p.terlarang == [], nama_


# Each page's own title (issue 10): what it is and its figure, then the site name.
@pytest.mark.parametrize(("jalur", "judul"), [
    ("index.html", f"IKM {NAMA_KAB} {NAMA_PERIODE['2025-s2']}: "),
    ("opd/unit-a/index.html", f"{NAMA_UNIT['unit-a']}: IKM "),
    ("periode/2025-s1/index.html", f"Hasil SKM {NAMA_PERIODE['2025-s1']}: IKM "),
    ("laporan/2025-s2/index.html", f"Laporan SKM {NAMA_PERIODE['2025-s2']} (DRAF"),
], ids=["beranda", "opd", "periode", "laporan"])
def test_judul_halaman_dan_navigasi_berupa_teks(proyek, jalur: str, judul: str) -> None:
    akar, _ = proyek
    p = pindai(akar / "site" / jalur)
    assert p.judul.strip().startswith(judul), p.judul
    assert p.judul.strip().endswith(f" - SKM {NAMA_KAB}"), p.judul
    for nama_ in NAMA_PERIODE.values():  # the periods are in the nav of every page
        assert nama_ in p.nav, p.nav


def test_indeks_pencarian_membawa_muatan_sebagai_teks_ter_escape(proyek) -> None:
    akar, _ = proyek
    indeks = json.loads((akar / "site" / "search" / "search_index.json")
                        .read_text(encoding="utf-8"))
    dokumen = indeks["docs"]
    # Material inserts title and text as HTML: no payload may be markup there ...
    for d in dokumen:
        for kunci in ("title", "text"):
            isi = d[kunci]
            assert not re.search(r"</?(script|img|iframe|a|b|title)[\s>]", isi,
                                 re.IGNORECASE), (d["location"], kunci, isi[:200])
    # ... and it is there, escaped, so a search for it finds the page.
    judul = {d["location"]: d["title"] for d in dokumen}
    assert judul["opd/unit-a/"].startswith("# Unit A &lt;script&gt;alert(1)&lt;/script&gt;")
    assert any("{{ 7*7 }}" in d["text"] for d in dokumen)


# --- the browser ------------------------------------------------------------------------

GULIR_KE_BAWAH = """async () => {
    const tinggi = () => document.documentElement.scrollHeight;
    for (let y = 0; y < tinggi(); y += Math.max(200, innerHeight / 2)) {
        scrollTo(0, y);
        await new Promise(r => requestAnimationFrame(() => setTimeout(r, 20)));
    }
    scrollTo(0, tinggi());
}"""

GRAFIK_TERGAMBAR = """() => [...document.querySelectorAll('[data-plotly]')]
    .every(el => el.querySelector('svg.main-svg'))"""

SUSUPAN = """() => {
    const semua = [...document.querySelectorAll('*')];
    return {
        penangan: semua.filter(el => [...el.attributes].some(a => a.name.startsWith('on')))
            .map(el => el.outerHTML.slice(0, 120)),
        skrip: [...document.querySelectorAll('script:not([src])')]
            .map(s => s.textContent).filter(t => t.includes('alert')),
        terlarang: [...document.querySelectorAll(
            'iframe, object, embed, img[onerror], [href^="javascript:" i], [src^="javascript:" i]')]
            .map(el => el.outerHTML.slice(0, 120)),
        tautanSvg: document.querySelectorAll('.skm-chart svg a').length,
        // "**bold**" and "<b>tebal</b>" would become elements holding just that word
        tebal: [...document.querySelectorAll('.md-content strong, .md-content b, .md-content em')]
            .map(el => el.textContent.trim()).filter(t => t === 'bold' || t === 'tebal'),
        h1: [...document.querySelectorAll('.md-content h1')].map(h => h.textContent),
        tabelRusak: [...document.querySelectorAll('.md-content table')].filter(t =>
            [...t.rows].some(r => r.cells.length !== t.rows[0].cells.length)).length,
    };
}"""


@pytest.fixture(scope="module")
def peramban() -> Iterator[object]:
    with chromium() as peramban_:
        yield peramban_


class Kunjungan:
    """One page in its own context: dialogs, script errors and outside requests recorded."""

    def __init__(self, browser) -> None:
        self.context = browser.new_context()
        self.dialog: list[str] = []
        self.galat: list[str] = []
        self.luar: list[str] = []
        self.context.route(re.compile(r"^(?!https?://127\.0\.0\.1[:/]).*"), self._tolak)
        self.page = self.context.new_page()
        self.page.on("dialog", self._dialog)
        self.page.on("pageerror", lambda e: self.galat.append(str(e)))

    def _dialog(self, dialog) -> None:
        self.dialog.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    def _tolak(self, route) -> None:
        if urlsplit(route.request.url).scheme not in ("data", "blob"):
            self.luar.append(route.request.url)
            route.abort()
        else:
            route.continue_()

    def buka(self, url: str) -> None:
        self.page.goto(url, wait_until="networkidle")
        self.page.evaluate(GULIR_KE_BAWAH)
        self.page.wait_for_function(GRAFIK_TERGAMBAR, timeout=BATAS_TUNGGU)
        self.page.wait_for_timeout(100)  # a dialog from an onerror handler fires async

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def kunjungan(peramban) -> Iterator[Kunjungan]:
    k = Kunjungan(peramban)
    yield k
    k.close()


def periksa_tanpa_susupan(k: Kunjungan) -> dict:
    hasil = k.page.evaluate(SUSUPAN)
    assert k.dialog == []
    assert hasil["penangan"] == []
    assert hasil["skrip"] == []
    assert hasil["terlarang"] == []
    assert hasil["tautanSvg"] == 0
    assert hasil["tebal"] == []
    assert hasil["tabelRusak"] == 0
    assert k.galat == []
    assert k.luar == []
    return hasil


LABEL_GRAFIK = """() => [...document.querySelectorAll('.skm-chart svg text')]
    .map(t => t.textContent).join(' ')"""
TSPAN_TEBAL = """() => [...document.querySelectorAll('.skm-chart svg tspan')]
    .filter(t => (t.getAttribute('style') || '').includes('bold')).length"""


@pytest.mark.browser
def test_setiap_halaman_tanpa_susupan_dan_muatan_tampil_apa_adanya(proyek, kunjungan) -> None:
    """Every page once (a page load with its charts costs about a second)."""
    akar, alamat = proyek
    halaman = halaman_html(akar / "site")
    assert set(HALAMAN_BERDATA) <= set(halaman)
    for jalur in halaman:
        kunjungan.buka(alamat + jalur)
        hasil = periksa_tanpa_susupan(kunjungan)
        # The tab shows the page title and the site name as text.
        assert kunjungan.page.title().endswith(f"SKM {NAMA_KAB}"), jalur
        if jalur == "404.html":
            continue
        assert len(hasil["h1"]) == 1, (jalur, hasil["h1"])
        if jalur not in HALAMAN_BERDATA:
            continue
        teks = kunjungan.page.locator(".md-content").inner_text()
        assert SEMUA in teks, (jalur, teks[:300])  # {{ 7*7 }} and all, never 49
        h1 = hasil["h1"][0]
        if jalur.startswith("opd/unit-"):
            assert h1 == NAMA_UNIT[jalur[4:-1]]
            # The unit's own title: its name, then its figure (issue 10: titles that travel).
            assert kunjungan.page.title().startswith(f"{NAMA_UNIT[jalur[4:-1]]}: IKM ")
        if jalur.startswith(("periode/2025-", "laporan/2025-")):
            assert h1.endswith(NAMA_PERIODE[jalur.split("/")[1]]), h1
        if kunjungan.page.locator(".skm-chart").count():
            # Labels from data (period and unit names) are drawn as text, not markup.
            label = kunjungan.page.evaluate(LABEL_GRAFIK)
            if jalur in ("", "periode/2025-s2/", "opd/unit-a/"):
                assert "<script>alert(1)</script>" in label, jalur
                assert "<b>tebal</b>" in label
                assert '<a href="javascript:alert(1)">x</a>' in label
            assert kunjungan.page.evaluate(TSPAN_TEBAL) == 0, jalur


@pytest.mark.browser
def test_hasil_pencarian_menampilkan_muatan_sebagai_teks(proyek, kunjungan) -> None:
    _, alamat = proyek
    kunjungan.page.goto(alamat, wait_until="networkidle")
    masukan = kunjungan.page.locator("input[data-md-component=search-query]")
    masukan.click()
    masukan.press_sequentially("Unit", delay=30)  # Material searches on key events
    hasil = kunjungan.page.locator(".md-search-result__item")
    hasil.first.wait_for(timeout=BATAS_TUNGGU)
    kunjungan.page.wait_for_timeout(300)
    periksa_tanpa_susupan(kunjungan)
    teks = kunjungan.page.locator(".md-search-result").inner_text()
    assert "# Unit A <script>alert(1)</script>" in teks
    assert kunjungan.page.locator(".md-search-result img, .md-search-result iframe").count() == 0
