"""Världens topp fem: the region on every international list, the distance to fifth place, the path there.

All figures come from queries/world_*.sql (places, list sizes, fifth place, distance, trend and the path
arithmetic); this module only words and draws them.
"""


import pandas as pd

from regionstats import formatting, specs
from regionstats.chartspec import IN_TOP_FIVE, OUT_OF_TOP_FIVE, Break, ChartSpec, Point, Series
from regionstats.i18n import column, name_column, pick, t
from regionstats.views import ChartView, Context, PageView, TableView

TITLE, INTRO = "page_world", "world_intro"
STOCKHOLM = "01"
# the leading European life science regions the NUTS 2 view names beside the home region
PEERS = ("DK01", "DE21", "FR10", "UKH1", "UKI3", "FI1B", "CH04")
MAP_INDICATOR = "eu_rd_share_gdp"
PEER_INDICATORS = ("eu_rd_share_gdp", "eu_rd_share_gdp_bes", "eu_rd_personnel_fte", "eu_hrst_pct_pop",
                   "eu_htec_emp_pct")


def subjects(ctx: Context) -> list[str]:
    """The home region, and Stockholm (the region with the top-five goal) when home is another one."""
    home = ctx.selection.home if ctx.selection.home in ctx.regions.index else STOCKHOLM
    if home == "00":
        home = STOCKHOLM
    return [home] if home == STOCKHOLM else [home, STOCKHOLM]


def build(ctx: Context) -> PageView:
    regions = subjects(ctx)
    ladders = {code: ctx.run("world_ladders", region=code) for code in regions}
    # the charts follow the home region when it has a place somewhere, else Stockholm
    focus = next((c for c in regions if ladders[c].place.notna().any()), STOCKHOLM)
    if focus not in ladders:
        ladders[focus] = ctx.run("world_ladders", region=focus)
    nuts2 = ctx.run("world_nuts2", region=regions[0])
    chart_views = [distance_chart(ctx, focus, ladders[focus]), trend_chart(ctx, focus, ladders[focus]),
                   nuts2_map(ctx, regions[0], nuts2)]
    return PageView(
        t(TITLE, ctx.lang), t(INTRO, ctx.lang),
        lead_tables=[ladder_table(ctx, code, ladders[code]) for code in regions],
        charts=[c for c in chart_views if c is not None],
        tables=[path_table(ctx, focus, ladders[focus]), leaders_table(ctx), nuts2_table(ctx, regions[0], nuts2),
                nuts2_peers_table(ctx, regions[0], nuts2)],
        notes=[],
    )


# --- words -----------------------------------------------------------------------------------------


def list_name(ctx: Context, row) -> str:
    return pick(row, "name", ctx.lang)


def scope_text(ctx: Context, scope: str, size) -> str:
    if formatting.is_missing(size):
        return t(f"world_scope_{scope}_unknown", ctx.lang)
    return t(f"world_scope_{scope}", ctx.lang, n=formatting.number(size, 0, ctx.lang))


def place_text(ctx: Context, row) -> str:
    if formatting.is_missing(row.place):
        return t("world_no_place", ctx.lang)
    place = edition_place({"place": row.place, "text": row.place_text, "status": row.status}, ctx.lang)
    if formatting.is_missing(row.list_size):
        return place
    return t("world_place_of", ctx.lang, place=place, n=formatting.number(row.list_size, 0, ctx.lang))


def distance_text(ctx: Context, distance) -> str:
    if formatting.is_missing(distance):
        return ""
    if distance == 0:
        return t("world_in_top_five", ctx.lang)
    return t("world_places", ctx.lang, n=formatting.number(distance, 0, ctx.lang))


def fifth_text(ctx: Context, row) -> str:
    holder = pick(row, "fifth_holder", ctx.lang)
    if not isinstance(holder, str):
        return t("world_fifth_unknown", ctx.lang)
    return f"{holder} ({int(row.fifth_place)})" if row.fifth_place != 5 else holder


