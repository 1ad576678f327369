"""Page views: what each dashboard page shows, built from SQL results, without Streamlit.

A view module exposes ``build(ctx) -> PageView``. The Streamlit pages only render a PageView;
the exports (PNG, slides, PDF) render the same ChartViews, so a chart looks the same on
screen, on a slide and in a report: a ChartView holds the chart's specification (``chartspec``, built
by ``specs``), plain data that ``charts.figure`` draws with Plotly and ``export/pptx_charts`` as a native
PowerPoint chart. Views draw nothing themselves (no Plotly here).
"""

from dataclasses import dataclass, field
from functools import cached_property
from typing import Callable

import pandas as pd

from regionstats import formatting
from regionstats.chartspec import ChartSpec
from regionstats.i18n import DATA_LANGUAGE, column, data_text, pick, source_title, t
from regionstats.selection import Selection


@dataclass
class Kpi:
    label: str
    value: str
    delta: str | None = None
    help: str = ""
    delta_color: str = "normal"  # "inverse" for ranks, where lower is better
    caption: str = ""  # under the card: the Riket value, the year, "among N"


@dataclass
class ChartView:
    """A chart: its specification (what it shows) with the notes and source that go under it everywhere."""
    key: str
    title: str
    spec: ChartSpec
    data: pd.DataFrame
    source_note: str
    notes: list = field(default_factory=list)  # missing values, method, formula
    status_notes: list = field(default_factory=list)  # footnotes of provisional/conflicting values, also in notes


@dataclass
class TableView:
    key: str
    title: str
    data: pd.DataFrame
    source_note: str = ""
    notes: list = field(default_factory=list)
    links: dict = field(default_factory=dict)  # column -> label for link columns
    # the whole table for the downloads when ``data`` shows only its first rows; called on the click
    download: Callable[[], pd.DataFrame] | None = None
    on_slide: bool = False  # the deck carries it as a slide of its own (its first rows)


@dataclass
class PageView:
    title: str
    intro: str = ""
    kpis: list = field(default_factory=list)
    charts: list = field(default_factory=list)
    tables: list = field(default_factory=list)  # after the charts
    notes: list = field(default_factory=list)
    lead_tables: list = field(default_factory=list)  # before the charts


