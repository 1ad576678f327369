"""No wrong number gets in (issue #22): every break found by the hostile round, through the command line and
the app's upload.

Each file is refused, or asks for an explicit confirmation, with the reason in the user's language; nothing
is written (the data copy and the bundled data/ stay byte-identical). The files are in
tests/fixtures/import/files/ (made in the layouts of real files; see its README) or built here from a
real SCB answer.
"""

import json
import shutil
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest
from test_import_support import SCB_FIXTURES, copy_fixture_data, csv_bytes, run, snapshot

from tests.conftest import share_built_warehouses
from regionstats.i18n import t
from regionstats.views import registry
from tests.conftest import digest

ROOT = Path(__file__).resolve().parent.parent
FILES = Path(__file__).resolve().parent / "fixtures" / "import" / "files"
pytestmark = pytest.mark.usefixtures("data_untouched")
HEADER = "region_code;indicator_id;year;value;source_id"
SOURCE = "orebro_ls_strategy_2021"


def jsonstat_age_band() -> bytes:
    """SCB's TAB638 answer for Riket with the age fixed at an age band labelled "totalt 16-64 år"."""
    dataset = json.loads((SCB_FIXTURES / "tab638_riket_2014_2024.json").read_text(encoding="utf-8"))
    dataset["id"].insert(1, "Alder")
    dataset["size"].insert(1, 1)
    dataset["dimension"]["Alder"] = {"label": "ålder", "category": {"index": {"16-64": 0},
                                                                   "label": {"16-64": "totalt 16-64 år"}}}
    return json.dumps(dataset, ensure_ascii=False).encode("utf-8")


# (file name, bytes, refused or confirm, code, Swedish reason, English reason)
BREAKS = {
    "one_sex_title": ("pxweb_folkmangd_man.csv", (FILES / "pxweb_folkmangd_man.csv").read_bytes(), "refused",
                      "subpopulation_title", "är låst till ”Män”, en delmängd av befolkningen",
                      "is fixed at “Män”, a part of the population"),
    "age_band_title": ("pxweb_folkmangd_20_64.csv", (FILES / "pxweb_folkmangd_20_64.csv").read_bytes(), "refused",
                       "subpopulation_title", "är låst till ”20-64 år”", "is fixed at “20-64 år”"),
    "age_band_column": ("pxweb_age_band_column.csv", (FILES / "pxweb_age_band_column.csv").read_bytes(),
                        "refused", "not_total", "ålder är låst till totalt 16-64 år",
                        "ålder is fixed at totalt 16-64 år"),
    "age_band_jsonstat": ("tab638_16_64.json", jsonstat_age_band(), "refused", "not_total",
                          "dimensionen Alder är låst till 16-64 (totalt 16-64 år), som inte är en totalsumma",
                          "the dimension Alder is fixed at 16-64 (totalt 16-64 år), which is not a total"),
    "change_title": ("pxweb_folkmangdens_forandring.csv",
                     (FILES / "pxweb_folkmangdens_forandring.csv").read_bytes(), "refused", "title_not_population",
                     "”Folkmängdens förändring”, vilket inte är folkmängden",
                     "“Folkmängdens förändring”, which is not the population"),
    "year_as_value": ("long_ar_geografi_2024.csv", (FILES / "long_ar_geografi_2024.csv").read_bytes(), "refused",
                      "year_column_as_values", "kolumnen ”Ar” innehåller årtal, inte värden",
                      "the column “Ar” holds years, not values"),
    "mixed_encoding": ("mixed_utf8_cp1252.csv", (FILES / "mixed_utf8_cp1252.csv").read_bytes(), "refused",
                       "mixed_encoding", "rad 3: tecknen går inte att läsa som UTF-8, men rad 2 är skriven i UTF-8",
                       "line 3: the characters cannot be read as UTF-8, but line 2 is written in UTF-8"),
    "metadata": ("tab638_metadata.json", (SCB_FIXTURES / "tab638_metadata.json").read_bytes(), "refused",
                 "metadata_not_data", "tab638_metadata.json: det här är metadata, inte data",
                 "tab638_metadata.json: this is metadata, not data"),
    "jsonstat_named": ("delmangd.json", (SCB_FIXTURES / "tab638_subpopulation_2024.json").read_bytes(), "refused",
                       "not_total", "delmangd.json: dimensionen Civilstand är låst till OG",
                       "delmangd.json: the dimension Civilstand is fixed at OG"),
    "population_1e300": ("huge.csv", csv_bytes(f"18;population;2026;1e300;{SOURCE}", header=HEADER), "refused",
                         "beyond_population", "kan inte vara en befolkning (mer än 1000000000 personer)",
                         "cannot be a population (more than 1000000000 persons)"),
    # Riket's 2024 population halved, as a one-sex table read as a total would give (stored: 10 587 710)
    "halved_riket_added": ("riket.csv", csv_bytes(f"00;population;2025;5293855;{SOURCE}", header=HEADER),
                           "confirm", "population_neighbour", "är 50 % av det lagrade värdet för 2024",
                           "is 50% of the stored value for 2024"),
    # the population change (tens of thousands) read as a population
    "change_as_population": ("forandring.csv", csv_bytes(f"01;population;2026;19000;{SOURCE}",
                                                         f"18;population;2026;1900;{SOURCE}",
                                                         f"24;population;2026;2100;{SOURCE}", header=HEADER),
                             "confirm", "population_neighbour", "så mycket ändras ingen befolkning",
                             "no population changes that much"),
    # an amount a thousand times its series (SEK for MSEK): ALF for Örebro is stored as 70 MSEK for 2021
    "amount_out_of_range": ("alf.csv", csv_bytes(f"18;alf_msek;2023;70000000;{SOURCE}", header=HEADER),
                            "confirm", "series_range", "ligger långt utanför seriens senaste värden (70–70)",
                            "is far outside the series' recent values (70–70)"),
}


