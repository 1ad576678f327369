"""The project's long template: one row per region, indicator and year, plus the row's source.

The columns are those of observations.csv (``schema.OBSERVATIONS``) plus an optional
``unit`` (checked against the indicator's unit) and optional source columns
(``publisher``, ``title``, ``url``, ``published``, ``accessed``, ``licence``) so a new source
can be declared in the same file as the values that cite it. Swedish column names
(``region``, ``år``, ``värde``, ``källa``, ``enhet`` …) are understood too.
"""

import csv
import io
from dataclasses import dataclass, field

from regionstats import schema
from regionstats.i18n import t
from regionstats.importing.problems import ImportIssue, UploadRefused
from regionstats.importing.readers import Sheet

OBSERVATION_COLUMNS = tuple(schema.OBSERVATIONS.column_names)
SOURCE_DETAIL_COLUMNS = ("publisher", "title", "url", "published", "accessed", "licence")
EXTRA_COLUMNS = ("unit",) + SOURCE_DETAIL_COLUMNS
KNOWN_COLUMNS = OBSERVATION_COLUMNS + EXTRA_COLUMNS
REQUIRED_COLUMNS = ("region_code", "indicator_id", "year")
TEMPLATE_COLUMNS = OBSERVATION_COLUMNS + ("unit", "publisher", "title", "url", "published")

ALIASES = {
    "region": "region_code", "regionkod": "region_code", "län": "region_code", "lan": "region_code",
    "county": "region_code", "kod": "region_code",
    "indikator": "indicator_id", "indicator": "indicator_id", "mått": "indicator_id",
    "år": "year", "ar": "year", "årtal": "year",
    "värde": "value", "varde": "value",
    "värde_text": "value_text", "nedre": "value_low", "övre": "value_high",
    "källa": "source_id", "kalla": "source_id", "source": "source_id", "källa_id": "source_id",
    "enhet": "unit",
    "kommentar": "note", "not": "note", "anmärkning": "note", "fotnot": "note",
    "utgivare": "publisher", "titel": "title", "länk": "url", "adress": "url", "webbadress": "url",
    "publicerad": "published", "hämtad": "accessed", "licens": "licence", "license": "licence",
    "period": "period_label",
}


@dataclass
class IncomingRow:
    """One row to import: canonical column -> cell text, and the file's own column labels."""

    line: int
    cells: dict[str, str]
    columns: dict[str, str] = field(default_factory=dict)

    def get(self, name: str) -> str:
        return (self.cells.get(name) or "").strip()

    def column(self, name: str) -> str:
        return self.columns.get(name, name)


def canonical_column(label: str) -> str | None:
    """The template column a header cell means, or None."""
    key = label.strip().lower().replace(" ", "_").replace("-", "_")
    if key in KNOWN_COLUMNS:
        return key
    return ALIASES.get(key)


def is_long(header: list[str]) -> bool:
    """Does the header have the template's required columns?"""
    found = {canonical_column(h) for h in header}
    return all(c in found for c in REQUIRED_COLUMNS)


def rows_from_sheet(sheet: Sheet) -> tuple[list[IncomingRow], list[ImportIssue]]:
    """The sheet's rows keyed by template column; UploadRefused if required columns are missing."""
    positions, labels, warnings = {}, {}, []
    for index, label in enumerate(sheet.header):
        name = canonical_column(label)
        if name is not None and name in positions:
            raise UploadRefused("duplicate_column", sheet.file_name, value=label, first=positions[name] + 1,
                                second=index + 1)
        if name is None:
            if label:
                warnings.append(ImportIssue(sheet.file_name, sheet.header_line, label, "ignored_column",
                                            {"value": label}))
            continue
        positions[name], labels[name] = index, label
    missing = [c for c in REQUIRED_COLUMNS if c not in positions]
    if missing:
        raise UploadRefused("not_template", sheet.file_name, missing=", ".join(missing))
    rows = []
    for line, cells in sheet.rows:
        values = {name: (cells[i] if i < len(cells) else "") for name, i in positions.items()}
        rows.append(IncomingRow(line, values, labels))
    return rows, warnings


TEMPLATE_EXAMPLE = {
    "region_code": "18", "indicator_id": "alf_msek", "year": "2024", "status": "published",
    "unit": "MSEK", "source_id": "example_source_2025", "publisher": "Vetenskapsrådet",
    "title": "EXAMPLE", "url": "https://www.vr.se", "published": "2025",
}


TEMPLATE_HELP_LINES = 11  # import.template.help.1 … in the text catalogue


def template_csv(lang: str = "sv") -> bytes:
    """The long template as CSV bytes (UTF-8 with BOM so Excel reads å ä ö), with help and an example."""
    lang = "sv" if lang == "sv" else "en"
    separator = ";" if lang == "sv" else ","
    example = dict(TEMPLATE_EXAMPLE, value="123,4" if lang == "sv" else "123.4",
                   note=t("import.template.example", lang))
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=separator, lineterminator="\r\n")
    for number in range(1, TEMPLATE_HELP_LINES + 1):
        out.write(f"# {t(f'import.template.help.{number}', lang)}\r\n")
    writer.writerow(TEMPLATE_COLUMNS)
    row = io.StringIO(newline="")
    csv.writer(row, delimiter=separator, lineterminator="\r\n").writerow(
        [example.get(c, "") for c in TEMPLATE_COLUMNS])
    out.write("# " + row.getvalue())
    return ("\ufeff" + out.getvalue()).encode("utf-8")
