"""Chart builders and their Plotly renderers. Pure: no Streamlit, no SQL.

A builder turns a DataFrame into a chart specification (``chartspec.ChartSpec``: series of points
with their texts, reference lines, bands, uncertain points); ``figure(spec)`` draws it, one renderer
per kind. The deck draws the same specifications as native PowerPoint charts.

Every figure gets the same frame from ``style``: a title that says what and when, axis
titles with units, the locale's number separators, a colour-blind-safe palette (Okabe–Ito)
and the home region in one accent colour. Missing values are drawn as "saknas" markers,
never as zero-length bars.
"""

import json
import math
from functools import lru_cache

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio

from regionstats import config
from regionstats.chartspec import Band, ChartSpec, Point, Reference, Series
from regionstats.formatting import MISSING, PLOTLY_SEPARATORS, d3_format, is_missing, number

HOME = "#D55E00"  # vermillion: the home region on every chart
OTHER = "#0072B2"  # blue: other regions in single-series charts
RIKET = "#555555"
IN_TOP_FIVE = "#009E73"
OUT_OF_TOP_FIVE = "#E69F00"
UNDETERMINED = "#BBBBBB"
PALETTE = ("#0072B2", "#009E73", "#E69F00", "#56B4E9", "#CC79A7", "#F0E442", "#000000")
FONT = "Source Sans Pro, DejaVu Sans, Arial, sans-serif"
UNCERTAIN = ("provisional", "conflicting")  # drawn hollow (markers) or hatched (bars); views add the footnote
HATCH = "/"
# plotly_white built once, with the trace defaults of the trace types drawn here only: passing the name
# "plotly_white" to each figure validated and copied its whole template (all 24 trace types) every time.
_WHITE = pio.templates["plotly_white"]
HOUSE_TEMPLATE = go.layout.Template(layout=_WHITE.layout, data={
    kind: _WHITE.data[kind] for kind in ("bar", "scatter", "heatmap", "choropleth", "scattergeo")})


def uncertain_flags(df: pd.DataFrame, status: str | None) -> list[bool]:
    """True for each row whose status is provisional or conflicting."""
    if status is None or status not in df:
        return [False] * len(df)
    return [s in UNCERTAIN for s in df[status]]


def hollow(symbol: str, flags: list[bool]) -> list[str]:
    """The symbol per point, open where the value is uncertain."""
    return [f"{symbol}-open" if flag else symbol for flag in flags]


def outline(colours, flags: list[bool]) -> dict:
    """Marker outline: white around solid markers, the marker's own colour (and thicker) around hollow ones."""
    colours = colours if isinstance(colours, list) else [colours] * len(flags)
    return {"color": [c if flag else "white" for c, flag in zip(colours, flags)],
            "width": [2.5 if flag else 1 for flag in flags]}


def legend_stand_in(fig: go.Figure, trace: go.Scatter) -> None:
    """A legend entry with solid markers, for a series whose first point is hollow (plotly's legend copies the
    first point's symbol, which would make the whole series look uncertain)."""
    trace.showlegend = False
    trace.legendgroup = trace.name
    marker = trace.marker.to_plotly_json() if trace.marker is not None else {}
    marker["symbol"] = "diamond" if "diamond" in str(marker.get("symbol", "")) else "circle"
    marker.pop("line", None)
    if isinstance(marker.get("color"), (list, tuple)):
        marker["color"] = marker["color"][0]
    fig.add_trace(go.Scatter(x=[None], y=[None], mode=trace.mode, name=trace.name, legendgroup=trace.name,
                             line=trace.line, marker=marker, hoverinfo="skip"))


def hatch(flags: list[bool]) -> dict:
    """A bar pattern: hatched where the value is uncertain."""
    return {"shape": [HATCH if flag else "" for flag in flags], "fillmode": "overlay", "fgcolor": "white",
            "solidity": 0.45, "size": 8}


def style(fig: go.Figure, title: str, lang: str, x_title: str = "", y_title: str = "",
          height: int = 460) -> go.Figure:
    """Apply the house style: title, axis titles, separators, palette, margins."""
    fig.update_layout(
        title={"text": title, "x": 0, "xanchor": "left", "font": {"size": 18}},
        separators=PLOTLY_SEPARATORS[lang],
        template=HOUSE_TEMPLATE,
        font={"family": FONT, "size": 13},
        colorway=list(PALETTE),
        height=height,
        margin={"l": 10, "r": 30, "t": 70, "b": 40},
        legend={"orientation": "h", "yanchor": "top", "y": -0.15, "x": 0},
        hoverlabel={"font": {"family": FONT}},
    )
    fig.update_xaxes(title_text=x_title, automargin=True)
    fig.update_yaxes(title_text=y_title, automargin=True)
    return fig


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
    points = [Point(name, _number(v), _shown(txt, v, decimals, lang), flag, h if isinstance(h, str) else "",
                    bool(framed) and region in framed)
              for name, v, txt, flag, h, region in zip(present[label], present[value], present[text],
                                                       uncertain_flags(present, status), hovers, present[code])]
    missing = [Point(name, None, txt if isinstance(txt, str) and txt else MISSING[lang])
               for name, txt in zip(absent[label], absent[text])]
    colours = [HOME if c == home else OTHER for c in present[code]]
    return ChartSpec("bar_h", title, lang, [Series(axis_title, points, colours)], missing, decimals,
                     reversed_axis, axis_title, _references(threshold, reference))


