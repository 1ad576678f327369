"""Property: random and mutated uploads never crash the importer and never damage stored data on failure."""

import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from test_import_support import FIXTURE_DATA, snapshot, table_snapshot, xlsx_bytes

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


CSV_UPLOADS = st.tuples(st.sampled_from(["up.csv", "up.txt", "up", "up.tsv"]), mutated_csv())
UPLOADS = st.one_of(
    CSV_UPLOADS, CSV_UPLOADS, CSV_UPLOADS,
    st.tuples(st.sampled_from(["up.csv", "up.xlsx", "up"]), st.binary(max_size=600)),
    st.tuples(st.just("up.xlsx"), mutated_xlsx()),
)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(upload=UPLOADS)
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
            assert exc.code == "nothing_to_apply" and not report.can_apply
            assert table_snapshot(data) == before_tables
        else:  # a clean report always gives a data set that validates (DataError would fail the test)
            assert report.can_apply
            assert load_and_validate(data)[1] == []
