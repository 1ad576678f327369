"""Command line: ``python -m regionstats query|check|sources``, and the imports (``importing/commands.py``).

Bad names or parameters print one clear line and exit with code 2; a data folder that
does not validate prints every issue and exits with code 1. No traceback reaches the user:
output cut short by a reader that stopped (``| head``) ends quietly, and anything unexpected
is one line naming the error (set ``REGIONSTATS_RAISE_ERRORS=1`` to see the traceback).
"""

import argparse
import json
import os
import sys
from pathlib import Path

import pandas as pd

from regionstats import config, db, queries, version_commands
from regionstats.export import commands as export_commands
from regionstats.i18n import DEFAULT_LANGUAGE, LANGUAGES, t
from regionstats.importing import commands as import_commands
from regionstats.validate import DataError, load_and_validate

USAGE_ERROR = 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m regionstats", description=__doc__.splitlines()[0])
    add_common_options(parser, defaults=True)
    common = argparse.ArgumentParser(add_help=False)
    add_common_options(common, defaults=False)
    sub = parser.add_subparsers(dest="command", required=True)

    query = sub.add_parser("query", parents=[common], help="run queries/NAME.sql")
    query.add_argument("name")
    query.add_argument("--param", action="append", default=[], metavar="KEY=VALUE",
                       help="a named parameter; lists are comma-separated; repeatable")
    query.add_argument("--format", choices=("table", "csv", "json"), default="table")

    sub.add_parser("check", parents=[common], help="validate the data folder")
    sub.add_parser("sources", parents=[common], help="list the sources")
    sub.add_parser("queries", parents=[common], help="list the queries with their parameters")
    import_commands.register(sub, common)
    export_commands.register(sub, common)
    version_commands.register(sub, common)
    return parser


def add_common_options(parser: argparse.ArgumentParser, defaults: bool) -> None:
    """--data-dir and --lang work before or after the command word."""
    keep = {} if defaults else {"default": argparse.SUPPRESS}
    parser.add_argument("--data-dir", type=Path, help="data folder (default: data/ or $REGIONSTATS_DATA_DIR)",
                        **({"default": None} if defaults else keep))
    parser.add_argument("--lang", choices=LANGUAGES, help="language of messages",
                        **({"default": DEFAULT_LANGUAGE} if defaults else keep))


def parse_params(query: queries.Query, pairs: list[str]) -> dict:
    params = {}
    for pair in pairs:
        key, sep, raw = pair.partition("=")
        if not sep or not key:
            raise queries.QueryError("bad_value", name=pair, type="KEY=VALUE", value=pair)
        params[key.strip()] = queries.coerce(query, key.strip(), raw.strip())
    return params


def render(frame: pd.DataFrame, fmt: str) -> str:
    if fmt == "csv":
        return frame.to_csv(index=False)
    if fmt == "json":
        return frame.to_json(orient="records", force_ascii=False, date_format="iso", indent=1)
    with pd.option_context("display.max_rows", None, "display.max_columns", None, "display.width", 200):
        return frame.to_string(index=False)


def cmd_query(args) -> int:
    query = queries.load(args.name)
    params = parse_params(query, args.param)
    frame = queries.run(db.connect(args.data_dir), args.name, **params)
    print(render(frame, args.format))
    return 0


def cmd_check(args) -> int:
    data_dir = args.data_dir or config.data_dir()
    tables, issues = load_and_validate(data_dir, imported=True)
    for issue in issues:
        print(issue.message(args.lang), file=sys.stderr)
    if issues:
        return 1
    counts = ", ".join(f"{name}: {len(t.rows)}" for name, t in tables.items())
    print(f"OK: {counts}")
    return 0


def cmd_sources(args) -> int:
    frame = queries.run(db.connect(args.data_dir), "sources")
    columns = ["source_id", "publisher", "title", "url", "accessed", "n_observations"]
    print(render(frame[columns], "table"))
    return 0


def cmd_queries(args) -> int:
    for name in queries.available():
        query = queries.load(name)
        params = ", ".join(f"${p.name}{'?' if p.optional else ''}" for p in query.params)
        print(f"{name}({params}): {query.purpose}")
    return 0


COMMANDS = {"query": cmd_query, "check": cmd_check, "sources": cmd_sources, "queries": cmd_queries,
            **import_commands.COMMANDS, **export_commands.COMMANDS, **version_commands.COMMANDS}


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    lang = getattr(args, "lang", "sv")
    try:
        return COMMANDS[args.command](args)
    except queries.QueryError as exc:
        print(f"{t('error_prefix', lang)}: {exc.message(lang)}", file=sys.stderr)
        return USAGE_ERROR
    except DataError as exc:
        for message in exc.messages(lang):
            print(message, file=sys.stderr)
        return 1
    except BrokenPipeError:
        return quiet_after_broken_pipe()
    except Exception as exc:  # RecursionError included
        if os.environ.get("REGIONSTATS_RAISE_ERRORS") == "1":
            raise
        what = f"{type(exc).__name__}: {exc}"[:300]
        print(t("cli_internal_error", lang, error=what), file=sys.stderr)
        return 1


def quiet_after_broken_pipe() -> int:
    """The reader of our output went away (``| head``): stop without a traceback.

    Python would complain again when it flushes stdout at exit, so stdout points at
    /dev/null from here on (as the Python docs advise for SIGPIPE).
    """
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
    return 1
