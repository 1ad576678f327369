"""CSV (BOM), CSV for Swedish Excel and XLSX: round trips with å/ä/ö and decimal commas, and no formulas."""

import io

import openpyxl
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st
from test_export_support import MADE, chart, sql

from regionstats.export import tables

FRAME = pd.DataFrame({
    "region": ["Örebro", "Västerbotten", "Östergötland", "Skåne"],
    "note": ["=HYPERLINK(\"http://x\")", "+46 19 10 00 00", "-1 är inte ett tal här", "@SUM(A1:A2)"],
    "value": [5.4, -3.25, 1715.5, -0.5],
    "count": [1, -2, 3, 4],
})
RISKY = ("=", "+", "-", "@", "\t", "\r")


def test_csv_is_utf8_with_bom_and_round_trips_swedish_letters():
    data = tables.csv_bytes(FRAME)
    assert data.startswith(b"\xef\xbb\xbf")
    back = pd.read_csv(io.BytesIO(data), encoding="utf-8-sig")
    assert list(back["region"]) == ["Örebro", "Västerbotten", "Östergötland", "Skåne"]
    assert list(back["value"]) == [5.4, -3.25, 1715.5, -0.5]
    assert list(back["count"]) == [1, -2, 3, 4]


def test_csv_for_swedish_excel_uses_semicolons_and_decimal_commas():
    data = tables.csv_excel_sv_bytes(FRAME)
    text = data.decode("utf-8-sig")
    assert text.splitlines()[0] == "region;note;value;count"
    assert "Örebro;\"'=HYPERLINK(\"\"http://x\"\")\";5,4;1" in text  # quotes doubled, as CSV does
    assert ";-3,25;-2" in text  # a negative number stays a number: minus sign, decimal comma
    back = pd.read_csv(io.BytesIO(data), sep=";", decimal=",", encoding="utf-8-sig")
    assert list(back["value"]) == [5.4, -3.25, 1715.5, -0.5]
    assert list(back["region"]) == list(FRAME["region"])


def test_text_that_a_spreadsheet_would_run_is_neutralised_but_numbers_are_not():
    back = pd.read_csv(io.BytesIO(tables.csv_bytes(FRAME)), encoding="utf-8-sig")
    assert list(back["note"]) == ["'=HYPERLINK(\"http://x\")", "'+46 19 10 00 00", "'-1 är inte ett tal här",
                                  "'@SUM(A1:A2)"]
    assert tables.neutralise("\tcmd") == "'\tcmd" and tables.neutralise("\r=1") == "'\r=1"
    assert tables.neutralise("Uppsala") == "Uppsala"
    assert tables.neutralise(-5) == -5 and tables.neutralise(-5.5) == -5.5
    hostile_header = pd.DataFrame({"=cmd()": [1]})
    assert tables.csv_bytes(hostile_header).decode("utf-8-sig").splitlines()[0] == "'=cmd()"


@given(st.text(min_size=1, max_size=20))
def test_any_text_round_trips_as_itself_or_with_one_apostrophe(text):
    frame = pd.DataFrame({"text": [text]})
    cell = tables.safe_frame(frame)["text"].iloc[0]
    if text.startswith(RISKY):
        assert cell == "'" + text
    else:
        assert cell == text


def test_xlsx_has_a_data_sheet_a_sources_sheet_numbers_and_no_formulas():
    data = tables.xlsx_bytes(FRAME, lang="sv", title="Titel med å", source_note="Källa: SCB",
                             notes=["Anmärkning ö"], data_version="abc123", made=MADE)
    book = openpyxl.load_workbook(io.BytesIO(data))
    assert book.sheetnames == ["Data", "Källor"]
    sheet = book["Data"]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == ("region", "note", "value", "count")
    assert rows[1] == ("Örebro", "'=HYPERLINK(\"http://x\")", 5.4, 1)
    assert rows[2][2] == -3.25 and rows[2][3] == -2  # negative numbers are numbers
    cells = [c for name in ("Data", "Källor") for row in book[name].iter_rows() for c in row]
    assert not [c.coordinate for c in cells if c.data_type == "f"], "no cell may be a formula"
    assert all(c.data_type == "n" for c in sheet["C"][1:])
    info = [v for row in book["Källor"].iter_rows(values_only=True) for v in row if v]
    assert {"Titel med å", "Källa: SCB", "Anmärkning ö", "abc123", "2025-01-31"} <= set(info)


def test_xlsx_in_english_and_of_a_real_chart_lists_its_sources():
    view = chart("finansiering", "per_capita")
    data = tables.xlsx_bytes(view.data, lang="en", title=view.title, source_note=view.source_note,
                             notes=view.notes, sources=sql("sources"))
    book = openpyxl.load_workbook(io.BytesIO(data))
    assert book.sheetnames == ["Data", "Sources"]
    header = [c.value for c in book["Data"][1]]
    assert "per_capita" in header and "region_name_sv" in header
    rows = book["Data"].iter_rows(min_row=2, values_only=True)
    names = [row[header.index("region_name_sv")] for row in rows]
    assert "Örebro" in names
    info = [v for row in book["Sources"].iter_rows(values_only=True) for v in row if v]
    cited = set(view.data["amount_source_id"].dropna()) | set(view.data["population_source_id"].dropna())
    assert cited and cited <= set(info)


def test_many_sheets_get_unique_names_excel_accepts():
    sheets = [tables.Sheet(FRAME, "a", name="x" * 40), tables.Sheet(FRAME, "b", name="x" * 40),
              tables.Sheet(FRAME, "c", name="a/b:c")]
    book = openpyxl.load_workbook(io.BytesIO(tables.workbook_bytes(sheets, lang="sv")))
    assert book.sheetnames == ["x" * 31, "x" * 27 + " (2)", "a_b_c", "Källor"]


@pytest.mark.parametrize("variant,name", [("csv", "k.csv"), ("csv_sv", "k-excel-sv.csv"), ("xlsx", "k.xlsx")])
def test_file_names(variant, name):
    assert tables.file_name("k", variant) == name
