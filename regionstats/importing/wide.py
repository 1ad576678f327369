"""A wide table (indicators as rows, regions as columns, like the strategy's key-figures table) to long rows.

The mapping says what each row and column label means::

    {
      "year": 2021,
      "source_id": "orebro_ls_strategy_2021",
      "rows": {"Forskning, MSEK": "appropriation_research_msek",
               "Plats i rankingen": {"indicator_id": "ls_region_rank_tillvaxtverket", "year": 2018}},
      "columns": {"Sverige": "00", "Örebro": {"region_code": "18"}}
    }

A row or column entry may set ``year`` and ``source_id`` for its cells (the row wins over
the column, both over the top level). Labels that are not in the mapping are listed in the
report and not read; empty cells are skipped. A new source may be declared under
``"source": {"source_id": …, "publisher": …, "title": …, "url": …, "published": …}``.
"""

import difflib
import json

from regionstats.importing.long_template import SOURCE_DETAIL_COLUMNS, IncomingRow
from regionstats.importing.problems import ImportIssue, UploadRefused
from regionstats.importing.readers import Sheet

ENTRY_KEYS = {"rows": "indicator_id", "columns": "region_code"}
CELL_KEYS = ("year", "source_id", "unit", "note", "status", "period_start", "period_end", "period_label")


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
        for label, entry in entries.items():
            named = isinstance(entry, dict) and isinstance(entry.get(key), str)
            if not isinstance(entry, str) and not named:
                raise UploadRefused("bad_mapping", name, detail=f"{part}: “{label}” needs {key}")
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
    """(line, labels, rows below) of the header: the first record naming a region column.

    An agency's workbook has a title row (and a blank one) above its header; they are skipped.
    """
    records = [(sheet.header_line, sheet.header)] + sheet.rows
    for position, (line, cells) in enumerate(records[:look]):
        if any(is_column(c) for c in cells[1:] if c.strip()):
            return line, cells, records[position + 1:]
    return sheet.header_line, sheet.header, sheet.rows


def rows_from_wide(sheet: Sheet, mapping: dict) -> tuple[list[IncomingRow], list[ImportIssue]]:
    """One long row per mapped, non-empty cell; warnings for labels the mapping does not know."""
    warnings, rows, empty = [], [], 0
    columns = []
    header_line, header, records = header_record(sheet, lambda c: entry(mapping, "columns", c) is not None)
    for index, label in enumerate(header[1:], start=1):
        column = entry(mapping, "columns", label) if label.strip() else None
        if column is None and label.strip():
            warnings.append(_ignored(sheet, header_line, label))
        columns.append((index, label, column))
    source_keys = SOURCE_DETAIL_COLUMNS + ("source_id",)
    source = {k: str(v) for k, v in (mapping.get("source") or {}).items() if k in source_keys}
    for line, cells in records:
        label = cells[0].strip() if cells else ""
        row = entry(mapping, "rows", label) if label else None
        if row is None:
            if label and any(c.strip() for c in cells[1:]):
                warnings.append(_ignored(sheet, line, label))
            continue
        for index, column_label, column in columns:
            text = cells[index] if index < len(cells) else ""
            if column is None:
                continue
            if not text.strip():
                empty += 1
                continue
            rows.append(_long_row(line, label, column_label, text, row, column, mapping, source))
    if empty:
        warnings.append(ImportIssue(sheet.file_name, None, None, "empty_cells", {"count": empty}))
    return rows, warnings


def _long_row(line, row_label, column_label, text, row, column, mapping, source) -> IncomingRow:
    cells = {"indicator_id": row["indicator_id"], "region_code": column["region_code"], "value": text}
    for key in CELL_KEYS:
        for scope in (row, column, mapping):
            if scope.get(key) not in (None, ""):
                cells[key] = str(scope[key])
                break
    if source:
        cells.setdefault("source_id", source.get("source_id", ""))
        if cells["source_id"] == source.get("source_id", ""):
            cells.update({k: v for k, v in source.items() if k != "source_id"})
    labels = {"value": column_label, "indicator_id": row_label, "region_code": column_label,
              "year": "year (mapping)", "source_id": "source_id (mapping)"}
    return IncomingRow(line, cells, labels)


def _ignored(sheet: Sheet, line: int, label: str) -> ImportIssue:
    return ImportIssue(sheet.file_name, line, None, "ignored_label", {"value": label})


def suggest_mapping(sheet: Sheet, regions: list[dict], indicators: list[dict]) -> dict:
    """A first guess at a mapping for the app's mapping step: closest names, no year, no source."""
    region_names = {n.lower(): r["region_code"] for r in regions for n in (r["name_sv"], r["name_en"])}
    region_names.update({"sverige": "00", "riket": "00", "hela riket": "00"})
    indicator_names = {n.lower(): i["indicator_id"] for i in indicators for n in (i["name_sv"], i["name_en"])}
    _, header, records = header_record(sheet, lambda c: _closest(c, region_names) is not None)
    columns = {label.strip(): _closest(label, region_names) for label in header[1:] if label.strip()}
    rows = {cells[0].strip(): _closest(cells[0], indicator_names) for _, cells in records
            if cells and cells[0].strip() and any(c.strip() for c in cells[1:])}
    return {"year": None, "source_id": None,
            "rows": {k: v for k, v in rows.items() if v}, "columns": {k: v for k, v in columns.items() if v}}


def _closest(label: str, names: dict[str, str]) -> str | None:
    key = label.strip().lower()
    if key in names:
        return names[key]
    match = difflib.get_close_matches(key, list(names), n=1, cutoff=0.75)
    return names[match[0]] if match else None
