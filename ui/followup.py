"""The sidebar's yearly follow-up: a strategy's goals as a Word tjänsteskrivelse, made only when clicked."""

from functools import partial

import streamlit as st

from regionstats import cached, config, db, queries
from regionstats.export import followup
from regionstats.i18n import t
from regionstats.views import Context


def sidebar(ctx: Context) -> None:
    """A strategy to choose and the download button (``st.download_button`` runs the callable on the click)."""
    lang = ctx.lang
    owners = followup.strategies(cached.run_query)
    if not owners:
        return
    run = partial(queries.run, cached.connection())
    with st.sidebar.popover(t("followup_button", lang), icon=":material/description:", width="stretch"):
        slug = st.selectbox(t("followup_choose", lang), options=list(owners), key="followup_strategy",
                            format_func=owners.get)

        def document() -> bytes:  # on the click: the data version stat-ed then, not on every rerun
            return followup.build_document(run, slug, lang, data_version=db.data_fingerprint(config.data_dir()))

        st.download_button(t("followup_button", lang), data=document, file_name=f"uppfoljning-{slug}.docx",
                           mime=followup.MIME, key="followup_download", on_click="ignore",
                           help=t("followup_help", lang), icon=":material/download:", width="stretch")
