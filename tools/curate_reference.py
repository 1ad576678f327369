"""Derive this project's reference rows in data/ from the raw facts under data/raw/, reproducibly.

Run from the repository root::

    .venv/bin/python tools/curate_reference.py            # rewrite the files
    .venv/bin/python tools/curate_reference.py --check    # exit 1 if the files differ from what it would write
    .venv/bin/python tools/curate_reference.py --summary  # counts per indicator and every row left out

Inputs
------
* Facts files: every CSV under ``data/raw/`` (outside ``seeds/`` and ``curation/``) whose header is one of the
  two facts shapes: ``REGIONAL_SHAPE`` (as ``reference/regional_facts.csv``) or ``BENCHMARK_SHAPE`` (as
  ``reference/global_benchmarks.csv``). One row is one figure with its URL and a verbatim excerpt.
* Decisions, all in ``data/raw/curation/`` (described in ``data/raw/README.md``): which source indicator maps
  to which indicator_id (``indicator_map.csv``), which name is which region (``names.csv``), rows left out
  (``skip_rows.csv``), per-row status, value and note (``overrides.csv``), notes that follow from indicator,
  region and year (``notes.csv``), publishers by host, source ids, the indicators, regions, seed sources and
  goals this curation owns.

What it writes
--------------
* ``data/observations.csv``: the first 83 rows (the key-figures table of Region Örebro län's strategy) are
  kept byte for byte, their values always (a row named in ``curation/keyfigure_marks.csv`` gets that status and
  the note added to its own: e.g. the table's appropriations of uncertain year); every row after them is
  regenerated here, in a fixed order.
* ``data/sources.csv``: the key-figures source row is kept; after it come the seed documents and one row per
  distinct URL that at least one kept observation rests on; each with the language of its title
  (``curation/source_languages.csv``, by ``curate_language.py``).
* ``data/regions.csv`` and ``data/indicators.csv``: existing rows are kept; the rows of ``curation/regions.csv``
  and ``curation/indicators.csv`` are appended (replacing an earlier copy of themselves).
* ``data/goals.csv``: ``curation/goals.csv``.
* ``data/series_breaks.csv``: ``curation/series_breaks.csv`` (breaks in a series, drawn on the line charts).
* ``data/indicator_aggregation.csv``: ``curation/indicator_aggregation.csv`` (how a composed region's value is
  rebuilt from its counties: sum, ratio of two summed indicators, or none).

Nothing is estimated: values are taken as they stand in the facts files; the only arithmetic is tkr → MSEK
(÷ 1000). Derived figures (per capita, sums, shares) are computed in SQL, never here.
"""

from __future__ import annotations

import argparse
import csv
import io
import re
import sys
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent)); import curate_world  # noqa: E402,E702  (world/ ladders)
import curate_eurostat  # noqa: E402  (the Eurostat NUTS 2 extract, too wide for the facts shapes)
from curate_english import ENGLISH_BESIDE, SUM_NOTE, read_translations, with_english  # noqa: E402
from curate_language import DECISIONS as LANGUAGES, read_languages, with_language  # noqa: E402
ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
RAW = DATA / "raw"
CURATION = RAW / "curation"
ACCESSED = "2026-11-24"
KEYFIGURE_ROWS = 83
KEYFIGURE_SOURCE = "orebro_ls_strategy_2021"
KEYFIGURE_ORIGINAL_NOTE = "Märkning: "  # what keyfigure_marks.csv adds to a key-figures row's own note starts so

OBS_COLUMNS = ["region_code", "indicator_id", "year", "period_start", "period_end", "period_label", "value",
               "value_text", "value_low", "value_high", "status", "source_id", "note"]
SOURCE_COLUMNS = ["source_id", "publisher", "title", "url", "published", "accessed", "licence", "note"]
REGION_COLUMNS = ["region_code", "kind", "name_sv", "name_en", "nuts2", "county_code", "alf_region",
                  "focus_region", "note"]
INDICATOR_COLUMNS = ["indicator_id", "name_sv", "name_en", "unit", "unit_sv", "unit_en", "decimals",
                     "direction", "category", "definition_sv", "definition_en", "convention_sv", "convention_en"]
