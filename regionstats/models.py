"""The staging layer: views and table macros from queries/models/*.sql, created on the warehouse.

Every question reads these (``stg_observations``, ``ranked_in(...)``, ``latest_years_in(...)``)
instead of re-deriving ranks, levels or latest years. Files run in file-name order, so a model
may use any model with a smaller number prefix.
"""

from pathlib import Path

import duckdb

from regionstats import config


def model_files() -> list[Path]:
    return sorted((config.queries_dir() / "models").glob("*.sql"))


def create_models(con: duckdb.DuckDBPyConnection) -> None:
    """Create (or replace) every staging view and macro on a writable connection."""
    for path in model_files():
        con.execute(path.read_text(encoding="utf-8"))
