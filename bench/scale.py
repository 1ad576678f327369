"""How the dashboard scales: a schema-valid data set of N observations, and what each step costs on it.

Run: `make bench` (N = 100 000, with the ratios to the bundled data) or
`.venv/bin/python bench/scale.py --n 10000 100000 1000000 [--runs 5] [--no-pages]`.

The data set is the bundled data/ plus synthetic indicators (clearly named "Syntetisk …", one
synthetic source) over the 21 counties and 30 years, written to a temporary folder that is removed
afterwards. Per N it prints: `check` time, warehouse build time, the time of every question the pages
ask with the default selection (recorded while building each page of views/registry.py), each page's
first run, median rerun after a filter change (a home region not seen before; a period not seen
before) and median rerun with empty caches, the peak memory (VmHWM) of every step's process, the
load average while it ran (the machine is shared: a figure taken at load 6 on 2 cores is not one
taken at load 0), and at the end which of issue 21's targets hold. Every step runs in a child process
of its own, so its peak memory is its own and a slow page is stopped at --page-timeout seconds.

This is a measurement, not a test: nothing here fails on a slow figure.
"""

import argparse
import json
import math
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))



def pages() -> dict:
    """Every page of the app (views/registry.py), slug -> file, in the sidebar's order. Imported when asked:
    the registry brings pandas and plotly, which would count in the check and build steps' peak memory."""
    from regionstats.views.registry import TABLE

    return {page.slug: page.file for page in TABLE}


# issue 21, "Done when" (at 10 M observations)
TARGETS = {"rerun_s": 0.4, "first_s": 1.0, "check_s": 20.0, "build_s": 20.0, "check_mb": 2048.0, "build_mb": 2048.0,
           "app_peak_mb": 1536.0}
YEARS = range(1995, 2025)  # 30 years
UNITS = (  # unit, unit_sv, unit_en, decimals, direction, category
    ("percent", "%", "%", 1, "higher", "quality"),
    ("msek", "MSEK", "MSEK", 0, "higher", "funding"),
    ("count", "antal", "number", 0, "higher", "industry"),
    ("persons", "personer", "persons", 0, "higher", "capacity"),
    ("rank", "plats", "rank", 0, "lower", "ranking"),
)
SOURCE_ID = "synthetic_bench"
# The store the project chose for a large observations table: Parquet from half a million rows (35 MB of CSV,
# unpleasant to open or diff; docs/scaling.md), CSV below. `--store` overrides it.
PARQUET_FROM = 500_000



# --- the data set --------------------------------------------------------------------------------

def generate(n: int, folder: Path, seed: int = 13, store: str = "auto") -> dict:
    """Write the bundled data plus synthetic observations up to n rows into folder; returns counts."""
    import pandas as pd

    folder.mkdir(parents=True, exist_ok=True)
    source = ROOT / "data"
    for table in source.glob("*.csv"):  # every table not grown below (regions, goals, the world ladders, ...)
        if table.stem not in ("indicators", "sources", "observations"):
            shutil.copyfile(table, folder / table.name)
    read = dict(dtype=str, keep_default_na=False)
    regions = pd.read_csv(source / "regions.csv", **read)
    indicators = pd.read_csv(source / "indicators.csv", **read)
    sources = pd.read_csv(source / "sources.csv", **read)
    observations = pd.read_csv(source / "observations.csv", **read)
    counties = sorted(regions.loc[regions.kind == "county", "region_code"])
    per_indicator = len(counties) * len(YEARS)
    synthetic = max(0, n - len(observations))
    n_indicators = math.ceil(synthetic / per_indicator)

    ids = [f"synthetic_{i:05d}" for i in range(n_indicators)]
    kinds = [UNITS[i % len(UNITS)] for i in range(n_indicators)]
    new_indicators = pd.DataFrame({
        "indicator_id": ids,
        "name_sv": [f"Syntetisk indikator {i}" for i in range(n_indicators)],
        "name_en": [f"Synthetic indicator {i}" for i in range(n_indicators)],
        "unit": [k[0] for k in kinds], "unit_sv": [k[1] for k in kinds], "unit_en": [k[2] for k in kinds],
        "decimals": [str(k[3]) for k in kinds], "direction": [k[4] for k in kinds],
        "category": [k[5] for k in kinds],
        "definition_sv": "Syntetiskt mätvärde för prestandamätning.",
        "definition_en": "Synthetic measure for benchmarking.",
        "convention_sv": "År = referensår.", "convention_en": "Year = reference year.",
    })
    new_source = pd.DataFrame([{
        "source_id": SOURCE_ID, "publisher": "Prestandatest",
        "title": "Syntetiska data för prestandamätning",
        "url": "https://example.org/synthetic", "published": "", "accessed": "2026-12-01", "licence": "",
        "note": "Genererade av bench/scale.py; inga verkliga värden.",
        "note_en": "Made by bench/scale.py; no real values.",
    }])
    pd.concat([indicators, new_indicators]).to_csv(folder / "indicators.csv", index=False)
    pd.concat([sources, new_source]).to_csv(folder / "sources.csv", index=False)
    parquet = store == "parquet" or (store == "auto" and len(observations) + synthetic >= PARQUET_FROM)
    write_observations(source / "observations.csv", folder, counties, synthetic, len(UNITS), seed, parquet)
    store_name = "observations.parquet" if parquet else "observations.csv"
    return {"observations": len(observations) + synthetic, "indicators": len(indicators) + n_indicators,
            "store": f"{store_name} {(folder / store_name).stat().st_size / 1e6:.0f} MB"}


