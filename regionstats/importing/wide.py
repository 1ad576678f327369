"""A table with a mapping: labels in the leading columns, value columns with a header, to long rows.

Two layouts are read this way. A **wide** table (indicators as rows, regions as columns, like the
strategy's key-figures table)::

    {
      "year": 2021,
      "source_id": "orebro_ls_strategy_2021",
      "rows": {"Forskning, MSEK": "appropriation_research_msek",
               "Plats i rankingen": {"indicator_id": "ls_region_rank_tillvaxtverket", "year": 2018}},
      "columns": {"Sverige": "00", "Örebro": {"region_code": "18"}}
    }

and an agency's **long** table as its statistical database saves it (Tillväxtanalys' PxWeb XLSX: a
title line, a blank line, a heading row that is empty over the label columns, then one row per
period and region: ``2023Q4 | 20 Dalarnas län | 414``). Each label of a row is looked up in
``rows``, so the period and the region are mapped separately::

    {
      "columns": {"antal nystartade företag": {"indicator_id": "…"}},
      "rows": {"2023Q4": {"year": 2023, "period_label": "4:e kvartalet 2023"},
               "20 Dalarnas län": {"region_code": "20"}}
    }

The label columns are the first column and any next ones whose header cell is empty; an empty label
under a label above it repeats that label (PxWeb writes a period once for all its regions). A row
is read when every label it has is in the mapping. An entry is a dict of cell fields, or a string:
an indicator id under ``rows``, a region code under ``columns``. A cell's fields come from its row's
labels (left to right), then its column, then the top level. Labels that are not in the mapping are
listed in the report (each once) and not read; empty cells are skipped. A new source may be
declared under ``"source": {"source_id": …, "publisher": …, "title": …, "url": …, "published": …}``.
"""

import difflib
import json
import re

from regionstats.importing.long_template import SOURCE_DETAIL_COLUMNS, IncomingRow
from regionstats.importing.problems import ImportIssue, UploadRefused
from regionstats.importing.readers import Sheet

ENTRY_KEYS = {"rows": "indicator_id", "columns": "region_code"}
CELL_KEYS = ("year", "source_id", "unit", "note", "status", "period_start", "period_end", "period_label")
FIELDS = ("indicator_id", "region_code") + CELL_KEYS
CODED_LABEL = re.compile(r"^(?P<code>\d{2}|\d{4})\s+\S")  # PxWeb's "20 Dalarnas län"
YEAR_LABEL = re.compile(r"^(?:19|20)\d\d$")


def load_mapping(name: str, raw: bytes | str | dict) -> dict:
    """A mapping from JSON text or a dict, checked for shape; UploadRefused(bad_mapping) otherwise."""
    if isinstance(raw, dict):
        mapping = raw
    else:
        try:
            mapping = json.loads(raw.decode("utf-8-sig") if isinstance(raw, bytes) else raw)
        except (ValueError, UnicodeDecodeError) as exc:
            raise UploadRefused("bad_mapping", name, detail=str(exc)[:120]) from None
        except RecursionError:  # [[[[…]]]] nested thousands deep
            raise UploadRefused("bad_mapping", name, detail="JSON nested too deep") from None
    if not isinstance(mapping, dict):
        raise UploadRefused("bad_mapping", name, detail="not a JSON object")
    for part, key in ENTRY_KEYS.items():
        entries = mapping.get(part)
        if not isinstance(entries, dict) or not entries:
            raise UploadRefused("bad_mapping", name, detail=f"“{part}” must be a non-empty object")
        for label, found in entries.items():
            if isinstance(found, str):
                continue
            if not isinstance(found, dict):
                raise UploadRefused("bad_mapping", name, detail=f"{part}: “{label}” needs {key}")
            if not any(found.get(f) not in (None, "") for f in FIELDS):
                raise UploadRefused("bad_mapping", name,
                                    detail=f"{part}: “{label}” needs {key} or one of {', '.join(FIELDS[2:])}")
    if "source" in mapping and not isinstance(mapping["source"], dict):
        raise UploadRefused("bad_mapping", name, detail="“source” must be an object")
    return mapping


def entry(mapping: dict, part: str, label: str) -> dict | None:
    """The mapping entry for a row or column label as a dict, or None."""
    found = mapping[part].get(label.strip())
    if found is None:
        return None
    return {ENTRY_KEYS[part]: found} if isinstance(found, str) else found


def header_record(sheet: Sheet, is_column, look: int = 10) -> tuple[int, list[str], list]:
    """(line, labels, rows below) of the header: the first record naming a value column.

    An agency's workbook has a title row (and a blank one) above its header; they are skipped.
    """
    records = [(sheet.header_line, sheet.header)] + sheet.rows
    for position, (line, cells) in enumerate(records[:look]):
        if any(is_column(c) for c in cells[1:] if c.strip()):
            return line, cells, records[position + 1:]
    return sheet.header_line, sheet.header, sheet.rows


def label_columns(header: list[str]) -> int:
    """How many leading columns hold the rows' labels: the first, and any next with an empty header."""
    count = 1
    while count < len(header) and not header[count].strip():
        count += 1
    return count


