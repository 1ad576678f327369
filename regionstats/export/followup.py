"""The yearly follow-up of a strategy as a Word document (python-docx): a tjänsteskrivelse with Ärende,
Bakgrund, Resultat per mål and Källor.

Every goal of the strategy (data/goals.csv) gets a section: its quote, indicator, baseline, latest value,
target, trend and status — on track, off track, or cannot be measured and why — all from
queries/goals_progress.sql (the status is computed there from the data, never typed). Numbers are written
in the document's language (Swedish: 1 715 kr, 5,4 %). The document names the data version it was made
from, in its footer and in its core properties.
"""

import datetime as dt
import io
import re
from collections.abc import Callable

import pandas as pd
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt, RGBColor

from regionstats import formatting
from regionstats.i18n import pick, t
from regionstats.selection import Selection
from regionstats.views import STATUS_MARKS, Context, marked

MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
GREY = RGBColor(0x55, 0x55, 0x55)
STATUS_COLOURS = {"on_track": RGBColor(0x00, 0x72, 0xB2), "off_track": RGBColor(0xD5, 0x5E, 0x00),
                  "not_measurable": GREY}  # Okabe–Ito blue and vermillion


def strategy_slug(goal_id: str) -> str:
    """A strategy's short name is the first word of its goals' ids: stockholm_pm_goal1 -> stockholm."""
    return goal_id.split("_", 1)[0]


def strategies(run: Callable[..., pd.DataFrame]) -> dict[str, str]:
    """{slug: owner} of every strategy in data/goals.csv, in the file's order."""
    goals = run("goals_progress")
    return dict(zip((strategy_slug(g) for g in goals.goal_id), goals.owner))


def goals_of(run: Callable[..., pd.DataFrame], slug: str) -> pd.DataFrame:
    goals = run("goals_progress")
    return goals[[strategy_slug(g) == slug for g in goals.goal_id]].reset_index(drop=True)


def build_document(run: Callable[..., pd.DataFrame], slug: str, lang: str, *, data_version: str,
                   made: dt.date | None = None) -> bytes:
    """The follow-up of one strategy as .docx bytes; KeyError for an unknown strategy."""
    owners = strategies(run)
    if slug not in owners:
        raise KeyError(slug)
    made = made or dt.date.today()
    ctx = Context(run, Selection(lang=lang))
    goals = goals_of(run, slug)
    doc = Document()
    _styles(doc)
    owner = owners[slug]
    _properties(doc, t("followup_title", lang, owner=owner), data_version, lang)
    _footer(doc, t("followup_footer", lang, date=made.isoformat(), version=data_version))
    _heading_block(doc, ctx, owner, made, data_version)
    doc.add_heading(t("followup_case", lang), level=1)
    doc.add_paragraph(t("followup_case_text", lang, owner=owner, n=len(goals), year=made.year))
    doc.add_heading(t("followup_background", lang), level=1)
    for paragraph in background(ctx, goals):
        doc.add_paragraph(paragraph)
    doc.add_heading(t("followup_results", lang), level=1)
    doc.add_paragraph(summary_line(ctx, goals))
    for goal in goals.itertuples():
        goal_section(doc, ctx, goal)
    doc.add_heading(t("followup_sources", lang), level=1)
    for line in source_lines(ctx, goals):
        doc.add_paragraph(line, style="List Bullet")
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def _styles(doc) -> None:
    doc.styles["Normal"].font.name = "Calibri"
    doc.styles["Normal"].font.size = Pt(11)


def _properties(doc, title: str, data_version: str, lang: str) -> None:
    properties = doc.core_properties
    properties.title = title
    properties.subject = t("followup_subject", lang)
    properties.identifier = data_version
    properties.version = data_version
    properties.keywords = f"data-version:{data_version}"
    properties.language = t("followup_language_tag", lang)


def _footer(doc, text: str) -> None:
    paragraph = doc.sections[0].footer.paragraphs[0]
    paragraph.text = text
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for piece in paragraph.runs:
        piece.font.size = Pt(8)
        piece.font.color.rgb = GREY


