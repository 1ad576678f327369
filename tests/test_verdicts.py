"""Top-five verdicts and status marks on the hand-written fixture (conftest.py): what a page, a KPI card, a
matrix cell and an exported slide show for a tie, a count of zero and a provisional value."""

import io

import pytest
from pptx import Presentation

from regionstats import charts, queries, specs
from regionstats.export import slides
from regionstats.selection import Selection
from regionstats.views import Context, label_levels, label_regions, place_text
from regionstats.views import overview, top_five

COUNTIES = ("01", "03", "05", "14", "18", "24")


@pytest.fixture
def ctx(con):
    def run(name, **params):
        return queries.run(con, name, **params)
    return Context(run, Selection(regions=COUNTIES, home="18"))


def test_place_says_among_whom(ctx):
    score = queries.run(ctx_con(ctx), "top_five_gap", indicator="score", year=2020, regions=["18"]).iloc[0]
    assert place_text(ctx, score) == "plats 4 av 6 län"
    place = queries.run(ctx_con(ctx), "top_five_gap", indicator="place", year=2024, regions=["01"]).iloc[0]
    assert place_text(ctx, place) == "publicerad plats 16"  # the list size is not in the fixture's data
    en = Context(ctx.run, ctx.selection.replace(lang="en"))
    assert place_text(en, score) == "rank 4 of 6 counties"


def ctx_con(ctx):
    """The connection behind the fixture context's runner."""
    return ctx.run.__closure__[0].cell_contents


def test_top_five_card_counts_decisive_verdicts_only(ctx):
    gaps = overview.county_gaps(ctx)
    kpi = overview.top_five_kpi(ctx, gaps)
    home = gaps[gaps.region_code == "18"].set_index("indicator_id")
    # Örebro: score 5 (4th, in), share 5 tied across the cut, panels 0 (a count of zero), growth 0 (5th of 5, in)
    assert home.loc["share", "verdict"] == "tied_at_cut" and home.loc["panels", "verdict"] == "zero_count"
    assert home.loc["score", "verdict"] == "in" and home.loc["growth", "verdict"] == "in"
    decisive = home[home.decisive.astype(bool)]
    assert kpi.value == f"{int((decisive.verdict == 'in').sum())} av {len(decisive)}" == "2 av 2"
    assert "räknas inte" in kpi.caption


def test_matrix_cell_marks_a_provisional_value_and_grey_for_not_decisive(ctx):
    cells = overview.matrix_cells(ctx, overview.county_gaps(ctx))
    panels = cells[(cells.indicator_id == "panels") & (cells.region_code == "18")].iloc[0]
    assert panels.cell == "4 av 6 *"
    assert "ej avgörande" in panels.hover
    chart = overview.matrix_chart(ctx, overview.county_gaps(ctx))
    heatmap = charts.figure(chart.spec).data[0]
    row = list(heatmap.y).index(panels.row)
    col = list(heatmap.x).index("Örebro")
    assert heatmap.z[row][col] == 0  # grey: not decisive
    assert any(n.startswith("* Preliminärt värde") and "panels sv 2018 (Östergötland, Örebro): Härlett ur en lista" in n
               for n in chart.notes)


def test_kpi_card_marks_a_provisional_value(con):
    ctx = Context(lambda name, **p: queries.run(con, name, **p), Selection(regions=COUNTIES, home="03"))
    kpi = overview.citation_kpi(ctx)
    assert kpi.value == "9 % *"
    assert "* Preliminärt värde – Uppsala 2019" in kpi.caption
    assert "Läst ur ett diagram" in kpi.help


def test_chart_hatches_provisional_bars_with_a_footnote(ctx):
    view = top_five.gap_chart(ctx, "panels")
    bar = next(tr for tr in charts.figure(view.spec).data if tr.type == "bar")
    hatched = {label for label, shape in zip(bar.y, bar.marker.pattern.shape) if shape}
    assert hatched == {"Örebro", "Östergötland"}
    assert view.status_notes == ["* Preliminärt värde – Östergötland 2018, Örebro 2018: Härlett ur en lista"]
    texts = dict(zip(bar.y, bar.text))
    assert texts["Örebro"].startswith("0 *") and "ej avgörande" in texts["Örebro"]
    points = {p.category: p.uncertain for s in view.spec.series for p in s.points}
    assert points["Örebro"] and not points["Stockholm"]


def test_exported_slide_shows_the_mark_and_the_footnote(ctx):
    view = top_five.gap_chart(ctx, "panels")
    prs = Presentation()
    slides.chart_slide(prs, view, "sv", None)
    slide = prs.slides[0]
    text = "\n".join(shape.text_frame.text for shape in slide.shapes if shape.has_text_frame)
    assert "* Preliminärt värde – Östergötland 2018, Örebro 2018: Härlett ur en lista" in text
    chart = next(shape.chart for shape in slide.shapes if shape.has_chart)
    assert chart.part.blob.count(b"<a:pattFill") == 2  # Örebro's and Östergötland's bars hatched
    assert "Örebro: 0 *" in slide.notes_slide.notes_text_frame.text
    buffer = io.BytesIO()
    prs.save(buffer)
    reopened = Presentation(io.BytesIO(buffer.getvalue()))
    assert "Preliminärt värde" in "\n".join(
        shape.text_frame.text for shape in reopened.slides[0].shapes if shape.has_text_frame)


