"""Finansiering per invånare: appropriations and ALF per inhabitant, R&D as a share of GRP."""

import pandas as pd

from regionstats import composition, formatting, specs
from regionstats.i18n import t
from regionstats.views import composed, funding_over_time
from regionstats.views import ChartView, Context, PageView, label_regions, marked, status_notes, with_all_regions

TITLE, INTRO = "page_funding", "funding_intro"
DEFAULT_INDICATOR = "appropriation_research_msek"
RD_SHARES = ("rd_share_grp_total", "rd_share_grp_region", "rd_share_grp_university")


def indicator_options(ctx: Context) -> list[str]:
    """Amount indicators in MSEK that have values: the ones that make sense per inhabitant."""
    ind = ctx.indicators
    return ind[(ind["unit"] == "msek") & (ind["n_regions"] > 0)]["indicator_id"].tolist()


def chosen_indicator(ctx: Context) -> str:
    options = indicator_options(ctx)
    chosen = ctx.selection.indicator
    return chosen if chosen in options else (DEFAULT_INDICATOR if DEFAULT_INDICATOR in options else options[0])


def build(ctx: Context) -> PageView:
    indicator = chosen_indicator(ctx)
    charts_ = [per_capita_chart(ctx, indicator), funding_over_time.per_capita_over_time_chart(ctx, indicator),
               all_regions_chart(ctx, indicator), amount_chart(ctx, indicator), rd_share_chart(ctx)]
    return PageView(t(TITLE, ctx.lang), t(INTRO, ctx.lang),
                    charts=[c for c in charts_ if c is not None])


def per_capita_frame(ctx: Context, indicator: str, year: int, regions=None, with_composed: bool = True) -> pd.DataFrame:
    regions = list(regions or ctx.selection.regions)
    compose = ctx.selection.compose if with_composed else None
    df = ctx.run("per_capita", indicator=indicator, year=year, regions=regions, compose=compose)
    shown = composed.codes_with_all(ctx, regions) if with_composed else regions
    df = label_regions(ctx, with_all_regions(ctx, df, shown))
    lang = ctx.lang
    # a per-capita value is as uncertain as the less certain of its amount and its population
    df["status"] = [next((s for s in ("conflicting", "provisional") if s in (a, p)), a)
                    for a, p in zip(df["amount_status"], df["population_status"])]
    df["note"] = [" / ".join(n for n, s in ((an, a), (pn, p)) if isinstance(n, str) and s in ("provisional", "conflicting"))
                  for an, a, pn, p in zip(df["amount_note"], df["amount_status"], df["population_note"],
                                          df["population_status"])]
    df["text"] = [marked(formatting.value(v, "sek_per_capita", 0, lang), s) if not formatting.is_missing(v)
                  else t("missing", lang) for v, s in zip(df["per_capita"], df["status"])]
    df["hover"] = [
        t("hover_amount_population", lang, amount=ctx.fmt(a, indicator, txt),
          population=formatting.number(p, 0, lang), year=year - 1)
        for a, txt, p in zip(df["amount"], df["amount_text"], df["population"])
    ]
    return df


def per_capita_chart(ctx: Context, indicator: str) -> ChartView | None:
    year = ctx.per_capita_year_for(indicator)
    if year is None:
        return None
    lang, name = ctx.lang, ctx.indicator_name(indicator)
    df = per_capita_frame(ctx, indicator, year)
    bars = df[df.region_code != "00"]
    riket = df.loc[df.region_code == "00", "per_capita"]
    title = t("per_capita_title", lang, indicator=name, year=year)
    spec = specs.bar_by_region(
        bars, value="per_capita", label="label", code="region_code", text="text", home=ctx.selection.home,
        lang=lang, title=title, axis_title=t("per_capita_unit", lang), hover="hover",
        reference=(riket.iloc[0], reference_label(ctx, riket.iloc[0])) if len(riket) else None, status="status",
    )
    marks = status_notes(ctx, df)
    notes = [t("per_capita_formula", lang, indicator=name, population_year=year - 1), ctx.bars_year_note(year)]
    notes += funding_over_time.basis_notes(ctx, bars)
    notes += composed.notes(ctx, bars, indicator, per_capita=True)
    counties = bars[~bars.region_code.map(composition.is_composed).astype(bool)]
    no_population = counties[counties.per_capita.isna() & counties.amount.notna() & counties.population.isna()]
    no_value = counties[counties.amount.isna()]
    if not no_population.empty:
        notes.append(t("missing_for", lang, regions=", ".join(no_population.label))
                     + ": " + t("population_missing", lang, year=year - 1))
    if not no_value.empty:
        notes.append(t("missing_for", lang, regions=", ".join(no_value.label)) + ": " + t("value_missing", lang))
    sources = [s for ids in df.amount_source_ids.dropna() for s in ids.split(",")] + list(df.population_source_id.dropna())
    return ChartView(f"per_capita_{indicator}", title, spec, df, ctx.source_note(sources, [year, year - 1]),
                     notes + marks, status_notes=marks)


