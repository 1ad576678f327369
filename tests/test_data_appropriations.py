"""queries/appropriations_by_county.sql: a county's appropriation is the sum of its universities, in SQL."""

import math

import pandas as pd
import pytest

from regionstats import db, queries
from tests.conftest import INDICATORS, SOURCES, frame, indicator, obs

OBS_COLUMNS = ("region_code, indicator_id, year, period_start, period_end, period_label, value, value_text, "
               "value_low, value_high, status, source_id, note")
REGION_COLUMNS = "region_code, kind, name_sv, name_en, nuts2, county_code, alf_region, focus_region, note"


@pytest.fixture
def uni_con():
    regions = frame(REGION_COLUMNS, [
        ("00", "country", "Riket", "Sweden", "SE", None, False, False, None),
        ("03", "county", "Uppsala", "Uppsala", "SE12", "03", True, True, None),
        ("12", "county", "Skåne", "Skåne", "SE22", "12", True, False, None),
        ("18", "county", "Örebro", "Örebro", "SE12", "18", True, True, None),
        ("uni_a", "university", "A-universitet", "A", "SE22", "12", False, False, None),
        ("uni_b", "university", "B-högskola", "B", "SE22", "12", False, False, None),
        ("uni_u", "university", "U-universitet", "U", "SE12", "03", False, False, None),
        ("uni_s", "university", "S-lantbruk", "S", "SE12", "03", False, False, None),
        ("uni_o", "university", "O-universitet", "O", "SE12", "18", False, False, None),
        # C has no line of its own in any year (as Chalmers, paid through its foundation): never needed
        ("uni_c", "university", "C-stiftelse", "C", "SE22", "12", False, False, None),
    ])
    indicators = pd.concat([INDICATORS, frame(
        "indicator_id, name_sv, name_en, unit, unit_sv, unit_en, decimals, direction, category, "
        "definition_sv, definition_en, convention_sv, convention_en",
        [indicator("appropriation_research_msek", "msek", "higher"),
         indicator("appropriation_research_university_msek", "msek", "higher"),
         indicator("appropriation_research_uo23_msek", "msek", "higher")])])
    observations = frame(OBS_COLUMNS, [
        obs("00", "population", 2020, 10_000_000), obs("03", "population", 2020, 400_000),
        obs("12", "population", 2020, 1_000_000), obs("18", "population", 2020, 300_000),
        # Skåne 2021: both universities -> 300 + 200 = 500 MSEK -> 500 kr per inhabitant
        obs("uni_a", "appropriation_research_university_msek", 2021, 300), obs("uni_b", "appropriation_research_university_msek", 2021, 200),
        # Skåne 2022: B missing -> no county figure, B named
        obs("uni_a", "appropriation_research_university_msek", 2022, 310),
        # Uppsala 2021: U only; S is funded elsewhere (UO 23) and never makes the county incomplete
        obs("uni_u", "appropriation_research_university_msek", 2021, 2000), obs("uni_s", "appropriation_research_uo23_msek", 2021, 1000),
        obs("03", "appropriation_research_msek", 2021, 2000),
        # Örebro 2021: a published county figure that differs from its university's
        obs("uni_o", "appropriation_research_university_msek", 2021, 270), obs("18", "appropriation_research_msek", 2021, 273),
        # Riket 2021: every university has a line -> 300 + 200 + 2000 + 270 = 2770, the published 17 807 beside
        obs("00", "appropriation_research_msek", 2021, 17_807),
        # Riket 2022: only A has a line -> no partial sum; the published total stands
        obs("00", "appropriation_research_msek", 2022, 18_000),
        # 2023: A only and nothing published for Riket -> no Riket row at all
        obs("uni_a", "appropriation_research_university_msek", 2023, 320),
    ])
    con = db.connect_in_memory({"regions": regions, "indicators": indicators, "sources": SOURCES,
                                "observations": observations})
    yield con
    con.close()


def run(con, **params):
    return queries.run(con, "appropriations_by_county", indicator="appropriation_research_msek", **params)


def test_county_is_the_sum_of_its_universities_per_inhabitant_of_the_year_before(uni_con):
    row = run(uni_con, year=2021, regions=["12"]).iloc[0]
    assert (row.amount_msek, row.amount_basis, row.n_universities) == (500, "sum_of_universities", 2)
    assert row.universities == "A-universitet, B-högskola" and bool(row.complete)
    assert (row.population_year, math.isclose(row.per_capita_sek, 500.0)) == (2020, True)