def history_text(ctx: Context, history) -> str:
    if history is None or (not isinstance(history, (list, tuple)) and formatting.is_missing(history)):
        return ""
    return " → ".join(f"{edition_place(h, ctx.lang)} ({h['edition']})" for h in history)


def edition_place(edition: dict, lang: str) -> str:
    """A place as published: the number, or the band's text (401–500); * when not a plain published place."""
    band = "-" in str(edition["text"])
    mark = "" if edition.get("status") in (None, "published") else "*"
    return formatting.value(None if band else edition["place"], "rank", 0, lang, edition["text"]) + mark


def trend_text(ctx: Context, row) -> str:
    if formatting.is_missing(row.place):
        return ""
    if row.n_editions < 2 or formatting.is_missing(row.slope):
        if row.n_editions == 1 and has_breaks(row):  # earlier editions under another method: no trend
            return (f"{history_text(ctx, row.history)} · "
                    f"{t('world_one_edition_segment', ctx.lang, year=int(row.segment_start))}")
        return t("world_one_edition", ctx.lang) if row.n_editions == 1 else ""
    direction = ("world_better" if row.slope < 0 else "world_worse" if row.slope > 0 else "world_flat")
    slope = signed_number(row.slope, ctx.lang)
    since = (f", {t('world_trend_segment', ctx.lang, year=int(row.segment_start))}"
             if has_breaks(row) else "")
    return (f"{history_text(ctx, row.history)} · {t(direction, ctx.lang)} "
            f"({t('world_per_year', ctx.lang, slope=slope)}{since})")


def has_breaks(row) -> bool:
    """A method change inside the editions shown (the trend then counts only the latest segment)."""
    breaks = getattr(row, "breaks", None)
    return breaks is not None and not (not isinstance(breaks, (list, tuple)) and formatting.is_missing(breaks)) \
        and len(breaks) > 0


def signed_number(amount, lang: str) -> str:
    """+0,1 / −13,3: a change in places with one decimal."""
    return ("+" if amount > 0 else "") + formatting.number(amount, 1, lang)


def entry_name(ctx: Context, row) -> str:
    name = pick(row, "entry_name", ctx.lang)
    if not isinstance(name, str):
        return ""
    if row.scope in ("city", "cluster") and row.entry_kind == "county":
        return t("world_city_entry", ctx.lang, name=name)
    return name


# --- tables ----------------------------------------------------------------------------------------


def ladder_table(ctx: Context, region: str, ladders: pd.DataFrame) -> TableView:
    lang = ctx.lang
    rows = [{
        t("world_list", lang): list_name(ctx, row),
        t("world_place", lang): place_text(ctx, row),
        t("world_edition", lang): "" if formatting.is_missing(row.edition) else str(int(row.edition)),
        t("world_fifth", lang): fifth_text(ctx, row),
        t("world_distance", lang): distance_text(ctx, row.distance),
        t("world_trend", lang): trend_text(ctx, row),
        t("world_scope", lang): scope_text(ctx, row.scope, row.list_size),
        t("world_entry", lang): entry_name(ctx, row),
        t("world_life_science", lang): t("world_yes" if row.life_science else "world_no", lang),
        t("world_method", lang): pick(row, "method", lang),
    } for _, row in ladders.iterrows()]
    sources = list(ladders.source_id.dropna()) + list(ladders.list_size_source_id.dropna())
    return TableView(f"world_ladders_{region}", t("world_ladder_title", lang, region=ctx.region_name(region)),
                     pd.DataFrame(rows), ctx.source_note(sources, ladders.edition.dropna()),
                     [t("world_caveat", lang)])


