"""What a composed region's values say beside them (regionstats/views/composed.py), on the hand-worked fixture
of tests/test_query_composed.py."""

from functools import partial

import pytest

from regionstats import composition, db, queries
from regionstats.selection import Selection
from regionstats.views import Context, funding, top_five, trend
from tests.test_query_composed import COMPOSED_TABLES


@pytest.fixture(scope="module")
def run():
    connection = db.connect_in_memory(COMPOSED_TABLES)
    yield partial(queries.run, connection)
    connection.close()


def context(run, *texts, lang="sv", **changes) -> Context:
    found, bad = composition.parse_many(list(texts), {"01", "03", "05", "14", "18", "24"})
    assert not bad
    return Context(run, Selection(lang=lang, regions=("01", "03", "05", "18", "00"), compositions=found, **changes))


def test_an_incomplete_composed_value_is_missing_and_names_who(run):
    ctx = context(run, "Mälardalen:01+03+18", year_from=2021, year_to=2021)
    chart = funding.per_capita_chart(ctx, "money")
    row = chart.data[chart.data.region_code == "01+03+18"].iloc[0]
    assert row.label == "Mälardalen (sammansatt)" and row.text == "saknas"
    assert "Mälardalen = Stockholm + Uppsala + Örebro, sammansatt här: summan av beloppen delad med summan av " \
           "folkmängden 31 december året före" in chart.notes
    assert "Mälardalen 2021: ofullständig, saknas för Örebro" in chart.notes


def test_a_missing_population_is_said_in_english_too(run):
    ctx = context(run, "East:01+05", lang="en", year_from=2021, year_to=2021)
    chart = funding.per_capita_chart(ctx, "money")
    row = chart.data[chart.data.region_code == "01+05"].iloc[0]
    assert row.amount == 140.0 and row.text == "missing"
    assert ("East 2021: the population on 31 December of the year before is missing for Östergötland"
            in chart.notes)


def test_per_inhabitant_bar_of_stockholm_uppsala(run):
    ctx = context(run, "Stockholm–Uppsala:01+03")
    chart = funding.per_capita_chart(ctx, "appropriation_research_msek")
    row = chart.data[chart.data.region_code == "01+03"].iloc[0]
    # 2022 (the latest year): (132 + 300) MSEK / (1 100 000 + 500 000) = 270 kr
    assert row.per_capita == pytest.approx(270.0) and row.text == "270 kr"


def test_top_five_says_no_place_and_trend_says_what_cannot_be_composed(run):
    # money 2021: Stockholm 100 + Uppsala 250 = 350 MSEK, beside the counties without a place
    ctx = context(run, "Stockholm–Uppsala:01+03", indicator="money", year_from=2021, year_to=2021)
    gap = top_five.gap_chart(ctx, "money")
    row = gap.data[gap.data.region_code == "01+03"].iloc[0]
    assert row.text == "350 MSEK · ingen egen plats"
    place = trend.trend_chart(context(run, "Stockholm–Uppsala:01+03", mode="absolute"), "population")
    assert "01+03" in set(place.data.region_code)
    score = trend.trend_chart(context(run, "Stockholm–Uppsala:01+03", mode="absolute"), "score")
    assert "01+03" not in set(score.data.region_code)
    assert "Stockholm–Uppsala: score sv kan inte beräknas för sammansatta regioner" in score.notes
