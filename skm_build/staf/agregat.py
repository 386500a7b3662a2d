"""The unit's report as counts: what ``skm import`` writes into the public ``data/``.

The repository is published, so an import reduces the respondent rows it has read to
the numbers the site needs and nothing more: answer tallies per unsur, the same per
service received, profile counts (sex, age *band*, education, job), the respondent
count and the first and last survey date. No row, no free text and no exact age leaves
this module; the rows themselves stay in the gitignored ``kiriman/`` folder.

The YAML is written by hand (not by a YAML dumper) so that the file reads like the data
contract's examples and its git diff shows one changed count on one changed line; a
report the staff member already edited (``diterima``, ``tindak_lanjut``, comments) is
kept, only the keys an import owns are replaced.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from skm_build.alat.yaml_bertanda import YamlDitolak, baca_yaml
from skm_build.aturan.ikm import KODE_UNSUR
from skm_build.kontrak.kosakata import (
    MINIMUM_RESPONDEN_LAYANAN,
    PITA_USIA,
    URUTAN_PROFIL,
    urut_kategori,
)
from skm_build.kontrak.layanan import gabung_layanan, kunci_layanan, layanan_dinamai
from skm_build.kontrak.teks_publik import alasan_teks_terlarang
from skm_build.staf.impor import HasilImpor

# The keys an import writes; every other key of the unit report is the staff's own.
KUNCI_IMPOR = ("responden", "tanggal_survei", "jawaban", "profil", "layanan", "impor")
KEPALA = ("# Ditulis oleh `skm import`: hanya hitungan. Baris per responden dan saran",
          "# disimpan di folder kiriman/ (tidak masuk git). Jangan sunting hitungannya;",
          "# impor ulang dengan --force bila berkas OPD diperbaiki.")
_KUNCI_POLOS = re.compile(r"^[A-Za-z]([A-Za-z0-9 _./()-]*[A-Za-z0-9.)])?$")
_ADA_HITUNGAN = re.compile(r"^(jawaban|responden)[ \t]*:", re.M)
_ADA_DITERIMA = re.compile(r"^diterima[ \t]*:", re.M)
_BUKAN_TEKS = frozenset({"y", "n", "yes", "no", "true", "false", "on", "off", "null", "~"})


class AgregatDitolak(Exception):
    """The counts cannot be written (a published text is not allowed, a report is broken)."""


@dataclass
class Agregat:
    """Counts of one unit in one period: the whole published trace of its respondents."""

    responden: int
    jawaban: dict[str, list[int]]
    profil: dict[str, dict[str, int]] = field(default_factory=dict)
    layanan: list[tuple[str, int, dict[str, list[int]]]] = field(default_factory=list)
    mulai: date | None = None
    selesai: date | None = None


def _pita(usia: int) -> str:
    return next(label for batas, label in reversed(PITA_USIA) if usia >= batas)


def _hitung_jawaban(baris: Sequence[dict[str, str]], unsur: Sequence[str]) -> dict[str, list[int]]:
    hasil = {kode: [0, 0, 0, 0] for kode in unsur}
    for b in baris:
        for kode in unsur:
            if b.get(kode):
                hasil[kode][int(b[kode]) - 1] += 1
    return hasil


def dari_baris(baris: Sequence[dict[str, str]], tanpa: Sequence[str] = (),
               minimum_layanan: int = MINIMUM_RESPONDEN_LAYANAN) -> Agregat:
    """Reduce canonical rows (column → text, "" blank) to the unit's counts.

    Only the services that may be named in public are written
    (:func:`~skm_build.kontrak.layanan.layanan_dinamai`): ``data/`` is the public
    repository, and a service of two people is those two people's answers."""
    unsur = [k for k in KODE_UNSUR if k not in tanpa]
    profil: dict[str, dict[str, int]] = {}
    for kolom, urutan in URUTAN_PROFIL.items():
        nilai = Counter(_pita(int(b[kolom])) if kolom == "usia" else b[kolom]
                        for b in baris if b.get(kolom))
        if nilai:
            profil[kolom] = urut_kategori(dict(nilai), urutan)
    per_ejaan: dict[str, list[dict[str, str]]] = {}
    for b in baris:
        if b.get("layanan"):
            per_ejaan.setdefault(b["layanan"], []).append(b)
    # grouped exactly as the loader groups a CSV's layanan column (case, spacing)
    layanan = gabung_layanan({
        nama: (len(isi), {k: tuple(v) for k, v in _hitung_jawaban(isi, KODE_UNSUR).items()})
        for nama, isi in per_ejaan.items()})
    dinamai = layanan_dinamai({x.nama: x.responden for x in layanan}, len(baris),
                              minimum_layanan)
    tanggal = sorted(date.fromisoformat(b["tanggal"]) for b in baris if b.get("tanggal"))
    return Agregat(
        responden=len(baris),
        jawaban=_hitung_jawaban(baris, unsur),
        profil=profil,
        layanan=[(x.nama, x.responden, {k: list(x.tally[k]) for k in unsur}) for x in layanan
                 if x.nama in dinamai],
        mulai=tanggal[0] if tanggal else None,
        selesai=tanggal[-1] if tanggal else None,
    )