def _draw_bar_h(spec: ChartSpec) -> go.Figure:
    series = spec.series[0] if spec.series else Series(spec.axis_title)
    points = series.points
    flags = [p.uncertain for p in points]
    hovered = any(p.hover for p in points)
    fig = go.Figure(go.Bar(
        x=[p.value for p in points], y=[p.category for p in points], orientation="h", marker_color=series.colours,
        marker_pattern=hatch(flags) if any(flags) else None,
        marker_line_color=["#1f2d3d" if p.outlined else "rgba(0,0,0,0)" for p in points],
        marker_line_width=[2 if p.outlined else 0 for p in points],
        text=[p.text for p in points], textposition="outside", cliponaxis=False,
        customdata=[p.hover for p in points] if hovered else None,
        hovertemplate="%{y}: %{text}" + ("<br>%{customdata}" if hovered else "") + "<extra></extra>",
        name=series.name, showlegend=False,
    ))
    add_missing_markers(fig, spec.missing, spec.lang, horizontal=True)
    values = [p.value for p in points if p.value is not None]
    # the lines' labels sit above the bars, one row each, so they cover neither bars nor row names; a
    # line at the axis start gets its label to the right of it
    for level, line in enumerate(spec.references):
        at_start = bool(values and min(values) >= 0 and line.value <= 0)
        add_reference_line(fig, line.value, line.label, horizontal=True, colour=line.colour, dash=line.dash,
                           level=level, position="top right" if at_start else None)
    level = len(spec.references)
    # rows in the sorted order, missing ones last (at the bottom), not where their trace adds them
    fig.update_yaxes(categoryorder="array", categoryarray=[p.category for p in spec.missing + points])
    fig.update_xaxes(tickformat=d3_format(spec.decimals), hoverformat=d3_format(spec.decimals))
    if values and min(values) >= 0:  # room for the labels outside the longest bar
        fig.update_xaxes(range=[0, max(max(values), 1e-9) * 1.3])
        if spec.decimals == 0 and max(values) <= 10:
            fig.update_xaxes(dtick=1)  # whole-number ticks, never 0, 0, 0, 1, 1
    height = max(320, 60 + 34 * (len(points) + len(spec.missing)))
    fig = style(fig, spec.title, spec.lang, x_title=spec.axis_title, height=height + 18 * level)
    if level:
        fig.update_layout(margin={"t": 74 + 18 * level})
    if spec.reversed_axis:
        fig.update_xaxes(autorange="reversed")
    return fig


def add_missing_markers(fig: go.Figure, missing: list, lang: str, horizontal: bool = True) -> None:
    """Place an open marker with 'saknas' (and its reason) where a value is missing."""
    if not missing:
        return
    labels = [p.category for p in missing]
    zeros = [0] * len(missing)
    coords = {"x": zeros, "y": labels} if horizontal else {"x": labels, "y": zeros}
    fig.add_trace(go.Scatter(
        **coords, mode="markers+text", text=[p.text for p in missing],
        textposition="middle right" if horizontal else "top center",
        marker={"symbol": "x-thin-open", "size": 10, "color": UNDETERMINED, "line": {"width": 2, "color": "#777"}},
        hovertemplate="%{y}: %{text}<extra></extra>" if horizontal else "%{x}: %{text}<extra></extra>",
        name=MISSING[lang], showlegend=False,
    ))


def add_reference_line(fig: go.Figure, value: float, label: str, horizontal: bool = True,
                       colour: str = RIKET, dash: str = "dash", position: str | None = None,
                       level: int = 0) -> None:
    """A labelled reference line: Riket, the world average, the top-five threshold.

    Across horizontal bars the line is vertical and its label sits above the plot (``level`` stacks
    several); a horizontal line's label sits outside the plot on the right, clear of the points."""
    if is_missing(value):
        return
    line = {"color": colour, "dash": dash, "width": 1.5}
    if horizontal:
        fig.add_vline(x=value, line=line)
        fig.add_annotation(x=value, xref="x", y=1, yref="y domain", yanchor="bottom", showarrow=False,
                           xanchor="left" if position == "top right" else "center",
                           text=label, font={"color": colour}, yshift=2 + 18 * level)
    else:
        fig.add_hline(y=value, line=line, annotation_text=label, annotation_position=position or "right",
                      annotation_font={"color": colour})  # "right": outside the plot (the chart leaves room)


def lines_over_time(df: pd.DataFrame, *, value: str, code: str, label: str, text: str, home: str,
                    lang: str, title: str, axis_title: str, decimals: int = 0,
                    reversed_axis: bool = False, band: tuple | None = None, status: str | None = None) -> ChartSpec:
    """One line per region over the years; the home region thicker; an optional shaded band (low, high,
    label); uncertain values as hollow markers."""
    colours = region_colours(list(dict.fromkeys(df[code])), home)
    series = []
    for region, rows in df.sort_values("year").groupby(code, sort=False):
        flags = uncertain_flags(rows, status)
        points = [Point(int(year), _number(v), _shown(txt, v, decimals, lang), flag)
                  for year, v, txt, flag in zip(rows["year"], rows[value], rows[text], flags)]
        series.append(Series(rows[label].iloc[0], points, [colours[region]], dash=region == "00",
                             width=4 if region == home else 2, emphasis=region == home))
    bands = [Band(band[2], band[0], band[1])] if band is not None else []
    return ChartSpec("line", title, lang, series, decimals=decimals, reversed_axis=reversed_axis,
                     axis_title=axis_title, bands=bands)


