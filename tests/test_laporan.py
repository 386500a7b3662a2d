"""The Laporan SKM Kabupaten pages (/laporan/<periode>/): chapters, units, numbers, sign-off.

Most tests render the Markdown with :class:`skm_build.terbit.halaman.PembuatHalaman` from the
engine's results; one builds a small site with MkDocs to check the HTML that is printed.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from conftest import sahkan, tulis

from skm_build.alat.teks import netral
from skm_build.aturan.ikm import UNSUR
from skm_build.hitung.hasil import Hasil, hitung_semua
from skm_build.kontrak.muat import periksa
from skm_build.terbit import format_id as fmt
from skm_build.terbit.halaman import PembuatHalaman

ROOT = Path(__file__).resolve().parents[1]
BAB = ("## BAB I Pendahuluan", "## BAB II Pengumpulan Data", "## BAB III Hasil",
       "## BAB IV Analisis", "## BAB V Kesimpulan")
SUBBAB = ("### 1.1 Latar Belakang", "### 1.2 Dasar Hukum", "### 1.3 Maksud dan Tujuan",
          "### 2.1 Pelaksana", "### 2.2 Metode", "### 2.3 Waktu",
          "### 2.4 Jumlah Responden dan Kecukupan Sampel",
          "### 3.1 Indeks Kepuasan Masyarakat Kabupaten", "### 3.2 Nilai per Unsur",
          "### 3.3 IKM Setiap Unit Layanan", "### 3.4 Profil Responden",
          "### 4.1 Unsur Terlemah dan Terkuat", "### 4.2 Rencana Tindak Lanjut",
          "### 4.3 Perkembangan", "### 4.4 Kepatuhan Pelaporan")


def _hasil(folder: Path) -> Hasil:
    p = periksa(folder)
    assert p.data is not None, [str(m) for m in p.masalah.urut()]
    return hitung_semua(p.data)


@pytest.fixture(scope="module")
def contoh() -> Hasil:
    """The committed sample data: 2024-s1..2025-s1 signed, 2025-s2 a draft."""
    return _hasil(ROOT / "data")


def _laporan(hasil: Hasil, periode: str) -> str:
    return PembuatHalaman(hasil).laporan(periode).isi


def _bab(md: str, judul: str) -> str:
    """The text of one chapter, up to the next chapter."""
    awal = md.index(judul)
    berikut = md.find("\n## ", awal + 1)
    return md[awal:berikut if berikut != -1 else None]


# --- structure -----------------------------------------------------------------------------


def test_every_chapter_in_order_inside_the_print_wrapper(contoh: Hasil) -> None:
    md = _laporan(contoh, "2025-s2")
    posisi = [md.index(b) for b in BAB]
    assert posisi == sorted(posisi)
    for s in SUBBAB:
        assert s in md, s
    assert md.index('<div class="skm-laporan" markdown="1">') < posisi[0]
    assert md.rstrip().endswith("</div>")
    assert "Undang-Undang Nomor 25 Tahun 2009" in _bab(md, BAB[0])
    assert "Nomor 14 Tahun 2017" in _bab(md, BAB[0])
    assert "skm-chart" not in md and "plotly" not in md.lower()  # tables only


def test_every_unit_in_sample_and_result_tables(contoh: Hasil) -> None:
    k = contoh.kabupaten[-1]
    md = _laporan(contoh, k.periode.id)
    bab2, bab3 = _bab(md, BAB[1]), _bab(md, BAB[2])
    for h in k.unit:
        nama = netral(h.opd.nama)
        baris2 = [b for b in bab2.splitlines() if b.startswith(f"| {nama} |")]
        assert len(baris2) == 1, h.opd.id
        sel = [x.strip() for x in baris2[0].strip("|").split("|")]
        assert sel[3] == fmt.bilangan(h.survei.responden)
        if h.sampel_minimum is not None:
            assert sel[1] == fmt.bilangan(h.survei.populasi)
            assert sel[2] == fmt.bilangan(h.sampel_minimum)
            assert ("TIDAK MEMADAI" in sel[4]) == (not h.sampel_memadai)
        (baris3,) = [b for b in bab3.splitlines() if f"| {nama} |" in b and b[2].isdigit()]
        sel = [x.strip() for x in baris3.strip("|").split("|")]
        assert sel[0] == str(k.unit.index(h) + 1)  # ranked
        assert sel[4] == fmt.angka(h.ikm.ikm)
        assert f"skm-mutu-{h.ikm.mutu.huruf}" in sel[5]
    belum = [o for o in contoh.data.opd if (k.periode.id, o.id) not in contoh.unit]
    assert belum and all(netral(o.nama) in _bab(md, BAB[3]) for o in belum)


def test_kabupaten_numbers_equal_the_engine(contoh: Hasil) -> None:
    k = contoh.kabupaten[-1]
    bab3 = _bab(_laporan(contoh, k.periode.id), BAB[2])
    assert f"| {fmt.angka(k.rata_rata_unit)} |" in bab3  # rata-rata unit
    assert f"| {fmt.angka(k.gabungan.ikm)} |" in bab3  # gabungan responden
    nrr = k.nrr_unsur()
    for u in UNSUR:
        (baris,) = [b for b in bab3.splitlines() if b.startswith(f"| {u.kode.upper()} |")]
        assert f"| {fmt.angka(nrr[u.kode], 3)} | {fmt.angka(nrr[u.kode] * 25)} |" in baris


def test_analysis_weakest_strongest_rtl_trend(contoh: Hasil) -> None:
    k = contoh.kabupaten[-1]
    bab4 = _bab(_laporan(contoh, k.periode.id), BAB[3])
    nrr = k.nrr_unsur()
    urut = sorted((u for u in UNSUR if u.kode in nrr), key=lambda u: nrr[u.kode])
    lemah = bab4[bab4.index("Tiga unsur terlemah"):bab4.index("Tiga unsur terkuat")]
    assert [u.kode.upper() for u in urut[:3]] == re.findall(r"^\| (U\d) ", lemah, re.M)
    kuat = bab4[bab4.index("Tiga unsur terkuat"):bab4.index("### 4.2")]
    assert [u.kode.upper() for u in urut[::-1][:3]] == re.findall(r"^\| (U\d) ", kuat, re.M)
    rtl = bab4[bab4.index("### 4.2"):bab4.index("### 4.3")]
    jumlah = sum(len(h.survei.tindak_lanjut) for h in k.unit)
    assert jumlah > 0
    status = r'<span class="skm-status skm-status-\w+">(Rencana|Berjalan|Selesai)</span>'
    assert len(re.findall(rf"^\| .* \| {status} \|$", rtl, re.M)) == jumlah
    tren = bab4[bab4.index("### 4.3"):bab4.index("### 4.4")]
    for x in contoh.kabupaten:
        assert f"| {x.periode.nama} | {fmt.angka(x.ikm)} |" in tren
    lalu = _bab(_laporan(contoh, "2024-s2"), BAB[3])
    assert "Semester II 2025" not in lalu and "Semester I 2025" not in lalu  # no future


def test_conclusion_is_written_from_the_numbers(contoh: Hasil) -> None:
    k, lalu = contoh.kabupaten[-1], contoh.kabupaten[-2]
    bab5 = _bab(_laporan(contoh, k.periode.id), BAB[4])
    assert f"**{fmt.angka(k.ikm)}**" in bab5 and f"**{k.mutu.huruf} ({k.mutu.kinerja})**" in bab5
    d = fmt.angka(abs(k.perubahan))
    assert f"{'naik' if k.perubahan > 0 else 'turun'} {d} poin" in bab5
    assert f"{lalu.periode.nama} ({fmt.angka(lalu.ikm)})" in bab5
    nrr = k.nrr_unsur()
    terlemah = min((u for u in UNSUR if u.kode in nrr), key=lambda u: nrr[u.kode])
    assert f"Unsur terlemah di tingkat kabupaten adalah {netral(terlemah.nama)}" in bab5
    cd = [h for h in k.unit if h.ikm.mutu.huruf in "CD"]
    assert cd and f"{len(cd)} unit bermutu C atau D" in bab5
    for h in cd:
        assert f"{netral(h.opd.nama)} ({fmt.angka(h.ikm.ikm)}, mutu {h.ikm.mutu.huruf})" in bab5
    kurang = [h for h in k.unit if h.sampel_memadai is False]
    assert kurang and all(netral(h.opd.nama) in bab5 for h in kurang)
    assert "unit belum memenuhi sampel minimum" in bab5


def test_first_period_and_no_weak_units(data: Path) -> None:
    bab5 = _bab(_laporan(_hasil(data), "2025-s1"), BAB[4])
    assert "periode pertama" in bab5
    assert "Tidak ada unit layanan bermutu C atau D" in bab5 or "bermutu C atau D" in bab5


def test_compliance_per_unit_and_counts_in_bab_iv_and_v(contoh: Hasil) -> None:
    bab4 = _bab(_laporan(contoh, "2025-s2"), BAB[3])
    kp = bab4[bab4.index("### 4.4"):]
    assert "| Dinas Kesehatan | 30 Januari 2026 | terlambat 9 hari |" in kp
    assert "| Satuan Polisi Pamong Praja | – | belum melapor" in kp
    assert f"| **Jumlah** | **{len(contoh.data.opd)}** |" in kp
    # a signed report is judged on its signing date: it does not change afterwards
    sah = _bab(_laporan(contoh, "2025-s1"), BAB[3])
    assert "status dinilai pada\n18 Agustus 2025" in sah
    bab5 = _bab(_laporan(contoh, "2025-s2"), BAB[4])
    assert "1 unit terlambat" in bab5 and "1 unit belum melapor" in bab5


# --- sign-off ------------------------------------------------------------------------------


def test_unsigned_period_is_a_draft(contoh: Hasil) -> None:
    md = _laporan(contoh, "2025-s2")
    assert contoh.data.periode_menurut_id()["2025-s2"].pengesahan is None
    awal = md[:md.index(BAB[0])]
    assert "DRAF — belum disahkan" in awal and 'class="skm-draf"' in awal
    assert 'class="skm-draf-cetak"' in awal  # the mark repeated on every printed page
    assert "Disahkan oleh" not in md


def test_signed_period_names_who_and_when(contoh: Hasil) -> None:
    sah = contoh.data.periode_menurut_id()["2025-s1"].pengesahan
    assert sah is not None
    md = _laporan(contoh, "2025-s1")
    kalimat = (f"Disahkan oleh {netral(sah.jabatan)} {netral(sah.nama)} pada "
               f"{fmt.tanggal(sah.tanggal)}")
    assert kalimat in md[:md.index(BAB[0])]
    assert "DRAF" not in md
    lembar = _bab(md, "## Lembar Pengesahan")  # after BAB V, a page of its own on paper
    assert 'class="skm-tanda-tangan"' in lembar
    assert f"NIP. {sah.nip}" in lembar and sah.sidik in lembar
    assert "Kepala Subbagian" in lembar and "Asisten Administrasi Umum" in lembar


def test_signature_text_from_data_is_escaped(data: Path) -> None:
    sahkan(data, "2025-s1", "Bupati <script>alert(1)</script> [x](javascript:alert(1))",
           "**Sekretaris** Daerah", "2025-08-04")
    md = _laporan(_hasil(data), "2025-s1")
    assert "<script>" not in md and "](javascript" not in md and "**Sekretaris**" not in md
    assert "Disahkan oleh &#42;&#42;Sekretaris&#42;&#42; Daerah Bupati &#60;script&#62;" in md
    assert "4 Agustus 2025" in md


# --- index, nav, periods without results ----------------------------------------------------


def test_index_and_nav(contoh: Hasil, data: Path) -> None:
    p = PembuatHalaman(contoh)
    nav = p.navigasi()
    laporan = next(x["Laporan"] for x in nav if "Laporan" in x)
    assert laporan[0] == "laporan/index.md"
    assert [next(iter(x.values())) for x in laporan[1:]] == [
        f"laporan/{k.periode.id}.md" for k in reversed(contoh.kabupaten)]
    assert {"Data terbuka": "data/index.md"} in nav
    indeks = p.daftar_laporan().isi
    assert "DRAF" in indeks and "disahkan 18 Agustus 2025" in indeks
    jalur = {h.jalur for h in p.semua()}
    assert {"laporan/index.md", "data/index.md"} <= jalur
    assert {f"laporan/{k.periode.id}.md" for k in contoh.kabupaten} <= jalur
    # a period no unit reported in has no report page, only a line in the index
    kosong = PembuatHalaman(_hasil(data))
    assert "laporan/2025-s2.md" not in {h.jalur for h in kosong.semua()}
    assert "belum ada laporan unit" in kosong.daftar_laporan().isi


# --- the built page ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def situs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A real build of a small data folder (two units, one signed period)."""
    from skm_build.kontrak.proyek import Proyek
    from skm_build.situs.bangun import bangun

    akar = tmp_path_factory.mktemp("proyek")
    shutil.copy2(ROOT / "mkdocs.yml", akar / "mkdocs.yml")
    (akar / "skm_build").symlink_to(ROOT / "skm_build")  # theme files named in mkdocs.yml
    (akar / "content").mkdir()
    from conftest import CSV_DUKCAPIL, KABUPATEN, OPD, PERIODE

    data = akar / "data"
    tulis(data, "kabupaten.yaml", KABUPATEN)
    tulis(data, "opd.yaml", OPD)
    tulis(data, "periode.yaml", PERIODE)
    tulis(data, "survei/2025-s1/dukcapil.csv", CSV_DUKCAPIL)
    tulis(data, "survei/2025-s1/dukcapil.yaml", "diterima: 2025-07-10\npopulasi: 4\n")
    tulis(data, "survei/2025-s1/kecamatan-jaten.yaml", """\
        diterima: 2025-07-30
        populasi: 300
        jawaban:
          u1: [0, 2, 50, 48]
          u2: [1, 3, 60, 36]
          u3: [5, 20, 50, 25]
          u4: [0, 0, 10, 90]
          u5: [0, 5, 55, 40]
          u6: [0, 4, 46, 50]
          u7: [0, 1, 39, 60]
          u8: [2, 8, 60, 30]
          u9: [10, 20, 40, 30]
        """)
    semester2 = CSV_DUKCAPIL
    for lama, baru in (("2025-02", "2025-08"), ("2025-03", "2025-09"), ("2025-04", "2025-10")):
        semester2 = semester2.replace(lama, baru)
    tulis(data, "survei/2025-s2/kecamatan-jaten.csv", semester2)
    sahkan(data, "2025-s1", "Drs. Uji Coba", "Sekretaris Daerah", "2025-08-04")
    bangun(Proyek(akar, data))
    return akar / "site"


