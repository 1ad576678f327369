"""Presentation mode in headless Chromium against the real server: the link opens it, the buttons and
the arrow keys step through the page's slides (KPI cards first, then charts) and on to the next page,
the URL follows, and every slide is screenshotted under artifacts/screenshots/presentation/. The
page's PDF and deck are downloaded as a user would and reopened."""

from functools import partial
from urllib.parse import parse_qs, urlparse

import pytest
from playwright.sync_api import expect

from regionstats import db, queries
from regionstats.i18n import t
from regionstats.selection import Selection
from regionstats.views.registry import build_page
from tests.browser.conftest import ROOT, assert_no_exception, wait_until_finished

pytestmark = pytest.mark.browser

STAGE = ".st-key-present_stage"
FUNDING = t("page_funding", "sv")


@pytest.fixture(scope="module")
def shots(screenshot_dir):
    folder = screenshot_dir / "presentation"
    folder.mkdir(parents=True, exist_ok=True)
    print(f"\npresentation screenshots: {folder}")
    return folder


@pytest.fixture(scope="module")
def funding_titles():
    """The chart titles the funding page shows for the default selection, built without the app."""
    run = partial(queries.run, db.connect(ROOT / "data"))
    return [chart.title for chart in build_page("finansiering", run, Selection()).charts]


def wait_for_slide(page, n: int, total: int, title: str, page_title: str = FUNDING) -> None:
    counter = t("present_counter", "sv", page=page_title, n=n, total=total)
    # while the step's run is under way the slide before may still stand beside the new one (Streamlit removes
    # what a run no longer draws when the run ends): wait for the new slide, then for the run to end
    expect(page.locator(f"{STAGE} .present-counter", has_text=counter)).to_be_visible(timeout=30_000)
    wait_until_finished(page, 30_000)
    expect(page.locator(f"{STAGE} .present-counter")).to_have_text(counter, timeout=30_000)
    expect(page.locator(f"{STAGE} .present-title")).to_have_text(title, timeout=30_000)
    assert_no_exception(page)


def button(page, key: str):
    """The stage's button by key (Streamlit also renders a hidden copy of a button that has help)."""
    return page.locator(f"{STAGE} .st-key-{key} button").first


def query(page) -> dict:
    return parse_qs(urlparse(page.url).query)


def test_the_link_opens_presentation_mode_and_buttons_and_keys_step_through(page, server_url, shots,
                                                                          funding_titles):
    total = len(funding_titles)
    assert total >= 3, "the funding page has three charts to step through"
    page.goto(f"{server_url}/finansiering?present=1")
    wait_for_slide(page, 1, total, funding_titles[0])
    expect(page.locator('[data-testid="stSidebar"]')).to_be_hidden()
    expect(page.get_by_role("heading", name="Finansiering per invånare", level=1)).to_be_hidden()
    expect(page.locator('[data-testid="stSelectbox"]').first).to_be_hidden()  # the page's own controls
    stage = page.locator(f"{STAGE} [data-testid='stPlotlyChart']")
    box = stage.bounding_box()
    assert box["width"] > box["height"] * 1.6, box  # a wide, projector-shaped chart
    expect(page.locator(STAGE).get_by_text("Skapad ")).to_be_visible()
    # the first slide's Previous goes back to the page before (Rankningar), still presenting
    expect(button(page, "present_prev")).to_contain_text(t("page_rankings", "sv"))
    page.screenshot(path=shots / "finansiering-1.png")

    button(page, "present_next").click()
    wait_for_slide(page, 2, total, funding_titles[1])
    assert query(page)["slide"] == ["1"] and query(page)["present"] == ["1"]
    page.screenshot(path=shots / "finansiering-2.png")

    page.keyboard.press("ArrowRight")
    wait_for_slide(page, 3, total, funding_titles[2])
    assert query(page)["slide"] == ["2"]
    page.screenshot(path=shots / "finansiering-3.png")
    if total == 3:  # the last slide's Next goes on to the next page
        expect(button(page, "present_next")).to_contain_text(t("page_citations", "sv"))

    page.keyboard.press("ArrowLeft")
    wait_for_slide(page, 2, total, funding_titles[1])
    button(page, "present_prev").click()
    wait_for_slide(page, 1, total, funding_titles[0])

    page.keyboard.press("Escape")  # leave: the page as usual, the link without present
    page.get_by_role("heading", name="Finansiering per invånare", level=1).wait_for(timeout=30_000)
    expect(page.locator('[data-testid="stSidebar"]')).to_be_visible()
    expect(page.locator(STAGE)).to_have_count(0)
    assert "present" not in query(page)
    assert_no_exception(page)


@pytest.fixture(scope="module")
def overview_view():
    run = partial(queries.run, db.connect(ROOT / "data"))
    return build_page("oversikt", run, Selection())


