"""What an import would do, worked out before anything is written: the ``ImportReport``.

``plan_import`` checks every incoming row against the data folder as it is now: region,
indicator and source exist (or the closest known name is offered), the year is a year,
the value is a number that the indicator's unit allows, the row is not in the file twice,
a ``unit`` column agrees with the indicator. Each accepted row is then compared with the
stored one: added, changed (old and new value with both sources) or unchanged (same value;
the stored row and its source are kept). A file with any rejected row is not applied at all.
"""

import datetime as dt
import difflib
import math
import re
import statistics
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from regionstats import db, schema
from regionstats.i18n import TEXT, Both, both, t, where
from regionstats.importing.journal import recover_if_idle
from regionstats.importing.long_template import SOURCE_DETAIL_COLUMNS, IncomingRow
from regionstats.importing.plausibility import plausibility_confirmations
from regionstats.importing.problems import ImportIssue
from regionstats.importing.readers import format_number, parse_cell, parse_number
from regionstats.validate import load_and_validate

OBSERVATION_COLUMNS = schema.OBSERVATIONS.column_names
SOURCE_COLUMNS = schema.SOURCES.column_names
COUNTRY_ALIASES = ("sverige", "riket", "hela riket", "sweden", "hela landet", "whole country")
# the regions' own names for themselves where they differ from "Region <county>" (Kolada uses them)
ORGANISATION_ALIASES = {"region sörmland": "04", "sörmland": "04", "västra götalandsregionen": "14",
                        "vgr": "14", "region jämtland härjedalen": "23", "jämtland härjedalen": "23"}
CODE_AND_NAME = re.compile(r"^(\d{2}|\d{4})\s+\S")  # PxWeb's "01 Stockholms län"
NON_NEGATIVE_UNITS = ("msek", "sek", "sek_per_capita", "persons", "count", "fte")
MONEY_UNITS = ("msek", "sek", "sek_per_capita")
MAX_TEXT = 2000
ID_PATTERN = re.compile(r"^[A-Za-z0-9_.\-]{1,80}$")
YEAR_PATTERN = re.compile(r"^\d{4}$")
WHOLE_UNITS = ("persons", "count")
MAX_PERSONS = 1e9  # no region has a billion inhabitants: a value beyond is not a population
GROUP_AFTER = 3  # the same problem on more lines than this is reported once, with a count
SWEDISH_LETTERS = str.maketrans("åäöéüÅÄÖÉÜ", "aaoeuAAOEU")

UNIT_WORDS = {
    "msek": ("msek", "mkr", "mnkr", "mn kr", "mln kr", "miljoner kronor", "miljoner kr", "million sek",
             "sek million", "millions of sek", "sek m"),
    "sek": ("sek", "kr", "kr.", "kronor", "swedish kronor"),
    "ksek": ("tkr", "tsek", "ksek", "tusen kronor", "thousand sek"),
    "bsek": ("mdkr", "mdr kr", "miljarder kronor", "bsek", "billion sek"),
    "percent": ("%", "procent", "percent", "per cent", "pct"),
    "share": ("andel", "share", "fraction", "0-1", "0–1", "kvot", "decimal"),
    "persons": ("personer", "invånare", "inhabitants", "persons", "people", "individer", "pers"),
    "count": ("antal", "count", "number", "st", "st.", "stycken"),
    "rank": ("plats", "rank", "placering", "rang", "ranking"),
    "sek_per_capita": ("kr per invånare", "kr/inv", "kr/invånare", "sek per capita", "sek per inhabitant",
                       "kr per capita"),
    "fte": ("årsverken", "fte", "heltidsekvivalenter"),
    "score": ("poäng", "score", "index"),
}
COMPATIBLE_UNITS = {("persons", "count"), ("count", "persons")}


@dataclass
class Change:
    """One accepted row: added, changed (old is the stored row) or unchanged."""

    kind: str
    line: int
    key: tuple
    new: dict
    old: dict | None = None

    @property
    def key_text(self) -> str:
        return "/".join(map(str, self.key))


