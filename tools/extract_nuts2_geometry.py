"""One-off: the NUTS 2016 level-2 regions (names and 1:60 million boundaries) out of rOpenGov/eurostat's
``data/eurostat_geodata_60_2016.rda`` (GISCO's NUTS 2016, © EuroGeographics for the administrative boundaries).

Writes ``data/raw/eurostat_nuts2/nuts2_2016_names.csv`` and ``regionstats/assets/nuts2_2016_60m.geojson``.
Not run by the app, the tests or curation (they read the two files): it needs the ``rdata`` package, which the
project does not install (``pip install rdata==1.1.0`` in a throw-away environment), and the .rda file::

    git -C <rOpenGov/eurostat clone> show 3a6e48fdeb8ee8540143191e40b987e09ad8ff15:data/eurostat_geodata_60_2016.rda > geo.rda
    python tools/extract_nuts2_geometry.py geo.rda
"""

import csv
import json
import sys
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main(rda: str) -> None:
    import rdata  # noqa: PLC0415  (only for this one-off)

    warnings.filterwarnings("ignore")  # rdata warns about sf's classes, whose plain lists are what is read here
    table = rdata.conversion.SimpleConverter().convert(rdata.parser.parse_file(rda))["eurostat_geodata_60_2016"]
    level2 = table[table.LEVL_CODE == 2].sort_values("NUTS_ID")
    names, features = [], []
    for _, row in level2.iterrows():
        names.append([str(row.NUTS_ID), str(row.CNTR_CODE), str(row.NAME_LATN), str(row.NUTS_NAME)])
        polygons = [[[[float(x), float(y)] for x, y in ring] for ring in polygon] for polygon in row.geometry]
        features.append({"type": "Feature", "properties": {"id": str(row.NUTS_ID), "na": str(row.NAME_LATN)},
                         "geometry": {"type": "MultiPolygon", "coordinates": polygons}})
    with (ROOT / "data/raw/eurostat_nuts2/nuts2_2016_names.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["nuts_id", "country", "name_latn", "nuts_name"])
        writer.writerows(names)
    (ROOT / "regionstats/assets/nuts2_2016_60m.geojson").write_text(
        json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False, separators=(",", ":")),
        encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1])
