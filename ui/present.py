"""Presentation mode: one slide at a time at 16:9, across the pages, for a projector.

The sidebar toggle, or ``present=1`` in the link, hides the sidebar and the page's widgets and
enlarges the type. A page's slides are its KPI cards (when it has them), then its charts, each
with its title, notes (formula, "saknas" reasons), source and date. Previous/next buttons or the
arrow keys step through them and on to the next page in the sidebar's order, so one presentation
runs from Översikt to Data och källor without leaving the mode. The slide shown is ``slide=N`` in
the URL (0 = the first), so a link opens the same slide.
"""

import datetime as dt
import html

import plotly.graph_objects as go
import streamlit as st

from regionstats.i18n import t
from regionstats.selection import Selection
from regionstats.views import ChartView, PageView
from regionstats.views.registry import BY_SLUG, TABLE
from ui.errors import SELECTION, guarded
from ui.render import figure

PRESENT_KEY = "present"  # the toggle's widget key
SLIDE_KEY = "_present_slide"
PAGE_KEY = "_present_page"
LAND_KEY = "_present_land"  # "last" when stepping back onto the previous page
STAGE_KEY = "present_stage"
CHART_HEIGHT = 600  # the nominal chart height; CSS fits it to the screen (see CSS)
STAGE_WIDTH = 1600
CHART_KEY = "present_chart"
PLOTLY_CONFIG = {"displaylogo": False, "displayModeBar": False}

CSS = f"""
<style>
section[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"],
[data-testid="stExpandSidebarButton"], header[data-testid="stHeader"], [data-testid="stToolbar"],
[data-testid="stDecoration"] {{ display: none !important; }}
[data-testid="stMainBlockContainer"] {{ padding-top: 1rem !important; padding-bottom: .5rem !important;
  max-width: 100% !important; }}
/* beside the stage nothing of the page takes room (not even the gaps between hidden elements) */
[data-testid="stVerticalBlock"]:has(> .st-key-{STAGE_KEY}, > * > .st-key-{STAGE_KEY})
  > :not(.st-key-{STAGE_KEY}):not(:has(> .st-key-{STAGE_KEY})) {{ display: none !important; }}
/* the page's own heading, intro, notices and controls give way to the stage */
[data-testid="stMain"] :is(h1, [data-testid="stCaptionContainer"], [data-testid="stAlert"],
  [data-testid="stSelectbox"], [data-testid="stButtonGroup"], [data-testid="stSlider"],
  [data-testid="stRadio"], [data-testid="stExpander"], [data-testid="stMultiSelect"],
  [data-testid="stHeading"]):not(.st-key-{STAGE_KEY} *)
  {{ display: none !important; }}
/* the stage is a 16:9 box as large as the screen allows (up to {STAGE_WIDTH}px wide): the chart takes
   what the title, caption and buttons (about 170px) leave */
.st-key-{STAGE_KEY} {{ --stage-w: min({STAGE_WIDTH}px, calc((100vh - 48px) * 16 / 9), calc(100vw - 10rem));
  width: var(--stage-w); max-width: 100%; margin: 0 auto; }}
div:has(> .st-key-{CHART_KEY}) {{ flex: 0 0 auto !important;
  height: max(var(--chart-min, 300px), calc(var(--stage-w) * 9 / 16 - 170px - var(--notes-h, 0px))) !important; }}
.st-key-{CHART_KEY} {{ overflow: hidden !important; }}
.st-key-{STAGE_KEY} [data-testid="stCaptionContainer"] p,
.st-key-{STAGE_KEY} [data-testid="stMarkdownContainer"] p {{ font-size: 1.15rem; }}
.st-key-{STAGE_KEY} .present-title {{ font-size: clamp(1.5rem, 2.3vw, 2.3rem); font-weight: 600;
  line-height: 1.2; margin: 0; padding: 0; color: #1f2d3d; }}
.st-key-{STAGE_KEY} .present-source {{ color: #444; font-size: 1.05rem; margin: 0; }}
.st-key-{STAGE_KEY} .present-counter {{ text-align: center; font-size: 1.2rem; margin-top: .35rem; }}
.st-key-{STAGE_KEY} button p {{ font-size: 1.15rem; }}
.st-key-{STAGE_KEY} .present-notes p {{ color: #333; font-size: 1rem; margin: 0; line-height: 1.3; }}
.st-key-{STAGE_KEY} .present-notes.dense {{ column-count: 2; column-gap: 2rem; }}
.st-key-{STAGE_KEY} .present-notes.dense p {{ font-size: .8rem; line-height: 1.3; break-inside: avoid-column; }}
.st-key-{STAGE_KEY} .present-kpis {{ display: grid; grid-template-columns: repeat(auto-fit, minmax(240px, 1fr));
  gap: 1.2rem; margin: 2rem 0; }}
.st-key-{STAGE_KEY} .present-kpi {{ border: 1px solid #ccd; border-radius: .6rem; padding: 1.2rem 1.4rem; }}
.st-key-{STAGE_KEY} .present-kpi-label {{ font-size: 1.3rem; color: #333; }}
.st-key-{STAGE_KEY} .present-kpi-value {{ font-size: clamp(2.4rem, 4vw, 3.6rem); font-weight: 700; color: #1f2d3d;
  line-height: 1.15; margin: .3rem 0; }}
.st-key-{STAGE_KEY} .present-kpi-delta {{ font-size: 1.15rem; color: #333; }}
.st-key-{STAGE_KEY} .present-kpi-caption {{ font-size: 1.05rem; color: #555; margin-top: .4rem; }}
</style>
"""

