"""Chart specifications from the views' frames: one builder per kind of chart, DataFrame -> ChartSpec.

Pure: no Streamlit, no SQL, no Plotly. The frame's columns are named by the caller (``value="per_capita"``);
the texts are the app's own ("1 715 kr", "saknas (reason)"), or the value in the locale's format where the
frame has none. Colours: the home region in the accent colour, Riket grey, the rest from the palette.
"""

import pandas as pd

from regionstats.chartspec import (HOME, IN_TOP_FIVE, OTHER, PALETTE, RIKET, Area, Band, Cell, ChartSpec, Point,
                                   Reference, Series)
from regionstats.formatting import MISSING, is_missing, number


def states(df: pd.DataFrame, status: str | None) -> list:
    """Each row's status where it is provisional or conflicting, else None."""
    if status is None or status not in df:
        return [None] * len(df)
    return [s if s in ("provisional", "conflicting") else None for s in df[status]]


def region_colours(codes: list[str], home: str) -> dict[str, str]:
    """Home in the accent colour, Riket grey, the rest from the palette (one colour if many)."""
    others = [c for c in codes if c not in (home, "00")]
    colours = {c: (PALETTE[i] if len(others) <= len(PALETTE) else OTHER) for i, c in enumerate(others)}
    colours.update({home: HOME, "00": RIKET})
    return colours


def _number(value) -> float | None:
    return None if is_missing(value) else float(value)


def _shown(text, value, decimals: int, lang: str) -> str:
    """A point's text: the app's own, or the value in the locale's format when the frame has none."""
    return text if isinstance(text, str) and text else number(value, decimals, lang)


def _text(value) -> str:
    return value if isinstance(value, str) else ""


def _references(threshold: tuple | None, reference: tuple | None) -> list[Reference]:
    """The fifth best (or world average) and Riket as reference lines; a missing value draws none."""
    found = []
    if threshold is not None and not is_missing(threshold[0]):
        found.append(Reference(threshold[1], float(threshold[0]), IN_TOP_FIVE, "dot"))
    if reference is not None and not is_missing(reference[0]):
        found.append(Reference(reference[1], float(reference[0])))
    return found


def bar_by_region(df: pd.DataFrame, *, value: str, label: str, code: str, text: str, home: str, lang: str,
                  title: str, axis_title: str, decimals: int = 0, reference: tuple | None = None,
                  threshold: tuple | None = None, hover: str | None = None, status: str | None = None,
                  framed: set | None = None, lower_is_better: bool = False,
                  reversed_axis: bool = False) -> ChartSpec:
    """Horizontal bars sorted best first (at the top); missing values shown as 'saknas' below them;
    uncertain ones hatched. ``framed``: region codes whose bars get a dark border (the chosen regions
    among all 21). ``reference``/``threshold``: (value, label) of Riket's line and the fifth best's."""
    df = df.sort_values(value, ascending=not lower_is_better, na_position="first")
    present, absent = df[~df[value].isna()], df[df[value].isna()]
    hovers = present[hover] if hover else [""] * len(present)
    points = [Point(name, _number(v), _shown(txt, v, decimals, lang), state, h if isinstance(h, str) else "",
                    bool(framed) and region in framed)
              for name, v, txt, state, h, region in zip(present[label], present[value], present[text],
                                                        states(present, status), hovers, present[code])]
    missing = [Point(name, None, txt if isinstance(txt, str) and txt else MISSING[lang])
               for name, txt in zip(absent[label], absent[text])]
    colours = [HOME if c == home else OTHER for c in present[code]]
    return ChartSpec("bar_h", title, lang, [Series(axis_title, points, colours)], missing, decimals,
                     reversed_axis, axis_title, _references(threshold, reference))


def lines_over_time(df: pd.DataFrame, *, value: str, code: str, label: str, text: str, home: str,
                    lang: str, title: str, axis_title: str, decimals: int = 0,
                    reversed_axis: bool = False, band: tuple | None = None, status: str | None = None) -> ChartSpec:
    """One line per region over the years; the home region thicker; an optional shaded band (low, high,
    label); uncertain values as hollow markers."""
    colours = region_colours(list(dict.fromkeys(df[code])), home)
    series = []
    for region, rows in df.sort_values("year").groupby(code, sort=False):
        points = [Point(int(year), _number(v), _shown(txt, v, decimals, lang), state)
                  for year, v, txt, state in zip(rows["year"], rows[value], rows[text], states(rows, status))]
        series.append(Series(rows[label].iloc[0], points, [colours[region]], dash=region == "00",
                             width=4 if region == home else 2, emphasis=region == home))
    bands = [Band(band[2], band[0], band[1])] if band is not None else []
    return ChartSpec("line", title, lang, series, decimals=decimals, reversed_axis=reversed_axis,
                     axis_title=axis_title, bands=bands)


