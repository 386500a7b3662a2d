"""The exit-code contract and the one exception hierarchy every command stops through.

Exit codes are a contract with staff scripts and CI: 0 all good, 1 the data (or an input
file) is invalid and nothing was published or written, 2 the command was used wrongly.
A command stops by raising :class:`GalatSkm` (or a subclass) with an Indonesian message;
:mod:`skm_build.cli` prints it and exits with its :attr:`GalatSkm.kode_keluar`, so no
command ever ends in a Python traceback. It lives in the contract layer because the site
build and the staff commands, which must not import each other or the CLI, both raise it.
"""

from __future__ import annotations

KELUAR_OK, KELUAR_DATA, KELUAR_PEMAKAIAN = 0, 1, 2


class GalatSkm(Exception):
    """A command stopped for a reason the message gives; nothing was published (exit 1)."""

    kode_keluar = KELUAR_DATA


class SalahPakai(GalatSkm):
    """The command line asks for something that does not exist (exit 2)."""

    kode_keluar = KELUAR_PEMAKAIAN
