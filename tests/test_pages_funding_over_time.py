"""Finansiering per invånare in AppTest: Stockholm's bar (the sum of its universities, marked as such) and the
chosen amount per inhabitant as a line over the chosen years, the numbers equal to the SQL."""

import pytest

from regionstats import formatting
from tests.test_pages import bars, decode, figure, figures, open_page, sql  # noqa: F401 (sql is a fixture)

pytestmark = pytest.mark.apptest

FOCUS_AND_RIKET = {"Stockholm", "Uppsala", "Östergötland", "Örebro", "Västerbotten", "Riket"}


def lines(fig: dict) -> dict:
    """{region: {year: value}} of the line traces that have points."""
    found = {}
    for trace in fig["data"]:
        if trace.get("type") == "scatter" and trace.get("name"):
            points = {int(x): y for x, y in zip(decode(trace["x"]), decode(trace["y"])) if y is not None and y == y}
            if points:
                found[trace["name"]] = points
    return found


def captions(at) -> str:
    return "\n".join(c.value for c in at.caption)


def test_stockholm_has_a_bar_marked_as_the_sum_of_its_universities(sql):
    at = open_page("finansiering", years="2021")
    shown = bars(figure(at, "Statligt anslag till lärosäten, forskning per invånare, 2021"))
    expected = sql("per_capita", indicator="appropriation_research_msek", year=2021, regions=["01"]).iloc[0]
    assert expected.amount_basis == "sum_of_universities"
    assert shown["Stockholm"] == pytest.approx(expected.per_capita)
    assert formatting.value(shown["Stockholm"], "sek_per_capita", 0, "sv") == "2\u00a0275 kr"  # all ten state lines
    text = captions(at)
    assert "Summan av lärosätenas egna anslag enligt budgetpropositionen, beräknad här" in text
    assert "Stockholm 2021 (Försvarshögskolan, Gymnastik- och idrottshögskolan, KTH" in text
    # one basis: Uppsala's bar is the bill's line; the seed table's own cell is shown beside it, not ranked
    assert shown["Uppsala"] == pytest.approx(sql("per_capita", indicator="appropriation_research_msek", year=2021,
                                                  regions=["03"]).per_capita.item())
    assert "Nyckeltalstabellens egna värden (osäkert år" in text
    assert "Uppsala 2021 5\u00a0556 kr (summa 5\u00a0886 kr)" in text


def test_the_over_time_chart_draws_riket_from_2021(sql):
    at = open_page("finansiering", years="2021-2025")
    fig = figure(at, "Statligt anslag till lärosäten, forskning per invånare, 2021–2025")
    riket = lines(fig)["Riket"]
    expected = sql("per_capita", indicator="appropriation_research_msek", regions=["00"], year_from=2021, year_to=2025)
    assert set(riket) == set(range(2021, 2026))
    for row in expected.itertuples():
        assert riket[row.year] == pytest.approx(row.per_capita)
    assert "Riket 2021–2025 (alla statliga lärosäten under UO 16)" in captions(at)


def test_a_per_inhabitant_line_over_more_than_ten_years_equals_the_sql(sql):
    at = open_page("finansiering", indicator="rd_business_msek")
    fig = figure(at, "FoU-utgifter, företagssektorn per invånare, 2007")
    shown = lines(fig)
    assert set(shown) == FOCUS_AND_RIKET
    expected = sql("per_capita", indicator="rd_business_msek", regions=["01", "03", "05", "18", "24", "00"])
    for row in expected.dropna(subset=["per_capita"]).itertuples():
        assert shown[row.region_name_sv][row.year] == pytest.approx(row.per_capita), (row.region_name_sv, row.year)
    stockholm = shown["Stockholm"]
    assert max(stockholm) - min(stockholm) >= 10 and len(stockholm) >= 7
    assert "Källa" in captions(at) and "folkmängd 31 december året före" in captions(at)


def test_the_period_filter_changes_the_line():
    at = open_page("finansiering", indicator="rd_business_msek", years="2011-2015")
    fig = figure(at, "FoU-utgifter, företagssektorn per invånare, 2011, 2013, 2015")
    assert {year for points in lines(fig).values() for year in points} == {2011, 2013, 2015}


def test_missing_points_say_saknas_with_the_reason():
    at = open_page("finansiering", years="2021-2026")
    titles = [f["layout"]["title"]["text"] for f in figures(at)]
    assert "Statligt anslag till lärosäten, forskning per invånare, 2021–2025" in titles
    assert "Saknas för Riket 2026, Stockholm 2026" in captions(at)
    assert "folkmängd 31 december 2025 saknas i data" in captions(at)


def test_the_line_in_english():
    at = open_page("finansiering", indicator="rd_business_msek", lang="en")
    titles = [f["layout"]["title"]["text"] for f in figures(at)]
    assert any(title.endswith("per inhabitant, 2007, 2009, 2011, 2013, 2015, 2017, 2019") for title in titles), titles
    assert "population on 31 December of the year before" in captions(at)


def test_a_period_without_published_county_figures_still_shows_the_sums(sql):
    at = open_page("finansiering", years="2023")
    fig = next(f for f in figures(at) if f["layout"]["title"]["text"].startswith(
        "Statligt anslag till lärosäten, forskning per invånare, 2023") and f["data"][0].get("type") == "scatter")
    expected = sql("per_capita", indicator="appropriation_research_msek", year=2023, regions=["01"]).per_capita.item()
    assert lines(fig)["Stockholm"] == {2023: pytest.approx(expected)}
