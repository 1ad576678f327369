"""Regions composed of counties (queries/models/90_composed.sql) through per_capita, trend and top_five_gap.

The fixture is APPROPRIATION_TABLES of conftest.py with the aggregation rules and a ratio below; every answer
is worked out by hand in the comments. Stockholm (01) has no appropriation of its own: its universities sum
to 100 (2021) and 132 (2022); Uppsala (03) has 250 of its own in 2021, but its university's complete sum (260)
is the one basis per_capita ranks on, as in 2022 (300).
"""

import pandas as pd
import pytest

from regionstats import db, queries
from tests.conftest import APPROPRIATION_TABLES, frame, indicator, obs
from tests.test_queries import records

STOCKHOLM_UPPSALA = ["Stockholm–Uppsala:01+03"]

AGGREGATION = frame(
    "indicator_id, aggregation, numerator_id, denominator_id, factor, note",
    [
        ("population", "sum", None, None, None, None),
        ("money", "sum", None, None, None, None),
        ("appropriation_research_msek", "sum", None, None, None, None),
        ("money_share_grp", "ratio", "money", "grp", 100.0, None),
        # a published place declared as a sum by mistake is still never summed
        ("place", "sum", None, None, None, None),
    ],
)

COMPOSED_TABLES = {
    **APPROPRIATION_TABLES,
    "indicators": pd.concat([APPROPRIATION_TABLES["indicators"], frame(
        "indicator_id, name_sv, name_en, unit, unit_sv, unit_en, decimals, direction, category, "
        "definition_sv, definition_en, convention_sv, convention_en",
        [indicator("grp", "msek", "higher"), indicator("money_share_grp", "percent", "higher", decimals=1)])],
        ignore_index=True),
    "observations": pd.concat([APPROPRIATION_TABLES["observations"], frame(
        "region_code, indicator_id, year, period_start, period_end, period_label, value, value_text, "
        "value_low, value_high, status, source_id, note",
        [obs("01", "grp", 2021, 1000), obs("03", "grp", 2021, 250),
         # the members' own shares: 10 % and 100 %; their average (55 %) is not the region's share
         obs("01", "money_share_grp", 2021, 10.0), obs("03", "money_share_grp", 2021, 100.0)])],
        ignore_index=True),
    "indicator_aggregation": AGGREGATION,
}


@pytest.fixture
def composed_con():
    connection = db.connect_in_memory(COMPOSED_TABLES)
    yield connection
    connection.close()


def test_per_inhabitant_is_the_sum_of_amounts_over_the_sum_of_populations(composed_con):
    df = queries.run(composed_con, "per_capita", indicator="appropriation_research_msek", regions=["01", "03"],
                     compose=STOCKHOLM_UPPSALA)
    composed = df[df.region_code == "01+03"]
    # 2021: (100 + 260) MSEK / (1 000 000 + 500 000 on 31 Dec 2020) = 240 kr (the members' 100 and 520 kr
    # average 310 kr: wrong); 2022: (132 + 300) / (1 100 000 + 500 000 on 31 Dec 2021) = 270 kr (not 360)
    assert records(composed, ["year", "amount", "population", "amount_basis", "members_sv", "composed_reason"]) == [
        (2021, 360.0, 1_500_000.0, "composed", "Stockholm + Uppsala", "complete"),
        (2022, 432.0, 1_600_000.0, "composed", "Stockholm + Uppsala", "complete"),
        # Stockholm's 2023 is an incomplete sum (S-universitet lacks a value) and Uppsala has none: the year is
        # shown as the counties show it, missing, with who lacks a value, on the one basis of model 82
        (2023, None, None, "composed", "Stockholm + Uppsala", "incomplete"),
    ]
    assert composed.members_missing_sv.tolist()[-1] == "Stockholm, Uppsala"
    assert composed.per_capita.round(2).tolist()[:2] == [240.0, 270.0] and composed.per_capita.isna().tolist()[2]
    assert composed.region_name_sv.unique().tolist() == ["Stockholm–Uppsala"]


def test_the_counties_answers_do_not_change_when_a_region_is_composed(composed_con):
    run = lambda **p: queries.run(composed_con, "per_capita", indicator="appropriation_research_msek",  # noqa: E731
                                  regions=["01", "03"], **p)
    with_composed = run(compose=STOCKHOLM_UPPSALA)
    counties = with_composed[with_composed.region_code != "01+03"]
    columns = [c for c in run().columns if not c.startswith(("members", "population_members", "composed",
                                                                   "population_composed"))]
    assert records(counties, columns) == records(run(), columns)


