"""SOP steps 1–10 on the record: ``skm sahkan``, ``skm revisi`` and ``skm langkah``.

Signing (step 9) stores the signer, the NIP and the digest of the period's data
(:mod:`skm_build.kontrak.sidik`) in ``periode.yaml``, and keeps the signed report as it
was signed in ``data/pengesahan/<periode>/versi-N.md`` (with the parts of the digest in
``versi-N.json``): from then on every check refuses a change to a signed number, while
the follow-up plans may move on. A correction after signing is a revision: the current
sign-off moves to ``revisi`` with the reason and the period is a draft again until it
is signed anew, so every signed version stays on record.

Each command edits one period's entry of ``periode.yaml`` as text — every other line,
comment and blank line stays byte for byte — checks the data again and puts the file
back if the edit made anything worse.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path

from skm_build.alat.tulis import tulis_atomik
from skm_build.alat.yaml_bertanda import YamlDitolak, baca_yaml
from skm_build.aturan import sop
from skm_build.hitung.hasil import hitung_semua
from skm_build.hitung.kepatuhan import hari_ini
from skm_build.hitung.langkah import berikutnya, keadaan
from skm_build.kontrak import sidik
from skm_build.kontrak.galat import KELUAR_DATA, KELUAR_OK, GalatSkm, SalahPakai
from skm_build.kontrak.kosakata import POLA_NIP
from skm_build.kontrak.masalah import cetak
from skm_build.kontrak.model import CatatanLangkah, DataSkm, Pengesahan, Periode, Revisi
from skm_build.kontrak.muat import periksa
from skm_build.kontrak.registri import baca_registri
from skm_build.staf.periode_baru import skalar_yaml
from skm_build.terbit import format_id as fmt
from skm_build.terbit.halaman import PembuatHalaman

Tambah = Callable[[str, Callable[[argparse.Namespace], int], str], argparse.ArgumentParser]
# The role a step is recorded for when --oleh is not given (None: it must be said).
PERAN_BAKU = {1: sop.KABAG, 2: sop.KASUBAG, 3: sop.PELAKSANA, 5: sop.PELAKSANA,
              7: sop.PELAKSANA, 8: sop.PELAKSANA, 10: sop.PELAKSANA}


def daftarkan(tambah: Tambah, tanggal: Callable[[str], date]) -> None:
    """Register ``sahkan``, ``revisi`` and ``langkah`` (``tanggal`` parses TTTT-BB-HH)."""
    s = tambah("sahkan", perintah_sahkan, "catat pengesahan Laporan SKM Kabupaten (SOP "
               "langkah 9) dan kunci angkanya")
    s.add_argument("--periode", required=True, help="kode periode (mis. 2025-s1)")
    s.add_argument("--nama", required=True, help="nama penanda tangan, dengan gelar")
    s.add_argument("--nip", required=True, help="NIP penanda tangan (18 angka)")
    s.add_argument("--jabatan", required=True, help="jabatan, mis. 'Sekretaris Daerah'")
    s.add_argument("--tanggal", type=tanggal, metavar="TTTT-BB-HH",
                   help="tanggal tanda tangan (bawaan: hari ini)")

    r = tambah("revisi", perintah_revisi, "buka kembali laporan yang sudah disahkan sebagai "
               "draf revisi (harus disahkan lagi)")
    r.add_argument("--periode", required=True, help="kode periode (mis. 2025-s1)")
    r.add_argument("--alasan", required=True, help="alasan revisi (tampil di situs)")
    r.add_argument("--tanggal", type=tanggal, metavar="TTTT-BB-HH",
                   help="tanggal dibuka kembali (bawaan: hari ini)")

    g = tambah("langkah", perintah_langkah, "catat tanggal satu langkah SOP (1–10) dan "
               "perannya")
    g.add_argument("--periode", required=True, help="kode periode (mis. 2026-s1)")
    g.add_argument("nomor", type=int, choices=range(1, len(sop.LANGKAH) + 1), metavar="N",
                   help="nomor langkah SOP 1–10 (6 dihitung dari tanggal diterima; "
                   "tanda tangan laporan: skm sahkan)")
    g.add_argument("--tanggal", type=tanggal, metavar="TTTT-BB-HH",
                   help="tanggal langkah itu selesai (bawaan: hari ini)")
    g.add_argument("--oleh", choices=sop.PERAN, help="peran: " + ", ".join(sop.PERAN)
                   + " (wajib untuk langkah 4 dan 9: siapa yang memaraf)")
    g.add_argument("--kepada", help="langkah 5 dan 10: dikirim kepada siapa")

    d = tambah("dokumen", perintah_dokumen, "lembar pengesahan (SOP langkah 9) dan surat "
               "pengantar ke KemenPAN RB dan Provinsi (langkah 10), dari templat Word")
    d.add_argument("--periode", required=True, help="kode periode (mis. 2025-s1)")
    d.add_argument("--keluar", type=Path, default=Path("."), metavar="FOLDER",
                   help="folder tujuan (bawaan: folder ini)")
    d.add_argument("--force", action="store_true", help="timpa berkas yang sudah ada")


# --- periode.yaml as text ----------------------------------------------------------------


def _butir(teks: str, periode_id: str) -> tuple[int, int, int, dict[str, int]]:
    """(first line, end line, key indent, line of each key) of a period's entry, 0-based."""
    try:
        doc = baca_yaml(teks)
    except YamlDitolak as e:
        raise GalatSkm(f"periode.yaml tidak terbaca: {e.pesan}") from None
    butir = doc.nilai if isinstance(doc.nilai, list) else []
    i = next((i for i, x in enumerate(butir)
              if isinstance(x, dict) and str(x.get("id")) == periode_id), None)
    if i is None:
        raise SalahPakai(f"periode '{periode_id}' tidak ada di periode.yaml")
    baris = teks.splitlines(keepends=True)
    awal = doc.baris[(i,)] - 1
    akhir = doc.baris[(i + 1,)] - 1 if (i + 1,) in doc.baris else len(baris)
    while akhir > awal and (not baris[akhir - 1].strip()
                            or baris[akhir - 1].lstrip().startswith("#")):
        akhir -= 1
    kunci = {k: doc.baris[(i, k)] - 1 for k in butir[i] if (i, k) in doc.baris}
    lain = [b for k, b in kunci.items() if b != awal]
    indent = (len(baris[lain[0]]) - len(baris[lain[0]].lstrip(" "))) if lain else 2
    return awal, akhir, indent, kunci