def _draw_line(spec: ChartSpec) -> go.Figure:
    fig = go.Figure()
    for series in spec.series:
        colour = series.colours[0] if series.colours else None
        flags = [p.uncertain for p in series.points]
        fig.add_trace(go.Scatter(
            x=[p.category for p in series.points], y=[p.value for p in series.points], mode="lines+markers",
            name=series.name,
            line={"color": colour, "width": series.width, "dash": "dash" if series.dash else "solid"},
            marker={"size": 9 if series.emphasis else 7, "symbol": hollow("circle", flags),
                    "line": {"width": 2, "color": colour}},
            text=[p.text for p in series.points], connectgaps=False,
            hovertemplate="%{fullData.name} %{x}: %{text}<extra></extra>",
        ))
        if any(flags):
            legend_stand_in(fig, fig.data[-1])
    log = spec.axes.get("y", {}).get("type") == "log"  # an annotation on a log axis is placed in log10 units
    for band in spec.bands:  # its label outside the plot, on the right, never on a data point
        fig.add_hrect(y0=band.low, y1=band.high, fillcolor=IN_TOP_FIVE, opacity=0.12, line_width=0)
        middle = math.log10(band.low * band.high) / 2 if log else (band.low + band.high) / 2
        fig.add_annotation(x=1, xref="x domain", y=middle, yref="y", xanchor="left",
                           showarrow=False, text=band.label, font={"color": IN_TOP_FIVE}, xshift=6)
    labels: dict[float, list] = {}
    for series_break in spec.breaks:  # a method change: the lines either side are not one series
        if series_break.label not in labels.setdefault(series_break.x, []):
            labels[series_break.x].append(series_break.label)
    for x, texts in labels.items():  # one line per x, its labels upright along it
        fig.add_vline(x=x, line={"color": "#555555", "width": 1.5, "dash": "dot"})
        fig.add_annotation(x=x, xref="x", y=1, yref="y domain", yanchor="top", xanchor="right", textangle=-90,
                           showarrow=False, text=" · ".join(texts), font={"size": 10, "color": "#555555"})
    years = {p.category for s in spec.series for p in s.points}
    fig.update_xaxes(dtick=1 if len(years) < 15 else 2, tickformat="d")
    if labels and years:  # an annotation widens an autoranged axis to fit its text: keep to the years
        fig.update_xaxes(range=[min(years) - 0.5, max(years) + 0.5])
    fig.update_yaxes(tickformat=d3_format(spec.decimals), hoverformat=d3_format(spec.decimals))
    if spec.reversed_axis:
        values = [p.value for s in spec.series for p in s.points if p.value is not None]
        worst = max(values) if values else float("nan")
        fig.update_yaxes(range=[(worst if worst == worst else 5) + 0.7, 0.3], dtick=1 if worst <= 25 else None)
    fig = style(fig, spec.title, spec.lang, y_title=spec.axis_title)
    if spec.bands:
        fig.update_layout(margin={"r": 90})
    return fig


def _draw_rank_bands(df: pd.DataFrame, *, code: str, label: str, home: str, lang: str, title: str,
                         axis_title: str, band_label: str, status: str | None = None) -> go.Figure:
    """Published ranks over editions: exact places as markers, bands (351–400) as floating bars."""
    fig = go.Figure()
    colours = region_colours(list(dict.fromkeys(df[code])), home)
    for entity, rows in df.sort_values("year").groupby(code, sort=False):
        name, colour = rows[label].iloc[0], colours[entity]
        exact = rows[rows["value"].notna()]
        bands = rows[rows["value"].isna() & rows["value_low"].notna()]
        fig.add_trace(go.Scatter(
            x=exact["year"], y=exact["value"], mode="lines+markers", name=name, legendgroup=name,
            line={"color": colour, "width": 3 if entity == home else 2}, text=exact["value_text"],
            marker={"symbol": hollow("circle", uncertain_flags(exact, status)), "size": 8,
                    "line": {"width": 2, "color": colour}},
            hovertemplate=f"{name} %{{x}}: %{{text}}<extra></extra>",
        ))
        if any(uncertain_flags(exact, status)):
            legend_stand_in(fig, fig.data[-1])
        if not bands.empty:
            fig.add_trace(go.Bar(
                x=bands["year"], y=bands["value_high"] - bands["value_low"], base=bands["value_low"],
                name=f"{name} ({band_label})", legendgroup=name, marker_color=colour, opacity=0.45,
                marker_pattern=hatch(uncertain_flags(bands, status)) if any(uncertain_flags(bands, status)) else None,
                width=0.5, text=bands["value_text"], textposition="none",
                hovertemplate=f"{name} %{{x}}: %{{text}}<extra></extra>", showlegend=exact.empty,
            ))
    fig.update_layout(barmode="overlay")
    fig.update_xaxes(dtick=1, tickformat="d")
    fig.update_yaxes(autorange="reversed", tickformat=",d", rangemode="tozero")
    return style(fig, title, lang, y_title=axis_title)


def _draw_scatter(df: pd.DataFrame, *, x: str, y: str, code: str, label: str, home: str, lang: str,
                     title: str, x_title: str, y_title: str, x_decimals: int = 0, y_decimals: int = 0,
                     hline: tuple | None = None, status: str | None = None) -> go.Figure:
    """A labelled scatter (e.g. publication volume against citation average); uncertain points hollow."""
    df = df.dropna(subset=[x, y]).sort_values([y, x])
    colours = [HOME if c == home else (RIKET if c == "00" else OTHER) for c in df[code]]
    # neighbours with the same y take turns above and below, so close points keep readable labels
    same_y = df.groupby(y).cumcount()
    positions = ["top center" if n % 2 == 0 else "bottom center" for n in same_y]
    fig = go.Figure(go.Scatter(
        x=df[x], y=df[y], mode="markers+text", text=df[label], textposition=positions,
        marker={"size": 14, "color": colours, "symbol": hollow("circle", uncertain_flags(df, status)),
                "line": outline(colours, uncertain_flags(df, status))},
        hovertemplate="%{text}<br>" + x_title + ": %{x}<br>" + y_title + ": %{y}<extra></extra>",
    ))
    if hline is not None:
        add_reference_line(fig, hline[0], hline[1], horizontal=False)
    fig.update_xaxes(tickformat=d3_format(x_decimals), hoverformat=d3_format(x_decimals))
    fig.update_yaxes(tickformat=d3_format(y_decimals), hoverformat=d3_format(y_decimals))
    if y_decimals == 0 and len(df) and df[y].max() - df[y].min() <= 10:
        fig.update_yaxes(dtick=1)  # whole-number ticks, never 10, 10, 11, 11
    fig = style(fig, title, lang, x_title=x_title, y_title=y_title)
    if hline is not None:  # room for the line's label right of the plot
        fig.update_layout(margin={"r": 40 + 8 * len(str(hline[1]))})
    return fig


