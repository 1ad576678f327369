"""The shape of the CSV files in data/: columns, types, keys and references.

One ``TableSpec`` per file. The validator reads these specs and the database builder
creates its tables from them, so a new column is declared here once.
"""

from dataclasses import dataclass, field

STATUSES = ("published", "missing", "conflicting", "provisional")
REGION_KINDS = ("country", "county", "city", "university", "nuts2")
DIRECTIONS = ("higher", "lower")
CATEGORIES = ("ranking", "funding", "quality", "capacity", "industry")
UNITS = ("rank", "percent", "msek", "sek", "sek_per_capita", "persons", "count", "fte", "score")
COMPARATORS = ("<=", ">=")
AGGREGATIONS = ("sum", "ratio", "none")  # how a composed region's value is rebuilt from its counties
LADDER_SCOPES = ("city", "cluster", "nuts2", "university")  # what an international list ranks
YEAR_RANGE = (1990, 2100)
# the language a source title is published in (ISO 639-1); each but English has its marker in i18n
# TITLE_LANGUAGE_KEYS. Empty = not stated (an imported source).
SOURCE_LANGUAGES = ("sv", "en", "da")

SQL_TYPES = {"str": "VARCHAR", "int": "INTEGER", "float": "DOUBLE", "bool": "BOOLEAN", "date": "DATE"}


@dataclass(frozen=True)
class Column:
    name: str
    type: str = "str"
    required: bool = True
    choices: tuple = ()
    references: str | None = None  # "table.column" that must hold this value


@dataclass(frozen=True)
class TableSpec:
    name: str
    columns: tuple
    key: tuple
    checks: tuple = field(default=())

    @property
    def file_name(self) -> str:
        return f"{self.name}.csv"

    @property
    def column_names(self) -> list[str]:
        return [c.name for c in self.columns]


REGIONS = TableSpec(
    "regions",
    (
        Column("region_code"),
        Column("kind", choices=REGION_KINDS),
        Column("name_sv"),
        Column("name_en"),
        Column("nuts2", required=False),
        Column("county_code", required=False),
        Column("alf_region", "bool"),
        Column("focus_region", "bool"),
        Column("note", required=False),
    ),
    key=("region_code",),
)

INDICATORS = TableSpec(
    "indicators",
    (
        Column("indicator_id"),
        Column("name_sv"),
        Column("name_en"),
        Column("unit", choices=UNITS),
        Column("unit_sv"),
        Column("unit_en"),
        Column("decimals", "int"),
        Column("direction", choices=DIRECTIONS),
        Column("category", choices=CATEGORIES),
        Column("definition_sv"),
        Column("definition_en"),
        Column("convention_sv"),
        Column("convention_en"),
    ),
    key=("indicator_id",),
)

SOURCES = TableSpec(
    "sources",
    (
        Column("source_id"),
        Column("publisher"),
        Column("title"),
        Column("url"),
        Column("published", required=False),
        Column("accessed", "date"),
        Column("licence", required=False),
        Column("note", required=False),
        Column("note_en", required=False),
        Column("language", required=False, choices=SOURCE_LANGUAGES),  # the title's, from curation
    ),
    key=("source_id",),
)

OBSERVATIONS = TableSpec(
    "observations",
    (
        Column("region_code", references="regions.region_code"),
        Column("indicator_id", references="indicators.indicator_id"),
        Column("year", "int"),
        Column("period_start", "int", required=False),
        Column("period_end", "int", required=False),
        Column("period_label", required=False),
        Column("value", "float", required=False),
        Column("value_text", required=False),
        Column("value_low", "float", required=False),
        Column("value_high", "float", required=False),
        Column("status", choices=STATUSES),
        Column("source_id", references="sources.source_id"),
        Column("note", required=False),
        Column("note_en", required=False),
    ),
    key=("region_code", "indicator_id", "year"),
    checks=("value_or_missing", "year_range", "band_order"),
)

GOALS = TableSpec(
    "goals",
    (
        Column("goal_id"),
        Column("owner"),
        Column("title_sv"),
        Column("title_en"),
        Column("goal_text"),
        Column("indicator_id", required=False, references="indicators.indicator_id"),
        Column("region_code", required=False, references="regions.region_code"),
        Column("target_value", "float", required=False),
        Column("target_comparator", required=False, choices=COMPARATORS),
        Column("target_year", "int", required=False),
        Column("source_id", references="sources.source_id"),
        Column("note", required=False),
        Column("note_en", required=False),
    ),
    key=("goal_id",),
)

# The international lists (ladders) behind the world top-five view: one row per rank indicator that is
# an international list, and one row per edition with its list size where a source states it.
LADDERS = TableSpec(
    "ladders",
    (
        Column("indicator_id", references="indicators.indicator_id"),
        Column("scope", choices=LADDER_SCOPES),
        Column("publisher"),
        Column("life_science", "bool"),
        Column("method_sv"),
        Column("method_en"),
        Column("method_url", required=False),
    ),
    key=("indicator_id",),
)

LADDER_EDITIONS = TableSpec(
    "ladder_editions",
    (
        Column("indicator_id", references="indicators.indicator_id"),
        Column("edition", "int"),
        Column("list_size", "int", required=False),
        Column("source_id", required=False, references="sources.source_id"),
        Column("note", required=False),
        # the list's method segment (a change in what it counts or ranks), in the source's words
        Column("segment", required=False),
        Column("segment_note", required=False),
    ),
    key=("indicator_id", "edition"),
)

# Breaks in a series (a border change, a change of method or vintage): where a line over the years must not be
# read as one series. Written by tools/curate_reference.py from data/raw/curation/series_breaks.csv; x lies
# between two reference years (2005.5: between 31 Dec 2005 and 31 Dec 2006); no region_code = every region.
SERIES_BREAKS = TableSpec(
    "series_breaks",
    (
        Column("indicator_id", references="indicators.indicator_id"),
        Column("region_code", required=False, references="regions.region_code"),
        Column("x", "float"),
        Column("label_sv"),
        Column("label_en"),
        Column("source_id", required=False, references="sources.source_id"),
    ),
    key=("indicator_id", "region_code", "x"),
)

# How a region composed of counties gets each indicator (queries/models/90_composed.sql): the sum of the
# counties' values, the sum of one indicator over the sum of another (times factor), or not at all (ranks,
# places, shares whose parts are not in the data). An indicator without a row is "none".
INDICATOR_AGGREGATION = TableSpec(
    "indicator_aggregation",
    (
        Column("indicator_id", references="indicators.indicator_id"),
        Column("aggregation", choices=AGGREGATIONS),
        Column("numerator_id", required=False, references="indicators.indicator_id"),
        Column("denominator_id", required=False, references="indicators.indicator_id"),
        Column("factor", "float", required=False),
        Column("note", required=False),
    ),
    key=("indicator_id",),
)

# Load order matters: a table may only reference tables before it.
TABLES = (REGIONS, INDICATORS, SOURCES, OBSERVATIONS, GOALS, LADDERS, LADDER_EDITIONS, SERIES_BREAKS,
          INDICATOR_AGGREGATION)
