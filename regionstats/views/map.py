"""Karta: the 21 regions coloured by their place on one indicator, beside them ranked as bars (as Kolada)."""

from regionstats import formatting, specs
from regionstats.i18n import t
from regionstats.selection import FOCUS_REGIONS
from regionstats.views import ChartView, Context, PageView, marked, ranked, status_notes

TITLE, INTRO = "page_map", "map_intro"
DEFAULT_INDICATOR = "rd_share_of_sweden_pct"


def indicator_options(ctx: Context) -> list[str]:
    """Indicators with values for at least three counties."""
    counties = ctx.regions[ctx.regions.kind == "county"].region_code.tolist()
    counts = ctx.run("coverage_counts", regions=counties)
    enough = set(counts.indicator_id[counts.n_regions_with_value >= 3])
    return [i for i in ctx.indicators.indicator_id if i in enough]


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
    """The regions coloured by their place on the indicator, with the same regions as bars beside."""
    year = ctx.year_for(indicator)
    if year is None:
        return None
    df = ranked.ranked_frame(ctx, indicator, year)
    counties = ranked.counties(ctx)
    notes_by_region = ctx.run("observations", indicators=[indicator], regions=counties, year_from=year,
                              year_to=year).set_index("region_code")["note"]
    df["value"] = df["value"].astype(float)
    df["text"] = [
        marked(ctx.fmt(v, indicator, txt), s) if not formatting.is_missing(v) or isinstance(txt, str) else (
            t("missing", ctx.lang) + (f" ({ctx.data_note(notes_by_region.get(c))})"
                                       if isinstance(notes_by_region.get(c), str) else ""))
        for v, txt, c, s in zip(df.value, df.value_text, df.region_code, df.status)]
    meta = ctx.indicator(indicator)
    title = t("map_title", ctx.lang, indicator=ctx.indicator_name(indicator), year=year)
    focus = set(ctx.regions[ctx.regions.focus_region.astype(str).str.lower() == "true"].region_code) \
        if "focus_region" in ctx.regions else set(FOCUS_REGIONS)
    spec = specs.ranked_map(df, code="region_code", label="label", rank="rank", value="value", text="text",
                             home=ctx.selection.home, focus=focus or set(FOCUS_REGIONS), lang=ctx.lang,
                             title=title, axis_title=ctx.indicator_text(indicator, "unit"), rank_title=t("map_place", ctx.lang),
                             decimals=int(meta.decimals), status="status")
    missing = df[df["rank"].isna()]
    marks = status_notes(ctx, df.sort_values("region_code"))  # in county order, as elsewhere
    notes = [t("map_rank_scale", ctx.lang), ranked.top_five_answer(ctx, indicator, year)]
    if not missing.empty:
        notes.append(t("missing_for", ctx.lang, regions=", ".join(missing.label)) + ": " + t("not_in_data", ctx.lang))
    notes += marks + [t("map_credit", ctx.lang)]
    return ChartView(f"map_{indicator}", title, spec, df, ctx.source_note(df.source_id, [year]), notes,
                     status_notes=marks)
