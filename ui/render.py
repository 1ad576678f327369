"""Render a PageView with Streamlit: KPI cards, charts with their sources and notes, tables.

Every text a view hands over (titles and notes of sources, region and indicator names, values)
can come from data, a file or a URL, so it goes through ``plain`` before any Streamlit element
that reads markdown: such text is shown as text, never as a link, image, colour or formula.
"""

import html
import re
import threading
import weakref
from collections import OrderedDict
from dataclasses import replace

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from regionstats import chartspec, charts, formatting
from regionstats.i18n import t
from regionstats.views import ChartView, PageView, TableView
from ui import exports

# marks that open markup anywhere in a line: links and images ([, ], !), emphasis, code, HTML,
# math, tables, strikethrough, entities, and Streamlit's :red[...] directives
_INLINE_MARKUP = re.compile(r"([\\`*_\[\]<>$~|&])")
# marks that open markup at the start of a line: headings, quotes, lists, setext underlines
_LINE_MARKUP = re.compile(r"(?m)^(\s*)([#>+=-]|\d+(?=[.)]))")
# autolinks, :material/icons: and :emoji: are found in the text after escapes are resolved:
# a word joiner (invisible, U+2060) after "www" and ":", and before "@", keeps them from forming
_AUTOLINK_STARTS = re.compile(r"(?i)(www)(?=\.)|(?<=:)(?=//|[A-Za-z])|(?=@)")
WORD_JOINER = "\u2060"
_SAFE_LINK = re.compile(r"(?i)^https?://\S+$")


def plain(text) -> str:
    """Text from data, files or URLs, made safe for st.markdown/caption/info/metric: shown as is.

    Backslash escapes keep every markup mark literal; numbers and ordinary punctuation
    (1 715 kr, 5,4 %, 2015–19) are left alone so the text reads the same in tests and logs.
    """
    if text is None:
        return ""
    text = _AUTOLINK_STARTS.sub(lambda m: (m.group(1) or "") + WORD_JOINER, str(text))
    text = _INLINE_MARKUP.sub(r"\\\1", text)
    return _LINE_MARKUP.sub(_escape_line_start, text)


def _escape_line_start(match) -> str:
    indent, mark = match.group(1), match.group(2)
    if mark.isdigit():  # "1." or "1)" would start a numbered list: escape the mark after the digits
        return indent + mark + "\\"
    return indent + "\\" + mark


def view_without_links(view: PageView) -> PageView:
    """The page's chart specifications with every link tag in their texts shown as text, before any renderer
    draws them (the page, presentation mode and downloads)."""
    charts_ = [replace(c, spec=chartspec.without_links(c.spec)) for c in view.charts]
    return replace(view, charts=charts_)


def page_view(view: PageView) -> PageView:
    """What a page draws: the view without links (``view_without_links``), its charts' figures drawn. Run
    inside the view cache, so the drawing is done once per view, also when a published warehouse's views are
    built before it is served (regionstats/cached.py), and never in a visitor's rerun."""
    shown = view_without_links(view)
    for chart_view in shown.charts:
        figure(chart_view)
    return shown


class SentFigure(go.Figure):
    """A drawn, shared figure whose dict is made once: ``st.plotly_chart`` asks for ``to_dict()`` (a deep copy
    of every trace, three quarters of its serialising) on every rerun that shows the chart."""

    def to_dict(self):
        made = self.__dict__.get("_made_dict")
        if made is None:
            made = self.__dict__["_made_dict"] = super().to_dict()
        return made


_drawn: dict = {}  # id(spec) -> (a weak reference to the spec, its figure)
_by_content: OrderedDict = OrderedDict()  # repr(spec) -> its figure: identical charts drawn once
SAME_CHARTS = 256  # figures kept by content
_lock = threading.Lock()


def figure(view: ChartView) -> go.Figure:
    """The chart's Plotly figure, drawn on first ask and kept while its spec lives (the views are cached and
    shared, so a rerun draws nothing again); a spec equal to one drawn before (another home region's view with
    the same chart, the same chart of a new data version) gets that figure. Shared: copy it before changing
    it."""
    key = id(view.spec)
    held = _drawn.get(key)
    if held is not None and held[0]() is view.spec:
        return held[1]
    content = repr(view.spec)  # the dataclasses' repr names every field, nested
    with _lock:
        drawn = _by_content.get(content)
        if drawn is not None:
            _by_content.move_to_end(content)
    if drawn is None:
        drawn = charts.figure(view.spec)
        drawn.__class__ = SentFigure  # a go.Figure with nothing added but the kept dict
        with _lock:
            _by_content[content] = drawn
            while len(_by_content) > SAME_CHARTS:
                _by_content.popitem(last=False)
    _drawn[key] = (weakref.ref(view.spec, lambda _, key=key: _drawn.pop(key, None)), drawn)
    return drawn


def safe_link(url):
    """An http(s) address from data, or None: no other scheme (javascript:, data:) becomes a link."""
    return url if isinstance(url, str) and _SAFE_LINK.match(url.strip()) else None


