"""Data as it really arrives (issue #12): SCB's tables by year, saved PxWeb answers and tables, Kolada ids.

Every SCB answer here is a saved or hand-made file in the shapes PxWebApi 2.0 returns
(tests/fixtures/scb/README.md); nothing touches the network.
"""

import pytest
from test_import_scb import TODAY, Router, client, fixture
from test_import_support import SCB_FIXTURES, copy_fixture_data, csv_bytes, run, snapshot, xlsx_bytes

from regionstats.importing import ScbError, plan_import_from_upload, plan_scb_population
from regionstats.importing import commands as import_commands


@pytest.fixture
def data_dir(tmp_path, monkeypatch):
    return copy_fixture_data(tmp_path, monkeypatch)


def selection(call) -> dict:
    return {s["variableCode"]: s["valueCodes"] for s in call["body"]["selection"]}


# --- SCB: the table chosen by year from its metadata ---------------------------------------------


def test_2025_is_fetched_from_tab5557_with_its_totals_and_contents_code(data_dir):
    transport = Router((200, fixture("tab5557_riket_orebro_2025.json")))
    report = plan_scb_population(data_dir, 2025, 2025, ["00", "18"], client=client(transport), today=TODAY)
    data_call = transport.calls[-1]
    assert data_call["url"].split("/api/v2/")[1] == "tables/TAB5557/data?lang=sv&outputFormat=json-stat2"
    assert selection(data_call) == {"Region": ["00", "18"], "Civilstand": ["SC"], "Alder": ["TotSA"],
                                    "Kon": ["TotSa"], "ContentsCode": ["000007ME"], "Tid": ["2025"]}
    assert [s["source_id"] for s in report.new_sources] == ["scb_tab5557_20260115"]
    riket = next(c for c in report.added if c.key[0] == "00")
    # SCB's ".." is kept as status and note, never dropped or turned into a number
    assert (riket.new["status"], riket.new["value_text"]) == ("missing", "..")
    assert "SCB: ”..” = uppgift saknas" in riket.new["note"]


def test_years_over_two_tables_make_two_calls_and_two_sources(data_dir):
    transport = Router((200, fixture("tab5557_riket_orebro_2025.json")),
                       (200, fixture("tab638_riket_2014_2024.json")))
    report = plan_scb_population(data_dir, 2014, 2025, ["00"], client=client(transport), today=TODAY)
    posts = [c for c in transport.calls if c["method"] == "POST"]
    assert [(c["url"].split("/tables/")[1].split("/")[0], selection(c)["Tid"][0], selection(c)["Tid"][-1])
            for c in posts] == [("TAB5557", "2025", "2025"), ("TAB638", "2014", "2024")]
    assert selection(posts[1]) == {"Region": ["00"], "ContentsCode": ["BE0101N1"],
                                   "Tid": [str(y) for y in range(2014, 2025)]}  # eliminable: left out
    assert {s["source_id"] for s in report.new_sources} == {"scb_tab5557_20260115"}  # TAB638: all unchanged


def test_a_year_no_table_has_is_refused_naming_the_tables_and_their_years(data_dir):
    with pytest.raises(ScbError) as info:
        plan_scb_population(data_dir, 2026, 2026, client=client(Router((200, b"{}"))), today=TODAY)
    assert info.value.message("sv") == (
        "SCB har inte åren 2026 i någon av tabellerna (TAB5557 2025; TAB638 1968–2024)")


@pytest.mark.parametrize("answer, hint", [
    ("error_400_value.json", "a value (year, contents or code) does not exist in the table"),
    ("error_400_mandatory.json", "a variable the table requires is missing from the selection"),
])
def test_a_400_answer_names_the_table_and_its_years(answer, hint, data_dir):
    transport = Router((400, fixture(answer)))
    with pytest.raises(ScbError) as info:
        plan_scb_population(data_dir, 2020, 2020, client=client(transport), today=TODAY)
    message = info.value.message("en")
    assert message.startswith("SCB did not accept the question to table TAB638 (which has the years 1968–2024)")
    assert hint in message
    assert "tabell TAB638 (som har åren 1968–2024)" in info.value.message("sv")


