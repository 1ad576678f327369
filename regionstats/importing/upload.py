"""From the bytes of an uploaded file to an ``ImportReport``: read, recognise the layout, plan."""

import hashlib
from pathlib import Path, PurePath

from regionstats.importing.kolada import kolada_columns, kolada_rows
from regionstats.importing.long_template import is_long, rows_from_sheet
from regionstats.importing.problems import ImportProblem, UploadRefused
from regionstats.importing.pxweb import jsonstat_upload, pxweb_rows
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
    sources, sheet = [], None
    try:
        if PurePath(name).suffix.lower() == ".json":
            if not raw_bytes:
                raise UploadRefused("empty_file", name)
            if len(raw_bytes) > max_bytes:
                raise UploadRefused("too_big", name, size=len(raw_bytes), limit=max_bytes)
            rows, sources, warnings = jsonstat_upload(name, raw_bytes, digest)
            kind = "jsonstat"
        else:
            sheet = read_upload(name, raw_bytes, max_bytes, max_rows)
            if mapping is not None:
                rows, warnings = rows_from_wide(sheet, load_mapping(name, mapping))
                kind = "wide"
            elif not is_long(sheet.header) and (columns := kolada_columns(sheet.header)) is not None:
                rows, sources, warnings = kolada_rows(sheet, columns)
                kind = "kolada"
            elif not is_long(sheet.header) and (found := pxweb_rows(sheet)) is not None:
                rows, sources, warnings = found
                kind = "pxweb"
            else:
                rows, warnings = rows_from_sheet(sheet)
                kind = "long"
    except ImportProblem as exc:  # a refused file, or an answer that is not a total
        exc.file = exc.file or name  # SCB's checks do not know the file: the message begins with its name
        return ImportReport.refusal(Path(data_dir), name, exc.issue(), digest, lang)
    report = plan_import(data_dir, rows, file_name=name, sha256=digest, source_kind=kind,
                         sources=sources, warnings=warnings, lang=lang)
    report.details.update({"format": sheet.kind if sheet else "json", "layout": kind,
                           "encoding": sheet.encoding if sheet else "UTF-8",
                           "separator": sheet.separator if sheet else None,
                           "long_header": is_long(sheet.header) if sheet else False})
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