@dataclass
class Context:
    """What a view needs: a query runner and the user's selection."""

    run: Callable[..., pd.DataFrame]
    selection: Selection

    @property
    def lang(self) -> str:
        return self.selection.lang

    def with_selection(self, **changes) -> "Context":
        """The same runner with some selection fields changed (the catalogues it read are kept)."""
        other = Context(self.run, self.selection.replace(**changes))
        for name in ("indicators", "regions", "sources", "_formats", "_years", "_year_arrays", "_indicator_rows"):
            if name in self.__dict__:
                other.__dict__[name] = self.__dict__[name]
        if other.lang == self.lang and other.selection.compositions == self.selection.compositions:
            for name in ("_indicator_names", "_unit_labels", "_region_names"):
                if name in self.__dict__:
                    other.__dict__[name] = self.__dict__[name]
        if "_english_notes" in self.__dict__:
            other.__dict__["_english_notes"] = self.__dict__["_english_notes"]
        return other

    @cached_property
    def indicators(self) -> pd.DataFrame:
        return self.run("indicators").set_index("indicator_id", drop=False)

    @cached_property
    def regions(self) -> pd.DataFrame:
        return self.run("regions").set_index("region_code", drop=False)

    @cached_property
    def sources(self) -> pd.DataFrame:
        return self.run("sources").set_index("source_id", drop=False)

    # Plain dicts over the catalogues: a formatted cell looks its indicator up here, never through a
    # pandas row (that was 29 of 36 s of a data page at 100 000 observations).
    @cached_property
    def _formats(self) -> dict:
        ind = self.indicators
        return dict(zip(ind.indicator_id, zip(ind.unit, ind.decimals.astype(int))))

    @cached_property
    def _indicator_names(self) -> dict:
        return dict(zip(self.indicators.indicator_id, self.indicators[column("name", self.lang)]))

    @cached_property
    def _unit_labels(self) -> dict:
        return dict(zip(self.indicators.indicator_id, self.indicators[column("unit", self.lang)]))

    @cached_property
    def _region_names(self) -> dict:
        names = dict(zip(self.regions.region_code, self.regions[column("name", self.lang)]))
        names.update({c.code: t("composed_label", self.lang, name=c.name) for c in self.selection.compositions})
        return names

    @cached_property
    def _years(self) -> dict:
        return {}  # indicator -> its years as ints, filled on first ask (1 600 lists cost 0.1-0.3 s per view)

    @cached_property
    def _year_arrays(self) -> dict:
        return dict(zip(self.indicators.indicator_id, self.indicators["years"]))

    @cached_property
    def _indicator_rows(self) -> dict:
        return {}

    @cached_property
    def _chosen_years(self) -> dict:
        return {}

    @cached_property
    def _per_capita_years(self) -> dict:
        return {}

    def indicator(self, indicator_id: str) -> pd.Series:
        rows = self._indicator_rows
        if indicator_id not in rows:
            rows[indicator_id] = self.indicators.loc[indicator_id]
        return rows[indicator_id]

    def indicator_name(self, indicator_id: str) -> str:
        names = self._indicator_names
        if indicator_id in names:
            return names[indicator_id]
        return self.indicator_text(indicator_id, "name")

    def unit_label(self, indicator_id: str) -> str:
        labels = self._unit_labels
        if indicator_id in labels:
            return labels[indicator_id]
        return self.indicator_text(indicator_id, "unit")

    def indicator_text(self, indicator_id: str, base: str) -> str:
        """The indicator's text in the page's language: its 'name', 'unit', 'definition' or 'convention'."""
        return pick(self.indicator(indicator_id), base, self.lang)

    def region_name(self, code: str) -> str:
        return self._region_names.get(code, code)

    def years_of(self, indicator_id: str) -> list[int]:
        years = self._years
        if indicator_id not in years:
            if indicator_id not in self._year_arrays:
                self.indicator(indicator_id)  # KeyError for an unknown indicator, as before
            # a list (numpy array) of years, or None/NaN without data; is_missing on an array would print it
            raw = self._year_arrays[indicator_id]
            years[indicator_id] = [int(y) for y in raw] if hasattr(raw, "__len__") else []
        return years[indicator_id]

    def year_for(self, indicator_id: str, level: str | None = "county") -> int | None:
        """The year to show: the one SQL chooses (queries/shown_years.sql): the latest year, within the chosen
        period if any, in which a region of ``level`` has a value (None: any level but Riket's, else Riket's)."""
        chosen = self._chosen_years
        if level not in chosen:
            sel = self.selection
            shown = self.run("shown_years", level=level, year_from=sel.year_from, year_to=sel.year_to)
            chosen[level] = dict(zip(shown.indicator_id, (int(y) for y in shown.year)))
        if indicator_id not in chosen[level]:
            self.unit_and_decimals(indicator_id)  # KeyError for an unknown indicator, as before
        return chosen[level].get(indicator_id)

    def per_capita_year_for(self, indicator_id: str) -> int | None:
        """The year a per-inhabitant bar chart shows: the one SQL chooses (queries/per_capita.sql with $latest,
        staging macro per_capita_year): the one year rule over the counties' amounts per inhabitant (their
        sums of universities included), else over their amounts, whose bars then say why they are missing."""
        chosen = self._per_capita_years
        if indicator_id not in chosen:
            sel = self.selection
            shown = self.run("per_capita", indicator=indicator_id, latest=True, year_from=sel.year_from,
                             year_to=sel.year_to)
            chosen[indicator_id] = int(shown.year.iloc[0]) if len(shown) else None
        return chosen[indicator_id]

    def unit_and_decimals(self, indicator_id: str) -> tuple[str, int]:
        """(unit, decimals) of an indicator, from a plain dict (no pandas row per call)."""
        if indicator_id not in self._formats:
            self.indicator(indicator_id)  # KeyError for an unknown indicator
        return self._formats[indicator_id]

    def fmt(self, value, indicator_id: str, text: str | None = None) -> str:
        if indicator_id not in self._formats:
            self.indicator(indicator_id)
        unit, decimals = self._formats[indicator_id]
        return formatting.value(value, unit, decimals, self.lang, text)

    def fmt_many(self, values, indicator_ids, texts=None) -> list[str]:
        """fmt over columns (values, indicator ids, texts), as a list."""
        texts = [None] * len(values) if texts is None else texts
        formats, lang, value = self._formats, self.lang, formatting.value
        return [value(v, *formats[i], lang, x if isinstance(x, str) else None)
                for v, i, x in zip(values, indicator_ids, texts)]

    def source_title(self, source_id: str, limit: int | None = None) -> str:
        """The source's title as published, marked with its language where the reader may not read it."""
        source = self.sources.loc[source_id]
        return source_title(str(source["title"]), source.get("language"), self.lang, limit)

    def source_note(self, source_ids, years=()) -> str:
        """'Källa: publisher, title (published) · referensår 2021'."""
        ids = [s for s in dict.fromkeys(source_ids) if isinstance(s, str) and s in self.sources.index]
        parts = []
        for source_id in ids:
            source = self.sources.loc[source_id]
            title = str(source["title"])
            published = ("" if formatting.is_missing(source["published"]) or str(source["published"]) in title
                         else f" ({source['published']})")  # a title may carry its date already
            lead = "" if title.startswith(str(source["publisher"])) else f"{source['publisher']}, "
            parts.append(f"{lead}{self.source_title(source_id)}{published}")
        label = t("sources" if len(parts) > 1 else "source", self.lang)
        if len(parts) > 3:
            publishers = ", ".join(dict.fromkeys(self.sources.loc[s, "publisher"] for s in ids[:40]))
            parts = [t("n_sources", self.lang, publishers=publishers, n=len(ids))]
        note = f"{label}: " + "; ".join(parts) if parts else ""
        span = formatting.span(years, self.lang)
        if span:
            note += f" · {t('reference_year', self.lang)} {span}"
        return note

    def bars_year_note(self, year) -> str:
        """Which year a one-year chart shows, and why (a period chosen in the sidebar still shows one year)."""
        sel = self.selection
        if sel.year_to is None:
            return t("bars_latest_year", self.lang, year=year)
        return t("bars_year_in_period", self.lang, year=year, period=formatting.period(sel.year_from, sel.year_to))

    @cached_property
    def _english_notes(self) -> dict:
        texts = self.run("data_texts")
        return dict(zip(texts.sv, texts.en))

    def data_note(self, text):
        """A note as written in the data (Swedish) in the user's language: the English that curation wrote
        beside it (note_en), or the Swedish marked '(in Swedish)'; never machine-translated."""
        if not isinstance(text, str) or not text or self.lang == DATA_LANGUAGE:
            return text
        return data_text(text, self._english_notes.get(text) or self._english_notes.get(text.strip()), self.lang)

    def missing_note(self, frame: pd.DataFrame, value: str, reason: str | None = None) -> list[str]:
        """'Saknas för Östergötland (reason)' when any row lacks a value."""
        missing = frame[frame[value].isna()]
        if missing.empty:
            return []
        names = ", ".join(missing["label"] if "label" in missing else missing["region_code"])
        note = t("missing_for", self.lang, regions=names)
        return [f"{note}: {reason or t('not_in_data', self.lang)}"]


