"""A page as the browser prints it: A4 landscape PDF made by headless Chromium (Playwright).

The page is opened on a running dashboard (the app's own server, or one started here on a
free localhost port) with the selection in the URL, waited for until its charts are drawn,
and printed with print media. Debian's Chromium is used; a browser is never downloaded.
"""

import datetime as dt
import html
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path

from regionstats import config
from regionstats.export import images
from regionstats.i18n import t
from regionstats.selection import Selection

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--no-first-run"]
# A4 landscape less 10 mm margins on each side, in CSS pixels (96 per inch): the page is laid out
# at the width it is printed at, so plotly draws each chart to fit the paper.
PRINT_VIEWPORT = {"width": 1046, "height": 720}
MARGIN = {"top": "10mm", "bottom": "14mm", "left": "10mm", "right": "10mm"}
# Print the page, not the app around it: no sidebar, toolbar, widgets, expanders or buttons, and
# let the main column grow so every chart reaches the paper (Streamlit scrolls it in a fixed box).
# A chart box (st-key-chartbox_…, ui/render.py) stays on one sheet with its notes; the notes are set
# small and tight; a heading stays with what follows; tables print as their plain copy (the grid is a
# canvas cut to its box).
PRINT_CSS = """
@media print {
  [data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stHeader"],
  [data-testid="stToolbar"], [data-testid="stDecoration"], [data-testid="stStatusWidget"],
  [data-testid="stExpander"], [data-testid="stDownloadButton"], [data-testid="stButton"],
  [data-testid="stPopover"], [data-testid="stSelectbox"], [data-testid="stButtonGroup"],
  [data-testid="stSlider"], [data-testid="stRadio"], [data-testid="stToggle"],
  [class*="st-key-downloads_"], [role="dialog"], [data-testid="stDialog"], [data-baseweb="modal"],
  [data-testid="stToast"], [data-testid="stToastContainer"], [data-testid="stDataFrame"],
  [data-testid="stElementContainer"]:has([data-testid="stDataFrame"]) { display: none !important; }
  html, body, [data-testid="stApp"], [data-testid="stAppViewContainer"], [data-testid="stMain"],
  [data-testid="stMainBlockContainer"] { height: auto !important; overflow: visible !important;
    position: static !important; }
  [data-testid="stMainBlockContainer"] { padding: 0 !important; max-width: none !important; }
  [data-testid="stVerticalBlock"] { gap: 0.6rem !important; }
  h1 { font-size: 1.9rem !important; padding: 0 0 0.2rem 0 !important; }
  h2, h3 { padding: 0.4rem 0 0.2rem 0 !important; }
  [data-testid="stElementContainer"]:has(h1, h2, h3) { break-after: avoid; }
  [class*="st-key-chartbox_"], [data-testid="stMetric"], [data-testid="stAlert"] { break-inside: avoid; }
  [class*="st-key-chartbox_"] { gap: 0.25rem !important; padding: 0.6rem 0.8rem !important; }
  [class*="st-key-chartbox_"] > [data-testid="stElementContainer"] { break-inside: avoid; }
  [class*="st-key-chartbox_"] [data-testid="stCaptionContainer"] { font-size: 10px !important;
    line-height: 1.3 !important; }
  [data-testid="stElementContainer"]:has(> [data-testid="stHtml"] > .printed-table) { display: block !important; }
  .printed-table { display: block !important; }
  .printed-table table { border-collapse: collapse; width: 100%; font-size: 9px; line-height: 1.25; }
  .printed-table th { text-align: left; border-bottom: 1px solid #888; padding: 2px 4px; }
  .printed-table td { border-bottom: 1px solid #ddd; padding: 2px 4px; vertical-align: top; }
  .printed-table tr { break-inside: avoid; }
  .printed-more { font-size: 9px; color: #555; margin: 2px 0 0 0; }
}
"""
# The paper's printable height in CSS pixels: A4 landscape (210 mm) less the top and bottom margins.
PRINTABLE_HEIGHT = round((210 - 10 - 14) / 25.4 * 96)
# A chart box taller than a sheet (a long chart and its notes) is fitted to one by giving its chart less
# height: Streamlit redraws the plotly chart at the height of its element, so the bars get thinner and
# the text keeps its size. At most 40 % of the height is taken (a matrix's rows must keep their digits
# readable) unless the chart alone is taller than a sheet; a box still too tall then lets its notes run
# on to the next sheet, the chart kept whole.
# Not CSS zoom or a transform: plotly redraws a zoomed box smaller still, and a transformed box still
# breaks across sheets.
FIT_CHART_BOXES = """(height) => {
    let fitted = 0;
    const boxes = [...document.querySelectorAll('[class*="st-key-chartbox_"]')];
    boxes.forEach((box, index) => {
        const element = box.querySelector('[data-testid="stPlotlyChart"]');
        if (!element) return;
        const tall = element.getBoundingClientRect().height;
        // the first box shares the first sheet with the page's heading when its chart may give up that room
        const top = box.getBoundingClientRect().top + window.scrollY;
        const first = index === 0 && top < height / 3
            && box.getBoundingClientRect().height - (height - top) <= 0.4 * tall;
        const excess = box.getBoundingClientRect().height - (first ? height - top : height);
        if (excess <= 0) return;
        // and never taller than a sheet itself (with the box's padding and the chart's title room)
        const fitting = `${Math.min(height - 40, Math.max(0.6 * tall, tall - excess))}px`;
        for (const outer of [element.querySelector('.js-plotly-plot'), element,
                             element.closest('[data-testid="stFullScreenFrame"]'),
                             element.closest('[data-testid="stElementContainer"]')]) {
            if (outer) { outer.style.height = fitting; outer.style.minHeight = '0'; }
        }
        if (box.getBoundingClientRect().height > height) box.style.breakInside = 'auto';
        fitted += 1;
    });
    return fitted;
}"""

