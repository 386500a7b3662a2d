"""Recognising personal data, so it is refused at the door and dropped at import.

A public site built from files many hands edit must never carry a citizen's name,
phone number, e-mail address or NIK. Two lines of defence share these rules: column
names that identify people are refused outright, and free text that is published
(unit names, layanan, follow-up plans) is refused when it contains a phone number, an
e-mail address or a 16-digit NIK.
"""

from __future__ import annotations

import re

# Column names (after lower-casing and turning separators into "_") that identify people.
# Google Forms adds "Email Address"/"Username" when a form collects addresses; OPD sheets
# carry "NIK/No KTP", "NIP" or "Kontak".
_KOLOM_PRIBADI = re.compile(
    r"^(nama(_\w+)?|\w+_nama|name|full_?name|nik(_\w+)?|no_?ktp|ktp|nomor_ktp|nip|"
    r"nomor_induk_\w+|username|kontak(_\w+)?|"
    r"e_?mail(_\w+)?|surel|surat_elektronik|"
    r"(no(mor)?_?)?(telepon|telp|tlp|hp|wa|whatsapp|handphone|ponsel|telfon)(_\w+)?|"
    r"alamat(_\w+)?|address|phone(_\w+)?)$"
)

_PROVINSI = r"(1[1-9]|21|3[1-6]|5[1-3]|6[1-5]|7[1-6]|8[12]|9[1-7])"  # a NIK's first 2 digits

_POLA_ISI = (
    # The lookbehind makes a match start only where a run of address characters starts:
    # without it a 20 000-letter word took 2 s and a 2 MB one would take hours.
    ("alamat e-mail", re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(\.[\w-]+)+")),
    # 16 digits, or written in groups (4-4-4-4, or region-date-serial 6-6-4) when they start
    # with a province code, so that "2025 2026 2027 2028" is not taken for a NIK.
    ("NIK", re.compile(r"(?<!\d)(\d{16}|" + _PROVINSI + r"(\d{2}([ .-]\d{4}){3}"
                       r"|\d{4}[ .-]\d{6}[ .-]\d{4}))(?!\d)")),
    # A mobile number: 08xx or +62 8xx, the prefix perhaps in parentheses, separated by
    # spaces, dots, hyphens or dashes.
    ("nomor telepon",
     re.compile(r"(?<![\w])\(?(\+62|62|0)[\s.\-–—]?\(?8\d{1,3}\)?([\s.\-–—]?\d{2,4}){2,3}"
                r"(?!\d)")),
)


PENANDA_DISAMARKAN = "[data pribadi dihapus]"


def kolom_pribadi(nama_kolom: str) -> bool:
    """True when a column header names data that identifies a person."""
    kunci = re.sub(r"[\s./-]+", "_", nama_kolom.strip().lower()).strip("_")
    return bool(_KOLOM_PRIBADI.match(kunci))


def jenis_data_pribadi(teks: str) -> str | None:
    """Name the kind of personal data found in ``teks`` (None when there is none)."""
    for jenis, pola in _POLA_ISI:
        if pola.search(teks):
            return jenis
    return None


def samarkan(teks: str) -> str:
    """``teks`` with every phone number, e-mail address and NIK replaced by a marker.

    Free text that is kept (a suggestion, the service received) cannot be refused as a
    whole just because a respondent typed their number into it; the importer keeps the
    words and removes the part that identifies someone.
    """
    for _, pola in _POLA_ISI:
        teks = pola.sub(PENANDA_DISAMARKAN, teks)
    return teks