def dari_hasil(hasil: HasilImpor, minimum_layanan: int = MINIMUM_RESPONDEN_LAYANAN) -> Agregat:
    """The counts of an import: a recap's tallies as they stand, else the rows reduced.

    Service names are published with their tallies, so each is checked like every
    published text; a name carrying a phone number or a formula stops the import.
    """
    if hasil.rekap is not None:
        return Agregat(hasil.rekap.responden, hasil.rekap.jawaban)
    a = dari_baris(hasil.keluaran, hasil.tanpa, minimum_layanan)
    for nama, _, _ in a.layanan:
        if alasan := alasan_teks_terlarang(nama):
            nomor = next(n for n, b in zip(hasil.nomor_keluaran, hasil.keluaran, strict=True)
                         if kunci_layanan(b.get("layanan", "")) == kunci_layanan(nama))
            kolom = hasil.dipakai["layanan"]
            raise AgregatDitolak(f"baris {nomor}, {kolom.letak} \"{kolom.judul}\": nama layanan "
                                 f"'{nama}' {alasan}; nama layanan ikut terbit di situs")
    return a


def sidik_berkas(isi: bytes) -> str:
    """The digest that recognises the same OPD file imported again under another unit."""
    return "sha256:" + hashlib.sha256(isi).hexdigest()


def tolak_sidik_lain(data: Path, sidik: str, laporan: Path) -> None:
    """Refuse a file already imported for another unit or period (its digest is there)."""
    folder = data / "survei"
    for lain in sorted(folder.glob("*/*.yaml")) if folder.is_dir() else ():
        if lain.resolve() != laporan.resolve() and sidik in lain.read_text("utf-8", "replace"):
            raise AgregatDitolak(
                f"berkas yang sama persis sudah diimpor untuk unit {lain.stem} periode "
                f"{lain.parent.name} ({lain.relative_to(data.parent).as_posix()}): satu berkas "
                "OPD hanya untuk satu unit dan satu periode. Periksa apakah OPD mengirim "
                "berkas yang salah, atau apakah --opd/--periode yang dipakai keliru")


def ada_hitungan(teks: str) -> bool:
    """Whether a unit report already holds answers (a recap or an earlier import)."""
    return bool(_ADA_HITUNGAN.search(teks))


def ada_diterima(teks: str) -> bool:
    return bool(_ADA_DITERIMA.search(teks))


# --- writing the unit report ---------------------------------------------------------------


def _teks(nilai: str) -> str:
    """A YAML scalar for ``nilai``: plain when it cannot be misread, else double-quoted."""
    if _KUNCI_POLOS.match(nilai) and nilai.lower() not in _BUKAN_TEKS:
        return nilai
    return json.dumps(nilai, ensure_ascii=False)


