"""Time to first chart in a real browser on a warm server: per page, from navigation to the page title
and to the first chart drawn by Plotly, both for a link opened in a fresh tab and for a click in the
sidebar; and, in the same run and the same browser, a link to a Streamlit app with one Plotly chart and
nothing else (bench/one_chart_app.py, the floor: what Streamlit and Plotly cost in a fresh tab). It prints
the difference between the app's links and the floor. Targets: a sidebar click's first chart within 2 s;
a link's first chart within 0.3 s of the floor.

Run: `.venv/bin/python bench/first_paint.py [--rounds 2] [--timeline]` (starts its own two servers on
127.0.0.1, uses Debian's Chromium). `--timeline` also prints, per fresh tab (median), when the title showed,
when Plotly's chunk was read, when the chart's element mounted and when it was drawn, for the app and the
floor: where the difference is spent. tests/browser/test_first_paint.py runs the same measurement with a generous bound.
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.server import free_port, serve, stop  # noqa: E402
from regionstats.i18n import t  # noqa: E402
from regionstats.views import registry  # noqa: E402

PAGES = [(page.slug, page.title_key) for page in registry.TABLE]  # in the sidebar's order
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--no-first-run"]
CHART = '[data-testid="stPlotlyChart"] .main-svg'
# --timeline: the moments (performance.now(), ms) the first of each element appears in a fresh tab
TIMELINE = """
window.__marks = {};
const wanted = {title: 'h1', chart_mounted: '[data-testid="stPlotlyChart"]', chart_drawn: '%s',
                sidebar_widget: '[data-testid="stSidebar"] [data-testid="stSelectbox"]'};
