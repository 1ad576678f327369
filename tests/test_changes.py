"""What changed since the last meeting: the version history the importer writes, queries/changes.sql over two
snapshots (answers worked out by hand on the import fixture), the command line and the page in both languages."""

import json
import os
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest
from test_import_support import copy_fixture_data, csv_bytes, run

from regionstats import db, versions
from regionstats.i18n import t
from regionstats.importing import apply_import, plan_import_from_upload, undo_last_import

ROOT = Path(__file__).resolve().parent.parent
SRC = "orebro_ls_strategy_2021"
MEDCITY = "medcity_2024_pharmaphorum"
ROWS = (
    f"18;alf_msek;2021;71;;{SRC}",  # was 70: a revised figure
    f"18;alf_msek;2026;75;;{SRC}",  # Örebro's first 2026: a new edition
    f"24;alf_msek;2021;x;;{SRC}",  # was 195: newly missing
    f"01;medcity_rank;2024;5;;{MEDCITY}",  # was 16: a revised place on a world list, now in the top five
    f"03;alf_msek;2021;209;;{SRC}",  # the same value: unchanged, not a change
)
COLUMNS = ["region_code", "indicator_id", "year", "what", "tag", "before_value", "before_text", "before_n_ranked",
           "after_value", "after_text", "after_n_ranked"]
NA = None

# Worked out by hand. ALF 2021 before: Uppsala 209, Västerbotten 195, Östergötland 144, Örebro 70 (ranks 1-4 of
# 4, too few for a verdict); after: 209, 144, 71 (Västerbotten missing: ranks 1-3 of 3) and Örebro alone in
# 2026. Örebro's latest year moves to 2026 (rank 4 of 4 -> 1 of 1, a new edition); Östergötland 3 of 4 -> 2 of 3
# in the same year (revised); Uppsala stays first (no row); Västerbotten loses its value, rank and verdict.
# MedCity is a world list (ladders.csv): Stockholm's place 16 -> 5 and its verdict out -> in.
# Sorted: the home region (Örebro) first, then the chosen regions; verdicts, ladder places, ranks, values.
EXPECTED = [
    ("18", "alf_msek", 2026, "rank", "new_edition", 4, NA, 4, 1, NA, 1),
    ("18", "alf_msek", 2026, "value", "new_edition", NA, NA, NA, 75, "75", NA),
    ("18", "alf_msek", 2021, "value", "revised", 70, "70", NA, 71, "71", NA),
    ("24", "alf_msek", 2021, "verdict", "newly_missing", NA, "too_few", 4, NA, NA, NA),
    ("01", "medcity_rank", 2024, "verdict", "revised", NA, "out", 20, NA, "in", 20),
    ("01", "medcity_rank", 2024, "ladder_place", "revised", 16, NA, 20, 5, NA, 20),
    ("05", "alf_msek", 2021, "rank", "revised", 3, NA, 4, 2, NA, 3),
    ("24", "alf_msek", 2021, "rank", "newly_missing", 2, NA, 4, NA, NA, NA),
    ("24", "alf_msek", 2021, "value", "newly_missing", 195, "195", NA, NA, "x", NA),
    ("01", "medcity_rank", 2024, "value", "revised", 16, "16", NA, 5, "5", NA),
]


def plain(value):
    if pd.isna(value):
        return None
    return int(value) if isinstance(value, float) and value.is_integer() else value


def records(frame):
    return [tuple(plain(v) for v in row) for row in frame[COLUMNS].itertuples(index=False, name=None)]


@pytest.fixture
def data_dir(tmp_path, monkeypatch):
    folder = copy_fixture_data(tmp_path, monkeypatch)
    medcity = next(line for line in (ROOT / "data" / "ladders.csv").read_text(encoding="utf-8").splitlines()
                   if line.startswith("medcity_rank,"))
    with open(folder / "ladders.csv", "a", encoding="utf-8", newline="") as handle:
        handle.write(medcity + "\r\n")  # MedCity as a world list, as in data/
    return folder


@pytest.fixture
def imported(data_dir):
    report = plan_import_from_upload(data_dir, "mote.csv", csv_bytes(*ROWS))
    assert report.counts()["changed"] == 3 and report.counts()["added"] == 1
    apply_import(data_dir, report, confirmed=True)
    return data_dir


