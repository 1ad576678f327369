"""The one table of pages: slug, file, title, icon, sidebar section, view and the queries it asks.

The shell builds its navigation from it, the exports build any page from it without Streamlit,
and the tests walk it. Every page's slug is also its URL (``/oversikt`` as well as ``/``).
"""

from collections.abc import Callable
from dataclasses import dataclass
from types import ModuleType

import pandas as pd

from regionstats.selection import Selection
from regionstats.views import Context, PageView, changes, citations, compare, data_sources, funding, overview, rankings
from regionstats.views import map as map_view
from regionstats.views import top_five, trend, world

CATALOGUE_QUERIES = ("indicators", "regions", "sources", "shown_years")  # every view may read these through Context


@dataclass(frozen=True)
class Page:
    slug: str  # the URL path and the name on the command line
    file: str  # the Streamlit page script
    title_key: str  # i18n key of the title
    icon: str
    section: str  # i18n key of the sidebar section
    view: ModuleType  # build(ctx) -> PageView
    queries: tuple  # queries/*.sql the view runs (besides CATALOGUE_QUERIES)


TABLE = (
    Page("oversikt", "pages/1_oversikt.py", "page_overview", ":material/dashboard:", "section_status",
         overview, ("top_five_gap", "per_capita", "citations", "goals_progress")),
    Page("topp-fem", "pages/2_topp-fem.py", "page_top_five", ":material/flag:", "section_status",
         top_five, ("gap_indicators", "top_five_gap", "goals_progress")),
    Page("varlden", "pages/3_varlden.py", "page_world", ":material/public:", "section_status",
         world, ("world_ladders", "world_leaders", "world_nuts2", "goals_progress")),
    Page("rankningar", "pages/4_rankningar.py", "page_rankings", ":material/leaderboard:", "section_compare",
         rankings, ("coverage_counts", "rankings", "observations", "top_five_gap")),
    Page("finansiering", "pages/5_finansiering.py", "page_funding", ":material/payments:", "section_compare",
         funding, ("per_capita", "observations")),
    Page("citeringar", "pages/6_citeringar.py", "page_citations", ":material/format_quote:", "section_compare",
         citations, ("citations", "top_five_gap")),
    Page("jamfor", "pages/7_jamfor.py", "page_compare", ":material/radar:", "section_compare",
         compare, ("profile", "observations", "goals_progress")),
    Page("utveckling", "pages/8_utveckling.py", "page_trend", ":material/show_chart:", "section_time_place",
         trend, ("trend", "observations")),
    Page("karta", "pages/9_karta.py", "page_map", ":material/map:", "section_time_place",
         map_view, ("coverage_counts", "observations", "top_five_gap")),
    Page("data", "pages/10_data.py", "page_data", ":material/table:", "section_data",
         data_sources, ("observations", "coverage")),
    Page("andringar", "pages/11_andringar.py", "page_changes", ":material/difference:", "section_data",
         changes, ("version_snapshot", "value_count")),
)
HOME_SLUG = "oversikt"  # also served at "/"
BY_SLUG = {page.slug: page for page in TABLE}
PAGES = {page.slug: page.view for page in TABLE}  # slug -> view module
SLUG_OF = {page.view: page.slug for page in TABLE}


def sections() -> dict[str, list[Page]]:
    """Section key -> its pages, in the sidebar's order."""
    out: dict[str, list[Page]] = {}
    for page in TABLE:
        out.setdefault(page.section, []).append(page)
    return out


def build_page(slug: str, run: Callable[..., pd.DataFrame], selection: Selection) -> PageView:
    """The PageView of one page for a selection (KeyError for an unknown slug)."""
    return PAGES[slug].build(Context(run, selection))
