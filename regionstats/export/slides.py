"""A PowerPoint deck (python-pptx) of a selection: title slide, one slide per chart, definitions.

Bars by region and lines over years become native PowerPoint charts, so a presenter can
restyle them or read the numbers in PowerPoint; every other chart (matrix, map, scatter,
ranks with bands) is placed as a PNG made by kaleido. Each chart slide has the source under
the chart and the numbers behind it in the speaker notes, in the selection's language.
"""

import datetime as dt
import io
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import pandas as pd
from pptx import Presentation
from pptx.chart.data import CategoryChartData
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_CHART_TYPE, XL_LABEL_POSITION, XL_LEGEND_POSITION
from pptx.enum.dml import MSO_FILL, MSO_LINE_DASH_STYLE, MSO_PATTERN
from pptx.enum.text import PP_ALIGN
from pptx.util import Emu, Inches, Pt

from regionstats import formatting
from regionstats.export import figdata, images
from regionstats.export.tables import neutralise
from regionstats.export.text import t
from regionstats.i18n import t as app_t
from regionstats.selection import Selection
from regionstats.views import ChartView, Context, PageView
from regionstats.views.registry import PAGES, build_page

MIME = "application/vnd.openxmlformats-officedocument.presentationml.presentation"
SLIDE_W, SLIDE_H = Emu(12_192_000), Emu(6_858_000)  # PowerPoint's own 16:9 (13.333 × 7.5 in)
MARGIN = Inches(0.5)
TITLE_TOP, TITLE_H = Inches(0.3), Inches(0.95)
CHART_TOP, CHART_H = Inches(1.3), Inches(5.3)
SOURCE_TOP, SOURCE_H = Inches(6.7), Inches(0.65)
CONTENT_W = SLIDE_W - 2 * MARGIN
# slide pictures: rendered small and scaled up, so their fonts read like 12 pt on the slide
PICTURE_PX = (1200, round(1200 * CHART_H / CONTENT_W))
PICTURE_SCALE = 2.5
GREY = RGBColor(0x55, 0x55, 0x55)
COLUMN_BUDGET = 1500  # characters per text column on the definitions slides

TITLE_ONLY, TITLE_SLIDE = 5, 0


@dataclass
class DeckChart:
    page: str  # the page's slug
    page_title: str
    view: ChartView


def page_title_key(slug: str) -> str:
    return PAGES[slug].TITLE


def collect(run: Callable[..., pd.DataFrame], selection: Selection, slugs: Iterable[str],
            page_selections: dict | None = None) -> tuple[list, dict]:
    """Build each page's view; returns (charts in order, {slug: PageView})."""
    charts, views = [], {}
    for slug in slugs:
        view: PageView = build_page(slug, run, (page_selections or {}).get(slug, selection))
        views[slug] = view
        charts += [DeckChart(slug, view.title, chart) for chart in view.charts]
    return charts, views


def build_deck(run: Callable[..., pd.DataFrame], selection: Selection, slugs: list[str], *,
               data_version: str, made: dt.date | None = None, page_selections: dict | None = None) -> bytes:
    """The deck as .pptx bytes. ``page_selections`` can give a page its own selection (its controls)."""
    made = made or dt.date.today()
    lang = selection.lang
    ctx = Context(run, selection)
    charts, views = collect(run, selection, slugs, page_selections)
    prs = Presentation()
    prs.slide_width, prs.slide_height = SLIDE_W, SLIDE_H
    title_slide(prs, ctx, slugs, views, data_version, made)
    pictures = _pictures([c for c in charts if figdata.read(c.view.figure, lang).kind is None], lang)
    for slug in slugs:
        page_charts = [c for c in charts if c.page == slug]
        if not page_charts:
            empty_slide(prs, views[slug].title, lang)
        for chart in page_charts:
            chart_slide(prs, chart.view, lang, pictures.get(id(chart.view)))
    definitions_slides(prs, ctx, charts)
    buffer = io.BytesIO()
    prs.save(buffer)
    return buffer.getvalue()


