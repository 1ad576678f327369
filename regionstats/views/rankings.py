"""Rankningar: rank over time (bump chart), Tillväxtverket's ranking, university world rankings."""

import pandas as pd

from regionstats import formatting, specs
from regionstats.i18n import t
from regionstats.views import (ChartView, Context, PageView, label_regions, marked, place_text, status_label,
                               status_notes)

TITLE, INTRO = "page_rankings", "rankings_intro"
TILLVAXTVERKET = "ls_region_rank_tillvaxtverket"
UNIVERSITY_RANKINGS = ("the_world_rank", "arwu_world_rank", "qs_world_rank")
PREFERRED_BUMP = "rd_business_msek"


def bump_options(ctx: Context) -> list[str]:
    """County indicators with values in at least two years."""
    counties = sorted(ctx.regions[ctx.regions.kind == "county"].region_code)
    counts = ctx.run("coverage_counts", regions=counties)  # counted in SQL, not the coverage grid
    enough = set(counts.indicator_id[counts.n_years_with_value >= 2])
    return [i for i in ctx.indicators.indicator_id if i in enough and i != "population"]


def bump_default(ctx: Context) -> str:
    options = bump_options(ctx)
    return PREFERRED_BUMP if PREFERRED_BUMP in options else options[0]


def ranking_options(ctx: Context) -> list[str]:
    return [i for i in UNIVERSITY_RANKINGS if i in ctx.indicators.index and ctx.years_of(i)]


def build(ctx: Context) -> PageView:
    indicator = ctx.selection.indicator if ctx.selection.indicator in bump_options(ctx) else bump_default(ctx)
    ranking = ctx.selection.ranking if ctx.selection.ranking in ranking_options(ctx) else "the_world_rank"
    # the life science ranking first: it is what the page is opened for
    views = [tillvaxtverket_chart(ctx), bump_chart(ctx, indicator), university_chart(ctx, ranking)]
    return PageView(t(TITLE, ctx.lang), t(INTRO, ctx.lang), charts=[v for v in views if v is not None])


def year_window(ctx: Context) -> dict:
    return {"year_from": ctx.selection.year_from, "year_to": ctx.selection.year_to}


def bump_chart(ctx: Context, indicator: str) -> ChartView | None:
    """Counties ranked among all counties (a published place as published), the chosen ones shown."""
    df = ctx.run("rankings", indicator=indicator, level="county", regions=ctx.selection.counties, **year_window(ctx))
    if df.empty:
        return None
    df = label_regions(ctx, df)
    df["text"] = [marked(place_text(ctx, r) if r.rank_kind == "published"  # the value is the place
                         else f"{place_text(ctx, r)} · {ctx.fmt(r.value, indicator, r.value_text)}", r.status)
                  if pd.notna(r.rank) else t("missing", ctx.lang) for r in df.itertuples()]
    published = bool((df.rank_kind == "published").any())
    title = t("bump_title_published" if published else "bump_title", ctx.lang,
              indicator=ctx.indicator_name(indicator), years=formatting.span(df.year))
    spec = specs.lines_over_time(df, value="rank", code="region_code", label="label", text="text",
                                  home=ctx.selection.home, lang=ctx.lang, title=title,
                                  axis_title=t("bump_axis", ctx.lang), reversed_axis=True,
                                  band=(0.5, int(df.top_places.iloc[0]) + 0.5, t("top_five_band", ctx.lang)),
                                  status="status")
    marks = status_notes(ctx, df)
    notes = [t("bump_note_published" if published else "bump_note_relative", ctx.lang)]
    notes += ctx.missing_note(df, "rank") + marks
    return ChartView(f"bump_{indicator}", title, spec, shown_data(ctx, df), ctx.source_note(df.source_id, df.year),
                     notes, status_notes=marks)


def shown_data(ctx: Context, df: pd.DataFrame) -> pd.DataFrame:
    """The data behind a chart with the status in the page's language."""
    df = df.copy()
    if "status" in df:
        df["status"] = [status_label(s, ctx.lang) for s in df.status]
    return df


def tillvaxtverket_chart(ctx: Context) -> ChartView | None:
    year = ctx.year_for(TILLVAXTVERKET)
    if year is None:
        return None
    df = label_regions(ctx, ctx.run("top_five_gap", indicator=TILLVAXTVERKET, year=year, level="county"))
    df["text"] = [marked(str(int(r.rank)), r.status) for r in df.itertuples()]
    title = t("tvv_title", ctx.lang, year=year)
    spec = specs.rank_dots(df, rank="rank", label="label", code="region_code", text="text",
                            highlight={ctx.selection.home}, lang=ctx.lang, title=title,
                            axis_title=t("bump_axis", ctx.lang), band_label=t("top_five_band", ctx.lang),
                            status="status")
    marks = status_notes(ctx, df)
    return ChartView("tillvaxtverket", title, spec, shown_data(ctx, df), ctx.source_note(df.source_id, [year]),
                     [t("tvv_note", ctx.lang)] + marks, status_notes=marks)


def university_chart(ctx: Context, ranking: str) -> ChartView | None:
    universities = ctx.regions[(ctx.regions.kind == "university")
                               & ctx.regions.county_code.isin(ctx.selection.counties)].region_code.tolist()
    if not universities:
        return None
    df = ctx.run("observations", indicators=[ranking], regions=universities, **year_window(ctx))
    df = df[df.value.notna() | df.value_low.notna()]
    if df.empty:
        return None
    df = label_regions(ctx, df)
    df["value_text"] = [marked(str(v), s) for v, s in zip(df.value_text, df.status)]
    home_universities = set(ctx.regions[ctx.regions.county_code == ctx.selection.home].region_code)
    home = next((u for u in df.region_code if u in home_universities), None)
    title = t("university_title", ctx.lang, ranking=ctx.indicator_name(ranking), years=formatting.span(df.year))
    spec = specs.rank_bands_over_time(df, code="region_code", label="label", home=home, lang=ctx.lang,
                                       title=title, axis_title=t("university_axis", ctx.lang),
                                       band_label=t("band", ctx.lang), status="status")
    marks = status_notes(ctx, df)
    notes = [ctx.indicator_text(ranking, "convention")] + marks
    return ChartView(f"universities_{ranking}", title, spec, shown_data(ctx, df),
                     ctx.source_note(df.source_id, df.year), notes, status_notes=marks)
