"""The Eurostat NUTS 2 extract (data/raw/eurostat_nuts2/) as observation rows and NUTS 2 region rows.

Called by tools/curate_reference.py (the only writer of data/*.csv). The extract is a wide table, one row per
NUTS 2 code and year and one column per Eurostat series (about 18 000 figures): the facts shapes would repeat
the same URL and excerpt on every one, so this reader takes the copy as it is and
``curation/eurostat_nuts2_columns.csv`` says which column is which indicator and dataset.

* Values are taken as they stand in the copy (``3.59`` → 3.59); nothing is computed.
* Only NUTS 2016 level-2 codes are kept (the names list ``nuts2_2016_names.csv``): aggregates (EU28, EA19),
  extra-regio codes (``..ZZ``) and codes of older NUTS versions (FR21, IE01, LT00, …) are left out with their
  reason, so a ranking never mixes levels or versions.
* Each value's source is the Eurostat dataset (the primary source); the copy it was read from is named in
  that source's note (``curation/source_ids.csv``).
"""

from __future__ import annotations

import csv
from pathlib import Path

FOLDER = "eurostat_nuts2"
EXTRACT = "I40_indicator_db.tsv"
NAMES = "nuts2_2016_names.csv"
COLUMNS = "eurostat_nuts2_columns.csv"
EUROSTAT_URL = "https://ec.europa.eu/eurostat/databrowser/view/{dataset}/default/table"
TITLES = {
    "rd_e_gerdreg": "Intramural R&D expenditure (GERD) by sectors of performance and NUTS 2 regions",
    "hrst_st_rcat": "HRST by category and NUTS 2 regions",
    "htec_emp_reg2": "Employment in technology and knowledge-intensive sectors by NUTS 2 regions and sex",
    "rd_p_persreg": "R&D personnel and researchers by sector of performance, sex and NUTS 2 regions",
    "demo_r_d2jan": "Population on 1 January by age, sex and NUTS 2 region",
}
AGGREGATES = {"EU15", "EU27", "EU28", "EA19", "EFTA"}


def read(path: Path, delimiter: str = ",") -> list[dict]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter=delimiter))


def nuts2016(raw_dir: Path) -> dict[str, dict]:
    return {row["nuts_id"]: row for row in read(raw_dir / FOLDER / NAMES)}


def source_url(dataset: str) -> str:
    return EUROSTAT_URL.format(dataset=dataset)


def source_title(dataset: str) -> str:
    return f"Eurostat: {TITLES[dataset]} ({dataset})"


def why_left_out(code: str, known: dict) -> str | None:
    if code in known:
        return None
    if code in AGGREGATES:
        return "Eurostat NUTS 2: an aggregate of countries, not a region"
    if code.endswith(("ZZ", "XX")):
        return "Eurostat NUTS 2: extra-regio or unknown-region code, not a region"
    return "Eurostat NUTS 2: not a NUTS 2016 level-2 code (an older NUTS version's region)"


def figures(raw_dir: Path, curation_dir: Path, skipped: list) -> list[dict]:
    """One dict per kept value: region_code, indicator_id, year, raw (as in the copy), source url and title."""
    known = nuts2016(raw_dir)
    columns = read(curation_dir / COLUMNS)
    out = []
    for line, row in enumerate(read(raw_dir / FOLDER / EXTRACT, delimiter="\t"), start=2):
        code = row["NUTS2"]
        for column in columns:
            raw = (row[column["column"]] or "").strip()
            if not raw:
                continue
            reason = why_left_out(code, known)
            if reason:
                skipped.append((f"{FOLDER}/{EXTRACT}:{line}", column["column"], reason))
                continue
            out.append({"region_code": f"nuts_{code}", "indicator_id": column["indicator_id"],
                        "year": int(row["YEAR"]), "raw": raw, "source_url": source_url(column["dataset"]),
                        "source_title": source_title(column["dataset"])})
    return out


def regions(raw_dir: Path, used: set[str], own: set[str]) -> list[dict]:
    """A region row for every NUTS 2016 code with a kept value, unless curation/regions.csv has its own."""
    rows = []
    for code, name in sorted(nuts2016(raw_dir).items()):
        region_code = f"nuts_{code}"
        if region_code not in used or region_code in own:
            continue
        label = f"{code} {name['name_latn']}"
        local = "" if name["nuts_name"] == name["name_latn"] else f" ({name['nuts_name']})"
        rows.append({"region_code": region_code, "kind": "nuts2", "name_sv": label, "name_en": label,
                     "nuts2": code, "county_code": "", "alf_region": "false", "focus_region": "false",
                     "note": f"NUTS 2-region (NUTS 2016), {name['country']}; namn enligt Eurostat/GISCO{local}"})
    return rows
