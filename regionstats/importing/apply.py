"""Write a confirmed import as one journaled transaction, keep the previous version, undo the last import.

The importer writes only ``data_dir/imported/sources.csv`` and ``data_dir/imported/observations.csv``
(curation owns the curated files; the warehouse loads both, an imported row winning on its key).

A transaction (an import or an undo) runs under an exclusive ``flock`` on
``.history/import.lock`` and goes through these steps, each safe to be killed in:

1. **stage**: the complete new data set is written to ``.history/staging-<id>/`` and validated
   as a whole (``validate.load_and_validate``); a kill here leaves only a staging folder;
2. **back up**: the files it replaces are copied to ``.history/<id>/``;
3. **intent**: ``.history/journal.json`` is written atomically (temp file, rename, fsync): from
   here on the transaction is decided and is completed by whoever comes next;
4. **swap**: each file is replaced with ``os.replace`` (sources before observations on import,
   the reverse on undo, so every step leaves references intact);
5. **record**: the history line is appended to ``.history/imports.jsonl``;
6. **clean up**: the journal and the staging folder are removed.

``recover`` (journal.py; run before every import, undo, report and history listing) finishes a transaction
whose journal exists (swap what is not swapped, record it if not recorded) or, if its staged
files are gone, rolls it back from the backup; it removes staging folders and backups that
no journal or history line refers to. So after any kill the data is fully old or fully new,
and every applied import is in the history and can be undone.

Untouched rows keep their exact bytes; changed rows are rewritten in place and new rows are
appended, so a diff of ``imported/`` shows only what the import did.
"""

import csv
import datetime as dt
import io
from pathlib import Path

import pandas as pd

from regionstats import db, schema, versions
from regionstats.importing.journal import (  # noqa: F401 (CRASH_ENV, JOURNAL_NAME, import_lock: re-exported)
    CRASH_ENV,
    JOURNAL_NAME,
    LOCK_WAIT,
    OBSERVATIONS,
    SOURCES,
    SWAP_ORDER,
    _lock_or_problem,
    history_dir,
    import_lock,
    new_import_id,
    read_log,
    recover,
    recover_if_idle,
    sha256_file,
    transact,
)
from regionstats.importing.problems import Both, ImportProblem, StaleReport
from regionstats.importing.report import ImportReport


# --- rewriting the CSV text -------------------------------------------------------------------


def raw_records(text: str) -> list[tuple[list[str], str]]:
    """Each CSV record with the exact text it came from (quoted line breaks included)."""
    consumed, out = [], []

    def lines():
        for line in io.StringIO(text, newline=""):
            consumed.append(line)
            yield line

    for record in csv.reader(lines()):
        out.append((record, "".join(consumed)))
        consumed.clear()
    return out


def line_ending(text: str) -> str:
    first = text.split("\n", 1)[0]
    return "\r\n" if first.endswith("\r") or not text else "\n"


def csv_line(fields: dict, columns: list[str], newline: str) -> str:
    out = io.StringIO(newline="")
    csv.writer(out, lineterminator=newline).writerow([fields.get(c, "") for c in columns])
    return out.getvalue()


def _header(columns: list[str], newline: str) -> str:
    return csv_line({c: c for c in columns}, columns, newline)


def columns_of(text: str | None, spec: schema.TableSpec) -> list[str]:
    """The columns to write: the file's own where it was written before a column was added at its end
    (validate.ADDED_LATER: read as empty), so its stored rows keep their bytes; every column for a new file."""
    header = [c.strip() for c in raw_records(text)[0][0]] if text else []
    names = spec.column_names
    return header if header and names[:len(header)] == header else names


def updated_observations(text: str | None, report: ImportReport) -> str:
    """imported/observations.csv with its changed rows rewritten in place and the others appended.

    A changed row whose stored version is curated (not yet in the imported file) is appended:
    the imported row then wins over the curated one.
    """
    columns = columns_of(text, schema.OBSERVATIONS)
    newline = line_ending(text or "")
    text = text or _header(columns, newline)
    replace = {c.key: c.new for c in report.changed}
    records = raw_records(text)
    parts = [records[0][1] if records else _header(columns, newline)]
    for fields, raw in records[1:]:
        key = _key(fields, len(columns))
        parts.append(csv_line(replace.pop(key), columns, newline) if key in replace else raw)
    appended = [c.new for c in report.changed if c.key in replace] + [c.new for c in report.added]
    return _append("".join(parts), appended, columns, newline)


def _key(fields: list[str], width: int):
    if len(fields) != width or not any(f.strip() for f in fields):
        return None
    try:
        return fields[0].strip(), fields[1].strip(), int(fields[2].strip())
    except ValueError:
        return None


def updated_sources(text: str | None, report: ImportReport) -> str:
    """imported/sources.csv with the report's new sources appended."""
    columns = columns_of(text, schema.SOURCES)
    newline = line_ending(text or "")
    return _append(text or _header(columns, newline), report.new_sources, columns, newline)


def _append(text: str, rows: list[dict], columns: list[str], newline: str) -> str:
    if rows and text and not text.endswith(("\n", "\r")):
        text += newline
    return text + "".join(csv_line(row, columns, newline) for row in rows)


# --- the transaction --------------------------------------------------------------------------


# --- applying and undoing ---------------------------------------------------------------------


