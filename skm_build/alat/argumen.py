"""An argparse parser that speaks Indonesian: usage, help headings and every error.

Staff read these messages; Python's argparse writes "usage:", "options:" and "the
following arguments are required" in English whatever the locale. The stdlib builds
its error messages from a handful of fixed English templates, so they are translated
here by pattern; a message a command itself raises (already Indonesian) passes through.
Wrong usage ends with exit code 2, as before.
"""

from __future__ import annotations

import argparse
import difflib
import re
import sys
from typing import NoReturn

AWALAN_PENGGUNAAN = "penggunaan: "

# (English template of argparse 3.11–3.13, Indonesian replacement)
_TERJEMAHAN: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pola, re.S), ganti) for pola, ganti in (
        (r"^the following arguments are required: (.*)$", r"argumen wajib belum diberikan: \1"),
        (r"^one of the arguments (.*) is required$", r"salah satu argumen ini wajib: \1"),
        (r"^unrecognized arguments: (.*)$", r"argumen tidak dikenal: \1"),
        (r"^ambiguous option: (\S+) could match (.*)$", r"pilihan \1 ambigu: bisa berarti \2"),
        (r"^argument (.+?): expected one argument$", r"argumen \1 perlu satu nilai"),
        (r"^argument (.+?): expected at most one argument$",
         r"argumen \1 paling banyak satu nilai"),
        (r"^argument (.+?): expected at least one argument$",
         r"argumen \1 perlu paling sedikit satu nilai"),
        (r"^argument (.+?): ignored explicit argument (.*)$",
         r"argumen \1 tidak menerima nilai \2"),
        (r"^argument (.+?): not allowed with argument (.*)$",
         r"argumen \1 tidak boleh dipakai bersama \2"),
        (r"^argument (.+?): invalid \w+ value: (.*)$", r"argumen \1: nilai \2 tidak sah"),
        (r"^argument (.+?): invalid choice: (.+?) \(choose from (.*)\)$",
         r"argumen \1: pilihan \2 tidak dikenal (pilih salah satu: \3)"),
        (r"^argument (.+?): (.*)$", r"argumen \1: \2"),
    ))
_PILIHAN_SALAH = re.compile(r"invalid choice: '([^']*)' \(choose from (.*)\)")


def terjemahkan(pesan: str) -> str:
    """An argparse error message in Indonesian; a close command name is suggested."""
    saran = ""
    if cocok := _PILIHAN_SALAH.search(pesan):
        pilihan = re.findall(r"'([^']*)'", cocok.group(2))
        if mirip := difflib.get_close_matches(cocok.group(1), pilihan, n=1, cutoff=0.5):
            saran = f"; maksudnya '{mirip[0]}'?"
    for pola, ganti in _TERJEMAHAN:
        if pola.match(pesan):
            return pola.sub(ganti, pesan) + saran
    return pesan


class ParserIndonesia(argparse.ArgumentParser):
    """``argparse.ArgumentParser`` whose every word to the user is Indonesian."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self._positionals.title = "argumen"
        self._optionals.title = "pilihan"
        self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS,
                          help="tampilkan bantuan ini lalu keluar")

    def format_usage(self) -> str:
        formatter = self._get_formatter()
        formatter.add_usage(self.usage, self._actions, self._mutually_exclusive_groups,
                            AWALAN_PENGGUNAAN)
        return formatter.format_help()

    def format_help(self) -> str:
        # argparse's own layout, with the usage prefix it does not let a caller choose
        formatter = self._get_formatter()
        formatter.add_usage(self.usage, self._actions, self._mutually_exclusive_groups,
                            AWALAN_PENGGUNAAN)
        formatter.add_text(self.description)
        for kelompok in self._action_groups:
            formatter.start_section(kelompok.title)
            formatter.add_text(kelompok.description)
            formatter.add_arguments(kelompok._group_actions)
            formatter.end_section()
        formatter.add_text(self.epilog)
        return formatter.format_help()

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: galat: {terjemahkan(message)}\n")
