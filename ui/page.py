"""What every page file does: take the shared selection, add its own controls, build and render."""

from dataclasses import dataclass
from typing import Callable

import streamlit as st

from regionstats import cached
from regionstats.i18n import t
from regionstats.views import Context
from ui import page_actions, present, render, shell
from ui.state import SELECTION


@dataclass(frozen=True)
class Anchored:
    """A control drawn just above the first chart whose key starts with ``anchor``."""

    anchor: str
    control: Callable[[Context], dict]


def context() -> Context:
    return Context(cached.run_query, st.session_state[SELECTION])


def show(view_module, *controls) -> None:
    """Build the page's view with the selection (plus its controls' choices) and render it."""
    if not shell.is_running():
        # Streamlit ran this page without the shell: its legacy pages/ mode, used when a deep
        # link is a fresh server's first request. Leave that mode before any widget exists.
        shell.leave_legacy_pages_mode()
        return
    ctx = context()
    render.header(t(view_module.TITLE, ctx.lang), t(view_module.INTRO, ctx.lang))
    if not ctx.selection.regions:
        st.warning(t("no_regions", ctx.lang))
        return
    # containers made now, in page order, so anchored controls can sit between charts drawn later
    top = st.container()
    segments = [("", st.container())]
    boxes = []
    for control in controls:
        if isinstance(control, Anchored):
            segments.append((control.anchor, st.container()))
            boxes.append(segments[-1][1])
        else:
            boxes.append(top)
    changes = {}
    for control, box in zip(controls, boxes):
        with box:
            changes.update(getattr(control, "control", control)(ctx.with_selection(**changes)))
    if changes:
        ctx = ctx.with_selection(**changes)
        st.session_state[SELECTION] = ctx.selection
    # shared by every session with this selection; data text in its charts made text and the figures drawn
    # once, inside the cache
    view = cached.view(view_module, ctx.selection, prepare=render.page_view)
    if ctx.selection.present:
        present.show(view, ctx.lang, page_actions.SLUG_OF.get(view_module), ctx.region_name(ctx.selection.home))
    else:
        render.body(view, ctx.lang, segments)
    # deck (PPTX) and PDF downloads in the sidebar, made after the page: its first chart goes out first
    page_actions.sidebar(view_module, ctx)
