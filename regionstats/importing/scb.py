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
from dataclasses import dataclass

from regionstats.i18n import TEXT, both, t
from regionstats.importing.long_template import IncomingRow
from regionstats.importing.problems import Both, ScbError
from regionstats.importing.readers import format_number
from regionstats.importing.report import ImportReport, plan_import

BASE_URL = "https://statistikdatabasen.scb.se/api/v2"
POPULATION_TABLE = "TAB638"  # 1968–2024
POPULATION_TABLES = ("TAB5557", "TAB638")  # tried in this order; each takes the asked years its metadata has
POPULATION_CONTENTS = "BE0101N1"
POPULATION_CONTENT_CODES = {"TAB638": "BE0101N1", "TAB5557": "000007ME"}
POPULATION_LABELS = ("folkmängd", "population")
# Codes SCB uses for "all of them" (TAB638: age "tot"; TAB5557: "SC", "TotSA", "TotSa", "TOT1"…; others "1+2")
TOTAL_CODES = ("TotSA", "TotSa", "SC", "tot", "TOT", "TOT1", "TOT5", "TOT10", "1+2", "T", "total", "totalt")
TOTAL_LABEL_START = ("totalt", "total", "samtliga", "båda könen", "alla", "all ")
TOTAL_LABELS = frozenset({"totalt", "total", "samtliga", "alla", "båda könen", "totalt ålder", "alla åldrar",
                          "samtliga åldrar", "totalt samtliga åldrar", "samtliga civilstånd", "totalt kön",
                          "both sexes", "all ages", "all", "totalt civilstånd", "alla civilstånd"})
# the words a total label may be made of, and words that name a part of the population
TOTAL_WORDS = frozenset({"totalt", "total", "samtliga", "alla", "båda", "könen", "kön", "ålder", "åldrar",
                         "civilstånd", "all", "ages", "both", "sexes", "sex", "age", "och", "and"})
SUBGROUP_WORDS = frozenset({"män", "kvinnor", "pojkar", "flickor", "ogifta", "ogift", "gifta", "gift", "skilda",
                            "skild", "änkor", "änklingar", "änka", "änkling", "inrikes", "utrikes", "födda",
                            "men", "women", "male", "female", "males", "females", "married", "unmarried",
                            "born", "år", "years"})
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

    def metadata_url(self, table_id: str) -> str:
        if not TABLE_ID.match(table_id):
            raise ValueError(f"not a table id: {table_id}")
        query = urllib.parse.urlencode({"lang": self.lang, "outputFormat": "json-stat2"})
        return f"{self.base_url}/tables/{table_id}/metadata?{query}"

    def fetch_metadata(self, table_id: str) -> dict:
        """The table's metadata (JSON-stat2 without values): variables, codes, elimination, years."""
        raw = self.call("GET", self.metadata_url(table_id))
        try:
            return json.loads(raw.decode("utf-8"))
        except (ValueError, UnicodeDecodeError, RecursionError) as exc:
            raise ScbError("scb_response", detail=str(exc)[:120]) from None

    def fetch_data(self, table_id: str, selection: dict[str, list[str]]) -> dict:
        """The JSON-stat2 dataset for a selection {variable code: [value codes]}."""
        body = {"selection": [{"variableCode": k, "valueCodes": list(v)} for k, v in selection.items()]}
        raw = self.call("POST", self.data_url(table_id), json.dumps(body).encode("utf-8"))
        self.last_body = raw
        try:
            return json.loads(raw.decode("utf-8"))
        except (ValueError, UnicodeDecodeError, RecursionError) as exc:
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
                raise ScbError("scb_http", status=status, detail=problem_detail(data),
                               title=problem_title(data))
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


def problem_title(data: bytes) -> str:
    """The title of an RFC 7807 problem answer ("Non-existent value"), or ""."""
    try:
        problem = json.loads(data.decode("utf-8"))
    except (ValueError, UnicodeDecodeError, RecursionError):
        return ""
    return str(problem.get("title") or "")[:120] if isinstance(problem, dict) else ""


def problem_detail(data: bytes) -> str:
    """The title/detail of an RFC 7807 problem answer, or the start of the body."""
    try:
        problem = json.loads(data.decode("utf-8"))
        if isinstance(problem, dict):
            parts = [str(problem[k]) for k in ("title", "detail") if problem.get(k)]
            if parts:
                return ": ".join(parts)[:200]
    except (ValueError, UnicodeDecodeError, RecursionError):
        pass
    return data[:200].decode("utf-8", "replace").strip() or "-"


