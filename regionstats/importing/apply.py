"""Write a confirmed import all or nothing, keep the previous version, and undo the last import.

The new data set is built in a staging folder under ``data_dir/.history/`` (same file system,
so the swap is a rename), validated as a whole with ``validate.load_and_validate``, and only
then swapped in with ``os.replace`` per file: sources before observations, so every step
leaves references intact. The files it replaces are kept under ``.history/<import id>/`` and
every import and undo is a line in ``.history/imports.jsonl``; the CSV set (``schema.TABLES``)
itself never gains a file. Untouched rows keep their exact bytes; changed rows are rewritten
in place and new rows are appended, so a diff shows only what the import did.

An exclusive ``flock`` on ``.history/import.lock`` keeps two imports (or an import and an undo)
from interleaving; whoever cannot get it within a few seconds is told to try again.
"""

import csv
import datetime as dt
import fcntl
import hashlib
import io
import json
import os
import shutil
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

import pandas as pd

from regionstats import db, schema
from regionstats.importing.problems import Both, ImportBusy, ImportProblem, StaleReport
from regionstats.importing.report import ImportReport
from regionstats.validate import DataError, load_and_validate

HISTORY = ".history"
LOG_NAME = "imports.jsonl"
LOCK_NAME = "import.lock"
LOCK_WAIT = 3.0
OBSERVATIONS = schema.OBSERVATIONS.file_name
SOURCES = schema.SOURCES.file_name
SWAP_ORDER = (SOURCES, OBSERVATIONS)  # a new source exists before any row cites it


def history_dir(data_dir: Path) -> Path:
    return Path(data_dir) / HISTORY


