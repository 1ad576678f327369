"""Karta: a choropleth of the 21 regions for one indicator and year."""

from regionstats import charts
from regionstats.i18n import t
from regionstats.views import ChartView, Context, PageView, label_regions, with_all_regions

TITLE, INTRO = "page_map", "map_intro"
DEFAULT_INDICATOR = "rd_share_of_sweden_pct"


def indicator_options(ctx: Context) -> list[str]:
    """Indicators with values for at least three counties."""
    counties = ctx.regions[ctx.regions.kind == "county"].region_code.tolist()
    coverage = ctx.run("coverage", regions=counties)
    counts = coverage[coverage.coverage == "value"].groupby("indicator_id").region_code.nunique()
    return [i for i in ctx.indicators.indicator_id if counts.get(i, 0) >= 3]


def default_indicator(ctx: Context) -> str:
    options = indicator_options(ctx)
    return DEFAULT_INDICATOR if DEFAULT_INDICATOR in options else options[0]


def build(ctx: Context) -> PageView:
    options = indicator_options(ctx)
    indicator = ctx.selection.indicator if ctx.selection.indicator in options else default_indicator(ctx)
    view = map_chart(ctx, indicator)
    return PageView(t(TITLE, ctx.lang), t(INTRO, ctx.lang), charts=[view] if view else [],
                    notes=[] if view else [t("no_data", ctx.lang)])


def map_chart(ctx: Context, indicator: str) -> ChartView | None:
    year = ctx.year_for(indicator)
    if year is None:
        return None
    counties = ctx.regions[ctx.regions.kind == "county"].region_code.tolist()
    df = ctx.run("observations", indicators=[indicator], regions=counties, year_from=year, year_to=year)
    df = label_regions(ctx, with_all_regions(ctx, df, counties))
    df["value"] = df["value"].fillna(df["value_low"]) if "value_low" in df else df["value"]
    df["text"] = [ctx.fmt(v, indicator, txt) if v == v else (f"{t('missing', ctx.lang)}"
                  + (f" ({ctx.data_note(n)})" if isinstance(n, str) else "")) for v, txt, n in zip(df.value, df.value_text, df.note)]
    meta = ctx.indicator(indicator)
    title = t("map_title", ctx.lang, indicator=ctx.indicator_name(indicator), year=year)
    figure = charts.choropleth(df, value="value", code="region_code", label="label", text="text",
                               home=ctx.selection.home, lang=ctx.lang, title=title,
                               axis_title=meta[f"unit_{ctx.lang}"], decimals=int(meta.decimals),
                               reversed_scale=meta.direction == "lower")
    notes = ctx.missing_note(df, "value") + [t("map_credit", ctx.lang)]
    return ChartView(f"map_{indicator}", title, figure, df, ctx.source_note(df.source_id, [year]), notes, alt=title)