def ganti_kunci(teks: str, periode_id: str, hapus: tuple[str, ...], tambahan: str) -> str:
    """``teks`` with the keys ``hapus`` of one period removed and ``tambahan`` (YAML lines,
    indented two spaces per level from the entry's keys) appended to that entry."""
    awal, akhir, indent, kunci = _butir(teks, periode_id)
    baris = teks.splitlines(keepends=True)
    akhir_baris = "\r\n" if baris and baris[0].endswith("\r\n") else "\n"
    mulai_kunci = sorted(kunci.values())
    buang: set[int] = set()
    for k in hapus:
        if k not in kunci:
            continue
        b = kunci[k]
        sesudah = [x for x in mulai_kunci if x > b]
        batas = sesudah[0] if sesudah else akhir
        buang.update(range(b, batas))
    isi = [x for j, x in enumerate(baris[awal:akhir], start=awal) if j not in buang]
    if isi and not isi[-1].endswith("\n"):
        isi[-1] += akhir_baris
    awalan = " " * indent
    baru = [awalan + x + akhir_baris for x in tambahan.splitlines()]
    return "".join(baris[:awal] + isi + baru + baris[akhir:])


def _yaml_pengesahan(s: Pengesahan, lekuk: str) -> list[str]:
    return [f"{lekuk}nama: {skalar_yaml(s.nama)}", f'{lekuk}nip: "{s.nip}"',
            f"{lekuk}jabatan: {skalar_yaml(s.jabatan)}",
            f"{lekuk}tanggal: {s.tanggal.isoformat()}", f"{lekuk}sidik: {s.sidik}"]


