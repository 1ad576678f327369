"""Files in the layouts they really arrive in (issue #22): Kolada's long extract, an agency's wide XLSX and
Tillväxtanalys' own PxWeb XLSX (a real file), read as they come, their values checked (the XLSX files
through the app, with a mapping, and on the command line)."""

import csv
import hashlib
import io
import json
import shutil
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest
from test_import_support import copy_fixture_data, csv_bytes, run, snapshot, xlsx_bytes

from tests.conftest import share_built_warehouses
from regionstats.importing import apply_import, plan_import_from_upload
from regionstats.views import registry

ROOT = Path(__file__).resolve().parent.parent
FILES = Path(__file__).resolve().parent / "fixtures" / "import" / "files"


@pytest.fixture
def data_dir(tmp_path, monkeypatch):
    return copy_fixture_data(tmp_path, monkeypatch)


def values(report) -> dict:
    return {c.key: float(c.new["value"]) for c in report.changes}


def imported(data_dir: Path) -> dict:
    text = (data_dir / "imported" / "observations.csv").read_text(encoding="utf-8")
    return {(r["region_code"], r["indicator_id"], int(r["year"])): (float(r["value"]), r["source_id"])
            for r in csv.DictReader(io.StringIO(text))}


# --- Kolada ---------------------------------------------------------------------------------------


def test_a_kolada_extract_is_read_as_it_comes(data_dir, tmp_path, capsys):
    raw = (FILES / "kolada_n01951_2024.csv").read_bytes()
    report = plan_import_from_upload(data_dir, "kolada.csv", raw)
    assert report.ok and report.source_kind == "kolada", report.text("en")
    assert values(report) == {("00", "population", 2024): 10587710, ("01", "population", 2024): 2473307,
                              ("18", "population", 2024): 308375, ("24", "population", 2024): 281138}
    assert [(w.code, w.detail) for w in report.warnings] == [("skipped_municipalities", {"count": 1})]
    assert not report.confirmations  # the real figures fit their neighbouring years
    upload = tmp_path / "kolada.csv"
    upload.write_bytes(raw)
    code, output = run(capsys, "--data-dir", data_dir, "import", upload, "--yes")
    assert code == 0, output
    written = imported(data_dir)
    source = report.new_sources[0]["source_id"]
    assert written[("18", "population", 2024)] == (308375, source) and source.startswith("kolada_n01951_")
    assert report.new_sources[0]["url"] == "https://api.kolada.se/v2/data/kpi/N01951"


def test_kolada_names_of_the_regions_are_taken_as_they_come(data_dir):
    report = plan_import_from_upload(data_dir, "kolada.csv", (FILES / "kolada_n01951_names_2024.csv").read_bytes())
    assert report.ok, report.text("en")
    assert values(report) == {("04", "population", 2024): 301542, ("14", "population", 2024): 1772821,
                              ("01", "population", 2024): 2473307}


def test_kolada_rows_for_one_gender_refuse_the_file(data_dir):
    raw = b"kpi,municipality_id,year,gender,value\nN01951,0018,2024,T,308375\nN01951,0018,2024,K,1\n"
    report = plan_import_from_upload(data_dir, "kolada.csv", raw)
    assert [i.code for i in report.refused] == ["kolada_gender"]
    assert report.problem_messages("sv") == ["kolada.csv: rad 3: kön ”K” är en delmängd av befolkningen; ta bara "
                                             "med raderna för T (totalt)"]


def test_an_unknown_kolada_kpi_is_named(data_dir):
    report = plan_import_from_upload(data_dir, "kolada.csv", b"kpi,municipality_id,year,value\nN00956,0018,2024,1\n")
    assert [i.code for i in report.refused] == ["kolada_kpi"]
    assert "the Kolada KPI N00956 is not recognised; known: N01951" in report.problem_messages("en")[0]


# --- an agency's wide XLSX ------------------------------------------------------------------------

