"""Files and values that must not pass, and command-line misuse that must not give a traceback (issue #14).

Every case ends in a clear message in the user's language with its line, and data/ unchanged.
"""

import io
import zipfile

import openpyxl
import pytest
from test_import_support import copy_fixture_data, csv_bytes, run, snapshot

from regionstats.importing import ImportProblem, apply_import, plan_import_from_upload
from regionstats.importing.readers import MAX_COLUMNS

SRC = "orebro_ls_strategy_2021"
HEADER = "region_code;indicator_id;year;value;source_id;note"


@pytest.fixture
def data_dir(tmp_path, monkeypatch):
    return copy_fixture_data(tmp_path, monkeypatch)


def refused(data_dir, name, raw):
    before = snapshot(data_dir)
    report = plan_import_from_upload(data_dir, name, raw)
    assert snapshot(data_dir) == before
    assert report.refused, report.text("en")
    return report.refused[0].code, report.problem_messages("sv")[0], report.problem_messages("en")[0]


# --- CSV: no silent row loss ------------------------------------------------------------------


def test_an_unterminated_quote_is_refused_with_its_line(data_dir):
    raw = csv_bytes(f'18;alf_msek;2021;70;{SRC};"en anteckning', f"03;alf_msek;2021;1;{SRC};",
                    f"05;alf_msek;2021;1;{SRC};", header=HEADER)
    code, sv, en = refused(data_dir, "note.csv", raw)
    assert code == "unclosed_quote"
    assert sv == ('note.csv: rad 2: ett citattecken (") öppnas men stängs aldrig; resten av filen skulle bli '
                  "en enda cell")
    assert "line 2" in en


def test_a_quote_that_swallows_rows_is_refused_naming_both_lines(data_dir):
    raw = csv_bytes(f'18;alf_msek;2021;70;{SRC};"början', f"03;alf_msek;2021;1;{SRC};",
                    f'05;alf_msek;2021;1;{SRC};slut"', f"06;alf_msek;2021;1;{SRC};", header=HEADER)
    code, sv, _ = refused(data_dir, "note.csv", raw)
    assert code == "swallowed_rows"
    assert "rad 2" in sv and "rad 4" in sv


def test_a_quoted_note_over_two_lines_is_still_fine(data_dir):
    raw = csv_bytes(f'18;alf_msek;2026;70;{SRC};"första raden\nandra raden"', header=HEADER)
    report = plan_import_from_upload(data_dir, "note.csv", raw)
    assert report.ok and report.added[0].new["note"] == "första raden\nandra raden"


def test_a_header_of_200000_columns_is_refused_not_crashed(data_dir):
    raw = (";".join(f"c{i}" for i in range(200_000)) + "\n1;2\n").encode()
    code, sv, en = refused(data_dir, "wide.csv", raw)
    assert code == "too_many_columns"
    assert en == f"wide.csv: line 1 has 200000 columns; the limit is {MAX_COLUMNS}"


def test_a_long_cell_is_called_long_not_binary(data_dir):
    raw = csv_bytes(f"18;alf_msek;2026;70;{SRC};{'x' * 150_000}", header=HEADER)
    code, sv, _ = refused(data_dir, "long.csv", raw)
    assert code == "cell_too_long" and "binär" not in sv
    assert sv == "long.csv: rad 2: en cell är längre än 100000 tecken"


def test_a_duplicate_header_is_called_a_duplicate(data_dir):
    raw = csv_bytes(f"18;alf_msek;2026;70;71;{SRC}", header="region_code;indicator_id;year;value;värde;source_id")
    code, sv, en = refused(data_dir, "dup.csv", raw)
    assert code == "duplicate_column"
    assert en == "dup.csv: the column “värde” appears twice (columns 4 and 5); remove one of them"


# --- XLSX: the used range is checked before reading -------------------------------------------


