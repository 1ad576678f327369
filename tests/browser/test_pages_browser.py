"""Every page in headless Chromium against the real server, screenshotted at 1280×720 (the window and the
whole length) and 1920×1080 under artifacts/screenshots/, in Swedish and then, switched in the same tab, in
English (AppTest renders every page in both languages too); links restore views; a fresh server keeps the
selection at the first page switch; the period control commits once and the URL follows."""

import re
from urllib.parse import parse_qs, urlparse

import pytest

from regionstats.i18n import t
from regionstats.views.registry import TABLE
from tests.browser.conftest import (assert_no_exception, outside_requests, screenshot_whole_page, start_server,
                                    stop_server, wait_for_charts_to_fit, wait_until_finished,
                                    wait_until_rendered)
from tests.english_markers import swedish_data_notes, swedish_markers

PAGES = [(page.slug, page.title_key) for page in TABLE]

pytestmark = pytest.mark.browser


def test_a_deep_link_as_the_first_request_opens_the_page(page, server_url, screenshot_dir):
    """A fresh server's first request runs Streamlit's legacy pages/ mode: the shell must still run."""
    page.goto(f"{server_url}/finansiering?lang=en&regions=18,24&home=24")
    wait_until_rendered(page, "Funding per inhabitant")
    assert_no_exception(page)
    text = page.locator("body").inner_text()  # lang=en from the link is English (#23)
    assert swedish_markers(text) == [] and swedish_data_notes(text) == []
    assert page.get_by_text("Page not found").count() == 0
    page.screenshot(path=screenshot_dir / "deep-link-first-request.png", full_page=True)
    page.get_by_text("Svenska", exact=True).click()
    wait_until_rendered(page, "Finansiering per invånare")
    query = parse_qs(urlparse(page.url).query)
    assert query["regions"] == ["18,24"] and query["home"] == ["24"]


@pytest.mark.parametrize("slug,title_key", PAGES)
def test_every_page_renders_without_errors(page, server_url, screenshot_dir, slug, title_key, lang="sv"):
    """Each page by its own slug (/oversikt too) at a laptop's and a projector's size, asking nothing of
    any host but the server."""
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.set_viewport_size({"width": 1280, "height": 720})
    page.goto(f"{server_url}/{slug}")
    wait_until_rendered(page, t(title_key, lang))
    assert_no_exception(page)
    # as served with the bundled data, the page asks nothing of another host (no font, icon or script)
    assert not outside_requests(requests), outside_requests(requests)[:5]
    icon = page.locator("link[rel='shortcut icon']").get_attribute("href") or ""
    assert "gstatic" not in icon and not icon.startswith("http"), icon
    assert page.get_by_text("Page not found").count() == 0
    assert page.locator('[data-testid="stPlotlyChart"]').count() >= 1
    if slug == "oversikt":  # the sidebar's region box shows its last chip too (it used to cut it off)
        box = page.locator('[data-testid="stSidebar"] [data-testid="stMultiSelect"]').first
        outer = box.bounding_box()
        last = box.get_by_text(t("riket", lang), exact=True).first.bounding_box()  # the default's last region
        assert last["y"] + last["height"] <= outer["y"] + outer["height"] + 1, (last, outer)
    screenshot_whole_page(page, screenshot_dir / f"{slug}-{lang}-1280x720.png")
    page.set_viewport_size({"width": 1920, "height": 1080})
    wait_for_charts_to_fit(page)  # plotly redraws for the new width
    page.screenshot(path=screenshot_dir / f"{slug}-{lang}-1920x1080.png")
    assert_no_exception(page)

    # the same page in English, as a user switches (#23): none of the Swedish marker words outside source
    # titles and region names
    page.get_by_text("English", exact=True).click()
    wait_until_rendered(page, t(title_key, "en"))
    page.wait_for_function("() => location.search.includes('lang=en')")  # the page with lang=en, as a link opens it
    wait_for_charts_to_fit(page)
    assert_no_exception(page)
    page.screenshot(path=screenshot_dir / f"{slug}-en-1920x1080.png")
    text = page.locator("body").inner_text()
    assert swedish_markers(text) == []
    assert swedish_data_notes(text) == []


