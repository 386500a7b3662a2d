"""The three registries: kabupaten.yaml, opd.yaml and periode.yaml."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from skm_build.alat.yaml_bertanda import YamlBertanda, kutip
from skm_build.aturan import sop
from skm_build.aturan.ikm import AGREGASI, AGREGASI_BAKU, BOBOT, BOBOT_BAKU
from skm_build.kontrak.berkas import baca_yaml_berkas
from skm_build.kontrak.bidang import Bidang, sebagai_peta
from skm_build.kontrak.kosakata import (
    BENTUK_PERIODE,
    CACAH_MAKS,
    ID_MAKS,
    JENIS_OPD,
    MINIMUM_RESPONDEN_LAYANAN,
    POLA_ID,
    POLA_NIP,
    POLA_PERIODE,
    POLA_SIDIK,
    alasan_tahun,
)
from skm_build.kontrak.masalah import DaftarMasalah
from skm_build.kontrak.model import (
    CatatanLangkah,
    Kabupaten,
    Opd,
    Pengesahan,
    Periode,
    Revisi,
)
from skm_build.kontrak.pribadi import jenis_data_pribadi


@dataclass(frozen=True)
class Registri:
    """kabupaten.yaml, opd.yaml and periode.yaml without the survey files."""

    kabupaten: Kabupaten | None
    opd: tuple[Opd, ...]
    periode: tuple[Periode, ...]
    masalah: DaftarMasalah


def baca_registri(folder: Path) -> Registri:
    """Only the three registry files: the kabupaten, units and periods, and their problems.

    Importing one unit's file, announcing a period or adding one must not be blocked by
    a broken CSV of another unit: these commands need the registries and nothing else.
    """
    folder = folder.resolve()
    m = DaftarMasalah(folder)
    kabupaten = muat_kabupaten(folder / "kabupaten.yaml", m)
    opd, _ = muat_opd(folder / "opd.yaml", m)
    periode, _ = muat_periode(folder / "periode.yaml", m)
    return Registri(kabupaten, opd, periode, m)


def muat_kabupaten(berkas: Path, m: DaftarMasalah) -> Kabupaten | None:
    if not (berkas.exists() or berkas.is_symlink()):
        m.galat(berkas, None, "berkas wajib tidak ada: buat kabupaten.yaml (lihat README)")
        return None
    doc = baca_yaml_berkas(berkas, m)
    if doc is None:
        return None
    isi = sebagai_peta(m, berkas, doc, (), doc.nilai, "kabupaten.yaml")
    if isi is None:
        return None
    b = Bidang(m, berkas, doc, (), isi)
    b.kunci_dikenal(("nama", "penyusun", "data_contoh", "bobot", "agregasi",
                     "minimum_responden_layanan", "alamat", "telepon", "email", "lapor"))
    nama = b.teks("nama")
    # The office's own phone and e-mail are published on purpose: not personal data.
    kontak = {"alamat": b.teks("alamat", wajib=False),
              "telepon": b.kontak_kantor("telepon"),
              "email": b.kontak_kantor("email"),
              "lapor": _tautan(b, "lapor")}
    penyusun = b.teks("penyusun", wajib=False) or "Bagian Organisasi"
    contoh = isi.get("data_contoh", False)
    if not isinstance(contoh, bool):
        b.galat("data_contoh", "'data_contoh' harus true atau false")
    bobot_mentah = isi.get("bobot", BOBOT_BAKU)
    bobot = str(bobot_mentah) if isinstance(bobot_mentah, str | float) else None
    if bobot not in BOBOT:
        b.galat("bobot", f"'bobot' bernilai '{kutip(bobot_mentah)}'; "
                "pilih \"1/9\", 0.111 atau 0.11")
    agregasi = b.pilihan("agregasi", tuple(AGREGASI), AGREGASI_BAKU)
    minimum = b.bulat("minimum_responden_layanan", 1, CACAH_MAKS)
    if not b.ok or nama is None or agregasi is None or bobot is None:
        return None
    return Kabupaten(nama, penyusun, bool(contoh), bobot, agregasi,
                     minimum or MINIMUM_RESPONDEN_LAYANAN, **kontak)


def baris_bobot(berkas: Path) -> int | None:
    """The line of 'bobot' in kabupaten.yaml, for a problem found once the surveys are read
    (the file has been read and checked by then: reading it again is cheap)."""
    doc = baca_yaml_berkas(berkas, DaftarMasalah(berkas.parent))
    return None if doc is None else doc.baris_dari(("bobot",))

def _tautan(b: Bidang, kunci: str) -> str | None:
    """An optional web address; only https:// (a page link must never run script)."""
    teks = b.teks(kunci, wajib=False)
    if teks is not None and not re.fullmatch(r"https://[^\s\"'<>]+", teks):
        b.galat(kunci, f"'{kunci}' bernilai '{kutip(teks)}': harus alamat web yang diawali "
                "https://")
        return None
    return teks


