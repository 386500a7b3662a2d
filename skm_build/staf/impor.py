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
from datetime import datetime, timedelta

from skm_build.alat.lembar import Baris, Lembar
from skm_build.aturan.ikm import KODE_UNSUR, REGULASI, UNSUR_MENURUT_KODE
from skm_build.kontrak.model import Periode
from skm_build.kontrak.pribadi import PENANDA_DISAMARKAN
from skm_build.staf import kenali
from skm_build.staf import rekap as rekap_mod
from skm_build.staf.rekap import Rekap
from skm_build.terbit.templat_opd import URUTAN_KOLOM

BARIS_JUDUL_DICARI = 30  # a header is looked for in the first rows (title rows above it)
NOMOR_BARIS_DITAMPILKAN = 15  # row numbers listed per reason before "(+N lagi)"
_REKAP = re.compile(r"^\s*(jumlah|total|rata|nrr|ikm|nilai|skor)", re.I)
TEKS_BEBAS = ("jam", "layanan", "saran")
TAHUN_LAHIR = 10  # dates this many years before the period are birth dates, not visits
JEDA_GANDA = timedelta(minutes=10)  # the same form sent again within this is a duplicate
JAWABAN_MINIMUM_BARIS = 5  # answers 1–4 in a row before it counts as a respondent's row


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
    nomor_keluaran: list[int] = field(default_factory=list)  # source row of each output row
    lembar: str = ""  # the worksheet read ("" for a CSV file)
    lembar_lain: tuple[str, ...] = ()  # the other worksheets, as the report names them
    ganda_dibuang: list[tuple[int, int, str]] = field(default_factory=list)
    tanpa_tanggal: int = 0  # rows without a survey date, accepted on --tanpa-tanggal
    rekap: Rekap | None = None  # the tallies, when the file is a recap sheet

    @property
    def kolom_keluaran(self) -> tuple[str, ...]:
        return tuple(k for k in URUTAN_KOLOM if k in self.dipakai or k in KODE_UNSUR)

    @property
    def baris_dilewati(self) -> list[int]:
        return sorted({n for baris in self.dilewati.values() for n in baris})


def impor(semua_lembar: Sequence[Lembar], periode: Periode, sumber: str = "",
          tanpa: Sequence[str] = (), nama_lembar: str | None = None,
          buang_ganda: bool = False, tanpa_tanggal: bool = False) -> HasilImpor:
    """Read the file's table (or recap) for ``periode``; refuse what would change results.

    ``tanpa`` names unsur the questionnaire did not ask (a column that has answers is
    never hidden by it). Rows without a survey date are accepted only on
    ``tanpa_tanggal``, duplicates are left out only on ``buang_ganda``. Raise
    :class:`ImporGagal` when the file cannot be used as it is.
    """
    tanpa = tuple(k for k in KODE_UNSUR if k in set(tanpa))
    semua = _lembar_dibaca(semua_lembar, nama_lembar)
    dipilih = _pilih_lembar(semua)
    rekap = rekap_mod.cari_rekap(semua)
    if rekap is not None and (dipilih is None or len(rekap[1]) > dipilih[0]):
        return _impor_rekap(rekap[0], rekap[1], sumber, tanpa, tanpa_tanggal, semua_lembar)
    if dipilih is None:
        raise ImporGagal(_tanpa_judul(semua))
    _, lembar, i_judul = dipilih
    nomor_judul, judul = _judul(lembar.baris, i_judul)
    kolom = [KolomSumber(j, _letak(j, lembar.excel), "" if t is None else str(t).strip(),
                         kenali.kenali_judul(t)) for j, t in enumerate(judul)]
    hasil = HasilImpor(sumber, lembar.keterangan, nomor_judul, kolom, {}, tanpa=tanpa,
                       lembar=lembar.nama, lembar_lain=_nama_lain(semua_lembar, lembar))
    data = lembar.baris[i_judul + 1:]
    _pasang_kolom(hasil, data)
    _periksa_skala(hasil, data)
    urutan = kenali.HARI_BULAN
    if "tanggal" in hasil.dipakai:
        j = hasil.dipakai["tanggal"].indeks
        urutan = kenali.urutan_tanggal([_sel(r, j) for _, r in data], periode.mulai,
                                       periode.selesai)
        _tolak_tanggal_lahir(hasil, data, urutan, periode)
    for nomor, sel in data:
        hasil.baris_dibaca += 1
        _satu_baris(hasil, nomor, sel, len(judul), not lembar.excel, periode, urutan)
    if not hasil.keluaran:
        raise ImporGagal(f"tidak ada baris yang dapat ditulis dari {hasil.baris_dibaca} baris "
                         "data" + (": " + _alasan_singkat(hasil) if hasil.dilewati else ""))
    _periksa_tanggal(hasil, periode, tanpa_tanggal)
    _periksa_ganda(hasil, dict(data), urutan, buang_ganda)
    return hasil


