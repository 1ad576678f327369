"""The plain copy of a table that a printed page (PDF) shows instead of the interactive grid."""

import pandas as pd

from ui.render import PRINT_ROWS, printed_table


def test_every_cell_is_text_and_numbers_are_swedish():
    frame = pd.DataFrame({"Region": ["<script>alert(1)</script>", "Örebro"], "Värde": [1715.5, None],
                          "Antal": [3, 12000]})
    html = printed_table(frame, "sv")
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "1\u00a0715,50" in html or "1 715,50" in html
    assert "12\u00a0000" in html or "12 000" in html
    assert html.count("<tr>") == 3  # the header and two rows


def test_a_long_table_is_printed_in_part_and_says_so():
    frame = pd.DataFrame({"n": range(PRINT_ROWS + 5)})
    html = printed_table(frame, "en")
    assert html.count("<tr>") == PRINT_ROWS + 1
    assert f"first {PRINT_ROWS} of {PRINT_ROWS + 5} rows" in html
    assert "rader" not in printed_table(frame.head(3), "sv")
