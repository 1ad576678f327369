"""Topp fem-målet: the strategies' goals, MedCity's world list, and the gap to fifth place in Sweden."""

import pandas as pd

from regionstats import charts, formatting
from regionstats.i18n import t
from regionstats.views import ChartView, Context, PageView, TableView, label_regions
from regionstats.views.overview import NOT_IN_MATRIX

TITLE, INTRO = "page_top_five", "top_five_intro"
MEDCITY = "medcity_rank"
STOCKHOLM = "01"
DEFAULT_GAP_INDICATOR = "citation_avg_clinical_pct"


def gap_options(ctx: Context) -> list[str]:
    """County indicators where at least five regions have data in some year."""
    gaps = ctx.run("top_five_gap")
    gaps = gaps[(gaps.region_kind == "county") & gaps.fifth_value.notna()]
    return [i for i in ctx.indicators.indicator_id if i in set(gaps.indicator_id) and i not in NOT_IN_MATRIX]


# life science first: Tillväxtverket's life science ranking, then the ALF evaluation, then R&D
GAP_DEFAULTS = ("ls_region_rank_tillvaxtverket", "alf_eval_panels_a", "rd_share_of_sweden_pct")


def gap_default(ctx: Context) -> str:
    options = gap_options(ctx)
    return next((i for i in GAP_DEFAULTS if i in options), options[0])


def build(ctx: Context) -> PageView:
    options = gap_options(ctx)
    indicator = ctx.selection.indicator if ctx.selection.indicator in options else gap_default(ctx)
    views = [medcity_chart(ctx), gap_chart(ctx, indicator)]
    return PageView(t(TITLE, ctx.lang), t(INTRO, ctx.lang), charts=[v for v in views if v is not None],
                    lead_tables=[goals_table(ctx)], tables=[home_gaps_table(ctx)])


def goals_table(ctx: Context) -> TableView:
    lang = ctx.lang
    goals = ctx.run("goals_progress")
    goals = goals.assign(unmeasured=goals.indicator_id.isna()).sort_values(["unmeasured", "owner", "goal_id"])
    rows = []
    for goal in goals.itertuples():
        measured = isinstance(goal.indicator_id, str)
        status = ((goal.note if lang == "sv" and isinstance(goal.note, str) and goal.note.startswith("Kan inte mätas")
                   else t("goal_unmeasured", lang))
                  if not measured else
                  t("goal_no_value", lang) if formatting.is_missing(goal.latest_value) else
                  t("goal_no_target", lang) if formatting.is_missing(goal.target_met) else
                  t("goal_met", lang) if goal.target_met else t("goal_not_met", lang))
        rows.append({
            t("owner", lang): goal.owner,
            t("goal", lang): getattr(goal, f"title_{lang}"),
            t("indicator", lang): ctx.indicator_name(goal.indicator_id) if measured else "",
            t("target", lang): (f"{formatting.comparator(goal.target_comparator)} {ctx.fmt(goal.target_value, goal.indicator_id)}"
                                if measured and not formatting.is_missing(goal.target_value) else ""),
            t("target_year", lang): "" if formatting.is_missing(goal.target_year) else str(int(goal.target_year)),
            t("latest", lang): (f"{ctx.fmt(goal.latest_value, goal.indicator_id, goal.latest_value_text)} ({goal.latest_year})"
                                if measured and not formatting.is_missing(goal.latest_value) else ""),
            t("gap", lang): (formatting.signed(goal.gap, ctx.indicator(goal.indicator_id)["unit"], 0, lang)
                             if measured and not formatting.is_missing(goal.gap) else ""),
            t("goal_status", lang): status,
            t("goal_verbatim", lang): goal.goal_text,
        })
    return TableView("goals", t("goals_title", lang), pd.DataFrame(rows), ctx.source_note(goals.source_id))


def medcity_chart(ctx: Context) -> ChartView | None:
    year = ctx.year_for(MEDCITY)
    if year is None:
        return None
    df = label_regions(ctx, ctx.run("top_five_gap", indicator=MEDCITY, year=year))
    df["text"] = [str(int(r)) for r in df["rank"]]
    title = t("medcity_title", ctx.lang, year=year)
    figure = charts.rank_dots(df, rank="rank", label="label", code="region_code", text="text", highlight={STOCKHOLM},
                              lang=ctx.lang, title=title, axis_title=t("bump_axis", ctx.lang),
                              band_label=t("top_five_band", ctx.lang))
    stockholm = df[df.region_code == STOCKHOLM]
    notes = [t("medcity_note", ctx.lang)]
    if not stockholm.empty:
        row = stockholm.iloc[0]
        notes.insert(0, f"{row.label}: {t('rank', ctx.lang).lower()} {int(row['rank'])} · "
                        + t("gap_places", ctx.lang, gap=int(row.gap)) + f" ({row[f'fifth_region_{ctx.lang}']})")
    return ChartView("medcity", title, figure, df, ctx.source_note(df.source_id, [year]), notes, alt=title)


