"""The unit's report for a period: survei/<periode>/<opd>.yaml."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from skm_build.alat.yaml_bertanda import kutip
from skm_build.aturan.ikm import KODE_UNSUR, Tally
from skm_build.kontrak.berkas import baca_yaml_berkas
from skm_build.kontrak.bidang import Bidang, sebagai_peta
from skm_build.kontrak.kosakata import CACAH_MAKS, STATUS_TINDAK_LANJUT
from skm_build.kontrak.masalah import DaftarMasalah
from skm_build.kontrak.model import TindakLanjut


@dataclass
class LaporanUnit:
    diterima: date | None = None
    populasi: int | None = None
    tidak_berlaku: tuple[str, ...] = ()
    tindak_lanjut: tuple[TindakLanjut, ...] = ()
    ringkasan_masukan: str | None = None
    jawaban: dict[str, Tally] | None = None
    responden: int | None = None
    baris_jawaban: int | None = None


def muat_laporan(berkas: Path, m: DaftarMasalah) -> LaporanUnit | None:
    doc = baca_yaml_berkas(berkas, m)
    if doc is None:
        return None
    isi = sebagai_peta(m, berkas, doc, (), doc.nilai if doc.nilai is not None else None,
                        "laporan unit")
    if isi is None:
        return None
    b = Bidang(m, berkas, doc, (), isi)
    b.kunci_dikenal(("diterima", "populasi", "unsur_tidak_berlaku", "tindak_lanjut",
                     "jawaban", "responden", "ringkasan_masukan"))
    lap = LaporanUnit()
    lap.ringkasan_masukan = b.teks("ringkasan_masukan", wajib=False)
    lap.diterima = b.tanggal("diterima", wajib=False)
    lap.populasi = b.bulat("populasi", 1, CACAH_MAKS)
    lap.responden = b.bulat("responden", 1, CACAH_MAKS)
    tidak = isi.get("unsur_tidak_berlaku", [])
    if not isinstance(tidak, list) or any(t not in KODE_UNSUR for t in tidak):
        b.galat("unsur_tidak_berlaku", "'unsur_tidak_berlaku' harus daftar kode unsur, "
                "mis. [u4]")
    elif len(set(tidak)) >= len(KODE_UNSUR):
        b.galat("unsur_tidak_berlaku", "semua unsur dinyatakan tidak berlaku: tidak ada "
                "yang dapat dihitung")
    else:
        lap.tidak_berlaku = tuple(sorted(set(tidak), key=KODE_UNSUR.index))
    lap.tindak_lanjut = _tindak_lanjut(b, isi.get("tindak_lanjut"))
    if "jawaban" in isi:
        lap.jawaban = _jawaban(b, isi["jawaban"], lap.tidak_berlaku)
        lap.baris_jawaban = doc.baris_dari(("jawaban",))
    return lap if b.ok else None


def _tindak_lanjut(b: Bidang, nilai: Any) -> tuple[TindakLanjut, ...]:
    if nilai is None:
        return ()
    if not isinstance(nilai, list):
        b.galat("tindak_lanjut", "'tindak_lanjut' harus daftar (setiap butir diawali '- ')")
        return ()
    hasil = []
    for i, butir in enumerate(nilai):
        jalur = ("tindak_lanjut", i)
        if not isinstance(butir, dict):
            b.m.galat(b.berkas, b.doc.baris_dari(jalur), "setiap tindak lanjut harus berisi "
                      "unsur, kegiatan, waktu, penanggung_jawab, status", "tindak_lanjut")
            b.ok = False
            continue
        c = Bidang(b.m, b.berkas, b.doc, jalur, butir)
        c.kunci_dikenal(("unsur", "kegiatan", "waktu", "penanggung_jawab", "status"))
        unsur = c.pilihan("unsur", KODE_UNSUR)
        kegiatan, waktu = c.teks("kegiatan"), c.teks("waktu")
        pj = c.teks("penanggung_jawab")
        status = c.pilihan("status", STATUS_TINDAK_LANJUT, "rencana")
        if c.ok and unsur and kegiatan and waktu and pj and status:
            hasil.append(TindakLanjut(unsur, kegiatan, waktu, pj, status))
        else:
            b.ok = False
    return tuple(hasil)


def _jawaban(b: Bidang, nilai: Any, tidak_berlaku: tuple[str, ...]) -> dict[str, Tally] | None:
    if not isinstance(nilai, dict):
        b.galat("jawaban", "'jawaban' harus berisi u1..u9, masing-masing [n1, n2, n3, n4]")
        return None
    hasil: dict[str, Tally] = {}
    for kode, tally in nilai.items():
        baris = b.doc.baris_dari(("jawaban", kode))
        if kode not in KODE_UNSUR:
            b.m.galat(b.berkas, baris, f"unsur '{kutip(kode)}' tidak dikenal; gunakan u1..u9",
                      "jawaban")
            b.ok = False
            continue
        if (not isinstance(tally, list) or len(tally) != 4
                or any(isinstance(c, bool) or not isinstance(c, int) or c < 0 for c in tally)):
            b.m.galat(b.berkas, baris, f"jawaban {kode} harus 4 bilangan bulat tidak negatif: "
                      "banyaknya jawaban 1, 2, 3, 4, mis. [0, 2, 50, 48]", kode)
            b.ok = False
            continue
        if max(tally) > CACAH_MAKS:
            b.m.galat(b.berkas, baris, f"jawaban {kode} berisi hitungan lebih dari "
                      f"{CACAH_MAKS} jawaban: periksa angkanya", kode)
            b.ok = False
            continue
        hasil[kode] = tuple(tally)  # type: ignore[assignment]
    for kode in KODE_UNSUR:
        if kode not in hasil and kode not in tidak_berlaku and kode not in nilai:
            b.galat("jawaban", f"jawaban {kode} tidak ada (tambahkan, atau nyatakan di "
                    "'unsur_tidak_berlaku')")
    if b.ok and not any(sum(t) for t in hasil.values()):
        b.galat("jawaban", "semua hitungan jawaban nol: tidak ada yang dapat dihitung")
    return hasil if b.ok else None

