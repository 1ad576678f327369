"""Check the CSV files of a data folder against ``schema`` and say exactly what is wrong.

Every problem becomes a ``DataIssue`` naming the file, the line (as a spreadsheet shows
it, header = line 1) and the column, with a message in Swedish or English.

DuckDB does the work: each file is read by DuckDB's CSV reader as text (one row per record,
with its line), and every rule (required, type, allowed value, key, reference, year range,
value-or-missing, band order) is one SQL query that returns the offending rows. The typed
tables it leaves behind are what the warehouse is built from, so ``check`` and the build are
one pass (``load_into``). A file DuckDB cannot read as regular CSV (not UTF-8, a row of the
wrong width, blank lines that shift the line numbers) is read by Python's csv module instead,
so its messages stay exact; the same SQL rules then run on it.
"""

import csv
import itertools
import io
import mmap
import os
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pyarrow as pa

from regionstats import schema
from regionstats.i18n import both, t, where

@dataclass(frozen=True)
class DataIssue:
    file: str
    line: int | None
    column: str | None
    code: str
    detail: dict = field(default_factory=dict, hash=False, compare=False)

    def message(self, lang: str = "sv") -> str:
        """'file, rad 4, kolumn year: message' (the text is data.error.<code> in the catalogue)."""
        return f"{self.location(lang)}: {t('data.error.' + self.code, lang, **self.detail)}"

    def location(self, lang: str = "sv") -> str:
        return where(self.file, self.line, self.column, lang)


class DataError(Exception):
    """Raised when data/ does not pass validation; carries every issue found."""

    def __init__(self, issues: list[DataIssue]):
        self.issues = issues
        super().__init__("\n".join(i.message("en") for i in issues[:20]))

    def messages(self, lang: str = "sv") -> list[str]:
        return [i.message(lang) for i in self.issues]


# The importer is the only writer of data_dir/imported/{sources,observations}.csv (same columns as
# their curated twins). Loaded together with the curated files, an imported row wins over the
# curated row with the same key; the observation pairs are kept in ``observation_conflicts``.
IMPORTED_DIR = "imported"
IMPORTED_SPECS = (schema.SOURCES, schema.OBSERVATIONS)
ISSUE_LIMIT = 10_000  # per rule and column: enough to fix a file by, bounded at a million rows
# what Python's str.strip() removes: the old reader stripped every cell with it
TRIM = (" \t\n\x0b\x0c\r\x1c\x1d\x1e\x1f\x85\xa0\u1680" + "".join(map(chr, range(0x2000, 0x200B)))
        + "\u2028\u2029\u202f\u205f\u3000")


def imported_files(data_dir: Path) -> list[Path]:
    """The imported files of data_dir (present or not), sources before observations."""
    return [Path(data_dir) / IMPORTED_DIR / spec.file_name for spec in IMPORTED_SPECS]


def typed_name(spec: schema.TableSpec, part: str = "") -> str:
    """The validation table of a spec (part: '' for the merged table, 'curated' or 'imported')."""
    return f"_typed_{spec.name}" + (f"_{part}" if part else "")


class Rows:
    """A typed table's rows as dicts, fetched from DuckDB only when they are looked at."""

    def __init__(self, con: duckdb.DuckDBPyConnection, table: str, columns: list[str]):
        self._con, self._table, self._columns, self._rows = con, table, columns, None

    def _fetch(self) -> list[dict]:
        if self._rows is None:
            names = ", ".join(self._columns)
            records = self._con.execute(f"select {names} from {self._table} order by _order").fetchall()
            self._rows = [dict(zip(self._columns, r)) for r in records]
        return self._rows

    def __len__(self) -> int:
        if self._rows is not None:
            return len(self._rows)
        return self._con.execute(f"select count(*) from {self._table}").fetchone()[0]

    def __iter__(self):
        return iter(self._fetch())

    def __getitem__(self, index):
        return self._fetch()[index]

    def __eq__(self, other):
        return list(self) == list(other)


