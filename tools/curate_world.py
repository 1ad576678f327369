"""The world top-five inputs of the curation: data/raw/world/*.csv → rows for data/.

Used by ``tools/curate_reference.py`` (the only writer of data/*.csv), which calls these functions:

* ``places.csv`` (the shape of ``reference/global_benchmarks.csv`` plus ``indicator_id`` and
  ``region_code``, the mapping): published places on international lists → observations.
* ``ladder_editions.csv``: the list size of an edition as a source states it → ``data/ladder_editions.csv``.
* ``ladders.csv``: scope, publisher and a one-line method per list → ``data/ladders.csv``.
* ``regions.csv`` and ``indicators.csv``: rows appended to ``data/regions.csv`` and ``data/indicators.csv``
  (foreign universities, NUTS 2 regions, the Eurostat indicators).

Nothing is derived here: a place is the published rank, a list size the number the source states.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

WORLD = Path(__file__).resolve().parent.parent / "data" / "raw" / "world"

LADDER_COLUMNS = ["indicator_id", "scope", "publisher", "life_science", "method_sv", "method_en", "method_url"]
EDITION_COLUMNS = ["indicator_id", "edition", "list_size", "source_id", "note"]

PUBLISHERS = [
    ("ndtv.com", "NDTV"), ("all-andorra.com", "All Andorra"), ("finanznachrichten.de", "finanznachrichten.de"),
    ("inspirega.bytes.news", "Inspirega/bytes.news"), ("errinnetwork.eu", "ERRIN"),
    ("research-and-innovation.ec.europa.eu", "Europeiska kommissionen"), ("wipo.int", "WIPO"),
    ("financialexpress.com", "Financial Express"),
]
COPY_NOTES = {
    "finanznachrichten.de": "QS:s pressmeddelande (PR Newswire) återgivet.",
    "inspirega.bytes.news": "Nyhetsartikel (sekundärkälla).",
    "all-andorra.com": "ShanghaiRankings pressmeddelande återgivet.",
    "financialexpress.com": "Nyhetsartikel som återger ShanghaiRankings pressmeddelande.",
    "ndtv.com": "Nyhetsartikel (sekundärkälla).",
}


def read(name: str, folder: Path = WORLD) -> list[dict]:
    path = folder / name
    if not path.exists():
        return []
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def observations(make_obs, folder: Path = WORLD) -> list:
    """One observation per published place; ``make_obs`` is curate_reference's ``Obs``."""
    out = []
    for row in read("places.csv", folder):
        rank = row["rank"].strip()
        obs = make_obs(row["region_code"], row["indicator_id"], int(row["year"]), value=float(rank),
                       value_text=rank, source_url=row["source_url"], source_title=row["source_title"],
                       note=row["note"])
        obs.extra["entity"] = row["entity"]
        out.append(obs)
    return out


def edition_sources(folder: Path = WORLD) -> list[tuple[str, str, str]]:
    """(url, title, indicator_id) of every list-size source, so each becomes a sources.csv row."""
    return [(r["source_url"], r["source_title"], r["indicator"]) for r in read("ladder_editions.csv", folder)
            if r["source_url"]]


def region_rows(columns: list[str], folder: Path = WORLD) -> list[list[str]]:
    return [[r[c] for c in columns] for r in read("regions.csv", folder)]


def indicator_rows(columns: list[str], folder: Path = WORLD) -> list[list[str]]:
    return [[r[c] for c in columns] for r in read("indicators.csv", folder)]


def tables(source_id_of: dict[str, str], newline: str, folder: Path = WORLD) -> dict[str, str]:
    """The text of data/ladders.csv and data/ladder_editions.csv."""
    ladders = [[r["indicator_id"], r["scope"], r["publisher"], r["life_science"], r["method_sv"], r["method_en"],
                r["method_source_url"]] for r in read("ladders.csv", folder)]
    editions = [[r["indicator"], r["edition"], r["list_size"], source_id_of.get(r["source_url"], ""),
                 " ".join(part for part in (f"”{r['excerpt']}”" if r["excerpt"] else "", r["note"]) if part)]
                for r in read("ladder_editions.csv", folder)]
    editions.sort(key=lambda e: (e[0], int(e[1])))
    return {"ladders.csv": to_csv(LADDER_COLUMNS, ladders, newline),
            "ladder_editions.csv": to_csv(EDITION_COLUMNS, editions, newline)}


def to_csv(columns: list[str], rows: list[list[str]], newline: str) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator=newline)
    writer.writerow(columns)
    writer.writerows(rows)
    return buffer.getvalue()
