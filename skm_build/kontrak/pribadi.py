"""Recognising personal data, so it is refused at the door and dropped at import.

A public site built from files many hands edit must never carry a citizen's name,
phone number, e-mail address or NIK. Two lines of defence share these rules: column
names that identify people are refused outright, and text that is published (every
name, title, plan, id and respondent cell) is refused when it contains a phone number,
an e-mail address or a 16-digit NIK.

People and spreadsheets write these in many ways: full-width or Arabic-Indic digits,
invisible characters (zero-width space, soft hyphen) inside a number, digits grouped by
slashes, dots or dashes, "nama at gmail dot com". So text is first brought to one
spelling (:func:`baku`) and only then matched. The same steps run with a map back to
the original characters when a match must be cut out of kept text (:func:`samarkan`).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator

# Column names (after lower-casing, dropping a "(…)" remark and turning separators into
# "_") that identify people. Google Forms adds "Email Address"/"Username" when a form
# collects addresses; OPD sheets carry "NIK/No KTP", "NIP", "Kontak" or "Identitas".
_KOLOM_PRIBADI = re.compile(
    r"(nama(_\w+)?|\w+_nama|name|full_?name|nik(_\w+)?|no_?ktp|ktp|nomor_ktp|nip|"
    r"nomor_induk_\w+|username|kontak(_\w+)?|identitas(_\w+)?|tanda_tangan|ttd|paraf|"
    r"e_?mail(_\w+)?|surel|surat_elektronik|"
    r"(no(mor)?_?)?(telepon|telp|tlp|hp|wa|whatsapp|handphone|ponsel|telfon)(_\w+)?|"
    r"alamat(_\w+)?|address|phone(_\w+)?)"
)

_PROVINSI = r"(1[1-9]|21|3[1-6]|5[1-3]|6[1-5]|7[1-6]|8[12]|9[1-7])"  # a NIK's first 2 digits

# Characters that show nothing (Unicode "format" characters, variation selectors, the
# combining grapheme joiner): typed or pasted inside a number they hide it from a pattern.
_TAK_TAMPAK = ("\u00ad\u034f\u061c\u0600-\u0605\u06dd\u070f\u0890\u0891\u08e2\u180b-\u180f"
               "\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufe00-\ufe0f\ufeff"
               "\ufff9-\ufffb\U000110bd\U000110cd\U00013430-\U0001343f\U0001bca0-\U0001bca3"
               "\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f\U000e0100-\U000e01ef")
# What may stand between the digits of one number: spaces, dots, slashes, brackets and
# every dash (at most three in a row: "0812 - 3456").
_PEMISAH = r"[\s.,/\\_()\[\]\-\u2010-\u2015\u2212\u00b7\u2022]{1,3}"

Langkah = tuple[Callable[[str], bool], re.Pattern[str], str | Callable[[re.Match[str]], str]]
# The steps after NFKC, in order: a regex substitution, made only when a quick test says
# it can change something (a 2 MB cell must not cost seconds).
_LANGKAH: tuple[Langkah, ...] = (
    (lambda t: not t.isascii(), re.compile(f"[{_TAK_TAMPAK}]"), ""),
    (lambda t: not t.isascii(), re.compile(r"(?![0-9])\d"),
     lambda m: str(unicodedata.decimal(m.group()))),
    (lambda t: "@" in t or "at" in t.lower(),
     re.compile(r"\s*[(\[{<]\s*(?:at|@)\s*[)\]}>]\s*|(?<=\w)\s+at\s+(?=\w)|\s*@\s*", re.I),
     "@"),
    (lambda t: "dot" in t.lower(),
     re.compile(r"\s*[(\[{<]\s*dot\s*[)\]}>]\s*|(?<=\w)\s+dot\s+(?=\w)", re.I), "."),
)

# The lookbehind makes a match start only where a run of address characters starts:
# without it a 20 000-letter word took 2 s and a 2 MB one would take hours.
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}(?![\w-])", re.I)
# Digits written in groups ("0812 3456 7890", "33.13.01.234567.8901", "08-12-34-56-78-90");
# any run of consecutive groups whose digits together are a NIK or a mobile number counts,
# so a number beside another ("Semester II 2025 0812 3456 7890") is still found.
_DERET = re.compile(r"\+?\d+(?:" + _PEMISAH + r"\+?\d+)*")
_GRUP = re.compile(r"\+?\d+")
_ANGKA = (
    ("NIK", re.compile(_PROVINSI + r"\d{14}")),
    # A mobile number: 08…, 628… or +628…, 10 to 14 digits in all.
    ("nomor telepon", re.compile(r"(?:\+?62|0)8\d{7,11}")),
)
_DIGIT_MAKS = 16  # the longest number above: a NIK


PENANDA_DISAMARKAN = "[data pribadi dihapus]"
_MUNGKIN = re.compile(r"[0-9@]|\bat\b", re.I)


def kolom_pribadi(nama_kolom: str) -> bool:
    """True when a column header names data that identifies a person."""
    teks = re.sub(r"\(.*?\)", " ", baku(nama_kolom).lower())
    kunci = re.sub(r"[^0-9a-z]+", "_", teks).strip("_")
    return bool(_KOLOM_PRIBADI.fullmatch(kunci))


def baku(teks: str) -> str:
    """``teks`` in the one spelling the patterns expect (see the module doc)."""
    teks = unicodedata.normalize("NFKC", teks)
    for perlu, pola, ganti in _LANGKAH:
        if perlu(teks):
            teks = pola.sub(ganti, teks)
    return teks


def _temuan(normal: str) -> Iterator[tuple[str, int, int]]:
    """Each (kind, start, end) of personal data in text already in :func:`baku` form."""
    if "@" in normal:
        for m in _EMAIL.finditer(normal):
            yield "alamat e-mail", m.start(), m.end()
    for deret in _DERET.finditer(normal):
        grup = list(_GRUP.finditer(deret.group()))
        for i, awal in enumerate(grup):
            angka = ""
            for akhir in grup[i:]:
                angka += akhir.group()
                if len(angka) > _DIGIT_MAKS:
                    break
                for jenis, pola in _ANGKA:
                    if pola.fullmatch(angka):
                        yield jenis, deret.start() + awal.start(), deret.start() + akhir.end()


def jenis_data_pribadi(teks: str) -> str | None:
    """Name the kind of personal data found in ``teks`` (None when there is none)."""
    if teks.isascii() and not _MUNGKIN.search(teks):
        return None  # plain ASCII without a digit, '@' or "at": nothing could match
    return next((jenis for jenis, _, _ in _temuan(baku(teks))), None)


def _baku_berpeta(teks: str) -> tuple[str, list[int], list[int]]:
    """:func:`baku` with, for each resulting character, the original span it came from."""
    huruf: list[str] = []
    awal: list[int] = []
    akhir: list[int] = []
    for i, c in enumerate(teks):
        for n in unicodedata.normalize("NFKC", c):
            huruf.append(n)
            awal.append(i)
            akhir.append(i + 1)
    normal = "".join(huruf)
    for perlu, pola, ganti in _LANGKAH:
        if not perlu(normal):
            continue
        bagian: list[str] = []
        awal_baru: list[int] = []
        akhir_baru: list[int] = []
        sebelum = 0
        for m in pola.finditer(normal):
            bagian.append(normal[sebelum:m.start()])
            awal_baru += awal[sebelum:m.start()]
            akhir_baru += akhir[sebelum:m.start()]
            isi = ganti if isinstance(ganti, str) else ganti(m)
            if isi:
                a = awal[m.start()] if m.end() > m.start() else awal[m.start() - 1]
                z = akhir[m.end() - 1] if m.end() > m.start() else a
                bagian.append(isi)
                awal_baru += [a] * len(isi)
                akhir_baru += [z] * len(isi)
            sebelum = m.end()
        bagian.append(normal[sebelum:])
        awal_baru += awal[sebelum:]
        akhir_baru += akhir[sebelum:]
        normal, awal, akhir = "".join(bagian), awal_baru, akhir_baru
    return normal, awal, akhir


def samarkan(teks: str) -> str:
    """``teks`` with every phone number, e-mail address and NIK replaced by a marker.

    Free text that is kept (a suggestion, the service received) cannot be refused as a
    whole just because a respondent typed their number into it; the importer keeps the
    words and removes the part that identifies someone, however it was spelt.
    """
    if jenis_data_pribadi(teks) is None:
        return teks
    normal, awal, akhir = _baku_berpeta(teks)
    hasil: list[tuple[int, int]] = []
    for a, z in sorted((awal[mulai], akhir[selesai - 1])
                       for _, mulai, selesai in _temuan(normal)):
        if hasil and a <= hasil[-1][1]:  # overlaps the previous match: one cut
            hasil[-1] = (hasil[-1][0], max(hasil[-1][1], z))
        else:
            hasil.append((a, z))
    keluar, posisi = [], 0
    for a, z in hasil:
        keluar.append(teks[posisi:a] + PENANDA_DISAMARKAN)
        posisi = z
    return "".join(keluar) + teks[posisi:]
