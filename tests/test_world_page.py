"""AppTest of Världens topp fem through the real shell: Stockholm on the international lists with place,
list size, fifth place and distance equal to the SQL, trends over three or more editions, both languages."""

from functools import partial
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from regionstats import db, formatting, queries
from regionstats.i18n import t
from tests.test_pages import bars, figure, figures

ROOT = Path(__file__).resolve().parent.parent
PAGE = "pages/3_varlden.py"

pytestmark = pytest.mark.apptest


@pytest.fixture(scope="module")
def sql():
    return partial(queries.run, db.connect(ROOT / "data"))


def open_world(**params) -> AppTest:
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    at.switch_page(PAGE).run()
    assert not at.exception, at.exception
    return at


def table(at: AppTest, title: str, column: str):
    """The dataframe shown under the subheader with this title (the charts' data frames are skipped)."""
    titles = [s.value for s in at.subheader]
    assert title in titles, titles
    tables = [d.value for d in at.dataframe if d.value.columns[0] != "indicator_id"]
    assert column in tables[titles.index(title)].columns
    return tables[titles.index(title)]


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_stockholm_on_five_lists_with_place_size_fifth_and_distance(sql, lang):
    at = open_world(home="01", lang=lang)
    assert at.title[0].value == t("page_world", lang)
    shown = table(at, t("world_ladder_title", lang, region="Stockholm"), t("world_place", lang))
    expected = sql("world_ladders", region="01")
    complete = expected[expected.place.notna() & expected.list_size.notna()
                        & expected.fifth_holder_en.notna()]
    # ARWU's and QS's 2025 editions are in the data without their list size (no source read gives it)
    assert len(complete) >= 4
    by_list = {row[t("world_list", lang)]: row for _, row in shown.iterrows()}
    for _, row in complete.iterrows():
        line = by_list[row[f"name_{lang}"]]
        size = formatting.number(row.list_size, 0, lang)
        assert line[t("world_place", lang)] == t("world_place_of", lang, place=int(row.place), n=size)
        assert line[t("world_edition", lang)] == str(int(row.edition))
        assert row[f"fifth_holder_{lang}"] in line[t("world_fifth", lang)]
        distance = int(row.distance)
        assert line[t("world_distance", lang)] == (
            t("world_in_top_five", lang) if distance == 0 else t("world_places", lang, n=distance))
        assert line[t("world_scope", lang)].startswith(size)
    # MedCity: Stockholm 16 of 20, Paris fifth, eleven places
    medcity = by_list[expected.set_index("indicator_id").loc["medcity_rank", f"name_{lang}"]]
    assert (medcity[t("world_fifth", lang)], medcity[t("world_distance", lang)]) == (
        "Paris", t("world_places", lang, n=11))


def test_three_lists_with_a_trend_over_three_editions(sql):
    at = open_world(home="01")
    shown = table(at, t("world_ladder_title", "sv", region="Stockholm"), t("world_trend", "sv"))
    trends = [text for text in shown[t("world_trend", "sv")] if text.count(" → ") >= 2]
    expected = sql("world_ladders", region="01")
    # every edition is written out, also across a method change (the trend itself stays within one method)
    assert len(trends) == int((expected.n_editions_all >= 3).sum()) >= 3
    chart = figure(at, t("world_trend_title", "sv", region="Stockholm"))
    lines = [d for d in chart["data"] if d["type"] == "scatter"]
    assert len(lines) >= 3


def test_distance_bars_and_path_equal_sql(sql):
    at = open_world(home="01")
    expected = sql("world_ladders", region="01")
    placed = expected[expected.place.notna()]
    chart = bars(figure(at, t("world_distance_title", "sv", region="Stockholm")))
    assert {label: int(value) for label, value in chart.items()} == {
        f"{row.name_sv} {int(row.edition)}": int(row.distance) for _, row in placed.iterrows()}
    path = table(at, t("world_path_title", "sv", year=2025), t("world_path_reach", "sv"))
    reach = dict(zip(path[t("world_list", "sv")], path[t("world_path_reach", "sv")]))
    for _, row in placed.iterrows():
        if row.path_status == "never":
            assert reach[row.name_sv] == t("world_path_never", "sv")
        elif row.path_status == "at_trend":
            assert reach[row.name_sv] == str(int(row.reach_year))
    assert any(text == t("world_path_never", "sv") for text in reach.values())


