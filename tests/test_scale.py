"""The scale benchmark's data set is valid and every page renders on it (nothing here is timed)."""

import sys
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from regionstats.validate import load_and_validate

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

import scale  # noqa: E402


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    folder = tmp_path_factory.mktemp("scale") / "data"
    counts = scale.generate(10_000, folder)
    return folder, counts


def test_the_generated_data_set_has_n_rows_and_validates(generated):
    folder, counts = generated
    assert counts["observations"] == 10_000
    tables, issues = load_and_validate(folder)
    assert [i.message("en") for i in issues] == []
    assert len(tables["observations"].rows) == 10_000
    assert counts["indicators"] > 40


def test_above_the_csv_size_the_observations_are_stored_as_parquet_and_validate_the_same(tmp_path):
    counts = scale.generate(3_000, tmp_path, store="parquet")
    assert (tmp_path / "observations.parquet").exists() and not (tmp_path / "observations.csv").exists()
    assert counts["observations"] == 3_000 and counts["store"].startswith("observations.parquet")
    tables, issues = load_and_validate(tmp_path)
    assert [i.message("en") for i in issues] == []
    assert len(tables["observations"].rows) == 3_000
    assert scale.PARQUET_FROM == 500_000  # the size the project chose (docs/scaling.md)


@pytest.mark.apptest
def test_every_page_renders_on_ten_thousand_observations(generated, tmp_path, monkeypatch):
    folder, _ = generated
    monkeypatch.setenv("REGIONSTATS_DATA_DIR", str(folder))
    monkeypatch.setenv("REGIONSTATS_CACHE_DIR", str(tmp_path / "cache"))
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=180).run()
    assert not at.exception, at.exception
    for page, path in scale.pages().items():
        at.switch_page(path).run()
        assert not at.exception, (page, at.exception)
        assert not at.error, (page, [e.value for e in at.error])
        assert at.get("plotly_chart"), page
        at.selectbox(key="home").set_value("03").run()
        assert not at.exception, (page, at.exception)
        at.selectbox(key="home").set_value("18").run()


def test_the_data_table_shows_its_first_rows_and_downloads_them_all(generated, tmp_path, monkeypatch):
    from functools import partial

    from regionstats import db, queries
    from regionstats.selection import Selection
    from regionstats.views import Context, data_sources

    folder, _ = generated
    monkeypatch.setenv("REGIONSTATS_CACHE_DIR", str(tmp_path / "cache"))
    run = partial(queries.run, db.connect(folder))
    ctx = Context(run, Selection(regions=("01", "03", "05", "18", "24", "00")))
    total = len(run("observations", regions=list(ctx.selection.regions)))
    table = data_sources.data_table(ctx)
    assert total > data_sources.TABLE_ROWS == len(table.data)
    assert table.notes == [f"Visar de första 1\u00a0000 av {total // 1000}\u00a0{total % 1000:03d} raderna; "
                           "CSV- och Excel-filerna har alla."]
    whole = table.download()
    assert len(whole) == total and list(whole.columns) == list(table.data.columns)
    assert whole.iloc[:1000].equals(table.data)