@pytest.fixture
def data_dir(tmp_path, monkeypatch):
    return copy_fixture_data(tmp_path, monkeypatch)


def codes(report) -> list[str]:
    return [i.code for i in report.refused + report.rejected + report.confirmations]


@pytest.mark.parametrize("case", list(BREAKS))
@pytest.mark.parametrize("lang", ["sv", "en"])
def test_each_break_is_refused_or_asks_on_the_command_line(case, lang, data_dir, tmp_path, capsys):
    name, raw, outcome, code, sv, en = BREAKS[case]
    upload = tmp_path / name
    upload.write_bytes(raw)
    before = snapshot(data_dir)
    status, output = run(capsys, "--data-dir", data_dir, "--lang", lang, "import", upload, "--yes")
    assert status == 1 and "Traceback" not in output
    assert (sv if lang == "sv" else en) in output, output
    if outcome == "confirm":
        assert "--confirm-warnings" in output
    assert snapshot(data_dir) == before


@pytest.mark.parametrize("case", list(BREAKS))
def test_each_break_has_its_code_and_begins_with_the_files_name(case, data_dir):
    from regionstats.importing import plan_import_from_upload

    name, raw, outcome, code, sv, en = BREAKS[case]
    report = plan_import_from_upload(data_dir, name, raw)
    assert code in codes(report), report.text("en")
    if outcome == "refused":
        assert not report.can_apply
        assert all(m.startswith(name) for m in report.problem_messages("sv") + report.problem_messages("en"))
    else:
        assert report.can_apply and report.confirmations and not report.rejected
        assert all(m.startswith(name) for m in report.confirmation_messages("en"))


# --- the app's upload -----------------------------------------------------------------------------


@pytest.fixture
def app_data(tmp_path, monkeypatch):
    folder = copy_fixture_data(tmp_path, monkeypatch)
    monkeypatch.setenv("REGIONSTATS_DATA_DIR", str(folder))
    monkeypatch.setenv("REGIONSTATS_EDITOR", "1")
    return folder


def data_page(lang: str) -> AppTest:
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=90)
    at.query_params["lang"] = lang
    at.run()
    at.switch_page(registry.BY_SLUG["data"].file).run()
    assert not at.exception
    return at


def shown(at: AppTest) -> str:
    parts = [e.value for kind in ("error", "warning", "markdown", "success", "info") for e in at.get(kind)]
    parts += [e.value for e in at.text]
    return "\n".join(str(p) for p in parts).replace("\\", "")


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_each_break_is_refused_or_asks_in_the_app(lang, app_data):
    before = digest(app_data)
    at = data_page(lang)
    for case, (name, raw, outcome, code, sv, en) in BREAKS.items():
        at.file_uploader(key="import_upload").set_value((name, raw, "text/plain")).run()
        assert not at.exception, case
        text = shown(at)
        assert (sv if lang == "sv" else en) in text, (case, text[:2000])
        confirm = [b for b in at.button if b.key == "import_confirm"]
        if outcome == "refused":
            assert not confirm, case
        else:
            assert t("import_must_confirm", lang) in text, case
            assert confirm and confirm[0].disabled, case  # the button waits for the tick
        assert digest(app_data) == before, case


# --- the sum of its parts: data/ holds all 21 counties and Riket for 2024 -------------------------------


@pytest.fixture
def full_data(tmp_path, monkeypatch):
    folder = tmp_path / "data"
    shutil.copytree(ROOT / "data", folder, ignore=shutil.ignore_patterns("raw", ".history", "imported"))
    share_built_warehouses(monkeypatch, tmp_path)
    return folder


@pytest.mark.parametrize("row, line_region", [
    ("00;population;2024;10000000", "00"),  # 5.6 % below the stored 10 587 710: near enough, but not the sum
    ("18;population;2024;318375", "18"),  # Örebro 10 000 more: Riket no longer its counties' sum
])
def test_a_population_that_breaks_the_sum_of_its_parts_asks(full_data, tmp_path, capsys, row, line_region):
    from regionstats.importing import plan_import_from_upload

    raw = csv_bytes(f"{row};{SOURCE}", header=HEADER)
    report = plan_import_from_upload(full_data, "delar.csv", raw)
    assert [i.code for i in report.confirmations] == ["sum_of_parts"], report.text("en")
    assert report.changed[0].key[0] == line_region
    assert "2024: länen summerar till" in report.confirmation_messages("sv")[0]
    assert "but Riket is" in report.confirmation_messages("en")[0]
    upload = tmp_path / "delar.csv"
    upload.write_bytes(raw)
    before = snapshot(full_data)
    status, output = run(capsys, "--data-dir", full_data, "--lang", "en", "import", upload, "--yes")
    assert status == 1 and "the counties sum to" in output and snapshot(full_data) == before


def test_real_figures_that_add_up_pass_without_a_question(full_data):
    from regionstats.importing import plan_import_from_upload

    rows = [f"00;population;2024;10587710;{SOURCE}", f"18;population;2024;308375;{SOURCE}"]
    report = plan_import_from_upload(full_data, "same.csv", csv_bytes(*rows, header=HEADER))
    assert report.ok and not report.confirmations and len(report.unchanged) == 2
