"""SCB's statistical database through PxWebApi 2.0 (JSON-stat2): population by county and year.

The request, as SCB's v2 API takes it (checked against public clients and their tests, not
against the live service from this project's machines)::

    POST https://statistikdatabasen.scb.se/api/v2/tables/TAB638/data?lang=sv&outputFormat=json-stat2
    {"selection": [{"variableCode": "Region", "valueCodes": ["00", "01", ...]},
                   {"variableCode": "ContentsCode", "valueCodes": ["BE0101N1"]},
                   {"variableCode": "Tid", "valueCodes": ["2014", ..., "2024"]}]}

TAB638 is "Folkmängden efter region, civilstånd, ålder och kön" (BefolkningNy in API v1);
BE0101N1 is folkmängd on 31 December. Variables left out of the selection (Civilstand,
Alder, Kon) are eliminated, i.e. SCB returns the total. The table id, contents code and
base URL are parameters in case SCB renames them.

Calls go through one rate limiter per process (SCB allows 30 calls per 10 seconds), are
retried with exponential back-off on 429 and 5xx, time out, and fail with an ``ScbError``
whose message is in Swedish or English. The HTTP transport is injectable, so tests never
touch the network.
"""

import datetime as dt
import hashlib
import itertools
import json
import math
import re
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import deque

from regionstats.importing.long_template import IncomingRow
from regionstats.importing.problems import ScbError
from regionstats.importing.readers import format_number
from regionstats.importing.report import ImportReport, plan_import

BASE_URL = "https://statistikdatabasen.scb.se/api/v2"
POPULATION_TABLE = "TAB638"
POPULATION_CONTENTS = "BE0101N1"
COUNTRY_AND_COUNTIES = ("00", "01", "03", "04", "05", "06", "07", "08", "09", "10", "12", "13", "14", "17",
                        "18", "19", "20", "21", "22", "23", "24", "25")
MAX_CALLS, WINDOW_SECONDS = 30, 10.0
TIMEOUT = 30.0
RETRIES = 4
BACKOFF = 1.0
MAX_DELAY = 30.0
MAX_RESPONSE = 20_000_000
RETRY_STATUSES = (429, 500, 502, 503, 504)
TABLE_ID = re.compile(r"^[A-Za-z0-9_]{1,40}$")
USER_AGENT = "regionstats (life science regions dashboard)"


class RateLimiter:
    """At most ``max_calls`` in any ``window`` seconds (a sliding window); thread-safe."""

    def __init__(self, max_calls: int = MAX_CALLS, window: float = WINDOW_SECONDS,
                 clock=time.monotonic, sleep=time.sleep):
        self.max_calls, self.window, self.clock, self.sleep = max_calls, window, clock, sleep
        self.calls, self.lock = deque(), threading.Lock()

    def wait(self) -> None:
        """Block until one more call fits in the window, then count it."""
        with self.lock:
            now = self.clock()
            while self.calls and now - self.calls[0] >= self.window:
                self.calls.popleft()
            if len(self.calls) >= self.max_calls:
                self.sleep(self.calls[0] + self.window - now)
                now = self.clock()
                self.calls.popleft()
            self.calls.append(now)


SHARED_LIMITER = RateLimiter()


def urllib_transport(method: str, url: str, body: bytes | None, headers: dict, timeout: float):
    """One HTTP call with urllib: (status, headers, body bytes); HTTP errors are returned, not raised."""
    request = urllib.request.Request(url, data=body, headers=headers, method=method)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, dict(response.headers.items()), response.read(MAX_RESPONSE + 1)
    except urllib.error.HTTPError as exc:
        with exc:
            return exc.code, dict(exc.headers.items()) if exc.headers else {}, exc.read(65536)


