"""The data behind a chart or table as CSV (UTF-8 with BOM), CSV for Swedish Excel, and XLSX.

Every text cell that begins with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return gets a
leading apostrophe, so a spreadsheet shows it as text and never runs it as a formula (CSV
injection). Numbers stay numbers, negative ones included: only text is ever prefixed.
"""

import datetime as dt
import io
import math
from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from regionstats.i18n import source_title, t

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
BOM = "\ufeff"
SOURCE_COLUMNS = ("source_id", "amount_source_id", "population_source_id")
MIME = {
    "csv": "text/csv",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def neutralise(value):
    """Text that a spreadsheet would read as a formula gets a leading apostrophe; the rest is unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _is_missing(value) -> bool:
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    return isinstance(value, float) and math.isnan(value)


def _cell(value):
    """A value a CSV writer or openpyxl can take: lists and odd types become text, then neutralised."""
    if isinstance(value, np.ndarray):
        value = value.tolist()
    if isinstance(value, (list, tuple, set)):
        return neutralise(", ".join(str(v) for v in value))
    if _is_missing(value):
        return None
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, (bool, int, float, dt.date, dt.datetime)):
        return value
    return neutralise(str(value))


def safe_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy with every text cell (and column name) neutralised; numeric columns untouched."""
    safe = frame.copy()
    safe.columns = [neutralise(str(c)) for c in safe.columns]
    for column in safe.columns:
        values = safe[column]
        if pd.api.types.is_float_dtype(values) and _integral(values):
            safe[column] = values.astype("Int64")  # years and counts: 2021, not 2021.0
        elif not (pd.api.types.is_numeric_dtype(values) or pd.api.types.is_datetime64_any_dtype(values)):
            safe[column] = [_cell(v) for v in values]
    return safe


def _integral(values: pd.Series) -> bool:
    present = values.dropna()
    return not present.empty and bool(((present % 1) == 0).all()) and bool((present.abs() < 2**53).all())


def csv_bytes(frame: pd.DataFrame) -> bytes:
    """Comma-separated, decimal point, UTF-8 with a byte-order mark (so Excel reads å, ä, ö)."""
    return (BOM + safe_frame(frame).to_csv(index=False, lineterminator="\r\n")).encode("utf-8")


def csv_excel_sv_bytes(frame: pd.DataFrame) -> bytes:
    """Semicolon-separated with a decimal comma, as Excel with Swedish settings opens it by double-click."""
    text = safe_frame(frame).to_csv(index=False, sep=";", decimal=",", lineterminator="\r\n")
    return (BOM + text).encode("utf-8")


def source_ids(frame: pd.DataFrame) -> list[str]:
    """The source ids a frame cites, in order of first appearance."""
    ids = []
    for column in SOURCE_COLUMNS:
        if column in frame.columns:
            ids += [s for s in frame[column] if isinstance(s, str) and s]
    return list(dict.fromkeys(ids))


@dataclass
class Sheet:
    """One data sheet of a workbook and what the sources sheet says about it."""

    frame: pd.DataFrame
    title: str = ""
    source_note: str = ""
    notes: list = field(default_factory=list)
    name: str = ""


def xlsx_bytes(frame: pd.DataFrame, *, lang: str, title: str = "", source_note: str = "",
               notes: Iterable[str] = (), sources: pd.DataFrame | None = None, data_version: str = "",
               made: dt.date | None = None) -> bytes:
    """A workbook with the data sheet and a sources sheet (title, source line, notes, cited sources)."""
    sheet = Sheet(frame, title, source_note, list(notes), t("sheet_data", lang))
    return workbook_bytes([sheet], lang=lang, sources=sources, data_version=data_version, made=made)


def sheet_name(name: str, taken: set) -> str:
    """Excel's rules: at most 31 characters, none of []:*?/\\, unique in the book."""
    clean = "".join("_" if c in '[]:*?/\\' else c for c in name).strip("'") or "Data"
    candidate, n = clean[:31], 2
    while candidate.lower() in taken:
        suffix = f" ({n})"
        candidate, n = clean[:31 - len(suffix)] + suffix, n + 1
    taken.add(candidate.lower())
    return candidate


def workbook_bytes(sheets: list, *, lang: str, sources: pd.DataFrame | None = None, data_version: str = "",
                   made: dt.date | None = None) -> bytes:
    """A workbook with one sheet per frame and a last sheet with titles, sources and notes."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    book = Workbook()
    book.remove(book.active)
    taken = {t("sheet_sources", lang).lower()}
    names = []
    for sheet in sheets:
        data = book.create_sheet(sheet_name(sheet.name or sheet.title or t("sheet_data", lang), taken))
        names.append(data.title)
        safe = safe_frame(sheet.frame)
        data.append([str(c) for c in safe.columns])
        for cell in data[1]:
            cell.font = Font(bold=True)
        for row in safe.itertuples(index=False):
            data.append([_cell(v) for v in row])
        _force_text(data)
        for index, column in enumerate(safe.columns, start=1):
            longest = max([len(str(column))] + [len(str(v)) for v in safe[column].head(200) if v is not None])
            data.column_dimensions[get_column_letter(index)].width = min(60, max(8, longest + 2))
        data.freeze_panes = "A2"

    info = book.create_sheet(t("sheet_sources", lang))
    bold_rows = []

    def add(label, value="", bold=False):
        info.append([neutralise(label), neutralise(value)])
        if bold:
            bold_rows.append(info.max_row)

    for name, sheet in zip(names, sheets):
        add(t("sheet_sources_title", lang), f"{name}: {sheet.title}" if len(sheets) > 1 else sheet.title, bold=True)
        add(t("sources_source", lang), sheet.source_note)
        for i, note in enumerate(sheet.notes):
            add(t("sources_notes", lang) if i == 0 else "", note)
        info.append([])
    add(t("sources_made", lang), (made or dt.date.today()).isoformat())
    if data_version:
        add(t("sources_data_version", lang), data_version)
    add("", t("sources_neutralised", lang))
    if sources is not None:
        cited = list(dict.fromkeys(s for sheet in sheets for s in source_ids(sheet.frame)))
        cited = [s for s in cited if s in set(sources["source_id"])]
        if cited:
            wanted = ("source_id", "publisher", "title", "published", "url")
            columns = [c for c in wanted if c in sources.columns]
            info.append([])
            info.append(columns)
            bold_rows.append(info.max_row)
            by_id = sources.set_index("source_id", drop=False)
            for source_id in cited:
                row = by_id.loc[source_id]
                info.append([_cell(source_title(row[c], row.get("language"), lang) if c == "title" else row[c])
                             for c in columns])
    _force_text(info)
    for row in bold_rows:
        for cell in info[row]:
            cell.font = Font(bold=True)
    for cell in info["B"]:
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    info.column_dimensions["A"].width = 22
    info.column_dimensions["B"].width = 100
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _force_text(sheet) -> None:
    """openpyxl turns any string starting with '=' into a formula; make every text cell plain text."""
    for row in sheet.iter_rows():
        for cell in row:
            if isinstance(cell.value, str):
                cell.data_type = "s"


def file_name(key: str, variant: str) -> str:
    """'per_capita.csv', 'per_capita-excel-sv.csv', 'per_capita.xlsx'."""
    return {"csv": f"{key}.csv", "csv_sv": f"{key}-excel-sv.csv", "xlsx": f"{key}.xlsx"}[variant]
