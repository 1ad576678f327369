"""Regions composed of counties in the link (regionstats/composition.py, regionstats/selection.py)."""

import pytest

from regionstats import composition
from regionstats.selection import Selection, from_query_params

COUNTIES = {"01", "03", "04", "05", "12", "18", "19"}
KNOWN = COUNTIES | {"00"}
YEARS = (2000, 2025)


def parsed(**params):
    return from_query_params(params, KNOWN, set(), YEARS)


def test_the_composition_round_trips_through_the_url():
    selection = Selection(compositions=(composition.Composition("Stockholm–Uppsala", ("01", "03")),
                                        composition.Composition("Östra Mellansverige", ("03", "04", "05", "18", "19"))))
    params = selection.to_query_params()
    assert params == {"compose": "Stockholm–Uppsala:01+03;Östra Mellansverige:03+04+05+18+19"}
    back = parsed(**params)
    assert back.selection == selection and back.ignored == []


@pytest.mark.parametrize("raw", [
    "Stockholm–Uppsala:01 03",  # a '+' typed into an address bar arrives as a space
    "Stockholm–Uppsala:03,01",  # order and commas do not matter
    " Stockholm–Uppsala : 01+03 ",
])
def test_members_may_be_typed_in_any_order_and_separator(raw):
    assert parsed(compose=raw).selection.compositions == (composition.Composition("Stockholm–Uppsala", ("01", "03")),)


def test_repeated_parameters_are_several_compositions():
    found = parsed(compose=["A:01+03", "B:18+19"]).selection.compositions
    assert [c.code for c in found] == ["01+03", "18+19"]


@pytest.mark.parametrize("bad", [
    "no-colon-0103",  # no name:members
    ":01+03",  # no name
    "Ett:01",  # one member is no composition
    "Riket ingår:00+01",  # Riket is not a county
    "Okänd:01+99",  # an unknown code
    "Dubbel:01+01",  # a member twice
    "x" * 41 + ":01+03",  # a name past 40 characters
    "Med\x07klocka:01+03",  # a control character
])
def test_a_malformed_composition_is_dropped_with_a_notice_and_the_others_stay(bad):
    result = parsed(compose=f"Bra:01+03;{bad}", lang="en")
    assert result.selection.compositions == (composition.Composition("Bra", ("01", "03")),)
    assert result.selection.lang == "en"
    assert result.ignored == [("compose", bad.strip())]


def test_a_repeated_name_or_membership_and_a_sixth_composition_are_dropped():
    raw = ";".join(["A:01+03", "A:18+19", "B:03+01", "C:04+05", "D:05+12", "E:12+18", "F:18+19", "G:04+19"])
    result = parsed(compose=raw)
    assert [c.name for c in result.selection.compositions] == ["A", "C", "D", "E", "F"]
    assert [value for _, value in result.ignored] == ["A:18+19", "B:03+01", "G:04+19"]


def test_the_sql_parameter_is_the_link_text():
    selection = parsed(compose="S–U:03+01").selection
    assert selection.compose == ["S–U:01+03"] and selection.composed_codes == ["01+03"]
    assert Selection().compose is None
