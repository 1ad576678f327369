"""A PowerPoint deck (python-pptx) of a selection: a first slide with the home region's KPI figures,
one slide per chart, definitions.

Every chart slide is drawn from the chart's specification (``chartspec.ChartSpec``), the same one the
app's Plotly figure is drawn from: bars by region and lines over years by the deck's renderer
(export/pptx_charts.py) as native PowerPoint charts, every other chart (matrix, map, scatter, ranks with
bands) as a PNG of its Plotly figure rendered by Chromium. Each chart slide has the source under
the chart and the numbers behind it in the speaker notes, in the selection's language.
"""

import datetime as dt
import io
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import pandas as pd
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.util import Emu, Inches, Pt

from regionstats import formatting
from regionstats.export import images, pptx_charts
from regionstats.i18n import t
from regionstats.selection import Selection
from regionstats.views import ChartView, Context, PageView, TableView
from regionstats.views.registry import build_page

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

TITLE_ONLY = 5


@dataclass
class DeckChart:
    page: str  # the page's slug
    page_title: str
    view: ChartView


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
    prs.core_properties.identifier = data_version  # which data version the deck was made from
    prs.core_properties.version = data_version
    prs.core_properties.keywords = f"data-version:{data_version}"
    title_slide(prs, ctx, slugs, views, data_version, made, headline_kpis(run, selection, views))
    pictures = _pictures([c for c in charts if not pptx_charts.native(c.view.spec)], lang)
    for slug in slugs:
        page_charts = [c for c in charts if c.page == slug]
        if not page_charts and not any(table.on_slide for table in views[slug].tables):
            empty_slide(prs, views[slug].title, lang)
        for table in (t_ for t_ in views[slug].tables if t_.on_slide):
            table_slide(prs, table, lang)
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


def headline_kpis(run, selection: Selection, views: dict) -> list:
    """The home region's KPI cards (Översikt's), for the first slide whatever pages the deck holds."""
    if "oversikt" in views:
        return list(views["oversikt"].kpis)
    return list(build_page("oversikt", run, selection).kpis)


def title_slide(prs, ctx: Context, slugs, views: dict, data_version: str, made: dt.date,
                kpis: list | None = None) -> None:
    """The first slide: what the deck shows (regions, home, years, pages), the home region's four
    KPI figures with their context lines, the date and the data version."""
    lang, selection = ctx.lang, ctx.selection
    slide = prs.slides.add_slide(prs.slide_layouts[TITLE_ONLY])
    _title(slide, t("deck_title", lang), size=32)
    regions = ", ".join(ctx.region_name(code) for code in selection.regions) or "—"
    years = formatting.period(selection.year_from, selection.year_to, lang)
    _textbox(slide, MARGIN, Inches(1.2), CONTENT_W, Inches(0.9), [
        t("deck_home", lang, region=ctx.region_name(selection.home)) + " · " + t("deck_years", lang, years=years),
        t("deck_regions", lang, regions=regions),
    ], size=16)
    kpi_boxes(slide, kpis or [], top=Inches(2.25), height=Inches(3.3))
    _textbox(slide, MARGIN, Inches(5.85), CONTENT_W, Inches(1.2), [
        t("deck_pages", lang, pages=", ".join(views[s].title for s in slugs)),
        t("deck_made", lang, date=made.isoformat()) + " · " + t("deck_data_version", lang, version=data_version),
    ], size=13, colour=GREY)


def kpi_boxes(slide, kpis: list, top, height) -> None:
    """One framed box per KPI: its label, the figure large, the change, the context line."""
    if not kpis:
        return
    gap = Inches(0.25)
    width = (CONTENT_W - gap * (len(kpis) - 1)) // len(kpis)
    for index, card in enumerate(kpis):
        left = MARGIN + index * (width + gap)
        box = slide.shapes.add_shape(MSO_SHAPE.ROUNDED_RECTANGLE, left, top, width, height)
        box.adjustments[0] = 0.06
        box.fill.solid()
        box.fill.fore_color.rgb = RGBColor(0xF5, 0xF7, 0xFA)
        box.line.color.rgb = RGBColor(0xB8, 0xC2, 0xCC)
        frame = box.text_frame
        frame.word_wrap = True
        frame.vertical_anchor = MSO_ANCHOR.TOP
        for margin in ("margin_left", "margin_right", "margin_top"):
            setattr(frame, margin, Inches(0.18))
        lines = [(card.label, 15, False, GREY), (card.value, 40, True, RGBColor(0x1F, 0x2D, 0x3D))]
        if card.delta:
            lines.append((card.delta, 13, False, GREY))
        if card.caption:
            lines.append((card.caption, 12, False, GREY))
        for i, (text, size, bold, colour) in enumerate(lines):
            paragraph = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
            paragraph.alignment = PP_ALIGN.LEFT
            run = paragraph.add_run()
            run.text = text
            run.font.size = Pt(size)
            run.font.bold = bold
            run.font.color.rgb = colour
            paragraph.space_after = Pt(6)


def empty_slide(prs, page_title: str, lang: str) -> None:
    slide = prs.slides.add_slide(prs.slide_layouts[TITLE_ONLY])
    _title(slide, page_title)
    _textbox(slide, MARGIN, CHART_TOP, CONTENT_W, Inches(1), [t("deck_no_charts", lang, page=page_title)],
             size=18)


TABLE_ROWS, TABLE_COLUMNS = 12, 7  # what a table slide shows of a table: its first rows and columns


