"""Signed means frozen: `skm sahkan`, `skm revisi` and the digest that guards a sign-off.

The fixture (conftest): period 2025-s1 ends 2025-06-30; Dinas Dukcapil reported four
respondents on 2025-07-10. Signing records who signed and a digest (``sidik``) of
everything the period's numbers come from; from then on a change that would move a
signed number is refused by `skm check` and `skm build`, naming the period and the file.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import CSV_DUKCAPIL, tulis
from test_cli import JAWABAN_JATEN, skm

NIP = "196801011990031001"
SAHKAN = ("--periode", "2025-s1", "--nama", "Drs. Hadi Pranoto, M.Si.", "--nip", NIP,
          "--jabatan", "Sekretaris Daerah", "--tanggal", "2025-08-18")
RTL = """\
diterima: 2025-07-10
populasi: 4
tindak_lanjut:
  - unsur: u3
    kegiatan: Menambah loket
    waktu: Triwulan III 2025
    penanggung_jawab: Sekretaris Dinas
    status: {status}
"""


def sahkan(capsys, data: Path, *lagi: str) -> tuple[int, str, str]:
    return skm(capsys, "sahkan", "--data", str(data), *SAHKAN, *lagi)


def periode_yaml(data: Path) -> str:
    return (data / "periode.yaml").read_text(encoding="utf-8")


# --- skm sahkan --------------------------------------------------------------------------


def test_sahkan_records_signer_nip_date_and_a_sha256_digest(data: Path, capsys) -> None:
    kode, out, err = sahkan(capsys, data)
    assert (kode, err) == (0, "")
    teks = periode_yaml(data)
    assert '    nama: "Drs. Hadi Pranoto, M.Si."\n' in teks
    assert f'    nip: "{NIP}"\n' in teks
    assert "    tanggal: 2025-08-18\n" in teks
    assert re.search(r"\n    sidik: [0-9a-f]{64}\n", teks)
    assert "2025-s1" in out
    assert skm(capsys, "check", "--data", str(data))[0] == 0


def test_sahkan_keeps_the_rest_of_periode_yaml_byte_for_byte(data: Path, capsys) -> None:
    lama = periode_yaml(data)
    assert sahkan(capsys, data)[0] == 0
    baru = periode_yaml(data)
    awal, _, akhir = lama.partition("- id: 2025-s2\n")
    assert baru.startswith(awal) and baru.endswith("- id: 2025-s2\n" + akhir)


def test_sahkan_before_the_period_ended_is_refused(data: Path, capsys) -> None:
    lama = periode_yaml(data)
    kode, _, err = skm(capsys, "sahkan", "--data", str(data), *SAHKAN[:-1], "2025-06-30")
    assert kode == 2
    assert "2025-06-30" in err and "belum selesai" in err
    assert periode_yaml(data) == lama


@pytest.mark.parametrize("nip", ["19680101199003100", "1968010119900310011",
                                 "19680101 1990031001", "1968O1011990031001"])
def test_a_nip_that_is_not_18_digits_is_refused(data: Path, capsys, nip: str) -> None:
    argumen = list(SAHKAN)
    argumen[argumen.index(NIP)] = nip
    kode, _, err = skm(capsys, "sahkan", "--data", str(data), *argumen)
    assert kode == 2
    assert "NIP" in err and "18 angka" in err


def test_signing_twice_is_refused_and_points_to_revisi(data: Path, capsys) -> None:
    assert sahkan(capsys, data)[0] == 0
    kode, _, err = sahkan(capsys, data)
    assert kode == 2
    assert "skm revisi" in err


def test_a_period_without_reports_cannot_be_signed(data: Path, capsys) -> None:
    argumen = ("--periode", "2025-s2", *SAHKAN[2:-1], "2026-02-01")
    kode, _, err = skm(capsys, "sahkan", "--data", str(data), *argumen)
    assert kode == 2
    assert "2025-s2" in err


# --- what the file may hold --------------------------------------------------------------


def test_an_unknown_key_in_pengesahan_is_an_error_not_a_warning(data: Path, capsys) -> None:
    assert sahkan(capsys, data)[0] == 0
    tulis(data, "periode.yaml", periode_yaml(data).replace("    nip:", "    nipp:"))
    kode, _, err = skm(capsys, "check", "--data", str(data))
    assert kode == 1
    assert re.search(r"periode\.yaml:\d+:nipp: .*kunci 'nipp' tidak dikenal", err)


def test_a_hand_typed_nip_of_the_wrong_length_is_an_error_with_its_line(data: Path,
                                                                        capsys) -> None:
    assert sahkan(capsys, data)[0] == 0
    tulis(data, "periode.yaml", periode_yaml(data).replace(NIP, NIP[:-1]))
    kode, _, err = skm(capsys, "check", "--data", str(data))
    assert kode == 1
    assert re.search(r"periode\.yaml:\d+:nip: .*18 angka", err)


def test_a_hand_typed_sign_off_inside_the_period_is_an_error(data: Path, capsys) -> None:
    assert sahkan(capsys, data)[0] == 0
    tulis(data, "periode.yaml", periode_yaml(data).replace("tanggal: 2025-08-18",
                                                           "tanggal: 2025-06-01"))
    kode, _, err = skm(capsys, "check", "--data", str(data))
    assert kode == 1
    assert re.search(r"periode\.yaml:\d+:tanggal: .*sebelum periode 2025-s1 selesai", err)


# --- frozen --------------------------------------------------------------------------------


def test_after_signing_a_changed_answer_is_refused_naming_period_and_file(data: Path,
                                                                          capsys) -> None:
    assert sahkan(capsys, data)[0] == 0
    tulis(data, "survei/2025-s1/dukcapil.csv", CSV_DUKCAPIL.replace("PNS,4,3,", "PNS,4,4,"))
    for perintah in ("check", "build"):
        kode, _, err = skm(capsys, perintah, "--data", str(data))
        assert kode == 1, perintah
        assert "survei/2025-s1/dukcapil" in err
        assert "2025-s1" in err and "disahkan" in err and "skm revisi" in err


def test_after_signing_a_unit_that_reports_late_is_refused(data: Path, capsys) -> None:
    assert sahkan(capsys, data)[0] == 0
    tulis(data, "survei/2025-s1/kecamatan-jaten.yaml", JAWABAN_JATEN)
    kode, _, err = skm(capsys, "check", "--data", str(data))
    assert kode == 1
    assert "survei/2025-s1/kecamatan-jaten" in err


def test_after_signing_a_changed_population_is_refused(data: Path, capsys) -> None:
    assert sahkan(capsys, data)[0] == 0
    tulis(data, "survei/2025-s1/dukcapil.yaml", "diterima: 2025-07-10\npopulasi: 5\n")
    assert skm(capsys, "check", "--data", str(data))[0] == 1


def test_after_signing_the_follow_up_status_may_still_move_on(data: Path, capsys) -> None:
    tulis(data, "survei/2025-s1/dukcapil.yaml", RTL.format(status="rencana"))
    assert sahkan(capsys, data)[0] == 0
    tulis(data, "survei/2025-s1/dukcapil.yaml", RTL.format(status="selesai"))
    kode, _, err = skm(capsys, "check", "--data", str(data))
    assert kode == 0
    # nothing but the note that the fixture's respondent CSV is public (issue 12)
    assert [b for b in err.splitlines() if "baris per responden" not in b] == []


def test_other_periods_stay_open_after_one_is_signed(data: Path, capsys) -> None:
    assert sahkan(capsys, data)[0] == 0
    semester_2 = CSV_DUKCAPIL.replace("2025-02", "2025-08").replace("2025-03", "2025-09")
    tulis(data, "survei/2025-s2/dukcapil.csv", semester_2.replace("2025-04", "2025-10"))
    assert skm(capsys, "check", "--data", str(data))[0] == 0


# --- skm revisi -----------------------------------------------------------------------------


def test_revisi_reopens_as_a_draft_and_keeps_the_signed_version(data: Path, capsys) -> None:
    assert sahkan(capsys, data)[0] == 0
    kode, out, err = skm(capsys, "revisi", "--data", str(data), "--periode", "2025-s1",
                         "--alasan", "Dukcapil mengirim ralat rekap u2", "--tanggal",
                         "2025-09-01")
    assert (kode, err) == (0, "")
    teks = periode_yaml(data)
    assert "  revisi:\n" in teks and "Dukcapil mengirim ralat rekap u2" in teks
    assert "\n  pengesahan:" not in teks  # a draft again
    tulis(data, "survei/2025-s1/dukcapil.csv", CSV_DUKCAPIL.replace("PNS,4,3,", "PNS,4,4,"))
    assert skm(capsys, "check", "--data", str(data))[0] == 0
    assert "skm sahkan" in out


def test_revisi_needs_a_signed_period_and_a_reason(data: Path, capsys) -> None:
    kode, _, err = skm(capsys, "revisi", "--data", str(data), "--periode", "2025-s1",
                       "--alasan", "x")
    assert kode == 2 and "belum disahkan" in err
    assert sahkan(capsys, data)[0] == 0
    kode, _, err = skm(capsys, "revisi", "--data", str(data), "--periode", "2025-s1",
                       "--alasan", "  ")
    assert kode == 2 and "alasan" in err


def test_a_revision_signed_again_is_version_2_with_version_1_still_on_record(
        data: Path, capsys) -> None:
    assert sahkan(capsys, data)[0] == 0
    assert skm(capsys, "revisi", "--data", str(data), "--periode", "2025-s1", "--alasan",
               "ralat", "--tanggal", "2025-09-01")[0] == 0
    tulis(data, "survei/2025-s1/dukcapil.csv", CSV_DUKCAPIL.replace("PNS,4,3,", "PNS,4,4,"))
    kode, _, err = skm(capsys, "sahkan", "--data", str(data), *SAHKAN[:-1], "2025-09-05")
    assert (kode, err) == (0, "")
    teks = periode_yaml(data)
    sidik = re.findall(r"sidik: ([0-9a-f]{64})", teks)
    assert len(sidik) == 2 and sidik[0] != sidik[1]
    assert (data / "pengesahan" / "2025-s1" / "versi-1.md").is_file()
    assert (data / "pengesahan" / "2025-s1" / "versi-2.md").is_file()
    assert skm(capsys, "check", "--data", str(data))[0] == 0