def top_five_matrix(df: pd.DataFrame, *, lang: str, title: str, legend: dict, columns: list | None = None,
                    bold_column: str | None = None) -> go.Figure:
    """Indicators × regions; each cell the rank, coloured in / out of the top five, gap on hover."""
    rows = list(dict.fromkeys(df["row"]))
    cols = columns or list(dict.fromkeys(df["column"]))
    fields = [c for c in ("row", "column", "rank", "decisive", "in_top_five", "cell", "hover") if c in df]
    # plain objects, not Arrow-backed columns iterated cell by cell (a million observations: 10 000 cells)
    lookup = {(r.row, r.column): r for r in df[fields].astype(object).itertuples()}
    heading = None
    if "undetermined" in df and df["undetermined"].any() and not df["undetermined"].all():
        # the rows that cannot say in or out (fewer than five with data) under a heading row of their own
        undetermined = set(df.loc[df["undetermined"].astype(bool), "row"])
        first = next(r for r in rows if r in undetermined)
        heading = f"{legend[0]} ↓"
        rows.insert(rows.index(first), heading)
    z, text, hover = [], [], []
    for row in rows:
        z.append([_state_code(lookup.get((row, col))) for col in cols])
        text.append([getattr(lookup.get((row, col)), "cell", "") for col in cols])
        hover.append([getattr(lookup.get((row, col)), "hover", MISSING[lang]) for col in cols])
    colourscale = [[0, UNDETERMINED], [0.33, UNDETERMINED], [0.34, OUT_OF_TOP_FIVE], [0.66, OUT_OF_TOP_FIVE],
                   [0.67, IN_TOP_FIVE], [1, IN_TOP_FIVE]]
    # the texts as numpy arrays: plotly copies them whole, where nested lists are validated and deep-copied
    # cell by cell (z stays a list of rows: small numbers, and its JSON keeps one array per row)
    text, hover = np.array(text, dtype=object), np.array(hover, dtype=object)
    fig = go.Figure(go.Heatmap(
        z=z, x=cols, y=rows, text=text, texttemplate="%{text}", customdata=hover, zmin=0, zmax=2,
        colorscale=colourscale, showscale=False, xgap=3, ygap=3,
        hovertemplate="%{y} · %{x}<br>%{customdata}<extra></extra>",
    ))
    for state, colour in ((2, IN_TOP_FIVE), (1, OUT_OF_TOP_FIVE), (0, UNDETERMINED)):
        fig.add_trace(go.Scatter(x=[None], y=[None], mode="markers", name=legend[state],
                                 marker={"symbol": "square", "size": 14, "color": colour}))
    fig.update_yaxes(autorange="reversed", tickvals=rows,
                     ticktext=[f"<b>{r}</b>" if r == heading else r for r in rows])
    # column names level (slanted ones ran into the title at 1280×720); many columns stand upright
    home_name = f'<b><span style="color:{HOME}">{bold_column}</span></b>'
    # the names a size smaller than the body, so five of them sit side by side beside a sidebar at 1280×720
    fig.update_xaxes(side="top", tickvals=cols, ticktext=[home_name if c == bold_column else c for c in cols],
                     tickangle=0 if len(cols) <= 7 else -90, tickfont={"size": 11})
    if bold_column in cols:  # the home region's column framed in its accent colour, as it is drawn in charts
        index = cols.index(bold_column)
        fig.add_shape(type="rect", xref="x", yref="paper", x0=index - 0.5, x1=index + 0.5, y0=0, y1=1,
                      line={"color": HOME, "width": 3.5}, fillcolor="rgba(0,0,0,0)", layer="above")
    fig = style(fig, title, lang, height=max(320, 160 + 34 * len(rows)))
    fig.update_layout(margin={"t": 110 if len(cols) <= 7 else 190})
    return fig


def _state_code(row) -> float | None:
    """2 in the top five, 1 outside, 0 ranked but not decisive (queries/models/40_ranked.sql), None no value."""
    if row is None or is_missing(getattr(row, "rank", None)):
        return None
    decisive = getattr(row, "decisive", True)
    if is_missing(decisive) or not bool(decisive) or is_missing(row.in_top_five):
        return 0
    return 2 if bool(row.in_top_five) else 1


@lru_cache(maxsize=1)
def _geojson() -> dict:
    """The 21 regions keyed by SCB code, with rings wound as plotly's d3-geo expects."""
    geo = json.loads(config.geojson_path().read_text(encoding="utf-8"))
    for feature in geo["features"]:
        feature["id"] = f"{feature['properties']['l_id']:02d}"
        geometry = feature["geometry"]
        polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
        for polygon in polygons:
            for index, ring in enumerate(polygon):
                # d3-geo reads a counter-clockwise outer ring as "the whole globe but this"
                if (_signed_area(ring) > 0) == (index == 0):
                    ring.reverse()
    return geo


def _signed_area(ring: list) -> float:
    """Shoelace area in lon/lat: positive for counter-clockwise rings."""
    return sum(x1 * y2 - x2 * y1 for (x1, y1, *_), (x2, y2, *_) in zip(ring, ring[1:] + ring[:1])) / 2


MAP_X_SCALE = 0.47  # cos(62°): one degree of longitude against one of latitude in mid-Sweden


@lru_cache(maxsize=1)
def _outlines() -> dict:
    """Each region's outer rings in map units (x = longitude × cos 62°, y = latitude), keyed by SCB code.

    Drawn as plain filled shapes, so the map needs no base map from the internet (plotly's geo
    traces fetch one for labels) and fills its frame."""
    shapes = {}
    for feature in _geojson()["features"]:
        geometry = feature["geometry"]
        polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
        rings = [[(p[0] * MAP_X_SCALE, p[1]) for p in polygon[0]] for polygon in polygons]
        shapes[feature["id"]] = rings
    return shapes


def _ring_path(rings: list) -> tuple[list, list]:
    xs, ys = [], []
    for ring in rings:
        xs += [p[0] for p in ring] + [None]
        ys += [p[1] for p in ring] + [None]
    return xs, ys


def _label_point(rings: list) -> tuple[float, float]:
    """Where a region's number goes: the middle of its largest ring's extent, nudged to its corners' mean."""
    ring = max(rings, key=lambda r: abs(_signed_area(r)))
    xs, ys = [p[0] for p in ring], [p[1] for p in ring]
    return ((min(xs) + max(xs)) / 2 + sum(xs) / len(xs)) / 2, ((min(ys) + max(ys)) / 2 + sum(ys) / len(ys)) / 2


RANK_SCALE = "Blues"


