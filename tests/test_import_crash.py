"""Killing an import inside each window of the transaction leaves the data fully old or fully new.

A child process applies an import with ``REGIONSTATS_IMPORT_CRASH_AT=<window>``, which makes it
SIGKILL itself at that point (``apply.crash_point``). The next start (here: listing the history,
as the import page does) must finish or roll back the transaction: the imported files equal
either the state before or the state a clean import gives, an applied import is in the history
and can be undone, and no staging folder, journal or stray backup is left.
"""

import os
import shutil
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from tests.conftest import share_built_warehouses
from test_import_support import ROOT, copy_fixture_data, csv_bytes, table_snapshot

from regionstats.importing import apply_import, import_history, plan_import_from_upload, undo_last_import
from regionstats.importing.apply import CRASH_ENV, JOURNAL_NAME, history_dir
from regionstats.validate import load_and_validate

SRC = "orebro_ls_strategy_2021"
HEADER = "region_code;indicator_id;year;value;source_id;publisher;title;url;published"
FIRST = (f"01;alf_msek;2026;1;{SRC};;;;",)  # Stockholm: no stored ALF to be compared with
SECOND = ("18;alf_msek;2026;75;vr_alf_2027;VR;ALF i siffror;https://www.vr.se;2027",
          f"18;alf_msek;2021;71;{SRC};;;;")
CHILD = textwrap.dedent("""
    import sys
    from regionstats.importing import apply_import, plan_import_from_upload
    data_dir, upload = sys.argv[1], sys.argv[2]
    report = plan_import_from_upload(data_dir, "second.csv", open(upload, "rb").read())
    apply_import(data_dir, report, note="second")
    print("finished")
""")
# window -> the state the next start must reach
WINDOWS = {"staged": "old", "backed_up": "old", "journaled": "new", "swapped_one": "new", "swapped": "new", "logged": "new"}


@pytest.fixture(scope="module")
def first_imported(tmp_path_factory):
    """The fixture data with one import applied (so 'old' has imported files and history): made once."""
    with pytest.MonkeyPatch.context() as monkeypatch:
        data_dir = copy_fixture_data(tmp_path_factory.mktemp("first"), monkeypatch)
        apply_import(data_dir, plan_import_from_upload(data_dir, "first.csv", csv_bytes(*FIRST, header=HEADER)))
        return data_dir


@pytest.fixture
def prepare(first_imported, tmp_path, monkeypatch):
    """prepare(name): a copy of first_imported of this test's own (the history holds no absolute path)."""
    def copy(name):
        share_built_warehouses(monkeypatch, tmp_path)
        return Path(shutil.copytree(first_imported, tmp_path / name / "data"))
    return copy


def leftovers(data_dir):
    history = history_dir(data_dir)
    logged = {str(i) for i in import_history(data_dir).id}
    return sorted(p.name for p in history.iterdir()
                  if p.name.startswith("staging-") or p.name.startswith(JOURNAL_NAME)
                  or (p.is_dir() and p.name not in logged))


@pytest.fixture(scope="module")
def expected_new(tmp_path_factory, first_imported):
    """The tables after both imports ran undisturbed: the same for every test, so built once."""
    with pytest.MonkeyPatch.context() as monkeypatch:
        share_built_warehouses(monkeypatch, tmp_path_factory.mktemp("expected"))
        data_dir = Path(shutil.copytree(first_imported, tmp_path_factory.mktemp("clean") / "data"))
        apply_import(data_dir, plan_import_from_upload(data_dir, "second.csv", csv_bytes(*SECOND, header=HEADER)))
        return table_snapshot(data_dir)


def crash(data_dir, tmp_path, window):
    upload = tmp_path / "second.csv"
    upload.write_bytes(csv_bytes(*SECOND, header=HEADER))
    env = dict(os.environ, **{CRASH_ENV: window}, PYTHONPATH=str(ROOT))
    return subprocess.run([sys.executable, "-c", CHILD, str(data_dir), str(upload)], env=env, cwd=ROOT,
                          capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize("window", list(WINDOWS))
def test_a_kill_in_each_window_recovers_to_fully_old_or_fully_new(window, tmp_path, prepare, expected_new):
    data_dir = prepare("crash")
    old = table_snapshot(data_dir)
    result = crash(data_dir, tmp_path, window)
    assert result.returncode == -signal.SIGKILL, result.stderr
    assert "finished" not in result.stdout

    history = import_history(data_dir)  # the next start: finishes or rolls back
    state = table_snapshot(data_dir)
    assert state == (old if WINDOWS[window] == "old" else expected_new)
    assert load_and_validate(data_dir, imported=True)[1] == []
    assert leftovers(data_dir) == []
    if WINDOWS[window] == "new":
        assert list(history.file) == ["second.csv", "first.csv"]
        assert undo_last_import(data_dir)["file"] == "second.csv"
        assert table_snapshot(data_dir) == old
    else:
        assert list(history.file) == ["first.csv"]


def test_a_journaled_import_whose_staged_files_are_gone_is_rolled_back(tmp_path, prepare):
    data_dir = prepare("lost")
    old = table_snapshot(data_dir)
    assert crash(data_dir, tmp_path, "swapped_one").returncode == -signal.SIGKILL
    assert table_snapshot(data_dir) != old  # half swapped: sources new, observations old
    for staging in history_dir(data_dir).glob("staging-*"):
        shutil.rmtree(staging)
    history = import_history(data_dir)
    assert table_snapshot(data_dir) == old
    assert list(history.file) == ["first.csv"]
    assert leftovers(data_dir) == []


def test_the_next_import_recovers_first(tmp_path, prepare, expected_new):
    data_dir = prepare("next")
    assert crash(data_dir, tmp_path, "swapped_one").returncode == -signal.SIGKILL
    report = plan_import_from_upload(data_dir, "third.csv", csv_bytes(f"14;alf_msek;2026;2;{SRC};;;;",
                                                                        header=HEADER))
    assert table_snapshot(data_dir) == expected_new  # finished before the report compared anything
    apply_import(data_dir, report)
    assert list(import_history(data_dir).file) == ["third.csv", "second.csv", "first.csv"]
