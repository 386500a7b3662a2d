"""Read an OPD's recap sheet — counts per answer per unsur — as the unit's tallies.

Some offices send no rows at all but the table their own spreadsheet computed: one row
per unsur (named "Persyaratan", "U1" or by its question), then how many respondents
answered 1, 2, 3 and 4, often a JUMLAH column and a total row. Those 36 numbers are all
the arithmetic needs, so they are read as they stand — never re-derived — and checked:
every count a whole non-negative number, a JUMLAH column equal to the sum of its row,
no fifth answer column (a 1–5 questionnaire), every unsur present or declared absent.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from skm_build.alat.lembar import Lembar
from skm_build.aturan.ikm import KODE_UNSUR
from skm_build.staf import kenali

BARIS_MINIMUM = 5  # rows naming distinct unsur before a sheet counts as a recap


class RekapDitolak(Exception):
    """The recap cannot be used; the message names the row and column."""


@dataclass(frozen=True)
class Rekap:
    """The tallies read from a recap sheet and where they were found."""

    lembar: Lembar
    jawaban: dict[str, list[int]]
    baris: dict[str, int]  # unsur → row number in the sheet

    @property
    def responden(self) -> int:
        """The most answers any unsur has: those who left one unsur blank still count."""
        return max(sum(n) for n in self.jawaban.values())


def _bilangan(sel: object) -> float | None:
    if isinstance(sel, bool):
        return None
    if isinstance(sel, int | float):
        return float(sel)
    if isinstance(sel, str):
        try:
            return float(sel.strip().replace(",", "."))
        except ValueError:
            return None
    return None


def _label_unsur(sel: Sequence[object]) -> tuple[str, int] | None:
    """The unsur a recap row is about and the index of its label cell."""
    for j, isi in enumerate(sel):
        if isinstance(isi, str) and isi.strip():
            tujuan = kenali.kenali_judul(isi).tujuan
            return (tujuan, j) if tujuan in KODE_UNSUR else None
    return None


Calon = dict[str, tuple[int, int, tuple[object, ...]]]  # unsur → (row, label index, cells)


def _calon(lembar: Lembar) -> Calon:
    """unsur → (row number, label index, cells) for rows shaped like a recap row."""
    calon: Calon = {}
    for nomor, sel in lembar.baris:
        label = _label_unsur(sel)
        if label is None or label[0] in calon:
            continue
        angka = [_bilangan(s) for s in sel[label[1] + 1:]]
        if sum(1 for a in angka if a is not None) >= 4:
            calon[label[0]] = (nomor, label[1], sel)
    return calon


def cari_rekap(semua: Sequence[Lembar]) -> tuple[Lembar, Calon] | None:
    """The sheet that reads as a recap (most unsur rows), or None when none does."""
    terbaik = max(((lb, _calon(lb)) for lb in semua), key=lambda x: len(x[1]), default=None)
    if terbaik is None or len(terbaik[1]) < BARIS_MINIMUM:
        return None
    return terbaik


def _judul_kolom(lembar: Lembar, baris_pertama: int) -> tuple[object, ...]:
    """The header row: the last row above the first unsur row."""
    atas = [sel for nomor, sel in lembar.baris if nomor < baris_pertama]
    return atas[-1] if atas else ()


def baca_rekap(lembar: Lembar, calon: Calon, tanpa: Sequence[str],
               letak: Callable[[int], str]) -> Rekap:
    """Check and read the recap rows of ``lembar``; ``letak(j)`` names column ``j``."""
    judul = _judul_kolom(lembar, min(n for n, _, _ in calon.values()))
    jawaban: dict[str, list[int]] = {}
    for kode in KODE_UNSUR:
        if kode not in calon:
            continue
        nomor, j, sel = calon[kode]
        kolom = [i for i in range(j + 1, len(sel)) if _bilangan(sel[i]) is not None]
        nilai = [_bilangan(sel[i]) for i in kolom]
        jumlah_di = next((i for i in kolom[4:] if i < len(judul) and isinstance(judul[i], str)
                          and kenali.kata(judul[i])[:1] in (["jumlah"], ["total"])), None)
        lebih = [i for i in kolom[4:] if i != jumlah_di]
        if lebih:
            raise RekapDitolak(
                f"baris {nomor}: ada {4 + len(lebih)} kolom hitungan ({letak(kolom[0])} "
                f"s.d. {letak(lebih[-1])}); rekap SKM memakai skala 1–4 (empat kolom: "
                "banyaknya jawaban 1, 2, 3, 4). Skala 1–5 atau 1–10 tidak dapat diubah "
                "tanpa mengubah hasil: minta OPD mengirim rekap skala 1–4")
        for i, n in zip(kolom[:4], nilai[:4], strict=True):
            if n is None or n < 0 or not float(n).is_integer():
                raise RekapDitolak(f"baris {nomor}, {letak(i)}: '{sel[i]}' bukan banyaknya "
                                   "jawaban (bilangan bulat tidak negatif)")
        hitung = [int(n) for n in nilai[:4]]
        if jumlah_di is not None:
            total = _bilangan(sel[jumlah_di])
            if total != sum(hitung):
                raise RekapDitolak(
                    f"baris {nomor}, {letak(jumlah_di)} ({judul[jumlah_di]}): tertulis "
                    f"{sel[jumlah_di]}, padahal {' + '.join(map(str, hitung))} = {sum(hitung)}."
                    " Angka rekap tidak konsisten: minta OPD memeriksa rekapnya")
        jawaban[kode] = hitung
    hilang = [k for k in KODE_UNSUR if k not in jawaban and k not in tanpa]
    if hilang:
        raise RekapDitolak(
            f"baris untuk {', '.join(hilang)} tidak ditemukan di rekap. Bila unsur itu memang "
            f"tidak ditanyakan, jalankan lagi dengan --tanpa {hilang[0]} (dicatat sebagai "
            "unsur_tidak_berlaku)")
    ada = [k for k in tanpa if k in jawaban and sum(jawaban[k])]
    if ada:
        raise RekapDitolak(f"baris {calon[ada[0]][0]}: rekap berisi jawaban {ada[0]}, "
                           f"padahal --tanpa {ada[0]} menyatakannya tidak ditanyakan")
    for k in tanpa:
        jawaban.pop(k, None)
    return Rekap(lembar, jawaban, {k: calon[k][0] for k in jawaban})
