"""The commands of the Bagian Organisasi's loop, one per SOP step, for non-programmers.

``skm periode baru`` opens a period, ``skm surat`` drafts the circular letter,
``skm templat`` writes the files OPDs fill in, ``skm import`` brings what an OPD sent
into ``data/`` and ``skm status`` shows who has reported. Each command says what it did
in Indonesian, refuses to overwrite work without ``--force`` and follows the exit-code
contract of :mod:`.cli` (0 done, 1 data problem, 2 wrong use).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path

from skm_build.alat.tulis import tulis_atomik
from skm_build.aturan.ikm import KODE_UNSUR
from skm_build.hitung.hasil import hitung_semua
from skm_build.kontrak.galat import KELUAR_DATA, KELUAR_OK, GalatSkm, SalahPakai
from skm_build.kontrak.kosakata import BENTUK_PERIODE, MINIMUM_RESPONDEN_LAYANAN
from skm_build.kontrak.masalah import cetak
from skm_build.kontrak.muat import periksa
from skm_build.kontrak.proyek import Proyek
from skm_build.kontrak.registri import Registri, baca_registri
from skm_build.kontrak.teks_publik import alasan_teks_terlarang
from skm_build.terbit import format_id as fmt

Tambah = Callable[..., argparse.ArgumentParser]  # (nama, fungsi, bantuan[, alias])


def daftarkan(tambah: Tambah, bangun_situs: Callable[[Proyek], Path]) -> None:
    """Register the staff commands with the ``skm`` parser (``tambah`` of :mod:`.cli`).

    ``bangun_situs`` is the site build, for ``skm paket`` (which packages a current site):
    staff commands and the site build do not import each other."""
    i = tambah("import", perintah_import, "ubah berkas kiriman OPD (Google Formulir, Excel, "
               "CSV atau rekap) menjadi hitungan di data/survei/<periode>/<opd>.yaml; baris "
               "responden dan saran disimpan di kiriman/ (tidak masuk git)", ("impor",))
    i.add_argument("berkas", type=Path, metavar="BERKAS", help="berkas .xlsx atau .csv dari OPD")
    i.add_argument("--opd", required=True, help="kode unit di opd.yaml (mis. dukcapil)")
    i.add_argument("--periode", required=True, help="kode periode di periode.yaml (mis. 2025-s2)")
    i.add_argument("--force", action="store_true", help="ganti jawaban unit itu bila sudah ada "
                   "(dapat dibatalkan dengan skm batal-impor)")
    i.add_argument("--tanpa", action="append", default=[], choices=KODE_UNSUR,
                   metavar="UNSUR", help="unsur yang tidak ditanyakan sama sekali: dicatat "
                   "sebagai unsur_tidak_berlaku; boleh diulang, mis. --tanpa u4")
    i.add_argument("--lembar", help="nama lembar (sheet) Excel yang dibaca; bawaan: lembar "
                   "tampak yang memuat pertanyaan u1..u9")
    i.add_argument("--buang-ganda", action="store_true", help="buang baris ganda (formulir "
                   "terkirim dua kali); tanpa ini berkas berisi baris ganda ditolak")
    i.add_argument("--tanpa-tanggal", action="store_true", help="nyatakan bahwa baris tanpa "
                   "tanggal survei (atau rekap) memang untuk periode ini; dicatat di laporan")
    i.add_argument("--diterima", type=_tanggal, metavar="TTTT-BB-HH",
                   help="tanggal laporan OPD diterima; dicatat di <opd>.yaml (untuk kepatuhan)")

    bi = tambah("batal-impor", perintah_batal_impor, "batalkan impor terakhir satu unit "
                "pada satu periode: berkas dikembalikan seperti sebelum impor")
    bi.add_argument("--opd", required=True, help="kode unit (mis. dukcapil)")
    bi.add_argument("--periode", required=True, help="kode periode (mis. 2025-s2)")

    m = tambah("mulai", perintah_mulai, "ubah data contoh menjadi proyek kabupaten sendiri: "
               "identitas, daftar unit, periode pertama; data survei contoh dihapus")
    m.add_argument("--nama", help="nama kabupaten/kota, mis. 'Kabupaten Karanganyar'")
    m.add_argument("--penyusun", help="kantor penyusun, mis. 'Bagian Organisasi Setda ...'")
    m.add_argument("--alamat", help="alamat kantor penyusun")
    m.add_argument("--telepon", help="telepon kantor penyusun")
    m.add_argument("--email", help="email kantor penyusun")
    m.add_argument("--unit", type=Path, metavar="BERKAS", help="daftar unit (.csv/.xlsx) dengan "
                   "kolom 'Nama unit' dan (boleh) 'Jenis'")
    m.add_argument("--unit-nama", action="append", default=[], metavar="NAMA",
                   help="nama satu unit (boleh diulang), sebagai ganti --unit")
    m.add_argument("--periode", metavar="ID", help="periode pertama (bawaan: semester ini, "
                   "mis. 2026-s2)")

    t = tambah("templat", perintah_templat, "tulis templat data SKM untuk OPD "
               "(templat-skm.csv dan templat-skm.xlsx)")
    t.add_argument("--keluar", type=Path, default=Path("."), metavar="FOLDER",
                   help="folder tujuan (bawaan: folder ini)")

    b = tambah("periode", perintah_periode, "tambah periode survei: skm periode baru ID ...")
    b.add_argument("tindakan", choices=("baru",), help="baru: tambah periode ke periode.yaml")
    b.add_argument("id", metavar="ID", help=f"kode periode: {BENTUK_PERIODE}")
    b.add_argument("--nama", help="nama periode (bawaan dari ID, mis. 'Semester I 2026')")
    b.add_argument("--mulai", type=_tanggal, help="TTTT-BB-HH (bawaan dari ID)")
    b.add_argument("--selesai", type=_tanggal, help="TTTT-BB-HH (bawaan dari ID)")
    b.add_argument("--batas", type=_tanggal, help="batas laporan unit, TTTT-BB-HH "
                   "(bawaan: 21 hari setelah selesai)")

    s = tambah("status", perintah_status, "kepatuhan pelaporan: unit yang tepat waktu, "
               "terlambat, belum melapor")
    s.add_argument("--periode", help="kode periode (bawaan: periode terbaru)")

    r = tambah("surat", perintah_surat, "draf surat edaran permintaan data SKM (.docx)")
    r.add_argument("--periode", required=True, help="kode periode (mis. 2026-s1)")
    r.add_argument("--keluar", type=Path, metavar="BERKAS",
                   help="berkas .docx tujuan (bawaan: surat-edaran-skm-<periode>.docx)")
    r.add_argument("--force", action="store_true", help="timpa draf yang sudah ada")

    pk = tambah("paket", perintah_paket, "satu zip untuk KemenPAN RB dan Provinsi: laporan "
                "(HTML, PDF), surat pengantar dan data terbuka satu periode")
    pk.add_argument("--periode", required=True, help="periode laporan (mis. 2025-s1)")
    pk.add_argument("--keluar", type=Path, help="berkas zip (bawaan: skm-<periode>-v<versi>.zip, "
                    "atau skm-<periode>-DRAF.zip)")
    pk.add_argument("--tanpa-pdf", action="store_true", help="jangan membuat PDF")
    pk.set_defaults(bangun_situs=bangun_situs)

    from skm_build.staf import pengesahan  # sahkan, revisi, langkah (SOP steps 1–10)

    pengesahan.daftarkan(tambah, _tanggal)


def _tanggal(teks: str) -> date:
    try:
        return date.fromisoformat(teks.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{teks}' bukan tanggal TTTT-BB-HH") from None


def _tampil(jalur: Path) -> str:
    """A path as the staff member would type it from the current folder ("../data/...")."""
    relatif = Path(os.path.relpath(jalur.resolve(), Path.cwd().resolve()))
    return (relatif if relatif.parts[:3] != ("..",) * 3 else jalur.resolve()).as_posix()


def _registri(folder: Path, opd: str | None, periode: str | None) -> Registri:
    """The registries; a wrong --opd/--periode is a usage error that lists the choices."""
    reg = baca_registri(folder)
    galat = reg.masalah.galat_saja
    if opd is not None and opd not in {o.id for o in reg.opd}:
        if galat:
            cetak(reg.masalah)
        raise SalahPakai(f"unit '{opd}' tidak ada di opd.yaml; pilih salah satu dari: "
                         + ", ".join(o.id for o in reg.opd))
    if periode is not None and periode not in {p.id for p in reg.periode}:
        if galat:
            cetak(reg.masalah)
        raise SalahPakai(f"periode '{periode}' tidak ada di periode.yaml; pilih salah satu "
                         "dari: " + ", ".join(p.id for p in reg.periode)
                         + " (periode baru: skm periode baru ID)")
    return reg


# --- skm import --------------------------------------------------------------------------


def perintah_import(args: argparse.Namespace) -> int:
    """Reduce an OPD's file to the unit's counts in data/; rows and suggestions go to
    kiriman/. Nothing is written when the file is refused or the result does not check."""
    from skm_build.alat.lembar import BerkasTidakTerbaca, baca_lembar
    from skm_build.staf import agregat, simpan
    from skm_build.staf.impor import ImporGagal, csv_kanonik, impor, ringkasan

    reg = _registri(args.data, args.opd, args.periode)
    per = next(p for p in reg.periode if p.id == args.periode)
    unit = next(o for o in reg.opd if o.id == args.opd)
    laporan = args.data / "survei" / per.id / f"{args.opd}.yaml"
    csv_lama = laporan.with_suffix(".csv")
    teks_lama = laporan.read_text(encoding="utf-8-sig") if laporan.is_file() else ""
    if (csv_lama.exists() or agregat.ada_hitungan(teks_lama)) and not args.force:
        ada = csv_lama if csv_lama.exists() else laporan
        raise SalahPakai(f"{_tampil(ada)} sudah berisi jawaban unit ini untuk {per.nama}: "
                         "tidak ditimpa. Bila berkas baru ini memang menggantikannya, jalankan "
                         "lagi dengan --force (impor terakhir dapat dibatalkan dengan "
                         "skm batal-impor)")
    try:
        sidik = agregat.sidik_berkas(args.berkas.read_bytes())
        agregat.tolak_sidik_lain(args.data, sidik, laporan)
        hasil = impor(baca_lembar(args.berkas), per, args.berkas.name, args.tanpa, args.lembar,
                      args.buang_ganda, args.tanpa_tanggal)
        hitungan = agregat.dari_hasil(hasil, reg.kabupaten.minimum_responden_layanan
                                      if reg.kabupaten else MINIMUM_RESPONDEN_LAYANAN)
        teks_baru = agregat.teks_laporan(teks_lama, hitungan, hasil, sidik)
    except (BerkasTidakTerbaca, ImporGagal, agregat.AgregatDitolak) as e:
        print(f"skm import: {args.berkas.name}: tidak ada yang ditulis. {e}", file=sys.stderr)
        return KELUAR_DATA
    if args.diterima is not None:
        from skm_build.staf.diterima import dengan_diterima

        teks_baru, diterima_apa = dengan_diterima(teks_baru, args.diterima)
    baris_csv, saran_txt = simpan.berkas_kiriman(args.data, per.id, args.opd)
    simpan.cadangkan(args.data, per.id, args.opd, [laporan, csv_lama, baris_csv, saran_txt])
    ditimpa = (" (menimpa berkas lama" + (f"; {csv_lama.name} baris lama dihapus"
                                          if csv_lama.exists() else "") + ")"
               if csv_lama.exists() or agregat.ada_hitungan(teks_lama) else "")
    tulis_atomik(laporan, teks_baru.encode("utf-8"))
    csv_lama.unlink(missing_ok=True)
    print(ringkasan(hasil, _tampil(laporan) + ditimpa))
    if hasil.keluaran:
        tulis_atomik(baris_csv, csv_kanonik(hasil))
        saran = [(n, b["saran"]) for n, b in zip(hasil.nomor_keluaran, hasil.keluaran,
                                                 strict=True) if b.get("saran")]
        tulis_atomik(saran_txt, simpan.teks_saran(saran, unit.nama, per.nama, args.berkas.name,
                                                  _tampil(laporan)).encode("utf-8"))
        print(f"Ditulis ke data/ hanya hitungan: {_tampil(laporan)} ({hitungan.responden} "
              "responden).")
        print(f"Baris responden (tidak masuk git): {_tampil(baris_csv)}")
        print(f"Saran ({len(saran)}) untuk dibaca petugas: {_tampil(saran_txt)} — tulis "
              f"ringkasannya sebagai 'ringkasan_masukan' di {_tampil(laporan)}")
    if hasil.tanpa:
        print(f"Dicatat unsur_tidak_berlaku: [{', '.join(hasil.tanpa)}] (--tanpa)")
    if args.diterima is not None:
        print(f"Laporan unit {_tampil(laporan)}: {diterima_apa}")
    kode = _periksa_setelah(args.data, laporan, args.diterima is not None
                            or agregat.ada_diterima(teks_baru))
    if kode != KELUAR_OK:
        for baris in simpan.batalkan(args.data, per.id, args.opd):
            print(f"  {baris}", file=sys.stderr)
        print("Impor dibatalkan: berkas dikembalikan seperti sebelum impor.", file=sys.stderr)
        return kode
    print(f"Salah unit atau salah berkas? `skm batal-impor --opd {args.opd} --periode "
          f"{per.id}` mengembalikan keadaan sebelum impor ini.")
    return KELUAR_OK


def perintah_batal_impor(args: argparse.Namespace) -> int:
    """Undo the last import of one unit-period (the files it changed are put back)."""
    from skm_build.staf import simpan

    _registri(args.data, args.opd, args.periode)
    for baris in simpan.batalkan(args.data, args.periode, args.opd):
        print(baris)
    print("Impor terakhir dibatalkan. Jalankan `skm check` untuk memeriksa data.")
    return KELUAR_OK


def _periksa_setelah(folder: Path, tujuan: Path, diterima_dicatat: bool) -> int:
    """Validate ``data/`` again; show the problems of the written file first."""
    p = periksa(folder)
    nama = p.masalah.nama(tujuan.resolve())
    unit = {nama, p.masalah.nama(tujuan.with_suffix(".yaml").resolve())}
    milik = [m for m in p.masalah.urut() if m.berkas in unit]
    lain = [m for m in p.masalah.galat_saja if m.berkas not in unit]
    for m in milik:
        print(m, file=sys.stderr)
    if any(m.tingkat == "galat" for m in milik):
        print(f"\nPemeriksaan: {nama} BELUM SAH. Perbaiki masalah di atas (lihat panduan "
              "petugas), lalu jalankan `skm check`.", file=sys.stderr)
        return KELUAR_DATA
    print(f"Pemeriksaan: {nama} sah.")
    if lain:
        print(f"Catatan: ada {len(lain)} galat di berkas lain dalam {folder.as_posix()}/; "
              "jalankan `skm check` untuk melihatnya.", file=sys.stderr)
    if not diterima_dicatat:
        print(f"Catat tanggal laporan diterima: tambahkan 'diterima: TTTT-BB-HH' di "
              f"{nama} (atau impor lagi dengan --force --diterima).")
    print("Langkah berikutnya: `skm check`, lalu commit dan buat pull request.")
    return KELUAR_OK


# --- skm mulai ----------------------------------------------------------------------------


def _tanya(apa: str, wajib: bool = True) -> str:
    while True:
        jawab = input(f"{apa}{'' if wajib else ' (boleh kosong)'}: ").strip()
        if jawab or not wajib:
            return jawab


def perintah_mulai(args: argparse.Namespace) -> int:
    """Turn the sample into the kabupaten's own project (asks for what no flag gave)."""
    from skm_build.staf import mulai

    reg = baca_registri(args.data)
    if reg.kabupaten is not None and not reg.kabupaten.data_contoh:
        raise SalahPakai(f"{_tampil(args.data / 'kabupaten.yaml')} sudah bukan data contoh "
                         "(data_contoh: false): skm mulai tidak dijalankan agar data sungguhan "
                         "tidak terhapus")
    tanya = sys.stdin.isatty()
    kurang = [f for f, v in (("--nama", args.nama), ("--penyusun", args.penyusun),
                             ("--unit atau --unit-nama", args.unit or args.unit_nama)) if not v]
    if kurang and not tanya:
        raise SalahPakai("tidak ada yang diubah: sebutkan " + ", ".join(kurang)
                         + " (atau jalankan di terminal untuk ditanya satu per satu)")
    nama = args.nama or _tanya("Nama kabupaten/kota (mis. Kabupaten Karanganyar)")
    penyusun = args.penyusun or _tanya("Kantor penyusun (mis. Bagian Organisasi Setda ...)")
    kontak = {"alamat": args.alamat, "telepon": args.telepon, "email": args.email}
    if tanya and not any(kontak.values()):
        kontak = {k: _tanya(f"{k.capitalize()} kantor", wajib=False) for k in kontak}
    if args.unit:
        unit = mulai.unit_dari_berkas(args.unit)
    else:
        nama_unit = args.unit_nama
        if not nama_unit:
            print("Ketik nama unit layanan satu per baris; baris kosong untuk selesai.")
            while jawab := input(f"  unit {len(nama_unit) + 1}: ").strip():
                nama_unit.append(jawab)
        unit = mulai.unit_dari_nama(nama_unit)
    if not unit:
        raise SalahPakai("tidak ada unit layanan: sebutkan --unit BERKAS atau --unit-nama NAMA")
    for apa, teks in (("nama", nama), ("penyusun", penyusun), *kontak.items()):
        if teks and (alasan := alasan_teks_terlarang(teks)) and apa not in ("telepon", "email"):
            raise SalahPakai(f"--{apa}: '{teks}' {alasan}")
    pid = args.periode or mulai.periode_sekarang(date.today())
    from skm_build.staf import periode_baru as pb

    bawaan = pb.bawaan_dari_id(pid)
    if bawaan is None:
        raise SalahPakai(f"--periode '{pid}' tidak sah: tulis TTTT, TTTT-s1/s2 atau "
                         "TTTT-tw1..tw4 (mis. 2026-s1)")
    per = pb.Usulan(pid, bawaan[0], bawaan[1], bawaan[2], pb.batas_baku(bawaan[2]))
    for baris in mulai.terapkan(args.data, mulai.teks_kabupaten(nama, penyusun, kontak),
                                mulai.teks_opd(unit), per):
        print(baris)
    print(f"\n{nama}: {len(unit)} unit layanan. Periksa dan sunting nama/jenis unit di "
          f"{_tampil(args.data / 'opd.yaml')} bila perlu.\nTiga langkah berikutnya:")
    print(f"  1. skm surat --periode {per.id}        (draf surat edaran untuk OPD)")
    print("  2. skm templat --keluar kiriman       (templat isian untuk OPD)")
    print(f"  3. skm import BERKAS --opd {unit[0].id} --periode {per.id}   (setiap kiriman OPD)")
    return KELUAR_OK


