"""From the bytes of an uploaded file to an ``ImportReport``: read, recognise the layout, plan."""

import hashlib
from pathlib import Path, PurePath

from regionstats.importing.long_template import is_long, rows_from_sheet
from regionstats.importing.problems import UploadRefused
from regionstats.importing.readers import MAX_BYTES, MAX_ROWS, read_upload
from regionstats.importing.report import ImportReport, load_known, plan_import
from regionstats.importing.wide import load_mapping, rows_from_wide, suggest_mapping


def plan_import_from_upload(data_dir, file_name: str, raw_bytes: bytes, lang: str = "sv",
                            mapping: dict | bytes | str | None = None, max_bytes: int = MAX_BYTES,
                            max_rows: int = MAX_ROWS) -> ImportReport:
    """The report for an uploaded CSV/XLSX; a refused file gives a report with ``refused`` set, never raises.

    Without a mapping the file must be in the long template; with one it is read as a wide
    table (indicators as rows, regions as columns).
    """
    name = PurePath(file_name or "upload").name
    digest = hashlib.sha256(raw_bytes or b"").hexdigest()
    try:
        sheet = read_upload(name, raw_bytes, max_bytes, max_rows)
        if mapping is not None:
            rows, warnings = rows_from_wide(sheet, load_mapping(name, mapping))
            kind = "wide"
        else:
            rows, warnings = rows_from_sheet(sheet)
            kind = "long"
    except UploadRefused as exc:
        return ImportReport.refusal(Path(data_dir), name, exc.issue(), digest, lang)
    report = plan_import(data_dir, rows, file_name=name, sha256=digest, source_kind=kind,
                         warnings=warnings, lang=lang)
    report.details.update({"format": sheet.kind, "encoding": sheet.encoding, "separator": sheet.separator,
                           "layout": kind, "long_header": is_long(sheet.header)})
    return report


def suggest_mapping_for_upload(data_dir, file_name: str, raw_bytes: bytes) -> dict:
    """A first guess at the mapping of a wide table, for the app's mapping step (year and source left empty).

    Raises UploadRefused for a file that cannot be read.
    """
    sheet = read_upload(PurePath(file_name or "upload").name, raw_bytes)
    known, _ = load_known(Path(data_dir))
    if known is None:
        return {"year": None, "source_id": None, "rows": {}, "columns": {}}
    return suggest_mapping(sheet, list(known.regions.values()), list(known.indicators.values()))
