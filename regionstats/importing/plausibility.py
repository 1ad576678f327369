"""The plausibility guard: incoming values that must be confirmed because they do not fit their series.

The rule is SQL (``queries/models/90_import_plausibility.sql``, the table macro
``import_plausibility``): a population against the stored neighbouring years and the sum of its
parts, an amount against its series' recent range, a changed value against the one it replaces.
Here the stored observations and the report's added and changed rows are put into an in-memory
DuckDB (the tables the warehouse has, with only the columns the rule reads), the macro is run,
and every row it returns becomes a confirmation with its reason.
"""

import duckdb
import pandas as pd

from regionstats import config
from regionstats.i18n import Both
from regionstats.importing.problems import ImportIssue
from regionstats.importing.readers import format_number

MODEL = "90_import_plausibility.sql"


def rule_sql() -> str:
    return (config.queries_dir() / "models" / MODEL).read_text(encoding="utf-8")


def incoming_frame(changes: list) -> pd.DataFrame:
    """The added and changed rows as the macro reads them."""
    records = [{"line": c.line, "region_code": c.key[0], "indicator_id": c.key[1], "year": int(c.key[2]),
                "value": float(c.new["value"]) if c.new.get("value") not in (None, "") else None, "kind": c.kind}
               for c in changes if c.kind in ("added", "changed")]
    columns = ["line", "region_code", "indicator_id", "year", "value", "kind"]
    return pd.DataFrame(records, columns=columns).astype({"line": "int64", "year": "int64", "value": "float64"})


def stored_tables(known) -> dict[str, pd.DataFrame]:
    """observations, regions and indicators from the report's lookups (``report.Known``)."""
    observations = pd.DataFrame(
        [{"region_code": k[0], "indicator_id": k[1], "year": int(k[2]), "value": o.get("value")}
         for k, o in known.observations.items()],
        columns=["region_code", "indicator_id", "year", "value"]).astype({"year": "int64", "value": "float64"})
    regions = pd.DataFrame([{"region_code": c, "kind": r.get("kind")} for c, r in known.regions.items()],
                           columns=["region_code", "kind"])
    indicators = pd.DataFrame([{"indicator_id": i, "unit": d.get("unit")} for i, d in known.indicators.items()],
                              columns=["indicator_id", "unit"])
    return {"observations": observations, "regions": regions, "indicators": indicators}


def failed_checks(known, changes: list) -> pd.DataFrame:
    """The rows of import_plausibility for these changes (empty when there is nothing to check)."""
    incoming = incoming_frame(changes)
    if incoming.empty:
        return pd.DataFrame()
    con = duckdb.connect()
    try:
        for name, frame in stored_tables(known).items():
            con.register(f"{name}_frame", frame)
            con.execute(f"create table {name} as select * from {name}_frame")
        con.register("incoming_rows", incoming)
        con.execute(rule_sql())
        return con.execute("from import_plausibility('incoming_rows')").df()
    finally:
        con.close()


def plausibility_confirmations(known, changes: list, file_name: str) -> list[ImportIssue]:
    """One confirmation per failed check, with the reason in both languages."""
    out = []
    for row in failed_checks(known, changes).itertuples(index=False):
        key = f"{row.region_code}/{row.indicator_id}/{row.year}"
        out.append(ImportIssue(file_name, int(row.line), "value", row.check_code, detail(row, key)))
    return out


def detail(row, key: str) -> dict:
    value = format_number(float(row.value))
    if row.check_code == "implausible_change":
        return {"key": key, "old": format_number(float(row.reference_value)), "new": value}
    if row.check_code == "population_neighbour":
        share = round(100 * float(row.value) / float(row.reference_value))
        return {"key": key, "value": value, "reference": format_number(float(row.reference_value)),
                "reference_year": int(row.reference_year), "share": Both(f"{share} %", f"{share}%")}
    if row.check_code == "sum_of_parts":
        return {"year": int(row.year), "counties": format_number(float(row.low)),
                "country": format_number(float(row.reference_value))}
    return {"key": key, "value": value, "low": format_number(float(row.low)),
            "high": format_number(float(row.high))}
