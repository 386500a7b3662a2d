"""The ``skm`` command: the one door staff and CI use.

Exit codes are a contract: 0 all good, 1 the data is invalid (every problem printed as
``path:line[:column]: message``), 2 the command was used wrongly. No command prints a
Python traceback for bad data or a wrong option.
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from skm_build.alat.argumen import ParserIndonesia
from skm_build.aturan.ikm import KODE_UNSUR
from skm_build.hitung.hasil import hitung_semua
from skm_build.kontrak.galat import KELUAR_DATA, KELUAR_OK, GalatSkm, SalahPakai
from skm_build.kontrak.masalah import DaftarMasalah, cetak
from skm_build.kontrak.muat import Pemeriksaan, periksa
from skm_build.kontrak.proyek import DATA, Proyek, akar_proyek
from skm_build.terbit import format_id as fmt
from skm_build.terbit.hasil_json import hasil_untuk_json, ke_json, nilai_polos


def _muat_atau_gagal(folder: Path) -> Pemeriksaan:
    hasil = periksa(folder)
    cetak(hasil.masalah)
    return hasil


def _peringatan_baris_publik(masalah: DaftarMasalah, data: Path) -> None:
    """Respondent CSVs are still read, but everything in data/ is published: say so."""
    berkas = sorted(masalah.nama(b.resolve()) for b in data.glob("survei/*/*.csv"))
    if berkas:
        print(f"peringatan: {len(berkas)} berkas baris per responden di data/ ikut terbit "
              f"karena repositori ini publik ({', '.join(berkas[:3])}"
              + (f", +{len(berkas) - 3} lagi" if len(berkas) > 3 else "") + "). Pindahkan "
              "ke kiriman/ lalu impor dengan `skm import` agar data/ hanya berisi hitungan.",
              file=sys.stderr)


def perintah_check(args: argparse.Namespace) -> int:
    """Validate ``data/`` and print a one-screen summary.

    With ``--format github`` every problem is also a workflow command on stdout, so a
    pull request shows it on the offending line of the offending file.
    """
    if getattr(args, "format", "text") == "github":
        from skm_build.kontrak.anotasi_github import anotasi

        p = periksa(args.data)
        for baris in anotasi(p.masalah):
            print(baris)
    else:
        p = _muat_atau_gagal(args.data)
    _peringatan_baris_publik(p.masalah, args.data)
    galat, peringatan = len(p.masalah.galat_saja), len(p.masalah.peringatan_saja)
    if p.data is None:
        print(f"\nData TIDAK SAH: {galat} galat, {peringatan} peringatan. "
              "Perbaiki baris yang disebut di atas lalu jalankan lagi `skm check`.",
              file=sys.stderr)
        return KELUAR_DATA
    d = p.data
    print(f"{d.kabupaten.nama}: data sah"
          + (" (DATA CONTOH sintetis, bukan hasil survei sungguhan)" if d.kabupaten.data_contoh
             else ""))
    print(f"  unit layanan : {len(d.opd)}")
    print(f"  periode      : {len(d.periode)} ({', '.join(x.id for x in d.periode)})")
    for per in d.periode:
        laporan = [s for (pid, _), s in d.survei.items() if pid == per.id]
        responden = sum(s.responden for s in laporan)
        print(f"    {per.id:<10} {len(laporan):>4} unit melapor, "
              f"{fmt.bilangan(responden):>9} responden")
    print(f"  masalah      : {galat} galat, {peringatan} peringatan")
    return KELUAR_OK


def perintah_results(args: argparse.Namespace) -> int:
    """Print every unit's result (and the kabupaten's) as a table, CSV or JSON."""
    p = _muat_atau_gagal(args.data)
    if p.data is None:
        return KELUAR_DATA
    if args.periode and args.periode not in p.data.periode_menurut_id():
        raise SalahPakai(f"periode '{args.periode}' tidak ada; pilih salah satu dari "
                         + ", ".join(x.id for x in p.data.periode))
    isi = hasil_untuk_json(hitung_semua(p.data), args.periode)
    unit, kabupaten = isi["unit"], isi["kabupaten"]
    if args.format == "json":
        sys.stdout.write(ke_json(isi))
    elif args.format == "csv":
        kolom = ["periode", "opd", "responden", *[f"nrr_{k}" for k in KODE_UNSUR], "ikm_1_4",
                 "ikm", "mutu", "kinerja", "sampel_minimum", "sampel_memadai"]
        tulis = csv.DictWriter(sys.stdout, fieldnames=kolom, lineterminator="\n")
        tulis.writeheader()
        for b in unit:
            nrr = {f"nrr_{k}": v for k, v in b["nrr"].items()}
            tulis.writerow({k: nilai_polos(v) for k, v in {**b, **nrr}.items() if k != "nrr"})
    else:
        print(f"{'periode':<9} {'opd':<28} {'resp':>5} {'IKM':>6} mutu  sampel")
        for b in unit:
            memadai = {None: "–", True: "memadai", False: "KURANG"}[b["sampel_memadai"]]
            print(f"{b['periode']:<9} {b['opd'][:28]:<28} {b['responden']:>5} "
                  f"{fmt.angka(b['ikm']):>6} {b['mutu']:<5} {memadai}")
        for k in kabupaten:
            print(f"{k['periode']:<9} {'KABUPATEN (' + k['agregasi'] + ')':<28} "
                  f"{k['responden']:>5} {fmt.angka(k['ikm']):>6} {k['mutu']}")
    return KELUAR_OK


def perintah_build(args: argparse.Namespace) -> int:
    """check → compute → Markdown → MkDocs → swap into site/ (untouched on failure)."""
    from skm_build.situs.bangun import BangunGagal, bangun

    proyek = Proyek(args.akar, args.data)
    print(f"skm build: {args.data} → site/", file=sys.stderr)
    try:
        situs = bangun(proyek)
    except BangunGagal as e:
        print(f"skm build gagal: {e}", file=sys.stderr)
        return KELUAR_DATA
    print(f"Situs siap di {situs}/", file=sys.stderr)
    return KELUAR_OK


def perintah_serve(args: argparse.Namespace) -> int:
    """Build, serve site/ on 127.0.0.1, and rebuild whenever data/ or content/ changes."""
    from skm_build.situs.pratinjau import pratinjau

    return pratinjau(Proyek(args.akar, args.data), args.port)


def _bangun_situs(proyek: Proyek) -> Path:
    """The site build, handed to the staff commands that need a current site (skm paket):
    staff commands do not import the site build (MkDocs is imported only when used)."""
    from skm_build.situs.bangun import bangun

    return bangun(proyek)


def _parser() -> argparse.ArgumentParser:
    parser = ParserIndonesia(
        prog="skm", description="Survei Kepuasan Masyarakat: periksa data, hitung IKM, "
        "bangun situs transparansi (Permenpan RB 14/2017).")
    sub = parser.add_subparsers(dest="perintah", required=True, metavar="PERINTAH",
                                title="perintah")

    def tambah(nama: str, fungsi: Callable[[argparse.Namespace], int], bantuan: str,
               alias: Sequence[str] = ()) -> argparse.ArgumentParser:
        p = sub.add_parser(nama, help=bantuan, description=bantuan, aliases=list(alias))
        p.add_argument("--data", type=Path, default=None, help="folder data (bawaan: data/ "
                       "proyek ini, dicari dari folder kerja ke atas)")
        p.set_defaults(fungsi=fungsi)
        return p

    c = tambah("check", perintah_check, "periksa semua berkas data dan tampilkan ringkasan")
    c.add_argument("--format", choices=("text", "github"), default="text",
                   help="github: setiap masalah sebagai anotasi GitHub Actions "
                   "(::error file=...,line=...::pesan)")
    r = tambah("results", perintah_results, "tampilkan hasil IKM setiap unit dan kabupaten")
    r.add_argument("--periode", help="hanya periode ini (mis. 2025-s2)")
    r.add_argument("--format", choices=("table", "csv", "json"), default="table")
    tambah("build", perintah_build, "bangun situs ke site/ (situs lama utuh bila gagal)")
    s = tambah("serve", perintah_serve, "pratinjau lokal; bangun ulang bila data/content berubah")
    s.add_argument("--port", type=int, default=8000, help="port di 127.0.0.1 (bawaan 8000)")
    from skm_build.staf.perintah import daftarkan  # the staff loop: import, templat, periode, ...

    daftarkan(tambah, _bangun_situs)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        if args.data is None:  # the project above the working folder, as git finds its repo
            args.akar = akar_proyek(Path.cwd())
            args.data = args.akar / DATA
        else:
            args.akar = Path.cwd()
        return args.fungsi(args)
    except GalatSkm as e:
        print(f"skm: {e}", file=sys.stderr)
        return e.kode_keluar
    except OSError as e:
        print(f"skm: {e.filename or ''}: {e.strerror}", file=sys.stderr)
        return KELUAR_DATA
    except KeyboardInterrupt:
        print("skm: dihentikan", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