def test_built_report_html(situs: Path) -> None:
    html = (situs / "laporan" / "2025-s1" / "index.html").read_text(encoding="utf-8")
    assert '<div class="skm-laporan">' in html
    awal = html.index('<div class="skm-laporan">')
    for judul in ("BAB I Pendahuluan", "BAB V Kesimpulan"):
        assert f">{judul}<" in html[awal:]
    assert "Disahkan oleh Sekretaris Daerah Drs. Uji Coba pada 4 Agustus 2025" in html
    assert "<table>" in html and "<thead>" in html
    draf = (situs / "laporan" / "2025-s2" / "index.html").read_text(encoding="utf-8")
    assert "DRAF — belum disahkan" in draf and "skm-draf-cetak" in draf
    css = (situs / "assets" / "skm" / "skm.css").read_text(encoding="utf-8")
    assert "size: A4" in css and ".skm-draf-cetak" in css


def test_built_site_serves_the_open_data(situs: Path) -> None:
    for periode in ("2025-s1", "2025-s2", "terbaru"):
        for nama in ("hasil-unit.csv", "datapackage.json", "skm.xlsx", "skm.json"):
            assert (situs / "data" / periode / nama).is_file(), (periode, nama)
    halaman = (situs / "data" / "index.html").read_text(encoding="utf-8")
    assert 'href="terbaru/hasil-unit.csv"' in halaman
    assert 'href="2025-s1/skm.xlsx"' in halaman
    assert "CC-BY-4.0" in halaman


