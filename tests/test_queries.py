"""Every query in queries/ against the hand-written fixture in conftest.py.

Expected rows are worked out by hand from the fixture; the comments show the sums.
"""

import math
import re

import pytest

from regionstats import queries
from regionstats.queries import QueryError


def records(frame, columns):
    return [tuple(None if _missing(v) else v for v in row) for row in frame[columns].itertuples(index=False)]


def _missing(value):
    try:
        return value is None or (isinstance(value, float) and math.isnan(value)) or value is __import__("pandas").NA
    except TypeError:
        return False


def test_per_capita_uses_population_of_previous_year(con):
    df = queries.run(con, "per_capita", indicator="money", year=2021)
    # 01: 100 MSEK / 1 000 000 = 100 SEK; 03: 250e6 / 500 000 = 500 SEK
    # 00: 1000e6 / 10 000 000 = 100 SEK; 05: no population for 2020 -> missing; 18: value missing
    assert records(df, ["region_code", "amount", "population_year", "population", "per_capita"]) == [
        ("00", 1000.0, 2020, 10_000_000.0, 100.0),
        ("01", 100.0, 2020, 1_000_000.0, 100.0),
        ("03", 250.0, 2020, 500_000.0, 500.0),
        ("05", 40.0, 2020, None, None),
        ("18", None, 2020, None, None),
    ]


def test_per_capita_next_year_uses_next_population(con):
    df = queries.run(con, "per_capita", indicator="money", regions=["01"])
    # 2022: 110e6 / 1 100 000 (31 Dec 2021) = 100 SEK
    assert records(df, ["year", "population_year", "per_capita"]) == [(2021, 2020, 100.0), (2022, 2021, 100.0)]


def test_rankings_higher_is_better_with_ties(con):
    df = queries.run(con, "rankings", indicator="score", year=2020)
    # 9 > 7 = 7 > 5 > 4 > 3; Riket (6.0) is never ranked
    assert records(df, ["region_code", "rank", "n_ranked"]) == [
        ("01", 1, 6), ("03", 2, 6), ("05", 2, 6), ("18", 4, 6), ("24", 5, 6), ("14", 6, 6),
    ]


def test_rankings_lower_is_better_and_bands_sort_by_best_place(con):
    df = queries.run(con, "rankings", indicator="place", year=2024)
    assert records(df, ["region_code", "rank", "value_text"]) == [
        ("city_x", 1, "5"), ("01", 2, "16"), ("03", 3, "351-400"),
    ]


def test_rankings_within_a_comparison_set(con):
    df = queries.run(con, "rankings", indicator="score", year=2020, regions=["18", "24", "14"])
    assert records(df, ["region_code", "rank", "n_ranked"]) == [("18", 1, 3), ("24", 2, 3), ("14", 3, 3)]


def test_rankings_keep_missing_values_unranked(con):
    df = queries.run(con, "rankings", indicator="money", year=2021)
    assert records(df, ["region_code", "rank", "n_ranked"]) == [
        ("03", 1, 3), ("01", 2, 3), ("05", 3, 3), ("18", None, 3),
    ]


def test_top_five_gap_for_a_value_indicator(con):
    df = queries.run(con, "top_five_gap", indicator="score", year=2020)
    # fifth best of 9, 7, 7, 5, 4, 3 is 4 (Västerbotten); gap = 4 - value
    assert records(df, ["region_code", "rank", "fifth_value", "gap", "in_top_five"]) == [
        ("01", 1, 4.0, -5.0, True),
        ("03", 2, 4.0, -3.0, True),
        ("05", 2, 4.0, -3.0, True),
        ("18", 4, 4.0, -1.0, True),
        ("24", 5, 4.0, 0.0, True),
        ("14", 6, 4.0, 1.0, False),
    ]
    assert df["fifth_region_sv"].unique().tolist() == ["Västerbotten"]
    # Västra Götaland is 1 short of 4: 25 %
    assert df.loc[df.region_code == "14", "gap_pct"].item() == pytest.approx(25.0)


def test_top_five_gap_for_a_rank_indicator_is_in_places(con):
    df = queries.run(con, "top_five_gap", indicator="place", year=2024)
    assert records(df, ["region_code", "rank", "fifth_value", "gap", "in_top_five"]) == [
        ("city_x", 5, 5.0, 0.0, True),
        ("01", 16, 5.0, 11.0, False),
        ("03", 351, 5.0, 346.0, False),
    ]
    assert df["fifth_region_en"].unique().tolist() == ["Xcity"]


def test_top_five_gap_with_fewer_than_five_regions_is_undetermined(con):
    df = queries.run(con, "top_five_gap", indicator="score", year=2020, regions=["01", "03"])
    assert records(df, ["region_code", "rank", "fifth_value", "in_top_five"]) == [
        ("01", 1, None, None), ("03", 2, None, None),
    ]


def test_citations_against_world_average(con):
    df = queries.run(con, "citations")
    assert records(df, ["region_code", "citation_avg", "difference_pp", "above_world_average",
                        "publications", "publication_share_pct", "period_label"]) == [
        ("01", 11.0, 1.0, True, 100.0, None, "2015–19"),
        ("03", 9.0, -1.0, False, 50.0, 12.9, "2015–19"),
    ]