def test_contents_and_table_can_be_chosen_and_are_checked(data_dir):
    with pytest.raises(ScbError) as info:
        plan_scb_population(data_dir, 2025, 2025, client=client(Router((200, b"{}"))), table_id="TAB5557",
                            contents="BE0101N1", today=TODAY)
    assert info.value.message("en") == ("SCB's table TAB5557 does not have the contents BE0101N1; it has "
                                        "000007ME (Folkmängd), 000007MG (Folkökning) (give --contents)")


def test_a_sub_population_is_refused_naming_the_dimension_and_the_code(data_dir):
    transport = Router((200, fixture("tab638_subpopulation_2024.json")))
    with pytest.raises(ScbError) as info:
        plan_scb_population(data_dir, 2024, 2024, ["00"], client=client(transport), today=TODAY)
    assert info.value.message("sv").startswith(
        "dimensionen Civilstand är låst till OG (ogifta), som inte är en totalsumma")


def test_fetch_2025_from_the_command_line(data_dir, capsys, monkeypatch):
    transport = Router((200, fixture("tab5557_riket_orebro_2025.json")))
    monkeypatch.setattr(import_commands, "make_client", lambda lang="sv": client(transport))
    before = snapshot(data_dir)
    code, output = run(capsys, "--data-dir", data_dir, "--lang", "en", "fetch", "scb-population",
                       "--from", "2025", "--to", "2025", "--regions", "00,18", "--dry-run")
    assert code == 0 and "2 rows read: 2 added" in output and "scb_tab5557_" in output
    assert snapshot(data_dir) == before


def test_a_halving_population_must_be_confirmed(data_dir, capsys, tmp_path):
    upload = tmp_path / "halved.csv"  # 18/population/2020 is stored as 305 643
    upload.write_bytes(csv_bytes("18;population;2020;152 000;;scb_folkmangd_landskap_2020"))
    report = plan_import_from_upload(data_dir, upload.name, upload.read_bytes())
    assert report.ok and [i.code for i in report.confirmations] == ["implausible_change"]
    assert "18/population/2020: det lagrade värdet 305643 skulle bli 152000" in report.text("sv")
    before = snapshot(data_dir)
    code, output = run(capsys, "--data-dir", data_dir, "import", upload, "--yes")
    assert code == 1 and "--confirm-warnings" in output and snapshot(data_dir) == before
    code, _ = run(capsys, "--data-dir", data_dir, "import", upload, "--yes", "--confirm-warnings")
    assert code == 0 and snapshot(data_dir) != before


# --- saved PxWeb answers ----------------------------------------------------------------------


def test_a_saved_jsonstat2_answer_imports_like_a_spreadsheet(data_dir, capsys):
    raw = fixture("tab638_counties_2020.json")
    report = plan_import_from_upload(data_dir, "svar.json", raw)
    assert report.ok, report.text("en")
    assert report.source_kind == "jsonstat" and report.rows_read == 9
    keys = {c.key for c in report.changes}
    assert ("18", "population", 2020) in keys and ("05", "population", 2020) in keys
    (source,) = report.new_sources
    assert source["source_id"] == "scb_tabell_20250221"  # the fixture names no table id
    assert source["published"] == "2025-02-21"
    code, output = run(capsys, "--data-dir", data_dir, "--lang", "en", "import", SCB_FIXTURES /
                       "tab638_counties_2020.json", "--dry-run")
    assert code == 0 and "9 rows read" in output


def test_pxweb_v1_json_is_recognised_and_jsonstat2_asked_for(data_dir):
    report = plan_import_from_upload(data_dir, "v1.json", fixture("v1_json_answer.json"))
    assert [i.code for i in report.refused] == ["jsonstat_v1"]
    assert "JSON-stat2" in report.problem_messages("sv")[0]


def test_a_saved_sub_population_answer_is_refused(data_dir):
    report = plan_import_from_upload(data_dir, "sub.json", fixture("tab638_subpopulation_2024.json"))
    assert [i.code for i in report.refused] == ["not_total"]
    assert "Civilstand" in report.problem_messages("en")[0] and "OG" in report.problem_messages("en")[0]


