"""AppTests of the top-five verdicts on the real data: published places kept, ties not counted, uncertain
values marked."""

import re

import pytest
from test_pages import decode, figure, open_page, sql  # noqa: F401  (sql is a fixture)

pytestmark = pytest.mark.apptest


def shown(text: str) -> str:
    """Text as the reader sees it: the page escapes markdown marks (\\*) so that '*' stays a '*'."""
    return text.replace("\\", "")


def captions(at) -> list[str]:
    return [shown(c.value) for c in at.caption]


def test_rankings_show_stockholms_published_ris_place():
    at = open_page("rankningar", indicator="ris_rank")
    fig = figure(at, "Regional Innovation Scoreboard")
    assert "publicerad plats" in fig["layout"]["title"]["text"]
    stockholm = next(d for d in fig["data"] if d.get("name") == "Stockholm")
    places = dict(zip(decode(stockholm["x"]), decode(stockholm["y"])))
    assert places[2023] == 4 and places[2019] == 2  # never re-ranked to "1" among the chosen regions
    texts = dict(zip(decode(stockholm["x"]), stockholm["text"]))
    # "publicerad plats 4", or with the list's sourced size "plats 4 (listan: 239 NUTS 2-regioner)"
    assert re.match(r"(publicerad )?plats 4( \(listan: \d+ [^)]+\))?$", texts[2023]), texts[2023]
    # 2021 as published in the 2021 edition (1), a plain marker; the recomputed 2 stays in the data note
    symbols = dict(zip(decode(stockholm["x"]), stockholm["marker"]["symbol"]))
    assert places[2021] == 1 and symbols[2021] == "circle" and symbols[2023] == "circle"
    assert not texts[2021].endswith("†")
    assert not any(c.startswith("† Motstridiga uppgifter – Stockholm 2021") for c in captions(at))


def test_orebro_top_five_card_does_not_count_the_alf_panel_tie(sql):
    at = open_page("oversikt")
    gaps = sql("top_five_gap", level="county", latest=True, regions=["18"])
    panels = gaps[gaps.indicator_id == "alf_eval_panels_a"].iloc[0]
    assert panels.verdict in ("zero_count", "tied_at_cut") and not panels.decisive
    card = next(m for m in at.metric if m.label == "Indikatorer i topp fem")
    excluded = {"population", "appropriation_research_sek_per_capita_published", "publications_clinical_share_pct"}
    counted = gaps[gaps.decisive.astype(bool) & ~gaps.indicator_id.isin(excluded)]
    assert "alf_eval_panels_a" not in set(counted.indicator_id)
    assert shown(card.value).split(" *")[0] == f"{int((counted.verdict == 'in').sum())} av {len(counted)}"
    # the matrix shows the tie as not decisive (grey) with Örebro's provisional 0 marked
    heatmap = figure(at, "Plats per indikator")["data"][0]
    row = next(i for i, r in enumerate(heatmap["y"]) if r.startswith("ALF-utvärdering"))
    col = heatmap["x"].index("Örebro")
    assert heatmap["text"][row][col].endswith("*")
    assert decode(heatmap["z"][row])[col] == 0  # grey: not decisive
    assert any(c.startswith("* Preliminärt värde") and "Örebro, ALF-utvärdering" in c for c in captions(at))


def test_uncertain_university_rank_is_hollow_in_the_chart(sql):
    universities = sql("regions", kind="university")
    focus = universities[universities.county_code.isin(["01", "03", "05", "18", "24"])].region_code.tolist()
    found = sql("observations", indicators=["the_world_rank", "arwu_world_rank", "qs_world_rank"], regions=focus)
    found = found[found.status.isin(["provisional", "conflicting"]) & found.value.notna()]
    assert not found.empty, "the bundled data has uncertain university ranks"
    row = found.iloc[0]
    at = open_page("rankningar", ranking=row.indicator_id)
    fig = figure(at, row.indicator_name_sv)
    trace = next(d for d in fig["data"] if d.get("name") == row.region_name_sv and d["type"] == "scatter")
    symbols = dict(zip(decode(trace["x"]), trace["marker"]["symbol"]))
    assert symbols[row.year] == "circle-open"
    mark = "*" if row.status == "provisional" else "†"
    assert any(c.startswith(mark) and row.region_name_sv in c for c in captions(at))
