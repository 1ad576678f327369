"""Runtime settings, read from the environment each time they are asked for.

Read on each call (not at import) so that tests can point the app at fixture data
with ``monkeypatch.setenv`` even after the package is imported.
"""

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def data_dir() -> Path:
    """Folder holding regions.csv, indicators.csv, sources.csv, observations.csv, goals.csv."""
    return Path(os.environ.get("REGIONSTATS_DATA_DIR", PROJECT_ROOT / "data"))


def queries_dir() -> Path:
    """Folder of the SQL files, one question each."""
    return Path(os.environ.get("REGIONSTATS_QUERIES_DIR", PROJECT_ROOT / "queries"))


def cache_dir() -> Path:
    """Folder where the built DuckDB file is kept between restarts."""
    return Path(os.environ.get("REGIONSTATS_CACHE_DIR", PROJECT_ROOT / ".cache"))


def geojson_path() -> Path:
    """The 21 regions as polygons, for the map page."""
    return PROJECT_ROOT / "regionstats" / "assets" / "swedish_regions.geojson"


def nuts2_geojson_path() -> Path:
    """Europe's NUTS 2016 level-2 regions as polygons (GISCO 1:60 million), for the world page's map."""
    return PROJECT_ROOT / "regionstats" / "assets" / "nuts2_2016_60m.geojson"
