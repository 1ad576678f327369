"""The world top-five queries (queries/world_*.sql) on a small hand-worked warehouse.

Each expectation is worked out by hand in the comments: the region's entry per list scope, the
flagship rule on university lists, the level guard on NUTS 2 lists, fifth place with ties, and the
path to fifth place (change per edition needed, year reached at the trend, never at this trend).
"""

import math

import pandas as pd
import pytest

from regionstats import db, queries
from tests.conftest import INDICATORS, SOURCES, frame, indicator, obs

REGIONS = frame(
    "region_code, kind, name_sv, name_en, nuts2, county_code, alf_region, focus_region, note",
    [
        ("00", "country", "Riket", "Sweden", "SE", None, False, False, None),
        ("01", "county", "Stockholm", "Stockholm", "SE11", "01", True, True, None),
        ("03", "county", "Uppsala", "Uppsala", "SE12", "03", True, True, None),
        ("05", "county", "Östergötland", "Östergötland", "SE12", "05", True, True, None),
        ("uni_a", "university", "Uni A", "Uni A", "SE11", "01", False, False, None),
        ("uni_b", "university", "Uni B", "Uni B", "SE11", "01", False, False, None),
        ("nuts_SE12", "nuts2", "SE12 Östra", "SE12 East", "SE12", None, False, False, None),
        ("nuts_X", "nuts2", "XX1 Ixland", "XX1 Xland", "XX1", None, False, False, None),
    ]
    + [(f"c{i}", "city", f"Stad {i}", f"City {i}", None, None, False, False, None) for i in range(1, 6)]
    + [(f"u{i}", "university", f"Uni {i}", f"Uni {i}", None, None, False, False, None) for i in range(1, 6)]
    + [(f"n{i}", "nuts2", f"N{i}", f"N{i}", f"NN{i}", None, False, False, None) for i in range(1, 6)],
)

WORLD_INDICATORS = pd.concat([INDICATORS, frame(
    "indicator_id, name_sv, name_en, unit, unit_sv, unit_en, decimals, direction, category, "
    "definition_sv, definition_en, convention_sv, convention_en",
    [indicator("lad_city", "rank", "lower", "ranking"), indicator("lad_uni", "rank", "lower", "ranking"),
     indicator("lad_nuts", "rank", "lower", "ranking"), indicator("eu_x", "percent", "higher", "funding", 1)],
)], ignore_index=True)

OBSERVATIONS = frame(
    "region_code, indicator_id, year, period_start, period_end, period_label, value, value_text, "
    "value_low, value_high, status, source_id, note",
    [
        # a city list: Stockholm 20 → 16 → 12 every second year; the top five of 2024 are c1..c5
        obs("01", "lad_city", 2020, 20), obs("01", "lad_city", 2022, 16), obs("01", "lad_city", 2024, 12),
        *[obs(f"c{i}", "lad_city", 2024, i) for i in range(1, 6)],
        # a university list: uni_a has the most editions (the flagship); uni_b only in 2022 and 2024
        obs("uni_a", "lad_uni", 2021, 30), obs("uni_a", "lad_uni", 2022, 35),
        obs("uni_a", "lad_uni", 2023, 40),
        obs("uni_b", "lad_uni", 2022, 25), obs("uni_b", "lad_uni", 2024, 10),
        # 2023's top: a tie at fourth place and nobody fifth
        obs("u3", "lad_uni", 2023, 1), obs("u4", "lad_uni", 2023, 2), obs("u5", "lad_uni", 2023, 3),
        obs("u1", "lad_uni", 2023, 4), obs("u2", "lad_uni", 2023, 4),
        # a NUTS 2 list: Stockholm's county row (the county is all of SE11) counts; Uppsala's county row
        # must not (SE12 also holds Östergötland): its entry is the NUTS 2 region SE12
        obs("01", "lad_nuts", 2023, 3), obs("03", "lad_nuts", 2023, 2),
        obs("nuts_SE12", "lad_nuts", 2021, 8), obs("nuts_SE12", "lad_nuts", 2023, 6),
        *[obs(f"n{i}", "lad_nuts", 2023, i) for i in (1, 2, 4, 5)],
        # a Eurostat NUTS 2 indicator: a county row is never ranked with the NUTS 2 regions
        obs("nuts_SE12", "eu_x", 2022, 3.5), obs("nuts_X", "eu_x", 2022, 4.0),
        obs("nuts_X", "eu_x", 2021, 9.0),
        obs("01", "eu_x", 2022, 9.9),
    ],
)

