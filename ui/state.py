"""The shared sidebar filters and the URL that mirrors them.

On a session's first run the URL seeds the widgets (bad parameters are dropped with a notice);
after that the widgets lead and the URL is rewritten on every run, so a copied link always
opens the same view.
"""

import streamlit as st

from regionstats import selection as sel
from regionstats.i18n import DEFAULT_LANGUAGE, LANGUAGE_NAMES, t
from regionstats.selection import Selection
from ui.errors import SELECTION, guarded  # noqa: F401  (SELECTION: the pages read it from here)
from ui.render import plain

URL_SELECTION = "_url_selection"
LAST_SELECTION = "_last_selection"
IGNORED = "_url_ignored"
FROM_LINK = "_from_link"  # True only on a session's first run: the page widgets start from the link


def seed_from_url(offered_regions: set, home_options: set, known_indicators: set,
                  year_range: tuple[int, int]) -> Selection:
    """The selection to start widgets from: the URL on a session's first run, then the last one shown.

    Regions and home are checked against what the sidebar offers (a university or city code is a
    known region but not a choice there), so a link never changes the view without a notice.
    """
    if URL_SELECTION not in st.session_state:
        params = {key: st.query_params.get_all(key) for key in st.query_params.keys()}
        params, not_offered = _offered_only(params, offered_regions, home_options)
        parsed = sel.from_query_params(params, offered_regions, known_indicators, year_range)
        st.session_state[URL_SELECTION] = parsed.selection
        st.session_state[IGNORED] = not_offered + parsed.ignored
        st.session_state[FROM_LINK] = True
    else:
        st.session_state[FROM_LINK] = False
    return st.session_state.get(LAST_SELECTION) or st.session_state[URL_SELECTION]


def _offered_only(params: dict, offered_regions: set, home_options: set) -> tuple[dict, list]:
    """Drop a region list with a code the multiselect does not offer, and a home the selectbox does not offer.

    The whole list goes, as for an unknown code, so the view is the default one and the notice says why.
    """
    params, ignored = dict(params), []
    for key, allowed in (("regions", offered_regions), ("home", home_options)):
        if key not in params:
            continue
        raw = ",".join(str(v) for v in params[key]).strip()
        codes = [c.strip() for c in raw.split(",") if c.strip()]
        if (key == "home" and len(codes) != 1) or any(c not in allowed for c in codes):
            ignored.append((key, raw))
            params.pop(key)
    return params, ignored


def seed(key: str, value) -> None:
    """Give a widget a value when it has none: first from the URL, later from the last selection.

    Widget state can vanish when a widget's identity changes (another page, Streamlit's
    legacy pages/ mode on a deep link), so it is restored rather than reset to a default.
    """
    # Re-assigned even when present: a value the API set wins over a widget's default, while a
    # value a widget left behind is dropped if the widget's id changes. It does on the first page
    # switch after a server starts (the shell's widgets were first made in the legacy pages/ mode).
    st.session_state[key] = st.session_state[key] if key in st.session_state else value


def ignored_notice(lang: str) -> None:
    """Name what the link asked for that was not used; the names and values are the visitor's text."""
    ignored = st.session_state.get(IGNORED)
    if ignored:
        params = ", ".join(f"{k}={v}" if v else k for k, v in ignored)
        st.info(t("ignored_params", lang, params=plain(params)), icon="ℹ️")


# widgets whose option labels depend on the language
LABELLED_WIDGETS = ("preset", "regions", "home", "years_mode", "indicator", "ranking", "mode")


def _forget_labelled_widgets() -> None:
    """Widgets match their value by its label; after a language switch they restart from the last selection."""
    for key in LABELLED_WIDGETS:
        st.session_state.pop(key, None)


def language_widget(initial: Selection) -> str:
    seed("lang", initial.lang)
    return st.sidebar.segmented_control(
        "Språk / Language", options=list(sel.LANGS), key="lang", format_func=LANGUAGE_NAMES.get,
        selection_mode="single", on_change=guarded(_forget_labelled_widgets),
    ) or DEFAULT_LANGUAGE


