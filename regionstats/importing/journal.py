"""The import transaction: the lock, the journal, staging, swapping, recovery and the history log.

A transaction (an import or an undo) runs under an exclusive ``flock`` on ``.history/import.lock``
and goes through the steps described in ``apply.py`` (stage, back up, intent, swap, record, clean
up), each safe to be killed in. ``recover`` finishes or rolls back an interrupted one; the report
step (``report.plan_import``) calls ``recover_if_idle`` before comparing, so this module knows
nothing of reports and neither ``apply`` nor ``report`` imports the other in a circle.
"""

import datetime as dt
import fcntl
import hashlib
import json
import os
import re
import shutil
import signal
import time
from contextlib import contextmanager
from pathlib import Path

from regionstats import schema
from regionstats.importing.problems import ImportBusy, ImportProblem
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