def all_regions_chart(ctx: Context, indicator: str) -> ChartView | None:
    """Every county per inhabitant, best first, the home region highlighted (as Kolada ranks them)."""
    year = ctx.per_capita_year_for(indicator)
    if year is None:
        return None
    lang, name = ctx.lang, ctx.indicator_name(indicator)
    counties = ctx.regions[ctx.regions.kind == "county"].region_code.tolist()
    df = per_capita_frame(ctx, indicator, year, counties + ["00"], with_composed=False)
    bars = df[df.region_code != "00"]
    if bars.per_capita.notna().sum() < 5:
        return None  # a ranking of all regions says little when most of them are 'saknas'
    riket = df.loc[df.region_code == "00", "per_capita"]
    title = t("ranked_per_capita_title", lang, indicator=name, year=year)
    spec = specs.bar_by_region(
        bars, value="per_capita", label="label", code="region_code", text="text", home=ctx.selection.home,
        lang=lang, title=title, axis_title=t("per_capita_unit", lang), hover="hover",
        reference=(riket.iloc[0], reference_label(ctx, riket.iloc[0])) if len(riket) else None,
        framed=set(ctx.selection.regions),
    )
    notes = [t("per_capita_formula", lang, indicator=name, population_year=year - 1)]
    notes += funding_over_time.basis_notes(ctx, bars, name_universities=False)
    missing = bars[bars.per_capita.isna()]
    if not missing.empty:
        notes.append(t("missing_for", lang, regions=", ".join(missing.label)) + ": "
                     + t("not_in_data", lang))
    sources = list(df.amount_source_id) + list(df.population_source_id.dropna())
    return ChartView(f"all_regions_{indicator}", title, spec, df, ctx.source_note(sources, [year, year - 1]),
                     notes)


def reference_label(ctx: Context, value) -> str:
    """'Riket 1 716 kr': the line says its own value."""
    if formatting.is_missing(value):
        return t("riket", ctx.lang)
    return f"{t('riket', ctx.lang)} {formatting.value(value, 'sek_per_capita', 0, ctx.lang)}"


def amount_chart(ctx: Context, indicator: str) -> ChartView | None:
    year = ctx.per_capita_year_for(indicator) or ctx.year_for(indicator)  # the per-inhabitant bars' year
    if year is None:
        return None
    lang, name = ctx.lang, ctx.indicator_name(indicator)
    df = funding_over_time.amount_frame(ctx, indicator, year)
    df = label_regions(ctx, with_all_regions(ctx, df, composed.codes_with_all(ctx, ctx.selection.regions)))
    df["text"] = [marked(ctx.fmt(v, indicator, txt), s) for v, txt, s in zip(df["value"], df["value_text"], df["status"])]
    title = t("amount_title", lang, indicator=name, year=year)
    spec = specs.bar_by_region(
        df[df.region_code != "00"], value="value", label="label", code="region_code", text="text",
        home=ctx.selection.home, lang=lang, title=title, axis_title=ctx.unit_label(indicator), status="status",
    )
    certain = df[(df.region_code != "00") & ~df.status.isin(["provisional", "conflicting"])]
    notes = [ctx.bars_year_note(year)] + ([n for n in certain.dropna(subset=["note"]).apply(
        lambda r: f"{r.label}: {ctx.data_note(r.note)}", axis=1)] if "note" in df else [])
    marks = status_notes(ctx, df[df.region_code != "00"])
    notes += funding_over_time.sum_notes(ctx, df)
    notes += composed.notes(ctx, df, indicator)
    sources = ctx.source_note(funding_over_time.source_ids(df), [year])
    return ChartView(f"amount_{indicator}", title, spec, df, sources, notes + marks,
                     status_notes=marks)


def rd_share_chart(ctx: Context) -> ChartView | None:
    available = [i for i in RD_SHARES if i in ctx.indicators.index and ctx.year_for(i)]
    if not available:
        return None
    year = max(ctx.year_for(i) for i in available)
    lang = ctx.lang
    df = ctx.run("observations", indicators=available, regions=list(ctx.selection.regions),
                 year_from=year, year_to=year)
    if df.empty:
        return None
    df = label_regions(ctx, df)
    df["sector"] = [ctx.indicator_name(i) for i in df.indicator_id]
    df["text"] = [ctx.fmt(v, i, txt) for v, i, txt in zip(df.value, df.indicator_id, df.value_text)]
    title = t("rd_share_title", lang, year=year)
    spec = specs.grouped_bars(df, category="label", group="sector", value="value", text="text", lang=lang,
                               title=title, axis_title=t("rd_share_unit", lang), decimals=1,
                               home_label=ctx.region_name(ctx.selection.home))
    convention = ctx.indicator_text("rd_share_grp_region", "convention") if "rd_share_grp_region" in available else ""
    notes = ctx.missing_note(df, "value") + ([convention] if convention else [])
    return ChartView("rd_share_grp", title, spec, df, ctx.source_note(df.source_id, [year]), notes)
