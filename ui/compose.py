"""The sidebar's composer: regions composed of counties (a name and a multiselect of counties).

The compositions shown are one multiselect (unticking one removes it); a name, the counties and "Lägg till"
add one, or a suggestion from the data (Stockholm + Uppsala; the counties of a NUTS 2 region such as SE12
Östra Mellansverige, as regions.csv assigns them). The values are computed in SQL, never here.
"""

import pandas as pd
import streamlit as st

from regionstats import composition
from regionstats.i18n import column, t
from regionstats.selection import Selection
from ui.state import guarded, seed

SHOWN = "compositions"  # the multiselect of compositions (their texts, 'name:01+03')
OPTIONS = "_composition_options"  # every composition offered this session, in the order added
MESSAGE = "_composition_message"
STOCKHOLM_UPPSALA = ("01", "03")
SUGGESTED_NUTS2 = ("SE12",)  # Östra Mellansverige: Uppsala, Södermanland, Östergötland, Örebro, Västmanland


def suggestions(regions: pd.DataFrame, lang: str) -> dict[str, composition.Composition]:
    """{label: composition} from the data: Stockholm + Uppsala, and the counties of each suggested NUTS 2 region."""
    counties = regions[regions.kind == "county"]
    names = dict(zip(counties.region_code, counties[column("name", lang)]))
    found = {}
    if all(code in names for code in STOCKHOLM_UPPSALA):
        found[t("compose_suggestion_stockholm_uppsala", lang)] = composition.Composition(
            "–".join(names[c] for c in STOCKHOLM_UPPSALA), STOCKHOLM_UPPSALA)
    for nuts2 in SUGGESTED_NUTS2:
        members = tuple(sorted(counties.region_code[counties.nuts2 == nuts2]))
        area = regions[(regions.kind == "nuts2") & (regions.nuts2 == nuts2)]
        if len(members) < 2 or area.empty:
            continue
        name = str(area[column("name", lang)].iloc[0]).removeprefix(f"{nuts2} ")
        label = t("compose_suggestion_nuts2", lang, name=name, members=", ".join(names[c] for c in members))
        found[label] = composition.Composition(name, members)
    return found


def _add(found: composition.Composition | None, lang: str) -> None:
    shown = list(st.session_state.get(SHOWN, []))
    if found is None:
        st.session_state[MESSAGE] = t("compose_invalid", lang, max_name=composition.MAX_NAME)
        return
    taken = [text for text in shown if text.rpartition(":")[0] == found.name or text.rpartition(":")[2] == found.code]
    if found.text in shown:
        return
    if taken:
        st.session_state[MESSAGE] = t("compose_taken", lang)
        return
    if len(shown) >= composition.MAX_COMPOSITIONS:
        st.session_state[MESSAGE] = t("compose_too_many", lang, n=composition.MAX_COMPOSITIONS)
        return
    options = st.session_state.setdefault(OPTIONS, [])
    if found.text not in options:
        options.append(found.text)
    st.session_state[SHOWN] = shown + [found.text]
    st.session_state.pop(MESSAGE, None)


def _add_typed(lang: str, counties: set) -> None:
    try:
        found = composition.make(st.session_state.get("compose_name", ""),
                                 st.session_state.get("compose_members", []), counties)
    except ValueError:
        found = None
    _add(found, lang)
    if found is not None and MESSAGE not in st.session_state:
        st.session_state["compose_name"], st.session_state["compose_members"] = "", []


def _add_suggested(lang: str, offered: dict) -> None:
    label = st.session_state.get("compose_suggestion")
    if label in offered:
        _add(offered[label], lang)
    st.session_state["compose_suggestion"] = ""


def widgets(initial: Selection, lang: str, regions: pd.DataFrame, names: dict, counties: list[str]) -> tuple:
    """The composer in the sidebar; returns the compositions shown (Composition objects)."""
    initial_texts = [c.text for c in initial.compositions]
    options = st.session_state.setdefault(OPTIONS, [])
    options.extend(text for text in initial_texts if text not in options)
    seed(SHOWN, initial_texts)
    county_set = set(counties)
    by_text = {}
    for text in options:
        try:
            by_text[text] = composition.parse(text, county_set)
        except ValueError:
            continue
    with st.sidebar.expander(t("compose_title", lang), expanded=bool(initial_texts)):
        st.caption(t("compose_help", lang))
        chosen = st.multiselect(
            t("compose_shown", lang), options=list(by_text), key=SHOWN,
            format_func=lambda text: f"{by_text[text].name} = "
                                     + " + ".join(names.get(c, c) for c in by_text[text].members))
        offered = suggestions(regions, lang)
        st.selectbox(t("compose_suggestions", lang), options=[""] + list(offered), key="compose_suggestion",
                     format_func=lambda label: label or t("compose_suggestion_none", lang),
                     on_change=guarded(_add_suggested), args=(lang, offered))
        st.text_input(t("compose_name", lang), key="compose_name", max_chars=composition.MAX_NAME)
        st.multiselect(t("compose_members", lang), options=counties, key="compose_members",
                       format_func=lambda c: names.get(c, c))
        st.button(t("compose_add", lang), key="compose_add", on_click=guarded(_add_typed), args=(lang, county_set))
        if st.session_state.get(MESSAGE):
            st.warning(st.session_state[MESSAGE])
        st.caption(t("compose_medicon_valley", lang))
    return tuple(by_text[text] for text in chosen if text in by_text)