def test_a_presentation_starts_with_the_kpi_cards_and_runs_across_two_pages(page, server_url, shots,
                                                                            overview_view):
    overview, top_five = t("page_overview", "sv"), t("page_top_five", "sv")
    total = 1 + len(overview_view.charts)  # the KPI slide, then the charts
    page.goto(f"{server_url}/oversikt?present=1")
    kpi_title = f"{overview}: {t('home_region', 'sv').lower()} Örebro"  # the default home region
    wait_for_slide(page, 1, total, kpi_title, page_title=overview)
    values = page.locator(f"{STAGE} .present-kpi-value").all_inner_texts()
    assert values == [card.value for card in overview_view.kpis]
    captions = page.locator(f"{STAGE} .present-kpi-caption").all_inner_texts()
    assert captions == [card.caption for card in overview_view.kpis if card.caption]
    page.screenshot(path=shots / "oversikt-kpis.png")
    for n, chart in enumerate(overview_view.charts, start=2):
        page.keyboard.press("ArrowRight")
        wait_for_slide(page, n, total, chart.title, page_title=overview)
        for note in chart.notes:  # formulas and 'saknas' reasons stay on the slide
            expect(page.locator(f"{STAGE} .present-notes").get_by_text(note, exact=True)).to_be_visible()
        page.screenshot(path=shots / f"oversikt-{n}.png")
    page.keyboard.press("ArrowRight")  # past the last slide: the next page, still presenting
    page.wait_for_url("**/topp-fem**", timeout=30_000)
    expect(page.locator(f"{STAGE} .present-counter")).to_contain_text(f"{top_five} · bild 1 av",
                                                                       timeout=30_000)
    wait_until_finished(page, 30_000)
    assert query(page)["present"] == ["1"] and "slide" not in query(page)
    expect(page.locator('[data-testid="stSidebar"]')).to_be_hidden()
    page.screenshot(path=shots / "topp-fem-1.png")
    page.keyboard.press("ArrowLeft")  # and back onto Översikt's last slide
    page.wait_for_url(lambda url: "/topp-fem" not in url, timeout=30_000)
    wait_for_slide(page, total, total, overview_view.charts[-1].title if overview_view.charts else overview,
                   page_title=overview)
    assert_no_exception(page)


def test_the_overview_pdf_prints_the_page_and_no_dialog(browser, server_url, shots):
    """The server prints /oversikt itself: no 'Page not found', the footer names the app once a page."""
    import io

    from pypdf import PdfReader

    context = browser.new_context(viewport={"width": 1440, "height": 900}, accept_downloads=True)
    page = context.new_page()
    try:
        page.goto(f"{server_url}/")
        page.get_by_role("heading", name=t("page_overview", "sv"), level=1).wait_for(timeout=45_000)
        page.locator('[data-testid="stPlotlyChart"] .main-svg').first.wait_for(timeout=45_000)
        wait_until_finished(page)
        with page.expect_download(timeout=120_000) as download:
            page.locator(".st-key-pdf_download button").first.click()
        data = download.value.path().read_bytes()
        (shots / "oversikt.pdf").write_bytes(data)
        reader = PdfReader(io.BytesIO(data))
        pages = [" ".join(p.extract_text().split()) for p in reader.pages]
        text = " ".join(pages)
        assert t("page_overview", "sv") in text and t("kpi_rank", "sv") in text
        for dialog in ("Page not found", "You have requested a page", "not found"):
            assert dialog not in text, dialog
        for printed in pages:  # the footer: app · page · date, once
            assert printed.count(t("app_title", "sv")) == 1, printed[-300:]
    finally:
        context.close()


def test_a_link_to_a_slide_and_the_sidebar_toggle(page, server_url, shots, funding_titles):
    total = len(funding_titles)
    page.goto(f"{server_url}/finansiering?present=1&slide={total - 1}&lang=sv")
    wait_for_slide(page, total, total, funding_titles[-1])
    button(page, "present_exit").click()
    page.get_by_role("heading", name="Finansiering per invånare", level=1).wait_for(timeout=30_000)
    toggle = page.locator('[data-testid="stSidebar"]').get_by_text(t("present_toggle", "sv"))
    toggle.click()
    wait_for_slide(page, 1, total, funding_titles[0])
    page.screenshot(path=shots / "finansiering-toggle.png")
    assert query(page)["present"] == ["1"]


def test_the_page_downloads_a_deck_and_a_chart_image(browser, server_url, shots, funding_titles):
    """The files are made by the running server on click: the deck and a chart's PNG, each reopened (the
    server's PDF: the Översikt test above; this page's PDF, sheet by sheet: tests/test_export_cli.py)."""
    from PIL import Image
    from pptx import Presentation

    context = browser.new_context(viewport={"width": 1440, "height": 900}, accept_downloads=True)
    page = context.new_page()
    try:
        page.goto(f"{server_url}/finansiering")
        page.get_by_role("heading", name="Finansiering per invånare", level=1).wait_for(timeout=45_000)
        page.locator('[data-testid="stPlotlyChart"] .main-svg').first.wait_for(timeout=45_000)

        page.get_by_text(t("deck_popover", "sv")).click()
        with page.expect_download(timeout=60_000) as download:
            page.locator(".st-key-deck_download button").first.click()
        deck = Presentation(download.value.path())
        titles = [s.shapes.title.text for s in deck.slides]
        assert titles[1:1 + len(funding_titles)] == funding_titles
        page.keyboard.press("Escape")

        page.locator('[class*="st-key-downloads_open_"] button').first.click()  # the chart's download menu
        png = page.locator('[class*="st-key-png_"] button').first
        png.wait_for(timeout=30_000)  # its buttons are made when it opens
        with page.expect_download(timeout=60_000) as download:
            png.click()
        image = Image.open(download.value.path())
        assert image.size == (3200, 1800)
        image.save(shots / "finansiering-chart-export.png")
        assert_no_exception(page)
    finally:
        context.close()