# --- skm templat -------------------------------------------------------------------------


def perintah_templat(args: argparse.Namespace) -> int:
    from skm_build.terbit.templat_opd import tulis_templat

    for berkas in tulis_templat(args.keluar):
        print(f"ditulis: {_tampil(berkas)}")
    return KELUAR_OK


# --- skm periode baru --------------------------------------------------------------------


def perintah_periode(args: argparse.Namespace) -> int:
    """Append a period to periode.yaml; restore the file if the data got worse."""
    from skm_build.staf import periode_baru as pb

    reg = baca_registri(args.data)
    bawaan = pb.bawaan_dari_id(args.id)
    if bawaan is None and not (args.nama and args.mulai and args.selesai):
        raise SalahPakai(f"id '{args.id}' tidak sah: tulis {BENTUK_PERIODE} "
                         "(mis. 2026-s1 atau 2026-02)")
    nama, mulai, selesai = bawaan or ("", None, None)
    selesai = args.selesai or selesai
    u = pb.Usulan(args.id, args.nama or nama, args.mulai or mulai, selesai,
                  args.batas or pb.batas_baku(selesai))
    masalah = pb.masalah_usulan(u, reg.periode)
    if masalah:
        raise SalahPakai("periode tidak ditambahkan:\n  - " + "\n  - ".join(masalah))
    berkas = args.data / "periode.yaml"
    sebelum = {str(m) for m in periksa(args.data).masalah.galat_saja}
    lama = pb.tambahkan(berkas, u)
    sesudah = periksa(args.data).masalah
    baru = [m for m in sesudah.urut() if m.tingkat == "galat" and str(m) not in sebelum]
    if baru:
        pb.kembalikan(berkas, lama)
        for m in baru:
            print(m, file=sys.stderr)
        print(f"\nPeriode tidak ditambahkan: {_tampil(berkas)} dikembalikan seperti semula.",
              file=sys.stderr)
        return KELUAR_DATA
    print(f"Periode ditambahkan ke {_tampil(berkas)}:\n")
    print(pb.teks_yaml(u))
    print(f"Batas laporan unit: {fmt.tanggal(u.batas_laporan)}. Langkah berikutnya: "
          f"skm surat --periode {u.id}")
    return KELUAR_OK


