"""THE and ARWU places of the Swedish universities from the publishers' own tables (copies in data/raw/rankings/:
c3nk's THE 2011–2025; ARWU 2012–2015, 2020, 2024–2025 from three repositories; QS 2024–2025), cross-checked against every place
already read in other sources."""

import csv
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
COPIES = {"the_world_rank": (ROOT / "data" / "raw" / "rankings" / "the_c3nk_2011-2025.csv", ("the_c3nk",), 70),
          "arwu_world_rank": (ROOT / "data" / "raw" / "rankings" / "arwu_copies_2012-2025.csv",
                              ("arwu_alexsa", "arwu_edomt", "arwu_plymouth"), 15),
          "qs_world_rank": (ROOT / "data" / "raw" / "rankings" / "qs_dreamdiploma_2024-2025.csv", ("qs_dreamdiploma",), 3)}


def rows(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def band(text: str):
    match = re.fullmatch(r"(\d+)\s*[-–]\s*(\d+)", text.strip())
    return (int(match.group(1)), int(match.group(2))) if match else None


@pytest.mark.parametrize("indicator", sorted(COPIES))
def test_every_place_read_elsewhere_agrees_with_the_publishers_table(indicator):
    """Where another source gives the same university and edition, the place is the same; an exact place (the
    university's own reading) lies inside the table's band. Other sources are told apart by their source id."""
    path, prefixes, at_least = COPIES[indicator]
    codes = {r["name"]: r["region_code"] for r in rows(ROOT / "data" / "raw" / "curation" / "names.csv")
             if not r["indicator_id"]}
    copy = {(codes[r["region"]], int(r["year"])): r["value"] for r in rows(path) if r["region"] in codes}
    stored = [r for r in rows(ROOT / "data" / "observations.csv") if r["indicator_id"] == indicator
              and not r["source_id"].startswith(prefixes) and (r["region_code"], int(r["year"])) in copy]
    assert len(stored) >= at_least
    for r in stored:
        theirs = copy[(r["region_code"], int(r["year"]))]
        if band(theirs) and not band(r["value_text"]):
            low, high = band(theirs)
            assert low <= float(r["value"]) <= high, r
        elif band(theirs):
            assert band(r["value_text"]) == band(theirs), r
        else:
            assert r["value_text"] == theirs, r


def test_the_copy_fills_the_swedish_editions_2014_to_2025():
    observations = rows(ROOT / "data" / "observations.csv")
    cells = {(r["region_code"], int(r["year"])) for r in observations if r["indicator_id"] == "the_world_rank"}
    for code in ("uni_ki", "uni_uu", "uni_lu", "uni_su", "uni_kth", "uni_gu", "uni_chalmers", "uni_umu", "uni_liu"):
        assert all((code, year) in cells for year in range(2014, 2026)), code
    assert all(("uni_oru", year) in cells for year in range(2016, 2026))


def test_every_university_edition_in_a_copy_has_a_place_in_the_data():
    codes = {r["name"]: r["region_code"] for r in rows(ROOT / "data" / "raw" / "curation" / "names.csv")
             if not r["indicator_id"]}
    observations = rows(ROOT / "data" / "observations.csv")
    for indicator, (path, _, _) in COPIES.items():
        cells = {(r["region_code"], int(r["year"])) for r in observations if r["indicator_id"] == indicator}
        wanted = {(codes[r["region"]], int(r["year"])) for r in rows(path) if r["region"] in codes}
        assert wanted <= cells, sorted(wanted - cells)
        assert len(wanted) >= (16 if indicator == "qs_world_rank" else 60)
