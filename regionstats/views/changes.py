"""Ändringar: what changed since a recorded data version (the last meeting's), the home region first.

The rows come from queries/changes.sql over the chosen version's snapshot and the current data's
(regionstats/versions.py); this module only words and formats them. The command line
(``python -m regionstats changes``) prints the same table.
"""

from pathlib import Path

import pandas as pd

from regionstats import config, formatting, specs, versions
from regionstats.i18n import t
from regionstats.views import ChartView, Context, Kpi, PageView, TableView, verdict_text

TITLE, INTRO = "page_changes", "changes_intro"
SOURCE_CHARS = 70  # a source in the table: publisher and title, cut (the whole reference is under the table)
TAGS = ("new_edition", "revised", "new_source", "newly_missing", "filled")
# the data folder's files and saved versions are read besides the queries: a warm-up for a published warehouse
# (regionstats/cached.py) builds this view anew instead of keeping it when every query answers the same
READS_BEYOND_QUERIES = True


def build(ctx: Context) -> PageView:
    title, intro = t(TITLE, ctx.lang), t(INTRO, ctx.lang)
    data_dir = config.data_dir()
    history = [history_chart(ctx, data_dir)]
    try:
        comparison = compare(ctx, data_dir)
    except versions.VersionError as problem:
        return PageView(title, intro, notes=[version_problem(problem, ctx.lang)], charts=history,
                        tables=[history_table(ctx, data_dir)])
    return PageView(title, intro, kpis=tag_counts(ctx, comparison.rows), notes=[compared_note(ctx, comparison)],
                    charts=[by_region_chart(ctx, comparison)] + history,
                    tables=[changes_table(ctx, comparison), figures_table(ctx, comparison),
                            history_table(ctx, data_dir)])


def compare(ctx: Context, data_dir: Path, since: str | None = None) -> versions.Comparison:
    """The chosen version (the selection's ``since``, else the one before the last change) against today's
    data, whose snapshot is asked through the view's runner (cached in the app) only once a version to
    compare with is found."""
    selection = ctx.selection
    focus = [code for code in selection.regions if code != selection.home]
    return versions.compare(data_dir, since or selection.since, selection.home, focus,
                            after=lambda: ctx.run("version_snapshot"))


def by_region_chart(ctx: Context, comparison: versions.Comparison) -> ChartView:
    """How many changes concern each chosen region (its cities and universities counted with it)."""
    rows = comparison.rows
    county = rows["region_code"].map(lambda code: ctx.regions["county_code"].get(code)).fillna(rows["region_code"])
    counts = county.value_counts()
    frame = pd.DataFrame({"region_code": list(ctx.selection.regions)})
    frame["label"] = [ctx.region_name(code) for code in frame.region_code]
    frame["changes"] = [int(counts.get(code, 0)) for code in frame.region_code]
    frame["text"] = [formatting.number(n, 0, ctx.lang) for n in frame.changes]
    title = t("changes_by_region_title", ctx.lang, date=comparison.since.day)
    spec = specs.bar_by_region(frame, value="changes", label="label", code="region_code", text="text",
                                home=ctx.selection.home, lang=ctx.lang, title=title,
                                axis_title=t("changes_count_axis", ctx.lang))
    return ChartView("changes_by_region", title, spec, frame, version_source(ctx, comparison),
                     notes=[t("changes_by_region_note", ctx.lang)])


def version_source(ctx: Context, comparison: versions.Comparison) -> str:
    return t("changes_source_note", ctx.lang, since=comparison.since.version, current=comparison.current)


def history_chart(ctx: Context, data_dir: Path) -> ChartView:
    """The number of values in each recorded version and in today's data (unrecorded or not)."""
    from regionstats import db

    fingerprint = db.data_fingerprint(Path(data_dir))
    entries = versions.history(data_dir)
    labels, counts, codes = [], [], []
    for entry in entries:
        labels.append(version_label(ctx, entry))
        counts.append(versions.value_count(data_dir, entry.version))
        codes.append(entry.version)
    if fingerprint not in codes:
        labels.append(t("changes_today", ctx.lang, version=fingerprint[:8]))
        counts.append(int(ctx.run("value_count")["n_values"].iloc[0]))
        codes.append(fingerprint)
    frame = pd.DataFrame({"version": codes, "label": labels, "values": counts})
    frame["text"] = [formatting.number(n, 0, ctx.lang) for n in frame["values"]]
    frame["series"] = t("changes_values_axis", ctx.lang)
    title = t("changes_history_chart_title", ctx.lang)
    spec = specs.grouped_bars(frame, category="label", group="series", value="values", text="text",
                               lang=ctx.lang, title=title, axis_title=t("changes_values_axis", ctx.lang))
    return ChartView("changes_versions", title, spec, frame.drop(columns="series"),
                     t("changes_history_source", ctx.lang), notes=[t("changes_history_note", ctx.lang)])


