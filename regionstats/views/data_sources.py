"""Data och källor: the selection's data with sources, coverage, definitions and the source list."""

import pandas as pd

from regionstats import formatting, specs
from regionstats.i18n import column, t
from regionstats.views import ChartView, Context, PageView, TableView
from regionstats.views import status_label

TITLE, INTRO = "page_data", "data_intro"
COVERAGE_CODES = {"value": 2, "missing": 1, "absent": 0}


def build(ctx: Context) -> PageView:
    return PageView(t(TITLE, ctx.lang), t(INTRO, ctx.lang), charts=[coverage_chart(ctx)],
                    tables=[data_table(ctx), definitions_table(ctx), sources_table(ctx)])


def selected_indicators(ctx: Context) -> list[str] | None:
    return [ctx.selection.indicator] if ctx.selection.indicator else None


TABLE_ROWS = 1000  # rows sent to the browser; the downloads hold the whole selection
MATRIX_INDICATORS = 150  # rows of the coverage matrix without a chosen indicator


def data_table(ctx: Context) -> TableView:
    lang, sel = ctx.lang, ctx.selection
    params = dict(indicators=selected_indicators(ctx), regions=list(sel.regions), year_from=sel.year_from,
                  year_to=sel.year_to)
    df = ctx.run("observations", limit=TABLE_ROWS, **params)
    total = int(df.n_total.iloc[0]) if len(df) else 0
    notes = []
    if total > len(df):
        notes.append(t("data_table_limited", lang, shown=formatting.number(len(df), 0, lang),
                       total=formatting.number(total, 0, lang)))
    return TableView("data", t("data_table_title", lang), data_frame(ctx, df), notes=notes,
                     links={t("link", lang): t("link", lang)},
                     download=(lambda: data_frame(ctx, ctx.run("observations", **params))) if notes else None)


def data_frame(ctx: Context, df: pd.DataFrame) -> pd.DataFrame:
    """The data table's columns, formatted in the user's language."""
    lang = ctx.lang
    return pd.DataFrame({
        t("region", lang): df[column("region_name", lang)],
        t("indicator", lang): df[column("indicator_name", lang)],
        t("year", lang): [p if isinstance(p, str) else str(y) for p, y in zip(df.period_label, df.year)],
        t("value", lang): ctx.fmt_many(df.value, df.indicator_id, df.value_text),
        t("unit", lang): df[column("unit", lang)],
        t("status", lang): [status_label(s, lang) for s in df.status],
        t("note", lang): [ctx.data_note(n) if isinstance(n, str) else "" for n in df.note],
        t("publisher", lang): df.publisher,
        t("link", lang): df.source_url,
    })


def coverage_chart(ctx: Context) -> ChartView:
    lang, sel = ctx.lang, ctx.selection
    # each indicator at the year the pages show it, chosen in SQL
    # (the first MATRIX_INDICATORS by id, n_indicators counting them all)
    cov = ctx.run("coverage", regions=list(sel.regions), indicators=selected_indicators(ctx), latest=True,
                  year_from=sel.year_from, year_to=sel.year_to, indicator_limit=MATRIX_INDICATORS)
    notes = []
    total = int(cov.n_indicators.iloc[0]) if len(cov) else 0
    if total > MATRIX_INDICATORS:
        notes.append(t("coverage_limited", lang, shown=MATRIX_INDICATORS,
                       total=formatting.number(total, 0, lang)))
    cov = cov.copy()
    names = ctx._region_names
    cov["column"] = cov.region_code.map(names).fillna(cov.region_code)
    indicator_names = cov.indicator_id.map(ctx._indicator_names)
    cov["row"] = indicator_names + " (" + cov.year.astype(str) + ")"
    labels = {"value": t("coverage_value", lang), "missing": t("coverage_missing", lang),
              "absent": t("coverage_absent", lang)}
    cov["label"] = cov.coverage.map(labels)
    cov = cov.sort_values(["row"])
    rows = list(dict.fromkeys(cov.row))
    present = set(cov.column)
    cols = [names.get(c, c) for c in sel.regions if names.get(c, c) in present]
    hover_text = cov.label + cov.note.map(lambda n: f" – {ctx.data_note(n)}" if isinstance(n, str) else "")
    grid = pd.DataFrame({"row": cov.row, "column": cov.column, "z": cov.coverage.map(COVERAGE_CODES),
                         "hover": hover_text}).drop_duplicates(["row", "column"])
    def matrix(values, missing):
        wide = grid.pivot(index="row", columns="column", values=values)
        return wide.reindex(index=rows, columns=cols).fillna(missing)

    z, hover = matrix("z", 0), matrix("hover", "")
    z, hover = z.astype(int).values.tolist(), hover.values.tolist()
    title = t("coverage_title", lang)
    legend = {2: labels["value"], 1: labels["missing"], 0: labels["absent"]}
    spec = specs.coverage_matrix(z, hover, rows=rows, cols=cols, legend=legend, lang=lang, title=title)
    data = cov[["row", "column", "coverage", "status", "note"]].assign(note=cov.note.map(ctx.data_note))
    return ChartView("coverage", title, spec, data, "", notes)


def definitions_table(ctx: Context) -> TableView:
    lang = ctx.lang
    ind = ctx.indicators
    data = pd.DataFrame({
        t("indicator", lang): ind[column("name", lang)],
        "id": ind.indicator_id,
        t("unit", lang): ind[column("unit", lang)],
        t("category", lang): [t(f"category_{c}", lang) for c in ind.category],
        t("definition", lang): ind[column("definition", lang)],
        t("convention", lang): ind[column("convention", lang)],
        t("years_available", lang): [", ".join(map(str, ctx.years_of(i))) for i in ind.indicator_id],
    })
    return TableView("definitions", t("definitions_title", lang), data)


def sources_table(ctx: Context) -> TableView:
    lang = ctx.lang
    src = ctx.sources
    data = pd.DataFrame({
        t("publisher", lang): src.publisher,
        t("title", lang): [ctx.source_title(s) for s in src.source_id],
        t("source_language", lang): [t(f"source_language_{x}" if isinstance(x, str) and x else
                                       "source_language_unknown", lang) for x in src.language],
        t("link", lang): src.url,
        t("accessed", lang): src.accessed.astype(str),
        t("n_values", lang): src.n_observations.astype(int),
        "id": src.source_id,
    })
    return TableView("sources", t("sources_title", lang), data, links={t("link", lang): t("link", lang)})
