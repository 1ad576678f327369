"""Property: random and mutated uploads never crash the importer and never damage stored data on failure."""

import copy
import json
import shutil
import tempfile
from pathlib import Path

from hypothesis import event, given
from hypothesis import strategies as st
from test_import_support import FIXTURE_DATA, SCB_FIXTURES, snapshot, table_snapshot, xlsx_bytes

from regionstats.importing import ImportProblem, apply_import, plan_import_from_upload
from regionstats.validate import load_and_validate

SEEDS = [
    "region_code;indicator_id;year;value;unit;source_id\n"
    "18;alf_msek;2026;75,5;MSEK;orebro_ls_strategy_2021\n"
    "Uppsala;alf_msek;2026;1 234;mkr;orebro_ls_strategy_2021\n",
    "region,indicator_id,year,value,status,source_id,note\n"
    "00,phd_share_pct,2027,1.5,published,orebro_ls_strategy_2021,\"a, note\"\n"
    "24,phd_share_pct,2027,x,missing,orebro_ls_strategy_2021,\n",
    "region_code\tindicator_id\tyear\tvalue\tsource_id\tpublisher\ttitle\turl\tpublished\n"
    "18\tpopulation\t2026\t310 000\tnew_src\tSCB\tFolkmängd\thttps://www.scb.se\t2027\n"
    "18\tmedcity_rank\t2026\t351-400\tnew_src\tSCB\tFolkmängd\thttps://www.scb.se\t2027\n",
]
JUNK = ["", ";", ",", "\t", "\n", "\r\n", '"', "x", "..", "–", "-1", "1e400", "ö", "\x00", "\xff", "#",
        "2101", "Örebro", "99", "abc", "1 234,5", "SEK", "%", "\u00a0", "=1+1", "\\N"]


@st.composite
def mutated_csv(draw) -> bytes:
    """A valid upload, re-encoded and then cut, spliced and scribbled on."""
    text = draw(st.sampled_from(SEEDS))
    encoding = draw(st.sampled_from(["utf-8", "utf-8", "utf-8-sig", "cp1252", "cp1252", "utf-16"]))
    data = bytearray(text.encode(encoding, errors="replace"))
    # mutations after the header are likelier to give an upload that applies
    body = len(text.split("\n", 1)[0].encode(encoding)) + 1
    for _ in range(draw(st.integers(0, 3))):
        operation = draw(st.sampled_from(["delete", "insert", "junk", "duplicate", "truncate", "flip"]))
        at = draw(st.integers(0, len(data)) | st.integers(min(body, len(data)), len(data)))
        if operation == "delete":
            del data[at:at + draw(st.integers(1, 12))]
        elif operation == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=8))
        elif operation == "junk":
            data[at:at] = draw(st.sampled_from(JUNK)).encode("utf-8")
        elif operation == "duplicate":
            data += data[at:]
        elif operation == "truncate":
            del data[at:]
        elif data and at < len(data):
            data[at] ^= 1 << draw(st.integers(0, 7))
    return bytes(data)


VALID_XLSX = xlsx_bytes([["region_code", "indicator_id", "year", "value", "source_id"],
                         ["18", "alf_msek", 2026, 75.5, "orebro_ls_strategy_2021"]])


@st.composite
def mutated_xlsx(draw) -> bytes:
    data = bytearray(VALID_XLSX)
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(data) - 1))
        data[at] = draw(st.integers(0, 255))
    return bytes(data)


JSON_SEEDS = [json.loads((SCB_FIXTURES / n).read_text(encoding="utf-8")) for n in (
    "tab638_counties_2020.json", "tab638_riket_2014_2024.json", "tab5557_riket_orebro_2025.json",
    "tab638_subpopulation_2024.json", "v1_json_answer.json")]
JSON_LEAVES = st.one_of(st.none(), st.booleans(), st.integers(-10**12, 10**12), st.floats(allow_nan=True),
                        st.text(max_size=12), st.sampled_from(["00", "18", "0180", "BE0101N1", "000007ME", "..",
                                                               "2020", "Tid", "Region", "dataset", "2.0"]))
