"""Data och källor → Importera: upload or fetch, read the report, confirm, undo."""

import datetime as dt
import hashlib
import json

import streamlit as st

from regionstats import config, importing
from regionstats.i18n import t
from ui.render import plain

REPORT = "_import_report"


def section(lang: str) -> None:
    st.header(t("import_title", lang))
    st.caption(t("import_intro", lang))
    data_dir = config.data_dir()
    st.download_button(t("import_template", lang), data=importing.template_csv(lang),
                       file_name=t("import_template_file", lang),
                       mime="text/csv", key="import_template")
    upload = st.file_uploader(t("import_upload", lang), type=["csv", "xlsx", "txt", "tsv", "json"],
                              key="import_upload")
    if upload is not None:
        plan_upload(data_dir, upload, lang)
    elif st.session_state.pop("_import_digest", None) is not None:
        st.session_state.pop(REPORT, None)  # the file was removed: its report goes with it
    scb_fetch(data_dir, lang)
    report = st.session_state.get(REPORT)
    if report is not None:
        show_report(report, lang)
        confirm(data_dir, report, lang)
    history(data_dir, lang)


def plan_upload(data_dir, upload, lang: str) -> None:
    """Make a report for a new upload (once per file content and language).

    A report found stale at confirmation is forgotten (see ``confirm``), and removing the file
    forgets it too, so uploading the same file again always makes a fresh report. The data's
    state is deliberately not part of the key: a click on "confirm" must never apply a report
    the user has not seen.
    """
    raw = upload.getvalue()
    mapping = chosen_mapping()
    key = (hashlib.sha256(raw).hexdigest(), lang, hashlib.sha256(mapping).hexdigest() if mapping else None)
    if st.session_state.get("_import_digest") != key:
        st.session_state["_import_digest"] = key
        st.session_state[REPORT] = importing.plan_import_from_upload(data_dir, upload.name, raw, lang,
                                                                     mapping=mapping)
    report = st.session_state[REPORT]
    not_template = any(issue.code == "not_template" for issue in report.refused)
    if not upload.name.lower().endswith(".json") and (mapping is not None or not_template):
        mapping_step(data_dir, upload.name, raw, lang)


def chosen_mapping() -> bytes | None:
    """The mapping the user asked for on the last run (the ticked box): the file, else the text."""
    if not st.session_state.get("import_use_mapping"):
        return None
    file = st.session_state.get("import_mapping_file")
    return file.getvalue() if file is not None else st.session_state.get("import_mapping_text", "").encode("utf-8")


def mapping_step(data_dir, name: str, raw: bytes, lang: str) -> None:
    """A wide table (regions as columns, indicators as rows) is read with a mapping, as on the command line.

    Offered when the file is not in the long template. The mapping is a JSON file or the text below,
    first filled with a guess from the labels (year and source to be filled in); it is used once the
    box is ticked (``chosen_mapping`` reads it on the next run).
    """
    with st.expander(t("import_mapping_title", lang), expanded=True):
        st.caption(t("import_mapping_help", lang))
        st.caption(t("import_mapping_long_help", lang))
        st.file_uploader(t("import_mapping_file", lang), type=["json"], key="import_mapping_file")
        digest = hashlib.sha256(raw).hexdigest()
        if st.session_state.get("_import_mapping_for") != digest:
            st.session_state["_import_mapping_for"] = digest
            st.session_state["import_mapping_text"] = suggested_mapping(data_dir, name, raw)
        st.text_area(t("import_mapping_text", lang), key="import_mapping_text", height=220)
        st.checkbox(t("import_mapping_use", lang), key="import_use_mapping")


def suggested_mapping(data_dir, name: str, raw: bytes) -> str:
    """The first guess as JSON text (empty when the file cannot be read: its report says why)."""
    try:
        guess = importing.suggest_mapping_for_upload(data_dir, name, raw)
    except importing.ImportProblem:
        return ""
    return json.dumps(guess, ensure_ascii=False, indent=2)


def scb_fetch(data_dir, lang: str) -> None:
    with st.expander(t("scb_title", lang)):
        years = list(range(2000, dt.date.today().year + 1))
        first, last = st.select_slider(t("scb_years", lang), options=years, value=(2014, 2024), key="scb_years")
        if st.button(t("scb_fetch", lang), key="scb_fetch"):
            try:
                st.session_state[REPORT] = importing.plan_scb_population(data_dir, first, last, lang=lang)
            except importing.ScbError as error:
                st.error(plain(error.message(lang)))


def show_report(report, lang: str) -> None:
    summary = report.summary(lang)
    (st.success if report.can_apply else st.error if not report.ok else st.info)(plain(summary))
    for message in report.problem_messages(lang)[:50]:
        st.markdown(f"- {plain(message)}")  # messages quote the file's cells, escaped as text
    frame = report.frame(lang)
    if not frame.empty:
        st.dataframe(frame, hide_index=True, width="stretch")
    with st.expander(t("import_report", lang)):
        st.text(report.text(lang))


def confirm(data_dir, report, lang: str) -> None:
    if not report.can_apply:
        if report.ok:
            st.info(t("import_nothing", lang))
        return
    confirmed = False
    if report.confirmations:
        st.warning(t("import_must_confirm", lang))
        st.text("\n".join(report.confirmation_messages(lang)))
        confirmed = st.checkbox(t("import_confirm_warnings", lang), key="import_confirm_warnings")
    note = st.text_input(t("import_note", lang), key="import_note")
    if st.button(t("import_confirm", lang), type="primary", key="import_confirm",
                 disabled=bool(report.confirmations) and not confirmed):
        try:
            entry = importing.apply_import(data_dir, report, note=note, confirmed=confirmed)
        except importing.StaleReport as error:
            st.session_state.pop(REPORT, None)  # the next run makes a fresh report of the same file
            st.session_state.pop("_import_digest", None)
            st.error(plain(error.message(lang)))
            return
        except importing.ImportProblem as error:
            st.error(plain(error.message(lang)))
            return
        except Exception as error:  # a DataError carries one message per issue
            messages = getattr(error, "messages", None)
            st.error(plain("\n".join(messages(lang)) if messages else str(error)))
            return
        st.session_state.pop(REPORT, None)
        counts = entry.get("counts", {})
        st.session_state.pop("_import_digest", None)
        st.success(t("import_done", lang, added=counts.get("added", 0), changed=counts.get("changed", 0)))


def history(data_dir, lang: str) -> None:
    st.subheader(t("import_history", lang))
    log = importing.import_history(data_dir)
    if log.empty:
        st.caption(t("import_no_history", lang))
        return
    st.dataframe(log, hide_index=True, width="stretch")
    sure = st.checkbox(t("import_undo_confirm", lang), key="import_undo_sure")
    if st.button(t("import_undo", lang), disabled=not sure, key="import_undo"):
        try:
            importing.undo_last_import(data_dir)
        except importing.ImportProblem as error:
            st.error(plain(error.message(lang)))
            return
        st.success(t("import_undone", lang))
