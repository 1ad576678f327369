"""Coverage of the core numbers for Riket and the five focus regions, 2014–2023 (issue #9).

Prints the filled share per indicator and fails if it falls below what the data reached when this test was
written (raise the floors when more is found; never lower them to make a change pass).
"""

import pandas as pd

from regionstats import queries

REGIONS = ["00", "01", "03", "05", "18", "24"]
YEARS = range(2014, 2024)
# filled cells (of 6 regions x 10 years = 60) reached on 2026-12-01
FLOORS = {
    "population": 60,
    "appropriation_research_msek": 18,
    "appropriation_education_msek": 23,
    "rd_total_msek": 8,
    "rd_share_grp": 8,
}


def filled_cells(con) -> dict[str, set[tuple[str, int]]]:
    observed = queries.run(con, "observations", regions=REGIONS, year_from=min(YEARS), year_to=max(YEARS))
    observed = observed[observed.value.notna()]
    cells = {ind: {(r, int(y)) for r, y in zip(rows.region_code, rows.year)}
             for ind, rows in observed.groupby("indicator_id")}
    out = {"population": cells.get("population", set()), "rd_total_msek": cells.get("rd_total_msek", set())}
    for indicator in ("appropriation_research_msek", "appropriation_education_msek"):
        county = queries.run(con, "appropriations_by_county", indicator=indicator, regions=REGIONS)
        county = county[county.amount_msek.notna() & county.year.isin(YEARS)]
        out[indicator] = {(r, int(y)) for r, y in zip(county.region_code, county.year)}
    share = queries.run(con, "rd_share_grp", regions=REGIONS)
    share = share[share.share_pct.notna() & share.year.isin(YEARS)]
    out["rd_share_grp"] = {(r, int(y)) for r, y in zip(share.region_code, share.year)}
    return out


def test_core_numbers_coverage_for_riket_and_the_focus_regions(real_con):
    cells = filled_cells(real_con)
    grid = len(REGIONS) * len(YEARS)
    table = pd.DataFrame(
        {region: ["".join("x" if (region, year) in cells[ind] else "." for year in YEARS) for ind in FLOORS]
         for region in REGIONS}, index=list(FLOORS))
    print(f"\ncoverage {min(YEARS)}–{max(YEARS)} (x = value, . = missing), regions {', '.join(REGIONS)}")
    print(table.to_string())
    for indicator, floor in FLOORS.items():
        n = len(cells[indicator])
        print(f"{indicator:32} {n:3} of {grid} ({100 * n / grid:.0f} %)")
        assert n >= floor, f"{indicator}: {n} filled cells, below the {floor} reached before"
