"""Files as analysts save them from PxWeb (SCB's statistical database and others):

- a saved **JSON-stat2** answer (``.json``), read like SCB's API answer: the region, year and
  contents dimensions become rows; any other dimension must be fixed at its total;
- PxWeb's older **v1 "json"** and JSON-stat 1 answers are recognised and refused with the advice
  to fetch JSON-stat2;
- a PxWeb **CSV/XLSX table**: regions as rows ("01 Stockholms län", "00 Riket", Kolada's "0001"),
  years as columns (headers such as "2024", "Folkmängd 2024" or "000007ME 2025"), optionally a
  title line above the header and label columns (age, sex) between, which must be totals.

The indicator is recognised from the contents code or label (Folkmängd → ``population``); the
source is described from the file (table, title, SCB's update date) and named in the report.
"""

import datetime as dt
import json
import re

from regionstats.i18n import TEXT, both
from regionstats.importing.long_template import IncomingRow, canonical_column
from regionstats.importing.problems import ImportIssue, UploadRefused
from regionstats.importing.readers import MISSING_MARKERS, Sheet
from regionstats.importing.scb import (
    BASE_URL,
    TOTAL_CODES,
    _roles,
    county_code,
    is_total_label,
    population_rows,
    status_meaning,
)

CONTENTS_INDICATORS = {"BE0101N1": "population", "000007ME": "population"}
LABEL_INDICATORS = {"folkmängd": "population", "population": "population"}
SCB_PUBLISHER = "SCB (Statistikmyndigheten)"
SCB_DATABASE = "https://www.statistikdatabasen.scb.se/"
YEAR_HEADER = re.compile(r"^(?:(?P<code>[0-9A-Z]{6,10})\s+)?(?P<label>.*?)[\s,]*(?P<year>(?:19|20)\d\d)$")
REGION_LABEL = re.compile(r"^(?P<code>\d{2}|\d{4})(?:\s+(?P<name>.+))?$")
# PxWeb's title: "<contents> efter <variables>[. <the values of variables fixed at one value>]"
TITLE = re.compile(r"^(?P<contents>.+?)(?:\s+(?:efter|by)\s+(?P<variables>[^.]+))?(?:\.\s*(?P<fixed>.*?))?\.?$",
                   re.IGNORECASE)
POPULATION_CONTENTS = re.compile(r"^(?:folkmängd(?:en)?|befolkning(?:en)?|population)(?:,?\s*(?:den\s+)?31\s+dec(?:ember)?)?"
                                 r"(?:,?\s*(?:år\s+)?(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)\d\d)?)?$")
POPULATION_WORD = re.compile(r"^(?:folkmängd|befolkning|population)", re.IGNORECASE)
BARE_YEAR = re.compile(r"^(?:19|20)\d\d$")
FIXED_YEAR = re.compile(r"^(?:år\s+)?(?:19|20)\d\d(?:\s*-\s*(?:19|20)\d\d)?$", re.IGNORECASE)


# --- JSON ---------------------------------------------------------------------------------------


def read_json(name: str, raw: bytes) -> dict:
    """The JSON of a saved answer; UploadRefused if it is not JSON-stat2 (v1 answers named as such)."""
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except (ValueError, UnicodeDecodeError) as exc:
        raise UploadRefused("json_not_jsonstat", name, detail=str(exc)[:80]) from None
    except RecursionError:
        raise UploadRefused("json_not_jsonstat", name, detail="nested too deep") from None
    if isinstance(data, dict) and {"columns", "data"} <= set(data):
        raise UploadRefused("jsonstat_v1", name, detail="PxWebApi 1, ”json”")
    if isinstance(data, dict) and isinstance(data.get("dataset"), dict):
        raise UploadRefused("jsonstat_v1", name, detail="JSON-stat 1")
    if not isinstance(data, dict) or data.get("class") != "dataset":
        raise UploadRefused("json_not_jsonstat", name, detail="class ≠ dataset")
    if not str(data.get("version", "")).startswith("2"):
        raise UploadRefused("jsonstat_v1", name, detail=f"version {data.get('version')}")
    if is_metadata(data):
        raise UploadRefused("metadata_not_data", name, label=str(data.get("label") or "–")[:200])
    return data


def is_metadata(dataset: dict) -> bool:
    """PxWebApi's ``…/metadata`` answer: the table's variables and codes, but no values at all."""
    values = dataset.get("value")
    return not isinstance(values, (list, dict)) or not values


