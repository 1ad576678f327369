"""Views as data: given these rows, the chart specification has these points, texts, references and
uncertain flags, checked without Streamlit or Plotly; then each renderer (Plotly, PowerPoint) draws every
kind of chart from a specification alone."""

import ast
import io
import subprocess
import sys
from dataclasses import fields
from functools import partial
from pathlib import Path

import pandas as pd
import pytest
from PIL import Image
from pptx import Presentation

from regionstats import charts, chartspec, queries, specs
from regionstats.chartspec import HOME, OTHER, RIKET, Break, Cell, ChartSpec, Point, Series
from regionstats.export import pptx_charts, slides
from regionstats.selection import Selection
from regionstats.views import ChartView, Context, citations

NBSP = "\u00a0"
ROOT = Path(__file__).resolve().parent.parent


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return ({alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}
            | {f"{node.module}.{alias.name}" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)
               for alias in node.names})


def test_views_import_no_plotly_and_hold_no_figure():
    for path in (ROOT / "regionstats" / "views").glob("*.py"):
        found = [m for m in imported_modules(path) if m.startswith("plotly") or m == "regionstats.charts"]
        assert not found, (path.name, found)
    loaded = subprocess.run([sys.executable, "-c", "import sys, regionstats.views.registry, regionstats.specs; "
                             "print(sorted(m for m in sys.modules if m.startswith('plotly') or m == 'regionstats.charts'))"],
                            cwd=ROOT, capture_output=True, text=True, check=True).stdout.strip()
    assert loaded == "[]"
    assert "figure" not in {f.name for f in fields(ChartView)}


def test_the_renderers_read_the_spec_and_nothing_else():
    """Neither renderer takes a frame: the Plotly one and the deck's import no pandas and no view."""
    for path in (ROOT / "regionstats" / "charts.py", ROOT / "regionstats" / "export" / "pptx_charts.py"):
        found = [m for m in imported_modules(path) if m.split(".")[0] == "pandas" or m.startswith("regionstats.views")]
        assert not found, (path.name, found)


def bars_frame():
    return pd.DataFrame({"code": ["18", "03", "05", "01"], "label": ["Örebro", "Uppsala", "Östergötland", "Stockholm"],
                         "value": [893.0, 5556.0, None, 1200.0], "text": ["893 kr *", "5 556 kr", "saknas (ej publicerat)", ""],
                         "status": ["provisional", "published", "missing", "conflicting"]})


def test_bars_by_region_are_best_first_with_missing_apart_and_uncertain_marked():
    spec = specs.bar_by_region(bars_frame(), value="value", label="label", code="code", text="text", home="18",
                               lang="sv", title="T", axis_title="kr", status="status", framed={"03"},
                               reference=(1716.0, "Riket 1 716 kr"), threshold=(1500.0, "Femte"))
    (series,) = spec.series
    # drawn bottom-up: the best (Uppsala) last, at the top
    assert [(p.category, p.value, p.state) for p in series.points] == [
        ("Örebro", 893.0, "provisional"), ("Stockholm", 1200.0, "conflicting"), ("Uppsala", 5556.0, None)]
    assert [p.uncertain for p in series.points] == [True, True, False]
    assert [p.text for p in series.points] == ["893 kr *", f"1{NBSP}200", "5 556 kr"]  # no text: the number
    assert [p.outlined for p in series.points] == [False, False, True]
    assert series.colours == [HOME, OTHER, OTHER]
    assert [(p.category, p.value, p.text) for p in spec.missing] == [("Östergötland", None, "saknas (ej publicerat)")]
    assert [(r.label, r.value, r.dash) for r in spec.references] == [("Femte", 1500.0, "dot"),
                                                                     ("Riket 1 716 kr", 1716.0, "dash")]