XLSX = FILES / "wide_agency_2021.xlsx"
MAPPING = FILES / "wide_agency_2021_mapping.json"
ALF_2021 = {"00": 1923, "18": 70, "03": 209, "24": 195, "05": 144}


def test_the_wide_xlsx_with_its_mapping_on_the_command_line(data_dir, capsys):
    before = snapshot(data_dir)
    code, output = run(capsys, "--data-dir", data_dir, "--lang", "en", "import", XLSX, "--mapping", MAPPING,
                       "--dry-run")
    assert code == 0 and "15 cells read" in output, output
    assert snapshot(data_dir) == before


def test_the_wide_xlsx_title_rows_are_skipped_and_every_cell_agrees_with_the_stored_figures(data_dir):
    report = plan_import_from_upload(data_dir, XLSX.name, XLSX.read_bytes(), mapping=MAPPING.read_bytes())
    assert report.ok and report.source_kind == "wide", report.text("en")
    assert len(report.unchanged) == 15 and not report.added and not report.changed
    assert {c.key[0]: float(c.new["value"]) for c in report.unchanged if c.key[1] == "alf_msek"} == ALF_2021


@pytest.fixture
def app_data(tmp_path, monkeypatch):
    """data/ without the ALF figures of 2021, so the XLSX adds them."""
    folder = tmp_path / "data"
    shutil.copytree(ROOT / "data", folder, ignore=shutil.ignore_patterns("raw", ".history", "imported"))
    observations = folder / "observations.csv"
    lines = observations.read_text(encoding="utf-8").splitlines(keepends=True)
    observations.write_text("".join(l for l in lines if ",alf_msek,2021," not in l), encoding="utf-8")
    monkeypatch.setenv("REGIONSTATS_DATA_DIR", str(folder))
    share_built_warehouses(monkeypatch, tmp_path)
    monkeypatch.setenv("REGIONSTATS_EDITOR", "1")
    return folder


def upload_in_the_app(upload: Path) -> AppTest:
    """Data och källor with the file uploaded: it is not the template, so no import is offered yet."""
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=90).run()
    at.switch_page(registry.BY_SLUG["data"].file).run()
    at.file_uploader(key="import_upload").set_value((upload.name, upload.read_bytes(), "application/octet-stream")).run()
    assert not at.exception
    assert not [b for b in at.button if b.key == "import_confirm"], "without a mapping it is not the template"
    return at


def import_with_the_mapping(at: AppTest, mapping: Path, added: int) -> None:
    """Upload the mapping, use it, see how many values it adds, and confirm the import."""
    at.file_uploader(key="import_mapping_file").set_value((mapping.name, mapping.read_bytes(), "application/json"))
    at.checkbox(key="import_use_mapping").check().run()
    assert not at.exception
    assert any(f"{added} läggs till" in s.value for s in at.success), [s.value for s in at.success + at.error]
    at.button(key="import_confirm").click().run()
    assert not at.exception and any("Importen är klar" in s.value for s in at.success)


def test_the_wide_xlsx_is_imported_through_the_app_with_a_mapping(app_data):
    at = upload_in_the_app(XLSX)
    guess = at.text_area(key="import_mapping_text").value
    assert '"Örebro": "18"' in guess and '"year": null' in guess  # a first guess from the labels
    import_with_the_mapping(at, MAPPING, added=5)
    written = imported(app_data)
    assert {k[0]: v for k, (v, _) in written.items() if k[1:] == ("alf_msek", 2021)} == ALF_2021


def test_a_mapping_typed_in_the_app_is_used_too(app_data):
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=90).run()
    at.switch_page(registry.BY_SLUG["data"].file).run()
    raw = "\tÖrebro\tUppsala\nALF-forskning, MSEK\t70\t209\n".encode("utf-8")
    at.file_uploader(key="import_upload").set_value(("alf.tsv", raw, "text/plain")).run()
    mapping = ('{"year": 2021, "source_id": "orebro_ls_strategy_2021", "columns": {"Örebro": "18", "Uppsala": "03"},'
               ' "rows": {"ALF-forskning, MSEK": "alf_msek"}}')
    at.text_area(key="import_mapping_text").input(mapping)
    at.checkbox(key="import_use_mapping").check().run()
    assert not at.exception
    assert any("2 läggs till" in s.value for s in at.success), [s.value for s in at.success + at.error]


