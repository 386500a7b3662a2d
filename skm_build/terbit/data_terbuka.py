"""Open data: the results of each period as CSV, XLSX and JSON with a Frictionless descriptor.

Pure functions: :func:`berkas_data_terbuka` returns ``{relative path: bytes}`` and writes
nothing; :mod:`.situs` puts the files into the docs folder so MkDocs copies them to
``site/data/``. Every number comes from :mod:`.hasil` (the same objects the pages
read), so a download can never disagree with the site.

What is published, per period with at least one unit report (``data/<periode>/``, and
the latest such period again as ``data/terbaru/`` so a link to "the newest data" is
stable):

- ``ringkasan-kabupaten.csv``: the kabupaten IKM, both aggregation rules;
- ``hasil-unit.csv``: one row per unit (NRR per unsur, IKM, mutu, sample adequacy);
- ``unsur-kabupaten.csv``: the kabupaten NRR per unsur;
- ``profil-responden.csv``: respondent counts per unit and category, small cells
  suppressed;
- ``skm.xlsx`` and ``skm.json``: the same tables in one workbook / one document;
- ``datapackage.json``: the Frictionless descriptor of all of the above.

The tables themselves (columns, rows, rounding, small-cell suppression) are
:mod:`.tabel_terbuka`; this module writes them as files.
"""

from __future__ import annotations

import csv
import hashlib
import io
import zipfile
from collections.abc import Sequence
from datetime import datetime, time
from decimal import Decimal

from skm_build.alat.arsip import kemas_ulang
from skm_build.aturan.ikm import (
    KONVERSI,
    REGULASI,
    REGULASI_JUDUL,
    TABEL_MUTU,
    uraian_bobot,
)
from skm_build.hitung.hasil import Hasil, HasilKabupaten
from skm_build.terbit import format_id as fmt
from skm_build.terbit import hasil_json
from skm_build.terbit.tabel_terbuka import (
    DESIMAL,
    SEL_MINIMUM,
    TABEL,
    Tabel,
    tabel_periode,
)

FOLDER = "data"
TERBARU = "terbaru"
LISENSI = {
    "name": "CC-BY-4.0",
    "title": "Creative Commons Attribution 4.0 International",
    "path": "https://creativecommons.org/licenses/by/4.0/",
}


def _teks_csv(nilai: object) -> str:
    if nilai is None:
        return ""
    if isinstance(nilai, bool):
        return "true" if nilai else "false"
    if isinstance(nilai, Decimal):
        return f"{nilai:f}"
    if hasattr(nilai, "isoformat"):
        return nilai.isoformat()
    return str(nilai)


def ke_csv(tabel: Tabel) -> bytes:
    """UTF-8 CSV, comma separated, LF line ends, header = column names."""
    buf = io.StringIO(newline="")
    w = csv.writer(buf, lineterminator="\n")
    w.writerow([k.nama for k in tabel.kolom])
    for b in tabel.baris:
        w.writerow([_teks_csv(b[k.nama]) for k in tabel.kolom])
    return buf.getvalue().encode("utf-8")


def ke_json_tabel(tabel_: Sequence[Tabel], meta: dict) -> bytes:
    """One JSON document: metadata plus every table as a list of objects."""
    isi = dict(meta)
    for t in tabel_:
        isi[t.nama] = [{k.nama: b[k.nama] for k in t.kolom} for b in t.baris]
    return hasil_json.ke_json(isi).encode("utf-8")