def test_lines_over_time_one_series_per_region_home_thicker_riket_dashed():
    df = pd.DataFrame({"region_code": ["18", "00", "18", "01"], "label": ["Örebro", "Riket", "Örebro", "Stockholm"],
                       "year": [2021, 2021, 2020, 2021], "value": [6.0, 5.5, 7.0, 1.0], "text": ["6", "5,5", "7", "1"],
                       "status": ["published", "published", "provisional", "published"]})
    spec = specs.lines_over_time(df, value="value", code="region_code", label="label", text="text", home="18",
                                 lang="sv", title="T", axis_title="Plats", status="status", band=(0.5, 5.5, "Topp fem"))
    by_name = {s.name: s for s in spec.series}
    orebro, riket = by_name["Örebro"], by_name["Riket"]
    assert [(p.category, p.value, p.uncertain) for p in orebro.points] == [(2020, 7.0, True), (2021, 6.0, False)]
    assert orebro.emphasis and orebro.width == 4 and orebro.colours == [HOME]
    assert riket.dash and riket.colours == [RIKET] and not by_name["Stockholm"].dash
    assert spec.bands == [chartspec.Band("Topp fem", 0.5, 5.5)]


def test_published_bands_are_points_with_low_and_high_in_the_universitys_legend_group():
    df = pd.DataFrame({"code": ["u", "u", "u"], "label": ["U-uni"] * 3, "year": [2022, 2023, 2024],
                       "value": [380.0, None, None], "value_low": [None, 351.0, None], "value_high": [None, 400.0, None],
                       "value_text": ["380", "351–400", None], "status": ["published", "provisional", "published"]})
    spec = specs.rank_bands_over_time(df, code="code", label="label", home="u", lang="sv", title="T",
                                      axis_title="Plats", band_label="intervall", status="status")
    exact, bands = spec.series
    assert [(p.category, p.value, p.text) for p in exact.points] == [(2022, 380.0, "380")]
    assert [(p.category, p.low, p.high, p.text, p.uncertain) for p in bands.points] == [
        (2023, 351.0, 400.0, "351–400", True)]
    assert bands.name == "U-uni (intervall)" and exact.group == bands.group == "U-uni"
    assert spec.reversed_axis


def test_a_scatter_point_holds_both_values_and_says_them_in_its_text():
    df = pd.DataFrame({"code": ["01", "03", "00", "05"], "label": ["Stockholm", "Uppsala", "Riket", "Östergötland"],
                       "pubs": [100.0, 50.0, 900.0, None], "cit": [11.0, 9.0, 10.0, 8.0],
                       "status": ["published", "provisional", "published", "published"]})
    spec = specs.scatter_labelled(df, x="pubs", y="cit", code="code", label="label", home="03", lang="sv", title="T",
                                  x_title="Publikationer", y_title="Citeringar", hline=(10.0, "Världen"), status="status")
    (series,) = spec.series
    assert [(p.category, p.x, p.value, p.uncertain) for p in series.points] == [
        ("Uppsala", 50.0, 9.0, True), ("Riket", 900.0, 10.0, False), ("Stockholm", 100.0, 11.0, False)]
    assert series.colours == [HOME, RIKET, OTHER]  # Östergötland has no volume: not drawn
    assert series.points[0].text == "Publikationer 50; Citeringar 9"
    assert (spec.x_title, spec.axis_title) == ("Publikationer", "Citeringar")
    assert [(r.label, r.value) for r in spec.references] == [("Världen", 10.0)]


def test_rank_dots_worst_first_the_highlighted_in_the_accent_colour_and_the_top_five_band():
    df = pd.DataFrame({"code": ["01", "x", "y"], "label": ["Stockholm", "Boston", "Okänd"], "rank": [16.0, 1.0, None],
                       "text": ["16", "1", "saknas"]})
    spec = specs.rank_dots(df, rank="rank", label="label", code="code", text="text", highlight={"01"}, lang="sv",
                           title="T", axis_title="Plats", band_label="Topp fem")
    (series,) = spec.series
    assert [(p.category, p.value) for p in series.points] == [("Stockholm", 16.0), ("Boston", 1.0)]
    assert series.colours == [HOME, OTHER]
    assert [(b.low, b.high) for b in spec.bands] == [(0.5, 5.5)]