def _kecamatan(teks: str | None) -> str | None:
    """The kecamatan's own name: staff write "Jaten", "Kecamatan Jaten" or "Kec. Jaten",
    and pages print "Kecamatan Jaten" once."""
    if teks is None:
        return None
    return re.sub(r"^(kecamatan\s+|kec\.\s*|kec\s+)", "", teks, flags=re.IGNORECASE) or None


def _daftar_teks(b: Bidang, kunci: str) -> tuple[str, ...]:
    """An optional list of short texts (``alias: [Disdukcapil, Capil]``)."""
    nilai = b.isi.get(kunci)
    if nilai is None:
        return ()
    if not isinstance(nilai, list):
        nilai = [nilai]
    sub = Bidang(b.m, b.berkas, b.doc, (*b.jalur, kunci), dict(enumerate(nilai)))
    hasil = tuple(t for i in range(len(nilai)) if (t := sub.teks(i)))  # type: ignore[arg-type]
    b.ok = b.ok and sub.ok
    return hasil


def _daftar(berkas: Path, m: DaftarMasalah, apa: str) -> tuple[YamlBertanda, list] | None:
    if not (berkas.exists() or berkas.is_symlink()):
        m.galat(berkas, None, f"berkas wajib tidak ada: buat {berkas.name} (daftar {apa})")
        return None
    doc = baca_yaml_berkas(berkas, m)
    if doc is None:
        return None
    if not isinstance(doc.nilai, list) or not doc.nilai:
        m.galat(berkas, doc.baris_dari(()), f"{berkas.name} harus berupa daftar {apa} "
                "(setiap butir diawali '- id: ...')")
        return None
    return doc, doc.nilai


def _id_sah(b: Bidang, terlihat: dict[str, int], pola: re.Pattern, contoh: str) -> str | None:
    nilai = b.isi.get("id")
    if nilai is None:
        b.galat("id", "'id' wajib diisi")
        return None
    ident = str(nilai)
    if len(ident) > ID_MAKS:
        b.galat("id", f"id '{kutip(ident)}' terlalu panjang ({len(ident)} karakter; "
                f"batas {ID_MAKS})")
        return None
    if not pola.fullmatch(ident):
        b.galat("id", f"id '{kutip(ident)}' tidak sah: {contoh}")
        return None
    if jenis := jenis_data_pribadi(ident):
        b.galat("id", f"id '{ident}' berisi data pribadi ({jenis}): id menjadi alamat halaman "
                "dan nama berkas data terbuka")
        return None
    if ident in terlihat:
        b.galat("id", f"id '{ident}' sudah dipakai di baris {terlihat[ident]}")
        return None
    terlihat[ident] = b.doc.baris_dari((*b.jalur, "id"))
    return ident


