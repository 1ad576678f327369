"""Every page in both languages in headless Chromium against the real server; links restore views."""

from urllib.parse import parse_qs, urlparse

import pytest

from regionstats.i18n import t
from tests.browser.conftest import assert_no_exception, wait_until_rendered

PAGES = [("", "page_overview"), ("topp-fem", "page_top_five"), ("rankningar", "page_rankings"),
         ("finansiering", "page_funding"), ("citeringar", "page_citations"), ("jamfor", "page_compare"),
         ("utveckling", "page_trend"), ("karta", "page_map"), ("data", "page_data")]

pytestmark = pytest.mark.browser


def test_a_deep_link_as_the_first_request_opens_the_page(page, server_url, screenshot_dir):
    """A fresh server's first request runs Streamlit's legacy pages/ mode: the shell must still run."""
    page.goto(f"{server_url}/finansiering?lang=en&regions=18,24&home=24")
    wait_until_rendered(page, "Funding per inhabitant")
    assert_no_exception(page)
    assert page.get_by_text("Page not found").count() == 0
    page.screenshot(path=screenshot_dir / "deep-link-first-request.png", full_page=True)
    page.get_by_text("Svenska", exact=True).click()
    wait_until_rendered(page, "Finansiering per invånare")
    query = parse_qs(urlparse(page.url).query)
    assert query["regions"] == ["18,24"] and query["home"] == ["24"]


@pytest.mark.parametrize("lang", ["sv", "en"])
@pytest.mark.parametrize("slug,title_key", PAGES)
def test_every_page_renders_without_errors(page, server_url, screenshot_dir, slug, title_key, lang):
    page.goto(f"{server_url}/{slug}" + ("?lang=en" if lang == "en" else ""))
    wait_until_rendered(page, t(title_key, lang))
    assert_no_exception(page)
    assert page.get_by_text("Page not found").count() == 0
    assert page.locator('[data-testid="stPlotlyChart"]').count() >= 1
    page.screenshot(path=screenshot_dir / f"{slug or 'oversikt'}-{lang}.png", full_page=True)


def test_a_copied_link_restores_the_filters(page, browser, server_url, screenshot_dir):
    page.goto(f"{server_url}/utveckling")
    wait_until_rendered(page, "Utveckling över tid")
    page.get_by_text("English", exact=True).click()
    wait_until_rendered(page, "Change over time")
    page.get_by_text("Index (base year = 100)").click()
    wait_until_rendered(page, "Change over time")
    page.wait_for_function("() => location.search.includes('mode=index')")
    copied = page.url
    query = parse_qs(urlparse(copied).query)
    assert query["lang"] == ["en"] and query["mode"] == ["index"]

    fresh = browser.new_context(viewport={"width": 1440, "height": 900}).new_page()
    fresh.goto(copied)
    wait_until_rendered(fresh, "Change over time")
    assert_no_exception(fresh)
    assert fresh.get_by_text("index", exact=False).count() > 0
    chart_title = fresh.locator('[data-testid="stPlotlyChart"] .gtitle').first.text_content()
    assert "= 100" in chart_title
    fresh.screenshot(path=screenshot_dir / "restored-link.png", full_page=True)
    fresh.context.close()


def test_malformed_parameters_show_a_notice_not_an_error(page, server_url):
    page.goto(f"{server_url}/karta?regions=01,zz&years=20x&foo=bar")
    wait_until_rendered(page, "Karta")
    assert_no_exception(page)
    assert page.get_by_text("ignorerades").count() == 1
