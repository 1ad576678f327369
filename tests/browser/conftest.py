"""A real Streamlit server and Debian's Chromium driven by Playwright (never a downloaded browser)."""

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from urllib.parse import urlparse
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

from regionstats.export.pdf import stop_process as stop_server

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "artifacts" / "screenshots"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


def chromium_path() -> str:
    path = shutil.which("chromium") or shutil.which("chromium-browser") or "/usr/bin/chromium"
    if not Path(path).exists():
        pytest.fail("Debian's chromium is needed for the browser tests: run `make test`, which installs it.")
    return path


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_health(url: str, process: subprocess.Popen, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"streamlit exited with {process.returncode}")
        try:
            if urllib.request.urlopen(url + "/_stcore/health", timeout=1).read() == b"ok":
                return
        except OSError:
            time.sleep(0.25)
    raise TimeoutError("streamlit did not answer /_stcore/health")


@pytest.fixture(scope="session")
def server_url(tmp_path_factory):
    """The dashboard served on a free localhost port, as `make run` serves it."""
    process, url = start_server({"REGIONSTATS_CACHE_DIR": str(tmp_path_factory.mktemp("cache"))})
    try:
        yield url
    finally:
        stop_server(process)


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=chromium_path(), headless=True, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1440, "height": 900}, locale="sv-SE")
    tab = context.new_page()
    yield tab
    context.close()


@pytest.fixture(scope="session")
def screenshot_dir():
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    print(f"\nscreenshots: {SCREENSHOTS}")
    return SCREENSHOTS


# Streamlit's status widget is hidden (toolbarMode "minimal"), so "finished" is read from what the
# page itself says: the app's script state and no element still marked stale from the last run.
RUN_FINISHED = """() => {
    const app = document.querySelector('[data-testid="stApp"]');
    return !!app && app.getAttribute('data-test-script-state') === 'notRunning'
        && !document.querySelector('[data-stale="true"]');
}"""


def wait_until_finished(page, timeout: float = 45_000) -> None:
    """Wait for the current run to end (checked twice, a moment apart: a rerun may follow at once)."""
    for _ in range(2):
        page.wait_for_function(RUN_FINISHED, timeout=timeout)
        page.wait_for_timeout(250)
    page.wait_for_function(RUN_FINISHED, timeout=timeout)


def wait_until_rendered(page, title: str, charts: int = 1, timeout: float = 45_000) -> None:
    """Wait for the page's title, its charts drawn by plotly, and the run to have finished."""
    page.get_by_role("heading", name=title, level=1).wait_for(timeout=timeout)
    if charts:
        page.locator('[data-testid="stPlotlyChart"] .main-svg').first.wait_for(timeout=timeout)
    wait_until_finished(page, timeout)


def start_server(env: dict | None = None) -> tuple[subprocess.Popen, str]:
    """The dashboard on a free localhost port, as `make run` serves it: (process, base URL)."""
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "dashboard.py", "--server.headless=true",
         f"--server.port={port}", "--server.address=127.0.0.1", "--browser.gatherUsageStats=false",
         "--server.fileWatcherType=none"],
        cwd=ROOT, env={**os.environ, **(env or {})}, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        wait_for_health(url, process)
    except Exception:
        stop_server(process)
        raise
    return process, url


# Streamlit scrolls the page inside a fixed box, so a "full page" screenshot would stop at the
# window's height: for the screenshot the boxes grow to their content (the sidebar, which would be
# squeezed, is in the window-sized screenshot).
WHOLE_PAGE_CSS = """
section[data-testid="stSidebar"] { display: none !important; }
html, body, [data-testid="stApp"], [data-testid="stAppViewContainer"], [data-testid="stMain"] {
  height: auto !important; overflow: visible !important; position: static !important; }
"""


# Every plotly chart drawn at its box's width: after a resize plotly redraws each chart to fit (a
# waited-for state instead of a fixed pause).
CHARTS_FIT = """() => [...document.querySelectorAll('[data-testid="stPlotlyChart"]')].every(chart => {
    const svg = chart.querySelector('.main-svg');
    if (!chart.clientWidth) return true;  // not shown (a collapsed section)
    return svg && Math.abs(Number(svg.getAttribute('width')) - chart.clientWidth) <= 2;
})"""


def wait_for_charts_to_fit(page, timeout: float = 15_000) -> None:
    page.wait_for_function(CHARTS_FIT, timeout=timeout)
    page.wait_for_timeout(100)  # plotly's last layers (legend, annotations) after the main SVG


def screenshot_whole_page(page, path) -> None:
    """The window as the user sees it (path) and the whole length of the page (path with -full)."""
    page.screenshot(path=path)
    style = page.add_style_tag(content=WHOLE_PAGE_CSS)
    wait_for_charts_to_fit(page)  # the page is wider without the sidebar
    page.screenshot(path=str(path).replace(".png", "-full.png"), full_page=True)
    style.evaluate("element => element.remove()")


def outside_requests(urls: list[str]) -> list[str]:
    """Requests to any host but the local server (a font, icon or script from the internet)."""
    return [u for u in urls if urlparse(u).hostname not in ("127.0.0.1", None) and not u.startswith("data:")]


def assert_no_exception(page) -> None:
    errors = page.locator('[data-testid="stException"]').all_inner_texts()
    assert not errors, errors[0][:2000] if errors else ""
    # the app's own guard (ui/shell.py) when an exception was caught rather than raised
    from regionstats.i18n import t

    for lang in ("sv", "en"):
        assert page.get_by_text(t("page_failed", lang)).count() == 0

