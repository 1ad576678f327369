"""Reading uploads: Swedish Excel habits accepted, files that are not what they claim refused."""

import pytest
from test_import_support import csv_bytes, with_part, xlsx_bytes, zip_bomb

from regionstats.importing.problems import UploadRefused
from regionstats.importing.readers import MAX_BYTES, MAX_ROWS, parse_cell, read_upload


@pytest.mark.parametrize("text, value", [
    ("1 234,5", 1234.5), ("1\u00a0234", 1234.0), ("1\u202f234\u00a0567", 1234567.0), ("3,4", 3.4),
    ("3.4", 3.4), ("1.234,5", 1234.5), ("1,234.5", 1234.5), ("1.234.567", 1234567.0), ("12,5 %", 12.5),
    ("−5", -5.0), ("-0,5", -0.5), ("1,5E+06", 1.5e6), ("2158**", 2158.0), (" 42 ", 42.0),
])
def test_numbers_written_the_swedish_or_english_way(text, value):
    assert parse_cell(text).value == value
    assert parse_cell(text).text == text.strip()


@pytest.mark.parametrize("marker", ["x", "..", "–", "-", "X", "…"])
def test_missing_markers_keep_their_text(marker):
    cell = parse_cell(marker)
    assert (cell.missing, cell.value, cell.text) == (True, None, marker)


def test_a_band_keeps_its_bounds():
    cell = parse_cell("351-400")
    assert (cell.value, cell.low, cell.high, cell.text) == (None, 351.0, 400.0, "351-400")


@pytest.mark.parametrize("text", ["abc", "1,2,3x", "nan", "inf", "12-", "1e999", "12 kr", "0x10"])
def test_not_numbers(text):
    with pytest.raises(ValueError):
        parse_cell(text)


ROW = "Örebro;alf_msek;2021;1 234,5;MSEK;källa_ö"


@pytest.mark.parametrize("encoding, expected", [
    ("utf-8", "UTF-8"), ("utf-8-sig", "UTF-8 BOM"), ("cp1252", "Windows-1252"), ("utf-16", "UTF-16"),
])
def test_encodings_excel_writes(encoding, expected):
    sheet = read_upload("data.csv", csv_bytes(ROW, encoding=encoding))
    assert sheet.encoding == expected
    assert sheet.header[0] == "region_code"
    assert sheet.rows == [(2, ["Örebro", "alf_msek", "2021", "1 234,5", "MSEK", "källa_ö"])]


@pytest.mark.parametrize("separator", [";", ",", "\t"])
def test_separator_is_sniffed(separator):
    lines = [["region_code", "indicator_id", "year"], ["18", "alf_msek", "2021"]]
    raw = "".join(separator.join(cells) + "\n" for cells in lines).encode()
    sheet = read_upload("data.txt", raw)
    assert sheet.separator == separator
    assert sheet.rows[0][1] == ["18", "alf_msek", "2021"]


def test_comments_and_blank_lines_are_skipped_but_counted():
    raw = b"# a comment; with a separator\r\n\r\nregion_code;year\r\n\r\n18;2021\r\n"
    sheet = read_upload("data.csv", raw)
    assert (sheet.header_line, sheet.header) == (3, ["region_code", "year"])
    assert sheet.rows == [(5, ["18", "2021"])]


def test_xlsx_cells_become_the_text_a_user_typed():
    raw = xlsx_bytes([["region_code", "indicator_id", "year", "value"], [18, "alf_msek", 2021, 1234.5],
                      ["01", "alf_msek", 2021.0, 70]])
    sheet = read_upload("data.xlsx", raw)
    assert sheet.kind == "xlsx"
    assert [cells for _, cells in sheet.rows] == [["18", "alf_msek", "2021", "1234.5"],
                                                  ["01", "alf_msek", "2021", "70"]]


def refused(name: str, raw: bytes) -> UploadRefused:
    with pytest.raises(UploadRefused) as info:
        read_upload(name, raw)
    sv, en = info.value.message("sv"), info.value.message("en")
    assert sv.startswith(name) and en.startswith(name) and sv != en
    return info.value


REFUSALS = {
    "empty": ("data.csv", lambda: b"", "empty_file"),
    "nul_bytes": ("data.csv", lambda: b"region_code;year\n18;20\x0021\n", "binary"),
    "control_characters": ("data.csv", lambda: b"region_code;year\n\x01\x02\x03;2021\n", "binary"),
    "bad_encoding": ("data.csv", lambda: b"region_code;year\n\x81\x8d\x90;2021\n", "encoding"),
    "zip_named_csv": ("data.csv", lambda: xlsx_bytes([["a"]]), "zip_in_csv"),
    "text_named_xlsx": ("data.xlsx", lambda: b"region_code;year\n", "not_xlsx"),
    "broken_zip": ("data.xlsx", lambda: b"PK\x03\x04" + b"\x00" * 100, "not_xlsx"),
    "old_xls": ("data.xls", lambda: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "old_excel"),
    "ole_named_xlsx": ("data.xlsx", lambda: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "old_excel"),
    "zip_bomb": ("bomb.xlsx", zip_bomb, "zip_bomb"),
    "macros": ("data.xlsx", lambda: with_part(xlsx_bytes([["a"]]), "xl/vbaProject.bin", b"\x01"), "macros"),
    "xlsm": ("data.xlsm", lambda: xlsx_bytes([["a"]]), "macros"),
    "external_links": ("data.xlsx",
                       lambda: with_part(xlsx_bytes([["a"]]), "xl/externalLinks/externalLink1.xml", b"<x/>"),
                       "external_links"),
    "too_big": ("data.csv", lambda: b"a" * (MAX_BYTES + 1), "too_big"),
    "too_many_rows": ("data.csv", lambda: b"year\n" + b"2021\n" * (MAX_ROWS + 1), "too_many_rows"),
    "too_many_xlsx_rows": ("data.xlsx", lambda: xlsx_bytes([["year"]] + [[2021]] * (MAX_ROWS + 1)),
                           "too_many_rows"),
    "pdf": ("data.pdf", lambda: b"%PDF-1.4", "unknown_type"),
    "no_header": ("data.csv", lambda: b"# only a comment\n\n", "no_header"),
}


@pytest.mark.parametrize("kind", sorted(REFUSALS))
def test_files_that_are_not_what_they_claim_are_refused_with_a_reason(kind):
    name, make, code = REFUSALS[kind]
    assert refused(name, make()).code == code


def test_refusal_messages_name_the_reason():
    macros = with_part(xlsx_bytes([["a"]]), "xl/vbaProject.bin", b"x")
    assert "makron" in refused("m.xlsx", macros).message("sv")
    bomb = refused("bomb.xlsx", zip_bomb())
    assert "20000" in bomb.message("en") and "compression ratio" in bomb.message("en")
    assert "rad 2" in refused("data.csv", b"region_code\n\x81\x8d\x90\n").message("sv")
