"""The Swedish marker words an English page, PDF or deck must not show (#23), outside the texts that stay as
published: source titles, publishers and region names."""

import csv
import re
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data"
# whole words, or prefixes where Swedish inflects (lärosätet, lärosätena, referensåret)
MARKERS = re.compile(r"\b(exklusive\w*|saknas|referensår\w*|lärosät\w*|enligt|summa)\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def kept_as_published() -> tuple[str, ...]:
    """Source titles, publishers, addresses and region names (longest first, so a title is removed before a name in it)."""
    texts = set()
    with (DATA / "sources.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            texts.update(t for t in (row["title"], row["publisher"], row["url"]) if t)
    with (DATA / "regions.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            texts.update(t for t in (row["name_sv"], row["name_en"]) if t)
    return tuple(sorted(texts, key=len, reverse=True))


def swedish_markers(text: str) -> list[str]:
    """Each marker word left in text once titles, publishers and region names are taken out, with its context."""
    for kept in kept_as_published():
        text = text.replace(kept, " ")
    return [text[max(0, m.start() - 60):m.end() + 60].replace("\n", " ") for m in MARKERS.finditer(text)]
