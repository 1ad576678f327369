"""One language helper (regionstats/i18n.py): a language's column is found through column()/pick(), and a
text the catalogue lacks is never hidden behind Swedish (tests raise; users see a marker)."""

import re

import pandas as pd
import pytest
from conftest import ROOT

from regionstats import i18n


def test_column_and_pick_are_the_one_way_to_a_language_s_column():
    assert i18n.column("definition", "en") == "definition_en"
    assert i18n.name_column("sv") == "name_sv"
    row = pd.Series({"name_sv": "Örebro", "name_en": "Örebro County", "unit_sv": "kr", "unit_en": "SEK"})
    assert i18n.pick(row, "unit", "en") == "SEK" and i18n.pick(row.to_dict(), "name", "sv") == "Örebro"
    frame = pd.DataFrame([row])
    assert i18n.pick(next(frame.itertuples()), "name", "en") == "Örebro County"  # an itertuples row
    with pytest.raises(ValueError):
        i18n.column("name", "fi")  # a language the catalogue has no column for


def test_a_missing_text_raises_in_tests():
    with pytest.raises(KeyError):
        i18n.t("no_such_key")
    with pytest.raises(ValueError):
        i18n.t("page_overview", "fi")


def test_users_see_a_marker_not_a_traceback_nor_silent_swedish(monkeypatch, caplog):
    monkeypatch.delenv("REGIONSTATS_RAISE_ERRORS", raising=False)
    assert i18n.t("no_such_key", "en") == "⟨no_such_key⟩"
    assert i18n.t("page_overview", "fi") == "⟨sv⟩ Översikt"
    assert i18n.column("name", "fi") == "name_sv"
    assert "no_such_key" in caplog.text and "'fi'" in caplog.text
    # what users send (a link's lang=) is not an error: it falls back to the default language
    assert i18n.offered("fi") == i18n.offered(None) == "sv" and i18n.offered("en") == "en"


def test_a_third_language_is_a_column_not_a_hunt(monkeypatch):
    """With a third language in LANGUAGES and a third column in an entry, t() and column() serve it."""
    monkeypatch.setattr(i18n, "LANGUAGES", ("sv", "en", "fi"))
    monkeypatch.setattr(i18n, "_INDEX", {"sv": 0, "en": 1, "fi": 2})
    monkeypatch.setitem(i18n.TEXT, "page_overview", ("Översikt", "Overview", "Yleiskatsaus"))
    assert i18n.t("page_overview", "fi") == "Yleiskatsaus" and i18n.column("name", "fi") == "name_fi"
    with pytest.raises(ValueError):
        i18n.t("page_map", "fi")  # an entry without the third column is found, not shown in Swedish


# building a language's column by hand: f"name_{lang}", f"unit_{ctx.lang}", getattr(row, f"title_{lang}")
BY_HAND = re.compile(r"""_\{(?:ctx\.|self\.)?lang\}""")
# files allowed to build a language column by hand: none (keep it empty)
BY_HAND_PENDING = set()


def test_no_module_builds_a_language_s_column_by_hand():
    found = set()
    for folder in ("regionstats", "ui", "pages"):
        for path in (ROOT / folder).rglob("*.py"):
            code = "\n".join(line.split("#", 1)[0] for line in path.read_text(encoding="utf-8").splitlines())
            if path.name != "i18n.py" and BY_HAND.search(code):
                found.add(str(path.relative_to(ROOT)))
    assert found <= BY_HAND_PENDING, sorted(found - BY_HAND_PENDING)
