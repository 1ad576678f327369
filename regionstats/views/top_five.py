"""Topp fem-målet: the strategies' goals, MedCity's world list, and the gap to fifth place in Sweden."""

import pandas as pd

from regionstats import composition, formatting, specs
from regionstats.i18n import DATA_LANGUAGE, column, pick, t
from regionstats.views import composed
from regionstats.views import (ChartView, Context, PageView, TableView, label_levels, label_regions, marked,
                               place_text, status_label, status_notes, verdict_text)
from regionstats.views.overview import NOT_IN_MATRIX, county_gaps

TITLE, INTRO = "page_top_five", "top_five_intro"
MEDCITY = "medcity_rank"
STOCKHOLM = "01"
DEFAULT_GAP_INDICATOR = "citation_avg_clinical_pct"


def gap_options(ctx: Context) -> list[str]:
    """County indicators with a fifth-best value in some year, in catalogue order (SQL answers which:
    a small list per data version, never the million rows of every county, indicator and year)."""
    return [i for i in ctx.run("gap_indicators", level="county").indicator_id if i not in NOT_IN_MATRIX]


# life science first: Tillväxtverket's life science ranking, then the ALF evaluation, then R&D
GAP_DEFAULTS = ("ls_region_rank_tillvaxtverket", "alf_eval_panels_a", "rd_share_of_sweden_pct")


def gap_default(ctx: Context, options: list[str] | None = None) -> str:
    options = gap_options(ctx) if options is None else options
    return next((i for i in GAP_DEFAULTS if i in options), options[0])


def build(ctx: Context) -> PageView:
    options = gap_options(ctx)
    indicator = ctx.selection.indicator if ctx.selection.indicator in options else gap_default(ctx, options)
    views = [medcity_chart(ctx), gap_chart(ctx, indicator)]
    return PageView(t(TITLE, ctx.lang), t(INTRO, ctx.lang), charts=[v for v in views if v is not None],
                    lead_tables=[goals_table(ctx)], tables=[home_gaps_table(ctx)])


def goals_table(ctx: Context) -> TableView:
    lang = ctx.lang
    goals = ctx.run("goals_progress", year_from=ctx.selection.year_from, year_to=ctx.selection.year_to)
    goals = goals.assign(unmeasured=goals.indicator_id.isna()).sort_values(["unmeasured", "owner", "goal_id"])
    rows = []
    for goal in goals.itertuples():
        measured = isinstance(goal.indicator_id, str)
        status = ((goal.note if lang == DATA_LANGUAGE and isinstance(goal.note, str) and goal.note.startswith("Kan inte mätas")
                   else t("goal_unmeasured", lang))
                  if not measured else
                  t("goal_no_value", lang) if formatting.is_missing(goal.latest_value) else
                  t("goal_no_target", lang) if formatting.is_missing(goal.target_met) else
                  t("goal_met", lang) if goal.target_met else t("goal_not_met", lang))
        rows.append({
            t("owner", lang): goal.owner,
            t("goal", lang): pick(goal, "title", lang),
            t("indicator", lang): ctx.indicator_name(goal.indicator_id) if measured else "",
            t("target", lang): (f"{formatting.comparator(goal.target_comparator)} {ctx.fmt(goal.target_value, goal.indicator_id)}"
                                if measured and not formatting.is_missing(goal.target_value) else ""),
            t("target_year", lang): "" if formatting.is_missing(goal.target_year) else str(int(goal.target_year)),
            t("latest", lang): (marked(f"{ctx.fmt(goal.latest_value, goal.indicator_id, goal.latest_value_text)} ({goal.latest_year})", goal.latest_status)
                                if measured and not formatting.is_missing(goal.latest_value) else ""),
            t("gap", lang): (formatting.signed(goal.gap, ctx.indicator(goal.indicator_id)["unit"], 0, lang)
                             if measured and not formatting.is_missing(goal.gap) else ""),
            t("goal_status", lang): status,
            t("goal_verbatim", lang): goal.goal_text,
        })
    uncertain = goals.rename(columns={"latest_status": "status", "latest_year": "year"}).drop(columns="note")
    uncertain = uncertain.rename(columns={"latest_note": "note"})
    uncertain["label"] = [pick(g, "title", lang) for g in goals.itertuples()]
    return TableView("goals", t("goals_title", lang), pd.DataFrame(rows), ctx.source_note(goals.source_id),
                     notes=status_notes(ctx, uncertain))


def medcity_chart(ctx: Context) -> ChartView | None:
    year = ctx.year_for(MEDCITY, level=None)  # a published list of cities (Stockholm stored on the county)
    if year is None:
        return None
    df = label_regions(ctx, ctx.run("top_five_gap", indicator=MEDCITY, year=year))
    df, level_notes = label_levels(ctx, df)  # MedCity lists cities; Stockholm is stored on the county
    df["text"] = [marked(str(int(r.rank)), r.status) for r in df.itertuples()]
    title = t("medcity_title", ctx.lang, year=year)
    spec = specs.rank_dots(df, rank="rank", label="label", code="region_code", text="text", highlight={STOCKHOLM},
                            lang=ctx.lang, title=title, axis_title=t("bump_axis", ctx.lang),
                            band_label=t("top_five_band", ctx.lang), status="status")
    stockholm = df[df.region_code == STOCKHOLM]
    marks = status_notes(ctx, df)
    notes = [t("medcity_note", ctx.lang)] + level_notes + marks
    if not stockholm.empty:
        row = stockholm.iloc[0]
        notes.insert(0, f"{row.label}: {place_text(ctx, row)} · "
                        + t("gap_places", ctx.lang, gap=int(row.gap)) + f" ({pick(row, 'fifth_region', ctx.lang)})")
    return ChartView("medcity", title, spec, df, ctx.source_note(df.source_id, [year]), notes,
                     status_notes=marks)


