"""Check the CSV files of a data folder against ``schema`` and say exactly what is wrong.

Every problem becomes a ``DataIssue`` naming the file, the line (as a spreadsheet shows
it, header = line 1) and the column, with a message in Swedish or English.
"""

import csv
import datetime as dt
import io
from dataclasses import dataclass, field
from pathlib import Path

from regionstats import schema

MESSAGES = {
    "missing_file": ("filen saknas", "the file is missing"),
    "encoding": ("filen är inte UTF-8 ({detail})", "the file is not UTF-8 ({detail})"),
    "empty": ("filen är tom", "the file is empty"),
    "header": (
        "rubrikraden ska vara {expected}, men är {found}",
        "the header row should be {expected}, but is {found}",
    ),
    "width": (
        "raden har {found} fält, {expected} väntades",
        "the row has {found} fields, {expected} expected",
    ),
    "required": ("värde saknas", "value missing"),
    "type": (
        "”{value}” är inte {type_sv}",
        "“{value}” is not {type_en}",
    ),
    "choice": (
        "”{value}” är inte ett tillåtet värde ({choices})",
        "“{value}” is not an allowed value ({choices})",
    ),
    "duplicate_key": (
        "nyckeln {key} finns redan på rad {first_line}",
        "the key {key} already exists on line {first_line}",
    ),
    "reference": (
        "”{value}” finns inte i {target}",
        "“{value}” does not exist in {target}",
    ),
    "year_range": (
        "året {value} ligger utanför {low}–{high}",
        "the year {value} is outside {low}–{high}",
    ),
    "value_or_missing": (
        "raden har varken värde eller band, och status är inte ”missing”",
        "the row has neither a value nor a band, and its status is not “missing”",
    ),
    "band_order": (
        "bandets nedre gräns {low} är större än den övre {high}",
        "the band's lower bound {low} is above its upper bound {high}",
    ),
}

TYPE_NAMES = {
    "int": ("ett heltal", "a whole number"),
    "float": ("ett tal (punkt som decimaltecken)", "a number (point as decimal mark)"),
    "bool": ("true eller false", "true or false"),
    "date": ("ett datum ÅÅÅÅ-MM-DD", "a date YYYY-MM-DD"),
}


@dataclass(frozen=True)
class DataIssue:
    file: str
    line: int | None
    column: str | None
    code: str
    detail: dict = field(default_factory=dict, hash=False, compare=False)

    def message(self, lang: str = "sv") -> str:
        sv, en = MESSAGES[self.code]
        text = (sv if lang == "sv" else en).format(**self.detail)
        return f"{self.location(lang)}: {text}"

    def location(self, lang: str = "sv") -> str:
        parts = [self.file]
        if self.line is not None:
            parts.append(f"{'rad' if lang == 'sv' else 'line'} {self.line}")
        if self.column:
            parts.append(f"{'kolumn' if lang == 'sv' else 'column'} {self.column}")
        return ", ".join(parts)


class DataError(Exception):
    """Raised when data/ does not pass validation; carries every issue found."""

    def __init__(self, issues: list[DataIssue]):
        self.issues = issues
        super().__init__("\n".join(i.message("en") for i in issues[:20]))

    def messages(self, lang: str = "sv") -> list[str]:
        return [i.message(lang) for i in self.issues]


@dataclass
class Table:
    """A validated CSV: typed rows plus the file line each row came from."""

    spec: schema.TableSpec
    rows: list[dict]
    lines: list[int]


def parse_value(raw: str, type_name: str):
    """Convert one CSV cell to its Python type; raise ValueError if it does not fit."""
    if type_name == "str":
        return raw
    if type_name == "int":
        return int(raw)
    if type_name == "float":
        value = float(raw)
        if value != value or value in (float("inf"), float("-inf")):
            raise ValueError(raw)
        return value
    if type_name == "bool":
        if raw.lower() not in ("true", "false"):
            raise ValueError(raw)
        return raw.lower() == "true"
    if type_name == "date":
        return dt.date.fromisoformat(raw)
    raise KeyError(type_name)


