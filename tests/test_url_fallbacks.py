"""A link's page value (indicator, base, ranking) that the page does not offer: the page says so, in the
visitor's language, and names what it shows instead; the value is shown as text, never as markdown."""

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from regionstats.i18n import TEXT
from regionstats.views import registry

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.apptest


def open_link(slug: str, **params) -> AppTest:
    """The page opened by a link: its first run is that page, with the link's parameters."""
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=90)
    for key, value in params.items():
        at.query_params[key] = value
    at.switch_page(registry.BY_SLUG[slug].file)
    at.run()
    assert not at.exception, at.exception
    return at


def notices(at: AppTest, lang: str = "sv") -> list[str]:
    start = TEXT["url_value_not_offered"][0 if lang == "sv" else 1].split("{")[0]
    return [i.value for i in at.info if i.value.startswith(start)]


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_an_indicator_the_page_does_not_offer_is_named_with_what_is_shown(lang):
    at = open_link("finansiering", indicator="medcity_rank", lang=lang)
    [notice] = notices(at, lang)
    shown = at.selectbox(key="indicator")
    assert "indicator" in notice and "MedCity" in notice
    assert shown.format_func(shown.value) in notice  # what is shown instead, by name
    assert at.query_params["indicator"] == shown.value  # and the link now says what is shown
    if lang == "en":
        assert "is not offered on this page" in notice


def test_a_base_year_the_page_does_not_offer():
    at = open_link("utveckling", base="2008")
    [notice] = notices(at)
    assert "base" in notice and "2008" in notice
    assert str(at.selectbox(key="base_year").value) in notice.split(";")[1]


def test_a_ranking_the_page_does_not_offer():
    at = open_link("rankningar", ranking="medcity_rank")
    [notice] = notices(at)
    assert "ranking" in notice and "MedCity" in notice


def test_an_offered_value_and_a_later_run_say_nothing():
    at = open_link("finansiering", indicator="alf_msek")
    assert notices(at) == [] and at.selectbox(key="indicator").value == "alf_msek"
    at = open_link("finansiering", indicator="medcity_rank")
    assert len(notices(at)) == 1
    at.run()  # the notice belongs to the run that opened the link
    assert notices(at) == []
    at.switch_page(registry.BY_SLUG["rankningar"].file).run()
    assert notices(at) == []


def test_the_value_is_shown_as_text(monkeypatch):
    """An indicator name with markdown in it (text from data) reaches the notice escaped."""
    from regionstats.views import Context

    original = Context.indicator_name

    def hostile(self, indicator_id):
        name = original(self, indicator_id)
        return f"[{name}](https://evil.example)" if indicator_id == "medcity_rank" else name

    monkeypatch.setattr(Context, "indicator_name", hostile)
    at = open_link("finansiering", indicator="medcity_rank")
    [notice] = notices(at)
    assert r"\[" in notice and "](https" not in notice.replace(r"\]", "")