@contextmanager
def import_lock(data_dir: Path, wait: float = LOCK_WAIT):
    """Hold the data folder's import lock; ImportBusy if another holder keeps it past ``wait`` seconds."""
    history = history_dir(data_dir)
    history.mkdir(exist_ok=True)
    handle = os.open(history / LOCK_NAME, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        deadline = time.monotonic() + wait
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise ImportBusy("busy") from None
                time.sleep(0.05)
        yield
    finally:
        os.close(handle)  # closing releases the lock


@contextmanager
def _lock_or_problem(data_dir: Path, wait: float):
    """import_lock, with a folder that cannot be written to reported as an ImportProblem."""
    try:
        lock = import_lock(data_dir, wait)
        lock.__enter__()
    except OSError as exc:
        raise ImportProblem("write_failed", detail=str(exc)) from None
    try:
        yield
    finally:
        lock.__exit__(None, None, None)


def sha256_file(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def new_import_id(history: Path) -> str:
    """A sortable, unique id: the UTC time to the microsecond."""
    while True:
        stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S_%fZ")
        if not (history / stamp).exists():
            return stamp
        time.sleep(0.001)


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
    return "\r\n" if first.endswith("\r") else "\n"


def csv_line(fields: dict, columns: list[str], newline: str) -> str:
    out = io.StringIO(newline="")
    csv.writer(out, lineterminator=newline).writerow([fields.get(c, "") for c in columns])
    return out.getvalue()


def updated_observations(text: str, report: ImportReport) -> str:
    """observations.csv with changed rows rewritten in place and new rows appended."""
    columns, newline = schema.OBSERVATIONS.column_names, line_ending(text)
    replace = {c.key: c.new for c in report.changed}
    records = raw_records(text)
    header = records[0][1] if records else csv_line({c: c for c in columns}, columns, newline)
    parts = [header]
    for fields, raw in records[1:]:
        key = _key(fields, len(columns))
        parts.append(csv_line(replace.pop(key), columns, newline) if key in replace else raw)
    if replace:  # a row the report meant to change is gone: the report is out of date
        raise StaleReport("stale", report.file_name)
    return _append("".join(parts), [c.new for c in report.added], columns, newline)


def _key(fields: list[str], width: int):
    if len(fields) != width or not any(f.strip() for f in fields):
        return None
    try:
        return fields[0].strip(), fields[1].strip(), int(fields[2].strip())
    except ValueError:
        return None


def updated_sources(text: str, report: ImportReport) -> str:
    """sources.csv with the report's new sources appended."""
    return _append(text, report.new_sources, schema.SOURCES.column_names, line_ending(text))


def _append(text: str, rows: list[dict], columns: list[str], newline: str) -> str:
    if rows and text and not text.endswith(("\n", "\r")):
        text += newline
    return text + "".join(csv_line(row, columns, newline) for row in rows)


# --- applying and undoing ---------------------------------------------------------------------


def _write(path: Path, data: bytes) -> None:
    with open(path, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())


def _sync_dir(path: Path) -> None:
    handle = os.open(path, os.O_RDONLY)
    try:
        os.fsync(handle)
    finally:
        os.close(handle)


def swap_in(data_dir: Path, staging: Path, new_files: dict[str, bytes], backup: Path,
            order: tuple = SWAP_ORDER) -> dict:
    """Validate staging with the new files, keep the old ones in backup, then replace them one by one."""
    for spec in schema.TABLES:
        if spec.file_name not in new_files:
            shutil.copy2(data_dir / spec.file_name, staging / spec.file_name)
    for name, data in new_files.items():
        _write(staging / name, data)
    _, issues = load_and_validate(staging)
    if issues:
        raise DataError(issues)
    backup.mkdir()
    files = {}
    for name in new_files:
        shutil.copy2(data_dir / name, backup / name)
        after = hashlib.sha256(new_files[name]).hexdigest()
        files[name] = {"before": sha256_file(data_dir / name), "after": after}
    _sync_dir(backup)
    done = []
    try:
        for name in sorted(new_files, key=lambda n: order.index(n) if n in order else len(order)):
            os.replace(staging / name, data_dir / name)
            done.append(name)
    except OSError:
        for name in done:  # put back what was already swapped, so the set stays as it was
            shutil.copy2(backup / name, data_dir / name)
        raise
    _sync_dir(data_dir)
    return files


def append_log(data_dir: Path, entry: dict) -> None:
    with open(history_dir(data_dir) / LOG_NAME, "a", encoding="utf-8") as handle:
        handle.write(json.dumps(entry, ensure_ascii=False) + "\n")
        handle.flush()
        os.fsync(handle.fileno())


def read_log(data_dir: Path) -> list[dict]:
    path = history_dir(data_dir) / LOG_NAME
    if not path.exists():
        return []
    entries = []
    for line in path.read_text(encoding="utf-8").splitlines():
        try:
            entries.append(json.loads(line))
        except ValueError:
            continue  # a line cut short by a crash is not an import
    return entries


def apply_import(data_dir, report: ImportReport, note: str = "", lock_wait: float = LOCK_WAIT) -> dict:
    """Write what the report says, all or nothing; returns the history entry.

    Raises ImportProblem (nothing to apply), StaleReport (the data changed since the report),
    ImportBusy (another import is running) or validate.DataError (the result would not validate).
    """
    data_dir = Path(data_dir)
    if not report.can_apply:
        raise ImportProblem("nothing_to_apply", report.file_name,
                            detail=Both(report.summary("sv"), report.summary("en")))
    if Path(report.data_dir).resolve() != data_dir.resolve():
        raise StaleReport("stale", report.file_name)
    with _lock_or_problem(data_dir, lock_wait):
        if db.data_fingerprint(data_dir) != report.fingerprint:
            raise StaleReport("stale", report.file_name)
        observations = updated_observations(_text(data_dir / OBSERVATIONS), report)
        new_files = {OBSERVATIONS: observations.encode("utf-8")}
        if report.new_sources:
            new_files[SOURCES] = updated_sources(_text(data_dir / SOURCES), report).encode("utf-8")
        history = history_dir(data_dir)
        import_id = new_import_id(history)
        staging = Path(tempfile.mkdtemp(prefix="staging-", dir=history))
        try:
            files = swap_in(data_dir, staging, new_files, history / import_id)
        except OSError as exc:
            raise ImportProblem("write_failed", report.file_name, detail=str(exc)) from None
        finally:
            shutil.rmtree(staging, ignore_errors=True)
        entry = {"id": import_id, "action": "import", "date": _now(), "file": report.file_name,
                 "sha256": report.sha256, "kind": report.source_kind, "counts": report.counts(),
                 "note": note, "files": files}
        append_log(data_dir, entry)
    return entry


def _text(path: Path) -> str:
    return path.read_bytes().decode("utf-8")


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
        target = last_undoable(read_log(data_dir))
        if target is None:
            raise ImportProblem("nothing_to_undo")
        backup = history_dir(data_dir) / target["id"]
        for name, hashes in target["files"].items():
            if not force and sha256_file(data_dir / name) != hashes["after"]:
                raise ImportProblem("undo_changed", name, import_id=target["id"])
        restored = {name: (backup / name).read_bytes() for name in target["files"]}
        staging = Path(tempfile.mkdtemp(prefix="staging-", dir=history_dir(data_dir)))
        undo_id = new_import_id(history_dir(data_dir))
        try:  # observations first: no row may cite a source that is already gone
            files = swap_in(data_dir, staging, restored, history_dir(data_dir) / undo_id, SWAP_ORDER[::-1])
        except OSError as exc:
            raise ImportProblem("write_failed", target.get("file", ""), detail=str(exc)) from None
        finally:
            shutil.rmtree(staging, ignore_errors=True)
        entry = {"id": undo_id, "action": "undo", "undoes": target["id"], "date": _now(),
                 "file": target.get("file", ""), "sha256": target.get("sha256", ""), "counts": {},
                 "note": "", "files": files}
        append_log(data_dir, entry)
    return entry


HISTORY_COLUMNS = ["id", "date", "action", "file", "added", "changed", "unchanged", "new_sources",
                   "note", "undone", "sha256"]


def import_history(data_dir) -> pd.DataFrame:
    """Every import and undo in this data folder, newest first."""
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
