"""The Eurostat client: JSON-stat 2.0 answers with flags into import rows, malformed answers refused
(sv/en), the same report-then-confirm import as SCB, and no network (a fake transport)."""

import json
import shutil
from pathlib import Path

import pytest

from tests.conftest import share_built_warehouses
from regionstats.importing import commands as import_commands
from regionstats.importing.eurostat import (
    EurostatClient,
    EurostatError,
    dataset_rows,
    flag_note,
    plan_eurostat,
)
from tests.test_import_support import run, snapshot

ROOT = Path(__file__).resolve().parent.parent
ANSWER = ROOT / "tests" / "fixtures" / "eurostat" / "rd_e_gerdreg_handmade.json"
GEO = {"SE11": "nuts_SE11", "DK01": "nuts_DK01", "DE21": "nuts_DE21"}


class FakeTransport:
    def __init__(self, *answers):
        self.answers, self.calls = list(answers), []

    def __call__(self, method, url, body, headers, timeout):
        self.calls.append({"method": method, "url": url})
        answer = self.answers.pop(0)
        if isinstance(answer, Exception):
            raise answer
        return answer[0], {}, answer[1]


class NoWait:
    def wait(self):
        pass


def client(transport, sleeps=None) -> EurostatClient:
    return EurostatClient(transport=transport, limiter=NoWait(), sleep=(sleeps.append if sleeps is not None
                                                                       else lambda s: None))


def answer() -> dict:
    return json.loads(ANSWER.read_text(encoding="utf-8"))


@pytest.fixture
def data_dir(tmp_path, monkeypatch):
    """A writable copy of the real data/ (it has the NUTS 2 regions and the Eurostat indicators)."""
    share_built_warehouses(monkeypatch, tmp_path)
    target = tmp_path / "data"
    shutil.copytree(ROOT / "data", target, ignore=shutil.ignore_patterns("raw", ".history", "imported"))
    return target


def test_recorded_shape_with_flags_becomes_rows():
    rows = {(r.cells["region_code"], r.cells["year"]): r.cells for r in
            dataset_rows(answer(), "eu_rd_share_gdp", "src", GEO)}
    assert set(rows) == {("nuts_SE11", "2021"), ("nuts_SE11", "2022"), ("nuts_DK01", "2021"),
                         ("nuts_DK01", "2022"), ("nuts_DE21", "2021"), ("nuts_DE21", "2022")}
    assert (rows["nuts_SE11", "2021"]["value"], rows["nuts_SE11", "2021"]["status"]) == ("3.9", "published")
    assert rows["nuts_SE11", "2021"]["note"] == ""
    # p provisional, e estimated: provisional, the flag written out
    assert (rows["nuts_SE11", "2022"]["status"], rows["nuts_SE11", "2022"]["note"]) == (
        "provisional", "Eurostat-flagga p (preliminärt)")
    assert rows["nuts_DK01", "2021"]["status"] == "provisional"
    assert "e (uppskattat)" in rows["nuts_DK01", "2021"]["note"]
    # c confidential without a value: missing, the flag kept as the value text
    assert (rows["nuts_DE21", "2021"]["status"], rows["nuts_DE21", "2021"]["value_text"]) == ("missing", "c")
    # a break with a provisional figure: both flags
    assert rows["nuts_DE21", "2022"]["note"] == "Eurostat-flagga b (seriebrott), p (preliminärt)"
    assert rows["nuts_DE21", "2022"]["status"] == "provisional"
    assert flag_note("b", "en") == "Eurostat flag b (break in series)"


def test_url_repeats_geo_and_time_and_checks_codes():
    url = client(FakeTransport()).data_url("rd_e_gerdreg", ["SE11", "DK01"], [2021, 2022],
                                           {"unit": "PC_GDP", "sectperf": "TOTAL"})
    assert url.startswith("https://ec.europa.eu/eurostat/api/dissemination/statistics/1.0/data/rd_e_gerdreg?")
    assert "geo=SE11&geo=DK01&time=2021&time=2022" in url and "unit=PC_GDP" in url and "format=JSON" in url
    with pytest.raises(EurostatError) as bad:
        client(FakeTransport()).data_url("rd_e_gerdreg", ["SE11&x=1"], [2021], {})
    assert "geo" in bad.value.message("en")
    with pytest.raises(EurostatError) as unknown:
        client(FakeTransport()).data_url("nama_10_gdp", ["SE"], [2021], {})
    assert unknown.value.message("sv").startswith("okänt Eurostat-dataset")


