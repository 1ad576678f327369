"""The staging layer: views and table macros from queries/models/*.sql, created on the warehouse.

Every question reads these (``stg_observations``, ``ranked_in(...)``, ``latest_years_in(...)``)
instead of re-deriving ranks, levels or latest years. Files run in file-name order, so a model
may use any model with a smaller number prefix.
"""

import hashlib
from functools import lru_cache
from pathlib import Path

import duckdb

from regionstats import config


def model_files() -> list[Path]:
    return sorted((config.queries_dir() / "models").glob("*.sql"))


def fingerprint() -> str:
    """A short hash of the model files: a built warehouse holds the views, so a changed model needs a new build."""
    return _hash(tuple((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in model_files()))


@lru_cache(maxsize=8)
def _hash(stats: tuple) -> str:
    digest = hashlib.sha256()
    for path, *_ in stats:
        digest.update(Path(path).name.encode() + Path(path).read_bytes())
    return digest.hexdigest()[:8]


# Tables the models read when the data has them (the international lists and their sourced sizes, see
# regionstats/schema.py); absent, an empty table of the columns the models use stands in.
OPTIONAL_SOURCES = {
    "ladders": "indicator_id VARCHAR, scope VARCHAR",
    "ladder_editions": "indicator_id VARCHAR, edition INTEGER, list_size INTEGER",
}


def create_models(con: duckdb.DuckDBPyConnection) -> None:
    """Create (or replace) every staging view and macro on a writable connection."""
    present = {name for (name,) in con.execute("select table_name from duckdb_tables()").fetchall()}
    for name, columns in OPTIONAL_SOURCES.items():
        if name not in present:
            con.execute(f"create table {name} ({columns})")
    for path in model_files():
        con.execute(path.read_text(encoding="utf-8"))
