"""What a chart shows, as plain data: the specification a view returns for each chart.

Two renderers draw it, reading nothing else: ``charts.figure(spec)`` with Plotly (the page, PNG/SVG and
PDF) and ``export/pptx_charts.py`` as a native PowerPoint chart (the deck; the other kinds go into the deck
as pictures of the Plotly figure). ``specs.py`` builds specifications from the views' frames. Texts are the
app's own, already formatted ("1 715 kr", "saknas (reason)"); colours are the house palette's. No Plotly here.
"""

import re
from dataclasses import dataclass, field, fields, is_dataclass, replace
from typing import Callable

from regionstats import formatting

HOME = "#D55E00"  # vermillion: the home region on every chart
OTHER = "#0072B2"  # blue: other regions in single-series charts
RIKET = "#555555"
IN_TOP_FIVE = "#009E73"
OUT_OF_TOP_FIVE = "#E69F00"
UNDETERMINED = "#BBBBBB"
PALETTE = ("#0072B2", "#009E73", "#E69F00", "#56B4E9", "#CC79A7", "#F0E442", "#000000")  # Okabe–Ito
UNCERTAIN = ("provisional", "conflicting")  # drawn hollow (markers) or hatched (bars); views add the footnote


@dataclass
class Point:
    category: str | int  # a region (bars, dots), a year (lines) or a row label
    value: float | None
    text: str  # as the app shows it: "1 715 kr", "plats 4 av 21 län · 273 MSEK"
    state: str | None = None  # "provisional" or "conflicting": hatched (bars) or hollow (markers)
    hover: str = ""  # more than the text, on hover only
    outlined: bool = False  # a framed bar: a chosen region among all 21
    x: float | None = None  # a scatter point's horizontal value (``value`` is the vertical one)
    low: float | None = None  # a published band (places 351–400) instead of a value
    high: float | None = None

    @property
    def uncertain(self) -> bool:
        return self.state in UNCERTAIN


@dataclass
class Series:
    name: str
    points: list = field(default_factory=list)
    colours: list = field(default_factory=list)  # one per point, or one for the whole series
    dash: bool = False
    width: float | None = None
    emphasis: bool = False  # the home region: a thicker line, larger markers
    group: str = ""  # series shown as one in the legend (a university's places and its bands)


@dataclass
class Reference:
    """A line across the chart (Riket, the world average, the fifth best); the label says its value."""
    label: str
    value: float
    colour: str = RIKET
    dash: str = "dash"  # "dash" or "dot"

    def named(self, decimals: int, lang: str) -> str:
        """The label with the value, added when the label does not carry it already."""
        number = formatting.number(self.value, decimals, lang)
        return self.label if number in (self.label or "") else f"{self.label or '—'} {number}".strip()


@dataclass
class Band:
    """A shaded range along the value axis, such as the top five (places 0.5–5.5)."""
    label: str
    low: float
    high: float


@dataclass
class Break:
    """A break in a series (a method change, a border change): a dotted vertical line at x with its label."""
    x: float
    label: str


@dataclass
class Cell:
    """One cell of a matrix: its text, its hover and its shade, a key of the spec's ``legend``
    (top five: 2 in, 1 out, 0 cannot say; coverage: 2 a value, 1 missing in the source, 0 not collected)."""
    row: str
    column: str
    text: str = ""
    hover: str = ""
    shade: int | None = None  # None: no value, drawn blank


@dataclass
class Area:
    """A region on a map: its outline (by SCB or NUTS code), its place (the shade, and the number written on it
    on the Swedish map)."""
    code: str
    name: str  # on hover, with the text: "Uppsala: 5 556 kr"
    text: str
    rank: int | None
    state: str | None = None  # provisional or conflicting: a dotted border
    frame: str = ""  # "home" (accent colour) or "focus" (dark); "" for none

    uncertain = Point.uncertain


