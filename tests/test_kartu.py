"""Markdown tables become HTML tables whose cells carry their column's name."""

from __future__ import annotations

import markdown

from skm_build.terbit.kartu import tabel_kartu

LEBAR = """\
Sebelum.

| # | Unit layanan | IKM | Mutu | Perubahan |
|--:|---|--:|---|--:|
| 1 | [Dinas A](../opd/a.md) | 83,97 | B | +0,14 |
| 2 | Dinas &#124; B | 80,00 | B | – |

Sesudah."""


def _html(teks: str) -> str:
    return markdown.markdown(tabel_kartu(teks), extensions=["md_in_html", "tables"])


def test_setiap_sel_membawa_nama_kolomnya() -> None:
    keluar = _html(LEBAR)
    assert '<td class="skm-no" data-label="#" style="text-align:right">1</td>' in keluar
    assert '<td data-label="Mutu">B</td>' in keluar
    assert '<td data-label="Perubahan" style="text-align:right">+0,14</td>' in keluar


def test_tautan_dan_teks_data_dalam_sel_tetap_markdown() -> None:
    keluar = _html(LEBAR)
    assert '<a href="../opd/a.md">Dinas A</a>' in keluar
    assert "Dinas &#124; B" in keluar  # an escaped bar is text, never a cell break


def test_lima_kolom_atau_lebih_menjadi_kartu_yang_kurang_tetap_tabel_ringkas() -> None:
    assert '<div class="skm-kartu">' in _html(LEBAR)
    sempit = "| Mutu | Kinerja |\n|---|---|\n| A | Sangat baik |\n"
    assert '<div class="skm-ringkas">' in _html(sempit)


def test_kolom_pertama_yang_bukan_nomor_menjadi_judul_kartu() -> None:
    assert 'class="skm-judul-sel" data-label="Unit layanan"' in _html(LEBAR)


def test_teks_di_luar_tabel_tidak_berubah() -> None:
    keluar = tabel_kartu(LEBAR)
    assert keluar.startswith("Sebelum.\n\n<div")
    assert keluar.endswith("</div>\n\nSesudah.")
    assert tabel_kartu("| bukan tabel |\nteks\n") == "| bukan tabel |\nteks\n"


def test_kepala_kosong_tetap_bernama_untuk_pembaca_layar() -> None:
    keluar = _html("| Ringkasan | |\n|---|---|\n| Responden | 9.767 |\n")
    assert '<th><span class="skm-tersembunyi">Nilai</span></th>' in keluar
    assert '<td data-label="">9.767</td>' in keluar
