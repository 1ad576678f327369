"""Build the DuckDB warehouse from data/ and open a locked, read-only connection to it.

The built file is cached under ``config.cache_dir()`` with a name derived from a hash of
the CSV files, so a restart reuses it and any change to the data rebuilds it.
"""

import hashlib
import os
import tempfile
from functools import lru_cache
from pathlib import Path

import duckdb
import pandas as pd

from regionstats import config, models, schema
from regionstats.validate import Table, validated_tables

LOCKED = {"enable_external_access": False, "lock_configuration": True}


def data_fingerprint(data_dir: Path) -> str:
    """A short hash of every table file in data_dir (names and bytes).

    Asked on every query the app runs, so the hash is remembered until a file's size or
    modification time changes.
    """
    stats = tuple(_stat(Path(data_dir) / spec.file_name) for spec in schema.TABLES)
    return _hash_files(str(data_dir), stats)


def _stat(path: Path) -> tuple:
    try:
        info = path.stat()
    except FileNotFoundError:
        return (path.name, None, None, None)
    return (path.name, info.st_size, info.st_mtime_ns, info.st_ino)


@lru_cache(maxsize=32)
def _hash_files(data_dir: str, stats: tuple) -> str:
    digest = hashlib.sha256()
    for spec in schema.TABLES:
        path = Path(data_dir) / spec.file_name
        digest.update(spec.file_name.encode())
        digest.update(path.read_bytes() if path.exists() else b"<missing>")
    return digest.hexdigest()[:16]


def create_tables(con: duckdb.DuckDBPyConnection, tables: dict[str, Table]) -> None:
    """Create one typed DuckDB table per validated CSV table."""
    for spec in schema.TABLES:
        columns = ", ".join(f"{c.name} {schema.SQL_TYPES[c.type]}" for c in spec.columns)
        key = ", ".join(spec.key)
        con.execute(f"create table {spec.name} ({columns}, primary key ({key}))")
        frame = pd.DataFrame(tables[spec.name].rows, columns=spec.column_names)
        con.register("incoming", frame)
        con.execute(f"insert into {spec.name} select * from incoming")
        con.unregister("incoming")


def build_database(data_dir: Path, target: Path) -> None:
    """Validate data_dir and write the warehouse to target atomically."""
    tables = validated_tables(data_dir)
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, tmp_name = tempfile.mkstemp(dir=target.parent, suffix=".duckdb.tmp")
    os.close(handle)
    os.unlink(tmp_name)  # duckdb wants to create the file itself
    try:
        con = duckdb.connect(tmp_name)
        create_tables(con, tables)
        models.create_models(con)
        con.close()
        os.replace(tmp_name, target)
    finally:
        if os.path.exists(tmp_name):
            os.unlink(tmp_name)


def prune_cache(keep: int = 4) -> None:
    """Remove all but the newest built warehouses (each data change leaves one behind)."""
    built = sorted(config.cache_dir().glob("warehouse-*.duckdb"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in built[keep:]:
        old.unlink(missing_ok=True)


def database_path(data_dir: Path) -> Path:
    return config.cache_dir() / f"warehouse-{data_fingerprint(data_dir)}-{models.fingerprint()}.duckdb"


def connect(data_dir: Path | None = None) -> duckdb.DuckDBPyConnection:
    """A read-only connection that cannot reach files or the network.

    Raises ``validate.DataError`` when data_dir does not validate.
    """
    data_dir = Path(data_dir or config.data_dir())
    path = database_path(data_dir)
    if not path.exists():
        build_database(data_dir, path)
        prune_cache()
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
    models.create_models(con)
    for option, value in LOCKED.items():
        con.execute(f"set {option} = {str(value).lower()}")
    return con
