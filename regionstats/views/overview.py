"""Översikt: KPI cards for the home region and the top-five matrix."""

import pandas as pd

from regionstats import formatting, specs
from regionstats.i18n import pick, t
from regionstats.views import (ChartView, Context, Kpi, PageView, marked, place_text, status_label, status_mark,
                               status_notes, verdict_text)

TITLE, INTRO = "page_overview", "overview_intro"
RANK_INDICATOR = "ls_region_rank_tillvaxtverket"
FUNDING_INDICATOR = "appropriation_research_msek"
CITATION_INDICATOR = "citation_avg_clinical_pct"
# context or duplicates, not performance: kept out of the matrix
NOT_IN_MATRIX = {"population", "appropriation_research_sek_per_capita_published", "publications_clinical_share_pct"}
# Indicator rows the matrix draws: with a decisive verdict for a chosen county (False), and under their own
# heading those without (True). A matrix of 1 600 rows cannot be read; the rest are counted in a note, and
# the key cards' and the strategies' goal indicators are drawn first.
MATRIX_ROWS = {False: 40, True: 15}


def build(ctx: Context) -> PageView:
    gaps = county_gaps(ctx)
    kpis = [rank_kpi(ctx), per_capita_kpi(ctx), citation_kpi(ctx), top_five_kpi(ctx, gaps)]
    return PageView(t(TITLE, ctx.lang), t(INTRO, ctx.lang), kpis=[k for k in kpis if k is not None],
                    charts=[matrix_chart(ctx, gaps)])


def county_gaps(ctx: Context) -> pd.DataFrame:
    """The chosen counties and the home region, each ranked among all counties (the ranks are the warehouse's),
    at each indicator's latest year within the chosen period: the rows the matrix, the top-five card and Topp
    fem's table of gaps draw. The chosen counties' answer is shared by every home among them; a home outside
    them is asked for alone (at ten million observations every county's rows were 333 000)."""
    period = dict(level="county", latest=True, year_from=ctx.selection.year_from, year_to=ctx.selection.year_to)
    counties = list(ctx.selection.counties)
    gaps = ctx.run("top_five_gap", regions=counties, **period)
    if ctx.selection.home not in counties:
        home = ctx.run("top_five_gap", regions=[ctx.selection.home], **period)
        gaps = home if gaps.empty else pd.concat([gaps, home], ignore_index=True)
    return gaps[~gaps.indicator_id.isin(NOT_IN_MATRIX)]


# The key cards ask for every county (a few rows) and pick the home region's: one cached answer for every
# home, where asking for the home alone cost a query per new home (70-300 ms each at a million observations).
def rank_kpi(ctx: Context) -> Kpi | None:
    counties = ctx.run("top_five_gap", indicator=RANK_INDICATOR, level="county", latest=True,
                       year_from=ctx.selection.year_from, year_to=ctx.selection.year_to)
    if counties.empty:
        return None
    df = counties[counties.region_code == ctx.selection.home]
    label = t("kpi_rank", ctx.lang)
    if df.empty or formatting.is_missing(df["rank"].iloc[0]):
        return Kpi(label, t("missing", ctx.lang))
    row = df.iloc[0]
    labelled = df.assign(label=[ctx.region_name(c) for c in df.region_code])
    caption = t("kpi_rank_caption_published", ctx.lang, year=int(row.year), place=place_text(ctx, row))
    return Kpi(label, marked(f"{int(row['rank'])}", row.status),
               caption=" · ".join([caption] + status_notes(ctx, labelled, reasons=False)),
               help="\n\n".join([ctx.indicator_text(RANK_INDICATOR, "definition")] + status_notes(ctx, labelled)))


def per_capita_kpi(ctx: Context) -> Kpi | None:
    shown_year = ctx.per_capita_year_for(FUNDING_INDICATOR)
    home = ctx.selection.home
    df = ctx.run("per_capita", indicator=FUNDING_INDICATOR)
    df = df[df.region_code.isin([home, "00"])]
    years = sorted({int(y) for y in df.year[df.per_capita.notna()] if y <= (shown_year or 0)})
    if not years:
        return None
    value_of = {(r.region_code, r.year): r.per_capita for r in df.itertuples()}
    latest, previous = years[-1], (years[-2] if len(years) > 1 else None)
    value = value_of.get((home, latest))
    shown = df[(df.region_code == home) & (df.year == latest)]
    uncertain = pd.concat([
        shown[["region_code", "year", "amount_status", "amount_note"]].set_axis(["region_code", "year", "status", "note"], axis=1),
        shown[["region_code", "population_year", "population_status", "population_note"]].set_axis(
            ["region_code", "year", "status", "note"], axis=1),
    ]).assign(label=lambda f: [ctx.region_name(c) for c in f.region_code])
    marks = status_notes(ctx, uncertain, reasons=False)
    delta = None
    if previous is not None and not formatting.is_missing(value_of.get((home, previous))):
        change = value - value_of[(home, previous)]
        delta = formatting.signed(change, "sek_per_capita", 0, ctx.lang) + " " + t("previous", ctx.lang, year=previous)
    riket = formatting.value(value_of.get(("00", latest)), "sek_per_capita", 0, ctx.lang)
    mark = "".join(sorted({status_mark(s) for s in uncertain.status} - {""}))
    return Kpi(t("kpi_per_capita", ctx.lang),
               formatting.value(value, "sek_per_capita", 0, ctx.lang) + (f" {mark}" if mark else ""),
               delta=delta, caption=" · ".join([f"{latest} · " + t("riket_value", ctx.lang, value=riket) + (
                   "" if delta else " · " + t("no_previous", ctx.lang))] + marks),
               help="\n\n".join([t("per_capita_formula", ctx.lang, indicator=ctx.indicator_name(FUNDING_INDICATOR),
                                    population_year=latest - 1)] + status_notes(ctx, uncertain)))