# The region box shows every chosen region (Streamlit caps it at about five rows and hides the rest).
SIDEBAR_CSS = """<style>
section[data-testid="stSidebar"] [data-testid="stMultiSelect"] div:has(> [data-testid="stMultiSelectTagsContainer"]),
section[data-testid="stSidebar"] [data-testid="stMultiSelectTagsContainer"] {
  max-height: none !important; overflow: visible !important; }
</style>"""

# Arrow keys click the stage's buttons; the listener is added once per browser tab.
KEYS_SCRIPT = """
<script>
(() => {
  if (window.__regionstatsPresentKeys) return;
  window.__regionstatsPresentKeys = true;
  const click = (key) => {
    const button = document.querySelector(`.st-key-${key} button`);
    if (button && !button.disabled) { button.click(); return true; }
    return false;
  };
  document.addEventListener("keydown", (event) => {
    const target = event.target;
    const typing = target
      && (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName));
    if (typing) return;
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const key = {ArrowRight: "present_next", PageDown: "present_next", ArrowLeft: "present_prev",
                 PageUp: "present_prev", Escape: "present_exit"}[event.key];
    if (key && click(key)) event.preventDefault();
  });
})();
</script>
"""


# --- the shell's sidebar ----------------------------------------------------------------------

def sidebar(selection: Selection) -> Selection:
    """The presentation toggle in the sidebar; returns the selection with present/slide set.

    The toggle starts from the selection (the link's present=1 on a session's first run);
    after that it leads, and the URL follows it.
    """
    lang = selection.lang
    # re-assigned every run so the value survives the widget's id change at the first page switch
    st.session_state[PRESENT_KEY] = st.session_state.get(PRESENT_KEY, selection.present)
    if SLIDE_KEY not in st.session_state:
        st.session_state[SLIDE_KEY] = selection.slide
    st.sidebar.html(SIDEBAR_CSS)
    st.sidebar.divider()
    st.sidebar.caption(t("present_section", lang))
    on = st.sidebar.toggle(t("present_toggle", lang), key=PRESENT_KEY, help=t("present_help", lang),
                           on_change=guarded(_go_to), args=(0,))
    return selection.replace(present=bool(on), slide=int(st.session_state[SLIDE_KEY]) if on else 0)


def _go_to(index: int) -> None:
    st.session_state[SLIDE_KEY] = max(0, index)


def _step(delta: int) -> None:
    _go_to(int(st.session_state.get(SLIDE_KEY, 0)) + delta)


def _other_page(slug: str, delta: int) -> str | None:
    """The page before (-1) or after (+1) slug in the sidebar's order."""
    order = [page.slug for page in TABLE]
    index = order.index(slug) + delta
    return order[index] if 0 <= index < len(order) else None


def _turn_page(slug: str) -> None:
    """A step past the first or last slide: on to the neighbouring page, still presenting."""
    st.session_state[SLIDE_KEY] = 0
    st.session_state[LAND_KEY] = "last" if st.session_state.pop("_present_turn", 1) < 0 else "first"
    st.switch_page(BY_SLUG[slug].file)