@dataclass
class ChartSpec:
    kind: str  # bar_h, bar_v, line, rank_bands, scatter, dots, profile, matrix, coverage, map, map_europe
    title: str
    lang: str
    series: list = field(default_factory=list)
    missing: list = field(default_factory=list)  # Points without a value, drawn as 'saknas' with the reason
    decimals: int = 0
    reversed_axis: bool = False  # ranks: 1 at the top / left
    axis_title: str = ""  # the value axis
    references: list = field(default_factory=list)
    bands: list = field(default_factory=list)
    breaks: list = field(default_factory=list)
    highlight: str | None = None  # the home region's category (or column), written in bold
    height: int | None = None  # the figure's height, when not the kind's own
    log_axis: bool = False  # a rank axis from 1 to hundreds (the world lists)
    value_range: tuple | None = None  # (low, high) of the value axis, when not the data's own
    x_title: str = ""  # scatter: the horizontal axis (axis_title is the vertical one)
    x_decimals: int = 0
    cells: list = field(default_factory=list)  # matrix, coverage: Cells
    rows: list = field(default_factory=list)  # their row order; a row without cells is a heading
    columns: list = field(default_factory=list)
    legend: dict = field(default_factory=dict)  # shade -> its label
    areas: list = field(default_factory=list)  # maps: Areas (the Swedish map's bars, Europe's list: ``series``)
    scale_title: str = ""  # map: the colour scale's title

    def lines(self) -> list[str]:
        """The numbers as readable lines ('Uppsala: 5 556 kr'), grouped under the series (or matrix row) name
        if several; 'saknas' points, the reference lines and the series breaks last."""
        out = []
        filled = [s for s in self.series if any(p.text or p.value is not None for p in s.points)]
        named = len(filled) > 1
        for series in filled:
            if named and series.name:
                out.append(f"{series.name}:")
            for point in series.points:
                if point.text or point.value is not None:
                    out.append(("  " if named and series.name else "") + f"{point.category}: {point.text}")
        for row in self.rows:
            texts = [f"  {c.column}: {c.text}" for c in self.cells if c.row == row and c.text]
            out += [f"{row}:"] + texts if texts else []
        out += [f"{p.category}: {p.text}" for p in self.missing]
        out += [self.reference_line(r) for r in self.references]
        out += [f"{b.label} ({b.x:g})" for b in self.breaks]  # a year, never "2 015"
        return out

    def reference_line(self, reference: Reference) -> str:
        number = formatting.number(reference.value, self.decimals, self.lang)
        if reference.label and number in reference.label:
            return reference.label
        return f"{reference.label or '—'}: {number}" + (f" ({self.axis_title})" if self.axis_title else "")


# Plotly (and an SVG) draws <a href=...> in any label, title or hover text as a link; no chart of ours has one
_LINK_TAG = re.compile(r"<(?=\s*/?\s*a\b)", re.IGNORECASE)


def unlinked(text: str) -> str:
    """A text with its link tags shown as text (a region name or note from data)."""
    return _LINK_TAG.sub("&lt;", text)


def without_links(spec: "ChartSpec") -> "ChartSpec":
    """The spec with every link tag in its texts shown as text: what the app and the image exports draw."""
    return with_texts(spec, unlinked)


def with_texts(spec, change: Callable[[str], str]):
    """The spec with ``change`` applied to every text in it (titles, names, point texts, hovers, labels),
    for a renderer that would read markup in them; the spec itself when nothing changes."""
    if isinstance(spec, str):
        new = change(spec)
        return spec if new == spec else new
    if isinstance(spec, list):
        items = [with_texts(item, change) for item in spec]
        return items if any(a is not b for a, b in zip(items, spec)) else spec
    if isinstance(spec, dict):
        items = {key: with_texts(value, change) for key, value in spec.items()}
        return items if any(items[k] is not spec[k] for k in spec) else spec
    if is_dataclass(spec) and not isinstance(spec, type):
        changed = {}
        for f in fields(spec):
            value = getattr(spec, f.name)
            new = with_texts(value, change)
            if new is not value:
                changed[f.name] = new
        return replace(spec, **changed) if changed else spec
    return spec