def citation_kpi(ctx: Context) -> Kpi | None:
    df = ctx.run("citations", regions=[ctx.selection.home, "00"], year_to=ctx.selection.year_to)
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
    latest_rows = home.tail(1).assign(label=ctx.region_name(ctx.selection.home))
    marks = status_notes(ctx, latest_rows, reasons=False)
    return Kpi(t("kpi_citations", ctx.lang),
               marked(formatting.value(latest.citation_avg, "percent", 0, ctx.lang), latest.status), delta=delta,
               caption=" · ".join([caption] + marks),
               help="\n\n".join([ctx.indicator_text(CITATION_INDICATOR, "definition")]
                                  + status_notes(ctx, latest_rows)))


def top_five_kpi(ctx: Context, gaps: pd.DataFrame) -> Kpi:
    """Decisive verdicts only: a tie across the cut, a count of zero or fewer than five with data is not counted."""
    home = gaps[(gaps.region_code == ctx.selection.home) & gaps["rank"].notna()]
    decisive = home[home.decisive.astype(bool)]
    n_in, total = int((decisive.verdict == "in").sum()), len(decisive)
    uncertain = decisive[decisive.is_uncertain.astype(bool)]
    caption = t("kpi_top_five_caption_decisive", ctx.lang, total=total, undecided=len(home) - total)
    value = t("kpi_top_five_value", ctx.lang, n=n_in, total=total)
    if not uncertain.empty:  # a verdict that rests on a provisional or conflicting value carries its mark
        marks = sorted({m for m in (status_mark(s) for s in uncertain.status) if m})
        value = f"{value} {''.join(marks)}"
        rows = uncertain.assign(label=[ctx.indicator_name(i) for i in uncertain.indicator_id])
        caption = " · ".join([caption] + status_notes(ctx, rows, reasons=False))
        return Kpi(t("kpi_top_five", ctx.lang), value, caption=caption, help="\n\n".join(status_notes(ctx, rows)))
    return Kpi(t("kpi_top_five", ctx.lang), value, caption=caption)


def matrix_indicators(ctx: Context, gaps: pd.DataFrame) -> tuple[list, int]:
    """The indicators the matrix draws, in its order (decisive ones first, then by category), and how many the
    chosen counties have in all. Above MATRIX_ROWS the key cards' and the goals' indicators are kept first."""
    chosen = gaps[gaps.region_code.isin(ctx.selection.counties)]
    decisive = chosen.decisive.fillna(False).astype(bool).groupby(chosen.indicator_id.to_numpy()).any()
    table = pd.DataFrame({"indicator_id": decisive.index, "undetermined": ~decisive.to_numpy()})
    table["category"] = table.indicator_id.map(ctx.indicators.category)
    table = table.sort_values(["undetermined", "category", "indicator_id"])
    if any((table.undetermined == group).sum() > limit for group, limit in MATRIX_ROWS.items()):
        table["later"] = ~table.indicator_id.isin(key_indicators(ctx))
        kept = [part.sort_values(["later", "category", "indicator_id"]).head(MATRIX_ROWS[group])
                for group, part in table.groupby("undetermined")]
        table = pd.concat(kept).sort_values(["undetermined", "category", "indicator_id"])
    return table.indicator_id.tolist(), len(decisive)


def key_indicators(ctx: Context) -> set:
    """The key cards' indicators and those the strategies set goals on (data/goals.csv)."""
    goals = ctx.run("goals_progress")
    return {RANK_INDICATOR, FUNDING_INDICATOR, CITATION_INDICATOR} | set(goals.indicator_id.dropna())