@dataclass
class Table:
    """A validated table: typed rows (read from DuckDB on demand) and the file line of each row."""

    spec: schema.TableSpec
    con: duckdb.DuckDBPyConnection
    name: str

    @property
    def rows(self) -> Rows:
        return Rows(self.con, self.name, self.spec.column_names)

    @property
    def lines(self) -> list[int]:
        return [r[0] for r in self.con.execute(f"select _line from {self.name} order by _order").fetchall()]

    def __len__(self) -> int:
        return len(self.rows)

    def frame(self):
        """The rows as a pandas DataFrame."""
        columns = ", ".join(self.spec.column_names)
        return self.con.execute(f"select {columns} from {self.name} order by _order").df()


# --- reading a file into a text table ---------------------------------------------------------------

def _blank_line_inside(path: Path) -> bool:
    """True when an empty line comes before the last record (DuckDB skips it, csv counts it)."""
    if path.stat().st_size == 0:
        return False
    with path.open("rb") as handle, mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as data:
        return re.search(rb"\n\r?\n\s*\S", data) is not None


def _header(path: Path) -> list[str] | None:
    """The first record of the file (None when the file has none)."""
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return next(csv.reader(handle), None)


def table_path(folder: Path, spec: schema.TableSpec) -> Path:
    """The file holding a table: ``<name>.csv``, or ``<name>.parquet`` for a large data set.

    CSV stays the editable source of the small curated tables; a table of hundreds of thousands of rows
    can be kept as Parquet (same columns, about a tenth of the size, read several times faster).
    """
    csv_path = Path(folder) / spec.file_name
    parquet = csv_path.with_suffix(".parquet")
    return parquet if parquet.exists() and not csv_path.exists() else csv_path


def read_raw(con, path: Path, spec: schema.TableSpec, shown: str, raw: str) -> list[DataIssue] | None:
    """Read one file into the text table ``raw`` (_line + one VARCHAR per column, trimmed, '' = null).

    Returns the file-level issues; None means the file could not be read at all (then there is no table).
    """
    if path.suffix == ".csv" and path.with_suffix(".parquet").exists():
        return [DataIssue(shown, None, None, "two_files", {"name": spec.name})]
    if path.suffix == ".parquet":
        return _read_raw_parquet(con, path, spec, shown, raw)
    if not path.exists():
        return None if shown.startswith(IMPORTED_DIR) else [DataIssue(shown, None, None, "missing_file")]
    trimmed = ", ".join(f"nullif(trim({c}, '{TRIM}'), '') as {c}" for c in spec.column_names)
    try:
        header = _header(path)
        if header is None:
            return [DataIssue(shown, None, None, "empty")]
        if not _header_fits(header, spec):
            detail = {"expected": ",".join(spec.column_names), "found": ",".join(header)}
            return [DataIssue(shown, 1, None, "header", detail)]
        if _blank_line_inside(path):
            raise ValueError("blank line")
        # fast; the rest below; a column added later that the file lacks is read as empty
        spaces = ", ".join(f"nullif(trim({c}), '') as {c}" if c in header else f"null::varchar as {c}"
                           for c in spec.column_names)
        columns = "{" + ", ".join(f"'{c}': 'VARCHAR'" for c in header) + "}"
        # a table made from a scan keeps the file's order, so rowid + 2 is the line (header = 1)
        con.execute(
            f"create or replace temp table _read as select {spaces} "
            f"from read_csv(?, header = true, auto_detect = false, columns = {columns}, delim = ',', "
            f"quote = '\"', escape = '\"', strict_mode = true, null_padding = false, all_varchar = true)",
            [str(path)],
        )
    except (duckdb.Error, UnicodeDecodeError, ValueError):
        return _read_raw_with_python(con, path, spec, shown, raw, trimmed)
    # the rare cell that starts or ends with a tab, a no-break space, ...: one scan finds them all
    untrimmed = {c: f"(strpos('{TRIM}', {c}[1]) > 0 or strpos('{TRIM}', {c}[-1]) > 0)"
                 for c in spec.column_names}
    sets = ", ".join(f"{c} = case when {test} then nullif(trim({c}, '{TRIM}'), '') else {c} end"
                     for c, test in untrimmed.items())
    con.execute(f"update _read set {sets} where {' or '.join(untrimmed.values())}")
    con.execute(f"alter table _read rename to {raw}_text")
    blank = " and ".join(f"{c} is null" for c in spec.column_names)
    con.execute(f"create or replace temp view {raw} as "
                f"select (rowid + 2)::integer as _line, * from {raw}_text where not ({blank})")
    return []


