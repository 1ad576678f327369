"""Hostile and careless use of the command line and the exports (issue #14): one clear line in the
user's language and an exit code, never a traceback; data/ untouched; no formula reaches a workbook."""

import io
import os
import subprocess
import sys
import zipfile
from contextlib import redirect_stderr, redirect_stdout
from unittest import mock
from pathlib import Path

import openpyxl
import pytest
from pptx import Presentation
from pptx.util import Inches

from regionstats import chartspec
from regionstats.cli import main
from regionstats.export import pptx_charts

ROOT = Path(__file__).resolve().parent.parent
FORMULAS = ["=HYPERLINK(\"http://evil.example\",\"klicka\")", "+1+1", "-2+3", "@SUM(A1)"]
pytestmark = pytest.mark.usefixtures("data_untouched")


def cli(*argv: str, pipe_to_head: bool = False) -> subprocess.CompletedProcess:
    """The command as a user runs it, in the served environment (no RAISE_ERRORS): in this process (the
    same ``main`` that ``python -m regionstats`` calls; an escaping exception fails the test), or as a new
    process whose output a ``head`` cuts short."""
    env = {k: v for k, v in os.environ.items() if k != "REGIONSTATS_RAISE_ERRORS"}
    if pipe_to_head:
        command = [sys.executable, "-m", "regionstats", *argv]
        shell = " ".join(f"'{a}'" for a in command) + " | head -c 50 >/dev/null; echo ${PIPESTATUS[0]} >&2"
        return subprocess.run(["bash", "-c", shell], cwd=ROOT, env=env, capture_output=True, text=True,
                              stdin=subprocess.DEVNULL, timeout=300)
    out, err = io.StringIO(), io.StringIO()
    with mock.patch.dict(os.environ, env, clear=True), redirect_stdout(out), redirect_stderr(err):
        try:
            code = main(list(argv))
        except SystemExit as exit_:  # argparse's usage errors
            code = exit_.code
    return subprocess.CompletedProcess(list(argv), code, out.getvalue(), err.getvalue())


def assert_no_traceback(result: subprocess.CompletedProcess) -> None:
    assert "Traceback" not in result.stderr, result.stderr
    assert "Traceback" not in result.stdout


@pytest.mark.parametrize("argv", [
    ["query", "observations", "--format", "json"],  # the longest output; every command ends the same way
    ["template", "--out", "-"],
])
def test_output_cut_short_by_head_ends_quietly(argv):
    result = cli(*argv, pipe_to_head=True)
    assert_no_traceback(result)
    assert "BrokenPipe" not in result.stderr
    assert result.stderr.strip().splitlines()[-1] in {"0", "1"}


@pytest.mark.parametrize("lang,folder_message,file_message,write_message", [
    ("sv", "finns inte; skapa den först", "är en mapp", "kunde inte skriva /dev/full"),
    ("en", "does not exist; create it first", "is a folder", "could not write /dev/full"),
])
def test_export_out_that_cannot_be_written_is_one_line(tmp_path, lang, folder_message, file_message,
                                                       write_message):
    missing = cli("export", "xlsx", "--lang", lang, "--out", str(tmp_path / "saknas" / "x.xlsx"))
    assert missing.returncode == 2 and folder_message in missing.stderr
    assert not (tmp_path / "saknas").exists(), "export refuses a missing folder, as template does"
    folder = cli("export", "xlsx", "--lang", lang, "--out", str(tmp_path))
    assert folder.returncode == 2 and file_message in folder.stderr
    full = cli("export", "xlsx", "--lang", lang, "--out", "/dev/full")
    assert full.returncode == 1 and write_message in full.stderr
    for result in (missing, folder, full):
        assert_no_traceback(result)
        assert len(result.stderr.strip().splitlines()) == 1, result.stderr


def test_template_and_export_agree_on_a_missing_folder(tmp_path):
    template = cli("template", "--out", str(tmp_path / "saknas" / "mall.csv"))
    export = cli("export", "xlsx", "--out", str(tmp_path / "saknas" / "x.xlsx"))
    assert template.returncode == export.returncode == 2
    assert "finns inte" in template.stderr and "finns inte" in export.stderr
    assert not (tmp_path / "saknas").exists()


