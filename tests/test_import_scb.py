"""SCB's PxWebApi 2.0 client against saved JSON-stat2 answers (tests/fixtures/scb); never the network."""

import csv
import datetime as dt
import io
import json
import shutil
import urllib.error

import pytest
from test_import_support import FIXTURE_DATA, REAL_DATA, SCB_FIXTURES, copy_fixture_data, run, snapshot

from tests.conftest import share_built_warehouses
from regionstats import db, queries
from regionstats.importing import ScbError, apply_import, plan_scb_population
from regionstats.importing import commands as import_commands
from regionstats.importing.scb import (
    RateLimiter,
    ScbClient,
    fetch_population,
    jsonstat_cells,
    population_rows,
)

TODAY = dt.date(2026, 1, 15)

@pytest.fixture
def data_dir(tmp_path, monkeypatch):
    return copy_fixture_data(tmp_path, monkeypatch)



def fixture(name: str) -> bytes:
    return (SCB_FIXTURES / name).read_bytes()


class FakeTransport:
    """Answers from a queue: (status, body) pairs, or exceptions to raise; records every call."""

    def __init__(self, *answers):
        self.answers, self.calls = list(answers), []

    def __call__(self, method, url, body, headers, timeout):
        self.calls.append({"method": method, "url": url, "body": json.loads(body) if body else None,
                           "timeout": timeout})
        answer = self.answers.pop(0) if len(self.answers) > 1 else self.answers[0]
        if isinstance(answer, BaseException):
            raise answer
        status, data, *headers = answer
        return status, (headers[0] if headers else {}), data


class Router(FakeTransport):
    """Answers by URL: table metadata from the metadata fixtures, data from the queue."""

    METADATA = {"TAB638": "tab638_metadata.json", "TAB5557": "tab5557_metadata.json"}

    def __call__(self, method, url, body, headers, timeout):
        if "/metadata?" in url:
            self.calls.append({"method": method, "url": url, "body": None, "timeout": timeout})
            table = url.split("/tables/")[1].split("/")[0]
            return (200, {}, fixture(self.METADATA[table])) if table in self.METADATA else (
                404, {}, fixture("error_404.json"))
        return super().__call__(method, url, body, headers, timeout)


class NoLimit(RateLimiter):
    def wait(self):
        pass


def client(transport, sleeps=None) -> ScbClient:
    record = sleeps.append if sleeps is not None else (lambda seconds: None)
    return ScbClient(transport=transport, limiter=NoLimit(), sleep=record)


def test_request_shape_is_pxwebapi_v2():
    transport = Router((200, fixture("tab638_counties_2020.json")))
    rows, sources, digest = fetch_population(client(transport), 2020, 2020, ["00", "18"], today=TODAY)
    assert [(c["method"], c["url"].split("/api/v2/")[1]) for c in transport.calls[:2]] == [
        ("GET", "tables/TAB5557/metadata?lang=sv&outputFormat=json-stat2"),
        ("GET", "tables/TAB638/metadata?lang=sv&outputFormat=json-stat2")]
    call = transport.calls[2]
    (source,) = sources
    assert call["method"] == "POST"
    assert call["url"] == "https://statistikdatabasen.scb.se/api/v2/tables/TAB638/data?lang=sv&outputFormat=json-stat2"
    assert call["body"] == {"selection": [{"variableCode": "Region", "valueCodes": ["00", "18"]},
                                          {"variableCode": "ContentsCode", "valueCodes": ["BE0101N1"]},
                                          {"variableCode": "Tid", "valueCodes": ["2020"]}]}
    values = [(r.cells["region_code"], r.cells["value"]) for r in rows]
    assert values == [("00", "10379295"), ("18", "305643")]
    assert source == {
        "source_id": "scb_tab638_20260115", "publisher": "SCB (Statistikmyndigheten)",
        "title": "Folkmängden efter region, tabellinnehåll och år (tabell TAB638)", "url": call["url"],
        "published": "2025-02-21", "accessed": "2026-01-15", "licence": "CC0 1.0",
        "note": "Hämtad via PxWebApi 2.0 (POST, JSON-stat2); urval: Region=00,18; ContentsCode=BE0101N1; "
                "Tid=2020; folkmängd 31 december", "language": "sv",
    }
    assert len(digest) == 64


def test_jsonstat2_cells_in_row_major_order():
    dataset = json.loads(fixture("tab638_riket_2014_2024.json"))
    cells = jsonstat_cells(dataset)
    assert [c["Tid"] for c in cells] == [str(y) for y in range(2014, 2025)]
    assert cells[0]["value"] == 9747355 and cells[-1]["value"] == 10587710


def test_fixture_values_are_the_reference_figures():
    """Guard against invented numbers: every fixture value is a curated figure (from regional_facts.csv)."""
    with (FIXTURE_DATA / "observations.csv").open(encoding="utf-8") as handle:
        stored = {(r["region_code"], int(r["year"])): float(r["value"]) for r in csv.DictReader(handle)
                  if r["indicator_id"] == "population" and r["value"]}
    for name in ("tab638_riket_2014_2024.json", "tab638_counties_2020.json"):
        for row in population_rows(json.loads(fixture(name)), "s"):
            if row.cells["status"] == "published":
                assert stored[(row.cells["region_code"], int(row.cells["year"]))] == float(row.cells["value"])