def test_trend_indexed_to_base_year(con):
    df = queries.run(con, "trend", indicator="population", regions=["01"], base_year=2020)
    # 1 100 000 / 1 000 000 * 100 = 110
    assert records(df, ["year", "value", "index_value"]) == [(2020, 1_000_000.0, 100.0), (2021, 1_100_000.0, 110.0)]


def test_trend_year_window_without_base(con):
    df = queries.run(con, "trend", indicator="money", regions=["01"], year_from=2022, year_to=2022)
    assert records(df, ["year", "value", "index_value"]) == [(2022, 110.0, None)]


def test_coverage_marks_values_missing_and_absent(con):
    df = queries.run(con, "coverage", regions=["01", "05", "18"], indicators=["money"])
    assert records(df, ["region_code", "year", "coverage"]) == [
        ("01", 2021, "value"), ("05", 2021, "value"), ("18", 2021, "missing"),
        ("01", 2022, "value"), ("05", 2022, "absent"), ("18", 2022, "absent"),
    ]


def test_goals_progress(con):
    df = queries.run(con, "goals_progress")
    # top5: place 16 against <= 5 -> 11 places short; score_goal: 5.0 >= 5.0 met
    assert records(df, ["goal_id", "latest_year", "latest_value", "gap", "target_met"]) == [
        ("unmeasured", None, None, None, None),
        ("top5", 2024, 16.0, 11.0, False),
        ("score_goal", 2020, 5.0, 0.0, True),
    ]


def test_profile_min_max(con):
    df = queries.run(con, "profile", indicators=["score"])
    scores = dict(zip(df.region_code, df.score))
    # min 3, max 9: (7 - 3) / 6
    assert scores == pytest.approx({"01": 1.0, "03": 4 / 6, "05": 4 / 6, "18": 2 / 6, "24": 1 / 6, "14": 0.0})


def test_profile_flips_lower_is_better(con):
    df = queries.run(con, "profile", indicators=["place"])
    # only counties: 01 (16) and 03 (351 best place of band): 01 is best
    assert dict(zip(df.region_code, df.score)) == {"01": 1.0, "03": 0.0}


def test_observations_filters(con):
    df = queries.run(con, "observations", indicators=["money"], regions=["01", "18"], year_from=2021, year_to=2021)
    assert records(df, ["region_code", "value_text", "status", "publisher"]) == [
        ("01", "100", "published", "Pub"), ("18", "x", "missing", "Pub"),
    ]


def test_indicators_catalog_years(con):
    df = queries.run(con, "indicators")
    money = df[df.indicator_id == "money"].iloc[0]
    assert (money.first_year, money.latest_year, list(money.years), money.n_regions) == (2021, 2022, [2021, 2022], 4)


def test_regions_by_kind(con):
    assert queries.run(con, "regions", kind="city").region_code.tolist() == ["city_x"]


def test_sources_usage(con):
    df = queries.run(con, "sources", indicators=["place"])
    assert records(df, ["source_id", "n_observations"]) == [("s1", len(__import__("conftest").OBSERVATIONS))]


def test_injection_is_a_literal(con):
    df = queries.run(con, "observations", regions=["01' or 1=1 --"])
    assert df.empty


@pytest.mark.parametrize("name", queries.available())
def test_header_params_match_sql(name):
    query = queries.load(name)
    body = "\n".join(line.split("--")[0] for line in query.sql.splitlines())
    body = re.sub(r"'[^']*'", "''", body)
    used = set(re.findall(r"\$([a-z][a-z0-9_]*)", body))
    assert used == {p.name for p in query.params}
    assert query.purpose and query.grain


def test_unknown_parameter_and_query_are_clear(con):
    with pytest.raises(QueryError, match="no parameter “nope”"):
        queries.run(con, "trend", indicator="money", nope=1)
    with pytest.raises(QueryError, match="needs the parameter “indicator”"):
        queries.run(con, "trend")
    with pytest.raises(QueryError, match="unknown query"):
        queries.run(con, "../etc/passwd")


def test_connection_cannot_reach_files(con):
    with pytest.raises(Exception, match="disabled by configuration|Permission"):
        con.execute("select * from read_csv('/etc/passwd')").fetchall()


def test_coverage_counts_per_indicator_for_the_counties(con):
    df = queries.run(con, "coverage_counts", regions=["01", "03", "05", "14", "18", "24"])
    # money: 01, 03, 05 have values (18 is marked missing), in 2021 and 2022 (01 only);
    # place: 01 and the band of 03 (city_x is not asked for); score: six counties in 2020
    assert records(df, ["indicator_id", "n_regions_with_value", "n_years_with_value"]) == [
        ("citation_avg_clinical_pct", 2, 1), ("money", 3, 2), ("place", 2, 1), ("population", 2, 2),
        ("publications_clinical", 2, 1), ("publications_clinical_share_pct", 1, 1), ("score", 6, 1),
    ]
