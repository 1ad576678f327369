"""queries/per_capita.sql over years, with a county's sum of universities where it has no figure of its own.

The fixture is APPROPRIATION_TABLES in conftest.py; the sums are worked out in the comments.
"""

from regionstats import queries
from tests.test_queries import records

COLUMNS = ["year", "region_code", "amount", "amount_basis", "per_capita"]


def run(con, **params):
    return queries.run(con, "per_capita", indicator="appropriation_research_msek", **params)


def test_one_year_mixes_published_figures_and_sums_and_says_which(appropriation_con):
    df = run(appropriation_con, year=2021)
    # 00: 1000e6 / 10 000 000 = 100 kr (published); 01: 60 + 40 = 100 MSEK / 1 000 000 = 100 kr (sum);
    # 03: its own 250 wins over the university's 260: 250e6 / 500 000 = 500 kr;
    # 05: its own cell is empty, the university's 80 stands in; no population for 2020 -> no per capita
    assert records(df, COLUMNS) == [
        (2021, "00", 1000.0, "published", 100.0),
        (2021, "01", 100.0, "sum_of_universities", 100.0),
        (2021, "03", 250.0, "published", 500.0),
        (2021, "05", 80.0, "sum_of_universities", None),
    ]
    by_region = df.set_index("region_code")
    assert by_region.loc["01", "universities"] == "K-institutet, S-universitet"
    assert by_region.loc["03", "university_sum_msek"] == 260  # the difference stays visible


def test_a_year_range_for_chosen_regions_gives_a_line_per_region(appropriation_con):
    df = run(appropriation_con, year_from=2021, year_to=2022, regions=["01", "03"])
    # 2022: 01 = 66 + 66 = 132e6 / 1 100 000 (31 Dec 2021) = 120 kr; 03 = 300e6 / 500 000 = 600 kr (sum)
    assert records(df, COLUMNS) == [
        (2021, "01", 100.0, "sum_of_universities", 100.0),
        (2021, "03", 250.0, "published", 500.0),
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
    # Riket 2022: 1100e6 / 10 000 000 (31 Dec 2021) = 110 kr; Riket is never a sum of universities
    assert records(df, COLUMNS) == [(2022, "00", 1100.0, "published", 110.0)]


def test_an_indicator_without_universities_is_unchanged(appropriation_con):
    df = queries.run(appropriation_con, "per_capita", indicator="money", year=2021, regions=["01"])
    assert records(df, COLUMNS) == [(2021, "01", 100.0, "published", 100.0)]


def test_cli_gives_the_five_focus_regions_and_riket_with_stockholm_marked_as_a_sum(capsys, tmp_path, monkeypatch):
    import json

    from regionstats.cli import main

    monkeypatch.setenv("REGIONSTATS_CACHE_DIR", str(tmp_path / "cache"))
    assert main(["query", "per_capita", "--param", "indicator=appropriation_research_msek", "--param", "year=2021",
                 "--format", "json"]) == 0
    rows = {r["region_code"]: r for r in json.loads(capsys.readouterr().out)}
    published = {"00": 1715, "18": 893, "03": 5556, "24": 4191, "05": 1922}  # the key-figures row
    for region, kr in published.items():
        assert rows[region]["amount_basis"] == "published" and abs(rows[region]["per_capita"] - kr) < 1, region
    stockholm = rows["01"]
    assert stockholm["amount_basis"] == "sum_of_universities"
    assert stockholm["universities"] == "KTH, Karolinska Institutet, Stockholms universitet, Södertörns högskola"
    # 5 274,325 MSEK in the 2021 budget bill / 2 391 990 inhabitants on 31 Dec 2020
    assert round(stockholm["per_capita"]) == 2205 and stockholm["population_year"] == 2020
