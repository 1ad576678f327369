"""What each statement of the warehouse build costs: generates N observations (bench/scale.py's data, its store
rule) in a temporary folder, builds the warehouse (db.build_database) with every `con.execute` timed, and prints
the total and the slowest statements. A measurement, not a test.

Run: `.venv/bin/python bench/build_costs.py --n 1000000 [--top 12]` (print `cat /proc/loadavg` beside it).
"""

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import duckdb  # noqa: E402

import scale  # noqa: E402
from regionstats import db  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=1_000_000)
    parser.add_argument("--top", type=int, default=12)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp())
    try:
        scale.generate(args.n, folder)
        original = duckdb.DuckDBPyConnection.execute
        times = []

        def timed(self, query, *rest, **named):
            start = time.perf_counter()
            result = original(self, query, *rest, **named)
            times.append((time.perf_counter() - start, " ".join(query.split())[:100]))
            return result

        duckdb.DuckDBPyConnection.execute = timed
        start = time.perf_counter()
        db.build_database(folder, folder / "warehouse.duckdb")
        print(f"build of {args.n:,} observations: {time.perf_counter() - start:.2f} s")
        for seconds, query in sorted(times, reverse=True)[:args.top]:
            print(f"{seconds:7.2f} s  {query}")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