def _pictures(charts: list, lang: str) -> dict:
    """PNGs for the charts that cannot be native, in one batch; a ChromiumMissing instead if no browser."""
    if not charts:
        return {}
    try:
        figures = [images.export_figure(c.view, lang, decorate=False, size=PICTURE_PX) for c in charts]
        pngs = images.render(figures, "png", scale=PICTURE_SCALE, size=PICTURE_PX)
    except images.ChromiumMissing as missing:
        return {id(c.view): missing for c in charts}
    return {id(c.view): png for c, png in zip(charts, pngs)}


# --- slides -----------------------------------------------------------------------------------

def _title(slide, text: str, size: int = 28) -> None:
    shape = slide.shapes.title
    shape.left, shape.top, shape.width, shape.height = MARGIN, TITLE_TOP, CONTENT_W, TITLE_H
    shape.text = text
    frame = shape.text_frame
    frame.word_wrap = True
    for paragraph in frame.paragraphs:
        paragraph.alignment = PP_ALIGN.LEFT
        for run in paragraph.runs:
            run.font.size = Pt(size)
            run.font.bold = True


def _textbox(slide, left, top, width, height, lines: list[str], size: int = 12, colour=None,
             bold_first=False):
    box = slide.shapes.add_textbox(left, top, width, height)
    frame = box.text_frame
    frame.word_wrap = True
    for i, line in enumerate(lines):
        paragraph = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
        run = paragraph.add_run()
        run.text = line
        run.font.size = Pt(size)
        if colour is not None:
            run.font.color.rgb = colour
        if bold_first and i == 0:
            run.font.bold = True
    return box


def title_slide(prs, ctx: Context, slugs, views: dict, data_version: str, made: dt.date) -> None:
    lang, selection = ctx.lang, ctx.selection
    slide = prs.slides.add_slide(prs.slide_layouts[TITLE_SLIDE])
    slide.shapes.title.text = t("deck_title", lang)
    regions = ", ".join(ctx.region_name(code) for code in selection.regions) or "—"
    if selection.year_to is None:
        years = t("deck_years_latest", lang)
    elif selection.year_from == selection.year_to:
        years = str(selection.year_to)
    else:
        years = f"{selection.year_from}–{selection.year_to}"
    lines = [
        t("deck_regions", lang, regions=regions),
        t("deck_home", lang, region=ctx.region_name(selection.home)),
        t("deck_years", lang, years=years),
        t("deck_pages", lang, pages=", ".join(views[s].title for s in slugs)),
        t("deck_made", lang, date=made.isoformat()) + " · "
        + t("deck_data_version", lang, version=data_version),
    ]
    subtitle = slide.placeholders[1]
    subtitle.left, subtitle.top, subtitle.width, subtitle.height = MARGIN, Inches(3.6), CONTENT_W, Inches(3.0)
    slide.shapes.title.left, slide.shapes.title.top = MARGIN, Inches(1.6)
    slide.shapes.title.width, slide.shapes.title.height = CONTENT_W, Inches(1.6)
    frame = subtitle.text_frame
    frame.word_wrap = True
    for i, line in enumerate(lines):
        paragraph = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
        paragraph.text = line
        paragraph.alignment = PP_ALIGN.CENTER
        for run in paragraph.runs:
            run.font.size = Pt(18 if i < 4 else 14)


def empty_slide(prs, page_title: str, lang: str) -> None:
    slide = prs.slides.add_slide(prs.slide_layouts[TITLE_ONLY])
    _title(slide, page_title)
    _textbox(slide, MARGIN, CHART_TOP, CONTENT_W, Inches(1), [t("deck_no_charts", lang, page=page_title)],
             size=18)


def chart_slide(prs, view: ChartView, lang: str, picture) -> None:
    """One chart: the title, a native chart or the picture, the source under it, notes with the numbers."""
    slide = prs.slides.add_slide(prs.slide_layouts[TITLE_ONLY])
    _title(slide, view.title)
    data = figdata.read(view.figure, lang)
    caption = [view.source_note] if view.source_note else []
    caption += list(view.status_notes)  # provisional/conflicting values: the footnote with the reason
    if data.kind is not None:
        native_chart(slide, data, lang)
        refs = [line for line in figdata.lines(figdata.FigureData(
            None, [], [], data.decimals, False, data.axis_title, data.references), lang)]
        if refs:
            caption.append(" · ".join(refs))
    elif isinstance(picture, bytes):
        height = CHART_H
        width = Emu(int(height * PICTURE_PX[0] / PICTURE_PX[1]))
        if width > CONTENT_W:
            width, height = CONTENT_W, Emu(int(CONTENT_W * PICTURE_PX[1] / PICTURE_PX[0]))
        left = MARGIN + (CONTENT_W - width) // 2
        slide.shapes.add_picture(io.BytesIO(picture), left, CHART_TOP, width, height)
    else:  # no browser on this machine: say so where the picture would be; the notes keep the numbers
        _textbox(slide, MARGIN, CHART_TOP, CONTENT_W, Inches(1), [images.ChromiumMissing.message(lang)],
                 size=16)
    if not caption:
        caption = view.notes[:1]
    _textbox(slide, MARGIN, SOURCE_TOP, CONTENT_W, SOURCE_H, caption, size=11, colour=GREY)
    slide.notes_slide.notes_text_frame.text = "\n".join(speaker_notes(view, data, lang))


