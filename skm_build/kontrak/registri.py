"""The three registries: kabupaten.yaml, opd.yaml and periode.yaml."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from skm_build.alat.yaml_bertanda import YamlBertanda, kutip
from skm_build.aturan.ikm import AGREGASI, AGREGASI_BAKU, BOBOT, BOBOT_BAKU
from skm_build.kontrak.berkas import baca_yaml_berkas
from skm_build.kontrak.bidang import Bidang, sebagai_peta
from skm_build.kontrak.kosakata import ID_MAKS, JENIS_OPD, POLA_ID, POLA_PERIODE
from skm_build.kontrak.masalah import DaftarMasalah
from skm_build.kontrak.model import Kabupaten, Opd, Pengesahan, Periode


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
    b.kunci_dikenal(("nama", "penyusun", "data_contoh", "bobot", "agregasi", "alamat",
                     "telepon", "email", "lapor"))
    nama = b.teks("nama")
    # The office's own phone and e-mail are published on purpose: not personal data.
    kontak = {"alamat": b.teks("alamat", wajib=False),
              "telepon": b.teks("telepon", wajib=False, publik=False),
              "email": b.teks("email", wajib=False, publik=False),
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
    if not b.ok or nama is None or agregasi is None or bobot is None:
        return None
    return Kabupaten(nama, penyusun, bool(contoh), bobot, agregasi, **kontak)


def _tautan(b: Bidang, kunci: str) -> str | None:
    """An optional web address; only https:// (a page link must never run script)."""
    teks = b.teks(kunci, wajib=False)
    if teks is not None and not re.fullmatch(r"https://[^\s\"'<>]+", teks):
        b.galat(kunci, f"'{kunci}' bernilai '{kutip(teks)}': harus alamat web yang diawali "
                "https://")
        return None
    return teks


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
    if not pola.match(ident):
        b.galat("id", f"id '{kutip(ident)}' tidak sah: {contoh}")
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
                         "tautan_survei"))
        sebutan = {"singkatan": b.teks("singkatan", wajib=False),
                   "alias": _daftar_teks(b, "alias"),
                   "tautan_survei": _tautan(b, "tautan_survei")}
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
        b.kunci_dikenal(("id", "nama", "mulai", "selesai", "batas_laporan", "pengesahan"))
        ident = _id_sah(b, terlihat, POLA_PERIODE, "tulis TTTT, TTTT-s1/s2 atau TTTT-tw1..tw4")
        nama = b.teks("nama")
        mulai, selesai = b.tanggal("mulai"), b.tanggal("selesai")
        batas = b.tanggal("batas_laporan")
        if mulai and selesai and selesai < mulai:
            b.galat("selesai", "'selesai' lebih awal dari 'mulai'")
        if selesai and batas and batas < selesai:
            b.galat("batas_laporan", "'batas_laporan' lebih awal dari 'selesai' periode")
        pengesahan = _pengesahan(m, berkas, doc, (i, "pengesahan"), isi.get("pengesahan"))
        if b.ok and ident and nama and mulai and selesai and batas and pengesahan is not False:
            hasil.append(Periode(ident, nama, mulai, selesai, batas, pengesahan or None))
    return tuple(sorted(hasil, key=lambda p: (p.mulai, p.id))), set(terlihat)


def _pengesahan(m: DaftarMasalah, berkas: Path, doc: YamlBertanda, jalur: tuple,
                nilai: Any) -> Pengesahan | bool | None:
    """The sign-off of a period's report; False when present but invalid."""
    if nilai is None:
        return None
    isi = sebagai_peta(m, berkas, doc, jalur, nilai, "'pengesahan'")
    if isi is None:
        return False
    b = Bidang(m, berkas, doc, jalur, isi)
    b.kunci_dikenal(("nama", "jabatan", "tanggal"))
    nama, jabatan = b.teks("nama", publik=False), b.teks("jabatan")
    tanggal = b.tanggal("tanggal")
    if not (b.ok and nama and jabatan and tanggal):
        return False
    return Pengesahan(nama, jabatan, tanggal)

