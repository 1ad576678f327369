"""The report an import gives before anything is written: every kind of problem, and every kind of change."""

import json

import pytest
from test_import_support import FIXTURE_DATA, HEADER, IMPORT_FIXTURES, TESTS, csv_bytes

from regionstats.importing import plan_import_from_upload, suggest_mapping_for_upload, template_csv
from regionstats.importing.long_template import TEMPLATE_COLUMNS

SRC = "orebro_ls_strategy_2021"


def plan(*rows, header=HEADER, name="upload.csv", **kwargs):
    return plan_import_from_upload(FIXTURE_DATA, name, csv_bytes(*rows, header=header), **kwargs)


def only_problem(report, lang="en") -> str:
    messages = report.problem_messages(lang)
    assert len(messages) == 1, messages
    return messages[0]


@pytest.mark.parametrize("row, expected", [
    (f"Orebro;alf_msek;2021;70;;{SRC}",
     "line 2, column region_code: unknown region “Orebro”; did you mean 18 (Örebro)?"),
    (f"Skane;alf_msek;2021;70;;{SRC}", "unknown region “Skane”; did you mean 12 (Skåne)?"),
    (f"18;alf;2021;70;;{SRC}", "unknown indicator “alf”; did you mean alf_msek"),
    (f"18;Folkmangd;2021;70;;{SRC}", "unknown indicator “Folkmangd”; did you mean population (Folkmängd)?"),
    (f"18;alf_msek;2021;70;SEK;{SRC}",
     "column unit: the unit “SEK” does not match the indicator's unit MSEK; divide by 1 000 000"),
    (f"18;alf_msek;2021;70;tkr;{SRC}", "divide by 1 000"),
    (f"18;phd_share_pct;2021;0,7;andel;{SRC}", "multiply by 100"),
    (f"18;alf_msek;2021;-5;;{SRC}", "column value: -5 is negative, but MSEK cannot be below zero"),
    (f"18;population;2021;-1;;{SRC}", "-1 is negative"),
    (f"18;phd_share_pct;2021;150;;{SRC}", "150 is outside 0–100 for an indicator in per cent"),
    (f"18;phd_share_pct;2021;-0,5;;{SRC}", "-0.5 is outside 0–100"),
    (f"18;medcity_rank;2021;0;;{SRC}", "0 is not a rank"),
    (f"18;medcity_rank;2021;1,5;;{SRC}", "1.5 is not a rank"),
    (f"18;alf_msek;1989;5;;{SRC}", "column year: the year 1989 is outside 1990–2100"),
    (f"18;alf_msek;2101;5;;{SRC}", "the year 2101 is outside 1990–2100"),
    (f"18;alf_msek;tjugo;5;;{SRC}", "column year: “tjugo” is not a year"),
    (f"18;alf_msek;2021;sjuttio;;{SRC}", "column value: “sjuttio” is not a number"),
    ("18;alf_msek;2021;70;;", "column source_id: source missing: give source_id or publisher, title and url"),
    ("18;alf_msek;2021;70;;orebro_ls_strategy_2012", "unknown source “orebro_ls_strategy_2012”; did you mean "
                                                      "orebro_ls_strategy_2021?"),
    (f"18;alf_msek;2021;;;{SRC}", "value missing; write x, .. or – if the source has no value"),
    (f";alf_msek;2021;5;;{SRC}", "column region_code: value missing"),
])
def test_each_problem_is_named_with_line_column_and_reason(row, expected):
    report = plan(row)
    assert not report.ok and not report.can_apply
    assert expected in only_problem(report)


