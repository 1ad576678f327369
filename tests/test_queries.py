"""Every query in queries/ against the hand-written fixture in conftest.py.

Expected rows are worked out by hand from the fixture; the comments show the sums.
"""

import math
import re

import pandas as pd
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
    # 9 > 7 = 7 > 5 > 4 > 3: one more than the number strictly better; Riket (6.0) is never ranked
    assert records(df, ["region_code", "rank", "n_ranked", "rank_kind", "level"]) == [
        ("01", 1, 6, "relative", "county"), ("03", 2, 6, "relative", "county"), ("05", 2, 6, "relative", "county"),
        ("18", 4, 6, "relative", "county"), ("24", 5, 6, "relative", "county"), ("14", 6, 6, "relative", "county"),
    ]


def test_rankings_never_rerank_a_published_place(con):
    df = queries.run(con, "rankings", indicator="place", year=2024)
    # given places 16 (a county), 5 (a city) and the band 351-400: each keeps its published place
    assert records(df, ["region_code", "rank", "rank_kind", "value_text"]) == [
        ("city_x", 5, "published", "5"), ("01", 16, "published", "16"), ("03", 351, "published", "351-400"),
    ]
    alone = queries.run(con, "rankings", indicator="place", year=2024, comparison_set=["01"])
    assert alone["rank"].tolist() == [16]  # not "1 of 1"


def test_rankings_within_a_comparison_set_and_regions_shown(con):
    df = queries.run(con, "rankings", indicator="score", year=2020, comparison_set=["18", "24", "14"])
    assert records(df, ["region_code", "rank", "n_ranked"]) == [("18", 1, 3), ("24", 2, 3), ("14", 3, 3)]
    # ranked among all counties, only two shown
    shown = queries.run(con, "rankings", indicator="score", year=2020, regions=["18", "14"])
    assert records(shown, ["region_code", "rank", "n_ranked"]) == [("18", 4, 6), ("14", 6, 6)]


def test_rankings_keep_missing_values_unranked(con):
    df = queries.run(con, "rankings", indicator="money", year=2021)
    assert records(df, ["region_code", "rank", "n_ranked"]) == [
        ("03", 1, 3), ("01", 2, 3), ("05", 3, 3), ("18", None, 3),
    ]


def test_rankings_never_mix_levels(con):
    # given a city (10 %) far above every county: it is ranked among cities, the counties among counties
    df = queries.run(con, "rankings", indicator="growth", year=2021)
    assert records(df, ["region_code", "level", "rank", "n_ranked"]) == [
        ("city_x", "city", 1, 1),
        ("01", "county", 1, 5), ("03", "county", 2, 5), ("05", "county", 3, 5), ("14", "county", 4, 5),
        ("18", "county", 5, 5),
    ]
    counties = queries.run(con, "rankings", indicator="growth", year=2021, level="county")
    assert set(counties.level) == {"county"} and "city_x" not in set(counties.region_code)


def test_top_five_gap_for_a_value_indicator(con):
    df = queries.run(con, "top_five_gap", indicator="score", year=2020)
    # fifth best of 9, 7, 7, 5, 4, 3 is 4 (Västerbotten); gap = 4 - value
    assert records(df, ["region_code", "rank", "fifth_value", "gap", "in_top_five", "verdict", "decisive"]) == [
        ("01", 1, 4.0, -5.0, True, "in", True),
        ("03", 2, 4.0, -3.0, True, "in", True),
        ("05", 2, 4.0, -3.0, True, "in", True),
        ("18", 4, 4.0, -1.0, True, "in", True),
        ("24", 5, 4.0, 0.0, True, "in", True),
        ("14", 6, 4.0, 1.0, False, "out", True),
    ]
    assert df["fifth_region_sv"].unique().tolist() == ["Västerbotten"]
    # Västra Götaland is 1 short of 4: 25 %
    assert df.loc[df.region_code == "14", "gap_pct"].item() == pytest.approx(25.0)


