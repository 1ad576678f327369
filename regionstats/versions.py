"""The history of data versions and a snapshot of each, for "what changed since the last meeting?".

A **version** is the data fingerprint (``db.data_fingerprint``: every curated and imported file), the date it
was recorded and what made it: ``curation`` (the curated files as found: after ``tools/curate_reference.py``
or a hand edit, recorded by ``python -m regionstats snapshot`` or before the first import), ``import`` or
``undo`` (recorded by the importer's apply step, ``importing/apply.py``).

Kept in ``<data dir>/.versions/`` (beside the data, never in git):

- ``versions.json``: the list of versions, oldest first, rewritten whole through a temporary file, fsync
  and rename, so a crash leaves the old list or the new one, never half of one;
- ``<fingerprint>.parquet``: the snapshot of that version, written (atomically, before the list names it) from
  ``queries/version_snapshot.sql``: every observation with its value, source and status and the rank,
  top-five verdict and ladder place the one ranking rule gave it then. About 60 kB for today's 3 000
  observations; a version the data returns to (an undo) shares its file.

One writer: this module, called with the import lock held (``importing.apply.import_lock``), so two
writers never interleave. Readers (the page, the command line) never write: the current data, recorded or
not, is snapshotted on the fly. ``changes`` compares two snapshots in SQL (``queries/changes.sql``).
"""

import datetime as dt
import json
import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from regionstats import db, queries

FOLDER = ".versions"
LIST_NAME = "versions.json"
MADE_BY = ("curation", "import", "undo")
DATE_PATTERN = re.compile(r"^\d{4}-\d{2}-\d{2}$")
VERSION_PATTERN = re.compile(r"^[0-9a-f]{4,16}$")


@dataclass(frozen=True)
class Version:
    version: str  # the data fingerprint
    date: str  # ISO 8601 with the offset, to the second
    made_by: str  # curation, import or undo
    detail: str = ""  # the imported file, the import an undo undid

    @property
    def day(self) -> str:
        return self.date[:10]


class VersionError(ValueError):
    """A --since or ?since= that names no recorded version: ``code`` and ``detail`` for the message."""

    def __init__(self, code: str, **detail):
        self.code, self.detail = code, detail
        super().__init__(f"{code}: {detail}")


def folder(data_dir: Path) -> Path:
    return Path(data_dir) / FOLDER


def history(data_dir: Path) -> list[Version]:
    """The recorded versions, oldest first (none recorded: an empty list)."""
    try:
        raw = json.loads((folder(data_dir) / LIST_NAME).read_text(encoding="utf-8"))
    except (FileNotFoundError, ValueError):
        return []
    fields = Version.__dataclass_fields__
    return [Version(**{k: str(v) for k, v in item.items() if k in fields}) for item in raw if isinstance(item, dict)]


# --- snapshots --------------------------------------------------------------------------------


