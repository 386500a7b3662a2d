"""The unit's report for a period: survei/<periode>/<opd>.yaml."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from skm_build.alat.yaml_bertanda import kutip
from skm_build.aturan.ikm import KODE_UNSUR, Tally
from skm_build.kontrak.berkas import baca_yaml_berkas
from skm_build.kontrak.bidang import Bidang, sebagai_peta
from skm_build.kontrak.kosakata import (
    CACAH_MAKS,
    STATUS_TINDAK_LANJUT,
    URUTAN_PROFIL,
    urut_kategori,
)
from skm_build.kontrak.layanan import kunci_layanan
from skm_build.kontrak.masalah import DaftarMasalah
from skm_build.kontrak.model import Layanan, Profil, TindakLanjut


@dataclass
class LaporanUnit:
    diterima: date | None = None
    populasi: int | None = None
    tidak_berlaku: tuple[str, ...] = ()
    tindak_lanjut: tuple[TindakLanjut, ...] = ()
    jawaban: dict[str, Tally] | None = None
    responden: int | None = None
    baris_jawaban: int | None = None
    baris_responden: int | None = None
    layanan: tuple[Layanan, ...] = ()
    profil: Profil | None = None
    tanggal_survei: tuple[date, date] | None = None
    ringkasan_masukan: str | None = None
    sidik: str | None = None  # digest of the OPD file it was imported from
    baris_sidik: int | None = None
    baris_tanggal: int | None = None
    tanpa_tanggal: int | None = None  # rows the staff confirmed to belong to the period


# The keys of ``impor:``, the import's own record (`skm import` writes it).
KUNCI_IMPOR = ("sidik", "tanpa_tanggal", "ganda_dibuang")
POLA_SIDIK = re.compile(r"^sha256:[0-9a-f]{64}$")


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
                     "jawaban", "responden", "profil", "tanggal_survei", "ringkasan_masukan",
                     "layanan", "impor"))
    lap = LaporanUnit()
    lap.diterima = b.tanggal("diterima", wajib=False)
    lap.populasi = b.bulat("populasi", 1, CACAH_MAKS)
    lap.responden = b.bulat("responden", 1, CACAH_MAKS)
    lap.baris_responden = doc.baris_dari(("responden",))
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
    lap.ringkasan_masukan = b.teks("ringkasan_masukan", wajib=False)
    if "profil" in isi:
        lap.profil = _profil(b, isi["profil"], lap.responden, lap.jawaban)
    if "tanggal_survei" in isi:
        lap.tanggal_survei = _tanggal_survei(b, isi["tanggal_survei"])
        lap.baris_tanggal = doc.baris_dari(("tanggal_survei",))
    if "layanan" in isi:
        lap.layanan = _layanan(b, isi["layanan"], lap.tidak_berlaku, lap.jawaban)
    if "impor" in isi:
        _impor(b, isi["impor"], lap)
    return lap if b.ok else None


def _profil(b: Bidang, nilai: Any, responden: int | None,
            jawaban: dict[str, Tally] | None) -> Profil | None:
    """Profile counts per group; categories are the questionnaire's, sums at most the
    respondents (a blank answer is not counted, so a group may sum to less)."""
    if not isinstance(nilai, dict):
        b.galat("profil", "'profil' harus berisi kelompok (" + ", ".join(URUTAN_PROFIL)
                + "), masing-masing {kategori: banyaknya}")
        return None
    batas = responden or (max(sum(t) for t in jawaban.values()) if jawaban else None)
    hasil: dict[str, dict[str, int]] = {}
    for kelompok, hitung in nilai.items():
        baris = b.doc.baris_dari(("profil", kelompok))
        urutan = URUTAN_PROFIL.get(kelompok)
        if urutan is None:
            b.m.galat(b.berkas, baris, f"kelompok profil '{kutip(kelompok)}' tidak dikenal; "
                      "pilih dari " + ", ".join(URUTAN_PROFIL), "profil")
            b.ok = False
            continue
        if not isinstance(hitung, dict):
            b.m.galat(b.berkas, baris, f"profil {kelompok} harus berbentuk {{kategori: "
                      f"banyaknya}}, mis. {{{urutan[0]}: 10}}", kelompok)
            b.ok = False
            continue
        salah = [k for k in hitung if k not in urutan]
        if salah:
            b.m.galat(b.berkas, baris, f"profil {kelompok}: kategori '{kutip(salah[0])}' tidak "
                      "dikenal; pilih dari " + ", ".join(urutan), kelompok)
            b.ok = False
            continue
        if any(isinstance(n, bool) or not isinstance(n, int) or not 0 <= n <= CACAH_MAKS
               for n in hitung.values()):
            b.m.galat(b.berkas, baris, f"profil {kelompok}: setiap banyaknya harus bilangan "
                      "bulat tidak negatif", kelompok)
            b.ok = False
            continue
        if batas is not None and sum(hitung.values()) > batas:
            b.m.galat(b.berkas, baris, f"profil {kelompok} berjumlah {sum(hitung.values())}, "
                      f"lebih dari {batas} responden", kelompok)
            b.ok = False
            continue
        hasil[kelompok] = urut_kategori(hitung, urutan)
    return Profil(**hasil) if b.ok else None


def _tanggal_survei(b: Bidang, nilai: Any) -> tuple[date, date] | None:
    """The first and last survey date (the period check needs the period: see muat)."""
    if not isinstance(nilai, dict) or set(nilai) != {"mulai", "selesai"}:
        b.galat("tanggal_survei", "'tanggal_survei' harus berisi mulai dan selesai, mis. "
                "{mulai: 2025-01-03, selesai: 2025-06-28}")
        return None
    c = Bidang(b.m, b.berkas, b.doc, ("tanggal_survei",), nilai)
    mulai, selesai = c.tanggal("mulai"), c.tanggal("selesai")
    if not c.ok or mulai is None or selesai is None:
        b.ok = False
        return None
    if mulai > selesai:
        b.galat("tanggal_survei", f"tanggal_survei: mulai {mulai.isoformat()} sesudah "
                f"selesai {selesai.isoformat()}")
        return None
    return mulai, selesai


def responden_didukung(tally: dict[str, Tally],
                       layanan: tuple[Layanan, ...] = ()) -> tuple[int, str]:
    """How many respondents tallies can back, and why, in words.

    Each respondent answers an unsur at most once, so there are at least as many as the
    largest count of answers of any unsur; and every service's respondents are people of
    the unit too.
    """
    kode = max(tally, key=lambda k: sum(tally[k]))
    per_layanan = sum(x.responden for x in layanan)
    if per_layanan > sum(tally[kode]):
        return per_layanan, "jumlah responden semua layanan"
    return sum(tally[kode]), f"banyaknya jawaban {kode}"


def cocokkan_responden(m: DaftarMasalah, berkas: Path, baris: int | None,
                       dinyatakan: int | None, didukung: int, asal: str) -> int | None:
    """The respondent count to publish: the one the answers back (``didukung``).

    A declared count below it is impossible: an error at its line (None). Above it, the
    answers cannot back it, so that is said at its line and the declared number is neither
    published nor used to judge the sample (a declared 400 with 100 answers must never read
    as "sampel memadai").
    """
    if dinyatakan is not None and dinyatakan < didukung:
        m.galat(berkas, baris, f"'responden' {dinyatakan} lebih kecil dari {asal} "
                f"({didukung}): perbaiki angkanya", "responden")
        return None
    if dinyatakan is not None and dinyatakan > didukung:
        m.peringatan(berkas, baris, f"'responden' {dinyatakan} lebih besar dari {asal} "
                     f"({didukung}): yang diterbitkan dan dipakai untuk kecukupan sampel "
                     f"adalah {didukung}", "responden")
    return didukung


def _layanan(b: Bidang, nilai: Any, tidak_berlaku: tuple[str, ...],
             jawaban_unit: dict[str, Tally] | None) -> tuple[Layanan, ...]:
    """Per-service tallies; each service's count reconciled, their sum within the unit's."""
    if jawaban_unit is None and "jawaban" not in b.isi:
        b.galat("layanan", "'layanan' hanya untuk laporan berupa rekap 'jawaban': tambahkan "
                "'jawaban' seluruh unit, atau hapus 'layanan' bila unit mengirim CSV "
                "responden (layanan dibaca dari kolom layanan)")
        return ()
    if not isinstance(nilai, list) or not nilai:
        b.galat("layanan", "'layanan' harus daftar (setiap butir diawali '- nama: ...', "
                "lalu responden dan jawaban)")
        return ()
    hasil: list[Layanan] = []
    terlihat: dict[str, tuple[str, int]] = {}
    for i, butir in enumerate(nilai):
        jalur = ("layanan", i)
        if not isinstance(butir, dict):
            b.m.galat(b.berkas, b.doc.baris_dari(jalur), "setiap layanan harus berisi nama, "
                      "responden dan jawaban", "layanan")
            b.ok = False
            continue
        c = Bidang(b.m, b.berkas, b.doc, jalur, butir)
        c.kunci_dikenal(("nama", "responden", "jawaban"))
        nama = c.teks("nama")
        if nama is not None:
            if (kunci := kunci_layanan(nama)) in terlihat:
                lain, baris = terlihat[kunci]
                c.galat("nama", f"layanan '{kutip(nama)}' sudah ditulis di baris {baris} "
                        f"('{kutip(lain)}'): gabungkan hitungannya menjadi satu butir")
                nama = None
            else:
                terlihat[kunci] = (nama, c.doc.baris_dari((*jalur, "nama")))
        responden = c.bulat("responden", 1, CACAH_MAKS)
        if "jawaban" not in butir:
            c.galat("jawaban", "jawaban layanan wajib diisi: u1..u9, masing-masing "
                    "[n1, n2, n3, n4]")
        tally = _jawaban(c, butir["jawaban"], tidak_berlaku) if "jawaban" in butir else None
        if c.ok and nama and tally:
            didukung, asal = responden_didukung(tally)
            n = cocokkan_responden(b.m, b.berkas, c.doc.baris_dari((*jalur, "responden")),
                                   responden, didukung, f"{asal} layanan '{kutip(nama)}'")
            if n is None:
                c.ok = False
            else:
                hasil.append(Layanan(nama, n, tally))
        b.ok = b.ok and c.ok
    if b.ok and jawaban_unit is not None:
        for kode in KODE_UNSUR:
            jumlah = [sum(x.tally.get(kode, (0, 0, 0, 0))[j] for x in hasil) for j in range(4)]
            unit = jawaban_unit.get(kode, (0, 0, 0, 0))
            if any(a > u for a, u in zip(jumlah, unit, strict=True)):
                b.galat("layanan", f"jawaban {kode} semua layanan ({jumlah}) melebihi jawaban "
                        f"{kode} unit ({list(unit)}): layanan adalah bagian dari unit; periksa "
                        "angkanya")
                break
    return tuple(hasil)


def _impor(b: Bidang, nilai: Any, lap: LaporanUnit) -> None:
    """The import's record: the digest of the OPD file, the confirmations it was given."""
    if not isinstance(nilai, dict):
        b.galat("impor", "'impor' harus berisi " + ", ".join(KUNCI_IMPOR))
        return
    c = Bidang(b.m, b.berkas, b.doc, ("impor",), nilai)
    c.kunci_dikenal(KUNCI_IMPOR)
    sidik = nilai.get("sidik")
    if sidik is not None and not (isinstance(sidik, str) and POLA_SIDIK.match(sidik)):
        c.galat("sidik", "'sidik' harus 'sha256:' diikuti 64 digit heksadesimal (ditulis "
                "oleh skm import; jangan disunting)")
    lap.sidik = sidik if c.ok else None
    lap.baris_sidik = b.doc.baris_dari(("impor", "sidik"))
    lap.tanpa_tanggal = c.bulat("tanpa_tanggal", 1, CACAH_MAKS)
    c.bulat("ganda_dibuang", 1, CACAH_MAKS)
    b.ok &= c.ok


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
        baris = b.doc.baris_dari((*b.jalur, "jawaban", kode))
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

