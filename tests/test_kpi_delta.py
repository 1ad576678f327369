"""KPI cards: the arrow and colour of a change follow the sign it shows. The app writes a minus sign
("−12 kr"); Streamlit reads only an ASCII "-" as negative, so left alone it drew a green up arrow."""

import pytest
from streamlit.proto.Metric_pb2 import Metric
from streamlit.testing.v1 import AppTest

from regionstats import formatting
from ui.render import delta_style

pytestmark = pytest.mark.apptest


def cards_script():
    from regionstats import formatting
    from regionstats.views import Kpi
    from ui.render import kpis

    kpis([
        Kpi("Anslag per invånare", "893 kr", delta=formatting.signed(-12, "sek_per_capita") + " sedan 2020"),
        Kpi("Citeringar", "11 %", delta=formatting.signed(3, "percent")),
        Kpi("Oförändrat", "11 %", delta=formatting.signed(0, "percent")),
        Kpi("Plats", "7", delta=formatting.signed(-2, "rank"), delta_color="inverse"),
        Kpi("Plats", "9", delta=formatting.signed(2, "rank"), delta_color="inverse"),
        Kpi("Utan förändring", "7"),
    ])


def test_the_arrow_and_colour_follow_the_sign_shown():
    at = AppTest.from_function(cards_script).run()
    assert not at.exception, at.exception
    shown = [(m.proto.delta, m.proto.direction, m.proto.color) for m in at.metric]
    D, C = Metric.MetricDirection, Metric.MetricColor
    assert shown == [
        ("−12 kr sedan 2020", D.DOWN, C.RED),
        ("+3 %", D.UP, C.GREEN),
        ("0 %", D.NONE, C.GRAY),
        ("−2", D.DOWN, C.GREEN),  # a rank: lower is better
        ("+2", D.UP, C.RED),
        ("", D.NONE, C.GRAY),
    ]


@pytest.mark.parametrize("text, sign", [
    ("−12 kr sedan 2020", -1), ("-3", -1), ("+3,2 %", 1), ("+1\u00a0715 kr", 1), ("0 %", 0), ("+0 kr", 0),
    ("−0,0 %", 0), ("", 0), (None, 0), ("saknas", 0),
])
def test_sign_of_a_signed_text(text, sign):
    assert formatting.sign_of(text) == sign


def test_delta_style_off_colour_stays_grey():
    assert delta_style("−4 %", "off") == ("down", "gray")
    assert delta_style("+4 %", "normal") == ("up", "green")