BREAK_COLUMNS = ["indicator_id", "region_code", "x", "label_sv", "label_en", "source_id"]
AGGREGATION_COLUMNS = ["indicator_id", "aggregation", "numerator_id", "denominator_id", "factor", "note"]
GOAL_COLUMNS = ["goal_id", "owner", "title_sv", "title_en", "goal_text", "indicator_id", "region_code",
                "target_value", "target_comparator", "target_year", "source_id", "note"]
REGIONAL_SHAPE = ["region", "indicator", "year", "value", "unit", "source_title", "source_url", "excerpt", "note"]
BENCHMARK_SHAPE = ["entity", "entity_type", "indicator", "year", "value", "unit", "rank", "source_title",
                   "source_url", "excerpt", "note"]
NOT_FACTS = ("seeds", "curation")  # folders under data/raw/ that hold no facts files
PUBLISHED, PROVISIONAL, CONFLICTING, MISSING = "published", "provisional", "conflicting", "missing"
STATUSES = {PUBLISHED, PROVISIONAL, CONFLICTING, MISSING}
# A cell a statistics office leaves empty on purpose: kept as a missing row with the reason.
MISSING_MARKERS = {"..": "Sekretessbelagt av SCB (..)."}


@dataclass
class Obs:
    region_code: str
    indicator_id: str
    year: int
    value: float | None = None
    value_text: str = ""
    value_low: float | None = None
    value_high: float | None = None
    status: str = PUBLISHED
    source_url: str = ""
    source_title: str = ""
    note: str = ""
    extra: dict = field(default_factory=dict)

    @property
    def key(self):
        return (self.region_code, self.indicator_id, self.year)


# --------------------------------------------------------------------------------------------------------
# Reading
# --------------------------------------------------------------------------------------------------------


