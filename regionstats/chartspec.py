"""What a chart shows, as plain data: the specification a view returns for each chart.

``charts.figure(spec)`` draws it with Plotly (the page, PNG/SVG and PDF); the deck draws the native
kinds (bars by region, lines over years) as editable PowerPoint charts from the same specification,
with its reference lines, bands, uncertain points and colours, and writes ``lines()`` into the speaker
notes. Texts are the app's own, already formatted ("1 715 kr", "saknas (reason)"). No Plotly here.
"""

from dataclasses import dataclass, field

from regionstats import formatting

NATIVE_KINDS = ("bar_h", "bar_v", "line")  # the deck draws these as native charts, the rest as pictures


@dataclass
class Point:
    category: str | int  # a region (bars, dots), a year (lines) or a row label
    value: float | None
    text: str  # as the app shows it: "1 715 kr", "plats 4 av 21 län · 273 MSEK"
    uncertain: bool = False  # provisional or conflicting: hatched (bars) or hollow (markers)
    hover: str = ""  # more than the text, on hover only
    outlined: bool = False  # a framed bar: a chosen region among all 21


@dataclass
class Series:
    name: str
    points: list = field(default_factory=list)
    colours: list = field(default_factory=list)  # one per point, or one for the whole series
    dash: bool = False
    width: float | None = None
    emphasis: bool = False  # the home region: a thicker line, larger markers


@dataclass
class Reference:
    """A line across the chart (Riket, the world average, the fifth best); the label says its value."""
    label: str
    value: float
    colour: str = "#555555"
    dash: str = "dash"

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
class ChartSpec:
    kind: str  # NATIVE_KINDS, or a kind drawn only by Plotly ("matrix", "map", "scatter", "dots", ...)
    title: str
    lang: str
    series: list = field(default_factory=list)
    missing: list = field(default_factory=list)  # Points without a value, drawn as 'saknas' with the reason
    decimals: int = 0
    reversed_axis: bool = False  # ranks: 1 at the top / left
    axis_title: str = ""  # the value axis
    references: list = field(default_factory=list)
    bands: list = field(default_factory=list)
    breaks: list = field(default_factory=list)  # Breaks along the x axis (lines over years)
    highlight: str | None = None  # the home region's category, written in bold
    height: int | None = None  # the Plotly height, when not the kind's own
    axes: dict = field(default_factory=dict)  # Plotly axis settings over the kind's own: {"x": {...}, "y": {...}}
    # Plotly-only kinds: what their renderer draws from (frames among it: left out of == and repr)
    draw: dict = field(default_factory=dict, compare=False, repr=False)

    @property
    def native(self) -> bool:
        return self.kind in NATIVE_KINDS

    def lines(self) -> list[str]:
        """The numbers as readable lines ('Uppsala: 5 556 kr'), grouped under the series name if several;
        'saknas' points and the reference lines last."""
        out = []
        filled = [s for s in self.series if any(p.text or p.value is not None for p in s.points)]
        named = len(filled) > 1
        for series in filled:
            if named and series.name:
                out.append(f"{series.name}:")
            for point in series.points:
                if point.text or point.value is not None:
                    out.append(("  " if named and series.name else "") + f"{point.category}: {point.text}")
        out += [f"{p.category}: {p.text}" for p in self.missing]
        out += [self.reference_line(r) for r in self.references]
        return out

    def reference_line(self, reference: Reference) -> str:
        number = formatting.number(reference.value, self.decimals, self.lang)
        if reference.label and number in reference.label:
            return reference.label
        return f"{reference.label or '—'}: {number}" + (f" ({self.axis_title})" if self.axis_title else "")