def path_table(ctx: Context, region: str, ladders: pd.DataFrame) -> TableView:
    lang = ctx.lang
    placed = ladders[ladders.place.notna()]
    target = placed.target_year.dropna()
    year = int(target.iloc[0]) if len(target) else None
    rows = []
    for _, row in placed.iterrows():
        rows.append({
            t("world_list", lang): list_name(ctx, row),
            t("world_place", lang): f"{place_text(ctx, row)} ({int(row.edition)})",
            t("world_path_editions", lang): str(int(row.n_editions)),
            t("world_path_slope", lang): trend_text(ctx, row).split(" · ")[-1] if row.n_editions >= 2 else "",
            t("world_path_left", lang, year=year or "–"): ("" if formatting.is_missing(row.editions_left)
                                                          else str(max(int(row.editions_left), 0))),
            t("world_path_needed", lang): needed_text(ctx, row),
            t("world_path_reach", lang): reach_text(ctx, row),
        })
    goal = goal_name(ctx, region)
    notes = [t("world_path_method", lang, year=year, goal=goal) if year else t("world_path_none", lang)]
    return TableView(f"world_path_{region}", t("world_path_title", lang, year=year or "–"),
                     pd.DataFrame(rows), ctx.source_note(placed.source_id), notes)


def needed_text(ctx: Context, row) -> str:
    if row.path_status == "in_top_five":
        return t("world_in_top_five", ctx.lang)
    if row.path_status == "too_few_editions":
        return t("world_path_too_few", ctx.lang)
    if formatting.is_missing(row.editions_left) or row.editions_left < 1:
        return t("world_path_passed", ctx.lang)
    return t("world_path_places_per_edition", ctx.lang,
             n=signed_number(row.needed_per_edition, ctx.lang))


def reach_text(ctx: Context, row) -> str:
    status = row.path_status
    if status == "in_top_five":
        return t("world_path_in_top_five", ctx.lang, year=int(row.reach_year))
    if status == "too_few_editions":
        return t("world_path_too_few", ctx.lang)
    if status == "never":
        return t("world_path_never", ctx.lang)
    return str(int(row.reach_year))


def goal_name(ctx: Context, region: str) -> str:
    goals = ctx.run("goals_progress")
    goals = goals[goals.target_value.eq(5) & goals.target_comparator.eq("<=")]
    own = goals[goals.region_code == region]
    chosen = own if len(own) else goals
    if chosen.empty:
        return ""
    goal = chosen.sort_values("target_year").iloc[0]
    return f"{goal.owner}, ”{goal.goal_text}”"


def leaders_table(ctx: Context) -> TableView:
    lang = ctx.lang
    leaders = ctx.run("world_leaders")
    names = ctx.indicators[column("name", lang)]
    rows = []
    for indicator_id, group in leaders.groupby("indicator_id", sort=False):
        row = {t("world_list", lang): names[indicator_id],
               t("world_edition", lang): str(int(group.edition.iloc[0]))}
        for place in range(1, 6):
            holders = group[group.place == place][column("name", lang)]
            row[t("world_leaders_place", lang, n=place)] = ", ".join(holders)
        rows.append(row)
    return TableView("world_leaders", t("world_leaders_title", lang), pd.DataFrame(rows),
                     ctx.source_note(leaders.source_id, leaders.edition), [t("world_leaders_note", lang)])


def nuts2_table(ctx: Context, region: str, values: pd.DataFrame) -> TableView:
    """The home region's NUTS 2 region on every Eurostat indicator: value, place among the NUTS 2 regions
    with a value that year (never among counties), and the best region."""
    lang = ctx.lang
    notes = [t("world_level_note", lang)]
    if values.empty:
        eurostat = [i for i in ctx.indicators.indicator_id if i.startswith("eu_")]
        rows = [{t("indicator", lang): ctx.indicator_name(i), t("value", lang): formatting.MISSING[lang],
                 t("note", lang): t("world_nuts2_not_fetched", lang)} for i in eurostat]
        return TableView("world_nuts2", t("world_nuts2_title", lang), pd.DataFrame(rows),
                         notes=[t("world_nuts2_empty", lang)] + notes)
    home = values[values.is_home]
    rows = []
    for indicator_id, group in values.groupby("indicator_id", sort=False):
        own = home[home.indicator_id == indicator_id]
        best = group.sort_values(["rank", "nuts2"]).iloc[0]
        rows.append({
            t("indicator", lang): ctx.indicator_name(indicator_id),
            t("year", lang): str(int(group.year.iloc[0])),
            t("region", lang): own[name_column(lang)].iloc[0] if len(own) else "",
            t("value", lang): ctx.fmt(own.value.iloc[0], indicator_id, own.value_text.iloc[0]) if len(own)
            else f"{formatting.MISSING[lang]} ({t('not_in_data', lang)})",
            t("rank", lang): t("world_rank_among", lang, rank=int(own["rank"].iloc[0]), n=int(own.n_ranked.iloc[0]))
            if len(own) else "",
            t("world_nuts2_best", lang): f"{best[name_column(lang)]} ({ctx.fmt(best.value, indicator_id, best.value_text)})",
        })
    title = t("world_nuts2_home_title", lang, region=home[name_column(lang)].iloc[0] if len(home)
              else ctx.region_name(region))
    return TableView("world_nuts2", title, pd.DataFrame(rows), ctx.source_note(values.source_id, values.year),
                     notes + [t("world_nuts2_year_note", lang)])


