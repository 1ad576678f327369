"""The curation script reads its decisions from data/raw/curation/ and any facts file in one of the two shapes."""

import csv
import importlib.util
import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def curate():
    spec = importlib.util.spec_from_file_location("curate_reference", ROOT / "tools" / "curate_reference.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up here
    try:
        spec.loader.exec_module(module)
    finally:
        sys.modules.pop(spec.name, None)
    return module


@pytest.fixture
def data_copy(tmp_path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(ROOT / "data", target, ignore=shutil.ignore_patterns("imported"))
    return target


def write(path: Path, header: list[str], rows: list[list[str]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)


def parsed(text: str) -> dict[tuple, dict]:
    return {(r["region_code"], r["indicator_id"], r["year"]): r for r in csv.DictReader(text.splitlines())}


def test_a_new_facts_file_plus_a_mapping_row_brings_a_figure_in(curate, data_copy):
    raw = data_copy / "raw"
    write(raw / "appropriations" / "test_facts.csv", curate.REGIONAL_SHAPE, [
        ["Uppsala", "Test figure (SCB)", "1999", "123", "persons", "SCB: Testtabell (2000-01-02)",
         "https://www.scb.se/test-table/", "Uppsala län 123", ""]])
    mapping = raw / "curation" / "indicator_map.csv"
    header = next(csv.reader(mapping.open(encoding="utf-8")))
    with mapping.open("a", encoding="utf-8", newline="") as handle:
        csv.DictWriter(handle, header, lineterminator="\n", restval="").writerow(
            {"source_indicator": "Test figure (SCB)", "indicator_id": "population", "value_column": "value"})
    files, _, _ = curate.render(data_copy, raw)
    row = parsed(files["observations.csv"])[("03", "population", "1999")]
    assert (row["value"], row["status"]) == ("123", "published")
    sources = {r["source_id"]: r for r in csv.DictReader(files["sources.csv"].splitlines())}
    assert sources[row["source_id"]]["url"] == "https://www.scb.se/test-table/"
    assert sources[row["source_id"]]["published"] == "2000-01-02"


def test_an_unmapped_indicator_is_left_out_with_a_reason_and_other_shapes_are_ignored(curate, data_copy):
    raw = data_copy / "raw"
    write(raw / "world" / "unmapped.csv", curate.BENCHMARK_SHAPE, [
        ["Paris", "city", "Something new", "2024", "5", "", "", "T", "https://example.org/", "x", ""]])
    write(raw / "world" / "other_shape.csv", ["geo", "time", "value"], [["SE11", "2020", "1"]])
    files, skipped, _ = curate.render(data_copy, raw)
    assert any(where.startswith("world/unmapped.csv") and indicator == "Something new"
               for where, indicator, _ in skipped)
    assert files["observations.csv"] == (ROOT / "data" / "observations.csv").read_bytes().decode("utf-8")


def test_an_unknown_name_is_an_error_that_names_the_file_to_edit(curate, data_copy):
    raw = data_copy / "raw"
    write(raw / "reference" / "new.csv", curate.REGIONAL_SHAPE, [
        ["Atlantis", "Population 31 Dec (SCB)", "2020", "1", "persons", "SCB: T", "https://www.scb.se/x/", "x", ""]])
    with pytest.raises(SystemExit, match="names.csv"):
        curate.render(data_copy, raw)


def test_the_script_holds_logic_and_the_facts_live_in_data_files(curate):
    source = (ROOT / "tools" / "curate_reference.py").read_text(encoding="utf-8")
    assert len(source.splitlines()) < 600  # was 1 185 lines with the facts inside
    for table in ("indicator_map", "names", "skip_rows", "overrides", "notes", "publishers", "indicators", "goals"):
        assert (ROOT / "data" / "raw" / "curation" / f"{table}.csv").exists(), table
    assert "Karolinska" not in source and "MedCity" not in source
