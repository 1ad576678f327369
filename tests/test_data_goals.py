"""The strategies' goals: at least half are tied to an indicator with data; the others say why in one line."""

import csv
from pathlib import Path

from regionstats import queries

DATA = Path(__file__).resolve().parent.parent / "data"


def goals() -> list[dict]:
    with (DATA / "goals.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_at_least_half_of_the_goals_have_a_measured_value(real_con):
    progress = queries.run(real_con, "goals_progress")
    measured = progress.dropna(subset=["latest_value"])
    print(f"\ngoals measured: {len(measured)} of {len(progress)}")
    assert len(progress) == 21  # 16, and the five "Where we want to be in 2023" targets of Region Stockholm
    assert len(measured) >= 10


def test_an_unmeasurable_goal_says_why_in_one_short_line():
    for goal in goals():
        if not goal["indicator_id"]:
            assert goal["note"].startswith("Kan inte mätas: "), goal["goal_id"]
            assert len(goal["note"]) <= 120 and "\n" not in goal["note"], goal["goal_id"]


def test_a_proxy_says_it_is_one():
    for goal in goals():
        if goal["indicator_id"] and goal["goal_id"] != "stockholm_top5_ls_2025":
            assert goal["note"].startswith("Mäts med"), goal["goal_id"]
