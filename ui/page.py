"""What every page file does: take the shared selection, add its own controls, build and render."""

import streamlit as st

from regionstats import cached
from regionstats.i18n import t
from regionstats.views import Context
from ui import render
from ui import shell
from ui.shell import SELECTION


def context() -> Context:
    return Context(cached.run_query, st.session_state[SELECTION])


def show(view_module, *controls) -> None:
    """Build the page's view with the selection (plus its controls' choices) and render it."""
    if SELECTION not in st.session_state:
        # A deep link was the server's first request, so Streamlit ran this page without the
        # shell (its legacy pages/ mode). Run the shell, which renders this same page.
        shell.run()
        return
    ctx = context()
    render.header(t(view_module.TITLE, ctx.lang), t(view_module.INTRO, ctx.lang))
    if not ctx.selection.regions:
        st.warning(t("no_regions", ctx.lang))
        return
    changes = {}
    for control in controls:
        changes.update(control(ctx))
    if changes:
        ctx = Context(cached.run_query, ctx.selection.replace(**changes))
        st.session_state[SELECTION] = ctx.selection
    render.body(view_module.build(ctx), ctx.lang)
