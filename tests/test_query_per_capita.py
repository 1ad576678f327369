"""queries/per_capita.sql over years, with a county's sum of universities where it has no figure of its own.

The fixture is APPROPRIATION_TABLES in conftest.py; the sums are worked out in the comments.
"""

from tests.conftest import share_built_warehouses
from regionstats import queries
from tests.test_queries import records

COLUMNS = ["year", "region_code", "amount", "amount_basis", "per_capita"]


def run(con, **params):
    return queries.run(con, "per_capita", indicator="appropriation_research_msek", **params)


def test_one_year_ranks_every_region_on_the_sum_of_its_universities_with_the_published_cell_beside(appropriation_con):
    df = run(appropriation_con, year=2021)
    # 00: every university has a 2021 line: 60 + 40 + 260 + 80 = 440 MSEK / 10 000 000 = 44 kr (the published
    #     1000 MSEK = 100 kr stays beside); 01: 60 + 40 = 100 MSEK / 1 000 000 = 100 kr;
    # 03: the university's 260 wins over the region's own 250 (one basis): 260e6 / 500 000 = 520 kr, the own
    #     250 (500 kr) beside; 05: its own cell is empty, the university's 80; no population for 2020 -> none
    assert records(df, COLUMNS) == [
        (2021, "00", 440.0, "sum_of_universities", 44.0),
        (2021, "01", 100.0, "sum_of_universities", 100.0),
        (2021, "03", 260.0, "sum_of_universities", 520.0),
        (2021, "05", 80.0, "sum_of_universities", None),
    ]
    by_region = df.set_index("region_code")
    assert by_region.loc["01", "universities"] == "K-institutet, S-universitet"
    assert (by_region.loc["03", "published_amount"], by_region.loc["03", "published_per_capita"]) == (250, 500)
    assert (by_region.loc["00", "published_amount"], by_region.loc["00", "published_per_capita"]) == (1000, 100)


def test_a_year_range_for_chosen_regions_gives_a_line_per_region(appropriation_con):
    df = run(appropriation_con, year_from=2021, year_to=2022, regions=["01", "03"])
    # 2022: 01 = 66 + 66 = 132e6 / 1 100 000 (31 Dec 2021) = 120 kr; 03 = 300e6 / 500 000 = 600 kr (sum)
    assert records(df, COLUMNS) == [
        (2021, "01", 100.0, "sum_of_universities", 100.0),
        (2021, "03", 260.0, "sum_of_universities", 520.0),
        (2022, "01", 132.0, "sum_of_universities", 120.0),
        (2022, "03", 300.0, "sum_of_universities", 600.0),
    ]
    assert list(df.population_year) == [2020, 2020, 2021, 2021]


def test_an_incomplete_sum_is_missing_and_names_the_university_without_a_value(appropriation_con):
    df = run(appropriation_con, year_from=2023, regions=["01"])
    assert records(df, ["year", "amount", "amount_status", "amount_basis", "universities_missing", "per_capita"]) == [
        (2023, None, "missing", "incomplete_sum", "S-universitet", None),
    ]


def test_an_open_range_runs_to_the_last_year(appropriation_con):
    df = run(appropriation_con, year_from=2022, regions=["00"])
    # Riket 2022: L has no 2022 line, so no partial sum: the published 1100e6 / 10 000 000 (31 Dec 2021) = 110 kr
    assert records(df, COLUMNS) == [(2022, "00", 1100.0, "published", 110.0)]


def test_an_indicator_without_universities_is_unchanged(appropriation_con):
    df = queries.run(appropriation_con, "per_capita", indicator="money", year=2021, regions=["01"])
    assert records(df, COLUMNS) == [(2021, "01", 100.0, "published", 100.0)]


def test_cli_ranks_the_five_focus_regions_and_riket_on_the_budget_bill_with_the_seed_cells_beside(capsys, tmp_path, monkeypatch):
    import json

    from regionstats.cli import main

    share_built_warehouses(monkeypatch, tmp_path)
    assert main(["query", "per_capita", "--param", "indicator=appropriation_research_msek", "--param", "year=2021",
                 "--format", "json"]) == 0
    rows = {r["region_code"]: r for r in json.loads(capsys.readouterr().out)}
    by_bill = {"00": 1605, "18": 946, "03": 5886, "24": 4390, "05": 2211}  # the 2021 budget bill's lines
    seed = {"00": 1715, "18": 893, "03": 5556, "24": 4191, "05": 1922}  # the key-figures row, beside
    for region, kr in by_bill.items():
        assert rows[region]["amount_basis"] == "sum_of_universities" and round(rows[region]["per_capita"]) == kr, region
        assert abs(rows[region]["published_per_capita"] - seed[region]) < 1, region
    stockholm = rows["01"]
    assert stockholm["amount_basis"] == "sum_of_universities" and stockholm["published_amount"] is None
    assert stockholm["universities"].startswith("Försvarshögskolan, Gymnastik- och idrottshögskolan, KTH")
    # 5 440,645 MSEK (all ten state lines in the county, 2021 budget bill) / 2 391 990 inhabitants on 31 Dec 2020
    assert round(stockholm["per_capita"]) == 2275 and stockholm["population_year"] == 2020


def test_riket_has_a_research_appropriation_per_inhabitant_2021_to_2025_and_stockholm_five_years(real_con):
    df = queries.run(real_con, "per_capita", indicator="appropriation_research_msek", regions=["00", "01"])
    drawn = df[df.per_capita.notna()]
    assert set(drawn[drawn.region_code == "00"].year) >= set(range(2021, 2026))
    assert len(drawn[drawn.region_code == "01"]) >= 5
