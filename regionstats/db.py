"""Build the DuckDB warehouse from data/ and open a locked, read-only connection to it.

The built file is cached under ``config.cache_dir()`` with a name derived from a hash of
the CSV files, so a restart reuses it and any change to the data rebuilds it. The build is one
pass in DuckDB: ``validate.load_into`` reads and checks the files into temp tables of the new
file's connection, and the warehouse tables are made from them (no rows pass through Python).
"""

import hashlib
import logging
import os
import tempfile
from functools import lru_cache
from pathlib import Path

import duckdb
import pandas as pd

from regionstats import config, models, schema
from regionstats.validate import DataError, imported_files, load_into

LOCKED = {"enable_external_access": False, "lock_configuration": True}
HEADER_BYTES = 3 * 4096  # a DuckDB file: its main header and two database headers, then the blocks


def data_fingerprint(data_dir: Path) -> str:
    """A short hash of every data file in data_dir (names and bytes), the importer's files included.

    Asked on every query the app runs, so the hash is remembered until a file's size or
    modification time changes.
    """
    stats = tuple(_stat(path) for path in _data_files(Path(data_dir)))
    return _hash_files(str(data_dir), stats)


def _data_files(data_dir: Path) -> list[Path]:
    """The curated tables and the importer's files (imported/), which together make the data set."""
    files = [data_dir / spec.file_name for spec in schema.TABLES] + imported_files(data_dir)
    return files + [path.with_suffix(".parquet") for path in files]


def csv_to_parquet(csv_path: Path) -> Path:
    """Write a validated table's CSV as Parquet beside it (typed as in the warehouse) and return its path.

    For a data set grown past what is pleasant to edit (about 500 000 observations, 35 MB of CSV): the
    Parquet file is about a tenth of the size and loads several times faster. Remove the CSV afterwards
    (both present is an error, so there is one source of truth).
    """
    csv_path = Path(csv_path)
    spec = next(s for s in schema.TABLES if s.file_name == csv_path.name)
    con = duckdb.connect()
    folder = csv_path.parent.parent if csv_path.parent.name == "imported" else csv_path.parent
    typed, issues = load_into(con, folder)
    if issues:
        raise DataError(issues)
    target = csv_path.with_suffix(".parquet")
    con.execute(f"copy (select {', '.join(spec.column_names)} from {typed[spec.name]} order by _order) "
                f"to '{target}' (format parquet, compression zstd)")
    con.close()
    return target


def _stat(path: Path) -> tuple:
    try:
        info = path.stat()
    except FileNotFoundError:
        return (path.name, None, None, None)
    return (path.name, info.st_size, info.st_mtime_ns, info.st_ino)


@lru_cache(maxsize=32)
def _hash_files(data_dir: str, stats: tuple) -> str:
    digest = hashlib.sha256()
    for path in _data_files(Path(data_dir)):
        digest.update(str(path.relative_to(data_dir)).encode())
        if path.exists():
            with path.open("rb") as handle:
                for block in iter(lambda: handle.read(1 << 20), b""):
                    digest.update(block)
        else:
            digest.update(b"<missing>")
    return digest.hexdigest()[:16]


# Observations are stored sorted by indicator and year: most questions ask for one indicator, and
# DuckDB then skips every row group whose min/max cannot hold it.
STORAGE_ORDER = {"observations": "indicator_id, year, region_code"}
CONFLICTS = "observation_conflicts"


def create_tables(con: duckdb.DuckDBPyConnection, typed: dict[str, str]) -> None:
    """The warehouse tables from the validated temp tables of ``validate.load_into``."""
    for spec in schema.TABLES:
        columns = ", ".join(f"{c.name} {schema.SQL_TYPES[c.type]}" for c in spec.columns)
        con.execute(f"create table {spec.name} ({columns})")
        order = STORAGE_ORDER.get(spec.name, "_rank, _order")
        con.execute(f"insert into {spec.name} select {', '.join(spec.column_names)} from {typed[spec.name]} "
                    f"order by {order}")
        con.execute(f"drop table {typed[spec.name]}")
    con.execute(f"create table {CONFLICTS} as select * from _observation_conflicts")
    con.execute("drop table _observation_conflicts")


def create_models(con: duckdb.DuckDBPyConnection) -> None:
    """The staging views over the loaded tables (queries/models/*.sql, regionstats/models.py)."""
    models.create_models(con)


# The build spills to disk past this (beside the new file) instead of holding every typed row and the sorted
# insert in memory: at 3 M observations 1.18 GB peak without it, 0.69 GB with 500 MB, in the same time.
BUILD_MEMORY = "1GB"


def build_database(data_dir: Path, target: Path) -> None:
    """Validate data_dir (curated and imported files) and write the warehouse to target atomically."""
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, tmp_name = tempfile.mkstemp(dir=target.parent, suffix=".duckdb.tmp")
    os.close(handle)
    os.unlink(tmp_name)  # duckdb wants to create the file itself
    try:
        con = duckdb.connect(tmp_name)
        try:
            con.execute(f"set memory_limit = '{BUILD_MEMORY}'")
            typed, issues = load_into(con, data_dir, imported=True)
            if issues:
                raise DataError(issues)
            create_tables(con, typed)
            # the stored ranks and what exists (queries/models/32_observed.sql, 42_ranks_built.sql) need no
            # insertion order (their tables say their order where they keep one): DuckDB then holds less of a
            # ten-million-row window in memory (1 M at a 100 MB limit: 4.8 -> 3.1 s for the ranks)
            con.execute("set preserve_insertion_order = false")
            create_models(con)
        finally:
            con.close()
        os.replace(tmp_name, target)
    finally:
        for leftover in (tmp_name, tmp_name + ".wal"):
            if os.path.exists(leftover):
                os.unlink(leftover)


