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
    with pytest.raises(SystemExit, match="source_languages.csv"):  # a new source: its title's language is decided
        curate.render(data_copy, raw)
    decide_language(raw, "scb_testtabell_2000_01_02", "sv", "SCB: Testtabell (2000-01-02)")
    files, _, _ = curate.render(data_copy, raw)
    row = parsed(files["observations.csv"])[("03", "population", "1999")]
    assert (row["value"], row["status"]) == ("123", "published")
    sources = {r["source_id"]: r for r in csv.DictReader(files["sources.csv"].splitlines())}
    assert sources[row["source_id"]]["url"] == "https://www.scb.se/test-table/"
    assert sources[row["source_id"]]["published"] == "2000-01-02"
    assert sources[row["source_id"]]["language"] == "sv"


def decide_language(raw: Path, source_id: str, language: str, title: str) -> None:
    with (raw / "curation" / "source_languages.csv").open("a", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerow([source_id, language, title])


def test_every_source_has_the_language_of_its_title_from_curation():
    """Each source row carries the language its title is published in, decided in curation/source_languages.csv
    from that very title (a Swedish report keeps its Swedish title, marked sv)."""
    from regionstats.schema import SOURCE_LANGUAGES

    with (ROOT / "data" / "raw" / "curation" / "source_languages.csv").open(encoding="utf-8", newline="") as handle:
        decided = {r["source_id"]: (r["language"], r["title"]) for r in csv.DictReader(handle)}
    with (ROOT / "data" / "sources.csv").open(encoding="utf-8", newline="") as handle:
        sources = list(csv.DictReader(handle))
    assert [s["source_id"] for s in sources if s["language"] not in SOURCE_LANGUAGES] == []
    assert {s["source_id"]: (s["language"], s["title"]) for s in sources} == decided
    by_id = {s["source_id"]: s["language"] for s in sources}
    assert by_id["scb_folkmangd_lan_2024"] == "sv"  # SCB: Folkmängd i riket, län och kommuner …
    assert by_id["eurostat_rd_e_gerdreg"] == "en"
    assert by_id["wipo_gii_2017_cedi"] == "da"  # CEDI: Danmark avancerer to pladser …


def test_a_changed_title_needs_its_language_decided_again(curate, data_copy):
    decisions = data_copy / "raw" / "curation" / "source_languages.csv"
    text = decisions.read_text(encoding="utf-8")
    decisions.write_text(text.replace("sv,SCB: Folkmängd i landskapen den 31 december 2014",
                                      "sv,SCB: Folkmängd i landskapen 2014"), encoding="utf-8")
    with pytest.raises(SystemExit, match="scb_folkmangd_landskap_2014.*source_languages.csv"):
        curate.render(data_copy, data_copy / "raw")
    decisions.write_text(text.replace("scb_folkmangd_landskap_2014,sv,", "scb_folkmangd_landskap_2014,de,"),
                         encoding="utf-8")
    with pytest.raises(SystemExit, match="scb_folkmangd_landskap_2014"):
        curate.render(data_copy, data_copy / "raw")


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