def test_another_home_region_shows_its_lists_and_stockholms():
    at = open_world(home="03")
    titles = [s.value for s in at.subheader]
    assert t("world_ladder_title", "sv", region="Uppsala") in titles
    assert t("world_ladder_title", "sv", region="Stockholm") in titles
    uppsala = table(at, t("world_ladder_title", "sv", region="Uppsala"), t("world_place", "sv"))
    # Uppsala is no city on MedCity: no place is invented for it
    medcity = uppsala[uppsala[t("world_list", "sv")].str.startswith("MedCity")].iloc[0]
    assert medcity[t("world_place", "sv")] == t("world_no_place", "sv")
    assert figures(at)


def test_stockholm_ranked_among_the_european_nuts2_regions(sql):
    """SE11's place on R&D as a share of GDP among the NUTS 2 regions with a value (never among counties), in
    the table and under the map of Europe, as the SQL ranks it."""
    at = open_world(home="01")
    expected = sql("world_nuts2", region="01", indicator="eu_rd_share_gdp")
    se11 = expected[expected.is_home].iloc[0]
    assert se11.region_code == "nuts_SE11" and se11.n_ranked >= 200
    assert set(expected.region_code) <= set(sql("regions").query("kind == 'nuts2'").region_code)
    rank = t("world_rank_among", "sv", rank=int(se11["rank"]), n=int(se11.n_ranked))
    shown = table(at, t("world_nuts2_home_title", "sv", region="SE11 Stockholm"), t("rank", "sv"))
    line = shown[shown[t("indicator", "sv")] == at_indicator_name(sql, "eu_rd_share_gdp")].iloc[0]
    assert (line[t("rank", "sv")], line[t("year", "sv")]) == (rank, str(int(se11.year)))
    title = t("world_nuts2_map_title", "sv", indicator=at_indicator_name(sql, "eu_rd_share_gdp"),
              year=int(se11.year))
    assert figure(at, title)
    assert any(c.value.startswith(rank) for c in at.caption) or any(rank in m.value for m in at.markdown)


def test_the_ris_trend_chart_draws_its_method_breaks(sql):
    at = open_world(home="01")
    ris = sql("world_ladders", region="01").set_index("indicator_id").loc["ris_rank"]
    chart = figure(at, t("world_trend_title", "sv", region="Stockholm"))
    drawn = {round(s["x0"]) for s in chart["layout"].get("shapes", []) if s.get("line", {}).get("dash") == "dot"}
    assert drawn == {int(b["edition"]) for b in ris.breaks} and drawn
    labels = [a["text"] for a in chart["layout"]["annotations"]]
    assert t("world_break", "sv", year=2025) in labels
    notes = [c.value for c in at.caption] + [m.value for m in at.markdown]
    assert any(ris.name_sv in n and "241 regions" in n for n in notes)  # which list, in the source's words


def at_indicator_name(sql, indicator_id: str) -> str:
    return sql("indicators").set_index("indicator_id").loc[indicator_id, "name_sv"]


def test_the_map_of_europe_follows_the_chosen_indicator(sql):
    at = open_world(home="01")
    box = next(s for s in at.selectbox if s.key == "indicator")
    assert box.value == "eu_rd_share_gdp"
    box.set_value("eu_hrst_pct_pop").run()
    assert not at.exception, at.exception
    expected = sql("world_nuts2", region="01", indicator="eu_hrst_pct_pop")
    se11 = expected[expected.is_home].iloc[0]
    title = t("world_nuts2_map_title", "sv", indicator=at_indicator_name(sql, "eu_hrst_pct_pop"),
              year=int(se11.year))
    assert figure(at, title)
    assert at.query_params["indicator"] == ["eu_hrst_pct_pop"] or at.query_params["indicator"] == "eu_hrst_pct_pop"
