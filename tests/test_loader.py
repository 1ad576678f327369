"""The DuckDB loader: curated and imported files together, conflicts recorded, exact lines on odd files."""

import shutil
from pathlib import Path

import duckdb
import pytest

from regionstats import db
from regionstats.validate import DataError, load_and_validate, validated_tables

ROOT = Path(__file__).resolve().parent.parent
HEADER = ("region_code,indicator_id,year,period_start,period_end,period_label,value,value_text,value_low,"
          "value_high,status,source_id,note\n")


@pytest.fixture
def data(tmp_path):
    folder = tmp_path / "data"
    shutil.copytree(ROOT / "data", folder, ignore=shutil.ignore_patterns("raw", "imported"))
    return folder


def write_imported(folder: Path, observations: str, sources: str | None = None) -> None:
    (folder / "imported").mkdir(exist_ok=True)
    (folder / "imported" / "observations.csv").write_text(HEADER + observations, encoding="utf-8")
    if sources is not None:
        # as the importer wrote them before note_en (#23): a file without a column added later still loads
        header = (ROOT / "data" / "sources.csv").read_text(encoding="utf-8").splitlines()[0]
        header = header.removesuffix(",note_en,language")  # (and before the title's language)
        (folder / "imported" / "sources.csv").write_text(header + "\n" + sources, encoding="utf-8")


def test_an_imported_row_wins_and_the_pair_is_listed(data, tmp_path, monkeypatch):
    monkeypatch.setenv("REGIONSTATS_CACHE_DIR", str(tmp_path / "cache"))
    write_imported(data, "18,ls_region_rank_tillvaxtverket,2018,,,,6,6,,,published,scb_import_2026,\n"
                         "18,ls_region_rank_tillvaxtverket,2030,,,,5,5,,,published,scb_import_2026,\n",
                   "scb_import_2026,SCB,Import,https://www.scb.se,,2026-11-30,,\n")
    curated_rows = len(validated_tables(data, imported=False)["observations"].rows)
    con = db.connect(data)
    rows = con.execute("select year, value, source_id from observations where region_code = '18' "
                       "and indicator_id = 'ls_region_rank_tillvaxtverket' order by year").fetchall()
    assert rows == [(2018, 6.0, "scb_import_2026"), (2030, 5.0, "scb_import_2026")]
    assert con.execute("select count(*) from observations").fetchone() == (curated_rows + 1,)
    conflicts = con.execute("select region_code, indicator_id, year, curated_value, imported_value, "
                            "curated_source_id, imported_source_id from observation_conflicts").fetchall()
    assert conflicts == [("18", "ls_region_rank_tillvaxtverket", 2018, 7.0, 6.0, "orebro_ls_strategy_2021",
                          "scb_import_2026")]


def test_without_imports_the_conflicts_table_is_empty(real_con, con):
    assert real_con.execute("select count(*) from observation_conflicts").fetchone() == (0,)
    assert con.execute("select count(*) from observation_conflicts").fetchone() == (0,)


def test_a_bad_imported_cell_names_the_imported_file(data):
    write_imported(data, "18,population,2031,,,,many,many,,,published,orebro_ls_strategy_2021,\n"
                         "99,population,2031,,,,5,5,,,published,orebro_ls_strategy_2021,\n")
    _, issues = load_and_validate(data, imported=True)
    assert [i.message("sv") for i in issues] == [
        "imported/observations.csv, rad 2, kolumn value: ”many” är inte ett tal "
        "(punkt som decimaltecken)",
        "imported/observations.csv, rad 3, kolumn region_code: ”99” finns inte i regions.csv",
        "imported/observations.csv, rad 2, kolumn value: "
        "raden har varken värde eller band, och status är inte ”missing”",
    ]
    assert load_and_validate(data)[1] == []  # the curated files alone still pass
    with pytest.raises(DataError):
        validated_tables(data)


def test_blank_lines_spaces_and_tabs_keep_the_lines_of_a_spreadsheet(data):
    path = data / "observations.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[2] = lines[2].replace(",7,7,", ",\t7 ,7,", 1)  # trimmed as before: still the number 7
    lines.insert(3, "\n")
    lines[6] = lines[6].replace(",2018,", ",tjugo,", 1)
    path.write_text("".join(lines), encoding="utf-8")
    _, issues = load_and_validate(data)
    assert [i.message("en") for i in issues] == [
        "observations.csv, line 7, column year: “tjugo” is not a whole number"]


def test_a_row_of_the_wrong_width_is_named_and_the_rest_checked(data):
    path = data / "regions.csv"
    last = len(path.read_text(encoding="utf-8").splitlines())
    with path.open("a", encoding="utf-8") as handle:
        handle.write("77,county,Extra\n78,region,X,X,,,true,false,\n")
    _, issues = load_and_validate(data)
    assert [i.message("en") for i in issues] == [
        f"regions.csv, line {last + 1}: the row has 3 fields, 9 expected",
        f"regions.csv, line {last + 2}, column kind: “region” is not an allowed value "
        "(country, county, city, university, nuts2)",
    ]


def test_a_large_table_can_be_kept_as_parquet(data, tmp_path, monkeypatch):
    monkeypatch.setenv("REGIONSTATS_CACHE_DIR", str(tmp_path / "cache"))
    before = db.connect(data).execute("select count(*), sum(value) from observations").fetchone()
    csv_size = (data / "observations.csv").stat().st_size
    parquet = db.csv_to_parquet(data / "observations.csv")
    _, issues = load_and_validate(data)
    assert [i.message("en") for i in issues] == [
        "observations.csv: both observations.csv and observations.parquet exist: keep one of them"]
    (data / "observations.csv").unlink()
    assert load_and_validate(data)[1] == []
    assert db.connect(data).execute("select count(*), sum(value) from observations").fetchone() == before
    assert parquet.stat().st_size < csv_size / 5  # about a tenth of the CSV (120 kB for 20 000 rows)


def test_a_bad_cell_in_a_parquet_table_is_reported_at_its_row(data):
    observations = data / "observations.csv"
    lines = observations.read_text(encoding="utf-8").splitlines()
    fields = lines[3].split(",")
    fields[2] = "20x1"  # the year of the third row
    observations.write_text("\n".join(lines[:3] + [",".join(fields)] + lines[4:]) + "\n", encoding="utf-8")
    con = duckdb.connect()
    con.execute(f"copy (select * from read_csv('{observations}', all_varchar = true)) "
                f"to '{data / 'observations.parquet'}' (format parquet)")
    observations.unlink()
    messages = [i.message("en") for i in load_and_validate(data)[1]]
    assert len(messages) == 1 and messages[0].startswith("observations.parquet, line 3, column year:"), messages


def test_several_servers_can_share_one_prebuilt_read_only_warehouse(tmp_path, monkeypatch):
    shared = tmp_path / "shared" / "warehouse.duckdb"
    db.build_database(ROOT / "data", shared)
    monkeypatch.setenv("REGIONSTATS_DATABASE", str(shared))
    monkeypatch.setenv("REGIONSTATS_CACHE_DIR", str(tmp_path / "cache"))
    first, second = db.connect(), db.connect()  # as two processes would: both read-only at once
    assert first.execute("select count(*) from observations").fetchone() == \
        second.execute("select count(*) from observations").fetchone()
    assert not (tmp_path / "cache").exists()  # nothing built per process
    assert db.data_version().startswith("shared-")
    with pytest.raises(duckdb.Error):
        first.execute("create table x (a integer)")
