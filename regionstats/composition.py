"""Regions a user composes of counties ("Stockholm–Uppsala" = Stockholm + Uppsala), as they travel in the URL.

The text form is the same in the link and in SQL (queries/models/90_composed.sql)::

    compose=Stockholm–Uppsala:01+03;Östra Mellansverige:03+04+05+18+19

one composition as ``name:code+code``, several separated by ``;`` (or as repeated ``compose`` parameters).
A ``+`` typed into an address bar arrives as a space, so spaces and commas separate members too. Members are
county codes (never Riket), at least two, each once; they are kept sorted, so the composed region's code
(``01+03``) does not depend on the order typed. A malformed part is dropped and named, never raised.
The values are computed in SQL only; this module only reads and writes the text.
"""

import re
from dataclasses import dataclass

MAX_COMPOSITIONS = 5
MAX_NAME = 40
SEPARATOR = ";"
_MEMBER_SPLIT = re.compile(r"[+\s,]+")
_FORBIDDEN_IN_NAME = re.compile(r"[:;<>\x00-\x1f\x7f]")  # <> : a chart label would read them as HTML


@dataclass(frozen=True)
class Composition:
    name: str
    members: tuple  # county codes, sorted

    @property
    def code(self) -> str:
        """The composed region's code in every answer: its members joined by '+'."""
        return "+".join(self.members)

    @property
    def text(self) -> str:
        """'Stockholm–Uppsala:01+03', as in the link and as SQL reads it."""
        return f"{self.name}:{self.code}"


def is_composed(code) -> bool:
    return isinstance(code, str) and "+" in code


def make(name: str, members, counties) -> Composition:
    """A composition from a name and county codes; ValueError when it is not a valid one."""
    name = " ".join(str(name).split())
    codes = tuple(sorted(dict.fromkeys(str(m).strip() for m in members if str(m).strip())))
    if not name or len(name) > MAX_NAME or _FORBIDDEN_IN_NAME.search(name):
        raise ValueError(name)
    if len(codes) < 2 or any(code not in counties for code in codes):
        raise ValueError(codes)
    return Composition(name, codes)


def parse(raw: str, counties) -> Composition:
    """One 'name:code+code'; ValueError when malformed or a member is not a county."""
    name, sep, members = str(raw).strip().rpartition(":")
    if not sep:
        raise ValueError(raw)
    codes = [c for c in _MEMBER_SPLIT.split(members.strip()) if c]
    if len(codes) != len(set(codes)):
        raise ValueError(raw)  # "01+01" is a typing slip, not a region: say so rather than guess
    return make(name, codes, counties)


def parse_many(raw, counties) -> tuple[tuple, list[str]]:
    """Every composition in a link value (a string or the list of repeated parameters): (valid ones, bad parts).

    A part repeating an earlier name or the same members, or past the fifth, counts as bad: the link names it.
    """
    values = raw if isinstance(raw, (list, tuple)) else [raw]
    parts = [p.strip() for value in values for p in str(value).split(SEPARATOR) if p.strip()]
    found, bad = [], []
    for part in parts:
        try:
            composition = parse(part, counties)
        except ValueError:
            bad.append(part)
            continue
        taken = any(c.name == composition.name or c.code == composition.code for c in found)
        if taken or len(found) >= MAX_COMPOSITIONS:
            bad.append(part)
        else:
            found.append(composition)
    return tuple(found), bad


def to_text(compositions) -> str:
    return SEPARATOR.join(c.text for c in compositions)


def sql_param(compositions) -> list[str] | None:
    """The $compose parameter of the questions: one 'name:code+code' each, or None for none."""
    return [c.text for c in compositions] or None