def test_missing_cell_becomes_a_missing_observation():
    rows = population_rows(json.loads(fixture("tab638_counties_2020.json")), "s")
    ostergotland = next(r for r in rows if r.cells["region_code"] == "05")
    assert (ostergotland.cells["status"], ostergotland.cells["value"], ostergotland.cells["value_text"]) == (
        "missing", "..", "..")


def toy_dataset(regions, values, sizes=None, extra=None):
    """A JSON-stat2 dataset with toy numbers (not population figures) for shape tests."""
    dimension = {"Region": {"category": {"index": {r: i for i, r in enumerate(regions)}}},
                 "Tid": {"category": {"index": ["2020"]}}}
    ids, size = ["Region", "Tid"], [len(regions), 1]
    if extra:
        dimension["Kon"] = {"category": {"index": ["1", "2"]}}
        ids, size = ["Region", "Kon", "Tid"], [len(regions), 2, 1]
    return {"version": "2.0", "class": "dataset", "id": ids, "size": sizes or size, "dimension": dimension,
            "value": values}


def test_municipalities_are_skipped_and_split_tables_refused():
    rows = population_rows(toy_dataset(["0180", "01"], [1, 2]), "s")
    assert [r.cells["region_code"] for r in rows] == ["01"]
    with pytest.raises(ScbError) as info:
        population_rows(toy_dataset(["01"], [1, 2], extra=True), "s")
    assert "the dimension Kon has 2 values (1, 2); choose only the total" in info.value.message("en")


@pytest.mark.parametrize("dataset", [
    {"class": "collection"}, toy_dataset(["01"], [1, 2]), toy_dataset(["01"], ["many"]), {"class": "dataset"},
])
def test_unusable_answers_are_clean_errors(dataset):
    with pytest.raises(ScbError) as info:
        population_rows(dataset, "s")
    assert info.value.message("sv").startswith("SCB:s svar kunde inte läsas som JSON-stat2")


def test_retries_with_exponential_back_off_then_succeeds():
    sleeps = []
    transport = FakeTransport((429, b"slow down"), (503, b""), (502, b""),
                              (200, fixture("tab638_riket_2014_2024.json")))
    dataset = client(transport, sleeps).fetch_data("TAB638", {"Tid": ["2014"]})
    assert dataset["class"] == "dataset" and len(transport.calls) == 4
    assert sleeps == [1.0, 2.0, 4.0]


def test_retry_after_is_respected():
    sleeps = []
    transport = FakeTransport((429, b"", {"Retry-After": "7"}), (200, fixture("tab638_riket_2014_2024.json")))
    client(transport, sleeps).fetch_data("TAB638", {})
    assert sleeps == [7.0]


@pytest.mark.parametrize("answer, code, english", [
    ((429, b""), "scb_busy", "SCB is overloaded or limiting calls (HTTP 429) after 5 attempts; try later"),
    (TimeoutError("timed out"), "scb_timeout", "SCB did not answer within 30 s (5 attempts)"),
    (urllib.error.URLError(TimeoutError()), "scb_timeout", "did not answer within"),
    (urllib.error.URLError("Name or service not known"), "scb_network",
     "could not reach SCB (Name or service not known) after 5 attempts"),
])
def test_giving_up_after_retries_with_a_clear_message(answer, code, english):
    sleeps = []
    transport = FakeTransport(answer)
    with pytest.raises(ScbError) as info:
        client(transport, sleeps).fetch_data("TAB638", {})
    assert info.value.code == code and english in info.value.message("en")
    assert len(transport.calls) == 5 and sleeps == [1.0, 2.0, 4.0, 8.0]
    assert info.value.message("sv") != info.value.message("en")


def test_client_errors_are_not_retried_and_say_what_scb_said():
    transport = FakeTransport((404, fixture("error_404.json")))
    with pytest.raises(ScbError) as info:
        client(transport).fetch_data("TAB0", {})
    assert len(transport.calls) == 1
    assert info.value.message("sv") == "SCB svarade 404: Non-existent table"


def test_not_json_is_a_clean_error():
    with pytest.raises(ScbError) as info:
        client(FakeTransport((200, b"<html>maintenance</html>"))).fetch_data("TAB638", {})
    assert info.value.code == "scb_response"


def test_table_ids_and_urls_are_checked():
    with pytest.raises(ValueError):
        client(FakeTransport((200, b"{}"))).data_url("../admin")
    with pytest.raises(ValueError):
        ScbClient(base_url="file:///etc")


def test_rate_limiter_allows_30_calls_per_10_seconds():
    now, sleeps = [100.0], []

    def sleep(seconds):
        sleeps.append(seconds)
        now[0] += seconds

    limiter = RateLimiter(clock=lambda: now[0], sleep=sleep)
    for _ in range(30):
        limiter.wait()
        now[0] += 0.1
    assert sleeps == []
    limiter.wait()  # the 31st call waits until the first leaves the window
    assert sleeps == [pytest.approx(7.0)]