def shown_value(row: dict | None) -> str:
    """A stored or new row's value as a person would read it."""
    if row is None:
        return ""
    if row.get("status") == "missing":
        return f"– ({row.get('value_text')})" if row.get("value_text") else "–"
    value = row.get("value")
    if value not in (None, ""):
        return format_number(float(value)) if not isinstance(value, str) else value
    low, high = row.get("value_low"), row.get("value_high")
    if low not in (None, "") and high not in (None, ""):
        return f"{_plain(low)}–{_plain(high)}"
    return row.get("value_text") or ""


def _plain(value) -> str:
    return value if isinstance(value, str) else format_number(float(value))


@dataclass
class ImportReport:
    """Everything an import would do, rendered as text (sv/en) or a DataFrame; nothing is written yet."""

    file_name: str
    data_dir: str
    fingerprint: str | None = None
    sha256: str = ""
    source_kind: str = "long"
    rows_read: int = 0
    lang: str = "sv"
    changes: list = field(default_factory=list)
    rejected: list = field(default_factory=list)
    warnings: list = field(default_factory=list)
    refused: list = field(default_factory=list)
    new_sources: list = field(default_factory=list)
    details: dict = field(default_factory=dict)
    confirmations: list = field(default_factory=list)  # warnings the user must confirm before writing

    @classmethod
    def refusal(cls, data_dir, file_name: str, issue, sha256: str = "", lang: str = "sv") -> "ImportReport":
        """A report for a file refused as a whole."""
        return cls(file_name, str(data_dir), sha256=sha256, lang=lang, refused=[issue])

    def _kind(self, kind: str) -> list[Change]:
        return [c for c in self.changes if c.kind == kind]

    @property
    def added(self) -> list[Change]:
        return self._kind("added")

    @property
    def changed(self) -> list[Change]:
        return self._kind("changed")

    @property
    def unchanged(self) -> list[Change]:
        return self._kind("unchanged")

    @property
    def ok(self) -> bool:
        """No refusal and no rejected row."""
        return not self.refused and not self.rejected

    @property
    def can_apply(self) -> bool:
        """OK and there is something to write."""
        return self.ok and bool(self.added or self.changed)

    def counts(self) -> dict:
        return {
            "read": self.rows_read, "added": len(self.added), "changed": len(self.changed),
            "unchanged": len(self.unchanged), "rejected": len({i.line for i in self.rejected}),
            "problems": len(self.rejected) + len(self.refused), "warnings": len(self.warnings),
            "new_sources": len(self.new_sources), "to_confirm": len(self.confirmations),
        }

    def summary(self, lang: str | None = None) -> str:
        lang = lang or self.lang
        c = self.counts()
        if self.refused:
            return t("import.report.refused", lang)
        read = t("import.report.cells_read" if self.source_kind == "wide" else "import.report.rows_read", lang,
                 count=c["read"])
        text = t("import.report.summary", lang, **{**c, "read": read})
        if self.rejected:
            text += " " + t("import.report.rejected", lang)
        elif self.confirmations:
            text += " " + t("import.report.to_confirm", lang, count=c["to_confirm"])
        return text

    def problem_messages(self, lang: str | None = None) -> list[str]:
        """Refusals and rejections, one line each; a problem repeated on many lines once, with the count."""
        lang = lang or self.lang
        return grouped_messages(self.refused + self.rejected, lang)

    def confirmation_messages(self, lang: str | None = None) -> list[str]:
        """The warnings that must be confirmed before anything is written."""
        return grouped_messages(self.confirmations, lang or self.lang)

    def text(self, lang: str | None = None, limit: int = 200) -> str:
        """The whole report as plain text."""
        lang = lang or self.lang
        lines = [t("import.report.title", lang, file=self.file_name), self.summary(lang)]
        sections = [
            ("errors", self.problem_messages(lang)),
            ("must_confirm", self.confirmation_messages(lang)),
            ("warnings", grouped_messages(self.warnings, lang)),
            ("new_sources", [f"{s['source_id']}: {s['publisher']}, {s['title']}, {s['url']}" for s in self.new_sources]),
            ("changed", [self._change_line(c, lang) for c in self.changed]),
            ("added", [self._change_line(c, lang) for c in self.added]),
        ]
        for title, items in sections:
            if items:
                lines.append(f"\n{t('import.report.' + title, lang)} ({len(items)}):")
                lines += [f"  {item}" for item in items[:limit]]
                if len(items) > limit:
                    lines.append(f"  {t('import.report.more', lang, count=len(items) - limit)}")
        return "\n".join(lines)

    def _change_line(self, change: Change, lang: str) -> str:
        line = t("where.line", lang, line=change.line)
        new = f"{shown_value(change.new)} ({change.new['source_id']})"
        if change.old is None:
            return f"{change.key_text}: {new} [{line}]"
        old = f"{shown_value(change.old)} ({change.old.get('source_id')})"
        return f"{change.key_text}: {old} → {new} [{line}]"

    def frame(self, lang: str | None = None) -> pd.DataFrame:
        """One row per change, rejection and warning, for a table in the app."""
        lang = lang or self.lang
        records = []
        groups = (("refused", self.refused), ("rejected", self.rejected), ("confirm", self.confirmations),
                  ("warning", self.warnings))
        for kind, issues in groups:
            for issue in issues:
                records.append({"kind": t(f"import.kind.{kind}", lang), "line": issue.line, "column": issue.column,
                                "message": issue.message(lang)})
        for change in self.changes:
            records.append({
                "kind": t(f"import.kind.{change.kind}", lang), "line": change.line, "column": None,
                "region_code": change.key[0], "indicator_id": change.key[1], "year": change.key[2],
                "old_value": shown_value(change.old) if change.old else None,
                "new_value": shown_value(change.new),
                "old_source": change.old.get("source_id") if change.old else None,
                "new_source": change.new["source_id"], "message": None,
            })
        columns = ["kind", "line", "column", "region_code", "indicator_id", "year", "old_value", "new_value",
                   "old_source", "new_source", "message"]
        frame = pd.DataFrame(records, columns=columns)
        frame["line"] = frame["line"].astype("Int64")
        frame["year"] = frame["year"].astype("Int64")
        return frame