def _preset_of(regions: tuple, counties: list[str]) -> str:
    for preset in sel.PRESETS:
        if tuple(regions) == sel.preset_regions(preset, counties):
            return preset
    return "custom"


def _apply_preset(counties: list[str]) -> None:
    preset = st.session_state["preset"]
    if preset != "custom":
        st.session_state["regions"] = list(sel.preset_regions(preset, counties))


def _mark_custom(counties: list[str]) -> None:
    st.session_state["preset"] = _preset_of(tuple(st.session_state["regions"]), counties)


def region_widgets(initial: Selection, lang: str, names: dict, counties: list[str]) -> tuple[tuple, str]:
    """Preset, region multiselect and home region; returns (regions, home)."""
    seed("regions", list(initial.regions))
    seed("preset", _preset_of(initial.regions, counties))
    seed("home", initial.home)
    st.sidebar.selectbox(
        t("preset", lang), options=list(sel.PRESETS) + ["custom"], key="preset",
        format_func=lambda p: t(f"preset_{p}", lang), on_change=guarded(_apply_preset), args=(counties,),
    )
    regions = st.sidebar.multiselect(
        t("regions", lang), options=list(names), key="regions", format_func=lambda c: names.get(c, c),
        on_change=guarded(_mark_custom), args=(counties,),
    )
    home = st.sidebar.selectbox(t("home_region", lang), options=counties, key="home",
                                format_func=lambda c: names.get(c, c), help=t("home_help", lang))
    return tuple(regions), home


def _last_years(all_years: list[int], n: int) -> tuple[int, int]:
    return max(all_years[0], all_years[-1] - n + 1), all_years[-1]


def _period_mode(initial: Selection, all_years: list[int]) -> str:
    if initial.year_to is None:
        return "latest"
    if (initial.year_from, initial.year_to) == _last_years(all_years, 5):
        return "last5"
    return "custom"


def _start_custom_period(all_years: list[int]) -> None:
    """Choosing 'own period' starts from the last five years, never from an empty choice."""
    if st.session_state.get("years_mode") == "custom":
        start, end = _last_years(all_years, 5)
        st.session_state.setdefault("year_from", start)
        st.session_state.setdefault("year_to", end)


def year_widgets(initial: Selection, lang: str, all_years: list[int]) -> tuple:
    """'Latest year per indicator', 'the last five years' or a from/to period; returns (year_from, year_to).

    Each choice commits once (no slider that reruns on every step), so the URL follows at once.
    """
    last5 = _last_years(all_years, 5)
    seed("years_mode", _period_mode(initial, all_years))
    mode = st.sidebar.selectbox(
        t("years", lang), options=["latest", "last5", "custom"], key="years_mode",
        format_func=lambda m: t(f"years_{m}", lang, first=last5[0], last=last5[1]),
        on_change=guarded(_start_custom_period), args=(all_years,),
    )
    if mode == "latest":
        return None, None
    if mode == "last5":
        return last5
    seed("year_from", initial.year_from if initial.year_to is not None else last5[0])
    seed("year_to", initial.year_to if initial.year_to is not None else last5[1])
    left, right = st.sidebar.columns(2)
    start = left.selectbox(t("year_from", lang), options=all_years, key="year_from")
    end = right.selectbox(t("year_to", lang), options=all_years, key="year_to")
    if start > end:
        st.sidebar.caption(t("years_swapped", lang))
        start, end = end, start
    return int(start), int(end)


def write_url(selection: Selection) -> None:
    """Mirror the selection in the address bar (only the parts that differ from the defaults)."""
    st.session_state[LAST_SELECTION] = selection
    wanted = selection.to_query_params()
    current = {key: st.query_params.get(key) for key in st.query_params.keys()}
    if current != wanted:
        st.query_params.from_dict(wanted)
