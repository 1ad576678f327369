"""Världens topp fem in headless Chromium at 1280×720 for Stockholm: no error, the ladder chart drawn (English:
AppTest and the English walk)."""

import pytest

from regionstats.i18n import t
from tests.browser.conftest import assert_no_exception, wait_until_rendered

pytestmark = pytest.mark.browser


def test_world_page_renders_for_stockholm(browser, server_url, screenshot_dir, lang="sv"):
    context = browser.new_context(viewport={"width": 1280, "height": 720}, locale="sv-SE")
    page = context.new_page()
    try:
        page.goto(f"{server_url}/varlden?home=01" + ("&lang=en" if lang == "en" else ""))
        wait_until_rendered(page, t("page_world", lang), charts=2)
        assert_no_exception(page)
        assert page.get_by_text("Page not found").count() == 0
        assert page.get_by_text(t("world_ladder_title", lang, region="Stockholm")).count() == 1
        titles = page.locator('[data-testid="stPlotlyChart"] .gtitle').all_text_contents()
        expected = t("world_distance_title", lang, region="Stockholm")[:20]
        assert any(title.startswith(expected) for title in titles)
        page.screenshot(path=screenshot_dir / f"varlden-{lang}-1280.png")
        page.locator('[data-testid="stPlotlyChart"]').first.scroll_into_view_if_needed()
        page.wait_for_timeout(300)
        page.screenshot(path=screenshot_dir / f"varlden-{lang}-1280-ladder-chart.png")
        page.locator('[data-testid="stPlotlyChart"]').nth(1).scroll_into_view_if_needed()
        page.wait_for_timeout(300)
        page.screenshot(path=screenshot_dir / f"varlden-{lang}-1280-trend-chart.png")
    finally:
        context.close()
