"""Pages at province size (``bench/provinsi.py``): what changes when units run into thousands.

- The period page's unit × unsur heatmap has one 18 px row per unit; beyond
  ``halaman.PETA_UNIT_MAKS`` units the page keeps the table only and says why.
- The long generated tables (a row per unit, and each unit page's number tables) are left
  out of Material's search index, which the browser downloads and builds for every
  search; names, headings and follow-up plans stay searchable.
"""

from __future__ import annotations

import re
from pathlib import Path

import markdown
import pytest
from material.plugins.search.plugin import Parser

from skm_build.hitung.hasil import Hasil, hitung_semua
from skm_build.hitung.isi_laporan import isi_laporan
from skm_build.kontrak.muat import periksa
from skm_build.terbit import halaman
from skm_build.terbit.halaman import PembuatHalaman

AKAR = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def hasil() -> Hasil:
    p = periksa(AKAR / "data")
    assert p.data is not None
    return hitung_semua(p.data)


def teks_terindeks(md: str) -> str:
    """What Material's search plugin indexes of a page, after Markdown as in mkdocs.yml."""
    html = markdown.markdown(md, extensions=["tables", "attr_list", "md_in_html", "admonition",
                                             "toc"])
    parser = Parser()
    parser.feed(html)
    parser.close()
    return "\n".join("".join(s.title) + " " + "".join(s.text) for s in parser.data
                     if not s.is_excluded())


def test_peta_panas_hanya_sampai_batas_unit(hasil: Hasil, monkeypatch: pytest.MonkeyPatch
                                            ) -> None:
    k = hasil.terbaru
    assert k is not None and len(k.unit) <= halaman.PETA_UNIT_MAKS
    assert 'id="grafik-peta-unsur-' in PembuatHalaman(hasil).periode(k.periode.id).isi

    monkeypatch.setattr(halaman, "PETA_UNIT_MAKS", len(k.unit) - 1)
    isi = PembuatHalaman(hasil).periode(k.periode.id).isi
    assert 'id="grafik-peta-unsur-' not in isi
    assert f"Untuk lebih dari {len(k.unit) - 1} unit grafik peta tidak ditampilkan" in isi
    tabel = isi[isi.index("## Nilai setiap unit per unsur"):isi.index("## Kepatuhan")]
    assert len(re.findall(r"(?m)^\| (?!Unit layanan|---)", tabel)) == len(k.unit)


def test_tabel_panjang_tidak_masuk_indeks_pencarian(hasil: Hasil) -> None:
    k = hasil.terbaru
    assert k is not None
    p = PembuatHalaman(hasil)
    periode = teks_terindeks(p.periode(k.periode.id).isi)
    assert "Peringkat unit layanan" in periode and "Kepatuhan pelaporan" in periode
    for h in k.unit:  # the ranking, the unit × unsur table and compliance rows: all out
        assert h.opd.nama not in periode, h.opd.nama

    laporan = teks_terindeks(p.laporan(k.periode.id).isi)
    assert "BAB III Hasil" in laporan
    # Sentences and top-3 tables may name a unit (tallies only, mutu C/D, sample short,
    # biggest rise or fall); the tables with a row per unit may not.
    L = isi_laporan(hasil, k.periode.id)
    disebut = {h.opd.id for h in (*L.rekap_saja, *L.mutu_cd, *L.sampel_kurang, *L.naik,
                                  *L.turun)}
    assert not [h.opd.nama for h in k.unit if h.opd.nama in laporan
                and h.opd.id not in disebut and h.opd.nama not in hasil.data.kabupaten.penyusun]

    indeks = teks_terindeks(p.daftar_opd().isi)
    assert not [h.opd.nama for h in k.unit if h.opd.nama in indeks]


def test_halaman_unit_tetap_dapat_dicari_tanpa_tabel_angka(hasil: Hasil) -> None:
    p = PembuatHalaman(hasil)
    o = next(o for o in hasil.data.opd
             if any(h.survei.tindak_lanjut for h in hasil.unit_dari(o.id)[:1]))
    h = hasil.unit_dari(o.id)[0]
    isi = p.opd(o).isi
    terindeks = teks_terindeks(isi)
    assert o.nama in terindeks  # the page title
    for t in h.survei.tindak_lanjut:  # the latest follow-up plans stay searchable
        assert halaman.netral(t.kegiatan).split("&")[0][:20] in terindeks
    # The calculation table's sums are on the page but not in the index.
    jumlah = [halaman.fmt.bilangan(x.jumlah) for x in h.ikm.unsur if x.nrr is not None]
    assert all(f"| {j} |" in isi for j in jumlah)
    assert re.search(r"Σ nilai\s+n\s+NRR", isi.replace("|", " "))
    assert not re.search(r"Σ nilai\s+n\s+NRR", terindeks)
    assert "Siapa pun dapat memeriksa" in isi and "Siapa pun" not in terindeks
    assert "Perhitungan" in terindeks and "Profil responden" in terindeks  # headings stay
    assert "Laki-laki" in isi and "Laki-laki" not in terindeks
    # Earlier periods: the summary line stays searchable, their numbers do not.
    lalu = hasil.unit_dari(o.id)[1]
    assert f"{lalu.periode.nama}: IKM" in terindeks
    assert isi.count("**Terlemah:**") == len(hasil.unit_dari(o.id))
    assert terindeks.count("Terlemah:") == 1


def test_rata_rata_sama_dengan_penjumlahan_pecahan_biasa() -> None:
    """The common-denominator mean equals adding Fractions one by one, exactly."""
    import random
    from fractions import Fraction

    from skm_build.aturan.ikm import rata_rata

    acak = random.Random(7)
    for _ in range(200):
        nilai = [Fraction(acak.randint(25, 400 * n), n)
                 for n in (acak.randint(1, 5000) for _ in range(acak.randint(1, 60)))]
        assert rata_rata(nilai) == sum(nilai, Fraction(0)) / len(nilai)
    assert rata_rata([Fraction(1, 3), 2]) == Fraction(7, 6)


def test_nrr_unsur_kabupaten_dihitung_sekali(hasil: Hasil) -> None:
    k = hasil.terbaru
    assert k is not None
    pertama = k.nrr_unsur()
    pertama.clear()  # a caller's copy: the cached values are not touched
    assert k.nrr_unsur() and k.nrr_unsur() == k._nrr_unsur
    assert [x.unsur.kode for x in k.terlemah()] == [x.unsur.kode for x in sorted(
        k.nilai_unsur(), key=lambda x: x.nrr)[:3]]
