"""The published side of a sign-off: the signed report stays as signed, every signed
version stays readable, and each period has a page with its ten SOP steps.

One small project (the conftest data) goes through the whole loop: sign, move a
follow-up plan on, reopen, correct a number, sign again, build.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from bantuan import bangun, salin_proyek
from conftest import CSV_DUKCAPIL, KABUPATEN, OPD, PERIODE, tulis
from test_pengesahan import RTL, SAHKAN

from skm_build.cli import main

KOREKSI = CSV_DUKCAPIL.replace("PNS,4,3,", "PNS,4,4,")  # one answer 3 → 4 in u2


def _teks(halaman: Path) -> str:
    """A built page as text (tags dropped, entities decoded, spaces collapsed)."""
    isi = halaman.read_text(encoding="utf-8")
    isi = isi[isi.index('<article'):isi.index('</article>')]
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", isi)))


@pytest.fixture(scope="module")
def situs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Signed (RTL 'rencana'), plan moved to 'selesai', reopened, corrected, signed again."""
    akar = salin_proyek(tmp_path_factory.mktemp("proyek"), dengan_data=False)
    data = akar / "data"
    for nama, isi in (("kabupaten.yaml", KABUPATEN), ("opd.yaml", OPD),
                      ("periode.yaml", PERIODE), ("survei/2025-s1/dukcapil.csv", CSV_DUKCAPIL),
                      ("survei/2025-s1/dukcapil.yaml", RTL.format(status="rencana"))):
        tulis(data, nama, isi)
    assert main(["sahkan", "--data", str(data), *SAHKAN]) == 0
    tulis(data, "survei/2025-s1/dukcapil.yaml", RTL.format(status="selesai"))
    assert main(["revisi", "--data", str(data), "--periode", "2025-s1", "--alasan",
                 "Dukcapil mengirim ralat u2", "--tanggal", "2025-09-01"]) == 0
    tulis(data, "survei/2025-s1/dukcapil.csv", KOREKSI)
    assert main(["sahkan", "--data", str(data), *SAHKAN[:-1], "2025-09-05"]) == 0
    assert bangun(akar) == 0
    return akar / "site"


def test_the_report_page_lists_both_signed_versions_with_reason_and_change(situs) -> None:
    teks = _teks(situs / "laporan" / "2025-s1" / "index.html")
    riwayat = teks[teks.index("Riwayat pengesahan"):]
    assert "2 5 September 2025 Sekretaris Daerah Drs. Hadi Pranoto, M.Si." in riwayat
    assert "Dukcapil mengirim ralat u2" in riwayat
    assert "data Dinas Kependudukan dan Pencatatan Sipil (diubah)" in riwayat
    assert "1 18 Agustus 2025" in riwayat
    assert "Disahkan oleh Sekretaris Daerah Drs. Hadi Pranoto, M.Si. pada 5 September 2025" \
        in teks


def test_the_earlier_version_stays_published_with_its_own_numbers(situs) -> None:
    lama = _teks(situs / "laporan" / "2025-s1-versi-1" / "index.html")
    baru = _teks(situs / "laporan" / "2025-s1" / "index.html")
    assert "Versi lama." in lama and "18 Agustus 2025" in lama
    # hand-computed: Σ NRR 29,75 → 82,64; one u2 answer 3 → 4 adds 0,25 to NRR u2 → 83,33
    assert "82,64" in lama and "83,33" not in lama
    assert "83,33" in baru


def test_the_signed_report_keeps_the_follow_up_status_as_signed(situs) -> None:
    lama = _teks(situs / "laporan" / "2025-s1-versi-1" / "index.html")
    unit = _teks(situs / "opd" / "dukcapil" / "index.html")
    assert "Menambah loket" in lama and "Rencana" in lama and "Selesai" not in lama
    assert "Selesai" in unit  # the unit page shows where the plan is now


def test_every_period_has_a_page_with_the_ten_sop_steps(situs) -> None:
    teks = _teks(situs / "alur" / "2025-s1" / "index.html")
    for no in range(1, 11):
        assert re.search(rf"\b{no} [A-Z]", teks), no
    assert "3 minggu" in teks and "30 menit" in teks
    assert "5 September 2025" in teks  # step 9 from the sign-off
    assert "10 Juli 2025" in teks  # steps 6 and 7 from the receipt
    assert "Sekretaris Daerah (tanda tangan)" in teks