def _impor_rekap(lembar: Lembar, calon: rekap_mod.Calon, sumber: str, tanpa: tuple[str, ...],
                 tanpa_tanggal: bool, semua: Sequence[Lembar]) -> HasilImpor:
    """A recap sheet: its counts are the tallies; it has no dates, so the staff confirm."""
    try:
        rekap = rekap_mod.baca_rekap(lembar, calon, tanpa, lambda j: _letak(j, lembar.excel))
    except rekap_mod.RekapDitolak as e:
        raise ImporGagal(f"rekap {_dimana(lembar)}: {e}") from None
    if not tanpa_tanggal:
        raise ImporGagal(
            f"{_dimana(lembar)} adalah rekap jawaban per unsur, tanpa tanggal survei: tidak "
            "dapat dipastikan bahwa jawaban itu termasuk periode yang disebut. Bila surat OPD "
            "menyatakan rekap ini untuk periode itu, jalankan lagi dengan --tanpa-tanggal "
            "(dicatat di laporan unit)")
    hasil = HasilImpor(sumber, lembar.keterangan, min(rekap.baris.values()), [], {},
                       tanpa=tanpa, lembar=lembar.nama, lembar_lain=_nama_lain(semua, lembar),
                       rekap=rekap)
    hasil.tanpa_tanggal = rekap.responden
    return hasil


def _dimana(lembar: Lembar) -> str:
    return f"lembar '{lembar.nama}'" if lembar.excel else "berkas ini"


def _nama_lain(semua: Sequence[Lembar], dipakai: Lembar) -> tuple[str, ...]:
    return tuple(f"'{lb.nama}'" + (" (tersembunyi)" if lb.tersembunyi else "")
                 for lb in semua if lb is not dipakai)


# --- finding the table and its columns ----------------------------------------------------


def _lembar_dibaca(semua: Sequence[Lembar], nama: str | None) -> list[Lembar]:
    """The sheets to look at: the one named, else the visible ones (a hidden sheet is an
    example or a lookup table, never the data the office means to send)."""
    if nama is not None:
        cocok = [lb for lb in semua if lb.nama == nama]
        if not cocok:
            raise ImporGagal(f"lembar '{nama}' tidak ada; yang ada: "
                             + ", ".join(f"'{lb.nama}'" for lb in semua))
        return cocok
    return [lb for lb in semua if not lb.tersembunyi] or list(semua)


def _pilih_lembar(semua: Sequence[Lembar]) -> tuple[int, Lembar, int] | None:
    """(unsur named, sheet, header row) of the header naming the most unsur.

    Two sheets that both hold a complete table (a sheet per semester, a copy) are not
    chosen between by guessing: the staff member names one with --lembar.
    """
    terbaik: tuple[int, Lembar, int] | None = None
    lengkap: list[Lembar] = []
    for lb in semua:
        for i in range(min(BARIS_JUDUL_DICARI, len(lb.baris))):
            _, judul = _judul(lb.baris, i)
            unsur = {k.tujuan for t in judul
                     if (k := kenali.kenali_judul(t)).tujuan in KODE_UNSUR}
            if len(unsur) == len(KODE_UNSUR) and lb not in lengkap and _ada_responden(lb, i):
                lengkap.append(lb)
            if len(unsur) > (terbaik[0] if terbaik else 0):
                terbaik = (len(unsur), lb, i)
    if len(lengkap) > 1:
        raise ImporGagal("lembar " + " dan ".join(f"'{lb.nama}'" for lb in lengkap)
                         + " sama-sama berisi tabel jawaban u1..u9: pilih satu dengan "
                         f"--lembar, mis. --lembar \"{lengkap[0].nama}\"")
    return terbaik


