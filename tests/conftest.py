"""Shared fixtures: a tiny hand-written warehouse whose query answers are worked out by hand."""

import hashlib
import os
import shutil
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, settings

from regionstats import config, db

ROOT = Path(__file__).resolve().parent.parent
# tests see every exception (AppTest's at.exception, the browser's exception element); the served
# app shows a friendly message instead (ui/shell.py); tests/test_hostile_* check that message
os.environ.setdefault("REGIONSTATS_RAISE_ERRORS", "1")
FIXTURE_DATA = Path(__file__).resolve().parent / "fixtures" / "data"

# Property tests: `make test` runs a fixed, derandomised set of examples (the same every run, so a failure
# reproduces, and a few seconds long); `pytest --hypothesis-profile=thorough` explores many fresh random
# examples: run it after changing an importer or reader.
settings.register_profile("default", max_examples=20, derandomize=True, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("thorough", max_examples=600, derandomize=False, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("default")


def _scan_installed_components_once() -> None:
    """Every new AppTest scans the metadata of every installed package for Streamlit components
    (streamlit.components.v2, ~160 ms of CPU an AppTest, 70 % of a page's run in a test). The packages
    do not change during a test run, so the scan is made once per process and its answer reused."""
    import functools

    from streamlit.components.v2 import manifest_scanner

    manifest_scanner.scan_component_manifests = functools.cache(manifest_scanner.scan_component_manifests)


_scan_installed_components_once()


def frame(columns: str, rows: list[tuple]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=[c.strip() for c in columns.split(",")])


REGIONS = frame(
    "region_code, kind, name_sv, name_en, nuts2, county_code, alf_region, focus_region, note",
    [
        ("00", "country", "Riket", "Sweden", "SE", None, False, False, None),
        ("01", "county", "Stockholm", "Stockholm", "SE11", "01", True, True, None),
        ("03", "county", "Uppsala", "Uppsala", "SE12", "03", True, True, None),
        ("05", "county", "Östergötland", "Östergötland", "SE12", "05", True, True, None),
        ("14", "county", "Västra Götaland", "Västra Götaland", "SE23", "14", True, False, None),
        ("18", "county", "Örebro", "Örebro", "SE12", "18", True, True, None),
        ("24", "county", "Västerbotten", "Västerbotten", "SE33", "24", True, True, None),
        ("city_x", "city", "Xstad", "Xcity", None, None, False, False, None),
    ],
)


def indicator(id_, unit, direction, category="funding", decimals=0):
    return (id_, f"{id_} sv", f"{id_} en", unit, unit, unit, decimals, direction, category,
            "def sv", "def en", "conv sv", "conv en")


INDICATORS = frame(
    "indicator_id, name_sv, name_en, unit, unit_sv, unit_en, decimals, direction, category, "
    "definition_sv, definition_en, convention_sv, convention_en",
    [
        indicator("money", "msek", "higher"),
        indicator("population", "persons", "higher", "capacity"),
        indicator("score", "percent", "higher", "quality", 1),
        indicator("place", "rank", "lower", "ranking"),
        indicator("citation_avg_clinical_pct", "percent", "higher", "quality"),
        indicator("publications_clinical", "count", "higher", "quality"),
        indicator("publications_clinical_share_pct", "percent", "higher", "quality", 1),
        # the ranking rule's edge cases (queries/models/40_ranked.sql)
        indicator("panels", "count", "higher", "quality"),
        indicator("share", "percent", "higher", "quality"),
        indicator("growth", "percent", "higher", "industry"),
    ],
)

SOURCES = frame(
    "source_id, publisher, title, url, published, accessed, licence, note",
    [("s1", "Pub", "Title", "https://example.org", "2024", pd.Timestamp("2024-01-01").date(), None, None)],
)


def obs(region, ind, year, value=None, text=None, low=None, high=None, status="published", label=None, note=None):
    text = text if text is not None else ("" if value is None else str(value))
    return (region, ind, year, None, None, label, value, text, low, high, status, "s1", note)


OBSERVATIONS = frame(
    "region_code, indicator_id, year, period_start, period_end, period_label, value, value_text, "
    "value_low, value_high, status, source_id, note",
    [
        # population on 31 December; 05 has none for 2020
        obs("00", "population", 2020, 10_000_000),
        obs("01", "population", 2020, 1_000_000),
        obs("01", "population", 2021, 1_100_000),
        obs("03", "population", 2020, 500_000),
        # money in MSEK
        obs("00", "money", 2021, 1000),
        obs("01", "money", 2021, 100),
        obs("03", "money", 2021, 250),
        obs("05", "money", 2021, 40),
        obs("01", "money", 2022, 110),
        obs("18", "money", 2021, None, "x", status="missing"),
        # a higher-is-better percentage with a tie at rank 2
        obs("01", "score", 2020, 9.0),
        obs("03", "score", 2020, 7.0),
        obs("05", "score", 2020, 7.0),
        obs("18", "score", 2020, 5.0),
        obs("24", "score", 2020, 4.0),
        obs("14", "score", 2020, 3.0),
        obs("00", "score", 2020, 6.0),
        # a published rank, one as a band
        obs("01", "place", 2024, 16),
        obs("city_x", "place", 2024, 5),
        obs("03", "place", 2024, None, "351-400", 351, 400),
        # bibliometrics for a period
        obs("01", "citation_avg_clinical_pct", 2019, 11, label="2015–19"),
        obs("03", "citation_avg_clinical_pct", 2019, 9, label="2015–19", status="provisional",
            note="Läst ur ett diagram"),
        obs("01", "publications_clinical", 2019, 100, label="2015–19"),
        obs("03", "publications_clinical", 2019, 50, label="2015–19"),
        obs("03", "publications_clinical_share_pct", 2019, 12.9, "12,9", label="2015–19"),
        # a count with zeros at the floor (as ALF panels graded A): 2, 1, 1, 0, 0, 0
        obs("14", "panels", 2018, 2),
        obs("01", "panels", 2018, 1),
        obs("24", "panels", 2018, 1),
        obs("03", "panels", 2018, 0),
        obs("05", "panels", 2018, 0, status="provisional", note="Härlett ur en lista"),
        obs("18", "panels", 2018, 0, status="provisional", note="Härlett ur en lista"),
        # a tie across fifth place: 9, 8, 7, 6, 5, 5
        obs("01", "share", 2020, 9.0),
        obs("03", "share", 2020, 8.0),
        obs("05", "share", 2020, 7.0),
        obs("14", "share", 2020, 6.0),
        obs("18", "share", 2020, 5.0, status="conflicting", note="Två källor säger 5 och 6"),
        obs("24", "share", 2020, 5.0),
        # a fifth value of 0, and a city that is never ranked among the counties
        obs("01", "growth", 2021, 4.0),
        obs("03", "growth", 2021, 3.0),
        obs("05", "growth", 2021, 2.0),
        obs("14", "growth", 2021, 1.0),
        obs("18", "growth", 2021, 0.0),
        obs("city_x", "growth", 2021, 10.0),
    ],
)

GOALS = frame(
    "goal_id, owner, title_sv, title_en, goal_text, indicator_id, region_code, target_value, "
    "target_comparator, target_year, source_id, note",
    [
        ("top5", "Region Stockholm", "Topp fem", "Top five", "one of the top five", "place", "01", 5.0, "<=", 2025, "s1", None),
        ("score_goal", "Region Örebro län", "Poäng", "Score", "score at least 5", "score", "18", 5.0, ">=", 2030, "s1", None),
        ("unmeasured", "GMS", "Omätbart", "Unmeasured", "a goal", None, None, None, None, None, "s1", None),
    ],
)

TABLES = {
    "regions": REGIONS,
    "indicators": INDICATORS,
    "sources": SOURCES,
    "observations": OBSERVATIONS,
    "goals": GOALS,
}


# Appropriations per inhabitant over time (queries/per_capita.sql with county_appropriations): universities
# whose sum stands in for a county without a published figure of its own. Kept apart from TABLES so the
# other questions' hand-worked answers do not change.
APPROPRIATION_REGIONS = frame(
    "region_code, kind, name_sv, name_en, nuts2, county_code, alf_region, focus_region, note",
    [
        ("uni_k", "university", "K-institutet", "K Institute", "SE11", "01", False, False, None),
        ("uni_s", "university", "S-universitet", "S University", "SE11", "01", False, False, None),
        ("uni_u", "university", "U-universitet", "U University", "SE12", "03", False, False, None),
        ("uni_l", "university", "L-universitet", "L University", "SE12", "05", False, False, None),
    ],
)

APPROPRIATION_INDICATORS = frame(
    "indicator_id, name_sv, name_en, unit, unit_sv, unit_en, decimals, direction, category, "
    "definition_sv, definition_en, convention_sv, convention_en",
    [indicator("appropriation_research_msek", "msek", "higher"),
     indicator("appropriation_research_university_msek", "msek", "higher")],
)

APPROPRIATION_OBSERVATIONS = frame(
    "region_code, indicator_id, year, period_start, period_end, period_label, value, value_text, "
    "value_low, value_high, status, source_id, note",
    [
        obs("00", "population", 2021, 10_000_000),
        obs("03", "population", 2021, 500_000),
        # Riket: its published totals
        obs("00", "appropriation_research_msek", 2021, 1000),
        obs("00", "appropriation_research_msek", 2022, 1100),
        # Stockholm (01): no row of its own; K + S each year, S missing in 2023
        obs("uni_k", "appropriation_research_university_msek", 2021, 60),
        obs("uni_s", "appropriation_research_university_msek", 2021, 40),
        obs("uni_k", "appropriation_research_university_msek", 2022, 66),
        obs("uni_s", "appropriation_research_university_msek", 2022, 66),
        obs("uni_k", "appropriation_research_university_msek", 2023, 70),
        # Uppsala (03): its own published 2021 figure wins over its university's 260; 2022 only the university
        obs("03", "appropriation_research_msek", 2021, 250),
        obs("uni_u", "appropriation_research_university_msek", 2021, 260),
        obs("uni_u", "appropriation_research_university_msek", 2022, 300),
        # Östergötland (05): its own 2021 cell is empty ("x"); the university's 80 stands in
        obs("05", "appropriation_research_msek", 2021, None, "x", status="missing"),
        obs("uni_l", "appropriation_research_university_msek", 2021, 80),
    ],
)

APPROPRIATION_TABLES = {
    **TABLES,
    "regions": pd.concat([REGIONS, APPROPRIATION_REGIONS], ignore_index=True),
    "indicators": pd.concat([INDICATORS, APPROPRIATION_INDICATORS], ignore_index=True),
    "observations": pd.concat([OBSERVATIONS, APPROPRIATION_OBSERVATIONS], ignore_index=True),
}


@pytest.fixture
def appropriation_con():
    """The hand-written warehouse with universities' appropriations (APPROPRIATION_TABLES)."""
    connection = db.connect_in_memory(APPROPRIATION_TABLES)
    yield connection
    connection.close()


@pytest.fixture
def con():
    """The hand-written warehouse, in memory and locked like the real one."""
    connection = db.connect_in_memory(TABLES)
    yield connection
    connection.close()


def share_built_warehouses(monkeypatch, tmp_path: Path) -> None:
    """Point the warehouse cache at one folder per test worker (pytest's base temp of this session).

    A warehouse is named by the fingerprint of its data and models, so a test whose data equals an earlier
    test's opens that build instead of making its own (half the time of the import tests went to
    rebuilding the same fixture data). Tests about the cache itself keep a folder of their own.
    """
    monkeypatch.setenv("REGIONSTATS_CACHE_DIR", str(tmp_path.parent / "shared-warehouses"))


@pytest.fixture
def real_con(tmp_path, monkeypatch):
    """The real data/ built into the worker's warehouse cache."""
    share_built_warehouses(monkeypatch, tmp_path)
    connection = db.connect(config.data_dir())
    yield connection
    connection.close()


@pytest.fixture(scope="session", autouse=True)
def curated_data_only(tmp_path_factory):
    """Tests see the curated data/, never the user's own imports (data/imported/, issue #12).

    Only when data/imported/ exists: the tests then read a copy of data/ without it.
    """
    if not (ROOT / "data" / "imported").exists() or "REGIONSTATS_DATA_DIR" in os.environ:
        yield
        return
    copy = tmp_path_factory.mktemp("curated") / "data"
    shutil.copytree(ROOT / "data", copy, ignore=shutil.ignore_patterns("imported", ".history"))
    os.environ["REGIONSTATS_DATA_DIR"] = str(copy)
    try:
        yield
    finally:
        os.environ.pop("REGIONSTATS_DATA_DIR", None)


@pytest.fixture(autouse=True)
def streamlit_navigation_mode(monkeypatch):
    """Run AppTest the way the server runs after its first request: with st.navigation, not pages/.

    A Streamlit server switches off its legacy pages/ folder mode for good once st.navigation has
    run; AppTest resets that switch before every run, which would run a page without the shell.
    The legacy first request itself is covered by the browser tests.
    """
    from streamlit.runtime.pages_manager import PagesManager

    original = PagesManager.__init__

    def init(self, *args, **kwargs):
        original(self, *args, **kwargs)
        PagesManager.uses_pages_directory = False

    monkeypatch.setattr(PagesManager, "__init__", init)


def digest(folder: Path) -> dict:
    """Every file under folder with the hash of its bytes."""
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def data_untouched():
    """Nothing the module's tests do may change the bundled data (the hostile suites use it)."""
    before = digest(ROOT / "data")
    yield
    assert digest(ROOT / "data") == before
