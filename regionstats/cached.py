"""The one module in the package that knows Streamlit: cached connection, query results and views.

Everything here is shared by every session of the server, keyed by the data fingerprint, so a
changed data folder is picked up on the next run without a restart, and twenty people opening the
same link cost one computation:

- the connection (DuckDB allows concurrent reads through cursors);
- query results by query name and parameters. They are kept as the frames themselves
  (``cache_resource``), never pickled: a hit costs a shallow copy (pandas copy-on-write keeps the
  cached frame unchanged whatever the caller does with its copy);
- built page views by page and selection (``view``): the chart specifications and tables of a page that another
  session, or this one a moment ago, already asked for.

The data version they are keyed by is asked once per script run (``script_run``), not per query: it stats
every data file (~20), which was 15 % of a rerun's CPU when each of a page's queries asked it.
"""

import threading
from contextlib import contextmanager
from pathlib import Path

import pandas as pd
import streamlit as st

from regionstats import config, db, queries


_this_run = threading.local()  # a script run happens in one thread; a download's click runs in another


@contextmanager
def script_run():
    """Inside, ``once_per_run`` remembers its answers until the block ends (the shell wraps each script run).

    So every query of one run is keyed by the same data version, and a fresh import (or a swapped shared
    warehouse) is seen by the next run.
    """
    _this_run.answers = {}
    try:
        yield
    finally:
        _this_run.answers = None


def once_per_run(key: str, compute):
    """compute() once per script run (every call outside a run computes anew)."""
    answers = getattr(_this_run, "answers", None)
    if answers is None:
        return compute()
    if key not in answers:
        answers[key] = compute()
    return answers[key]


def data_version() -> str:
    """What the caches are keyed by (``db.data_version``), asked once per script run."""
    return once_per_run("data_version", lambda: db.data_version(config.data_dir()))


_fingerprint = data_version


@st.cache_resource(show_spinner=False, max_entries=4)
def _connection(data_dir: str, fingerprint: str):
    return db.connect(None if db.shared_database() else Path(data_dir))


def connection():
    """The locked read-only warehouse for the current data folder (DataError if it is broken)."""
    return _connection(str(config.data_dir()), _fingerprint())


@st.cache_resource(show_spinner=False, max_entries=1024)
def _run(name: str, fingerprint: str, data_dir: str, params: tuple) -> pd.DataFrame:
    return queries.run(_connection(data_dir, fingerprint), name, **{k: (list(v) if isinstance(v, tuple) else v)
                                                                      for k, v in params})


def _frozen(params: dict) -> tuple:
    return tuple(sorted((k, tuple(v) if isinstance(v, (list, tuple)) else v) for k, v in params.items()))


def run_query(name: str, **params) -> pd.DataFrame:
    """queries.run through the shared cache; lists become tuples so the key hashes."""
    return _run(name, _fingerprint(), str(config.data_dir()), _frozen(params)).copy(deep=False)


@st.cache_resource(show_spinner=False, max_entries=256)
def _view(module_name: str, selection_key: str, fingerprint: str, data_dir: str, prepare_name: str,
          _selection, _prepare):
    from importlib import import_module

    from regionstats.views import Context

    built = import_module(module_name).build(Context(run_query, _selection))
    return _prepare(built) if _prepare is not None else built


def view(view_module, selection, prepare=None):
    """``view_module.build(Context(run_query, selection))``, shared by every session with that selection.

    ``prepare`` (a module-level function PageView -> PageView, e.g. one that makes data text safe to
    show) runs once on the built view, inside the cache. The PageView returned is shared: render it,
    do not change it.
    """
    prepare_name = "" if prepare is None else f"{prepare.__module__}.{prepare.__qualname__}"
    return _view(view_module.__name__, repr(selection), _fingerprint(), str(config.data_dir()), prepare_name,
                 selection, prepare)


@st.cache_resource(show_spinner=False, max_entries=16)
def _derived(name: str, fingerprint: str, data_dir: str, _compute):
    return _compute()


def per_data_version(name: str, compute):
    """compute() once per data version and server process, for a value derived from the data that every
    rerun needs (e.g. the sidebar's list of years: 130 ms of Python at 16 000 indicators). Do not change it."""
    return _derived(name, data_version(), str(config.data_dir()), compute)


def clear() -> None:
    """Forget every cached result and view (the connection stays)."""
    _run.clear()
    _view.clear()
    _derived.clear()
