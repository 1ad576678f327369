"""Helpers shared by the export tests: the real warehouse, a selection, and the views it gives."""

import datetime as dt
from functools import lru_cache, partial
from pathlib import Path

from regionstats import db, queries
from regionstats.selection import Selection
from regionstats.views.registry import build_page

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
MADE = dt.date(2025, 1, 31)
# Stockholm, Uppsala, Örebro and Riket over three years: bars, lines, a matrix and missing values
SELECTION = Selection(regions=("01", "03", "18", "00"), home="18", year_from=2019, year_to=2021)
FUNDING_INDICATOR = "appropriation_research_msek"


@lru_cache(maxsize=1)
def _connection():
    return db.connect(DATA)


def sql(name: str, **params):
    """Run a query on the real data, as the pages and exports do."""
    return queries.run(_connection(), name, **params)


def runner():
    return partial(queries.run, _connection())


def page(slug: str, selection: Selection = SELECTION):
    return build_page(slug, runner(), selection)


def chart(slug: str, key_start: str, selection: Selection = SELECTION):
    view = page(slug, selection)
    return next(c for c in view.charts if c.key.startswith(key_start))
