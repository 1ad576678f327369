"""The import section of Data och källor, driven through AppTest on a temporary copy of data/."""

import hashlib
import shutil
from pathlib import Path

import pytest
from tests.conftest import share_built_warehouses
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.apptest

GOOD = (
    "region_code;indicator_id;year;value;status;source_id;publisher;title;url;published\n"
    "09;population;2025;57 000;published;test_source;Testkälla;Testfil för importen;https://example.org/test;2021\n"
).encode("utf-8")


def digest(folder: Path) -> dict:
    """The data set's files: the curated ones and the importer's (imported/)."""
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.glob("*.csv")) + sorted(folder.glob("imported/*.csv"))}


@pytest.fixture
def data_copy(tmp_path, monkeypatch):
    folder = tmp_path / "data"
    shutil.copytree(ROOT / "data", folder, ignore=shutil.ignore_patterns("raw", ".history", "imported"))
    monkeypatch.setenv("REGIONSTATS_DATA_DIR", str(folder))
    share_built_warehouses(monkeypatch, tmp_path)
    monkeypatch.setenv("REGIONSTATS_EDITOR", "1")  # only editors see the import section (ui/auth.py)
    return folder


def open_data_page() -> AppTest:
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60).run()
    at.switch_page("pages/10_data.py").run()
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
    assert "09,population,2025" in (data_copy / "imported" / "observations.csv").read_text(encoding="utf-8")
    at.checkbox(key="import_undo_sure").check().run()
    at.button(key="import_undo").click().run()
    assert any("ångrad" in s.value for s in at.success)
    assert digest(data_copy) == before


def test_a_year_of_population_from_a_saved_scb_answer_reaches_the_funding_page(tmp_path, monkeypatch):
    from regionstats.importing import apply_import, plan_scb_population
    from tests.test_import_scb import TODAY, Router, client, fixture
    from tests.test_pages import decode

    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data, ignore=shutil.ignore_patterns("raw", ".history", "imported"))
    observations = data / "observations.csv"
    lines = observations.read_text(encoding="utf-8").splitlines(keepends=True)
    observations.write_text("".join(l for l in lines if ",population,2020," not in l), encoding="utf-8")
    monkeypatch.setenv("REGIONSTATS_DATA_DIR", str(data))
    share_built_warehouses(monkeypatch, tmp_path)

    def funding_bars() -> dict:
        import json

        at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
        at.query_params["years"] = "2021"
        at.run()
        at.switch_page("pages/5_finansiering.py").run()
        assert not at.exception
        fig = next(json.loads(c.proto.spec) for c in at.get("plotly_chart")
                   if "per invånare, 2021" in json.loads(c.proto.spec)["layout"]["title"]["text"])
        bars = [d for d in fig["data"] if d["type"] == "bar"]
        return dict(zip(decode(bars[0]["y"]), decode(bars[0]["x"]))) if bars else {}

    assert funding_bars() == {}  # no population on 31 December 2020: every bar is "saknas"
    report = plan_scb_population(data, 2020, 2020, client=client(Router((200, fixture("tab638_counties_2020.json")))),
                                 today=TODAY)
    apply_import(data, report)
    shown = funding_bars()
    assert set(shown) == {"Uppsala", "Västerbotten", "Örebro"}
    assert abs(shown["Örebro"] - 289.187e6 / 305643) < 1  # the 2021 bill's line / the imported 31 Dec 2020


def test_after_a_stale_report_the_same_file_gets_a_fresh_report(data_copy):
    from regionstats.importing import apply_import, plan_import_from_upload

    at = open_data_page()
    at.file_uploader(key="import_upload").set_value(("ostergotland.csv", GOOD, "text/csv")).run()
    assert any("1 läggs till" in s.value for s in at.success)
    other = ("region_code;indicator_id;year;value;source_id\n"
             "09;population;2025;56 000;scb_folkmangd_landskap_2020\n").encode()
    apply_import(data_copy, plan_import_from_upload(data_copy, "other.csv", other))  # someone else imports
    at.button(key="import_confirm").click().run()
    assert any("datamappen har ändrats" in e.value for e in at.error)
    at.run()  # the same file is still uploaded: a fresh report, made against the changed data
    assert not at.exception
    assert any("0 läggs till, 1 ändras" in s.value for s in at.success), [s.value for s in at.success]
    at.button(key="import_confirm").click().run()
    assert any("Importen är klar" in s.value for s in at.success)


def test_a_future_year_must_be_confirmed_before_the_button_works(data_copy):
    future = GOOD.replace(b";2025;", b";2040;")
    before = digest(data_copy)
    at = open_data_page()
    at.file_uploader(key="import_upload").set_value(("framtid.csv", future, "text/csv")).run()
    assert any("2040" in t.value for t in at.text)
    assert at.button(key="import_confirm").disabled
    at.checkbox(key="import_confirm_warnings").check().run()
    at.button(key="import_confirm").click().run()
    assert any("Importen är klar" in s.value for s in at.success)
    assert digest(data_copy) != before
