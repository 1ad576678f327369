"""English means English (#23): every page in English, read as AppTest sees it, shows none of the Swedish marker
words outside source titles and region names; a data text without English is marked '(in Swedish)'."""

import json

import pytest
from streamlit.testing.v1 import AppTest

from regionstats.i18n import data_text, t
from tests.english_markers import swedish_markers
from tests.test_pages import PAGES, ROOT

pytestmark = pytest.mark.apptest

SHOWN = ("markdown", "caption", "text", "info", "warning", "error", "success", "metric", "expander", "title",
         "header", "subheader")


def shown_text(at: AppTest) -> str:
    """Every text element, the tables' cells and the charts' titles, hovers and annotations."""
    parts = []
    for kind in SHOWN:
        for element in at.get(kind):
            proto = element.proto
            parts += [str(getattr(proto, name, "")) for name in ("body", "label", "help", "value")]
    for frame in at.get("arrow_data_frame"):
        parts.append(frame.value.to_string())
    for chart in at.get("plotly_chart"):
        parts.append(json.dumps(json.loads(chart.proto.spec), ensure_ascii=False))
    return "\n".join(parts)


@pytest.mark.parametrize("slug", list(PAGES))
def test_an_english_page_shows_no_swedish_marker_words(slug):
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    at.query_params["lang"] = "en"
    at.run()
    if slug != "oversikt":
        at.switch_page(PAGES[slug][0]).run()
    assert not at.exception, at.exception
    assert swedish_markers(shown_text(at)) == []


def test_a_data_text_without_english_says_it_is_swedish():
    assert data_text("Saknas i källan", "", "en") == f"{t('in_swedish', 'en')} Saknas i källan"
    assert data_text("Saknas i källan", "Not in the source", "en") == "Not in the source"
    assert data_text("Saknas i källan", "Not in the source", "sv") == "Saknas i källan"