def yaml_pengesahan(s: Pengesahan) -> str:
    return "\n".join(["pengesahan:", *_yaml_pengesahan(s, "  ")])


def yaml_revisi(daftar: tuple[Revisi, ...]) -> str:
    baris = ["revisi:"]
    for r in daftar:
        isi = _yaml_pengesahan(r.pengesahan, "    ")
        baris += [f"  - versi: {r.versi}", *isi, f"    dibuka: {r.dibuka.isoformat()}",
                  f"    alasan: {json.dumps(r.alasan, ensure_ascii=False)}"]
    return "\n".join(baris)


def yaml_langkah(daftar: tuple[CatatanLangkah, ...]) -> str:
    baris = ["langkah:"]
    for c in daftar:
        kepada = f", kepada: {json.dumps(c.kepada, ensure_ascii=False)}" if c.kepada else ""
        baris.append(f"  - {{langkah: {c.langkah}, tanggal: {c.tanggal.isoformat()}, "
                     f"oleh: {c.oleh}{kepada}}}")
    return "\n".join(baris)


def _tulis_periksa(folder: Path, perubahan: dict[Path, bytes | None],
                   registri_saja: bool = False) -> list[str]:
    """Write the files, check again; put everything back and return the new errors if
    the data got worse (``registri_saja``: check the three registry files only, for a
    revision opened exactly because the data no longer matches its digest)."""
    def galat() -> set[str]:
        m = baca_registri(folder).masalah if registri_saja else periksa(folder).masalah
        return {str(x) for x in m.galat_saja}

    sebelum = galat()
    lama = {b: (b.read_bytes() if b.exists() else None) for b in perubahan}
    for b, isi in perubahan.items():
        if isi is None:
            b.unlink(missing_ok=True)
        else:
            tulis_atomik(b, isi)
    baru = sorted(galat() - sebelum)
    if baru:
        for b, isi in lama.items():
            if isi is None:
                b.unlink(missing_ok=True)
            else:
                tulis_atomik(b, isi)
    return baru


def _gagal(baru: list[str], berkas: Path) -> int:
    for m in baru:
        print(m, file=sys.stderr)
    print(f"\nTidak dicatat: {berkas.as_posix()} dikembalikan seperti semula.", file=sys.stderr)
    return KELUAR_DATA


def _teks_satu_baris(nilai: str, apa: str) -> str:
    nilai = nilai.strip()
    if not nilai or "\n" in nilai or len(nilai) > 500:
        raise SalahPakai(f"{apa} harus satu baris teks (1–500 karakter)")
    return nilai


# --- skm sahkan ----------------------------------------------------------------------------