def test_problems_in_swedish():
    report = plan(f"Orebro;alf_msek;2021;70;SEK;{SRC}", f"18;alf_msek;1989;-5;;{SRC}")
    assert report.problem_messages("sv") == [
        "upload.csv, rad 2, kolumn region_code: okänd region ”Orebro”; menade du 18 (Örebro)?",
        "upload.csv, rad 2, kolumn unit: enheten ”SEK” stämmer inte med indikatorns enhet MSEK; "
        "dela med 1 000 000",
        "upload.csv, rad 3, kolumn year: året 1989 ligger utanför 1990–2100",
        "upload.csv, rad 3, kolumn value: -5 är negativt, men MSEK kan inte vara mindre än noll",
    ]
    assert "Filen avvisas" in report.summary("sv") and "rejected" in report.summary("en")


def test_duplicates_within_the_file():
    report = plan(f"18;alf_msek;2026;5;;{SRC}", f"Örebro län;alf_msek;2026;6;;{SRC}")
    assert only_problem(report) == "upload.csv, line 3: 18/alf_msek/2026 is already on line 2 of the file"


def test_status_must_agree_with_a_missing_marker():
    report = plan(f"18;alf_msek;2026;x;published;{SRC}",
                  header="region_code;indicator_id;year;value;status;source_id")
    assert "the status is “published” but the value “x” means it is missing" in only_problem(report)


def test_added_changed_and_unchanged_with_both_sources():
    report = plan(f"18;alf_msek;2021;72;mkr;{SRC}",  # stored 70
                  f"18;alf_msek;2022;x;;{SRC}",  # new, missing
                  f"Region Örebro län;ALF-medel för forskning;2026;1 234,5;MSEK;{SRC}",
                  f"Sverige;alf_msek;2021;1923;;{SRC}")  # same as stored
    assert report.ok and report.can_apply
    assert report.counts() == {"read": 4, "added": 2, "changed": 1, "unchanged": 1, "rejected": 0,
                               "problems": 0, "warnings": 0, "new_sources": 0, "to_confirm": 0}
    changed = report.changed[0]
    assert (changed.old["value"], changed.new["value"], changed.old["source_id"]) == ("70", "72", SRC)
    added = {c.key: c.new for c in report.added}
    missing = added[("18", "alf_msek", 2022)]
    assert (missing["status"], missing["value"], missing["value_text"]) == ("missing", "", "x")
    assert added[("18", "alf_msek", 2026)]["value"] == "1234.5"
    assert added[("18", "alf_msek", 2026)]["value_text"] == "1 234,5"
    text = report.text("sv")
    assert f"18/alf_msek/2021: 70 ({SRC}) → 72 ({SRC}) [rad 2]" in text
    assert "Läggs till (2):" in text and "oförändrade" in text


def test_same_value_from_another_source_keeps_the_stored_row():
    report = plan("18;alf_msek;2021;70;;scb_folkmangd_landskap_2020")
    assert report.ok and not report.can_apply
    assert [c.kind for c in report.changes] == ["unchanged"]


def test_a_new_source_declared_in_the_same_file():
    header = "region;indikator;år;värde;källa;utgivare;titel;länk;publicerad"
    rows = ["18;alf_msek;2024;75;;Vetenskapsrådet;ALF i siffror 2024;https://www.vr.se/alf;2025",
            "03;alf_msek;2024;210;;Vetenskapsrådet;ALF i siffror 2024;https://www.vr.se/alf;2025"]
    report = plan(*rows, header=header)
    assert report.can_apply
    assert [s["source_id"] for s in report.new_sources] == ["vetenskapsradet_alf_i_siffror_2024_2025"]
    source = report.new_sources[0]
    assert (source["publisher"], source["url"], source["published"]) == (
        "Vetenskapsrådet", "https://www.vr.se/alf", "2025")
    assert {c.new["source_id"] for c in report.added} == {source["source_id"]}


def test_a_source_described_two_ways_or_half_described_is_rejected():
    header = "region_code;indicator_id;year;value;source_id;publisher;title;url"
    conflict = plan("18;alf_msek;2024;75;vr_alf;VR;ALF;https://www.vr.se",
                    "03;alf_msek;2024;75;vr_alf;VR;ALF 2;https://www.vr.se", header=header)
    assert "the source vr_alf is described differently on line 2" in only_problem(conflict)
    incomplete = plan("18;alf_msek;2024;75;vr_alf;VR;;www.vr.se", header=header)
    expected = "a new source needs publisher, title and url (http…); missing: title, url (http…)"
    assert expected in only_problem(incomplete)


