"""Finansiering per invånare över tid: an amount per inhabitant over the chosen years, beside this year's bars.

Also what each per-inhabitant figure rests on (a published county figure or the sum of its universities,
``amount_basis`` from queries/per_capita.sql), as notes the bar and line charts share.
"""

import pandas as pd

from regionstats import formatting, specs
from regionstats.i18n import t
from regionstats.views import ChartView, Context, label_regions, marked, status_notes

UNIT = "sek_per_capita"


def combined_status(amount_status, population_status) -> str:
    """A per-inhabitant value is as uncertain as the less certain of its amount and its population."""
    return next((s for s in ("conflicting", "provisional") if s in (amount_status, population_status)), amount_status)


def years_text(years) -> str:
    """2016, 2021–2025: consecutive years as a span."""
    years = sorted({int(y) for y in years})
    runs, start = [], None
    for i, year in enumerate(years):
        start = year if start is None else start
        if i + 1 == len(years) or years[i + 1] != year + 1:
            runs.append(formatting.period(start, year))
            start = None
    return ", ".join(runs)


def kr(ctx: Context, value) -> str:
    return formatting.value(value, UNIT, 0, ctx.lang)


def universities_text(ctx: Context, region_code: str, universities) -> str:
    """The universities a sum is made of; for Riket (every state university) a short phrase, not thirty names."""
    return t("all_state_universities", ctx.lang) if region_code == "00" else universities


def sum_notes(ctx: Context, df: pd.DataFrame) -> list[str]:
    """'The sum of the universities' own appropriations …: Stockholm 2021 (KTH, …); Skåne 2021 (…)', one line
    for all regions (a line each made the all-regions chart's notes longer than a printed page)."""
    if "amount_basis" not in df or df.empty:
        return []
    df = df if "label" in df else label_regions(ctx, df)
    sums = df[(df.amount_basis == "sum_of_universities") & df.universities.notna()]
    items = [f"{label} {years_text(rows.year)} ({universities_text(ctx, code, universities)})"
             for (label, code, universities), rows in sums.groupby(["label", "region_code", "universities"], sort=False)]
    return [t("basis_sums_one_basis", ctx.lang, items="; ".join(items))] if items else []


def basis_notes(ctx: Context, df: pd.DataFrame, name_universities: bool = True) -> list[str]:
    """Which figures are sums of universities (each county's universities named, or without name_universities
    one line saying so: a chart of all 21 counties beside the chosen regions' chart, which names them), and
    where a region's own published figure (the seed table's cells, of uncertain year) differs from that sum:
    shown beside it as printed, never ranked."""
    if name_universities:
        notes = sum_notes(ctx, df)
    else:
        sums = df[df.get("amount_basis", pd.Series(dtype=object)) == "sum_of_universities"]
        notes = [t("basis_sums_all_regions", ctx.lang)] if not sums.empty else []
    if "published_per_capita" not in df or df.empty:
        return notes
    df = df if "label" in df else label_regions(ctx, df)
    beside = df[(df.amount_basis == "sum_of_universities") & df.per_capita.notna() & df.published_per_capita.notna()]
    beside = beside[(beside.per_capita - beside.published_per_capita).abs() >= 0.5]
    if not beside.empty:
        items = "; ".join(t("basis_sum_instead", ctx.lang, region=r.label, year=int(r.year),
                            published=kr(ctx, r.published_per_capita), sum=kr(ctx, r.per_capita))
                          for r in beside.itertuples())
        notes.append(t("basis_published_cell_beside", ctx.lang, items=items))
    return notes


def amount_frame(ctx: Context, indicator: str, year: int) -> pd.DataFrame:
    """The amounts behind this year's bars in the columns of the observations query: a region's own figure,
    else (appropriations) the sum of its universities, as per_capita.sql decides; source_ids lists every source."""
    df = ctx.run("per_capita", indicator=indicator, year=year, regions=list(ctx.selection.regions),
                 compose=ctx.selection.compose)
    return df.rename(columns={"amount": "value", "amount_text": "value_text", "amount_status": "status",
                              "amount_note": "note", "amount_source_id": "source_id",
                              "amount_source_ids": "source_ids"})


def source_ids(df: pd.DataFrame) -> list[str]:
    """Every source id of a frame with a comma-separated source_ids column."""
    return [s for ids in df.source_ids.dropna() for s in ids.split(",")]


