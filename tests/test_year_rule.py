"""One year rule, in SQL (queries/models/35_latest.sql shown_years_in, asked through queries/shown_years.sql):
the year a view shows is the latest with a value for the regions of the level it ranks, never a year where
only Riket has one; every view reads that year (Context.year_for; per inhabitant Context.per_capita_year_for,
chosen by the same rule in queries/models/82_per_capita.sql), and its label is built once (formatting.period)."""

from functools import partial

import pandas as pd
import pytest
from conftest import ROOT, TABLES, obs

from regionstats import db, formatting, queries
from regionstats.selection import Selection
from regionstats.views import Context, funding, map as map_view, ranked, top_five


def records(frame, columns):
    return [tuple(None if pd.isna(v) else v for v in row) for row in frame[columns].itertuples(index=False)]


@pytest.fixture
def riket_ahead_con():
    """The fixture with one more value: Riket's score for 2022, a year no county has (as SCB's R&D 2019)."""
    observations = pd.concat([TABLES["observations"], pd.DataFrame(
        [obs("00", "score", 2022, 6.5)], columns=TABLES["observations"].columns)], ignore_index=True)
    connection = db.connect_in_memory({**TABLES, "observations": observations})
    yield connection
    connection.close()


def test_counties_are_shown_their_latest_year_not_riket_s(riket_ahead_con):
    df = queries.run(riket_ahead_con, "shown_years", level="county")
    # money: 01 has 2022; score: counties 2020 (Riket's 2022 is not theirs); place: 01 16 and 03 351-400 (a band
    # counts) in 2024; citations, publications and the share for the period 2015–19 stored as 2019; panels 2018;
    # share 2020; growth 2021 (the city's 2021 is not a county's); population: 01 has 2021, Riket only 2020
    assert records(df, ["indicator_id", "year", "period_label"]) == [
        ("citation_avg_clinical_pct", 2019, "2015–19"),
        ("growth", 2021, None),
        ("money", 2022, None),
        ("panels", 2018, None),
        ("place", 2024, None),
        ("population", 2021, None),
        ("publications_clinical", 2019, "2015–19"),
        ("publications_clinical_share_pct", 2019, "2015–19"),
        ("score", 2020, None),
        ("share", 2020, None),
    ]


def test_a_window_and_any_level(riket_ahead_con):
    run = partial(queries.run, riket_ahead_con)
    # 2022 only: money has 01's 110; score only Riket's 6.5, so no county year
    assert records(run("shown_years", level="county", year_from=2022, year_to=2022), ["indicator_id", "year"]) == [
        ("money", 2022)]
    # any level: Riket's 2022 when only Riket has a value in the window
    assert records(run("shown_years", year_from=2022, year_to=2022), ["indicator_id", "year"]) == [
        ("money", 2022), ("score", 2022)]
    # any level without a window: the latest of the ranked levels (the city's place 5 is 2024 too), never Riket's
    shown = dict(records(run("shown_years"), ["indicator_id", "year"]))
    assert (shown["score"], shown["place"], shown["growth"]) == (2020, 2024, 2021)
    # the city level alone
    assert records(run("shown_years", level="city"), ["indicator_id", "year"]) == [("growth", 2021), ("place", 2024)]


def test_coverage_of_the_latest_year_follows_the_same_rule(riket_ahead_con):
    run = partial(queries.run, riket_ahead_con)
    # money's latest is 2022 (01's 110): 05 and 18 have no row that year
    df = run("coverage", regions=["01", "05", "18"], indicators=["money"], latest=True)
    assert records(df, ["region_code", "year", "coverage"]) == [("01", 2022, "value"), ("05", 2022, "absent"),
                                                                ("18", 2022, "absent")]
    # within 2021: 01 and 05 have values, 18's row is marked missing ("x")
    df = run("coverage", regions=["01", "05", "18"], indicators=["money"], latest=True, year_from=2021, year_to=2021)
    assert records(df, ["region_code", "year", "coverage"]) == [("01", 2021, "value"), ("05", 2021, "value"),
                                                                ("18", 2021, "missing")]
    # score: the counties' 2020, not Riket's 2022
    df = run("coverage", regions=["00", "01"], indicators=["score"], latest=True)
    assert records(df, ["region_code", "year", "coverage"]) == [("00", 2020, "value"), ("01", 2020, "value")]