def _ada_responden(lembar: Lembar, i_judul: int) -> bool:
    """Whether a row below the header reads as a respondent's answers (not a JUMLAH/NRR
    row): a recap sheet headed U1..U9 beside the data sheet is not a second table."""
    return any(not _baris_rekap(sel) and sum(1 for s in sel if _angka_bulat(s) in (1, 2, 3, 4))
               >= JAWABAN_MINIMUM_BARIS for _, sel in lembar.baris[i_judul + 1:])


def _tanpa_judul(semua: Sequence[Lembar]) -> str:
    contoh = [str(t) for lb in semua[:1] for t in (lb.baris[0][1] if lb.baris else ())
              if t is not None][:8]
    return ("tidak menemukan baris judul yang memuat pertanyaan/unsur u1..u9"
            + (f" (baris pertama: {', '.join(contoh)})" if contoh else " (berkas kosong)")
            + ". Pastikan ada baris judul dengan nama kolom seperti 'u1'..'u9', 'Unsur 1' "
            "atau teks pertanyaan kuesioner, atau rekap dengan satu baris per unsur")


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


def _pasang_kolom(hasil: HasilImpor, data: Sequence[Baris]) -> None:
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
            isi = next(((n, _sel(sel, k.indeks)) for n, sel in data if not _baris_rekap(sel)
                        and str(_sel(sel, k.indeks) or "").strip()), None)
            if isi is not None:
                raise ImporGagal(
                    f"{k.letak} \"{_pendek(k.judul)}\" adalah {tujuan} dan berisi jawaban "
                    f"(mis. baris {isi[0]}: '{isi[1]}'). --tanpa {tujuan} hanya untuk unsur "
                    "yang sama sekali tidak ditanyakan; jawaban yang ada tidak boleh "
                    f"disembunyikan. Jalankan lagi tanpa --tanpa {tujuan}.")
            hasil.kembar.append((k, f"{tujuan} dinyatakan --tanpa: kolom kosong ini tidak "
                                    "dipakai"))
            continue
        hasil.dipakai[tujuan] = k
    hilang = [k for k in KODE_UNSUR if k not in hasil.dipakai and k not in hasil.tanpa]
    for kode in hilang:
        masalah.append(f"kolom untuk {kode} ({UNSUR_MENURUT_KODE[kode].nama}) tidak ditemukan")
    if masalah:
        tidak_jelas = [f"{k.letak} \"{_pendek(k.judul)}\" ({k.kenal.alasan})"
                       for k in hasil.kolom if k.kenal.tujuan is None and not k.kenal.pribadi
                       and k.kenal.alasan not in ("kolom tanpa judul",)]
        contoh = hilang[0] if hilang else "u4"
        raise ImporGagal(
            "; ".join(masalah) + "."
            + (" Kolom yang tidak dikenali: " + "; ".join(tidak_jelas) + "." if tidak_jelas
               else "")
            + " Ganti judul kolom jawaban menjadi u1..u9 (lihat templat), atau — bila unsur "
            f"itu memang tidak ditanyakan — jalankan lagi dengan --tanpa {contoh}: unsur itu "
            "dicatat sebagai 'unsur_tidak_berlaku' di laporan unit.")


def _angka_bulat(nilai: object) -> int | None:
    """A cell holding a bare whole number ("5", 5, 5.0), else None."""
    if isinstance(nilai, bool):
        return None
    if isinstance(nilai, int | float):
        return int(nilai) if float(nilai).is_integer() else None
    cocok = re.fullmatch(r"\s*(\d{1,2})(?:[.,]0+)?\s*", str(nilai)) if nilai is not None else None
    return int(cocok.group(1)) if cocok else None


