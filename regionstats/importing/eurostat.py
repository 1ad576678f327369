"""Eurostat's statistics API (JSON-stat 2.0): regional R&D, patents, high-tech employment, population.

The request, as Eurostat's dissemination API takes it (checked against recorded answers in public
code, not against the live service from this project's machines)::

    GET https://ec.europa.eu/eurostat/api/dissemination/statistics/1.0/data/rd_e_gerdreg
        ?format=JSON&lang=EN&geo=SE11&geo=DK01&time=2021&time=2022&sectperf=TOTAL&unit=PC_GDP

The answer is one JSON-stat 2.0 dataset: ``id`` and ``size`` list the dimensions (freq, unit, …,
geo, time), ``dimension[d].category.index`` gives each code's position, ``value`` and ``status``
are keyed by the flat cell index (as strings) and may be sparse. A status is Eurostat's flag:
``e`` estimated, ``p`` provisional, ``b`` break in series, ``c`` confidential, ``u`` low
reliability, ``d`` definition differs, ``n`` not significant, ``z`` not applicable, ``r`` revised.

Every figure becomes an observation row of the NUTS 2 region (``nuts_<geo>`` in regions.csv) and
goes through the same report-then-confirm import as SCB's population: nothing is written before the
user confirms. Flags are kept: ``p`` and ``e`` give status ``provisional``, ``c`` (no value) gives
``missing``, and every flag is written out in the row's note. An answer that is not such a dataset
(an error object, a dimension with several values left, cells that do not add up) is refused with
a message in Swedish or English. The HTTP transport is injectable, so tests never touch the network.
"""

import datetime as dt
import hashlib
import json
import re
import time
import urllib.error
import urllib.parse
from pathlib import Path

from regionstats.i18n import TEXT, t
from regionstats.importing.long_template import IncomingRow
from regionstats.importing.problems import ImportProblem
from regionstats.importing.readers import format_number
from regionstats.importing.report import ImportReport, plan_import
from regionstats.importing.scb import RateLimiter, jsonstat_cells, urllib_transport

BASE_URL = "https://ec.europa.eu/eurostat/api/dissemination/statistics/1.0/data"
TIMEOUT = 60.0
RETRIES = 3
BACKOFF = 2.0
MAX_RESPONSE = 20_000_000
RETRY_STATUSES = (429, 500, 502, 503, 504)
DATASET_CODE = re.compile(r"^[a-z][a-z0-9_]{1,40}$")
GEO_CODE = re.compile(r"^[A-Z]{2}[A-Z0-9]{0,3}$")
FILTER_CODE = re.compile(r"^[A-Za-z0-9_]{1,40}$")
USER_AGENT = "regionstats (life science regions dashboard)"
LIMITER = RateLimiter(max_calls=10, window=10.0)

# dataset -> the indicator it fills and the filters that leave one value per region and year
DATASETS = {
    "rd_e_gerdreg": ("eu_rd_share_gdp", {"sectperf": "TOTAL", "unit": "PC_GDP"}),
    "rd_p_persreg": ("eu_rd_personnel_fte",
                     {"sectperf": "TOTAL", "prof_pos": "TOTAL", "sex": "T", "unit": "FTE"}),
    "pat_ep_rtot": ("eu_epo_per_million", {"unit": "P_MHAB"}),
    "htec_emp_reg2": ("eu_htec_emp_pct", {"nace_r2": "HTC", "sex": "T", "unit": "PC_EMP"}),
    "demo_r_d2jan": ("eu_population", {"sex": "T", "age": "TOTAL", "unit": "NR"}),
}
DEFAULT_GEO = ("SE11", "SE12", "SE33", "DK01", "DE21", "FR10", "UKH1", "CH04", "FI1B")

PROVISIONAL_FLAGS = set("ep")

class EurostatError(ImportProblem):
    """Eurostat could not be reached or answered something unusable (import.problem.eurostat_<code>)."""