def test_the_profile_is_one_series_of_scores_per_region():
    df = pd.DataFrame({"code": ["18", "18", "01"], "label": ["Örebro", "Örebro", "Stockholm"],
                       "row": ["Citeringar", "Anslag", "Citeringar"], "score": [0.5, 1.0, 0.0],
                       "text": ["0,5", "1,0", "0,0"], "status": ["published", "conflicting", "published"]})
    spec = specs.dot_strip(df, x="score", row="row", code="code", label="label", text="text", home="18", lang="sv",
                           title="T", x_title="Poäng 0–1", status="status")
    orebro, stockholm = spec.series
    assert [(p.category, p.value, p.uncertain) for p in orebro.points] == [("Citeringar", 0.5, False),
                                                                          ("Anslag", 1.0, True)]
    assert orebro.emphasis and orebro.colours == [HOME] and not stockholm.emphasis


def test_matrix_cells_carry_their_shade_and_undetermined_rows_get_a_heading():
    df = pd.DataFrame({
        "row": ["Anslag", "Anslag", "Patent", "Citeringar"], "column": ["Örebro", "Uppsala", "Örebro", "Örebro"],
        "rank": [3.0, 7.0, 2.0, None], "decisive": [True, True, False, True], "in_top_five": [True, False, True, None],
        "cell": ["3", "7", "2", ""], "hover": ["plats 3", "plats 7", "för få", "saknas"],
        "undetermined": [False, False, True, False]})
    spec = specs.top_five_matrix_spec(df, lang="sv", title="T", legend={2: "I", 1: "Utanför", 0: "Kan inte avgöras"},
                                      columns=["Örebro", "Uppsala"], bold_column="Örebro")
    assert [(c.row, c.column, c.text, c.shade) for c in spec.cells] == [
        ("Anslag", "Örebro", "3", 2), ("Anslag", "Uppsala", "7", 1), ("Patent", "Örebro", "2", 0),
        ("Citeringar", "Örebro", "", None)]
    assert spec.rows == ["Anslag", "Kan inte avgöras ↓", "Patent", "Citeringar"]
    assert spec.columns == ["Örebro", "Uppsala"] and spec.highlight == "Örebro"
    assert spec.lines() == ["Anslag:", "  Örebro: 3", "  Uppsala: 7", "Patent:", "  Örebro: 2"]


def test_coverage_cells_come_from_the_grid():
    spec = specs.coverage_matrix([[2, 0], [1, 2]], [["värde", ""], ["saknas i källan", "värde"]], rows=["A", "B"],
                                 cols=["Örebro", "Uppsala"], legend={2: "v", 1: "s", 0: "ej"}, lang="sv", title="T")
    assert [(c.row, c.column, c.shade, c.hover) for c in spec.cells] == [
        ("A", "Örebro", 2, "värde"), ("A", "Uppsala", 0, ""), ("B", "Örebro", 1, "saknas i källan"),
        ("B", "Uppsala", 2, "värde")]


def test_the_map_is_areas_by_place_and_bars_best_first_missing_last():
    df = pd.DataFrame({"code": ["18", "03", "05", "01"], "label": ["Örebro", "Uppsala", "Östergötland", "Stockholm"],
                       "rank": [2.0, 1.0, None, 3.0], "value": [8.0, 9.0, None, 7.0], "text": ["8 *", "9", "saknas", "7"],
                       "status": ["provisional", "published", "missing", "published"]})
    spec = specs.ranked_map(df, code="code", label="label", rank="rank", value="value", text="text", home="18",
                            focus={"18", "03"}, lang="sv", title="T", axis_title="kr", rank_title="Plats", decimals=0,
                            status="status")
    assert [(a.code, a.rank, a.frame, a.uncertain) for a in spec.areas] == [
        ("03", 1, "focus", False), ("18", 2, "home", True), ("01", 3, "", False), ("05", None, "", False)]
    (bars,) = spec.series
    assert [(p.category, p.value, p.outlined) for p in bars.points] == [
        ("1. Uppsala", 9.0, True), ("2. Örebro", 8.0, True), ("3. Stockholm", 7.0, False), ("– Östergötland", None, False)]
    assert bars.colours == [OTHER, HOME, OTHER, OTHER] and spec.scale_title == "Plats"


