"""queries/rd_share_grp.sql on a hand-worked fixture: R&D as a share of GRP is computed, never stored."""

import math

import pandas as pd
import pytest

from regionstats import db, queries
from tests.conftest import INDICATORS, REGIONS, SOURCES, frame, indicator, obs

OBS_COLUMNS = ("region_code, indicator_id, year, period_start, period_end, period_label, value, value_text, "
               "value_low, value_high, status, source_id, note")


@pytest.fixture
def rd_con():
    indicators = pd.concat([INDICATORS, frame(
        "indicator_id, name_sv, name_en, unit, unit_sv, unit_en, decimals, direction, category, "
        "definition_sv, definition_en, convention_sv, convention_en",
        [indicator("rd_total_msek", "msek", "higher"), indicator("rd_university_msek", "msek", "higher"),
         indicator("grp_msek", "msek", "higher", "capacity")])])
    observations = frame(OBS_COLUMNS, [
        # given: 05 spends 7 100 MSEK on R&D in 2019 with a GRP of 100 000 MSEK -> 7,1 %
        obs("05", "rd_total_msek", 2019, 7100),
        obs("05", "grp_msek", 2019, 100_000),
        obs("05", "rd_university_msek", 2019, 2500),
        # 01: GRP published, R&D provisional -> the share is provisional
        obs("01", "rd_total_msek", 2019, 50_000, status="provisional"),
        obs("01", "grp_msek", 2019, 1_250_000),
        # 03: R&D but no GRP for that year (only for another year) -> share missing
        obs("03", "rd_total_msek", 2019, 9000),
        obs("03", "grp_msek", 2018, 150_000),
        # 18: a suppressed R&D cell is not a number and gives no row
        obs("18", "rd_total_msek", 2019, None, "..", status="missing"),
        obs("18", "grp_msek", 2019, 130_000),
        # a city is not a county
        obs("city_x", "rd_total_msek", 2019, 10),
        obs("city_x", "grp_msek", 2019, 100),
    ])
    con = db.connect_in_memory({"regions": REGIONS, "indicators": indicators, "sources": SOURCES,
                                "observations": observations})
    yield con
    con.close()


def test_share_is_rd_over_grp_of_the_same_year(rd_con):
    df = queries.run(rd_con, "rd_share_grp", year=2019).set_index("region_code")
    assert list(df.index) == ["01", "03", "05"]
    assert math.isclose(df.loc["05", "share_pct"], 7.1)
    assert df.loc["05", "status"] == "published"
    assert math.isclose(df.loc["01", "share_pct"], 4.0) and df.loc["01", "status"] == "provisional"


def test_missing_grp_leaves_the_share_missing_not_estimated(rd_con):
    row = queries.run(rd_con, "rd_share_grp", regions=["03"]).iloc[0]
    assert pd.isna(row.share_pct) and pd.isna(row.grp_msek) and row.status == "missing"


def test_a_sector_series_can_be_chosen(rd_con):
    row = queries.run(rd_con, "rd_share_grp", rd_indicator="rd_university_msek", regions=["05"]).iloc[0]
    assert math.isclose(row.share_pct, 2.5) and row.rd_indicator == "rd_university_msek"


def test_real_data_gives_a_share_for_every_year_both_figures_exist(real_con):
    df = queries.run(real_con, "rd_share_grp")
    both = df.dropna(subset=["rd_msek", "grp_msek"])
    assert (both.share_pct == 100 * both.rd_msek / both.grp_msek).all()
    assert df[df.grp_msek.isna()].share_pct.isna().all()


def test_real_data_riket_2015_share_is_computed_from_scb_rd_and_gdp(real_con):
    row = queries.run(real_con, "rd_share_grp", regions=["00"], year=2015).iloc[0]
    assert (row.rd_msek, row.grp_msek) == (137_146, 4_181_103)
    assert math.isclose(row.share_pct, 100 * 137_146 / 4_181_103)