def write_observations(bundled: Path, folder: Path, counties: list, synthetic: int, n_units: int, seed: int,
                       parquet: bool) -> None:
    """The bundled observations plus `synthetic` generated rows, written by DuckDB (10 M rows in pandas would
    take several GB): observations.parquet (text columns, as `db.csv_to_parquet` keeps them) or .csv.

    Row i is indicator i // 630, county (i % 630) // 30, year 1995 + i % 30; 3 % are missing ("..");
    every fifth indicator is a rank (integers 1-199), the rest one decimal.
    """
    import duckdb

    con = duckdb.connect()
    con.execute(f"select setseed({1 / seed})")
    per_indicator = len(counties) * len(YEARS)
    rank_unit = [u[0] for u in UNITS].index("rank")
    con.execute("create temp table counties (region_code varchar, position integer)")
    con.executemany("insert into counties values (?, ?)", [[code, i] for i, code in enumerate(counties)])
    generated = f"""
        select c.region_code, printf('synthetic_%05d', i // {per_indicator}) as indicator_id,
               ({YEARS.start} + i % {len(YEARS)})::varchar as year, '' as period_start, '' as period_end,
               '' as period_label,
               case when missing then '' when rank then v_rank::varchar else v_decimal::varchar end as value,
               case when missing then '..' when rank then v_rank::varchar else v_decimal::varchar end as value_text,
               '' as value_low, '' as value_high, case when missing then 'missing' else 'published' end as status,
               '{SOURCE_ID}' as source_id, case when missing then 'syntetiskt saknat värde' else '' end as note,
               case when missing then 'synthetic missing value' else '' end as note_en
        from (select range as i, random() < 0.03 as missing, (range // {per_indicator}) % {n_units} = {rank_unit} as rank,
                     round(random() * 200, 1) as v_decimal, 1 + floor(random() * 199)::integer as v_rank
              from range({synthetic})) g
        join counties c on c.position = (g.i % {per_indicator}) // {len(YEARS)}"""
    bundled_rows = f"select * from read_csv('{bundled}', all_varchar = true, header = true)"
    target = folder / ("observations.parquet" if parquet else "observations.csv")
    options = "format parquet, compression zstd" if parquet else "format csv, header true"
    con.execute(f"copy (select * from ({bundled_rows}) union all ({generated})) to '{target}' ({options})")
    con.close()


# --- the steps, each in a child process ------------------------------------------------------------