def read_csv(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def header_of(path: Path) -> list[str]:
    with path.open(encoding="utf-8", newline="") as handle:
        return next(csv.reader(handle), [])


def facts_files(raw_dir: Path) -> list[Path]:
    """Every CSV under data/raw/ in one of the two facts shapes, in a fixed order."""
    found = []
    # reference/ first: where two files give the same figure, the earlier file's row is kept
    for path in sorted(raw_dir.rglob("*.csv"), key=lambda p: (p.relative_to(raw_dir).parts[0] != "reference", p)):
        if path.relative_to(raw_dir).parts[0] in NOT_FACTS:
            continue
        if header_of(path) in (REGIONAL_SHAPE, BENCHMARK_SHAPE):
            found.append(path)
    return found


@dataclass
class Decisions:
    """The tables of data/raw/curation/, read once."""

    folder: Path

    def __post_init__(self):
        table = lambda name: read_csv(self.folder / name)  # noqa: E731
        self.indicators = table("indicators.csv")
        self.regions = table("regions.csv")
        self.seed_sources = table("seed_sources.csv")
        self.goals = table("goals.csv")
        self.series_breaks = table("series_breaks.csv")
        self.keyfigure_marks = {(r["region_code"], r["indicator_id"], int(r["year"])): r
                                for r in table("keyfigure_marks.csv")}
        self.aggregation = table("indicator_aggregation.csv")
        self.names = {(r["indicator_id"], r["name"]): r for r in table("names.csv")}
        self.indicator_map = {(r["source_indicator"], r["region"]): r for r in table("indicator_map.csv")}
        self.skip_rows = {(r["file"], r["region"], r["source_indicator"], r["year"], r["value"]): r["reason"]
                          for r in table("skip_rows.csv")}
        self.keyfigure_duplicates = {(r["region_code"], r["indicator_id"], int(r["year"]))
                                     for r in table("keyfigure_duplicates.csv")}
        self.overrides = {(r["region_code"], r["indicator_id"], int(r["year"])): r for r in table("overrides.csv")}
        self.notes = table("notes.csv")
        order = table("indicator_order.csv")
        self.order = [r["indicator_id"] for r in order]
        self.producers = {r["indicator_id"]: r["producer"] for r in order}
        self.publishers = table("publishers.csv")
        self.source_ids = {r["url"]: r for r in table("source_ids.csv")}

    def skip_reason(self, file: str, name: str, indicator: str, year: str, value: str) -> str | None:
        """A row is left out when skip_rows.csv names it (file and value may be left empty there)."""
        for key in ((file, name, indicator, year, value), (file, name, indicator, year, ""),
                    ("", name, indicator, year, value), ("", name, indicator, year, "")):
            if key in self.skip_rows:
                return self.skip_rows[key]
        return None

    def region(self, indicator_id: str, name: str) -> str | None:
        row = self.names.get((indicator_id, name)) or self.names.get(("", name))
        return row["region_code"] if row else None

    def name_sv(self, indicator_id: str, name: str) -> str:
        row = self.names.get((indicator_id, name)) or self.names.get(("", name))
        return row["name_sv"] if row else ""

    def publisher(self, url: str) -> dict:
        for row in self.publishers:
            if row["host"] in url:
                return row
        raise SystemExit(f"no publisher for {url}: add its host to data/raw/curation/publishers.csv")


# --------------------------------------------------------------------------------------------------------
# Small helpers
# --------------------------------------------------------------------------------------------------------


def fmt_number(value: float | None) -> str:
    if value is None:
        return ""
    if float(value).is_integer():
        return str(int(value))
    return repr(float(value))


def text_sv(raw: str) -> str:
    """The number as the source prints it, with a Swedish decimal comma (as in the key-figures rows)."""
    return raw.replace(".", ",")


def parse_band(raw: str):
    match = re.fullmatch(r"(\d+)\s*[-–]\s*(\d+)", raw.strip())
    return (float(match.group(1)), float(match.group(2))) if match else None


def ascii_fold(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


def published_from_title(title: str) -> str:
    match = re.search(r"\b(\d{4})-(\d{2})-(\d{2})\b", title)
    if match and not match.group(0).endswith("-12-31"):  # 31 December is a reference date, not publication
        return match.group(0)
    match = re.search(r"\b(\d{4})-(0[1-9]|1[0-2])(?!\d)", title)
    return match.group(0) if match else ""


STOPWORDS = {"the", "a", "an", "of", "in", "and", "och", "i", "pa", "for", "to", "at", "its", "is", "by",
             "som", "en", "ett", "den", "det", "with", "from", "om", "med", "till", "av", "are", "has", "s"}


def make_source_id(url: str, title: str, publisher: dict, decisions: Decisions, taken: set[str]) -> str:
    """The id named in curation/source_ids.csv, else publisher prefix + the title's first words + its year."""
    named = decisions.source_ids.get(url, {}).get("source_id")
    if named:
        return named
    prefix = re.sub(r"[^a-z0-9]+", "_", ascii_fold(publisher["publisher"]).lower()).strip("_")
    prefix = publisher["id_prefix"] or prefix
    body = title.split(":", 1)[1] if ":" in title and publisher["publisher"] != "Regionfakta" else title
    words = [w for w in re.findall(r"[a-z0-9]+", ascii_fold(body).lower()) if w not in STOPWORDS]
    while words and words[0] in set(prefix.split("_")) | {"regionfakta", "lan"}:
        words.pop(0)
    year = re.search(r"\b(19|20)\d{2}\b", title)
    slug = "_".join(words[:4])
    if year and year.group(0) not in slug:
        slug += "_" + year.group(0)
    candidate = f"{prefix}_{slug}"[:70].strip("_")
    base, n = candidate, 2
    while candidate in taken:
        candidate, n = f"{base}_{n}", n + 1
    return candidate


# --------------------------------------------------------------------------------------------------------
# Building the observations
# --------------------------------------------------------------------------------------------------------


def observations_from(path: Path, decisions: Decisions, skipped: list) -> list[Obs]:
    """One file in either facts shape → observations (rows left out are listed in ``skipped``)."""
    rows = read_csv(path)
    regional = header_of(path) == REGIONAL_SHAPE
    out = []
    for line, row in enumerate(rows, start=2):
        file = path.relative_to(path.parents[1]).as_posix()
        where = f"{file}:{line}"
        indicator, year, raw = row["indicator"], row["year"], row["value"].strip()
        name = row["region"] if regional else row["entity"]
        mapping = decisions.indicator_map.get((indicator, name)) or decisions.indicator_map.get((indicator, ""))
        if mapping is None or not mapping["indicator_id"]:
            skipped.append((where, indicator, mapping["skip_reason"] if mapping else "not in scope (see report)"))
            continue
        reason = decisions.skip_reason(file, name, indicator, year, raw)
        if reason:
            skipped.append((where, indicator, reason))
            continue
        ind = mapping["indicator_id"]
        region = decisions.region(ind, name)
        if region is None:
            if not mapping["other_regions"]:
                raise SystemExit(f"{where}: no region for {name!r}: add it to data/raw/curation/names.csv")
            skipped.append((where, indicator, mapping["other_regions"]))
            continue
        obs = Obs(region, ind, int(year), source_url=row["source_url"], source_title=row["source_title"])
        obs.extra["name_sv"] = decisions.name_sv(ind, name)
        if mapping["value_column"] == "rank":
            raw = row["rank"].strip()
        if mapping["value_column"] == "part":
            obs.extra["part"] = float(raw)
        band = parse_band(raw) if "band" in row["unit"] else None
        if raw in MISSING_MARKERS:
            obs.value_text, obs.status, obs.note = raw, MISSING, MISSING_MARKERS[raw]
        elif band:
            obs.value_low, obs.value_high, obs.value_text = band[0], band[1], f"{int(band[0])}-{int(band[1])}"
        elif row["unit"].startswith("tkr"):
            obs.value = float(raw) / 1000
            obs.value_text = text_sv(fmt_number(obs.value))
            obs.extra["tkr"] = f"{int(raw):,}".replace(",", " ")
        else:
            obs.value = float(raw)
            obs.value_text = raw if mapping["value_column"] == "rank" else text_sv(raw)
        out.append(obs)
    return out


def sum_parts(rows: list[Obs]) -> list[Obs]:
    """Rows marked ``part`` in indicator_map.csv (a county's parts in one published table) become one row: the
    sum of the parts of the same key and URL, with the parts named in the note."""
    whole: dict[tuple, Obs] = {}
    out = []
    for obs in rows:
        if "part" not in obs.extra:
            out.append(obs)
            continue
        key = (obs.key, obs.source_url)
        if key not in whole:
            whole[key] = obs
            obs.extra["parts"] = []
            out.append(obs)
        whole[key].extra["parts"].append(obs.extra["part"])
    for obs in whole.values():
        parts = obs.extra["parts"]
        obs.value = sum(parts)
        obs.value_text = fmt_number(obs.value)
        shown = " + ".join(f"{int(p):,}".replace(",", " ") for p in parts)
        obs.note = SUM_NOTE[0].format(n=len(parts), parts=shown)
    return out


def rule_applies(rule: dict, obs: Obs, publisher: str) -> bool:
    return ((not rule["indicator_id"] or obs.indicator_id in rule["indicator_id"].split())
            and (not rule["region_code"] or obs.region_code in rule["region_code"].split())
            and (not rule["year_from"] or obs.year >= int(rule["year_from"]))
            and (not rule["year_to"] or obs.year <= int(rule["year_to"]))
            and (not rule["url_contains"] or rule["url_contains"] in obs.source_url)
            and (not rule["publisher_not"] or publisher != rule["publisher_not"]))


def default_note(obs: Obs, publisher: str, decisions: Decisions) -> str:
    """The texts of every rule in curation/notes.csv that fits the row, joined in file order."""
    fields = dict(year=obs.year, year_before=obs.year - 1, region_code=obs.region_code, publisher=publisher,
                  name_sv=obs.extra.get("name_sv", ""), tkr=obs.extra.get("tkr", ""))
    return " ".join(rule["text"].format(**fields) for rule in decisions.notes
                    if rule_applies(rule, obs, publisher)).strip()


def apply_override(obs: Obs, change: dict) -> None:
    """A cell left empty keeps the value; ``-`` clears it."""
    for name in ("status", "value", "value_text", "value_low", "value_high", "note"):
        given = change[name]
        if not given:
            continue
        if given == "-":
            setattr(obs, name, None)
        elif name in ("value", "value_low", "value_high"):
            setattr(obs, name, float(given))
        else:
            setattr(obs, name, given)
    if obs.status not in STATUSES:
        raise SystemExit(f"override {obs.key}: unknown status {obs.status!r}")


def eurostat_observations(raw_dir: Path, decisions: Decisions, skipped: list) -> list[Obs]:
    rows = []
    for f in curate_eurostat.figures(raw_dir, decisions.folder, skipped):
        value = float(f["raw"])
        rows.append(Obs(f["region_code"], f["indicator_id"], f["year"], value=value,
                        value_text=text_sv(fmt_number(value)), source_url=f["source_url"],
                        source_title=f["source_title"]))
    return rows


def build(raw_dir: Path, decisions: Decisions, keyfigures: list[dict]) -> tuple[list[Obs], list]:
    skipped: list = []
    rows = sum_parts([obs for path in facts_files(raw_dir) for obs in observations_from(path, decisions, skipped)])
    rows += eurostat_observations(raw_dir, decisions, skipped)

    kf = {(r["region_code"], r["indicator_id"], int(r["year"])): r for r in keyfigures}
    seen: dict[tuple, Obs] = {}
    kept = []
    for obs in rows:
        if obs.key in kf:
            if obs.key in decisions.keyfigure_duplicates and kf[obs.key]["value_text"] == obs.value_text:
                skipped.append(("key-figures", obs.indicator_id, f"{obs.key}: same value as a key-figures row"))
                continue
            raise SystemExit(f"facts row {obs.key} collides with a key-figures row: {obs.value_text!r} vs "
                             f"{kf[obs.key]['value_text']!r}; decide and list it in curation/")
        if obs.key in seen:
            if seen[obs.key].value_text == obs.value_text:
                skipped.append(("duplicate", obs.indicator_id, f"{obs.key}: same value as an earlier facts file"))
                continue
            raise SystemExit(f"duplicate key {obs.key} ({seen[obs.key].value_text!r} vs {obs.value_text!r}): decide "
                             "which to keep and list the other in data/raw/curation/skip_rows.csv")
        if obs.indicator_id not in decisions.order:
            raise SystemExit(f"{obs.indicator_id}: add it to data/raw/curation/indicator_order.csv")
        seen[obs.key] = obs
        kept.append(obs)

    for key, change in decisions.overrides.items():
        if key not in seen:
            raise SystemExit(f"override for a row that does not exist: {key}")
        apply_override(seen[key], change)
    for obs in kept:
        if not obs.note:
            obs.note = default_note(obs, decisions.publisher(obs.source_url)["publisher"], decisions)
    kept.sort(key=lambda obs: (decisions.order.index(obs.indicator_id), obs.region_code, obs.year))
    return kept, skipped


# --------------------------------------------------------------------------------------------------------
# Writing
# --------------------------------------------------------------------------------------------------------


def to_csv(columns: list[str], rows: list[list[str]], newline: str) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator=newline)
    writer.writerow(columns)
    writer.writerows(rows)
    return buffer.getvalue()


def original_lines(path: Path) -> list[str]:
    """The file's lines as stored, so that rows this script does not own are kept byte for byte."""
    lines = path.read_bytes().decode("utf-8").splitlines(keepends=True)
    assert sum(line.count('"') % 2 for line in lines) == 0, f"{path.name}: a field spans several lines"
    return lines


def newline_of(path: Path) -> str:
    return "\r\n" if b"\r\n" in path.read_bytes()[:4000] else "\n"


def own_rows_in_place(path: Path, own_rows: list[list[str]], columns: list[str], newline: str) -> str:
    """Rows this curation owns replace their earlier copy where it stands; new ones are appended."""
    as_line = lambda row: to_csv(columns, [row], newline).split(newline, 1)[1]  # noqa: E731
    own = {row[0]: row for row in own_rows}
    lines, placed = original_lines(path)[:1], set()
    for line in original_lines(path)[1:]:
        row_id = next(csv.reader([line]))[0]
        if row_id in own:
            if row_id not in placed:
                lines.append(as_line(own[row_id]))
                placed.add(row_id)
        else:
            lines.append(line)
    return "".join(lines + [as_line(row) for row in own_rows if row[0] not in placed])


def source_rows(observations: list[Obs], decisions: Decisions, taken: set[str], extra=()) -> tuple[list, dict]:
    kept_ids = set(taken)  # extra: (url, title, indicator_id) cited by no observation (world list sizes)
    """One source row per URL, in order of first use; the note names the producers behind its values."""
    titles: dict[str, str] = {}
    producers: dict[str, list[str]] = {}
    for url, title, indicator_id in [(o.source_url, o.source_title, o.indicator_id) for o in observations] + [*extra]:
        if title:
            titles.setdefault(url, title)
        producer = decisions.producers[indicator_id]
        if producer not in producers.setdefault(url, []):
            producers[url].append(producer)
    rows, by_url = [], {}
    for url, title in titles.items():
        publisher = decisions.publisher(url)
        source_id = make_source_id(url, title, publisher, decisions, taken)
        if source_id in kept_ids:  # a facts row that cites a source kept as is (the key-figures table, a seed)
            by_url[url] = source_id
            continue
        assert source_id not in taken, source_id
        taken.add(source_id)
        by_url[url] = source_id
        note = " ".join(part for part in ("Värdena återger " + "; ".join(producers[url]) + ".",
                                          publisher["copy_note"],
                                          decisions.source_ids.get(url, {}).get("note", "")) if part)
        rows.append([source_id, publisher["publisher"], title, url, published_from_title(title), ACCESSED, "", note])
    return rows, by_url


def keyfigure_lines(obs_path: Path, decisions: Decisions, newline: str) -> list[str]:
    """The header and the key-figures rows as stored; a row named in keyfigure_marks.csv gets its status and the
    note added after "Märkning: " (its value and text never change; to undo a mark, give the status back there)."""
    lines = original_lines(obs_path)[:1 + KEYFIGURE_ROWS]
    out, marked = lines[:1], set()
    for line in lines[1:]:
        row = dict(zip(OBS_COLUMNS, next(csv.reader([line]))))
        key = (row["region_code"], row["indicator_id"], int(row["year"]))
        mark = decisions.keyfigure_marks.get(key)
        if mark:
            marked.add(key)
            if mark["status"] not in STATUSES:
                raise SystemExit(f"keyfigure_marks.csv {key}: unknown status {mark['status']!r}")
            original = row["note"].split(KEYFIGURE_ORIGINAL_NOTE)[0].strip()  # this file is also its own input
            row["status"], row["note"] = mark["status"], f"{original} {KEYFIGURE_ORIGINAL_NOTE}{mark['note_added']}".strip()
            line = to_csv(OBS_COLUMNS, [[row[c] for c in OBS_COLUMNS]], newline).split(newline, 1)[1]
        out.append(line)
    unknown = set(decisions.keyfigure_marks) - marked
    if unknown:
        raise SystemExit(f"keyfigure_marks.csv names rows that are not key-figures rows: {sorted(unknown)}")
    return out


def render(data_dir: Path, raw_dir: Path) -> tuple[dict[str, str], list, list[Obs]]:
    decisions = Decisions(raw_dir / "curation")
    obs_path = data_dir / "observations.csv"
    keyfigures = read_csv(obs_path)[:KEYFIGURE_ROWS]
    assert all(r["source_id"] == KEYFIGURE_SOURCE for r in keyfigures), "the first 83 rows changed"
    observations, skipped = build(raw_dir, decisions, keyfigures)

    seeds = [[s[c] for c in SOURCE_COLUMNS] for s in decisions.seed_sources]
    taken = {KEYFIGURE_SOURCE} | {s[0] for s in seeds}
    extra = curate_world.edition_sources(raw_dir / "world")
    reference_sources, by_url = source_rows(observations, decisions, taken, extra)

    obs_rows = [[obs.region_code, obs.indicator_id, str(obs.year), "", "", "", fmt_number(obs.value),
                 obs.value_text, fmt_number(obs.value_low), fmt_number(obs.value_high), obs.status,
                 by_url[obs.source_url], obs.note] for obs in observations]
    obs_newline, src_path = newline_of(obs_path), data_dir / "sources.csv"
    src_newline = newline_of(src_path)  # the key-figures source row is kept (note_en and language added below)
    keyfigure_source = [[r[c] for c in SOURCE_COLUMNS] for r in read_csv(src_path)
                        if r["source_id"] == KEYFIGURE_SOURCE]
    files = {
        "observations.csv": "".join(keyfigure_lines(obs_path, decisions, obs_newline))
        + to_csv(OBS_COLUMNS, obs_rows, obs_newline).split(obs_newline, 1)[1],
        "sources.csv": to_csv(SOURCE_COLUMNS, keyfigure_source + seeds + reference_sources, src_newline),
    }
    nuts2 = curate_eurostat.regions(raw_dir, {o.region_code for o in observations},
                                    {r["region_code"] for r in decisions.regions})
    for name, columns, own in (("regions.csv", REGION_COLUMNS, decisions.regions + nuts2),
                               ("indicators.csv", INDICATOR_COLUMNS, decisions.indicators)):
        path = data_dir / name
        own_rows = [[row[c] for c in columns] for row in own]
        newline = newline_of(path)
        files[name] = own_rows_in_place(path, own_rows, columns, newline)
    files["goals.csv"] = to_csv(GOAL_COLUMNS, [[g[c] for c in GOAL_COLUMNS] for g in decisions.goals],
                                newline_of(data_dir / "goals.csv"))
    files["series_breaks.csv"] = series_breaks(decisions, {o.indicator_id for o in observations})
    files["indicator_aggregation.csv"] = to_csv(
        AGGREGATION_COLUMNS, [[a[c] for c in AGGREGATION_COLUMNS] for a in decisions.aggregation], "\n")
    files.update(curate_world.tables(raw_dir / "world", by_url, newline_of(data_dir / "goals.csv")))
    translations = read_translations(raw_dir / "curation" / "translations.csv")
    for name in ENGLISH_BESIDE:
        files[name] = with_english(files[name], translations)
    files["sources.csv"] = with_language(files["sources.csv"], read_languages(raw_dir / "curation" / LANGUAGES))
    return files, skipped, observations


def series_breaks(decisions: Decisions, indicators: set[str]) -> str:
    """data/series_breaks.csv: the breaks of curation/series_breaks.csv (a border or method change within a series),
    each on an indicator that has observations."""
    for row in decisions.series_breaks:
        if row["indicator_id"] not in indicators:
            raise SystemExit(f"series_breaks.csv: {row['indicator_id']} has no observations")
    return to_csv(BREAK_COLUMNS, [[r[c] for c in BREAK_COLUMNS] for r in decisions.series_breaks], "\n")


def print_summary(observations: list[Obs], skipped: list, order: list[str]) -> None:
    counts: dict[str, dict[str, int]] = {}
    for obs in observations:
        counts.setdefault(obs.indicator_id, {}).setdefault(obs.status, 0)
        counts[obs.indicator_id][obs.status] += 1
    for ind in order:
        if ind in counts:
            print(f"{ind:32} {sum(counts[ind].values()):4}  {counts[ind]}")
    print(f"{'total':32} {len(observations):4}")
    reasons: dict[str, int] = {}
    for _, indicator, reason in skipped:
        reasons[f"{indicator} — {reason}"] = reasons.get(f"{indicator} — {reason}", 0) + 1
    print("\nleft out:")
    for text, n in sorted(reasons.items()):
        print(f"  {n:3}  {text}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data-dir", type=Path, default=DATA)
    parser.add_argument("--raw-dir", type=Path, default=RAW)
    parser.add_argument("--check", action="store_true", help="only compare; exit 1 if a file would change")
    parser.add_argument("--summary", action="store_true", help="print counts per indicator and skipped rows")
    args = parser.parse_args(argv)

    files, skipped, observations = render(args.data_dir, args.raw_dir)
    changed = [name for name, text in files.items() if not (args.data_dir / name).exists()
               or (args.data_dir / name).read_bytes().decode("utf-8") != text]
    if args.summary:
        print_summary(observations, skipped, Decisions(args.raw_dir / "curation").order)
    if args.check:
        if changed:
            print("would change: " + ", ".join(changed))
            return 1
        return 0
    for name in changed:
        (args.data_dir / name).write_bytes(files[name].encode("utf-8"))
    print(f"{len(observations)} reference rows after the {KEYFIGURE_ROWS} key-figures rows; "
          f"rewrote: {', '.join(changed) or 'nothing'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
