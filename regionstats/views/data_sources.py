"""Data och källor: the selection's data with sources, coverage, definitions and the source list."""

import pandas as pd
import plotly.graph_objects as go

from regionstats import charts
from regionstats.i18n import t
from regionstats.views import ChartView, Context, PageView, TableView
from regionstats.views import status_label

TITLE, INTRO = "page_data", "data_intro"
COVERAGE_CODES = {"value": 2, "missing": 1, "absent": 0}


def build(ctx: Context) -> PageView:
    return PageView(t(TITLE, ctx.lang), t(INTRO, ctx.lang), charts=[coverage_chart(ctx)],
                    tables=[data_table(ctx), definitions_table(ctx), sources_table(ctx)])


def selected_indicators(ctx: Context) -> list[str] | None:
    return [ctx.selection.indicator] if ctx.selection.indicator else None


def data_table(ctx: Context) -> TableView:
    lang, sel = ctx.lang, ctx.selection
    df = ctx.run("observations", indicators=selected_indicators(ctx), regions=list(sel.regions),
                 year_from=sel.year_from, year_to=sel.year_to)
    data = pd.DataFrame({
        t("region", lang): df[f"region_name_{lang}"],
        t("indicator", lang): df[f"indicator_name_{lang}"],
        t("year", lang): [p if isinstance(p, str) else str(y) for p, y in zip(df.period_label, df.year)],
        t("value", lang): [ctx.fmt(v, i, txt) for v, i, txt in zip(df.value, df.indicator_id, df.value_text)],
        t("unit", lang): df[f"unit_{lang}"],
        t("status", lang): [status_label(s, lang) for s in df.status],
        t("note", lang): [ctx.data_note(n) if isinstance(n, str) else "" for n in df.note],
        t("publisher", lang): df.publisher,
        t("link", lang): df.source_url,
    })
    return TableView("data", t("data_table_title", lang), data, links={t("link", lang): t("link", lang)})


def coverage_chart(ctx: Context) -> ChartView:
    lang = ctx.lang
    cov = ctx.run("coverage", regions=list(ctx.selection.regions), indicators=selected_indicators(ctx))
    latest = {i: ctx.year_for(i) for i in cov.indicator_id.unique()}
    cov = cov[[latest[i] == y for i, y in zip(cov.indicator_id, cov.year)]].copy()
    cov["column"] = [ctx.region_name(c) for c in cov.region_code]
    cov["row"] = [f"{ctx.indicator_name(i)} ({y})" for i, y in zip(cov.indicator_id, cov.year)]
    labels = {"value": t("coverage_value", lang), "missing": t("coverage_missing", lang),
              "absent": t("coverage_absent", lang)}
    cov["label"] = cov.coverage.map(labels)
    cov = cov.sort_values(["row"])
    rows = list(dict.fromkeys(cov.row))
    cols = [ctx.region_name(c) for c in ctx.selection.regions if ctx.region_name(c) in set(cov.column)]
    lookup = {(r.row, r.column): r for r in cov.itertuples()}
    z = [[COVERAGE_CODES[lookup[(r, c)].coverage] if (r, c) in lookup else 0 for c in cols] for r in rows]
    hover = [[(lookup[(r, c)].label + (f" – {ctx.data_note(lookup[(r, c)].note)}"
                                       if isinstance(lookup[(r, c)].note, str) else ""))
              if (r, c) in lookup else "" for c in cols] for r in rows]
    scale = [[0, "#F2F2F2"], [0.33, "#F2F2F2"], [0.34, charts.OUT_OF_TOP_FIVE], [0.66, charts.OUT_OF_TOP_FIVE],
             [0.67, charts.OTHER], [1, charts.OTHER]]
    figure = go.Figure(go.Heatmap(z=z, x=cols, y=rows, customdata=hover, colorscale=scale, zmin=0, zmax=2,
                                  showscale=False, xgap=2, ygap=2,
                                  hovertemplate="%{y} · %{x}<br>%{customdata}<extra></extra>"))
    for code, colour in ((2, charts.OTHER), (1, charts.OUT_OF_TOP_FIVE), (0, "#D9D9D9")):
        name = labels[{2: "value", 1: "missing", 0: "absent"}[code]]
        figure.add_trace(go.Scatter(x=[None], y=[None], mode="markers", name=name,
                                    marker={"symbol": "square", "size": 14, "color": colour}))
    figure.update_yaxes(autorange="reversed", tickvals=rows, ticktext=rows)
    # level column names (slanted ones ran into the title); many columns stand upright
    figure.update_xaxes(side="top", tickvals=cols, ticktext=cols, tickangle=0 if len(cols) <= 7 else -90)
    title = t("coverage_title", lang)
    figure = charts.style(figure, title, lang, height=max(360, 180 + 26 * len(rows)))
    figure.update_layout(margin={"t": 110 if len(cols) <= 7 else 190})
    return ChartView("coverage", title, figure, cov[["row", "column", "coverage", "status", "note"]], "", [], alt=title)


def definitions_table(ctx: Context) -> TableView:
    lang = ctx.lang
    ind = ctx.indicators
    data = pd.DataFrame({
        t("indicator", lang): ind[f"name_{lang}"],
        "id": ind.indicator_id,
        t("unit", lang): ind[f"unit_{lang}"],
        t("category", lang): [t(f"category_{c}", lang) for c in ind.category],
        t("definition", lang): ind[f"definition_{lang}"],
        t("convention", lang): ind[f"convention_{lang}"],
        t("years_available", lang): [", ".join(str(y) for y in ctx.years_of(i)) for i in ind.indicator_id],
    })
    return TableView("definitions", t("definitions_title", lang), data)


def sources_table(ctx: Context) -> TableView:
    lang = ctx.lang
    src = ctx.sources
    data = pd.DataFrame({
        t("publisher", lang): src.publisher,
        t("title", lang): src.title,
        t("link", lang): src.url,
        t("accessed", lang): src.accessed.astype(str),
        t("n_values", lang): src.n_observations.astype(int),
        "id": src.source_id,
    })
    return TableView("sources", t("sources_title", lang), data, links={t("link", lang): t("link", lang)})
