"""AppTest tests of every page through the real shell: they run in both languages, react to the
sidebar and page controls, and show the numbers the SQL gives for the same filters."""

import base64
import json
from functools import partial
from pathlib import Path

import numpy as np
import pytest
from streamlit.testing.v1 import AppTest

from regionstats import db, formatting, queries
from regionstats.i18n import t
from regionstats.views import registry

ROOT = Path(__file__).resolve().parent.parent
PAGES = {page.slug: (page.file, page.title_key) for page in registry.TABLE}  # the one table of pages

pytestmark = pytest.mark.apptest


@pytest.fixture(scope="module")
def sql():
    """Run a query on the real data, as the pages do."""
    return partial(queries.run, db.connect(ROOT / "data"))


def open_page(slug: str, **params) -> AppTest:
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    if slug != "oversikt":
        at.switch_page(PAGES[slug][0]).run()
    assert not at.exception, at.exception
    return at


def decode(values):
    """Plotly >= 6 sends numeric arrays as base64 'bdata'; give plain lists."""
    if isinstance(values, dict) and "bdata" in values:
        return np.frombuffer(base64.b64decode(values["bdata"]), dtype=values["dtype"]).tolist()
    return values


def figures(at: AppTest) -> list[dict]:
    return [json.loads(chart.proto.spec) for chart in at.get("plotly_chart")]


def figure(at: AppTest, title_start: str) -> dict:
    found = [f for f in figures(at) if f["layout"]["title"]["text"].startswith(title_start)]
    assert found, [f["layout"]["title"]["text"] for f in figures(at)]
    return found[0]


def bars(fig: dict) -> dict:
    """{category label: value} of the first bar trace."""
    trace = next(d for d in fig["data"] if d["type"] == "bar")
    return dict(zip(decode(trace["y"]), decode(trace["x"])))


@pytest.mark.parametrize("lang", ["sv", "en"])
@pytest.mark.parametrize("slug", list(PAGES))
def test_page_runs_in_both_languages(slug, lang):
    at = open_page(slug, lang=lang)
    assert at.title[0].value == t(PAGES[slug][1], lang)
    assert at.get("plotly_chart"), "every page draws at least one chart"
    separators = {f["layout"]["separators"] for f in figures(at)}
    assert separators == {formatting.PLOTLY_SEPARATORS[lang]}
    assert all(f["layout"]["title"]["text"] for f in figures(at))


def latest_per_capita_year(sql, indicator="appropriation_research_msek") -> int:
    """The latest year with a county's per-inhabitant value (the budget bill's sums need the year-before population)."""
    df = sql("per_capita", indicator=indicator)
    return int(df.year[(df.region_code != "00") & df.per_capita.notna()].max())


def test_overview_kpis_follow_the_home_region(sql):
    at = open_page("oversikt")
    assert at.metric[0].value == "7"  # Örebro, Tillväxtverket 2018
    year = latest_per_capita_year(sql)
    assert year >= 2025  # the budget bills' sums, one basis, not the seed table's 2021 cells
    per_capita = sql("per_capita", indicator="appropriation_research_msek", year=year, regions=["18"])
    assert at.metric[1].value == formatting.value(per_capita.per_capita.item(), "sek_per_capita", 0, "sv")
    at.selectbox(key="home").set_value("03").run()
    assert at.metric[0].value == "4"
    uppsala = sql("per_capita", indicator="appropriation_research_msek", year=year, regions=["03"])
    # the budget bill's line (one basis for every county), never the seed table's 5 556 kr of uncertain year
    assert uppsala.amount_basis.item() == "sum_of_universities"
    assert at.metric[1].value == formatting.value(uppsala.per_capita.item(), "sek_per_capita", 0, "sv")
    assert at.metric[2].value == "11 %"


def test_overview_matrix_cells_equal_sql_ranks(sql):
    at = open_page("oversikt")
    fig = figure(at, "Plats per indikator")
    heatmap = fig["data"][0]
    rows, cols, text = heatmap["y"], heatmap["x"], heatmap["text"]
    gaps = sql("top_five_gap", indicator="ls_region_rank_tillvaxtverket", year=2018)
    row = rows.index(next(r for r in rows if r.startswith("Life science-region (Tillväxtverket)")))
    for region_code, name in (("18", "Örebro"), ("03", "Uppsala"), ("01", "Stockholm")):
        expected = int(gaps.loc[gaps.region_code == region_code, "rank"].item())
        # Stockholm's 1 is read from the footnote's "Stockholm/Uppsala": provisional, marked *
        assert text[row][cols.index(name)] == str(expected) + (" *" if region_code == "01" else "")