# --- JSON-stat2 -------------------------------------------------------------------------------


class Shape(ValueError):
    """What is wrong with an answer's shape: the catalogue's scb.shape.<key>, in both languages."""

    def __init__(self, key: str, **values):
        self.both = both(f"scb.shape.{key}", **values)
        super().__init__(self.both.en)


def shape_detail(exc: Exception, prefix: str = "") -> Both:
    """An exception from reading an answer as a detail in both languages."""
    if isinstance(exc, Shape):
        text = exc.both
    elif isinstance(exc, KeyError):
        text = both("scb.shape.no_field", field=exc)
    else:
        text = Both(f"{type(exc).__name__}: {exc}", f"{type(exc).__name__}: {exc}")
    return Both(f"{prefix}{text.sv}"[:160], f"{prefix}{text.en}"[:160])


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
        raise Shape("categories", dimension=dimension_id, count=len(codes), size=size)
    return codes


def jsonstat_cells(dataset: dict) -> list[dict]:
    """Every cell of a JSON-stat2 dataset: {dimension: code, ..., "value": v, "status": s, "index": i}."""
    try:
        if not isinstance(dataset, dict) or dataset.get("class") != "dataset":
            raise Shape("not_dataset")
        ids, sizes = list(dataset["id"]), [int(s) for s in dataset["size"]]
        codes = [dimension_codes(dataset, d, s) for d, s in zip(ids, sizes, strict=True)]
        values, statuses = dataset["value"], dataset.get("status") or {}
        total = math.prod(sizes)
        if total > MAX_CELLS:
            raise Shape("too_many_cells", total=total, limit=MAX_CELLS)
        if isinstance(values, list) and len(values) != total:
            raise Shape("value_count", count=len(values), total=total)
        if not isinstance(values, (list, dict)):
            raise Shape("not_list")
        cells = []
        for index, combination in enumerate(itertools.product(*codes)):
            value = values[index] if isinstance(values, list) else values.get(str(index))
            if value is not None and (isinstance(value, bool) or not isinstance(value, (int, float))
                                      or not math.isfinite(value)):
                raise Shape("not_number", index=index)
            cells.append({**dict(zip(ids, combination, strict=True)), "value": value,
                          "status": _status(statuses, index), "index": index})
        return cells
    except (KeyError, TypeError, ValueError, AttributeError, IndexError) as exc:
        raise ScbError("scb_response", detail=shape_detail(exc)) from None


MAX_CELLS = 200_000


def _status(statuses, index: int) -> str | None:
    if isinstance(statuses, str):
        return statuses
    if isinstance(statuses, list):
        return statuses[index] if index < len(statuses) else None
    found = statuses.get(str(index)) if isinstance(statuses, dict) else None
    return str(found) if found is not None else None


def _roles(dataset: dict) -> tuple[str, str, str]:
    """The geography, time and contents dimensions (by role, else SCB's names)."""
    role = dataset.get("role") if isinstance(dataset.get("role"), dict) else {}

    def first(name, default):
        found = role.get(name)
        return str(found[0]) if isinstance(found, list) and found else default

    return first("geo", "Region"), first("time", "Tid"), first("metric", "ContentsCode")


def _labels(dataset: dict, dimension: str) -> dict:
    try:
        labels = dataset["dimension"][dimension]["category"].get("label") or {}
        return labels if isinstance(labels, dict) else {}
    except (KeyError, TypeError, AttributeError):
        return {}


def _extension(dataset: dict, dimension: str) -> dict:
    try:
        extension = dataset["dimension"][dimension].get("extension") or {}
        return extension if isinstance(extension, dict) else {}
    except (KeyError, TypeError, AttributeError):
        return {}


def is_total(code: str, elimination_code: str | None = None) -> bool:
    """Is this value code the total of its dimension: its elimination value (the metadata says so) or a
    known total code? A label alone never makes a total here ("totalt 16-64 år" is an age band); tables
    without codes (PxWeb's CSV) are read with ``is_total_label``."""
    if elimination_code is not None and code == elimination_code:
        return True
    return code in TOTAL_CODES