def grouped_messages(issues: list, lang: str) -> list[str]:
    """One line per issue, except that the same message on more than GROUP_AFTER lines is said once
    with the number of lines and the first few of them."""
    groups: dict[tuple, list] = {}
    for issue in issues:
        groups.setdefault((issue.file, issue.column, issue.text(lang)), []).append(issue)
    out = []
    for (_, _, text), members in groups.items():
        if len(members) <= GROUP_AFTER:
            out += [m.message(lang) for m in members]
            continue
        first = members[0]
        place = where(first.file, None, first.column, lang)
        shown = ", ".join(str(m.line) for m in members[:5] if m.line is not None)
        out.append(f"{place}: {text} — {t('where.lines', lang, count=len(members), shown=shown)}")
    return out


# --- what is known ----------------------------------------------------------------------------


def _fold(text: str) -> str:
    return " ".join(str(text).strip().lower().split())


@dataclass
class Known:
    """The data folder as lookups: names to codes, keys to stored rows."""

    regions: dict
    indicators: dict
    sources: dict
    observations: dict
    region_names: dict
    indicator_names: dict

    @classmethod
    def from_tables(cls, tables: dict) -> "Known":
        regions = {r["region_code"]: r for r in tables["regions"].rows}
        indicators = {i["indicator_id"]: i for i in tables["indicators"].rows}
        sources = {s["source_id"]: s for s in tables["sources"].rows}
        observations = {(o["region_code"], o["indicator_id"], o["year"]): o
                        for o in tables["observations"].rows}
        return cls(regions, indicators, sources, observations, region_lookup(regions),
                   indicator_lookup(indicators))

    def stored_values(self, indicator_id: str) -> list[float]:
        return [o["value"] for k, o in self.observations.items()
                if k[1] == indicator_id and o["value"] is not None]


def region_lookup(regions: dict) -> dict:
    """Folded names and codes to region codes: ``Örebro``, ``Örebro län``, ``Region Örebro län``, ``18``."""
    lookup = {}
    for code, region in regions.items():
        lookup[_fold(code)] = code
        for name in (region["name_sv"], region["name_en"]):
            name = _fold(name)
            for variant in (name, f"{name} län", f"{name}s län", f"{name} county"):
                lookup.setdefault(variant, code)
                lookup.setdefault(f"region {variant}", code)
    if "00" in regions:
        for alias in COUNTRY_ALIASES:
            lookup.setdefault(alias, "00")
    for alias, code in ORGANISATION_ALIASES.items():
        if code in regions:
            lookup.setdefault(alias, code)
    return lookup