def _heading_block(doc, ctx: Context, owner: str, made: dt.date, data_version: str) -> None:
    lang = ctx.lang
    kind = doc.add_paragraph()
    kind_run = kind.add_run(t("followup_kind", lang).upper())
    kind_run.bold = True
    kind_run.font.size = Pt(9)
    kind_run.font.color.rgb = GREY
    meta = doc.add_paragraph()
    meta_run = meta.add_run(t("followup_meta", lang, date=made.isoformat(), version=data_version))
    meta_run.font.size = Pt(9)
    meta_run.font.color.rgb = GREY
    doc.add_heading(t("followup_title", lang, owner=owner), level=0)


def background(ctx: Context, goals: pd.DataFrame) -> list[str]:
    """The strategies the goals come from (title, publisher, year) and how the follow-up is made."""
    lang = ctx.lang
    lines = []
    for source_id in dict.fromkeys(goals.source_id):
        if source_id in ctx.sources.index:
            source = ctx.sources.loc[source_id]
            published = "" if formatting.is_missing(source["published"]) else f" ({source['published']})"
            count = int((goals.source_id == source_id).sum())
            lines.append(t("followup_strategy_line", lang, title=ctx.source_title(source_id),
                           publisher=source["publisher"], published=published, n=count))
    lines.append(t("followup_method", lang))
    return lines


def summary_line(ctx: Context, goals: pd.DataFrame) -> str:
    counts = goals.progress.value_counts()
    return t("followup_summary", ctx.lang, on=int(counts.get("on_track", 0)), off=int(counts.get("off_track", 0)),
             unmeasured=int(counts.get("not_measurable", 0)))


def goal_section(doc, ctx: Context, goal) -> None:
    """One goal: its title, the quote, a table of the figures and the status with its reason."""
    lang = ctx.lang
    doc.add_heading(pick(goal, "title", lang), level=2).paragraph_format.keep_with_next = True
    quote = doc.add_paragraph(style="Quote")
    quote.paragraph_format.keep_with_next = True  # the goal's words stay with its figures
    quote.add_run(t("followup_quote", lang, text=goal.goal_text))
    rows = goal_rows(ctx, goal)
    table = doc.add_table(rows=len(rows), cols=2)
    table.style = "Light Grid Accent 1"
    for cells, (label, text) in zip(table.rows, rows):
        cells.cells[0].text = label
        cells.cells[1].text = text
        for column, cell in enumerate(cells.cells):
            for paragraph in cell.paragraphs:
                paragraph.paragraph_format.keep_with_next = True  # the table stays on one page
                for piece in paragraph.runs:
                    piece.bold = column == 0
    status = doc.add_paragraph()
    status.paragraph_format.space_before = Pt(6)
    lead = status.add_run(f"{t('followup_status', lang)}: ")
    lead.bold = True
    verdict = status.add_run(status_text(ctx, goal))
    verdict.bold = True
    verdict.font.color.rgb = STATUS_COLOURS.get(goal.progress, GREY)
    remarks = []
    if isinstance(goal.note, str) and goal.note and goal.progress_reason != "no_indicator":  # else said above
        remarks.append(f"{t('followup_how_measured', lang)}: {ctx.data_note(goal.note)}")
    if goal.latest_status in STATUS_MARKS:  # the '*' or '†' of the latest value, and why
        why = ctx.data_note(goal.latest_note) if isinstance(goal.latest_note, str) else t("status_reason_unknown", lang)
        remarks.append(t(f"status_footnote_{goal.latest_status}", lang, mark=STATUS_MARKS[goal.latest_status],
                         items=f"{region_text(ctx, goal)} {int(goal.latest_year)}: {why}"))
    for remark in remarks:
        note_run = doc.add_paragraph().add_run(remark)
        note_run.font.size = Pt(9)
        note_run.font.color.rgb = GREY


