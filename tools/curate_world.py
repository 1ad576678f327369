"""The world top-five tables of the curation: data/raw/world/ladders.csv and ladder_editions.csv → data/.

Called by ``tools/curate_reference.py`` (the only writer of data/*.csv). The world page's places on
international lists are ordinary facts files (``data/raw/world/places.csv`` in the benchmark shape,
mapped through ``data/raw/curation/``); what the curation cannot express in those files lives here:

* ``ladders.csv``: per list (a rank indicator), what it ranks (city, cluster, nuts2, university), its
  publisher, whether it is about life science, and a one-line method → ``data/ladders.csv``.
* ``ladder_editions.csv``: the list size of an edition as a source states it, with URL and verbatim
  excerpt → ``data/ladder_editions.csv`` (its source becomes a sources.csv row like any other).
* ``method_segments.csv``: where a list changed its method (what it counts, which regions it ranks), in the
  source's words: every edition row carries the segment it belongs to (``segment``, ``segment_note``), and a
  segment's first edition gets a row of its own when no list size is sourced for it. Trends, the change
  needed per edition and the year reached are computed within one segment (queries/world_ladders.sql).

Nothing is derived here: a list size is the number the source states.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

LADDER_COLUMNS = ["indicator_id", "scope", "publisher", "life_science", "method_sv", "method_en",
                  "method_url"]
EDITION_COLUMNS = ["indicator_id", "edition", "list_size", "source_id", "note", "segment", "segment_note"]


def read(folder: Path, name: str) -> list[dict]:
    path = folder / name
    if not path.exists():
        return []
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def edition_sources(folder: Path) -> list[tuple[str, str, str]]:
    """(url, title, indicator_id) of every list-size source, so each becomes a sources.csv row."""
    return [(r["source_url"], r["source_title"], r["indicator"])
            for r in read(folder, "ladder_editions.csv") + read(folder, "method_segments.csv") if r["source_url"]]


def tables(folder: Path, source_id_of: dict[str, str], newline: str) -> dict[str, str]:
    """The text of data/ladders.csv and data/ladder_editions.csv."""
    ladders = [[r["indicator_id"], r["scope"], r["publisher"], r["life_science"], r["method_sv"],
                r["method_en"], r["method_source_url"]] for r in read(folder, "ladders.csv")]
    segments = read(folder, "method_segments.csv")
    editions = [[r["indicator"], r["edition"], r["list_size"], source_id_of.get(r["source_url"], ""),
                 quoted(r), *segment_of(segments, r["indicator"], int(r["edition"]))]
                for r in read(folder, "ladder_editions.csv")]
    listed = {(e[0], int(e[1])) for e in editions}
    editions += [[s["indicator"], s["from_edition"], "", source_id_of.get(s["source_url"], ""), "",
                  *segment_of(segments, s["indicator"], int(s["from_edition"]))]
                 for s in segments if (s["indicator"], int(s["from_edition"])) not in listed]
    editions.sort(key=lambda e: (e[0], int(e[1])))
    return {"ladders.csv": to_csv(LADDER_COLUMNS, ladders, newline),
            "ladder_editions.csv": to_csv(EDITION_COLUMNS, editions, newline)}


def quoted(row: dict) -> str:
    return " ".join(part for part in (f"”{row['excerpt']}”" if row["excerpt"] else "", row["note"]) if part)


def segment_of(segments: list[dict], indicator: str, edition: int) -> list[str]:
    """[segment, note in the source's words] of the latest method change at or before the edition."""
    earlier = [s for s in segments if s["indicator"] == indicator and int(s["from_edition"]) <= edition]
    if not earlier:
        return ["", ""]
    start = max(earlier, key=lambda s: int(s["from_edition"]))
    return [start["segment"], f"Från {start['from_edition']}: {quoted(start)}"]


def to_csv(columns: list[str], rows: list[list[str]], newline: str) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator=newline)
    writer.writerow(columns)
    writer.writerows(rows)
    return buffer.getvalue()