# --- skm paket ---------------------------------------------------------------------------


def test_paket_zip_has_report_and_open_data(situs: Path, monkeypatch) -> None:
    import hashlib
    import io
    import zipfile

    from skm_build.alat.arsip import WAKTU_TETAP
    from skm_build.staf import paket
    from skm_build.terbit import data_terbuka

    hasil = _hasil(situs.parent / "data")
    assert paket.situs_usang(situs, hasil, "2025-s1") is None  # the fixture's build
    p = paket.buat_paket(hasil, situs, "2025-s1", dengan_pdf=False)
    assert not p.draf and not p.pdf
    with zipfile.ZipFile(io.BytesIO(p.isi)) as z:
        nama = set(z.namelist())
        assert "laporan-2025-s1-v1.html" in nama and "BACA.txt" in nama
        k = next(k for k in hasil.kabupaten if k.periode.id == "2025-s1")
        for berkas, isi in data_terbuka.paket_periode(hasil, k).items():
            assert z.read(f"data/{berkas}") == isi
            assert z.read(f"data/{berkas}") == (situs / "data" / "2025-s1" / berkas).read_bytes()
        html = z.read("laporan-2025-s1-v1.html").decode("utf-8")
        assert "<script" not in html and '<link rel="stylesheet"' not in html
        assert "size: A4" in html  # skm.css inlined: prints offline
        assert "Disahkan oleh Sekretaris Daerah Drs. Uji Coba" in html
        baca = z.read("BACA.txt").decode("utf-8")
        assert "Disahkan oleh" in baca and "versi 1" in baca
        sah = hasil.data.periode_menurut_id()["2025-s1"].pengesahan
        assert f"Sidik data yang disahkan (SHA-256): {sah.sidik}" in baca
        for n in nama - {"BACA.txt"}:
            assert f"{hashlib.sha256(z.read(n)).hexdigest()}  {n}" in baca
        assert {i.date_time for i in z.infolist()} == {WAKTU_TETAP}
    assert paket.buat_paket(hasil, situs, "2025-s1", dengan_pdf=False).isi == p.isi
    draf = paket.buat_paket(hasil, situs, "2025-s2", dengan_pdf=False)
    assert draf.draf and "laporan-2025-s2-DRAF.html" in draf.berkas


