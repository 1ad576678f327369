"""The Swedish marker words an English page, PDF or deck must not show (#23), outside the texts that stay as
published: source titles marked with their language, publishers and region names."""

import csv
import re
from functools import lru_cache
from pathlib import Path

from pptx.enum.shapes import MSO_SHAPE_TYPE

from regionstats.i18n import TITLE_LANGUAGE_KEYS, source_title, t

DATA = Path(__file__).resolve().parent.parent / "data"
# whole words, or prefixes where Swedish inflects (lärosätet, lärosätena, referensåret)
MARKERS = re.compile(r"\b(exklusive\w*|saknas|referensår\w*|lärosät\w*|enligt|summa)\b", re.IGNORECASE)
SHORTEST_CUT = 12  # a title cut shorter than this (with '…' and its marker) is not recognised as a title


def _one_line(text: str) -> str:
    """Line breaks and runs of spaces as one space (a PDF or a slide wraps a title; a wrap after a hyphen joins)."""
    return " ".join(re.sub(r"-\s*\n\s*", "-", text).split())


def _sources() -> list[dict]:
    with (DATA / "sources.csv").open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


@lru_cache(maxsize=1)
def kept_as_published() -> tuple[str, ...]:
    """Source titles as an English page shows them (a title in another language than English only with its marker:
    an unmarked Swedish title is checked like any text), publishers, addresses and region names (longest first, so
    a title is removed before a name in it)."""
    texts = set()
    for row in _sources():
        title = source_title(row["title"], row["language"], "en")
        texts.update(_one_line(t_) for t_ in (title, row["publisher"], row["url"]) if t_)
    with (DATA / "regions.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            texts.update(t_ for t_ in (row["name_sv"], row["name_en"]) if t_)
    return tuple(sorted(texts, key=len, reverse=True))


@lru_cache(maxsize=1)
def _cut_titles() -> tuple[dict, int]:
    """{marker: the beginnings a marked title can be cut to (source_title's limit)}, and the longest."""
    cuts: dict[str, set] = {}
    for row in _sources():
        if row["language"] in TITLE_LANGUAGE_KEYS:
            marker = t(TITLE_LANGUAGE_KEYS[row["language"]], "en")
            title = _one_line(row["title"])
            cuts.setdefault(marker, set()).update(title[:k].rstrip() for k in range(SHORTEST_CUT, len(title)))
    return cuts, max((len(c) for group in cuts.values() for c in group), default=0)


def _without_cut_titles(text: str) -> str:
    """A title cut to fit ('Örebro universitet nyhet 2021: Örebro universitet kvar… (in Swedish)') is marked."""
    cuts, longest = _cut_titles()
    for marker, beginnings in cuts.items():
        tail = f"… {marker}"
        pieces, rest = [], text
        while tail in rest:
            before, rest = rest.split(tail, 1)
            cut = next((k for k in range(min(longest, len(before)), SHORTEST_CUT - 1, -1)
                        if before[-k:] in beginnings), 0)
            pieces.append(before[:len(before) - cut] + " ")
        text = "".join(pieces) + rest
    return text


def swedish_markers(text: str) -> list[str]:
    """Each marker word left in text once titles, publishers and region names are taken out, with its context."""
    text = _without_cut_titles(_one_line(text))
    for kept in kept_as_published():
        text = text.replace(kept, " ")
    return [text[max(0, m.start() - 60):m.end() + 60] for m in MARKERS.finditer(text)]


@lru_cache(maxsize=1)
def _swedish_notes() -> tuple[str, ...]:
    """The data's Swedish notes that have an English beside them (and differ from it), as shown on one line."""
    notes = set()
    for name in ("observations", "sources", "goals"):
        with (DATA / f"{name}.csv").open(encoding="utf-8", newline="") as handle:
            notes.update(_one_line(r["note"]) for r in csv.DictReader(handle)
                         if r["note"] and r["note_en"] and r["note"].strip() != r["note_en"].strip())
    return tuple(note for note in notes if len(note) >= 20)


def swedish_data_notes(text: str) -> list[str]:
    """The data's Swedish notes shown in text although their English is written (a note passed through untranslated,
    whether or not it holds a marker word)."""
    text = _one_line(text)
    return sorted(note for note in _swedish_notes() if note in text)


def deck_texts(deck) -> list[str]:
    """Every text of a python-pptx deck: text boxes and shapes (in groups too), table cells, native charts' titles,
    axis titles, categories and series names, and the speaker notes."""
    texts = []

    def walk(shapes):
        for shape in shapes:
            if shape.shape_type == MSO_SHAPE_TYPE.GROUP:
                walk(shape.shapes)
            if shape.has_text_frame:
                texts.append(shape.text_frame.text)
            if getattr(shape, "has_table", False) and shape.has_table:
                texts.extend(cell.text for row in shape.table.rows for cell in row.cells)
            if getattr(shape, "has_chart", False) and shape.has_chart:
                chart = shape.chart
                if chart.has_title:
                    texts.append(chart.chart_title.text_frame.text)
                for axis in (chart.value_axis, chart.category_axis):
                    if axis.has_title:
                        texts.append(axis.axis_title.text_frame.text)
                for plot in chart.plots:
                    texts.extend(str(c) for c in plot.categories)
                    texts.extend(s.name or "" for s in plot.series)

    for slide in deck.slides:
        walk(slide.shapes)
        if slide.has_notes_slide:
            texts.append(slide.notes_slide.notes_text_frame.text)
    return texts
