"""The data version is asked once per script run (regionstats/cached.py ``script_run``): one run stats the
data files once whatever number of queries it asks, and a file changed between runs (a fresh import) is
seen by the next run."""

import shutil
from pathlib import Path

from streamlit.runtime.pages_manager import PagesManager
from streamlit.testing.v1 import AppTest

from regionstats import cached, db

ROOT = Path(__file__).resolve().parent.parent


def data_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    folder.mkdir()
    for table in (ROOT / "data").glob("*.csv"):
        shutil.copyfile(table, folder / table.name)
    return folder


def counting_stats(monkeypatch) -> list:
    calls = []
    original = db._stat

    def stat(path):
        calls.append(path)
        return original(path)

    monkeypatch.setattr(db, "_stat", stat)
    return calls


def test_inside_one_run_the_version_is_asked_once_and_the_next_run_sees_a_change(tmp_path, monkeypatch):
    folder = data_copy(tmp_path)
    monkeypatch.setenv("REGIONSTATS_DATA_DIR", str(folder))
    calls = counting_stats(monkeypatch)
    with cached.script_run():
        first = cached.data_version()
        with (folder / "regions.csv").open("a", encoding="utf-8") as handle:
            handle.write("\n")  # the file changes in the middle of the run
        assert cached.data_version() == first  # every query of this run keyed alike
    assert len(calls) == len(db._data_files(folder))
    with cached.script_run():
        assert cached.data_version() != first  # the next run sees the change


def test_a_rerun_stats_the_data_files_once_and_shows_a_fresh_import(tmp_path, monkeypatch):
    folder = data_copy(tmp_path)
    monkeypatch.setenv("REGIONSTATS_DATA_DIR", str(folder))
    monkeypatch.setenv("REGIONSTATS_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(PagesManager, "uses_pages_directory", False)
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=120).run()
    assert not at.exception, at.exception
    calls = counting_stats(monkeypatch)
    at.run()  # Översikt: a dozen queries and a cached view, one data version
    assert not at.exception, at.exception
    assert len(calls) == len(db._data_files(folder))

    regions = (folder / "regions.csv").read_text(encoding="utf-8")
    assert ",Uppsala," in regions
    (folder / "regions.csv").write_text(regions.replace(",Uppsala,", ",Uppsala län (ny import),", 1),
                                        encoding="utf-8")
    at.run()
    assert not at.exception, at.exception
    assert "Uppsala län (ny import)" in at.selectbox(key="home").options


def test_the_sidebars_years_are_made_once_per_data_version(tmp_path, monkeypatch):
    from ui import shell

    folder = data_copy(tmp_path)
    monkeypatch.setenv("REGIONSTATS_DATA_DIR", str(folder))
    monkeypatch.setenv("REGIONSTATS_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(PagesManager, "uses_pages_directory", False)
    made = []
    original = shell.all_years
    monkeypatch.setattr(shell, "all_years", lambda indicators: made.append(1) or original(indicators))
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=120).run()
    at.run()
    assert not at.exception, at.exception
    assert len(made) == 1
    years = at.selectbox(key="years_mode")  # the period control was drawn from them
    assert years.options
    with (folder / "regions.csv").open("a", encoding="utf-8") as handle:
        handle.write("\n")  # new data: a new version
    at.run()
    assert not at.exception, at.exception
    assert len(made) == 2