# --- skm status --------------------------------------------------------------------------


def perintah_status(args: argparse.Namespace) -> int:
    """Print who reported on time, late, not yet, for one period (default: the latest)."""
    from skm_build.hitung.kepatuhan import (
        TEPAT_WAKTU,
        URUTAN_STATUS,
        hari_ini,
        kepatuhan_periode,
        tanggal_penilaian,
    )

    p = periksa(args.data)
    if p.data is None:
        cetak(p.masalah)
        print("\nData TIDAK SAH: perbaiki dulu (skm check), lalu jalankan lagi.", file=sys.stderr)
        return KELUAR_DATA
    ada = [x.id for x in p.data.periode]
    pid = args.periode or ada[-1]
    if pid not in ada:
        raise SalahPakai(f"periode '{pid}' tidak ada; pilih salah satu dari: {', '.join(ada)}")
    per = p.data.periode_menurut_id()[pid]
    k = kepatuhan_periode(p.data, pid, tanggal_penilaian(per, hari_ini()))
    per = k.periode
    print(f"Kepatuhan pelaporan {per.nama} — batas laporan {fmt.tanggal(per.batas_laporan)}; "
          f"keadaan per {fmt.tanggal(k.hari_ini)}")
    print("  " + " · ".join(f"{s}: {k.jumlah(s)}" for s in URUTAN_STATUS))
    tepat = k.jumlah(TEPAT_WAKTU)
    print(f"  Tingkat kepatuhan: {fmt.persen(tepat, len(k.unit))} "
          f"({tepat} dari {len(k.unit)} unit tepat waktu)\n")
    lebar = max((len(s.keterangan) for s in k.unit), default=10)
    print(f"  {'STATUS':<{lebar}}  {'DITERIMA':<17}  UNIT")
    for s in k.unit:
        print(f"  {s.keterangan:<{lebar}}  {fmt.tanggal(s.diterima):<17}  {s.opd.nama} "
              f"({s.opd.id})")
    from skm_build.staf.pengesahan import cetak_langkah

    cetak_langkah(p.data, pid)
    return KELUAR_OK


