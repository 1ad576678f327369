"""Command line for the data versions: ``python -m regionstats changes [--since DATE|VERSION]`` and
``python -m regionstats snapshot`` (record the curated data as a version, e.g. after tools/curate_reference.py).

    python -m regionstats changes --since 2026-10-01 --home 18 --lang en

Exit codes: 0 printed or recorded, 2 a --since that names no recorded version (or nothing to compare with).
"""

import argparse
import sys
from functools import partial
from pathlib import Path

import pandas as pd

from regionstats import config, db, queries, versions
from regionstats.i18n import t
from regionstats.selection import DEFAULT_HOME, FOCUS_REGIONS, Selection
from regionstats.views import Context
from regionstats.views import changes as changes_view

USAGE_ERROR = 2


def register(sub, common: argparse.ArgumentParser) -> None:
    changes = sub.add_parser("changes", parents=[common], help="what changed since a recorded data version")
    changes.add_argument("--since", help="a date (YYYY-MM-DD: the version in force that day) or a data version "
                                         "(default: the version before the last change)")
    changes.add_argument("--home", default=DEFAULT_HOME, help=f"home region code, listed first (default {DEFAULT_HOME})")
    changes.add_argument("--format", choices=("table", "csv"), default="table")
    sub.add_parser("snapshot", parents=[common], help="record the current data as a data version (after curation)")


def cmd_changes(args) -> int:
    lang = getattr(args, "lang", "sv") or "sv"
    data_dir = Path(args.data_dir or config.data_dir())
    ctx = Context(partial(queries.run, db.connect(data_dir)), Selection(lang=lang, home=args.home,
                                                                       regions=FOCUS_REGIONS))
    if args.home not in ctx.regions.index:
        print(f"{t('error_prefix', lang)}: {t('cli_bad_home', lang, code=args.home)}", file=sys.stderr)
        return USAGE_ERROR
    try:
        comparison = changes_view.compare(ctx, data_dir, since=args.since)
    except versions.VersionError as problem:
        print(f"{t('error_prefix', lang)}: {changes_view.version_problem(problem, lang)}", file=sys.stderr)
        return USAGE_ERROR
    table = changes_view.worded(ctx, comparison.rows)
    if args.format == "csv":
        print(table.to_csv(index=False), end="")
        return 0
    print(changes_view.compared_note(ctx, comparison))
    if table.empty:
        print(t("cli_changes_none", lang))
        return 0
    with pd.option_context("display.max_rows", None, "display.max_columns", None, "display.width", 250,
                           "display.max_colwidth", 40):
        print(table.to_string(index=False))
    return 0


def cmd_snapshot(args) -> int:
    lang = getattr(args, "lang", "sv") or "sv"
    version = versions.record_curation(Path(args.data_dir or config.data_dir()))
    print(t("cli_snapshot_recorded", lang, version=version.version, date=version.date,
            made_by=t(f"changes_made_by_{version.made_by}", lang)))
    return 0


COMMANDS = {"changes": cmd_changes, "snapshot": cmd_snapshot}