def grouped_bars(df: pd.DataFrame, *, category: str, group: str, value: str, text: str, lang: str, title: str,
                 axis_title: str, decimals: int = 0, home_label: str | None = None) -> ChartSpec:
    """Vertical bars, one group per category (region), one colour per group (e.g. sector)."""
    series = []
    for i, (name, rows) in enumerate(df.groupby(group, sort=False)):
        points = [Point(c, _number(v), _shown(txt, v, decimals, lang))
                  for c, v, txt in zip(rows[category], rows[value], rows[text])]
        series.append(Series(name, points, [PALETTE[i % len(PALETTE)]]))
    return ChartSpec("bar_v", title, lang, series, decimals=decimals, axis_title=axis_title, highlight=home_label)


def rank_bands_over_time(df: pd.DataFrame, *, code: str, label: str, home: str, lang: str, title: str,
                         axis_title: str, band_label: str, status: str | None = None) -> ChartSpec:
    """Published ranks over editions: exact places as a line with markers, bands (351–400) as their own
    series of points with low and high (drawn as floating bars), in the same legend group."""
    colours = region_colours(list(dict.fromkeys(df[code])), home)
    series = []
    for entity, rows in df.sort_values("year").groupby(code, sort=False):
        name, colour = rows[label].iloc[0], colours[entity]
        exact = rows[rows["value"].notna()]
        bands = rows[rows["value"].isna() & rows["value_low"].notna()]
        series.append(Series(name, [Point(int(y), float(v), _shown(txt, v, 0, lang), state) for y, v, txt, state
                                    in zip(exact["year"], exact["value"], exact["value_text"], states(exact, status))],
                             [colour], width=3 if entity == home else 2, emphasis=entity == home, group=name))
        if not bands.empty:
            series.append(Series(f"{name} ({band_label})", [
                Point(int(y), None, _text(txt), state, low=float(low), high=float(high))
                for y, txt, state, low, high in zip(bands["year"], bands["value_text"], states(bands, status),
                                                    bands["value_low"], bands["value_high"])], [colour], group=name))
    return ChartSpec("rank_bands", title, lang, series, reversed_axis=True, axis_title=axis_title)


def scatter_labelled(df: pd.DataFrame, *, x: str, y: str, code: str, label: str, home: str, lang: str,
                     title: str, x_title: str, y_title: str, x_decimals: int = 0, y_decimals: int = 0,
                     hline: tuple | None = None, status: str | None = None) -> ChartSpec:
    """A labelled scatter (e.g. publication volume against citation average); uncertain points hollow."""
    shown = df.dropna(subset=[x, y]).sort_values([y, x])
    points = [Point(name, float(b), f"{x_title} {number(a, x_decimals, lang)}; {y_title} {number(b, y_decimals, lang)}",
                    state, x=float(a))
              for name, a, b, state in zip(shown[label], shown[x], shown[y], states(shown, status))]
    colours = [HOME if c == home else (RIKET if c == "00" else OTHER) for c in shown[code]]
    return ChartSpec("scatter", title, lang, [Series("", points, colours)], decimals=y_decimals, axis_title=y_title,
                     references=_references(None, hline), x_title=x_title, x_decimals=x_decimals)


def rank_dots(df: pd.DataFrame, *, rank: str, label: str, code: str, text: str, highlight: set, lang: str,
              title: str, axis_title: str, band_label: str, status: str | None = None) -> ChartSpec:
    """Published places as dots on a rank axis (1 at the left), the top five shaded; the highlighted regions
    in the accent colour; uncertain ones hollow."""
    shown = df.dropna(subset=[rank]).sort_values(rank, ascending=False)
    points = [Point(name, float(r), _shown(txt, r, 0, lang), state)
              for name, r, txt, state in zip(shown[label], shown[rank], shown[text], states(shown, status))]
    colours = [HOME if c in highlight else OTHER for c in shown[code]]
    return ChartSpec("dots", title, lang, [Series("", points, colours)], axis_title=axis_title,
                     bands=[Band(band_label, 0.5, 5.5)])


def dot_strip(df: pd.DataFrame, *, x: str, row: str, code: str, label: str, text: str, home: str,
              lang: str, title: str, x_title: str, status: str | None = None) -> ChartSpec:
    """Normalised scores 0–1 per indicator (the points' categories), one series of dots per region."""
    colours = region_colours(list(dict.fromkeys(df[code])), home)
    series = [Series(rows[label].iloc[0], [Point(str(r), _number(v), _shown(txt, v, 1, lang), state)
                                           for r, v, txt, state in zip(rows[row], rows[x], rows[text],
                                                                       states(rows, status))],
                     [colours[region]], emphasis=region == home)
              for region, rows in df.groupby(code, sort=False)]
    return ChartSpec("profile", title, lang, series, decimals=1, axis_title=x_title)