class ScbClient:
    """PxWebApi 2.0 data calls with rate limit, retries with back-off and a timeout."""

    def __init__(self, base_url: str = BASE_URL, transport=urllib_transport, timeout: float = TIMEOUT,
                 retries: int = RETRIES, backoff: float = BACKOFF, limiter: RateLimiter | None = None,
                 sleep=time.sleep, lang: str = "sv"):
        if urllib.parse.urlsplit(base_url).scheme not in ("https", "http"):
            raise ValueError(f"not an http(s) URL: {base_url}")
        self.base_url, self.transport, self.timeout = base_url.rstrip("/"), transport, timeout
        self.retries, self.backoff, self.sleep, self.lang = retries, backoff, sleep, lang
        self.limiter = limiter or SHARED_LIMITER
        self.last_body = b""

    def data_url(self, table_id: str) -> str:
        if not TABLE_ID.match(table_id):
            raise ValueError(f"not a table id: {table_id}")
        query = urllib.parse.urlencode({"lang": self.lang, "outputFormat": "json-stat2"})
        return f"{self.base_url}/tables/{table_id}/data?{query}"

    def fetch_data(self, table_id: str, selection: dict[str, list[str]]) -> dict:
        """The JSON-stat2 dataset for a selection {variable code: [value codes]}."""
        body = {"selection": [{"variableCode": k, "valueCodes": list(v)} for k, v in selection.items()]}
        raw = self.call("POST", self.data_url(table_id), json.dumps(body).encode("utf-8"))
        self.last_body = raw
        try:
            return json.loads(raw.decode("utf-8"))
        except (ValueError, UnicodeDecodeError) as exc:
            raise ScbError("scb_response", detail=str(exc)[:120]) from None

    def call(self, method: str, url: str, body: bytes | None = None) -> bytes:
        """The response body of a successful call; retries 429/5xx and network failures."""
        headers = {"Accept": "application/json", "Content-Type": "application/json", "User-Agent": USER_AGENT}
        attempts = self.retries + 1
        failure = None
        for attempt in range(attempts):
            if attempt:
                self.sleep(self.delay(attempt, failure))
            self.limiter.wait()
            try:
                status, response_headers, data = self.transport(method, url, body, headers, self.timeout)
            except TimeoutError as exc:
                failure = ("timeout", exc, {})
                continue
            except (urllib.error.URLError, OSError) as exc:
                if isinstance(getattr(exc, "reason", None), TimeoutError):
                    failure = ("timeout", exc, {})
                else:
                    failure = ("network", exc, {})
                continue
            if status in RETRY_STATUSES:
                failure = ("status", status, response_headers)
                continue
            if status != 200:
                raise ScbError("scb_http", status=status, detail=problem_detail(data))
            if len(data) > MAX_RESPONSE:
                raise ScbError("scb_response", detail=f"over {MAX_RESPONSE} bytes")
            return data
        kind, what, _ = failure
        if kind == "timeout":
            raise ScbError("scb_timeout", timeout=format_number(float(self.timeout)), attempts=attempts)
        if kind == "network":
            raise ScbError("scb_network", detail=str(getattr(what, "reason", what))[:120], attempts=attempts)
        raise ScbError("scb_busy", status=what, attempts=attempts)

    def delay(self, attempt: int, failure) -> float:
        """Exponential back-off, or SCB's Retry-After when it says so (capped)."""
        delay = self.backoff * 2 ** (attempt - 1)
        headers = failure[2] if failure else {}
        retry_after = next((v for k, v in headers.items() if k.lower() == "retry-after"), None)
        if retry_after is not None:
            try:
                delay = max(delay, float(retry_after))
            except ValueError:
                pass
        return min(delay, MAX_DELAY)


def problem_detail(data: bytes) -> str:
    """The title/detail of an RFC 7807 problem answer, or the start of the body."""
    try:
        problem = json.loads(data.decode("utf-8"))
        if isinstance(problem, dict):
            parts = [str(problem[k]) for k in ("title", "detail") if problem.get(k)]
            if parts:
                return ": ".join(parts)[:200]
    except (ValueError, UnicodeDecodeError):
        pass
    return data[:200].decode("utf-8", "replace").strip() or "-"


# --- JSON-stat2 -------------------------------------------------------------------------------


def dimension_codes(dataset: dict, dimension_id: str, size: int) -> list[str]:
    """A dimension's category codes in index order."""
    category = dataset["dimension"][dimension_id]["category"]
    index = category.get("index")
    if index is None:
        codes = list(category["label"])
    elif isinstance(index, list):
        codes = [str(c) for c in index]
    else:
        codes = sorted(index, key=lambda code: index[code])
    if len(codes) != size:
        raise ValueError(f"{dimension_id}: {len(codes)} categories, size {size}")
    return codes


def jsonstat_cells(dataset: dict) -> list[dict]:
    """Every cell of a JSON-stat2 dataset: {dimension: code, ..., "value": v, "status": s, "index": i}."""
    try:
        if dataset.get("class") != "dataset":
            raise ValueError("class is not dataset")
        ids, sizes = list(dataset["id"]), [int(s) for s in dataset["size"]]
        codes = [dimension_codes(dataset, d, s) for d, s in zip(ids, sizes, strict=True)]
        values, statuses = dataset["value"], dataset.get("status") or {}
        total = math.prod(sizes)
        if isinstance(values, list) and len(values) != total:
            raise ValueError(f"{len(values)} values for {total} cells")
        cells = []
        for index, combination in enumerate(itertools.product(*codes)):
            value = values[index] if isinstance(values, list) else values.get(str(index))
            if value is not None and (isinstance(value, bool) or not isinstance(value, (int, float))):
                raise ValueError(f"value {index} is not a number")
            cells.append({**dict(zip(ids, combination, strict=True)), "value": value,
                          "status": _status(statuses, index), "index": index})
        return cells
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise ScbError("scb_response", detail=f"{type(exc).__name__}: {exc}"[:160]) from None


