"""Widgets a page adds above its charts (indicator, absolute/indexed, base year).

Each returns the Selection fields it sets; the shell puts them in the URL.
"""

import streamlit as st

from regionstats.i18n import t
from regionstats.views import Context
from ui.render import plain
from ui.state import FROM_LINK, LAST_SELECTION, URL_SELECTION

URL_PARAM = {"indicator": "indicator", "base_year": "base", "ranking": "ranking"}  # widget key -> link parameter


def _remembered(field: str):
    """The field's value in the last selection shown, else in the URL."""
    last = st.session_state.get(LAST_SELECTION) or st.session_state[URL_SELECTION]
    return getattr(last, field)


def _seed_page_value(key: str, remembered, default, options: list, ctx: Context | None = None, name=str) -> None:
    """Start a page widget from the remembered value when valid, else the page's default; when the link
    asked for a value this page does not offer, say so (with ctx) and what is shown instead."""
    if st.session_state.get(key) not in options:
        st.session_state[key] = remembered if remembered in options else default
        if ctx is not None and remembered is not None and remembered not in options and _asked_by_link(key, remembered):
            st.info(t("url_value_not_offered", ctx.lang, param=URL_PARAM[key], value=plain(name(remembered)),
                      shown=plain(name(st.session_state[key]))), icon="ℹ️")


def _asked_by_link(field: str, value) -> bool:
    """Did the link that opened this session ask for this value (this is the session's first run)?"""
    return bool(st.session_state.get(FROM_LINK)) and getattr(st.session_state[URL_SELECTION], field) == value


def indicator(ctx: Context, options: list[str], default: str, label_key: str = "indicator") -> dict:
    """A selectbox of indicators by name; returns {'indicator': id}."""
    _seed_page_value("indicator", _remembered("indicator"), default, options, ctx, ctx.indicator_name)
    chosen = st.selectbox(t(label_key, ctx.lang), options=options, key="indicator",
                          format_func=ctx.indicator_name)
    return {"indicator": chosen}


def mode_and_base(ctx: Context, years: list[int], default_mode: str = "index") -> dict:
    """An index to a base year (the first year by default) or absolute values; returns
    {'mode': ..., 'base_year': ...}."""
    _seed_page_value("mode", _remembered("mode") or default_mode, default_mode, ["absolute", "index"])
    left, right = st.columns([2, 1])
    mode = left.segmented_control(t("value", ctx.lang), options=["index", "absolute"], key="mode",
                                  format_func=lambda m: t("absolute" if m == "absolute" else "indexed", ctx.lang))
    if mode is None:  # clicking the chosen option again clears it: keep what is shown
        mode = default_mode
    if mode != "index" or not years:
        return {"mode": "absolute", "base_year": None}
    _seed_page_value("base_year", _remembered("base_year"), years[0], years, ctx)
    base = right.selectbox(t("base_year", ctx.lang), options=years, key="base_year")
    return {"mode": "index", "base_year": base}


def ranking(ctx: Context, options: list[str]) -> dict:
    """Which university world ranking to draw; returns {'ranking': id}."""
    if not options:
        return {}
    _seed_page_value("ranking", _remembered("ranking"), options[0], options, ctx, ctx.indicator_name)
    chosen = st.segmented_control(t("ranking_system", ctx.lang), options=options, key="ranking",
                                  format_func=ctx.indicator_name)
    return {"ranking": chosen or options[0]}


def weights(ctx: Context) -> dict:
    """One slider per indicator category (0–5); returns {'weights': (...)} or {} at the defaults."""
    from regionstats.selection import CATEGORIES

    url = _remembered("weights") or (1,) * len(CATEGORIES)
    chosen = []
    with st.expander(t("weights", ctx.lang), expanded=False):
        columns = st.columns(len(CATEGORIES))
        for column, category, initial in zip(columns, CATEGORIES, url):
            key = f"weight_{category}"
            _seed_page_value(key, initial, 1, list(range(6)))
            chosen.append(column.slider(t(f"category_{category}", ctx.lang), 0, 5, key=key))
    chosen = tuple(chosen)
    return {"weights": None if chosen == (1,) * len(CATEGORIES) else chosen}


def optional_indicator(ctx: Context, options: list[str]) -> dict:
    """An indicator filter where 'all' is allowed; returns {'indicator': id or None}."""
    _seed_page_value("indicator", _remembered("indicator") or "", "", [""] + options)
    chosen = st.selectbox(t("filter_indicators", ctx.lang), options=[""] + options, key="indicator",
                          format_func=lambda i: ctx.indicator_name(i) if i else "—")
    return {"indicator": chosen or None}


def since_version(ctx: Context, options: list, default: str | None, label) -> dict:
    """The data version Ändringar compares today's data with (newest first); returns {'since': version}.

    ``options`` are versions.Version; ``label`` words one. A link's date is kept as asked (the view finds
    the version in force that day) until the visitor picks a version here."""
    ids = [version.version for version in options]
    if not ids:
        return {}
    remembered = _remembered("since")
    if remembered and remembered not in ids:  # a date, or a prefix of a version
        ids = [remembered] + ids
    _seed_page_value("since", remembered, default or ids[0], ids)
    named = {version.version: label(version) for version in options}
    chosen = st.selectbox(t("changes_since", ctx.lang), options=ids, key="since",
                          format_func=lambda v: named.get(v, v))
    return {"since": chosen}