def peak_mb() -> float:
    """This process's peak resident memory (VmHWM: ru_maxrss would carry the parent's over exec)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def step_check(data: Path, cache: Path) -> dict:
    from regionstats.validate import load_and_validate

    start = time.perf_counter()
    _, issues = load_and_validate(data)
    return {"seconds": time.perf_counter() - start, "issues": len(issues), "peak_mb": peak_mb()}


def step_build(data: Path, cache: Path) -> dict:
    from regionstats import db

    start = time.perf_counter()
    db.build_database(data, cache / "bench.duckdb")
    return {"seconds": time.perf_counter() - start, "peak_mb": peak_mb()}


def step_queries(data: Path, cache: Path) -> dict:
    """Every question the pages ask with the default selection, timed once each (as the app's shared cache
    would answer a repeat), recorded while building each page's view."""
    from regionstats import db, queries
    from regionstats.selection import Selection
    from regionstats.views import registry

    con = db.connect(data)
    timings, answers = {}, {}

    def recording(name, **params):
        key = (name, repr(sorted(params.items())))
        if key not in answers:
            start = time.perf_counter()
            answers[key] = frame = queries.run(con, name, **params)
            label = name + ("" if not params else "(" + ",".join(
                f"{k}={_short(v)}" for k, v in sorted(params.items()) if v is not None) + ")")
            timings[label] = {"seconds": time.perf_counter() - start, "rows": len(frame),
                              "mb": frame.memory_usage(deep=True).sum() / 1e6}
        return answers[key].copy()

    for page in registry.TABLE:
        registry.build_page(page.slug, recording, Selection())
    return {"queries": timings, "peak_mb": peak_mb()}


def _short(value) -> str:
    if isinstance(value, (list, tuple)):
        return f"[{len(value)}]"
    return str(value)[:24]


def step_page(data: Path, cache: Path, page: str, runs: int) -> dict:
    import streamlit as st
    from streamlit.runtime.pages_manager import PagesManager
    from streamlit.testing.v1 import AppTest

    original = PagesManager.__init__

    def init(self, *args, **kwargs):  # the server's steady state: st.navigation (see tests/conftest.py)
        original(self, *args, **kwargs)
        PagesManager.uses_pages_directory = False

    PagesManager.__init__ = init
    load = [os.getloadavg()[0]]
    start = time.perf_counter()
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=3600).run()
    first = time.perf_counter() - start  # the home page: the app's first run draws it
    from regionstats.views.registry import HOME_SLUG

    if page != HOME_SLUG:
        start = time.perf_counter()
        at.switch_page(pages()[page]).run()
        first = time.perf_counter() - start
    if at.exception:
        return {"error": at.exception[0].message, "peak_mb": peak_mb()}

    def timed() -> float:
        start = time.perf_counter()
        at.run()
        if at.exception:
            raise RuntimeError(at.exception[0].message)
        return time.perf_counter() - start

    changed, period, cold = [], [], []
    homes = ["03", "05", "24", "01", "14", "12", "22", "25", "07", "13"]  # each run a home not seen before
    try:
        for run in range(runs):
            at.selectbox(key="home").set_value(homes[run % len(homes)])
            changed.append(timed())
        # each run a period not seen before: the last five years, then own periods ending a year earlier each
        at.selectbox(key="years_mode").set_value("last5")
        period.append(timed())
        at.selectbox(key="years_mode").set_value("custom")
        at.run()  # the own period starts as the last five years (seen just before): not timed
        years = [int(y) for y in at.selectbox(key="year_to").options]
        for run in range(1, runs):
            at.selectbox(key="year_to").set_value(years[-1 - run])
            period.append(timed())
        for _ in range(runs):
            st.cache_data.clear()
            st.cache_resource.clear()
            cold.append(timed())
    except RuntimeError as error:
        return {"error": str(error), "peak_mb": peak_mb()}
    load.append(os.getloadavg()[0])
    return {"first": first, "changed": statistics.median(changed), "period": statistics.median(period),
            "cold": statistics.median(cold), "peak_mb": peak_mb(), "load": load}


def child(step: str, data: Path, cache: Path, timeout: float, *extra) -> dict:
    """Run one step in a fresh Python process; its answer is the last line it prints (JSON)."""
    env = {**os.environ, "REGIONSTATS_DATA_DIR": str(data), "REGIONSTATS_CACHE_DIR": str(cache)}
    command = [sys.executable, __file__, "_step", step, str(data), str(cache), *map(str, extra)]
    load = os.getloadavg()[0]
    try:
        done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=timeout, cwd=ROOT)
    except subprocess.TimeoutExpired:
        return {"error": f"over {timeout:.0f} s", "load": [load, os.getloadavg()[0]]}
    lines = done.stdout.strip().splitlines()
    if done.returncode or not lines:
        return {"error": (done.stderr.strip().splitlines() or ["exit " + str(done.returncode)])[-1],
                "load": [load, os.getloadavg()[0]]}
    return {"load": [load, os.getloadavg()[0]], **json.loads(lines[-1])}