def _leave() -> None:
    st.session_state[PRESENT_KEY] = False
    st.session_state[SLIDE_KEY] = 0


# --- presentation mode ------------------------------------------------------------------------

def presentation_figure(view: ChartView) -> go.Figure:
    """The page's chart with larger type and a fixed height for the 16:9 stage.

    Dense charts (the matrix, many regions) get smaller row labels, never fewer: plotly would
    otherwise drop every other label when they no longer fit.
    """
    fig = go.Figure(figure(view))
    rows = chart_rows(fig)
    per_row = (CHART_HEIGHT - 170) / rows if rows else CHART_HEIGHT
    size = int(max(11, min(18, per_row * 0.6)))
    # the title is HTML above the chart, where it wraps on a narrow screen instead of being cut off
    fig.update_layout(height=None, autosize=True, font={"size": size}, title={"text": ""},
                      margin={"t": 30}, legend={"font": {"size": 17}})
    # the matrix's digits: larger than the labels where the rows have room, never taller than a row
    fig.update_traces(textfont={"size": size + 2 if size >= 14 else size}, selector={"type": "heatmap"})
    if rows:
        fig.update_yaxes(tickfont={"size": size})
        if all(isinstance(v, str) for trace in fig.data for v in _strings(trace.y)):
            fig.update_yaxes(dtick=1, ticksuffix="  ")  # every row label, clear of 'saknas' markers
    return fig


def chart_rows(fig: go.Figure) -> int:
    """The rows of a chart with text categories on its y axis (bars by region, the matrix), else 0."""
    return max([len(set(_strings(getattr(trace, "y", None)))) for trace in fig.data] + [0])


def _strings(values) -> list:
    if values is None:
        return []
    return [v for v in values if isinstance(v, str)]


def slides_of(view: PageView) -> list:
    """What the page shows, one slide each: its KPI cards (when it has them), then its charts."""
    return (["kpis"] if view.kpis else []) + list(view.charts)


def show(view: PageView, lang: str, slug: str | None = None, home_name: str = "") -> None:
    """One slide of the page at a time, with next/previous buttons and the arrow keys."""
    st.html(CSS)
    st.html(KEYS_SCRIPT, unsafe_allow_javascript=True)
    slides = slides_of(view)
    if st.session_state.get(PAGE_KEY) not in (None, view.title):
        # another page: start from its first slide, or its last when stepping back onto it
        landing = st.session_state.pop(LAND_KEY, "first")
        st.session_state[SLIDE_KEY] = len(slides) - 1 if landing == "last" else 0
    st.session_state.pop(LAND_KEY, None)
    st.session_state[PAGE_KEY] = view.title
    previous_page = _other_page(slug, -1) if slug else None
    next_page = _other_page(slug, 1) if slug else None
    with st.container(key=STAGE_KEY):
        if not slides:
            st.html(f'<h2 class="present-title">{_escape(view.title)}</h2>')
            st.info(t("present_no_charts", lang))
            index, total = 0, 1
            slide = None
        else:
            index = min(max(int(st.session_state.get(SLIDE_KEY, 0)), 0), len(slides) - 1)
            total = len(slides)
            slide = slides[index]
        st.session_state[SLIDE_KEY] = index
        if SELECTION in st.session_state:  # the URL says which slide is shown
            st.session_state[SELECTION] = st.session_state[SELECTION].replace(present=True, slide=index)
        if slide == "kpis":
            _kpi_slide(view, lang, home_name)
        elif slide is not None:
            _chart_slide(slide, lang)
        _buttons(lang, view.title, index, total, previous_page, next_page)


def _kpi_slide(view: PageView, lang: str, home_name: str = "") -> None:
    """The page's KPI cards, large: the figure, its change and its context line (for the home region)."""
    cards = []
    for card in view.kpis:
        delta = f'<div class="present-kpi-delta">{_escape(card.delta)}</div>' if card.delta else ""
        caption = f'<div class="present-kpi-caption">{_escape(card.caption)}</div>' if card.caption else ""
        cards.append(f'<div class="present-kpi"><div class="present-kpi-label">{_escape(card.label)}</div>'
                     f'<div class="present-kpi-value">{_escape(card.value)}</div>{delta}{caption}</div>')
    title = f"{view.title}: {t('home_region', lang).lower()} {home_name}" if home_name else view.title
    st.html(f'<h2 class="present-title">{_escape(title)}</h2>'
            + (f'<p class="present-source">{_escape(view.intro)}</p>' if view.intro else "")
            + f'<div class="present-kpis">{"".join(cards)}</div>'
            + f'<p class="present-source">{_made_on(lang)}</p>')


