"""The yearly follow-up: the goals' baseline, trend and status computed in SQL (queries/goals_progress.sql) on
a hand-worked fixture, the Word document from the command line in both languages, and the app's button."""

from pathlib import Path

import docx
import pandas as pd
import pytest
from conftest import GOALS, OBSERVATIONS, SOURCES, TABLES, obs
from streamlit.testing.v1 import AppTest
from test_import_support import run

from regionstats import db, queries
from regionstats.i18n import t

ROOT = Path(__file__).resolve().parent.parent


def goal(goal_id, indicator, region, target=None, comparator=None, year=None, source="s2"):
    return (goal_id, "Testregion", goal_id, goal_id, f"the goal {goal_id}", indicator, region, target, comparator,
            year, source, None)


@pytest.fixture(scope="module")
def followup_con():
    """The query fixture with a money series for Västerbotten (24) of 10, 12, 14 in 2018-2020 (slope 2 a year),
    Örebro's (18) places 10 (2022) and 12 (2024), and a strategy (s2) published in 2019."""
    observations = pd.concat([OBSERVATIONS, pd.DataFrame(
        [obs("24", "money", 2018, 10), obs("24", "money", 2019, 12), obs("24", "money", 2020, 14),
         obs("18", "place", 2022, 10), obs("18", "place", 2024, 12)], columns=OBSERVATIONS.columns)],
        ignore_index=True)
    sources = pd.concat([SOURCES, SOURCES.assign(source_id="s2", published="2019-05-01")], ignore_index=True)
    goals = pd.concat([GOALS, pd.DataFrame([
        goal("reaches", "money", "24", 20, ">=", 2023),  # 14 + 2 × 3 = 20 by 2023
        goal("misses", "money", "24", 21, ">=", 2023),  # 20 < 21
        goal("year_passed", "money", "24", 30, ">=", 2020),  # 2020 is here and 14 < 30
        goal("better", "money", "24"),  # baseline 12 (2019, the strategy's year) -> 14
        goal("after_latest", "money", "24", source="s1"),  # strategy 2024: the baseline is the latest (2020)
        goal("worse_rank", "place", "18"),  # lower is better: no value by 2019, so the first, 10 (2022) -> 12
        goal("no_data", "money", "14"),
    ], columns=GOALS.columns)], ignore_index=True)
    con = db.connect_in_memory({**TABLES, "observations": observations, "sources": sources, "goals": goals})
    yield con
    con.close()


def test_status_baseline_and_trend_are_computed_in_sql(followup_con):
    df = queries.run(followup_con, "goals_progress").set_index("goal_id")
    got = {g: (r.progress, r.progress_reason) for g, r in df.iterrows()}
    assert got == {
        "reaches": ("on_track", "trend_reaches_target"),
        "misses": ("off_track", "trend_misses_target"),
        "year_passed": ("off_track", "target_year_reached"),
        "better": ("on_track", "better_than_baseline"),
        "after_latest": ("not_measurable", "no_value_after_baseline"),
        "worse_rank": ("off_track", "not_better_than_baseline"),
        "no_data": ("not_measurable", "no_data"),
        "top5": ("not_measurable", "one_value"),  # place 16 in 2024, one edition, target 2025
        "score_goal": ("on_track", "target_met"),  # 5.0 >= 5.0
        "unmeasured": ("not_measurable", "no_indicator"),
    }
    reaches = df.loc["reaches"]
    assert (reaches.baseline_year, reaches.baseline_value, reaches.latest_value) == (2019, 12.0, 14.0)
    assert reaches.trend_per_year == pytest.approx(2.0) and reaches.projected_value == pytest.approx(20.0)
    assert int(reaches.n_values) == 3
    assert (df.loc["after_latest"].baseline_year, df.loc["worse_rank"].baseline_year) == (2020, 2022)


def sections(path: Path) -> list[tuple[str, str]]:
    """(goal heading, its assessment line) of every goal section of the document."""
    found, heading = [], None
    for paragraph in docx.Document(str(path)).paragraphs:
        if paragraph.style.name == "Heading 2":
            heading = paragraph.text
        elif heading and paragraph.text.startswith(("Bedömning:", "Assessment:")):
            found.append((heading, paragraph.text))
            heading = None
    return found


def stockholm_goals(sql) -> pd.DataFrame:
    goals = sql("goals_progress")
    return goals[goals.goal_id.str.startswith("stockholm_")]