class EurostatClient:
    """GET calls to the statistics API with a rate limit, retries with back-off and a timeout."""

    def __init__(self, base_url: str = BASE_URL, transport=urllib_transport, timeout: float = TIMEOUT,
                 retries: int = RETRIES, backoff: float = BACKOFF, sleep=time.sleep,
                 limiter: RateLimiter | None = None):
        if urllib.parse.urlsplit(base_url).scheme not in ("https", "http"):
            raise ValueError(f"not an http(s) URL: {base_url}")
        self.base_url, self.transport, self.timeout = base_url.rstrip("/"), transport, timeout
        self.retries, self.backoff, self.sleep = retries, backoff, sleep
        self.limiter = limiter or LIMITER
        self.last_body = b""

    def data_url(self, dataset: str, geo: list[str], years: list[int], filters: dict[str, str]) -> str:
        check_codes(dataset, geo, filters)
        params = [("format", "JSON"), ("lang", "EN")] + [("geo", g) for g in geo]
        params += [("time", str(y)) for y in years] + sorted(filters.items())
        return f"{self.base_url}/{dataset}?{urllib.parse.urlencode(params)}"

    def fetch(self, dataset: str, geo: list[str], years: list[int], filters: dict) -> tuple[dict, str]:
        url = self.data_url(dataset, geo, years, filters)
        raw = self.call(url)
        self.last_body = raw
        try:
            return json.loads(raw.decode("utf-8")), url
        except (ValueError, UnicodeDecodeError) as exc:
            raise EurostatError("eurostat_response", detail=str(exc)[:120]) from None

    def call(self, url: str) -> bytes:
        headers = {"Accept": "application/json", "User-Agent": USER_AGENT}
        attempts, failure = self.retries + 1, None
        for attempt in range(attempts):
            if attempt:
                self.sleep(min(self.backoff * 2 ** (attempt - 1), 30.0))
            self.limiter.wait()
            try:
                status, _, data = self.transport("GET", url, None, headers, self.timeout)
            except TimeoutError:
                failure = ("timeout", None)
                continue
            except (urllib.error.URLError, OSError) as exc:
                reason = getattr(exc, "reason", exc)
                failure = ("timeout", None) if isinstance(reason, TimeoutError) else ("network", reason)
                continue
            if status in RETRY_STATUSES:
                failure = ("status", status)
                continue
            if status != 200:
                raise EurostatError("eurostat_http", status=status, detail=error_label(data))
            if len(data) > MAX_RESPONSE:
                raise EurostatError("eurostat_response", detail=f"over {MAX_RESPONSE} bytes")
            return data
        kind, what = failure
        if kind == "timeout":
            raise EurostatError("eurostat_timeout", timeout=format_number(float(self.timeout)),
                                attempts=attempts)
        if kind == "network":
            raise EurostatError("eurostat_network", detail=str(what)[:120], attempts=attempts)
        raise EurostatError("eurostat_busy", status=what, attempts=attempts)


def check_codes(dataset: str, geo: list[str], filters: dict[str, str]) -> None:
    if dataset not in DATASETS:
        raise EurostatError("eurostat_dataset", dataset=dataset, known=", ".join(DATASETS))
    for code in geo:
        if not GEO_CODE.match(code):
            raise EurostatError("eurostat_code", value=code, what="geo")
    for key, value in filters.items():
        if not (FILTER_CODE.match(key) and FILTER_CODE.match(value)):
            raise EurostatError("eurostat_code", value=f"{key}={value}", what="--filter")


def error_label(data: bytes) -> str:
    """The label of Eurostat's error object, or the start of the body."""
    try:
        answer = json.loads(data.decode("utf-8"))
        errors = answer.get("error") if isinstance(answer, dict) else None
        if isinstance(errors, list) and errors and isinstance(errors[0], dict):
            return str(errors[0].get("label") or errors[0])[:200]
        if isinstance(errors, dict):
            return str(errors.get("label") or errors)[:200]
    except (ValueError, UnicodeDecodeError, AttributeError):
        pass
    return data[:200].decode("utf-8", "replace").strip() or "-"


# --- JSON-stat 2.0 -> rows ---------------------------------------------------------------------


def flag_note(flag: str | None, lang: str = "sv") -> str:
    """'Eurostat-flagga e (uppskattat)' for each letter of a flag such as 'bp'."""
    if not flag:
        return ""
    words = [f"{letter} ({t(f'eurostat.flag.{letter}', lang)})" if f"eurostat.flag.{letter}" in TEXT else letter
             for letter in str(flag)]
    return t("eurostat.flag", lang, flags=", ".join(words))