def _periksa_skala(hasil: HasilImpor, data: Sequence[Baris]) -> None:
    """Refuse a 1–5 or 1–10 questionnaire: its 5s would be dropped and its 4s read as the
    best answer, a different IKM with exit 0. One 5 is enough to stop: a typo is fixed
    in the file, a scale is sent again on the 1–4 form."""
    temuan = []
    for nomor, sel in data:
        if _baris_rekap(sel):
            continue
        for kode in KODE_UNSUR:
            if kode in hasil.dipakai:
                k = hasil.dipakai[kode]
                n = _angka_bulat(_sel(sel, k.indeks))
                if n is not None and 5 <= n <= 10:
                    temuan.append((nomor, k, kode, n))
    if not temuan:
        return
    maks = max(n for *_, n in temuan)
    skala = "1–5" if maks == 5 else "1–10"
    contoh = "; ".join(f"baris {nomor} {k.letak} ({kode}): {n}"
                       for nomor, k, kode, n in temuan[:NOMOR_BARIS_DITAMPILKAN])
    lagi = len(temuan) - NOMOR_BARIS_DITAMPILKAN
    raise ImporGagal(
        f"jawaban memakai skala {skala}, bukan skala 1–4 SKM ({REGULASI}). "
        f"Nilai di atas 4: {contoh}" + (f" … (+{lagi} lagi)" if lagi > 0 else "") + ". "
        "Mengubah skala mengubah hasil, jadi berkas ini tidak diimpor: minta OPD memakai "
        "pilihan jawaban 1–4 (templat resmi); bila angka itu hanya salah ketik, perbaiki "
        "selnya lalu impor lagi.")


def _tolak_tanggal_lahir(hasil: HasilImpor, data: Sequence[Baris], urutan: str,
                         periode: Periode) -> None:
    """A date column whose dates lie decades before the period holds birth dates."""
    k = hasil.dipakai["tanggal"]
    tanggal = [d for _, sel in data
               if (d := kenali.tanggal(_sel(sel, k.indeks), urutan)[0]) is not None]
    lama = [d for d in tanggal if d.year < periode.mulai.year - TAHUN_LAHIR]
    if tanggal and len(lama) * 2 > len(tanggal):
        del hasil.dipakai["tanggal"]
        hasil.kembar.append((k, f"berisi tanggal lahir (mis. {lama[0].isoformat()}), bukan "
                                "tanggal survei: tidak dipakai"))


def _periksa_tanggal(hasil: HasilImpor, periode: Periode, tanpa_tanggal: bool) -> None:
    """Rows without a survey date cannot be placed in the period: the staff confirm."""
    tanpa = [n for n, b in zip(hasil.nomor_keluaran, hasil.keluaran, strict=True)
             if not b.get("tanggal")]
    if not tanpa:
        return
    if tanpa_tanggal:
        hasil.tanpa_tanggal = len(tanpa)
        return
    bukan = [f"{k.letak} \"{_pendek(k.judul)}\" {alasan}" for k, alasan in hasil.kembar
             if "lahir" in alasan] + [f"{k.letak} \"{_pendek(k.judul)}\": {k.kenal.alasan}"
                                      for k in hasil.kolom
                                      if k.kenal.alasan == kenali.TANGGAL_LAHIR]
    raise ImporGagal(
        f"{len(tanpa)} baris tanpa tanggal survei ({_nomor(tanpa)})"
        + (" — " + "; ".join(bukan) if bukan else "")
        + f": tidak dapat dipastikan bahwa jawaban itu termasuk periode {periode.nama}. "
        "Minta OPD menyertakan tanggal survei, atau — bila Anda yakin semuanya dari periode "
        "itu — jalankan lagi dengan --tanpa-tanggal (dicatat di laporan unit).")


