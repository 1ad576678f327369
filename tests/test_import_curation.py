"""Imports and curation never collide: each data file has one writer (issue #12).

On a temporary copy of the real data/ (never the user's own folder): import a row, then the
curation check and the whole data validation both pass, and rerunning curation keeps the
imported row, which the warehouse shows in place of the curated one.
"""

import shutil
import subprocess
import sys

import pytest
from test_import_support import REAL_DATA, ROOT

from tests.conftest import share_built_warehouses
from regionstats import db, queries
from regionstats.cli import main
from regionstats.importing import apply_import, plan_import_from_upload

CURATE = ROOT / "tools" / "curate_reference.py"
ROWS = (b"region_code;indicator_id;year;value;source_id;publisher;title;url;published\n"
        b"18;alf_msek;2026;75;vr_alf_2027;VR;ALF i siffror;https://www.vr.se;2027\n")


@pytest.fixture
def data_dir(tmp_path, monkeypatch):
    share_built_warehouses(monkeypatch, tmp_path)
    target = tmp_path / "data"
    shutil.copytree(REAL_DATA, target, ignore=shutil.ignore_patterns(".history", "imported"))
    return target


def curate(data_dir, *extra):
    return subprocess.run([sys.executable, str(CURATE), "--data-dir", str(data_dir),
                           "--raw-dir", str(data_dir / "raw"), *extra],
                          capture_output=True, text=True, cwd=ROOT, timeout=300)


def test_an_import_keeps_curation_and_validation_green_and_survives_recuration(data_dir, capsys):
    curated = {p.name: p.read_bytes() for p in data_dir.glob("*.csv")}
    report = plan_import_from_upload(data_dir, "alf.csv", ROWS)
    assert report.can_apply, report.text("en")
    apply_import(data_dir, report)
    assert {p.name: p.read_bytes() for p in data_dir.glob("*.csv")} == curated  # curated files untouched

    check = curate(data_dir, "--check")
    assert check.returncode == 0, check.stdout + check.stderr
    assert main(["--data-dir", str(data_dir), "check"]) == 0
    assert "OK:" in capsys.readouterr().out

    rerun = curate(data_dir)
    assert rerun.returncode == 0, rerun.stdout + rerun.stderr
    imported = (data_dir / "imported" / "observations.csv").read_text(encoding="utf-8")
    assert "18,alf_msek,2026,,,,75,75,,,published,vr_alf_2027," in imported
    con = db.connect(data_dir)
    rows = queries.run(con, "observations", indicators=["alf_msek"], year_from=2026, year_to=2026)
    con.close()
    assert list(zip(rows.region_code, rows.value, rows.source_id, strict=True)) == [("18", 75.0, "vr_alf_2027")]


def test_an_imported_row_wins_over_the_curated_row_with_the_same_key(data_dir):
    con = db.connect(data_dir)
    stored = queries.run(con, "observations", indicators=["alf_msek"], year_from=2021, year_to=2021)
    con.close()
    old = float(stored[stored.region_code == "18"].value.iloc[0])
    new = old + 1
    upload = f"region_code;indicator_id;year;value;source_id\n18;alf_msek;2021;{new:g};orebro_ls_strategy_2021\n"
    report = plan_import_from_upload(data_dir, "fix.csv", upload.encode())
    assert [(c.old["value"], c.new["value"]) for c in report.changed] == [(f"{old:g}", f"{new:g}")]
    apply_import(data_dir, report)
    assert curate(data_dir, "--check").returncode == 0
    con = db.connect(data_dir)
    rows = queries.run(con, "observations", indicators=["alf_msek"], year_from=2021, year_to=2021)
    con.close()
    assert float(rows[rows.region_code == "18"].value.iloc[0]) == new