def test_a_view_on_the_hand_written_warehouse_gives_these_points(con):
    """Citeringar on the fixture (tests/conftest.py): Stockholm 11 %, Uppsala 9 % (provisional), Östergötland
    without a value; the world average 10 % as the threshold line."""
    ctx = Context(partial(queries.run, con), Selection(regions=("01", "03", "05"), home="03"))
    average, _, scatter = citations.build(ctx).charts
    (series,) = average.spec.series
    assert [(p.category, p.value, p.uncertain) for p in series.points] == [("Uppsala", 9.0, True),
                                                                          ("Stockholm", 11.0, False)]
    assert [p.text for p in series.points] == ["9 % *", "11 %"]
    assert series.colours == [HOME, OTHER]
    assert [p.category for p in average.spec.missing] == ["Östergötland"]
    assert [(r.value, r.dash) for r in average.spec.references] == [(10.0, "dot")]
    assert [(p.category, p.x, p.value) for p in scatter.spec.series[0].points] == [("Uppsala", 50.0, 9.0),
                                                                                   ("Stockholm", 100.0, 11.0)]


def test_link_tags_in_any_text_of_a_spec_are_changed_before_a_renderer_sees_them():
    spec = ChartSpec("bar_h", "T <a href=x>", "sv", [Series("s", [Point("<a href='x'>Örebro</a>", 1.0, "1")])],
                     cells=[Cell("<a>r", "c", "t", "<a href=y>")], breaks=[Break(2015, "<a>ny metod")])
    safe = chartspec.without_links(spec)  # as the app prepares a cached view, and the image exports
    assert "<a" not in repr(safe) and safe.series[0].points[0].category == "&lt;a href='x'>Örebro&lt;/a>"
    assert safe.breaks[0].x == 2015 and safe.series[0].points[0].value == 1.0
    assert "<a" in repr(spec)  # the cached spec itself is left as it was
    plain = ChartSpec("bar_h", "T", "sv", [Series("s", [Point("Örebro", 1.0, "1")])])
    assert chartspec.without_links(plain) is plain  # nothing to change: the same object, no copy


# --- the renderers: every kind from a spec alone ---------------------------------------------------------

def every_kind() -> dict:
    """One small spec of each kind, from the builders above."""
    lines = pd.DataFrame({"code": ["18", "18"], "label": ["Örebro"] * 2, "year": [2020, 2021], "v": [7.0, 6.0],
                          "text": ["7", "6"]})
    bands = pd.DataFrame({"code": ["u", "u"], "label": ["U"] * 2, "year": [2022, 2023], "value": [380.0, None],
                          "value_low": [None, 351.0], "value_high": [None, 400.0], "value_text": ["380", "351–400"]})
    grouped = pd.DataFrame({"region": ["Örebro", "Örebro", "Uppsala"], "sector": ["stat", "företag", "stat"],
                            "v": [0.4, 1.2, 0.9], "text": ["0,4", "1,2", "0,9"]})
    matrix = pd.DataFrame({"row": ["Anslag"], "column": ["Örebro"], "rank": [3.0], "decisive": [True],
                           "in_top_five": [True], "cell": ["3"], "hover": ["plats 3"]})
    frame = bars_frame().assign(rank=[2.0, 1.0, None, 3.0], score=[0.2, 1.0, None, 0.5], row="Anslag")
    common = {"lang": "sv", "title": "T"}
    spec = {
        "bar_h": specs.bar_by_region(frame, value="value", label="label", code="code", text="text", home="18",
                                     axis_title="kr", reference=(1000.0, "Riket"), **common),
        "bar_v": specs.grouped_bars(grouped, category="region", group="sector", value="v", text="text",
                                    axis_title="%", home_label="Örebro", **common),
        "line": specs.lines_over_time(lines, value="v", code="code", label="label", text="text", home="18",
                                      axis_title="Plats", reversed_axis=True, band=(0.5, 5.5, "Topp fem"), **common),
        "rank_bands": specs.rank_bands_over_time(bands, code="code", label="label", home="u", axis_title="Plats",
                                                 band_label="intervall", **common),
        "scatter": specs.scatter_labelled(frame, x="value", y="rank", code="code", label="label", home="18",
                                          x_title="kr", y_title="Plats", hline=(2.0, "Mitten"), **common),
        "dots": specs.rank_dots(frame, rank="rank", label="label", code="code", text="text", highlight={"18"},
                                axis_title="Plats", band_label="Topp fem", **common),
        "profile": specs.dot_strip(frame, x="score", row="row", code="code", label="label", text="text", home="18",
                                   x_title="0–1", **common),
        "matrix": specs.top_five_matrix_spec(matrix, legend={2: "I", 1: "U", 0: "?"}, bold_column="Örebro", **common),
        "coverage": specs.coverage_matrix([[2, 1]], [["v", "s"]], rows=["A"], cols=["Örebro", "Uppsala"],
                                          legend={2: "v", 1: "s", 0: "ej"}, **common),
        "map": specs.ranked_map(frame, code="code", label="label", rank="rank", value="value", text="text", home="18",
                                focus={"03"}, axis_title="kr", rank_title="Plats", decimals=0, **common),
        "map_europe": specs.europe_map(frame.assign(code=["SE12", "SE11", "DK01", "SE22"]), code="code",
                                       label="label", rank="rank", value="value", text="text", home="SE11",
                                       axis_title="kr", rank_title="Plats", decimals=0, **common),
    }
    spec["line"].breaks = [Break(2021, "Ny metod")]
    return spec


