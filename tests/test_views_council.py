"""What a policymaker reads in five seconds: dates said once, Swedish notes marked, which year bars show,
who is in the top five (or why not), the defaults, the map's places and missing rows last."""

from functools import partial
from pathlib import Path

import pytest

from regionstats import charts, db, formatting, queries
from regionstats.i18n import t
from regionstats.selection import Selection
from regionstats.views import Context, ranked
from regionstats.views.registry import build_page

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def run():
    return partial(queries.run, db.connect(ROOT / "data"))


def test_a_source_line_names_its_date_once(run):
    ctx = Context(run, Selection())
    dated = ctx.sources[[str(p) in str(title) for title, p in zip(ctx.sources.title, ctx.sources.published)]]
    assert not dated.empty, "a source whose title carries its date (SCB's 'uppd. …')"
    source = dated.iloc[0]
    assert ctx.source_note([source.source_id]).count(str(source.published)) == 1


def test_data_notes_show_the_curated_english_or_say_they_are_swedish(run):
    note = "** exklusive SLU"  # no English written for this text alone: marked, never passed off as English
    assert Context(run, Selection()).data_note(note) == note
    assert Context(run, Selection(lang="en")).data_note(note) == f"{t('in_swedish', 'en')} {note}"
    # a drawn amount with a data note of its own: its English from curation/translations.csv (note_en)
    funding = build_page("finansiering", run, Selection(lang="en", indicator="alf_msek", year_from=2020, year_to=2020))
    amounts = next(c for c in funding.charts if c.key.startswith("amount_"))
    assert any("ALF compensation for clinical research" in n for n in amounts.notes), amounts.notes
    assert not any("ALF-ersättning" in n for n in amounts.notes)


def test_bars_say_which_year_they_show_and_why(run):
    latest = build_page("finansiering", run, Selection()).charts[0]
    year = int(latest.data.year.max())
    assert year >= 2025  # the budget bills' sums reach the year before the latest population
    assert t("bars_latest_year", "sv", year=year) in latest.notes
    period = build_page("finansiering", run, Selection(year_from=2019, year_to=2021)).charts[0]
    assert t("bars_year_in_period", "sv", year=2021, period="2019–2021") in period.notes


def test_citations_say_why_their_top_five_cannot_be_named(run):
    view = build_page("citeringar", run, Selection())
    counties = run("regions").query("kind == 'county'").region_code.tolist()
    with_values = run("citations", regions=counties, year=2019).dropna(subset=["citation_avg"])
    assert len(with_values) < 5
    assert view.notes[0].startswith("Vilka fem regioner som är bäst på")
    assert f"bara {len(with_values)} av 21 regioner" in view.notes[0]
    assert view.charts[0].notes[0] == view.notes[0]  # on the chart, so on the slide too


def test_the_map_answers_who_is_in_the_top_five_from_sql(run):
    ctx = Context(run, Selection())
    counties = ranked.counties(ctx)
    gaps = run("top_five_gap", indicator="rd_share_of_sweden_pct", year=2017, regions=counties)
    top = gaps[gaps.in_top_five.fillna(False).astype(bool)].sort_values("rank")
    answer = ranked.top_five_answer(ctx, "rd_share_of_sweden_pct", 2017)
    assert answer.startswith("Topp fem bland 21 regioner med data")
    for name in top.region_name_sv:
        assert name in answer
    assert len(top) == 5


def test_defaults_a_policymaker_cares_about(run):
    rankings = build_page("rankningar", run, Selection())
    assert rankings.charts[0].key == "tillvaxtverket"
    top_five = build_page("topp-fem", run, Selection())
    assert any(c.key == "gap_ls_region_rank_tillvaxtverket" for c in top_five.charts)
    trend = build_page("utveckling", run, Selection()).charts[0]
    assert "index" in trend.title and "= 100" in trend.title


def test_missing_rows_are_drawn_last(run):
    # Stockholm's research appropriation is now the sum of its universities; its ALF amount is still missing
    chart = build_page("finansiering", run, Selection(indicator="alf_msek")).charts[0]
    order = list(charts.figure(chart.spec).layout.yaxis.categoryarray)
    missing = chart.data[chart.data.per_capita.isna() & (chart.data.region_code != "00")].label.tolist()
    assert missing, "Stockholm has no ALF amount per inhabitant"
    assert set(order[:len(missing)]) == set(missing)  # the first rows are drawn at the bottom


def test_reference_lines_carry_their_value(run):
    chart = build_page("finansiering", run, Selection()).charts[0]
    riket = chart.data.loc[chart.data.region_code == "00", "per_capita"].iloc[0]
    labels = [a.text for a in charts.figure(chart.spec).layout.annotations]
    assert f"Riket {formatting.value(riket, 'sek_per_capita', 0, 'sv')}" in labels
