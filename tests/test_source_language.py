"""#23: the language of a source title in imported sources: given where the importer knows it (Kolada's and SCB's
Swedish titles, Eurostat's English labels), empty (not stated) otherwise; a file written before the column
existed keeps its shape when an import appends to it, and still loads."""

import datetime as dt

from test_import_support import SRC_HEADER, copy_fixture_data, csv_bytes

from regionstats.importing import apply_import, plan_import_from_upload
from regionstats.importing.eurostat import dataset_source
from regionstats.importing.kolada import kolada_source
from regionstats.importing.scb import population_source
from regionstats.validate import load_and_validate

OLD_HEADER = SRC_HEADER.removesuffix(b",language\r\n") + b"\r\n"  # as the importer wrote it before #23
OLD_ROW = b"scb_old_2025,SCB,Folkm\xc3\xa4ngd,https://www.scb.se,,2025-01-01,,,\r\n"


def test_the_importer_gives_the_title_language_where_it_knows_it():
    today = dt.date(2026, 12, 7)
    assert kolada_source("N01951", "kolada.csv", "0" * 64, today)["language"] == "sv"
    assert dataset_source({"label": "GERD by NUTS 2 regions"}, "rd_e_gerdreg", "https://x", today)["language"] == "en"
    url = "https://statistikdatabasen.scb.se/api/v2/tables/TAB638/data?lang=sv&outputFormat=json-stat2"
    assert population_source({"label": "Folkmängd"}, "TAB638", url, {}, today)["language"] == "sv"
    assert population_source({"label": "Population"}, "TAB638", url.replace("lang=sv", "lang=en"), {},
                             today)["language"] == "en"


def test_an_import_appends_to_a_sources_file_without_the_language_column_in_its_shape(tmp_path, monkeypatch):
    data_dir = copy_fixture_data(tmp_path, monkeypatch)
    (data_dir / "imported").mkdir()
    (data_dir / "imported" / "sources.csv").write_bytes(OLD_HEADER + OLD_ROW)
    rows = ["18;alf_msek;2026;75;vr_alf_2027;VR;ALF i siffror;https://www.vr.se;2027"]
    header = "region_code;indicator_id;year;value;source_id;publisher;title;url;published"
    report = plan_import_from_upload(data_dir, "upload.csv", csv_bytes(*rows, header=header))
    apply_import(data_dir, report, note="test")
    written = (data_dir / "imported" / "sources.csv").read_bytes()
    assert written.startswith(OLD_HEADER + OLD_ROW)  # the stored rows keep their bytes
    added = written[len(OLD_HEADER + OLD_ROW):]
    assert added.startswith(b"vr_alf_2027,VR,ALF i siffror,") and added.count(b",") == OLD_HEADER.count(b",")
    tables, issues = load_and_validate(data_dir, imported=True)
    assert issues == []
    sources = tables["sources"].frame().set_index("source_id")
    assert sources.loc["vr_alf_2027", "title"] == "ALF i siffror" and sources["language"].isna().loc["vr_alf_2027"]


def test_the_workbooks_sources_sheet_marks_a_swedish_title_in_english():
    import io

    import openpyxl
    import pandas as pd

    from regionstats.export import tables

    sources = pd.DataFrame({"source_id": ["scb", "euro"], "publisher": ["SCB", "Eurostat"],
                            "title": ["SCB: Folkmängd i riket", "Eurostat: HRST"], "published": ["", ""],
                            "url": ["https://www.scb.se", "https://ec.europa.eu"], "language": ["sv", "en"]})
    frame = pd.DataFrame({"region_code": ["01", "01"], "value": [1, 2], "source_id": ["scb", "euro"]})
    cells = {}
    for lang in ("en", "sv"):
        book = openpyxl.load_workbook(io.BytesIO(tables.xlsx_bytes(frame, lang=lang, sources=sources)))
        cells[lang] = [c.value for row in book.worksheets[-1].iter_rows() for c in row if c.value]
    assert "SCB: Folkmängd i riket (in Swedish)" in cells["en"] and "Eurostat: HRST" in cells["en"]
    assert "SCB: Folkmängd i riket" in cells["sv"] and "Eurostat: HRST" in cells["sv"]
