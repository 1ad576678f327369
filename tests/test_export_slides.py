"""The PPTX deck, reopened with python-pptx: slide count, titles, sources under the charts, a chart or
picture on every chart slide, and speaker notes whose numbers are the SQL results."""

import io

import pytest
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE
from test_export_support import DATA, FUNDING_INDICATOR, MADE, SELECTION, page, runner, sql

from regionstats import db, formatting
from regionstats.export import images, slides

PAGES = ["oversikt", "finansiering", "utveckling"]
# Utveckling with its own controls, as the app passes them: population, absolute
OWN = {"utveckling": SELECTION.replace(indicator="population", mode="absolute")}


def open_deck(data: bytes):
    return Presentation(io.BytesIO(data))


@pytest.fixture(scope="module")
def deck():
    data = slides.build_deck(runner(), SELECTION, PAGES, data_version=db.data_fingerprint(DATA), made=MADE,
                             page_selections=OWN)
    return open_deck(data)


@pytest.fixture(scope="module")
def charts():
    return [c for slug in PAGES for c in page(slug, OWN.get(slug, SELECTION)).charts]


def texts(slide) -> list[str]:
    return [shape.text_frame.text for shape in slide.shapes if shape.has_text_frame]


def notes(slide) -> str:
    return slide.notes_slide.notes_text_frame.text


def chart_slides(deck, charts):
    return list(deck.slides)[1:1 + len(charts)]


def test_slide_count_is_title_charts_and_definitions(deck, charts):
    slides_ = list(deck.slides)
    definitions = [s for s in slides_ if s.shapes.title.text.startswith("Definitioner och källor")]
    assert definitions and slides_[-len(definitions):] == definitions, "definitions come last"
    assert len(slides_) == 1 + len(charts) + len(definitions)
    assert deck.slide_width * 9 == deck.slide_height * 16


def test_title_slide_names_regions_years_date_and_data_version(deck):
    text = "\n".join(texts(deck.slides[0]))
    assert deck.slides[0].shapes.title.text == "Life science-regioner i Sverige"
    for name in ("Stockholm", "Uppsala", "Örebro", "Riket"):
        assert name in text
    assert "2019–2021" in text and "Skapad 2025-01-31" in text
    assert f"Dataversion {db.data_fingerprint(DATA)}" in text


def test_each_chart_slide_has_its_title_a_chart_or_picture_and_its_source(deck, charts):
    for slide, view in zip(chart_slides(deck, charts), charts):
        assert slide.shapes.title.text == view.title
        drawn = [s for s in slide.shapes if s.has_chart or s.shape_type == MSO_SHAPE_TYPE.PICTURE]
        assert len(drawn) == 1, view.title
        footnotes = [t for t in texts(slide) if t != view.title]
        if view.source_note:
            assert any(t.startswith(view.source_note) for t in footnotes), (view.title, footnotes)
            assert view.source_note.split(":")[0] in ("Källa", "Källor")


def test_bars_by_region_and_lines_over_years_are_native_charts(deck, charts):
    kinds = {view.key: slide for slide, view in zip(chart_slides(deck, charts), charts)}
    per_capita = next(s for k, s in kinds.items() if k.startswith("per_capita"))
    chart = next(s.chart for s in per_capita.shapes if s.has_chart)
    names = {c.removesuffix(" (saknas)") for c in chart.plots[0].categories}
    assert names == {"Stockholm", "Uppsala", "Örebro"}
    assert not chart.has_title  # the slide title says it
    assert chart.value_axis.minimum_scale == 0  # bars start at zero
    trend = next(s for k, s in kinds.items() if k.startswith("trend"))
    line = next(s.chart for s in trend.shapes if s.has_chart)
    assert list(line.plots[0].categories) == ["2019", "2020", "2021"]
    matrix = kinds["top_five_matrix"]
    assert any(s.shape_type == MSO_SHAPE_TYPE.PICTURE for s in matrix.shapes)


def test_native_chart_values_and_notes_are_the_sql_results(deck, charts):
    slide = next(s for s, v in zip(chart_slides(deck, charts), charts) if v.key.startswith("per_capita"))
    year = int(slide.shapes.title.text.rsplit(" ", 1)[-1])
    rows = sql("per_capita", indicator=FUNDING_INDICATOR, year=year, regions=list(SELECTION.regions))
    by_name = {r.region_name_sv: r.per_capita for r in rows.itertuples()}
    chart = next(s.chart for s in slide.shapes if s.has_chart)
    plot = chart.plots[0]
    values = {c.removesuffix(" (saknas)"): v for c, v in zip(plot.categories, plot.series[0].values)}
    speaker = notes(slide)
    assert "Siffrorna bakom diagrammet:" in speaker
    for name in ("Stockholm", "Uppsala", "Örebro"):
        expected = by_name.get(name)
        if formatting.is_missing(expected):
            assert values[name] is None and f"{name} (saknas)" in chart.plots[0].categories
            assert f"{name}: saknas" in speaker
        else:
            assert values[name] == pytest.approx(expected)
            assert f"{name}: {formatting.value(expected, 'sek_per_capita', 0, 'sv')}" in speaker
    riket = formatting.value(by_name["Riket"], "sek_per_capita", 0, "sv")
    assert f"Riket {riket}" in speaker  # the reference line, with its value, in the notes and under the chart
    assert any(f"Riket {riket}" in t for t in texts(slide))