JSON_VALUES = st.recursive(JSON_LEAVES, lambda inner: st.lists(inner, max_size=4)
                           | st.dictionaries(st.text(max_size=8), inner, max_size=4), max_leaves=12)


@st.composite
def mutated_jsonstat(draw) -> bytes:
    """A JSON-stat2 (or v1) answer with parts replaced, removed or added; sometimes cut as bytes."""
    dataset = copy.deepcopy(draw(st.sampled_from(JSON_SEEDS)))
    for _ in range(draw(st.integers(1, 4))):
        node, path = dataset, []
        while isinstance(node, (dict, list)) and node and draw(st.booleans()):
            key = draw(st.sampled_from(sorted(node) if isinstance(node, dict) else list(range(len(node)))))
            path.append((node, key))
            node = node[key]
        if not path:
            continue
        parent, key = path[-1]
        action = draw(st.sampled_from(["replace", "delete", "add"]))
        if action == "replace":
            parent[key] = draw(JSON_VALUES)
        elif action == "delete":
            del parent[key]
        elif isinstance(parent, dict):
            parent[draw(st.text(max_size=6))] = draw(JSON_VALUES)
        else:
            parent.append(draw(JSON_VALUES))
    raw = json.dumps(dataset, ensure_ascii=False).encode("utf-8")
    if draw(st.integers(0, 5)) == 0:
        raw = raw[:draw(st.integers(0, len(raw)))]
    return raw


@st.composite
def random_sheet(draw) -> bytes:
    """A workbook of random cells (text, numbers, dates, empties) under a sometimes-valid header."""
    header = draw(st.sampled_from([["region_code", "indicator_id", "year", "value", "source_id"],
                                   ["region", "2023", "2024"], ["region", "Folkmängd 2024", "000007ME 2025"],
                                   ["a", "a", "b"], []]))
    cell = st.one_of(st.none(), st.text(st.characters(min_codepoint=32, blacklist_categories=("Cs",)), max_size=10), st.integers(-10**6, 10**6),
                     st.floats(allow_nan=False, allow_infinity=False, width=32),
                     st.sampled_from(["00 Riket", "18 Örebro län", "0018", "2480 Umeå", "..", "alf_msek",
                                      "population", "orebro_ls_strategy_2021", "2024", "totalt", "män"]))
    rows = draw(st.lists(st.lists(cell, max_size=6), max_size=6))
    return xlsx_bytes([header] + rows)


CSV_UPLOADS = st.tuples(st.sampled_from(["up.csv", "up.txt", "up", "up.tsv"]), mutated_csv())
UPLOADS = st.one_of(
    CSV_UPLOADS, CSV_UPLOADS, CSV_UPLOADS,
    st.tuples(st.sampled_from(["up.csv", "up.xlsx", "up"]), st.binary(max_size=600)),
    st.tuples(st.just("up.xlsx"), mutated_xlsx()),
    st.tuples(st.just("answer.json"), mutated_jsonstat()),
    st.tuples(st.just("answer.json"), mutated_jsonstat()),
    st.tuples(st.just("up.xlsx"), random_sheet()),
)


@given(upload=UPLOADS)  # examples: the profile in tests/conftest.py (fixed 40, or --hypothesis-profile=thorough)
def test_importer_never_crashes_and_never_damages_stored_data(upload):
    name, raw = upload
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        shutil.copytree(FIXTURE_DATA, data)
        before, before_tables = snapshot(data), table_snapshot(data)
        report = plan_import_from_upload(data, name, raw)
        event("refused" if report.refused else "rejected" if report.rejected else
              "applied" if report.can_apply else "nothing to change")
        report.text("sv"), report.text("en"), report.frame("en")  # rendering never fails either
        assert snapshot(data) == before  # planning never writes
        try:
            apply_import(data, report, lock_wait=0.5)
        except ImportProblem as exc:
            assert (exc.code == "nothing_to_apply" and not report.can_apply) or (
                exc.code == "needs_confirmation" and report.confirmations)
            assert table_snapshot(data) == before_tables
        else:  # a clean report always gives a data set that validates (DataError would fail the test)
            assert report.can_apply
            assert load_and_validate(data, imported=True)[1] == []
