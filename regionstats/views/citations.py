"""Citeringar: citation average against the world average, publication volume, volume against quality."""

from regionstats import formatting, specs
from regionstats.i18n import t
from regionstats.views import (ChartView, Context, PageView, label_regions, marked, ranked, status_notes,
                               with_all_regions)

TITLE, INTRO = "page_citations", "citations_intro"
WORLD_AVERAGE = 10.0  # by definition of the indicator: 10 % of publications among the world's top 10 %


def build(ctx: Context) -> PageView:
    df = citation_frame(ctx)
    if df.empty:
        return PageView(t(TITLE, ctx.lang), t(INTRO, ctx.lang), notes=[t("no_data", ctx.lang)])
    views = [citation_chart(ctx, df), publications_chart(ctx, df), scatter_chart(ctx, df)]
    answer = ranked.top_five_answer(ctx, "citation_avg_clinical_pct", ctx.year_for("citation_avg_clinical_pct"),
                                    df.period_label.iloc[0])
    return PageView(t(TITLE, ctx.lang), t(INTRO, ctx.lang), charts=views, notes=[answer])


def citation_frame(ctx: Context):
    year = ctx.year_for("citation_avg_clinical_pct")
    if year is None:
        return ctx.run("citations", regions=["-"])
    df = ctx.run("citations", regions=list(ctx.selection.regions), year=year)
    df = with_all_regions(ctx, df, ctx.selection.regions)
    df["year"] = year
    df["period_label"] = df.period_label.dropna().iloc[0] if df.period_label.notna().any() else str(year)
    df = label_regions(ctx, df)
    df["citation_text"] = [marked(formatting.value(v, "percent", 0, ctx.lang), s)
                           for v, s in zip(df.citation_avg, df.status)]
    df["publication_text"] = [
        formatting.number(p, 0, ctx.lang) + ("" if formatting.is_missing(s) else f" ({formatting.percent(s, 1, ctx.lang)})")
        if not formatting.is_missing(p) else t("missing", ctx.lang)
        for p, s in zip(df.publications, df.publication_share_pct)
    ]
    return df


def citation_chart(ctx: Context, df) -> ChartView:
    period = df.period_label.iloc[0]
    title = t("citation_title", ctx.lang, period=period)
    bars = df[df.region_code != "00"]
    riket = df.loc[df.region_code == "00", "citation_avg"]
    spec = specs.bar_by_region(
        bars, value="citation_avg", label="label", code="region_code", text="citation_text", home=ctx.selection.home,
        lang=ctx.lang, title=title, axis_title=t("citation_axis", ctx.lang),
        threshold=(WORLD_AVERAGE, t("world_average", ctx.lang)),
        reference=((riket.iloc[0], f"{t('riket', ctx.lang)} {formatting.value(riket.iloc[0], 'percent', 0, ctx.lang)}")
                   if len(riket) and riket.notna().all() else None),
        status="status",
    )
    marks = status_notes(ctx, df)
    notes = ([ranked.top_five_answer(ctx, "citation_avg_clinical_pct", int(df.year.iloc[0]), period),
              ctx.indicator_text("citation_avg_clinical_pct", "definition")]
             + ctx.missing_note(bars, "citation_avg") + [ctx.bars_year_note(period)])
    return ChartView("citation_average", title, spec, df, ctx.source_note(df.source_id, [df.year.iloc[0]]),
                     notes + marks, status_notes=marks)


def publications_chart(ctx: Context, df) -> ChartView:
    title = t("publications_title", ctx.lang, period=df.period_label.iloc[0])
    bars = df[df.region_code != "00"]
    spec = specs.bar_by_region(
        bars, value="publications", label="label", code="region_code", text="publication_text",
        home=ctx.selection.home, lang=ctx.lang, title=title, axis_title=t("publications_axis", ctx.lang),
    )
    notes = [ctx.indicator_text("publications_clinical", "definition")] + ctx.missing_note(bars, "publications")
    return ChartView("publications", title, spec, df, ctx.source_note(df.source_id, [df.year.iloc[0]]), notes)


def scatter_chart(ctx: Context, df) -> ChartView:
    title = t("scatter_title", ctx.lang, period=df.period_label.iloc[0])
    points = df[df.region_code != "00"]
    spec = specs.scatter_labelled(
        points, x="publications", y="citation_avg", code="region_code", label="label", home=ctx.selection.home,
        lang=ctx.lang, title=title, x_title=t("publications_axis", ctx.lang), y_title=t("citation_axis", ctx.lang),
        hline=(WORLD_AVERAGE, t("world_average", ctx.lang)), status="status",
    )
    return ChartView("volume_quality", title, spec, df, ctx.source_note(df.source_id, [df.year.iloc[0]]),
                     ctx.missing_note(points, "citation_avg"))