# The matrix's digits as large as their cells allow (at most 12 px): plotly sizes them to the cells as
# they were on screen, and a chart drawn shorter for the sheet left them at 5 pt. Each text is moved
# down by the difference its larger size makes to plotly's centring (0.35 em).
ENLARGE_CELL_TEXT = """() => {
    let enlarged = 0;
    for (const layer of document.querySelectorAll('.heatmaplayer')) {
        const texts = [...layer.querySelectorAll('text')].filter(text => text.textContent);
        if (!texts.length) continue;
        const step = values => Math.min(...values.slice(1).map((v, i) => v - values[i]).filter(d => d > 1), 1e9);
        const xs = [...new Set(texts.map(text => Number(text.getAttribute('x'))))].sort((a, b) => a - b);
        const ys = [...new Set(texts.map(text => Number(text.getAttribute('y'))))].sort((a, b) => a - b);
        const longest = Math.max(...texts.map(text => text.textContent.length));
        const size = Math.floor(Math.min(12, 0.7 * step(ys), 0.95 * step(xs) / (0.55 * longest)));
        for (const text of texts) {
            const was = parseFloat(text.style.fontSize) || 0;
            if (size <= was) continue;
            text.style.fontSize = `${size}px`;
            text.setAttribute('y', Number(text.getAttribute('y')) + 0.35 * (size - was));
            enlarged += 1;
        }
    }
    return enlarged;
}"""


def page_url(base_url: str, slug: str, selection: Selection) -> str:
    params = selection.replace(present=False, slide=0).to_query_params()
    query = urllib.parse.urlencode(params)
    return f"{base_url.rstrip('/')}/{slug}" + (f"?{query}" if query else "")


# "Finished" as the page itself shows it: the app's script state (an attribute Streamlit sets on its
# root whatever the toolbar shows), no element still marked stale from the previous run, and the
# charts drawn by plotly. Streamlit's status widget is not used: toolbarMode "minimal" removes it.
DRAWN_STATE = """() => {
    const app = document.querySelector('[data-testid="stApp"]');
    const script = app ? app.getAttribute('data-test-script-state') : 'initial';
    const running = script !== 'notRunning' || !!document.querySelector('[data-stale="true"]');
    const charts = [...document.querySelectorAll('[data-testid="stPlotlyChart"]')];
    return {running, script, charts: charts.length,
            drawn: charts.filter(c => c.querySelector('.main-svg')).length,
            heading: !!document.querySelector('h1, .present-title')};
}"""


def wait_until_drawn(page, expected_charts: int | None = None, timeout_ms: float = 60_000) -> None:
    """Wait for the page's heading and its charts drawn by plotly, steady for a second.

    Streamlit may rerun a page just after it first appears (the URL is rewritten, the shell takes
    over from the legacy pages mode), so one good look is not enough: the state must hold.
    """
    deadline = time.monotonic() + timeout_ms / 1000
    steady, last = 0, None
    while time.monotonic() < deadline:
        state = page.evaluate(DRAWN_STATE)
        ready = (state["heading"] and not state["running"] and state["drawn"] == state["charts"]
                 and (expected_charts is None or state["charts"] >= expected_charts))
        steady = steady + 1 if ready and state == last else 0
        last = state
        if steady >= 4:
            return
        page.wait_for_timeout(250)
    raise TimeoutError(f"the page did not finish drawing: {last}")


