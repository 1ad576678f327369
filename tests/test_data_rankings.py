"""THE World University Rankings for the Swedish universities from THE's own tables (c3nk's copy,
data/raw/rankings/the_c3nk_2011-2025.csv), cross-checked against every place already read in other sources."""

import csv
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
COPY = ROOT / "data" / "raw" / "rankings" / "the_c3nk_2011-2025.csv"


def rows(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def band(text: str):
    match = re.fullmatch(r"(\d+)\s*[-–]\s*(\d+)", text.strip())
    return (int(match.group(1)), int(match.group(2))) if match else None


def test_every_place_read_elsewhere_agrees_with_thes_table():
    """Where another source gives the same university and edition, the place is the same; an exact place (the
    university's own reading) lies inside THE's band. Sources other than the copy are found by their source id."""
    codes = {r["name"]: r["region_code"] for r in rows(ROOT / "data" / "raw" / "curation" / "names.csv")
             if not r["indicator_id"]}
    copy = {(codes[r["region"]], int(r["year"])): r["value"] for r in rows(COPY) if r["region"] in codes}
    stored = [r for r in rows(ROOT / "data" / "observations.csv") if r["indicator_id"] == "the_world_rank"
              and not r["source_id"].startswith("the_c3nk") and (r["region_code"], int(r["year"])) in copy]
    assert len(stored) >= 70
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