# Columns added to a table after files were written without them (at its end): a file that lacks them is read
# with them empty, so data imported before stays readable (curation writes them for the curated files).
ADDED_LATER = ("note_en", "language")


def _header_fits(header: list[str], spec: schema.TableSpec) -> bool:
    """The table's columns, or the same without the trailing ones added later."""
    names = spec.column_names
    if header == names:
        return True
    missing = names[len(header):]
    return names[:len(header)] == header and bool(missing) and all(c in ADDED_LATER for c in missing)


def _read_raw_parquet(con, path: Path, spec: schema.TableSpec, shown: str, raw: str) -> list[DataIssue]:
    """A Parquet table, cast to text so that the same rules run on it; its rows are numbered from 1."""
    try:
        found = [r[0] for r in con.execute("describe select * from read_parquet(?)", [str(path)]).fetchall()]
        if found != spec.column_names:
            detail = {"expected": ",".join(spec.column_names), "found": ",".join(found)}
            return [DataIssue(shown, None, None, "header", detail)]
        text = ", ".join(f"nullif(trim(cast({c} as VARCHAR), '{TRIM}'), '') as {c}"
                         for c in spec.column_names)
        # a view, not a table: each rule reads the one or two columns it needs from the (compressed) file,
        # where a text copy of every cell held 1.5 GB at ten million rows
        con.execute(f"create or replace temp view {raw}_text as select (file_row_number + 1)::integer as _line, "
                    f"{text} from read_parquet({_quote(str(path))}, file_row_number = true)")
        con.execute(f"select count(*) from {raw}_text").fetchone()  # an unreadable file fails here, not later
    except duckdb.Error as error:
        return [DataIssue(shown, None, None, "encoding", {"detail": str(error).splitlines()[0][:200]})]
    con.execute(f"create or replace temp view {raw} as select * from {raw}_text")
    return []


def _read_raw_with_python(con, path, spec, shown, raw, trimmed) -> list[DataIssue] | None:
    """The exact reader for files DuckDB rejects: encoding, width and header problems by line."""
    data = path.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        return [DataIssue(shown, line, None, "encoding", {"detail": exc.reason})]
    records = list(csv.reader(io.StringIO(text, newline="")))
    if not records:
        return [DataIssue(shown, None, None, "empty")]
    if not _header_fits(records[0], spec):
        detail = {"expected": ",".join(spec.column_names), "found": ",".join(records[0])}
        return [DataIssue(shown, 1, None, "header", detail)]
    width, later = len(records[0]), len(spec.columns) - len(records[0])
    issues, kept = [], []
    for offset, record in enumerate(records[1:]):
        line = offset + 2
        if not any(cell.strip() for cell in record):
            continue
        if len(record) != width:
            detail = {"found": len(record), "expected": width}
            issues.append(DataIssue(shown, line, None, "width", detail))
            continue
        kept.append([line, *record, *[""] * later])
    # handed to DuckDB as one Arrow table: an insert per row took 19 s for the 21 000 bundled observations
    names = ["_line", *spec.column_names]
    cells = list(zip(*kept)) if kept else [() for _ in names]
    incoming = pa.table({name: pa.array(column, type=pa.int32() if name == "_line" else pa.string())
                         for name, column in zip(names, cells)})
    con.register("_incoming", incoming)
    try:
        con.execute(f"create or replace temp table {raw} as select _line, {trimmed} from _incoming")
    finally:
        con.unregister("_incoming")
    return issues


# --- the rules, as SQL ------------------------------------------------------------------------------