def missing_reason(ctx: Context, row) -> str:
    if row.amount_basis == "incomplete_sum" and isinstance(row.universities_missing, str):
        return t("incomplete_sum", ctx.lang, universities=row.universities_missing)
    if formatting.is_missing(row.amount):
        return t("value_missing", ctx.lang)
    return t("population_missing", ctx.lang, year=int(row.year) - 1)


def missing_notes(ctx: Context, df: pd.DataFrame, chosen) -> list[str]:
    """'Saknas för Stockholm 2026: folkmängd 31 december 2025 saknas i data', one line per reason."""
    by_reason: dict[str, list[str]] = {}
    for row in df[df.per_capita.isna() & (df.amount_basis != "composed")].itertuples():  # composed: notes of their own
        by_reason.setdefault(missing_reason(ctx, row), []).append(f"{row.label} {int(row.year)}")
    notes = [f"{t('missing_years_for', ctx.lang, items=', '.join(items))}: {reason}"
             for reason, items in by_reason.items()]
    absent = [ctx.region_name(c) for c in chosen if c not in set(df.region_code)]
    if absent:
        notes.append(f"{t('missing_for', ctx.lang, regions=', '.join(absent))}: {t('not_in_data', ctx.lang)}")
    return notes


def over_time_frame(ctx: Context, indicator: str) -> pd.DataFrame:
    sel = ctx.selection
    df = ctx.run("per_capita", indicator=indicator, regions=list(sel.regions), year_from=sel.year_from,
                 year_to=sel.year_to, compose=sel.compose)
    df = label_regions(ctx, df)
    df["status"] = [combined_status(a, p) for a, p in zip(df.amount_status, df.population_status)]
    df["note"] = [" / ".join(n for n, s in ((an, a), (pn, p)) if isinstance(n, str) and s in ("provisional", "conflicting"))
                  for an, a, pn, p in zip(df.amount_note, df.amount_status, df.population_note, df.population_status)]
    df["text"] = [
        (marked(kr(ctx, v), s) + (f" ({t('hover_sum_of_universities', ctx.lang, universities=universities_text(ctx, c, u))})"
                                  if b == "sum_of_universities" and isinstance(u, str) else ""))
        if not formatting.is_missing(v) else t("missing", ctx.lang)
        for v, s, b, u, c in zip(df.per_capita, df.status, df.amount_basis, df.universities, df.region_code)
    ]
    return df


def line_frame(df: pd.DataFrame) -> pd.DataFrame:
    """The drawn points on every year any region has one, a gap (not a bridge) where a region lacks that year."""
    drawn = df[df.per_capita.notna()]
    years = sorted(drawn.year.unique())
    regions = list(dict.fromkeys(drawn.region_code))
    grid = pd.MultiIndex.from_product([regions, years], names=["region_code", "year"]).to_frame(index=False)
    line = grid.merge(drawn, on=["region_code", "year"], how="left")
    line["label"] = line.groupby("region_code").label.transform("first")
    return line


def per_capita_over_time_chart(ctx: Context, indicator: str) -> ChartView | None:
    """The chosen amount per inhabitant over the chosen years (all years when none are chosen)."""
    df = over_time_frame(ctx, indicator)
    drawn = df[df.per_capita.notna()]
    years = set(drawn.year)
    if not years or years == {ctx.year_for(indicator)}:
        return None  # nothing to draw, or the one year the bars already show
    lang, name = ctx.lang, ctx.indicator_name(indicator)
    title = t("per_capita_over_time_title", lang, indicator=name, years=years_text(drawn.year))
    spec = specs.lines_over_time(line_frame(df), value="per_capita", code="region_code", label="label",
                                  text="text", home=ctx.selection.home, lang=lang, title=title,
                                  axis_title=t("per_capita_unit", lang), decimals=0, status="status")
    marks = status_notes(ctx, drawn)
    from regionstats.views import composed  # composed reads years_text from here

    notes = ([t("per_capita_over_time_formula", lang, indicator=name)] + basis_notes(ctx, drawn)
             + missing_notes(ctx, df, ctx.selection.regions) + composed.notes(ctx, df, indicator, per_capita=True)
             + marks)
    sources = [s for ids in drawn.amount_source_ids.dropna() for s in ids.split(",")]
    sources += list(drawn.population_source_id.dropna())
    years = list(drawn.year) + [y - 1 for y in drawn.year]
    return ChartView(f"over_time_per_capita_{indicator}", title, spec, df, ctx.source_note(sources, years), notes,
                     status_notes=marks)
