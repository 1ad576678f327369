"""What a composed region's values say beside them (regionstats/composition.py, queries/models/90_composed.sql).

The values come from SQL; these are the notes: who the members are and how the value was rebuilt, which
years are incomplete and who is missing, and the indicators that cannot be composed at all.
"""

import pandas as pd

from regionstats import formatting
from regionstats.i18n import column, t
from regionstats.views import Context
from regionstats.views.funding_over_time import years_text

METHODS = {"sum": "composed_method_sum", "ratio": "composed_method_ratio"}


def composed_rows(frame: pd.DataFrame) -> pd.DataFrame:
    if frame.empty or "composed_reason" not in frame:
        return frame.iloc[0:0]
    return frame[frame["composed_reason"].notna()]


def codes_with_all(ctx: Context, codes) -> list[str]:
    """The chosen regions followed by the composed ones."""
    return list(dict.fromkeys(list(codes) + ctx.selection.composed_codes))


def notes(ctx: Context, frame: pd.DataFrame, indicator: str, per_capita: bool = False) -> list[str]:
    """One line per composed region (members and method), then the incomplete and impossible values."""
    lang = ctx.lang
    rows = composed_rows(frame)
    lines = []
    for composition in ctx.selection.compositions:
        own = rows[rows.region_code == composition.code]
        members = " + ".join(ctx.region_name(c) for c in composition.members)
        if not own.empty and (own.composed_reason == "not_composable").all():
            lines.append(t("composed_not_composable", lang, name=composition.name,
                           indicator=ctx.indicator_name(indicator)))
            continue
        aggregation = next((a for a in own.get("aggregation", pd.Series(dtype=object)).dropna()), "sum")
        method = "composed_method_per_capita" if per_capita else METHODS.get(aggregation, "composed_method_sum")
        lines.append(t("composed_members_note", lang, name=composition.name, members=members, method=t(method, lang)))
        lines += _missing_lines(ctx, own, composition.name, "composed_reason", column("members_missing", lang),
                                "composed_incomplete")
        if per_capita and "population_composed_reason" in own:
            valued = own[own.composed_reason == "complete"]
            lines += _missing_lines(ctx, valued, composition.name, "population_composed_reason",
                                    column("population_members_missing", lang), "composed_population_incomplete",
                                    all_missing=members)
    return lines


def _missing_lines(ctx: Context, own: pd.DataFrame, name: str, reason: str, missing: str, key: str,
                   all_missing: str = "") -> list[str]:
    lines = []
    incomplete = own[own[reason] == "incomplete"]
    for who, group in incomplete.groupby(incomplete[missing].fillna(all_missing), sort=False):
        lines.append(t(key, ctx.lang, name=name, years=years_text(group.year), members=who or all_missing))
    zero = own[own[reason] == "zero_denominator"]
    if not zero.empty:
        lines.append(t("composed_zero_denominator", ctx.lang, name=name, years=years_text(zero.year)))
    return lines