def perintah_sahkan(args: argparse.Namespace) -> int:
    """Record the sign-off, freeze the report as signed and lock its numbers."""
    p = periksa(args.data)
    if p.data is None:
        cetak(p.masalah)
        print("\nData TIDAK SAH: perbaiki dulu (skm check); laporan tidak disahkan.",
              file=sys.stderr)
        return KELUAR_DATA
    data = p.data
    per = data.periode_menurut_id().get(args.periode)
    if per is None:
        raise SalahPakai(f"periode '{args.periode}' tidak ada; pilih salah satu dari: "
                         + ", ".join(x.id for x in data.periode))
    if per.pengesahan is not None:
        raise SalahPakai(f"laporan {per.id} sudah disahkan (versi {per.versi}, "
                         f"{fmt.tanggal(per.pengesahan.tanggal)}). Untuk mengubahnya buka "
                         f'revisi dulu: skm revisi --periode {per.id} --alasan "…"')
    if not any(pid == per.id for pid, _ in data.survei):
        raise SalahPakai(f"periode {per.id} belum memiliki laporan unit: belum ada yang "
                         "dapat disahkan")
    tanggal = args.tanggal or hari_ini()
    if tanggal <= per.selesai:
        raise SalahPakai(f"tanggal pengesahan {tanggal.isoformat()}: periode {per.id} belum "
                         f"selesai (berakhir {per.selesai.isoformat()}); laporan disahkan "
                         "setelah periode survei berakhir")
    if tanggal > hari_ini():
        raise SalahPakai(f"tanggal pengesahan {tanggal.isoformat()} belum tiba")
    nip = args.nip.strip()
    if not POLA_NIP.match(nip):
        raise SalahPakai(f"NIP '{args.nip}' tidak sah: NIP terdiri atas 18 angka tanpa spasi")
    bag = sidik.bagian(data, per)
    sah = Pengesahan(_teks_satu_baris(args.nama, "--nama"),
                     _teks_satu_baris(args.jabatan, "--jabatan"), tanggal, nip,
                     sidik.sidik_dari_bagian(bag))
    disahkan = replace(per, pengesahan=sah)
    data_sah = replace(data, periode=tuple(disahkan if x.id == per.id else x
                                           for x in data.periode))
    hasil = hitung_semua(data_sah)
    k = next(x for x in hasil.kabupaten if x.periode.id == per.id)
    ringkasan = {"ikm": fmt.angka(k.ikm), "mutu": k.mutu.huruf, "kinerja": k.mutu.kinerja,
                 "unit": str(len(k.unit)), "responden": fmt.bilangan(k.responden)}
    laporan = PembuatHalaman(hasil).isi_laporan(per.id)
    berkas = args.data / "periode.yaml"
    teks = berkas.read_text(encoding="utf-8")
    md = sidik.berkas_laporan(args.data, per.id, per.versi)
    rekam = sidik.berkas_bagian(args.data, per.id, per.versi)
    baru = _tulis_periksa(args.data, {
        md: laporan.encode("utf-8"),
        rekam: sidik.json_bagian(per, per.versi, sah.sidik, bag, ringkasan),
        berkas: ganti_kunci(teks, per.id, ("pengesahan",), yaml_pengesahan(sah)).encode(),
    })
    if baru:
        return _gagal(baru, berkas)
    print(f"Laporan {per.nama} DISAHKAN (versi {per.versi}) oleh {sah.jabatan} {sah.nama} "
          f"pada {fmt.tanggal(sah.tanggal)}.")
    print(f"  IKM kabupaten {ringkasan['ikm']} (mutu {k.mutu.huruf}), {ringkasan['unit']} "
          f"unit, {ringkasan['responden']} responden")
    print(f"  sidik data: {sah.sidik}")
    print(f"  dicatat di {berkas.as_posix()}; laporan beku: {md.as_posix()}")
    print("Angka periode ini kini terkunci: skm check dan skm build menolak perubahan data "
          "yang mengubahnya (status tindak lanjut tetap boleh diperbarui).")
    print(f"Langkah berikutnya: commit data/, lalu skm paket --periode {per.id} dan "
          f"skm dokumen --periode {per.id} (SOP langkah 10).")
    return KELUAR_OK


# --- skm revisi ----------------------------------------------------------------------------


def _periode_registri(folder: Path, periode_id: str) -> Periode:
    reg = baca_registri(folder)
    per = next((x for x in reg.periode if x.id == periode_id), None)
    if per is None:
        for m in reg.masalah.galat_saja:
            print(m, file=sys.stderr)
        raise SalahPakai(f"periode '{periode_id}' tidak ada (atau tidak sah) di periode.yaml")
    return per


