"""A region composed of counties on the pages (AppTest through the real shell, on the bundled data):
Finansiering, Utveckling and Topp fem show it beside the counties with the values SQL gives for the sum of
its parts; the sidebar composes it in both languages; a copied link opens the same view."""

import re

import pytest

from regionstats import formatting
from regionstats.i18n import t
from tests.test_pages import bars, figure, figures, open_page, sql  # noqa: F401  (sql is a fixture)

pytestmark = pytest.mark.apptest

LINK = "Stockholm–Uppsala:01+03"
LABEL = "Stockholm–Uppsala (sammansatt)"


def chart_year(fig: dict) -> int:
    return int(re.findall(r"\d{4}", fig["layout"]["title"]["text"])[-1])


def per_inhabitant_by_hand(sql, indicator: str, year: int) -> float:
    """Stockholm's and Uppsala's own rows, summed here: (amount + amount) / (population + population)."""
    parts = sql("per_capita", indicator=indicator, year=year, regions=["01", "03"])
    assert len(parts) == 2 and parts.amount.notna().all() and parts.population.notna().all()
    return parts.amount.sum() * 1_000_000 / parts.population.sum()


def test_funding_shows_the_sum_of_amounts_over_the_sum_of_populations(sql):
    at = open_page("finansiering", compose=LINK)
    fig = figures(at)[0]
    year = chart_year(fig)
    shown = bars(fig)
    assert shown[LABEL] == pytest.approx(per_inhabitant_by_hand(sql, "appropriation_research_msek", year))
    # never the average of the two counties' own figures
    assert shown[LABEL] != pytest.approx((shown["Stockholm"] + shown["Uppsala"]) / 2)
    captions = [c.value for c in at.caption]
    assert any(c.startswith("Stockholm–Uppsala = Stockholm + Uppsala") for c in captions)
    # the amounts chart adds the two amounts
    name = sql("indicators").set_index("indicator_id").loc["appropriation_research_msek", "name_sv"]
    amounts = bars(figure(at, t("amount_title", "sv", indicator=name, year=year)))
    parts = sql("per_capita", indicator="appropriation_research_msek", year=year, regions=["01", "03"])
    assert amounts[LABEL] == pytest.approx(parts.amount.sum())


def test_trend_draws_the_composed_region_as_a_line_of_summed_values(sql):
    at = open_page("utveckling", compose=LINK, mode="absolute", indicator="rd_business_msek")
    fig = figures(at)[0]
    line = next(d for d in fig["data"] if d.get("name") == LABEL)
    expected = sql("trend", indicator="rd_business_msek", regions=["01", "03"])
    sums = expected.groupby("year").value.agg(["sum", "count"])
    complete = sums[sums["count"] == 2]["sum"]
    assert len(complete) >= 3
    drawn = dict(zip(line["x"], line["y"]))
    assert {int(year): drawn[year] for year in drawn if drawn[year] is not None} == pytest.approx(
        {int(year): value for year, value in complete.items()})


def test_top_five_shows_the_composed_value_with_no_place_of_its_own(sql):
    at = open_page("topp-fem", compose=LINK, indicator="rd_share_of_sweden_pct")
    fig = next(f for f in figures(at) if any(d["type"] == "bar" for d in f["data"]) and LABEL in bars(f))
    year = chart_year(fig)
    parts = sql("top_five_gap", indicator="rd_share_of_sweden_pct", year=year, level="county", regions=["01", "03"])
    assert bars(fig)[LABEL] == pytest.approx(parts.value.sum())  # shares of one national total add up
    trace = next(d for d in fig["data"] if d["type"] == "bar")
    texts = dict(zip(trace["y"], trace["text"]))
    assert texts[LABEL].endswith("ingen egen plats")
    captions = " ".join(c.value for c in at.caption)
    assert t("composed_no_place_note", "sv") in captions


def test_a_published_rank_is_not_computed_for_the_composed_region():
    at = open_page("topp-fem", compose=LINK, indicator="ls_region_rank_tillvaxtverket")
    assert all(LABEL not in str(f["data"]) for f in figures(at))
    captions = " ".join(c.value for c in at.caption)
    assert "Stockholm–Uppsala: Life science-region (Tillväxtverket) kan inte beräknas för sammansatta regioner" in captions


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_the_sidebar_composes_a_region_and_the_copied_link_opens_it(lang):
    at = open_page("finansiering", lang=lang)
    assert t("compose_title", lang) in [e.label for e in at.sidebar.expander]
    assert at.multiselect(key="compose_members").label == t("compose_members", lang)
    at.text_input(key="compose_name").input("Stockholm + Uppsala")
    at.multiselect(key="compose_members").select("01").select("03")
    at.button(key="compose_add").click().run()
    assert not at.exception
    assert at.query_params["compose"] == "Stockholm + Uppsala:01+03"
    label = t("composed_label", lang, name="Stockholm + Uppsala")
    shown = bars(figures(at)[0])[label]

    copied = open_page("finansiering", **dict(at.query_params))
    assert bars(figures(copied)[0])[label] == shown
    assert copied.multiselect(key="compositions").value == ["Stockholm + Uppsala:01+03"]
    # unticking it removes it from the view and from the link
    copied.multiselect(key="compositions").unselect("Stockholm + Uppsala:01+03").run()
    assert "compose" not in copied.query_params
    assert label not in bars(figures(copied)[0])


def test_a_malformed_composition_in_a_link_is_named_in_a_notice():
    at = open_page("finansiering", compose=f"{LINK};Trasig:01+99")
    assert any("compose=Trasig:01+99" in i.value for i in at.info)
    assert LABEL in bars(figures(at)[0])
    assert at.query_params["compose"] == LINK
