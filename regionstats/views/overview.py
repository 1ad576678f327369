"""Översikt: KPI cards for the home region and the top-five matrix."""

import pandas as pd

from regionstats import charts, formatting
from regionstats.i18n import t
from regionstats.views import ChartView, Context, Kpi, PageView

TITLE, INTRO = "page_overview", "overview_intro"
RANK_INDICATOR = "ls_region_rank_tillvaxtverket"
FUNDING_INDICATOR = "appropriation_research_msek"
# context or duplicates, not performance: kept out of the matrix
NOT_IN_MATRIX = {"population", "appropriation_research_sek_per_capita_published", "publications_clinical_share_pct"}


def build(ctx: Context) -> PageView:
    gaps = county_gaps(ctx)
    kpis = [rank_kpi(ctx), per_capita_kpi(ctx), citation_kpi(ctx), top_five_kpi(ctx, gaps)]
    return PageView(t(TITLE, ctx.lang), t(INTRO, ctx.lang), kpis=[k for k in kpis if k is not None],
                    charts=[matrix_chart(ctx, gaps)])


def county_gaps(ctx: Context) -> pd.DataFrame:
    """top_five_gap over all regions, kept at each indicator's chosen year, counties only."""
    gaps = ctx.run("top_five_gap")
    gaps = gaps[(gaps.region_kind == "county") & ~gaps.indicator_id.isin(NOT_IN_MATRIX)]
    chosen = {i: ctx.year_for(i) for i in gaps.indicator_id.unique()}
    return gaps[[chosen[i] == y for i, y in zip(gaps.indicator_id, gaps.year)]]


def rank_kpi(ctx: Context) -> Kpi | None:
    year = ctx.year_for(RANK_INDICATOR)
    if year is None:
        return None
    df = ctx.run("top_five_gap", indicator=RANK_INDICATOR, year=year)
    df = df[df.region_kind == "county"]
    row = df[df.region_code == ctx.selection.home]
    label = t("kpi_rank", ctx.lang)
    if row.empty or formatting.is_missing(row["rank"].iloc[0]):
        return Kpi(label, t("missing", ctx.lang))
    rank, n = int(row["rank"].iloc[0]), int(df["rank"].notna().sum())
    return Kpi(label, f"{rank}", caption=t("kpi_rank_caption", ctx.lang, rank=rank, n=n, year=year),
               help=ctx.indicator(RANK_INDICATOR)[f"definition_{ctx.lang}"])


def per_capita_kpi(ctx: Context) -> Kpi | None:
    years = [y for y in ctx.years_of(FUNDING_INDICATOR) if y <= (ctx.year_for(FUNDING_INDICATOR) or 0)]
    if not years:
        return None
    home = ctx.selection.home
    df = ctx.run("per_capita", indicator=FUNDING_INDICATOR, regions=[home, "00"])
    value_of = {(r.region_code, r.year): r.per_capita for r in df.itertuples()}
    latest, previous = years[-1], (years[-2] if len(years) > 1 else None)
    value = value_of.get((home, latest))
    delta = None
    if previous is not None and not formatting.is_missing(value_of.get((home, previous))):
        change = value - value_of[(home, previous)]
        delta = formatting.signed(change, "sek_per_capita", 0, ctx.lang) + " " + t("previous", ctx.lang, year=previous)
    riket = formatting.value(value_of.get(("00", latest)), "sek_per_capita", 0, ctx.lang)
    return Kpi(t("kpi_per_capita", ctx.lang), formatting.value(value, "sek_per_capita", 0, ctx.lang),
               delta=delta, caption=f"{latest} · " + t("riket_value", ctx.lang, value=riket) + (
                   "" if delta else " · " + t("no_previous", ctx.lang)),
               help=t("per_capita_formula", ctx.lang, indicator=ctx.indicator_name(FUNDING_INDICATOR),
                      population_year=latest - 1))


def citation_kpi(ctx: Context) -> Kpi | None:
    df = ctx.run("citations", regions=[ctx.selection.home, "00"])
    if ctx.selection.year_to is not None:
        df = df[df.year <= ctx.selection.year_to]
    home = df[df.region_code == ctx.selection.home].sort_values("year")
    if home.empty:
        return None
    latest = home.iloc[-1]
    riket = df[(df.region_code == "00") & (df.year == latest.year)]
    riket_text = formatting.value(riket.citation_avg.iloc[0] if len(riket) else None, "percent", 0, ctx.lang)
    delta = None
    if len(home) > 1:
        delta = formatting.signed(latest.citation_avg - home.iloc[-2].citation_avg, "percent", 0, ctx.lang)
    caption = (f"{latest.period_label or latest.year} · " + t("riket_value", ctx.lang, value=riket_text)
               + " · " + t("world_average", ctx.lang))
    return Kpi(t("kpi_citations", ctx.lang),
               formatting.value(latest.citation_avg, "percent", 0, ctx.lang), delta=delta, caption=caption,
               help=ctx.indicator("citation_avg_clinical_pct")[f"definition_{ctx.lang}"])