def test_an_existing_source_described_again_is_a_warning_not_an_error():
    header = "region_code;indicator_id;year;value;source_id;publisher;title;url"
    report = plan(f"18;alf_msek;2026;75;{SRC};Someone;Something;https://example.org", header=header)
    assert report.can_apply and not report.new_sources
    assert "already exists; the details about it in the file are not used" in report.warnings[0].message("en")


def test_unit_warnings_for_shares_and_amounts_in_the_wrong_unit():
    report = plan(f"18;rd_share_grp_total;2027;0,018;;{SRC}", f"03;rd_share_grp_total;2027;0,054;;{SRC}",
                  f"18;alf_msek;2027;70000000;;{SRC}")
    assert report.can_apply  # only warnings: the user decides
    codes = sorted(w.code for w in report.warnings)
    assert codes == ["looks_like_share", "looks_like_smaller_unit"]
    assert any("Are they shares? If so, multiply by 100" in w.message("en") for w in report.warnings)


def test_unrecognised_unit_is_a_warning_and_synonyms_are_understood():
    report = plan(f"18;alf_msek;2027;7;miljoner kronor;{SRC}", f"03;alf_msek;2027;7;furlongs;{SRC}",
                  f"05;population;2027;7;invånare;{SRC}", f"24;phd_share_pct;2027;7;%;{SRC}")
    assert report.can_apply
    assert [w.code for w in report.warnings] == ["unit_unknown"]


def test_replacing_a_value_with_missing_is_shown():
    report = plan(f"18;alf_msek;2021;..;;{SRC}")
    assert [c.kind for c in report.changes] == ["changed"]
    expected = "18/alf_msek/2021: the stored value 70 is replaced by “missing”"
    assert expected in report.warnings[0].message("en")


def test_excel_dropped_leading_zero_and_region_names():
    report = plan(f"1;alf_msek;2026;1;;{SRC}", f"Stockholms län;alf_msek;2027;1;;{SRC}",
                  f"Riket;alf_msek;2026;1;;{SRC}", f"Västra Götalands län;alf_msek;2026;1;;{SRC}")
    assert report.ok
    assert [c.key[0] for c in report.changes] == ["01", "01", "00", "14"]


def test_changed_row_keeps_its_period():
    report = plan(f"18;citation_avg_clinical_pct;2019;12;;{SRC}")
    new = report.changed[0].new
    assert (new["period_start"], new["period_end"], new["period_label"]) == ("2015", "2019", "2015–19")


def test_report_as_dataframe_in_both_languages():
    report = plan(f"18;alf_msek;2021;72;;{SRC}", f"18;alf_msek;2026;5;;{SRC}", f"99;alf_msek;2026;5;;{SRC}")
    frame = report.frame("en")
    assert list(frame.columns) == ["kind", "line", "column", "region_code", "indicator_id", "year",
                                   "old_value", "new_value", "old_source", "new_source", "message"]
    assert sorted(frame.kind) == ["added", "changed", "rejected"]
    assert sorted(report.frame("sv").kind) == ["avvisad", "läggs till", "ändras"]
    changed = frame[frame.kind == "changed"].iloc[0]
    assert (changed.old_value, changed.new_value, changed.line) == ("70", "72", 2)


