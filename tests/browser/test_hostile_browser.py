"""Hostile text in the served app (issue #14), in headless Chromium against a real server.

The server reads a copy of data/ whose source titles, notes, goals, definitions and one region's
name carry markdown and HTML links and images; each page is opened with a hostile link parameter
too. The served HTML must hold no link or image that came from data or the URL, the planted text
must still be visible as text, and the browser must ask nothing of any host but the server.
"""

import os
import re
import shutil
import subprocess
import sys
from urllib.parse import quote

import pandas as pd
import pytest

from regionstats.i18n import t
from regionstats.views.registry import HOME_SLUG, TABLE
from tests.browser.conftest import (ROOT, free_port, outside_requests, wait_for_charts_to_fit, wait_for_health,
                                    wait_until_rendered)

pytestmark = pytest.mark.browser

EVIL = "evil.example"
HOSTILE = (f"[Logga in här](https://{EVIL}/login) ![p](http://{EVIL}/pixel.png) "
           f"<a href=\"https://{EVIL}/a\">a</a> <img src=\"http://{EVIL}/i.png\"> :red[**LARM**] www.{EVIL}")
REGION_NAME = f"Örebro <a href=\"https://{EVIL}/region\">klicka</a>"
# every page of the sidebar (the page table), the home page by "/" as a shared link opens it
PAGES = [("" if page.slug == HOME_SLUG else page.slug, page.title_key) for page in TABLE]


def plant(folder) -> None:
    def add(name: str, columns: list[str]) -> None:
        frame = pd.read_csv(folder / name, dtype=str, keep_default_na=False)
        for column in columns:
            frame[column] = [f"{v} {HOSTILE}" if v else HOSTILE for v in frame[column]]
        frame.to_csv(folder / name, index=False)

    add("sources.csv", ["publisher", "title", "note"])
    add("observations.csv", ["note"])
    add("goals.csv", ["goal_text", "note"])
    add("indicators.csv", ["definition_sv", "definition_en"])
    regions = pd.read_csv(folder / "regions.csv", dtype=str, keep_default_na=False)
    regions.loc[regions.region_code == "18", ["name_sv", "name_en"]] = REGION_NAME
    regions.to_csv(folder / "regions.csv", index=False)


@pytest.fixture(scope="module")
def planted_server(tmp_path_factory):
    """The served app (friendly errors, no RAISE_ERRORS) on a planted copy of data/."""
    folder = tmp_path_factory.mktemp("planted") / "data"
    shutil.copytree(ROOT / "data", folder, ignore=shutil.ignore_patterns("raw", ".history"))
    plant(folder)
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k not in ("REGIONSTATS_RAISE_ERRORS", "REGIONSTATS_EDITOR")}
    env |= {"REGIONSTATS_DATA_DIR": str(folder), "REGIONSTATS_CACHE_DIR": str(tmp_path_factory.mktemp("cache"))}
    process = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "dashboard.py", "--server.headless=true",
         f"--server.port={port}", "--server.address=127.0.0.1", "--browser.gatherUsageStats=false",
         "--server.fileWatcherType=none"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        wait_for_health(url, process)
        yield url
    finally:
        process.terminate()
        process.wait(10)


def foreign_links(html: str) -> list[str]:
    """<a href> and <img src>/<image href> in the page that point at the planted host."""
    tags = re.findall(r"<(?:a|img|image|link|source|iframe)\b[^>]*>", html, flags=re.I)
    return [tag for tag in tags if EVIL in tag]


@pytest.mark.parametrize("slug,title_key", PAGES)
def test_data_and_link_text_is_never_a_link_or_image(page, planted_server, screenshot_dir, slug, title_key):
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    link = quote(f"[Logga in här](https://{EVIL}/login)")
    page.goto(f"{planted_server}/{slug}?foo={link}&bar={quote(':red[**Ditt konto är låst**]')}")
    wait_until_rendered(page, t(title_key, "sv"))
    wait_for_charts_to_fit(page)  # every chart drawn
    html = page.content()
    assert not foreign_links(html), foreign_links(html)[:5]
    assert page.locator('[data-testid="stException"]').count() == 0
    assert page.get_by_text("ignorerades").count() == 1
    assert page.get_by_text("Logga in här", exact=False).count() >= 1, "the planted text is shown, as text"
    assert not outside_requests(requests), outside_requests(requests)[:5]
    page.screenshot(path=screenshot_dir / f"hostile-{slug or 'oversikt'}.png", full_page=True)
