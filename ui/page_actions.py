"""The sidebar's page actions: the slide deck of chosen pages (PPTX) and this page as PDF.

Both files are made only when their button is clicked (``st.download_button`` runs the callable).
"""

from functools import partial

import streamlit as st

from regionstats import cached, config, db, queries
from regionstats.export import images, slides
from regionstats.i18n import t
from regionstats.views import Context
from regionstats.views.registry import BY_SLUG, PAGES, SLUG_OF
from ui import followup


def _own_url() -> str:
    """This server as seen from itself (the PDF is printed from the app's own pages)."""
    address = st.get_option("server.address") or "127.0.0.1"
    if address in ("0.0.0.0", "::", "localhost"):
        address = "127.0.0.1"
    base = (st.get_option("server.baseUrlPath") or "").strip("/")
    return f"http://{address}:{st.get_option('server.port')}" + (f"/{base}" if base else "")


def sidebar(view_module, ctx: Context) -> None:
    """In the sidebar: the slide deck of chosen pages (PPTX) and this page as PDF, made on click."""
    slug = SLUG_OF.get(view_module)
    if slug is None:
        return
    lang, selection = ctx.lang, ctx.selection
    run = partial(queries.run, cached.connection())
    with st.sidebar.popover(t("deck_popover", lang), icon=":material/slideshow:", width="stretch"):
        chosen = st.multiselect(t("deck_choose_pages", lang), options=list(PAGES), default=[slug],
                                key=f"deck_pages_{slug}",
                                format_func=lambda s: t(BY_SLUG[s].title_key, lang))
        shared = slides.default_page_selection(selection)

        def deck() -> bytes:  # on the click: the data version stat-ed then, not on every rerun
            version = db.data_fingerprint(config.data_dir())
            return slides.build_deck(run, shared, chosen or [slug], data_version=version,
                                     page_selections={slug: selection.replace(present=False, slide=0)})

        st.download_button(t("deck_button", lang), data=deck, file_name=f"regionstats-{slug}.pptx",
                           mime=slides.MIME, key="deck_download", on_click="ignore",
                           help=t("deck_help", lang),
                           icon=":material/download:", width="stretch", type="primary")
    followup.sidebar(ctx)  # the yearly follow-up (DOCX), beside the deck
    if not cached.once_per_run("chromium", images.available):
        st.sidebar.caption(images.ChromiumMissing.message(lang))
        return
    url = _own_url()

    def page_pdf() -> bytes:
        from regionstats.export import pdf
        from regionstats.views.registry import build_page

        expected = len(build_page(slug, run, selection).charts)
        return pdf.page_pdf(slug, selection, base_url=url, expected_charts=expected)

    st.sidebar.download_button(t("pdf_button", lang), data=page_pdf, file_name=f"regionstats-{slug}.pdf",
                               mime="application/pdf", key="pdf_download", on_click="ignore",
                               help=t("pdf_help", lang), icon=":material/picture_as_pdf:", width="stretch")
