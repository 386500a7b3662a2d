"""YAML read safely and with line numbers, so every problem can point at its line.

PyYAML's safe loader forgets where a value came from. Here the event stream is turned
into values by hand, without recursion: each value's line is remembered under its path
(``("tindak_lanjut", 0, "status")``), duplicate keys are refused (PyYAML silently keeps
the last one), and so are aliases and merge keys (which also closes the "billion laughs"
blow-up), explicit tags other than the plain core ones (``!!python/...``, ``!!binary``),
and text with control characters. Nesting depth and the number of values are bounded, so
a hostile file of a few MB can neither exhaust the stack nor allocate gigabytes. Only
scalars go through PyYAML's safe constructor; LibYAML parses when it is available.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import yaml

Jalur = tuple[str | int, ...]

UKURAN_MAKS = 5 * 1024 * 1024  # a registry or unit report is a few KB; 5 MB is hostile
KEDALAMAN_MAKS = 20  # the contract nests three deep (a period's pengesahan, a tally)
SIMPUL_MAKS = 100_000  # values in one file: a registry of 10 000 units has ~90 000

_PEMUAT = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_INTI = "tag:yaml.org,2002:"
_TAG_BOLEH = frozenset(_INTI + t for t in ("str", "int", "float", "bool", "null",
                                          "timestamp", "map", "seq"))
# C0/C1 controls (tab, LF, CR allowed), lone surrogates (from "\ud800" escapes, which no
# UTF-8 file can hold), the bidi overrides that make text display other than it reads, and
# a byte-order mark inside the text (a file saved twice with one).
_KENDALI = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff"
                      "\u202a-\u202e\u2066-\u2069\ufeff]")


class YamlDitolak(Exception):
    """The file is not YAML we accept; ``baris`` and ``kolom`` are 1-based."""

    def __init__(self, baris: int | None, pesan: str, kolom: int | None = None) -> None:
        super().__init__(pesan)
        self.baris = baris
        self.kolom = kolom
        self.pesan = pesan


@dataclass(frozen=True)
class YamlBertanda:
    """A parsed YAML document and the line each value starts on."""

    nilai: Any
    baris: dict[Jalur, int]

    def baris_dari(self, jalur: Jalur) -> int:
        """The line of ``jalur``, or of its nearest parent that has one."""
        while jalur not in self.baris and jalur:
            jalur = jalur[:-1]
        return self.baris.get(jalur, 1)


def kutip(nilai: object, batas: int = 60) -> str:
    """``nilai`` for a message: control characters made visible, cut at ``batas``."""
    teks = _KENDALI.sub(lambda m: ascii(m.group())[1:-1], str(nilai))
    return teks if len(teks) <= batas else teks[: batas - 1] + "…"


def baca_yaml(teks: str) -> YamlBertanda:
    """Parse ``teks`` as one YAML document; raise :class:`YamlDitolak` with a line on error."""
    loader = _PEMUAT(teks)
    try:
        return _PenyusunNilai(loader).dokumen()
    except yaml.MarkedYAMLError as e:
        tanda = e.problem_mark
        karakter = teks[tanda.index] if tanda and tanda.index < len(teks) else ""
        di_konteks, pesan = _terjemahkan(e.problem or "", e.context or "", karakter)
        tanda = (e.context_mark if di_konteks else None) or e.problem_mark or e.context_mark
        baris_ = tanda.line + 1 if tanda else None
        kolom = tanda.column + 1 if tanda else None
        raise YamlDitolak(baris_, f"sintaks YAML salah: {pesan}", kolom) from None
    except yaml.reader.ReaderError as e:  # a raw control character in the file
        awal = teks[: e.position]
        raise YamlDitolak(awal.count("\n") + 1, f"karakter kendali {kutip(teks[e.position])} "
                          "tidak diizinkan dalam berkas YAML",
                          e.position - (awal.rfind("\n") + 1) + 1) from None
    except yaml.YAMLError as e:
        raise YamlDitolak(None, f"sintaks YAML salah: {e}") from None
    finally:
        loader.dispose()


# PyYAML's English messages, as staff read them: (problem, context) patterns, whether the
# line to show is where the construct *started* (a key missing its ':' is found only on
# the next line), and the Indonesian message with the usual fix.
_PESAN_YAML: tuple[tuple[str, str, bool, str], ...] = (
    ("could not find expected ':'", "simple key", True,
     "titik dua ':' tidak ada setelah kunci di baris ini; tulis 'kunci: nilai'"),
    ("found unexpected end of stream", "quoted scalar", True,
     "tanda kutip yang dibuka di baris ini tidak ditutup; tambahkan tanda kutip penutup"),
    ("mapping values are not allowed", "", False,
     "ada ': ' di tengah nilai; beri tanda kutip pada nilainya (mis. judul: \"A: B\"), "
     "atau periksa indentasi baris ini"),
    ("\t", "", False, "karakter tab tidak boleh dipakai untuk indentasi; ganti dengan spasi"),
    ("expected <block end>", "", False,
     "indentasi baris ini tidak sejajar dengan baris di atasnya; samakan jumlah spasinya"),
    ("did not find expected key", "", False,
     "indentasi baris ini tidak sejajar dengan baris di atasnya; samakan jumlah spasinya"),
    ("did not find expected '-' indicator", "", False,
     "daftar tidak sejajar: setiap butir diawali '- ' dengan indentasi yang sama"),
    ("expected ',' or ']'", "", True,
     "daftar '[' yang dibuka di baris ini tidak ditutup dengan ']'"),
    ("expected ',' or '}'", "", True,
     "peta '{' yang dibuka di baris ini tidak ditutup dengan '}'"),
    ("found undefined alias", "", False,
     "'*' di awal nilai dibaca YAML sebagai alias; beri tanda kutip pada nilainya"),
    ("that cannot start any token", "", False,
     "nilai diawali karakter khusus YAML ('@' atau '`'); beri tanda kutip pada nilainya"),
)


def _terjemahkan(masalah: str, konteks: str, karakter: str) -> tuple[bool, str]:
    """(show the context line?, the message in Indonesian) for a PyYAML error.

    LibYAML does not name the character that "cannot start any token"; ``karakter``
    (the one at the error) tells a tab from an '@'.
    """
    if "cannot start any token" in masalah and karakter == "\t":
        masalah = "\t"
    for awal, di_konteks_bila, pakai_konteks, pesan in _PESAN_YAML:
        if awal in masalah and di_konteks_bila in konteks:
            return pakai_konteks, pesan
    return False, ("periksa indentasi (spasi, bukan tab), titik dua setelah setiap kunci dan "
                   "tanda kutip di baris ini")


class _Wadah:
    """A mapping or sequence being filled, and where it sits in the document."""

    __slots__ = ("baris_kunci", "isi", "jalur", "kunci")

    def __init__(self, isi: dict | list, jalur: Jalur) -> None:
        self.isi, self.jalur = isi, jalur
        self.kunci: Any = _TANPA_KUNCI
        self.baris_kunci = 0


_TANPA_KUNCI = object()


class _PenyusunNilai:
    """Values from the event stream with an explicit stack (no recursion, no aliases)."""

    def __init__(self, loader: Any) -> None:
        self.loader = loader
        self.baris: dict[Jalur, int] = {}
        self.anchor: dict[str, int] = {}
        self.simpul = 0

    def dokumen(self) -> YamlBertanda:
        ld = self.loader
        ld.get_event()  # StreamStart
        if ld.check_event(yaml.StreamEndEvent):
            return YamlBertanda(None, {(): 1})
        ld.get_event()  # DocumentStart
        nilai = self._nilai()
        ld.get_event()  # DocumentEnd
        if not ld.check_event(yaml.StreamEndEvent):
            awal = ld.get_event().start_mark
            raise YamlDitolak(awal.line + 1, "berkas berisi lebih dari satu dokumen YAML "
                              "('---'): tulis satu dokumen saja", awal.column + 1)
        return YamlBertanda(nilai, self.baris)

    def _nilai(self) -> Any:
        tumpukan: list[_Wadah] = []
        while True:
            ev = self.loader.get_event()
            if isinstance(ev, yaml.CollectionEndEvent):
                selesai = tumpukan.pop()
                if not tumpukan:
                    return selesai.isi
                self._taruh(tumpukan[-1], selesai.isi)
                continue
            nomor = ev.start_mark.line + 1
            if isinstance(ev, yaml.AliasEvent):
                # Reported where the anchor is: both the & and the * have to go.
                raise YamlDitolak(self.anchor.get(ev.anchor, nomor),
                                  "anchor/alias YAML (& dan *) tidak diizinkan; tulis nilainya")
            self.simpul += 1
            if self.simpul > SIMPUL_MAKS:
                raise YamlDitolak(nomor, f"berkas berisi lebih dari {SIMPUL_MAKS} nilai: "
                                  "bukan berkas data SKM")
            if ev.anchor is not None:
                self.anchor[ev.anchor] = nomor
            induk = tumpukan[-1] if tumpukan else None
            if induk is not None and isinstance(induk.isi, dict) and induk.kunci is _TANPA_KUNCI:
                self._kunci(induk, ev, nomor)
                continue
            if induk is None:
                jalur: Jalur = ()
                self.baris[jalur] = nomor
            elif isinstance(induk.isi, dict):
                jalur = (*induk.jalur, induk.kunci)
                self.baris[jalur] = induk.baris_kunci  # a key's line, not its block value's
            else:
                jalur = (*induk.jalur, len(induk.isi))
                self.baris[jalur] = nomor
            if isinstance(ev, yaml.ScalarEvent):
                nilai = self._skalar(ev)
                if induk is None:
                    return nilai
                self._taruh(induk, nilai)
                continue
            if ev.tag is not None and ev.tag != "!" and ev.tag not in _TAG_BOLEH:
                self._tolak_tag(ev.tag, ev)
            if len(tumpukan) >= KEDALAMAN_MAKS:
                raise YamlDitolak(nomor, f"nilai bersarang lebih dari {KEDALAMAN_MAKS} "
                                  "tingkat: bukan berkas data SKM", ev.start_mark.column + 1)
            isi: dict | list = {} if isinstance(ev, yaml.MappingStartEvent) else []
            tumpukan.append(_Wadah(isi, jalur))

    def _kunci(self, induk: _Wadah, ev: Any, nomor: int) -> None:
        if not isinstance(ev, yaml.ScalarEvent):
            raise YamlDitolak(nomor, "kunci harus teks biasa")
        if ev.tag is None and ev.implicit[0] and \
                self.loader.resolve(yaml.ScalarNode, ev.value, ev.implicit) == _INTI + "merge":
            raise YamlDitolak(nomor, "kunci gabungan YAML (<<) tidak diizinkan")
        kunci = self._skalar(ev)
        if not isinstance(kunci, str | int):
            kunci = str(kunci)
        if kunci in induk.isi:
            raise YamlDitolak(nomor, f"kunci '{kutip(kunci)}' ditulis dua kali")
        induk.kunci, induk.baris_kunci = kunci, nomor

    @staticmethod
    def _taruh(induk: _Wadah, nilai: Any) -> None:
        if isinstance(induk.isi, dict):
            induk.isi[induk.kunci] = nilai
            induk.kunci = _TANPA_KUNCI
        else:
            induk.isi.append(nilai)

    @staticmethod
    def _tolak_tag(tag: str, ev: Any) -> None:
        tampil = tag.replace(_INTI, "!!")
        raise YamlDitolak(ev.start_mark.line + 1, f"tag YAML '{kutip(tampil)}' tidak "
                          "diizinkan: tulis nilainya saja", ev.start_mark.column + 1)

    def _skalar(self, ev: Any) -> Any:
        tag = ev.tag
        if tag is None or tag == "!":
            tag = self.loader.resolve(yaml.ScalarNode, ev.value, ev.implicit)
        elif tag not in _TAG_BOLEH:
            self._tolak_tag(tag, ev)
        baris, kolom = ev.start_mark.line + 1, ev.start_mark.column + 1
        if (cocok := _KENDALI.search(ev.value)) is not None:
            raise YamlDitolak(baris, f"karakter kendali {kutip(cocok.group())} tidak "
                              "diizinkan dalam teks", kolom)
        node = yaml.ScalarNode(tag, ev.value, ev.start_mark, ev.end_mark, style=ev.style)
        try:
            return self.loader.construct_object(node)
        except (ValueError, OverflowError):
            if tag == _INTI + "timestamp":  # 2025-02-30 looks like a date to the resolver
                raise YamlDitolak(baris, f"nilai '{kutip(ev.value)}' tidak sah: tanggal itu "
                                  "tidak ada di kalender (tulis TTTT-BB-HH)", kolom) from None
            raise YamlDitolak(baris, f"nilai '{kutip(ev.value)}' tidak sah",
                              kolom) from None
        finally:
            self.loader.constructed_objects.clear()
