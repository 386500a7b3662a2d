"""Checking the fields of a YAML mapping, each problem reported at its own line."""

from __future__ import annotations

import contextlib
import difflib
import re
from datetime import date, datetime
from pathlib import Path
from typing import Any

from skm_build.alat.yaml_bertanda import YamlBertanda, kutip
from skm_build.kontrak.kosakata import alasan_tahun
from skm_build.kontrak.masalah import DaftarMasalah
from skm_build.kontrak.pribadi import jenis_data_pribadi
from skm_build.kontrak.teks_publik import POLA_RUMUS


class Bidang:
    """Checks the fields of one YAML mapping, reporting each problem at its own line."""

    def __init__(self, m: DaftarMasalah, berkas: Path, doc: YamlBertanda, jalur: tuple,
                 isi: dict[str, Any]) -> None:
        self.m, self.berkas, self.doc, self.jalur, self.isi = m, berkas, doc, jalur, isi
        self.ok = True

    def galat(self, kunci: str | None, pesan: str) -> None:
        jalur = self.jalur if kunci is None else (*self.jalur, kunci)
        self.m.galat(self.berkas, self.doc.baris_dari(jalur), pesan, kunci)
        self.ok = False

    def kunci_dikenal(self, dikenal: tuple[str, ...], ketat: bool = False) -> None:
        """Warn about unknown keys; a near-miss of a known key is an error, and with
        ``ketat`` every unknown key is (a typo in a sign-off must not silently turn a
        signed report back into a draft).

        "jawapan" for "jawaban" silently drops the unit's answers, "populsi" its sample
        check: a typo that changes the result must stop the check, not scroll past.
        """
        for kunci in self.isi:
            if kunci in dikenal:
                continue
            mirip = difflib.get_close_matches(str(kunci), dikenal, n=1, cutoff=0.75)
            if mirip:
                self.galat(kunci, f"kunci '{kutip(kunci)}' tidak dikenal; maksudnya "
                           f"'{mirip[0]}'? Perbaiki ejaannya: dengan salah ketik ini nilainya "
                           "tidak dipakai")
            elif ketat:
                self.galat(kunci, f"kunci '{kutip(kunci)}' tidak dikenal (yang dikenal: "
                           f"{', '.join(dikenal)}); periksa ejaannya")
            else:
                self.m.peringatan(self.berkas, self.doc.baris_dari((*self.jalur, kunci)),
                                  f"kunci '{kutip(kunci)}' tidak dikenal dan diabaikan "
                                  f"(yang dikenal: {', '.join(dikenal)})", kutip(kunci))

    def teks(self, kunci: str, wajib: bool = True) -> str | None:
        """A published text: refused when it holds personal data or a formula."""
        return self._teks(kunci, wajib, pribadi_ditolak=True)

    def kontak_kantor(self, kunci: str) -> str | None:
        """The office's own phone number or e-mail address (kabupaten.yaml): published on
        purpose so citizens can reach the office, so the personal-data patterns, which
        would match any phone number, are not applied; everything else of :meth:`teks` is."""
        return self._teks(kunci, False, pribadi_ditolak=False)

    def _teks(self, kunci: str, wajib: bool, pribadi_ditolak: bool) -> str | None:
        nilai = self.isi.get(kunci)
        if nilai is None:
            if wajib:
                self.galat(kunci, f"'{kunci}' wajib diisi")
            return None
        if not isinstance(nilai, str | int | float) or isinstance(nilai, bool):
            self.galat(kunci, f"'{kunci}' harus berupa teks")
            return None
        teks = str(nilai).strip()
        if wajib and not teks:
            self.galat(kunci, f"'{kunci}' tidak boleh kosong")
            return None
        if len(teks) > 500:
            self.galat(kunci, f"'{kunci}' terlalu panjang ({len(teks)} karakter; batas 500)")
            return None
        if POLA_RUMUS.match(teks):
            self.galat(kunci, f"'{kunci}' diawali '{teks[0]}': spreadsheet membacanya sebagai "
                       "rumus; tulis tanpa tanda itu di depan")
            return None
        if pribadi_ditolak and (jenis := jenis_data_pribadi(teks)):
            self.galat(kunci, f"'{kunci}' berisi data pribadi ({jenis}); hapus dari data")
            return None
        return teks

    def pilihan(self, kunci: str, pilihan: tuple[str, ...], baku: str | None = None) -> str | None:
        nilai = self.isi.get(kunci, baku)
        if nilai is None:
            self.galat(kunci, f"'{kunci}' wajib diisi: salah satu dari {', '.join(pilihan)}")
            return None
        if str(nilai) not in pilihan:
            self.galat(kunci, f"'{kunci}' bernilai '{kutip(nilai)}'; pilih salah satu dari "
                       f"{', '.join(pilihan)}")
            return None
        return str(nilai)

    def tanggal(self, kunci: str, wajib: bool = True) -> date | None:
        nilai = self.isi.get(kunci)
        if nilai is None:
            if wajib:
                self.galat(kunci, f"'{kunci}' wajib diisi (tanggal TTTT-BB-HH)")
            return None
        d = None
        if isinstance(nilai, datetime):
            d = nilai.date()
        elif isinstance(nilai, date):
            d = nilai
        elif isinstance(nilai, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", nilai.strip()):
            # a quoted date ("2025-07-01") is a string to YAML, but still a date
            with contextlib.suppress(ValueError):
                d = date.fromisoformat(nilai.strip())
        if d is None:
            self.galat(kunci, f"'{kunci}' bernilai '{kutip(nilai)}': bukan tanggal TTTT-BB-HH "
                       "yang sah")
            return None
        if alasan := alasan_tahun(d.year):
            self.galat(kunci, f"'{kunci}' bernilai {d.isoformat()}: {alasan}")
            return None
        return d

    def bulat(self, kunci: str, minimum: int, maksimum: int | None = None,
              wajib: bool = False) -> int | None:
        nilai = self.isi.get(kunci)
        if nilai is None:
            if wajib:
                self.galat(kunci, f"'{kunci}' wajib diisi")
            return None
        if isinstance(nilai, bool) or not isinstance(nilai, int):
            self.galat(kunci, f"'{kunci}' bernilai '{kutip(nilai)}': harus bilangan bulat")
            return None
        if nilai < minimum or (maksimum is not None and nilai > maksimum):
            batas = f"{minimum}–{maksimum}" if maksimum is not None else f"≥ {minimum}"
            self.galat(kunci, f"'{kunci}' bernilai {kutip(nilai)}: harus {batas}")
            return None
        return nilai


def sebagai_peta(m: DaftarMasalah, berkas: Path, doc: YamlBertanda, jalur: tuple,
                  nilai: Any, apa: str) -> dict | None:
    if not isinstance(nilai, dict):
        m.galat(berkas, doc.baris_dari(jalur), f"{apa} harus berupa pasangan 'kunci: nilai'")
        return None
    return nilai

