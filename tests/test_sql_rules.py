"""One top-five rule, in the staging layer: the questions read observations through it, and the number five
and the rule for fifth place are written only there (queries/models/40_ranked.sql, top_places())."""

import re
from functools import partial
from pathlib import Path

from conftest import ROOT

from regionstats import queries
from regionstats.selection import Selection
from regionstats.views import Context, ranked

QUESTIONS = sorted((ROOT / "queries").glob("*.sql"))  # the questions; the staging layer is queries/models/
# Fifth place written as a literal: a comparison with 5, arithmetic with 5 or a band edge of 5.5.
FIFTH_PLACE = re.compile(r"(<=|>=|<|>|=)\s*5(\.0)?\b|\b5(\.0)?\s*(<=|>=|<|>)|[-+]\s*5\b|\b5\s*[-+]|\b5\.5\b|"
                         r"nth_value\([^)]*,\s*5\s*\)")
RAW_OBSERVATIONS = re.compile(r"\b(from|join)\s+observations\b", re.I)
# Question files allowed to break the rules for now: none (keep these empty).
LITERAL_FIFTH_PLACE_PENDING = set()
RAW_OBSERVATIONS_PENDING = set()


def _code(path: Path) -> str:
    """The SQL without its comments (a header may describe the rule in words)."""
    return "\n".join(line.split("--", 1)[0] for line in path.read_text(encoding="utf-8").splitlines())


def test_the_patterns_find_what_they_are_for():
    assert FIFTH_PLACE.search("where o.value <= 5") and FIFTH_PLACE.search("n_ranked < 5")
    assert FIFTH_PLACE.search("(5 - l.place)") and FIFTH_PLACE.search("band 5.5")
    assert FIFTH_PLACE.search("nth_value(sort_value, 5)") and FIFTH_PLACE.search("place = 5.0")
    assert not FIFTH_PLACE.search("limit 50") and not FIFTH_PLACE.search("value <= 15")
    assert RAW_OBSERVATIONS.search("select * from observations as o")
    assert not RAW_OBSERVATIONS.search("from stg_observations") and not RAW_OBSERVATIONS.search("-- observations")


def test_no_question_writes_the_rule_for_fifth_place():
    found = {p.name: m.group(0) for p in QUESTIONS if (m := FIFTH_PLACE.search(_code(p)))}
    assert set(found) <= LITERAL_FIFTH_PLACE_PENDING, found
    assert "top_places()" in _code(ROOT / "queries" / "models" / "40_ranked.sql")


def test_every_question_reads_observations_through_the_staging_layer():
    found = sorted(p.name for p in QUESTIONS if RAW_OBSERVATIONS.search(_code(p)))
    assert set(found) <= RAW_OBSERVATIONS_PENDING, found


def test_the_size_of_the_top_five_comes_with_every_ranked_row(con):
    df = queries.run(con, "top_five_gap", indicator="score", year=2020)
    assert set(df.top_places) == {5}
    assert set(queries.run(con, "rankings", indicator="score", year=2020).top_places) == {5}


def test_too_few_to_name_the_top_five_is_sql_s_verdict(con):
    """The sentence under a chart follows SQL's 'too_few' verdict, not a second count in Python."""
    ctx = Context(partial(queries.run, con), Selection())
    # score 2020: six counties with a value (9, 7, 7, 5, 4, 3): the five best are named
    assert ranked.top_five_answer(ctx, "score", 2020) == (
        "Topp fem bland 6 regioner med data, score sv 2020: Stockholm (9,0 %), Uppsala (7,0 %), "
        "Östergötland (7,0 %), Örebro (5,0 %), Västerbotten (4,0 %).")
    # citations 2019: Stockholm and Uppsala only (verdict too_few): why the data cannot say
    verdicts = set(queries.run(con, "top_five_gap", indicator="citation_avg_clinical_pct", year=2019).verdict)
    assert verdicts == {"too_few"}
    answer = ranked.top_five_answer(ctx, "citation_avg_clinical_pct", 2019)
    assert answer == ranked.t("top_five_cannot", "sv", indicator="citation_avg_clinical_pct sv", year=2019, n=2,
                              total=6, regions="Stockholm, Uppsala")
