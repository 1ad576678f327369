"""The download buttons under a chart (ui/exports.py) in AppTest: five with Chromium, and without it
the image buttons give way to one sentence while the data buttons still work."""

import pytest
from streamlit.testing.v1 import AppTest

from regionstats.export import images


def chart_buttons_script():
    from test_export_support import chart

    from ui import exports

    exports.chart_downloads(chart("finansiering", "per_capita"), "sv")


def table_buttons_script():
    from test_export_support import page

    from ui import exports

    exports.table_downloads(page("data").tables[0], "en")


def labels(at: AppTest) -> list[str]:
    return [button.proto.label for button in at.get("download_button")]


def opened(script, view) -> AppTest:
    """The script run with the view's download popover closed (no button is made), then opened, as a click
    on "Ladda ned" does."""
    from ui import exports

    at = AppTest.from_function(script, default_timeout=60).run()
    assert not at.exception, at.exception
    assert labels(at) == []
    at.session_state[exports.menu_key(view)] = True
    return at.run()


def chart_view():
    from test_export_support import chart

    return chart("finansiering", "per_capita")


def table_view():
    from test_export_support import page

    return page("data").tables[0]


def test_with_chromium_a_chart_has_png_svg_csv_excel_csv_and_xlsx():
    at = opened(chart_buttons_script, chart_view())
    assert not at.exception, at.exception
    assert labels(at) == ["PNG", "SVG", "CSV", "CSV för Excel", "Excel (XLSX)"]
    assert images.ChromiumMissing.message("sv") not in [c.value for c in at.caption]


def test_without_chromium_one_sentence_replaces_the_image_buttons(monkeypatch):
    monkeypatch.setattr(images, "find_chromium", lambda: None)
    at = opened(chart_buttons_script, chart_view())
    assert not at.exception, at.exception
    assert images.ChromiumMissing.message("sv") in [c.value for c in at.caption]
    assert labels(at) == ["CSV", "CSV för Excel", "Excel (XLSX)"]


@pytest.mark.parametrize("chromium", [True, False])
def test_tables_have_the_data_buttons_with_or_without_chromium(monkeypatch, chromium):
    if not chromium:
        monkeypatch.setattr(images, "find_chromium", lambda: None)
    at = opened(table_buttons_script, table_view())
    assert not at.exception, at.exception
    assert labels(at) == ["CSV", "CSV for Excel", "Excel (XLSX)"]


def test_presentation_mode_shows_one_chart_at_a_time():
    """present=1 shows the page's charts one at a time; next steps on, Avsluta leaves. The deck and
    PDF actions stay in the (hidden) sidebar."""
    from test_export_support import ROOT, page

    from regionstats.i18n import t
    from regionstats.selection import Selection

    def shown(at: AppTest) -> str:
        return " ".join(element.proto.body for element in at.get("html"))

    titles = [c.title for c in page("finansiering", Selection()).charts]
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    at.query_params["present"] = "1"
    at.run()
    at.switch_page("pages/5_finansiering.py").run()
    assert not at.exception, at.exception
    assert len(at.get("plotly_chart")) == 1
    assert f'class="present-title">{titles[0]}<' in shown(at)
    assert t("present_counter", "sv", page=t("page_funding", "sv"), n=1, total=len(titles)) in shown(at)
    assert at.toggle(key="present").value is True
    assert [b.proto.label for b in at.get("download_button")] == ["Ladda ned bildspel (PPTX)",
                                                                   "Årlig uppföljning (Word)",
                                                                   "Ladda ned sidan som PDF"]
    at.button(key="present_next").click().run()
    assert f'class="present-title">{titles[1]}<' in shown(at)
    assert at.session_state["selection"].slide == 1
    at.button(key="present_exit").click().run()
    assert not at.exception, at.exception
    assert at.toggle(key="present").value is False
    assert len(at.get("plotly_chart")) == len(titles)


def chart_script():
    from test_export_support import chart

    from ui import render

    render.chart(chart("finansiering", "per_capita"), "sv")


def test_a_charts_data_table_is_made_when_its_expander_is_opened():
    view = chart_view()
    at = AppTest.from_function(chart_script, default_timeout=60).run()
    assert not at.exception, at.exception
    assert len(at.get("plotly_chart")) == 1 and not at.dataframe
    at.session_state[f"query_open_{view.key}"] = True
    at.run()
    assert not at.exception, at.exception
    assert at.dataframe[0].value.equals(view.data.reset_index(drop=True))
