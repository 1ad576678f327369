"""The import section of Data och källor, driven through AppTest on a temporary copy of data/."""

import hashlib
import shutil
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.apptest

GOOD = (
    "region_code;indicator_id;year;value;status;source_id;publisher;title;url;published\n"
    "05;population;2020;465 000;published;test_source;Testkälla;Testfil för importen;https://example.org/test;2021\n"
).encode("utf-8")


def digest(folder: Path) -> dict:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.glob("*.csv"))}


@pytest.fixture
def data_copy(tmp_path, monkeypatch):
    folder = tmp_path / "data"
    shutil.copytree(ROOT / "data", folder, ignore=shutil.ignore_patterns("raw", ".history"))
    monkeypatch.setenv("REGIONSTATS_DATA_DIR", str(folder))
    monkeypatch.setenv("REGIONSTATS_CACHE_DIR", str(tmp_path / "cache"))
    return folder


def open_data_page() -> AppTest:
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60).run()
    at.switch_page("pages/9_data.py").run()
    assert not at.exception
    return at


def test_a_binary_file_is_refused_and_nothing_changes(data_copy):
    before = digest(data_copy)
    at = open_data_page()
    at.file_uploader(key="import_upload").set_value(("data.csv", b"\x00\x01\x02PK\x03\x04" * 50, "text/csv")).run()
    assert not at.exception
    assert any("vägrades" in e.value for e in at.error)
    assert not [b for b in at.button if b.key == "import_confirm"]
    assert digest(data_copy) == before


def test_an_import_is_reported_confirmed_and_undone(data_copy):
    before = digest(data_copy)
    at = open_data_page()
    at.file_uploader(key="import_upload").set_value(("ostergotland.csv", GOOD, "text/csv")).run()
    assert any("1 läggs till" in s.value for s in at.success), [s.value for s in at.success]
    assert digest(data_copy) == before  # nothing written before confirming
    at.button(key="import_confirm").click().run()
    assert not at.exception
    assert any("Importen är klar" in s.value for s in at.success)
    assert "05,population,2020" in (data_copy / "observations.csv").read_text(encoding="utf-8")
    at.checkbox(key="import_undo_sure").check().run()
    at.button(key="import_undo").click().run()
    assert any("ångrad" in s.value for s in at.success)
    assert digest(data_copy) == before