GOALS = frame(
    "goal_id, owner, title_sv, title_en, goal_text, indicator_id, region_code, target_value, "
    "target_comparator, target_year, source_id, note",
    [("top5", "Region Stockholm", "Topp fem", "Top five", "one of the top five", "lad_city", "01", 5.0, "<=",
      2030, "s1", None)],
)

LADDERS = frame(
    "indicator_id, scope, publisher, life_science, method_sv, method_en, method_url",
    [("lad_city", "city", "P", True, "m sv", "m en", None),
     ("lad_uni", "university", "P", False, "m", "m", None),
     ("lad_nuts", "nuts2", "P", False, "m", "m", None)],
)

LADDER_EDITIONS = frame(
    "indicator_id, edition, list_size, source_id, note",
    [("lad_city", 2024, 20, "s1", None), ("lad_uni", 2023, 100, "s1", None)],
)


@pytest.fixture
def wcon():
    connection = db.connect_in_memory({
        "regions": REGIONS, "indicators": WORLD_INDICATORS, "sources": SOURCES, "observations": OBSERVATIONS,
        "goals": GOALS, "ladders": LADDERS, "ladder_editions": LADDER_EDITIONS,
    })
    yield connection
    connection.close()


def by_ladder(frame):
    return {row["indicator_id"]: row for _, row in frame.iterrows()}


def missing(value):
    return value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value))


def test_city_list_path_to_fifth_place_at_the_trend(wcon):
    row = by_ladder(queries.run(wcon, "world_ladders", region="01"))["lad_city"]
    assert (row.entry_code, row.edition, row.place, row.list_size) == ("01", 2024, 12, 20)
    assert (row.fifth_place, row.fifth_holder_en, row.distance) == (5, "City 5", 7)
    # places 20, 16, 12 in 2020, 2022, 2024: slope −2 places a year, spacing 2 years
    assert row.n_editions == 3 and row.slope == pytest.approx(-2.0) and row.spacing == pytest.approx(2.0)
    # target 2030 (the goal): floor((2030 − 2024) / 2) = 3 editions left; (5 − 12) / 3 = −2,33 per edition
    assert row.target_year == 2030 and row.editions_left == 3
    assert row.needed_per_edition == pytest.approx(-7 / 3)
    # at −2 a year: 2024 + ceil(7 / 2) = 2028
    assert (row.reach_year, row.path_status) == (2028, "at_trend")
    assert [(h["edition"], h["place"]) for h in row.history] == [(2020, 20), (2022, 16), (2024, 12)]


def test_target_year_parameter_and_no_edition_left(wcon):
    row = by_ladder(queries.run(wcon, "world_ladders", region="01", target_year=2024))["lad_city"]
    # floor((2024 − 2024) / 2) = 0 editions left: no change per edition can be given
    assert row.editions_left == 0 and missing(row.needed_per_edition)
    assert row.reach_year == 2028


def test_university_list_uses_the_flagships_editions_and_never_at_this_trend(wcon):
    row = by_ladder(queries.run(wcon, "world_ladders", region="01"))["lad_uni"]
    # editions of uni_a (3) only: 2021 30 (a), 2022 min(35, 25) = 25 (b), 2023 40 (a); 2024 (b only) left out
    assert [(h["edition"], h["place"]) for h in row.history] == [(2021, 30), (2022, 25), (2023, 40)]
    assert (row.entry_code, row.edition, row.place, row.list_size) == ("uni_a", 2023, 40, 100)
    # slope: x̄ = 2022, ȳ = 95/3; Σ(x−x̄)(y−ȳ) = (−1)(−5/3) + 0 + (1)(25/3) = 10; Σ(x−x̄)² = 2 → +5 a year
    assert row.slope == pytest.approx(5.0)
    assert (row.path_status, missing(row.reach_year)) == ("never", True)
    # 7 editions left before 2030: (5 − 40) / 7 = −5 places per edition
    assert row.editions_left == 7 and row.needed_per_edition == pytest.approx(-5.0)
    # nobody is fifth in 2023: the tie at fourth holds the last top-five place
    assert (row.fifth_place, row.fifth_holder_en, row.distance) == (4, "Uni 1, Uni 2", 35)


