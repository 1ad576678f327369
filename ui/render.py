"""Render a PageView with Streamlit: KPI cards, charts with their sources and notes, tables."""

import io

import pandas as pd
import streamlit as st

from regionstats.i18n import t
from regionstats.views import ChartView, PageView, TableView
from ui import exports

PLOTLY_CONFIG = {"displaylogo": False, "toImageButtonOptions": {"format": "png", "scale": 2, "width": 1600,
                                                                 "height": 900}}


def header(title: str, intro: str = "") -> None:
    st.title(title)
    if intro:
        st.caption(intro)


def body(view: PageView, lang: str, segments: list | None = None) -> None:
    """Render the view; charts go into the segment of the last control anchored at or before them."""
    segments = segments or [("", st.container())]
    with segments[0][1]:
        for note in view.notes:
            st.info(note)
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


def kpis(cards: list) -> None:
    for column, card in zip(st.columns(len(cards)), cards):
        with column:
            st.metric(card.label, card.value, delta=card.delta, help=card.help or None,
                      delta_color=card.delta_color, border=True)
            if card.caption:
                st.caption(card.caption)


def chart(view: ChartView, lang: str) -> None:
    with st.container(border=True):
        st.plotly_chart(view.figure, key=f"chart_{view.key}", config=PLOTLY_CONFIG, width="stretch")
        if view.source_note:
            st.caption(view.source_note)
        for note in view.notes:
            st.caption(note)
        exports.chart_downloads(view, lang)
        with st.expander(t("show_query", lang)):
            st.dataframe(view.data, hide_index=True, width="stretch")


def table(view: TableView, lang: str) -> None:
    st.subheader(view.title)
    config = {column: st.column_config.LinkColumn(label) for column, label in view.links.items()}
    st.dataframe(view.data, hide_index=True, width="stretch", column_config=config)
    if view.source_note:
        st.caption(view.source_note)
    for note in view.notes:
        st.caption(note)
    exports.table_downloads(view, lang)


def csv_download(frame: pd.DataFrame, key: str, lang: str) -> None:
    buffer = io.StringIO()
    frame.to_csv(buffer, index=False)
    st.download_button(t("download_csv", lang), data=("\ufeff" + buffer.getvalue()).encode("utf-8"),
                       file_name=f"{key}.csv", mime="text/csv", key=f"csv_{key}")
