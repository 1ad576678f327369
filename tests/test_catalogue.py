"""The one text catalogue (regionstats/i18n.TEXT) and the one table of pages (registry.TABLE)."""

import re
from functools import partial
from pathlib import Path

import pytest

from regionstats import db, i18n, queries
from regionstats.selection import Selection
from regionstats.views import registry

ROOT = Path(__file__).resolve().parent.parent
PLACEHOLDER = re.compile(r"{(\w+)}")


def test_every_text_has_swedish_and_english_with_the_same_placeholders():
    """One test over the whole catalogue, naming every key that fails (not one test per key)."""
    wrong = []
    for key, entry in sorted(i18n.TEXT.items()):
        if not (isinstance(entry, tuple) and len(entry) == 2 and all(isinstance(x, str) for x in entry)):
            wrong.append(f"{key}: not a (Swedish, English) pair")
            continue
        sv, en = entry
        if bool(sv.strip()) != bool(en.strip()):
            wrong.append(f"{key}: only one language")
        elif set(PLACEHOLDER.findall(sv)) != set(PLACEHOLDER.findall(en)):
            wrong.append(f"{key}: placeholders differ")
    assert len(i18n.TEXT) > 500
    assert not wrong, "\n".join(wrong)


def test_one_t_never_falls_back_silently():
    assert i18n.t("page_overview", "en") == "Overview"
    assert i18n.t("page_overview", "sv") == "Översikt"
    with pytest.raises(ValueError):  # tests/test_i18n.py: what users see instead
        i18n.t("page_overview", "xx")


def _sources():
    """Every Python module of the app except the catalogue itself."""
    for folder in ("regionstats", "ui", "pages"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            if path != ROOT / "regionstats" / "i18n.py":
                yield path, path.read_text(encoding="utf-8")


def test_no_other_text_tables():
    """Swedish/English pairs live only in i18n.py: no ("svenska", "English") tuples, no Both("…", "…") or
    say(…, "…", "…") with literal text, no '"text" if lang == "sv" else "text"' anywhere else."""
    pair = re.compile(r'\(\s*f?"[^"]*[åäöÅÄÖ][^"]*",\s*f?"[^"]*"\s*,?\s*\)')
    inline = re.compile(r"""f?(["'])(?!(?:sv|en)\1)[^"']*[A-Za-zåäö][^"']*\1\s+if\s+[\w.]*lang\s*==\s*["'](sv|en)["']"""
                        r"""\s+else\s+f?["']""")
    literal_both = re.compile(r'\bBoth\(\s*f?"[^"{]')
    allowed = ("maketrans(", "POPULATION_LABELS = ")  # letters folded for matching; labels read in SCB's files
    for path, text in _sources():
        for found in (pair, inline, literal_both):
            for match in found.finditer(text):
                start = text.rfind("\n", 0, match.start()) + 1
                line = text[start:text.find("\n", match.end())]
                in_comment = "#" in text[start:match.start()]
                assert in_comment or any(a in line for a in allowed), f"{path.relative_to(ROOT)}: {match.group(0)}"


def test_no_second_t():
    """One t(): no other module defines a function that picks between a Swedish and an English text."""
    second = re.compile(r"^\s*def (t|_t|tr|say|format_message|message_for)\(([^)]*)\)", re.M)
    for path, text in _sources():
        for name, params in second.findall(text):
            assert "sv" not in params.replace("lang", ""), f"{path.relative_to(ROOT)}: def {name}({params})"


def test_moved_messages_read_the_catalogue():
    """The import, validation, query and Eurostat messages come from TEXT through t()."""
    from regionstats.importing.eurostat import EurostatError, flag_note
    from regionstats.importing.problems import ImportIssue, ImportProblem
    from regionstats.validate import DataIssue

    issue = ImportIssue("mall.csv", 4, "year", "not_year", {"value": "20x1"})
    assert issue.message("sv") == "mall.csv, rad 4, kolumn year: ”20x1” är inte ett årtal"
    assert issue.message("en") == "mall.csv, line 4, column year: “20x1” is not a year"
    assert ImportProblem("busy").message("en") == i18n.TEXT["import.problem.busy"][1]
    typed = DataIssue("observations.csv", 7, "year", "type", {"value": "abc", "type": i18n.both("data.type.int")})
    assert typed.message("sv").endswith("”abc” är inte ett heltal")
    assert typed.message("en").endswith("“abc” is not a whole number")
    assert queries.QueryError("missing_param", query="q", name="year").message("sv") == (
        "frågan q behöver parametern ”year”")
    assert EurostatError("eurostat_busy", status=429, attempts=3).message("en").startswith("Eurostat is overloaded")
    assert flag_note("ep", "sv") == "Eurostat-flagga e (uppskattat), p (preliminärt)"
    assert i18n.t("import.problem.duplicate", "en", key="01/x/2020", first_line=3) == (
        "01/x/2020 is already on line 3 of the file")  # a value named key reaches the text


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