def _periksa_ganda(hasil: HasilImpor, sel_baris: dict[int, Sequence[object]], urutan: str,
                   buang: bool) -> None:
    """Find a form sent twice: the same cells with the same time stamp (an exact copy),
    or within :data:`JEDA_GANDA` of it (submitted again). Rows without a time of day
    (an OPD's typed sheet) are not compared: many people give the same answers."""
    if "tanggal" not in hasil.dipakai:
        return
    j_waktu = hasil.dipakai["tanggal"].indeks
    abaikan = {j_waktu} | {k.indeks for k in hasil.kolom if k.kenal.alasan == "nomor urut"}
    terlihat: dict[tuple, list[tuple[int, datetime, object]]] = {}
    ganda: list[tuple[int, int, str]] = []
    for nomor in hasil.nomor_keluaran:
        sel = sel_baris[nomor]
        waktu = kenali.waktu(_sel(sel, j_waktu), urutan)
        if waktu is None:
            continue
        kunci = tuple(str(_sel(sel, j)).strip() for j in range(len(sel)) if j not in abaikan)
        for nomor_awal, waktu_awal, mentah in terlihat.get(kunci, ()):
            if waktu == waktu_awal and mentah == _sel(sel, j_waktu):
                ganda.append((nomor, nomor_awal, "sama persis"))
                break
            if abs(waktu - waktu_awal) <= JEDA_GANDA:
                detik = int(abs(waktu - waktu_awal).total_seconds())
                ganda.append((nomor, nomor_awal, f"isian sama, dikirim {detik} detik "
                              "sesudahnya"))
                break
        else:
            terlihat.setdefault(kunci, []).append((nomor, waktu, _sel(sel, j_waktu)))
    if not ganda:
        return
    if not buang:
        raise ImporGagal(
            f"{len(ganda)} baris ganda: "
            + "; ".join(f"baris {n} = baris {awal} ({apa})"
                        for n, awal, apa in ganda[:NOMOR_BARIS_DITAMPILKAN])
            + (" …" if len(ganda) > NOMOR_BARIS_DITAMPILKAN else "")
            + ". Formulir yang terkirim dua kali akan dihitung dua kali. Periksa baris itu; "
            "bila memang ganda, jalankan lagi dengan --buang-ganda (baris yang kemudian "
            "dibuang, dan dicatat di laporan unit).")
    buang_nomor = {n for n, _, _ in ganda}
    tetap = [(n, b) for n, b in zip(hasil.nomor_keluaran, hasil.keluaran, strict=True)
             if n not in buang_nomor]
    hasil.nomor_keluaran = [n for n, _ in tetap]
    hasil.keluaran = [b for _, b in tetap]
    hasil.ganda_dibuang = ganda


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
    hasil.nomor_keluaran.append(nomor)


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
    baris = [f"Sumber : {hasil.sumber} ({hasil.keterangan}; baris judul {hasil.baris_judul})"]
    if hasil.lembar_lain:
        baris.append(f"Lembar : dibaca lembar '{hasil.lembar}'; tidak dibaca: "
                     + ", ".join(hasil.lembar_lain))
    baris.append(f"Tujuan : {tujuan}")
    if hasil.rekap is not None:
        return "\n".join([*baris, "", "Rekap jawaban per unsur (banyaknya jawaban 1, 2, 3, 4):",
                          *(f"  baris {hasil.rekap.baris[k]:<4} {k} "
                            f"{UNSUR_MENURUT_KODE[k].nama}: {n}"
                            for k, n in hasil.rekap.jawaban.items()),
                          *(f"  (tidak ada)  → {k} tidak berlaku (--tanpa {k})"
                            for k in hasil.tanpa),
                          f"Responden: {hasil.rekap.responden} (hitungan terbanyak satu unsur)",
                          "Tanggal survei tidak ada di rekap: periode dikonfirmasi dengan "
                          "--tanpa-tanggal"]) + "\n"
    baris += [
        f"Baris  : {hasil.baris_dibaca} baris data dibaca, {len(hasil.keluaran)} dihitung, "
        f"{len(lewat)} dilewati"
        + (f", {len(hasil.ganda_dibuang)} ganda dibuang" if hasil.ganda_dibuang else ""),
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
        baris.append(f"  (tidak ada)  → {kode} tidak berlaku (--tanpa {kode})")
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
        baris += ["", f"Baris yang dilewati ({len(lewat)}) — tidak dihitung:"]
        baris += [f"  {_nomor(nomor)}: {alasan}"
                  for alasan, nomor in sorted(hasil.dilewati.items(), key=lambda x: x[1][0])]
    if hasil.catatan:
        baris += ["", "Catatan (baris tetap dihitung):"]
        baris += [f"  {_nomor(nomor)}: {alasan}"
                  for alasan, nomor in sorted(hasil.catatan.items(), key=lambda x: x[1][0])]
    if hasil.ganda_dibuang:
        baris += ["", f"Baris ganda ({len(hasil.ganda_dibuang)}) — dibuang (--buang-ganda):"]
        baris += [f"  baris {n} = baris {awal} ({apa})" for n, awal, apa in hasil.ganda_dibuang]
    if hasil.tanpa_tanggal:
        baris += ["", f"{hasil.tanpa_tanggal} baris tanpa tanggal survei diterima untuk periode "
                  "ini (--tanpa-tanggal; dicatat di laporan unit)"]
    return "\n".join(baris) + "\n"