def test_a_chart_with_two_levels_labels_them(ctx, con):
    df = label_regions(ctx, queries.run(con, "top_five_gap", indicator="place", year=2024))
    labelled, notes = label_levels(ctx, df)
    assert sorted(labelled.label) == ["Stockholm", "Uppsala", "Xstad (stad/kluster)"]
    assert notes == ["Listan blandar geografiska nivåer: 2 län, 1 städer/kluster."]
    one_level, none = label_levels(ctx, df[df.level == "county"])
    assert none == [] and sorted(one_level.label) == ["Stockholm", "Uppsala"]


def test_status_column_speaks_the_pages_language(con):
    from regionstats.views import data_sources
    for lang, word in (("sv", "preliminärt"), ("en", "provisional")):
        ctx = Context(lambda name, **p: queries.run(con, name, **p), Selection(lang=lang, regions=COUNTIES))
        table = data_sources.data_table(ctx).data
        statuses = set(table[table.columns[5]])
        assert word in statuses and ("publicerat" if lang == "sv" else "published") in statuses


def test_a_hollow_first_point_does_not_make_the_legend_hollow():
    import pandas as pd

    df = pd.DataFrame({"region_code": ["18", "18", "01", "01"], "label": ["Örebro", "Örebro", "Stockholm", "Stockholm"],
                       "year": [2020, 2021, 2020, 2021], "value": [1.0, 2.0, 3.0, 4.0], "text": ["a", "b", "c", "d"],
                       "status": ["provisional", "published", "published", "published"]})
    spec = specs.lines_over_time(df, value="value", code="region_code", label="label", text="text", home="18",
                                  lang="sv", title="t", axis_title="a", status="status")
    fig = charts.figure(spec)
    orebro = [tr for tr in fig.data if tr.name == "Örebro"]
    assert list(orebro[0].marker.symbol) == ["circle-open", "circle"] and orebro[0].showlegend is False
    assert orebro[1].showlegend is not False and orebro[1].marker.symbol == "circle"
    assert [p.uncertain for s in spec.series if s.name == "Örebro" for p in s.points] == [True, False]


def test_picture_footer_carries_the_status_footnote(ctx):
    import datetime as dt

    from regionstats.export import images
    view = top_five.gap_chart(ctx, "panels")
    footer = images.footer_text(view, "sv", dt.date(2025, 1, 31))
    assert "Skapad 2025-01-31" in footer and "* Preliminärt värde – Östergötland 2018, Örebro 2018: Härlett ur en lista" in footer


def test_map_outlines_a_provisional_region_and_footnotes_it(ctx):
    from regionstats.views import map as map_view
    view = map_view.map_chart(ctx, "panels")
    # the map draws regions as shapes (council): an uncertain region gets a dotted dark border of its own
    outlined = [tr for tr in charts.figure(view.spec).data if tr.type == "scatter" and tr.line.color == "#222222"]
    assert {tr.name for tr in outlined} == {"05", "18"}
    assert view.status_notes == ["* Preliminärt värde – Östergötland 2018, Örebro 2018: Härlett ur en lista"]


def test_a_changed_model_gets_a_new_warehouse(tmp_path, monkeypatch):
    """The built warehouse holds the staging views: editing a model file must not reuse a stale build."""
    import shutil

    from regionstats import config, db, models
    queries_copy = tmp_path / "queries"
    shutil.copytree(config.queries_dir(), queries_copy)
    monkeypatch.setenv("REGIONSTATS_QUERIES_DIR", str(queries_copy))
    before = db.database_path(config.data_dir())
    model = queries_copy / "models" / "35_latest.sql"
    model.write_text(model.read_text(encoding="utf-8") + "\n-- changed\n", encoding="utf-8")
    assert db.database_path(config.data_dir()) != before
    assert models.fingerprint() in db.database_path(config.data_dir()).name


def test_matrix_draws_key_and_goal_indicators_first_and_counts_the_rest(ctx, monkeypatch):
    gaps = overview.county_gaps(ctx)
    everything, total = overview.matrix_indicators(ctx, gaps)
    assert len(everything) == total == 8
    assert not any("av 8 indikatorer" in n for n in overview.matrix_chart(ctx, gaps).notes)
    monkeypatch.setattr(overview, "MATRIX_ROWS", {False: 2, True: 1})
    # decisive: the goals' score and place before growth, panels and share; undecided: the citation card's
    # indicator before money and publications; drawn in the matrix's order (category, then id)
    assert overview.matrix_indicators(ctx, gaps) == (["score", "place", "citation_avg_clinical_pct"], 8)
    chart = overview.matrix_chart(ctx, gaps)
    rows = list(charts.figure(chart.spec).data[0].y)
    assert len(rows) == 4 and rows[2] == "Ej avgörande ↓"  # the undecided row under its own heading
    assert [r.split(" (")[0] for r in rows[:2]] == ["score sv", "place sv"]
    assert "Visar 3 av 8 indikatorer" in " ".join(chart.notes)
    assert set(chart.data.row) == set(rows) - {"Ej avgörande ↓"}


def test_profile_draws_key_and_goal_indicators_first_and_the_composite_counts_all(ctx, monkeypatch):
    from regionstats.views import compare

    everything = compare.build(ctx)
    assert {y.split(" (")[0] for tr in charts.figure(everything.charts[0].spec).data for y in tr.y if y} == {"growth sv", "score sv",
                                                                                          "share sv"}
    monkeypatch.setattr(compare, "PROFILE_ROWS", 1)
    view = compare.build(ctx)
    profile, composite = view.charts
    assert {y.split(" (")[0] for tr in charts.figure(profile.spec).data for y in tr.y if y} == {"score sv"}  # the goal's indicator
    assert "Visar 1 av 3 indikatorer" in " ".join(profile.notes)
    assert composite.data.equals(everything.charts[1].data)  # the composite still weighs all three