def test_a_report_with_a_mapping_applies_like_any_other(data_dir):
    observations = data_dir / "observations.csv"
    lines = observations.read_text(encoding="utf-8").splitlines(keepends=True)
    observations.write_text("".join(l for l in lines if ",alf_msek,2021," not in l), encoding="utf-8")
    report = plan_import_from_upload(data_dir, XLSX.name, XLSX.read_bytes(), mapping=MAPPING.read_bytes())
    assert len(report.added) == 5 and not report.confirmations, report.text("en")
    apply_import(data_dir, report)
    assert {k[0]: v for k, (v, _) in imported(data_dir).items() if k[1:] == ("alf_msek", 2021)} == ALF_2021


# --- Tillväxtanalys' own XLSX (a real file: see fixtures/import/files/README.md) ------------------

TVA = FILES / "tillvaxtanalys_nystartade_kvartal_dalarna.xlsx"
TVA_MAPPING = FILES / "tillvaxtanalys_nystartade_kvartal_dalarna_mapping.json"
TVA_BLOB = "011185a7ac2c68ab5fbd4bed37d12c9f976e47c7"  # Region-Dalarna/laget_i_Dalarna@53430fe
TVA_SOURCE = "tillvaxtanalys_nyaf_kvartal_lan_2011"
# read off the file by hand: the "…Q4" rows of "20 Dalarnas län", column "antal nystartade företag"
DALARNA_Q4 = {2023: 414, 2022: 444, 2021: 390, 2020: 425, 2019: 341, 2018: 338, 2017: 409, 2016: 383,
              2015: 406, 2014: 357, 2013: 332, 2012: 391, 2011: 402}
NEW_FIRMS_Q4 = ('new_firms_q4,"Nystartade företag, fjärde kvartalet","New firms, fourth quarter",count,företag,'
                'firms,0,higher,industry,"Genuint nystartade företag i länet under årets fjärde kvartal '
                '(Tillväxtanalys).","Genuinely new firms in the county in the fourth quarter of the year '
                '(Tillväxtanalys).","År = kvartalets år.","Year = the year of the quarter."\n')


def with_new_firms_indicator(folder: Path) -> Path:
    """The catalogue has no indicator a Tillväxtanalys table of new firms could fill: the test copy gets one."""
    with (folder / "indicators.csv").open("a", encoding="utf-8", newline="") as out:
        out.write(NEW_FIRMS_Q4)
    return folder


def test_the_tillvaxtanalys_fixture_is_the_file_as_it_was_published_in_its_repository():
    raw = TVA.read_bytes()
    assert hashlib.sha1(b"blob %d\0" % len(raw) + raw).hexdigest() == TVA_BLOB


def test_the_real_tillvaxtanalys_xlsx_is_refused_without_a_mapping(data_dir):
    report = plan_import_from_upload(with_new_firms_indicator(data_dir), TVA.name, TVA.read_bytes())
    assert [i.code for i in report.refused] == ["not_template"], report.text("en")


def test_the_real_tillvaxtanalys_xlsx_with_its_mapping_gives_the_fourth_quarters(data_dir):
    report = plan_import_from_upload(with_new_firms_indicator(data_dir), TVA.name, TVA.read_bytes(),
                                     mapping=TVA_MAPPING.read_bytes())
    assert report.ok and report.source_kind == "wide" and not report.confirmations, report.text("en")
    assert values(report) == {("20", "new_firms_q4", year): value for year, value in DALARNA_Q4.items()}
    assert {c.new["period_label"] for c in report.added} == {f"4:e kvartalet {y}" for y in DALARNA_Q4}
    ignored = [w.detail["value"] for w in report.warnings if w.code == "ignored_label"]
    assert len(ignored) == 40 and set(ignored) == {f"{y}Q{q}" for y in range(2011, 2024) for q in (1, 2, 3)} | {
        "2024Q1"}  # the other quarters are named once each and not read
    assert [(s["source_id"], s["publisher"][:14]) for s in report.new_sources] == [(TVA_SOURCE, "Tillväxtanalys")]


