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
                                            {"value": label}, "warning"))
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


TEMPLATE_HELP = {
    "sv": [
        "Mall för att lägga till data i regionstats: Data och källor → Importera, "
        "eller python -m regionstats import FIL",
        "Rader som börjar med # läses inte. En rad per region, indikator och år.",
        "region_code: regionkod (00 Riket, 01 Stockholm, 03 Uppsala, 18 Örebro …) eller regionens namn",
        "indicator_id: indikatorns id (se Data och källor) eller dess namn",
        "year: år; för folkmängd året vars 31 december avses",
        "value: värdet; decimalkomma och mellanslag mellan tusental går bra; "
        "x, .. eller – om källan saknar värdet; 351-400 för ett band",
        "status: published (om tom), provisional, conflicting eller missing",
        "unit: frivillig; kontrolleras mot indikatorns enhet (MSEK, kr, %, personer …)",
        "source_id: en befintlig källa, eller en ny som beskrivs med publisher, title, url och published",
        "Övriga kolumner (period_start, period_end, period_label, value_text, value_low, value_high, note) "
        "är frivilliga.",
        "Exemplet nedan är påhittat: ta bort # och ersätt med riktiga uppgifter.",
    ],
    "en": [
        "Template for adding data to regionstats: Data och källor → Importera, "
        "or python -m regionstats import FILE",
        "Lines starting with # are not read. One row per region, indicator and year.",
        "region_code: region code (00 Sweden, 01 Stockholm, 03 Uppsala, 18 Örebro …) or the region's name",
        "indicator_id: the indicator's id (see Data och källor) or its name",
        "year: the year; for population the year whose 31 December is meant",
        "value: the value; decimal comma and spaces between thousands are fine; "
        "x, .. or – if the source has no value; 351-400 for a band",
        "status: published (if empty), provisional, conflicting or missing",
        "unit: optional; checked against the indicator's unit (MSEK, SEK, %, persons …)",
        "source_id: an existing source, or a new one described by publisher, title, url and published",
        "The other columns (period_start, period_end, period_label, value_text, value_low, value_high, note) "
        "are optional.",
        "The example below is made up: remove the # and replace it with real figures.",
    ],
}

TEMPLATE_EXAMPLE = {
    "region_code": "18", "indicator_id": "alf_msek", "year": "2024", "status": "published",
    "unit": "MSEK", "source_id": "example_source_2025", "publisher": "Vetenskapsrådet",
    "title": "EXAMPLE", "url": "https://www.vr.se", "published": "2025",
}


def template_csv(lang: str = "sv") -> bytes:
    """The long template as CSV bytes (UTF-8 with BOM so Excel reads å ä ö), with help and an example."""
    lang = "sv" if lang == "sv" else "en"
    separator = ";" if lang == "sv" else ","
    example = dict(TEMPLATE_EXAMPLE, value="123,4" if lang == "sv" else "123.4",
                   note="EXEMPEL" if lang == "sv" else "EXAMPLE")
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=separator, lineterminator="\r\n")
    for line in TEMPLATE_HELP[lang]:
        out.write(f"# {line}\r\n")
    writer.writerow(TEMPLATE_COLUMNS)
    row = io.StringIO(newline="")
    csv.writer(row, delimiter=separator, lineterminator="\r\n").writerow(
        [example.get(c, "") for c in TEMPLATE_COLUMNS])
    out.write("# " + row.getvalue())
    return ("\ufeff" + out.getvalue()).encode("utf-8")
