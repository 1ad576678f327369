"""Kolada's own long layout, read as it comes: ``kpi, municipality_id, year, value`` (one row per KPI,
region and year), as Kolada's API (``api.kolada.se/v2/data/kpi/<kpi>``) and its downloads give it.

The counties are Kolada's ids ``0001``…``0025`` (``0000`` is Riket) or the regions' own names
("Region Sörmland", "Västra Götalandsregionen", in a ``municipality`` column); municipalities are
listed and skipped. A KPI becomes an indicator only when it is known here (``N01951``, "Invånare
totalt, antal", the population on 31 December, from SCB); a ``gender`` column must be ``T``
(total): a row for women or men is a part of the population and refuses the file.
"""

import datetime as dt

from regionstats.importing.long_template import IncomingRow
from regionstats.importing.problems import ImportIssue, UploadRefused
from regionstats.importing.pxweb import skipped_warning
from regionstats.importing.readers import Sheet
from regionstats.importing.scb import county_code

KPIS = {"N01951": ("population", "Invånare totalt, antal (31 december; källa SCB)")}
REGION_COLUMNS = ("municipality_id", "municipality")
COLUMNS = {"kpi": "kpi", "municipality_id": "municipality_id", "municipality": "municipality",
           "year": "year", "period": "year", "value": "value", "gender": "gender", "kön": "gender"}
TOTAL_GENDERS = ("t", "totalt", "total", "")


def kolada_columns(header: list[str]) -> dict[str, int] | None:
    """{column: position} when the header is Kolada's layout (kpi, a region column, year, value), else None."""
    found = {}
    for index, label in enumerate(header):
        name = COLUMNS.get(label.strip().lower())
        if name and name not in found:
            found[name] = index
    has_region = any(c in found for c in REGION_COLUMNS)
    return found if has_region and {"kpi", "year", "value"} <= set(found) else None


def kolada_rows(sheet: Sheet, columns: dict[str, int], today: dt.date | None = None):
    """(rows, new sources, warnings) for a Kolada extract; UploadRefused for an unknown KPI or a part of a gender."""
    name = sheet.file_name
    cell = lambda cells, key: cells[columns[key]].strip() if key in columns and columns[key] < len(cells) else ""  # noqa: E731
    kpis = {cell(cells, "kpi") for _, cells in sheet.rows if cell(cells, "kpi")}
    unknown = sorted(k for k in kpis if k not in KPIS)
    if unknown or not kpis:
        known = ", ".join(f"{k} ({title})" for k, (_, title) in KPIS.items())
        raise UploadRefused("kolada_kpi", name, value=", ".join(unknown[:5]) or "–", known=known)
    sources = {k: kolada_source(k, name, sheet.sha256, today or dt.date.today()) for k in sorted(kpis)}
    rows, skipped = [], 0
    region_column = "municipality_id" if "municipality_id" in columns else "municipality"
    for line, cells in sheet.rows:
        gender = cell(cells, "gender")
        if gender.lower() not in TOTAL_GENDERS:
            raise UploadRefused("kolada_gender", name, line=line, value=gender)
        region = cell(cells, region_column)
        if region.isdigit() and len(region) == 4 and county_code(region) is None:
            skipped += 1  # a municipality
            continue
        indicator = KPIS[cell(cells, "kpi")][0]
        rows.append(IncomingRow(line, {"region_code": region, "indicator_id": indicator, "year": cell(cells, "year"),
                                       "value": cell(cells, "value"),
                                       "source_id": sources[cell(cells, "kpi")]["source_id"]},
                                {"region_code": sheet.header[columns[region_column]],
                                 "year": sheet.header[columns["year"]], "value": sheet.header[columns["value"]],
                                 "indicator_id": sheet.header[columns["kpi"]]}))
    warnings: list[ImportIssue] = [skipped_warning(name, skipped)] if skipped else []
    return rows, list(sources.values()), warnings


def kolada_source(kpi: str, name: str, sha256: str, today: dt.date) -> dict:
    return {
        "source_id": f"kolada_{kpi.lower()}_{sha256[:8]}",
        "publisher": "RKA (Kolada)",
        "title": f"Kolada {kpi}: {KPIS[kpi][1]}",
        "url": f"https://api.kolada.se/v2/data/kpi/{kpi}",
        "published": "",
        "accessed": today.isoformat(),
        "licence": "",
        "note": f"Importerad från Kolada-filen {name} (sha256 {sha256[:12]})",
        "language": "sv",  # the KPI's title as Kolada publishes it
    }