def test_the_builders_cover_every_kind_the_plotly_renderer_draws():
    assert set(every_kind()) == set(charts.RENDERERS)


@pytest.mark.parametrize("kind", sorted(charts.RENDERERS))
def test_plotly_draws_every_kind_from_the_spec_alone(kind):
    spec = every_kind()[kind]
    fig = charts.figure(spec)
    assert fig.layout.title.text == "T" and fig.layout.separators == f",{NBSP}"
    shown = {str(v) for trace in fig.data for values in (trace.text, getattr(trace, "customdata", None))
             if values is not None for v in flat(values)}
    texts = {p.text for s in spec.series for p in s.points if p.text} | {c.hover for c in spec.cells}
    if kind == "scatter":
        texts = {p.category for p in spec.series[0].points}  # the names by the points; the numbers on hover
    assert texts and texts <= shown, (texts, shown)


def flat(values) -> list:
    if isinstance(values, str):
        return [values]
    return [v for item in values for v in flat(item)] if hasattr(values, "__iter__") else [values]


def test_a_series_break_is_a_dotted_line_with_its_label():
    fig = charts.figure(every_kind()["line"])
    dotted = [s for s in fig.layout.shapes if s.type == "line" and s.line.dash == "dot"]
    assert [(s.x0, s.x1) for s in dotted] == [(2021, 2021)]
    assert "Ny metod" in [a.text for a in fig.layout.annotations]


@pytest.mark.parametrize("kind", sorted(charts.RENDERERS))
def test_the_deck_draws_every_kind_from_the_spec_alone(kind):
    """Native kinds as PowerPoint charts holding the spec's values; the rest as the picture of the Plotly
    figure; every slide's speaker notes hold the spec's lines."""
    spec = every_kind()[kind]
    view = ChartView(kind, "T", spec, pd.DataFrame(), "Källa: Pub")
    picture = io.BytesIO()
    Image.new("RGB", slides.PICTURE_PX, "white").save(picture, "PNG")
    prs = Presentation()
    slides.chart_slide(prs, view, "sv", picture.getvalue())
    shapes = prs.slides[0].shapes
    if pptx_charts.native(spec):
        (chart,) = [s.chart for s in shapes if s.has_chart]
        drawn = {v for series in chart.plots[0].series for v in series.values if v is not None}
        assert {p.value for s in spec.series for p in s.points if p.value is not None} <= drawn
    else:
        assert [s for s in shapes if s.shape_type == 13]  # a picture
    notes = prs.slides[0].notes_slide.notes_text_frame.text
    # the coverage matrix has no numbers: the deck's notes take the view's table instead
    assert all(line in notes for line in spec.lines()) and (spec.lines() or kind == "coverage")
    if spec.breaks:
        assert "Ny metod (2021)" in notes
        assert any("Ny metod" in s.text_frame.text for s in shapes if s.has_text_frame)