@pytest.fixture(scope="module")
def sql():
    from functools import partial

    return partial(queries.run, db.connect(ROOT / "data"))


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_the_command_line_writes_one_section_per_goal_with_its_status(tmp_path, capsys, sql, lang):
    out = tmp_path / "uppfoljning.docx"
    code, printed = run(capsys, "export", "followup", "--strategy", "stockholm", "--lang", lang, "--out", out)
    assert code == 0, printed
    goals = stockholm_goals(sql)
    assert len(goals) == 13  # the strategy's 7 (the five 2023 targets among them) and the action plan's 6
    shown = sections(out)
    assert [h for h, _ in shown] == list(goals[f"title_{lang}"])
    for (_, line), progress in zip(shown, goals.progress):
        assert t(f"followup_status_{progress}", lang) in line
    document = docx.Document(str(out))
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings == [t(k, lang) for k in ("followup_case", "followup_background", "followup_results",
                                               "followup_sources")]
    version = db.data_fingerprint(ROOT / "data")
    assert document.core_properties.identifier == version
    assert version in document.sections[0].footer.paragraphs[0].text
    text = "\n".join(cell.text for table in document.tables for row in table.rows for cell in row.cells)
    if lang == "sv":  # Swedish number format: a space between thousands, a decimal comma
        assert "6\u00a0700 (2022)" in text and "+1\u00a0700,0 prov per år" in text
    else:
        assert "6,700 (2022)" in text and "+1,700.0 samples per year" in text


def test_an_unknown_strategy_is_a_clear_usage_error(tmp_path, capsys):
    code, printed = run(capsys, "export", "followup", "--strategy", "nope", "--out", tmp_path / "x.docx")
    assert code == 2 and "okänd strategi ”nope”" in printed and "stockholm" in printed
    assert not (tmp_path / "x.docx").exists()


def test_the_app_offers_the_follow_up_and_builds_it_only_on_click(monkeypatch):
    from regionstats.export import followup

    def not_now(*args, **kwargs):
        raise AssertionError("the document was built before a click")

    monkeypatch.setattr(followup, "build_document", not_now)
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    at.run()
    assert not at.exception, at.exception
    buttons = [b for b in at.get("download_button") if b.proto.label == t("followup_button", "sv")]
    assert len(buttons) == 1
    choices = [s for s in at.selectbox if s.label == t("followup_choose", "sv")]
    assert choices and "Region Stockholm" in choices[0].options


def test_the_two_weak_proxies_say_why_they_are_used(sql):
    goals = sql("goals_progress").set_index("goal_id")
    for goal_id in ("stockholm_research_promise_2023", "gms_goal4_clinical_trials"):
        note = goals.loc[goal_id, "note"]
        assert goals.loc[goal_id, "indicator_id"] == "clinical_trial_applications"
        assert note.startswith("Mäts med") and "svagt mått" in note, goal_id
    assert "ATMP" in goals.loc["stockholm_research_promise_2023", "note"]  # the regional count, and why not it


def test_region_stockholms_five_2023_targets_are_quoted_verbatim(sql):
    seed = (ROOT / "data" / "raw" / "seeds" / "000_4189665b2ffb6c0c.txt").read_text(encoding="utf-8")
    seed = " ".join(seed.replace("biotech-\n\nnology", "biotechnology").split())
    goals = sql("goals_progress")
    targets = goals[goals.goal_id.str.startswith("stockholm_2023_")]
    assert len(targets) == 5 and set(targets.target_year) == {2023}
    for text in targets.goal_text:
        assert text.startswith("Where we want to be in 2023 […] ")  # the heading the targets stand under
        for part in text.removeprefix("Where we want to be in 2023 […] ").split(" […] "):
            assert part.rstrip(" […]") in seed, part


def test_the_english_follow_up_is_english_and_marks_its_swedish_source_titles(tmp_path, capsys):
    """#23: the English DOCX shows the goals' notes in English and every Swedish source title in Källor/Sources
    followed by '(in Swedish)' (the action plan's title stays as published)."""
    import csv

    from tests.english_markers import swedish_markers

    out = tmp_path / "followup.docx"
    code, printed = run(capsys, "export", "followup", "--strategy", "stockholm", "--lang", "en", "--out", out)
    assert code == 0, printed
    document = docx.Document(str(out))
    paragraphs = [p.text for p in document.paragraphs]
    text = "\n".join(paragraphs + [c.text for table in document.tables for row in table.rows for c in row.cells])
    assert swedish_markers(text) == []
    with (ROOT / "data" / "goals.csv").open(encoding="utf-8", newline="") as handle:
        notes = [r["note"].split(": ", 1)[-1].rstrip(".") for r in csv.DictReader(handle) if r["note"]]
    assert [note for note in notes if note in text] == []  # each in its English from curation, never the Swedish
    with (ROOT / "data" / "sources.csv").open(encoding="utf-8", newline="") as handle:
        swedish = [r["title"] for r in csv.DictReader(handle) if r["language"] == "sv"]
    sources = paragraphs[paragraphs.index(t("followup_sources", "en")) + 1:]
    shown = [title for title in swedish if any(title in line for line in sources)]
    assert "Handlingsplan Stockholmsregionens life science-strategi: Precisionsmedicin" in shown
    assert all(f"{title} (in Swedish)" in line for title in shown for line in sources if title in line)