@pytest.mark.parametrize("argv,message", [
    (["--regions", "01,uni_chalmers"], "okända regionkoder: uni_chalmers"),
    (["--home", "00"], "--home ska vara ett län"),
    (["--home", "uni_chalmers"], "--home ska vara ett län"),
])
def test_export_takes_the_regions_the_app_offers(tmp_path, capsys, argv, message):
    assert main(["export", "xlsx", *argv, "--out", str(tmp_path / "x.xlsx")]) == 2
    assert message in capsys.readouterr().err
    assert not (tmp_path / "x.xlsx").exists()


def test_sql_in_a_parameter_is_a_value_not_sql():
    result = cli("query", "per_capita", "--param", "indicator='; DROP TABLE observations; --",
                 "--param", "year=2021", "--format", "csv")
    assert_no_traceback(result)
    assert result.returncode == 0 and result.stdout.strip().count("\n") == 0  # the header, no rows


@pytest.mark.parametrize("argv", [
    ["query", "per_capita", "--param", "year=99999999999999999999"],
    ["query", "../../etc/passwd"],
    ["export", "slides", "--regions", "[x](http://evil.example)", "--out", "/tmp/x.pptx"],
    ["export", "slides", "--home", "00,01", "--out", "/tmp/x.pptx"],
    ["export", "slides", "--years", "2041%", "--out", "/tmp/x.pptx"],
    ["--data-dir", "/nonexistent", "check"],
    ["--data-dir", "/etc/hostname", "sources"],
])
def test_odd_arguments_are_one_clear_line(argv):
    result = cli(*argv)
    assert_no_traceback(result)
    assert result.returncode in (1, 2)
    assert result.stderr.strip()


def test_an_unexpected_error_is_one_line_not_a_traceback(monkeypatch, capsys):
    from regionstats import cli as cli_module

    def broken(args):
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.delenv("REGIONSTATS_RAISE_ERRORS")
    monkeypatch.setitem(cli_module.COMMANDS, "sources", broken)
    assert main(["--lang", "en", "sources"]) == 1
    err = capsys.readouterr().err
    assert err.strip() == "error: the command was stopped by an internal error (RecursionError: maximum recursion " \
                          "depth exceeded)"


# --- PPTX: the chart's embedded workbook ----------------------------------------------------------


def chart_workbooks(deck_bytes: bytes) -> list:
    with zipfile.ZipFile(io.BytesIO(deck_bytes)) as package:
        return [openpyxl.load_workbook(io.BytesIO(package.read(name)))
                for name in package.namelist() if name.endswith(".xlsx")]


@pytest.mark.parametrize("kind", ["bar_h", "bar_v", "line"])
def test_formula_like_names_in_a_slide_chart_stay_text(kind):
    points = lambda: [chartspec.Point(c if kind != "line" else 2019 + i, 1.0 + i, "1")  # noqa: E731
                      for i, c in enumerate(FORMULAS)]
    series = [chartspec.Series(name, points(), ["#0072B2"]) for name in FORMULAS[:2]]
    missing = [chartspec.Point("=cmd|' /C calc'!A0", None, "")] if kind != "line" else []
    data = chartspec.ChartSpec(kind, "T", "sv", series, missing, axis_title="kr")
    prs = Presentation()
    prs.slide_width, prs.slide_height = Inches(13.333), Inches(7.5)
    pptx_charts.native_chart(prs.slides.add_slide(prs.slide_layouts[6]), data, "sv", Inches(0.5), Inches(1.3),
                             Inches(12.3), Inches(5.3))
    buffer = io.BytesIO()
    prs.save(buffer)
    books = chart_workbooks(buffer.getvalue())
    assert books
    cells = [cell for book in books for sheet in book for row in sheet.iter_rows() for cell in row
             if cell.value is not None]
    assert not [c.value for c in cells if c.data_type == "f"], "a formula reached the chart's workbook"
    texts = {str(c.value) for c in cells}
    for name in FORMULAS[:2]:
        assert "'" + name in texts  # kept, visibly neutralised, as in the CSV/XLSX exports