def nuts2_peers_table(ctx: Context, region: str, values: pd.DataFrame) -> TableView | None:
    """The leading European life science regions and the home region's NUTS 2 region side by side."""
    lang = ctx.lang
    shown = values[values.indicator_id.isin(PEER_INDICATORS)
                   & (values.nuts2.isin(PEERS) | values.is_home)]
    if shown.empty:
        return None
    years = shown.groupby("indicator_id").year.first()
    order = list(dict.fromkeys(list(shown[shown.is_home].nuts2) + [p for p in PEERS if p in set(shown.nuts2)]))
    rows = []
    for nuts2 in order:
        own = shown[shown.nuts2 == nuts2]
        row = {t("region", lang): own[name_column(lang)].iloc[0]}
        for indicator_id in (i for i in PEER_INDICATORS if i in years.index):
            cell = own[own.indicator_id == indicator_id]
            header = f"{ctx.indicator_name(indicator_id)} {int(years[indicator_id])}"
            row[header] = (t("world_value_place", lang, value=ctx.fmt(cell.value.iloc[0], indicator_id,
                                                                       cell.value_text.iloc[0]),
                             rank=int(cell["rank"].iloc[0])) if len(cell) else formatting.MISSING[lang])
        rows.append(row)
    return TableView("world_nuts2_peers", t("world_nuts2_peers_title", lang), pd.DataFrame(rows),
                     ctx.source_note(shown.source_id, shown.year), [t("world_nuts2_peers_note", lang)])


# --- charts ----------------------------------------------------------------------------------------


def distance_chart(ctx: Context, region: str, ladders: pd.DataFrame) -> ChartView | None:
    """The ladder slide: one bar per list, the distance to fifth place in places."""
    lang = ctx.lang
    placed = ladders[ladders.place.notna()].copy()
    if placed.empty:
        return None
    placed["label"] = [f"{list_name(ctx, r)} {int(r.edition)}" for _, r in placed.iterrows()]
    placed["text"] = [t("world_distance_text", lang, place=place_text(ctx, r),
                        distance=distance_text(ctx, r.distance)) for _, r in placed.iterrows()]
    placed = placed.sort_values("distance", ascending=False)
    title = t("world_distance_title", lang, region=ctx.region_name(region))
    colours = [IN_TOP_FIVE if d == 0 else OUT_OF_TOP_FIVE for d in placed.distance]
    points = [Point(label, float(d), text) for label, d, text in zip(placed.label, placed.distance, placed.text)]
    axis = t("world_distance_axis", lang)
    spec = ChartSpec("bar_h", title, lang, [Series(t("world_distance", lang), points, colours)], axis_title=axis,
                     height=max(360, 70 * len(placed) + 140),
                     value_range=(0, float(placed.distance.max()) * 1.9 + 1))
    sources = list(placed.source_id.dropna()) + list(placed.list_size_source_id.dropna())
    notes = [f"{list_name(ctx, r)}: {fifth_text(ctx, r)}" for _, r in placed.iterrows() if r.distance > 0]
    data = placed[["indicator_id", "label", "edition", "place", "list_size", "distance", "fifth_holder_sv",
                   "fifth_holder_en", "source_id"]]
    return ChartView("world_distance", title, spec, data, ctx.source_note(sources, placed.edition),
                     [t("world_caveat", lang)] + notes)