def muat_opd(berkas: Path, m: DaftarMasalah) -> tuple[tuple[Opd, ...], set[str] | None]:
    """The valid units, and every id the file declares (None when it could not be read)."""
    dibaca = _daftar(berkas, m, "unit layanan")
    if dibaca is None:
        return (), None
    doc, butir = dibaca
    hasil, terlihat = [], {}
    for i, nilai in enumerate(butir):
        isi = sebagai_peta(m, berkas, doc, (i,), nilai, "setiap unit")
        if isi is None:
            continue
        b = Bidang(m, berkas, doc, (i,), isi)
        b.kunci_dikenal(("id", "nama", "jenis", "target_ikm", "singkatan", "alias",
                         "tautan_survei", "kecamatan"))
        sebutan = {"singkatan": b.teks("singkatan", wajib=False),
                   "alias": _daftar_teks(b, "alias"),
                   "tautan_survei": _tautan(b, "tautan_survei"),
                   "kecamatan": _kecamatan(b.teks("kecamatan", wajib=False))}
        ident = _id_sah(b, terlihat, POLA_ID, "gunakan huruf kecil, angka dan '-' saja")
        nama = b.teks("nama")
        jenis = b.pilihan("jenis", JENIS_OPD, "lainnya")
        target = isi.get("target_ikm")
        if target is not None and (isinstance(target, bool) or not isinstance(target, int | float)
                                   or not 25 <= target <= 100):
            b.galat("target_ikm", f"'target_ikm' bernilai '{kutip(target)}': harus angka 25–100")
        if b.ok and ident and nama and jenis:
            hasil.append(Opd(ident, nama, jenis, None if target is None else float(target),
                             **sebutan))
    return tuple(hasil), set(terlihat)


def muat_periode(berkas: Path, m: DaftarMasalah) -> tuple[tuple[Periode, ...], set[str] | None]:
    """The valid periods, and every id the file declares (None when it could not be read)."""
    dibaca = _daftar(berkas, m, "periode survei")
    if dibaca is None:
        return (), None
    doc, butir = dibaca
    hasil, terlihat = [], {}
    for i, nilai in enumerate(butir):
        isi = sebagai_peta(m, berkas, doc, (i,), nilai, "setiap periode")
        if isi is None:
            continue
        b = Bidang(m, berkas, doc, (i,), isi)
        b.kunci_dikenal(("id", "nama", "mulai", "selesai", "batas_laporan", "pengesahan",
                         "revisi", "langkah"))
        ident = _id_sah(b, terlihat, POLA_PERIODE, f"tulis {BENTUK_PERIODE}")
        if ident and (alasan := alasan_tahun(int(ident[:4]))):
            b.galat("id", f"id '{ident}': {alasan}")
            ident = None
        nama = b.teks("nama")
        mulai, selesai = b.tanggal("mulai"), b.tanggal("selesai")
        batas = b.tanggal("batas_laporan")
        if mulai and selesai and selesai < mulai:
            b.galat("selesai", "'selesai' lebih awal dari 'mulai'")
        if selesai and batas and batas < selesai:
            b.galat("batas_laporan", "'batas_laporan' lebih awal dari 'selesai' periode")
        pengesahan = _pengesahan(m, berkas, doc, (i, "pengesahan"), isi.get("pengesahan"),
                                 ident, selesai)
        revisi = _revisi(m, berkas, doc, (i, "revisi"), isi.get("revisi"), ident, selesai)
        langkah = _langkah(m, berkas, doc, (i, "langkah"), isi.get("langkah"),
                           pengesahan or None)
        if (b.ok and ident and nama and mulai and selesai and batas and pengesahan is not False
                and revisi is not None and langkah is not None):
            hasil.append(Periode(ident, nama, mulai, selesai, batas, pengesahan or None,
                                 revisi, langkah))
    return tuple(sorted(hasil, key=lambda p: (p.mulai, p.id))), set(terlihat)


KUNCI_PENGESAHAN = ("nama", "nip", "jabatan", "tanggal", "sidik")