def far_cell_workbook(keep_dimension: bool) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["region_code", "indicator_id", "year", "value", "source_id"])
    sheet.cell(row=1_048_576, column=16_384, value=1)
    out = io.BytesIO()
    book.save(out)
    if keep_dimension:
        return out.getvalue()
    cleaned = io.BytesIO()
    with zipfile.ZipFile(out) as source, zipfile.ZipFile(cleaned, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = data.replace(b'<dimension ref="A1:XFD1048576"/>', b"")
            target.writestr(item, data)
    return cleaned.getvalue()


def test_one_cell_at_xfd1048576_is_refused_from_the_used_range(data_dir):
    raw = far_cell_workbook(keep_dimension=True)
    assert len(raw) < 10_000
    code, sv, _ = refused(data_dir, "far.xlsx", raw)
    assert code == "sheet_too_large"
    assert "A1:XFD1048576" in sv and "Ta bort tomma rader och kolumner" in sv


def test_one_far_cell_without_a_declared_range_is_refused_while_reading(data_dir):
    code, _, en = refused(data_dir, "far.xlsx", far_cell_workbook(keep_dimension=False))
    assert code in ("too_many_rows", "sheet_too_large"), en


# --- values that must not pass ----------------------------------------------------------------


@pytest.mark.parametrize("year", ["2041%", "2 038", "2.040e3", "2024.5", "20 24"])
def test_years_that_are_not_written_as_years_are_refused(year, data_dir):
    report = plan_import_from_upload(data_dir, "y.csv", csv_bytes(f"18;alf_msek;{year};1;{SRC};", header=HEADER))
    assert [i.code for i in report.rejected] == ["not_year"]
    assert f"”{year}” är inte ett årtal" in report.problem_messages("sv")[0]


@pytest.mark.parametrize("value", ["1e-300", "0,5", "305643,7"])
def test_a_population_must_be_whole_persons(value, data_dir):
    report = plan_import_from_upload(data_dir, "p.csv", csv_bytes(f"18;population;2026;{value};{SRC};",
                                                                 header=HEADER))
    assert [i.code for i in report.rejected] == ["not_whole"]
    assert "is not a whole number, but inhabitants are counted in whole numbers" in report.problem_messages("en")[0]


def test_a_year_beyond_next_year_needs_explicit_confirmation(data_dir, capsys, tmp_path):
    upload = tmp_path / "alf2040.csv"
    upload.write_bytes(csv_bytes(f"18;alf_msek;2040;70;{SRC};", header=HEADER))
    report = plan_import_from_upload(data_dir, upload.name, upload.read_bytes())
    assert report.ok and report.can_apply and [i.code for i in report.confirmations] == ["future_year"]
    assert "året 2040 ligger efter" in report.text("sv")
    before = snapshot(data_dir)
    with pytest.raises(ImportProblem) as info:
        apply_import(data_dir, report)
    assert info.value.code == "needs_confirmation" and snapshot(data_dir) == before
    code, output = run(capsys, "--data-dir", data_dir, "import", upload, "--yes")
    assert code == 1 and "--confirm-warnings" in output and snapshot(data_dir) == before
    apply_import(data_dir, report, confirmed=True)
    assert snapshot(data_dir) != before


def test_next_year_needs_no_confirmation(data_dir):
    import datetime as dt

    year = dt.date.today().year + 1
    report = plan_import_from_upload(data_dir, "n.csv", csv_bytes(f"18;alf_msek;{year};70;{SRC};", header=HEADER))
    assert report.can_apply and not report.confirmations


# --- command line -----------------------------------------------------------------------------


def test_template_into_a_folder_is_one_clear_line(tmp_path, capsys):
    code, output = run(capsys, "template", "--out", tmp_path)
    assert code == 2 and output.strip() == f"fel: {tmp_path} är en mapp; ange ett filnamn, t.ex. {tmp_path / 'mall.csv'}"
    code, output = run(capsys, "--lang", "en", "template", "--out", tmp_path / "missing" / "t.csv")
    assert code == 2 and output.strip() == f"error: the folder {tmp_path / 'missing'} does not exist"


def test_template_to_a_full_disk_is_one_clear_line(capsys):
    code, output = run(capsys, "--lang", "en", "template", "--out", "/dev/full")
    assert code == 1 and output.strip() == "error: could not write /dev/full (No space left on device)"


def test_a_deeply_nested_mapping_is_one_clear_line(data_dir, tmp_path, capsys):
    upload, mapping = tmp_path / "wide.csv", tmp_path / "deep.json"
    upload.write_bytes(b"Indikator;Orebro\nForskning;1\n")
    mapping.write_text("[" * 100_000 + "]" * 100_000)
    before = snapshot(data_dir)
    code, output = run(capsys, "--data-dir", data_dir, "import", upload, "--mapping", mapping)
    assert code == 2 and "Traceback" not in output
    assert output.strip() == "fel: deep.json: mappningen är ogiltig: JSON nested too deep"
    assert snapshot(data_dir) == before


def test_a_deeply_nested_json_upload_is_refused(data_dir):
    code, _, en = refused(data_dir, "deep.json", b"[" * 100_000 + b"]" * 100_000)
    assert code == "json_not_jsonstat" and "nested too deep" in en


def test_text_after_a_closing_quote_is_explained_in_the_users_language(data_dir):
    raw = csv_bytes(f'18;alf_msek;2026;70;{SRC};"a"b', header=HEADER)
    code, sv, en = refused(data_dir, "q.csv", raw)
    assert code == "bad_quoting"
    assert sv == "q.csv: rad 2: citattecknen går inte att tolka (efter ett avslutande citattecken ska ”;” eller radslut komma)"
    assert "a closing quote must be followed by “;”" in en
