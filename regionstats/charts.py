"""The Plotly renderer: ``figure(spec)`` draws a chart specification (``chartspec.ChartSpec``), one drawing
function per kind, reading nothing but the spec. Pure: no Streamlit, no SQL, no frames.

Every figure gets the same frame from ``style``: a title that says what and when, axis titles with units, the
locale's number separators, a colour-blind-safe palette (Okabe–Ito) and the home region in one accent colour.
Missing values are drawn as "saknas" markers, never as zero-length bars; uncertain ones hatched or hollow.
The deck's renderer (export/pptx_charts.py) draws the native kinds from the same specification.
"""

import json
import math
from functools import lru_cache

import numpy as np
import plotly.graph_objects as go
import plotly.io as pio
from plotly.colors import sample_colorscale
from plotly.subplots import make_subplots

from regionstats import config
from regionstats.chartspec import (HOME, IN_TOP_FIVE, OTHER, OUT_OF_TOP_FIVE, PALETTE, RIKET, UNDETERMINED,
                                   ChartSpec, Series)
from regionstats.formatting import MISSING, PLOTLY_SEPARATORS, d3_format

FONT = "Source Sans Pro, DejaVu Sans, Arial, sans-serif"
HATCH = "/"
FRAME = "#1f2d3d"  # the dark border of a chosen region among all 21
# plotly_white built once, with the trace defaults of the trace types drawn here only: passing the name
# "plotly_white" to each figure validated and copied its whole template (all 24 trace types) every time.
_WHITE = pio.templates["plotly_white"]
HOUSE_TEMPLATE = go.layout.Template(layout=_WHITE.layout, data={
    kind: _WHITE.data[kind] for kind in ("bar", "scatter", "heatmap", "choropleth", "scattergeo")})


def hollow(symbol: str, flags: list[bool]) -> list[str]:
    """The symbol per point, open where the value is uncertain."""
    return [f"{symbol}-open" if flag else symbol for flag in flags]


def outline(colours, flags: list[bool]) -> dict:
    """Marker outline: white around solid markers, the marker's own colour (and thicker) around hollow ones."""
    colours = colours if isinstance(colours, list) else [colours] * len(flags)
    return {"color": [c if flag else "white" for c, flag in zip(colours, flags)],
            "width": [2.5 if flag else 1 for flag in flags]}


def markers(series: Series, symbol: str, size, flags: list[bool] | None = None) -> dict:
    """Solid markers in the series' colours, hollow where a point is uncertain."""
    flags = [p.uncertain for p in series.points] if flags is None else flags
    colours = series.colours if len(series.colours) != 1 else series.colours[0]
    return {"size": size, "color": colours, "symbol": hollow(symbol, flags), "line": outline(colours, flags)}


def legend_stand_in(fig: go.Figure, trace: go.Scatter) -> None:
    """A legend entry with solid markers, for a series whose first point is hollow (plotly's legend copies the
    first point's symbol, which would make the whole series look uncertain)."""
    trace.showlegend = False
    trace.legendgroup = trace.legendgroup or trace.name
    marker = trace.marker.to_plotly_json() if trace.marker is not None else {}
    marker["symbol"] = "diamond" if "diamond" in str(marker.get("symbol", "")) else "circle"
    marker.pop("line", None)
    if isinstance(marker.get("color"), (list, tuple)):
        marker["color"] = marker["color"][0]
    fig.add_trace(go.Scatter(x=[None], y=[None], mode=trace.mode, name=trace.name, legendgroup=trace.legendgroup,
                             line=trace.line, marker=marker, hoverinfo="skip"))


def hatch(flags: list[bool]) -> dict | None:
    """A bar pattern: hatched where the value is uncertain (None when nothing is)."""
    if not any(flags):
        return None
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


def _values(spec: ChartSpec) -> list[float]:
    return [p.value for s in spec.series for p in s.points if p.value is not None]