def _peta(hitung: dict[str, int]) -> str:
    return "{" + ", ".join(f"{_teks(k)}: {n}" for k, n in hitung.items()) + "}"


def _jawaban(jawaban: dict[str, list[int]], indent: str) -> list[str]:
    return [f"{indent}{kode}: [{', '.join(map(str, n))}]" for kode, n in jawaban.items()]


def teks_agregat(a: Agregat, impor: dict[str, object]) -> str:
    """The import-owned keys of the unit report, as YAML lines."""
    baris = [*KEPALA,
             f"responden: {a.responden}"]
    if a.mulai and a.selesai:
        baris.append(f"tanggal_survei: {{mulai: {a.mulai.isoformat()}, "
                     f"selesai: {a.selesai.isoformat()}}}")
    baris += ["jawaban:  # banyaknya jawaban 1, 2, 3, 4 per unsur", *_jawaban(a.jawaban, "  ")]
    if a.profil:
        baris.append("profil:")
        baris += [f"  {kolom}: {_peta(hitung)}" for kolom, hitung in a.profil.items()]
    if a.layanan:
        baris.append("layanan:")
        for nama, n, jawaban in a.layanan:
            baris += [f"  - nama: {_teks(nama)}",
                      f"    responden: {n}", "    jawaban:", *_jawaban(jawaban, "      ")]
    if impor:
        baris.append("impor:")
        baris += [f"  {k}: {_teks(v) if isinstance(v, str) else v}" for k, v in impor.items()]
    return "\n".join(baris) + "\n"


_KUNCI_ATAS = re.compile(r"^([A-Za-z_][\w-]*)[ \t]*:")


def teks_laporan(lama: str, a: Agregat, hasil: HasilImpor, sidik: str) -> str:
    """The unit report after the import: the staff's keys kept, the counts replaced.

    ``--tanpa`` is a declaration about the questionnaire, so it is written where the
    data contract keeps it (``unsur_tidak_berlaku``), joined with what was declared.
    """
    impor: dict[str, object] = {"sidik": sidik}
    if hasil.tanpa_tanggal:
        impor["tanpa_tanggal"] = hasil.tanpa_tanggal
    if hasil.ganda_dibuang:
        impor["ganda_dibuang"] = len(hasil.ganda_dibuang)
    ganti = list(KUNCI_IMPOR)
    awal = ""
    if hasil.tanpa:
        try:
            doc = baca_yaml(lama).nilai if lama.strip() else None
        except YamlDitolak as e:
            raise AgregatDitolak(f"laporan unit yang ada tidak dapat dibaca (baris {e.baris}: "
                                 f"{e.pesan}); perbaiki dulu, lalu impor lagi") from None
        sudah = doc.get("unsur_tidak_berlaku") if isinstance(doc, dict) else None
        semua = set(hasil.tanpa) | set(sudah if isinstance(sudah, list) else [])
        awal = f"unsur_tidak_berlaku: [{', '.join(k for k in KODE_UNSUR if k in semua)}]\n"
        ganti.append("unsur_tidak_berlaku")
    return gabung(lama, awal + teks_agregat(a, impor), ganti)


def gabung(lama: str, baru: str, ganti: Sequence[str]) -> str:
    """``lama`` without its top-level blocks named in ``ganti``, then ``baru`` appended.

    A top-level block is its key line and every following line that is indented, blank
    or a comment, up to the next top-level key: the staff's keys and comments above
    them stay where they are. The import's own comment header is dropped with its keys.
    """
    keluar: list[str] = []
    buang = False
    for b in lama.splitlines():
        if cocok := _KUNCI_ATAS.match(b):
            buang = cocok.group(1) in ganti
        if not buang and b not in KEPALA:
            keluar.append(b)
    while keluar and not keluar[-1].strip():
        keluar.pop()
    return ("\n".join(keluar) + "\n" if keluar else "") + baru
