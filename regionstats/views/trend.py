"""Utveckling över tid: any indicator over the chosen years, indexed to a base year or absolute.

It opens indexed (first year = 100) on business R&D spending: as absolute amounts, Riket (the sum of
all regions) would flatten every region's line to the bottom of the chart.
"""

from regionstats import formatting, specs
from regionstats.chartspec import Break
from regionstats.i18n import column, pick, t
from regionstats.views import ChartView, Context, PageView, composed, label_regions, marked, status_notes

TITLE, INTRO = "page_trend", "trend_intro"
DEFAULT_INDICATOR = "rd_business_msek"
DEFAULT_MODE = "index"


def indicator_options(ctx: Context) -> list[str]:
    """Indicators with values in at least two years (one-year indicators make no line)."""
    return [i for i in ctx.indicators.indicator_id if len(ctx.years_of(i)) >= 2]


def default_indicator(ctx: Context) -> str:
    options = indicator_options(ctx)
    return DEFAULT_INDICATOR if DEFAULT_INDICATOR in options else options[0]


def chosen_indicator(ctx: Context) -> str:
    options = indicator_options(ctx)
    return ctx.selection.indicator if ctx.selection.indicator in options else default_indicator(ctx)


def base_years(ctx: Context) -> list[int]:
    """The years the series can be indexed to: the indicator's years within the chosen period."""
    sel = ctx.selection
    years = ctx.years_of(chosen_indicator(ctx))
    if sel.year_to is not None:
        years = [y for y in years if sel.year_from <= y <= sel.year_to] or years
    return years


def chosen_mode(ctx: Context) -> tuple[str, int | None]:
    """('index', base year) or ('absolute', None): the page's default is indexed to the first year."""
    sel = ctx.selection
    mode = sel.mode or DEFAULT_MODE
    if mode != "index":
        return "absolute", None
    years = base_years(ctx)
    base = sel.base_year if sel.base_year in years else (years[0] if years else None)
    return ("index", base) if base is not None else ("absolute", None)


def build(ctx: Context) -> PageView:
    view = trend_chart(ctx, chosen_indicator(ctx))
    if view is None:
        return PageView(t(TITLE, ctx.lang), t(INTRO, ctx.lang), notes=[t("no_data", ctx.lang)])
    return PageView(t(TITLE, ctx.lang), t(INTRO, ctx.lang), charts=[view])


def trend_chart(ctx: Context, indicator: str) -> ChartView | None:
    sel = ctx.selection
    mode, base_year = chosen_mode(ctx)
    indexed = mode == "index"
    df = ctx.run("trend", indicator=indicator, regions=list(sel.regions), year_from=sel.year_from,
                 year_to=sel.year_to, base_year=base_year, compose=sel.compose)
    composed_notes = composed.notes(ctx, df, indicator)
    if "composed_reason" in df:  # nothing to draw for an indicator a composed region cannot have
        df = df[df.composed_reason.ne("not_composable") | df.composed_reason.isna()]
    if df.empty:
        return None
    df = label_regions(ctx, df)
    meta = ctx.indicator(indicator)
    value = "index_value" if indexed else "value"
    df["text"] = [marked(charts_text(ctx, indicator, r, indexed), r.status) for r in df.itertuples()]
    years = sorted(df.year.unique())
    span = formatting.span(years)
    name = ctx.indicator_name(indicator)
    title = (t("trend_index_title", ctx.lang, indicator=name, base=base_year, years=span) if indexed
             else t("trend_title", ctx.lang, indicator=name, years=span))
    axis = t("index_unit", ctx.lang, year=base_year) if indexed else ctx.indicator_text(indicator, "unit")
    spec = specs.lines_over_time(df, value=value, code="region_code", label="label", text="text",
                                  home=sel.home, lang=ctx.lang, title=title, axis_title=axis,
                                  decimals=1 if indexed else int(meta.decimals),
                                  reversed_axis=meta.unit == "rank" and not indexed, status="status")
    spec.breaks = series_breaks(ctx, df)
    notes = [ctx.indicator_text(indicator, "convention")] + break_notes(ctx, df)
    if len(years) == 1:
        notes.append(t("trend_single_year", ctx.lang))
    absent = [ctx.region_name(r) for r in sel.regions if r not in set(df.region_code)]
    if absent:
        notes.append(t("missing_for", ctx.lang, regions=", ".join(absent)))
    if indexed:
        no_base = sorted(set(df[df.base_value.isna()].label))
        if no_base:
            notes.append(t("missing_for", ctx.lang, regions=", ".join(no_base)) + f" ({t('base_year', ctx.lang)} {base_year})")
    notes += composed_notes
    marks = status_notes(ctx, df)
    return ChartView(f"trend_{indicator}", title, spec, df, ctx.source_note(df.source_id, df.year), notes + marks,
                     status_notes=marks)


def charts_text(ctx: Context, indicator: str, row, indexed: bool) -> str:
    value = ctx.fmt(row.value, indicator, row.value_text)
    if indexed and not formatting.is_missing(row.index_value):
        return f"{formatting.number(row.index_value, 1, ctx.lang)} ({value})"
    return value


def series_breaks(ctx: Context, df) -> list[Break]:
    """One dotted line per break position that trend.sql puts between two drawn years (a border or method change),
    its label the breaks' own words joined."""
    if "break_x" not in df:
        return []
    rows = df[df.break_x.notna()]
    return [Break(float(x), "; ".join(dict.fromkeys(group[column("break_label", ctx.lang)])))
            for x, group in rows.groupby("break_x", sort=True)]


def break_notes(ctx: Context, df) -> list[str]:
    """'Brott i serien (prickad linje): Uppsala 2005–2006: Heby kommun till Uppsala län; …'"""
    if "break_x" not in df:
        return []
    rows = df[df.break_x.notna()]
    items = [f"{r.label} {int(r.break_x)}–{int(r.break_x) + 1}: {pick(r, 'break_label', ctx.lang)}"
             for r in rows.itertuples()]
    return [t("series_break_note", ctx.lang, items="; ".join(items))] if items else []
