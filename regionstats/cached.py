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

A shared warehouse published while the process serves (``deploy/serve.py --publish``) is warmed before it is
served: the first script run that sees the new file starts one thread that makes ready, for the new file,
the views and queries this process served most recently (a view whose every query answers as before is
kept, the others built anew); until it is done every run goes on with the old file's cached answers, then
all switch at once. So a publish costs no visitor a cold page (without it,
every process rebuilt every view at the same moment: p95 5.7–9.9 s against 0.3–2.9 s before the swap).
"""

import sys
import threading
import time
from collections import OrderedDict
from contextlib import contextmanager
from importlib import import_module
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


_warming_thread = threading.local()  # in the thread warming a published warehouse: the version it warms


def data_version() -> str:
    """What the caches are keyed by (``db.data_version``; for a shared warehouse, the file this process
    serves, see ``served_version``), asked once per script run."""
    pinned = getattr(_warming_thread, "version", None)
    if pinned is not None:
        return pinned
    return once_per_run("data_version", lambda: served_version() if db.shared_database() is not None
                        else db.data_version(config.data_dir()))


RECENT_VIEWS, RECENT_QUERIES = 96, 384  # what a warm-up rebuilds for a published warehouse, most recent first
WARM_BUDGET = 30.0  # seconds a warm-up may take; then the process switches with what it has
_lock = threading.Lock()
_recent_views: OrderedDict = OrderedDict()  # (module, selection key, prepare name) -> (selection, prepare)
_recent_queries: OrderedDict = OrderedDict()  # (query name, frozen parameters) -> None
_served = {"version": None, "warming": None}  # the shared file's version served, and the one being warmed
_files: dict = {}  # shared version -> the published file it names
_view_inputs: OrderedDict = OrderedDict()  # (module, selection key, prepare name, version) -> the queries it ran


def _remember(recent: OrderedDict, key, value, bound: int) -> None:
    with _lock:
        recent[key] = value
        recent.move_to_end(key)
        while len(recent) > bound:
            recent.popitem(last=False)


def served_version() -> str:
    """The shared warehouse's version this process serves: the published file's, once its warm-up is done.

    The first run of the process serves the file it finds. A run that finds a newer file behind the link
    starts its warm-up (``_warm_then_serve``, once) and, like every run until it is done, is answered from
    the file served so far, so the caches of the old file keep answering meanwhile.
    """
    target = db.shared_database().resolve()
    version = db.shared_version(target)
    start = False
    with _lock:
        _files.setdefault(version, target)
        if _served["version"] is None or not _files[_served["version"]].exists():
            _served["version"] = version  # nothing warm to keep serving (or its file is gone): serve this one
        elif version != _served["version"] and _served["warming"] != version:
            _served["warming"], start = version, True
        served = _served["version"]
    if start:
        threading.Thread(target=_warm_then_serve, args=(version,), name="regionstats-warm", daemon=True).start()
    return served


def _warm_then_serve(version: str) -> None:
    """Make the recent views and queries ready for ``version`` (a published file), then serve it.

    A view whose every query answers the same on the new file as on the served one (a view declaring
    ``READS_BEYOND_QUERIES`` aside) is the same view: it is kept under the new version, not built again
    (most of a publish leaves most answers as they were). The others are built anew.
    """
    began = time.monotonic()
    with _lock:
        views = list(reversed(_recent_views.items()))
        asked = list(reversed(_recent_queries))
        old = _served["version"]
    data_dir, built, kept, failed, stopped = str(config.data_dir()), 0, 0, 0, False
    _warming_thread.version = version
    try:
        for (module_name, selection_key, prepare_name), (selection, prepare) in views:
            if time.monotonic() - began > WARM_BUDGET:
                stopped = True
                break
            try:
                with _lock:
                    inputs = _view_inputs.get((module_name, selection_key, prepare_name, old))
                same = (inputs is not None and not getattr(import_module(module_name), "READS_BEYOND_QUERIES", False)
                        and all(_answers_alike(name, params, old, version, data_dir) for name, params in inputs))
                if same:
                    _warming_thread.reuse = _view(module_name, selection_key, old, data_dir, prepare_name, selection,
                                                  prepare)
                _view(module_name, selection_key, version, data_dir, prepare_name, selection, prepare)
                kept, built = kept + same, built + (not same)
            except Exception:  # noqa: BLE001 - the visitor's own run shows it as it would without the warm-up
                failed += 1
            finally:
                _warming_thread.reuse = None
        for name, params in asked:
            if time.monotonic() - began > WARM_BUDGET:
                stopped = True
                break
            try:
                _run(name, version, data_dir, params)
            except Exception:  # noqa: BLE001 - as above
                failed += 1
    finally:
        _warming_thread.version = None
        with _lock:
            switched = _served["warming"] == version  # not overtaken by a later publish
            if switched:
                _served["version"], _served["warming"] = version, None
        if switched and old != version:
            release = threading.Timer(RELEASE_AFTER, _release, args=(old, views, asked, data_dir))
            release.daemon = True
            release.start()
        print(f"regionstats: warmed {len(views)} views ({kept} unchanged and kept, {built} built) and {len(asked)} "
              f"queries, {failed} failed, in {time.monotonic() - began:.1f} s"
              f"{f' (stopped at the {WARM_BUDGET:.0f} s budget)' if stopped else ''}; serving {_files[version]} "
              f"at {time.time():.3f}", file=sys.stderr, flush=True)


RELEASE_AFTER = 5.0  # seconds after a switch: then the old file's cached answers and connection are let go


def _release(old: str, views: list, asked: list, data_dir: str) -> None:
    """Forget the old file's cached views, answers and connection once the process serves the new one (so
    memory does not hold two versions). A run still under way keeps what it holds; asking anew for the old
    file (none should) would only recompute it."""
    for (module_name, selection_key, prepare_name), (selection, prepare) in views:
        _view.clear(module_name, selection_key, old, data_dir, prepare_name, selection, prepare)
        with _lock:
            _view_inputs.pop((module_name, selection_key, prepare_name, old), None)
    for name, params in asked:
        _run.clear(name, old, data_dir, params)
    _connection.clear(data_dir, old)


def _answers_alike(name: str, params: tuple, old: str, new: str, data_dir: str) -> bool:
    """The query answers the same on both versions' files (the new answer is cached on the way)."""
    try:
        return _run(name, new, data_dir, params).equals(_run(name, old, data_dir, params))
    except Exception:  # noqa: BLE001 - not comparable (e.g. list cells): not alike, the view is built anew
        return False