def test_nuts2_list_level_guard(wcon):
    stockholm = by_ladder(queries.run(wcon, "world_ladders", region="01"))["lad_nuts"]
    # county 01 is the whole of SE11: its row counts, labelled as the NUTS 2 region
    assert (stockholm.entry_code, stockholm.entry_name_en, stockholm.place) == ("01", "SE11 Stockholm", 3)
    assert (stockholm.distance, stockholm.path_status, stockholm.needed_per_edition) == (0, "in_top_five", 0)
    uppsala = by_ladder(queries.run(wcon, "world_ladders", region="03"))["lad_nuts"]
    # Uppsala's county row (place 2) is never used: SE12 also holds Östergötland
    assert (uppsala.entry_code, uppsala.place, uppsala.distance) == ("nuts_SE12", 6, 1)
    assert (uppsala.n_editions, uppsala.path_status) == (2, "too_few_editions")
    # no goal for Uppsala: the top-five goal's year (2030) is used
    assert uppsala.target_year == 2030 and missing(uppsala.editions_left)


def test_a_region_without_a_place_keeps_its_row(wcon):
    rows = by_ladder(queries.run(wcon, "world_ladders", region="05"))
    assert set(rows) == {"lad_city", "lad_uni", "lad_nuts"}
    assert rows["lad_city"].path_status == "no_place" and missing(rows["lad_city"].place)
    # the list's latest edition, size and fifth place are still shown; no distance is made up
    city = rows["lad_city"]
    assert (city.edition, city.list_size, city.fifth_holder_en) == (2024, 20, "City 5")
    assert missing(city.distance)
    assert rows["lad_nuts"].entry_code == "nuts_SE12"  # Östergötland lies in SE12 too


def test_leaders_of_the_latest_edition_keep_ties(wcon):
    leaders = queries.run(wcon, "world_leaders", indicator="lad_uni")
    assert list(zip(leaders.edition, leaders.place, leaders.name_en)) == [
        (2023, 1, "Uni 3"), (2023, 2, "Uni 4"), (2023, 3, "Uni 5"), (2023, 4, "Uni 1"), (2023, 4, "Uni 2")]
    assert set(leaders.list_size) == {100}
    ris = queries.run(wcon, "world_leaders", indicator="lad_nuts")
    # a county row on a NUTS 2 list is named as its NUTS 2 region
    assert list(zip(ris.place, ris.name_en)) == [
        (1, "N1"), (2, "N2"), (2, "SE12 Uppsala"), (3, "SE11 Stockholm"), (4, "N4"), (5, "N5")]


def test_nuts2_indicator_ranks_only_nuts2_regions_in_the_latest_year(wcon):
    df = queries.run(wcon, "world_nuts2", region="03", indicator="eu_x")
    # 2022 only; county 01's 9,9 is left out; XX1 4,0 first, SE12 3,5 second
    assert list(zip(df.region_code, df.year, df["rank"], df.n_ranked, df.is_home)) == [
        ("nuts_X", 2022, 1, 2, False), ("nuts_SE12", 2022, 2, 2, True)]


# --- method segments (data-eu): a list that changed its method -------------------------------------------

SEGMENTED_OBSERVATIONS = pd.concat([OBSERVATIONS, frame(
    "region_code, indicator_id, year, period_start, period_end, period_label, value, value_text, "
    "value_low, value_high, status, source_id, note",
    # Stockholm 40, 10 under the old method (2016, 2018); 30, 26, 22 under the new one (2020–2024)
    [obs("01", "lad_seg", y, p) for y, p in ((2016, 40), (2018, 10), (2020, 30), (2022, 26), (2024, 22))]
    + [obs(f"c{i}", "lad_seg", 2024, i) for i in range(1, 6)]
    # a NUTS 2 value in a later year than the home region's: the home region's year is shown
    + [obs("nuts_X", "eu_x", 2023, 7.0)],
)], ignore_index=True)