def rank_scale_legend(n: int, title: str, **colorbar) -> go.Scatter:
    """The colour scale of a map by place as a legend: place 1 (darkest) to n."""
    from plotly.colors import sample_colorscale

    return go.Scatter(
        x=[None], y=[None], mode="markers", hoverinfo="skip", showlegend=False,
        marker={"color": [1, n], "cmin": 1, "cmax": n, "showscale": True,
                "colorscale": [[0, sample_colorscale(RANK_SCALE, [1.0])[0]],
                               [1, sample_colorscale(RANK_SCALE, [0.15])[0]]],
                "colorbar": {"title": {"text": title}, "thickness": 12, "tickformat": "d", **colorbar}})


def _draw_map(df: pd.DataFrame, *, code: str, label: str, rank: str, value: str, text: str, home: str,
               focus: set, lang: str, title: str, axis_title: str, rank_title: str, decimals: int,
               status: str | None = None) -> go.Figure:
    """The regions coloured by their place (1 = best, so one very high value cannot flatten the rest),
    the place written on each, the focus regions outlined; beside the map the same regions as bars of
    their values, best first, missing last."""
    from plotly.colors import sample_colorscale
    from plotly.subplots import make_subplots

    ranked = df[df[rank].notna()].sort_values(rank)
    missing = df[df[rank].isna()]
    fig = make_subplots(rows=1, cols=2, column_widths=[0.34, 0.66], horizontal_spacing=0.18)
    outlines = _outlines()
    n = max(int(ranked[rank].max()) if not ranked.empty else 1, 2)
    shade = {c: sample_colorscale(RANK_SCALE, [1 - (r - 1) / (n - 1) * 0.85])[0]
             for c, r in zip(ranked[code], ranked[rank])}
    for row in pd.concat([ranked, missing]).itertuples():
        region = getattr(row, code)
        if region not in outlines:
            continue
        xs, ys = _ring_path(outlines[region])
        fig.add_trace(go.Scatter(
            x=xs, y=ys, fill="toself", mode="lines", line={"color": "white", "width": 0.8},
            fillcolor=shade.get(region, "#E5E5E5"), hoveron="fills", hoverinfo="name",
            name=f"{getattr(row, label)}: {getattr(row, text)}", showlegend=False,
        ), row=1, col=1)
    for codes, colour, width in ((sorted(focus - {home}), "#1f2d3d", 2.2), ([home], HOME, 3.2)):
        for region in (c for c in codes if c in outlines and c in set(df[code])):
            xs, ys = _ring_path(outlines[region])
            fig.add_trace(go.Scatter(x=xs, y=ys, mode="lines", line={"color": colour, "width": width},
                                     hoverinfo="skip", showlegend=False), row=1, col=1)
    uncertain = df[uncertain_flags(df, status)]
    for region in (c for c in uncertain[code] if c in outlines):  # a map cannot hatch: a dotted border
        xs, ys = _ring_path(outlines[region])
        fig.add_trace(go.Scatter(x=xs, y=ys, mode="lines", line={"color": "#222222", "width": 2.5, "dash": "dot"},
                                 hoverinfo="skip", showlegend=False, name=region), row=1, col=1)
    placed = ranked[ranked[code].isin(outlines)]
    points = [_label_point(outlines[c]) for c in placed[code]]
    fig.add_trace(go.Scatter(
        x=[p[0] for p in points], y=[p[1] for p in points], mode="text", hoverinfo="skip", showlegend=False,
        text=[str(int(r)) for r in placed[rank]],
        textfont={"size": 12, "color": ["white" if r <= n * 0.5 else "#1f2d3d" for r in placed[rank]]},
    ), row=1, col=1)
    fig.add_trace(rank_scale_legend(n, rank_title, x=0.0, xanchor="right", len=0.5, y=0.75,
                                    tickvals=sorted({1, 5, n})), row=1, col=1)
    fig.update_xaxes(visible=False, row=1, col=1)
    fig.update_yaxes(visible=False, scaleanchor="x", scaleratio=1, row=1, col=1)
    bars = pd.concat([ranked, missing])
    names = [f"{int(r)}. {n_}" if r == r else f"– {n_}" for r, n_ in zip(bars[rank], bars[label])]
    flags = uncertain_flags(bars, status)
    fig.add_trace(go.Bar(
        x=bars[value], y=names, orientation="h", text=bars[text], textposition="outside", cliponaxis=False,
        marker_pattern=hatch(flags) if any(flags) else None,
        marker_color=[HOME if c == home else OTHER for c in bars[code]],
        marker_line_color=["#1f2d3d" if c in focus else "rgba(0,0,0,0)" for c in bars[code]],
        marker_line_width=[1.5 if c in focus else 0 for c in bars[code]],
        hovertemplate="%{y}: %{text}<extra></extra>", showlegend=False,
    ), row=1, col=2)
    fig.update_yaxes(autorange="reversed", dtick=1, row=1, col=2)
    values = bars[value].dropna().astype(float)
    if len(values) and values.min() >= 0:
        fig.update_xaxes(range=[0, values.max() * 1.35], row=1, col=2)
    fig.update_xaxes(title_text=axis_title, tickformat=d3_format(decimals), hoverformat=d3_format(decimals),
                     row=1, col=2)
    styled = style(fig, title, lang, height=max(600, 100 + 27 * len(bars)))
    styled.update_layout(margin={"l": 60, "r": 40, "t": 70, "b": 40}, plot_bgcolor="white")
    return styled


EUROPE_X_SCALE = 0.62  # cos(52°): one degree of longitude against one of latitude in mid-Europe
EUROPE_FRAME = ((-25.0, 45.0), (34.0, 71.5))  # longitude, latitude: the outermost regions overseas stay out
EUROPE_STEPS = 10  # shades of place (one trace each: some 300 regions as 300 traces would be slow to draw)


@lru_cache(maxsize=1)
def _nuts2_outlines() -> dict:
    """Each NUTS 2 region's outer rings in map units (x = longitude × cos 52°, y = latitude), keyed by its code."""
    geo = json.loads(config.nuts2_geojson_path().read_text(encoding="utf-8"))
    return {feature["properties"]["id"]: [[(p[0] * EUROPE_X_SCALE, p[1]) for p in polygon[0]]
                                          for polygon in feature["geometry"]["coordinates"]]
            for feature in geo["features"]}