def labelled_records(records: list, count: int):
    """(line, labels, cells) per record; with several label columns an empty label repeats the one above."""
    above = [""] * count
    for line, cells in records:
        labels = [(cells[i] if i < len(cells) else "").strip() for i in range(count)]
        if count > 1 and any(labels) and any(c.strip() for c in cells[count:]):
            labels = [label or above[i] for i, label in enumerate(labels)]
            above = labels
        yield line, labels, cells


def rows_from_wide(sheet: Sheet, mapping: dict) -> tuple[list[IncomingRow], list[ImportIssue]]:
    """One long row per mapped, non-empty cell; warnings for labels the mapping does not know."""
    warnings, rows, empty, warned = [], [], 0, set()

    def ignore(line: int, label: str) -> None:
        if label not in warned:
            warned.add(label)
            warnings.append(_ignored(sheet, line, label))

    header_line, header, records = header_record(sheet, lambda c: entry(mapping, "columns", c) is not None)
    count = label_columns(header)
    columns = []
    for index, label in enumerate(header[count:], start=count):
        column = entry(mapping, "columns", label) if label.strip() else None
        if column is None and label.strip():
            ignore(header_line, label)
        columns.append((index, label, column))
    source_keys = SOURCE_DETAIL_COLUMNS + ("source_id",)
    source = {k: str(v) for k, v in (mapping.get("source") or {}).items() if k in source_keys}
    for line, labels, cells in labelled_records(records, count):
        found = [(label, entry(mapping, "rows", label)) for label in labels if label]
        unknown = [label for label, row in found if row is None]
        if not found or unknown:
            if unknown and any(c.strip() for c in cells[count:]):
                for label in unknown:
                    ignore(line, label)
            continue
        for index, column_label, column in columns:
            text = cells[index] if index < len(cells) else ""
            if column is None:
                continue
            if not text.strip():
                empty += 1
                continue
            rows.append(_long_row(line, found, column_label, text, column, mapping, source))
    if empty:
        warnings.append(ImportIssue(sheet.file_name, None, None, "empty_cells", {"count": empty}))
    return rows, warnings


def _long_row(line, found, column_label, text, column, mapping, source) -> IncomingRow:
    """The cell as a long row; each field from the first of its row's labels, its column, the top level."""
    cells, labels = {"value": text}, {"value": column_label}
    scopes = [(row, label) for label, row in found] + [(column, column_label), (mapping, None)]
    for key in FIELDS:
        for scope, label in scopes:
            if scope.get(key) not in (None, ""):
                cells[key] = str(scope[key])
                labels[key] = label or f"{key} (mapping)"
                break
    if source:
        cells.setdefault("source_id", source.get("source_id", ""))
        labels.setdefault("source_id", "source_id (mapping)")
        if cells["source_id"] == source.get("source_id", ""):
            cells.update({k: v for k, v in source.items() if k != "source_id"})
    return IncomingRow(line, cells, labels)


def _ignored(sheet: Sheet, line: int, label: str) -> ImportIssue:
    return ImportIssue(sheet.file_name, line, None, "ignored_label", {"value": label})


def suggest_mapping(sheet: Sheet, regions: list[dict], indicators: list[dict]) -> dict:
    """A first guess at a mapping for the app's mapping step: closest names, no source.

    Row labels that name a region (20 Dalarnas län, or Dalarna) get its code and bare years their
    year; other periods (quarters, months) are left for the user, who knows what a year's value is.
    """
    region_names = {n.lower(): r["region_code"] for r in regions for n in (r["name_sv"], r["name_en"])}
    region_names.update({"sverige": "00", "riket": "00", "hela riket": "00"})
    codes = {r["region_code"] for r in regions}
    indicator_names = {n.lower(): i["indicator_id"] for i in indicators for n in (i["name_sv"], i["name_en"])}
    _, header, records = header_record(sheet, lambda c: _closest(c, region_names) is not None)
    if not any(_closest(c, region_names) for c in header[1:] if c.strip()):
        _, header, records = header_record(sheet, lambda c: bool(c.strip()))  # a heading row over labels
    count = label_columns(header)
    columns = {label.strip(): _closest(label, region_names) for label in header[count:] if label.strip()}
    rows = {}
    for _, labels, cells in labelled_records(records, count):
        if not any(c.strip() for c in cells[count:]):
            continue
        for label in labels:
            if label and label not in rows:
                rows[label] = _row_guess(label, region_names, codes, indicator_names)
    return {"year": None, "source_id": None,
            "rows": {k: v for k, v in rows.items() if v}, "columns": {k: v for k, v in columns.items() if v}}


def _row_guess(label: str, region_names: dict, codes: set, indicator_names: dict):
    coded = CODED_LABEL.match(label)
    if coded and coded["code"] in codes:
        return {"region_code": coded["code"]}
    if label.lower() in region_names:
        return {"region_code": region_names[label.lower()]}
    if YEAR_LABEL.match(label):
        return {"year": int(label)}
    return _closest(label, indicator_names)


def _closest(label: str, names: dict[str, str]) -> str | None:
    key = label.strip().lower()
    if key in names:
        return names[key]
    match = difflib.get_close_matches(key, list(names), n=1, cutoff=0.75)
    return names[match[0]] if match else None