def test_gap_indicators_are_those_with_a_fifth_value_at_the_level(con):
    df = queries.run(con, "gap_indicators", level="county")
    # five or more counties with a value in one year: growth (5 in 2021), panels, score, share (6 in 2018/2020);
    # place is a published place (fifth = place 5); money (3 and 1), citations, population: fewer than five
    assert records(df, ["indicator_id", "name_sv"]) == [
        ("growth", "growth sv"), ("panels", "panels sv"), ("score", "score sv"), ("share", "share sv"),
        ("place", "place sv"),
    ]
    every = queries.run(con, "top_five_gap", level="county")
    assert set(df.indicator_id) == set(every.indicator_id[every.fifth_value.notna()])


def test_top_five_gap_for_a_rank_indicator_is_in_places(con):
    df = queries.run(con, "top_five_gap", indicator="place", year=2024)
    assert records(df, ["region_code", "rank", "fifth_value", "gap", "in_top_five", "gap_pct"]) == [
        ("city_x", 5, 5.0, 0.0, True, None),
        ("01", 16, 5.0, 11.0, False, None),
        ("03", 351, 5.0, 346.0, False, None),
    ]
    assert df["fifth_region_en"].unique().tolist() == ["Xcity"]


def test_top_five_gap_with_fewer_than_five_regions_is_not_decisive(con):
    df = queries.run(con, "top_five_gap", indicator="score", year=2020, comparison_set=["01", "03"])
    assert records(df, ["region_code", "rank", "n_ranked", "fifth_value", "in_top_five", "verdict", "decisive"]) == [
        ("01", 1, 2, None, None, "too_few", False), ("03", 2, 2, None, None, "too_few", False),
    ]


def test_top_five_tie_at_fifth_place_is_not_decisive(con):
    df = queries.run(con, "top_five_gap", indicator="share", year=2020)
    # 9, 8, 7, 6, 5, 5: Örebro and Västerbotten share fifth place; four are strictly better, so by the rule
    # both are in the top five, but six regions for five places is not a decisive verdict
    assert records(df, ["region_code", "rank", "n_tied", "in_top_five", "verdict", "decisive"]) == [
        ("01", 1, 1, True, "in", True), ("03", 2, 1, True, "in", True), ("05", 3, 1, True, "in", True),
        ("14", 4, 1, True, "in", True),
        ("18", 5, 2, True, "tied_at_cut", False), ("24", 5, 2, True, "tied_at_cut", False),
    ]
    assert df.fifth_region_sv.iloc[0] == "Västerbotten, Örebro"


def test_top_five_count_of_zero_is_not_decisive(con):
    df = queries.run(con, "top_five_gap", indicator="panels", year=2018)
    # 2, 1, 1, 0, 0, 0 (as ALF panels graded A): zero panels is fourth "by rank" but decides nothing
    verdicts = dict(zip(df.region_code, df.verdict))
    assert verdicts == {"14": "in", "01": "in", "24": "in", "03": "zero_count", "05": "zero_count",
                        "18": "zero_count"}
    assert df.loc[df.region_code == "18", "rank"].item() == 4
    assert not df.loc[df.region_code == "18", "decisive"].item()


def test_top_five_fifth_value_zero_gives_no_infinite_percentage(con):
    df = queries.run(con, "top_five_gap", indicator="growth", year=2021, level="county")
    # 4, 3, 2, 1, 0: the fifth value is 0, so a gap in per cent is undefined (null, never ±inf)
    assert df.fifth_value.unique().tolist() == [0.0]
    assert df.gap_pct.isna().all()
    assert records(df, ["region_code", "gap", "verdict"])[-1] == ("18", 0.0, "in")


def test_top_five_latest_year_within_a_window(con):
    df = queries.run(con, "top_five_gap", indicator="money", latest=True, level="county")
    assert set(df.year) == {2022}
    df = queries.run(con, "top_five_gap", indicator="money", latest=True, year_to=2021, level="county")
    assert set(df.year) == {2021}