def test_views_read_the_year_sql_chose(riket_ahead_con):
    ctx = Context(partial(queries.run, riket_ahead_con), Selection())
    assert ctx.year_for("score") == 2020  # Python once said 2022 (any region), where no county has a value
    assert ctx.year_for("score", level=None) == 2020
    assert ctx.with_selection(year_from=2022, year_to=2022).year_for("score") is None
    assert ctx.with_selection(year_from=2022, year_to=2022).year_for("score", level=None) == 2022
    with pytest.raises(KeyError):
        ctx.year_for("no_such_indicator")
    chart = map_view.map_chart(ctx, "score")
    assert chart.title.endswith(", 2020")
    assert chart.data["rank"].notna().sum() == 6  # 01, 03, 05, 14, 18, 24
    # per inhabitant too (queries/per_capita.sql with $latest): money 2022 is 01's 110 MSEK / 1 100 000 = 100 kr
    assert ctx.per_capita_year_for("money") == 2022
    assert funding.per_capita_chart(ctx, "money").title.endswith(" per invånare, 2022")
    assert ctx.with_selection(year_to=2021).per_capita_year_for("money") == 2021


def test_the_period_label_is_built_once():
    assert formatting.period(2017, 2017) == "2017"
    assert formatting.period(2019, 2021) == "2019–2021"
    assert formatting.period(None, None) == "senaste år per indikator"
    assert formatting.period(None, None, "en") == "latest year per indicator"
    assert formatting.span([2021, 2019, 2020.0, None]) == "2019–2021"
    assert formatting.span([]) == ""


@pytest.fixture(scope="module")
def real_run():
    return partial(queries.run, db.connect(ROOT / "data"))


@pytest.mark.parametrize("window", [(None, None), (2016, 2020), (2019, 2021)])
def test_every_indicator_s_shown_year_has_county_values(real_run, window):
    """For EVERY indicator and period: the year the county pages show is one with values for counties, and no
    county has a value in a later year of the period; no year at all only when no county has a value."""
    year_from, year_to = window
    ctx = Context(real_run, Selection(year_from=year_from, year_to=year_to))
    counties = set(ctx.regions.region_code[ctx.regions.kind == "county"])
    rows = real_run("observations", regions=sorted(counties), year_from=year_from, year_to=year_to)
    with_value = rows[rows.value.notna() | rows.value_low.notna()]
    latest = with_value.groupby("indicator_id").year.max()
    checked = 0
    for indicator in ctx.indicators.indicator_id:
        year = ctx.year_for(indicator)
        assert year == (int(latest[indicator]) if indicator in latest.index else None), indicator
        checked += year is not None
    assert checked >= 15  # indicators with county values in the period (19 in 2016–2020 today)


def test_every_county_page_ranks_counties_in_its_year(real_run):
    """Every indicator Karta, Topp fem's gap chart and Finansiering offer: the year the view asks for (the one
    SQL chose; per inhabitant on Finansiering) has counties with a value (the bug: FoU-utgifter drew 2019, where
    only Riket has a value)."""
    ctx = Context(real_run, Selection())
    for indicator in map_view.indicator_options(ctx):
        frame = ranked.ranked_frame(ctx, indicator, ctx.year_for(indicator))  # what map_chart draws
        assert frame["rank"].notna().sum() >= 3, indicator  # Karta offers indicators with three counties
    for indicator in top_five.gap_options(ctx):
        gaps = real_run("top_five_gap", indicator=indicator, year=ctx.year_for(indicator), level="county")
        assert gaps["rank"].notna().any(), indicator
    counties = sorted(ctx.regions.region_code[ctx.regions.kind == "county"])
    for indicator in funding.indicator_options(ctx):
        year = ctx.per_capita_year_for(indicator)  # the per-inhabitant bars' year, chosen in SQL ($latest)
        if year is None:  # a universities' series: no county year, so no county bars (not 21 × 'saknas')
            assert funding.per_capita_chart(ctx, indicator) is None, indicator
            continue
        amounts = real_run("per_capita", indicator=indicator, regions=counties)
        in_year = amounts[amounts.year == year]
        assert in_year.amount.notna().any(), indicator
        # no later year has a county value per inhabitant, and this one has one whenever any year has
        assert amounts.per_capita[amounts.year > year].isna().all(), indicator
        assert in_year.per_capita.notna().any() or amounts.per_capita.isna().all(), indicator
    chart = map_view.map_chart(ctx, "rd_total_msek")
    assert chart.title == "FoU-utgifter, alla sektorer, 2017" and chart.data["rank"].notna().sum() == 21
