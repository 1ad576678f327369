"""The year the per-inhabitant bars show, chosen in SQL by the one year rule (queries/models/82_per_capita.sql
per_capita_year, asked through queries/per_capita.sql with $latest) and only read by the views
(Context.per_capita_year_for): the latest year in which a county has a value per inhabitant, its sum of
universities included; else the latest year in which a county has an amount.

The fixture is APPROPRIATION_TABLES (tests/conftest.py) with three more rows; every year below is worked out
by hand in the comments."""

from functools import partial

import pandas as pd
import pytest
from conftest import APPROPRIATION_TABLES, obs

from regionstats import composition, db, queries
from regionstats.selection import Selection
from regionstats.views import Context, funding, overview
from tests.test_pages import bars, figure, open_page
from tests.test_query_composed import AGGREGATION
from tests.test_queries import records

INDICATOR = "appropriation_research_msek"
COLUMNS = ["year", "region_code", "amount", "amount_basis", "per_capita"]
MORE_ROWS = [
    # Stockholm's 2023 sum complete: K 70 + S 80 = 150 MSEK, but no population of 31 December 2022 -> no kr
    obs("uni_s", "appropriation_research_university_msek", 2023, 80),
    # Riket alone in 2024: its published 1 260 MSEK / 10 500 000 (31 Dec 2023) = 120 kr; no county has 2024
    obs("00", "population", 2023, 10_500_000),
    obs("00", INDICATOR, 2024, 1260),
]


@pytest.fixture
def con():
    """The appropriations fixture whose latest county amount (2023) has no value per inhabitant."""
    observations = pd.concat([APPROPRIATION_TABLES["observations"], pd.DataFrame(
        MORE_ROWS, columns=APPROPRIATION_TABLES["observations"].columns)], ignore_index=True)
    connection = db.connect_in_memory({**APPROPRIATION_TABLES, "observations": observations,
                                       "indicator_aggregation": AGGREGATION})  # population and amounts: sums
    yield connection
    connection.close()


def shown(con, **params):
    return queries.run(con, "per_capita", indicator=INDICATOR, latest=True, **params)


def test_a_county_sum_that_exists_only_through_universities_gets_its_year(appropriation_con):
    # The counties' own observations end in 2021 (Uppsala's 250, Östergötland's 'x'): the observation rule says
    # 2021. Per inhabitant, 2022 has Stockholm's 66 + 66 = 132 MSEK / 1 100 000 = 120 kr and Uppsala's university
    # 300 MSEK / 500 000 = 600 kr, sums of universities only (2023: Stockholm's sum lacks S, so no amount).
    years = queries.run(appropriation_con, "shown_years", level="county")
    assert years.set_index("indicator_id").year[INDICATOR] == 2021
    # Riket 2022: L has no 2022 line, so its published 1 100 MSEK / 10 000 000 = 110 kr
    assert records(shown(appropriation_con), COLUMNS) == [
        (2022, "00", 1100.0, "published", 110.0),
        (2022, "01", 132.0, "sum_of_universities", 120.0),
        (2022, "03", 300.0, "sum_of_universities", 600.0),
    ]
    ctx = Context(partial(queries.run, appropriation_con), Selection())
    assert (ctx.per_capita_year_for(INDICATOR), ctx.year_for(INDICATOR)) == (2022, 2021)


def test_the_latest_amount_without_a_value_per_inhabitant_gives_way_to_an_earlier_year(con):
    # 2023: Stockholm's 150 MSEK but no population of 2022; 2024: Riket only. So 2022, as worked out above.
    assert records(shown(con), COLUMNS) == [
        (2022, "00", 1100.0, "published", 110.0),
        (2022, "01", 132.0, "sum_of_universities", 120.0),
        (2022, "03", 300.0, "sum_of_universities", 600.0),
    ]
    # the chosen regions do not move the year, they only filter the rows
    assert records(shown(con, regions=["03"]), COLUMNS) == [(2022, "03", 300.0, "sum_of_universities", 600.0)]
    # 2021 only: 01 100 kr, 03 520 kr (its university's 260 before its own 250), 05's 80 without a 2020 population
    assert records(shown(con, year_to=2021), COLUMNS) == [
        (2021, "00", 440.0, "sum_of_universities", 44.0),
        (2021, "01", 100.0, "sum_of_universities", 100.0),
        (2021, "03", 260.0, "sum_of_universities", 520.0),
        (2021, "05", 80.0, "sum_of_universities", None),
    ]


def test_without_any_value_per_inhabitant_the_latest_amount_s_year(con):
    # 2023 alone: no county has a kr value, Stockholm has an amount: 2023, its bar 'saknas' (no population)
    assert records(shown(con, year_from=2023, year_to=2023), COLUMNS) == [
        (2023, "01", 150.0, "sum_of_universities", None)]
    # 2024 alone: only Riket has a value (120 kr), never a county page's year
    assert shown(con, year_from=2024).empty
    ctx = Context(partial(queries.run, con), Selection(year_from=2024))
    assert ctx.per_capita_year_for(INDICATOR) is None
    assert funding.per_capita_chart(ctx, INDICATOR) is None


def test_a_composed_region_is_shown_in_the_counties_year(con):
    # Stockholm + Uppsala 2022: (132 + 300) MSEK / (1 100 000 + 500 000) = 270 kr
    df = shown(con, regions=["01"], compose=["Par:01+03"])
    assert records(df, COLUMNS) == [(2022, "01", 132.0, "sum_of_universities", 120.0),
                                    (2022, "01+03", 432.0, "composed", 270.0)]


def test_the_views_read_the_year_sql_chose(con):
    compositions, bad = composition.parse_many(["Par:01+03"], {"01", "03", "05", "14", "18", "24"})
    assert not bad
    ctx = Context(partial(queries.run, con), Selection(compositions=compositions))
    assert ctx.per_capita_year_for(INDICATOR) == 2022
    bars_chart = funding.per_capita_chart(ctx, INDICATOR)
    assert bars_chart.title == f"{INDICATOR} sv per invånare, 2022"
    by_region = bars_chart.data.set_index("region_code").per_capita
    assert (by_region["01"], by_region["03"], by_region["01+03"]) == (120.0, 600.0, 270.0)
    assert funding.amount_chart(ctx, INDICATOR).title == f"{INDICATOR} sv, 2022"
    # Översikt's card for Örebro (no amount): Riket's 2022 (110 kr), not its 2024 (120 kr) where no county has one
    kpi = overview.per_capita_kpi(ctx)
    assert kpi.caption.startswith("2022 · Riket: 110 kr")
    # a period ending in 2021 moves the year back (cached per selection, never carried over)
    assert ctx.with_selection(year_to=2021).per_capita_year_for(INDICATOR) == 2021


@pytest.mark.apptest
def test_the_bundled_data_shows_2025_per_inhabitant_on_both_pages():
    """As before the year moved into SQL: the budget bills' sums reach 2026, SCB's population of 31 December
    2025 is not in the data yet, so both pages show 2025 (Örebro 1 127 kr, Riket 1 800 kr)."""
    at = open_page("oversikt")
    assert at.metric[1].value == "1\u00a0127 kr"  # a no-break space between the thousands
    assert any(c.value.startswith("2025 · Riket: 1\u00a0800 kr") for c in at.caption), [c.value for c in at.caption]
    at = open_page("finansiering")
    shown_bars = bars(figure(at, "Statligt anslag till lärosäten, forskning per invånare, 2025"))
    assert round(shown_bars["Örebro"]) == 1127