def version_problem(problem: versions.VersionError, lang: str) -> str:
    return t(f"changes_error_{problem.code}", lang, **problem.detail)


def version_label(ctx: Context, version: versions.Version) -> str:
    """'2026-10-01 · import (mall.csv) · c616891f'."""
    made = t(f"changes_made_by_{version.made_by}", ctx.lang)
    detail = f" ({version.detail})" if version.detail else ""
    return f"{version.day} · {made}{detail} · {version.version[:8]}"


def compared_note(ctx: Context, comparison: versions.Comparison) -> str:
    current = (version_label(ctx, comparison.current_recorded) if comparison.current_recorded
               else t("changes_current_unrecorded", ctx.lang, version=comparison.current[:8]))
    return t("changes_compared", ctx.lang, since=version_label(ctx, comparison.since), current=current,
             n=len(comparison.rows))


def tag_counts(ctx: Context, rows: pd.DataFrame) -> list[Kpi]:
    counts = rows["tag"].value_counts()
    return [Kpi(t(f"changes_tag_{tag}", ctx.lang), formatting.number(int(counts.get(tag, 0)), 0, ctx.lang))
            for tag in TAGS if tag != "filled" or counts.get(tag, 0)]


def changes_table(ctx: Context, comparison: versions.Comparison) -> TableView:
    rows = comparison.rows
    title = t("changes_table_title", ctx.lang, date=comparison.since.day, version=comparison.since.version[:8])
    sources = list(rows["after_source"].dropna()) + list(rows["before_source"].dropna())
    return TableView("changes", title, worded(ctx, rows), ctx.source_note(sources),
                     notes=[t("changes_rule_note", ctx.lang)], on_slide=True)


def worded(ctx: Context, rows: pd.DataFrame) -> pd.DataFrame:
    """The changes as the page and the command line show them, in the user's language."""
    lang = ctx.lang
    return pd.DataFrame({
        t("region", lang): [ctx.region_name(code) for code in rows["region_code"]],
        t("indicator", lang): [indicator_name(ctx, i) for i in rows["indicator_id"]],
        t("year", lang): [int(y) for y in rows["year"]],
        t("changes_what", lang): [t(f"changes_what_{w}", lang) for w in rows["what"]],
        t("changes_tag", lang): [t(f"changes_tag_{tag}", lang) for tag in rows["tag"]],
        t("changes_before", lang): [side(ctx, row, "before") for row in rows.itertuples()],
        t("changes_after", lang): [side(ctx, row, "after") for row in rows.itertuples()],
        t("changes_source_before", lang): [source_name(ctx, s) for s in rows["before_source"]],
        t("changes_source_after", lang): [source_name(ctx, s) for s in rows["after_source"]],
    }, columns=[t(key, lang) for key in ("region", "indicator", "year", "changes_what", "changes_tag",
                                          "changes_before", "changes_after", "changes_source_before",
                                          "changes_source_after")])


def figures_table(ctx: Context, comparison: versions.Comparison) -> TableView:
    """The home region's latest figures in the chosen version beside today's, the changed ones first."""
    lang, home = ctx.lang, ctx.selection.home
    rows = versions.figures(comparison.before, comparison.after, home)
    frame = pd.DataFrame({
        t("region", lang): [ctx.region_name(code) for code in rows["region_code"]],
        t("indicator", lang): [indicator_name(ctx, i) for i in rows["indicator_id"]],
        t("changes_changed", lang): [t("changes_yes" if changed else "changes_no", lang) for changed in rows["changed"]],
        t("changes_in_version", lang, version=comparison.since.version[:8]): [
            figure(ctx, row, "before") for row in rows.itertuples()],
        t("changes_today_column", lang): [figure(ctx, row, "after") for row in rows.itertuples()],
    })
    title = t("changes_figures_title", lang, region=ctx.region_name(home), date=comparison.since.day)
    sources = list(comparison.after.loc[comparison.after.region_code == home, "source_id"].dropna())
    return TableView("version_figures", title, frame, ctx.source_note(sources))


