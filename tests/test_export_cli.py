"""`python -m regionstats export slides|pdf|xlsx`: the files it writes, reopened, and its usage errors.

The PDF test starts the real dashboard on a free port (as the command does) and prints a page with
Debian's Chromium; the PDF is reopened with pypdf for its pages, paper size and text.
"""

import io
import re

import openpyxl
import pytest
from pptx import Presentation
from pypdf import PdfReader
from test_export_support import FUNDING_INDICATOR, page, sql

from regionstats import formatting
from regionstats.cli import main
from regionstats.export import images

ARGS = ["--regions", "01,03,18,00", "--home", "18", "--years", "2019-2021"]


def test_slides_from_the_command_line(tmp_path, capsys):
    out = tmp_path / "möte" / "bildspel.pptx"
    out.parent.mkdir()  # export, like template, refuses a folder that does not exist
    assert main(["export", "slides", *ARGS, "--pages", "oversikt,finansiering", "--lang", "sv",
                 "--out", str(out)]) == 0
    assert f"Skrev {out}" in capsys.readouterr().out
    deck = Presentation(str(out))
    charts = page("oversikt").charts + page("finansiering").charts
    titles = [s.shapes.title.text for s in deck.slides]
    assert titles[1:1 + len(charts)] == [c.title for c in charts]
    assert titles[-1].startswith("Definitioner och källor")


def test_xlsx_from_the_command_line_has_a_sheet_per_chart_and_sources(tmp_path):
    out = tmp_path / "data.xlsx"
    assert main(["export", "xlsx", *ARGS, "--pages", "finansiering", "--lang", "en", "--out", str(out)]) == 0
    book = openpyxl.load_workbook(out)
    charts = page("finansiering").charts
    assert book.sheetnames == [c.key[:31] for c in charts] + ["Sources"]
    sheet = book[charts[0].key[:31]]
    header = [c.value for c in sheet[1]]
    rows = {r[header.index("region_code")]: r for r in sheet.iter_rows(min_row=2, values_only=True)}
    expected = sql("per_capita", indicator=FUNDING_INDICATOR, year=2021, regions=["01", "03", "18", "00"])
    for row in expected.itertuples():
        got = rows[row.region_code][header.index("per_capita")]
        if formatting.is_missing(row.per_capita):
            assert got is None
        else:
            assert got == pytest.approx(row.per_capita)


@pytest.mark.parametrize("argv,message", [
    (["--pages", "finans"], "okänd sida ”finans”"),
    (["--regions", "01,99"], "okända regionkoder: 99"),
    (["--years", "1990-2019"], "--years ska vara ÅÅÅÅ eller ÅÅÅÅ-ÅÅÅÅ"),
    (["--years", "2021-2019"], "--years ska vara ÅÅÅÅ eller ÅÅÅÅ-ÅÅÅÅ"),
])
def test_usage_errors_say_what_is_wrong_and_exit_2(tmp_path, capsys, argv, message):
    assert main(["export", "slides", *argv, "--out", str(tmp_path / "x.pptx")]) == 2
    assert message in capsys.readouterr().err
    assert not (tmp_path / "x.pptx").exists()


def test_pdf_takes_one_page(tmp_path, capsys):
    assert main(["export", "pdf", "--pages", "oversikt,finansiering", "--lang", "en",
                 "--out", str(tmp_path / "x.pdf")]) == 2
    assert "pdf takes one page at a time" in capsys.readouterr().err


def test_pdf_without_chromium_says_so_and_exits_1(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(images, "find_chromium", lambda: None)
    assert main(["export", "pdf", "--pages", "finansiering", "--out", str(tmp_path / "x.pdf")]) == 1
    assert images.ChromiumMissing.message("sv") in capsys.readouterr().err


def normalised(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def test_pdf_is_a4_landscape_with_the_page_and_its_numbers(tmp_path):
    out = tmp_path / "finansiering.pdf"
    assert main(["export", "pdf", *ARGS, "--pages", "finansiering", "--out", str(out)]) == 0
    reader = PdfReader(io.BytesIO(out.read_bytes()))
    charts = page("finansiering").charts
    # a chart and the notes under it (sums of universities, missing reasons) on one sheet: a sheet per chart
    # at most, and one more for the heading; more would mean split charts, blank or repeated pages
    assert 1 <= len(reader.pages) <= len(charts) + 1
    sheets = [normalised(sheet.extract_text()) for sheet in reader.pages]
    for view in charts:  # the title, the source line and the last note of a chart on the same sheet
        ends = [normalised(view.title), normalised(view.source_note)[:60], normalised(view.notes[-1])[-60:]]
        assert any(all(end in sheet for end in ends) for sheet in sheets), (view.title, ends)
    for sheet in reader.pages:
        width, height = float(sheet.mediabox.width), float(sheet.mediabox.height)
        # A4 landscape: 297 × 210 mm in points
        assert width == pytest.approx(841.9, abs=1.5) and height == pytest.approx(595.3, abs=1.5)
    text = normalised(" ".join(p.extract_text() for p in reader.pages))
    assert "Finansiering per invånare" in text
    for view in charts:
        assert normalised(view.title) in text
    uppsala = sql("per_capita", indicator=FUNDING_INDICATOR, year=2021, regions=["03"]).per_capita.iloc[0]
    assert normalised(formatting.value(uppsala, "sek_per_capita", 0, "sv")) in text
    assert "Skapad" in text  # the footer with the date
    assert "Ladda ned" not in text  # buttons are not printed