PXWEB_CSV = (
    '"Folkmängden efter region och år"\r\n'
    '\r\n'
    '"region";"2023";"2024"\r\n'
    '"00 Riket";10551707;10587710\r\n'
    '"24 Västerbottens län";278729;281138\r\n'
    '"2480 Umeå";..;..\r\n'
).encode("cp1252")


def test_a_pxweb_csv_with_code_and_name_labels_and_years_as_columns(data_dir):
    report = plan_import_from_upload(data_dir, "folkmangd.csv", PXWEB_CSV)
    assert report.ok, report.text("en")
    assert report.source_kind == "pxweb"
    assert sorted(c.key for c in report.unchanged) == [("00", "population", 2023), ("00", "population", 2024),
                                                       ("24", "population", 2023), ("24", "population", 2024)]
    assert any(w.code == "skipped_municipalities" for w in report.warnings)


def test_a_pxweb_xlsx_with_contents_code_headers(data_dir):
    raw = xlsx_bytes([["region", "Folkmängd 2024", "000007ME 2025"],
                      ["00 Riket", 10587710, ".."], ["18 Örebro län", None, ".."]])
    report = plan_import_from_upload(data_dir, "px.xlsx", raw)
    assert report.ok, report.text("en")
    assert [c.key for c in report.unchanged] == [("00", "population", 2024)]
    added = {c.key: c.new for c in report.added}
    assert added[("18", "population", 2025)]["status"] == "missing"
    assert "uppgift saknas" in added[("18", "population", 2025)]["note"]


def test_a_pxweb_table_split_by_sex_is_refused(data_dir):
    raw = xlsx_bytes([["region", "kön", "2024"], ["00 Riket", "män", 1], ["00 Riket", "kvinnor", 2]])
    report = plan_import_from_upload(data_dir, "kon.xlsx", raw)
    assert [i.code for i in report.refused] == ["not_total"]
    assert "kön" in report.problem_messages("en")[0] and "män" in report.problem_messages("en")[0]


# --- Kolada ids and the regions' own names --------------------------------------------------------


@pytest.mark.parametrize("written, code", [
    ("0018", "18"), ("0000", "00"), ("0001", "01"), ("Region Sörmland", "04"), ("Västra Götalandsregionen", "14"),
    ("Region Stockholm", "01"), ("01 Stockholms län", "01"), ("00 Riket", "00"),
])
def test_kolada_ids_and_organisation_names_are_regions(written, code, data_dir):
    report = plan_import_from_upload(data_dir, "kolada.csv",
                                     csv_bytes(f"{written};alf_msek;2026;1;;orebro_ls_strategy_2021"))
    assert report.ok, report.text("en")
    assert [c.key[0] for c in report.changes] == [code]


def test_a_municipality_id_is_not_taken_for_a_county(data_dir):
    report = plan_import_from_upload(data_dir, "kolada.csv",
                                     csv_bytes("0180;alf_msek;2026;1;;orebro_ls_strategy_2021"))
    assert [i.code for i in report.rejected] == ["unknown_region"]


# --- messages ---------------------------------------------------------------------------------


def test_a_problem_on_many_lines_is_reported_once_with_the_count(data_dir):
    rows = [f"18;alf_msek;{2000 + i};1;;no_such_source" for i in range(12)]
    report = plan_import_from_upload(data_dir, "many.csv", csv_bytes(*rows))
    (line,) = report.problem_messages("sv")
    assert line.startswith("many.csv, kolumn source_id: okänd källa ”no_such_source”")
    assert "12 rader (rad 2, 3, 4, 5, 6 …)" in line
    assert "12 lines (lines 2, 3, 4, 5, 6 …)" in report.problem_messages("en")[0]


def test_a_wide_table_summary_counts_cells(data_dir, tmp_path):
    sheet = "Indikator;Örebro;Uppsala\nForskning, MSEK;70;1 000\n"
    mapping = {"year": 2026, "source_id": "orebro_ls_strategy_2021",
               "columns": {"Örebro": "18", "Uppsala": "03"}, "rows": {"Forskning, MSEK": "alf_msek"}}
    report = plan_import_from_upload(data_dir, "wide.csv", sheet.encode(), mapping=mapping)
    assert report.summary("sv").startswith("2 celler lästa") and report.summary("en").startswith("2 cells read")