def apply_import(data_dir, report: ImportReport, note: str = "", lock_wait: float = LOCK_WAIT,
                 confirmed: bool = False) -> dict:
    """Write what the report says, all or nothing; returns the history entry.

    Raises ImportProblem (nothing to apply; ``needs_confirmation`` when the report has
    warnings that must be confirmed and ``confirmed`` is false), StaleReport (the data changed
    since the report), ImportBusy (another import is running) or validate.DataError.
    """
    data_dir = Path(data_dir)
    if not report.can_apply:
        raise ImportProblem("nothing_to_apply", report.file_name,
                            detail=Both(report.summary("sv"), report.summary("en")))
    if report.confirmations and not confirmed:
        raise ImportProblem("needs_confirmation", report.file_name, count=len(report.confirmations))
    if Path(report.data_dir).resolve() != data_dir.resolve():
        raise StaleReport("stale", report.file_name)
    with _lock_or_problem(data_dir, lock_wait):
        try:
            recover(data_dir)
        except OSError as exc:
            raise ImportProblem("write_failed", report.file_name, detail=str(exc)) from None
        if db.data_fingerprint(data_dir) != report.fingerprint:
            raise StaleReport("stale", report.file_name)
        observations = updated_observations(_text(data_dir / OBSERVATIONS), report)
        new_files = {OBSERVATIONS: observations.encode("utf-8")}
        if report.new_sources:
            new_files[SOURCES] = updated_sources(_text(data_dir / SOURCES), report).encode("utf-8")
        entry = {"id": new_import_id(history_dir(data_dir)), "action": "import", "date": _now(),
                 "file": report.file_name, "sha256": report.sha256, "kind": report.source_kind,
                 "counts": report.counts(), "note": note}
        before = versions.pending(data_dir)
        try:
            entry = transact(data_dir, new_files, entry, SWAP_ORDER)
        except OSError as exc:
            raise ImportProblem("write_failed", report.file_name, detail=str(exc)) from None
        _record_version(data_dir, "import", report.file_name, before)
        return entry


def _text(path: Path) -> str | None:
    try:
        return path.read_bytes().decode("utf-8")
    except FileNotFoundError:
        return None


def _now() -> str:
    return dt.datetime.now().astimezone().isoformat(timespec="seconds")


def last_undoable(entries: list[dict]) -> dict | None:
    """The latest import that has not been undone."""
    undone = {e.get("undoes") for e in entries if e.get("action") == "undo"}
    imports = [e for e in entries if e.get("action") == "import" and e.get("id") not in undone]
    return imports[-1] if imports else None


def undo_last_import(data_dir, lock_wait: float = LOCK_WAIT, force: bool = False) -> dict:
    """Put back the files the last import replaced, byte for byte; returns the history entry.

    Refuses (ImportProblem undo_changed) when a file has changed since that import, unless force.
    """
    data_dir = Path(data_dir)
    with _lock_or_problem(data_dir, lock_wait):
        try:
            recover(data_dir)
        except OSError as exc:
            raise ImportProblem("write_failed", detail=str(exc)) from None
        target = last_undoable(read_log(data_dir))
        if target is None:
            raise ImportProblem("nothing_to_undo")
        backup = history_dir(data_dir) / target["id"]
        for name, hashes in target["files"].items():
            if not force and sha256_file(data_dir / name) != hashes["after"]:
                raise ImportProblem("undo_changed", name, import_id=target["id"])
        restored = {name: None if hashes["before"] is None else (backup / name).read_bytes()
                    for name, hashes in target["files"].items()}
        entry = {"id": new_import_id(history_dir(data_dir)), "action": "undo", "undoes": target["id"],
                 "date": _now(), "file": target.get("file", ""), "sha256": target.get("sha256", ""),
                 "counts": {}, "note": ""}
        order = tuple(n for n in SWAP_ORDER[::-1]) + tuple(n for n in restored if n not in SWAP_ORDER)
        before = versions.pending(data_dir)
        try:  # observations first: no row may cite a source that is already gone
            entry = transact(data_dir, restored, entry, order)
        except OSError as exc:
            raise ImportProblem("write_failed", target.get("file", ""), detail=str(exc)) from None
        _record_version(data_dir, "undo", target["id"], before)
        return entry


def _record_version(data_dir: Path, made_by: str, detail: str, before) -> None:
    """Add the new data to the version history (regionstats/versions.py). The data is already swapped in:
    a full disk here loses only the history entry, which the next version recorded catches up with."""
    try:
        versions.record(data_dir, made_by, detail, before)
    except OSError:
        pass


HISTORY_COLUMNS = ["id", "date", "action", "file", "added", "changed", "unchanged", "new_sources",
                   "note", "undone", "sha256"]


def import_history(data_dir) -> pd.DataFrame:
    """Every import and undo in this data folder, newest first (an interrupted one finished first)."""
    recover_if_idle(data_dir)
    entries = read_log(Path(data_dir))
    undone = {e.get("undoes") for e in entries if e.get("action") == "undo"}
    records = []
    for entry in reversed(entries):
        counts = entry.get("counts") or {}
        records.append({
            "id": entry.get("id"), "date": entry.get("date"), "action": entry.get("action"),
            "file": entry.get("file"), "added": counts.get("added"), "changed": counts.get("changed"),
            "unchanged": counts.get("unchanged"), "new_sources": counts.get("new_sources"),
            "note": entry.get("note", ""), "undone": entry.get("id") in undone, "sha256": entry.get("sha256"),
        })
    frame = pd.DataFrame(records, columns=HISTORY_COLUMNS)
    for column in ("added", "changed", "unchanged", "new_sources"):
        frame[column] = frame[column].astype("Int64")
    return frame