def _top_five_shade(row) -> int | None:
    """2 in the top five, 1 outside, 0 ranked but not decisive (queries/models/40_ranked.sql), None no value."""
    if is_missing(getattr(row, "rank", None)):
        return None
    decisive = getattr(row, "decisive", True)
    if is_missing(decisive) or not bool(decisive) or is_missing(row.in_top_five):
        return 0
    return 2 if bool(row.in_top_five) else 1


def top_five_matrix_spec(df: pd.DataFrame, *, lang: str, title: str, legend: dict, columns: list | None = None,
                         bold_column: str | None = None) -> ChartSpec:
    """Indicators × regions: each cell the rank, shaded in / out of the top five (``legend`` by shade 2, 1, 0),
    the gap on hover; the rows that cannot say in or out under a heading row of their own."""
    rows = list(dict.fromkeys(df["row"]))
    cols = columns or list(dict.fromkeys(df["column"]))
    fields = [c for c in ("row", "column", "rank", "decisive", "in_top_five", "cell", "hover") if c in df]
    # plain objects, not Arrow-backed columns iterated cell by cell (a million observations: 10 000 cells)
    cells = [Cell(r.row, r.column, _text(getattr(r, "cell", "")), getattr(r, "hover", MISSING[lang]),
                  _top_five_shade(r)) for r in df[fields].astype(object).itertuples() if r.column in cols]
    if "undetermined" in df and df["undetermined"].any() and not df["undetermined"].all():
        undetermined = set(df.loc[df["undetermined"].astype(bool), "row"])
        rows.insert(rows.index(next(r for r in rows if r in undetermined)), f"{legend[0]} ↓")
    return ChartSpec("matrix", title, lang, cells=cells, rows=rows, columns=cols, legend=legend,
                     highlight=bold_column)


def coverage_matrix(z: list, hover: list, *, rows: list, cols: list, legend: dict, lang: str,
                    title: str) -> ChartSpec:
    """Indicators × regions: a value, missing in the source, or not collected (``legend`` by shade 2, 1, 0)."""
    cells = [Cell(row, col, "", hover[i][j], z[i][j]) for i, row in enumerate(rows) for j, col in enumerate(cols)]
    return ChartSpec("coverage", title, lang, cells=cells, rows=list(rows), columns=list(cols), legend=legend)


def ranked_map(df: pd.DataFrame, *, code: str, label: str, rank: str, value: str, text: str, home: str,
               focus: set, lang: str, title: str, axis_title: str, rank_title: str, decimals: int,
               status: str | None = None) -> ChartSpec:
    """The regions coloured by their place (1 = best, so one very high value cannot flatten the rest) beside
    the same regions as bars of their values, best first, missing last; the focus regions framed."""
    bars = pd.concat([df[df[rank].notna()].sort_values(rank), df[df[rank].isna()]])
    flags = states(bars, status)
    names = [f"{int(r)}. {n}" if r == r else f"– {n}" for r, n in zip(bars[rank], bars[label])]
    points = [Point(name, _number(v), _text(txt), state, outlined=c in focus)
              for name, v, txt, state, c in zip(names, bars[value], bars[text], flags, bars[code])]
    colours = [HOME if c == home else OTHER for c in bars[code]]
    return ChartSpec("map", title, lang, [Series("", points, colours)], decimals=decimals, axis_title=axis_title,
                     areas=_areas(bars, code, label, rank, text, home, focus, flags), scale_title=rank_title)


def europe_map(df: pd.DataFrame, *, code: str, label: str, rank: str, value: str, text: str, home: str,
               lang: str, title: str, axis_title: str, rank_title: str, decimals: int,
               status: str | None = None) -> ChartSpec:
    """Europe's NUTS 2 regions coloured by their place, the home region framed: ``ranked_map`` without the bars
    (some 245 regions). The ranked regions, best first, are the spec's points: the numbers for the deck's notes."""
    shown = df.sort_values(rank, na_position="last")
    flags = states(shown, status)
    ranked = shown[rank].notna().tolist()
    points = [Point(f"{int(r)}. {n}", _number(v), _text(txt), state)
              for r, n, v, txt, state, placed in zip(shown[rank], shown[label], shown[value], shown[text], flags,
                                                      ranked) if placed]
    return ChartSpec("map_europe", title, lang, [Series("", points)], decimals=decimals, axis_title=axis_title,
                     areas=_areas(shown, code, label, rank, text, home, set(), flags), scale_title=rank_title)


def _areas(df: pd.DataFrame, code: str, label: str, rank: str, text: str, home: str, focus: set,
           flags: list) -> list[Area]:
    """The frame's regions as map areas: place (None without one), state, and the home or focus frame."""
    return [Area(c, n, _text(txt), None if r != r else int(r), state,
                 "home" if c == home else ("focus" if c in focus else ""))
            for c, n, txt, r, state in zip(df[code], df[label], df[text], df[rank], flags)]