def test_the_real_tillvaxtanalys_xlsx_on_the_command_line(data_dir, capsys):
    with_new_firms_indicator(data_dir)
    code, output = run(capsys, "--data-dir", data_dir, "--lang", "en", "import", TVA, "--mapping", TVA_MAPPING,
                       "--yes")
    assert code == 0 and "13 cells read: 13 added" in output, output
    written = imported(data_dir)
    assert {k[2]: v for k, v in written.items() if k[:2] == ("20", "new_firms_q4")} == {
        year: (value, TVA_SOURCE) for year, value in DALARNA_Q4.items()}
    sources = (data_dir / "imported" / "sources.csv").read_text(encoding="utf-8")
    assert "statistik.tillvaxtanalys.se/PxWeb/api/v1/sv/" in sources


def test_two_quarters_mapped_to_one_year_are_refused_not_both_taken(data_dir):
    mapping = json.loads(TVA_MAPPING.read_text(encoding="utf-8"))
    mapping["rows"]["2023Q3"] = {"year": 2023}
    report = plan_import_from_upload(with_new_firms_indicator(data_dir), TVA.name, TVA.read_bytes(), mapping=mapping)
    assert not report.can_apply
    assert any("20/new_firms_q4/2023 is already on line 5 of the file" in m for m in report.problem_messages("en"))


def test_a_period_written_once_for_all_its_regions_is_repeated_down_its_label_column(data_dir):
    """PxWeb leaves a stub label empty under the same label: the row below still has its period."""
    raw = xlsx_bytes([["Nystartade företag 2011- efter kvartal, län och variabel"], [],
                      [None, None, "antal nystartade företag"], ["2023Q4", "20 Dalarnas län", 414],
                      [None, "18 Örebro län", 7], [], ["Källa: Tillväxtanalys"]])
    mapping = {"source_id": "orebro_ls_strategy_2021",
               "columns": {"antal nystartade företag": {"indicator_id": "new_firms_q4"}},
               "rows": {"2023Q4": {"year": 2023}, "20 Dalarnas län": {"region_code": "20"},
                        "18 Örebro län": {"region_code": "18"}}}
    report = plan_import_from_upload(with_new_firms_indicator(data_dir), "pxweb.xlsx", raw, mapping=mapping)
    assert report.ok, report.text("en")
    assert values(report) == {("20", "new_firms_q4", 2023): 414, ("18", "new_firms_q4", 2023): 7}
    assert not report.warnings  # the source line below the table has no values: not a label to name


def tva_app_data(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "data"
    shutil.copytree(ROOT / "data", folder, ignore=shutil.ignore_patterns("raw", ".history", "imported"))
    monkeypatch.setenv("REGIONSTATS_DATA_DIR", str(folder))
    share_built_warehouses(monkeypatch, tmp_path)
    monkeypatch.setenv("REGIONSTATS_EDITOR", "1")
    return with_new_firms_indicator(folder)


def test_the_real_tillvaxtanalys_xlsx_is_imported_through_the_app_with_a_mapping(tmp_path, monkeypatch):
    folder = tva_app_data(tmp_path, monkeypatch)
    at = upload_in_the_app(TVA)
    assert any("”2023Q4” och ”20 Dalarnas län”, mappas för sig" in c.value for c in at.caption)
    guess = json.loads(at.text_area(key="import_mapping_text").value)
    assert guess["rows"] == {"20 Dalarnas län": {"region_code": "20"}}  # the quarters are the user's to map
    import_with_the_mapping(at, TVA_MAPPING, added=13)
    written = imported(folder)
    assert {k[2]: v for k, (v, _) in written.items() if k[:2] == ("20", "new_firms_q4")} == DALARNA_Q4
