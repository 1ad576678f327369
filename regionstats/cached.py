"""The one module in the package that knows Streamlit: cached connection and query results.

The connection is shared by every session (DuckDB allows concurrent reads through cursors);
query results are cached by name and parameters. Both are keyed by the data fingerprint, so a
changed data folder is picked up on the next run without restarting the server.
"""

from pathlib import Path

import pandas as pd
import streamlit as st

from regionstats import config, db, queries


def _fingerprint() -> str:
    return db.data_fingerprint(config.data_dir())


@st.cache_resource(show_spinner=False, max_entries=4)
def _connection(data_dir: str, fingerprint: str):
    return db.connect(Path(data_dir))


def connection():
    """The locked read-only warehouse for the current data folder (DataError if it is broken)."""
    return _connection(str(config.data_dir()), _fingerprint())


@st.cache_data(show_spinner=False, max_entries=512)
def _run(name: str, fingerprint: str, data_dir: str, params: tuple) -> pd.DataFrame:
    return queries.run(_connection(data_dir, fingerprint), name, **{k: (list(v) if isinstance(v, tuple) else v)
                                                                      for k, v in params})


def run_query(name: str, **params) -> pd.DataFrame:
    """queries.run through the cache; lists become tuples so the key hashes."""
    frozen = tuple(sorted((k, tuple(v) if isinstance(v, list) else v) for k, v in params.items()))
    return _run(name, _fingerprint(), str(config.data_dir()), frozen).copy()
