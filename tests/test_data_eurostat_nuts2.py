"""The Eurostat NUTS 2 series in data/ checked against the copy, against SCB's county figures and against their
own sums (data/raw/eurostat_nuts2/, read by tools/curate_eurostat.py)."""

import csv
import hashlib
from collections import defaultdict
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
RAW = DATA / "raw" / "eurostat_nuts2"
COPY_BLOB = "5d12e8dea9e57f6ae0ab54579091b9dab79d8bf2"  # paezha/edashop @ ad68597, I40_indicator_db.csv
SECTORS = ("bes", "gov", "hes", "pnp")
# NUTS 2016 level 2 → the counties (SCB codes) it is made of
SWEDISH_NUTS2 = {"SE11": ["01"], "SE12": ["03", "04", "05", "18", "19"], "SE21": ["06", "07", "08", "09"],
                 "SE22": ["10", "12"], "SE23": ["13", "14"], "SE31": ["17", "20", "21"], "SE32": ["22", "23"],
                 "SE33": ["24", "25"]}


def git_blob_sha(path: Path) -> str:
    content = path.read_bytes()
    return hashlib.sha1(b"blob %d\0" % len(content) + content).hexdigest()


@pytest.fixture(scope="module")
def values() -> dict[tuple, float]:
    with (DATA / "observations.csv").open(encoding="utf-8", newline="") as handle:
        return {(r["region_code"], r["indicator_id"], int(r["year"])): float(r["value"])
                for r in csv.DictReader(handle) if r["value"]}


@pytest.fixture(scope="module")
def regions() -> dict[str, dict]:
    with (DATA / "regions.csv").open(encoding="utf-8", newline="") as handle:
        return {r["region_code"]: r for r in csv.DictReader(handle)}


def test_the_extract_is_the_repository_file_byte_for_byte():
    assert git_blob_sha(RAW / "I40_indicator_db.tsv") == COPY_BLOB


def test_more_than_200_regions_outside_sweden_have_rd_as_share_of_gdp(values, regions):
    with_value = {code for code, indicator, _ in values if indicator == "eu_rd_share_gdp"}
    foreign = {c for c in with_value if not regions[c]["nuts2"].startswith("SE")}
    assert len(foreign) >= 200
    assert {"nuts_DK01", "nuts_DE21", "nuts_FR10", "nuts_UKH1", "nuts_UKI3", "nuts_FI1B"} <= foreign  # CH04: no R&D in the copy
    assert all(regions[c]["kind"] == "nuts2" and c == f"nuts_{regions[c]['nuts2']}" for c in with_value)


def test_eurostat_population_on_1_january_is_scb_population_on_31_december_before(values):
    """A second copy: Eurostat's demo_r_d2jan of a Swedish NUTS 2 region is the sum of SCB's counties a day
    earlier, to the person, in every year both have."""
    compared = 0
    for nuts2, counties in SWEDISH_NUTS2.items():
        for (code, indicator, year), eurostat in values.items():
            if (code, indicator) != (f"nuts_{nuts2}", "eu_population"):
                continue
            scb = [values.get((county, "population", year - 1)) for county in counties]
            if None in scb:
                continue
            assert eurostat == sum(scb), (nuts2, year)
            compared += 1
    assert compared >= 80  # 8 regions × 2008–2018


def test_rd_share_of_stockholm_agrees_with_scb_to_its_rounding(values):
    eurostat, scb = values[("nuts_SE11", "eu_rd_share_gdp", 2013)], values[("01", "rd_share_grp_total", 2013)]
    assert abs(eurostat - scb) <= 0.05


def test_the_sectors_add_up_to_all_sectors(values):
    """BES + GOV + HES + PNP = TOTAL within the rounding of four two-decimal figures; where PNP is not
    published the other three stay below the total. The one exception in the copy is marked conflicting."""
    by_key = defaultdict(dict)
    for (code, indicator, year), value in values.items():
        if indicator.startswith("eu_rd_share_gdp"):
            by_key[(code, year)][indicator.removeprefix("eu_rd_share_gdp").lstrip("_") or "total"] = value
    off, checked = set(), 0
    for key, parts in by_key.items():
        if not {"total", "bes", "gov", "hes"} <= parts.keys():
            continue
        checked += 1
        total, summed = parts["total"], sum(parts.get(s, 0.0) for s in SECTORS)
        if ("pnp" in parts and abs(total - summed) > 0.03) or ("pnp" not in parts and summed > total + 0.03):
            off.add(key)
    assert checked >= 700
    assert off == {("nuts_DK03", 2009)}
    with (DATA / "observations.csv").open(encoding="utf-8", newline="") as handle:
        status = {r["status"] for r in csv.DictReader(handle)
                  if (r["region_code"], r["indicator_id"], r["year"]) == ("nuts_DK03", "eu_rd_share_gdp", "2009")}
    assert status == {"conflicting"}


def test_only_nuts_2016_codes_are_kept(regions):
    with (RAW / "nuts2_2016_names.csv").open(encoding="utf-8", newline="") as handle:
        nuts2016 = {r["nuts_id"] for r in csv.DictReader(handle)}
    assert len(nuts2016) == 332
    kept = {r["nuts2"] for r in regions.values() if r["kind"] == "nuts2" and r["region_code"] != "nuts_UKI"}
    assert kept <= nuts2016
    assert not kept & {"FR21", "IE01", "LT00", "HU10", "PL12", "UKM2", "EU28"}


def test_codes_left_out_are_listed_with_their_reason():
    import importlib.util
    import sys

    spec = importlib.util.spec_from_file_location("curate_eurostat", ROOT / "tools" / "curate_eurostat.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    try:
        spec.loader.exec_module(module)
        skipped: list = []
        figures = module.figures(DATA / "raw", DATA / "raw" / "curation", skipped)
    finally:
        sys.modules.pop(spec.name, None)
    reasons = {reason for _, column, reason in skipped if column.startswith("rd_e_gerdreg_SECTPERF_TOTAL")}
    assert any("aggregate" in r for r in reasons) and any("extra-regio" in r for r in reasons)
    assert any("older NUTS version" in r for r in reasons)
    # every kept figure is as the copy prints it, with the Eurostat dataset as its source
    stockholm = {(f["year"], f["raw"]) for f in figures
                 if (f["region_code"], f["indicator_id"]) == ("nuts_SE11", "eu_rd_share_gdp")}
    assert stockholm == {(2009, "3.59"), (2011, "3.53"), (2013, "3.87"), (2015, "3.78")}
    assert {f["source_url"] for f in figures if f["indicator_id"] == "eu_rd_share_gdp"} == {
        "https://ec.europa.eu/eurostat/databrowser/view/rd_e_gerdreg/default/table"}