def test_paket_sees_a_stale_site(situs: Path, tmp_path: Path) -> None:
    from skm_build.staf import paket

    data = tmp_path / "data"
    shutil.copytree(situs.parent / "data", data)
    # 2025-s1 is signed (its data cannot change); 2025-s2 is a draft
    tulis(data, "survei/2025-s2/kecamatan-jaten.yaml", "diterima: 2026-01-10\npopulasi: 9\n")
    alasan = paket.situs_usang(situs, _hasil(data), "2025-s2")
    assert alasan and "usang" in alasan


def test_paket_command_usage_errors(situs: Path, monkeypatch, capsys) -> None:
    from skm_build import cli

    monkeypatch.chdir(situs.parent)
    assert cli.main(["paket", "--periode", "2099-s1"]) == 2
    assert "belum memiliki hasil" in capsys.readouterr().err
    keluar = situs.parent / "keluar" / "p.zip"
    assert cli.main(["paket", "--periode", "2025-s1", "--keluar", str(keluar),
                     "--tanpa-pdf"]) == 0
    assert keluar.is_file() and keluar.read_bytes()[:2] == b"PK"


def _teks_pdf(isi: bytes) -> list[str]:
    import io

    pypdf = pytest.importorskip("pypdf")
    return [h.extract_text() or "" for h in pypdf.PdfReader(io.BytesIO(isi)).pages]


