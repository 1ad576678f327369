"""Chart images made by kaleido with Debian's Chromium: PNG size and aspect, SVG text, separators,
and one clear sentence when the server has no Chromium. These run (never skip): CI installs chromium."""

import html
import io
import re

import pytest
from PIL import Image
from test_export_support import MADE, SELECTION, chart

from regionstats.export import images

NBSP = "\u00a0"


@pytest.fixture(scope="module")
def funding_chart():
    return chart("finansiering", "per_capita")


@pytest.fixture(scope="module")
def funding_chart_en():
    return chart("finansiering", "per_capita", SELECTION.replace(lang="en"))


def test_chromium_is_installed_here():
    assert images.find_chromium(), "Debian's chromium must be installed (make test does it)"


def test_png_is_3200_by_1800_at_16_to_9(funding_chart):
    png = images.png(funding_chart, "sv", MADE)
    image = Image.open(io.BytesIO(png))
    assert image.format == "PNG"
    assert image.size == (3200, 1800)
    assert image.size[0] * 9 == image.size[1] * 16


def svg_texts(svg: bytes) -> list[str]:
    """The <text> elements of a plotly SVG, entities decoded, tags inside them dropped."""
    found = re.findall(r"<text[^>]*>(.*?)</text>", svg.decode("utf-8"), re.S)
    return [html.unescape(re.sub(r"<[^>]+>", "", t)) for t in found]


def svg_text(svg: bytes) -> str:
    return " ".join(svg_texts(svg))


def test_svg_has_the_title_source_date_and_swedish_separators(funding_chart):
    svg = images.svg(funding_chart, "sv", MADE)
    assert svg.lstrip().startswith(b"<svg")
    texts = svg_texts(svg)
    text = " ".join(texts)
    assert funding_chart.title in text
    assert "Källor:" in text and "Skapad 2025-01-31" in text
    assert f"1{NBSP}000" in texts, texts  # a tick label with a space between thousands
    assert "1,000" not in texts and "1.000" not in texts


def test_svg_in_english_has_english_separators_and_words(funding_chart_en):
    texts = svg_texts(images.svg(funding_chart_en, "en", MADE))
    text = " ".join(texts)
    assert funding_chart_en.title in text
    assert "Sources:" in text and "Made 2025-01-31" in text
    assert "1,000" in texts, texts


def test_long_source_lines_wrap_inside_the_image(funding_chart):
    long_note = "Källor: " + "SCB, Vetenskapsrådet; " * 30
    long = type(funding_chart)(**{**funding_chart.__dict__, "source_note": long_note})
    fig = images.export_figure(long, "sv", MADE)
    footer = fig.layout.legend2.title.text
    assert footer.count("<br>") >= 2
    assert all(len(line) <= images.FOOTER_CHARS for line in footer.split("<br>"))
    png = images.png(long, "sv", MADE)
    assert Image.open(io.BytesIO(png)).size == (3200, 1800)


def test_the_chart_spec_is_not_changed_by_an_export(funding_chart):
    before = repr(funding_chart.spec)
    images.export_figure(funding_chart, "sv", MADE)
    assert repr(funding_chart.spec) == before


def test_without_chromium_images_raise_one_clear_sentence(monkeypatch, funding_chart):
    monkeypatch.delenv("BROWSER_PATH", raising=False)
    monkeypatch.setattr(images.shutil, "which", lambda name: None)
    assert images.find_chromium() is None and not images.available()
    with pytest.raises(images.ChromiumMissing) as missing:
        images.png(funding_chart, "sv", MADE)
    assert missing.value.message("sv").startswith("Bilder och PDF kan inte skapas")
    assert "Chromium" in missing.value.message("en") and missing.value.message("en").count(".") == 1


def test_a_wrong_browser_path_counts_as_missing(monkeypatch):
    monkeypatch.setenv("BROWSER_PATH", "/nonexistent/chromium")
    assert images.find_chromium() is None
