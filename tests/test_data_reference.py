"""Checks of the curated reference rows in data/ (everything after the 83 key-figures rows) and of goals.csv.

These read the real CSV files, so a bad edit to data/ fails here.
"""

import csv
import importlib.util
import re
import sys
from collections import Counter
from pathlib import Path

import pytest

from regionstats import schema
from regionstats.validate import load_and_validate

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
KEYFIGURE_ROWS = 83


def rows(name: str) -> list[dict]:
    with (DATA / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture(scope="module")
def observations() -> list[dict]:
    return rows("observations.csv")


@pytest.fixture(scope="module")
def by_key(observations) -> dict[tuple, dict]:
    return {(r["region_code"], r["indicator_id"], int(r["year"])): r for r in observations}


def value(by_key, region, indicator, year) -> float:
    return float(by_key[(region, indicator, year)]["value"])


def test_data_folder_validates_without_issues():
    tables, issues = load_and_validate(DATA)
    assert [i.message("en") for i in issues] == []
    assert len(tables["observations"].rows) > KEYFIGURE_ROWS + 500


def test_no_key_is_duplicated(observations):
    counts = Counter((r["region_code"], r["indicator_id"], r["year"]) for r in observations)
    assert [key for key, n in counts.items() if n > 1] == []


def test_key_figures_rows_come_first_and_are_kept(observations):
    first = observations[:KEYFIGURE_ROWS]
    assert all(r["source_id"] == "orebro_ls_strategy_2021" for r in first)
    # later rows cite the table only for a university's share of a county cell (one state university per county)
    assert all(r["region_code"].startswith("uni_") for r in observations[KEYFIGURE_ROWS:]
               if r["source_id"] == "orebro_ls_strategy_2021")
    assert (first[0]["region_code"], first[0]["indicator_id"], first[0]["value_text"]) == (
        "00", "ls_region_rank_tillvaxtverket", "*")
    assert first[-1]["indicator_id"] == "publications_clinical_share_pct"


def test_medcity_2024_has_twenty_ranks_with_paris_fifth_and_stockholm_sixteenth(observations):
    medcity = {r["region_code"]: r for r in observations if r["indicator_id"] == "medcity_rank" and r["year"] == "2024"}
    assert sorted(int(float(r["value"])) for r in medcity.values()) == list(range(1, 21))
    assert float(medcity["city_paris"]["value"]) == 5
    assert float(medcity["01"]["value"]) == 16
    assert float(medcity["city_boston"]["value"]) == 1
    assert "stadsregion" in medcity["01"]["note"]
    assert {r["source_id"] for r in medcity.values()} == {"medcity_2024_pharmaphorum"}


def test_every_observation_and_goal_source_exists_and_every_source_is_used(observations):
    sources = {r["source_id"]: r for r in rows("sources.csv")}
    goals = rows("goals.csv")
    list_sizes = {r["source_id"] for r in rows("ladder_editions.csv") if r["source_id"]}
    used = {r["source_id"] for r in observations} | {g["source_id"] for g in goals} | list_sizes
    assert used - set(sources) == set()
    assert set(sources) - used == set()
    for source in sources.values():
        assert source["publisher"] and source["title"] and source["url"].startswith("http"), source["source_id"]
        assert source["accessed"] == "2026-11-24"


def test_one_source_row_per_url():
    urls = Counter(r["url"] for r in rows("sources.csv") if r["url"] not in {
        "https://www.regionstockholm.se"})  # two seed documents of Region Stockholm share the publisher's site
    assert [url for url, n in urls.items() if n > 1] == []


def test_sweden_population_is_scb_31_december(by_key):
    assert value(by_key, "00", "population", 2020) == 10379295
    assert value(by_key, "00", "population", 2024) == 10587710
    assert by_key[("00", "population", 2020)]["source_id"] == "scb_folkmangd_landskap_2020"
    assert value(by_key, "18", "population", 2020) == 305643


def test_approximate_population_is_left_out_and_copies_give_way_to_scb_series(by_key):
    assert by_key[("03", "population", 2022)]["value"] != "400000"  # "över 400 000" is a lower bound
    for key in (("01", "population", 2020), ("14", "population", 2023)):
        assert by_key[key]["source_id"].startswith("scb_region_halland"), key
        assert by_key[key]["status"] == "published"


def test_lund_the_2022_conflict_is_resolved_by_thes_own_table_116(by_key):
    row = by_key[("uni_lu", "the_world_rank", 2022)]
    assert (float(row["value"]), row["status"]) == (116, "published")
    assert "166" in row["note"] and "THE_2022_rankings.csv" in row["note"]


def test_bands_keep_text_and_bounds(observations):
    bands = [r for r in observations if r["value_low"] or r["value_high"]]
    assert len(bands) > 20
    for r in bands:
        low, high = float(r["value_low"]), float(r["value_high"])
        assert r["value"] == "" and low <= high
        assert r["value_text"] == f"{int(low)}-{int(high)}", r
    umu = {int(r["year"]): r["value_text"] for r in bands
           if r["region_code"] == "uni_umu" and r["indicator_id"] == "the_world_rank"}
    assert umu[2015] == "351-400"


def test_business_rd_uses_the_revised_series_and_marks_suppressed_cells(by_key, observations):
    assert value(by_key, "01", "rd_business_msek", 2017) == 39737  # revised; the original estimate was 39 580
    assert value(by_key, "00", "rd_business_msek", 2019) == 122651
    gotland = by_key[("09", "rd_business_msek", 2017)]
    assert (gotland["status"], gotland["value"], gotland["value_text"]) == ("missing", "", "..")
    years = {int(r["year"]) for r in observations if r["indicator_id"] == "rd_business_msek"}
    assert years == {2007, 2009, 2011, 2013, 2015, 2017, 2019}


def test_rd_conventions_mention_the_2019_alf_break():
    indicators = {r["indicator_id"]: r for r in rows("indicators.csv")}
    for ind in ("rd_public_msek", "rd_public_fte", "rd_university_msek"):
        assert "2019" in indicators[ind]["convention_sv"] and "ALF" in indicators[ind]["convention_en"]


def test_every_indicator_has_one_known_unit_and_a_year_convention(observations):
    indicators = {r["indicator_id"]: r for r in rows("indicators.csv")}
    for ind in {r["indicator_id"] for r in observations}:
        row = indicators[ind]
        assert row["unit"] in schema.UNITS
        assert row["convention_sv"].startswith("År") and row["convention_en"].startswith("Year"), ind
        assert row["definition_sv"] and row["definition_en"] and row["name_sv"] and row["name_en"]


def test_uncertain_rows_say_why(observations):
    for r in observations[KEYFIGURE_ROWS:]:
        if r["status"] in ("provisional", "conflicting"):
            assert len(r["note"]) > 20, r
        if r["status"] == "missing":
            assert r["value"] == "" and r["value_text"] == "..", r


def test_stockholm_ris_and_wipo_ranks_are_mapped_to_the_county(by_key):
    assert [value(by_key, "01", "ris_rank", y) for y in (2017, 2019, 2023, 2025)] == [1, 2, 4, 1]
    # RIS 2021 as published in the 2021 edition (1); the 2023 edition's recomputed 2 is only named in the note
    ris_2021 = by_key[("01", "ris_rank", 2021)]
    assert (value(by_key, "01", "ris_rank", 2021), ris_2021["status"]) == (1, "published")
    assert ris_2021["source_id"] == "stockholm_region_mest_innovativa_region_2021" and "tvåa" in ris_2021["note"]
    assert value(by_key, "01", "wipo_cluster_rank", 2025) == 32
    assert "SE11" in by_key[("01", "ris_rank", 2017)]["note"]


def test_goals_reference_existing_indicators_regions_and_sources():
    goals = rows("goals.csv")
    indicators = {r["indicator_id"] for r in rows("indicators.csv")}
    regions = {r["region_code"] for r in rows("regions.csv")}
    sources = {r["source_id"] for r in rows("sources.csv")}
    assert 8 <= len(goals) <= 30  # 16 goals, and Region Stockholm's five 2023 targets (#20)
    assert len({g["goal_id"] for g in goals}) == len(goals)
    for goal in goals:
        assert goal["indicator_id"] == "" or goal["indicator_id"] in indicators, goal["goal_id"]
        assert goal["region_code"] == "" or goal["region_code"] in regions, goal["goal_id"]
        assert goal["source_id"] in sources and goal["goal_text"], goal["goal_id"]
    owners = {g["owner"] for g in goals}
    assert owners == {"Region Stockholm", "Region Örebro län", "Genomic Medicine Sweden", "Vinnova–RISE"}


def test_top_five_goal_is_measured_by_medcity_for_stockholm():
    goals = {g["goal_id"]: g for g in rows("goals.csv")}
    sources = {r["source_id"]: r for r in rows("sources.csv")}
    top5 = goals["stockholm_top5_ls_2025"]
    assert (top5["indicator_id"], top5["region_code"]) == ("medcity_rank", "01")
    assert (float(top5["target_value"]), top5["target_comparator"], top5["target_year"]) == (5, "<=", "2025")
    assert "top five life science regions in the world" in top5["goal_text"]
    assert sources[top5["source_id"]]["publisher"] == "Region Stockholm"


def test_goal_quotes_appear_verbatim_in_the_seed_documents():
    seeds = ROOT / "data" / "raw" / "seeds"
    text = " ".join(" ".join(p.read_text(encoding="utf-8").split()) for p in seeds.glob("0*.txt"))
    joined = re.sub(r"(\w)- (\w)", r"\1\2", text)  # a word hyphenated across the PDF's page break
    for goal in rows("goals.csv"):
        for part in goal["goal_text"].removesuffix(" […]").split(" […] "):
            part = " ".join(part.split())
            assert part in text or part in joined, goal["goal_id"]


def test_curation_script_regenerates_exactly_these_files():
    spec = importlib.util.spec_from_file_location("curate_reference", ROOT / "tools" / "curate_reference.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up here
    try:
        spec.loader.exec_module(module)
    finally:
        sys.modules.pop(spec.name, None)
    assert module.main(["--check"]) == 0