def test_a_missing_member_makes_the_value_incomplete_and_names_it(composed_con):
    # money 2021: Örebro (18) has "x"; Stockholm 100 + Uppsala 250 is not the region's whole
    df = queries.run(composed_con, "per_capita", indicator="money", year=2021, regions=["01"],
                     compose=["Mälardalen:01+03+18"])
    row = df[df.region_code == "01+03+18"]
    assert records(row, ["amount", "amount_status", "composed_reason", "members_missing_sv", "per_capita"]) == [
        (None, "missing", "incomplete", "Örebro", None)]


def test_a_member_without_population_leaves_the_amount_but_not_the_per_inhabitant_figure(composed_con):
    # money 2021: 100 + 40 = 140 MSEK; Östergötland (05) has no population on 31 Dec 2020
    df = queries.run(composed_con, "per_capita", indicator="money", year=2021, compose=["Öst:01+05"])
    row = df[df.region_code == "01+05"]
    assert records(row, ["amount", "population", "per_capita", "population_composed_reason",
                         "population_members_missing_sv"]) == [(140.0, None, None, "incomplete", "Östergötland")]


def test_a_ratio_is_the_sum_of_numerators_over_the_sum_of_denominators(composed_con):
    # 2021: (100 + 250) / (1 000 + 250) * 100 = 28 %, never the average of 10 % and 100 %;
    # 2022: only Stockholm's money (110) and no GRP at all: incomplete, both named
    df = queries.run(composed_con, "trend", indicator="money_share_grp", compose=STOCKHOLM_UPPSALA)
    row = df[df.region_code == "01+03"]
    assert records(row, ["year", "value", "status", "composed_reason", "members_missing_sv"]) == [
        (2021, 28.0, "published", "complete", None), (2022, None, "missing", "incomplete", "Stockholm, Uppsala")]


def test_a_published_rank_is_never_summed(composed_con):
    # place 2024: Stockholm 16, Uppsala 351-400; the file says 'sum', the rule says a place is never aggregated
    composed = composed_con.execute(
        "select value, status, composed_reason from composed_observations(['S–U:01+03'], null) "
        "where indicator_id = 'place'").fetchall()
    assert composed == [(None, "missing", "not_composable")]
    gap = queries.run(composed_con, "top_five_gap", indicator="place", year=2024, compose=STOCKHOLM_UPPSALA)
    row = gap[gap.region_code == "01+03"]
    assert records(row, ["value", "rank", "in_top_five", "decisive", "composed_reason"]) == [
        (None, None, None, False, "not_composable")]


def test_top_five_shows_the_composed_value_without_a_place_and_ranks_the_counties_as_before(composed_con):
    alone = queries.run(composed_con, "top_five_gap", indicator="money", year=2021, level="county")
    both = queries.run(composed_con, "top_five_gap", indicator="money", year=2021, level="county",
                       compose=STOCKHOLM_UPPSALA)
    counties = both[both.region_code != "01+03"].reset_index(drop=True)
    assert records(counties, ["region_code", "rank", "n_ranked", "verdict"]) == records(
        alone, ["region_code", "rank", "n_ranked", "verdict"])
    composed = both[both.region_code == "01+03"]
    # money 2021 from the observations: 100 + 250 = 350, beside the counties with no place of its own
    assert records(composed, ["value", "level", "rank", "gap", "verdict", "decisive", "members_sv"]) == [
        (350.0, "composed", None, None, None, False, "Stockholm + Uppsala")]


def test_trend_indexes_a_composed_region_to_its_own_base_year(composed_con):
    # population 2020: 1 000 000 + 500 000 = 1 500 000; 2021: 1 100 000 + 500 000 = 1 600 000 -> index 106,67
    df = queries.run(composed_con, "trend", indicator="population", regions=["01"], base_year=2020,
                     compose=STOCKHOLM_UPPSALA)
    row = df[df.region_code == "01+03"]
    assert records(row, ["year", "value", "base_value"]) == [(2020, 1_500_000.0, 1_500_000.0),
                                                            (2021, 1_600_000.0, 1_500_000.0)]
    assert row.index_value.round(2).tolist() == [100.0, 106.67]


def test_no_composition_adds_no_rows(composed_con):
    for name, params in (("per_capita", {"indicator": "money"}), ("trend", {"indicator": "money"}),
                         ("top_five_gap", {"indicator": "money"})):
        df = queries.run(composed_con, name, **params)
        assert not df.region_code.str.contains("+", regex=False).any()