def label_regions(ctx: Context, frame: pd.DataFrame, code: str = "region_code") -> pd.DataFrame:
    """Add a 'label' column with the region's name in the user's language."""
    frame = frame.copy()
    frame["label"] = frame[code].map(ctx._region_names).fillna(frame[code]) if len(frame) else []
    return frame


def with_all_regions(ctx: Context, frame: pd.DataFrame, codes, code: str = "region_code") -> pd.DataFrame:
    """Add an empty row for every chosen region the query returned nothing for, so it shows as 'saknas'."""
    absent = [c for c in codes if c not in set(frame[code])]
    if not absent:
        return frame
    filler = pd.DataFrame({code: absent})
    return pd.concat([frame, filler], ignore_index=True) if not frame.empty else filler.reindex(
        columns=list(frame.columns) or [code])


# --- status marks, places and verdicts (one wording for every page and export) ---------------------------

STATUS_MARKS = {"provisional": "*", "conflicting": "†"}


def status_mark(status) -> str:
    """'*' for a provisional value, '†' for a conflicting one, '' otherwise."""
    return STATUS_MARKS.get(status, "") if isinstance(status, str) else ""


def marked(text: str, status) -> str:
    """The text with its status mark: '0 *'."""
    mark = status_mark(status)
    return f"{text} {mark}" if mark else text