_fingerprint = data_version


@st.cache_resource(show_spinner=False, max_entries=4)
def _connection(data_dir: str, fingerprint: str):
    if db.shared_database() is not None:
        with _lock:
            published = _files.get(fingerprint)
        return db.connect(shared_file=published)  # the file this version names, even if the link moved on
    return db.connect(Path(data_dir))


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
    frozen = _frozen(params)
    _remember(_recent_queries, (name, frozen), None, RECENT_QUERIES)
    return _run(name, _fingerprint(), str(config.data_dir()), frozen).copy(deep=False)


@st.cache_resource(show_spinner=False, max_entries=256)
def _view(module_name: str, selection_key: str, fingerprint: str, data_dir: str, prepare_name: str,
          _selection, _prepare):
    from regionstats.views import Context

    reused = getattr(_warming_thread, "reuse", None)
    if reused is not None:  # a warm-up found every answer this view was built from unchanged
        return reused
    asked = []

    def run(name: str, **params) -> pd.DataFrame:
        asked.append((name, _frozen(params)))
        return run_query(name, **params)

    built = import_module(module_name).build(Context(run, _selection))
    _remember(_view_inputs, (module_name, selection_key, prepare_name, fingerprint), tuple(dict.fromkeys(asked)),
              2 * RECENT_VIEWS)
    return _prepare(built) if _prepare is not None else built


def view(view_module, selection, prepare=None):
    """``view_module.build(Context(run_query, selection))``, shared by every session with that selection.

    ``prepare`` (a module-level function PageView -> PageView, e.g. one that makes data text safe to
    show) runs once on the built view, inside the cache. The PageView returned is shared: render it,
    do not change it.
    """
    prepare_name = "" if prepare is None else f"{prepare.__module__}.{prepare.__qualname__}"
    key = (view_module.__name__, repr(selection), prepare_name)
    _remember(_recent_views, key, (selection, prepare), RECENT_VIEWS)
    return _view(*key[:2], _fingerprint(), str(config.data_dir()), prepare_name, selection, prepare)


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