def read_table(data_dir: Path, spec: schema.TableSpec) -> tuple[Table | None, list[DataIssue]]:
    """Read and type one file. Returns (table or None, issues)."""
    path = Path(data_dir) / spec.file_name
    if not path.exists():
        return None, [DataIssue(spec.file_name, None, None, "missing_file")]
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = path.read_bytes()[: exc.start].count(b"\n") + 1
        return None, [DataIssue(spec.file_name, line, None, "encoding", {"detail": exc.reason})]
    records = list(csv.reader(io.StringIO(text, newline="")))
    if not records:
        return None, [DataIssue(spec.file_name, None, None, "empty")]
    if records[0] != spec.column_names:
        detail = {"expected": ",".join(spec.column_names), "found": ",".join(records[0])}
        return None, [DataIssue(spec.file_name, 1, None, "header", detail)]
    return _type_rows(spec, records[1:])


def _type_rows(spec: schema.TableSpec, records: list[list[str]]) -> tuple[Table, list[DataIssue]]:
    issues, rows, lines = [], [], []
    for offset, record in enumerate(records):
        line = offset + 2
        if not any(cell.strip() for cell in record):
            continue
        if len(record) != len(spec.columns):
            detail = {"found": len(record), "expected": len(spec.columns)}
            issues.append(DataIssue(spec.file_name, line, None, "width", detail))
            continue
        row, row_issues = _type_row(spec, record, line)
        issues += row_issues
        # kept even when a cell is wrong, so rows that refer to it are not reported as well
        rows.append(row)
        lines.append(line)
    return Table(spec, rows, lines), issues


def _type_row(spec, record, line):
    row, issues = {}, []
    for column, raw in zip(spec.columns, record):
        raw = raw.strip()
        if raw == "":
            row[column.name] = None
            if column.required:
                issues.append(DataIssue(spec.file_name, line, column.name, "required"))
            continue
        try:
            row[column.name] = parse_value(raw, column.type)
        except ValueError:
            row[column.name] = None
            sv, en = TYPE_NAMES[column.type]
            detail = {"value": raw, "type_sv": sv, "type_en": en}
            issues.append(DataIssue(spec.file_name, line, column.name, "type", detail))
            continue
        if column.choices and raw not in column.choices:
            detail = {"value": raw, "choices": ", ".join(column.choices)}
            issues.append(DataIssue(spec.file_name, line, column.name, "choice", detail))
    return row, issues


def check_keys(table: Table) -> list[DataIssue]:
    """Each key appears once."""
    seen, issues = {}, []
    for row, line in zip(table.rows, table.lines):
        key = tuple(row[k] for k in table.spec.key)
        if key in seen:
            detail = {"key": "/".join(map(str, key)), "first_line": seen[key]}
            issues.append(DataIssue(table.spec.file_name, line, None, "duplicate_key", detail))
        else:
            seen[key] = line
    return issues


def check_references(table: Table, tables: dict[str, Table]) -> list[DataIssue]:
    """Every referenced region, indicator and source exists."""
    issues = []
    for column in table.spec.columns:
        if not column.references:
            continue
        target_table, target_column = column.references.split(".")
        if target_table not in tables:
            continue
        known = {r[target_column] for r in tables[target_table].rows}
        for row, line in zip(table.rows, table.lines):
            value = row[column.name]
            if value is not None and value not in known:
                detail = {"value": value, "target": f"{target_table}.csv"}
                issues.append(DataIssue(table.spec.file_name, line, column.name, "reference", detail))
    return issues


