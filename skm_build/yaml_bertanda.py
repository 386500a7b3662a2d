"""YAML read safely and with line numbers, so every problem can point at its line.

PyYAML's safe loader forgets where a value came from. Here the node tree is walked by
hand: each value's line is remembered under its path (``("tindak_lanjut", 0,
"status")``), duplicate keys are refused (PyYAML silently keeps the last one), and
anchors, aliases and merge keys are refused, which also closes the "billion laughs"
blow-up a hostile file could use. Only scalars go through PyYAML's safe constructor.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import yaml

Jalur = tuple[str | int, ...]

UKURAN_MAKS = 5 * 1024 * 1024  # a registry or unit report is a few KB; 5 MB is hostile


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


def baca_yaml(teks: str) -> YamlBertanda:
    """Parse ``teks`` as one YAML document; raise :class:`YamlDitolak` with a line on error."""
    loader = yaml.SafeLoader(teks)
    try:
        node = loader.get_single_node()
        if node is None:
            return YamlBertanda(None, {(): 1})
        baris: dict[Jalur, int] = {}
        nilai = _bangun(loader, node, (), baris, set())
        return YamlBertanda(nilai, baris)
    except yaml.MarkedYAMLError as e:
        tanda = e.problem_mark or e.context_mark
        baris_ = tanda.line + 1 if tanda else None
        kolom = tanda.column + 1 if tanda else None
        masalah = e.problem or e.context or "sintaks YAML salah"
        raise YamlDitolak(baris_, f"sintaks YAML salah: {masalah}", kolom) from None
    except yaml.YAMLError as e:
        raise YamlDitolak(None, f"sintaks YAML salah: {e}") from None
    finally:
        loader.dispose()


def _bangun(
    loader: yaml.SafeLoader, node: yaml.Node, jalur: Jalur, baris: dict[Jalur, int],
    terlihat: set[int],
) -> Any:
    nomor = node.start_mark.line + 1
    if id(node) in terlihat:
        raise YamlDitolak(nomor, "anchor/alias YAML (& dan *) tidak diizinkan; tulis nilainya")
    terlihat.add(id(node))
    baris[jalur] = nomor
    if isinstance(node, yaml.MappingNode):
        hasil: dict[Any, Any] = {}
        for kunci_node, nilai_node in node.value:
            if kunci_node.tag == "tag:yaml.org,2002:merge":
                raise YamlDitolak(kunci_node.start_mark.line + 1,
                                  "kunci gabungan YAML (<<) tidak diizinkan")
            if not isinstance(kunci_node, yaml.ScalarNode):
                raise YamlDitolak(kunci_node.start_mark.line + 1, "kunci harus teks biasa")
            kunci = _skalar(loader, kunci_node)
            if not isinstance(kunci, str | int):
                kunci = str(kunci)
            if kunci in hasil:
                raise YamlDitolak(kunci_node.start_mark.line + 1,
                                  f"kunci '{kunci}' ditulis dua kali")
            hasil[kunci] = _bangun(loader, nilai_node, (*jalur, kunci), baris, terlihat)
            # A key's line, not its value's: a block value ("jawaban:" then "  u1: ...")
            # starts on the next line, which is not where a reader looks for the key.
            baris[(*jalur, kunci)] = kunci_node.start_mark.line + 1
        return hasil
    if isinstance(node, yaml.SequenceNode):
        return [_bangun(loader, anak, (*jalur, i), baris, terlihat)
                for i, anak in enumerate(node.value)]
    return _skalar(loader, node)


def _skalar(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    try:
        return loader.construct_object(node)
    except (ValueError, OverflowError):
        # PyYAML's resolver takes 2025-02-30 for a date, then datetime refuses it.
        raise YamlDitolak(node.start_mark.line + 1, f"nilai '{node.value}' tidak sah: tanggal "
                          "itu tidak ada di kalender (tulis TTTT-BB-HH)",
                          node.start_mark.column + 1) from None