def top_five_kpi(ctx: Context, gaps: pd.DataFrame) -> Kpi:
    home = gaps[(gaps.region_code == ctx.selection.home) & gaps.in_top_five.notna()]
    n_in, total = int(home.in_top_five.astype(bool).sum()), len(home)
    return Kpi(t("kpi_top_five", ctx.lang), t("kpi_top_five_value", ctx.lang, n=n_in, total=total),
               caption=t("kpi_top_five_caption", ctx.lang, total=total))


def matrix_cells(ctx: Context, gaps: pd.DataFrame) -> pd.DataFrame:
    """One row per region × indicator with the cell text and the hover text."""
    chosen = gaps[gaps.region_code.isin(ctx.selection.counties)].copy()
    grid = pd.MultiIndex.from_product([chosen.indicator_id.unique(), ctx.selection.counties],
                                      names=["indicator_id", "region_code"]).to_frame(index=False)
    years = chosen.groupby("indicator_id").year.first()
    chosen = grid.merge(chosen, on=["indicator_id", "region_code"], how="left")
    chosen["year"] = chosen.indicator_id.map(years)
    chosen["column"] = [ctx.region_name(c) for c in chosen.region_code]
    chosen["row"] = [f"{ctx.indicator_name(i)} ({y})" for i, y in zip(chosen.indicator_id, chosen.year)]
    chosen["cell"] = [t("missing", ctx.lang) if formatting.is_missing(r) else str(int(r)) for r in chosen["rank"]]
    chosen["hover"] = [cell_hover(ctx, r) for r in chosen.itertuples()]
    order = {code: i for i, code in enumerate(ctx.selection.counties)}
    chosen["region_order"] = chosen.region_code.map(order)
    chosen["category"] = [ctx.indicator(i)["category"] for i in chosen.indicator_id]
    determined = chosen.groupby("indicator_id").in_top_five.apply(lambda s: s.notna().any())
    chosen["undetermined"] = ~chosen.indicator_id.map(determined).astype(bool)
    return chosen.sort_values(["undetermined", "category", "indicator_id", "region_order"])


def cell_hover(ctx: Context, row) -> str:
    lang = ctx.lang
    value = ctx.fmt(row.value, row.indicator_id, row.value_text if isinstance(row.value_text, str) else None)
    if formatting.is_missing(row.rank):
        return f"{row.year}: {value}"
    if formatting.is_missing(row.fifth_value):
        gap = t("undetermined", lang)
    elif row.unit == "rank":
        gap = t("in_top_five_hover", lang) if row.in_top_five else t("gap_places", lang, gap=int(row.gap))
        return t("cell_hover_published", lang, year=row.year, value=value, gap=gap)
    else:
        fifth = ctx.fmt(row.fifth_value, row.indicator_id)
        gap_text = ctx.fmt(abs(row.gap), row.indicator_id)
        holder = getattr(row, f"fifth_region_{lang}")
        gap = t("in_top_five_hover", lang) if row.in_top_five else t(
            "gap_value", lang, gap=gap_text, fifth=fifth, holder=holder)
    return t("cell_hover", lang, year=row.year, value=value, rank=int(row.rank), n=int(row.n_ranked), gap=gap)


def matrix_chart(ctx: Context, gaps: pd.DataFrame) -> ChartView:
    cells = matrix_cells(ctx, gaps)
    title = t("matrix_title", ctx.lang)
    legend = {2: t("in_top_five", ctx.lang), 1: t("out_of_top_five", ctx.lang), 0: t("undetermined", ctx.lang)}
    columns = [ctx.region_name(c) for c in ctx.selection.counties]
    figure = charts.top_five_matrix(cells, lang=ctx.lang, title=title, legend=legend, columns=columns,
                                    bold_column=ctx.region_name(ctx.selection.home))
    data = cells[["row", "column", "year", "value_text", "rank", "n_ranked", "fifth_value", "gap", "in_top_five"]]
    return ChartView("top_five_matrix", title, figure, data, ctx.source_note(cells.source_id, cells.year),
                     [t("matrix_note", ctx.lang)], alt=title)
