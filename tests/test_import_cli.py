"""``python -m regionstats import|undo-import|template|import-history``: a wrong file never touches data."""

import io

import pytest
from test_import_support import (
    GOOD_ROWS,
    IMPORTED_OBSERVATIONS,
    OBS_HEADER,
    copy_fixture_data,
    csv_bytes,
    run,
    snapshot,
    table_snapshot,
    with_part,
    xlsx_bytes,
    zip_bomb,
)

from regionstats.importing import import_lock, template_csv
from regionstats.importing.readers import MAX_BYTES, MAX_ROWS

SRC = "orebro_ls_strategy_2021"

MALFORMED = {
    "bad_encoding": ("data.csv", lambda: b"region_code;year\n\x81\x8d\x90;2021\n",
                     "cannot be read as UTF-8 or Windows-1252"),
    "binary": ("data.csv", lambda: bytes(range(256)) * 4, "is not a text (CSV) file"),
    "zip_bomb": ("data.xlsx", zip_bomb, "the workbook unpacks to 20000"),
    "macro_xlsx": ("data.xlsx",
                   lambda: with_part(xlsx_bytes([["region_code"]]), "xl/vbaProject.bin", b"\x01" * 64),
                   "the workbook contains macros (xl/vbaProject.bin)"),
    "external_link_xlsx": ("data.xlsx", lambda: with_part(xlsx_bytes([["region_code"]]),
                                                          "xl/externalLinks/externalLink1.xml", b"<x/>"),
                           "the workbook links to other files"),
    "too_big": ("data.csv", lambda: csv_bytes(*GOOD_ROWS) + b"#" * MAX_BYTES, "the limit is 5000000 bytes"),
    "too_many_rows": ("data.csv", lambda: csv_bytes(*(GOOD_ROWS[:1] * (MAX_ROWS + 1))),
                      "the file has more than 50000 rows"),
    "unknown_region": ("data.csv", lambda: csv_bytes(f"Örebr;alf_msek;2026;5;;{SRC}"),
                       "unknown region “Örebr”; did you mean 18 (Örebro)?"),
    "unknown_indicator": ("data.csv", lambda: csv_bytes(f"18;alf_mesk;2026;5;;{SRC}"),
                          "unknown indicator “alf_mesk”; did you mean alf_msek"),
    "unit_mismatch": ("data.csv", lambda: csv_bytes(f"18;alf_msek;2026;75000000;SEK;{SRC}"),
                      "the unit “SEK” does not match the indicator's unit MSEK"),
    "negative_money": ("data.csv", lambda: csv_bytes(f"18;alf_msek;2026;-75;;{SRC}"), "-75 is negative"),
    "year_out_of_range": ("data.csv", lambda: csv_bytes(f"18;alf_msek;2300;75;;{SRC}"),
                          "the year 2300 is outside 1990–2100"),
    "duplicate": ("data.csv", lambda: csv_bytes(GOOD_ROWS[0], GOOD_ROWS[1], GOOD_ROWS[0]),
                  "line 4: 18/alf_msek/2026 is already on line 2 of the file"),
    "non_number": ("data.csv", lambda: csv_bytes(f"18;alf_msek;2026;sjuttiofem;;{SRC}"),
                   "“sjuttiofem” is not a number"),
    "missing_source": ("data.csv", lambda: csv_bytes("18;alf_msek;2026;75;;"), "source missing"),
}

@pytest.fixture
def data_dir(tmp_path, monkeypatch):
    return copy_fixture_data(tmp_path, monkeypatch)



@pytest.mark.parametrize("kind", sorted(MALFORMED))
def test_malformed_file_exits_non_zero_and_leaves_the_data_byte_for_byte(kind, data_dir, tmp_path, capsys):
    name, make, message = MALFORMED[kind]
    upload = tmp_path / name
    upload.write_bytes(make())
    before = snapshot(data_dir)
    code, output = run(capsys, "--data-dir", data_dir, "--lang", "en", "import", upload, "--yes")
    assert code == 1
    assert message in output
    assert snapshot(data_dir) == before


def test_malformed_file_message_in_swedish(data_dir, tmp_path, capsys):
    upload = tmp_path / "data.csv"
    upload.write_bytes(csv_bytes(f"18;alf_msek;2026;-75;;{SRC}"))
    code, output = run(capsys, "--data-dir", data_dir, "import", upload, "--yes")
    assert code == 1
    assert "data.csv, rad 2, kolumn value: -75 är negativt, men MSEK kan inte vara mindre än noll" in output
    assert "inget skrivs" in output


@pytest.fixture
def good_upload(tmp_path):
    upload = tmp_path / "alf.csv"
    upload.write_bytes(csv_bytes(*GOOD_ROWS))
    return upload


def test_dry_run_shows_the_report_and_writes_nothing(data_dir, good_upload, capsys):
    before = snapshot(data_dir)
    code, output = run(capsys, "--data-dir", data_dir, "import", good_upload, "--dry-run")
    assert code == 0
    assert "2 läggs till" in output and "18/alf_msek/2026: 75.5" in output and "inget skrevs" in output
    assert snapshot(data_dir) == before