PLOTLY_CONFIG = {"displaylogo": False, "toImageButtonOptions": {"format": "png", "scale": 2, "width": 1600,
                                                                 "height": 900}}


def header(title: str, intro: str = "") -> None:
    st.title(plain(title))
    if intro:
        st.caption(plain(intro))


def body(view: PageView, lang: str, segments: list | None = None) -> None:
    """Render the view; charts go into the segment of the last control anchored at or before them."""
    segments = segments or [("", st.container())]
    with segments[0][1]:
        for note in view.notes:
            st.info(plain(note))
        if view.kpis:
            kpis(view.kpis)
        for table_view in view.lead_tables:
            table(table_view, lang)
    box = segments[0][1]
    for chart_view in view.charts:
        box = next((b for anchor, b in segments[1:] if anchor and chart_view.key.startswith(anchor)), box)
        with box:
            chart(chart_view, lang)
    with box:
        for table_view in view.tables:
            table(table_view, lang)


def delta_style(delta: str | None, delta_color: str) -> tuple[str, str]:
    """st.metric's arrow and colour from the sign the delta shows. Streamlit takes only an ASCII "-" as
    negative, and the app writes a minus sign ("−12 kr"), so both are given, never left to Streamlit."""
    sign = formatting.sign_of(delta)
    if sign == 0:
        return "off", "gray"
    good = sign > 0 if delta_color == "normal" else sign < 0
    colour = "gray" if delta_color == "off" else ("green" if good else "red")
    return ("up" if sign > 0 else "down"), colour


def kpis(cards: list) -> None:
    for column, card in zip(st.columns(len(cards)), cards):
        with column:
            arrow, colour = delta_style(card.delta, card.delta_color)
            st.metric(plain(card.label), plain(card.value), delta=card.delta, delta_arrow=arrow,
                      help=plain(card.help) if card.help else None, delta_color=colour, border=True)
            if card.caption:
                st.caption(plain(card.caption))


def chart(view: ChartView, lang: str) -> None:
    # the key gives the box a class (st-key-chartbox_…) the PDF keeps on one sheet with its notes
    with st.container(border=True, key=f"chartbox_{view.key}"):
        st.plotly_chart(figure(view), key=f"chart_{view.key}", config=PLOTLY_CONFIG, width="stretch")
        if view.source_note:
            st.caption(plain(view.source_note))
        for note in view.notes:
            st.caption(plain(note))
        exports.chart_downloads(view, lang)
        # the data grid is made when the expander is opened: one per chart on every rerun was a tenth of
        # a rerun's CPU and a grid for a fresh tab to draw before anyone asked for it
        rows = st.expander(t("show_query", lang), key=f"query_open_{view.key}", on_change="rerun")
        if rows.open:
            with rows:
                st.dataframe(view.data, hide_index=True, width="stretch")


def table(view: TableView, lang: str) -> None:
    st.subheader(plain(view.title))
    config = {column: st.column_config.LinkColumn(label) for column, label in view.links.items()}
    data = view.data
    if view.links:
        data = data.copy()
        for column in view.links:
            if column in data:
                data[column] = [safe_link(url) for url in data[column]]
    st.dataframe(data, hide_index=True, width="stretch", column_config=config)
    st.html(printed_table(view.data, lang))
    if view.source_note:
        st.caption(plain(view.source_note))
    for note in view.notes:
        st.caption(plain(note))
    exports.table_downloads(view, lang)


PRINT_ROWS = 40
# The interactive table is a canvas cut to its box (columns scroll, rows scroll): a printed page gets a
# plain copy instead, hidden on screen; the PDF's print CSS (export/pdf.py) swaps the two.
PRINTED_TABLE_CSS = (
    "<style>.printed-table { display: none; }"
    '[data-testid="stElementContainer"]:has(> [data-testid="stHtml"] > .printed-table) { display: none; }'
    "</style>"
)


def printed_table(frame: pd.DataFrame, lang: str, rows: int = PRINT_ROWS) -> str:
    """The table as static HTML for print, every cell escaped as text; a long table in part, saying so."""
    def cell(value) -> str:
        if formatting.is_missing(value):
            return ""
        if isinstance(value, (int, float, np.integer, np.floating)) and not isinstance(value, bool):
            return formatting.number(value, 0 if float(value).is_integer() else 2, lang)
        return str(value)

    shown = frame.head(rows)
    head = "".join(f"<th>{html.escape(str(column))}</th>" for column in shown.columns)
    body = "".join("<tr>" + "".join(f"<td>{html.escape(cell(v))}</td>" for v in row) + "</tr>"
                   for row in shown.itertuples(index=False, name=None))
    more = (f'<p class="printed-more">{html.escape(t("print_rows_shown", lang, shown=rows, total=len(frame)))}</p>'
            if len(frame) > rows else "")
    return (f'{PRINTED_TABLE_CSS}<div class="printed-table"><table><thead><tr>{head}</tr></thead>'
            f"<tbody>{body}</tbody></table>{more}</div>")