@pytest.fixture
def real_data_without_2020_population(tmp_path, monkeypatch):
    """A copy of data/ from which the population on 31 December 2020 has been removed."""
    share_built_warehouses(monkeypatch, tmp_path)
    target = tmp_path / "data"
    shutil.copytree(REAL_DATA, target, ignore=shutil.ignore_patterns(".history", "imported"))
    path = target / "observations.csv"
    text = path.read_bytes().decode("utf-8")
    kept = [line for line in text.splitlines(keepends=True) if ",population,2020," not in line]
    path.write_bytes("".join(kept).encode("utf-8"))
    return target


def per_capita_2021(data):
    con = db.connect(data)
    try:
        frame = queries.run(con, "per_capita", indicator="appropriation_research_msek", year=2021)
    finally:
        con.close()
    return frame.set_index("region_code")


def test_a_year_of_population_from_scb_gives_per_capita_that_year(real_data_without_2020_population):
    data = real_data_without_2020_population
    assert per_capita_2021(data).loc[["00", "03", "18", "24"], "population"].isna().all()
    transport = Router((200, fixture("tab638_counties_2020.json")))
    report = plan_scb_population(data, 2020, 2020, client=client(transport), today=TODAY)
    assert report.ok and report.source_kind == "scb"
    assert {c.key[0] for c in report.added} == {"00", "03", "05", "07", "09", "10", "14", "18", "24"}
    assert [s["source_id"] for s in report.new_sources] == ["scb_tab638_20260115"]
    apply_import(data, report)
    after = per_capita_2021(data)
    assert (after.loc["18", "population"], after.loc["18", "population_year"]) == (305643, 2020)
    # the strategy's published per-capita figures (kr per invånare, 2021) come back to within a krona
    published = {"00": 1715, "03": 5556, "18": 893, "24": 4191}
    for region, value in published.items():
        assert after.loc[region, "population_source_id"] == "scb_tab638_20260115"
        assert abs(after.loc[region, "published_per_capita"] - value) < 1, region  # the seed's cells, beside the sums


def test_fetching_again_the_same_day_changes_nothing(data_dir):
    answer = (200, fixture("tab638_counties_2020.json"))
    first = plan_scb_population(data_dir, 2020, 2020, client=client(Router(answer)), today=TODAY)
    # the frozen data already holds some of these figures from other sources: same values are left alone
    assert first.can_apply and {c.kind for c in first.changes} == {"unchanged", "added"}
    apply_import(data_dir, first)
    again = plan_scb_population(data_dir, 2020, 2020, client=client(Router(answer)), today=TODAY)
    assert again.ok and not again.can_apply and not again.new_sources
    assert {c.kind for c in again.changes} == {"unchanged"}


def test_fetch_command_with_a_saved_answer(data_dir, capsys, monkeypatch):
    transport = Router((200, fixture("tab638_riket_2014_2024.json")))
    monkeypatch.setattr(import_commands, "make_client", lambda lang="sv": client(transport))
    before = snapshot(data_dir)
    code, output = run(capsys, "--data-dir", data_dir, "--lang", "en", "fetch", "scb-population",
                       "--from", "2014", "--to", "2024", "--regions", "00", "--dry-run")
    assert code == 0 and "11 rows read: 0 added, 0 changed, 11 unchanged" in output
    assert "Nothing to change; nothing was written." in output
    assert snapshot(data_dir) == before
    assert transport.calls[-1]["body"]["selection"][0] == {"variableCode": "Region", "valueCodes": ["00"]}


def test_fetch_command_reports_scb_failure(data_dir, capsys, monkeypatch):
    monkeypatch.setattr(import_commands, "make_client",
                        lambda lang="sv": client(FakeTransport((404, fixture("error_404.json")))))
    before = snapshot(data_dir)
    code, output = run(capsys, "--data-dir", data_dir, "fetch", "scb-population",
                       "--from", "2020", "--to", "2020", "--table", "TAB0")
    assert code == 1 and "SCB svarade 404: Non-existent table" in output
    assert snapshot(data_dir) == before


def test_urllib_transport_returns_http_errors(monkeypatch):
    from regionstats.importing import scb

    def fake_urlopen(request, timeout):
        raise urllib.error.HTTPError(request.full_url, 503, "busy", {"Retry-After": "1"}, io.BytesIO(b"busy"))

    monkeypatch.setattr(scb.urllib.request, "urlopen", fake_urlopen)
    status, headers, body = scb.urllib_transport("POST", "https://example.invalid/x", b"{}", {}, 1)
    assert (status, headers, body) == (503, {"Retry-After": "1"}, b"busy")


def test_a_status_that_is_not_text_is_a_malformed_answer():
    """Found by the hypothesis test: a JSON-stat2 answer whose status list holds true, not a symbol."""
    from regionstats.importing import scb

    answer = json.loads((SCB_FIXTURES / "tab5557_riket_orebro_2025.json").read_text(encoding="utf-8"))
    answer["status"] = [True]
    with pytest.raises(scb.ScbError):
        scb.population_rows(answer, "scb_src", contents="000007ME")
