"""What the user is looking at: regions, years, home region, indicator, language.

The same Selection drives the pages, the exports and the URL. ``from_query_params`` reads a
URL leniently: anything unknown or malformed is dropped and reported as a notice, never raised.
"""

import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from regionstats import composition
from regionstats.i18n import LANGUAGES

FOCUS_REGIONS = ("01", "03", "05", "18", "24")
RIKET = "00"
DEFAULT_HOME = "18"
LANGS = LANGUAGES
MODES = ("absolute", "index")
PRESETS = ("focus", "focus_riket", "all", "all_riket")
CATEGORIES = ("ranking", "funding", "quality", "capacity", "industry")
URL_KEYS = ("lang", "regions", "home", "years", "indicator", "ranking", "mode", "base", "weights", "present", "slide",
            "since", "compose")
SINCE_PATTERN = re.compile(r"^(\d{4}-\d{2}-\d{2}|[0-9a-f]{4,16})$")  # a date or a data version (fingerprint)


@dataclass(frozen=True)
class Selection:
    lang: str = "sv"
    regions: tuple = FOCUS_REGIONS + (RIKET,)
    home: str = DEFAULT_HOME
    year_from: int | None = None  # None: the latest year each indicator has
    year_to: int | None = None
    indicator: str | None = None
    ranking: str | None = None  # the university ranking on Rankningar
    mode: str | None = None  # "absolute" or "index"; None: the page's default (Utveckling: index)
    base_year: int | None = None
    weights: tuple | None = None  # composite weights per category on Jämför regioner
    present: bool = False
    slide: int = 0
    since: str | None = None  # the data version (or date) Ändringar compares today's data with
    compositions: tuple = ()  # regions composed of counties (regionstats/composition.py), shown beside the regions

    @property
    def compose(self) -> list[str] | None:
        """The compositions as the questions' $compose parameter (None without any)."""
        return composition.sql_param(self.compositions)

    @property
    def composed_codes(self) -> list[str]:
        return [c.code for c in self.compositions]


    @property
    def counties(self) -> list[str]:
        """The chosen regions without Riket."""
        return [r for r in self.regions if r != RIKET]

    def replace(self, **changes) -> "Selection":
        return replace(self, **changes)

    def to_query_params(self) -> dict[str, str]:
        """The non-default parts of the selection, as URL parameters."""
        default = Selection()
        params = {}
        if self.lang != default.lang:
            params["lang"] = self.lang
        if self.regions != default.regions:
            params["regions"] = ",".join(self.regions)
        if self.home != default.home:
            params["home"] = self.home
        if self.year_to is not None:
            same = self.year_from == self.year_to
            params["years"] = str(self.year_to) if same else f"{self.year_from}-{self.year_to}"
        if self.indicator:
            params["indicator"] = self.indicator
        if self.ranking:
            params["ranking"] = self.ranking
        if self.mode != default.mode:
            params["mode"] = self.mode
        if self.base_year is not None:
            params["base"] = str(self.base_year)
        if self.weights is not None:
            params["weights"] = ",".join(str(w) for w in self.weights)
        if self.compositions:
            params["compose"] = composition.to_text(self.compositions)
        if self.present:
            params["present"] = "1"
            if self.slide:
                params["slide"] = str(self.slide)
        if self.since:
            params["since"] = self.since
        return params


def preset_regions(preset: str, all_counties: list[str]) -> tuple:
    """The region codes of a preset."""
    return {
        "focus": FOCUS_REGIONS,
        "focus_riket": FOCUS_REGIONS + (RIKET,),
        "all": tuple(all_counties),
        "all_riket": tuple(all_counties) + (RIKET,),
    }[preset]


@dataclass
class ParsedUrl:
    selection: Selection
    ignored: list = field(default_factory=list)  # (parameter, raw value) pairs that were dropped


def _first(raw) -> str:
    if isinstance(raw, (list, tuple)):
        return ",".join(str(r) for r in raw)
    return str(raw)


def from_query_params(params: Mapping, known_regions: set, known_indicators: set,
                      year_range: tuple[int, int]) -> ParsedUrl:
    """A Selection from URL parameters; bad parts are dropped and listed in ``ignored``."""
    values, ignored = {}, []
    for key in params:
        if key == "compose":  # one bad composition leaves the others standing
            counties = {code for code in known_regions if code != RIKET}
            values["compositions"], bad = composition.parse_many(params[key], counties)
            ignored += [(key, part) for part in bad]
            continue
        raw = _first(params[key]).strip()
        if key not in URL_KEYS:
            ignored.append((key, raw))
            continue
        try:
            values.update(_parse(key, raw, known_regions, known_indicators, year_range))
        except ValueError:
            ignored.append((key, raw))
    return ParsedUrl(Selection(**values), ignored)


def _parse(key, raw, known_regions, known_indicators, year_range) -> dict:
    if key == "lang":
        return {"lang": _choice(raw, LANGS)}
    if key == "regions":
        codes = tuple(dict.fromkeys(c.strip() for c in raw.split(",") if c.strip()))
        if not codes or any(c not in known_regions for c in codes):
            raise ValueError(raw)
        return {"regions": codes}
    if key == "home":
        return {"home": _choice(raw, known_regions)}
    if key == "years":
        return dict(zip(("year_from", "year_to"), _years(raw, year_range)))
    if key == "indicator":
        return {"indicator": _choice(raw, known_indicators)}
    if key == "ranking":
        return {"ranking": _choice(raw, known_indicators)}
    if key == "weights":
        weights = tuple(int(w) for w in raw.split(","))
        if len(weights) != len(CATEGORIES) or not all(0 <= w <= 5 for w in weights):
            raise ValueError(raw)
        return {"weights": weights}
    if key == "mode":
        return {"mode": _choice(raw, MODES)}
    if key == "base":
        return {"base_year": _year(raw, year_range)}
    if key == "present":
        return {"present": _choice(raw, ("0", "1")) == "1"}
    if key == "slide":
        slide = int(raw)
        if not 0 <= slide < 100:
            raise ValueError(raw)
        return {"slide": slide}
    if key == "since":
        if not SINCE_PATTERN.match(raw):
            raise ValueError(raw)
        return {"since": raw}
    raise ValueError(key)


def _choice(raw: str, allowed) -> str:
    if raw not in allowed:
        raise ValueError(raw)
    return raw


def _year(raw: str, year_range: tuple[int, int]) -> int:
    year = int(raw)
    if not year_range[0] <= year <= year_range[1]:
        raise ValueError(raw)
    return year


def _years(raw: str, year_range: tuple[int, int]) -> tuple[int, int]:
    first, sep, last = raw.partition("-")
    start, end = _year(first, year_range), _year(last if sep else first, year_range)
    if start > end:
        raise ValueError(raw)
    return start, end