def gap_chart(ctx: Context, indicator: str) -> ChartView | None:
    year = ctx.year_for(indicator)
    if year is None:
        return None
    df = ctx.run("top_five_gap", indicator=indicator, year=year)
    df = df[df.region_kind == "county"]
    fifth = df.fifth_value.dropna()
    shown = label_regions(ctx, df[df.region_code.isin(ctx.selection.counties)])
    shown["text"] = [gap_text(ctx, r) for r in shown.itertuples()]
    title = t("gap_title", ctx.lang, indicator=ctx.indicator_name(indicator), year=year)
    holder = df[f"fifth_region_{ctx.lang}"].dropna()
    threshold = None
    if len(fifth):
        label = t("fifth_best", ctx.lang, value=ctx.fmt(fifth.iloc[0], indicator), holder=holder.iloc[0] if len(holder) else "")
        threshold = (fifth.iloc[0], label)
    unit = ctx.indicator(indicator)
    if unit.unit == "rank":  # places as dots on a rank axis with the top five shaded, not bars growing with worse places
        figure = charts.rank_dots(shown, rank="value", label="label", code="region_code", text="text",
                                  highlight={ctx.selection.home}, lang=ctx.lang, title=title,
                                  axis_title=t("rank", ctx.lang) + " (1 = " + t("best", ctx.lang) + ")",
                                  band_label=t("top_five_band", ctx.lang))
    else:
        figure = charts.bar_by_region(shown, value="value", label="label", code="region_code", text="text",
                                      home=ctx.selection.home, lang=ctx.lang, title=title,
                                      axis_title=unit[f"unit_{ctx.lang}"], decimals=int(unit.decimals),
                                      threshold=threshold)
        if unit.direction == "lower":
            figure.update_xaxes(autorange="reversed")
    return ChartView(f"gap_{indicator}", title, figure, shown, ctx.source_note(shown.source_id, [year]),
                     ctx.missing_note(shown, "value"), alt=title)


def gap_text(ctx: Context, row) -> str:
    value = ctx.fmt(row.value, row.indicator_id, row.value_text)
    if formatting.is_missing(row.rank):
        return value
    if row.in_top_five:
        return f"{value} · {t('rank', ctx.lang).lower()} {int(row.rank)} ✓"
    unit = ctx.indicator(row.indicator_id)
    gap = formatting.value(abs(row.gap), "points" if unit.unit == "percent" else unit.unit, int(unit.decimals), ctx.lang)
    return f"{value} · {t('rank', ctx.lang).lower()} {int(row.rank)} · −{gap}"


def home_gaps_table(ctx: Context) -> TableView:
    lang, home = ctx.lang, ctx.selection.home
    gaps = ctx.run("top_five_gap")
    gaps = gaps[(gaps.region_code == home) & gaps["rank"].notna() & ~gaps.indicator_id.isin(NOT_IN_MATRIX)]
    gaps = gaps[[ctx.year_for(i) == y for i, y in zip(gaps.indicator_id, gaps.year)]]
    rows = [{
        t("indicator", lang): ctx.indicator_name(g.indicator_id),
        t("year", lang): str(g.year),
        t("value", lang): ctx.fmt(g.value, g.indicator_id, g.value_text),
        t("rank", lang): str(int(g.rank)),
        t("n_with_data", lang): str(int(g.n_ranked)) if g.unit != "rank" else "",
        t("fifth_value", lang): ctx.fmt(g.fifth_value, g.indicator_id) if not formatting.is_missing(g.fifth_value) else t("undetermined", lang),
        t("gap", lang): formatting.signed(g.gap, "points" if g.unit == "percent" else g.unit,
                                          int(ctx.indicator(g.indicator_id).decimals), lang),
        t("gap_pct", lang): formatting.signed(g.gap_pct, "percent", 0, lang) if g.unit != "rank" else "",
        t("status", lang): (t("undetermined", lang) if formatting.is_missing(g.in_top_five)
                            else t("in_top_five", lang) if g.in_top_five else t("out_of_top_five", lang)),
    } for g in gaps.itertuples()]
    return TableView("home_gaps", t("home_gaps_title", lang, region=ctx.region_name(home)), pd.DataFrame(rows),
                     ctx.source_note(gaps.source_id, gaps.year))