def speaker_notes(view: ChartView, data: figdata.FigureData, lang: str) -> list[str]:
    numbers = figdata.lines(data, lang) or _frame_lines(view.data)
    notes = [view.title, "", t("notes_numbers", lang)] + numbers
    if view.notes:
        notes += ["", t("notes_remarks", lang)] + [f"– {note}" for note in view.notes]
    if view.source_note:
        notes += ["", view.source_note]
    return notes


def _frame_lines(frame: pd.DataFrame, limit: int = 60) -> list[str]:
    rows = []
    for record in frame.head(limit).to_dict("records"):
        rows.append("; ".join(f"{k}: {v}" for k, v in record.items()
                              if not formatting.is_missing(v) if not isinstance(v, (list, tuple))))
    return rows


def as_text(label):
    """A category or series name for the chart's embedded workbook, neutralised as in the CSV/XLSX
    exports: a name from data that starts with = + - @ is never read as a formula by Excel."""
    return neutralise(str(label)) if label is not None else label


def native_chart(slide, data: figdata.FigureData, lang: str) -> None:
    """Bars by region or lines over years as an editable PowerPoint chart."""
    number_format = "#,##0" + ("." + "0" * data.decimals if data.decimals else "")
    chart_data = CategoryChartData(number_format=number_format)
    if data.kind == "line":
        categories = sorted({int(float(p.category)) for s in data.series for p in s.points})
        chart_data.categories = [str(c) for c in categories]
        for series in data.series:
            by_cat = {int(float(p.category)): p.value for p in series.points}
            chart_data.add_series(as_text(series.name), [by_cat.get(c) for c in categories])
        chart_type = XL_CHART_TYPE.LINE_MARKERS
    else:
        categories = list(dict.fromkeys(p.category for s in data.series for p in s.points))
        missing = [p.category for p in data.missing if p.category not in categories]
        # a region without a value keeps its place, labelled as missing (PowerPoint draws no marker)
        labels = categories + [f"{c} ({formatting.MISSING[lang]})" for c in missing]
        chart_data.categories = [as_text(c) for c in labels]
        categories = categories + missing
        for series in data.series:
            by_cat = {p.category: p.value for p in series.points}
            chart_data.add_series(as_text(series.name or data.axis_title), [by_cat.get(c) for c in categories])
        chart_type = XL_CHART_TYPE.BAR_CLUSTERED if data.kind == "bar_h" else XL_CHART_TYPE.COLUMN_CLUSTERED
    frame = slide.shapes.add_chart(chart_type, MARGIN, CHART_TOP, CONTENT_W, CHART_H, chart_data)
    chart = frame.chart
    chart.has_title = False  # the slide's title says what the chart shows
    chart.font.size = Pt(13)
    chart.has_legend = len(data.series) > 1
    if chart.has_legend:
        chart.legend.position = XL_LEGEND_POSITION.BOTTOM
        chart.legend.include_in_layout = False
    value_axis = chart.value_axis
    value_axis.tick_labels.number_format = number_format
    value_axis.tick_labels.number_format_is_linked = False
    value_axis.has_major_gridlines = True
    if data.axis_title:
        value_axis.has_title = True
        value_axis.axis_title.text_frame.text = data.axis_title
        value_axis.axis_title.text_frame.paragraphs[0].runs[0].font.size = Pt(12)
    if data.reversed_axis:
        value_axis.reverse_order = True
    values = [p.value for s in data.series for p in s.points if p.value is not None]
    if data.kind in ("bar_h", "bar_v") and values and min(values) >= 0:
        value_axis.minimum_scale = 0  # bars start at zero (Office would start near the smallest value)
    plot = chart.plots[0]
    if data.kind in ("bar_h", "bar_v"):
        plot.gap_width = 60
        plot.has_data_labels = True
        labels = plot.data_labels
        labels.number_format = number_format
        labels.number_format_is_linked = False
        labels.position = XL_LABEL_POSITION.OUTSIDE_END
        labels.font.size = Pt(12)
    for source, series in zip(data.series, plot.series):
        _colour(series, source, data.kind, categories)
        _mark_uncertain(series, source, data.kind, categories)