@pytest.fixture(scope="module")
def pdf_draf(situs: Path) -> tuple[str, bytes]:
    """The draft report (2025-s2) printed by Chromium, and the page it was printed from."""
    from datetime import date

    from skm_build.staf.paket import halaman_laporan, html_mandiri
    from skm_build.terbit import pdf

    if not pdf.tersedia():
        pytest.skip("Chromium or pypdf missing")
    html = html_mandiri(halaman_laporan(situs, "2025-s2"), situs).decode("utf-8")
    return html, pdf.buat_pdf(html, "Laporan SKM Kabupaten Uji · Semester II 2025",
                              "DRAF — belum disahkan", True, date(2026, 2, 1))


def test_pdf_every_page_has_its_number_and_the_draft_header(pdf_draf) -> None:
    halaman = _teks_pdf(pdf_draf[1])
    assert len(halaman) >= 5
    for n, teks in enumerate(halaman, start=1):
        assert f"Halaman {n} dari {len(halaman)}" in teks
        assert "Laporan SKM Kabupaten Uji · Semester II 2025" in teks
        assert "DRAF — belum disahkan" in teks


def test_pdf_contents_give_the_page_of_each_chapter(pdf_draf) -> None:
    import re

    halaman = _teks_pdf(pdf_draf[1])
    isi = next(t for t in halaman if "Daftar isi" in t)
    for bab in ("BAB I Pendahuluan", "BAB III Hasil", "BAB V Kesimpulan"):
        nomor = re.search(re.escape(bab) + r"\s*\.*\s*(\d+)", isi)
        assert nomor, bab
        assert bab in halaman[int(nomor.group(1)) - 1]


