"""Breaks and vintages shown, not hidden (issue #18): the Heby transfer marked on its rows and drawn as a dotted
line on the trend chart (absolute and indexed), the mixed 2017 R&D vintages and the GRP vintages marked."""

import csv
from functools import partial
from pathlib import Path

import pytest

from regionstats import charts, db, queries
from regionstats.selection import Selection
from regionstats.views.registry import build_page

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"


def rows(name: str) -> list[dict]:
    with (DATA / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture(scope="module")
def by_key():
    return {(r["region_code"], r["indicator_id"], int(r["year"])): r for r in rows("observations.csv")}


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    import os

    os.environ.setdefault("REGIONSTATS_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
    con = db.connect(DATA)
    yield partial(queries.run, con)
    con.close()


def test_the_heby_transfer_is_marked_on_both_counties_2006_rows(by_key):
    for county in ("03", "19"):
        assert "Heby kommun" in by_key[(county, "population", 2006)]["note"]
    breaks = [r for r in rows("series_breaks.csv") if r["indicator_id"] == "population"]
    assert {(r["region_code"], float(r["x"])) for r in breaks} == {("03", 2005.5), ("19", 2005.5)}


def test_the_trend_query_returns_the_break_between_the_two_years_it_lies_between(run):
    df = run("trend", indicator="population", regions=["03", "19", "01"], year_from=2004, year_to=2008)
    marked = df[df.break_x.notna()]
    assert sorted(zip(marked.region_code, marked.year, marked.break_x)) == [("03", 2006, 2005.5), ("19", 2006, 2005.5)]
    # a period that starts after the break draws no break
    assert run("trend", indicator="population", regions=["03"], year_from=2006, year_to=2008).break_x.isna().all()


@pytest.mark.parametrize("mode", ["index", "absolute"])
def test_the_trend_chart_draws_the_break_as_a_dotted_line_with_its_label(run, mode):
    selection = Selection(indicator="population", regions=("03", "19"), year_from=2003, year_to=2009, mode=mode,
                          base_year=2003)
    view = build_page("utveckling", run, selection).charts[0]
    assert [(b.x, "Heby kommun" in b.label) for b in view.spec.breaks] == [(2005.5, True)]
    fig = charts.figure(view.spec)
    assert [(s.x0, s.line.dash) for s in fig.layout.shapes] == [(2005.5, "dot")]
    assert any("Heby kommun" in a.text for a in fig.layout.annotations)
    assert any(n.startswith("Brott i serien") and "Uppsala 2005–2006" in n for n in view.notes)


def test_riket_2017_r_and_d_sectors_come_from_three_vintages_and_the_total_says_so(by_key):
    sectors = [by_key[("00", f"rd_{s}_msek", 2017)] for s in ("business", "public", "university")]
    total = by_key[("00", "rd_total_msek", 2017)]
    assert len({r["source_id"] for r in sectors}) == 3
    assert sum(float(r["value"]) for r in sectors) != float(total["value"])  # the reason for the mark
    assert total["status"] == "provisional" and "blandar SCB-utgåvor" in total["note"]
    assert all("blandar SCB-utgåvor" in r["note"] for r in sectors)


def test_riket_grp_of_an_older_vintage_than_the_county_sums_is_marked(by_key):
    counties = [f"{c:02d}" for c in (1, 3, 4, 5, 6, 7, 8, 9, 10, 12, 13, 14, 17, 18, 19, 20, 21, 22, 23, 24, 25)]
    for year in (2014, 2015, 2017):
        riket = by_key[("00", "grp_msek", year)]
        assert riket["status"] == "provisional" and "Äldre utgåva" in riket["note"], year
        county_sum = sum(float(by_key[(c, "grp_msek", year)]["value"]) for c in counties)
        assert county_sum != float(riket["value"]), year


def test_grp_2024_is_provisional_with_its_reason(by_key):
    grp_2024 = [r for key, r in by_key.items() if key[1:] == ("grp_msek", 2024)]
    assert len(grp_2024) == 21
    assert all(r["status"] == "provisional" and "Preliminärt" in r["note"] for r in grp_2024)


def test_the_seed_tables_cells_of_uncertain_year_keep_their_values_and_say_so(by_key):
    for region, msek in {"00": 17807, "18": 273, "03": 2158, "24": 1145, "05": 898}.items():
        row = by_key[(region, "appropriation_research_msek", 2021)]
        assert (float(row["value"]), row["status"], row["source_id"]) == (msek, "provisional", "orebro_ls_strategy_2021")
        assert "året är osäkert" in row["note"]
    stockholm_first = by_key[("01", "ls_region_rank_tillvaxtverket", 2018)]
    assert (stockholm_first["value"], stockholm_first["status"]) == ("1", "provisional")
    assert "Stockholm/Uppsala" in stockholm_first["note"].split("Märkning:")[1]