def _mark_uncertain(series, source: figdata.Series, kind: str, categories: list) -> None:
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


def _rgb(colour: str | None) -> RGBColor | None:
    if isinstance(colour, str) and colour.startswith("#") and len(colour) == 7:
        return RGBColor.from_string(colour[1:].upper())
    return None


def _colour(series, source: figdata.Series, kind: str, categories: list) -> None:
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


def definitions_slides(prs, ctx: Context, charts: list) -> None:
    """Definitions of the indicators the charts show and the sources they cite (continued if long)."""
    lang = ctx.lang
    indicator_ids = []
    source_ids = []
    for chart in charts:
        frame = chart.view.data
        if "indicator_id" in frame.columns:
            indicator_ids += [i for i in frame["indicator_id"] if isinstance(i, str)]
        indicator_ids += [i for i in ctx.indicators.index if i in chart.view.key]
        for column in ("source_id", "amount_source_id", "population_source_id"):
            if column in frame.columns:
                source_ids += [s for s in frame[column] if isinstance(s, str)]
    indicator_ids = [i for i in dict.fromkeys(indicator_ids) if i in ctx.indicators.index]
    source_ids = [s for s in dict.fromkeys(source_ids) if s in ctx.sources.index]
    items = [(app_t("indicator", lang) + ":", True)] if indicator_ids else []
    for indicator_id in indicator_ids:
        row = ctx.indicator(indicator_id)
        definition = row[f"definition_{lang}"]
        convention = row.get(f"convention_{lang}")
        text = f"{row[f'name_{lang}']} ({row[f'unit_{lang}']}): {definition}"
        if isinstance(convention, str) and convention:
            text += f" {convention}"
        items.append((text, False))
    if source_ids:
        items.append((app_t("sources", lang) + ":", True))
    for source_id in source_ids:
        source = ctx.sources.loc[source_id]
        published = "" if formatting.is_missing(source["published"]) else f" ({source['published']})"
        url = "" if formatting.is_missing(source.get("url")) else f" – {source['url']}"
        items.append((f"{source['publisher']}, {source['title']}{published}{url}", False))
    if not items:
        items = [(app_t("no_data", lang), False)]
    columns, current, used = [], [], 0
    for item in items:
        if current and used + len(item[0]) > COLUMN_BUDGET:
            columns.append(current)
            current, used = [], 0
        current.append(item)
        used += len(item[0]) + 60  # a paragraph's own line costs space too
    columns.append(current)
    width = (CONTENT_W - Inches(0.4)) // 2
    for page, start in enumerate(range(0, len(columns), 2)):
        slide = prs.slides.add_slide(prs.slide_layouts[TITLE_ONLY])
        title = t("definitions_title", lang) + (f" ({page + 1})" if len(columns) > 2 else "")
        _title(slide, title)
        for offset, column in enumerate(columns[start:start + 2]):
            left = MARGIN + offset * (width + Inches(0.4))
            box = slide.shapes.add_textbox(left, Inches(1.3), width, Inches(5.9))
            frame = box.text_frame
            frame.word_wrap = True
            for i, (text, heading) in enumerate(column):
                paragraph = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
                run = paragraph.add_run()
                run.text = text
                run.font.size = Pt(12 if heading else 10)
                run.font.bold = heading
                paragraph.space_after = Pt(4)


def default_page_selection(selection: Selection) -> Selection:
    """The shared part of a selection (regions, years, home, language), page-level choices cleared."""
    return selection.replace(indicator=None, ranking=None, mode="absolute", base_year=None, weights=None,
                             present=False, slide=0)

