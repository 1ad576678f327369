"""Median server-side rerun time of every page on the bundled data (warm caches), via AppTest.

Run: `.venv/bin/python bench/page_reruns.py [--runs N] [--profile FILE]`. Prints one line per page: the
median wall time and the median CPU time of this process per rerun (the server's cost; the wall time also
holds waiting for a CPU on a busy machine), with the load average. `--profile` writes a cProfile of
every timed rerun (read it with `python -m pstats FILE`). A measurement, not a test: nothing here fails.
"""

import argparse
import cProfile
import os
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


def measure(page: str, runs: int, profile: cProfile.Profile | None = None) -> tuple[float, float, float, float]:
    """(median, min, max wall ms, median CPU ms) of warm reruns of one page."""
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=120).run()
    at.switch_page(page).run()  # warm the query cache
    at.run()
    timings, cpu = [], []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        if profile:
            profile.enable()
        at.run()
        if profile:
            profile.disable()
        timings.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    if at.exception:
        raise SystemExit(f"{page}: {at.exception[0].message}")
    return statistics.median(timings), min(timings), max(timings), statistics.median(cpu)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--profile", help="write a cProfile of the timed reruns to this file")
    args = parser.parse_args()
    keep_navigation_mode()
    profile = cProfile.Profile() if args.profile else None
    print(f"{'page':28} {'median ms':>10} {'min ms':>8} {'max ms':>8} {'CPU ms':>8}   (runs={args.runs})")
    cpus = []
    for page in PAGES:
        median, low, high, cpu = measure(page, args.runs, profile)
        cpus.append(cpu)
        print(f"{page:28} {median:10.0f} {low:8.0f} {high:8.0f} {cpu:8.0f}   load {os.getloadavg()[0]:.1f}")
    print(f"CPU per rerun, median over the pages: {statistics.median(cpus):.0f} ms")
    if profile:
        profile.dump_stats(args.profile)


if __name__ == "__main__":
    main()