def gap_chart(ctx: Context, indicator: str) -> ChartView | None:
    year = ctx.year_for(indicator)
    if year is None:
        return None
    df = ctx.run("top_five_gap", indicator=indicator, year=year, level="county")
    fifth = df.fifth_value.dropna()
    shown = label_regions(ctx, ctx.run("top_five_gap", indicator=indicator, year=year, level="county",
                                       regions=ctx.selection.counties, compose=ctx.selection.compose))
    composed_notes = composed.notes(ctx, shown, indicator)
    if composed_notes:
        composed_notes.append(t("composed_no_place_note", ctx.lang))
    shown = shown[shown.composed_reason.ne("not_composable") | shown.composed_reason.isna()]
    shown["text"] = [gap_text(ctx, r) for r in shown.itertuples()]
    title = t("gap_title", ctx.lang, indicator=ctx.indicator_name(indicator), year=year)
    holder = df[column("fifth_region", ctx.lang)].dropna()
    threshold = None
    if len(fifth):
        label = t("fifth_best", ctx.lang, value=ctx.fmt(fifth.iloc[0], indicator), holder=holder.iloc[0] if len(holder) else "")
        threshold = (fifth.iloc[0], label)
    unit = ctx.indicator(indicator)
    if unit.unit == "rank":  # places as dots on a rank axis with the top five shaded, not bars growing with worse places
        spec = specs.rank_dots(shown, rank="value", label="label", code="region_code", text="text",
                                highlight={ctx.selection.home}, lang=ctx.lang, title=title,
                                axis_title=t("rank", ctx.lang) + " (1 = " + t("best", ctx.lang) + ")",
                                band_label=t("top_five_band", ctx.lang), status="status")
    else:
        spec = specs.bar_by_region(shown, value="value", label="label", code="region_code", text="text",
                                    home=ctx.selection.home, lang=ctx.lang, title=title,
                                    axis_title=pick(unit, "unit", ctx.lang), decimals=int(unit.decimals),
                                    threshold=threshold, status="status", reversed_axis=unit.direction == "lower")
    marks = status_notes(ctx, shown)
    counties = shown[~shown.region_code.map(composition.is_composed).astype(bool)]
    notes = ctx.missing_note(counties, "value") + [t("ranking_rule_note", ctx.lang)] + composed_notes + marks
    data = shown.assign(status=[status_label(s, ctx.lang) for s in shown.status])
    return ChartView(f"gap_{indicator}", title, spec, data, ctx.source_note(shown.source_id, [year]),
                     notes, status_notes=marks)


def gap_text(ctx: Context, row) -> str:
    value = marked(ctx.fmt(row.value, row.indicator_id, row.value_text), row.status)
    if composition.is_composed(row.region_code):
        return f"{value} · {t('composed_no_place', ctx.lang)}"
    if formatting.is_missing(row.rank):
        return value
    place = place_text(ctx, row)
    if not row.decisive:
        return f"{value} · {place} · {verdict_text(ctx, row.verdict)}"
    if row.in_top_five:
        return f"{value} · {place} ✓"
    unit = ctx.indicator(row.indicator_id)
    gap = formatting.value(abs(row.gap), "points" if unit.unit == "percent" else unit.unit, int(unit.decimals), ctx.lang)
    return f"{value} · {place} · −{gap}"


def home_gaps_table(ctx: Context) -> TableView:
    lang, home = ctx.lang, ctx.selection.home
    # The same answer as Översikt's matrix and top-five card (overview.county_gaps: the chosen counties and
    # the home region at each indicator's latest year), so the two pages share one cached question per period.
    gaps = county_gaps(ctx)
    gaps = gaps[(gaps.region_code == home) & gaps["rank"].notna()]
    # one row per indicator (16 000 at ten million observations): the headers and verdict texts once, the rows as
    # plain objects (Arrow columns iterate slowly)
    header = {key: t(key, lang) for key in ("indicator", "year", "value", "rank", "n_with_data", "fifth_value", "gap",
                                             "gap_pct", "goal_status")}
    undetermined = t("undetermined", lang)
    verdicts = {}

    def verdict(value) -> str:
        if value not in verdicts:
            verdicts[value] = verdict_text(ctx, value)
        return verdicts[value]

    rows = [{
        header["indicator"]: ctx.indicator_name(g.indicator_id),
        header["year"]: str(g.year),
        header["value"]: marked(ctx.fmt(g.value, g.indicator_id, g.value_text), g.status),
        header["rank"]: place_text(ctx, g),
        header["n_with_data"]: str(int(g.n_ranked)) if g.rank_kind != "published" else "",
        header["fifth_value"]: ctx.fmt(g.fifth_value, g.indicator_id) if not formatting.is_missing(g.fifth_value) else undetermined,
        header["gap"]: formatting.signed(g.gap, "points" if g.unit == "percent" else g.unit,
                                         ctx.unit_and_decimals(g.indicator_id)[1], lang),
        header["gap_pct"]: (formatting.signed(g.gap_pct, "percent", 0, lang)
                            if g.rank_kind != "published" and not formatting.is_missing(g.gap_pct) else ""),
        header["goal_status"]: verdict(g.verdict),
    } for g in gaps.astype(object).itertuples()]
    marks = status_notes(ctx, gaps.assign(label=[ctx.indicator_name(i) for i in gaps.indicator_id]))
    return TableView("home_gaps", t("home_gaps_title", lang, region=ctx.region_name(home)), pd.DataFrame(rows),
                     ctx.source_note(gaps.source_id, gaps.year), notes=[t("ranking_rule_note", lang)] + marks)
