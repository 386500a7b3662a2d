"""The ten SOP steps on the record: `skm langkah`, the order rules, `skm status`.

The conftest period 2025-s1 ends 2025-06-30, its deadline is 2025-07-21, and Dukcapil's
report was received on 2025-07-10 (Kecamatan Jaten has not reported).
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from test_cli import skm
from test_pengesahan import SAHKAN

from skm_build.aturan import sop
from skm_build.hitung.langkah import berikutnya, keadaan
from skm_build.kontrak.muat import periksa


def langkah(capsys, data: Path, *argumen: str) -> tuple[int, str, str]:
    return skm(capsys, "langkah", "--data", str(data), "--periode", "2025-s1", *argumen)


def test_sop_standard_times_are_the_sops() -> None:
    assert [x.baku_teks for x in sop.LANGKAH] == [
        "30 menit", "30 menit", "30 menit", "3 hari", "1 hari", "3 minggu", "3 minggu",
        "2 minggu", "2 minggu", "1 minggu"]


def test_a_step_is_recorded_with_date_and_role(data: Path, capsys) -> None:
    kode, out, err = langkah(capsys, data, "1", "--tanggal", "2025-06-02")
    assert (kode, err) == (0, "")
    assert "    - {langkah: 1, tanggal: 2025-06-02, oleh: Kabag}\n" in (
        data / "periode.yaml").read_text(encoding="utf-8")
    assert "Berikutnya: langkah 2" in out


def test_a_step_dated_before_the_step_it_follows_is_refused(data: Path, capsys) -> None:
    assert langkah(capsys, data, "3", "--tanggal", "2025-06-05")[0] == 0
    lama = (data / "periode.yaml").read_bytes()
    kode, _, err = langkah(capsys, data, "5", "--tanggal", "2025-06-04")
    assert kode == 1
    assert re.search(r"periode\.yaml:\d+:tanggal: langkah 5 bertanggal 2025-06-04, lebih awal "
                     r"dari langkah 3", err)
    assert (data / "periode.yaml").read_bytes() == lama


def test_the_paraf_chain_runs_kasubag_kabag_asisten(data: Path, capsys) -> None:
    assert langkah(capsys, data, "4", "--oleh", "Kabag", "--tanggal", "2025-06-10")[0] == 0
    kode, _, err = langkah(capsys, data, "4", "--oleh", "Asisten", "--tanggal", "2025-06-09")
    assert kode == 1 and "urutan paraf Kasubag → Kabag → Asisten → Sekda" in err


def test_paraf_steps_need_a_role_and_the_report_signature_is_sahkan(data: Path,
                                                                   capsys) -> None:
    assert langkah(capsys, data, "9")[0] == 2
    kode, _, err = langkah(capsys, data, "9", "--oleh", "Sekda")
    assert kode == 2 and "skm sahkan" in err
    kode, _, err = langkah(capsys, data, "6")
    assert kode == 2 and "diterima" in err


def test_sign_off_dated_before_the_paraf_is_refused(data: Path, capsys) -> None:
    assert langkah(capsys, data, "9", "--oleh", "Asisten", "--tanggal", "2025-08-20")[0] == 0
    kode, _, err = skm(capsys, "sahkan", "--data", str(data), *SAHKAN)  # 2025-08-18
    assert kode == 1
    assert "lebih awal dari langkah 9 oleh Asisten (2025-08-20)" in err


def test_steps_6_and_7_come_from_the_receipts_and_9_from_the_sign_off(data: Path,
                                                                      capsys) -> None:
    assert langkah(capsys, data, "5", "--tanggal", "2025-06-20")[0] == 0
    assert skm(capsys, "sahkan", "--data", str(data), *SAHKAN)[0] == 0
    d = periksa(data).data
    semua = keadaan(d, "2025-s1", date(2025, 9, 1))  # after the deadline
    l5, l6, l7, l9 = semua[4], semua[5], semua[6], semua[8]
    assert (l6.mulai, l6.selesai, l6.hari, l6.lewat) == (date(2025, 6, 20), date(2025, 7, 10),
                                                         20, False)
    assert "1 dari 2 unit melapor" in l6.keterangan
    assert l7.selesai == date(2025, 7, 10)
    assert l9.selesai == date(2025, 8, 18)
    assert l5.selesai == date(2025, 6, 20)
    assert berikutnya(semua).langkah.nomor == 1  # steps 1–4 were never recorded


def test_a_step_over_its_standard_time_is_flagged_and_the_next_one_is_due(data: Path,
                                                                        capsys) -> None:
    assert langkah(capsys, data, "1", "--tanggal", "2025-06-02")[0] == 0
    assert langkah(capsys, data, "2", "--tanggal", "2025-06-03")[0] == 0  # 30 min → 1 day
    semua = keadaan(periksa(data).data, "2025-s1", date(2025, 6, 3))
    assert semua[1].lewat is True and semua[0].lewat is None
    nanti = berikutnya(semua)
    assert nanti.langkah.nomor == 3 and nanti.jatuh_tempo == date(2025, 6, 3)
    kode, out, _ = skm(capsys, "status", "--data", str(data), "--periode", "2025-s1")
    assert kode == 0
    assert "melebihi mutu baku: langkah 2" in out
    assert "Berikutnya: langkah 3 — Mengetik surat edaran" in out