def indicator_lookup(indicators: dict) -> dict:
    lookup = {}
    for indicator_id, indicator in indicators.items():
        lookup[_fold(indicator_id)] = indicator_id
        lookup.setdefault(_fold(indicator["name_sv"]), indicator_id)
        lookup.setdefault(_fold(indicator["name_en"]), indicator_id)
    return lookup


def suggestion(text: str, lookup: dict, describe) -> Both:
    """``; menade du 18 (Örebro)?`` for the closest known name, or nothing."""
    folded = _fold(text)
    match = difflib.get_close_matches(folded, list(lookup), n=1, cutoff=0.6)
    if not match and len(folded) >= 3:
        match = sorted((key for key in lookup if folded in key), key=len)[:1]
    if not match:
        return Both("", "")
    shown = describe(lookup[match[0]])
    return both("import.detail.did_you_mean", shown=shown)


def unit_code(text: str, indicator: dict) -> str | None:
    """The unit a ``unit`` cell names, or None if it is not recognised."""
    folded = _fold(text)
    if folded in {_fold(indicator["unit"]), _fold(indicator["unit_sv"]), _fold(indicator["unit_en"])}:
        return indicator["unit"]
    return next((unit for unit, words in UNIT_WORDS.items() if folded in words), None)


def make_source_id(details: dict) -> str:
    """A readable id for a new source: publisher and title words plus the publication year."""
    words = re.findall(r"[a-z0-9]+", f"{details.get('publisher', '')} {details.get('title', '')}"
                       .translate(SWEDISH_LETTERS).lower())
    year = re.search(r"(19|20)\d\d", details.get("published", "") or "")
    base = "_".join(words)[:48].strip("_") or "source"
    return f"{base}_{year.group()}" if year else base


# --- planning ---------------------------------------------------------------------------------


