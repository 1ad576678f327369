"""The one table of pages names the page files, and their numbers follow its order (the sidebar's)."""

from pathlib import Path

from regionstats.views.registry import TABLE

ROOT = Path(__file__).resolve().parent.parent


def test_page_files_are_numbered_in_the_tables_order_and_exist():
    for number, page in enumerate(TABLE, start=1):
        assert page.file == f"pages/{number}_{page.slug}.py"
        assert (ROOT / page.file).is_file()
    assert sorted(p.name for p in (ROOT / "pages").glob("*.py")) == sorted(Path(p.file).name for p in TABLE)