def test_pdf_splits_no_word_across_lines(pdf_draf) -> None:
    """Every word of a table header is printed whole: no two consecutive pieces of the
    PDF's text join into a header word ("Respon" + "den")."""
    import html as html_mod
    import itertools
    import re

    html, isi = pdf_draf
    kata = {k for th in re.findall(r"<th[^>]*>(.*?)</th>", html, re.S)
            for k in re.findall(r"\w{5,}", html_mod.unescape(re.sub(r"<[^>]+>", "", th)))}
    assert "Responden" in kata
    potong = re.findall(r"\w+", " ".join(_teks_pdf(isi)))
    for a, b in itertools.pairwise(potong):
        assert a + b not in kata, (a, b)
    for k in kata:
        assert k in potong, k


def test_pdf_prints_every_row_of_the_tables_folded_on_screen(pdf_draf) -> None:
    """The page folds its long tables (one tap away on a phone); paper has no tap, so the
    PDF carries every row of them: the last follow-up plan and the last unit's status."""
    import html as html_mod
    import re

    def rapat(potongan: str) -> str:
        return re.sub(r"\s+", "", html_mod.unescape(re.sub(r"<[^>]+>", "", potongan)))

    html, isi = pdf_draf
    lipatan = re.findall(r'<details class="skm-tabel-lipat".*?</details>', html, re.S)
    assert len(lipatan) >= 3  # sample sufficiency, IKM per unit, reporting status
    teks = rapat(" ".join(_teks_pdf(isi)))
    for blok in lipatan:
        *_, akhir = re.findall(r"<tr>(.*?)</tr>", blok, re.S)
        for sel in re.findall(r"<td[^>]*>(.*?)</td>", akhir, re.S):
            assert rapat(sel) in teks, sel
        ringkasan = re.search(r"<summary>(.*?)</summary>", blok, re.S).group(1)
        assert rapat(ringkasan) not in teks  # the tap-to-open line is not printed


def test_pdf_is_the_same_bytes_every_time(pdf_draf) -> None:
    from datetime import date

    from skm_build.terbit import pdf

    html, isi = pdf_draf
    assert isi.startswith(b"%PDF-")
    assert pdf.buat_pdf(html, "Laporan SKM Kabupaten Uji · Semester II 2025",
                        "DRAF — belum disahkan", True, date(2026, 2, 1)) == isi


def test_paket_without_the_pdf_extra_says_so(situs: Path, monkeypatch, capsys) -> None:
    import io
    import zipfile

    from skm_build import cli
    from skm_build.terbit import pdf

    monkeypatch.setattr(pdf, "tersedia", lambda: False)
    monkeypatch.chdir(situs.parent)
    keluar = situs.parent / "tanpa-pdf.zip"
    assert cli.main(["paket", "--periode", "2025-s2", "--keluar", str(keluar)]) == 0
    err = capsys.readouterr().err
    assert "PDF dilewati" in err and "[pdf]" in err and "DRAF" in err
    with zipfile.ZipFile(io.BytesIO(keluar.read_bytes())) as z:
        assert not [n for n in z.namelist() if n.endswith(".pdf")]
        assert "laporan-2025-s2-DRAF.html" in z.namelist()