@pytest.mark.parametrize("answer", ["", "n\n", "nej\n"])
def test_without_yes_no_answer_means_nothing_is_written(answer, data_dir, good_upload, capsys, monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO(answer))
    before = snapshot(data_dir)
    code, output = run(capsys, "--data-dir", data_dir, "import", good_upload)
    assert code == 1 and "avbrutet; inget skrevs" in output
    assert snapshot(data_dir) == before


def test_confirmed_import_then_undo_restores_byte_for_byte(data_dir, good_upload, capsys, monkeypatch):
    before = table_snapshot(data_dir)
    monkeypatch.setattr("sys.stdin", io.StringIO("ja\n"))
    code, output = run(capsys, "--data-dir", data_dir, "import", good_upload, "--note", "ALF 2026")
    assert code == 0 and "Importerat" in output
    after = table_snapshot(data_dir)
    assert {n for n in after if after[n] != before[n]} == {IMPORTED_OBSERVATIONS}  # curated files untouched
    assert after[IMPORTED_OBSERVATIONS] == OBS_HEADER + (
        b"18,alf_msek,2026,,,,75.5,\"75,5\",,,published,orebro_ls_strategy_2021,,\r\n"
        b"01,alf_msek,2026,,,,1234,1 234,,,published,orebro_ls_strategy_2021,,\r\n")
    code, output = run(capsys, "--data-dir", data_dir, "import-history")
    assert code == 0 and "alf.csv" in output and "ALF 2026" in output
    code, output = run(capsys, "--data-dir", data_dir, "--lang", "en", "undo-import")
    assert code == 0 and "is undone" in output
    assert table_snapshot(data_dir) == before
    code, output = run(capsys, "--data-dir", data_dir, "--lang", "en", "undo-import")
    assert code == 1 and "there is no import to undo" in output


def test_importing_the_same_file_twice_changes_nothing_the_second_time(data_dir, good_upload, capsys):
    assert run(capsys, "--data-dir", data_dir, "import", good_upload, "--yes")[0] == 0
    before = snapshot(data_dir)
    code, output = run(capsys, "--data-dir", data_dir, "import", good_upload, "--yes")
    assert code == 0 and "Inget att ändra" in output and "2 oförändrade" in output
    assert snapshot(data_dir) == before


def test_another_import_running_gets_the_retry_message(data_dir, good_upload, capsys):
    with import_lock(data_dir):
        before = snapshot(data_dir)
        code, output = run(capsys, "--data-dir", data_dir, "--lang", "en", "import", good_upload, "--yes",
                           "--lock-wait", "0.2")
        assert snapshot(data_dir) == before
    assert code == 1 and "another import is running; try again in a moment" in output


def test_usage_errors_exit_2(data_dir, tmp_path, capsys):
    assert run(capsys, "--data-dir", data_dir, "import", tmp_path / "nothing.csv")[0] == 2
    missing = tmp_path / "nothing.csv"
    assert run(capsys, "--data-dir", data_dir, "import", missing, "--mapping", "x.json")[0] == 2
    code, output = run(capsys, "--data-dir", data_dir, "fetch", "scb-population",
                       "--from", "2024", "--to", "2014")
    assert code == 2 and "från ≤ till" in output
    assert run(capsys, "--data-dir", data_dir, "fetch", "scb-population", "--from", "2020", "--to", "2021",
               "--regions", "Örebro")[0] == 2
    with pytest.raises(SystemExit) as info:
        run(capsys, "import")
    assert info.value.code == 2


def test_wide_table_with_mapping_from_the_command_line(data_dir, tmp_path, capsys):
    upload, mapping = tmp_path / "wide.csv", tmp_path / "mapping.json"
    upload.write_bytes("Indikator;Örebro;Uppsala\nALF-forskning, MSEK;71;209\n".encode("cp1252"))
    mapping.write_text('{"year": 2021, "source_id": "orebro_ls_strategy_2021", "columns": {"Örebro": "18", '
                       '"Uppsala": "03"}, "rows": {"ALF-forskning, MSEK": "alf_msek"}}', encoding="utf-8")
    code, output = run(capsys, "--data-dir", data_dir, "--lang", "en", "import", upload, "--mapping", mapping,
                       "--dry-run")
    assert code == 0
    assert "1 changed, 1 unchanged" in output
    assert "18/alf_msek/2021: 70 (orebro_ls_strategy_2021) → 71" in output


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_template_command_writes_the_template(lang, tmp_path, capsys):
    out = tmp_path / "mall.csv"
    code, _ = run(capsys, "--lang", lang, "template", "--out", out)
    assert code == 0 and out.read_bytes() == template_csv(lang)
    assert run(capsys, "template", "--out", tmp_path / "missing" / "mall.csv")[0] == 2