class Planner:
    """Checks rows one at a time, remembering keys and sources already seen in the file."""

    def __init__(self, known: Known, file_name: str, default_source_id: str | None, sources: list[dict]):
        self.known, self.file_name, self.default_source_id = known, file_name, default_source_id
        self.declared = {s["source_id"]: (dict(s), 0) for s in sources}
        self.seen_keys = {}
        self.warned_sources = set()
        self.issues, self.warnings, self.confirmations = [], [], []
        self.today = dt.date.today()

    def issue(self, row: IncomingRow, column: str | None, code: str, **detail) -> None:
        label = row.column(column) if column else None
        self.issues.append(ImportIssue(self.file_name, row.line, label, code, detail))

    def warn(self, row: IncomingRow | None, column: str | None, code: str, **detail) -> None:
        line = row.line if row else None
        label = row.column(column) if (row and column) else column
        self.warnings.append(ImportIssue(self.file_name, line, label, code, detail))

    def confirm(self, row: IncomingRow, column: str | None, code: str, **detail) -> None:
        label = row.column(column) if column else None
        self.confirmations.append(ImportIssue(self.file_name, row.line, label, code, detail))

    def check(self, row: IncomingRow) -> dict | None:
        """The typed observation for a row, or None when it is rejected (issues recorded)."""
        before = len(self.issues)
        region = self.region(row)
        indicator = self.indicator(row)
        year = self.year(row, "year", required=True)
        period = {c: self.year(row, c) for c in ("period_start", "period_end")}
        value = self.value(row, indicator)
        source_id = self.source(row)
        texts = {c: row.get(c) for c in ("period_label", "note")}
        for column in ("period_label", "note", "value_text"):
            if len(row.get(column)) > MAX_TEXT:
                self.issue(row, column, "too_long", limit=MAX_TEXT)
        if region and indicator and year is not None:
            self.duplicate(row, (region, indicator["indicator_id"], year))
        if len(self.issues) > before:
            return None
        return {"region_code": region, "indicator_id": indicator["indicator_id"], "year": year, **period,
                **texts, **value, "source_id": source_id}

    def region(self, row: IncomingRow) -> str | None:
        text = row.get("region_code")
        if not text:
            self.issue(row, "region_code", "required")
            return None
        folded = _fold(text)
        if CODE_AND_NAME.match(folded):
            folded = folded.split(" ", 1)[0]  # "01 Stockholms län": the code decides
        if folded.isdigit() and len(folded) == 1:
            folded = "0" + folded  # Excel dropped the leading zero of 01
        if folded.isdigit() and len(folded) == 4 and folded.startswith("00"):
            folded = folded[2:]  # Kolada's county ids 0001…0025, 0000 for Riket
        code = self.known.region_names.get(folded)
        if code is None:
            hint = suggestion(text, self.known.region_names,
                              lambda c: f"{c} ({self.known.regions[c]['name_sv']})")
            self.issue(row, "region_code", "unknown_region", value=text, suggestion=hint)
        return code

    def indicator(self, row: IncomingRow) -> dict | None:
        text = row.get("indicator_id")
        if not text:
            self.issue(row, "indicator_id", "required")
            return None
        indicator_id = self.known.indicator_names.get(_fold(text))
        if indicator_id is None:
            hint = suggestion(text, self.known.indicator_names,
                              lambda i: f"{i} ({self.known.indicators[i]['name_sv']})")
            self.issue(row, "indicator_id", "unknown_indicator", value=text, suggestion=hint)
            return None
        return self.known.indicators[indicator_id]

    def year(self, row: IncomingRow, column: str, required: bool = False) -> int | None:
        text = row.get(column)
        if not text:
            if required:
                self.issue(row, column, "required")
            return None
        if not YEAR_PATTERN.match(text):  # "2 038", "2041%", "2.040e3" are not years
            self.issue(row, column, "not_year", value=text)
            return None
        number = int(text)
        low, high = schema.YEAR_RANGE
        if not low <= number <= high:
            self.issue(row, column, "year_range", value=text, low=low, high=high)
            return None
        if column == "year" and number > self.today.year + 1:
            self.confirm(row, column, "future_year", value=text, next_year=self.today.year + 1)
        return number

    def value(self, row: IncomingRow, indicator: dict | None) -> dict:
        """value, value_text, value_low, value_high and status from the row's cells."""
        status = row.get("status").lower()
        if status and status not in schema.STATUSES:
            self.issue(row, "status", "choice", value=row.get("status"), choices=", ".join(schema.STATUSES))
            status = ""
        try:
            cell = parse_cell(row.get("value"))
        except ValueError:
            self.issue(row, "value", "not_number", value=row.get("value"))
            return {}
        low, high = self.number(row, "value_low", cell.low), self.number(row, "value_high", cell.high)
        if cell.missing and status not in ("", "missing"):
            self.issue(row, "value", "status_conflict", status=status, value=cell.text)
        if cell.empty and low is None and high is None and status != "missing":
            self.issue(row, "value", "value_required")
        if low is not None and high is not None and low > high:
            self.issue(row, "value_low", "band_order", low=_plain(low), high=_plain(high))
        status = status or ("missing" if cell.missing or cell.empty else "published")
        if indicator:
            for column, number in (("value", cell.value), ("value_low", low), ("value_high", high)):
                self.possible(row, column, number, indicator)
            self.unit(row, indicator)
        return {"value": cell.value, "value_text": row.get("value_text") or cell.text,
                "value_low": low, "value_high": high, "status": status}

    def number(self, row: IncomingRow, column: str, default: float | None) -> float | None:
        text = row.get(column)
        if not text:
            return default
        try:
            return parse_number(text)
        except ValueError:
            self.issue(row, column, "not_number", value=text)
            return None

    def possible(self, row: IncomingRow, column: str, number: float | None, indicator: dict) -> None:
        """Negative money or persons, per cent outside 0–100, a rank below 1."""
        if number is None:
            return
        unit, shown = indicator["unit"], _plain(number)
        if unit in NON_NEGATIVE_UNITS and number < 0:
            unit_name = Both(indicator["unit_sv"], indicator["unit_en"])
            self.issue(row, column, "negative", value=shown, unit=unit_name)
        elif unit == "percent" and not 0 <= number <= 100:
            self.issue(row, column, "percent_range", value=shown)
        elif unit == "rank" and (number < 1 or not number.is_integer()):
            self.issue(row, column, "rank_range", value=shown)
        elif unit == "persons" and number > MAX_PERSONS:  # 1e300 inhabitants
            self.issue(row, column, "beyond_population", value=shown, limit=format_number(MAX_PERSONS))
        elif unit in WHOLE_UNITS and not number.is_integer():  # 1e-300 persons
            unit_name = Both(indicator["unit_sv"], indicator["unit_en"])
            self.issue(row, column, "not_whole", value=shown, unit=unit_name)

    def unit(self, row: IncomingRow, indicator: dict) -> None:
        text = row.get("unit")
        if not text:
            return
        expected = Both(indicator["unit_sv"], indicator["unit_en"])
        found = unit_code(text, indicator)
        if found is None:
            self.warn(row, "unit", "unit_unknown", value=text, expected=expected)
        elif found != indicator["unit"] and (found, indicator["unit"]) not in COMPATIBLE_UNITS:
            hint_key = f"import.unit_hint.{found}.{indicator['unit']}"
            hint = both("import.detail.hint", hint=both(hint_key)) if hint_key in TEXT else Both("", "")
            self.issue(row, "unit", "unit_mismatch", value=text, expected=expected, hint=hint)

    def source(self, row: IncomingRow) -> str | None:
        """The row's source id: given, declared in the row, or the file's default."""
        source_id = row.get("source_id")
        details = {c: row.get(c) for c in SOURCE_DETAIL_COLUMNS if row.get(c)}
        declares = any(c in details for c in ("publisher", "title", "url"))
        if not declares:
            source_id = source_id or self.default_source_id
            if not source_id:
                self.issue(row, "source_id", "missing_source")
            elif source_id not in self.known.sources and source_id not in self.declared:
                hint = suggestion(source_id, {s: s for s in self.known.sources}, str)
                self.issue(row, "source_id", "unknown_source", value=source_id, suggestion=hint)
            return source_id
        source_id = source_id or make_source_id(details)
        if not ID_PATTERN.match(source_id):
            self.issue(row, "source_id", "bad_id", value=source_id)
            return None
        if source_id in self.known.sources:
            if source_id not in self.warned_sources:
                self.warned_sources.add(source_id)
                self.warn(row, "source_id", "source_exists", value=source_id)
            return source_id
        self.declare(row, source_id, details)
        return source_id

    def declare(self, row: IncomingRow, source_id: str, details: dict) -> None:
        """Remember a new source described in the row; its description must agree everywhere."""
        missing = [c for c in ("publisher", "title", "url") if not details.get(c)]
        if details.get("url") and not details["url"].lower().startswith(("http://", "https://")):
            missing.append("url (http…)")
        if missing:
            self.issue(row, "publisher", "incomplete_source", missing=", ".join(missing))
            return
        accessed = details.get("accessed") or dt.date.today().isoformat()
        try:
            dt.date.fromisoformat(accessed)
        except ValueError:
            self.issue(row, "accessed", "not_date", value=accessed)
            return
        source = {"source_id": source_id, "publisher": details["publisher"], "title": details["title"],
                  "url": details["url"], "published": details.get("published", ""), "accessed": accessed,
                  "licence": details.get("licence", ""),
                  "note": f"Tillagd vid import av {self.file_name}"}
        if any(len(v) > MAX_TEXT for v in source.values()):
            self.issue(row, "title", "too_long", limit=MAX_TEXT)
            return
        if source_id in self.declared:
            first, first_line = self.declared[source_id]
            if any(first.get(c, "") != source[c] for c in ("publisher", "title", "url", "published")):
                self.issue(row, "source_id", "source_conflict", value=source_id, first_line=first_line)
            return
        self.declared[source_id] = (source, row.line)

    def duplicate(self, row: IncomingRow, key: tuple) -> None:
        if key in self.seen_keys:
            self.issue(row, None, "duplicate", key="/".join(map(str, key)), first_line=self.seen_keys[key])
        else:
            self.seen_keys[key] = row.line