def test_a_missing_university_leaves_the_county_figure_missing_and_named(uni_con):
    row = run(uni_con, year=2022, regions=["12"]).iloc[0]
    assert pd.isna(row.amount_msek) and pd.isna(row.per_capita_sek) and not bool(row.complete)
    assert (row.amount_basis, row.university_sum_msek, row.universities_missing) == ("incomplete_sum", 310, "B-högskola")


def test_a_university_under_another_expenditure_area_is_not_counted(uni_con):
    row = run(uni_con, year=2021, regions=["03"]).iloc[0]
    assert (row.amount_msek, row.published_msek, row.difference_msek) == (2000, 2000, 0)
    assert math.isclose(row.per_capita_sek, 5000.0)


def test_a_difference_from_the_published_county_figure_is_shown(uni_con):
    row = run(uni_con, year=2021, regions=["18"]).iloc[0]
    assert (row.amount_msek, row.published_msek, row.difference_msek) == (270, 273, -3)


def test_riket_is_the_sum_of_every_university_when_each_has_a_line(uni_con):
    row = run(uni_con, year=2021, regions=["00"]).iloc[0]
    assert (row.amount_basis, row.amount_msek, row.n_universities) == ("sum_of_universities", 2770, 4)
    assert row.published_msek == 17_807 and math.isclose(row.per_capita_sek, 277.0)


def test_riket_keeps_its_published_total_when_the_sum_is_partial_and_has_no_row_without_one(uni_con):
    rows = run(uni_con, regions=["00"])
    assert list(rows.year) == [2021, 2022]
    row = rows.iloc[1]
    assert (row.amount_basis, row.amount_msek, row.university_sum_msek) == ("published_total", 18_000, 310)


def test_a_university_without_a_line_in_any_year_is_never_missing(uni_con):
    row = run(uni_con, year=2021, regions=["12"]).iloc[0]
    assert "C-stiftelse" not in row.universities and row.amount_basis == "sum_of_universities"


def test_real_data_reproduces_the_key_figures_per_capita_row_and_shows_the_budget_bill_sum(real_con):
    computed = run(real_con, year=2021).set_index("region_code")
    published = queries.run(real_con, "observations", indicators=["appropriation_research_sek_per_capita_published"],
                            year_from=2021, year_to=2021).set_index("region_code").value
    for region, kr in {"00": 1715, "18": 893, "03": 5556, "24": 4191, "05": 1922}.items():
        assert published[region] == kr
        assert abs(computed.loc[region, "published_per_capita_sek"] - kr) < 1, region
    # the universities' own 2021 budget-bill lines sum to more than the key-figures cells; the gap is shown
    uppsala = computed.loc["03"]
    assert uppsala.amount_basis == "sum_of_universities" and uppsala.universities == "Uppsala universitet"
    assert uppsala.amount_msek == pytest.approx(2286.199) and uppsala.difference_msek == pytest.approx(128.199)
    assert computed.loc["00", "amount_basis"] == "sum_of_universities"


def test_real_data_stockholm_2021_sums_all_ten_state_lines_in_the_county(real_con):
    row = run(real_con, year=2021, regions=["01"]).iloc[0]
    assert row.amount_basis == "sum_of_universities" and row.n_universities == 10
    for name in ("Gymnastik- och idrottshögskolan", "Stockholms konstnärliga högskola", "Konstfack",
                 "Kungl. Konsthögskolan", "Kungl. Musikhögskolan i Stockholm", "Försvarshögskolan"):
        assert name in row.universities
    # 5 440,645 MSEK (ten lines of the 2021 bill) / 2 391 990 inhabitants on 31 Dec 2020
    assert row.amount_msek == pytest.approx(5440.645) and round(row.per_capita_sek) == 2275


def test_real_data_every_county_with_a_state_university_has_a_complete_sum_every_year(real_con):
    rows = run(real_con)
    bill_years = rows[rows.year.between(2021, 2026)]
    assert set(bill_years.amount_basis) == {"sum_of_universities"}, bill_years[bill_years.amount_basis != "sum_of_universities"]
    # Västra Götaland: Göteborg, Borås, Skövde, Väst (Chalmers has no line of its own); Gävleborg, Dalarna, Halland too
    for county in ("14", "20", "21", "13"):
        assert set(bill_years[bill_years.region_code == county].year) == set(range(2021, 2027)), county


def test_real_data_county_sums_add_up_to_riket(real_con):
    for indicator in ("appropriation_research_msek", "appropriation_education_msek"):
        rows = queries.run(real_con, "appropriations_by_county", indicator=indicator)
        for year in range(2021, 2027):
            one = rows[rows.year == year]
            counties = one[one.region_code != "00"].amount_msek.sum()
            assert counties == pytest.approx(one[one.region_code == "00"].amount_msek.item()), (indicator, year)
