"""The deck's renderer: a chart specification (``chartspec.ChartSpec``) drawn as an editable PowerPoint chart.

Reads only the spec, as ``charts.figure`` does for Plotly. Bars by region and lines over years become native
charts (a presenter can restyle them or read the numbers in PowerPoint) with the spec's colours, hatched
uncertain bars, hollow uncertain markers and framed bars; their reference lines (Riket, the world average,
the edge of the top-five band) are native dashed line series. The other kinds go into the deck as pictures
of the Plotly figure (export/slides.py); every kind's numbers go into the speaker notes (``spec.lines()``).
"""

from lxml import etree
from pptx.chart.data import CategoryChartData
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_CHART_TYPE, XL_LABEL_POSITION, XL_LEGEND_POSITION
from pptx.enum.dml import MSO_FILL, MSO_LINE_DASH_STYLE, MSO_PATTERN
from pptx.oxml.ns import qn
from pptx.util import Pt

from regionstats import chartspec, formatting
from regionstats.export.tables import neutralise

NATIVE_KINDS = ("bar_h", "bar_v", "line")  # drawn as native charts; the rest as pictures


def native(spec: chartspec.ChartSpec) -> bool:
    return spec.kind in NATIVE_KINDS


def caption_lines(spec: chartspec.ChartSpec) -> list[str]:
    """What a native chart cannot draw, said under it: its reference lines' values and the series' breaks."""
    refs = [spec.reference_line(line) for line in spec.references]
    breaks = [f"┆ {item.x:g}: {item.label}" for item in spec.breaks]
    return ([" · ".join(refs)] if refs else []) + ([" · ".join(breaks)] if breaks else [])


def as_text(label):
    """A category or series name for the chart's embedded workbook, neutralised as in the CSV/XLSX
    exports: a name from data that starts with = + - @ is never read as a formula by Excel."""
    return neutralise(str(label)) if label is not None else label


def reference_series(spec: chartspec.ChartSpec, lang: str) -> list[tuple[str, float]]:
    """(name, value) of the lines drawn across a native chart: Riket, the world average, the edge of
    the top-five band. The name carries the value ("Riket 1 716 kr") unless it already does."""
    found = [(line.named(spec.decimals, lang), line.value) for line in spec.references]
    for band in spec.bands:
        edge = band.high if spec.reversed_axis or spec.kind != "line" else band.low
        if spec.reversed_axis:  # ranks: the band 0.5–5.5 is places 1–5; its edge is drawn at 5.5
            found.append((f"{band.label}: {round(band.low + 0.5)}–{round(band.high - 0.5)}", edge))
        else:
            found.append((band.label, edge))
    return found


def native_chart(slide, spec: chartspec.ChartSpec, lang: str, left, top, width, height) -> None:
    """Bars by region or lines over years as an editable PowerPoint chart, its reference lines
    (Riket, world average, top-five edge) drawn as native dashed line series."""
    number_format = "#,##0" + ("." + "0" * spec.decimals if spec.decimals else "")
    chart_data = CategoryChartData(number_format=number_format)
    references = reference_series(spec, lang)
    kind = spec.kind
    if kind == "bar_h" and references:
        kind = "bar_v"  # a line across bars needs them upright (Office draws line series left to right)
    if kind == "line":
        categories = sorted({int(float(p.category)) for s in spec.series for p in s.points})
        chart_data.categories = [str(c) for c in categories]
        for series in spec.series:
            by_cat = {int(float(p.category)): p.value for p in series.points}
            chart_data.add_series(as_text(series.name), [by_cat.get(c) for c in categories])
        chart_type = XL_CHART_TYPE.LINE_MARKERS
    else:
        categories = list(dict.fromkeys(p.category for s in spec.series for p in s.points))
        if kind != spec.kind:
            categories.reverse()  # best first, from the left
        missing = [p.category for p in spec.missing if p.category not in categories]
        # a region without a value keeps its place, labelled as missing (PowerPoint draws no marker)
        labels = categories + [f"{c} ({formatting.MISSING[lang]})" for c in missing]
        chart_data.categories = [as_text(c) for c in labels]
        categories = categories + missing
        for series in spec.series:
            by_cat = {p.category: p.value for p in series.points}
            chart_data.add_series(as_text(series.name or spec.axis_title), [by_cat.get(c) for c in categories])
        chart_type = XL_CHART_TYPE.BAR_CLUSTERED if kind == "bar_h" else XL_CHART_TYPE.COLUMN_CLUSTERED
    for name, value in references:
        chart_data.add_series(as_text(name), [value] * len(chart_data.categories))
    frame = slide.shapes.add_chart(chart_type, left, top, width, height, chart_data)
    chart = frame.chart
    chart.has_title = False  # the slide's title says what the chart shows
    chart.font.size = Pt(13)
    chart.has_legend = len(spec.series) + len(references) > 1
    if chart.has_legend:
        chart.legend.position = XL_LEGEND_POSITION.BOTTOM
        chart.legend.include_in_layout = False
    value_axis = chart.value_axis
    value_axis.tick_labels.number_format = number_format
    value_axis.tick_labels.number_format_is_linked = False
    value_axis.has_major_gridlines = True
    if spec.axis_title:
        value_axis.has_title = True
        value_axis.axis_title.text_frame.text = spec.axis_title
        value_axis.axis_title.text_frame.paragraphs[0].runs[0].font.size = Pt(12)
    if spec.reversed_axis:
        value_axis.reverse_order = True
    values = [p.value for s in spec.series for p in s.points if p.value is not None]
    if kind in ("bar_h", "bar_v") and values and min(values) >= 0:
        value_axis.minimum_scale = 0  # bars start at zero (Office would start near the smallest value)
    plot = chart.plots[0]
    if kind in ("bar_h", "bar_v"):
        plot.gap_width = 60
        plot.has_data_labels = True
        labels = plot.data_labels
        labels.number_format = number_format
        labels.number_format_is_linked = False
        labels.position = XL_LABEL_POSITION.OUTSIDE_END
        labels.font.size = Pt(12)
    for source, series in zip(spec.series, plot.series):
        _colour(series, source, kind, categories)
        _mark_uncertain(series, source, kind, categories)
        _frame(series, source, kind, categories)
    reference_lines(chart, len(spec.series), len(references), kind)


