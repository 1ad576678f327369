"""Jämför regioner: a normalised (min–max) profile per region and a composite with user weights."""

import pandas as pd

from regionstats import formatting, specs
from regionstats.i18n import t
from regionstats.selection import CATEGORIES
from regionstats.views import ChartView, Context, PageView, TableView, label_regions, marked, status_notes
from regionstats.views.overview import NOT_IN_MATRIX, key_indicators

TITLE, INTRO = "page_compare", "compare_intro"
MIN_REGIONS = 3
# absolute amounts mostly measure a region's size, not its performance: kept out of the profile
SIZE_UNITS = {"msek", "sek", "count", "fte", "persons"}
DEFAULT_WEIGHTS = (1, 1, 1, 1, 1)
PROFILE_ROWS = 40  # indicator rows the profile draws: 650 rows of dots cannot be read (and took 0.5 s to draw)


def build(ctx: Context) -> PageView:
    scores = profile_scores(ctx)
    if scores.empty:
        return PageView(t(TITLE, ctx.lang), t(INTRO, ctx.lang), notes=[t("no_data", ctx.lang)])
    weights = dict(zip(CATEGORIES, ctx.selection.weights or DEFAULT_WEIGHTS))
    cannot = why_no_composite(ctx, scores, weights)
    if cannot:
        return PageView(t(TITLE, ctx.lang), t(INTRO, ctx.lang), charts=[profile_chart(ctx, scores)], notes=[cannot])
    composite = composite_scores(scores, weights)
    return PageView(t(TITLE, ctx.lang), t(INTRO, ctx.lang),
                    charts=[drawn_profile(ctx, scores), composite_chart(ctx, composite, weights)],
                    tables=[composite_table(ctx, composite)])


def drawn_profile(ctx: Context, scores: pd.DataFrame) -> ChartView:
    """The profile of at most PROFILE_ROWS indicators (the key cards' and the goals' first, then in the chart's
    order), with a note counting the rest; the composite weighs them all."""
    indicators = list(dict.fromkeys(scores.indicator_id))
    if len(indicators) <= PROFILE_ROWS:
        return profile_chart(ctx, scores)
    keys = key_indicators(ctx)
    kept = set(sorted(indicators, key=lambda i: i not in keys)[:PROFILE_ROWS])
    chart = profile_chart(ctx, scores[scores.indicator_id.isin(kept)])
    chart.notes.append(t("profile_limited", ctx.lang, shown=PROFILE_ROWS,
                         total=formatting.number(len(indicators), 0, ctx.lang)))
    return chart


def profile_scores(ctx: Context) -> pd.DataFrame:
    """Scores of the chosen counties (normalised over all counties, each indicator at its latest year within
    the chosen period) for indicators where enough counties have data."""
    df = ctx.run("profile", level="county", regions=ctx.selection.counties, year_from=ctx.selection.year_from,
                 year_to=ctx.selection.year_to)
    size = set(ctx.indicators.indicator_id[ctx.indicators.unit.isin(SIZE_UNITS)])
    df = df[(df.n_regions >= MIN_REGIONS) & df.score.notna() & ~df.indicator_id.isin(NOT_IN_MATRIX | size)].copy()
    df["category"] = df.indicator_id.map(ctx.indicators.category)
    df["indicator"] = [f"{ctx.indicator_name(i)} ({y})" for i, y in zip(df.indicator_id, df.year)]
    df["text"] = [marked(f"{formatting.number(s, 2, ctx.lang)} · {ctx.fmt(v, i, txt)}", st)
                  for s, v, i, txt, st in zip(df.score, df.value, df.indicator_id, df.value_text, df.status)]
    return label_regions(ctx, df).sort_values(["category", "indicator_id"])


def why_no_composite(ctx: Context, scores: pd.DataFrame, weights: dict) -> str:
    """Why no composite can be drawn with these weights ('' when it can): all zero, or only on empty categories."""
    weighted = [c for c, w in weights.items() if w > 0]
    if not weighted:
        return t("weights_all_zero", ctx.lang)
    if not scores.category.isin(weighted).any():
        names = ", ".join(t(f"category_{c}", ctx.lang) for c in weighted)
        return t("weights_no_data", ctx.lang, categories=names)
    return ""


def composite_scores(scores: pd.DataFrame, weights: dict) -> pd.DataFrame:
    """Weighted mean of each region's scores; the weight of an indicator is its category's weight."""
    scores = scores.assign(weight=scores.category.map(weights).fillna(0))
    scores = scores[scores.weight > 0]
    grouped = scores.groupby(["region_code", "label"])
    result = grouped.apply(lambda g: (g.score * g.weight).sum() / g.weight.sum(), include_groups=False)
    counts = grouped.size()
    return pd.DataFrame({"composite": result, "n_indicators": counts}).reset_index()


def profile_chart(ctx: Context, scores: pd.DataFrame) -> ChartView:
    title = t("profile_title", ctx.lang)
    spec = specs.dot_strip(scores, x="score", row="indicator", code="region_code", label="label", text="text",
                            home=ctx.selection.home, lang=ctx.lang, title=title, x_title=t("score_axis", ctx.lang),
                            status="status")
    marks = status_notes(ctx, scores.assign(label=[f"{lab}, {ctx.indicator_name(i)}" for lab, i in zip(scores.label, scores.indicator_id)]))
    return ChartView("profile", title, spec, scores, ctx.source_note(scores.source_id, scores.year),
                     [t("compare_intro", ctx.lang)] + marks, status_notes=marks)


def method_note(ctx: Context, weights: dict) -> str:
    listed = ", ".join(f"{t('category_' + c, ctx.lang)} {w}" for c, w in weights.items())
    return t("composite_method", ctx.lang, weights=listed)


def composite_chart(ctx: Context, composite: pd.DataFrame, weights: dict) -> ChartView:
    composite = composite.copy()
    composite["text"] = [formatting.number(v, 2, ctx.lang) for v in composite.composite]
    title = t("composite_title", ctx.lang)
    spec = specs.bar_by_region(composite, value="composite", label="label", code="region_code", text="text",
                                home=ctx.selection.home, lang=ctx.lang, title=title,
                                axis_title=t("composite_axis", ctx.lang), decimals=2)
    return ChartView("composite", title, spec, composite, "", [method_note(ctx, weights)])


def composite_table(ctx: Context, composite: pd.DataFrame) -> TableView:
    lang = ctx.lang
    rows = composite.sort_values("composite", ascending=False)
    data = pd.DataFrame({
        t("region", lang): rows.label,
        t("composite_axis", lang): [formatting.number(v, 2, lang) for v in rows.composite],
        t("n_indicators", lang): rows.n_indicators.astype(int).astype(str),
    })
    return TableView("composite_table", t("composite_table_title", lang), data)
