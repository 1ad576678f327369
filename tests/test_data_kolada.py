"""County R&D per inhabitant by sector 2011–2021 (Kolada N85085–N85087 in Region Dalarna's copy, data/raw/kolada/):
checked against SCB's own MSEK (kr × SCB population of the same year), and the file's swapped 2019 cells found by a
check, not copied."""

import csv
from pathlib import Path
from statistics import mean

import pytest

ROOT = Path(__file__).resolve().parent.parent
RAW = ROOT / "data" / "raw" / "kolada" / "forskning_2026-12-07.csv"
SECTORS = {"N85085": "business", "N85086": "public", "N85087": "university"}


def rows(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture(scope="module")
def raw():
    """{(sector, county name, year): kr per inhabitant} as the file has them (NA left out)."""
    return {(next(s for c, s in SECTORS.items() if c in r["indicator"]), r["region"], int(r["year"])): float(r["value"])
            for r in rows(RAW) if r["value"] != ".."}


@pytest.fixture(scope="module")
def observations():
    return {(r["region_code"], r["indicator_id"], int(r["year"])): r
            for r in rows(ROOT / "data" / "observations.csv")}


def jumps(raw: dict, sector: str, year: int) -> dict:
    """County → its value in year over the mean of the editions either side (one series, two years apart)."""
    out = {}
    for (s, county, y), value in raw.items():
        if s == sector and y == year and (s, county, y - 2) in raw and (s, county, y + 2) in raw:
            out[county] = value / mean([raw[(s, county, y - 2)], raw[(s, county, y + 2)]])
    return out


def test_the_file_has_21_counties_three_sectors_odd_years_2011_to_2021():
    found = rows(RAW)
    assert len(found) == 21 * 3 * 6
    assert {int(r["year"]) for r in found} == set(range(2011, 2022, 2))
    assert all(r["excerpt"].startswith('"') and r["region"] in r["excerpt"] for r in found)


def test_a_check_finds_the_swapped_2019_higher_education_cells_of_vasterbotten_and_norrbotten(raw):
    ratios = jumps(raw, "university", 2019)
    outliers = sorted(county for county, ratio in ratios.items() if not 0.5 <= ratio <= 2)
    assert outliers == ["Norrbottens län", "Västerbottens län"]
    # exchanged, both fall in line with their own series: the two cells are each other's
    swapped = dict(raw)
    swapped[("university", "Norrbottens län", 2019)] = raw[("university", "Västerbottens län", 2019)]
    swapped[("university", "Västerbottens län", 2019)] = raw[("university", "Norrbottens län", 2019)]
    assert all(0.5 <= jumps(swapped, "university", 2019)[c] <= 2 for c in outliers)
    # with the two exchanged, no year of the higher-education series has such a jump (business R&D in small
    # counties does, so the check is for this series)
    for year in (2013, 2015, 2017, 2019):
        assert all(0.5 <= r <= 2 for r in jumps(swapped, "university", year).values()), year


def test_the_swapped_cells_are_not_copied_but_missing_with_the_reason(observations):
    for county in ("24", "25"):
        row = observations[(county, "rd_university_sek_per_capita", 2019)]
        assert (row["value"], row["status"]) == ("", "missing") and "förväxlade" in row["note"]
    assert observations[("24", "rd_university_sek_per_capita", 2021)]["status"] == "published"


def test_kr_per_inhabitant_times_scb_population_gives_scbs_own_msek(observations):
    """The second copy: SCB's MSEK per county where the app has them (business 2011–2019, public 2019, higher
    education 2017) equal Kolada's kr × SCB's population of the same year to the rounding of whole MSEK."""
    compared = 0
    for (region, indicator, year), row in observations.items():
        if not indicator.endswith("_sek_per_capita") or indicator.startswith("appropriation") or not row["value"]:
            continue
        sector = indicator.removesuffix("_sek_per_capita")
        scb = observations.get((region, f"{sector}_msek", year))
        population = observations.get((region, "population", year))
        if not (scb and scb["value"] and population and population["value"]):
            continue
        product = float(row["value"]) * float(population["value"]) / 1e6
        if (sector, year) == ("rd_public", 2017):
            continue  # another SCB vintage: see the next test
        assert product == pytest.approx(float(scb["value"]), abs=0.6), (region, indicator, year)
        compared += 1
    assert compared >= 130  # 19 counties × business 2011–2019, 21 public 2019, 20 higher education 2017


def test_public_sector_2017_is_another_vintage_and_says_so(observations):
    row = observations[("01", "rd_public_sek_per_capita", 2017)]
    product = float(row["value"]) * float(observations[("01", "population", 2017)]["value"]) / 1e6
    assert abs(product - float(observations[("01", "rd_public_msek", 2017)]["value"])) > 50
    assert "annan SCB-utgåva" in row["note"]