def check_observation_rows(table: Table) -> list[DataIssue]:
    """Plausible years, a value (or band) unless missing, bands the right way round."""
    issues, name = [], table.spec.file_name
    low_year, high_year = schema.YEAR_RANGE
    for row, line in zip(table.rows, table.lines):
        for column in ("year", "period_start", "period_end"):
            year = row[column]
            if year is not None and not low_year <= year <= high_year:
                detail = {"value": year, "low": low_year, "high": high_year}
                issues.append(DataIssue(name, line, column, "year_range", detail))
        has_band = row["value_low"] is not None and row["value_high"] is not None
        if row["value"] is None and not has_band and row["status"] != "missing":
            issues.append(DataIssue(name, line, "value", "value_or_missing"))
        if has_band and row["value_low"] > row["value_high"]:
            detail = {"low": row["value_low"], "high": row["value_high"]}
            issues.append(DataIssue(name, line, "value_low", "band_order", detail))
    return issues


def load_and_validate(data_dir: Path, imported: bool = False) -> tuple[dict[str, Table], list[DataIssue]]:
    """Read every table in load order and run every check. Returns (tables, issues).

    With ``imported``, the rows of ``data_dir/imported/`` (written only by the importer) are
    checked too and merged in: an imported row replaces the curated row with the same key.
    """
    tables, issues = {}, []
    for spec in schema.TABLES:
        table, read_issues = read_table(data_dir, spec)
        issues += read_issues
        if table is None:
            continue
        issues += check_keys(table)
        issues += check_references(table, tables)
        if "value_or_missing" in spec.checks:
            issues += check_observation_rows(table)
        tables[spec.name] = table
        if imported and spec in IMPORTED_SPECS:
            extra, extra_issues = read_imported(data_dir, spec, tables)
            issues += extra_issues
            if extra is not None:
                tables[spec.name] = merge_rows(table, extra)
    return tables, issues


def validated_tables(data_dir: Path, imported: bool = True) -> dict[str, Table]:
    """The tables of data_dir (with the imported rows merged in), or DataError listing every issue."""
    tables, issues = load_and_validate(data_dir, imported=imported)
    if issues:
        raise DataError(issues)
    return tables


# --- imported rows ------------------------------------------------------------------------------
# The importer is the only writer of data_dir/imported/{sources,observations}.csv (same columns as
# their curated twins); curation never touches them. The warehouse loader owns the final rule
# ("imported wins, conflicts listed"); this is the same rule for validation and the import report.

IMPORTED_DIR = "imported"
IMPORTED_SPECS = (schema.SOURCES, schema.OBSERVATIONS)


def imported_files(data_dir: Path) -> list[Path]:
    """The imported files of data_dir (present or not), sources before observations."""
    return [Path(data_dir) / IMPORTED_DIR / spec.file_name for spec in IMPORTED_SPECS]


def read_imported(data_dir: Path, spec: schema.TableSpec,
                  tables: dict) -> tuple[Table | None, list[DataIssue]]:
    """The imported twin of a table, checked on its own and against the tables read so far."""
    folder = Path(data_dir) / IMPORTED_DIR
    if not (folder / spec.file_name).exists():
        return None, []
    table, issues = read_table(folder, spec)
    if table is not None:
        issues += check_keys(table) + check_references(table, tables)
        if "value_or_missing" in spec.checks:
            issues += check_observation_rows(table)
    shown = f"{IMPORTED_DIR}/{spec.file_name}"
    return table, [DataIssue(shown, i.line, i.column, i.code, i.detail) for i in issues]


def merge_rows(curated: Table, imported: Table) -> Table:
    """Curated rows whose key is not imported, then the imported rows (an imported row wins)."""
    key = curated.spec.key
    taken = {tuple(r[k] for k in key) for r in imported.rows}
    kept = [(r, n) for r, n in zip(curated.rows, curated.lines) if tuple(r[k] for k in key) not in taken]
    rows = [r for r, _ in kept] + imported.rows
    lines = [n for _, n in kept] + imported.lines
    return Table(curated.spec, rows, lines)