@pytest.mark.parametrize("window", [dict(), dict(year_to=2021), dict(year_from=2019, year_to=2020)])
def test_ranking_only_the_years_asked_changes_no_rank(con, window):
    """ranked_among leaves out the (indicator, year) pairs not asked for before ranking (a million rows at
    scale); every rank, count, fifth value and holder must equal ranking everything and filtering after."""
    bounds = ", ".join(repr(window.get(k)).replace("None", "null") for k in ("year_from", "year_to"))
    everything = con.execute(f"""
        select r.* from ranked_in(null) as r
        join latest_years_in({bounds}) as l using (indicator_id, level, year)
        order by all""").df()
    asked = con.execute(f"""
        select r.* from ranked_among(null, null, null, {bounds}, true) as r
        join latest_years_in({bounds}) as l using (indicator_id, level, year)
        order by all""").df()
    assert len(everything) > 0
    pd.testing.assert_frame_equal(asked, everything)
    one = con.execute("from ranked_among(null, 'money', 2021, null, null, null) order by all").df()
    pd.testing.assert_frame_equal(one, con.execute(
        "from ranked_in(null) where indicator_id = 'money' and year = 2021 order by all").df())

def test_published_list_size_from_optional_columns():
    """list_size in indicators.csv (per indicator) or observations.csv (per year) reaches the ranking."""
    import duckdb
    import pandas as pd
    from conftest import TABLES
    from regionstats import models

    con = duckdb.connect()
    indicators = TABLES["indicators"].assign(list_size=None, list_scope_sv=None, list_scope_en=None)
    indicators.loc[indicators.indicator_id == "place", ["list_size", "list_scope_sv", "list_scope_en"]] = (
        20, "städer", "cities")
    observations = TABLES["observations"].assign(list_size=None, note_en=None)  # as the loader pads it
    observations.loc[(observations.indicator_id == "place") & (observations.region_code == "01"), "list_size"] = 239
    for name, frame in {**TABLES, "indicators": indicators, "observations": observations}.items():
        con.register("incoming", pd.DataFrame(frame))
        con.execute(f"create table {name} as select * from incoming")
        con.unregister("incoming")
    models.create_models(con)
    df = queries.run(con, "rankings", indicator="place", year=2024)
    assert records(df, ["region_code", "rank", "list_size", "list_scope_sv"]) == [
        ("city_x", 5, 20, "städer"), ("01", 16, 239, "städer"), ("03", 351, 20, "städer"),
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
    # place: 01 and the band of 03; growth: five counties (city_x is not asked for); a provisional
    # or conflicting value is a value (panels, share: all six counties)
    assert records(df, ["indicator_id", "n_regions_with_value", "n_years_with_value"]) == [
        ("citation_avg_clinical_pct", 2, 1), ("growth", 5, 1), ("money", 3, 2), ("panels", 6, 1),
        ("place", 2, 1), ("population", 2, 2), ("publications_clinical", 2, 1),
        ("publications_clinical_share_pct", 1, 1), ("score", 6, 1), ("share", 6, 1),
    ]


def cte_bodies(sql: str) -> dict[str, str]:
    """{name: body} of every 'name as (...)' block, the body with comments and spacing normalised."""
    sql = "\n".join(line.split("--")[0] for line in sql.splitlines())
    bodies = {}
    for match in re.finditer(r"^([a-z_]+) as \($", sql, flags=re.MULTILINE):
        depth, end = 1, match.end()
        while depth and end < len(sql):
            depth += {"(": 1, ")": -1}.get(sql[end], 0)
            end += 1
        bodies[match.group(1)] = " ".join(sql[match.end():end - 1].split())
    return bodies


def test_no_query_repeats_another_files_ctes():
    """One rule, one place: no CTE body appears in two SQL files (questions and staging models)."""
    from regionstats import config, models

    files = [config.queries_dir() / f"{name}.sql" for name in queries.available()] + models.model_files()
    seen = {}
    for path in files:
        for name, body in cte_bodies(path.read_text(encoding="utf-8")).items():
            assert body not in seen, f"{name} in {path.name} repeats {seen[body]}"
            seen[body] = f"{name} in {path.name}"
    assert len(seen) >= 10
    assert not any("models" in name for name in queries.available())


def test_published_list_size_from_the_sourced_ladder_editions():
    """A list's size per edition (ladder_editions, sourced) and its scope (ladders) reach every place."""
    import duckdb
    import pandas as pd
    from conftest import TABLES
    from regionstats import models

    con = duckdb.connect()
    extra = {
        "ladders": pd.DataFrame({"indicator_id": ["place"], "scope": ["city"]}),
        "ladder_editions": pd.DataFrame({"indicator_id": ["place", "place"], "edition": [2023, 2024],
                                         "list_size": [18, 20]}),
    }
    observations = TABLES["observations"].assign(note_en=None)  # as the loader pads a column added later
    for name, frame in {**TABLES, **extra, "observations": observations}.items():
        con.register("incoming", pd.DataFrame(frame))
        con.execute(f"create table {name} as select * from incoming")
        con.unregister("incoming")
    models.create_models(con)
    df = queries.run(con, "top_five_gap", indicator="place", year=2024)
    assert records(df, ["region_code", "rank", "list_size", "list_scope"]) == [
        ("city_x", 5, 20, "city"), ("01", 16, 20, "city"), ("03", 351, 20, "city"),
    ]
    from regionstats.selection import Selection
    from regionstats.views import Context, place_text
    ctx = Context(lambda name, **p: queries.run(con, name, **p), Selection())
    assert place_text(ctx, df.iloc[1]) == "plats 16 (listan: 20 städer)"


def _calls_of_every_page(con):
    """Every (query, parameters) the pages ask on the fixture, for three selections, and each query bare."""
    from regionstats.selection import Selection
    from regionstats.views import registry

    calls = {}

    def recording(name, **params):
        calls.setdefault((name, repr(sorted(params.items()))), (name, params))
        return queries.run(con, name, **params)

    for selection in (Selection(regions=("01", "03", "05", "14", "18", "24"), home="18"),
                      Selection(lang="en", regions=("01", "03", "00"), home="03", year_from=2019, year_to=2020)):
        for page in registry.TABLE:
            try:
                registry.build_page(page.slug, recording, selection)
            except KeyError:  # the fixture lacks a page's fixed indicator; the queries asked before still count
                pass
    for name in queries.available():
        query = queries.load(name)
        if all(p.optional for p in query.params):
            calls.setdefault((name, "[]"), (name, {}))
    return list(calls.values())


def test_results_through_arrow_equal_duckdbs_own_frames(con):
    """queries.run builds frames from Arrow (faster for text); they must be the frames .df() gives, dtypes and
    nulls included, for every query the pages ask."""
    calls = _calls_of_every_page(con)
    assert len(calls) > 40
    for name, params in calls:
        query = queries.load(name)
        expected = con.cursor().execute(query.sql, queries.bind(query, params)).df()
        shown = queries.run(con, name, **params)
        assert list(shown.dtypes.astype(str)) == list(expected.dtypes.astype(str)), (name, params)
        pd.testing.assert_frame_equal(shown, expected, check_exact=False, rtol=1e-12, obj=f"{name} {params}")


def test_observations_limit_keeps_the_first_rows_and_counts_them_all(con):
    every = queries.run(con, "observations", regions=["01", "03"])
    first = queries.run(con, "observations", regions=["01", "03"], limit=3)
    assert len(every) == 21 and set(every.n_total) == {21}  # Stockholm's 11 and Uppsala's 10
    pd.testing.assert_frame_equal(first, every.head(3))
    assert queries.run(con, "observations", regions=["nowhere"], limit=3).empty


def test_coverage_keeps_the_first_indicators_and_counts_them_all(con):
    every = queries.run(con, "coverage", regions=["01", "03"], latest=True)
    first = queries.run(con, "coverage", regions=["01", "03"], latest=True, indicator_limit=2)
    kept = sorted(set(every.indicator_id))[:2]
    assert set(every.n_indicators) == {len(set(every.indicator_id))} == {10}
    pd.testing.assert_frame_equal(first, every[every.indicator_id.isin(kept)].reset_index(drop=True))


def test_coverage_matrix_draws_the_first_indicators_and_says_how_many(con, monkeypatch):
    from regionstats.selection import Selection
    from regionstats.views import Context, data_sources

    monkeypatch.setattr(data_sources, "MATRIX_INDICATORS", 3)
    ctx = Context(lambda name, **p: queries.run(con, name, **p), Selection(regions=("01", "03", "00")))
    chart = data_sources.coverage_chart(ctx)
    assert chart.notes == ["Visar 3 av 10 indikatorer: välj en indikator ovan för att se just den."]
    assert len(chart.spec.rows) == 3