def _status(statuses, index: int) -> str | None:
    if isinstance(statuses, str):
        return statuses
    if isinstance(statuses, list):
        return statuses[index] if index < len(statuses) else None
    return statuses.get(str(index))


def population_rows(dataset: dict, source_id: str, regions: list[str] | None = None,
                    contents: str = POPULATION_CONTENTS) -> list[IncomingRow]:
    """Observations rows (indicator population) for the country ('00') and counties in a dataset."""
    cells = jsonstat_cells(dataset)
    ids = list(dataset["id"])
    for dimension, size in zip(ids, dataset["size"], strict=True):
        if dimension not in ("Region", "Tid", "ContentsCode") and size != 1:
            raise ScbError("scb_response", detail=f"{dimension} has {size} values; expected the total")
    if "Region" not in ids or "Tid" not in ids:
        raise ScbError("scb_response", detail="Region or Tid missing")
    wanted = set(regions) if regions else None
    rows = []
    for cell in cells:
        region = cell["Region"]
        if len(region) != 2 or (wanted and region not in wanted):
            continue  # municipalities (4 digits) and regions not asked for
        if cell.get("ContentsCode", contents) != contents:
            continue
        missing = cell["value"] is None
        value = ".." if missing else format_number(float(cell["value"]))
        rows.append(IncomingRow(
            cell["index"] + 1,
            {"region_code": region, "indicator_id": "population", "year": cell["Tid"], "value": value,
             "value_text": (cell["status"] or "..") if missing else value,
             "status": "missing" if missing else "published", "source_id": source_id},
            {"region_code": "Region", "year": "Tid", "value": "value"},
        ))
    return rows


def population_source(dataset: dict, table_id: str, url: str, selection: dict, fetched: dt.date) -> dict:
    """The sources.csv row for one fetch: table id, URL, date fetched."""
    updated = str(dataset.get("updated") or "")[:10]
    chosen = "; ".join(f"{k}={_span(v)}" for k, v in selection.items())
    return {
        "source_id": f"scb_{table_id.lower()}_{fetched:%Y%m%d}",
        "publisher": "SCB (Statistikmyndigheten)",
        "title": f"{dataset.get('label') or 'Folkmängd'} (tabell {table_id})",
        "url": url,
        "published": updated,
        "accessed": fetched.isoformat(),
        "licence": "CC0 1.0",
        "note": f"Hämtad via PxWebApi 2.0 (POST, JSON-stat2); urval: {chosen}; folkmängd 31 december",
    }


def _span(values: list[str]) -> str:
    values = list(values)
    if len(values) > 3 and all(v.isdigit() for v in values):
        return f"{values[0]}–{values[-1]}"
    return ",".join(values)


def fetch_population(client: ScbClient, first_year: int, last_year: int, regions: list[str] | None = None,
                     table_id: str = POPULATION_TABLE, contents: str = POPULATION_CONTENTS,
                     today: dt.date | None = None) -> tuple[list[IncomingRow], dict, str]:
    """Population 31 December for regions and years: (rows, source row, sha256 of SCB's answer)."""
    selection = {
        "Region": list(regions or COUNTRY_AND_COUNTIES),
        "ContentsCode": [contents],
        "Tid": [str(y) for y in range(first_year, last_year + 1)],
    }
    dataset = client.fetch_data(table_id, selection)
    url = client.data_url(table_id)
    source = population_source(dataset, table_id, url, selection, today or dt.date.today())
    rows = population_rows(dataset, source["source_id"], selection["Region"], contents)
    return rows, source, hashlib.sha256(client.last_body).hexdigest()


def plan_scb_population(data_dir, first_year: int, last_year: int, regions: list[str] | None = None,
                        client: ScbClient | None = None, lang: str = "sv", table_id: str = POPULATION_TABLE,
                        today: dt.date | None = None) -> ImportReport:
    """The report for importing SCB's population; raises ScbError when SCB cannot be used."""
    client = client or ScbClient(lang="sv")
    rows, source, digest = fetch_population(client, first_year, last_year, regions, table_id, today=today)
    return plan_import(data_dir, rows, file_name=f"SCB {table_id}", sha256=digest, source_kind="scb",
                       sources=[source], lang=lang)