def europe_map(df: pd.DataFrame, *, code: str, label: str, rank: str, value: str, text: str, home: str,
               lang: str, title: str, axis_title: str, rank_title: str, decimals: int,
               status: str | None = None) -> ChartSpec:
    """Europe's NUTS 2 regions coloured by their place (``_draw_europe_map``), built as ``ranked_map`` is:
    the points are the regions best first, the renderer draws the shapes."""
    shown = df[df[rank].notna()].sort_values(rank)
    points = [Point(f"{int(r)}. {n}", _number(v), _text(txt), flag)
              for r, n, v, txt, flag in zip(shown[rank], shown[label], shown[value], shown[text],
                                            uncertain_flags(shown, status))]
    draw = {"df": df, "code": code, "label": label, "rank": rank, "text": text, "home": home, "lang": lang,
            "title": title, "rank_title": rank_title}
    return ChartSpec("map_europe", title, lang, [Series("", points)], decimals=decimals, axis_title=axis_title,
                     highlight=home, draw=draw)


def _draw_europe_map(df: pd.DataFrame, *, code: str, label: str, rank: str, text: str, home: str, lang: str,
                     title: str, rank_title: str) -> go.Figure:
    """The regions with a value shaded by place (1 = darkest), the rest grey, the home region outlined;
    hovering a region's middle gives its name, place and value."""
    from plotly.colors import sample_colorscale

    outlines = _nuts2_outlines()
    ranked = df[df[rank].notna() & df[code].isin(outlines)]
    n = max(int(ranked[rank].max()) if not ranked.empty else 1, 2)
    steps: dict[int, list] = {}
    for region, place in zip(ranked[code], ranked[rank]):
        steps.setdefault(min(int((place - 1) / n * EUROPE_STEPS), EUROPE_STEPS - 1), []).append(region)
    fig = go.Figure()
    groups = [("#E5E5E5", [c for c in outlines if c not in set(ranked[code])])]
    groups += [(sample_colorscale(RANK_SCALE, [1 - step / (EUROPE_STEPS - 1) * 0.85])[0], regions)
               for step, regions in sorted(steps.items())]
    for colour, regions in groups:
        xs, ys = _ring_path([ring for region in regions for ring in outlines[region]])
        # as arrays (gaps as NaN): Plotly checks a plain list of 40 000 points one by one
        fig.add_trace(go.Scatter(x=np.array(xs, dtype=float), y=np.array(ys, dtype=float), fill="toself",
                                 mode="lines", line={"color": "white", "width": 0.4}, fillcolor=colour,
                                 hoverinfo="skip", showlegend=False))
    if home in outlines:
        xs, ys = _ring_path(outlines[home])
        fig.add_trace(go.Scatter(x=xs, y=ys, mode="lines", line={"color": HOME, "width": 2.5}, hoverinfo="skip",
                                 showlegend=False))
    middles = [_label_point(outlines[c]) for c in ranked[code]]
    fig.add_trace(go.Scatter(
        x=[p[0] for p in middles], y=[p[1] for p in middles], mode="markers", marker={"size": 6, "opacity": 0},
        text=[f"{int(r)}. {name}: {txt}" for r, name, txt in zip(ranked[rank], ranked[label], ranked[text])],
        hovertemplate="%{text}<extra></extra>", showlegend=False))
    fig.add_trace(rank_scale_legend(n, rank_title, len=0.6, tickvals=sorted({1, n})))
    (x0, x1), (y0, y1) = EUROPE_FRAME
    fig.update_xaxes(visible=False, range=[x0 * EUROPE_X_SCALE, x1 * EUROPE_X_SCALE])
    fig.update_yaxes(visible=False, range=[y0, y1], scaleanchor="x", scaleratio=1)
    return style(fig, title, lang, height=680)


def _draw_profile(df: pd.DataFrame, *, x: str, row: str, code: str, label: str, text: str, home: str,
              lang: str, title: str, x_title: str, status: str | None = None) -> go.Figure:
    """Normalised scores 0–1 per indicator (rows), one dot per region; home region accented; uncertain
    values hollow."""
    fig = go.Figure()
    colours = region_colours(list(dict.fromkeys(df[code])), home)
    for region, rows in df.groupby(code, sort=False):
        fig.add_trace(go.Scatter(
            x=rows[x], y=rows[row], mode="markers", name=rows[label].iloc[0], text=rows[text],
            marker={"size": 16 if region == home else 11, "color": colours[region],
                    "symbol": hollow("diamond" if region == home else "circle", uncertain_flags(rows, status)),
                    "line": outline(colours[region], uncertain_flags(rows, status))},
            hovertemplate="%{fullData.name}<br>%{y}: %{text}<extra></extra>",
        ))
        if any(uncertain_flags(rows, status)):
            legend_stand_in(fig, fig.data[-1])
    fig.update_xaxes(range=[-0.05, 1.05], tickformat=".1f")
    fig.update_yaxes(autorange="reversed")
    fig = style(fig, title, lang, x_title=x_title, height=max(400, 190 + 40 * df[row].nunique()))
    # the legend at the foot of the figure, below the x-axis title (it used to sit on it); room on the
    # right for the axis title, which is wider than the plot beside long row names
    fig.update_layout(legend={"orientation": "h", "yref": "container", "yanchor": "bottom", "y": 0.01,
                              "xref": "container", "x": 0.01},
                      margin={"b": 120, "r": 90})
    return fig


def grouped_bars(df: pd.DataFrame, *, category: str, group: str, value: str, text: str, lang: str, title: str,
                 axis_title: str, decimals: int = 0, home_label: str | None = None) -> ChartSpec:
    """Vertical bars, one group per category (region), one colour per group (e.g. sector)."""
    series = []
    for i, (name, rows) in enumerate(df.groupby(group, sort=False)):
        points = [Point(c, _number(v), _shown(txt, v, decimals, lang))
                  for c, v, txt in zip(rows[category], rows[value], rows[text])]
        series.append(Series(name, points, [PALETTE[i % len(PALETTE)]]))
    return ChartSpec("bar_v", title, lang, series, decimals=decimals, axis_title=axis_title, highlight=home_label)