def jsonstat_upload(name: str, raw: bytes, sha256: str, today: dt.date | None = None):
    """(rows, new sources, warnings) for a saved JSON-stat2 answer; UploadRefused or ScbError otherwise."""
    dataset = read_json(name, raw)
    try:
        _, _, metric = _roles(dataset)
        contents = dataset["dimension"][metric]["category"] if metric in dataset.get("id", []) else {}
        labels = contents.get("label") or {}
        codes = list(contents.get("index") or labels)
    except (KeyError, TypeError, AttributeError) as exc:
        raise UploadRefused("json_not_jsonstat", name, detail=f"{type(exc).__name__}") from None
    check_title(name, str(dataset.get("label") or ""))
    indicator = next((i for i in (_indicator_of(c, labels.get(c, "")) for c in codes) if i), None)
    if indicator is None:
        known = ", ".join(f"{c} (Folkmängd)" for c in CONTENTS_INDICATORS)
        raise UploadRefused("jsonstat_contents", name, value=", ".join(map(str, codes)) or "–", known=known)
    source = saved_source(name, dataset, sha256, today or dt.date.today())
    wanted = tuple(c for c in codes if _indicator_of(c, labels.get(c, "")) == indicator)  # not Folkökning
    rows = population_rows(dataset, source["source_id"], contents=wanted, indicator_id=indicator)
    warnings = []
    skipped = _municipalities(dataset)
    if skipped:
        warnings.append(skipped_warning(name, skipped))
    return rows, [source], warnings


def _municipalities(dataset: dict) -> int:
    geo, _, _ = _roles(dataset)
    try:
        category = dataset["dimension"][geo]["category"]
        codes = list(category.get("index") or category.get("label") or [])
    except (KeyError, TypeError, AttributeError):
        return 0
    return sum(1 for c in codes if county_code(str(c)) is None)


def saved_source(name: str, dataset: dict, sha256: str, today: dt.date) -> dict:
    """The sources.csv row for a saved answer: the table, SCB's update date, the file it came from."""
    extension = dataset.get("extension") if isinstance(dataset.get("extension"), dict) else {}
    px = extension.get("px") if isinstance(extension.get("px"), dict) else {}
    table = str(px.get("tableid") or px.get("matrix") or "").strip()
    table = table if re.fullmatch(r"[A-Za-z0-9_]{1,40}", table) else ""
    updated = str(dataset.get("updated") or "")[:10]
    publisher = str(dataset.get("source") or "").strip()[:200]
    is_scb = not publisher or "scb" in publisher.lower() or "statistikmyndigheten" in publisher.lower()
    label = str(dataset.get("label") or "PxWeb-tabell")[:300]
    stamp = updated.replace("-", "") if re.fullmatch(r"\d{4}-\d{2}-\d{2}", updated) else sha256[:8]
    return {
        "source_id": f"{'scb' if is_scb else 'pxweb'}_{(table or 'tabell').lower()}_{stamp}",
        "publisher": SCB_PUBLISHER if is_scb else publisher,
        "title": f"{label} (tabell {table})" if table else label,
        "url": (f"{BASE_URL}/tables/{table}/data?lang=sv&outputFormat=json-stat2" if table and is_scb
                else SCB_DATABASE),
        "published": updated,
        "accessed": today.isoformat(),
        "licence": "CC0 1.0" if is_scb else "",
        "note": f"Importerad från sparat JSON-stat2-svar {name} (sha256 {sha256[:12]})",
    }


def check_title(name: str, title: str) -> str | None:
    """The indicator a PxWeb title names (``Folkmängd efter region och år`` → population), or None.

    Refused (UploadRefused): a title about population that names something else
    (``Folkmängdens förändring``, the change), and a title whose fixed values are a part of the
    population (``… och år. Män``, ``… 20-64 år``): PxWeb writes a variable fixed at one value there.
    """
    found = TITLE.match(" ".join(title.split()))
    if not found:
        return None
    contents = found.group("contents").strip(" ,:")
    if POPULATION_CONTENTS.match(contents.lower()):
        indicator = "population"
    elif POPULATION_WORD.match(contents):
        raise UploadRefused("title_not_population", name, title=contents[:120])
    else:
        return None
    for part in re.split(r"[.,;]\s*", found.group("fixed") or ""):
        part = part.strip()
        if part and not FIXED_YEAR.match(part) and not label_is_total(part):
            raise UploadRefused("subpopulation_title", name, value=part[:80], title=title[:160])
    return indicator


def label_is_total(text: str) -> bool:
    """A label in a PxWeb table (no codes): ``totalt``, ``båda könen``, or a total code before one (``tot totalt``)."""
    first, _, rest = text.strip().partition(" ")
    return is_total_label(text) or (first in TOTAL_CODES and (not rest or is_total_label(rest)))


def _indicator_of(code: str, label: str = "") -> str | None:
    """The indicator a contents code or label stands for (BE0101N1, 000007ME, Folkmängd → population)."""
    return CONTENTS_INDICATORS.get(str(code).strip()) or LABEL_INDICATORS.get(str(label).strip().lower())


# --- PxWeb tables (CSV/XLSX): regions as rows, years as columns -----------------------------------