def test_a_fresh_servers_first_page_switch_keeps_the_selection(browser, screenshot_dir):
    """Streamlit starts a server in its legacy pages/ mode; the first switch used to empty the regions."""
    process, url = start_server()
    context = browser.new_context(viewport={"width": 1440, "height": 900}, locale="sv-SE")
    try:
        tab = context.new_page()
        tab.goto(f"{url}/?regions=01,03,18&home=03")
        wait_until_rendered(tab, t("page_overview", "sv"))
        tab.locator('[data-testid="stSidebarNav"] a', has_text=t("page_funding", "sv")).click()
        tab.wait_for_url("**/finansiering**", timeout=30_000)
        wait_until_rendered(tab, t("page_funding", "sv"))
        tab.wait_for_function("() => location.search.includes('regions=')", timeout=10_000)
        query = parse_qs(urlparse(tab.url).query)
        assert query["regions"] == ["01,03,18"] and query["home"] == ["03"], tab.url
        assert tab.get_by_text(t("no_regions", "sv")).count() == 0
        assert_no_exception(tab)
        tab.screenshot(path=screenshot_dir / "fresh-server-page-switch.png", full_page=True)
    finally:
        context.close()
        stop_server(process)


def choose(page, label: str, option) -> None:
    """Pick an option (its text, or a pattern) of the sidebar selectbox with this label.

    A long list only renders the options in view, so a text option is typed to filter the list first."""
    wanted = page.get_by_role("option", name=option, exact=isinstance(option, str))
    for _ in range(3):  # a list opened during a rerun can close again at once: open it anew
        open_choices(page, label)
        if isinstance(option, str):
            page.locator('[data-testid="stSidebar"]').get_by_role("combobox", name=label, exact=True).fill(option)
        try:
            wanted.wait_for(timeout=5_000)
            break
        except Exception:
            page.keyboard.press("Escape")
            wait_until_finished(page)
    wanted.click()


def open_choices(page, label: str) -> None:
    """Open a sidebar selectbox's list (its input only filters; the Open button shows the options)."""
    box = page.locator('[data-testid="stSidebar"] [data-testid="stSelectbox"]').filter(
        has=page.get_by_role("combobox", name=label, exact=True))
    box.get_by_role("button", name="Open").click()


def test_the_period_commits_once_and_the_url_follows(page, server_url, screenshot_dir):
    page.goto(f"{server_url}/finansiering")
    wait_until_rendered(page, t("page_funding", "sv"))
    choose(page, t("years", "sv"), t("years_custom", "sv", first=0, last=0))
    page.locator('[data-testid="stSidebar"]').get_by_text(t("year_from", "sv"), exact=True).wait_for()
    wait_until_finished(page)
    choose(page, t("year_from", "sv"), "2019")
    wait_until_finished(page)
    choose(page, t("year_to", "sv"), "2021")
    # one choice, one run, and the address bar holds the new period within 2 s
    page.wait_for_function("() => location.search.includes('years=2019-2021')", timeout=2_000)
    page.get_by_text("2021", exact=False).first.wait_for()
    wait_until_finished(page)
    titles = page.locator('[data-testid="stPlotlyChart"] .gtitle').all_text_contents()
    assert any("2021" in title for title in titles), titles
    page.screenshot(path=screenshot_dir / "period-2019-2021.png", full_page=True)

    # the preset "the last five years" is one choice, one run, and the URL follows
    choose(page, t("years", "sv"), re.compile("^Senaste 5 åren"))
    page.wait_for_function("() => /years=\\d{4}-\\d{4}/.test(location.search) "
                           "&& !location.search.includes('years=2019-2021')", timeout=30_000)
    first, last = map(int, parse_qs(urlparse(page.url).query)["years"][0].split("-"))
    assert last - first == 4
    assert_no_exception(page)


def test_a_copied_link_restores_the_filters(page, browser, server_url, screenshot_dir):
    """Utveckling opens indexed; switching to absolute values and English, the copied link restores both."""
    page.goto(f"{server_url}/utveckling")
    wait_until_rendered(page, "Utveckling över tid")
    assert "= 100" in page.locator('[data-testid="stPlotlyChart"] .gtitle').first.text_content()
    page.get_by_text("English", exact=True).click()
    wait_until_rendered(page, "Change over time")
    page.get_by_text("Absolute values", exact=True).click()
    page.wait_for_function("() => location.search.includes('mode=absolute')")
    wait_until_finished(page)
    copied = page.url
    query = parse_qs(urlparse(copied).query)
    assert query["lang"] == ["en"] and query["mode"] == ["absolute"]

    fresh = browser.new_context(viewport={"width": 1440, "height": 900}).new_page()
    fresh.goto(copied)
    wait_until_rendered(fresh, "Change over time")
    assert_no_exception(fresh)
    chart_title = fresh.locator('[data-testid="stPlotlyChart"] .gtitle').first.text_content()
    assert "= 100" not in chart_title and "index" not in chart_title
    fresh.screenshot(path=screenshot_dir / "restored-link.png", full_page=True)
    fresh.context.close()


def test_malformed_parameters_show_a_notice_not_an_error(page, server_url):
    page.goto(f"{server_url}/karta?regions=01,zz&years=20x&foo=bar")
    wait_until_rendered(page, "Karta")
    assert_no_exception(page)
    assert page.get_by_text("ignorerades").count() == 1