def test_fixture_years_of_the_tables_are_as_documented():
    for name, first, last in (("tab638_metadata.json", "1968", "2024"), ("tab5557_metadata.json", "2025", "2025")):
        years = list(__import__("json").loads(fixture(name))["dimension"]["Tid"]["category"]["index"])
        assert (years[0], years[-1]) == (first, last)


def test_only_the_population_columns_of_a_pxweb_table_are_read(data_dir):
    raw = xlsx_bytes([["region", "Folkmängd 2024", "Folkökning 2024"], ["00 Riket", 10587710, 36003]])
    report = plan_import_from_upload(data_dir, "px.xlsx", raw)
    assert report.ok and [c.key for c in report.changes] == [("00", "population", 2024)]
    assert [w.code for w in report.warnings] == ["ignored_column"]


def test_a_saved_answer_with_two_contents_reads_only_the_population():
    from regionstats.importing.pxweb import jsonstat_upload

    dataset = __import__("json").loads(fixture("tab638_riket_2014_2024.json"))
    dataset["dimension"]["ContentsCode"]["category"] = {"index": {"BE0101N1": 0, "BE0101N2": 1},
                                                        "label": {"BE0101N1": "Folkmängd", "BE0101N2": "Folkökning"}}
    dataset["size"][dataset["id"].index("ContentsCode")] = 2
    dataset["value"] = [None] * (2 * len(dataset["value"]))
    rows, _, _ = jsonstat_upload("two.json", __import__("json").dumps(dataset).encode(), "0" * 64)
    assert len(rows) == 11 and {r.cells["indicator_id"] for r in rows} == {"population"}


def test_a_pxweb_xlsx_with_title_rows_a_contents_row_and_footnotes(data_dir):
    raw = xlsx_bytes([["Folkmängden efter region och år"], [], [None, "Folkmängd"], [None, "2023", "2024"],
                      ["00 Riket", 10551707, 10587710], ["24 Västerbottens län", 278729, 281138], [],
                      ["Källa: SCB"], ["Senast uppdaterad: 2025-02-21"]])
    report = plan_import_from_upload(data_dir, "pxweb.xlsx", raw)
    assert report.ok, report.text("en")
    assert len(report.unchanged) == 4 and report.source_kind == "pxweb"
    assert sum(w.code == "ignored_label" for w in report.warnings) == 2


def test_status_symbols_and_notes_on_numbers_are_kept_as_notes(data_dir):
    dataset = __import__("json").loads(fixture("tab638_counties_2020.json"))
    dataset["status"] = {"2": "..", "7": "*"}  # 05 has no figure; 18 carries a symbol on its number
    dataset["dimension"]["Region"]["category"]["note"] = {"18": ["Fr.o.m. 2020 enligt ny indelning."]}
    report = plan_import_from_upload(data_dir, "noter.json", __import__("json").dumps(dataset).encode())
    assert report.ok, report.text("en")
    rows = {c.key[0]: c.new for c in report.changes}
    assert rows["18"]["value"] == "305643" and rows["18"]["status"] == "published"
    assert rows["18"]["note"] == "SCB-status ”*”; Fr.o.m. 2020 enligt ny indelning."
    assert (rows["05"]["status"], rows["05"]["value_text"]) == ("missing", "..")


def test_fetch_command_with_table_and_contents(data_dir, capsys, monkeypatch):
    transport = Router((200, fixture("tab5557_riket_orebro_2025.json")))
    monkeypatch.setattr(import_commands, "make_client", lambda lang="sv": client(transport))
    code, output = run(capsys, "--data-dir", data_dir, "fetch", "scb-population", "--from", "2025", "--to",
                       "2025", "--regions", "00,18", "--table", "TAB5557", "--contents", "000007ME", "--dry-run")
    assert code == 0 and "2 rader lästa: 2 läggs till" in output
    assert [c["url"].split("/tables/")[1].split("/")[0] for c in transport.calls] == ["TAB5557", "TAB5557"]
    code, output = run(capsys, "--data-dir", data_dir, "fetch", "scb-population", "--from", "2025", "--to",
                       "2025", "--table", "TAB5557", "--contents", "BE0101N1", "--dry-run")
    assert code == 1 and "har inte tabellinnehållet BE0101N1" in output