def pxweb_layout(sheet: Sheet, look: int = 6) -> tuple[str | None, list[str], int, list] | None:
    """(title, header, header line, rows) when the sheet is a PxWeb table with years as columns, else None.

    The header is the first of the top records with a year in a column after the first; records
    above it (PxWeb's title, a contents label over the years) make the title.
    """
    records = [(sheet.header_line, sheet.header)] + sheet.rows[:look]
    for position, (line, cells) in enumerate(records):
        cells = [c.strip() for c in cells]
        if not any(YEAR_HEADER.match(c) for c in cells[1:]):
            continue
        above = [c.strip() for _, row in records[:position] for c in row if c.strip()]
        rows = sheet.rows[position:]
        first = [r[0].strip() for _, r in rows if r and r[0].strip() and any(c.strip() for c in r[1:])]
        if not first or not all(REGION_LABEL.match(c) for c in first[:5]):
            return None
        if position > 0:
            check_year_column(sheet, cells, line, rows)
        return (" ".join(above) or None), cells, line, rows
    return None


def check_year_column(sheet: Sheet, cells: list[str], line: int, rows: list) -> None:
    """Refuse a long table whose first data row looks like a header of years (``20;2025;Dalarna;287000``).

    When the file's own header names that column as the year (``Ar``, ``År``, ``year``) or the column
    holds a year on every row, the "years" are the year column and reading them as values would store
    2025 as a population.
    """
    for index, text in enumerate(cells):
        if not index or not BARE_YEAR.match(text):
            continue
        label = sheet.header[index] if index < len(sheet.header) else ""
        below = [r[index].strip() for _, r in rows if index < len(r) and r[index].strip()]
        years_below = len(below) >= 2 and all(BARE_YEAR.match(v) for v in below)
        if canonical_column(label) == "year" or years_below:
            raise UploadRefused("year_column_as_values", sheet.file_name, line=line,
                                column=label or f"{index + 1}", header=", ".join(sheet.header)[:200])


def pxweb_rows(sheet: Sheet, today: dt.date | None = None):
    """(rows, new sources, warnings) for a PxWeb table; UploadRefused when it cannot be read safely."""
    layout = pxweb_layout(sheet)
    if layout is None:
        return None
    title, header, header_line, records = layout
    name = sheet.file_name
    title_indicator = check_title(name, title or "")
    year_columns, ignored = {}, []
    for index, label in enumerate(header):
        found = YEAR_HEADER.match(label.strip())
        if not found or index == 0:
            continue
        named = [x for x in (found.group("code"), found.group("label").strip()) if x]
        indicators = {_indicator_of(x, x) for x in named}
        if not named and title_indicator:
            year_columns[index] = (found.group("year"), title_indicator)
        elif len(indicators) == 1 and None not in indicators:
            year_columns[index] = (found.group("year"), indicators.pop())
        else:
            ignored.append(ImportIssue(name, header_line, None, "ignored_column", {"value": label}))
    first_year = min((i for i, h in enumerate(header) if i and YEAR_HEADER.match(h.strip())), default=1)
    for _, cells in records:  # label columns between region and years (age, sex …): totals only
        for index in range(1, first_year):
            text = cells[index].strip() if index < len(cells) else ""
            if text and not label_is_total(text):
                raise UploadRefused("not_total", name, dimension=header[index] or f"kolumn {index + 1}",
                                    value_code=text, label=text, totals="totalt")
    if not year_columns:
        raise UploadRefused("pxweb_layout", name, detail=both("import.detail.pxweb_contents"))
    source = table_source(name, title, sheet.sha256, today or dt.date.today())
    rows, skipped, footnotes = [], 0, []
    for line, cells in records:
        label = cells[0].strip() if cells else ""
        if not label:
            continue
        match = REGION_LABEL.match(label)
        if match and county_code(match.group("code")) is None:
            skipped += 1  # a municipality
            continue
        if not match and not any(c.strip() for c in cells[1:]):
            footnotes.append(ImportIssue(name, line, None, "ignored_label", {"value": label[:200]}))
            continue  # PxWeb's footnotes under the table ("Källa: SCB", "Senast uppdaterad …")
        for index, (year, indicator) in year_columns.items():
            text = cells[index].strip() if index < len(cells) else ""
            if not text:
                continue
            note = ""
            if text in MISSING_MARKERS and f"scb.status.{text}" in TEXT:
                note = f"SCB: ”{text}” = {status_meaning(text)}"
            rows.append(IncomingRow(line, {"region_code": label, "indicator_id": indicator, "year": year,
                                           "value": text, "source_id": source["source_id"], "note": note},
                                    {"region_code": header[0] or "region", "year": header[index],
                                     "value": header[index]}))
    warnings = ignored + footnotes
    if skipped:
        warnings.append(skipped_warning(name, skipped))
    return rows, [source], warnings


def skipped_warning(name: str, count: int) -> ImportIssue:
    return ImportIssue(name, None, None, "skipped_municipalities", {"count": count})


def table_source(name: str, title: str | None, sha256: str, today: dt.date) -> dict:
    shown = (title or name).strip()[:300] or name
    return {
        "source_id": f"scb_pxweb_{sha256[:10]}",
        "publisher": SCB_PUBLISHER,
        "title": shown,
        "url": SCB_DATABASE,
        "published": "",
        "accessed": today.isoformat(),
        "licence": "CC0 1.0",
        "note": f"Importerad från PxWeb-nedladdningen {name} (sha256 {sha256[:12]})",
    }