def test_the_wide_key_figures_table_with_a_mapping():
    raw = (TESTS / "fixtures" / "keyfigures_table.tsv").read_bytes()
    mapping = (IMPORT_FIXTURES / "keyfigures_mapping.json").read_bytes()
    report = plan_import_from_upload(FIXTURE_DATA, "keyfigures_table.tsv", raw, mapping=mapping)
    assert report.ok and report.source_kind == "wide"
    # every mapped cell agrees with what is stored, footnote stars and missing markers included
    assert report.counts()["unchanged"] == 51 and not report.added and not report.changed
    ignored = [w.detail["value"] for w in report.warnings if w.code == "ignored_label"]
    assert ignored == ["THE, totalt i världen, plats", "THE, kvalitet, lärosäten i Sverige, plats",
                       "THE, lärosäten, < 50 år, plats", "Antal publikationer (%) ****"]


def test_a_first_mapping_is_suggested_from_the_labels():
    raw = "\tSverige\tÖrebro län\tUpsala\nFolkmängd\t1\t2\t3\nNågot annat\t1\t2\t3\n".encode()
    mapping = suggest_mapping_for_upload(FIXTURE_DATA, "wide.tsv", raw)
    assert mapping == {"year": None, "source_id": None, "rows": {"Folkmängd": "population"},
                       "columns": {"Sverige": "00", "Örebro län": "18", "Upsala": "03"}}


def test_wide_table_changes_name_the_cell():
    raw = "\tSverige\tÖrebro\nALF-forskning, MSEK\t1923\tsjuttio\n".encode()
    mapping = {"year": 2021, "source_id": SRC, "columns": {"Sverige": "00", "Örebro": "18"},
               "rows": {"ALF-forskning, MSEK": "alf_msek"}}
    report = plan_import_from_upload(FIXTURE_DATA, "wide.tsv", raw, mapping=json.dumps(mapping))
    assert report.problem_messages("en") == ["wide.tsv, line 2, column Örebro: “sjuttio” is not a number"]


@pytest.mark.parametrize("mapping, detail", [
    ("{not json", "Expecting property name"),
    ('{"rows": {}, "columns": {"a": "00"}}', "“rows” must be a non-empty object"),
    ('{"rows": {"a": 5}, "columns": {"a": "00"}}', "rows: “a” needs indicator_id"),
])
def test_a_bad_mapping_is_refused(mapping, detail):
    report = plan_import_from_upload(FIXTURE_DATA, "wide.csv", b"a;b\nc;d\n", mapping=mapping)
    assert report.refused and detail in report.refused[0].message("en")


def test_a_file_without_the_template_columns_is_refused():
    report = plan_import_from_upload(FIXTURE_DATA, "x.csv", b"region;value\n18;5\n")
    assert "the columns indicator_id, year are missing" in report.refused[0].message("en")


def test_a_broken_data_folder_stops_the_import(tmp_path):
    report = plan_import_from_upload(tmp_path, "upload.csv", csv_bytes(f"18;alf_msek;2026;5;;{SRC}"))
    assert report.refused and "does not pass validation" in report.refused[0].message("en")


@pytest.mark.parametrize("lang, separator", [("sv", ";"), ("en", ",")])
def test_template_has_the_columns_help_and_an_example(lang, separator):
    data = template_csv(lang)
    assert data.startswith(b"\xef\xbb\xbf")
    lines = data.decode("utf-8-sig").splitlines()
    header = next(line for line in lines if not line.startswith("#"))
    assert header.split(separator) == list(TEMPLATE_COLUMNS)
    assert lines[-1].startswith("# 18" + separator + "alf_msek")
    assert plan_import_from_upload(FIXTURE_DATA, "mall.csv", data).rows_read == 0


def test_template_example_uncommented_imports_with_its_new_source():
    text = template_csv("sv").decode("utf-8-sig")
    lines = text.splitlines()
    lines[-1] = lines[-1][2:]
    report = plan_import_from_upload(FIXTURE_DATA, "mall.csv", "\n".join(lines).encode("utf-8"))
    assert report.can_apply
    assert report.added[0].key == ("18", "alf_msek", 2024) and report.added[0].new["value"] == "123.4"
    assert [s["source_id"] for s in report.new_sources] == ["example_source_2025"]
