"""Chart builders and number formats: pure functions, checked without Streamlit."""

import pandas as pd
import pytest

from regionstats import charts, formatting, specs


def test_swedish_and_english_number_formats():
    assert formatting.value(1715.4, "sek_per_capita", 0, "sv") == "1\u00a0715 kr"
    assert formatting.value(5.4, "percent", 1, "sv") == "5,4 %"
    assert formatting.value(5.4, "percent", 1, "en") == "5.4%"
    assert formatting.value(17807, "msek", 0, "en") == "17,807 MSEK"
    assert formatting.value(None, "rank", 0, "sv", "351-400") == "351–400"
    assert formatting.value(float("nan"), "percent", 1, "sv") == "saknas"
    assert formatting.signed(-11, "rank") == "−11"
    assert formatting.signed(4.3, "points", 1, "sv") == "+4,3 p.e."


def test_map_rings_are_wound_for_d3():
    """An outer ring wound the other way makes plotly paint the whole world (seen on screen once)."""
    geo = charts._geojson()
    assert len(geo["features"]) == 21
    for feature in geo["features"]:
        geometry = feature["geometry"]
        polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
        for polygon in polygons:
            assert charts._signed_area(polygon[0]) < 0, feature["properties"]["name"]


def test_bar_chart_marks_missing_values_and_home_region():
    df = pd.DataFrame({"code": ["18", "03", "05"], "label": ["Örebro", "Uppsala", "Östergötland"],
                       "value": [893.0, 5556.0, None], "text": ["893 kr", "5 556 kr", "saknas"]})
    fig = charts.figure(specs.bar_by_region(df, value="value", label="label", code="code", text="text", home="18",
                                             lang="sv", title="T", axis_title="kr per invånare"))
    bar, missing = fig.data
    assert list(bar.y) == ["Örebro", "Uppsala"]
    assert list(bar.marker.color) == [charts.HOME, charts.OTHER]
    assert list(missing.y) == ["Östergötland"] and list(missing.text) == ["saknas"]
    assert fig.layout.separators == ",\u00a0"
    assert fig.layout.xaxis.title.text == "kr per invånare"


@pytest.mark.parametrize("lang,separators", [("sv", ",\u00a0"), ("en", ".,")])
def test_every_figure_carries_the_locale_separators(lang, separators):
    fig = charts.style(charts.go.Figure(), "T", lang)
    assert fig.layout.separators == separators