def test_an_import_records_the_version_it_replaced_and_its_own(data_dir):
    before = db.data_fingerprint(data_dir)
    report = plan_import_from_upload(data_dir, "mote.csv", csv_bytes(*ROWS))
    apply_import(data_dir, report, confirmed=True)
    history = versions.history(data_dir)
    assert [(v.version, v.made_by, v.detail) for v in history] == [
        (before, "curation", ""), (db.data_fingerprint(data_dir), "import", "mote.csv")]
    assert before != history[1].version
    for version in history:
        assert versions.snapshot_path(data_dir, version.version).exists()
    # the list is whole JSON, written through a temporary file that is gone
    assert json.loads((data_dir / ".versions" / "versions.json").read_text(encoding="utf-8"))[1]["made_by"] == "import"
    assert not list((data_dir / ".versions").glob("*.tmp"))


def test_the_changes_since_the_previous_version_are_exactly_the_changed_rows(imported):
    comparison = versions.compare(imported, None, "18", ["01", "03", "05", "24"])
    assert comparison.since.made_by == "curation"
    assert records(comparison.rows) == EXPECTED


def test_a_new_source_and_an_undo(imported):
    import_version = versions.history(imported)[-1]
    observations = imported / "observations.csv"  # a curation switches the source of Uppsala's ALF 2021
    text = observations.read_bytes()
    old = f"03,alf_msek,2021,,,,209,209,,,published,{SRC},".encode()
    assert old in text
    observations.write_bytes(text.replace(old, old.replace(SRC.encode(), MEDCITY.encode())))
    versions.record_curation(imported)
    rows = versions.compare(imported, import_version.version, "18").rows
    assert records(rows) == [("03", "alf_msek", 2021, "value", "new_source", 209, "209", NA, 209, "209", NA)]
    assert (rows.before_source.tolist(), rows.after_source.tolist()) == ([SRC], [MEDCITY])
    observations.write_bytes(text)  # curation back, so the undo is allowed
    versions.record_curation(imported)
    undo_last_import(imported)
    history = versions.history(imported)
    assert [v.made_by for v in history] == ["curation", "import", "curation", "curation", "undo"]
    assert history[-1].version == history[0].version  # the data as before the import, its snapshot shared
    undone = versions.compare(imported, import_version.version, "18").rows  # the undo reverses the import
    assert len(undone) == len(EXPECTED)
    assert undone.iloc[1][["indicator_id", "year", "what", "tag"]].tolist() == ["alf_msek", 2026, "value",
                                                                                "newly_missing"]


def test_since_a_date_or_a_version_and_clear_refusals(imported):
    history = versions.history(imported)
    assert versions.resolve(history, history[0].version[:6], history[-1].version) == history[0]
    assert versions.resolve(history, history[-1].day, history[-1].version) == history[-1]
    with pytest.raises(versions.VersionError) as refused:
        versions.resolve(history, "1999-01-01", history[-1].version)
    assert refused.value.code == "before_first"
    with pytest.raises(versions.VersionError) as refused:
        versions.resolve(history, "nonsense", history[-1].version)
    assert refused.value.code == "unknown_version"
    with pytest.raises(versions.VersionError) as refused:
        versions.resolve([], None, "abc")
    assert refused.value.code == "no_versions"


def test_the_command_line_prints_the_changes(imported, capsys):
    code, out = run(capsys, "changes", "--data-dir", imported)
    assert code == 0
    lines = out.splitlines()
    assert "10 ändringar" in lines[0]
    assert "Reviderad siffra" in out and "Ny utgåva" in out and "Saknas nu" in out
    assert "plats 4 av 4 (2021)" in lines[2] and "plats 1 av 1 (2026)" in lines[2]  # the home region first
    code, out = run(capsys, "changes", "--data-dir", imported, "--lang", "en", "--format", "csv")
    assert code == 0 and out.count("\n") == 11 and "Revised figure" in out and "rank 16" not in out
    assert "place 16 (2024),place 5 (2024)" in out
    code, out = run(capsys, "changes", "--data-dir", imported, "--since", "1999-01-01")
    assert code == 2 and "Ingen dataversion sparad den 1999-01-01" in out


def open_changes(data_dir, monkeypatch, **params) -> AppTest:
    monkeypatch.setenv("REGIONSTATS_DATA_DIR", str(data_dir))
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    at.switch_page("pages/11_andringar.py").run()
    assert not at.exception, at.exception
    return at


