"""The English walk (#23): every page with lang=en in headless Chromium, screenshotted at 1920×1080, shows none of
the Swedish marker words outside source titles (marked with their language) and region names, nor a data note in
Swedish whose English is written; the English PDF of the funding page neither."""

import io

import pytest
from pypdf import PdfReader

from regionstats.export import pdf
from regionstats.selection import Selection
from regionstats.views.registry import TABLE
from tests.browser.conftest import assert_no_exception, wait_for_charts_to_fit, wait_until_rendered
from tests.english_markers import swedish_data_notes, swedish_markers

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("slug,title_key", [(p.slug, p.title_key) for p in TABLE])
def test_an_english_page_in_the_browser_shows_no_swedish(page, server_url, screenshot_dir, slug, title_key):
    from regionstats.i18n import t

    page.set_viewport_size({"width": 1920, "height": 1080})
    page.goto(f"{server_url}/{slug}?lang=en")
    wait_until_rendered(page, t(title_key, "en"))
    wait_for_charts_to_fit(page)
    assert_no_exception(page)
    page.screenshot(path=screenshot_dir / f"{slug}-en-1920x1080.png")
    text = page.locator("body").inner_text()
    assert swedish_markers(text) == []
    assert swedish_data_notes(text) == []


def test_the_english_pdf_shows_no_swedish(server_url):
    data = pdf.page_pdf("finansiering", Selection(lang="en"), base_url=server_url)
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages)
    assert text.strip()
    assert swedish_markers(text) == []
    assert swedish_data_notes(text) == []
    assert "(in Swedish)" in " ".join(text.split())  # the Swedish titles of the budget bills and SCB's tables, marked
