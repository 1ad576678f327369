"""Chart specifications: what the views say a chart shows (points with the app's texts, reference lines,
bands, uncertain points), drawn by Plotly (charts.figure) and by the deck from the same data."""

import ast
import io
from pathlib import Path

import pandas as pd
import pytest
from pptx import Presentation
from pptx.oxml.ns import qn
from test_export_support import chart, page, sql

from regionstats import charts, chartspec, formatting, specs
from regionstats.export import pptx_charts, slides
from regionstats.selection import FOCUS_REGIONS, Selection

ROOT = Path(__file__).resolve().parent.parent
FOCUS = Selection()  # the five focus regions and Riket, the latest year
FUNDING = "appropriation_research_msek"


@pytest.fixture(scope="module")
def funding():
    return chart("finansiering", "per_capita", FOCUS)


def expected_per_capita(year: int) -> dict:
    rows = sql("per_capita", indicator=FUNDING, year=year, regions=list(FOCUS_REGIONS) + ["00"])
    return {r.region_name_sv: r.per_capita for r in rows.itertuples()}


def test_funding_spec_holds_the_five_regions_in_swedish_and_riket_with_its_value(funding):
    spec = funding.spec
    assert spec.kind == "bar_h" and pptx_charts.native(spec) and spec.lang == "sv"
    year = int(funding.title.rsplit(" ", 1)[-1])
    expected = expected_per_capita(year)
    (series,) = spec.series
    points = {p.category: p for p in series.points}
    assert set(points) | {p.category for p in spec.missing} == {"Stockholm", "Uppsala", "Västerbotten", "Örebro",
                                                                "Östergötland"}
    for name, point in points.items():
        assert point.value == pytest.approx(expected[name])
        assert point.text == formatting.value(expected[name], "sek_per_capita", 0, "sv")  # e.g. "1 922 kr"
    values = [p.value for p in series.points]
    assert values == sorted(values)  # drawn bottom-up: the best at the top
    assert series.colours[[p.category for p in series.points].index("Örebro")] == charts.HOME
    (riket,) = spec.references
    assert riket.value == pytest.approx(expected["Riket"])
    assert riket.label == "Riket " + formatting.value(expected["Riket"], "sek_per_capita", 0, "sv")


def test_the_renderer_draws_the_reference_as_a_labelled_line(funding):
    fig = charts.figure(funding.spec)
    (riket,) = funding.spec.references
    lines = [s for s in fig.layout.shapes if s.type == "line"]
    assert [(s.x0, s.x1) for s in lines] == [(riket.value, riket.value)]
    assert riket.label in [a.text for a in fig.layout.annotations]
    bar = fig.data[0]
    assert list(bar.y) == [p.category for p in funding.spec.series[0].points]
    assert list(bar.text) == [p.text for p in funding.spec.series[0].points]


def test_lines_are_the_numbers_then_missing_then_references():
    spec = chartspec.ChartSpec(
        "bar_h", "T", "sv",
        [chartspec.Series("kr", [chartspec.Point("Örebro", 893.2, "893 kr"),
                                 chartspec.Point("Uppsala", 5556.2, "5\u00a0556 kr")])],
        missing=[chartspec.Point("Gotland", None, "saknas (ingen befolkning)")],
        references=[chartspec.Reference("Riket 1\u00a0716 kr", 1715.6), chartspec.Reference("Mål", 2000.0)],
        axis_title="kr per invånare")
    assert spec.lines() == ["Örebro: 893 kr", "Uppsala: 5\u00a0556 kr", "Gotland: saknas (ingen befolkning)",
                            "Riket 1\u00a0716 kr", "Mål: 2\u00a0000 (kr per invånare)"]
    assert [r.named(0, "sv") for r in spec.references] == ["Riket 1\u00a0716 kr", "Mål 2\u00a0000"]


def test_missing_and_uncertain_points_come_from_the_frame():
    df = pd.DataFrame({"code": ["18", "03", "05"], "label": ["Örebro", "Uppsala", "Östergötland"],
                       "value": [893.0, 5556.0, None], "text": ["893 kr *", "5 556 kr", "saknas (ej publicerat)"],
                       "status": ["provisional", "published", "missing"]})
    spec = specs.bar_by_region(df, value="value", label="label", code="code", text="text", home="18", lang="sv",
                                title="T", axis_title="kr", status="status", reference=(float("nan"), "Riket"))
    assert [(p.category, p.uncertain) for p in spec.series[0].points] == [("Örebro", True), ("Uppsala", False)]
    assert [(p.category, p.text) for p in spec.missing] == [("Östergötland", "saknas (ej publicerat)")]
    assert spec.references == []  # Riket without a value draws no line
    fig = charts.figure(spec)
    assert list(fig.data[0].marker.pattern.shape) == [charts.HATCH, ""]
    assert list(fig.data[1].y) == ["Östergötland"] and list(fig.data[1].text) == ["saknas (ej publicerat)"]


