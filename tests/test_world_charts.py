"""The world page's chart pieces (data-eu): a series break drawn as a dotted line with its label, and the map of
Europe's NUTS 2 regions built as the Swedish map is (a spec of points, the shapes drawn by the renderer)."""

import pandas as pd

from regionstats import charts
from regionstats.chartspec import Break


def test_a_break_is_a_dotted_vertical_line_with_its_label():
    df = pd.DataFrame({"code": ["a"] * 3, "label": ["List"] * 3, "year": [2019, 2021, 2023],
                       "place": [8.0, 6.0, 4.0], "text": ["8", "6", "4"]})
    spec = charts.lines_over_time(df, value="place", code="code", label="label", text="text", home="", lang="sv",
                                  title="T", axis_title="plats", reversed_axis=True)
    spec.breaks = [Break(2021.0, "ny metod 2021"), Break(2021.0, "ny metod 2021")]  # two lists, one line
    fig = charts.figure(spec)
    dotted = [s for s in fig.layout.shapes if s.line.dash == "dot"]
    assert [(s.x0, s.x1) for s in dotted] == [(2021.0, 2021.0)]
    assert [a.text for a in fig.layout.annotations if "metod" in a.text] == ["ny metod 2021"]
    assert tuple(fig.layout.xaxis.range) == (2018.5, 2023.5)  # the label does not widen the axis
    assert not charts.figure(charts.lines_over_time(
        df, value="place", code="code", label="label", text="text", home="", lang="sv", title="T",
        axis_title="plats")).layout.shapes


def test_the_europe_map_shades_ranked_regions_and_outlines_home():
    df = pd.DataFrame({"nuts2": ["SE11", "DK01", "DE21", "XX99"], "label": ["SE11 S", "DK01 H", "DE21 O", "X"],
                       "rank": [2.0, 1.0, 3.0, None], "value": [3.8, 4.6, 3.1, None],
                       "text": ["3,8 %", "4,6 %", "3,1 %", "saknas"], "status": ["published"] * 4})
    spec = charts.europe_map(df, code="nuts2", label="label", rank="rank", value="value", text="text",
                             home="SE11", lang="sv", title="Karta", axis_title="% av BNP", rank_title="Plats",
                             decimals=2, status="status")
    assert spec.kind == "map_europe"
    assert [p.category for p in spec.series[0].points] == ["1. DK01 H", "2. SE11 S", "3. DE21 O"]
    fig = charts.figure(spec)
    outlines = [d for d in fig.data if d.line.color == charts.HOME]
    assert len(outlines) == 1  # the home region's border
    hover = next(d for d in fig.data if d.mode == "markers" and d.text is not None)
    assert list(hover.text) == ["2. SE11 S: 3,8 %", "1. DK01 H: 4,6 %", "3. DE21 O: 3,1 %"]
