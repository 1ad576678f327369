"""English means English (#23): every page in English, read as AppTest sees it, shows none of the Swedish marker
words outside source titles and region names; a data text without English is marked '(in Swedish)'."""

import csv
import json
from functools import partial

import pytest
from streamlit.testing.v1 import AppTest

from regionstats.i18n import data_text, t
from tests.english_markers import deck_texts, swedish_data_notes, swedish_markers
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
    assert swedish_data_notes(shown_text(at)) == []


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
    texts = deck_texts(deck)
    assert any(t("title_in_swedish", "en") in text for text in texts)  # the Swedish titles are there, marked
    assert swedish_markers("\n".join(texts)) == []
    assert swedish_data_notes("\n".join(texts)) == []  # e.g. the coverage matrix's notes in the speaker notes


def test_every_note_the_data_carries_has_its_english_from_curation():
    """curation/translations.csv covers every note: a new Swedish note without its English fails here (and shows
    '(in Swedish)' on the English pages until a row is added)."""
    for name in ("observations", "sources", "goals"):
        with (ROOT / "data" / f"{name}.csv").open(encoding="utf-8", newline="") as handle:
            untranslated = [r["note"] for r in csv.DictReader(handle) if r["note"] and not r["note_en"]]
        assert untranslated == [], (name, untranslated[:3])


# --- srclang: a source title stays as published, marked with its language ---------------------------------------

def test_a_title_is_marked_with_its_language_where_the_reader_may_not_read_it():
    from regionstats.i18n import source_title

    swedish = "SCB: Folkmängd i riket, län och kommuner 31 december 2024"
    assert source_title(swedish, "sv", "en") == f"{swedish} (in Swedish)"
    assert source_title(swedish, "sv", "sv") == swedish
    assert source_title("Eurostat: HRST by category", "en", "sv") == "Eurostat: HRST by category"  # no marker
    assert source_title("Eurostat: HRST by category", "en", "en") == "Eurostat: HRST by category"
    danish = "CEDI: Danmark avancerer to pladser"
    assert source_title(danish, "da", "sv") == f"{danish} (på danska)"
    assert source_title(danish, "da", "en") == f"{danish} (in Danish)"
    assert source_title("Kolada N01951", "", "en") == "Kolada N01951"  # not stated: not marked
    assert source_title("Kolada N01951", None, "en") == "Kolada N01951"
    cut = source_title(swedish, "sv", "en", limit=30)  # shortened: the title is cut, never its marker
    assert cut == "SCB: Folkmängd i… (in Swedish)" and len(cut) <= 30
    assert source_title("SCB: BRP", "sv", "en", limit=30) == "SCB: BRP (in Swedish)"


def test_every_language_a_source_can_have_is_marked_or_english():
    from regionstats.i18n import TITLE_LANGUAGE_KEYS, TEXT
    from regionstats.schema import SOURCE_LANGUAGES

    assert set(TITLE_LANGUAGE_KEYS) | {"en"} == set(SOURCE_LANGUAGES)
    assert all(TITLE_LANGUAGE_KEYS[c] in TEXT for c in TITLE_LANGUAGE_KEYS)
    assert all(f"source_language_{code}" in TEXT for code in SOURCE_LANGUAGES)


def test_the_check_leaves_a_swedish_title_out_only_when_it_is_marked():
    title = "Utryckning.se 2022-02-22: Befolkningen ökar i Örebro län enligt nya siffror från SCB"
    assert swedish_markers(f"Source: {title} (2022)") != []  # unmarked: checked like any other text
    assert swedish_markers(f"Source: {title} (in Swedish) (2022)") == []
    assert swedish_markers(f"Source: {title[:60].rstrip()}… (in Swedish); SCB") == []  # cut to fit, marked
    assert swedish_markers("Source: Befolkningen ökar enligt SCB (in Swedish)") != []  # not a title in the data


def swedish_titles() -> list[str]:
    with (ROOT / "data" / "sources.csv").open(encoding="utf-8", newline="") as handle:
        return [r["title"] for r in csv.DictReader(handle) if r["language"] == "sv"]


@pytest.mark.parametrize("lang", ["en", "sv"])
def test_the_source_line_under_a_chart_marks_a_swedish_title_in_english(lang):
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    at.query_params["lang"] = lang
    at.run()
    at.switch_page(PAGES["finansiering"][0]).run()
    assert not at.exception, at.exception
    lines = [c.value for c in at.caption if c.value.startswith((t("source", lang), t("sources", lang)))]
    swedish = swedish_titles()
    shown = [title for title in swedish if any(title in line for line in lines)]
    assert shown  # the budget bills and SCB's population tables are Swedish
    for title in shown:
        marked = f"{title} {t('title_in_swedish', lang)}"
        assert all(marked in line for line in lines if title in line) == (lang == "en"), (lang, title)
    if lang == "sv":  # an English title needs no marker for a Swedish reader, a Swedish one none either
        assert not any(t("title_in_swedish", "sv") in line for line in lines)


def test_the_source_table_marks_swedish_titles_and_names_every_language_in_english():
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    at.query_params["lang"] = "en"
    at.run()
    at.switch_page(PAGES["data"][0]).run()
    assert not at.exception, at.exception
    table = next(f.value for f in at.dataframe if t("source_language", "en") in f.value.columns)
    by_id = table.set_index("id")
    assert by_id.loc["scb_folkmangd_lan_2024", t("title", "en")].endswith(" (in Swedish)")
    assert by_id.loc["scb_folkmangd_lan_2024", t("source_language", "en")] == "Swedish"
    assert by_id.loc["eurostat_rd_e_gerdreg", t("title", "en")] == ("Eurostat: Intramural R&D expenditure (GERD) "
                                                                    "by sectors of performance and NUTS 2 regions "
                                                                    "(rd_e_gerdreg)")
    assert by_id.loc["wipo_gii_2017_cedi", t("title", "en")].endswith(" (in Danish)")


def test_the_english_deck_marks_a_swedish_source_title_on_the_slide_and_in_the_notes():
    import io

    from pptx import Presentation

    from regionstats import db, queries
    from regionstats.export import slides
    from regionstats.selection import Selection

    run = partial(queries.run, db.connect(ROOT / "data"))
    made = slides.build_deck(run, Selection(lang="en"), ["finansiering"], data_version="v1")
    deck = Presentation(io.BytesIO(made))
    swedish = swedish_titles()
    for where in ("slides", "notes"):
        if where == "slides":
            texts = [s.text_frame.text for slide in deck.slides for s in slide.shapes if s.has_text_frame]
        else:
            texts = [s.notes_slide.notes_text_frame.text for s in deck.slides if s.has_notes_slide]
        text = " ".join(" ".join(texts).split())
        shown = [title for title in swedish if title in text]
        assert shown, where
        assert all(f"{title} (in Swedish)" in text for title in shown), where
