"""Writing an import: all or nothing, old rows keep their bytes, history, undo, and the lock."""

import os
import threading

import pytest
from test_import_support import (
    IMPORTED_OBSERVATIONS,
    IMPORTED_SOURCES,
    OBS_HEADER,
    SRC_HEADER,
    copy_fixture_data,
    csv_bytes,
    snapshot,
    table_snapshot,
)

from regionstats import db, queries
from regionstats.importing import (
    ImportBusy,
    ImportProblem,
    StaleReport,
    apply_import,
    import_history,
    import_lock,
    plan_import_from_upload,
    undo_last_import,
)
from regionstats.importing.apply import history_dir
from regionstats.validate import DataError, load_and_validate

SRC = "orebro_ls_strategy_2021"
NEW_SOURCE_HEADER = "region_code;indicator_id;year;value;source_id;publisher;title;url;published"

@pytest.fixture
def data_dir(tmp_path, monkeypatch):
    return copy_fixture_data(tmp_path, monkeypatch)



def plan(data_dir, *rows, header="region_code;indicator_id;year;value;unit;source_id"):
    return plan_import_from_upload(data_dir, "upload.csv", csv_bytes(*rows, header=header))


def lines(path):
    return path.read_bytes().split(b"\r\n")


def test_only_the_imported_files_are_written_curated_bytes_untouched(data_dir):
    before = table_snapshot(data_dir)
    assert before[IMPORTED_OBSERVATIONS] is None and before[IMPORTED_SOURCES] is None
    report = plan(data_dir, f"18;alf_msek;2021;71;;{SRC}",
                  "18;alf_msek;2026;75;vr_alf_2027;VR;ALF i siffror;https://www.vr.se;2027",
                  header=NEW_SOURCE_HEADER)
    entry = apply_import(data_dir, report, note="test")
    after = table_snapshot(data_dir)
    assert {n for n in before if before[n] != after[n]} == {IMPORTED_OBSERVATIONS, IMPORTED_SOURCES}
    # the changed curated row (18/alf_msek/2021 was 70) is overridden by an imported row
    assert after[IMPORTED_OBSERVATIONS] == OBS_HEADER + (
        b"18,alf_msek,2021,,,,71,71,,,published,orebro_ls_strategy_2021,,\r\n"
        b"18,alf_msek,2026,,,,75,75,,,published,vr_alf_2027,,\r\n")
    assert after[IMPORTED_SOURCES] == SRC_HEADER + (
        b"vr_alf_2027,VR,ALF i siffror,https://www.vr.se,2027," + report.new_sources[0]["accessed"].encode()
        + b",,Tillagd vid import av upload.csv,,\r\n")  # note_en and language empty: not stated
    tables, issues = load_and_validate(data_dir, imported=True)
    assert issues == []
    merged = {(r["region_code"], r["indicator_id"], r["year"]): r for r in tables["observations"].rows}
    assert merged[("18", "alf_msek", 2021)]["value"] == 71
    assert entry["counts"]["added"] == 1 and entry["counts"]["changed"] == 1 and entry["note"] == "test"
    assert entry["files"][IMPORTED_OBSERVATIONS]["before"] is None


def test_a_second_import_rewrites_its_own_row_in_place(data_dir):
    apply_import(data_dir, plan(data_dir, f"18;alf_msek;2026;75;;{SRC}", f"01;alf_msek;2026;1;;{SRC}"))
    first = (data_dir / IMPORTED_OBSERVATIONS).read_bytes()
    entry = apply_import(data_dir, plan(data_dir, f"18;alf_msek;2026;76;;{SRC}"))
    assert (data_dir / IMPORTED_OBSERVATIONS).read_bytes() == first.replace(b",75,75,", b",76,76,")
    kept = history_dir(data_dir) / entry["id"] / IMPORTED_OBSERVATIONS
    assert kept.read_bytes() == first


def test_undo_restores_byte_for_byte_and_history_says_so(data_dir):
    before = table_snapshot(data_dir)
    first = apply_import(data_dir, plan(data_dir, f"18;alf_msek;2026;75;;{SRC}"))
    middle = table_snapshot(data_dir)
    second = apply_import(data_dir, plan(data_dir, f"18;alf_msek;2026;76;;{SRC}",
                                         f"01;alf_msek;2026;1;;{SRC}"))
    assert undo_last_import(data_dir)["undoes"] == second["id"]
    assert table_snapshot(data_dir) == middle
    assert undo_last_import(data_dir)["undoes"] == first["id"]
    assert table_snapshot(data_dir) == before
    history = import_history(data_dir)
    assert list(history.action) == ["undo", "undo", "import", "import"]
    assert history[history.action == "import"].undone.all()
    assert list(history[history.action == "import"].added) == [1, 1]
    with pytest.raises(ImportProblem) as info:
        undo_last_import(data_dir)
    assert info.value.message("sv") == "det finns ingen import att ångra"


def test_undo_refuses_to_overwrite_later_edits_unless_forced(data_dir):
    before = table_snapshot(data_dir)
    apply_import(data_dir, plan(data_dir, f"18;alf_msek;2026;75;;{SRC}"))
    with open(data_dir / IMPORTED_OBSERVATIONS, "ab") as handle:
        handle.write(b"18,alf_msek,2027,,,,1,1,,,published,orebro_ls_strategy_2021,,\r\n")
    edited = snapshot(data_dir)
    with pytest.raises(ImportProblem) as info:
        undo_last_import(data_dir)
    assert "imported/observations.csv: the file has changed since the import" in info.value.message("en")
    assert snapshot(data_dir) == edited
    undo_last_import(data_dir, force=True)
    assert table_snapshot(data_dir) == before