def prune_cache(keep: int = 4) -> None:
    """Remove all but the most recently used built warehouses (each data change leaves one behind)."""
    built = sorted(config.cache_dir().glob("warehouse-*.duckdb"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in built[keep:]:
        old.unlink(missing_ok=True)


def _mark_used(path: Path) -> None:
    """Date a reused warehouse as new, so pruning keeps the ones in use (an undo returns to an older build)."""
    try:
        os.utime(path)
    except OSError:  # a read-only cache folder: pruning then goes by build time
        pass


def database_path(data_dir: Path) -> Path:
    return config.cache_dir() / f"warehouse-{data_fingerprint(data_dir)}-{models.fingerprint()}.duckdb"


SHARED_DATABASE = "REGIONSTATS_DATABASE"


def shared_database() -> Path | None:
    """A warehouse built once and shared by several server processes (``REGIONSTATS_DATABASE``), if set.

    Build it with ``build_database(data_dir, path)``; every process then opens it read-only and
    none reads the CSVs. New data: build a file of its own and swap a symlink at this path to it
    (``deploy/serve.py --publish``); ``data_version`` follows the file's identity, so every process opens
    the new file on its next script run.
    """
    value = os.environ.get(SHARED_DATABASE)
    return Path(value) if value else None


def data_version(data_dir: Path | None = None) -> str:
    """What the caches are keyed by: the data fingerprint, or the shared warehouse file's identity."""
    shared = shared_database()
    if shared is not None:
        return shared_version(shared)
    return data_fingerprint(Path(data_dir or config.data_dir()))


def shared_version(path: Path) -> str:
    """A shared warehouse file's identity (size, modification time, inode; a symlink is followed)."""
    return "shared-" + "-".join(str(part) for part in _stat(path)[1:])


def connect(data_dir: Path | None = None, shared_file: Path | None = None) -> duckdb.DuckDBPyConnection:
    """A read-only connection that cannot reach files or the network (to ``shared_file``, a published
    warehouse, when given).

    Raises ``validate.DataError`` when data_dir does not validate.
    """
    if shared_file is not None or (data_dir is None and shared_database() is not None):
        # the file's real path: DuckDB keeps one instance per path in a process, so a warehouse renamed over
        # the old one under the same name would be served from the old instance; published under a name of
        # its own (a symlink swapped to it, deploy/serve.py --publish) it opens anew
        path = shared_file if shared_file is not None else shared_database().resolve()
        return duckdb.connect(str(path), read_only=True, config=LOCKED)
    data_dir = Path(data_dir or config.data_dir())
    return open_warehouse(data_dir, database_path(data_dir))


def open_warehouse(data_dir: Path, path: Path) -> duckdb.DuckDBPyConnection:
    """The cached warehouse at path, built if absent and rebuilt (said once, on stderr) if damaged.

    The cache is derived data: random bytes or a truncated file there ("not a valid DuckDB database
    file") must not stop every page and command until someone deletes it by hand.
    """
    if not path.exists():
        build_database(data_dir, path)
        prune_cache()
    else:
        _mark_used(path)
    try:
        con = duckdb.connect(str(path), read_only=True, config=LOCKED)
    except duckdb.Error as exc:
        return _rebuilt(data_dir, path, exc)
    try:
        block_size, blocks = con.execute("select block_size, total_blocks from pragma_database_size()").fetchone()
        if path.stat().st_size < HEADER_BYTES + block_size * blocks:  # cut short: blocks it names are gone
            raise duckdb.IOException(f"truncated: {path.stat().st_size} bytes")
        con.execute("select count(*) from observations").fetchone()
        con.execute("select count(*) from stg_observations").fetchone()
    except duckdb.Error as exc:
        con.close()
        return _rebuilt(data_dir, path, exc)
    return con


def _rebuilt(data_dir: Path, path: Path, error: Exception) -> duckdb.DuckDBPyConnection:
    logging.getLogger(__name__).warning(
        "Lagret i cachen var skadat och har byggts om / the warehouse cache was damaged and has been rebuilt: "
        "%s (%s)", path, str(error).splitlines()[0][:160])
    for damaged in (path, path.with_name(path.name + ".wal")):
        damaged.unlink(missing_ok=True)
    build_database(data_dir, path)
    return duckdb.connect(str(path), read_only=True, config=LOCKED)


def connect_in_memory(tables: dict[str, pd.DataFrame]) -> duckdb.DuckDBPyConnection:
    """An in-memory warehouse from DataFrames, for tests and previews of imports."""
    con = duckdb.connect()
    for spec in schema.TABLES:
        columns = ", ".join(f"{c.name} {schema.SQL_TYPES[c.type]}" for c in spec.columns)
        con.execute(f"create table {spec.name} ({columns})")
        frame = tables.get(spec.name, pd.DataFrame(columns=spec.column_names))
        frame = frame.reindex(columns=spec.column_names)
        con.register("incoming", frame)
        con.execute(f"insert into {spec.name} select * from incoming")
        con.unregister("incoming")
    con.execute(f"create table {CONFLICTS} as select * from ({_empty_conflicts()})")
    create_models(con)
    for option, value in LOCKED.items():
        con.execute(f"set {option} = {str(value).lower()}")
    return con


def _empty_conflicts() -> str:
    from regionstats.validate import CONFLICT_COLUMNS

    columns = [part.strip().split(" ") for part in CONFLICT_COLUMNS.split(",")]
    return "select " + ", ".join(f"null::{type_} as {name}" for name, type_ in columns) + " where false"
