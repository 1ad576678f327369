"""An error inside a widget callback (run by Streamlit before the script, outside the shell's guard)
gets the app's own message in the visitor's language, not Streamlit's generic English one, and the
page still draws."""

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from regionstats.i18n import t
from ui import present, state

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.apptest


def broken(*args, **kwargs):
    raise RuntimeError("a bug in a callback")


@pytest.fixture
def served(monkeypatch):
    """As served: the friendly guard on (the tests otherwise let exceptions through)."""
    monkeypatch.delenv("REGIONSTATS_RAISE_ERRORS", raising=False)


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_a_failing_sidebar_callback_shows_the_friendly_message(served, monkeypatch, caplog, lang):
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=90)
    at.query_params["lang"] = lang
    monkeypatch.setattr(state, "_apply_preset", broken)  # before the run that registers the callback
    at.run()
    at.selectbox(key="preset").set_value("all").run()
    assert not at.exception, at.exception
    assert t("page_failed", lang) in [e.value for e in at.error]
    assert at.metric  # the page itself still drew (its KPI cards)
    assert "a bug in a callback" in caplog.text  # the traceback went to the log


def test_a_failing_presentation_button_shows_the_friendly_message(served, monkeypatch):
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=90)
    at.query_params["present"] = "1"
    monkeypatch.setattr(present, "_step", broken)
    at.run()
    assert not at.exception, at.exception
    at.button(key="present_next").click().run()
    assert not at.exception, at.exception
    assert t("page_failed", "sv") in [e.value for e in at.error]


def test_developers_still_see_the_exception(monkeypatch):
    monkeypatch.setenv("REGIONSTATS_RAISE_ERRORS", "1")
    monkeypatch.setattr(state, "_apply_preset", broken)
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=90).run()
    at.selectbox(key="preset").set_value("all").run()
    assert at.exception  # Streamlit's own (redacted, English) error: what visitors saw before the guard