def same_value(old: dict, new: dict) -> bool:
    """Same value, band and status (the note, value_text and source may differ)."""
    if old["status"] != new["status"]:
        return False
    for column in ("value", "value_low", "value_high"):
        a, b = old[column], new[column]
        if (a is None) != (b is None):
            return False
        if a is not None and not math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-12):
            return False
    return True


def csv_fields(row: dict) -> dict:
    """An observation as the strings observations.csv holds."""
    out = {}
    for column in schema.OBSERVATIONS.columns:
        value = row.get(column.name)
        if value is None:
            out[column.name] = ""
        elif column.type == "float":
            out[column.name] = format_number(float(value))
        else:
            out[column.name] = str(value)
    return out


def stored_fields(row: dict) -> dict:
    """A typed stored observation as strings, for the report."""
    return csv_fields(row)


def load_known(data_dir: Path) -> tuple[Known | None, list]:
    """The data folder's lookups, or the validation issues that stop any import."""
    tables, issues = load_and_validate(Path(data_dir), imported=True)
    if issues:
        return None, issues
    return Known.from_tables(tables), []


def plan_import(data_dir, incoming: list[IncomingRow], *, file_name: str = "", sha256: str = "",
                source_kind: str = "long", default_source_id: str | None = None, sources: list[dict] = (),
                warnings: list = (), lang: str = "sv") -> ImportReport:
    """Check incoming rows against data_dir and work out what would change; writes nothing."""
    data_dir = Path(data_dir)
    report = ImportReport(file_name, str(data_dir), sha256=sha256, source_kind=source_kind,
                          rows_read=len(incoming), lang=lang, warnings=list(warnings))
    recover_if_idle(data_dir)  # an interrupted import is finished (or rolled back) before comparing
    known, issues = load_known(data_dir)
    if known is None:
        shown = "; ".join(i.message("en") for i in issues[:3])
        report.refused.append(ImportIssue(file_name, None, None, "data_invalid", {"detail": shown}))
        return report
    report.fingerprint = db.data_fingerprint(data_dir)
    planner = Planner(known, file_name, default_source_id, list(sources))
    for row in incoming:
        checked = planner.check(row)
        if checked is not None:
            report.changes.append(compare(planner, row, checked))
    report.rejected = planner.issues
    report.warnings += planner.warnings + unit_warnings(known, report, file_name)
    report.confirmations = planner.confirmations + plausibility_confirmations(known, report.changes, file_name)
    report.new_sources = used_new_sources(planner, report)
    return report