def perintah_revisi(args: argparse.Namespace) -> int:
    """Reopen a signed report as a draft; its sign-off moves to ``revisi`` with the reason."""
    per = _periode_registri(args.data, args.periode)
    if per.pengesahan is None:
        raise SalahPakai(f"laporan {per.id} belum disahkan: tidak ada yang perlu direvisi "
                         "(ubah saja datanya)")
    alasan = _teks_satu_baris(args.alasan, "--alasan (alasan revisi)")
    tanggal = args.tanggal or hari_ini()
    if tanggal < per.pengesahan.tanggal:
        raise SalahPakai(f"tanggal revisi {tanggal.isoformat()} lebih awal dari tanggal "
                         f"pengesahan {per.pengesahan.tanggal.isoformat()}")
    revisi = (*per.revisi, Revisi(per.versi, per.pengesahan, tanggal, alasan))
    berkas = args.data / "periode.yaml"
    teks = berkas.read_text(encoding="utf-8")
    isi = ganti_kunci(teks, per.id, ("pengesahan", "revisi"), yaml_revisi(revisi))
    baru = _tulis_periksa(args.data, {berkas: isi.encode()}, registri_saja=True)
    if baru:
        return _gagal(baru, berkas)
    print(f"Laporan {per.nama} dibuka kembali sebagai DRAF versi {per.versi + 1} "
          f"(alasan: {alasan}).")
    print(f"  Versi {per.versi} yang disahkan {fmt.tanggal(per.pengesahan.tanggal)} tetap "
          "tercatat dan tetap dapat dibaca di situs.")
    print(f"Perbaiki data, jalankan skm check, lalu sahkan lagi: skm sahkan --periode {per.id} "
          "--nama … --nip … --jabatan … --tanggal …")
    return KELUAR_OK


# --- skm langkah ---------------------------------------------------------------------------


def perintah_langkah(args: argparse.Namespace) -> int:
    """Record the day one SOP step was done, and by which role."""
    per = _periode_registri(args.data, args.periode)
    lk = sop.LANGKAH_MENURUT_NOMOR[args.nomor]
    if lk.nomor == sop.LANGKAH_OPD:
        raise SalahPakai("langkah 6 (OPD mengirim laporan) dihitung dari tanggal diterima "
                         "laporan unit: catat dengan skm import --diterima TTTT-BB-HH")
    oleh = args.oleh or PERAN_BAKU.get(lk.nomor)
    if oleh is None:
        raise SalahPakai(f"langkah {lk.nomor} ({lk.kegiatan}): sebutkan siapa dengan --oleh "
                         f"{'/'.join((*sop.RANTAI_PARAF, sop.SEKDA))}")
    if lk.nomor == sop.LANGKAH_PENGESAHAN and oleh == sop.SEKDA:
        raise SalahPakai("tanda tangan laporan oleh Sekda adalah pengesahan: catat dengan "
                         "skm sahkan --periode … --nama … --nip … --jabatan …")
    kepada = _teks_satu_baris(args.kepada, "--kepada") if args.kepada else None
    catatan = CatatanLangkah(lk.nomor, args.tanggal or hari_ini(), oleh, kepada)
    berkas = args.data / "periode.yaml"
    teks = berkas.read_text(encoding="utf-8")
    isi = ganti_kunci(teks, per.id, ("langkah",), yaml_langkah((*per.langkah, catatan)))
    baru = _tulis_periksa(args.data, {berkas: isi.encode()}, registri_saja=True)
    if baru:
        return _gagal(baru, berkas)
    print(f"Langkah {lk.nomor} ({lk.kegiatan}) dicatat: {fmt.tanggal(catatan.tanggal)}, "
          f"oleh {oleh}" + (f", kepada {kepada}" if kepada else "") + ".")
    p = periksa(args.data)
    if p.data is not None:
        cetak_langkah(p.data, per.id)
    return KELUAR_OK


