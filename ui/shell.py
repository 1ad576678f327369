"""The app shell: page config, data check, shared sidebar, navigation, URL state; every run inside
the friendly error guard (ui/errors.py)."""

import threading

import streamlit as st

from regionstats import cached
from regionstats.i18n import name_column, offered, t
from regionstats.selection import RIKET
from regionstats.validate import DataError
from regionstats.views import registry
from ui import compose, present, state
from ui.errors import friendly_errors
from ui.render import plain

SELECTION = state.SELECTION
# a local picture, so the browser fetches nothing from outside (":material/..." icons come from Google)
PAGE_ICON = "🧬"
_running = threading.local()  # a script run happens in one thread


def leave_legacy_pages_mode() -> None:
    """Switch the server to st.navigation for good and rerun, so the shell runs from now on.

    Streamlit decides between its legacy pages/ folder mode and st.navigation per server, and
    only learns of st.navigation once the entry script has called it; a deep link as the very
    first request therefore runs a page on its own. Widgets made in that run would lose their
    state at the switch, so the switch happens before any is made.
    """
    from streamlit.runtime.pages_manager import PagesManager

    PagesManager.uses_pages_directory = False
    st.rerun()


def is_running() -> bool:
    """True while shell.run() is rendering a page in this script run."""
    return getattr(_running, "active", False)


def catalog():
    """Regions, indicators and years known to the warehouse; shows the data error and stops if broken."""
    try:
        regions = cached.run_query("regions")
        indicators = cached.run_query("indicators")
    except DataError as error:
        lang = offered(st.query_params.get("lang"))
        messages = "\n".join(f"- {plain(m)}" for m in error.messages(lang)[:30])
        st.error(t("data_error", lang) + "\n\n" + messages)
        st.stop()
    return regions, indicators


def all_years(indicators) -> list[int]:
    """Every year any indicator has a value for, in order."""
    return sorted({int(y) for ys in indicators["years"].dropna() for y in ys})


def sidebar(regions, indicators):
    """Render the shared filters and return the Selection they make."""
    years = cached.per_data_version("catalogue_years", lambda: all_years(indicators))
    county_codes = set(regions.region_code[regions.kind == "county"])
    initial = state.seed_from_url(county_codes | {RIKET}, county_codes, set(indicators.indicator_id),
                                  (years[0], years[-1]))
    lang = state.language_widget(initial)
    names_in = name_column(lang)
    counties = regions[regions.kind == "county"].sort_values(names_in)
    names = dict(zip(regions.region_code, regions[names_in]))
    choosable = {RIKET: names[RIKET], **dict(zip(counties.region_code, counties[names_in]))}
    chosen, home = state.region_widgets(initial, lang, choosable, list(counties.region_code))
    compositions = compose.widgets(initial, lang, regions, names, list(counties.region_code))
    year_from, year_to = state.year_widgets(initial, lang, years)
    st.sidebar.caption(t("share_hint", lang))
    # page-level fields (indicator, mode, ...) carry over until the page's own controls change them
    return present.sidebar(initial.replace(lang=lang, regions=chosen, home=home, year_from=year_from,
                                           year_to=year_to, compositions=compositions))


def navigation(lang: str):
    """The sidebar's pages from the one table of pages (regionstats/views/registry.py).

    The home page is served at "/" and, hidden from the sidebar, at its own slug too, so that
    every page's slug works as a URL (exports and links use /oversikt).
    """
    home = registry.BY_SLUG[registry.HOME_SLUG]
    sections = {
        t(section, lang): [
            # the default page's url_path only names it inside Streamlit (its URL is "/"), and must
            # differ from the hidden alias's
            st.Page(page.file, title=t(page.title_key, lang), icon=page.icon,
                    url_path="start" if page is home else page.slug, default=page is home)
            for page in pages
        ]
        for section, pages in registry.sections().items()
    }
    alias = st.Page(home.file, title=t(home.title_key, lang), url_path=home.slug, icon=home.icon,
                    visibility="hidden")
    sections[next(iter(sections))].append(alias)
    return st.navigation(sections)


def run() -> None:
    _running.active = True
    try:
        st.set_page_config(page_title=t("app_title"), page_icon=PAGE_ICON, layout="wide")
        with friendly_errors(), cached.script_run():  # the data version stat-ed once for the whole run
            regions, indicators = catalog()
            selection = sidebar(regions, indicators)
            st.session_state[SELECTION] = selection
            page = navigation(selection.lang)
            state.ignored_notice(selection.lang)
            state.write_url(selection)  # the sidebar's choices reach the address bar before the page is built
            page.run()
            state.write_url(st.session_state[SELECTION])
    finally:
        _running.active = False