# --- reporting ------------------------------------------------------------------------------------

def measure(data: Path, runs: int, with_pages: bool, page_timeout: float) -> dict:
    with tempfile.TemporaryDirectory(prefix="regionstats-bench-cache-") as cache_name:
        cache = Path(cache_name)
        result = {"check": child("check", data, cache, 1800), "build": child("build", data, cache, 1800)}
        result["queries"] = child("queries", data, cache, 1800)
        if with_pages:
            result["pages"] = {page: child("page", data, cache, page_timeout, page, runs) for page in pages()}
        return result


def fmt_s(entry: dict, key: str = "seconds") -> str:
    if "error" in entry:
        return entry["error"]
    return f"{entry[key] * 1000:.0f} ms" if entry[key] < 1 else f"{entry[key]:.2f} s"


def fmt_load(entry: dict) -> str:
    """The 1-minute load average when the step started and ended."""
    low, high = min(entry.get("load") or [0]), max(entry.get("load") or [0])
    return f"load {low:.1f}" if round(low, 1) == round(high, 1) else f"load {low:.1f}–{high:.1f}"


def report(label: str, result: dict, base: dict | None = None) -> None:
    def ratio(value, base_value):
        return f"  ×{value / base_value:.1f}" if base_value else ""

    print(f"\n== {label}")
    for step in ("check", "build"):
        entry = result[step]
        line = f"{step:8} {fmt_s(entry):>10}  peak {entry.get('peak_mb', 0):6.0f} MB  {fmt_load(entry)}"
        if base and "error" not in entry and "error" not in base[step]:
            line += ratio(entry["seconds"], base[step]["seconds"])
        print(line)
    queries = result["queries"]
    if "error" in queries:
        print("queries: " + queries["error"])
    else:
        print(f"queries the pages ask, default selection (peak {queries['peak_mb']:.0f} MB, {fmt_load(queries)}):")
        for name, entry in queries["queries"].items():
            line = f"  {name[:62]:62} {fmt_s(entry):>9} {entry['rows']:>8} rows {entry['mb']:6.1f} MB"
            if base and "error" not in base["queries"] and name in base["queries"]["queries"]:
                line += ratio(entry["seconds"], base["queries"]["queries"][name]["seconds"])
            print(line)
    if "pages" in result:
        print(f"  {'page':13} {'first':>8} {'new home':>9} {'new period':>11} {'empty cache':>12} {'peak':>8}")
        for page, entry in result["pages"].items():
            if "error" in entry:
                print(f"  {page:13} {entry['error']}  {fmt_load(entry)}")
                continue
            line = (f"  {page:13} {fmt_s(entry, 'first'):>8} {fmt_s(entry, 'changed'):>9} "
                    f"{fmt_s(entry, 'period'):>11} {fmt_s(entry, 'cold'):>12} {entry['peak_mb']:5.0f} MB  "
                    f"{fmt_load(entry)}")
            base_page = (base or {}).get("pages", {}).get(page, {})
            if "changed" in base_page:
                line += ratio(entry["changed"], base_page["changed"])
            print(line)
        peaks = [e["peak_mb"] for e in result["pages"].values() if "peak_mb" in e]
        if peaks:
            print(f"  app process peak memory: {max(peaks):.0f} MB")
    targets(result)


