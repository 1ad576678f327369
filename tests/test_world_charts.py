"""The world page's chart pieces (data-eu, ported to plain specs): the map of Europe's NUTS 2 regions as a spec of
areas (built as the Swedish map is) and drawn from the spec alone by the maps' one area drawing."""

import pandas as pd

from regionstats import charts, specs
from regionstats.chartspec import HOME


def europe_spec():
    df = pd.DataFrame({"nuts2": ["SE11", "DK01", "DE21", "XX99"], "label": ["SE11 S", "DK01 H", "DE21 O", "X"],
                       "rank": [2.0, 1.0, 3.0, None], "value": [3.8, 4.6, 3.1, None],
                       "text": ["3,8 %", "4,6 %", "3,1 %", "saknas"],
                       "status": ["published", "published", "provisional", "missing"]})
    return specs.europe_map(df, code="nuts2", label="label", rank="rank", value="value", text="text", home="SE11",
                            lang="sv", title="Karta", axis_title="% av BNP", rank_title="Plats", decimals=2,
                            status="status")


def test_the_europe_map_is_areas_by_place_and_the_ranked_list():
    spec = europe_spec()
    assert spec.kind == "map_europe" and spec.scale_title == "Plats"
    assert [(a.code, a.rank, a.frame, a.uncertain) for a in spec.areas] == [
        ("DK01", 1, "", False), ("SE11", 2, "home", False), ("DE21", 3, "", True), ("XX99", None, "", False)]
    assert [(p.category, p.value) for p in spec.series[0].points] == [
        ("1. DK01 H", 4.6), ("2. SE11 S", 3.8), ("3. DE21 O", 3.1)]  # the deck's notes: the ranked regions only


def test_the_europe_map_shades_every_outline_and_frames_home():
    fig = charts.figure(europe_spec())
    fills = [d for d in fig.data if d.fill == "toself"]
    assert len(fills) == 4  # grey (no value, or not in the data: XX99 has no outline), and three bands of places
    assert fills[0].fillcolor == charts.NO_PLACE
    drawn = sum(1 for x in fills[0].x if x != x)  # one NaN gap after each ring
    assert drawn >= len(charts._nuts2_outlines()) - 3  # every other region of Europe, in grey
    homes = [d for d in fig.data if d.line.color == HOME]
    assert len(homes) == 1  # the home region's border
    assert [d.line.dash for d in fig.data if d.mode == "lines" and d.fill is None] == [None, "dot"]
    hover = next(d for d in fig.data if d.mode == "markers" and d.customdata is not None)
    assert list(hover.customdata) == ["1. DK01 H: 4,6 %", "2. SE11 S: 3,8 %", "3. DE21 O: 3,1 %"]
    colorbar = next(d for d in fig.data if d.marker.showscale).marker.colorbar
    assert list(colorbar.tickvals) == [1, 3] and colorbar.title.text == "Plats"
    assert fig.layout.height == 680


def test_europe_is_shaded_in_ten_bands_of_places():
    df = pd.DataFrame({"nuts2": list(charts._nuts2_outlines())[:200]}).assign(
        label="r", value=1.0, text="1", rank=lambda d: range(1, len(d) + 1))
    spec = specs.europe_map(df, code="nuts2", label="label", rank="rank", value="value", text="text", home="",
                            lang="sv", title="T", axis_title="%", rank_title="Plats", decimals=0)
    fills = [d for d in charts.figure(spec).data if d.fill == "toself"]
    assert len(fills) == 1 + charts.EUROPE_SHADES