def _isi_pengesahan(b: Bidang, ident: str | None, selesai: date | None) -> Pengesahan | None:
    """The fields of a sign-off (in ``pengesahan`` or an entry of ``revisi``)."""
    nama, jabatan = b.teks("nama"), b.teks("jabatan")
    tanggal = b.tanggal("tanggal")
    nip = b.teks("nip")
    if nip is not None and not POLA_NIP.match(nip):
        b.galat("nip", f"NIP '{kutip(nip)}' tidak sah: NIP terdiri atas 18 angka tanpa spasi "
                "(tulis dalam tanda kutip, mis. nip: \"196801011990031001\")")
    sidik = b.teks("sidik", wajib=False)
    if sidik is None:
        b.galat("sidik", "pengesahan tanpa 'sidik': laporan yang disahkan harus dikunci. "
                f"Catat pengesahan dengan: skm sahkan --periode {ident or 'ID'} --nama … "
                "--nip … --jabatan … --tanggal …")
    elif not POLA_SIDIK.match(sidik):
        b.galat("sidik", "'sidik' harus 64 huruf heksadesimal, seperti ditulis skm sahkan; "
                "jangan disunting")
    if tanggal and selesai and tanggal <= selesai:
        b.galat("tanggal", f"tanggal pengesahan {tanggal.isoformat()} sebelum periode "
                f"{ident} selesai ({selesai.isoformat()}): laporan disahkan setelah periode "
                "survei berakhir")
    if not (b.ok and nama and jabatan and tanggal and nip and sidik):
        return None
    return Pengesahan(nama, jabatan, tanggal, nip, sidik)


def _pengesahan(m: DaftarMasalah, berkas: Path, doc: YamlBertanda, jalur: tuple,
                nilai: Any, ident: str | None, selesai: date | None) -> Pengesahan | bool | None:
    """The sign-off of a period's report; False when present but invalid."""
    if nilai is None:
        return None
    isi = sebagai_peta(m, berkas, doc, jalur, nilai, "'pengesahan'")
    if isi is None:
        return False
    b = Bidang(m, berkas, doc, jalur, isi)
    b.kunci_dikenal(KUNCI_PENGESAHAN, ketat=True)
    return _isi_pengesahan(b, ident, selesai) or False


def _revisi(m: DaftarMasalah, berkas: Path, doc: YamlBertanda, jalur: tuple, nilai: Any,
            ident: str | None, selesai: date | None) -> tuple[Revisi, ...] | None:
    """Earlier signed versions (written by ``skm revisi``); None when any is invalid."""
    if nilai is None:
        return ()
    if not isinstance(nilai, list):
        m.galat(berkas, doc.baris_dari(jalur), "'revisi' harus berupa daftar (- versi: …)")
        return None
    hasil, ok = [], True
    for j, butir in enumerate(nilai):
        isi = sebagai_peta(m, berkas, doc, (*jalur, j), butir, "setiap revisi")
        if isi is None:
            ok = False
            continue
        b = Bidang(m, berkas, doc, (*jalur, j), isi)
        b.kunci_dikenal(("versi", *KUNCI_PENGESAHAN, "dibuka", "alasan"), ketat=True)
        versi = b.bulat("versi", 1, wajib=True)
        if versi is not None and versi != j + 1:
            b.galat("versi", f"versi {versi} di urutan ke-{j + 1}: revisi dicatat berurutan "
                    "mulai dari versi 1")
        sah = _isi_pengesahan(b, ident, selesai)
        dibuka, alasan = b.tanggal("dibuka"), b.teks("alasan")
        if sah and dibuka and dibuka < sah.tanggal:
            b.galat("dibuka", "'dibuka' lebih awal dari tanggal pengesahan versi itu")
        if b.ok and sah and versi and dibuka and alasan:
            hasil.append(Revisi(versi, sah, dibuka, alasan))
        else:
            ok = False
    return tuple(hasil) if ok else None