def targets(result: dict) -> None:
    """Issue 21's targets, held or not, from this run's figures (the load beside them says how far to trust it)."""
    verdict = lambda ok: "holds" if ok else "DOES NOT HOLD"  # noqa: E731
    lines = []
    for step in ("check", "build"):
        entry = result[step]
        if "error" not in entry:
            lines.append(f"{step} ≤ {TARGETS[step + '_s']:.0f} s: {verdict(entry['seconds'] <= TARGETS[step + '_s'])} "
                         f"({fmt_s(entry)})")
            lines.append(f"{step} ≤ {TARGETS[step + '_mb']:.0f} MB: "
                         f"{verdict(entry['peak_mb'] <= TARGETS[step + '_mb'])} ({entry['peak_mb']:.0f} MB)")
    pages = result.get("pages", {})
    if pages:
        reruns = {page: max(e["changed"], e["period"]) for page, e in pages.items() if "changed" in e}
        failed = [page for page in pages if page not in reruns]
        slow = [f"{page} {fmt_s({'seconds': s})}" for page, s in reruns.items() if s > TARGETS["rerun_s"]]
        worst = max(reruns, key=reruns.get) if reruns else None
        lines.append(f"every page's median rerun after a filter change ≤ {TARGETS['rerun_s'] * 1000:.0f} ms: "
                     f"{verdict(not slow and not failed)} "
                     + (f"(slowest {worst} {fmt_s({'seconds': reruns[worst]})})" if worst else "")
                     + (f"; over: {', '.join(slow)}" if slow else "") + (f"; failed: {', '.join(failed)}" if failed else ""))
        firsts = {page: e["first"] for page, e in pages.items() if "first" in e}
        slow_first = [f"{page} {fmt_s({'seconds': s})}" for page, s in firsts.items() if s > TARGETS["first_s"]]
        lines.append(f"every page's first view ≤ {TARGETS['first_s']:.0f} s: {verdict(not slow_first and not failed)}"
                     + (f"; over: {', '.join(slow_first)}" if slow_first else ""))
        peak = max((e["peak_mb"] for e in pages.values() if "peak_mb" in e), default=0)
        lines.append(f"app peak memory ≤ {TARGETS['app_peak_mb']:.0f} MB: {verdict(peak <= TARGETS['app_peak_mb'])} "
                     f"({peak:.0f} MB)")
    print("targets: " + "\n         ".join(lines))


def machine() -> str:
    model = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                  if line.startswith("model name")), "?")
    memory = next((line.split()[1] for line in Path("/proc/meminfo").read_text().splitlines()
                   if line.startswith("MemTotal")), "0")
    gigabytes = int(memory) / 1024 / 1024
    return f"{os.cpu_count()} CPUs ({model}), {gigabytes:.1f} GB memory, Python {sys.version.split()[0]}"


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "_step":
        step, data, cache, *extra = sys.argv[2:]
        steps = {"check": step_check, "build": step_build, "queries": step_queries, "page": step_page}
        function = steps[step]
        args = [extra[0], int(extra[1])] if step == "page" else []
        print(json.dumps(function(Path(data), Path(cache), *args)))
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, nargs="+", default=[100_000])
    parser.add_argument("--runs", type=int, default=3, help="reruns per page and kind (median shown)")
    parser.add_argument("--no-pages", action="store_true", help="skip the AppTest page reruns")
    parser.add_argument("--bundled", action="store_true", help="measure the bundled data first, print ratios")
    parser.add_argument("--page-timeout", type=float, default=600)
    parser.add_argument("--store", choices=("auto", "csv", "parquet"), default="auto",
                        help=f"observations as CSV or Parquet (auto: Parquet from {PARQUET_FROM:,} rows)")
    args = parser.parse_args()
    print(machine())
    print(f"load average at the start: {' '.join(f'{x:.2f}' for x in os.getloadavg())} (1, 5, 15 min)")
    base = None
    if args.bundled:
        base = measure(ROOT / "data", args.runs, not args.no_pages, args.page_timeout)
        report("bundled data/", base)
    for n in args.n:
        with tempfile.TemporaryDirectory(prefix="regionstats-bench-") as folder:
            start = time.perf_counter()
            counts = generate(n, Path(folder), store=args.store)
            made = time.perf_counter() - start
            result = measure(Path(folder), args.runs, not args.no_pages, args.page_timeout)
            report(f"N = {counts['observations']:,} observations, {counts['indicators']:,} indicators, "
                   f"{counts['store']} (generated in {made:.1f} s)".replace(",", " "), result, base)
    print(f"load average at the end: {' '.join(f'{x:.2f}' for x in os.getloadavg())} (1, 5, 15 min)")


if __name__ == "__main__":
    main()