# --- skm surat ---------------------------------------------------------------------------


def perintah_surat(args: argparse.Namespace) -> int:
    """Write the draft circular letter for one period to a .docx file."""
    from skm_build.terbit import surat

    reg = _registri(args.data, None, args.periode)
    if reg.kabupaten is None or not reg.opd:
        cetak(reg.masalah)
        print("\nkabupaten.yaml atau opd.yaml belum sah: surat tidak dibuat.", file=sys.stderr)
        return KELUAR_DATA
    per = next(p for p in reg.periode if p.id == args.periode)
    keluar = args.keluar or Path(f"surat-edaran-skm-{per.id}.docx")
    if keluar.exists() and not args.force:
        raise SalahPakai(f"{_tampil(keluar)} sudah ada (mungkin sudah disunting): tidak "
                         "ditimpa. Pakai --keluar NAMA_LAIN.docx atau --force")
    situs = surat.alamat_situs(args.data.resolve().parent / "mkdocs.yml")
    # the development default (127.0.0.1) is useless to an OPD: leave a blank instead
    templat = surat.alamat_templat(None if surat.alamat_lokal(situs) else situs)
    sah = next((x.pengesahan for x in reversed(reg.periode) if x.pengesahan), None)
    tulis_atomik(keluar, surat.surat_edaran(reg.kabupaten, per, reg.opd, templat, sah))
    print(f"Draf surat edaran ditulis: {_tampil(keluar)}")
    print(f"  periode {per.nama} ({fmt.tanggal(per.mulai)} – {fmt.tanggal(per.selesai)}), "
          f"batas laporan {fmt.tanggal(per.batas_laporan)}, {len(reg.opd)} unit penerima")
    print(f"  tautan templat: {templat}")
    print("  Lengkapi di pengolah kata: nomor dan tanggal surat (kop, kalimat dan penanda "
          "tangan diubah di skm_build/terbit/templat_word/surat-edaran.docx).")
    print(f"  Setelah diparaf dan ditandatangani: skm langkah --periode {per.id} 4 --oleh "
          "Kasubag|Kabag|Asisten|Sekda, lalu langkah 5 saat dikirim.")
    if surat.alamat_lokal(situs):
        print("Peringatan: alamat situs belum diatur (SKM_SITE_URL atau site_url di "
              "mkdocs.yml): tautan templat di surat dikosongkan, isi sendiri.", file=sys.stderr)
    return KELUAR_OK