def _draw_bar_v(spec: ChartSpec) -> go.Figure:
    fig = go.Figure()
    for series in spec.series:
        fig.add_trace(go.Bar(
            x=[p.category for p in series.points], y=[p.value for p in series.points], name=series.name,
            text=[p.text for p in series.points], textposition="outside", marker_color=series.colours[0],
            cliponaxis=False, hovertemplate="%{x} · " + str(series.name) + ": %{text}<extra></extra>",
        ))
    fig.update_layout(barmode="group")
    fig.update_yaxes(tickformat=d3_format(spec.decimals), hoverformat=d3_format(spec.decimals))
    if spec.highlight is not None:
        categories = list(dict.fromkeys(p.category for s in spec.series for p in s.points))
        fig.update_xaxes(tickvals=categories,
                         ticktext=[f"<b>{c}</b>" if c == spec.highlight else c for c in categories])
    fig = style(fig, spec.title, spec.lang, y_title=spec.axis_title)
    # the legend between the title and the bars: below them it covered the region names
    fig.update_layout(legend={"orientation": "h", "yanchor": "bottom", "y": 1.02, "x": 0}, margin={"t": 110})
    return fig


def _draw_dots(df: pd.DataFrame, *, rank: str, label: str, code: str, text: str, highlight: set, lang: str,
              title: str, axis_title: str, band_label: str, status: str | None = None) -> go.Figure:
    """Published places as dots on a rank axis (1 at the left), the top five shaded; uncertain ones hollow."""
    df = df.dropna(subset=[rank]).sort_values(rank, ascending=False)
    colours = [HOME if c in highlight else OTHER for c in df[code]]
    sizes = [16 if c in highlight else 11 for c in df[code]]
    fig = go.Figure(go.Scatter(
        x=df[rank], y=df[label], mode="markers+text", text=df[text], textposition="middle right", cliponaxis=False,
        marker={"color": colours, "size": sizes, "symbol": hollow("circle", uncertain_flags(df, status)),
                "line": outline(colours, uncertain_flags(df, status))},
        hovertemplate="%{y}: %{text}<extra></extra>", showlegend=False,
    ))
    fig.add_vrect(x0=0.5, x1=5.5, fillcolor=IN_TOP_FIVE, opacity=0.12, line_width=0,  # label above the dots
                  annotation_text=band_label, annotation_position="outside top",
                  annotation_font={"color": IN_TOP_FIVE}, annotation_yshift=6)
    top = max(float(df[rank].max()) if not df.empty else 5, 6) + 1.6  # room for the last dot's label
    fig.update_xaxes(range=[0.5, top], dtick=1 if top <= 25 else None, tickformat=",d")
    return style(fig, title, lang, x_title=axis_title, height=max(320, 70 + 30 * len(df)))


# --- the Plotly-only kinds (pictures in the deck): the spec holds the numbers for the speaker notes and, in
# ``draw``, what the kind's renderer draws from

def _text(value) -> str:
    return value if isinstance(value, str) else ""


def rank_bands_over_time(df: pd.DataFrame, *, code: str, label: str, home: str, lang: str, title: str,
                         axis_title: str, band_label: str, status: str | None = None) -> ChartSpec:
    """Published ranks over editions: exact places as markers, bands (351–400) as floating bars."""
    series = []
    for _, rows in df.sort_values("year").groupby(code, sort=False):
        name = rows[label].iloc[0]
        exact = rows[rows["value"].notna()]
        bands = rows[rows["value"].isna() & rows["value_low"].notna()]
        series.append(Series(name, [Point(int(y), float(v), _shown(txt, v, 0, lang), flag) for y, v, txt, flag
                                    in zip(exact["year"], exact["value"], exact["value_text"],
                                           uncertain_flags(exact, status))]))
        if not bands.empty:  # floating bars: the published band's text, no single value
            series.append(Series(f"{name} ({band_label})", [Point(int(y), None, _text(txt), flag) for y, txt, flag
                                                             in zip(bands["year"], bands["value_text"],
                                                                    uncertain_flags(bands, status))]))
    draw = {"df": df, "code": code, "label": label, "home": home, "lang": lang, "title": title,
            "axis_title": axis_title, "band_label": band_label, "status": status}
    return ChartSpec("rank_bands", title, lang, series, reversed_axis=True, axis_title=axis_title, draw=draw)


def scatter_labelled(df: pd.DataFrame, *, x: str, y: str, code: str, label: str, home: str, lang: str,
                     title: str, x_title: str, y_title: str, x_decimals: int = 0, y_decimals: int = 0,
                     hline: tuple | None = None, status: str | None = None) -> ChartSpec:
    """A labelled scatter (e.g. publication volume against citation average); uncertain points hollow."""
    shown = df.dropna(subset=[x, y]).sort_values([y, x])
    points = [Point(name, None, f"{x_title} {number(a, x_decimals, lang)}; {y_title} {number(b, y_decimals, lang)}",
                    flag) for name, a, b, flag in zip(shown[label], shown[x], shown[y], uncertain_flags(shown, status))]
    draw = {"df": df, "x": x, "y": y, "code": code, "label": label, "home": home, "lang": lang, "title": title,
            "x_title": x_title, "y_title": y_title, "x_decimals": x_decimals, "y_decimals": y_decimals,
            "hline": hline, "status": status}
    return ChartSpec("scatter", title, lang, [Series("", points)], decimals=y_decimals, axis_title=y_title,
                     references=_references(None, hline), draw=draw)


def top_five_matrix_spec(df: pd.DataFrame, *, lang: str, title: str, legend: dict, columns: list | None = None,
                         bold_column: str | None = None) -> ChartSpec:
    """The matrix (``top_five_matrix``) as a spec: one series per indicator row, the cells' texts as points."""
    cols = columns or list(dict.fromkeys(df["column"]))
    cells = dict(zip(zip(df["row"], df["column"]), df["cell"])) if "cell" in df else {}
    series = [Series(row, [Point(col, None, _text(cells.get((row, col)))) for col in cols])
              for row in dict.fromkeys(df["row"])]
    draw = {"df": df, "lang": lang, "title": title, "legend": legend, "columns": columns,
            "bold_column": bold_column}
    return ChartSpec("matrix", title, lang, series, draw=draw)


