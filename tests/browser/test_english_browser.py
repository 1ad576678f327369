"""The English PDF of the funding page (#23) shows none of the Swedish marker words outside source titles (marked
with their language) and region names, nor a data note in Swedish whose English is written. The English walk of every
page in the browser is part of test_pages_browser.py (each page is switched to English in the tab that showed it in
Swedish), and a page opened by a link with lang=en is its deep-link test."""

import io

import pytest
from pypdf import PdfReader

from regionstats.export import pdf
from regionstats.selection import Selection
from tests.english_markers import swedish_data_notes, swedish_markers

pytestmark = pytest.mark.browser


def test_the_english_pdf_shows_no_swedish(server_url):
    data = pdf.page_pdf("finansiering", Selection(lang="en"), base_url=server_url)
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages)
    assert text.strip()
    assert swedish_markers(text) == []
    assert swedish_data_notes(text) == []
    assert "(in Swedish)" in " ".join(text.split())  # the Swedish titles of the budget bills and SCB's tables, marked