REFERENCE_COLOURS = ("555555", "009E73", "CC79A7")


def reference_lines(chart, first: int, count: int, kind: str) -> None:
    """Draw the last `count` series as dashed lines without markers; on a bar chart they move from
    the bars into a line chart of their own on the same axes (a native combination chart)."""
    if not count:
        return
    plot_area = chart._chartSpace.chart.plotArea
    bars = plot_area.find(qn("c:barChart"))
    series = (bars if bars is not None else plot_area.find(qn("c:lineChart"))).findall(qn("c:ser"))[first:]
    if bars is not None:
        line_chart = etree.SubElement(plot_area, qn("c:lineChart"))
        bars.addnext(line_chart)
        etree.SubElement(line_chart, qn("c:grouping")).set("val", "standard")
        etree.SubElement(line_chart, qn("c:varyColors")).set("val", "0")
        for ser in series:
            for tag in ("c:invertIfNegative", "c:shape", "c:dLbls"):
                for element in ser.findall(qn(tag)):
                    ser.remove(element)
            line_chart.append(ser)
        etree.SubElement(line_chart, qn("c:marker")).set("val", "1")
        for axis in bars.findall(qn("c:axId")):
            etree.SubElement(line_chart, qn("c:axId")).set("val", axis.get("val"))
    for index, ser in enumerate(series):
        _dashed(ser, REFERENCE_COLOURS[index % len(REFERENCE_COLOURS)])


def _dashed(ser, colour: str) -> None:
    """A series drawn as a grey (or green) dashed line with no markers."""
    for tag in ("c:spPr", "c:marker", "c:smooth"):
        for element in ser.findall(qn(tag)):
            ser.remove(element)
    sp_pr = etree.fromstring(
        f'<c:spPr xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" '
        f'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:ln w="28575" cap="rnd">'
        f'<a:solidFill><a:srgbClr val="{colour}"/></a:solidFill><a:prstDash val="dash"/></a:ln></c:spPr>')
    marker = etree.fromstring('<c:marker xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart">'
                              '<c:symbol val="none"/></c:marker>')
    anchor = ser.find(qn("c:tx"))
    anchor.addnext(sp_pr)
    sp_pr.addnext(marker)
    smooth = etree.SubElement(ser, qn("c:smooth"))
    smooth.set("val", "0")


def _mark_uncertain(series, source: chartspec.Series, kind: str, categories: list) -> None:
    """Hatched bars and hollow line markers for provisional or conflicting values, as on screen."""
    uncertain = {(int(float(p.category)) if kind == "line" else p.category) for p in source.points if p.uncertain}
    for index, category in enumerate(categories):
        if category not in uncertain:
            continue
        point = series.points[index]
        if kind == "line":
            point.marker.format.fill.solid()
            point.marker.format.fill.fore_color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
            point.marker.size = 9
        else:
            colour = point.format.fill.fore_color.rgb if point.format.fill.type == MSO_FILL.SOLID else None
            point.format.fill.patterned()
            point.format.fill.pattern = MSO_PATTERN.WIDE_UPWARD_DIAGONAL
            point.format.fill.fore_color.rgb = colour or RGBColor(0x00, 0x72, 0xB2)
            point.format.fill.back_color.rgb = RGBColor(0xFF, 0xFF, 0xFF)


def _frame(series, source: chartspec.Series, kind: str, categories: list) -> None:
    """A dark border round the outlined bars (the chosen regions among all 21), as on screen."""
    if kind == "line":
        return
    outlined = {p.category for p in source.points if p.outlined}
    for index, category in enumerate(categories):
        if category in outlined:
            line = series.points[index].format.line
            line.color.rgb = RGBColor(0x1F, 0x2D, 0x3D)
            line.width = Pt(1.5)


def _rgb(colour: str | None) -> RGBColor | None:
    if isinstance(colour, str) and colour.startswith("#") and len(colour) == 7:
        return RGBColor.from_string(colour[1:].upper())
    return None


def _colour(series, source: chartspec.Series, kind: str, categories: list) -> None:
    if kind == "line":
        rgb = _rgb(source.colours[0] if source.colours else None)
        if rgb is not None:
            series.format.line.color.rgb = rgb
            series.marker.format.fill.solid()
            series.marker.format.fill.fore_color.rgb = rgb
        if source.width:
            series.format.line.width = Pt(source.width * 0.9)
        if source.dash:
            series.format.line.dash_style = MSO_LINE_DASH_STYLE.DASH
        series.smooth = False
        return
    if len(source.colours) == 1:
        rgb = _rgb(source.colours[0])
        if rgb is not None:
            series.format.fill.solid()
            series.format.fill.fore_color.rgb = rgb
        return
    by_cat = dict(zip([p.category for p in source.points], source.colours))
    for index, category in enumerate(categories):
        rgb = _rgb(by_cat.get(category))
        if rgb is not None:
            point = series.points[index]
            point.format.fill.solid()
            point.format.fill.fore_color.rgb = rgb