def cetak_langkah(data: DataSkm, periode_id: str) -> None:
    """The ten steps as ``skm status`` and ``skm langkah`` print them, and what is next."""
    hari = hari_ini()
    semua = keadaan(data, periode_id, hari)
    print(f"\nAlur SOP ({sop.SOP_NOMOR}) — keadaan per {fmt.tanggal(hari)}")
    print(f"  {'NO':<3} {'MUTU BAKU':<10} {'SELESAI':<18} {'LAMA':<9} KEGIATAN")
    for x in semua:
        lama = "–" if x.hari is None else f"{x.hari} hari" + (" !" if x.lewat else "")
        selesai = fmt.tanggal(x.selesai) if x.selesai else "belum"
        ket = f" [{x.keterangan}]" if x.keterangan else ""
        print(f"  {x.langkah.nomor:<3} {x.langkah.baku_teks:<10} {selesai:<18} {lama:<9} "
              f"{x.langkah.kegiatan}{ket}")
    lewat = [x.langkah.nomor for x in semua if x.lewat]
    if lewat:
        print(f"  (!) melebihi mutu baku: langkah {', '.join(map(str, lewat))}")
    n = berikutnya(semua)
    if n is None:
        print("Semua sepuluh langkah selesai.")
        return
    tempo = f", jatuh tempo {fmt.tanggal(n.jatuh_tempo)}" if n.jatuh_tempo else ""
    perintah = {sop.LANGKAH_PENGESAHAN: f"skm sahkan --periode {periode_id} …",
                sop.LANGKAH_OPD: "skm import … --diterima TTTT-BB-HH"}.get(
        n.langkah.nomor, f"skm langkah --periode {periode_id} {n.langkah.nomor}")
    print(f"Berikutnya: langkah {n.langkah.nomor} — {n.langkah.kegiatan} "
          f"(mutu baku {n.langkah.baku_teks}{tempo}); catat dengan: {perintah}")



# --- skm dokumen ---------------------------------------------------------------------------


def dokumen_periode(data: DataSkm, periode_id: str, situs: str | None) -> dict[str, bytes]:
    """The step-9 and step-10 documents of a period with results, by file name."""
    from skm_build.hitung.langkah import paraf
    from skm_build.terbit import surat

    hasil = hitung_semua(data)
    k = next(x for x in hasil.kabupaten if x.periode.id == periode_id)
    per = k.periode
    tanda = per.pengesahan.sidik if per.pengesahan else sidik.sidik(data, per)
    akhiran = f"{per.id}-v{per.versi}" + ("" if per.pengesahan else "-DRAF")
    keluar = {f"lembar-pengesahan-{akhiran}.docx": surat.lembar_pengesahan(
        data.kabupaten, k, tanda or "", paraf(per, sop.LANGKAH_PENGESAHAN))}
    for kepada in surat.PENERIMA_PENGANTAR:
        keluar[f"surat-pengantar-{kepada}-{akhiran}.docx"] = surat.surat_pengantar(
            data.kabupaten, k, tanda or "", kepada, situs)
    return keluar


def perintah_dokumen(args: argparse.Namespace) -> int:
    """Write the approval sheet and the two cover letters of one period (.docx)."""
    from skm_build.terbit import surat

    p = periksa(args.data)
    if p.data is None:
        cetak(p.masalah)
        print("\nData TIDAK SAH: perbaiki dulu (skm check).", file=sys.stderr)
        return KELUAR_DATA
    if not any(pid == args.periode for pid, _ in p.data.survei):
        raise SalahPakai(f"periode '{args.periode}' belum memiliki laporan unit")
    situs = surat.alamat_situs(args.data.resolve().parent / "mkdocs.yml")
    berkas = dokumen_periode(p.data, args.periode, None if surat.alamat_lokal(situs) else situs)
    ada = [args.keluar / n for n in berkas if (args.keluar / n).exists()]
    if ada and not args.force:
        raise SalahPakai(f"{ada[0].as_posix()} sudah ada (mungkin sudah disunting): tidak "
                         "ditimpa. Pakai --keluar FOLDER_LAIN atau --force")
    for nama, isi in berkas.items():
        tulis_atomik(args.keluar / nama, isi)
        print(f"ditulis: {(args.keluar / nama).as_posix()}")
    per = p.data.periode_menurut_id()[args.periode]
    if per.pengesahan is None:
        print("Laporan masih DRAF: cetak lembar pengesahan untuk diparaf (skm langkah "
              f"--periode {per.id} 9 --oleh Kasubag|Kabag|Asisten), lalu skm sahkan.")
    else:
        print(f"Setelah surat pengantar dikirim: skm langkah --periode {per.id} 10 --kepada "
              '"KemenPAN RB; Biro Organisasi Provinsi"')
    return KELUAR_OK