def table_slide(prs, view: TableView, lang: str) -> None:
    """A table the view puts on a slide (``TableView.on_slide``): its first rows and columns as a native
    table, the source and notes under it; the whole table in the speaker notes."""
    slide = prs.slides.add_slide(prs.slide_layouts[TITLE_ONLY])
    _title(slide, view.title)
    frame = view.data.iloc[:TABLE_ROWS, :TABLE_COLUMNS]
    caption = [view.source_note] if view.source_note else []
    if len(view.data) > TABLE_ROWS:
        caption.insert(0, t("print_rows_shown", lang, shown=TABLE_ROWS, total=len(view.data)))
    if frame.empty:
        _textbox(slide, MARGIN, CHART_TOP, CONTENT_W, Inches(1), [t("no_data", lang)], size=18)
    else:
        shape = slide.shapes.add_table(len(frame) + 1, len(frame.columns), MARGIN, CHART_TOP, CONTENT_W,
                                       Emu(int(Inches(0.36) * (len(frame) + 1))))
        for column, name in enumerate(frame.columns):
            _cell(shape.table.cell(0, column), str(name), bold=True)
        for row, values in enumerate(frame.itertuples(index=False), start=1):
            for column, value in enumerate(values):
                _cell(shape.table.cell(row, column), "" if formatting.is_missing(value) else str(value))
    _textbox(slide, MARGIN, SOURCE_TOP, CONTENT_W, SOURCE_H, caption, size=11, colour=GREY)
    slide.notes_slide.notes_text_frame.text = "\n".join([view.title, ""] + _frame_lines(view.data, limit=200)
                                                        + [""] + list(view.notes))


def _cell(cell, text: str, bold: bool = False) -> None:
    cell.text = text
    for paragraph in cell.text_frame.paragraphs:
        for piece in paragraph.runs:
            piece.font.size = Pt(10)
            piece.font.bold = bold


NOTE_LINE = Inches(0.21)  # one line of 10 pt notes
NOTE_CHARS = 190  # characters of 10 pt text across the slide


def slide_notes(view: ChartView) -> tuple[list[str], int]:
    """The chart's notes kept on the slide (formula, 'saknas' and why; at most four) and their lines."""
    shown_below = set(view.status_notes)  # under the chart with the source already
    notes = [note for note in view.notes if note and note not in shown_below][:4]
    return notes, sum(-(-len(note) // NOTE_CHARS) for note in notes)


def chart_slide(prs, view: ChartView, lang: str, picture) -> None:
    """One chart: the title, a native chart or the picture, its notes (formula, 'saknas' and why) and
    source under it, and the numbers in the speaker notes."""
    slide = prs.slides.add_slide(prs.slide_layouts[TITLE_ONLY])
    _title(slide, view.title)
    spec = view.spec
    caption = [view.source_note] if view.source_note else []
    caption += list(view.status_notes)  # provisional/conflicting values: the footnote with the reason
    notes, lines = slide_notes(view)
    chart_h = Emu(int(CHART_H - NOTE_LINE * lines - (Inches(0.1) if notes else 0)))
    if pptx_charts.native(spec):
        pptx_charts.native_chart(slide, spec, lang, MARGIN, CHART_TOP, CONTENT_W, chart_h)
        caption += pptx_charts.caption_lines(spec)
    elif isinstance(picture, bytes):
        height = chart_h
        width = Emu(int(height * PICTURE_PX[0] / PICTURE_PX[1]))
        if width > CONTENT_W:
            width, height = CONTENT_W, Emu(int(CONTENT_W * PICTURE_PX[1] / PICTURE_PX[0]))
        left = MARGIN + (CONTENT_W - width) // 2
        slide.shapes.add_picture(io.BytesIO(picture), left, CHART_TOP, width, height)
    else:  # no browser on this machine: say so where the picture would be; the notes keep the numbers
        _textbox(slide, MARGIN, CHART_TOP, CONTENT_W, Inches(1), [images.ChromiumMissing.message(lang)],
                 size=16)
    if notes:
        _textbox(slide, MARGIN, CHART_TOP + chart_h, CONTENT_W, Emu(int(NOTE_LINE * lines + Inches(0.1))), notes,
                 size=10, colour=GREY)
    _textbox(slide, MARGIN, SOURCE_TOP, CONTENT_W, SOURCE_H, caption, size=11, colour=GREY)
    slide.notes_slide.notes_text_frame.text = "\n".join(speaker_notes(view, lang))


def speaker_notes(view: ChartView, lang: str) -> list[str]:
    numbers = view.spec.lines() or _frame_lines(view.data)
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
    items = [(t("indicator", lang) + ":", True)] if indicator_ids else []
    for indicator_id in indicator_ids:
        definition, convention = ctx.indicator_text(indicator_id, "definition"), ctx.indicator_text(indicator_id,
                                                                                                  "convention")
        text = f"{ctx.indicator_name(indicator_id)} ({ctx.unit_label(indicator_id)}): {definition}"
        if isinstance(convention, str) and convention:
            text += f" {convention}"
        items.append((text, False))
    if source_ids:
        items.append((t("sources", lang) + ":", True))
    for source_id in source_ids:
        source = ctx.sources.loc[source_id]
        published = "" if formatting.is_missing(source["published"]) else f" ({source['published']})"
        url = "" if formatting.is_missing(source.get("url")) else f" – {source['url']}"
        items.append((f"{source['publisher']}, {ctx.source_title(source_id)}{published}{url}", False))
    if not items:
        items = [(t("no_data", lang), False)]
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
        title = t("deck_definitions_title", lang) + (f" ({page + 1})" if len(columns) > 2 else "")
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
    return selection.replace(indicator=None, ranking=None, mode=None, base_year=None, weights=None,
                             present=False, slide=0)

