"""The one text catalogue (regionstats/i18n.TEXT) and the one table of pages (registry.TABLE)."""

import re
from functools import partial
from pathlib import Path

import pytest

from regionstats import db, i18n, queries
from regionstats.export import text as export_text
from regionstats.selection import Selection
from regionstats.views import registry

ROOT = Path(__file__).resolve().parent.parent
PLACEHOLDER = re.compile(r"{(\w+)}")


@pytest.mark.parametrize("key", sorted(i18n.TEXT))
def test_every_text_has_swedish_and_english_with_the_same_placeholders(key):
    entry = i18n.TEXT[key]
    assert isinstance(entry, tuple) and len(entry) == 2, key
    sv, en = entry
    assert isinstance(sv, str) and isinstance(en, str)
    assert sv.strip() or not en.strip(), f"{key}: no Swedish text"
    assert en.strip() or not sv.strip(), f"{key}: no English text"
    assert set(PLACEHOLDER.findall(sv)) == set(PLACEHOLDER.findall(en)), key


def test_one_t_falls_back_to_swedish():
    assert i18n.t("page_overview", "en") == "Overview"
    assert i18n.t("page_overview", "sv") == i18n.t("page_overview", "xx") == "Översikt"
    assert export_text.t is i18n.t and export_text.TEXT is i18n.TEXT  # the exports' texts are the same table


def test_no_other_text_tables_in_the_exports_and_the_ui():
    """Swedish/English pairs live only in i18n.py (the import and validation messages are separate)."""
    pair = re.compile(r'\(\s*"[^"]*[åäöÅÄÖ][^"]*",\s*"[^"]*"\s*\)')
    for folder in ("regionstats/export", "ui"):
        for path in (ROOT / folder).glob("*.py"):
            assert not pair.search(path.read_text(encoding="utf-8")), path


def test_the_table_of_pages_is_complete():
    slugs = [page.slug for page in registry.TABLE]
    assert len(set(slugs)) == len(slugs) and registry.HOME_SLUG in slugs
    for page in registry.TABLE:
        assert (ROOT / page.file).exists(), page.file
        assert page.view.TITLE == page.title_key
        assert page.title_key in i18n.TEXT and page.section in i18n.TEXT
        for name in page.queries:
            assert (ROOT / "queries" / f"{name}.sql").exists(), name
    assert sorted(p.name for p in (ROOT / "pages").glob("*.py")) == sorted(Path(p.file).name
                                                                         for p in registry.TABLE)


@pytest.mark.parametrize("slug", [page.slug for page in registry.TABLE])
def test_each_page_runs_only_the_queries_the_table_lists(slug):
    asked = []
    connection = db.connect(ROOT / "data")

    def recording(name, **params):
        asked.append(name)
        return queries.run(connection, name, **params)

    registry.build_page(slug, recording, Selection())
    allowed = set(registry.BY_SLUG[slug].queries) | set(registry.CATALOGUE_QUERIES)
    assert set(asked) <= allowed, set(asked) - allowed


def test_the_shell_builds_its_navigation_from_the_table():
    shell = (ROOT / "ui" / "shell.py").read_text(encoding="utf-8")
    assert "registry.sections()" in shell and "pages/1_oversikt.py" not in shell


def test_build_page_matches_the_view():
    run = partial(queries.run, db.connect(ROOT / "data"))
    view = registry.build_page("finansiering", run, Selection())
    assert view.title == i18n.t("page_funding")


def test_presentation_mode_does_not_import_the_shell():
    """ui.shell imports ui.present (the sidebar toggle); the other way round would be a cycle."""
    import subprocess
    import sys

    code = "import sys, ui.present, ui.page_actions; assert 'ui.shell' not in sys.modules, 'cycle'"
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr[-500:]