def matrix_cells(ctx: Context, gaps: pd.DataFrame, indicators: list | None = None) -> pd.DataFrame:
    """One row per region × indicator drawn (matrix_indicators) with the cell text and the hover text."""
    indicators = matrix_indicators(ctx, gaps)[0] if indicators is None else indicators
    counties = list(ctx.selection.counties)
    chosen = gaps[gaps.region_code.isin(counties) & gaps.indicator_id.isin(indicators)]
    grid = pd.MultiIndex.from_product([indicators, counties],
                                      names=["indicator_id", "region_code"]).to_frame(index=False)
    years = chosen.groupby("indicator_id").year.first()
    chosen = grid.merge(chosen, on=["indicator_id", "region_code"], how="left")
    chosen["year"] = chosen.indicator_id.map(years)
    chosen["column"] = [ctx.region_name(c) for c in chosen.region_code]
    chosen["row"] = [f"{ctx.indicator_name(i)} ({y})" for i, y in zip(chosen.indicator_id.tolist(), chosen.year.tolist())]
    rows = list(chosen.astype(object).itertuples())  # once, as plain objects (Arrow columns iterate slowly)
    chosen["cell"] = [cell_text(ctx, r) for r in rows]
    chosen["hover"] = [cell_hover(ctx, r) for r in rows]
    chosen["category"] = chosen.indicator_id.map(ctx.indicators.category)
    decisive = chosen.decisive.fillna(False).astype(bool).groupby(chosen.indicator_id).transform("any")
    chosen["undetermined"] = ~decisive
    return chosen  # in the grid's order: indicators as matrix_indicators orders them, counties as chosen


def cell_text(ctx: Context, row) -> str:
    """'7' for a published place (with 'av N' when the list size is known), '3 av 21' for a relative rank,
    with '*' or '†' when the value is provisional or conflicting."""
    if formatting.is_missing(row.rank):
        return t("missing", ctx.lang)
    if row.rank_kind == "published":
        text = str(int(row.rank)) if formatting.is_missing(row.list_size) else t(
            "rank_of", ctx.lang, rank=int(row.rank), n=int(row.list_size))
    else:
        text = t("rank_of", ctx.lang, rank=int(row.rank), n=int(row.n_ranked))
    return marked(text, row.status)


def cell_hover(ctx: Context, row) -> str:
    lang = ctx.lang
    value = ctx.fmt(row.value, row.indicator_id, row.value_text if isinstance(row.value_text, str) else None)
    value = marked(value, row.status)
    if formatting.is_missing(row.rank):
        return f"{row.year}: {value}"
    if not row.decisive:
        gap = verdict_text(ctx, row.verdict)
    elif row.rank_kind == "published":
        gap = t("in_top_five_hover", lang) if row.in_top_five else t("gap_places", lang, gap=int(row.gap))
        return f"{row.year}: {place_text(ctx, row)} · {gap}"
    else:
        fifth = ctx.fmt(row.fifth_value, row.indicator_id)
        gap_text = ctx.fmt(abs(row.gap), row.indicator_id)
        holder = pick(row, "fifth_region", lang)
        gap = t("in_top_five_hover", lang) if row.in_top_five else t(
            "gap_value", lang, gap=gap_text, fifth=fifth, holder=holder)
    return f"{row.year}: {value} · {place_text(ctx, row)} · {gap}"


def matrix_chart(ctx: Context, gaps: pd.DataFrame) -> ChartView:
    indicators, total = matrix_indicators(ctx, gaps)
    cells = matrix_cells(ctx, gaps, indicators)
    title = t("matrix_title", ctx.lang)
    legend = {2: t("in_top_five", ctx.lang), 1: t("out_of_top_five", ctx.lang), 0: t("not_decisive", ctx.lang)}
    columns = [ctx.region_name(c) for c in ctx.selection.counties]
    spec = specs.top_five_matrix_spec(cells, lang=ctx.lang, title=title, legend=legend, columns=columns,
                                       bold_column=ctx.region_name(ctx.selection.home))
    data = cells[["row", "column", "year", "value_text", "status", "rank", "rank_kind", "n_ranked", "list_size",
                  "fifth_value", "gap", "in_top_five", "verdict"]].copy()
    data["status"] = [status_label(s, ctx.lang) for s in data.status]
    limited = [] if len(indicators) == total else [t("matrix_limited", ctx.lang, shown=len(indicators),
                                                      total=formatting.number(total, 0, ctx.lang))]
    marks = status_notes(ctx, cells.assign(label=[f"{c}, {ctx.indicator_name(i)}" for c, i in zip(cells.column, cells.indicator_id)]))
    return ChartView("top_five_matrix", title, spec, data, ctx.source_note(cells.source_id, cells.year),
                     [t("matrix_note", ctx.lang), t("ranking_rule_note", ctx.lang)] + limited + marks,
                     status_notes=marks)