def test_funding_bars_equal_sql_and_follow_indicator(sql):
    at = open_page("finansiering")
    year = latest_per_capita_year(sql)
    fig = figure(at, f"Statligt anslag till lärosäten, forskning per invånare, {year}")
    expected = sql("per_capita", indicator="appropriation_research_msek", year=year)
    expected = dict(zip(expected.region_name_sv, expected.per_capita))
    shown = bars(fig)
    assert set(shown) == {"Stockholm", "Uppsala", "Västerbotten", "Örebro", "Östergötland"}
    for name, value in shown.items():
        assert value == pytest.approx(expected[name])
    at.selectbox(key="indicator").set_value("alf_msek").run()
    assert figure(at, f"ALF-medel för forskning per invånare, {latest_per_capita_year(sql, 'alf_msek')}")
    assert at.query_params["indicator"] == "alf_msek"


def test_funding_follows_region_selection():
    at = open_page("finansiering")
    at.multiselect(key="regions").set_value(["18", "24"]).run()
    shown = bars(figure(at, "Statligt anslag till lärosäten, forskning per invånare"))
    assert set(shown) == {"Örebro", "Västerbotten"}
    assert at.selectbox(key="preset").value == "custom"
    assert at.query_params["regions"] == "18,24"


def test_rankings_bump_chart_equals_sql(sql):
    at = open_page("rankningar")
    at.selectbox(key="indicator").set_value("rd_business_msek").run()
    fig = figure(at, "FoU-utgifter, företagssektorn: plats bland Sveriges län")
    orebro = next(d for d in fig["data"] if d.get("name") == "Örebro")
    ranks = sql("rankings", indicator="rd_business_msek")
    ranks = ranks[(ranks.region_code == "18") & (ranks.region_kind == "county")].sort_values("year")
    assert decode(orebro["x"]) == ranks.year.tolist()
    assert decode(orebro["y"]) == ranks["rank"].astype(float).tolist()


def test_rankings_year_filter_narrows_the_bump_chart():
    at = open_page("rankningar")
    at.selectbox(key="years_mode").set_value("custom").run()
    at.selectbox(key="year_from").set_value(2015).run()
    at.selectbox(key="year_to").set_value(2019).run()
    fig = figure(at, "FoU-utgifter, företagssektorn: plats bland Sveriges län, 2015–2019")
    years = {y for d in fig["data"] if d["type"] == "scatter" for y in decode(d["x"]) if y}
    assert years == {2015, 2017, 2019}
    assert at.query_params["years"] == "2015-2019"


def test_citations_equal_sql(sql):
    at = open_page("citeringar")
    shown = bars(figure(at, "Citeringsgenomsnitt, klinisk forskning, 2015–19"))
    expected = sql("citations", year=2019)
    expected = {n: v for n, v in zip(expected.region_name_sv, expected.citation_avg) if n != "Riket"}
    assert shown == expected


def test_top_five_medcity_and_goals():
    at = open_page("topp-fem")
    fig = figure(at, "MedCity Global Cities Comparison 2024")
    trace = fig["data"][0]
    ranks = dict(zip(trace["y"], decode(trace["x"])))
    # MedCity lists cities; Stockholm's place is stored on the county, so the chart says so
    assert ranks["Stockholm (län)"] == 16 and ranks["Paris"] == 5 and len(ranks) == 20
    goals = at.dataframe[0].value
    top5 = goals[goals["Indikator"] == "MedCity Global Cities Comparison"].iloc[0]
    assert (top5["Senaste värde"], top5["Avstånd"], top5["Läge"]) == ("16 (2024)", "+11", "Ej uppnått")


def test_top_five_gap_chart_follows_indicator(sql):
    at = open_page("topp-fem")
    at.selectbox(key="indicator").set_value("rd_public_msek").run()
    fig = figure(at, "FoU-utgifter, offentlig sektor: avstånd till femte bästa region, 2019")
    gaps = sql("top_five_gap", indicator="rd_public_msek", year=2019)
    fifth = gaps.fifth_value.dropna().iloc[0]
    assert any(shape.get("x0") == fifth for shape in fig["layout"]["shapes"])


def test_trend_opens_indexed_to_the_first_year(sql):
    at = open_page("utveckling")
    fig = figure(at, "FoU-utgifter, företagssektorn, index 2007 = 100")
    riket = next(d for d in fig["data"] if d.get("name") == "Riket")
    expected = sql("trend", indicator="rd_business_msek", regions=["00"], base_year=2007)
    assert decode(riket["y"]) == pytest.approx(expected.index_value.tolist())


def test_trend_indexed_equals_sql(sql):
    at = open_page("utveckling", indicator="population", mode="index", base="2018")
    fig = figure(at, "Folkmängd, index 2018 = 100")
    riket = next(d for d in fig["data"] if d.get("name") == "Riket")
    expected = sql("trend", indicator="population", regions=["00"], base_year=2018)
    assert decode(riket["y"]) == pytest.approx(expected.index_value.tolist())
    at.segmented_control(key="mode").set_value("absolute").run()
    assert figure(at, "Folkmängd, 2000–2024")


