"""The command line: query, check, sources; bad names and parameters give one line and exit 2."""

import json
import shutil
from pathlib import Path

import pytest

from tests.conftest import share_built_warehouses
from regionstats.cli import main

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def temp_cache(tmp_path, monkeypatch):
    share_built_warehouses(monkeypatch, tmp_path)


def test_per_capita_reproduces_the_key_figures_row(capsys):
    code = main(["query", "per_capita", "--param", "indicator=appropriation_research_msek", "--param", "year=2021",
                 "--format", "json"])
    assert code == 0
    rows = {r["region_code"]: r for r in json.loads(capsys.readouterr().out)}
    published = {"00": 1715, "18": 893, "03": 5556, "24": 4191, "05": 1922}  # "Per capita resp region SEK"
    for region, value in published.items():
        assert rows[region]["population_year"] == 2020
        assert abs(rows[region]["published_per_capita"] - value) < 1  # shown beside the budget-bill sum


def test_csv_output_and_list_parameters(capsys):
    assert main(["query", "observations", "--param", "regions=18,24", "--param", "indicators=alf_msek",
                 "--param", "year_from=2021", "--param", "year_to=2021", "--format", "csv"]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert lines[0].startswith("region_code,")
    assert [line.split(",")[0] for line in lines[1:]] == ["18", "24"]


@pytest.mark.parametrize("argv,message", [
    (["query", "nope"], "okänd fråga ”nope”"),
    (["query", "per_capita"], "behöver parametern ”indicator”"),
    (["query", "per_capita", "--param", "indicator=alf_msek", "--param", "year=tjugo"], "ska vara INTEGER"),
    (["query", "per_capita", "--param", "color=red"], "har ingen parameter ”color”"),
    (["--lang", "en", "query", "trend", "--param", "x"], "KEY=VALUE"),
])
def test_bad_names_and_parameters_give_one_line_and_exit_2(capsys, argv, message):
    assert main(argv) == 2
    err = capsys.readouterr().err.strip()
    assert message in err and len(err.splitlines()) == 1


def test_check_passes_on_the_bundled_data(capsys):
    assert main(["check"]) == 0
    assert capsys.readouterr().out.startswith("OK: regions:")


def test_check_fails_on_a_broken_copy_with_file_line_and_column(tmp_path, capsys):
    broken = tmp_path / "data"
    shutil.copytree(ROOT / "data", broken, ignore=shutil.ignore_patterns("raw"))
    text = (broken / "indicators.csv").read_text(encoding="utf-8").replace(",higher,", ",upwards,", 1)
    (broken / "indicators.csv").write_text(text, encoding="utf-8")
    assert main(["--lang", "en", "check", "--data-dir", str(broken)]) == 1
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1, err
    assert "indicators.csv, line 3, column direction: “upwards” is not an allowed value (higher, lower)" in err


def test_sources_lists_every_source(capsys):
    assert main(["sources"]) == 0
    out = capsys.readouterr().out
    assert "orebro_ls_strategy_2021" in out and "Region Örebro län" in out
