"""What a chart draws, read back from its plotly figure: series of (category, value, text) points.

The slides use it twice: to rebuild bars and lines as native, editable PowerPoint charts, and
to write the numbers behind every chart into the speaker notes, in the app's language (the
figures carry the formatted texts the app shows, e.g. "5 556 kr").
"""

import math
import re
from dataclasses import dataclass, field

import plotly.graph_objects as go

from regionstats import formatting
from regionstats.formatting import MISSING


@dataclass
class Point:
    category: str
    value: float | None
    text: str
    uncertain: bool = False  # provisional or conflicting: drawn hatched (bars) or hollow (markers)


@dataclass
class Series:
    name: str
    points: list = field(default_factory=list)
    colours: list = field(default_factory=list)  # one per point, or one for the whole series
    dash: bool = False
    width: float | None = None


@dataclass
class FigureData:
    kind: str | None  # "bar_h", "bar_v" or "line" when a native chart can show it, else None
    series: list
    missing: list  # points drawn as 'saknas' markers
    decimals: int
    reversed_axis: bool
    axis_title: str
    references: list  # (label, value) of reference lines such as Riket
    bands: list = field(default_factory=list)  # (label, low, high) of shaded bands such as the top five


def _values(array) -> list:
    if array is None:
        return []
    return list(array.tolist() if hasattr(array, "tolist") else array)


def _number(value) -> float | None:
    if value is None or isinstance(value, str):
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(number) else number


def _decimals(axis) -> int:
    match = re.search(r"\.(\d+)f", (axis.hoverformat or axis.tickformat or "") if axis else "")
    return int(match.group(1)) if match else 0


def _is_placeholder(trace) -> bool:
    """Legend-only stand-ins (x=[None]) and outlines that carry no data."""
    if trace.hoverinfo == "skip":
        return True
    coords = _values(getattr(trace, "x", None)) + _values(getattr(trace, "y", None))
    if trace.type in ("scatter", "bar") and coords and all(c is None for c in coords):
        return True
    return False


def _is_missing_markers(trace) -> bool:
    return trace.type == "scatter" and trace.marker is not None and trace.marker.symbol == "x-thin-open"


def _text(texts: list, i: int) -> str:
    if i < len(texts) and isinstance(texts[i], str):
        return texts[i]
    return ""


def _uncertain(tr) -> list[bool]:
    """Per point: hatched bar or hollow marker, the charts' mark of a provisional or conflicting value."""
    marker = getattr(tr, "marker", None)
    if marker is None:
        return []
    if tr.type == "bar":
        shapes = marker.pattern.shape if marker.pattern is not None else None
        return [bool(s) for s in _values(shapes)] if isinstance(shapes, (list, tuple)) or hasattr(shapes, "tolist") else []
    symbols = getattr(marker, "symbol", None)  # a choropleth marker has none
    if isinstance(symbols, (list, tuple)) or hasattr(symbols, "tolist"):
        return [isinstance(s, str) and s.endswith("-open") for s in _values(symbols)]
    return []


def _flag_uncertain(points: list, flags: list[bool]) -> list:
    for point, flag in zip(points, flags):
        point.uncertain = bool(flag)
    return points


def _categorical(values: list) -> bool:
    return any(isinstance(v, str) for v in values)


def _label(value) -> str:
    number = _number(value)
    if number is not None and number == int(number):
        return str(int(number))
    return str(value)


def read(fig: go.Figure, lang: str) -> FigureData:
    """The series, missing markers, reference lines and native chart kind of a figure."""
    layout = fig.layout
    traces = [tr for tr in fig.data if not _is_placeholder(tr)]
    data = [tr for tr in traces if not _is_missing_markers(tr)]
    kind = _kind(data)
    horizontal = kind == "bar_h" or any(getattr(tr, "orientation", None) == "h" for tr in data)
    value_axis = layout.xaxis if horizontal else layout.yaxis
    decimals = _decimals(value_axis)
    series = []
    for tr in data:
        for one in _series(tr, lang, decimals, layout):
            _flag_uncertain(one.points, _uncertain(tr))
            series.append(one)
    missing = []
    for tr in traces:
        if _is_missing_markers(tr):
            cats = _values(tr.y) if horizontal or _categorical(_values(tr.y)) else _values(tr.x)
            texts = _values(tr.text)
            missing += [Point(str(c), None, _text(texts, i) or MISSING[lang]) for i, c in enumerate(cats)]
    return FigureData(
        kind=kind, series=series, missing=missing, decimals=decimals,
        reversed_axis=(value_axis.autorange == "reversed") if value_axis else False,
        axis_title=(value_axis.title.text or "") if value_axis and value_axis.title else "",
        references=_references(fig),
        bands=_bands(fig),
    )


def _kind(data: list) -> str | None:
    if not data:
        return None
    if all(tr.type == "bar" and tr.base is None for tr in data):
        orientations = {tr.orientation or "v" for tr in data}
        if len(orientations) == 1:
            return "bar_h" if orientations == {"h"} else "bar_v"
        return None
    if all(tr.type == "scatter" and "lines" in (tr.mode or "") for tr in data):
        xs = [x for tr in data for x in _values(tr.x) if x is not None]
        if xs and all(_number(x) is not None and float(x) == int(float(x)) for x in xs):
            return "line"
    return None