def test_the_first_slide_holds_the_kpi_figures(deck):
    cards = page("oversikt").kpis
    text = "\n".join(texts(deck.slides[0]))
    assert len(cards) >= 3  # the Tillväxtverket rank (2018) is outside 2019–2021
    for card in cards:
        assert card.label in text and card.value in text
        if card.caption:
            assert card.caption in text


def test_a_native_chart_draws_riket_as_a_dashed_line_series(deck, charts):
    """The Riket reference line is part of the chart (a line series over the bars), not only a note."""
    from lxml import etree  # noqa: F401 (python-pptx's own XML)
    from pptx.oxml.ns import qn

    slide = next(s for s, v in zip(chart_slides(deck, charts), charts) if v.key.startswith("per_capita"))
    chart = next(s.chart for s in slide.shapes if s.has_chart)
    rows = sql("per_capita", indicator=FUNDING_INDICATOR, year=int(slide.shapes.title.text.rsplit(" ", 1)[-1]),
               regions=["00"])
    riket = rows.per_capita.iloc[0]
    plot_area = chart._chartSpace.chart.plotArea
    line_charts = plot_area.findall(qn("c:lineChart"))
    assert plot_area.find(qn("c:barChart")) is not None and len(line_charts) == 1
    lines = [plot for plot in chart.plots if plot.__class__.__name__ == "LinePlot"]
    series = lines[0].series[0]
    assert series.name == f"Riket {formatting.value(riket, 'sek_per_capita', 0, 'sv')}"
    assert list(series.values) == pytest.approx([riket] * len(series.values))
    assert len(series.values) == len(list(chart.plots[0].categories))
    dash = line_charts[0].find(qn("c:ser")).find(qn("c:spPr")).find(".//" + qn("a:prstDash"))
    assert dash.get("val") == "dash"


def test_line_chart_notes_list_every_year_of_every_region(deck, charts):
    slide = next(s for s, v in zip(chart_slides(deck, charts), charts) if v.key.startswith("trend"))
    speaker = notes(slide)
    rows = sql("observations", indicators=["population"], regions=list(SELECTION.regions), year_from=2019,
               year_to=2021)
    for row in rows.dropna(subset=["value"]).itertuples():
        assert f"{row.year}: {formatting.number(row.value, 0, 'sv')}" in speaker


def test_definitions_slide_defines_the_indicators_and_lists_the_sources(deck):
    last = [s for s in deck.slides if s.shapes.title.text.startswith("Definitioner")]
    text = "\n".join(t for s in last for t in texts(s))
    indicators = sql("indicators").set_index("indicator_id")
    assert indicators.loc[FUNDING_INDICATOR, "definition_sv"] in text
    assert "Källor:" in text and "SCB" in text


def test_deck_in_english():
    data = slides.build_deck(runner(), SELECTION.replace(lang="en"), ["finansiering"], data_version="v1",
                             made=MADE)
    deck = open_deck(data)
    titles = [s.shapes.title.text for s in deck.slides]
    assert titles[0] == "Life science regions in Sweden"
    assert titles[1] == page("finansiering", SELECTION.replace(lang="en")).charts[0].title
    assert titles[-1].startswith("Definitions and sources")
    assert "The numbers behind the chart:" in notes(deck.slides[1])
    assert "Made 2025-01-31" in "\n".join(texts(deck.slides[0]))


def test_a_page_without_charts_for_the_selection_says_so():
    selection = SELECTION.replace(year_from=2003, year_to=2003)  # before any map data
    assert not page("karta", selection).charts
    deck = open_deck(slides.build_deck(runner(), selection, ["karta"], data_version="v1", made=MADE))
    assert len(deck.slides) == 3
    assert "Inga diagram för urvalet på sidan Karta." in texts(deck.slides[1])


def test_without_chromium_the_deck_is_still_made_and_says_why_a_picture_is_missing(monkeypatch):
    monkeypatch.setattr(images, "find_chromium", lambda: None)
    deck = open_deck(slides.build_deck(runner(), SELECTION, ["oversikt"], data_version="v1", made=MADE))
    matrix = deck.slides[1]
    assert not [s for s in matrix.shapes if s.shape_type == MSO_SHAPE_TYPE.PICTURE]
    assert images.ChromiumMissing.message("sv") in texts(matrix)
    assert "Siffrorna bakom diagrammet:" in notes(matrix)


def test_formulas_and_missing_reasons_stay_on_the_slide(deck, charts):
    slide = next(s for s, v in zip(chart_slides(deck, charts), charts) if v.key.startswith("per_capita"))
    view = next(v for v in charts if v.key.startswith("per_capita"))
    shown = "\n".join(texts(slide))
    assert any(note.startswith("Per invånare =") for note in view.notes)
    for note in view.notes[:4]:
        assert note in shown