def goal_rows(ctx: Context, goal) -> list[tuple[str, str]]:
    """(label, text) of the figures of one goal, in the document's language and number format."""
    lang = ctx.lang
    measured = isinstance(goal.indicator_id, str) and goal.indicator_id in ctx.indicators.index
    if not measured:
        return [(t("indicator", lang), t("followup_no_indicator", lang)),
                (t("followup_region", lang), region_text(ctx, goal))]
    return [
        (t("indicator", lang), ctx.indicator_name(goal.indicator_id)),
        (t("followup_region", lang), region_text(ctx, goal)),
        (t("followup_baseline", lang), value_in_year(ctx, goal.indicator_id, goal.baseline_value,
                                                     goal.baseline_value_text, goal.baseline_year)),
        (t("followup_latest", lang), marked(value_in_year(ctx, goal.indicator_id, goal.latest_value,
                                                          goal.latest_value_text, goal.latest_year),
                                            goal.latest_status)),
        (t("followup_target", lang), target_text(ctx, goal)),
        (t("followup_trend", lang), trend_text(ctx, goal)),
    ]


def region_text(ctx: Context, goal) -> str:
    if not isinstance(goal.region_code, str):
        return "—"
    return ctx.region_name(goal.region_code)


def value_in_year(ctx: Context, indicator_id: str, value, text, year) -> str:
    if formatting.is_missing(year):
        return t("missing", ctx.lang)
    return f"{ctx.fmt(value, indicator_id, text if isinstance(text, str) else None)} ({int(year)})"


def target_text(ctx: Context, goal) -> str:
    lang = ctx.lang
    year = "" if formatting.is_missing(goal.target_year) else t("followup_by_year", lang, year=int(goal.target_year))
    if formatting.is_missing(goal.target_value):
        direction = "lower" if ctx.indicator(goal.indicator_id)["direction"] == "lower" else "higher"
        return (t(f"followup_target_{direction}", lang) + year).strip()
    return (f"{formatting.comparator(goal.target_comparator)} {ctx.fmt(goal.target_value, goal.indicator_id)}"
            + year).strip()


def trend_text(ctx: Context, goal) -> str:
    """'+1 700 prov per år (2 värden, 2021–2022)', or why there is none."""
    lang = ctx.lang
    if formatting.is_missing(goal.trend_per_year) or int(goal.n_values) < 2:
        return t("followup_no_trend", lang, n=int(goal.n_values))
    _, decimals = ctx.unit_and_decimals(goal.indicator_id)
    shown = f"{formatting.signed(goal.trend_per_year, 'count', decimals + 1, lang)} {ctx.unit_label(goal.indicator_id)}"
    return t("followup_trend_text", lang, amount=shown, n=int(goal.n_values))


def status_text(ctx: Context, goal) -> str:
    """'På väg (målet är nått)', 'Inte på väg (…)', 'Kan inte mätas (…)' from the SQL's status and reason."""
    lang = ctx.lang
    reason = t(f"followup_reason_{goal.progress_reason}", lang)
    if goal.progress_reason == "no_indicator" and isinstance(goal.note, str):
        # the note in the reader's language ('Kan inte mätas: …' / its English), without the status it repeats
        why = re.sub(rf"^{re.escape(t('followup_status_not_measurable', lang))}:\s*", "", ctx.data_note(goal.note))
        reason = why.rstrip(".")
    return f"{t(f'followup_status_{goal.progress}', lang)} ({reason})"


def source_lines(ctx: Context, goals: pd.DataFrame) -> list[str]:
    """The strategies and every source of a value shown, with their addresses."""
    ids = list(goals.source_id)
    for goal in goals.itertuples():
        if isinstance(goal.indicator_id, str) and not formatting.is_missing(goal.latest_year):
            rows = ctx.run("observations", regions=[goal.region_code], indicators=[goal.indicator_id])
            ids += [s for s, y in zip(rows.source_id, rows.year) if int(y) in
                    {int(goal.latest_year), int(goal.baseline_year)}]
    lines = []
    for source_id in dict.fromkeys(ids):
        if source_id not in ctx.sources.index:
            continue
        source = ctx.sources.loc[source_id]
        published = "" if formatting.is_missing(source["published"]) else f" ({source['published']})"
        url = "" if formatting.is_missing(source.get("url")) else f" – {source['url']}"
        lines.append(f"{source['publisher']}, {ctx.source_title(source_id)}{published}{url}")
    return lines
