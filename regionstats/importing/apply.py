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

``recover`` (run before every import, undo, report and history listing) finishes a transaction
whose journal exists (swap what is not swapped, record it if not recorded) or, if its staged
files are gone, rolls it back from the backup; it removes staging folders and backups that
no journal or history line refers to. So after any kill the data is fully old or fully new,
and every applied import is in the history and can be undone.

Untouched rows keep their exact bytes; changed rows are rewritten in place and new rows are
appended, so a diff of ``imported/`` shows only what the import did.
"""

import csv
import datetime as dt
import fcntl
import hashlib
import io
import json
import os
import re
import shutil
import signal
import time
from contextlib import contextmanager
from pathlib import Path

import pandas as pd

from regionstats import db, schema, versions
from regionstats.importing.problems import Both, ImportBusy, ImportProblem, StaleReport
from regionstats.importing.report import ImportReport
from regionstats.validate import IMPORTED_DIR, DataError, load_and_validate, table_path

HISTORY = ".history"
LOG_NAME = "imports.jsonl"
LOCK_NAME = "import.lock"
JOURNAL_NAME = "journal.json"
LOCK_WAIT = 3.0
OBSERVATIONS = f"{IMPORTED_DIR}/{schema.OBSERVATIONS.file_name}"
SOURCES = f"{IMPORTED_DIR}/{schema.SOURCES.file_name}"
SWAP_ORDER = (SOURCES, OBSERVATIONS)  # a new source exists before any row cites it
ID_PATTERN = re.compile(r"^\d{8}T\d{6}_\d{6}Z$")
CRASH_ENV = "REGIONSTATS_IMPORT_CRASH_AT"  # fault injection for the kill tests


def history_dir(data_dir: Path) -> Path:
    return Path(data_dir) / HISTORY


def crash_point(name: str) -> None:
    """Kill this process here when the kill tests ask for it (``REGIONSTATS_IMPORT_CRASH_AT=name``)."""
    if os.environ.get(CRASH_ENV) == name:
        os.kill(os.getpid(), signal.SIGKILL)


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


def sha256_file(path: Path) -> str | None:
    """The file's sha256, or None when it does not exist."""
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except FileNotFoundError:
        return None


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
    return "\r\n" if first.endswith("\r") or not text else "\n"


def csv_line(fields: dict, columns: list[str], newline: str) -> str:
    out = io.StringIO(newline="")
    csv.writer(out, lineterminator=newline).writerow([fields.get(c, "") for c in columns])
    return out.getvalue()


def _header(columns: list[str], newline: str) -> str:
    return csv_line({c: c for c in columns}, columns, newline)


def updated_observations(text: str | None, report: ImportReport) -> str:
    """imported/observations.csv with its changed rows rewritten in place and the others appended.

    A changed row whose stored version is curated (not yet in the imported file) is appended:
    the imported row then wins over the curated one.
    """
    columns = schema.OBSERVATIONS.column_names
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
    columns = schema.SOURCES.column_names
    newline = line_ending(text or "")
    return _append(text or _header(columns, newline), report.new_sources, columns, newline)


def _append(text: str, rows: list[dict], columns: list[str], newline: str) -> str:
    if rows and text and not text.endswith(("\n", "\r")):
        text += newline
    return text + "".join(csv_line(row, columns, newline) for row in rows)


# --- the transaction --------------------------------------------------------------------------


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


def _digest(data: bytes | None) -> str | None:
    return None if data is None else hashlib.sha256(data).hexdigest()


def stage(data_dir: Path, staging: Path, new_files: dict[str, bytes | None]) -> None:
    """The whole new data set in staging, validated as ``check`` validates data_dir; DataError if not."""
    (staging / IMPORTED_DIR).mkdir(parents=True)
    for spec in schema.TABLES:  # the curated tables as they are kept (CSV, or Parquet when large)
        source = table_path(data_dir, spec)
        shutil.copy2(source, staging / source.name)
    for name in (SOURCES, OBSERVATIONS):
        if (data_dir / name).exists():
            shutil.copy2(data_dir / name, staging / name)
    for name, data in new_files.items():
        if data is None:
            (staging / name).unlink(missing_ok=True)
        else:
            _write(staging / name, data)
    _, issues = load_and_validate(staging, imported=True)
    if issues:
        raise DataError(issues)
    _sync_dir(staging / IMPORTED_DIR)  # the staged files survive a power cut once the journal names them