def figure(ctx: Context, row, which: str) -> str:
    """A figure of one version: '75 MSEK (2026) · plats 1 av 1 · I topp fem', or 'saknas'."""
    year = getattr(row, f"{which}_year")
    if formatting.is_missing(year):
        return t("missing", ctx.lang)
    value, text = getattr(row, f"{which}_value"), getattr(row, f"{which}_text")
    text = text if isinstance(text, str) else None
    shown = (ctx.fmt(value, row.indicator_id, text) if row.indicator_id in ctx.indicators.index
             else text or formatting.number(value, 2, ctx.lang))
    parts = [f"{shown} ({int(year)})"]
    rank, verdict = getattr(row, f"{which}_rank"), getattr(row, f"{which}_verdict")
    if not formatting.is_missing(rank) and not formatting.is_missing(getattr(row, f"{which}_n_ranked")):
        parts.append(t("changes_place_of", ctx.lang, rank=int(rank), n=int(getattr(row, f"{which}_n_ranked"))))
    if isinstance(verdict, str):
        parts.append(verdict_text(ctx, verdict))
    return " · ".join(parts)


def indicator_name(ctx: Context, indicator_id: str) -> str:
    return ctx.indicator_name(indicator_id) if indicator_id in ctx.indicators.index else indicator_id


def side(ctx: Context, row, which: str) -> str:
    """One side of a change in words: the value, place or verdict with its year ('71 mnkr (2021)')."""
    year = getattr(row, f"{which}_year")
    if formatting.is_missing(year):
        return t("missing", ctx.lang)
    value, text = getattr(row, f"{which}_value"), getattr(row, f"{which}_text")
    if row.what == "verdict":
        shown = verdict_text(ctx, text if isinstance(text, str) else None)
    elif row.what == "rank":
        shown = t("changes_place_of", ctx.lang, rank=int(value), n=int(getattr(row, f"{which}_n_ranked")))
    elif row.what == "ladder_place":
        shown = t("changes_place", ctx.lang, rank=int(value))
    elif row.indicator_id in ctx.indicators.index:
        shown = ctx.fmt(value, row.indicator_id, text if isinstance(text, str) else None)
    else:
        shown = text if isinstance(text, str) else formatting.number(value, 2, ctx.lang)
    return f"{shown} ({int(year)})"


def source_name(ctx: Context, source_id) -> str:
    if not isinstance(source_id, str):
        return ""
    if source_id not in ctx.sources.index:
        return source_id
    publisher = str(ctx.sources.loc[source_id, "publisher"])
    # the title is cut, never the marker of its language; a long publisher name leaves the title 24 characters
    return f"{publisher}: {ctx.source_title(source_id, limit=max(SOURCE_CHARS - len(publisher) - 2, 24))}"


def history_table(ctx: Context, data_dir: Path) -> TableView:
    """Every recorded version, newest first."""
    lang = ctx.lang
    entries = list(reversed(versions.history(data_dir)))
    frame = pd.DataFrame({
        t("changes_version", lang): [e.version for e in entries],
        t("changes_date", lang): [e.date for e in entries],
        t("changes_made_by", lang): [t(f"changes_made_by_{e.made_by}", lang) for e in entries],
        t("changes_detail", lang): [e.detail for e in entries],
    }, columns=[t(k, lang) for k in ("changes_version", "changes_date", "changes_made_by", "changes_detail")])
    return TableView("versions", t("changes_history_title", lang), frame, notes=[t("changes_history_note", lang)])


def version_options(data_dir: Path) -> list[versions.Version]:
    """The versions a user can compare today's data with: each recorded fingerprint once (its latest
    entry), the current one left out, newest first."""
    from regionstats import db

    current = db.data_fingerprint(Path(data_dir))
    latest = {e.version: e for e in versions.history(data_dir) if e.version != current}
    return sorted(latest.values(), key=lambda e: e.date, reverse=True)