# --- skm paket ---------------------------------------------------------------------------


def perintah_paket(args: argparse.Namespace) -> int:
    """One zip for KemenPAN RB and the province: report (HTML, PDF) and open data."""
    from skm_build.staf import paket

    p = periksa(args.data)
    cetak(p.masalah)
    if p.data is None:
        return KELUAR_DATA
    hasil = hitung_semua(p.data)
    terbit = [k.periode.id for k in hasil.kabupaten]
    if args.periode not in terbit:
        raise SalahPakai(f"periode '{args.periode}' belum memiliki hasil; pilih salah satu dari "
                         + ", ".join(terbit))
    proyek = Proyek(Path.cwd(), args.data)
    alasan = paket.situs_usang(proyek.situs, hasil, args.periode)
    if alasan:
        print(f"skm paket: {alasan}; membangun situs dulu (skm build)", file=sys.stderr)
        try:
            args.bangun_situs(proyek)
        except GalatSkm as e:
            print(f"skm paket gagal: {e}", file=sys.stderr)
            return KELUAR_DATA
    from skm_build.staf.pengesahan import dokumen_periode
    from skm_build.terbit import surat

    situs = surat.alamat_situs(proyek.konfigurasi)
    pengantar = {n: isi for n, isi in dokumen_periode(
        p.data, args.periode, None if surat.alamat_lokal(situs) else situs).items()
        if n.startswith("surat-pengantar-")}
    hasil_paket = paket.buat_paket(hasil, proyek.situs, args.periode, not args.tanpa_pdf,
                                   pengantar)
    keluar = args.keluar or Path(paket.nama_paket(hasil, args.periode))
    if (not hasil_paket.draf and keluar.is_file()
            and keluar.read_bytes() != hasil_paket.isi):
        print(f"skm paket: {keluar} sudah ada dengan isi lain. Paket versi yang disahkan "
              "tidak pernah ditimpa: simpan dengan --keluar NAMA_LAIN.zip, dan periksa "
              "mengapa isinya berbeda (BACA.txt memuat SHA-256 setiap berkas).",
              file=sys.stderr)
        return KELUAR_DATA
    tulis_atomik(keluar, hasil_paket.isi)
    for nama in hasil_paket.berkas:
        print(f"  {nama}", file=sys.stderr)
    if not hasil_paket.pdf and not args.tanpa_pdf:
        print("skm paket: PDF dilewati: pasang paket tambahan 'pdf' (pip install -e '.[pdf]') "
              "dan Chromium untuk menyertakannya; laporan HTML dapat dicetak ke PDF dari "
              "peramban", file=sys.stderr)
    if hasil_paket.draf:
        print(f"skm paket: PERHATIAN: laporan {args.periode} masih DRAF (belum disahkan: "
              f"skm sahkan --periode {args.periode} …)", file=sys.stderr)
    print(keluar)
    return KELUAR_OK