def transact(data_dir: Path, new_files: dict[str, bytes | None], entry: dict, order: tuple) -> dict:
    """Replace the named files (None: remove) all or nothing and record entry; returns entry."""
    history = history_dir(data_dir)
    staging = history / f"staging-{entry['id']}"
    try:
        stage(data_dir, staging, new_files)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    crash_point("staged")
    backup = history / entry["id"]
    (backup / IMPORTED_DIR).mkdir(parents=True)
    files = {}
    for name, data in new_files.items():
        before = sha256_file(data_dir / name)
        if before is not None:
            shutil.copy2(data_dir / name, backup / name)
        files[name] = {"before": before, "after": _digest(data)}
    _sync_dir(backup / IMPORTED_DIR)
    crash_point("backed_up")
    entry = dict(entry, files=files)
    _write_journal(history, {"entry": entry, "order": [n for n in order if n in new_files]})
    crash_point("journaled")
    try:
        finish(data_dir, _read_journal(history))
    except OSError:  # a disk that fills up mid-swap: put the old files back and forget the transaction
        roll_back(data_dir, backup, files)
        (history / JOURNAL_NAME).unlink(missing_ok=True)
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return entry


def _write_journal(history: Path, journal: dict) -> None:
    temporary = history / (JOURNAL_NAME + ".tmp")
    _write(temporary, json.dumps(journal, ensure_ascii=False).encode("utf-8"))
    os.replace(temporary, history / JOURNAL_NAME)
    _sync_dir(history)


def _read_journal(history: Path) -> dict | None:
    try:
        journal = json.loads((history / JOURNAL_NAME).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except ValueError:  # cannot happen with the atomic write; treat as no decision taken
        (history / JOURNAL_NAME).unlink(missing_ok=True)
        return None
    return journal if isinstance(journal, dict) and isinstance(journal.get("entry"), dict) else None


def finish(data_dir: Path, journal: dict) -> None:
    """Complete a journaled transaction: swap what is not swapped, record, clean up (or roll back)."""
    history, entry = history_dir(data_dir), journal["entry"]
    staging = history / f"staging-{entry['id']}"
    if swap(data_dir, staging, entry["files"], journal["order"]):
        crash_point("swapped")
        if entry["id"] not in {e.get("id") for e in read_log(data_dir)}:
            append_log(data_dir, entry)
        crash_point("logged")
    else:
        roll_back(data_dir, history / entry["id"], entry["files"])
    (history / JOURNAL_NAME).unlink(missing_ok=True)
    _sync_dir(history)
    shutil.rmtree(staging, ignore_errors=True)


def swap(data_dir: Path, staging: Path, files: dict, order: list[str]) -> bool:
    """Put each file in its new state; False if a staged file needed for that is gone."""
    (data_dir / IMPORTED_DIR).mkdir(exist_ok=True)
    for count, name in enumerate(order, start=1):
        target, after = data_dir / name, files[name]["after"]
        if sha256_file(target) == after:
            continue  # already swapped before an interruption
        if after is None:
            target.unlink()
        elif sha256_file(staging / name) == after:
            os.replace(staging / name, target)
        else:
            return False
        _sync_dir(target.parent)
        if count < len(order):
            crash_point("swapped_one")
    return True


def roll_back(data_dir: Path, backup: Path, files: dict) -> None:
    """Put every file back as it was before the transaction and forget its backup."""
    for name, hashes in files.items():
        target = data_dir / name
        if hashes["before"] is None:
            target.unlink(missing_ok=True)
        elif sha256_file(target) != hashes["before"]:
            temporary = target.with_name(target.name + ".restore")
            shutil.copy2(backup / name, temporary)
            os.replace(temporary, target)
    shutil.rmtree(backup, ignore_errors=True)


def recover(data_dir: Path) -> None:
    """Finish or roll back an interrupted transaction, and remove what interrupted ones left behind.

    Call with the lock held.
    """
    history = history_dir(data_dir)
    journal = _read_journal(history)
    if journal is not None:
        finish(data_dir, journal)
    (history / (JOURNAL_NAME + ".tmp")).unlink(missing_ok=True)
    logged = {e.get("id") for e in read_log(data_dir)}
    for path in history.iterdir():
        if path.is_dir() and (path.name.startswith("staging-")
                              or (ID_PATTERN.match(path.name) and path.name not in logged)):
            shutil.rmtree(path, ignore_errors=True)


def recover_if_idle(data_dir) -> None:
    """recover, if nobody holds the lock and the folder is writable; otherwise leave it to them."""
    data_dir = Path(data_dir)
    if not (history_dir(data_dir) / JOURNAL_NAME).exists() and not _leftovers(history_dir(data_dir)):
        return
    try:
        with import_lock(data_dir, wait=0):
            recover(data_dir)
    except (ImportBusy, OSError):
        pass


def _leftovers(history: Path) -> bool:
    try:
        return any(p.name.startswith("staging-") for p in history.iterdir())
    except OSError:
        return False


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
            entry = json.loads(line)
        except ValueError:
            continue  # a line cut short by a crash is not an import
        if isinstance(entry, dict):
            entries.append(entry)
    return entries


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
