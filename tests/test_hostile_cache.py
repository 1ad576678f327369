"""A damaged warehouse cache heals itself (issue #22): random bytes or a truncated file in the cache folder are
found by the next page view and the next command, rebuilt from data/ and said once; everything then works."""

import logging
import os
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest
from streamlit.testing.v1 import AppTest

from regionstats import db

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.usefixtures("data_untouched")
NOTICE = "the warehouse cache was damaged and has been rebuilt"


def damage(path: Path, how: str) -> None:
    data = path.read_bytes()
    if how == "random":
        path.write_bytes(os.urandom(len(data)))
    elif how == "truncated":
        path.write_bytes(data[: len(data) // 2])
    elif how == "cut_at_the_end":
        path.write_bytes(data[:-4096])
    else:  # the header kept, the blocks overwritten
        path.write_bytes(data[:8192] + os.urandom(len(data) - 8192))


@pytest.fixture
def built(tmp_path, monkeypatch):
    """A copy of data/ and its warehouse, built in a cache folder of its own."""
    folder = tmp_path / "data"
    shutil.copytree(ROOT / "data", folder, ignore=shutil.ignore_patterns("raw", ".history", "imported"))
    monkeypatch.setenv("REGIONSTATS_DATA_DIR", str(folder))
    monkeypatch.setenv("REGIONSTATS_CACHE_DIR", str(tmp_path / "cache"))
    db.connect(folder).close()
    return folder, db.database_path(folder)


def healthy(path: Path) -> bool:
    con = duckdb.connect(str(path), read_only=True, config=db.LOCKED)  # as the app holds it open
    try:
        return con.execute("select count(*) from observations").fetchone()[0] > 0
    finally:
        con.close()


HOW = ["random", "truncated", "cut_at_the_end", "blocks_overwritten"]


@pytest.mark.parametrize("how", HOW)
def test_a_damaged_cache_is_rebuilt_on_the_next_connection_and_said_once(built, how, caplog):
    folder, path = built
    damage(path, how)
    with caplog.at_level(logging.WARNING, logger="regionstats.db"):
        con = db.connect(folder)
        assert con.execute("select count(*) from stg_observations").fetchone()[0] > 0
        con.close()
        db.connect(folder).close()  # healthy now: nothing more to say
    messages = [r.getMessage() for r in caplog.records]
    assert len(messages) == 1 and NOTICE in messages[0], messages
    assert healthy(path)


# every kind of damage is found by the same open (above); a page view and a command are shown once each
@pytest.mark.parametrize("how", ["random"])
def test_the_next_page_view_rebuilds_it_and_draws(built, how):
    folder, path = built
    damage(path, how)
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=90)
    at.run()
    assert not at.exception, at.exception
    assert at.get("plotly_chart") or at.metric, "the overview draws from the rebuilt warehouse"
    assert healthy(path)


@pytest.mark.parametrize("how", ["truncated"])
def test_the_next_command_rebuilds_it_and_works(built, how, tmp_path):
    folder, path = built
    damage(path, how)
    env = {k: v for k, v in os.environ.items() if k != "REGIONSTATS_RAISE_ERRORS"}
    command = [sys.executable, "-m", "regionstats", "--data-dir", str(folder), "query", "regions", "--format", "csv"]
    first = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert first.returncode == 0, first.stderr
    assert "Traceback" not in first.stderr and first.stderr.count(NOTICE) == 1
    assert "Örebro" in first.stdout
    second = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert second.returncode == 0 and NOTICE not in second.stderr and second.stdout == first.stdout