def _langkah(m: DaftarMasalah, berkas: Path, doc: YamlBertanda, jalur: tuple, nilai: Any,
             sah: Pengesahan | None) -> tuple[CatatanLangkah, ...] | None:
    """The SOP steps on the record (``skm langkah``); None when any entry is invalid.

    A step may not be dated before the step it follows, nor a paraf before the paraf
    that comes before it in :data:`~skm_build.aturan.sop.RANTAI_PARAF`.
    """
    if nilai is None:
        return ()
    if not isinstance(nilai, list):
        m.galat(berkas, doc.baris_dari(jalur), "'langkah' harus berupa daftar "
                "(- {langkah: 1, tanggal: TTTT-BB-HH, oleh: Kabag})")
        return None
    hasil: list[tuple[CatatanLangkah, Bidang]] = []
    ok = True
    for j, butir in enumerate(nilai):
        isi = sebagai_peta(m, berkas, doc, (*jalur, j), butir, "setiap langkah")
        if isi is None:
            ok = False
            continue
        b = Bidang(m, berkas, doc, (*jalur, j), isi)
        b.kunci_dikenal(("langkah", "tanggal", "oleh", "kepada"), ketat=True)
        no = b.bulat("langkah", 1, len(sop.LANGKAH), wajib=True)
        tanggal = b.tanggal("tanggal")
        oleh = b.pilihan("oleh", sop.PERAN)
        kepada = b.teks("kepada", wajib=False)
        if no == sop.LANGKAH_OPD:
            b.galat("langkah", "langkah 6 (OPD mengirim laporan) dihitung dari tanggal "
                    "'diterima' setiap laporan unit; tidak dicatat di sini")
        if no == sop.LANGKAH_PENGESAHAN and oleh == sop.SEKDA:
            b.galat("oleh", "tanda tangan Sekda pada laporan (langkah 9) adalah pengesahan: "
                    "catat dengan skm sahkan, bukan di 'langkah'")
        if no in (sop.LANGKAH_KIRIM,) and sah is None and b.ok:
            b.galat("langkah", "langkah 10 (kirim) sebelum laporan disahkan: sahkan dulu "
                    "(skm sahkan)")
        if b.ok and no and tanggal and oleh:
            hasil.append((CatatanLangkah(no, tanggal, oleh, kepada), b))
        else:
            ok = False
    selesai: dict[int, date] = {}
    for c, _ in hasil:
        selesai[c.langkah] = max(c.tanggal, selesai.get(c.langkah, c.tanggal))
    if sah is not None:
        selesai[sop.LANGKAH_PENGESAHAN] = max(sah.tanggal,
                                              selesai.get(sop.LANGKAH_PENGESAHAN, sah.tanggal))
    for c, b in hasil:
        sebelum = [n for n in selesai if n < c.langkah]
        if sebelum and c.tanggal < selesai[max(sebelum)]:
            n = max(sebelum)
            b.galat("tanggal", f"langkah {c.langkah} bertanggal {c.tanggal.isoformat()}, "
                    f"lebih awal dari langkah {n} yang mendahuluinya "
                    f"({selesai[n].isoformat()})")
            ok = False
        if c.oleh in sop.RANTAI_PARAF or c.oleh == sop.SEKDA:
            urut = (*sop.RANTAI_PARAF, sop.SEKDA)
            for d, _ in hasil:
                if (d.langkah == c.langkah and d.oleh in urut
                        and urut.index(d.oleh) < urut.index(c.oleh) and c.tanggal < d.tanggal):
                    b.galat("tanggal", f"paraf {c.oleh} ({c.tanggal.isoformat()}) lebih awal "
                            f"dari paraf {d.oleh} ({d.tanggal.isoformat()}) yang "
                            f"mendahuluinya: urutan paraf {' → '.join(urut)}")
                    ok = False
                    break
    if sah is not None:
        for c, _ in hasil:
            if c.langkah in (sop.LANGKAH_PENGESAHAN - 1, sop.LANGKAH_PENGESAHAN) \
                    and c.tanggal > sah.tanggal:
                m.galat(berkas, doc.baris_dari((*jalur[:-1], "pengesahan", "tanggal")),
                        f"tanggal pengesahan {sah.tanggal.isoformat()} lebih awal dari "
                        f"langkah {c.langkah} oleh {c.oleh} ({c.tanggal.isoformat()}) yang "
                        "mendahuluinya", "tanggal")
                ok = False
                break
    return tuple(c for c, _ in hasil) if ok else None