MALFORMED = [
    ({"error": [{"status": 400, "id": 100, "label": "Dimension 'xyz' does not exist"}]},
     "Eurostat svarade med ett fel: Dimension 'xyz' does not exist",
     "Eurostat answered with an error: Dimension 'xyz' does not exist"),
    ({"class": "collection"}, "kunde inte läsas som ett JSON-stat 2.0-dataset",
     "could not be read as a JSON-stat 2.0"),
    ({**answer(), "size": [1, 2, 1, 3, 2]}, "har 2 värden för sectperf", "has 2 values for sectperf"),
    ({**answer(), "value": {"0": "3,9"}}, "kunde inte läsas", "could not be read"),
    ({**answer(), "id": ["freq", "sectperf", "unit", "region", "time"]}, "geo or time missing",
     "geo or time missing"),
]


@pytest.mark.parametrize("dataset,swedish,english", MALFORMED)
def test_malformed_answers_are_refused_with_a_clear_message(dataset, swedish, english):
    with pytest.raises(EurostatError) as refused:
        dataset_rows(dataset, "eu_rd_share_gdp", "src", GEO)
    assert swedish in refused.value.message("sv") and english in refused.value.message("en")


def test_report_first_nothing_written_until_confirmed(data_dir, capsys, monkeypatch):
    body = ANSWER.read_bytes()
    monkeypatch.setattr(import_commands, "make_eurostat_client", lambda: client(FakeTransport((200, body))))
    monkeypatch.setattr("sys.stdin", __import__("io").StringIO("n\n"))
    before = snapshot(data_dir)
    code, output = run(capsys, "--data-dir", data_dir, "--lang", "en", "fetch", "eurostat", "rd_e_gerdreg",
                       "--geo", "SE11,DK01,DE21", "--from", "2021", "--to", "2022")
    assert code == 1 and "6 rows read: 6 added" in output and "aborted; nothing was written" in output
    assert snapshot(data_dir) == before


def test_confirmed_import_writes_the_rows_with_their_flags(data_dir, capsys, monkeypatch):
    body = ANSWER.read_bytes()
    transport = FakeTransport((200, body))
    monkeypatch.setattr(import_commands, "make_eurostat_client", lambda: client(transport))
    code, output = run(capsys, "--data-dir", data_dir, "fetch", "eurostat", "rd_e_gerdreg",
                       "--geo", "SE11,DK01,DE21", "--from", "2021", "--to", "2022", "--yes")
    assert code == 0, output
    assert "geo=SE11&geo=DK01&geo=DE21" in transport.calls[0]["url"]
    written = "".join(p.read_text(encoding="utf-8") for p in data_dir.rglob("observations.csv"))
    assert "nuts_SE11,eu_rd_share_gdp,2022" in written and "Eurostat-flagga p (preliminärt)" in written
    sources = "".join(p.read_text(encoding="utf-8") for p in data_dir.rglob("sources.csv"))
    assert "eurostat_rd_e_gerdreg_" in sources and "Eurostat" in sources


def test_a_malformed_answer_writes_nothing(data_dir, capsys, monkeypatch):
    body = json.dumps({**answer(), "size": [1, 1, 2, 3, 2]}).encode()
    monkeypatch.setattr(import_commands, "make_eurostat_client", lambda: client(FakeTransport((200, body))))
    before = snapshot(data_dir)
    code, output = run(capsys, "--data-dir", data_dir, "fetch", "eurostat", "rd_e_gerdreg", "--from", "2021",
                       "--to", "2022", "--yes")
    assert code == 1 and "Inget skrevs" in output and "--filter unit=KOD" in output
    assert snapshot(data_dir) == before


def test_retries_then_succeeds_and_gives_up_with_a_message(data_dir):
    sleeps = []
    transport = FakeTransport((503, b""), (200, ANSWER.read_bytes()))
    report = plan_eurostat(data_dir, "rd_e_gerdreg", ["SE11", "DK01", "DE21"], 2021, 2022,
                           client(transport, sleeps))
    assert len(transport.calls) == 2 and sleeps == [2.0] and report.ok
    failing = client(FakeTransport(*[(503, b"")] * 4))
    with pytest.raises(EurostatError) as busy:
        plan_eurostat(data_dir, "rd_e_gerdreg", None, 2021, 2022, failing)
    assert "HTTP 503" in busy.value.message("en") and "4 attempts" in busy.value.message("en")
    not_found = client(FakeTransport((404, b'{"error":[{"status":404,"label":"Dataset not found"}]}')))
    with pytest.raises(EurostatError) as missing:
        plan_eurostat(data_dir, "rd_e_gerdreg", None, 2021, 2022, not_found)
    assert missing.value.message("sv") == "Eurostat svarade 404: Dataset not found"


def test_bad_command_lines_are_usage_errors(data_dir, capsys):
    code, output = run(capsys, "--data-dir", data_dir, "fetch", "eurostat", "--from", "2021", "--to", "2022")
    assert code == 2 and "ange datasetet" in output
    code, output = run(capsys, "--data-dir", data_dir, "--lang", "en", "fetch", "eurostat", "rd_e_gerdreg",
                       "--from", "2021", "--to", "2022", "--filter", "unit")
    assert code == 2 and "--filter should be DIM=CODE" in output
