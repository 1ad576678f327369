"""English means English (#23): every page in English, read as AppTest sees it, shows none of the Swedish marker
words outside source titles and region names; a data text without English is marked '(in Swedish)'."""

import csv
import json
from functools import partial

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


def test_the_english_deck_shows_no_swedish_on_its_slides_or_in_its_notes():
    """One deck of every page in English: the slides' texts and the speaker notes."""
    import io

    from pptx import Presentation

    from regionstats import db, queries
    from regionstats.export import slides
    from regionstats.selection import Selection

    run = partial(queries.run, db.connect(ROOT / "data"))
    deck = Presentation(io.BytesIO(slides.build_deck(run, Selection(lang="en"), list(PAGES), data_version="v1")))
    texts = [shape.text_frame.text for slide in deck.slides for shape in slide.shapes if shape.has_text_frame]
    texts += [slide.notes_slide.notes_text_frame.text for slide in deck.slides if slide.has_notes_slide]
    assert swedish_markers("\n".join(texts)) == []


def test_every_note_the_data_carries_has_its_english_from_curation():
    """curation/translations.csv covers every note: a new Swedish note without its English fails here (and shows
    '(in Swedish)' on the English pages until a row is added)."""
    for name in ("observations", "sources", "goals"):
        with (ROOT / "data" / f"{name}.csv").open(encoding="utf-8", newline="") as handle:
            untranslated = [r["note"] for r in csv.DictReader(handle) if r["note"] and not r["note_en"]]
        assert untranslated == [], (name, untranslated[:3])
