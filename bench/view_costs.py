"""Where a page's time goes: per page view, the SQL time of its questions and the Python time around them.

Run: `.venv/bin/python bench/view_costs.py --data DIR [--pages oversikt topp-fem]` (DIR: a data folder, such as
the one `bench/scale.py` generates; the bundled data/ by default). For each page it builds the view (as
views/registry.py does, no Streamlit) for the default selection, then for a new home region and a new period,
the way the app's shared cache answers: a question asked before with the same parameters costs nothing. It
prints per page and selection the total, the SQL time (every question not answered before, with its rows) and
the rest, which is Python: pandas and the chart specifications. The slowest questions are listed per step.

This is a measurement, not a test: nothing here fails on a slow figure.
"""

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT / "data")
    parser.add_argument("--pages", nargs="*", help="page slugs (default: every page)")
    parser.add_argument("--top", type=int, default=3, help="slowest questions listed per step")
    args = parser.parse_args()

    from regionstats import db, queries
    from regionstats.selection import Selection
    from regionstats.views import registry

    start = time.perf_counter()
    con = db.connect(args.data)
    print(f"warehouse open in {time.perf_counter() - start:.2f} s; load {os.getloadavg()[0]:.1f}")
    answers: dict = {}
    asked: list = []

    def run(name, **params):
        key = (name, repr(sorted(params.items())))
        if key not in answers:
            begin = time.perf_counter()
            answers[key] = queries.run(con, name, **params)
            asked.append((time.perf_counter() - begin, name, params, len(answers[key])))
        return answers[key].copy()

    default = Selection()
    steps = [("default", default), ("new home", default.replace(home="14")),
             ("new period", default.replace(home="14", year_from=2015, year_to=2019))]
    slugs = args.pages or [page.slug for page in registry.TABLE]
    print(f"{'page':14} {'step':11} {'total':>9} {'SQL':>9} {'Python':>9}  questions")
    for slug in slugs:
        for label, selection in steps:
            asked.clear()
            begin = time.perf_counter()
            registry.build_page(slug, run, selection)
            total = time.perf_counter() - begin
            sql = sum(seconds for seconds, *_ in asked)
            print(f"{slug:14} {label:11} {total * 1000:7.0f} ms {sql * 1000:6.0f} ms {(total - sql) * 1000:6.0f} ms  "
                  f"{len(asked)}")
            for seconds, name, params, rows in sorted(asked, key=lambda a: a[0], reverse=True)[:args.top]:
                shown = ",".join(f"{k}={str(v)[:16]}" for k, v in sorted(params.items()) if v is not None)
                print(f"{'':27}{seconds * 1000:7.0f} ms  {name}({shown}) {rows} rows")
    print(f"load {os.getloadavg()[0]:.1f} at the end")


if __name__ == "__main__":
    main()