def changes_shown(at: AppTest, lang: str = "sv") -> pd.DataFrame:
    """The table of changes (the charts' data tables come before it)."""
    return next(d.value for d in at.dataframe if t("changes_tag", lang) in d.value.columns)


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_the_page_shows_the_changes_in_both_languages(imported, monkeypatch, lang):
    at = open_changes(imported, monkeypatch, lang=lang)
    assert at.title[0].value == t("page_changes", lang)
    table = changes_shown(at, lang)
    assert len(table) == len(EXPECTED)
    assert table[t("changes_tag", lang)].tolist() == [t(f"changes_tag_{row[4]}", lang) for row in EXPECTED]
    assert table[t("region", lang)].iloc[0] == "Örebro"
    assert table[t("changes_after", lang)].iloc[0] == t("changes_place_of", lang, rank=1, n=1) + " (2026)"
    kpis = {m.label: m.value for m in at.metric}
    assert kpis[t("changes_tag_revised", lang)] == "5" and kpis[t("changes_tag_new_edition", lang)] == "2"
    assert kpis[t("changes_tag_newly_missing", lang)] == "3"


def test_the_page_follows_since_in_the_url(imported, monkeypatch):
    history = versions.history(imported)
    at = open_changes(imported, monkeypatch, since=history[-1].day)  # the version in force today: no changes
    assert changes_shown(at).empty
    at = open_changes(imported, monkeypatch, since=history[0].version[:8])
    assert len(changes_shown(at)) == len(EXPECTED)
    assert at.query_params["since"] == history[0].version[:8]  # the link keeps what it asked for


def test_without_a_history_the_page_says_so(data_dir, monkeypatch):
    at = open_changes(data_dir, monkeypatch)
    assert any(t("changes_error_no_versions", "sv") in i.value for i in at.info)
    assert at.get("plotly_chart")  # today's data still counted in the versions chart
    assert not os.path.exists(data_dir / ".versions")  # the page never writes


def test_a_deck_carries_the_changes_as_a_slide_and_names_its_data_version(imported, monkeypatch):
    from functools import partial

    from pptx import Presentation

    from regionstats import queries
    from regionstats.export import slides
    from regionstats.selection import Selection

    monkeypatch.setenv("REGIONSTATS_DATA_DIR", str(imported))
    run = partial(queries.run, db.connect(imported))
    version = db.data_fingerprint(imported)
    deck = Presentation(__import__("io").BytesIO(
        slides.build_deck(run, Selection(), ["andringar"], data_version=version)))
    assert deck.core_properties.identifier == version  # the deck says which data version it was made from
    tables = [shape.table for slide in deck.slides for shape in slide.shapes if shape.has_table]
    assert len(tables) == 1
    table = tables[0]
    header = [table.cell(0, c).text for c in range(len(table.columns))]
    assert header[:5] == ["Region", "Indikator", "År", "Vad", "Ändring"]
    assert len(table.rows) == 1 + len(EXPECTED)
    assert [table.cell(r, 4).text for r in range(1, len(table.rows))] == [
        t(f"changes_tag_{row[4]}", "sv") for row in EXPECTED]


def test_a_versions_figures_beside_todays_for_the_home_region(imported):
    comparison = versions.compare(imported, None, "18")
    rows = versions.figures(comparison.before, comparison.after, "18").set_index("indicator_id")
    alf = rows.loc["alf_msek"]  # Örebro: 70 in 2021, 4th of 4 -> 75 in 2026, alone
    assert (alf.before_year, alf.before_value, alf.before_rank, alf.after_year, alf.after_value, alf.after_rank) == (
        2021, 70, 4, 2026, 75, 1)
    assert bool(alf.changed) and rows.changed.sum() == 1  # nothing else of Örebro's changed
    assert rows.index[0] == "alf_msek"  # the changed figure first


def test_snapshot_records_the_curated_data_once(data_dir, capsys):
    code, out = run(capsys, "snapshot", "--data-dir", data_dir)
    assert code == 0 and db.data_fingerprint(data_dir) in out
    run(capsys, "snapshot", "--data-dir", data_dir)
    assert [v.made_by for v in versions.history(data_dir)] == ["curation"]  # the same data is one version


def test_a_lost_snapshot_is_a_clear_message_not_a_traceback(imported, capsys, monkeypatch):
    first = versions.history(imported)[0]
    versions.snapshot_path(imported, first.version).unlink()
    code, out = run(capsys, "changes", "--data-dir", imported, "--lang", "en")
    assert code == 2 and f"Data version {first.version} is in the history but its snapshot is missing" in out
    at = open_changes(imported, monkeypatch)
    assert any("ögonblicksbild saknas" in i.value for i in at.info)