def _draw_bar_h(spec: ChartSpec) -> go.Figure:
    series = spec.series[0] if spec.series else Series(spec.axis_title)
    points = series.points
    hovered = any(p.hover for p in points)
    fig = go.Figure(go.Bar(
        x=[p.value for p in points], y=[p.category for p in points], orientation="h", marker_color=series.colours,
        marker_pattern=hatch([p.uncertain for p in points]),
        marker_line_color=[FRAME if p.outlined else "rgba(0,0,0,0)" for p in points],
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
    if spec.value_range is not None:
        fig.update_xaxes(range=list(spec.value_range))
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
    line = {"color": colour, "dash": dash, "width": 1.5}
    if horizontal:
        fig.add_vline(x=value, line=line)
        fig.add_annotation(x=value, xref="x", y=1, yref="y domain", yanchor="bottom", showarrow=False,
                           xanchor="left" if position == "top right" else "center",
                           text=label, font={"color": colour}, yshift=2 + 18 * level)
    else:
        fig.add_hline(y=value, line=line, annotation_text=label, annotation_position=position or "right",
                      annotation_font={"color": colour})  # "right": outside the plot (the chart leaves room)


def add_breaks(fig: go.Figure, spec: ChartSpec) -> None:
    """Each break in the series as a dotted vertical line with its label at the top."""
    for item in spec.breaks:
        fig.add_vline(x=item.x, line={"color": RIKET, "dash": "dot", "width": 1.5}, annotation_text=item.label,
                      annotation_position="top", annotation_font={"color": RIKET, "size": 11})


def _line_trace(series: Series, points: list, **marker) -> go.Scatter:
    colour = series.colours[0] if series.colours else None
    return go.Scatter(
        x=[p.category for p in points], y=[p.value for p in points], mode="lines+markers", name=series.name,
        legendgroup=series.group or None,
        line={"color": colour, "width": series.width, "dash": "dash" if series.dash else "solid"},
        marker={"symbol": hollow("circle", [p.uncertain for p in points]), "line": {"width": 2, "color": colour},
                **marker},
        text=[p.text for p in points], connectgaps=False,
        hovertemplate="%{fullData.name} %{x}: %{text}<extra></extra>",
    )


def _add_line(fig: go.Figure, trace: go.Scatter, points: list) -> None:
    fig.add_trace(trace)
    if any(p.uncertain for p in points):
        legend_stand_in(fig, fig.data[-1])


LOG_TICKS = [1, 2, 5, 10, 20, 50, 100, 200, 500]


def _draw_line(spec: ChartSpec) -> go.Figure:
    fig = go.Figure()
    for series in spec.series:
        _add_line(fig, _line_trace(series, series.points, size=9 if series.emphasis else 7), series.points)
    for band in spec.bands:  # its label outside the plot, on the right, never on a data point
        fig.add_hrect(y0=band.low, y1=band.high, fillcolor=IN_TOP_FIVE, opacity=0.12, line_width=0)
        # an annotation on a log axis is placed in log10 units
        middle = math.log10(band.low * band.high) / 2 if spec.log_axis else (band.low + band.high) / 2
        fig.add_annotation(x=1, xref="x domain", y=middle, yref="y", xanchor="left",
                           showarrow=False, text=band.label, font={"color": IN_TOP_FIVE}, xshift=6)
    years = {p.category for s in spec.series for p in s.points}
    fig.update_xaxes(dtick=1 if len(years) < 15 else 2, tickformat="d")
    fig.update_yaxes(tickformat=d3_format(spec.decimals), hoverformat=d3_format(spec.decimals))
    values = _values(spec)
    worst = max(values) if values else float("nan")
    if spec.log_axis:  # places 1 to 500 (the world lists), 1 at the top
        worst = worst if worst == worst else 5
        fig.update_yaxes(type="log", range=[math.log10(worst * 1.3), math.log10(0.8)], tickvals=LOG_TICKS)
        fig.update_xaxes(dtick=2)
    elif spec.reversed_axis:
        fig.update_yaxes(range=[(worst if worst == worst else 5) + 0.7, 0.3], dtick=1 if worst <= 25 else None)
    add_breaks(fig, spec)
    fig = style(fig, spec.title, spec.lang, y_title=spec.axis_title)
    if spec.bands:
        fig.update_layout(margin={"r": 90})
    return fig


def _draw_rank_bands(spec: ChartSpec) -> go.Figure:
    """Published ranks over editions: exact places as markers, bands (351–400) as floating bars."""
    fig = go.Figure()
    exact_groups = {s.group for s in spec.series if any(p.low is None for p in s.points)}
    for series in spec.series:
        bands = [p for p in series.points if p.low is not None]
        if not bands:
            _add_line(fig, _line_trace(series, series.points, size=8), series.points)
            continue
        fig.add_trace(go.Bar(
            x=[p.category for p in bands], y=[p.high - p.low for p in bands], base=[p.low for p in bands],
            name=series.name, legendgroup=series.group or None, marker_color=series.colours[0], opacity=0.45,
            marker_pattern=hatch([p.uncertain for p in bands]), width=0.5, text=[p.text for p in bands],
            textposition="none", hovertemplate=(series.group or "%{fullData.name}") + " %{x}: %{text}<extra></extra>",
            showlegend=series.group not in exact_groups,
        ))
    fig.update_layout(barmode="overlay")
    fig.update_xaxes(dtick=1, tickformat="d")
    fig.update_yaxes(autorange="reversed", tickformat=",d", rangemode="tozero")
    add_breaks(fig, spec)
    return style(fig, spec.title, spec.lang, y_title=spec.axis_title)


def _draw_scatter(spec: ChartSpec) -> go.Figure:
    """A labelled scatter (e.g. publication volume against citation average); uncertain points hollow."""
    series = spec.series[0] if spec.series else Series("")
    points = series.points
    # neighbours with the same y take turns above and below, so close points keep readable labels
    seen: dict = {}
    positions = []
    for p in points:
        seen[p.value] = seen.get(p.value, -1) + 1
        positions.append("top center" if seen[p.value] % 2 == 0 else "bottom center")
    fig = go.Figure(go.Scatter(
        x=[p.x for p in points], y=[p.value for p in points], mode="markers+text",
        text=[p.category for p in points], textposition=positions, marker=markers(series, "circle", 14),
        hovertemplate="%{text}<br>" + spec.x_title + ": %{x}<br>" + spec.axis_title + ": %{y}<extra></extra>",
    ))
    for line in spec.references:
        add_reference_line(fig, line.value, line.label, horizontal=False, colour=line.colour, dash=line.dash)
    fig.update_xaxes(tickformat=d3_format(spec.x_decimals), hoverformat=d3_format(spec.x_decimals))
    fig.update_yaxes(tickformat=d3_format(spec.decimals), hoverformat=d3_format(spec.decimals))
    values = _values(spec)
    if spec.decimals == 0 and values and max(values) - min(values) <= 10:
        fig.update_yaxes(dtick=1)  # whole-number ticks, never 10, 10, 11, 11
    fig = style(fig, spec.title, spec.lang, x_title=spec.x_title, y_title=spec.axis_title)
    if spec.references:  # room for the line's label right of the plot
        fig.update_layout(margin={"r": 40 + 8 * max(len(str(r.label)) for r in spec.references)})
    return fig


def _draw_dots(spec: ChartSpec) -> go.Figure:
    """Published places as dots on a rank axis (1 at the left), the top five shaded; the highlighted
    regions (in the accent colour) larger; uncertain ones hollow."""
    series = spec.series[0] if spec.series else Series("")
    points = series.points
    sizes = [16 if colour == HOME else 11 for colour in series.colours]
    fig = go.Figure(go.Scatter(
        x=[p.value for p in points], y=[p.category for p in points], mode="markers+text",
        text=[p.text for p in points], textposition="middle right", cliponaxis=False,
        marker=markers(series, "circle", sizes), hovertemplate="%{y}: %{text}<extra></extra>", showlegend=False,
    ))
    for band in spec.bands:  # label above the dots
        fig.add_vrect(x0=band.low, x1=band.high, fillcolor=IN_TOP_FIVE, opacity=0.12, line_width=0,
                      annotation_text=band.label, annotation_position="outside top",
                      annotation_font={"color": IN_TOP_FIVE}, annotation_yshift=6)
    top = max(max(_values(spec), default=5), 6) + 1.6  # room for the last dot's label
    fig.update_xaxes(range=[0.5, top], dtick=1 if top <= 25 else None, tickformat=",d")
    return style(fig, spec.title, spec.lang, x_title=spec.axis_title, height=max(320, 70 + 30 * len(points)))


def _draw_profile(spec: ChartSpec) -> go.Figure:
    """Normalised scores 0–1 per indicator (rows), one dot per region; home region accented; uncertain
    values hollow."""
    fig = go.Figure()
    for series in spec.series:
        points = series.points
        fig.add_trace(go.Scatter(
            x=[p.value for p in points], y=[p.category for p in points], mode="markers", name=series.name,
            text=[p.text for p in points],
            marker=markers(series, "diamond" if series.emphasis else "circle", 16 if series.emphasis else 11),
            hovertemplate="%{fullData.name}<br>%{y}: %{text}<extra></extra>",
        ))
        if any(p.uncertain for p in points):
            legend_stand_in(fig, fig.data[-1])
    fig.update_xaxes(range=[-0.05, 1.05], tickformat=".1f")
    fig.update_yaxes(autorange="reversed")
    rows = {p.category for s in spec.series for p in s.points}
    fig = style(fig, spec.title, spec.lang, x_title=spec.axis_title, height=max(400, 190 + 40 * len(rows)))
    # the legend at the foot of the figure, below the x-axis title (it used to sit on it); room on the
    # right for the axis title, which is wider than the plot beside long row names
    fig.update_layout(legend={"orientation": "h", "yref": "container", "yanchor": "bottom", "y": 0.01,
                              "xref": "container", "x": 0.01},
                      margin={"b": 120, "r": 90})
    return fig


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


# the colour of each shade of a matrix (chartspec.Cell), and of its swatch in the legend
SHADES = {"matrix": {2: IN_TOP_FIVE, 1: OUT_OF_TOP_FIVE, 0: UNDETERMINED},
          "coverage": {2: OTHER, 1: OUT_OF_TOP_FIVE, 0: "#F2F2F2"}}
SWATCHES = {"matrix": SHADES["matrix"], "coverage": {**SHADES["coverage"], 0: "#D9D9D9"}}


def _draw_cells(spec: ChartSpec) -> go.Figure:
    """Rows × columns, each cell shaded by its class (in / out of the top five; value / missing / not
    collected), its text in it and its hover; a row without cells is a heading, in bold; the highlighted
    column (the home region) framed in the accent colour."""
    rows, cols, lang = spec.rows, spec.columns, spec.lang
    lookup = {(c.row, c.column): c for c in spec.cells}
    z = [[getattr(lookup.get((r, c)), "shade", None) for c in cols] for r in rows]
    texts = any(c.text for c in spec.cells)
    shades = SHADES[spec.kind]
    scale = [[0, shades[0]], [0.33, shades[0]], [0.34, shades[1]], [0.66, shades[1]], [0.67, shades[2]],
             [1, shades[2]]]
    # the texts as numpy arrays: plotly copies them whole, where nested lists are validated and deep-copied
    # cell by cell (z stays a list of rows: small numbers, and its JSON keeps one array per row)
    hover = np.array([[getattr(lookup.get((r, c)), "hover", MISSING[lang]) for c in cols] for r in rows], dtype=object)
    text = np.array([[getattr(lookup.get((r, c)), "text", "") for c in cols] for r in rows], dtype=object)
    fig = go.Figure(go.Heatmap(
        z=z, x=cols, y=rows, text=text if texts else None, texttemplate="%{text}" if texts else None,
        customdata=hover, zmin=0, zmax=2, colorscale=scale, showscale=False, xgap=3 if texts else 2,
        ygap=3 if texts else 2, hovertemplate="%{y} · %{x}<br>%{customdata}<extra></extra>",
    ))
    for shade in (2, 1, 0):
        fig.add_trace(go.Scatter(x=[None], y=[None], mode="markers", name=spec.legend[shade],
                                 marker={"symbol": "square", "size": 14, "color": SWATCHES[spec.kind][shade]}))
    filled = {c.row for c in spec.cells}
    fig.update_yaxes(autorange="reversed", tickvals=rows, ticktext=[r if r in filled else f"<b>{r}</b>" for r in rows])
    # column names level (slanted ones ran into the title at 1280×720); many columns stand upright; the
    # names a size smaller than the body, so five of them sit side by side beside a sidebar at 1280×720
    home = f'<b><span style="color:{HOME}">{spec.highlight}</span></b>'
    fig.update_xaxes(side="top", tickvals=cols, ticktext=[home if c == spec.highlight else c for c in cols],
                     tickangle=0 if len(cols) <= 7 else -90, tickfont={"size": 11})
    if spec.highlight in cols:  # the home region's column framed in its accent colour, as it is drawn in charts
        index = cols.index(spec.highlight)
        fig.add_shape(type="rect", xref="x", yref="paper", x0=index - 0.5, x1=index + 0.5, y0=0, y1=1,
                      line={"color": HOME, "width": 3.5}, fillcolor="rgba(0,0,0,0)", layer="above")
    height = 160 + 34 * len(rows) if texts else 180 + 26 * len(rows)
    fig = style(fig, spec.title, lang, height=max(320 if texts else 360, height))
    fig.update_layout(margin={"t": 110 if len(cols) <= 7 else 190})
    return fig


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
EUROPE_X_SCALE = 0.62  # cos(52°): the same in mid-Europe
EUROPE_FRAME = ((-25.0, 45.0), (34.0, 71.5))  # longitude, latitude: the outermost regions overseas stay out
EUROPE_SHADES = 10  # bands of places, one trace each: some 330 regions as 330 traces took half a second


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


@lru_cache(maxsize=1)
def _nuts2_outlines() -> dict:
    """Each NUTS 2 region's outer rings in map units (x = longitude × cos 52°, y = latitude), keyed by its code."""
    geo = json.loads(config.nuts2_geojson_path().read_text(encoding="utf-8"))
    return {feature["properties"]["id"]: [[(p[0] * EUROPE_X_SCALE, p[1]) for p in polygon[0]]
                                          for polygon in feature["geometry"]["coordinates"]]
            for feature in geo["features"]}


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
NO_PLACE = "#E5E5E5"


def _add_areas(fig: go.Figure, spec: ChartSpec, outlines: dict, *, shades: int | None, numbers: bool,
               ticks: tuple, scale: dict, **cell) -> None:
    """Every outline, the spec's areas shaded by their place (1 = best, darkest; ``shades`` bands of places, or
    one shade a place), grey without one; the focus regions framed, the home region in its accent colour,
    uncertain ones with a dotted border; at each region's middle its name and text on hover and, with
    ``numbers``, its place written. The colour scale as a legend, ticked at 1, ``ticks`` and the last place,
    ``scale`` its colorbar's place and length; ``cell`` the subplot."""
    areas = [a for a in spec.areas if a.code in outlines]
    placed = [a for a in areas if a.rank is not None]
    n = max(max((a.rank for a in placed), default=1), 2)
    steps = shades or n

    def step(rank: int) -> int:
        return rank - 1 if shades is None else min((rank - 1) * shades // n, shades - 1)

    groups = {-1: [c for c in outlines if c not in {a.code for a in placed}]}
    for area in sorted(placed, key=lambda a: a.rank):
        groups.setdefault(step(area.rank), []).append(area.code)
    for shade, codes in groups.items():
        xs, ys = _ring_path([ring for code in codes for ring in outlines[code]])
        colour = NO_PLACE if shade < 0 else sample_colorscale(RANK_SCALE, [1 - shade / max(steps - 1, 1) * 0.85])[0]
        # as arrays (gaps as NaN): Plotly checks a plain list of 40 000 points one by one
        fig.add_trace(go.Scatter(x=np.array(xs, dtype=float), y=np.array(ys, dtype=float), fill="toself",
                                 mode="lines", line={"color": "white", "width": 0.8 if numbers else 0.4},
                                 fillcolor=colour, hoverinfo="skip", showlegend=False), **cell)
    borders = [(a, FRAME, 2.2, None) for a in areas if a.frame == "focus"]
    borders += [(a, HOME, 3.2 if numbers else 2.5, None) for a in areas if a.frame == "home"]
    borders += [(a, "#222222", 2.5, "dot") for a in areas if a.uncertain]  # a map cannot hatch: a dotted border
    for area, colour, width, dash in borders:
        xs, ys = _ring_path(outlines[area.code])
        fig.add_trace(go.Scatter(x=xs, y=ys, mode="lines", line={"color": colour, "width": width, "dash": dash},
                                 hoverinfo="skip", showlegend=False, name=area.code), **cell)
    centres = [_label_point(outlines[a.code]) for a in placed]
    fig.add_trace(go.Scatter(
        x=[c[0] for c in centres], y=[c[1] for c in centres], mode="text" if numbers else "markers",
        text=[str(a.rank) for a in placed] if numbers else [a.text for a in placed],
        customdata=[f"{a.rank}. {a.name}: {a.text}" for a in placed], hovertemplate="%{customdata}<extra></extra>",
        textfont={"size": 12, "color": ["white" if a.rank <= n * 0.5 else FRAME for a in placed]},
        marker={"size": 6, "opacity": 0}, showlegend=False,
    ), **cell)
    fig.add_trace(go.Scatter(  # the colour scale's legend: place 1 (darkest) to n
        x=[None], y=[None], mode="markers", hoverinfo="skip", showlegend=False,
        marker={"color": [1, n], "cmin": 1, "cmax": n, "showscale": True,
                "colorscale": [[0, sample_colorscale(RANK_SCALE, [1.0])[0]],
                               [1, sample_colorscale(RANK_SCALE, [0.15])[0]]],
                "colorbar": {"title": {"text": spec.scale_title}, "thickness": 12, "tickformat": "d",
                             "tickvals": sorted({1, *ticks, n}), **scale}},
    ), **cell)


def _draw_map(spec: ChartSpec) -> go.Figure:
    """The 21 regions shaded by their place, the place written on each; beside the map the same regions as
    bars of their values (the spec's series), best first, missing last."""
    fig = make_subplots(rows=1, cols=2, column_widths=[0.34, 0.66], horizontal_spacing=0.18)
    _add_areas(fig, spec, _outlines(), shades=None, numbers=True, ticks=(5,), row=1, col=1,
               scale={"x": 0.0, "xanchor": "right", "len": 0.5, "y": 0.75})
    fig.update_xaxes(visible=False, row=1, col=1)
    fig.update_yaxes(visible=False, scaleanchor="x", scaleratio=1, row=1, col=1)
    series = spec.series[0] if spec.series else Series("")
    bars = series.points
    fig.add_trace(go.Bar(
        x=[p.value for p in bars], y=[p.category for p in bars], orientation="h", text=[p.text for p in bars],
        textposition="outside", cliponaxis=False, marker_pattern=hatch([p.uncertain for p in bars]),
        marker_color=series.colours,
        marker_line_color=[FRAME if p.outlined else "rgba(0,0,0,0)" for p in bars],
        marker_line_width=[1.5 if p.outlined else 0 for p in bars],
        hovertemplate="%{y}: %{text}<extra></extra>", showlegend=False,
    ), row=1, col=2)
    fig.update_yaxes(autorange="reversed", dtick=1, row=1, col=2)
    values = [p.value for p in bars if p.value is not None]
    if values and min(values) >= 0:
        fig.update_xaxes(range=[0, max(values) * 1.35], row=1, col=2)
    fig.update_xaxes(title_text=spec.axis_title, tickformat=d3_format(spec.decimals),
                     hoverformat=d3_format(spec.decimals), row=1, col=2)
    styled = style(fig, spec.title, spec.lang, height=max(600, 100 + 27 * len(bars)))
    styled.update_layout(margin={"l": 60, "r": 40, "t": 70, "b": 40}, plot_bgcolor="white")
    return styled


def _draw_europe_map(spec: ChartSpec) -> go.Figure:
    """Europe's NUTS 2 regions shaded by their place in bands (too many and too small to write the places
    on), the home region framed; hovering a region's middle gives its name, place and value."""
    fig = go.Figure()
    _add_areas(fig, spec, _nuts2_outlines(), shades=EUROPE_SHADES, numbers=False, ticks=(), scale={"len": 0.6})
    (x0, x1), (y0, y1) = EUROPE_FRAME
    fig.update_xaxes(visible=False, range=[x0 * EUROPE_X_SCALE, x1 * EUROPE_X_SCALE])
    fig.update_yaxes(visible=False, range=[y0, y1], scaleanchor="x", scaleratio=1)
    return style(fig, spec.title, spec.lang, height=680)


RENDERERS = {
    "bar_h": _draw_bar_h,
    "bar_v": _draw_bar_v,
    "line": _draw_line,
    "rank_bands": _draw_rank_bands,
    "scatter": _draw_scatter,
    "matrix": _draw_cells,
    "coverage": _draw_cells,
    "map": _draw_map,
    "map_europe": _draw_europe_map,
    "profile": _draw_profile,
    "dots": _draw_dots,
}


def figure(spec: ChartSpec) -> go.Figure:
    """The Plotly figure of a chart specification: its kind's renderer, then the spec's own height."""
    fig = RENDERERS[spec.kind](spec)
    if spec.height:
        fig.update_layout(height=spec.height)
    return fig
