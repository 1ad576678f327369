"""No exception reaches a visitor: ``friendly_errors`` turns one into a short message in the visitor's
language and logs the traceback on the server; ``guarded`` puts a widget callback behind the same guard.

Tests and developers set ``REGIONSTATS_RAISE_ERRORS=1`` to let exceptions through to Streamlit (AppTest's
``at.exception``, the browser's exception element) instead. The bottom of ui/: it imports no other ui module,
so the shell, the sidebar state and presentation mode can all use it.
"""

import functools
import logging
import os
from contextlib import contextmanager

import streamlit as st

from regionstats.i18n import offered, t

RAISE_ERRORS = "REGIONSTATS_RAISE_ERRORS"
SELECTION = "selection"  # session key of the Selection the current page is rendered with (its controls included)
_log = logging.getLogger("regionstats.app")


def current_lang() -> str:
    """The visitor's language as far as this run got: the selection, else the link, else Swedish."""
    selection = st.session_state.get(SELECTION)
    if selection is not None:
        return selection.lang
    return offered(st.query_params.get("lang"))


@contextmanager
def friendly_errors():
    """An unexpected exception becomes a message in the visitor's language; the traceback goes to the log."""
    try:
        yield
    except Exception:  # st.stop/st.rerun are BaseExceptions and pass
        if os.environ.get(RAISE_ERRORS) == "1":
            raise
        _log.exception("a page failed (url parameters: %s)", dict(st.query_params))
        st.error(t("page_failed", current_lang()), icon="⚠️")


def guarded(callback):
    """A widget callback behind the app's friendly error guard. Streamlit runs callbacks before the
    script, outside the guard the shell puts around a run, and would show its own English message."""

    @functools.wraps(callback)
    def run(*args, **kwargs):
        with friendly_errors():
            return callback(*args, **kwargs)

    return run