SEGMENTED_EDITIONS = pd.concat([LADDER_EDITIONS, frame(
    "indicator_id, edition, list_size, source_id, note, segment, segment_note",
    [("lad_seg", 2016, 50, "s1", None, "old", "From 2016: old method"),
     ("lad_seg", 2018, 50, "s1", None, "old", "From 2016: old method"),
     ("lad_seg", 2020, None, "s1", None, "new", "From 2020: ”the list now counts deals”")],
)], ignore_index=True)


@pytest.fixture
def segmented():
    connection = db.connect_in_memory({
        "regions": REGIONS, "indicators": pd.concat([WORLD_INDICATORS, frame(
            "indicator_id, name_sv, name_en, unit, unit_sv, unit_en, decimals, direction, category, "
            "definition_sv, definition_en, convention_sv, convention_en",
            [indicator("lad_seg", "rank", "lower", "ranking")])], ignore_index=True),
        "sources": SOURCES, "observations": SEGMENTED_OBSERVATIONS, "goals": GOALS,
        "ladders": pd.concat([LADDERS, frame(
            "indicator_id, scope, publisher, life_science, method_sv, method_en, method_url",
            [("lad_seg", "city", "P", True, "m", "m", None)])], ignore_index=True),
        "ladder_editions": SEGMENTED_EDITIONS,
    })
    yield connection
    connection.close()


def test_the_trend_stops_at_a_method_break(segmented):
    row = by_ladder(queries.run(segmented, "world_ladders", region="01"))["lad_seg"]
    # the last segment only (2020, 2022, 2024: 30, 26, 22): slope −2 a year, spacing 2 years, 3 editions.
    # (All five editions would give x̄ = 2020, ȳ = 25,6, Σ(x−x̄)(y−ȳ) = −40, Σ(x−x̄)² = 40: slope −1.)
    assert (row.segment, row.segment_start, row.n_editions, row.n_editions_all) == ("new", 2020, 3, 5)
    assert row.slope == pytest.approx(-2.0) and row.spacing == pytest.approx(2.0)
    assert (row.first_edition, row.first_place) == (2020, 30)
    # to 2030: floor((2030 − 2024) / 2) = 3 editions left; (5 − 22) / 3 = −17/3 places per edition
    assert row.editions_left == 3 and row.needed_per_edition == pytest.approx(-17 / 3)
    # at −2 a year: 2024 + ceil(17 / 2) = 2033
    assert (row.reach_year, row.path_status) == (2033, "at_trend")
    # every edition is kept for drawing, with its segment, and the break where the new method starts
    assert [(h["edition"], h["place"], h["segment"]) for h in row.history] == [
        (2016, 40, "old"), (2018, 10, "old"), (2020, 30, "new"), (2022, 26, "new"), (2024, 22, "new")]
    assert [(b["edition"], b["segment"]) for b in row.breaks] == [(2020, "new")]


def test_a_list_without_segments_has_one_series_and_no_break(segmented):
    row = by_ladder(queries.run(segmented, "world_ladders", region="01"))["lad_city"]
    assert (row.n_editions, row.n_editions_all, row.reach_year) == (3, 3, 2028)
    assert missing(row.breaks)  # no later segment start: no break


def test_nuts2_shows_the_home_regions_latest_year(segmented):
    # nuts_X has 2023 too, but SE12 (Uppsala's NUTS 2 region) has 2022 at the latest: 2022 is shown
    uppsala = queries.run(segmented, "world_nuts2", region="03", indicator="eu_x")
    assert set(uppsala.year) == {2022}
    # Stockholm's SE11 has no value at all: the latest year with any value
    stockholm = queries.run(segmented, "world_nuts2", region="01", indicator="eu_x")
    assert list(zip(stockholm.region_code, stockholm.year, stockholm["rank"])) == [("nuts_X", 2023, 1)]


def test_no_world_question_spells_out_the_top_five_rule():
    """Fifth place lives in the staging layer (queries/models/40_ranked.sql): the world questions read its
    verdict, fifth value and gap instead of comparing places with 5."""
    import re
    from pathlib import Path

    for path in Path(queries.__file__).resolve().parent.parent.joinpath("queries").glob("world_*.sql"):
        code = "\n".join(line.split("--")[0] for line in path.read_text(encoding="utf-8").splitlines())
        assert not re.search(r"(?<![\w.])5(?![\w.])", code), path.name
