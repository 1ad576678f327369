"""The ranks stored with the warehouse (queries/models/42_ranks_built.sql) against the one ranking rule
(rank_rows in 40_ranked.sql) on the hand-written fixture (conftest.py): the stored rows, filtered to what a
question asks, are the rule's answer for only what it asks; ties, missing values, a count of zero, too few
regions and published places included, each worked out by hand."""

import pandas as pd
import pytest

from regionstats import queries

RANK_COLUMNS = ["rank", "n_ranked", "n_tied", "fifth_value", "fifth_region_sv", "gap", "in_top_five", "verdict",
                "decisive"]


def stored(con, where: str = "true") -> pd.DataFrame:
    return con.execute(f"from ranks_built where {where} order by indicator_id, year, region_code").df()


def ranked_now(con, *args: str) -> pd.DataFrame:
    params = ", ".join(args) if args else "null, null, null, null, null, null"
    return con.execute(f"from rank_rows({params}) order by indicator_id, year, region_code").df()


def records(df: pd.DataFrame) -> list[tuple]:
    return [tuple(None if pd.isna(v) else v for v in row) for row in df.itertuples(index=False)]


def rows(df: pd.DataFrame, indicator: str, columns=("region_code", "rank", "n_tied", "verdict")) -> list[tuple]:
    part = df[df.indicator_id == indicator].sort_values(["rank", "region_code"], na_position="last")
    return [tuple(None if pd.isna(v) else v for v in row) for row in part[list(columns)].itertuples(index=False)]


def test_stored_ranks_are_the_rule_for_every_row(con):
    built = stored(con)
    assert len(built) == con.execute("select count(*) from stg_observations where region_kind <> 'country'").fetchone()[0]
    pd.testing.assert_frame_equal(built, ranked_now(con))


@pytest.mark.parametrize("args", [
    ("null", "'score'", "2020", "null", "null", "null"),  # one indicator and year
    ("null", "'money'", "null", "null", "null", "null"),  # one indicator, every year
    ("null", "null", "null", "null", "null", "true"),  # each indicator's latest year
    ("null", "null", "null", "null", "2021", "true"),  # the latest year up to 2021
    ("null", "null", "null", "2019", "2020", "true"),  # the latest year in 2019-2020
])
def test_stored_ranks_filtered_equal_ranking_only_what_is_asked(con, args):
    """Ranking only the asked (indicator, year) pairs changes no rank, count, fifth value or holder."""
    asked = ranked_now(con, *args)
    keys = asked[["indicator_id", "year"]].drop_duplicates()
    assert len(asked) > 0
    built = stored(con).merge(keys, on=["indicator_id", "year"])[asked.columns]
    # compared as values (a column without nulls in the part asked comes back int64, the whole table's Int64)
    assert records(built) == records(asked)


def test_ties_missing_values_and_zero_counts_by_hand(con):
    built = stored(con)
    # 9, 7, 7, 5, 4, 3 (Riket's 6 is context, never ranked): the two 7s share place 2, the next is 4th
    assert rows(built, "score") == [("01", 1, 1, "in"), ("03", 2, 2, "in"), ("05", 2, 2, "in"),
                                    ("18", 4, 1, "in"), ("24", 5, 1, "in"), ("14", 6, 1, "out")]
    # 9, 8, 7, 6, 5, 5: the two 5s straddle fifth place
    assert rows(built, "share")[-2:] == [("18", 5, 2, "tied_at_cut"), ("24", 5, 2, "tied_at_cut")]
    # 2, 1, 1, 0, 0, 0: a count of zero is never an achievement
    assert rows(built, "panels") == [("14", 1, 1, "in"), ("01", 2, 2, "in"), ("24", 2, 2, "in"),
                                     ("03", 4, 3, "zero_count"), ("05", 4, 3, "zero_count"),
                                     ("18", 4, 3, "zero_count")]
    # money 2021: 250, 100, 40 and Örebro's missing cell: three with a value are too few for a top five
    money = built[(built.indicator_id == "money") & (built.year == 2021)]
    assert rows(money, "money", ("region_code", "rank", "n_ranked", "verdict", "fifth_value")) == [
        ("03", 1, 3, "too_few", None), ("01", 2, 3, "too_few", None), ("05", 3, 3, "too_few", None),
        ("18", None, 3, None, None)]
    assert "00" not in set(built.region_code)  # Riket is never ranked


