"""Adding data without a developer: spreadsheets and SCB's API in, a report first, nothing lost.

Plain functions for the app's page Data och källor → Importera (no Streamlit here)::

    from regionstats import config, importing

    data_dir = config.data_dir()

    # 1. Offer the template.
    st.download_button(..., data=importing.template_csv(lang), file_name="regionstats-mall.csv")

    # 2. An upload becomes a report. Never raises for a bad file: a refused file (binary,
    #    zip bomb, macros, too big …) gives report.refused; bad rows give report.rejected.
    report = importing.plan_import_from_upload(data_dir, upload.name, upload.getvalue(), lang)
    #    A file that is not in the long template is refused with code "not_template"
    #    (report.refused[0].code): it may be a wide table (regions as columns), which needs a
    #    mapping (dict or JSON, see wide.py); a first guess to edit, year and source left empty:
    mapping = importing.suggest_mapping_for_upload(data_dir, name, raw)
    report = importing.plan_import_from_upload(data_dir, name, raw, lang, mapping=mapping)
    st.write(report.summary(lang)); st.text(report.text(lang)); st.dataframe(report.frame(lang))

    # 3. Only when report.can_apply and the user confirms: write all or nothing (only
    #    data_dir/imported/*.csv is written). Warnings in report.confirmations (a year after
    #    next year, a value that does not fit its series: plausibility.py and
    #    queries/models/90_import_plausibility.sql) need confirmed=True as well.
    #    Raises ImportProblem (ImportBusy: another import is running, try again;
    #    StaleReport: the data changed since the report, make a new one) or
    #    validate.DataError; show exc.message(lang) / exc.messages(lang).
    entry = importing.apply_import(data_dir, report, note="ALF 2024 från VR", confirmed=ticked)

    # 4. History and undo.
    importing.import_history(data_dir)        # DataFrame, newest first
    importing.undo_last_import(data_dir)      # raises ImportProblem if nothing to undo

    # SCB population (network; raises ScbError with message(lang) when SCB fails):
    report = importing.plan_scb_population(data_dir, 2014, 2024, regions=["01", "18"], lang=lang)

Signatures:

- ``template_csv(lang="sv") -> bytes``
- ``plan_import_from_upload(data_dir, file_name, raw_bytes, lang="sv", mapping=None) -> ImportReport``
- ``suggest_mapping_for_upload(data_dir, file_name, raw_bytes) -> dict``
- ``apply_import(data_dir, report, note="", lock_wait=3.0, confirmed=False) -> dict`` (the history entry)
- ``undo_last_import(data_dir, lock_wait=3.0, force=False) -> dict``
- ``import_history(data_dir) -> pandas.DataFrame``
- ``plan_scb_population(data_dir, first_year, last_year, regions=None, client=None, lang="sv",
  table_id=None, contents=None) -> ImportReport`` (table chosen by year from SCB's metadata)

``ImportReport``: ``ok``, ``can_apply``, ``counts()``, ``summary(lang)``, ``text(lang)``,
``frame(lang)``, ``problem_messages(lang)``, ``confirmation_messages(lang)``, and the lists
``added``, ``changed``, ``unchanged``, ``rejected``, ``warnings``, ``confirmations``, ``refused``,
``new_sources``. Uploads may be CSV, XLSX, a saved JSON-stat2 answer (``.json``), a PxWeb table or
Kolada's long extract (kolada.py). The transaction machinery (lock, journal, recovery) is journal.py.

After an import or undo the data files differ, so their fingerprint does too: ``db.connect``
builds a new warehouse and ``cached.py`` (keyed by the fingerprint) picks it up on the next run.
"""

from regionstats.importing.apply import apply_import, import_history, import_lock, undo_last_import
from regionstats.importing.long_template import template_csv
from regionstats.importing.problems import (
    ImportBusy,
    ImportIssue,
    ImportProblem,
    ScbError,
    StaleReport,
    UploadRefused,
)
from regionstats.importing.readers import MAX_BYTES, MAX_ROWS, read_upload
from regionstats.importing.report import ImportReport, plan_import
from regionstats.importing.scb import ScbClient, plan_scb_population
from regionstats.importing.upload import plan_import_from_upload, suggest_mapping_for_upload

__all__ = [
    "MAX_BYTES", "MAX_ROWS", "ImportBusy", "ImportIssue", "ImportProblem", "ImportReport", "ScbClient",
    "ScbError", "StaleReport", "UploadRefused", "apply_import", "import_history", "import_lock",
    "plan_import", "plan_import_from_upload", "plan_scb_population", "read_upload",
    "suggest_mapping_for_upload", "template_csv", "undo_last_import",
]