def test_a_report_made_before_the_data_changed_is_not_applied(data_dir):
    report = plan(data_dir, f"18;alf_msek;2026;75;;{SRC}")
    apply_import(data_dir, plan(data_dir, f"01;alf_msek;2026;1;;{SRC}"))
    before = snapshot(data_dir)
    with pytest.raises(StaleReport) as info:
        apply_import(data_dir, report)
    assert info.value.message("en") == (
        "upload.csv: the data folder has changed since the report was made; make a new report")
    assert snapshot(data_dir) == before


def test_nothing_to_apply(data_dir):
    before = snapshot(data_dir)
    unchanged, rejected = f"18;alf_msek;2021;70;;{SRC}", f"18;alf_msek;2026;-1;;{SRC}"
    for report in (plan(data_dir, unchanged), plan(data_dir, rejected)):
        with pytest.raises(ImportProblem) as info:
            apply_import(data_dir, report)
        assert info.value.code == "nothing_to_apply"
    assert snapshot(data_dir) == before


def test_a_result_that_would_not_validate_is_never_swapped_in(data_dir):
    report = plan(data_dir, f"18;alf_msek;2026;75;;{SRC}")
    report.added[0].new["region_code"] = "99"  # something the planner would have caught
    before = table_snapshot(data_dir)
    with pytest.raises(DataError) as info:
        apply_import(data_dir, report)
    assert "“99” does not exist in regions.csv" in str(info.value)
    assert table_snapshot(data_dir) == before
    # no staging folder left behind
    assert sorted(p.name for p in history_dir(data_dir).iterdir()) == ["import.lock"]
    assert import_history(data_dir).empty


def test_a_failed_swap_puts_back_what_was_already_replaced(data_dir, monkeypatch):
    header = "region_code;indicator_id;year;value;source_id;publisher;title;url"
    report = plan(data_dir, "18;alf_msek;2026;75;vr_alf;VR;ALF;https://www.vr.se", header=header)
    before = table_snapshot(data_dir)
    real_replace = os.replace

    def replace(source, target):
        if str(target).endswith("observations.csv"):
            raise OSError(28, "No space left on device")
        real_replace(source, target)

    monkeypatch.setattr(os, "replace", replace)
    with pytest.raises(ImportProblem) as info:
        apply_import(data_dir, report)
    assert info.value.message("en") == (
        "upload.csv: could not write to the data folder ([Errno 28] No space left on device)")
    assert table_snapshot(data_dir) == before  # sources.csv was swapped first, then put back
    assert import_history(data_dir).empty


def test_lock_held_means_busy_with_a_clear_message(data_dir):
    report = plan(data_dir, f"18;alf_msek;2026;75;;{SRC}")
    with import_lock(data_dir):
        before = snapshot(data_dir)
        with pytest.raises(ImportBusy) as info:
            apply_import(data_dir, report, lock_wait=0.1)
        with pytest.raises(ImportBusy):
            undo_last_import(data_dir, lock_wait=0.1)
        assert snapshot(data_dir) == before
    assert info.value.message("sv") == "en annan import pågår just nu; försök igen om en stund"
    apply_import(data_dir, report)  # free again


def test_two_imports_at_once_one_wins_the_other_is_told(data_dir):
    reports = [plan(data_dir, f"18;alf_msek;2026;{v};;{SRC}") for v in (75, 76)]
    start, results = threading.Barrier(2), []

    def attempt(report):
        start.wait()
        try:
            results.append(("ok", apply_import(data_dir, report, lock_wait=0.05)["counts"]))
        except (ImportBusy, StaleReport) as exc:
            results.append(("told", exc.message("en")))

    threads = [threading.Thread(target=attempt, args=(r,)) for r in reports]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(kind for kind, _ in results) == ["ok", "told"]
    told = next(message for kind, message in results if kind == "told")
    assert "another import is running" in told or "has changed since the report" in told
    assert load_and_validate(data_dir)[1] == []
    assert len(import_history(data_dir)) == 1


def test_the_warehouse_is_rebuilt_after_an_import(data_dir):
    con = db.connect(data_dir)
    assert queries.run(con, "observations", indicators=["alf_msek"], year_from=2026, year_to=2026).empty
    con.close()
    apply_import(data_dir, plan(data_dir, f"18;alf_msek;2026;75;;{SRC}"))
    con = db.connect(data_dir)
    rows = queries.run(con, "observations", indicators=["alf_msek"], year_from=2026, year_to=2026)
    con.close()
    assert list(zip(rows.region_code, rows.value, strict=True)) == [("18", 75.0)]


def test_history_survives_a_line_cut_short(data_dir):
    apply_import(data_dir, plan(data_dir, f"18;alf_msek;2026;75;;{SRC}"))
    with open(history_dir(data_dir) / "imports.jsonl", "a", encoding="utf-8") as handle:
        handle.write('{"id": "2099')
    assert len(import_history(data_dir)) == 1