def footer_template(lang: str, page_title: str = "", made: dt.date | None = None) -> str:
    """Chromium's page footer: what, when, and the page number (the document title is not
    used: Streamlit's tab title already repeats the app's name)."""
    made_on = t("made_on", lang, date=(made or dt.date.today()).isoformat())
    what = " · ".join(part for part in (t("deck_title", lang), page_title, made_on) if part)
    return ('<div style="font-size:8px; width:100%; padding:0 10mm; color:#555; display:flex; '
            'justify-content:space-between; font-family:DejaVu Sans, Arial, sans-serif">'
            f'<span>{html.escape(what)}</span>'
            '<span><span class="pageNumber"></span> / <span class="totalPages"></span></span></div>')


def print_pdf(url: str, timeout_ms: float = 60_000, lang: str = "sv",
              expected_charts: int | None = None, page_title: str = "") -> bytes:
    """Open url in headless Chromium and print it to an A4 landscape PDF (ChromiumMissing if none).

    Playwright's sync API refuses to run in a thread with a running asyncio loop (a caller that
    drives a browser itself, a notebook), so the printing gets a thread of its own.
    """
    browser_path = images.require_chromium()
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(_print, url, browser_path, timeout_ms, lang, expected_charts, page_title).result()


def _print(url: str, browser_path: str, timeout_ms: float, lang: str, expected_charts: int | None,
           page_title: str) -> bytes:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=browser_path, headless=True, args=CHROMIUM_ARGS)
        try:
            context = browser.new_context(viewport=PRINT_VIEWPORT)
            page = context.new_page()
            page.goto(url, timeout=timeout_ms)
            wait_until_drawn(page, expected_charts, timeout_ms)
            page.add_style_tag(content=PRINT_CSS)
            page.emulate_media(media="print")
            wait_until_drawn(page, expected_charts, timeout_ms)  # plotly redraws for the print layout
            if page.evaluate(FIT_CHART_BOXES, PRINTABLE_HEIGHT - 8):
                wait_until_drawn(page, expected_charts, timeout_ms)
            page.evaluate(ENLARGE_CELL_TEXT)
            return page.pdf(format="A4", landscape=True, print_background=True, margin=MARGIN,
                            display_header_footer=True, header_template="<span></span>",
                            footer_template=footer_template(lang, page_title))
        finally:
            browser.close()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class ServerFailed(RuntimeError):
    pass


@contextmanager
def serve(timeout: float = 60, env: dict | None = None):
    """Run the dashboard on a free localhost port for the duration; yields its base URL."""
    port = free_port()
    log = tempfile.TemporaryFile()  # a file, not a pipe: a chatty server never blocks on a full pipe
    process = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(config.PROJECT_ROOT / "dashboard.py"),
         "--server.headless=true", f"--server.port={port}", "--server.address=127.0.0.1",
         "--browser.gatherUsageStats=false", "--server.fileWatcherType=none"],
        cwd=config.PROJECT_ROOT, env={**os.environ, **(env or {})},
        stdout=subprocess.DEVNULL, stderr=log,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + timeout
        while True:
            if process.poll() is not None:
                log.seek(0)
                detail = log.read().decode("utf-8", "replace").strip().splitlines()
                raise ServerFailed(detail[-1] if detail else f"exit code {process.returncode}")
            try:
                if urllib.request.urlopen(url + "/_stcore/health", timeout=1).read() == b"ok":
                    break
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise ServerFailed("no answer on /_stcore/health")
            time.sleep(0.25)
        yield url
    finally:
        stop_process(process)
        log.close()


def stop_process(process: subprocess.Popen) -> None:
    """Ask a server process to end; kill it if it has not within 10 s."""
    if process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(5)


def page_pdf(slug: str, selection: Selection, base_url: str | None = None, env: dict | None = None,
             expected_charts: int | None = None) -> bytes:
    """The PDF of one page for a selection, from base_url or from a server started for it (with env).

    expected_charts (the page view's chart count) makes the wait exact: printing starts only when
    that many charts are drawn.
    """
    from regionstats.views.registry import BY_SLUG

    images.require_chromium()
    title = t(BY_SLUG[slug].title_key, selection.lang) if slug in BY_SLUG else ""
    if base_url:
        return print_pdf(page_url(base_url, slug, selection), lang=selection.lang,
                         expected_charts=expected_charts, page_title=title)
    with serve(env=env) as url:
        return print_pdf(page_url(url, slug, selection), lang=selection.lang, expected_charts=expected_charts,
                         page_title=title)


def write(path: Path, data: bytes) -> None:
    Path(path).write_bytes(data)
