"""Presentation mode and the page-level deck (PPTX) and PDF downloads.

Presentation mode (the sidebar toggle, or ``present=1`` in the link) hides the sidebar and the
page's widgets, enlarges the type and shows one chart at a time at 16:9 with its title, source
and date. Previous/next buttons, or the arrow keys, step through the page's charts; the chart
shown is ``slide=N`` in the URL (0 = the first), so a link opens the same slide.
"""

import datetime as dt
import html
from functools import partial

import plotly.graph_objects as go
import streamlit as st

from regionstats import cached, config, db, queries
from regionstats.export import images, slides
from regionstats.export.text import t
from regionstats.selection import Selection
from regionstats.views import ChartView, Context, PageView
from regionstats.views.registry import PAGES

PRESENT_KEY = "present"  # the toggle's widget key
SLIDE_KEY = "_present_slide"
PAGE_KEY = "_present_page"
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
  height: max(320px, calc(var(--stage-w) * 9 / 16 - 170px)) !important; }}
.st-key-{CHART_KEY} {{ overflow: hidden !important; }}
.st-key-{STAGE_KEY} [data-testid="stCaptionContainer"] p,
.st-key-{STAGE_KEY} [data-testid="stMarkdownContainer"] p {{ font-size: 1.15rem; }}
.st-key-{STAGE_KEY} .present-title {{ font-size: clamp(1.5rem, 2.3vw, 2.3rem); font-weight: 600;
  line-height: 1.2; margin: 0; padding: 0; color: #1f2d3d; }}
.st-key-{STAGE_KEY} .present-source {{ color: #444; font-size: 1.05rem; margin: 0; }}
.st-key-{STAGE_KEY} .present-counter {{ text-align: center; font-size: 1.2rem; margin-top: .35rem; }}
.st-key-{STAGE_KEY} button p {{ font-size: 1.15rem; }}
</style>
"""

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
    if PRESENT_KEY not in st.session_state:
        st.session_state[PRESENT_KEY] = selection.present
    if SLIDE_KEY not in st.session_state:
        st.session_state[SLIDE_KEY] = selection.slide
    st.sidebar.divider()
    st.sidebar.caption(t("present_section", lang))
    on = st.sidebar.toggle(t("present_toggle", lang), key=PRESENT_KEY, help=t("present_help", lang),
                           on_change=_go_to, args=(0,))
    return selection.replace(present=bool(on), slide=int(st.session_state[SLIDE_KEY]) if on else 0)


def _go_to(index: int) -> None:
    st.session_state[SLIDE_KEY] = max(0, index)


def _step(delta: int) -> None:
    _go_to(int(st.session_state.get(SLIDE_KEY, 0)) + delta)


def _leave() -> None:
    st.session_state[PRESENT_KEY] = False
    st.session_state[SLIDE_KEY] = 0


# --- presentation mode ------------------------------------------------------------------------

def presentation_figure(view: ChartView) -> go.Figure:
    """The page's chart with larger type and a fixed height for the 16:9 stage.

    Dense charts (the matrix, many regions) get smaller row labels, never fewer: plotly would
    otherwise drop every other label when they no longer fit.
    """
    fig = go.Figure(view.figure)
    rows = max([len(set(_strings(getattr(trace, "y", None)))) for trace in fig.data] + [0])
    per_row = (CHART_HEIGHT - 170) / rows if rows else CHART_HEIGHT
    size = int(max(11, min(18, per_row * 0.6)))
    # the title is HTML above the chart, where it wraps on a narrow screen instead of being cut off
    fig.update_layout(height=None, autosize=True, font={"size": size}, title={"text": ""},
                      margin={"t": 30}, legend={"font": {"size": 17}})
    if rows:
        fig.update_yaxes(tickfont={"size": size})
        if all(isinstance(v, str) for trace in fig.data for v in _strings(trace.y)):
            fig.update_yaxes(dtick=1, ticksuffix="  ")  # every row label, clear of 'saknas' markers
    return fig


def _strings(values) -> list:
    if values is None:
        return []
    return [v for v in values if isinstance(v, str)]


def show(view: PageView, lang: str) -> None:
    """One chart of the page at a time, with next/previous buttons and the arrow keys."""
    from ui.shell import SELECTION  # ui.shell imports this module

    st.html(CSS)
    st.html(KEYS_SCRIPT, unsafe_allow_javascript=True)
    charts = view.charts
    if st.session_state.get(PAGE_KEY) not in (None, view.title):
        st.session_state[SLIDE_KEY] = 0  # another page: start from its first chart
    st.session_state[PAGE_KEY] = view.title
    with st.container(key=STAGE_KEY):
        if not charts:
            st.subheader(view.title)
            st.info(t("present_no_charts", lang))
            st.button(t("present_exit", lang), key="present_exit", on_click=_leave, icon=":material/close:")
            return
        index = min(max(int(st.session_state.get(SLIDE_KEY, 0)), 0), len(charts) - 1)
        st.session_state[SLIDE_KEY] = index
        if SELECTION in st.session_state:  # the URL says which slide is shown
            st.session_state[SELECTION] = st.session_state[SELECTION].replace(present=True, slide=index)
        chart = charts[index]
        # theme=None: the figure's own (larger) type, not Streamlit's smaller axis labels
        st.html(f'<h2 class="present-title">{_escape(chart.title)}</h2>')
        with st.container(key=CHART_KEY, height=CHART_HEIGHT, border=False):
            st.plotly_chart(presentation_figure(chart), key=f"present_chart_{chart.key}",
                            config=PLOTLY_CONFIG, width="stretch", height="stretch", theme=None)
        made_on = t("made_on", lang, date=dt.date.today().isoformat())
        made_on = f'<span style="white-space: nowrap">{_escape(made_on)}</span>'  # the date is never split
        source = f"{_escape(chart.source_note)} · {made_on}" if chart.source_note else made_on
        st.html(f'<p class="present-source">{source}</p>')
        previous, counter, following, leave = st.columns([2, 3, 2, 2], vertical_alignment="center")
        previous.button(t("present_prev", lang), key="present_prev", on_click=_step, args=(-1,),
                        disabled=index == 0, icon=":material/arrow_back:", width="stretch")
        counter_text = t("present_counter", lang, n=index + 1, total=len(charts))
        counter.html(f'<p class="present-counter">{_escape(counter_text)}</p>')
        following.button(t("present_next", lang), key="present_next", on_click=_step, args=(1,),
                         disabled=index == len(charts) - 1, icon=":material/arrow_forward:",
                         icon_position="right", width="stretch", type="primary")
        leave.button(t("present_exit", lang), key="present_exit", on_click=_leave, icon=":material/close:",
                     width="stretch", help=t("present_keys", lang))


def _escape(text: str) -> str:
    return html.escape(text)


# --- page actions: the deck and the PDF -------------------------------------------------------

SLUG_OF = {module: slug for slug, module in PAGES.items()}


def _own_url() -> str:
    """This server as seen from itself (the PDF is printed from the app's own pages)."""
    address = st.get_option("server.address") or "127.0.0.1"
    if address in ("0.0.0.0", "::", "localhost"):
        address = "127.0.0.1"
    base = (st.get_option("server.baseUrlPath") or "").strip("/")
    return f"http://{address}:{st.get_option('server.port')}" + (f"/{base}" if base else "")


def page_actions(view_module, ctx: Context) -> None:
    """In the sidebar: the slide deck of chosen pages (PPTX) and this page as PDF, made on click."""
    slug = SLUG_OF.get(view_module)
    if slug is None:
        return
    lang, selection = ctx.lang, ctx.selection
    run = partial(queries.run, cached.connection())
    version = db.data_fingerprint(config.data_dir())
    with st.sidebar.popover(t("deck_popover", lang), icon=":material/slideshow:", width="stretch"):
        chosen = st.multiselect(t("deck_choose_pages", lang), options=list(PAGES), default=[slug],
                                key=f"deck_pages_{slug}",
                                format_func=lambda s: _page_title(s, lang))
        shared = slides.default_page_selection(selection)

        def deck() -> bytes:
            return slides.build_deck(run, shared, chosen or [slug], data_version=version,
                                     page_selections={slug: selection.replace(present=False, slide=0)})

        st.download_button(t("deck_button", lang), data=deck, file_name=f"regionstats-{slug}.pptx",
                           mime=slides.MIME, key="deck_download", on_click="ignore",
                           help=t("deck_help", lang),
                           icon=":material/download:", width="stretch", type="primary")
    if not images.available():
        st.sidebar.caption(images.ChromiumMissing.message(lang))
        return
    url = _own_url()

    def page_pdf() -> bytes:
        from regionstats.export import pdf
        from regionstats.views.registry import build_page

        expected = len(build_page(slug, run, selection).charts)
        return pdf.page_pdf(slug, selection, base_url=url, expected_charts=expected)

    st.sidebar.download_button(t("pdf_button", lang), data=page_pdf, file_name=f"regionstats-{slug}.pdf",
                               mime="application/pdf", key="pdf_download", on_click="ignore",
                               help=t("pdf_help", lang), icon=":material/picture_as_pdf:", width="stretch")


def _page_title(slug: str, lang: str) -> str:
    from regionstats.i18n import t as app_t

    return app_t(PAGES[slug].TITLE, lang)