def _series(tr, lang: str, decimals: int, layout) -> list:
    texts = _values(tr.text)
    name = tr.name or ""

    def shown(value, i) -> str:
        text = _text(texts, i)
        return text if text else formatting.number(value, decimals, lang)

    if tr.type == "bar":
        if tr.orientation == "h":
            cats, vals = _values(tr.y), _values(tr.x)
        else:
            cats, vals = _values(tr.x), _values(tr.y)
        if tr.base is not None:  # floating bars: published bands such as 351–400
            points = [Point(_label(c), None, _text(texts, i)) for i, c in enumerate(cats)]
        else:
            points = [Point(_label(c), _number(v), shown(v, i)) for i, (c, v) in enumerate(zip(cats, vals))]
        colour = tr.marker.color if tr.marker is not None else None
        several = isinstance(colour, (list, tuple)) or hasattr(colour, "tolist")
        colours = _values(colour) if several else [colour]
        return [Series(name, points, [c for c in colours if isinstance(c, str)])]
    if tr.type == "scatter":
        xs, ys = _values(tr.x), _values(tr.y)
        mode = tr.mode or ""
        if _categorical(ys):  # dots on a value axis, one per labelled row
            points = [Point(str(y), _number(x), shown(x, i)) for i, (x, y) in enumerate(zip(xs, ys))]
        elif "lines" in mode or not texts:
            points = [Point(_label(x), _number(y), shown(y, i)) for i, (x, y) in enumerate(zip(xs, ys))]
        else:  # labelled scatter: the text is the label, both coordinates are values
            x_title = layout.xaxis.title.text or "x"
            y_title = layout.yaxis.title.text or "y"
            x_dec, y_dec = _decimals(layout.xaxis), _decimals(layout.yaxis)
            points = [Point(_text(texts, i), None, f"{x_title} {formatting.number(x, x_dec, lang)}; "
                                                   f"{y_title} {formatting.number(y, y_dec, lang)}")
                      for i, (x, y) in enumerate(zip(xs, ys))]
        line = tr.line
        return [Series(name, points, [line.color] if line is not None and line.color else [],
                       dash=bool(line is not None and line.dash and line.dash != "solid"),
                       width=line.width if line is not None else None)]
    if tr.type == "heatmap":
        rows, cols = _values(tr.y), _values(tr.x)
        grid = _values(tr.text)
        def cell(r: int, c: int) -> str:
            return str(grid[r][c]) if r < len(grid) and c < len(grid[r]) else ""

        return [Series(str(row), [Point(str(col), None, cell(r, c)) for c, col in enumerate(cols)])
                for r, row in enumerate(rows)]
    if tr.type == "choropleth":
        labels, zs, shown_texts = _values(tr.text), _values(tr.z), _values(tr.customdata)
        return [Series(name, [Point(_text(labels, i) or str(loc), _number(zs[i]) if i < len(zs) else None,
                                    str(shown_texts[i]) if i < len(shown_texts) else "")
                              for i, loc in enumerate(_values(tr.locations))])]
    return []


def _references(fig: go.Figure) -> list:
    """(label, value) of the labelled vertical/horizontal lines (Riket, world average, threshold)."""
    found = []
    annotations = list(fig.layout.annotations or [])
    for shape in fig.layout.shapes or []:
        if shape.type != "line":
            continue
        vertical = shape.x0 is not None and shape.x0 == shape.x1 and (shape.xref or "x").startswith("x")
        horizontal = shape.y0 is not None and shape.y0 == shape.y1 and (shape.yref or "y").startswith("y")
        if not (vertical or horizontal):
            continue
        value = shape.x0 if vertical else shape.y0
        along = shape.xref if vertical else shape.yref
        if along and "domain" in along:
            continue
        label = next((a.text for a in annotations if a.text and (
            (vertical and a.x == value) or (horizontal and a.y == value))), "")
        found.append((label, _number(value)))
    return found


def _bands(fig: go.Figure) -> list:
    """(label, low, high) of labelled shaded bands along the value axis (the top-five band)."""
    found = []
    annotations = [a for a in fig.layout.annotations or [] if a.text]
    for shape in fig.layout.shapes or []:
        if shape.type != "rect":
            continue
        across_x = (shape.xref or "").endswith("domain")
        low, high = (shape.y0, shape.y1) if across_x else (shape.x0, shape.x1)
        if _number(low) is None or _number(high) is None:
            continue
        label = next((a.text for a in annotations
                      if (a.y if across_x else a.x) in (low, high, (float(low) + float(high)) / 2)), "")
        if label:
            found.append((label, float(low), float(high)))
    return found


def lines(data: FigureData, lang: str) -> list[str]:
    """Readable lines of the numbers: 'Uppsala: 5 556 kr', grouped under the series name if several."""
    out = []
    filled = [s for s in data.series if any(p.text or p.value is not None for p in s.points)]
    named = len(filled) > 1
    for series in filled:
        if named and series.name:
            out.append(f"{series.name}:")
        for point in series.points:
            if point.text or point.value is not None:
                out.append(("  " if named and series.name else "") + f"{point.category}: {point.text}")
    out += [f"{p.category}: {p.text}" for p in data.missing]
    for label, value in data.references:
        if value is None:
            continue
        number = formatting.number(value, data.decimals, lang)
        if label and number in label:
            out.append(label)
        else:
            out.append(f"{label or '—'}: {number}" + (f" ({data.axis_title})" if data.axis_title else ""))
    return out
