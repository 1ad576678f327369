"""Every page view by its URL slug, so exports can build any page without Streamlit."""

from collections.abc import Callable

import pandas as pd

from regionstats.selection import Selection
from regionstats.views import Context, PageView, citations, compare, data_sources, funding, overview, rankings
from regionstats.views import map as map_view
from regionstats.views import top_five, trend, world

PAGES = {
    "oversikt": overview,
    "topp-fem": top_five,
    "varlden": world,
    "rankningar": rankings,
    "finansiering": funding,
    "citeringar": citations,
    "jamfor": compare,
    "utveckling": trend,
    "karta": map_view,
    "data": data_sources,
}


def build_page(slug: str, run: Callable[..., pd.DataFrame], selection: Selection) -> PageView:
    """The PageView of one page for a selection (KeyError for an unknown slug)."""
    return PAGES[slug].build(Context(run, selection))