def dataset_rows(dataset: dict, indicator_id: str, source_id: str, geo_regions: dict) -> list[IncomingRow]:
    """One import row per geo and year of a JSON-stat 2.0 dataset; refuses anything else."""
    if not isinstance(dataset, dict):
        raise EurostatError("eurostat_response", detail="not a JSON object")
    if "error" in dataset:
        raise EurostatError("eurostat_error", detail=error_label(json.dumps(dataset).encode("utf-8")))
    if dataset.get("version") not in (None, "2.0"):
        raise EurostatError("eurostat_response", detail=f"version {dataset.get('version')}")
    try:
        ids, sizes = list(dataset["id"]), [int(s) for s in dataset["size"]]
    except (KeyError, TypeError, ValueError) as exc:
        raise EurostatError("eurostat_response", detail=f"id/size: {exc}"[:160]) from None
    if "geo" not in ids or "time" not in ids:
        raise EurostatError("eurostat_response", detail="geo or time missing")
    for dimension, size in zip(ids, sizes):
        if dimension not in ("geo", "time") and size != 1:
            codes = list(((dataset.get("dimension") or {}).get(dimension) or {}).get("category", {})
                         .get("index", {}))[:6]
            raise EurostatError("eurostat_several", n=size, dimension=dimension,
                                codes=", ".join(map(str, codes)))
    try:
        cells = jsonstat_cells(dataset)
    except ImportProblem as problem:  # the shared reader speaks of SCB; say Eurostat
        raise EurostatError("eurostat_response", detail=str(problem.detail.get("detail", ""))) from None
    rows = []
    for cell in cells:
        value, flag = cell["value"], cell["status"]
        if value is None and not flag:
            continue  # a sparse answer leaves out cells without a figure
        year = str(cell["time"])
        if not re.fullmatch(r"\d{4}", year):
            raise EurostatError("eurostat_response", detail=f"time {year!r} is not a year")
        missing = value is None
        text = ".." if missing else format_number(float(value))
        provisional = bool(set(flag or "") & PROVISIONAL_FLAGS)
        status = "missing" if missing else ("provisional" if provisional else "published")
        geo = str(cell["geo"])
        rows.append(IncomingRow(
            cell["index"] + 1,
            {"region_code": geo_regions.get(geo, geo), "indicator_id": indicator_id, "year": year,
             "value": text, "value_text": (flag or "..") if missing else text, "status": status,
             "source_id": source_id, "note": flag_note(flag)},
            {"region_code": "geo", "year": "time", "value": "value"},
        ))
    return rows


def geo_regions(data_dir) -> dict[str, str]:
    """NUTS code -> region_code for the NUTS 2 regions in regions.csv (``nuts_SE11`` …)."""
    import csv

    path = Path(data_dir) / "regions.csv"
    if not path.exists():
        return {}
    with path.open(encoding="utf-8", newline="") as handle:
        return {r["nuts2"]: r["region_code"] for r in csv.DictReader(handle)
                if r["kind"] == "nuts2" and r["nuts2"]}


def dataset_source(dataset: dict, code: str, url: str, fetched: dt.date) -> dict:
    updated = str(dataset.get("updated") or "")[:10]
    return {
        "source_id": f"eurostat_{code}_{fetched:%Y%m%d}",
        "publisher": "Eurostat",
        "title": f"{dataset.get('label') or code} ({code})",
        "url": url,
        "published": updated,
        "accessed": fetched.isoformat(),
        "licence": "CC BY 4.0",
        "note": "Hämtad via Eurostats statistik-API (JSON-stat 2.0); flaggor står i varje värdes anmärkning.",
        "language": "en",  # the dataset's label, asked for with lang=EN
    }


def plan_eurostat(data_dir, dataset_code: str, geo: list[str] | None, first_year: int, last_year: int,
                  client: EurostatClient | None = None, lang: str = "sv", filters: dict | None = None,
                  today: dt.date | None = None) -> ImportReport:
    """The report for importing one Eurostat dataset; raises EurostatError when Eurostat cannot be used."""
    if dataset_code not in DATASETS:
        raise EurostatError("eurostat_dataset", dataset=dataset_code, known=", ".join(DATASETS))
    indicator_id, defaults = DATASETS[dataset_code]
    chosen = {**defaults, **(filters or {})}
    client = client or EurostatClient()
    geo = list(geo or DEFAULT_GEO)
    dataset, url = client.fetch(dataset_code, geo, list(range(first_year, last_year + 1)), chosen)
    source = dataset_source(dataset, dataset_code, url, today or dt.date.today())
    rows = dataset_rows(dataset, indicator_id, source["source_id"], geo_regions(data_dir))
    digest = hashlib.sha256(client.last_body).hexdigest()
    return plan_import(data_dir, rows, file_name=f"Eurostat {dataset_code}", sha256=digest,
                       source_kind="eurostat", sources=[source], lang=lang)