def test_fifth_value_holder_and_gap_by_hand(con):
    built = stored(con)
    growth = built[(built.indicator_id == "growth") & (built.level == "county")].set_index("region_code")
    # 4, 3, 2, 1, 0: Örebro's 0 is fifth; the city's 10 is ranked among cities only
    assert growth.fifth_value.unique().tolist() == [0.0]
    assert growth.loc["01", "gap"] == -4.0 and growth.loc["18", "fifth_region_sv"] == "Örebro"
    assert growth.gap_pct.isna().all()  # a fifth value of 0 has no gap in per cent
    city = built[(built.indicator_id == "growth") & (built.region_code == "city_x")].iloc[0]
    assert (city["rank"], city.n_ranked, city.verdict) == (1, 1, "too_few")
    score = built[(built.indicator_id == "score")].set_index("region_code")
    assert score.loc["14", "gap"] == 1.0 and score.loc["14", "gap_pct"] == pytest.approx(25.0)


def test_published_places_are_stored_as_published(con):
    built = stored(con, "indicator_id = 'place'").set_index("region_code")
    # 16, 5 and the band 351-400 by its best place: never re-ranked, five is the publisher's fifth place
    assert built["rank"].to_dict() == {"01": 16, "03": 351, "city_x": 5}
    assert built.verdict.to_dict() == {"01": "out", "03": "out", "city_x": "in"}
    assert built.n_tied.isna().all() and set(built.fifth_value) == {5.0}
    assert built.loc["01", "gap"] == 11.0


def test_rank_groups_hold_the_groups_count_and_fifth_value(con):
    groups = con.execute("from rank_groups_built order by all").df()
    score = groups[groups.indicator_id == "score"].iloc[0]
    assert (score.level, score.ranking_group, score.n_ranked, score.fifth_value) == ("county", "county", 6, 4.0)
    money = groups[(groups.indicator_id == "money") & (groups.year == 2021)].iloc[0]
    assert money.n_ranked == 3 and pd.isna(money.fifth_value)
    # the pick list of gaps reads them: money has no fifth value in any year, score has
    picked = set(queries.run(con, "gap_indicators", level="county").indicator_id)
    assert {"score", "share", "panels", "growth"} <= picked and "money" not in picked


def test_questions_read_the_same_ranks_as_the_rule_gives(con):
    """ranked_among with every region (stored) and with a comparison set of all the level's regions (ranked now)
    give the same rows for the counties' values (a published list also holds the city, so it is left out)."""
    counties = "['01', '03', '05', '14', '18', '24']"
    via_store = con.execute("from ranked_among(null, null, null, null, null, null) where level = 'county' "
                            "and not is_published_place order by all").df()
    via_rule = con.execute(f"from ranked_among({counties}, null, null, null, null, null) where level = 'county' "
                           "and not is_published_place order by all").df()
    assert len(via_store) > 20
    pd.testing.assert_frame_equal(via_store, via_rule)


@pytest.mark.parametrize("regions, home", [(("01", "03", "05", "14", "18", "24"), "18"), (("01", "03"), "18"),
                                           (("00",), "05")])
def test_county_gaps_are_every_countys_answer_for_the_chosen_and_the_home(con, regions, home):
    """Översikt and Topp fem ask for the chosen counties and the home region only (a home outside them alone):
    their rows equal every county's answer filtered to them, a home outside the chosen ones included."""
    from regionstats.selection import Selection
    from regionstats.views import Context, overview

    ctx = Context(lambda name, **p: queries.run(con, name, **p), Selection(regions=regions, home=home))
    every = queries.run(con, "top_five_gap", level="county", latest=True)
    wanted = set(regions) - {"00"} | {home}
    every = every[every.region_code.isin(wanted) & ~every.indicator_id.isin(overview.NOT_IN_MATRIX)]
    asked = overview.county_gaps(ctx)
    key = ["indicator_id", "region_code"]
    assert len(asked) > 0
    assert records(asked.sort_values(key)) == records(every.sort_values(key))
    home_rows = asked[asked.region_code == home]
    assert records(home_rows) == records(every[every.region_code == home])  # in the order the table draws them