def is_total_label(label: str) -> bool:
    """A label that means "all of them" (``totalt``, ``båda könen``, ``totalt ålder``): one of the known
    total words, with no number and no subgroup in it (``totalt 16-64 år``, ``samtliga män`` are not)."""
    text = " ".join(str(label).strip().lower().replace(",", " ").split())
    words = set(re.findall(r"\w+", text))
    if not text or any(ch.isdigit() for ch in text) or words & SUBGROUP_WORDS:
        return False
    return text in TOTAL_LABELS or (text.startswith(TOTAL_LABEL_START) and words <= TOTAL_WORDS)


def status_meaning(symbol: str) -> str:
    """What SCB's symbol for a cell without a number means (catalogue scb.status.<symbol>), in Swedish
    as the notes are."""
    key = f"scb.status.{symbol}"
    return t(key) if key in TEXT else f"SCB-symbol {symbol}"


def check_totals(dataset: dict) -> None:
    """Refuse an answer in which any dimension other than region, year and contents is not its total."""
    geo, time_id, metric = _roles(dataset)
    for dimension, size in zip(dataset["id"], dataset["size"], strict=True):
        if dimension in (geo, time_id, metric):
            continue
        codes = dimension_codes(dataset, dimension, int(size))
        labels = _labels(dataset, dimension)
        if int(size) != 1:
            raise ScbError("several_values", dimension=dimension, count=int(size), codes=", ".join(codes[:5]))
        code = codes[0]
        elimination = _extension(dataset, dimension).get("eliminationValueCode")
        if not is_total(code, elimination):
            raise ScbError("not_total", dimension=dimension, value_code=code, label=labels.get(code, code),
                           totals=", ".join(c for c in TOTAL_CODES[:5]))


def population_rows(dataset: dict, source_id: str, regions: list[str] | None = None,
                    contents: str | tuple = POPULATION_CONTENTS,
                    indicator_id: str = "population") -> list[IncomingRow]:
    """Observations rows for the country ('00') and counties in a JSON-stat2 dataset.

    Refuses (ScbError) an answer in which another dimension is split or fixed at a value that is
    not its total (a sub-population is never read as a total). SCB's status symbols are kept:
    a cell without a number becomes ``missing`` with the symbol as value text and its meaning
    as note; a symbol on a number becomes a note.
    """
    cells = jsonstat_cells(dataset)
    geo, time_id, metric = _roles(dataset)
    ids = list(dataset["id"])
    if geo not in ids or time_id not in ids:
        raise ScbError("scb_response",
                       detail=both("scb.shape.no_geo_or_time", geo=geo, time=time_id))
    try:
        check_totals(dataset)
    except (KeyError, TypeError, ValueError) as exc:
        raise ScbError("scb_response", detail=shape_detail(exc)) from None
    wanted = set(regions) if regions else None
    accepted = {contents} if isinstance(contents, str) else set(contents)
    notes = category_notes(dataset)
    rows = []
    for cell in cells:
        region = county_code(cell[geo])
        if region is None or (wanted and region not in wanted):
            continue  # municipalities (4 digits) and regions not asked for
        if metric in cell and cell[metric] not in accepted:
            continue
        if not isinstance(cell["status"], (str, type(None))) or isinstance(cell["value"], (bool, str)):
            raise ScbError("scb_response", detail=both("scb.shape.value_types"))
        symbol = (cell["status"] or "").strip()
        note = "; ".join(n for n in (notes.get((geo, cell[geo])), notes.get((time_id, cell[time_id]))) if n)
        if cell["value"] is None:
            shown = symbol or ".."
            meaning = status_meaning(shown)
            cells_out = {"value": shown, "value_text": shown, "status": "missing",
                         "note": "; ".join(x for x in (f"SCB: ”{shown}” = {meaning}", note) if x)}
        else:
            value = format_number(float(cell["value"]))
            status_note = f"SCB-status ”{symbol}”" if symbol else ""
            cells_out = {"value": value, "value_text": value, "status": "published",
                         "note": "; ".join(x for x in (status_note, note) if x)}
        rows.append(IncomingRow(
            cell["index"] + 1,
            {"region_code": region, "indicator_id": indicator_id, "year": str(cell[time_id]),
             "source_id": source_id, **cells_out},
            {"region_code": geo, "year": time_id, "value": "value"},
        ))
    return rows


