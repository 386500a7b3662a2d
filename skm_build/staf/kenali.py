"""Recognise what a column of an OPD file is, and what each of its cells means.

OPDs send Google Forms exports whose headers are whole questions, and their own Excel
sheets headed "U1", "Unsur 1" or "Persyaratan". A header is matched by the *words* it
contains, never by its position (apps disagree on whether U8 or U9 is "pengaduan").
An answer is matched against the labels of *its own* unsur only: "Sesuai" is 3 in both
u1 and u5, and "Cukup" means 2 for sarana but nothing for any other unsur.

The answer labels come from :data:`.ikm.UNSUR` and the category spellings from the
loader's tables in :mod:`.muat`, so import and validation accept the same things.
Every recogniser returns either a value or a reason in Indonesian — never a guess.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from skm_build.aturan.ikm import UNSUR, Unsur
from skm_build.kontrak.kosakata import JENIS_KELAMIN, PEKERJAAN, PENDIDIKAN, USIA_MAKS, USIA_MIN
from skm_build.kontrak.pribadi import kolom_pribadi, samarkan
from skm_build.terbit import format_id

# --- headers ---------------------------------------------------------------------------

# Words that name an unsur. A header scores one point per word; the unsur with the most
# points wins, a tie is ambiguous. "saran" alone is the free-text column: only a header
# that also says "pengaduan" is u9 ("Penanganan pengaduan, saran dan masukan").
KATA_UNSUR: dict[str, frozenset[str]] = {
    "u1": frozenset({"persyaratan", "syarat"}),
    "u2": frozenset({"prosedur", "mekanisme", "alur"}),
    "u3": frozenset({"waktu", "kecepatan"}),
    "u4": frozenset({"biaya", "tarif"}),
    "u5": frozenset({"produk", "spesifikasi", "hasil"}),
    "u6": frozenset({"kompetensi", "kemampuan"}),
    "u7": frozenset({"perilaku", "sopan", "kesopanan", "ramah", "keramahan", "sikap"}),
    "u8": frozenset({"sarana", "prasarana", "sarpras", "fasilitas"}),
    "u9": frozenset({"pengaduan", "keluhan", "komplain"}),
}
# Profile columns recognised before the unsur ("Stempel waktu" is a date, not u3) ...
KATA_PROFIL_DULU: tuple[tuple[str, frozenset[str]], ...] = (
    # "Cap waktu" is what an Indonesian Google account names the timestamp column
    ("tanggal", frozenset({"timestamp", "stempel", "cap", "tanggal", "tgl", "date"})),
    ("jam", frozenset({"jam", "pukul"})),
    ("jenis_kelamin", frozenset({"kelamin", "gender", "jk", "sex"})),
    ("usia", frozenset({"usia", "umur", "age"})),
    ("pendidikan", frozenset({"pendidikan"})),
    ("pekerjaan", frozenset({"pekerjaan", "profesi"})),
)
# ... and after them ("Jenis pelayanan" inside a question is still that question's unsur).
KATA_PROFIL_SESUDAH: tuple[tuple[str, frozenset[str]], ...] = (
    ("saran", frozenset({"saran", "masukan", "kritik", "komentar", "usulan", "harapan"})),
    ("layanan", frozenset({"layanan", "pelayanan"})),
)
_KODE = re.compile(r"^(u|unsur|p|q|pertanyaan|soal)\s*0?([1-9])$")
_NOMOR = frozenset({"no", "nomor", "urut", "responden", "number"})

PRIBADI = "data pribadi"
TANGGAL_LAHIR = "tanggal lahir, bukan tanggal survei (tidak dipakai)"


@dataclass(frozen=True)
class Judul:
    """What one header names: a canonical column, or why it is left out."""

    tujuan: str | None  # u1..u9, a profile column, or None
    alasan: str = ""  # why ``tujuan`` is None (or a note on how it was matched)

    @property
    def pribadi(self) -> bool:
        return self.tujuan is None and self.alasan == PRIBADI


def kata(teks: str) -> list[str]:
    """Lower-case words of ``teks``: punctuation and '/' separate words."""
    return re.sub(r"[^0-9a-z]+", " ", teks.lower()).split()


def kenali_judul(judul: object) -> Judul:
    """Map one header to a canonical column; personal data is recognised first."""
    teks = "" if judul is None else str(judul).strip()
    if not teks:
        return Judul(None, "kolom tanpa judul")
    if kolom_pribadi(teks):
        return Judul(None, PRIBADI)
    w = kata(teks)
    himpunan = set(w)
    if w == ["l", "p"]:
        return Judul("jenis_kelamin")
    if himpunan & {"lahir", "birth"}:
        return Judul(None, TANGGAL_LAHIR)
    for tujuan, kunci in KATA_PROFIL_DULU:
        if himpunan & kunci:
            return Judul(tujuan)
    skor = {kode: len([x for x in w if x in kunci]) for kode, kunci in KATA_UNSUR.items()}
    tertinggi = max(skor.values())
    kode_teks = (_KODE.match(w[0]) or _KODE.match(" ".join(w[:2]))) if w else None
    if tertinggi:
        juara = [kode for kode, s in skor.items() if s == tertinggi]
        if len(juara) > 1:
            return Judul(None, "cocok dengan beberapa unsur (" + ", ".join(juara) + ")")
        catatan = ""
        if kode_teks and f"u{kode_teks.group(2)}" != juara[0]:
            catatan = (f"judul menyebut nomor {kode_teks.group(2)}, tetapi isinya unsur "
                       f"{juara[0]}: dipakai {juara[0]}")
        return Judul(juara[0], catatan)
    for tujuan, kunci in KATA_PROFIL_SESUDAH:
        if himpunan & kunci:
            return Judul(tujuan)
    if len(w) <= 2 and (kode := _KODE.match(" ".join(w))):
        return Judul(f"u{kode.group(2)}")
    if himpunan <= _NOMOR and himpunan & {"no", "nomor"}:
        return Judul(None, "nomor urut")
    return Judul(None, "tidak dikenal")


# --- answers ---------------------------------------------------------------------------

_HURUF = "abcd"
_AWALAN = re.compile(r"^\(?([a-d1-4])\)?(?:[\s.):\-]+(.*))?$", re.S | re.I)
_AKHIRAN = re.compile(r"^(.*?)\s*\(([1-4a-d])\)$", re.S | re.I)


def _label(teks: str) -> str:
    """A label as compared: lower case, '&' read as 'dan', punctuation ignored."""
    return " ".join(kata(teks.replace("&", " dan ")))


_LABEL: dict[str, dict[str, int]] = {
    u.kode: {_label(t): n for n, t in enumerate(u.label, start=1)} for u in UNSUR
}


def daftar_label(u: Unsur) -> str:
    """The accepted answers of one unsur, as the report lists them."""
    return "1–4, a–d, atau " + " / ".join(u.label)


def jawaban(nilai: object, u: Unsur) -> tuple[int | None, str | None]:
    """An answer cell → (1–4 or None for blank, None) or (None, why it is not an answer)."""
    if nilai is None:
        return None, None
    if isinstance(nilai, bool | datetime | date | time):
        return None, _bukan_jawaban(nilai, u)
    if isinstance(nilai, int | float):
        return (int(nilai), None) if nilai in (1, 2, 3, 4) else (None, _bukan_jawaban(nilai, u))
    teks = str(nilai).strip()
    if not teks:
        return None, None
    label = _LABEL[u.kode]
    if (n := label.get(_label(teks))) is not None:
        return n, None
    try:
        angka = float(teks.replace(",", "."))
    except ValueError:
        angka = None
    if angka is not None:
        return (int(angka), None) if angka in (1, 2, 3, 4) else (None, _bukan_jawaban(teks, u))
    for pola, kode_di, sisa_di in ((_AWALAN, 1, 2), (_AKHIRAN, 2, 1)):
        cocok = pola.match(teks)
        if not cocok:
            continue
        kode, sisa = cocok.group(kode_di).lower(), (cocok.group(sisa_di) or "").strip()
        n = _HURUF.index(kode) + 1 if kode in _HURUF else int(kode)
        if not sisa:
            return n, None
        dari_label = label.get(_label(sisa))
        if dari_label is None:
            break
        if dari_label != n:
            return None, (f"{u.kode}: '{teks}' — pilihan {kode} tidak cocok dengan label "
                          f"'{sisa}' ({dari_label})")
        return n, None
    return None, _bukan_jawaban(teks, u)


def _bukan_jawaban(nilai: object, u: Unsur) -> str:
    return (f"{u.kode}: '{nilai}' bukan jawaban {u.nama} yang dikenal "
            f"(isi {daftar_label(u)})")


# --- profile ---------------------------------------------------------------------------

def _kunci(teks: str) -> str:
    return "".join(kata(teks))


_JENIS_KELAMIN = {_kunci(k): v for k, v in JENIS_KELAMIN.items()}
_PENDIDIKAN = {_kunci(k): v for k, v in PENDIDIKAN.items()}
_PEKERJAAN = {_kunci(k): v for k, v in PEKERJAAN.items()}
_ROMAWI = {"i": "1", "ii": "2", "iii": "3", "iv": "4"}
_ABAIKAN = frozenset({"sederajat", "setara", "sebutkan"})
KATEGORI = {"jenis_kelamin": _JENIS_KELAMIN, "pendidikan": _PENDIDIKAN,
            "pekerjaan": _PEKERJAAN}
PILIHAN = {"jenis_kelamin": "L atau P",
           "pendidikan": "SD, SMP, SMA, D1-D3, S1, S2, S3",
           "pekerjaan": "PNS, TNI, POLRI, Swasta, Wirausaha, Lainnya"}


def _bagian_pendidikan(bagian: str) -> str:
    """'D III' → 'd3', 'S-1' → 's1', 'Diploma 3' → 'd3': the spellings on real forms."""
    w = [x for x in kata(bagian) if x not in _ABAIKAN]
    if w and w[0] == "diploma":
        w[0] = "d"
    if len(w) == 2 and w[0] in ("d", "s") and (w[1] in _ROMAWI or w[1].isdigit()):
        return w[0] + _ROMAWI.get(w[1], w[1])
    if len(w) == 1 and (m := re.fullmatch(r"([ds])(i{1,3}|iv)", w[0])):
        return m.group(1) + _ROMAWI[m.group(2)]
    return "".join(w)


def kategori(kolom: str, nilai: object) -> tuple[str | None, str | None]:
    """A categorical cell → (canonical value, None) or (None, why it was left blank).

    A combined option ("SMA/SMK", "PNS/ASN", "D4/S1") is accepted when all its parts
    mean the same; "TNI/POLRI" means two things and is not guessed.
    """
    if nilai is None or not str(nilai).strip():
        return None, None
    teks = str(nilai).strip()
    tabel = KATEGORI[kolom]
    bagian = [b for b in re.split(r"/|,|\batau\b|\(|\)", teks) if b.strip()]
    ubah = _bagian_pendidikan if kolom == "pendidikan" else _kunci
    arti = {tabel.get(ubah(b)) for b in bagian if ubah(b)}
    if (baku := tabel.get(ubah(teks))) is not None:
        return baku, None
    arti.discard(None)
    if len(arti) == 1:
        return arti.pop(), None
    if len(arti) > 1:
        return None, f"{kolom} '{teks}' berarti lebih dari satu pilihan ({', '.join(sorted(arti))})"
    if kolom == "pekerjaan":  # the questionnaire's "Lainnya": any other occupation
        return "Lainnya", None
    return None, f"{kolom} '{teks}' tidak dikenal (pilihan: {PILIHAN[kolom]})"


def usia(nilai: object) -> tuple[int | None, str | None]:
    """An age in whole years ("34", 34.0, "34 tahun"); bands such as "20-29" are not ages."""
    if nilai is None or not str(nilai).strip():
        return None, None
    if isinstance(nilai, int | float) and not isinstance(nilai, bool):
        n = int(nilai) if float(nilai).is_integer() else None
    else:
        cocok = re.fullmatch(r"(\d{1,3})(?:[.,]0+)?\s*(?:tahun|thn|th)?\.?", str(nilai).strip(),
                             re.I)
        n = int(cocok.group(1)) if cocok else None
    if n is None or not USIA_MIN <= n <= USIA_MAKS:
        return None, f"usia '{nilai}' bukan bilangan bulat {USIA_MIN}–{USIA_MAKS}"
    return n, None


def teks_bebas(nilai: object) -> str:
    """Free text on one line, with phone numbers, e-mail addresses and NIKs removed."""
    if nilai is None:
        return ""
    if isinstance(nilai, time):
        return nilai.strftime("%H:%M")
    if isinstance(nilai, float) and nilai.is_integer():
        nilai = int(nilai)
    return samarkan(" ".join(str(nilai).split()))


# --- dates -----------------------------------------------------------------------------

_TANGGAL_ANGKA = re.compile(r"^\s*(\d{1,4})[/.\-](\d{1,2})[/.\-](\d{1,4})(?:[\sT].*)?$")
_BULAN = {}
for _i, _nama in enumerate(format_id.BULAN, start=1):
    _BULAN[_nama.lower()] = _i
    _BULAN[_nama.lower()[:3]] = _i
_BULAN.update({"agt": 8, "ags": 8, "agu": 8, "nop": 11})
_TANGGAL_NAMA = re.compile(r"^\s*(\d{1,2})\s+([a-z]+)\.?\s+(\d{4})\b", re.I)
_EPOCH_EXCEL = date(1899, 12, 30)

HARI_BULAN = "hb"  # 15/07/2025: day first, as Indonesian Google Forms and Excel write it
BULAN_HARI = "bh"  # 7/15/2025: month first, an English-locale export


def _tahun(teks: str) -> int:
    n = int(teks)
    return 2000 + n if len(teks) == 2 else n


def _pecah(teks: str, urutan: str) -> date | None:
    cocok = _TANGGAL_ANGKA.match(teks)
    if cocok:
        a, b, c = cocok.groups()
        try:
            if len(a) == 4:
                return date(int(a), int(b), int(c))
            if len(c) not in (2, 4):
                return None
            hari, bulan = (a, b) if urutan == HARI_BULAN else (b, a)
            return date(_tahun(c), int(bulan), int(hari))
        except ValueError:
            return None
    cocok = _TANGGAL_NAMA.match(teks)
    if cocok and (bulan := _BULAN.get(cocok.group(2).lower())):
        try:
            return date(int(cocok.group(3)), bulan, int(cocok.group(1)))
        except ValueError:
            return None
    return None


def tanggal(nilai: object, urutan: str = HARI_BULAN) -> tuple[date | None, str | None]:
    """A date cell (Excel date, Excel serial number, or text) → (date, None) or a reason."""
    if nilai is None or (isinstance(nilai, str) and not nilai.strip()):
        return None, None
    if isinstance(nilai, datetime):
        return nilai.date(), None
    if isinstance(nilai, date):
        return nilai, None
    if isinstance(nilai, int | float) and not isinstance(nilai, bool):
        if 20000 <= nilai <= 80000:  # an Excel serial day (1954–2119)
            return _EPOCH_EXCEL + timedelta(days=int(nilai)), None
        return None, f"tanggal '{nilai}' tidak dikenal"
    d = _pecah(str(nilai), urutan)
    return (d, None) if d else (None, f"tanggal '{nilai}' tidak dikenal")


def urutan_tanggal(nilai: list[object], mulai: date, selesai: date) -> str:
    """Day-first or month-first for a whole column: whichever puts more dates in the period.

    A value such as 15/07/2025 settles it by itself (there is no month 15); when every
    value could be read both ways, the period decides, and day-first wins a tie.
    """
    teks = [str(v) for v in nilai if isinstance(v, str) and _TANGGAL_ANGKA.match(v)]

    def skor(urutan: str) -> tuple[int, int]:
        hasil = [d for d in (_pecah(t, urutan) for t in teks) if d is not None]
        return len(hasil), sum(1 for d in hasil if mulai <= d <= selesai)

    return BULAN_HARI if skor(BULAN_HARI) > skor(HARI_BULAN) else HARI_BULAN


_JAM = re.compile(r"[\sT](\d{1,2})[.:](\d{2})(?:[.:](\d{2}))?\s*$")


def waktu(nilai: object, urutan: str = HARI_BULAN) -> datetime | None:
    """A time stamp with its time of day (a form's "Cap waktu"), else None.

    A bare date — or an Excel date, which openpyxl reads as midnight — says nothing
    about when within the day a form was sent, so it is not a time stamp.
    """
    if isinstance(nilai, datetime):
        return nilai if nilai.time() != time(0) else None
    if not isinstance(nilai, str):
        return None
    d, _ = tanggal(nilai, urutan)
    cocok = _JAM.search(nilai)
    if d is None or cocok is None:
        return None
    jam, menit, detik = (int(x or 0) for x in cocok.groups())
    if jam > 23 or menit > 59 or detik > 59:
        return None
    return datetime(d.year, d.month, d.day, jam, menit, detik)
