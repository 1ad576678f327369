"""Median server-side rerun time of every page on the bundled data (warm caches), via AppTest.

Run: `make bench` (or .venv/bin/python bench/page_reruns.py [--runs N]). Prints one line per page;
the target is a median under 300 ms. This is a measurement, not a test: nothing here fails.
"""

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from streamlit.runtime.pages_manager import PagesManager  # noqa: E402
from streamlit.testing.v1 import AppTest  # noqa: E402

from regionstats.views import registry  # noqa: E402

PAGES = [page.file for page in registry.TABLE]


def keep_navigation_mode() -> None:
    """Measure the server's steady state: st.navigation, not the legacy pages/ mode (see tests/conftest.py)."""
    original = PagesManager.__init__

    def init(self, *args, **kwargs):
        original(self, *args, **kwargs)
        PagesManager.uses_pages_directory = False

    PagesManager.__init__ = init


def measure(page: str, runs: int) -> tuple[float, float, float]:
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=120).run()
    at.switch_page(page).run()  # warm the query cache
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        at.run()
        timings.append((time.perf_counter() - start) * 1000)
    if at.exception:
        raise SystemExit(f"{page}: {at.exception[0].message}")
    return statistics.median(timings), min(timings), max(timings)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    keep_navigation_mode()
    print(f"{'page':28} {'median ms':>10} {'min ms':>8} {'max ms':>8}   (runs={args.runs}, target median < 300 ms)")
    for page in PAGES:
        median, low, high = measure(page, args.runs)
        flag = "" if median < 300 else "  <- over target"
        print(f"{page:28} {median:10.0f} {low:8.0f} {high:8.0f}{flag}")


if __name__ == "__main__":
    main()