def county_code(code: str) -> str | None:
    """'00'…'25' as they are; Kolada's '0000'…'0025' to '00'…'25'; municipalities (4 digits) None."""
    code = str(code).strip()
    if len(code) == 2 and code.isdigit():
        return code
    if len(code) == 4 and code.isdigit() and code.startswith("00"):
        return code[2:]
    return None


def category_notes(dataset: dict) -> dict:
    """Notes SCB attaches to a region or a year (``category.note``), as one text per code."""
    out = {}
    for dimension in dataset.get("id", []):
        try:
            notes = dataset["dimension"][dimension]["category"].get("note") or {}
        except (KeyError, TypeError, AttributeError):
            continue
        if isinstance(notes, dict):
            for code, texts in notes.items():
                texts = texts if isinstance(texts, list) else [texts]
                out[(dimension, str(code))] = " ".join(str(t) for t in texts)[:500]
    return out


# --- table metadata ---------------------------------------------------------------------------


@dataclass
class Variable:
    code: str
    label: str
    values: list[str]
    labels: dict
    elimination: bool
    elimination_code: str | None

    def total(self) -> str | None:
        """The value code meaning "all of them", if the variable has one."""
        if self.elimination_code in self.values:
            return self.elimination_code
        return next((code for code in TOTAL_CODES if code in self.values), None)


@dataclass
class TableMeta:
    table_id: str
    label: str
    updated: str
    variables: dict
    geo: str
    time: str
    metric: str

    @property
    def years(self) -> list[str]:
        return self.variables[self.time].values if self.time in self.variables else []

    def years_text(self) -> str:
        years = self.years
        return f"{years[0]}–{years[-1]}" if len(years) > 1 else (years[0] if years else "–")

    def population_contents(self) -> str | None:
        """The contents code labelled Folkmängd (BE0101N1 in TAB638, 000007ME in TAB5557)."""
        contents = self.variables.get(self.metric)
        if contents is None:
            return None
        for code in contents.values:
            if contents.labels.get(code, "").strip().lower() in POPULATION_LABELS:
                return code
        fallback = POPULATION_CONTENT_CODES.get(self.table_id)
        return fallback if fallback in contents.values else None


def parse_metadata(table_id: str, dataset: dict) -> TableMeta:
    """PxWebApi 2.0 metadata (JSON-stat2 without values) as a TableMeta; ScbError if unusable."""
    try:
        geo, time_id, metric = _roles(dataset)
        variables = {}
        for dimension, size in zip(dataset["id"], dataset["size"], strict=True):
            extension = _extension(dataset, dimension)
            variables[dimension] = Variable(
                dimension, str(dataset["dimension"][dimension].get("label") or dimension),
                dimension_codes(dataset, dimension, int(size)), _labels(dataset, dimension),
                bool(extension.get("elimination", False)), extension.get("eliminationValueCode"))
        label, updated = str(dataset.get("label") or table_id), str(dataset.get("updated") or "")[:10]
        return TableMeta(table_id, label, updated, variables, geo, time_id, metric)
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise ScbError("scb_response", detail=shape_detail(exc, f"{table_id} metadata: ")) from None


def table_metadata(client: "ScbClient", table_id: str) -> TableMeta:
    return parse_metadata(table_id, client.fetch_metadata(table_id))


def choose_tables(client: "ScbClient", first_year: int, last_year: int,
                  table_id: str | None = None) -> list[tuple[TableMeta, list[str]]]:
    """Which table serves which of the asked years, read from the tables' metadata.

    Without table_id: TAB5557 takes the years it has (2025 onwards), TAB638 the rest (to 2024).
    Raises ScbError naming each table and its years when a year is in none of them.
    """
    wanted = [str(y) for y in range(first_year, last_year + 1)]
    remaining, chosen, seen = list(wanted), [], []
    for candidate in ([table_id] if table_id else POPULATION_TABLES):
        meta = table_metadata(client, candidate)
        seen.append(meta)
        years = [y for y in remaining if y in meta.years]
        if years:
            chosen.append((meta, years))
            remaining = [y for y in remaining if y not in years]
        if not remaining:
            break
    if remaining:
        tables = "; ".join(f"{m.table_id} {m.years_text()}" for m in seen)
        raise ScbError("scb_no_years", years=_span(remaining), tables=tables)
    return chosen