def compare(planner: Planner, row: IncomingRow, new: dict) -> Change:
    """Added, changed or unchanged against the stored row with the same key."""
    key = (new["region_code"], new["indicator_id"], new["year"])
    old = planner.known.observations.get(key)
    if old is None:
        return Change("added", row.line, key, csv_fields(new))
    if same_value(old, new):
        return Change("unchanged", row.line, key, csv_fields(new), stored_fields(old))
    for column in ("period_start", "period_end", "period_label"):
        if new[column] in (None, "") and old[column] not in (None, ""):
            new[column] = old[column]  # the period belongs to the meaning of the year
    if new["status"] == "missing" and old["status"] != "missing":
        planner.warn(row, "value", "replaces_value", key="/".join(map(str, key)), old=shown_value(old))
    return Change("changed", row.line, key, csv_fields(new), stored_fields(old))


def unit_warnings(known: Known, report: ImportReport, file_name: str) -> list[ImportIssue]:
    """Shares given for a per-cent indicator; amounts a thousand times the stored ones."""
    warnings, by_indicator = [], {}
    for change in report.added + report.changed:
        if change.new["value"]:
            by_indicator.setdefault(change.key[1], []).append((change, float(change.new["value"])))
    for indicator_id, items in by_indicator.items():
        indicator, stored = known.indicators[indicator_id], known.stored_values(indicator_id)
        values = [v for _, v in items]
        if indicator["unit"] == "percent" and all(0 <= v <= 1 for v in values) and any(values):
            if any(v > 1 for v in stored) or len(values) >= 3:
                warnings.append(ImportIssue(file_name, items[0][0].line, "value", "looks_like_share",
                                            {"indicator": indicator_id}))
        positive = [v for v in stored if v > 0]
        if indicator["unit"] in MONEY_UNITS and positive:
            typical = statistics.median(positive)
            for change, value in items:
                if value > 1000 * typical:
                    warnings.append(ImportIssue(
                        file_name, change.line, "value", "looks_like_smaller_unit",
                        {"value": format_number(value), "indicator": indicator_id,
                         "unit": Both(indicator["unit_sv"], indicator["unit_en"])}))
    return warnings


def used_new_sources(planner: Planner, report: ImportReport) -> list[dict]:
    """New sources cited by an added or changed row (unused ones are not written)."""
    used = {c.new["source_id"] for c in report.added + report.changed}
    return [s for sid, (s, _) in planner.declared.items() if sid in used and sid not in planner.known.sources]