def _cast(column: schema.Column) -> str:
    """SQL turning the trimmed text of a column into its type, null when it does not fit."""
    c = column.name
    if column.type == "int":
        return f"case when regexp_full_match({c}, '[+-]?[0-9]+') then try_cast({c} as INTEGER) end"
    if column.type == "float":  # as Python's float(), without nan and infinity
        return f"case when isfinite(try_cast({c} as DOUBLE)) then try_cast({c} as DOUBLE) end"
    if column.type == "bool":
        return f"case lower({c}) when 'true' then true when 'false' then false end"
    if column.type == "date":
        return (f"case when regexp_full_match({c}, '[0-9]{{4}}-[0-9]{{2}}-[0-9]{{2}}') "
                f"then try_cast({c} as DATE) end")
    return c


def _quote(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def cell_issues(con, spec: schema.TableSpec, raw: str, shown: str) -> list[DataIssue]:
    """Required cells, types and allowed values, ordered by line and column.

    One scan says which rules any row breaks; only those rules' rows are then fetched (a valid table,
    the usual case, costs one query instead of one or two per column)."""
    rules = list(_cell_rules(spec))
    if not rules:
        return []
    flags = ", ".join(f"bool_or({predicate})" for _, _, _, predicate in rules)
    broken = con.execute(f"select {flags} from {raw}").fetchone()
    found = []
    for (index, column, code, predicate), any_row in zip(rules, broken):
        if not any_row:
            continue
        c = column.name
        query = f"select _line, {c} from {raw} where {predicate} order by _line limit {ISSUE_LIMIT}"
        for line, value in con.execute(query).fetchall():
            found.append((line, index, DataIssue(shown, line, c, code, _cell_detail(column, code, value))))
    return [issue for _, _, issue in sorted(found, key=lambda f: (f[0], f[1]))]


def _cell_rules(spec: schema.TableSpec):
    """(column index, column, issue code, SQL true for a row that breaks the rule), in column order."""
    for index, column in enumerate(spec.columns):
        c = column.name
        if column.required:
            yield index, column, "required", f"{c} is null"
        if column.type != "str":
            yield index, column, "type", f"{c} is not null and ({_cast(column)}) is null"
        elif column.choices:
            allowed = ", ".join(_quote(v) for v in column.choices)
            yield index, column, "choice", f"{c} is not null and {c} not in ({allowed})"


def _cell_detail(column: schema.Column, code: str, value) -> dict:
    if code == "type":
        return {"value": value, "type": both(f"data.type.{column.type}")}
    if code == "choice":
        return {"value": value, "choices": ", ".join(column.choices)}
    return {}


def type_table(con, spec: schema.TableSpec, raw: str, typed: str, rank: int) -> None:
    """The typed rows of a text table (a cell that does not fit becomes null, already reported)."""
    casts = ", ".join(f"({_cast(c)})::{schema.SQL_TYPES[c.type]} as {c.name}" for c in spec.columns)
    con.execute(f"create or replace temp table {typed} as "
                f"select _line, {rank} as _rank, _line as _order, {casts} from {raw}")
    _drop_raw(con, raw)


def _drop_raw(con, raw: str) -> None:
    if _exists(con, f"{raw}_text"):
        con.execute(f"drop view {raw}")
        con.execute(f"drop {'view' if _is_view(con, raw + '_text') else 'table'} {raw}_text")
    else:
        con.execute(f"drop table {raw}")


def key_issues(con, spec: schema.TableSpec, typed: str, shown: str) -> list[DataIssue]:
    """Each key appears once in the file."""
    key = ", ".join(spec.key)
    if not con.execute(f"select 1 from {typed} group by {key} having count(*) > 1 limit 1").fetchall():
        return []
    query = (f"select _line, first_line, {key} from ("
             f"select _line, {key}, first_value(_line) over w as first_line, row_number() over w as n "
             f"from {typed} window w as (partition by {key} order by _line)) where n > 1 "
             f"order by _line limit {ISSUE_LIMIT}")
    issues = []
    for line, first_line, *values in con.execute(query).fetchall():
        detail = {"key": "/".join(map(str, values)), "first_line": first_line}
        issues.append(DataIssue(shown, line, None, "duplicate_key", detail))
    return issues


def reference_issues(con, spec: schema.TableSpec, typed: str, shown: str, known: dict) -> list[DataIssue]:
    """Every referenced region, indicator and source exists (in the tables read before this one)."""
    issues = []
    for column in spec.columns:
        if not column.references:
            continue
        target_table, target_column = column.references.split(".")
        if target_table not in known:
            continue
        query = (f"select _line, {column.name} from {typed} as t where {column.name} is not null "
                 f"and not exists (select 1 from {known[target_table]} as k "
                 f"where k.{target_column} = t.{column.name}) order by _line limit {ISSUE_LIMIT}")
        for line, value in con.execute(query).fetchall():
            detail = {"value": value, "target": f"{target_table}.csv"}
            issues.append(DataIssue(shown, line, column.name, "reference", detail))
    return issues


def observation_issues(con, typed: str, shown: str) -> list[DataIssue]:
    """Plausible years, a value (or band) unless missing, bands the right way round."""
    low_year, high_year = schema.YEAR_RANGE
    found = []
    for index, column in enumerate(("year", "period_start", "period_end")):
        query = (f"select _line, {column} from {typed} where {column} not between {low_year} and {high_year} "
                 f"order by _line limit {ISSUE_LIMIT}")
        for line, year in con.execute(query).fetchall():
            detail = {"value": year, "low": low_year, "high": high_year}
            found.append((line, index, DataIssue(shown, line, column, "year_range", detail)))
    has_band = "(value_low is not null and value_high is not null)"
    query = (f"select _line from {typed} where value is null and not {has_band} "
             f"and status is distinct from 'missing' order by _line limit {ISSUE_LIMIT}")
    for (line,) in con.execute(query).fetchall():
        found.append((line, 3, DataIssue(shown, line, "value", "value_or_missing")))
    query = (f"select _line, value_low, value_high from {typed} where {has_band} and value_low > value_high "
             f"order by _line limit {ISSUE_LIMIT}")
    for line, low, high in con.execute(query).fetchall():
        found.append((line, 4, DataIssue(shown, line, "value_low", "band_order", {"low": low, "high": high})))
    return [issue for _, _, issue in sorted(found, key=lambda f: (f[0], f[1]))]


# --- the whole folder -------------------------------------------------------------------------------

def _load_file(con, spec, path: Path, shown: str, typed: str, rank: int,
               known: dict) -> list[DataIssue] | None:
    """Read, type and check one file; None when there is no table (missing or unreadable)."""
    raw = f"_raw_{spec.name}_{rank}"
    issues = read_raw(con, path, spec, shown, raw)
    if issues is None:
        return None
    if not (_exists(con, raw) or _exists(con, f"{raw}_text")):
        return issues  # the file-level problem left nothing to read
    issues += cell_issues(con, spec, raw, shown)
    type_table(con, spec, raw, typed, rank)
    issues += key_issues(con, spec, typed, shown)
    issues += reference_issues(con, spec, typed, shown, known)
    if "value_or_missing" in spec.checks:
        issues += observation_issues(con, typed, shown)
    return issues


def load_into(con: duckdb.DuckDBPyConnection, data_dir: Path, imported: bool = False) -> tuple[dict, list]:
    """Read every table of data_dir into temp tables of ``con`` and run every rule.

    Returns ({table name: typed temp table}, issues). With ``imported``, the files under
    data_dir/imported/ are read too and merged in (an imported row wins over the curated row with
    the same key); the observation pairs that differ go to the temp table ``_observation_conflicts``.
    """
    data_dir = Path(data_dir)
    con.execute("set enable_progress_bar = false")
    known, issues = {}, []
    for spec in schema.TABLES:
        curated = typed_name(spec, "curated")
        path = table_path(data_dir, spec)
        issues += _load_file(con, spec, path, path.name, curated, 0, known) or []
        if not _exists(con, curated):
            continue
        parts = [curated]
        if imported and spec in IMPORTED_SPECS:
            extra = typed_name(spec, "imported")
            path = table_path(data_dir / IMPORTED_DIR, spec)
            found = _load_file(con, spec, path, f"{IMPORTED_DIR}/{path.name}", extra, 1, known)
            issues += found or []
            if found is not None and _exists(con, extra):
                parts.append(extra)
        known[spec.name] = _merge(con, spec, parts)
    _record_conflicts(con, imported and schema.OBSERVATIONS.name in known)
    return known, issues


def _exists(con, name: str) -> bool:
    """A table of that name, or a Parquet file's text view (``_read_raw_parquet``)."""
    found = con.execute("select count(*) from duckdb_tables() where table_name = ?", [name]).fetchone()
    return bool(found[0]) or (name.endswith("_text") and _is_view(con, name))


def _is_view(con, name: str) -> bool:
    return bool(con.execute("select count(*) from duckdb_views() where view_name = ?", [name]).fetchone()[0])


def _merge(con, spec: schema.TableSpec, parts: list[str]) -> str:
    """One typed table per spec: the curated rows, minus the keys an imported row replaces."""
    merged = typed_name(spec)
    if len(parts) == 1:
        con.execute(f"alter table {parts[0]} rename to {merged}")
        return merged
    curated, extra = parts
    on = " and ".join(f"c.{k} is not distinct from i.{k}" for k in spec.key)
    con.execute(f"create or replace temp table {merged} as "
                f"select * from {curated} as c where not exists (select 1 from {extra} as i where {on}) "
                f"union all select * from {extra} order by _rank, _order")
    if spec is schema.OBSERVATIONS:
        columns = ", ".join(f"c.{k}" for k in spec.key)
        con.execute(
            f"create or replace temp table _observation_conflicts as select {columns}, "
            "c.value as curated_value, c.value_text as curated_value_text, c.status as curated_status, "
            "c.source_id as curated_source_id, i.value as imported_value, "
            "i.value_text as imported_value_text, "
            "i.status as imported_status, i.source_id as imported_source_id "
            f"from {curated} as c join {extra} as i on {on} "
            "where c.value is distinct from i.value or c.value_text is distinct from i.value_text "
            "or c.status is distinct from i.status or c.source_id is distinct from i.source_id "
            "order by c.region_code, c.indicator_id, c.year")
    con.execute(f"drop table {curated}")
    con.execute(f"drop table {extra}")
    return merged


CONFLICT_COLUMNS = ("region_code VARCHAR, indicator_id VARCHAR, year INTEGER, curated_value DOUBLE, "
                    "curated_value_text VARCHAR, curated_status VARCHAR, curated_source_id VARCHAR, "
                    "imported_value DOUBLE, imported_value_text VARCHAR, imported_status VARCHAR, "
                    "imported_source_id VARCHAR")


def _record_conflicts(con, merged: bool) -> None:
    if not (merged and _exists(con, "_observation_conflicts")):
        con.execute(f"create or replace temp table _observation_conflicts ({CONFLICT_COLUMNS})")


def _check_config() -> dict:
    """The check's in-memory DuckDB spills past 1 GB (to a folder of its own that DuckDB makes and removes)
    instead of holding every typed row: 2.4 GB at ten million observations without it."""
    spill = Path(tempfile.gettempdir()) / f"regionstats-check-{os.getpid()}-{next(_CHECKS)}"
    return {"memory_limit": "1GB", "temp_directory": str(spill)}


_CHECKS = itertools.count()


def load_and_validate(data_dir: Path, imported: bool = False) -> tuple[dict[str, Table], list[DataIssue]]:
    """Read every table in load order and run every check. Returns (tables, issues).

    With ``imported``, the rows of ``data_dir/imported/`` (written only by the importer) are
    checked too and merged in: an imported row replaces the curated row with the same key.
    """
    con = duckdb.connect(config=_check_config())
    known, issues = load_into(con, data_dir, imported)
    by_name = {spec.name: spec for spec in schema.TABLES}
    return {name: Table(by_name[name], con, table) for name, table in known.items()}, issues


def validated_tables(data_dir: Path, imported: bool = True) -> dict[str, Table]:
    """The tables of data_dir (with the imported rows merged in), or DataError listing every issue."""
    tables, issues = load_and_validate(data_dir, imported=imported)
    if issues:
        raise DataError(issues)
    return tables