def population_selection(meta: TableMeta, years: list[str], regions: list[str] | None,
                         contents: str | None) -> dict:
    """The selection for a population call: regions, contents, years, the total of each mandatory variable."""
    region_codes = list(regions or COUNTRY_AND_COUNTIES)
    available = set(meta.variables[meta.geo].values) if meta.geo in meta.variables else set(region_codes)
    unknown = [r for r in region_codes if r not in available]
    if unknown:
        raise ScbError("scb_no_value", table=meta.table_id, variable=meta.geo, codes=", ".join(unknown))
    code = contents or meta.population_contents()
    known_contents = meta.variables[meta.metric].values if meta.metric in meta.variables else []
    if code is None or (known_contents and code not in known_contents):
        labels = meta.variables[meta.metric].labels if meta.metric in meta.variables else {}
        raise ScbError("scb_no_contents", table=meta.table_id, contents=code or "Folkmängd",
                       known=", ".join(f"{c} ({labels.get(c, c)})" for c in known_contents))
    selection = {meta.geo: region_codes}
    for variable in meta.variables.values():
        if variable.code in (meta.geo, meta.time, meta.metric) or variable.elimination:
            continue  # eliminable: left out, SCB returns the total
        total = variable.total()
        if total is None:
            raise ScbError("scb_no_total", table=meta.table_id, variable=variable.code,
                           codes=", ".join(variable.values[:8]))
        selection[variable.code] = [total]
    selection[meta.metric] = [code]
    selection[meta.time] = list(years)
    return selection


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
        # the table's label is in the language the URL asked for (lang=sv by default)
        "language": urllib.parse.parse_qs(urllib.parse.urlsplit(url).query).get("lang", [""])[0],
    }


def _span(values: list[str]) -> str:
    values = list(values)
    if len(values) > 3 and all(v.isdigit() for v in values):
        return f"{values[0]}–{values[-1]}"
    return ",".join(values)


def fetch_population(client: ScbClient, first_year: int, last_year: int, regions: list[str] | None = None,
                     table_id: str | None = None, contents: str | None = None,
                     today: dt.date | None = None) -> tuple[list[IncomingRow], list[dict], str]:
    """Population 31 December for regions and years: (rows, source rows, sha256 of SCB's answers).

    Reads the metadata of the candidate tables first and asks each for the years it has.
    """
    rows, sources, digest = [], [], hashlib.sha256()
    for meta, years in choose_tables(client, first_year, last_year, table_id):
        selection = population_selection(meta, years, regions, contents)
        try:
            dataset = client.fetch_data(meta.table_id, selection)
        except ScbError as exc:
            if exc.code == "scb_http" and exc.detail.get("status") == 400:
                raise ScbError("scb_bad_request", table=meta.table_id, years=meta.years_text(),
                               detail=exc.detail.get("detail", ""),
                               hint=bad_request_hint(exc.detail.get("title", ""))) from None
            raise
        digest.update(client.last_body)
        source = population_source(dataset, meta.table_id, client.data_url(meta.table_id), selection,
                                   today or dt.date.today())
        rows += population_rows(dataset, source["source_id"], selection[meta.geo], selection[meta.metric][0])
        sources.append(source)
    return rows, sources, digest.hexdigest()


def bad_request_hint(title: str) -> Both:
    lowered = title.lower()
    if "mandatory" in lowered:
        return both("scb.hint.missing_variable")
    if "non-existent" in lowered or "not a valid" in lowered:
        return both("scb.hint.unknown_value")
    return both("scb.hint.refused")


def plan_scb_population(data_dir, first_year: int, last_year: int, regions: list[str] | None = None,
                        client: ScbClient | None = None, lang: str = "sv", table_id: str | None = None,
                        today: dt.date | None = None, contents: str | None = None) -> ImportReport:
    """The report for importing SCB's population; raises ScbError when SCB cannot be used."""
    client = client or ScbClient(lang="sv")
    rows, sources, digest = fetch_population(client, first_year, last_year, regions, table_id, contents,
                                             today=today)
    tables = "+".join(s["source_id"].split("_")[1].upper() for s in sources)
    return plan_import(data_dir, rows, file_name=f"SCB {tables}", sha256=digest, source_kind="scb",
                       sources=sources, lang=lang)