def test_map_values_and_places_equal_sql(sql):
    """The map's bars hold every county's value, named with its place; the places are the SQL ranks."""
    at = open_page("karta", indicator="rd_share_of_sweden_pct")
    fig = figure(at, "Andel av Sveriges FoU-utgifter, 2017")
    counties = sql("regions").query("kind == 'county'").region_code.tolist()
    ranks = sql("top_five_gap", indicator="rd_share_of_sweden_pct", year=2017, regions=counties)
    expected = {f"{int(r.rank)}. {r.region_name_sv}": r.value for r in ranks.itertuples()}
    assert bars(fig) == pytest.approx(expected)
    assert len(expected) == 21
    places = next(d for d in fig["data"] if d.get("mode") == "text")
    assert sorted(int(p) for p in places["text"]) == sorted(int(r) for r in ranks["rank"])


def test_map_latest_year_is_the_counties_year_not_riket_s(sql):
    """Karta on FoU-utgifter, alla sektorer, latest year: Riket alone has 2019, all 21 counties have 2017; the
    map draws 2017 with every county's value (it once drew 2019 with every county 'saknas')."""
    at = open_page("karta", indicator="rd_total_msek")
    fig = figure(at, "FoU-utgifter, alla sektorer, 2017")
    ranks = sql("top_five_gap", indicator="rd_total_msek", year=2017, level="county")
    assert len(ranks) == 21 and ranks["rank"].notna().all()
    assert bars(fig) == pytest.approx({f"{int(r.rank)}. {r.region_name_sv}": r.value for r in ranks.itertuples()})
    assert not [c for c in at.caption if "Saknas för" in c.value]


def test_compare_weights_change_the_composite():
    at = open_page("jamfor")
    before = bars(figure(at, "Sammanvägt index"))
    at.slider(key="weight_ranking").set_value(0).run()
    after = bars(figure(at, "Sammanvägt index"))
    assert before != after
    assert at.query_params["weights"] == "0,1,1,1,1"


def data_table(at: AppTest):
    return next(d.value for d in at.dataframe if "Länk" in d.value.columns and "Värde" in d.value.columns)


def test_data_page_table_equals_sql(sql):
    at = open_page("data", regions="18")
    expected = sql("observations", regions=["18"])
    assert len(data_table(at)) == len(expected)
    assert list(data_table(at)["Värde"]) == [
        formatting.value(v, u, d, "sv", txt) for v, u, d, txt in
        zip(expected.value, expected.unit, expected.decimals, expected.value_text)]
    at.selectbox(key="indicator").set_value("alf_msek").run()
    assert len(data_table(at)) == len(sql("observations", regions=["18"], indicators=["alf_msek"]))


def test_url_restores_the_view():
    at = open_page("finansiering", lang="en", regions="24,18", home="24", years="2021")
    assert at.segmented_control(key="lang").value == "en"
    assert at.multiselect(key="regions").value == ["24", "18"]
    assert at.selectbox(key="home").value == "24"
    assert at.selectbox(key="years_mode").value == "custom"
    assert (at.selectbox(key="year_from").value, at.selectbox(key="year_to").value) == (2021, 2021)
    assert figure(at, "State appropriation to universities, research per inhabitant, 2021")


def test_bad_url_parameters_are_ignored_with_a_notice():
    at = open_page("oversikt", regions="01,zz", home="99", years="abc", bogus="1", lang="fr")
    assert not at.exception
    notice = at.info[0].value
    for part in ("regions=01,zz", "home=99", "years=abc", "bogus=1", "lang=fr"):
        assert part in notice
    assert at.multiselect(key="regions").value == ["01", "03", "05", "18", "24", "00"]


def test_language_switch_keeps_the_selection():
    at = open_page("citeringar", regions="18,03")
    at.segmented_control(key="lang").set_value("en").run()
    assert at.title[0].value == "Citations"
    assert at.multiselect(key="regions").value == ["18", "03"]


def test_a_broken_data_folder_is_shown_as_a_message_not_a_traceback(tmp_path, monkeypatch):
    import shutil

    broken = tmp_path / "data"
    shutil.copytree(ROOT / "data", broken, ignore=shutil.ignore_patterns("raw"))
    lines = (broken / "observations.csv").read_text(encoding="utf-8").splitlines(keepends=True)
    lines[5] = lines[5].replace(",2018,", ",2O18,", 1)
    (broken / "observations.csv").write_text("".join(lines), encoding="utf-8")
    monkeypatch.setenv("REGIONSTATS_DATA_DIR", str(broken))
    monkeypatch.setenv("REGIONSTATS_CACHE_DIR", str(tmp_path / "cache"))
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60).run()
    assert not at.exception
    assert "observations.csv, rad 6, kolumn year: ”2O18” är inte ett heltal" in at.error[0].value
