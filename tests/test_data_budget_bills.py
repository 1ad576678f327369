"""The budget bills' UO 16 anslagsområde 2 lines (data/raw/appropriations/uo16/): every line of every year, checked
against the bill's own sub-area total, against the number in its verbatim excerpt, and against the second copy of
the same lines (the government's Excel specification and the earlier reading in appropriations/more/)."""

import csv
import re
from collections import defaultdict
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
RAW = ROOT / "data" / "raw" / "appropriations"
BILLS = RAW / "uo16" / "budget_bills_2021-2026.csv"
TOTAL = "UO 16 anslagsområde 2 Universitet och högskolor: summa"
UNIVERSITY_LINES = ("appropriation_research_msek", "appropriation_education_msek")


def rows(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def printed_number(excerpt: str) -> int:
    return int(re.search(r"(\d{1,3}(?: \d{3})*)$", excerpt).group(1).replace(" ", ""))


@pytest.fixture(scope="module")
def bills():
    return rows(BILLS)


def test_every_year_2021_to_2026_has_the_67_lines_of_the_sub_area_in_order(bills):
    by_year = defaultdict(list)
    for row in bills:
        if row["indicator"] != TOTAL:
            by_year[int(row["year"])].append(int(row["excerpt"].split(" ", 1)[0]))
    assert sorted(by_year) == list(range(2021, 2027))
    assert all(numbers == list(range(1, 68)) for numbers in by_year.values())


def test_the_lines_add_up_to_the_bills_sub_area_total_every_year(bills):
    totals, sums = {}, defaultdict(int)
    for row in bills:
        if row["indicator"] == TOTAL:
            totals[int(row["year"])] = int(row["value"])
        else:
            sums[int(row["year"])] += int(row["value"])
    assert totals == dict(sums) and len(totals) == 6


def test_each_value_is_the_number_printed_in_its_excerpt(bills):
    assert all(int(r["value"]) == printed_number(r["excerpt"]) and r["unit"] == "tkr" for r in bills)
    assert all(f"budgettxt/{r['year']}-budget.txt" in r["source_url"] for r in bills)


def test_the_lines_read_earlier_agree_with_these_where_both_have_them(bills):
    """appropriations/more/ holds the 17 universities from the Excel specification (2021, 2022) and a first reading
    of the same text files (2023–2026): a second copy of 204 lines."""
    here = {(r["region"], r["indicator"], r["year"]): float(r["value"]) / 1000 for r in bills
            if r["indicator"] in UNIVERSITY_LINES}
    earlier = {(r["region"], r["indicator"], r["year"]): float(r["value"]) for r in rows(RAW / "more" / "appropriations.csv")
               if r["indicator"] in UNIVERSITY_LINES and r["region"] != "Sweden"}
    both = set(here) & set(earlier)
    assert len(both) == 17 * 2 * 6
    assert all(here[key] == pytest.approx(earlier[key], abs=1e-9) for key in both)


def test_thirty_state_universities_with_both_lines_every_year_and_the_alf_line(bills):
    for year in range(2021, 2027):
        one = [r for r in bills if int(r["year"]) == year]
        for indicator in UNIVERSITY_LINES:
            assert len({r["region"] for r in one if r["indicator"] == indicator}) == 30, (year, indicator)
        assert [r["excerpt"].split(" ", 1)[1] for r in one if r["region"] == "Sweden" and r["indicator"] != TOTAL] == [
            "Ersättningar för klinisk utbildning och forskning " + f"{printed_number(r['excerpt']):,}".replace(",", " ")
            for r in one if r["excerpt"].startswith("66 ")]