def status_notes(ctx: Context, frame: pd.DataFrame, label: str = "label", reasons: bool = True) -> list[str]:
    """One footnote per uncertain status: '* Preliminärt värde – Örebro 2018: reason; …' (without the
    reasons when they go elsewhere, e.g. a KPI card's help)."""
    if frame.empty or "status" not in frame:
        return []
    notes = []
    for status in STATUS_MARKS:
        rows = frame[frame["status"] == status]
        if rows.empty:
            continue
        by_reason: dict[str, list[str]] = {}  # one reason once, with every value it explains
        for row in rows.drop_duplicates(subset=[c for c in (label, "year") if c in rows]).itertuples():
            name = getattr(row, label, None) if label in rows else None
            name = name if isinstance(name, str) else ctx.region_name(getattr(row, "region_code", ""))
            year = getattr(row, "year", None)
            reason = getattr(row, "note", None)
            # a reason from the data is Swedish, and says so on an English page
            reason = ctx.data_note(reason.strip()).rstrip(".") if isinstance(reason, str) and reason.strip() else t(
                "status_reason_unknown", ctx.lang)
            when = "" if formatting.is_missing(year) else f" {int(year)}"
            by_reason.setdefault(reason if reasons else "", []).append(f"{name}{when}")
        items = [f"{_named_together(names)}: {reason}" if reasons else ", ".join(names)
                 for reason, names in by_reason.items()]
        notes.append(t(f"status_footnote_{status}", ctx.lang, mark=STATUS_MARKS[status], items="; ".join(items)))
    return notes


def _named_together(names: list[str]) -> str:
    """'Uppsala 2019, Örebro 2019'; labels 'region, indicator year' sharing the indicator as
    'indicator year (Stockholm, Uppsala)', so a footnote names the indicator once."""
    tails = {name.split(", ", 1)[1] if ", " in name else None for name in names}
    if len(names) > 1 and len(tails) == 1 and None not in tails:
        return f"{tails.pop()} ({', '.join(name.split(', ', 1)[0] for name in names)})"
    return ", ".join(names)


def status_label(status, lang: str) -> str:
    """The status column in the page's language."""
    return t(f"status_{status}", lang) if isinstance(status, str) and status in (
        "published", "missing", "provisional", "conflicting") else ("" if formatting.is_missing(status) else str(status))


def _field(row, name: str, default=None):
    """A field of a DataFrame row, whether an itertuples tuple or a Series (where .rank is a method)."""
    if isinstance(row, pd.Series):
        return row.get(name, default)
    return getattr(row, name, default)


def place_text(ctx: Context, row) -> str:
    """'plats 4 av 239 EU-regioner', 'publicerad plats 16', 'plats 3 av 21 län'."""
    rank = _field(row, "rank")
    if formatting.is_missing(rank):
        return t("missing", ctx.lang)
    rank = int(rank)
    level = _field(row, "level")
    if _field(row, "rank_kind", "relative") == "published":
        size = _field(row, "list_size")
        if formatting.is_missing(size):
            return t("place_published", ctx.lang, rank=rank)
        scope = _field(row, column("list_scope", ctx.lang))
        if not isinstance(scope, str):
            ladder = _field(row, "list_scope")
            scope = t(f"scope_{ladder}", ctx.lang) if isinstance(ladder, str) else t(f"levels_{level}", ctx.lang)
        return t("place_published_of", ctx.lang, rank=rank, n=int(size), scope=scope)
    return t("place_relative", ctx.lang, rank=rank, n=int(_field(row, "n_ranked")), scope=t(f"levels_{level}", ctx.lang))


def verdict_text(ctx: Context, verdict) -> str:
    """The top-five verdict in words: 'I topp fem', 'Utanför topp fem', or why it is not decisive."""
    if verdict == "in":
        return t("in_top_five", ctx.lang)
    if verdict == "out":
        return t("out_of_top_five", ctx.lang)
    if isinstance(verdict, str):
        return t(f"verdict_{verdict}", ctx.lang)
    return t("missing", ctx.lang)


def label_levels(ctx: Context, frame: pd.DataFrame, label: str = "label") -> tuple[pd.DataFrame, list[str]]:
    """Guard for charts that must show two geographic levels: label the minority levels and say so.

    Returns the frame with '(län)' etc. after the names at a level other than the most common one, and a
    note naming the levels; a frame with one level comes back unchanged with no note.
    """
    if frame.empty or "level" not in frame or frame["level"].nunique() <= 1:
        return frame, []
    frame = frame.copy()
    main = frame["level"].value_counts().idxmax()
    frame[label] = [f"{name} ({t('level_' + level, ctx.lang)})" if level != main else name
                    for name, level in zip(frame[label], frame["level"])]
    counts = frame["level"].value_counts()
    items = ", ".join(f"{n} {t('levels_' + level, ctx.lang)}" for level, n in counts.items())
    return frame, [t("mixed_levels_note", ctx.lang, items=items)]
