"""The sample-data banner and the one place it goes on a page.

While ``data_contoh: true`` every page says its numbers are synthetic: generated pages,
hand-written pages, the 404 page and the report in ``skm paket`` all get the banner
through :func:`dengan_spanduk`, so it sits in the same place everywhere.
"""

from __future__ import annotations

SPANDUK_CONTOH = (  # left out of the search index: results show each page's own words
    '<div class="skm-contoh" role="note" data-search-exclude><strong>Data contoh.</strong> '
    "Angka di situs ini adalah data sintetis untuk uji coba, bukan hasil survei yang "
    "sebenarnya.</div>\n\n"
)


def dengan_spanduk(teks: str) -> str:
    """Put the sample-data banner at the top of a page: after any front matter and the
    page's leading '# ' heading, which MkDocs takes as the page title only when it
    comes first."""
    awal = 0
    if teks.startswith("---\n") and (akhir := teks.find("\n---\n", 4)) != -1:
        awal = akhir + len("\n---\n")
    sisa = teks[awal:]
    if sisa.lstrip("\n").startswith("# "):
        judul = sisa.index("# ")
        awal += sisa.find("\n", judul) + 1 if "\n" in sisa[judul:] else len(sisa)
    return teks[:awal] + "\n" + SPANDUK_CONTOH + teks[awal:]
