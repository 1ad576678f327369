"""Numbers as Swedish and English readers expect them: 1 715 kr, 5,4 % / SEK 1,715, 5.4%.

Swedish uses a decimal comma and a (non-breaking) space between thousands.
"""

import math

from regionstats.i18n import LANGUAGES, t

NBSP = "\u00a0"
MISSING = {lang: t("missing", lang) for lang in LANGUAGES}  # the catalogue's word, looked up once

# decimal mark, thousands separator: the layout.separators string for plotly
PLOTLY_SEPARATORS = {"sv": "," + NBSP, "en": ".,"}

UNIT_SUFFIX = {
    "sv": {"msek": " MSEK", "sek": " kr", "sek_per_capita": " kr", "percent": " %", "rank": "", "persons": "",
           "count": "", "fte": " åa", "score": "", "points": " p.e."},
    "en": {"msek": " MSEK", "sek": " SEK", "sek_per_capita": " SEK", "percent": "%", "rank": "", "persons": "",
           "count": "", "fte": " FTE", "score": "", "points": " pp"},
}


def is_missing(value) -> bool:
    """True for None, NaN and pandas' NA."""
    if value is None:
        return True
    try:
        return bool(math.isnan(value))
    except (TypeError, ValueError):
        return str(value) in ("<NA>", "NaT")


def period(first, last, lang: str = "sv") -> str:
    """THE label of a period, for titles, notes, sources and the deck: '2017', '2019–2021', or with no years
    chosen (the sidebar's "latest year per indicator") 'senaste år per indikator'."""
    if is_missing(first) and is_missing(last):
        return t("period_latest", lang)
    first, last = (int(last), int(last)) if is_missing(first) else (int(first), int(first if is_missing(last) else last))
    return str(first) if first == last else f"{first}–{last}"


def span(years, lang: str = "sv") -> str:
    """The period from the first to the last of some years ('' for none)."""
    years = sorted({int(y) for y in years if not is_missing(y)})
    return period(years[0], years[-1], lang) if years else ""


def number(value, decimals: int = 0, lang: str = "sv") -> str:
    """1715.4 -> '1 715' (sv) or '1,715' (en); missing -> 'saknas' / 'missing'."""
    if is_missing(value):
        return MISSING[lang]
    text = f"{float(value):,.{decimals}f}"
    if lang == "sv":
        text = text.replace(",", NBSP).replace(".", ",")
    return text.replace("-", "−")


def value(amount, unit: str, decimals: int = 0, lang: str = "sv", text: str | None = None) -> str:
    """A value with its unit: '1 715 kr', '5,4 %', '351–400' for a band (its text), 'saknas'."""
    if is_missing(amount):
        if isinstance(text, str) and text not in ("", "x", "*", ".."):
            return text.replace("-", "–")
        return MISSING[lang]
    if unit == "rank":
        return number(amount, 0, lang)
    return number(amount, decimals, lang) + UNIT_SUFFIX[lang].get(unit, "")


def signed(amount, unit: str, decimals: int = 0, lang: str = "sv") -> str:
    """A change or gap with its sign: '+3,2 %', '−11'."""
    if is_missing(amount):
        return MISSING[lang]
    sign = "+" if float(amount) > 0 else ""
    return sign + value(amount, unit, decimals, lang)


def sign_of(text: str | None) -> int:
    """The sign a signed text shows: '+3,2 %' -> 1, '−11 kr' -> -1, '0 %', '+0 kr' or no text -> 0."""
    text = (text or "").strip()
    sign = {"+": 1, "−": -1, "-": -1}.get(text[:1], 0)
    digits = ""
    for char in text[1:] if sign else text:
        if not (char.isdigit() or char in ", ." + NBSP):
            break
        digits += char
    return sign if any(d.isdigit() and d != "0" for d in digits) else 0


def percent(value, decimals: int = 1, lang: str = "sv") -> str:
    if is_missing(value):
        return MISSING[lang]
    return number(value, decimals, lang) + UNIT_SUFFIX[lang]["percent"]


def d3_format(decimals: int) -> str:
    """A plotly tickformat/hoverformat that keeps the locale's separators."""
    return f",.{decimals}f"


COMPARATORS = {"<=": "≤", ">=": "≥", "<": "<", ">": ">", "=": "="}


def comparator(op) -> str:
    """'<=' as the reader writes it: '≤'."""
    return COMPARATORS.get(str(op).strip(), str(op)) if isinstance(op, str) else ""
