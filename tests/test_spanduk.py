"""The sample-data banner: on every page, without taking the page's title from it."""

from __future__ import annotations

from skm_build.terbit.spanduk import SPANDUK_CONTOH, dengan_spanduk


def test_spanduk_di_bawah_judul_halaman_agar_judul_tetap_dari_h1() -> None:
    assert dengan_spanduk("# Dinas Sosial\n\nisi\n") == (
        "# Dinas Sosial\n\n" + SPANDUK_CONTOH + "\nisi\n")


def test_spanduk_sesudah_front_matter_dan_judul() -> None:
    teks = "---\ntitle: Panduan\n---\n# Panduan\nisi\n"
    assert dengan_spanduk(teks) == (
        "---\ntitle: Panduan\n---\n# Panduan\n\n" + SPANDUK_CONTOH + "isi\n")


def test_halaman_tanpa_judul_mendapat_spanduk_di_paling_atas() -> None:
    assert dengan_spanduk("isi\n").startswith("\n" + SPANDUK_CONTOH)
