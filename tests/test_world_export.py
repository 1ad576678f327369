"""Världens topp fem in the exports: the ladder is one native-chart slide whose bars and notes are the SQL."""

import io

import pytest
from pptx import Presentation

from regionstats import db
from regionstats.export import slides
from regionstats.i18n import t
from regionstats.selection import Selection
from tests.test_export_support import DATA, MADE, runner, sql
from tests.test_import_support import run

STOCKHOLM = Selection(regions=("01", "03", "18", "00"), home="01")


@pytest.fixture(scope="module")
def deck():
    data = slides.build_deck(runner(), STOCKHOLM, ["varlden"], data_version=db.data_fingerprint(DATA),
                             made=MADE)
    return Presentation(io.BytesIO(data))


def test_the_ladder_is_one_slide_with_the_sql_distances(deck):
    title = t("world_distance_title", "sv", region="Stockholm")
    ladder = [s for s in deck.slides if s.shapes.title is not None and s.shapes.title.text == title]
    assert len(ladder) == 1
    chart = next(shape.chart for shape in ladder[0].shapes if shape.has_chart)
    plot = chart.plots[0]
    shown = dict(zip(plot.categories, plot.series[0].values))
    expected = sql("world_ladders", region="01")
    expected = expected[expected.place.notna()]
    assert shown == {f"{r.name_sv} {int(r.edition)}": pytest.approx(float(r.distance))
                     for r in expected.itertuples()}
    speaker = ladder[0].notes_slide.notes_text_frame.text
    assert "plats 16 av 20 · 11 platser" in speaker
    source = " ".join(shape.text_frame.text for shape in ladder[0].shapes if shape.has_text_frame)
    assert "pharmaphorum" in source


def test_export_command_knows_the_page(tmp_path, capsys):
    out = tmp_path / "varlden.pptx"
    code, output = run(capsys, "export", "slides", "--pages", "varlden", "--home", "01", "--out", out)
    assert code == 0, output
    titles = [s.shapes.title.text for s in Presentation(str(out)).slides if s.shapes.title is not None]
    assert t("world_distance_title", "sv", region="Stockholm") in titles