def _made_on(lang: str) -> str:
    made_on = t("made_on", lang, date=dt.date.today().isoformat())
    return f'<span style="white-space: nowrap">{_escape(made_on)}</span>'  # the date is never split


def _chart_slide(chart: ChartView, lang: str) -> None:
    # the notes (formula, 'saknas' reasons) stay on the slide: the chart gives up their room
    notes = [note for note in chart.notes if note]
    lines = notes_lines(notes)
    dense = lines > DENSE_NOTES
    if dense:  # long notes in smaller type, two columns, so the chart keeps its room and the buttons stay
        lines = -(-notes_lines(notes, NOTE_CHARS * 0.58) // 2)
    height = lines * (17 if dense else 21)
    # a chart with many rows (the matrix) keeps 18 px a row even if the notes and buttons then need a scroll
    least = max(300, 140 + 18 * chart_rows(figure(chart)))
    st.html(f"<style>.st-key-{STAGE_KEY} {{ --notes-h: {height}px; --chart-min: {least}px; }}</style>")
    st.html(f'<h2 class="present-title">{_escape(chart.title)}</h2>')
    with st.container(key=CHART_KEY, height=CHART_HEIGHT, border=False):
        # theme=None: the figure's own (larger) type, not Streamlit's smaller axis labels
        st.plotly_chart(presentation_figure(chart), key=f"present_chart_{chart.key}",
                        config=PLOTLY_CONFIG, width="stretch", height="stretch", theme=None)
    if notes:
        st.html(f'<div class="present-notes{" dense" if dense else ""}">'
                + "".join(f"<p>{_escape(n)}</p>" for n in notes) + "</div>")
    source = f"{_escape(chart.source_note)} · {_made_on(lang)}" if chart.source_note else _made_on(lang)
    st.html(f'<p class="present-source">{source}</p>')


NOTE_CHARS = 150  # characters in a line of notes on the smallest stage (about 1 100 px at 1rem)
DENSE_NOTES = 4  # more lines than this: smaller type, two columns


def notes_lines(notes: list[str], chars: float = NOTE_CHARS) -> int:
    """The lines the notes take on the stage, estimated from their length (a long note wraps)."""
    return sum(max(1, -(-len(note) // int(chars))) for note in notes)


def _buttons(lang: str, page_title: str, index: int, total: int, previous_page, next_page) -> None:
    previous, counter, following, leave = st.columns([2, 3, 2, 2], vertical_alignment="center")
    if index == 0 and previous_page:
        previous.button(t("present_prev_page", lang, page=t(BY_SLUG[previous_page].title_key, lang)),
                        key="present_prev", on_click=guarded(_turn_back), args=(previous_page,),
                        icon=":material/arrow_back:", width="stretch")
    else:
        previous.button(t("present_prev", lang), key="present_prev", on_click=guarded(_step), args=(-1,),
                        disabled=index == 0, icon=":material/arrow_back:", width="stretch")
    counter_text = t("present_counter", lang, page=page_title, n=index + 1, total=total)
    counter.html(f'<p class="present-counter">{_escape(counter_text)}</p>')
    if index == total - 1 and next_page:
        following.button(t("present_next_page", lang, page=t(BY_SLUG[next_page].title_key, lang)),
                         key="present_next", on_click=guarded(_turn_forward), args=(next_page,),
                         icon=":material/arrow_forward:", icon_position="right", width="stretch",
                         type="primary")
    else:
        following.button(t("present_next", lang), key="present_next", on_click=guarded(_step), args=(1,),
                         disabled=index == total - 1, icon=":material/arrow_forward:",
                         icon_position="right", width="stretch", type="primary")
    leave.button(t("present_exit", lang), key="present_exit", on_click=guarded(_leave), icon=":material/close:",
                 width="stretch", help=t("present_keys", lang))


def _turn_forward(slug: str) -> None:
    st.session_state["_present_turn"] = 1
    _turn_page(slug)


def _turn_back(slug: str) -> None:
    st.session_state["_present_turn"] = -1
    _turn_page(slug)


def _escape(text: str) -> str:
    return html.escape(text)
