"""Turn what an OPD really sent into the canonical respondent CSV, and say what was done.

``skm import`` is the step where a civil servant, not a programmer, brings a Google Forms
export or an OPD's own Excel sheet into ``data/``. It must be safe and explain itself:

* only canonical columns are ever written (u1..u9 and the known profile columns), so a
  column that identifies people cannot reach the repository even when its header is
  unusual; columns whose header names personal data are named in the report;
* a row whose answers cannot be read is left out and listed with its row number, never
  repaired by guessing; a profile value that cannot be read is left blank and listed;
* rows dated outside the period (a form left open all year) are left out and listed.

Reading the file is :mod:`.lembar`'s job and recognising headers and cells is
:mod:`.kenali`'s; this module ties them to one period and builds the report.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from skm_build.alat.lembar import Baris, Lembar
from skm_build.aturan.ikm import KODE_UNSUR, UNSUR_MENURUT_KODE
from skm_build.kontrak.model import Periode
from skm_build.kontrak.pribadi import PENANDA_DISAMARKAN
from skm_build.staf import kenali
from skm_build.terbit.templat_opd import URUTAN_KOLOM

BARIS_JUDUL_DICARI = 30  # a header is looked for in the first rows (title rows above it)
NOMOR_BARIS_DITAMPILKAN = 15  # row numbers listed per reason before "(+N lagi)"
_REKAP = re.compile(r"^\s*(jumlah|total|rata|nrr|ikm|nilai|skor)", re.I)
TEKS_BEBAS = ("jam", "layanan", "saran")


class ImporGagal(Exception):
    """The file cannot be imported at all; the message tells the staff member what to do."""


@dataclass(frozen=True)
class KolomSumber:
    """One column of the source table and what it was recognised as."""

    indeks: int
    letak: str  # "kolom C" (Excel) or "kolom 3" (CSV), as the staff member finds it
    judul: str
    kenal: kenali.Judul


@dataclass
class HasilImpor:
    """The canonical rows, and everything the report has to say about how they were made."""

    sumber: str
    keterangan: str  # how the file was read
    baris_judul: int
    kolom: list[KolomSumber]
    dipakai: dict[str, KolomSumber]  # canonical column → the source column it came from
    kembar: list[tuple[KolomSumber, str]] = field(default_factory=list)
    tanpa: tuple[str, ...] = ()
    baris_dibaca: int = 0
    keluaran: list[dict[str, str]] = field(default_factory=list)
    dilewati: dict[str, list[int]] = field(default_factory=dict)  # reason → row numbers
    catatan: dict[str, list[int]] = field(default_factory=dict)  # note → row numbers

    @property
    def kolom_keluaran(self) -> tuple[str, ...]:
        return tuple(k for k in URUTAN_KOLOM if k in self.dipakai or k in KODE_UNSUR)

    @property
    def baris_dilewati(self) -> list[int]:
        return sorted({n for baris in self.dilewati.values() for n in baris})


def impor(semua_lembar: Sequence[Lembar], periode: Periode, sumber: str = "",
          tanpa: Sequence[str] = (), nama_lembar: str | None = None) -> HasilImpor:
    """Convert the best table of the file into canonical rows for ``periode``.

    ``tanpa`` names unsur the questionnaire did not ask: their column is written blank
    instead of refusing the file. Raise :class:`ImporGagal` when the file cannot be used.
    """
    lembar, i_judul = _pilih_lembar(semua_lembar, nama_lembar)
    nomor_judul, judul = _judul(lembar.baris, i_judul)
    kolom = [KolomSumber(j, _letak(j, lembar.excel), "" if t is None else str(t).strip(),
                         kenali.kenali_judul(t)) for j, t in enumerate(judul)]
    hasil = HasilImpor(sumber, lembar.keterangan, nomor_judul, kolom, {},
                       tanpa=tuple(k for k in KODE_UNSUR if k in set(tanpa)))
    _pasang_kolom(hasil)
    data = lembar.baris[i_judul + 1:]
    urutan = kenali.HARI_BULAN
    if "tanggal" in hasil.dipakai:
        j = hasil.dipakai["tanggal"].indeks
        urutan = kenali.urutan_tanggal([_sel(r, j) for _, r in data], periode.mulai,
                                       periode.selesai)
    for nomor, sel in data:
        hasil.baris_dibaca += 1
        _satu_baris(hasil, nomor, sel, len(judul), not lembar.excel, periode, urutan)
    if not hasil.keluaran:
        raise ImporGagal(f"tidak ada baris yang dapat ditulis dari {hasil.baris_dibaca} baris "
                         "data" + (": " + _alasan_singkat(hasil) if hasil.dilewati else ""))
    return hasil


# --- finding the table and its columns ----------------------------------------------------


def _pilih_lembar(semua: Sequence[Lembar], nama: str | None) -> tuple[Lembar, int]:
    """The sheet and header row that name the most unsur (first one on a tie)."""
    if nama is not None:
        cocok = [lb for lb in semua if lb.nama == nama]
        if not cocok:
            raise ImporGagal(f"lembar '{nama}' tidak ada; yang ada: "
                             + ", ".join(f"'{lb.nama}'" for lb in semua))
        semua = cocok
    terbaik: tuple[int, Lembar | None, int] = (0, None, 0)
    for lb in semua:
        for i in range(min(BARIS_JUDUL_DICARI, len(lb.baris))):
            _, judul = _judul(lb.baris, i)
            unsur = {k.tujuan for t in judul
                     if (k := kenali.kenali_judul(t)).tujuan in KODE_UNSUR}
            if len(unsur) > terbaik[0]:
                terbaik = (len(unsur), lb, i)
    if terbaik[1] is None:
        contoh = [str(t) for lb in semua[:1] for t in (lb.baris[0][1] if lb.baris else ())
                  if t is not None][:8]
        raise ImporGagal(
            "tidak menemukan baris judul yang memuat pertanyaan/unsur u1..u9"
            + (f" (baris pertama: {', '.join(contoh)})" if contoh else " (berkas kosong)")
            + ". Pastikan ada baris judul dengan nama kolom seperti 'u1'..'u9', 'Unsur 1' "
            "atau teks pertanyaan kuesioner")
    return terbaik[1], terbaik[2]


def _judul(baris: Sequence[Baris], i: int) -> tuple[int, list[object]]:
    """Header cells of row ``i``; an empty cell takes the cell just above it.

    OPD sheets often head "NO" and "NAMA" with cells merged over two rows above a row of
    "U1".."U9": the value of a merged cell sits in its top row only.
    """
    nomor, sel = baris[i]
    atas = baris[i - 1][1] if i > 0 and baris[i - 1][0] == nomor - 1 else ()
    lebar = max(len(sel), len(atas))
    return nomor, [_sel(sel, j) if _sel(sel, j) is not None else _sel(atas, j)
                   for j in range(lebar)]


def _sel(sel: Sequence[object], j: int) -> object:
    return sel[j] if j < len(sel) else None


def _letak(j: int, excel: bool) -> str:
    if not excel:
        return f"kolom {j + 1}"
    from openpyxl.utils import get_column_letter

    return f"kolom {get_column_letter(j + 1)}"


def _pasang_kolom(hasil: HasilImpor) -> None:
    """Decide which source column feeds each canonical column; refuse what is unclear."""
    masalah = []
    for k in hasil.kolom:
        tujuan = k.kenal.tujuan
        if tujuan is None:
            continue
        if tujuan in hasil.dipakai:
            pertama = hasil.dipakai[tujuan]
            if tujuan in KODE_UNSUR:
                masalah.append(f"{pertama.letak} \"{_pendek(pertama.judul)}\" dan {k.letak} "
                               f"\"{_pendek(k.judul)}\" sama-sama dikenali sebagai {tujuan}")
            else:
                hasil.kembar.append((k, f"juga dikenali sebagai {tujuan}; dipakai "
                                        f"{pertama.letak}"))
            continue
        if tujuan in hasil.tanpa:
            hasil.kembar.append((k, f"{tujuan} dinyatakan --tanpa: kolom ini tidak dipakai"))
            continue
        hasil.dipakai[tujuan] = k
    for kode in KODE_UNSUR:
        if kode not in hasil.dipakai and kode not in hasil.tanpa:
            u = UNSUR_MENURUT_KODE[kode]
            masalah.append(f"kolom untuk {kode} ({u.nama}) tidak ditemukan")
    if masalah:
        tidak_jelas = [f"{k.letak} \"{_pendek(k.judul)}\" ({k.kenal.alasan})"
                       for k in hasil.kolom if k.kenal.tujuan is None and not k.kenal.pribadi
                       and k.kenal.alasan not in ("kolom tanpa judul",)]
        raise ImporGagal(
            "; ".join(masalah) + "."
            + (" Kolom yang tidak dikenali: " + "; ".join(tidak_jelas) + "." if tidak_jelas
               else "")
            + " Ganti judul kolom jawaban menjadi u1..u9 (lihat templat), atau — bila satu "
            "unsur memang tidak ditanyakan — jalankan lagi dengan --tanpa KODE (mis. "
            "--tanpa u4) dan nyatakan unsur itu di 'unsur_tidak_berlaku'.")


# --- rows ------------------------------------------------------------------------------


def _satu_baris(hasil: HasilImpor, nomor: int, sel: Sequence[object], lebar: int,
                cek_lebar: bool, periode: Periode, urutan: str) -> None:
    """Convert one data row, or record why it is left out."""
    alasan: list[str] = []
    if cek_lebar and any(s is not None for s in sel[lebar:]):
        alasan.append("baris lebih panjang dari baris judul (ada pemisah di dalam isian? "
                      "periksa tanda kutip)")
    keluar: dict[str, str] = {}
    ada_jawaban = False
    for kode in KODE_UNSUR:
        if kode in hasil.tanpa:
            keluar[kode] = ""
            continue
        n, salah = kenali.jawaban(_sel(sel, hasil.dipakai[kode].indeks),
                                  UNSUR_MENURUT_KODE[kode])
        if salah:
            alasan.append(salah)
        ada_jawaban |= n is not None
        keluar[kode] = "" if n is None else str(n)
    if not ada_jawaban and not alasan:
        alasan.append("tidak ada satu pun jawaban u1..u9")
    if "tanggal" in hasil.dipakai:
        d, salah = kenali.tanggal(_sel(sel, hasil.dipakai["tanggal"].indeks), urutan)
        if salah:
            _catat(hasil.catatan, f"{salah} → dikosongkan", nomor)
        elif d is not None and not periode.mulai <= d <= periode.selesai:
            alasan.append(f"tanggal {d.isoformat()} di luar periode {periode.nama} "
                          f"({periode.mulai.isoformat()} s.d. {periode.selesai.isoformat()})")
        keluar["tanggal"] = "" if d is None else d.isoformat()
    if alasan:
        if _baris_rekap(sel):
            alasan = ["baris rekapitulasi (jumlah/rata-rata/NRR/IKM), bukan jawaban responden"]
        for a in alasan:
            _catat(hasil.dilewati, a, nomor)
        return
    for kolom in ("jenis_kelamin", "pendidikan", "pekerjaan"):
        if kolom in hasil.dipakai:
            mentah = _sel(sel, hasil.dipakai[kolom].indeks)
            baku, salah = kenali.kategori(kolom, mentah)
            if salah:
                _catat(hasil.catatan, f"{salah} → dikosongkan", nomor)
            elif kolom == "pekerjaan" and baku == "Lainnya" and not _lainnya(mentah):
                _catat(hasil.catatan, f"pekerjaan '{str(mentah).strip()}' dicatat sebagai "
                       "Lainnya", nomor)
            keluar[kolom] = baku or ""
    if "usia" in hasil.dipakai:
        n, salah = kenali.usia(_sel(sel, hasil.dipakai["usia"].indeks))
        if salah:
            _catat(hasil.catatan, f"{salah} → dikosongkan", nomor)
        keluar["usia"] = "" if n is None else str(n)
    for kolom in TEKS_BEBAS:
        if kolom in hasil.dipakai:
            teks = kenali.teks_bebas(_sel(sel, hasil.dipakai[kolom].indeks))
            if PENANDA_DISAMARKAN in teks:
                _catat(hasil.catatan, f"{kolom}: nomor telepon/email/NIK dihapus dari isian",
                       nomor)
            keluar[kolom] = teks
    hasil.keluaran.append(keluar)


def _lainnya(nilai: object) -> bool:
    return kenali.kata(str(nilai))[:1] in (["lainnya"], ["lain"])


def _baris_rekap(sel: Sequence[object]) -> bool:
    """A footer row of an OPD sheet ("JUMLAH", "NRR", "IKM") rather than a respondent."""
    pertama = next((s for s in sel if s is not None), None)
    return isinstance(pertama, str) and bool(_REKAP.match(pertama))


def _catat(tempat: dict[str, list[int]], alasan: str, nomor: int) -> None:
    tempat.setdefault(alasan, []).append(nomor)


# --- output and report ---------------------------------------------------------------------


def csv_kanonik(hasil: HasilImpor) -> bytes:
    """The canonical CSV: UTF-8, comma, LF, header row, columns in template order."""
    keluaran = io.StringIO()
    tulis = csv.writer(keluaran, lineterminator="\n")
    kolom = hasil.kolom_keluaran
    tulis.writerow(kolom)
    for baris in hasil.keluaran:
        tulis.writerow([baris.get(k, "") for k in kolom])
    return keluaran.getvalue().encode("utf-8")


def _pendek(teks: str, batas: int = 60) -> str:
    teks = " ".join(teks.split())
    return teks if len(teks) <= batas else teks[: batas - 1] + "…"


def _nomor(baris: list[int]) -> str:
    unik = sorted(set(baris))
    teks = ", ".join(str(n) for n in unik[:NOMOR_BARIS_DITAMPILKAN])
    if len(unik) > NOMOR_BARIS_DITAMPILKAN:
        teks += f" … (+{len(unik) - NOMOR_BARIS_DITAMPILKAN} lagi)"
    return "baris " + teks


def _alasan_singkat(hasil: HasilImpor) -> str:
    alasan, baris = max(hasil.dilewati.items(), key=lambda kv: len(kv[1]))
    return f"{alasan} ({_nomor(baris)})"


def ringkasan(hasil: HasilImpor, tujuan: str) -> str:
    """The report printed after an import, in the words a staff member reads."""
    lewat = hasil.baris_dilewati
    baris = [
        f"Sumber : {hasil.sumber} ({hasil.keterangan}; baris judul {hasil.baris_judul})",
        f"Tujuan : {tujuan}",
        f"Baris  : {hasil.baris_dibaca} baris data dibaca, {len(hasil.keluaran)} ditulis, "
        f"{len(lewat)} dilewati",
        "",
        "Kolom yang dipetakan:",
    ]
    for tujuan_kolom in URUTAN_KOLOM:
        if tujuan_kolom in hasil.dipakai:
            k = hasil.dipakai[tujuan_kolom]
            nama = UNSUR_MENURUT_KODE[tujuan_kolom].nama if tujuan_kolom in KODE_UNSUR else ""
            catatan = f"  ({k.kenal.alasan})" if k.kenal.alasan else ""
            baris.append(f"  {k.letak:<9} \"{_pendek(k.judul)}\" → {tujuan_kolom}"
                         + (f" {nama}" if nama else "") + catatan)
    for kode in hasil.tanpa:
        baris.append(f"  (tidak ada)  → {kode} ditulis kosong (--tanpa {kode})")
    pribadi = [k for k in hasil.kolom if k.kenal.pribadi]
    if pribadi:
        baris += ["", "Kolom data pribadi — DIBUANG, tidak ditulis:"]
        baris += [f"  {k.letak:<9} \"{_pendek(k.judul)}\"" for k in pribadi]
    lain = [(k, k.kenal.alasan) for k in hasil.kolom
            if k.kenal.tujuan is None and not k.kenal.pribadi] + hasil.kembar
    if lain:
        baris += ["", "Kolom lain yang tidak ditulis:"]
        baris += [f"  {k.letak:<9} \"{_pendek(k.judul)}\": {alasan}"
                  for k, alasan in sorted(lain, key=lambda x: x[0].indeks)]
    if hasil.dilewati:
        baris += ["", f"Baris yang dilewati ({len(lewat)}) — tidak ditulis:"]
        baris += [f"  {_nomor(nomor)}: {alasan}"
                  for alasan, nomor in sorted(hasil.dilewati.items(), key=lambda x: x[1][0])]
    if hasil.catatan:
        baris += ["", "Catatan (baris tetap ditulis):"]
        baris += [f"  {_nomor(nomor)}: {alasan}"
                  for alasan, nomor in sorted(hasil.catatan.items(), key=lambda x: x[1][0])]
    return "\n".join(baris) + "\n"
