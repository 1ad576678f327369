"""All 21 regions ranked on one indicator (as Kolada shows them), and who is in the top five.

Ranks, gaps and the in/out of the top five come from SQL (queries/top_five_gap.sql); this module
only orders and words them.
"""

import pandas as pd

from regionstats.i18n import t
from regionstats.views import Context


def counties(ctx: Context) -> list[str]:
    return ctx.regions[ctx.regions.kind == "county"].region_code.tolist()


def ranked_frame(ctx: Context, indicator: str, year: int) -> pd.DataFrame:
    """Every county with its value, rank and place in/out of the top five, best first, missing last."""
    codes = counties(ctx)
    df = ctx.run("top_five_gap", indicator=indicator, year=year, regions=codes)
    absent = [c for c in codes if c not in set(df.region_code)]
    if absent:
        df = pd.concat([df, pd.DataFrame({"region_code": absent})], ignore_index=True)
    df["label"] = [ctx.region_name(c) for c in df.region_code]
    # a county with a row but no value has a null rank: NaN, not pandas' NA (whose truth is ambiguous, which
    # crashed Karta on FoU-utgifter i företagssektorn)
    df["rank"] = df["rank"].astype(float)
    return df.sort_values(["rank", "label"], na_position="last").reset_index(drop=True)


def top_five_answer(ctx: Context, indicator: str, year: int | None, shown: str | None = None) -> str:
    """One sentence: the five best regions, or why the data cannot say (``shown``: the year as labelled,
    e.g. the period 2015–19 stored as 2019)."""
    if year is None:
        return t("no_data", ctx.lang)
    df = ranked_frame(ctx, indicator, year)
    ranked = df.dropna(subset=["rank"])
    total = len(df)
    name = ctx.indicator_name(indicator)
    if ranked.empty or (ranked.verdict == "too_few").any():  # SQL's rule (queries/models/40_ranked.sql)
        names = ", ".join(ranked.label) or "—"
        return t("top_five_cannot", ctx.lang, indicator=name, year=shown or year, n=len(ranked), total=total,
                 regions=names)
    top = ranked[ranked.in_top_five.fillna(False).astype(bool)]
    listed = ", ".join(f"{row.label} ({ctx.fmt(row.value, indicator, row.value_text)})" for row in top.itertuples())
    return t("top_five_are", ctx.lang, indicator=name, year=shown or year, total=int(ranked.n_ranked.iloc[0]),
             regions=listed)
