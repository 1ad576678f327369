"""Property (issue #22): a sub-population of a real SCB answer is never accepted as the total population without
an explicit confirmation.

From SCB's TAB638 answer for Riket 2014–2024 (tests/fixtures/scb/tab638_riket_2014_2024.json) this makes one
sex, an age band or the population's change, as a saved JSON-stat2 answer, as a PxWeb CSV download (the
selection in the title or in a label column) or typed into the long template, and uploads it against data
that holds Riket's population for every year (the rows would change it) or for 2014–2018 only (they would
be added). Every one must be refused, have its rows rejected, or ask for confirmation. A fixed, derandomised
set of examples runs by default (tests/conftest.py).
"""

import json
import shutil

import pytest
from hypothesis import event, given
from hypothesis import strategies as st
from test_import_support import FIXTURE_DATA, SCB_FIXTURES

from regionstats.importing import plan_import_from_upload

ANSWER = json.loads((SCB_FIXTURES / "tab638_riket_2014_2024.json").read_text(encoding="utf-8"))
YEARS = list(ANSWER["dimension"]["Tid"]["category"]["index"])
TOTALS = ANSWER["value"]
SOURCE = "orebro_ls_strategy_2021"


@pytest.fixture(scope="module")
def data_dirs(tmp_path_factory):
    """The fixture data as it is, and a copy without Riket's population for 2019–2024."""
    copy = tmp_path_factory.mktemp("partial") / "data"
    shutil.copytree(FIXTURE_DATA, copy)
    observations = copy / "observations.csv"
    lines = observations.read_text(encoding="utf-8").splitlines(keepends=True)
    dropped = tuple(f"00,population,{year}," for year in YEARS[5:])
    observations.write_text("".join(l for l in lines if not l.startswith(dropped)), encoding="utf-8")
    return {"all_years": FIXTURE_DATA, "some_years": copy}


@st.composite
def subpopulation(draw) -> dict:
    """What part of the population, its values (from the real totals) and how a file would name it."""
    kind = draw(st.sampled_from(["sex", "age", "change"]))
    if kind == "sex":
        code, label = draw(st.sampled_from([("1", "män"), ("2", "kvinnor")]))
        share = draw(st.floats(0.45, 0.55))
        return {"kind": kind, "dimension": ("Kon", "kön"), "code": code, "label": label,
                "values": [round(v * share) for v in TOTALS], "share": share}
    if kind == "age":
        low = draw(st.integers(0, 80))
        high = draw(st.integers(low + 4, 100))
        label = draw(st.sampled_from([f"{low}-{high} år", f"totalt {low}-{high} år", f"{low}–{high}"]))
        share = draw(st.floats(0.05, 0.95))
        return {"kind": kind, "dimension": ("Alder", "ålder"), "code": f"{low}-{high}", "label": label,
                "values": [round(v * share) for v in TOTALS], "share": share}
    changes = [b - a for a, b in zip([TOTALS[0]] + TOTALS, TOTALS)][1:]  # the real yearly change, 2015–2024
    return {"kind": kind, "years": YEARS[1:], "values": changes, "share": 0.01,
            "contents": draw(st.sampled_from([("BE0101N2", "Folkökning"), ("BE0101N1", "Folkmängd")])),
            "title": draw(st.sampled_from(["Folkmängdens förändring efter region och år",
                                           "Folkmängd efter region och år"]))}


def as_jsonstat(part: dict) -> bytes:
    dataset = json.loads(json.dumps(ANSWER))
    years = part.get("years", YEARS)
    dataset["dimension"]["Tid"]["category"] = {"index": {y: i for i, y in enumerate(years)},
                                               "label": {y: y for y in years}}
    dataset["size"][dataset["id"].index("Tid")] = len(years)
    dataset["value"] = part["values"]
    if part["kind"] == "change":
        code, label = part["contents"]
        dataset["dimension"]["ContentsCode"]["category"] = {"index": {code: 0}, "label": {code: label}}
    else:
        dimension, label = part["dimension"]
        dataset["id"].insert(1, dimension)
        dataset["size"].insert(1, 1)
        dataset["dimension"][dimension] = {"label": label, "category": {"index": {part["code"]: 0},
                                                                        "label": {part["code"]: part["label"]}}}
    return json.dumps(dataset, ensure_ascii=False).encode("utf-8")


def as_pxweb_csv(part: dict, in_title: bool) -> bytes:
    years = part.get("years", YEARS)
    label_column, title = [], "Folkmängd efter region och år"
    if part["kind"] == "change":
        title = part["title"]
    elif in_title:
        title = f"Folkmängd efter region, {part['dimension'][1]} och år. {part['label'].capitalize()}"
    else:
        label_column = [part["dimension"][1]]
    header = ";".join(f'"{c}"' for c in ["region"] + label_column + years)
    cells = ["00 Riket"] + ([part["label"]] if label_column else []) + [str(v) for v in part["values"]]
    return (f'"{title}"\r\n\r\n{header}\r\n' + ";".join(f'"{c}"' for c in cells) + "\r\n").encode("utf-8")


def as_long_template(part: dict) -> bytes:
    years = part.get("years", YEARS)
    rows = [f"00;population;{y};{v};{SOURCE}" for y, v in zip(years, part["values"])]
    return ("region_code;indicator_id;year;value;source_id\n" + "\n".join(rows) + "\n").encode("utf-8")


@given(part=subpopulation(), form=st.sampled_from(["jsonstat", "pxweb_title", "pxweb_column", "long"]),
       stored=st.sampled_from(["all_years", "some_years"]))
def test_no_subpopulation_is_accepted_as_the_population_without_confirmation(data_dirs, part, form, stored):
    if form == "long" and part["share"] > 0.8:
        form = "jsonstat"  # typed by hand, nothing but its values says what it is: those stay far from the total
    name, raw = {"jsonstat": ("svar.json", lambda: as_jsonstat(part)),
                 "pxweb_title": ("px.csv", lambda: as_pxweb_csv(part, in_title=True)),
                 "pxweb_column": ("px.csv", lambda: as_pxweb_csv(part, in_title=False)),
                 "long": ("mall.csv", lambda: as_long_template(part))}[form]
    report = plan_import_from_upload(data_dirs[stored], name, raw())
    outcome = "refused" if report.refused else "rejected" if report.rejected else \
        "confirm" if report.confirmations else "nothing" if not report.can_apply else "ACCEPTED"
    event(f"{part['kind']} {form}: {outcome}")
    assert outcome != "ACCEPTED", (part, form, stored, report.text("en"))
    assert outcome != "nothing", "a sub-population is never the stored total"