def ke_xlsx(tabel_: Sequence[Tabel], tanggal: datetime) -> bytes:
    """One workbook, one sheet per table; byte-identical for identical input."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.writer.excel import ExcelWriter

    wb = Workbook(write_only=True)  # streams rows: several times faster than the full model
    tebal = Font(bold=True)
    for t in tabel_:
        ws = wb.create_sheet(t.nama[:31])
        ws.freeze_panes = "A2"
        judul = []
        for k in t.kolom:
            sel = WriteOnlyCell(ws, value=k.nama)
            sel.font = tebal
            judul.append(sel)
        ws.append(judul)
        for b in t.baris:
            ws.append([hasil_json.nilai_polos(b[k.nama]) for k in t.kolom])
    wb.properties.creator = "skm"
    wb.properties.created = tanggal
    wb.properties.modified = tanggal
    mentah = io.BytesIO()
    with zipfile.ZipFile(mentah, "w", zipfile.ZIP_DEFLATED) as arsip:
        ExcelWriter(wb, arsip).save()  # save_workbook() would stamp "modified" with now
    return kemas_ulang(mentah.getvalue())  # no build time inside


# --- the descriptor --------------------------------------------------------------------


def _skema(t: Tabel) -> dict:
    return {"fields": [k.skema() for k in t.kolom], "primaryKey": list(t.kunci),
            "missingValues": [""]}


def datapackage(hasil: Hasil, k: HasilKabupaten, tabel_: Sequence[Tabel],
                berkas: dict[str, bytes]) -> dict:
    """The Frictionless Data Package descriptor of one period's folder.

    The CSV files are tabular resources with a Table Schema; the workbook and the JSON
    document hold the same tables and are described as files. Every resource carries its
    size and SHA-256, so ``frictionless validate`` also proves nothing was altered.
    """
    kab = hasil.data.kabupaten
    p = k.periode
    sumber = [{
        "title": f"Laporan hasil SKM unit layanan {kab.nama}, {p.nama}",
        "description": f"Laporan setiap unit layanan (rekap jawaban atau data per responden) "
                       f"yang dihimpun oleh {kab.penyusun}; data per responden tidak "
                       "diterbitkan.",
    }]
    if kab.data_contoh:
        sumber.append({"title": "DATA CONTOH SINTETIS",
                       "description": "Angka dalam paket ini adalah data sintetis untuk uji "
                                      "coba, bukan hasil survei yang sebenarnya."})
    sumber.append({"title": f"{REGULASI} tentang {REGULASI_JUDUL}",
                   "description": "Dasar metode perhitungan IKM."})
    slug = "-".join("".join(c if c.isalnum() else " " for c in kab.nama.lower()).split())

    def utuh(nama: str) -> dict:
        return {"bytes": len(berkas[nama]),
                "hash": f"sha256:{hashlib.sha256(berkas[nama]).hexdigest()}"}

    sumber_daya = [{
        "name": t.nama, "path": t.berkas, "title": t.judul, "description": t.deskripsi,
        "profile": "tabular-data-resource", "format": "csv", "mediatype": "text/csv",
        "encoding": "utf-8", **utuh(t.berkas), "schema": _skema(t),
    } for t in tabel_]
    lembar = ", ".join(t.nama for t in tabel_)
    sumber_daya += [{
        "name": "skm-xlsx", "type": "file", "path": "skm.xlsx",
        "title": "Buku kerja Excel", "format": "xlsx",
        "mediatype": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "description": f"Tabel-tabel yang sama dalam satu buku kerja, satu lembar per tabel "
                       f"({lembar}); kolom dan isinya sama dengan berkas CSV bernama sama.",
        **utuh("skm.xlsx"),
    }, {
        "name": "skm-json", "type": "file", "path": "skm.json",
        "title": "Dokumen JSON", "format": "json", "mediatype": "application/json",
        "encoding": "utf-8",
        "description": f"Tabel-tabel yang sama dalam satu dokumen JSON: setiap tabel ({lembar}) "
                       "adalah properti berisi daftar objek dengan kolom berkas CSV bernama "
                       "sama; nilai kosong ditulis null.",
        **utuh("skm.json"),
    }]
    return {
        "profile": "data-package",
        "name": f"skm-{slug}-{p.id}",
        "title": f"Hasil Survei Kepuasan Masyarakat {kab.nama}, {p.nama}",
        "description": metode(hasil, k),
        "version": "1.0.0",
        "keywords": ["survei kepuasan masyarakat", "SKM", "IKM", "pelayanan publik", kab.nama],
        "licenses": [LISENSI],
        "sources": sumber,
        "contributors": [{"title": kab.penyusun, "role": "publisher"}],
        "resources": sumber_daya,
    }


def uraian_batas_mutu() -> str:
    """"≥ 88,31 A (Sangat baik), …, selain itu D (Tidak baik)", from the interval table."""
    *diberi_batas, terbawah = TABEL_MUTU
    return ", ".join(f"≥ {fmt.angka(m.batas_bawah)} {m.huruf} ({m.kinerja})"
                     for m in diberi_batas) + f", selain itu {terbawah.huruf} ({terbawah.kinerja})"


def metode(hasil: Hasil, k: HasilKabupaten) -> str:
    """The method, in plain Indonesian, as the descriptor's description."""
    kab = hasil.data.kabupaten
    bobot = uraian_bobot(kab.bobot)
    return (
        f"Hasil Survei Kepuasan Masyarakat (SKM) {kab.nama}, periode {k.periode.nama} "
        f"({k.periode.mulai.isoformat()} s.d. {k.periode.selesai.isoformat()}), dihitung "
        f"menurut {REGULASI} tentang {REGULASI_JUDUL}. Setiap responden menilai 9 unsur "
        "pelayanan pada skala 1–4; jawaban kosong tidak dihitung. NRR unsur = jumlah nilai "
        f"÷ banyaknya jawaban sah; IKM (1–4) = Σ NRR × bobot, dengan bobot {bobot}; IKM unit "
        f"= IKM (1–4) × {KONVERSI}. Mutu dinilai pada IKM yang dibulatkan setengah ke atas ke "
        f"2 desimal: {uraian_batas_mutu()}. Nilai kabupaten memakai "
        f"{k.aturan.frasa}; cara yang lain juga dicantumkan. Sampel minimum menurut "
        "Krejcie–Morgan (taraf kepercayaan 95 %, galat 5 %). Semua nilai terhitung ditulis "
        f"dengan {DESIMAL} angka desimal (dibulatkan setengah ke atas dari nilai eksak). "
        "Tidak ada data per responden dalam paket ini: profil responden hanya berupa "
        f"jumlah per kategori, dan jumlah kurang dari {SEL_MINIMUM} dikosongkan."
    )