def ranked_map(df: pd.DataFrame, *, code: str, label: str, rank: str, value: str, text: str, home: str,
               focus: set, lang: str, title: str, axis_title: str, rank_title: str, decimals: int,
               status: str | None = None) -> ChartSpec:
    """The regions coloured by their place beside the same regions as ranked bars (``_draw_map``)."""
    bars = pd.concat([df[df[rank].notna()].sort_values(rank), df[df[rank].isna()]])
    names = [f"{int(r)}. {n}" if r == r else f"– {n}" for r, n in zip(bars[rank], bars[label])]
    points = [Point(name, _number(v), _text(txt), flag)
              for name, v, txt, flag in zip(names, bars[value], bars[text], uncertain_flags(bars, status))]
    draw = {"df": df, "code": code, "label": label, "rank": rank, "value": value, "text": text, "home": home,
            "focus": focus, "lang": lang, "title": title, "axis_title": axis_title, "rank_title": rank_title,
            "decimals": decimals, "status": status}
    return ChartSpec("map", title, lang, [Series("", points)], decimals=decimals, axis_title=axis_title, draw=draw)


def dot_strip(df: pd.DataFrame, *, x: str, row: str, code: str, label: str, text: str, home: str,
              lang: str, title: str, x_title: str, status: str | None = None) -> ChartSpec:
    """Normalised scores 0–1 per indicator (rows), one dot per region (``_draw_profile``)."""
    series = [Series(rows[label].iloc[0], [Point(str(r), _number(v), _shown(txt, v, 1, lang), flag)
                                           for r, v, txt, flag in zip(rows[row], rows[x], rows[text],
                                                                      uncertain_flags(rows, status))])
              for _, rows in df.groupby(code, sort=False)]
    draw = {"df": df, "x": x, "row": row, "code": code, "label": label, "text": text, "home": home, "lang": lang,
            "title": title, "x_title": x_title, "status": status}
    return ChartSpec("profile", title, lang, series, decimals=1, axis_title=x_title, draw=draw)


def rank_dots(df: pd.DataFrame, *, rank: str, label: str, code: str, text: str, highlight: set, lang: str,
              title: str, axis_title: str, band_label: str, status: str | None = None) -> ChartSpec:
    """Published places as dots on a rank axis, the top five shaded (``_draw_dots``)."""
    shown = df.dropna(subset=[rank]).sort_values(rank, ascending=False)
    flags = uncertain_flags(shown, status)
    points = [Point(name, float(r), _shown(txt, r, 0, lang), flag)
              for name, r, txt, flag in zip(shown[label], shown[rank], shown[text], flags)]
    draw = {"df": df, "rank": rank, "label": label, "code": code, "text": text, "highlight": highlight,
            "lang": lang, "title": title, "axis_title": axis_title, "band_label": band_label, "status": status}
    return ChartSpec("dots", title, lang, [Series("", points)], axis_title=axis_title,
                     bands=[Band(band_label, 0.5, 5.5)], draw=draw)


def coverage_matrix(z: list, hover: list, *, rows: list, cols: list, legend: dict, lang: str,
                    title: str) -> ChartSpec:
    """Indicators × regions: a value, missing in the source, or not collected (``legend`` by code 2, 1, 0)."""
    draw = {"z": z, "hover": hover, "rows": rows, "cols": cols, "legend": legend, "lang": lang, "title": title}
    return ChartSpec("coverage", title, lang, draw=draw)


def _draw_coverage(*, z: list, hover: list, rows: list, cols: list, legend: dict, lang: str,
                   title: str) -> go.Figure:
    scale = [[0, "#F2F2F2"], [0.33, "#F2F2F2"], [0.34, OUT_OF_TOP_FIVE], [0.66, OUT_OF_TOP_FIVE],
             [0.67, OTHER], [1, OTHER]]
    fig = go.Figure(go.Heatmap(z=z, x=cols, y=rows, customdata=hover, colorscale=scale, zmin=0, zmax=2,
                               showscale=False, xgap=2, ygap=2,
                               hovertemplate="%{y} · %{x}<br>%{customdata}<extra></extra>"))
    for code, colour in ((2, OTHER), (1, OUT_OF_TOP_FIVE), (0, "#D9D9D9")):
        fig.add_trace(go.Scatter(x=[None], y=[None], mode="markers", name=legend[code],
                                 marker={"symbol": "square", "size": 14, "color": colour}))
    fig.update_yaxes(autorange="reversed", tickvals=rows, ticktext=rows)
    # level column names (slanted ones ran into the title); many columns stand upright
    fig.update_xaxes(side="top", tickvals=cols, ticktext=cols, tickangle=0 if len(cols) <= 7 else -90,
                     tickfont={"size": 11})
    fig = style(fig, title, lang, height=max(360, 180 + 26 * len(rows)))
    fig.update_layout(margin={"t": 110 if len(cols) <= 7 else 190})
    return fig


RENDERERS = {
    "bar_h": _draw_bar_h,
    "bar_v": _draw_bar_v,
    "line": _draw_line,
    "rank_bands": lambda spec: _draw_rank_bands(**spec.draw),
    "scatter": lambda spec: _draw_scatter(**spec.draw),
    "matrix": lambda spec: top_five_matrix(**spec.draw),
    "map": lambda spec: _draw_map(**spec.draw),
    "map_europe": lambda spec: _draw_europe_map(**spec.draw),
    "profile": lambda spec: _draw_profile(**spec.draw),
    "dots": lambda spec: _draw_dots(**spec.draw),
    "coverage": lambda spec: _draw_coverage(**spec.draw),
}


def figure(spec: ChartSpec) -> go.Figure:
    """The Plotly figure of a chart specification: its kind's renderer, then the spec's own axis settings
    and height."""
    fig = RENDERERS[spec.kind](spec)
    for axis, settings in spec.axes.items():
        (fig.update_xaxes if axis == "x" else fig.update_yaxes)(**settings)
    if spec.height:
        fig.update_layout(height=spec.height)
    return fig