def snapshot_of(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """The snapshot of the data a warehouse connection holds (queries/version_snapshot.sql)."""
    return queries.run(con, "version_snapshot")


def current_snapshot(data_dir: Path) -> pd.DataFrame:
    con = db.connect(Path(data_dir))
    try:
        return snapshot_of(con)
    finally:
        con.close()


def snapshot_path(data_dir: Path, version: str) -> Path:
    return folder(data_dir) / f"{version}.parquet"


def read_snapshot(data_dir: Path, version: str) -> pd.DataFrame:
    """A recorded version's snapshot; VersionError ``snapshot_missing`` when its file is gone."""
    try:
        return pq.read_table(snapshot_path(data_dir, version)).to_pandas()
    except (FileNotFoundError, pa.ArrowInvalid):
        raise VersionError("snapshot_missing", version=version) from None


def value_count(data_dir: Path, version: str) -> int | None:
    """How many values (not 'missing' rows) a recorded version holds; None when its snapshot is gone."""
    try:
        table = pq.read_table(snapshot_path(data_dir, version), columns=["has_value"])
    except (FileNotFoundError, pa.ArrowInvalid):
        return None
    return int(table.column(0).to_pandas().sum())


# --- writing (with the import lock held) ------------------------------------------------------


def _fsync_write(path: Path, data: bytes) -> None:
    temporary = path.with_name(path.name + ".tmp")
    with open(temporary, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temporary, path)
    directory = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(directory)
    finally:
        os.close(directory)


def _write_snapshot(data_dir: Path, version: str, snapshot: pd.DataFrame) -> None:
    target = snapshot_path(data_dir, version)
    if target.exists():
        return  # content-addressed: the same fingerprint is the same data
    sink = pa.BufferOutputStream()
    pq.write_table(pa.Table.from_pandas(snapshot, preserve_index=False), sink, compression="zstd")
    _fsync_write(target, sink.getvalue().to_pybytes())


def pending(data_dir: Path) -> tuple[str, pd.DataFrame, str] | None:
    """The current data's fingerprint, snapshot and date when it is not the latest recorded version, else None.

    The importer asks this before it swaps files in, so the version it replaces is kept too, dated by its
    newest file (when that data came to be, not when it was first recorded).
    """
    fingerprint = db.data_fingerprint(Path(data_dir))
    recorded = history(data_dir)
    if recorded and recorded[-1].version == fingerprint:
        return None
    return fingerprint, current_snapshot(data_dir), _files_date(Path(data_dir))


def _files_date(data_dir: Path) -> str:
    stamps = [path.stat().st_mtime for path in db._data_files(data_dir) if path.exists()]
    if not stamps:
        return _now()
    return dt.datetime.fromtimestamp(max(stamps)).astimezone().isoformat(timespec="seconds")


def record(data_dir: Path, made_by: str, detail: str = "", before: tuple | None = None) -> Version:
    """Record the current data as a version (``before``: the ``pending`` state it replaced, recorded first
    as ``curation``). Call with the import lock held. Returns the version recorded (or the latest, unchanged)."""
    if made_by not in MADE_BY:
        raise ValueError(made_by)
    data_dir = Path(data_dir)
    folder(data_dir).mkdir(exist_ok=True)
    entries = history(data_dir)
    if before is not None and (not entries or entries[-1].version != before[0]):
        _write_snapshot(data_dir, before[0], before[1])
        entries.append(Version(before[0], before[2], "curation", ""))
    fingerprint = db.data_fingerprint(data_dir)
    if entries and entries[-1].version == fingerprint and made_by == "curation":
        _save(data_dir, entries)
        return entries[-1]
    _write_snapshot(data_dir, fingerprint, current_snapshot(data_dir))
    entries.append(Version(fingerprint, _now(), made_by, detail))
    _save(data_dir, entries)
    return entries[-1]


def _save(data_dir: Path, entries: list[Version]) -> None:
    payload = [vars(entry) for entry in entries]
    _fsync_write(folder(data_dir) / LIST_NAME, json.dumps(payload, ensure_ascii=False, indent=1).encode("utf-8"))


def _now() -> str:
    return dt.datetime.now().astimezone().isoformat(timespec="seconds")


def record_curation(data_dir: Path) -> Version:
    """``python -m regionstats snapshot``: record the curated data as found, under the import lock."""
    from regionstats.importing.apply import import_lock  # the importer imports this module

    with import_lock(Path(data_dir)):
        return record(data_dir, "curation")


# --- choosing and comparing -------------------------------------------------------------------


def resolve(entries: list[Version], since: str | None, current: str) -> Version:
    """The version to compare the current data with.

    ``since`` a date (YYYY-MM-DD): the version in force that day (the last recorded on or before it);
    a version (its fingerprint or a prefix of at least four characters): that one; None: the latest
    version whose data differs from the current data (the one before the last change).
    Raises VersionError when nothing fits.
    """
    if not entries:
        raise VersionError("no_versions")
    if since is None:
        older = [e for e in entries if e.version != current]
        if not older:
            raise VersionError("no_earlier", version=current)
        return older[-1]
    since = since.strip()
    if DATE_PATTERN.match(since):
        on_or_before = [e for e in entries if e.day <= since]
        if not on_or_before:
            raise VersionError("before_first", date=since, first=entries[0].day)
        return on_or_before[-1]
    if VERSION_PATTERN.match(since):
        matching = [e for e in entries if e.version.startswith(since)]
        if matching:
            return matching[-1]
    raise VersionError("unknown_version", since=since)


def over_snapshots(query: str, before: pd.DataFrame, after: pd.DataFrame, **params) -> pd.DataFrame:
    """queries/<query>.sql over two snapshots (tables before_version and after_version), in a connection of
    their own that cannot reach files."""
    con = duckdb.connect()
    try:
        for name, frame in (("before_version", before), ("after_version", after)):
            con.register("incoming", frame)
            con.execute(f"create table {name} as select * from incoming")
            con.unregister("incoming")
        for option, value in db.LOCKED.items():
            con.execute(f"set {option} = {str(value).lower()}")
        return queries.run(con, query, **params)
    finally:
        con.close()


def changes(before: pd.DataFrame, after: pd.DataFrame, home: str, focus: list[str] | None = None) -> pd.DataFrame:
    """What changed (queries/changes.sql), the home region first."""
    return over_snapshots("changes", before, after, home=home, focus=list(focus or []))


def figures(before: pd.DataFrame, after: pd.DataFrame, region: str) -> pd.DataFrame:
    """One region's latest figures in both versions side by side (queries/version_figures.sql)."""
    return over_snapshots("version_figures", before, after, region=region)


@dataclass
class Comparison:
    since: Version
    current: str  # the current data's fingerprint
    current_recorded: Version | None  # its entry in the history, if recorded
    rows: pd.DataFrame
    before: pd.DataFrame  # the two snapshots compared
    after: pd.DataFrame


def compare(data_dir: Path, since: str | None, home: str, focus: list[str] | None = None,
            after: Callable[[], pd.DataFrame] | None = None) -> Comparison:
    """The changes from a recorded version (see ``resolve``) to the current data. ``after``: gives the current
    snapshot, asked only once a version is found (the page asks it through its cached query runner)."""
    data_dir = Path(data_dir)
    entries = history(data_dir)
    current = db.data_fingerprint(data_dir)
    chosen = resolve(entries, since, current)
    after = current_snapshot(data_dir) if after is None else after()
    before = read_snapshot(data_dir, chosen.version)
    recorded = next((e for e in reversed(entries) if e.version == current), None)
    return Comparison(chosen, current, recorded, changes(before, after, home, focus), before, after)