def trend_chart(ctx: Context, region: str, ladders: pd.DataFrame) -> ChartView | None:
    lang = ctx.lang
    rows = []
    breaks, break_notes = {}, []  # one line a year, however many lists changed their method that year
    for _, ladder in ladders[ladders.n_editions_all >= 3].iterrows():
        if has_breaks(ladder):
            for b in ladder.breaks:
                breaks.setdefault(int(b["edition"]), Break(float(b["edition"]),
                                                           t("world_break", lang, year=int(b["edition"]))))
                break_notes.append(f"{list_name(ctx, ladder)}: {ctx.data_note(b['note'])}")
        for h in ladder.history:
            rows.append({"indicator_id": ladder.indicator_id, "label": list_name(ctx, ladder),
                         "year": int(h["edition"]), "place": float(h["place"]),
                         "text": edition_place(h, lang),
                         "source_id": ladder.source_id})
    if not rows:
        return None
    df = pd.DataFrame(rows)
    title = t("world_trend_title", lang, region=ctx.region_name(region))
    spec = specs.lines_over_time(df, value="place", code="indicator_id", label="label", text="text",
                                  home="", lang=lang, title=title, axis_title=t("world_trend_axis", lang),
                                  reversed_axis=True, band=(0.8, 5.5, t("top_five_band", lang)))
    spec.log_axis = True  # places 1 to 500, 1 at the top
    spec.breaks = list(breaks.values())
    notes = [t("world_break_note", lang)] + break_notes if breaks else []
    return ChartView("world_trend", title, spec, df, ctx.source_note(df.source_id, df.year), notes)


def nuts2_indicator_options(ctx: Context) -> list[str]:
    """The Eurostat NUTS 2 indicators with values, in the indicators' order (the map's choice)."""
    found = set(ctx.run("world_nuts2", region=subjects(ctx)[0]).indicator_id)
    return [i for i in ctx.indicators.indicator_id if i in found]


def map_indicator(ctx: Context) -> str:
    options = nuts2_indicator_options(ctx)
    if ctx.selection.indicator in options:
        return ctx.selection.indicator
    return MAP_INDICATOR if MAP_INDICATOR in options or not options else options[0]


def nuts2_map(ctx: Context, region: str, values: pd.DataFrame) -> ChartView | None:
    """Europe's NUTS 2 regions coloured by their place on one Eurostat indicator (R&D as a share of GDP unless
    another is chosen), the home region outlined."""
    lang = ctx.lang
    indicator = map_indicator(ctx)
    df = values[values.indicator_id == indicator].copy()
    if df.empty:
        return None
    year = int(df.year.iloc[0])
    df["label"] = df[name_column(lang)]
    df["text"] = [ctx.fmt(v, indicator, x) for v, x in zip(df.value, df.value_text)]
    home = df[df.is_home]
    title = t("world_nuts2_map_title", lang, indicator=ctx.indicator_name(indicator), year=year)
    meta = ctx.indicator(indicator)
    spec = specs.europe_map(df, code="nuts2", label="label", rank="rank", value="value", text="text",
                            home=home.nuts2.iloc[0] if len(home) else "", lang=lang, title=title,
                            axis_title=meta[column("unit", lang)], rank_title=t("map_place", lang),
                            decimals=int(meta.decimals), status="status")
    notes = [t("world_rank_among", lang, rank=int(home["rank"].iloc[0]), n=int(home.n_ranked.iloc[0]))
             + f": {home[name_column(lang)].iloc[0]}" if len(home) else "",
             t("world_nuts2_map_note", lang), t("world_nuts2_map_credit", lang)]
    data = df[["indicator_id", "nuts2", "label", "year", "value", "rank", "n_ranked", "status", "source_id"]]
    return ChartView(f"world_nuts2_map_{indicator}", title, spec, data, ctx.source_note(df.source_id, [year]),
                     [n for n in notes if n])