new MutationObserver(() => {
  for (const [name, css] of Object.entries(wanted))
    if (!(name in window.__marks) && document.querySelector(css)) window.__marks[name] = performance.now();
}).observe(document, {subtree: true, childList: true});
""" % CHART
PLOTLY_READ = ("performance.getEntriesByType('resource').filter(e => /PlotlyChart\\.[^/]*\\.js$/.test(e.name))"
               ".map(e => e.responseEnd)[0]")
_marks: list = []  # (app or floor, {moment: ms}) per fresh tab, with --timeline


def _mark(tab, who: str) -> None:
    if TIMING["on"]:
        marks = tab.evaluate("window.__marks || {}")
        read = tab.evaluate(PLOTLY_READ)
        if read is not None:
            marks["plotly_chunk_read"] = read
        _marks.append((who, marks))


TIMING = {"on": False}


def _wait(page, title: str, start: float, timeout: float) -> tuple[float, float]:
    page.get_by_role("heading", name=title, level=1).wait_for(timeout=timeout)
    heading = time.perf_counter() - start
    page.locator(CHART).first.wait_for(timeout=timeout)
    return heading, time.perf_counter() - start


def measure(browser, url: str, links: bool = True, timeout: float = 60_000) -> list[dict]:
    """Per page: seconds to title and to first chart, reached by a sidebar click from the page before,
    and (with ``links``) opened as a link in a fresh tab of the same browser (its cache warm)."""
    context = browser.new_context(viewport={"width": 1440, "height": 900}, locale="sv-SE")
    if TIMING["on"]:
        context.add_init_script(TIMELINE)
    page = context.new_page()
    results = []
    try:
        page.goto(f"{url}/data")  # warm: the server, the warehouse, the browser's cache of Streamlit's JS
        _wait(page, t(registry.BY_SLUG["data"].title_key, "sv"), time.perf_counter(), timeout)
        for slug, title_key in PAGES:
            title = t(title_key, "sv")
            start = time.perf_counter()
            page.locator('[data-testid="stSidebarNav"] a', has_text=title).first.click()
            click_title, click_chart = _wait(page, title, start, timeout)
            result = {"page": slug or "oversikt", "click_title": click_title, "click_chart": click_chart}
            if links:
                tab = context.new_page()
                start = time.perf_counter()
                tab.goto(f"{url}/{slug}")
                result["link_title"], result["link_chart"] = _wait(tab, title, start, timeout)
                _mark(tab, "app")
                tab.close()
            results.append(result)
    finally:
        context.close()
    return results


FLOOR_TITLE = "Ett diagram"  # bench/one_chart_app.py


def measure_floor(browser, url: str, tabs: int, timeout: float = 60_000) -> list[float]:
    """Seconds to the first chart of the one-chart app, each in a fresh tab of a warm browser."""
    context = browser.new_context(viewport={"width": 1440, "height": 900}, locale="sv-SE")
    if TIMING["on"]:
        context.add_init_script(TIMELINE)
    page = context.new_page()
    try:
        page.goto(url)
        _wait(page, FLOOR_TITLE, time.perf_counter(), timeout)
        charts = []
        for _ in range(tabs):
            tab = context.new_page()
            start = time.perf_counter()
            tab.goto(url)
            charts.append(_wait(tab, FLOOR_TITLE, start, timeout)[1])
            _mark(tab, "floor")
            tab.close()
    finally:
        context.close()
    return charts


def print_results(results: list[dict]) -> None:
    def cell(r, key):
        return f"{r[key]:11.2f}s" if key in r else f"{'-':>12}"

    print(f"{'page':14} {'click: title':>12} {'first chart':>12} {'link: title':>12} {'first chart':>12}")
    for r in results:
        print(f"{r['page']:14} {cell(r, 'click_title')} {cell(r, 'click_chart')} {cell(r, 'link_title')} "
              f"{cell(r, 'link_chart')}")
    for key in ("click_chart", "link_chart"):
        values = [r[key] for r in results if key in r]
        if values:
            print(f"{key}: median {statistics.median(values):.2f} s, max {max(values):.2f} s (target 2 s)")


def print_timeline() -> None:
    names = ("title", "plotly_chunk_read", "chart_mounted", "chart_drawn", "sidebar_widget")
    print("fresh tab, ms after navigation (median): " + "  ".join(f"{n:>17}" for n in names))
    for who in ("app", "floor"):
        rows = [marks for w, marks in _marks if w == who]
        cells = [statistics.median([m[n] for m in rows if n in m]) if any(n in m for m in rows) else None
                 for n in names]
        print(f"  {who:38}" + "  ".join(f"{c:17.0f}" if c is not None else f"{'-':>17}" for c in cells))
    _marks.clear()


def main() -> None:
    from playwright.sync_api import sync_playwright

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--timeline", action="store_true", help="where a fresh tab's time goes (see above)")
    args = parser.parse_args()
    TIMING["on"] = args.timeline
    port, floor_port = free_port(), free_port()
    with tempfile.TemporaryDirectory() as cache:
        process = serve(port, cache, timeout=60)
        floor = serve(floor_port, cache, timeout=60, script="bench/one_chart_app.py")
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", headless=True,
                                                     args=CHROMIUM_ARGS)
                for round_ in range(args.rounds):
                    print(f"-- round {round_ + 1}  (load {os.getloadavg()[0]:.1f})")
                    results = measure(browser, f"http://127.0.0.1:{port}")
                    print_results(results)
                    floor_charts = measure_floor(browser, f"http://127.0.0.1:{floor_port}", len(results))
                    links = [r["link_chart"] for r in results]
                    difference = statistics.median(links) - statistics.median(floor_charts)
                    print(f"one-chart app (floor): median {statistics.median(floor_charts):.2f} s, "
                          f"max {max(floor_charts):.2f} s over {len(floor_charts)} fresh tabs")
                    print(f"link's first chart minus the floor: {difference:+.2f} s (median against median; "
                          f"target ≤ 0.3 s)  load {os.getloadavg()[0]:.1f}")
                    if args.timeline:
                        print_timeline()
                browser.close()
        finally:
            stop(process)
            stop(floor)


if __name__ == "__main__":
    main()