def test_lines_over_time_spec_keeps_years_home_and_the_band():
    df = pd.DataFrame({"region_code": ["18", "18", "00"], "label": ["Örebro", "Örebro", "Riket"],
                       "year": [2020, 2021, 2021], "rank": [7.0, 6.0, None], "text": ["7", "6", "saknas"]})
    spec = specs.lines_over_time(df, value="rank", code="region_code", label="label", text="text", home="18",
                                  lang="sv", title="T", axis_title="Plats", reversed_axis=True,
                                  band=(0.5, 5.5, "Topp fem"))
    orebro, riket = spec.series
    assert [(p.category, p.value) for p in orebro.points] == [(2020, 7.0), (2021, 6.0)]
    assert orebro.emphasis and orebro.colours == [charts.HOME] and riket.dash
    assert spec.bands == [chartspec.Band("Topp fem", 0.5, 5.5)]
    # the deck's line for the band: the edge of the top five on a reversed (rank) axis
    assert pptx_charts.reference_series(spec, "sv") == [("Topp fem: 1–5", 5.5)]
    fig = charts.figure(spec)
    assert [s.type for s in fig.layout.shapes] == ["rect"]
    assert fig.layout.yaxis.range == (7.7, 0.3)  # the worst place (7) at the foot, 1 at the top


def test_the_world_trend_is_a_native_rank_chart_with_its_top_five_edge():
    view = next(c for c in page("varlden", Selection(home="01")).charts if c.key == "world_trend")
    assert view.spec.kind == "line" and view.spec.reversed_axis
    assert ("Topp fem: 1–5", 5.5) in pptx_charts.reference_series(view.spec, "sv")
    assert charts.figure(view.spec).layout.yaxis.type == "log"


def test_picture_kinds_carry_their_numbers_for_the_speaker_notes():
    view = next(c for c in page("karta", FOCUS).charts if c.key.startswith("map_"))
    assert view.spec.kind == "map" and not pptx_charts.native(view.spec)
    lines = view.spec.lines()
    assert lines[0].startswith("1. ") and all(":" in line for line in lines)
    assert len(lines) == 21  # every county, ranked first, 'saknas' last
    matrix = chart("oversikt", "top_five_matrix", FOCUS)
    assert matrix.spec.kind == "matrix" and {c.row for c in matrix.spec.cells} == set(matrix.data.row)


def test_a_deck_slide_is_drawn_from_the_spec_alone(funding):
    """The native chart reads view.spec alone (a ChartView holds no figure)."""
    prs = Presentation()
    slides.chart_slide(prs, funding, "sv", None)
    chart_ = next(s.chart for s in prs.slides[0].shapes if s.has_chart)
    assert chart_._chartSpace.chart.plotArea.find(qn("c:lineChart")) is not None  # Riket as a native line
    names = [c.removesuffix(" (saknas)") for c in chart_.plots[0].categories]
    assert names[0] == "Uppsala"  # best first, from the left
    buffer = io.BytesIO()
    prs.save(buffer)
    notes = Presentation(io.BytesIO(buffer.getvalue())).slides[0].notes_slide.notes_text_frame.text
    assert notes.count(" kr") >= 6  # the five regions and Riket


def test_nothing_reads_plotly_traces_back():
    """export/figdata.py is retired: the deck reads specifications; no module imports it."""
    assert not (ROOT / "regionstats" / "export" / "figdata.py").exists()
    for path in list((ROOT / "regionstats").rglob("*.py")) + list((ROOT / "ui").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        imported = {alias.name for node in ast.walk(tree) if isinstance(node, (ast.Import, ast.ImportFrom))
                    for alias in node.names} | {node.module or "" for node in ast.walk(tree)
                                                if isinstance(node, ast.ImportFrom)}
        assert not [name for name in imported if "figdata" in name], path
    assert "plotly" not in (ROOT / "regionstats" / "chartspec.py").read_text(encoding="utf-8")


def test_the_rank_bump_chart_is_native_with_place_one_at_the_top_and_the_top_five_edge():
    """Read back from Plotly, the bump chart's reversed axis (set as a range) was lost: the deck drew place
    1 at the foot and the band's edge at 0.5. The spec says it."""
    view = next(c for c in page("rankningar", FOCUS).charts if c.key.startswith("bump_"))
    assert view.spec.kind == "line" and view.spec.reversed_axis
    prs = Presentation()
    slides.chart_slide(prs, view, "sv", None)
    chart_ = next(s.chart for s in prs.slides[0].shapes if s.has_chart)
    assert chart_.value_axis.reverse_order
    edge = [s for s in chart_.plots[0].series if s.name == "Topp fem: 1–5"]
    assert edge and set(edge[0].values) == {5.5}


def test_the_chosen_regions_are_framed_among_all_21_on_screen_and_on_the_slide():
    view = chart("finansiering", "all_regions", FOCUS)
    framed = {p.category for p in view.spec.series[0].points if p.outlined}
    assert framed and framed <= {"Stockholm", "Uppsala", "Västerbotten", "Örebro", "Östergötland"}
    bar = charts.figure(view.spec).data[0]
    assert {y for y, w in zip(bar.y, bar.marker.line.width) if w} == framed
    prs = Presentation()
    slides.chart_slide(prs, view, "sv", None)
    chart_ = next(s.chart for s in prs.slides[0].shapes if s.has_chart)
    categories = list(chart_.plots[0].categories)
    bordered = set()
    for point in chart_.plots[0].series[0]._element.findall(qn("c:dPt")):
        line = point.find(".//" + qn("a:ln"))
        if line is not None and line.find(qn("a:solidFill")) is not None:
            bordered.add(categories[int(point.find(qn("c:idx")).get("val"))])
    assert bordered == framed