def paket_periode(hasil: Hasil, k: HasilKabupaten) -> dict[str, bytes]:
    """Every file of one period's folder, as ``{file name: bytes}``."""
    tabel_ = tabel_periode(hasil, k)
    meta = {"periode": k.periode.id, "nama_periode": k.periode.nama,
            "kabupaten": hasil.data.kabupaten.nama,
            "data_contoh": hasil.data.kabupaten.data_contoh,
            "lisensi": LISENSI["name"], "presisi_desimal": DESIMAL}
    berkas = {t.berkas: ke_csv(t) for t in tabel_}
    berkas["skm.xlsx"] = ke_xlsx(tabel_, datetime.combine(k.periode.selesai, time()))
    berkas["skm.json"] = ke_json_tabel(tabel_, meta)
    deskriptor = datapackage(hasil, k, tabel_, berkas)
    berkas["datapackage.json"] = hasil_json.ke_json(deskriptor).encode("utf-8")
    return berkas


def berkas_data_terbuka(hasil: Hasil, folder: str = FOLDER) -> dict[str, bytes]:
    """Every open-data file, ``{"data/<periode>/<file>": bytes}``, plus ``data/terbaru/``."""
    keluar: dict[str, bytes] = {}
    paket: dict[str, bytes] = {}
    for k in hasil.kabupaten:  # the periods with at least one unit report
        paket = paket_periode(hasil, k)
        for nama, isi in paket.items():
            keluar[f"{folder}/{k.periode.id}/{nama}"] = isi
    for nama, isi in paket.items():  # the last period with results, oldest first
        keluar[f"{folder}/{TERBARU}/{nama}"] = isi
    return keluar


def daftar_unduhan() -> tuple[tuple[str, str], ...]:
    """The files of each folder with a one-line description, for the /data/ page."""
    return (
        *((t.berkas, t.ringkas) for t in TABEL),
        ("skm.xlsx", "semua tabel di atas dalam satu buku kerja Excel"),
        ("skm.json", "semua tabel di atas dalam satu dokumen JSON"),
        ("datapackage.json", "deskripsi Frictionless Data Package: skema kolom, lisensi, "
                             "sumber, metode"),
    )




