"""Data corrections of issue #8, each checked against the curated rows and the raw facts they cite."""

import csv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
CORRECTIONS = DATA / "raw" / "reference" / "corrections_2026-12-01.csv"
UU_NEWS_2016 = "https://www.uu.se/en/news/2016/2016-09-22-uppsala-university-ranked-93-by-times-higher-education"


def rows(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture(scope="module")
def by_key() -> dict[tuple, dict]:
    return {(r["region_code"], r["indicator_id"], int(r["year"])): r for r in rows(DATA / "observations.csv")}


@pytest.fixture(scope="module")
def urls() -> dict[str, str]:
    return {r["source_id"]: r["url"] for r in rows(DATA / "sources.csv")}


@pytest.fixture(scope="module")
def indicators() -> dict[str, dict]:
    return {r["indicator_id"]: r for r in rows(DATA / "indicators.csv")}


def test_uppsala_the_world_rank_by_edition(by_key, urls):
    for year, place in ((2016, 81), (2017, 93), (2018, 86)):
        row = by_key[("uni_uu", "the_world_rank", year)]
        assert (row["value"], row["status"]) == (str(place), "published"), year
    assert urls[by_key[("uni_uu", "the_world_rank", 2016)]["source_id"]] == UU_NEWS_2016
    assert "publiceringsåret" in by_key[("uni_uu", "the_world_rank", 2018)]["note"]


def test_karolinska_28_in_2016_and_2017_is_confirmed(by_key, urls):
    for year in (2016, 2017):
        row = by_key[("uni_ki", "the_world_rank", year)]
        assert (row["value"], row["status"]) == ("28", "published")
        assert urls[row["source_id"]] == UU_NEWS_2016


def test_stockholm_university_the_2021_is_183(by_key):
    row = by_key[("uni_su", "the_world_rank", 2021)]
    assert (row["value"], row["status"]) == ("183", "published")
    assert "184" in row["note"]


def test_uppsala_arwu_2019_is_conflicting_and_names_both_values(by_key):
    row = by_key[("uni_uu", "arwu_world_rank", 2019)]
    assert (row["value"], row["status"]) == ("66", "conflicting")
    assert "62" in row["note"] and "66" in row["note"]


def test_umea_the_2013_band_is_251_275(by_key):
    row = by_key[("uni_umu", "the_world_rank", 2013)]
    assert (row["value_text"], row["value_low"], row["value_high"]) == ("251-275", "251", "275")


def test_the_kvalitet_row_is_named_and_defined_as_citations(indicators):
    row = indicators["the_sweden_rank"]
    assert "citeringar" in row["name_sv"] and "citations" in row["name_en"]
    assert "inte den sammanlagda platsen" in row["definition_sv"]
    assert "not the overall place" in row["definition_en"]


def test_the_young_edition_is_the_publication_year(indicators, by_key):
    row = indicators["the_young_rank"]
    assert "publiceringsåret" in row["convention_sv"] and "year of publication" in row["convention_en"]
    # the key-figures table's "THE 2020" Young cells are edition 2020: Linköping 81 then, 83 in 2021
    assert by_key[("uni_liu", "the_young_rank", 2020)]["source_id"] == "orebro_ls_strategy_2021"
    assert by_key[("uni_liu", "the_young_rank", 2020)]["value"] == "81"
    assert by_key[("uni_liu", "the_young_rank", 2021)]["value"] == "83"
    assert ("uni_liu", "the_young_rank", 2021) not in {
        (r["region_code"], r["indicator_id"], int(r["year"])) for r in rows(DATA / "observations.csv")[:83]}


def test_every_correction_keeps_its_url_and_an_excerpt_with_the_value():
    corrections = rows(CORRECTIONS)
    assert len(corrections) >= 10
    for row in corrections:
        assert row["source_url"].startswith("http") and row["excerpt"], row
        assert row["value"].split("-")[0] in row["excerpt"], row


def test_ostergotland_2020_population_is_the_sum_of_scb_parts(by_key, urls):
    row = by_key[("05", "population", 2020)]
    assert (row["value"], row["status"]) == ("467158", "published")
    assert "1 932 + 465 204 + 22" in row["note"]
    assert "folkmangd-i-landskapen-den-31-december-2020" in urls[row["source_id"]]
