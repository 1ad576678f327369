"""Command line for imports: ``import``, ``fetch scb-population``, ``fetch eurostat DATASET``,
``undo-import``, ``template``, ``import-history``.

Exit codes: 0 done (or nothing to change), 1 the data was rejected or nothing was written
(refused file, rejected rows, another import running, aborted at the question), 2 usage
(a file that does not exist, years or regions that make no sense).
"""

import argparse
import sys
from pathlib import Path

import pandas as pd

from regionstats import config, schema
from regionstats.importing.apply import LOCK_WAIT, apply_import, import_history, undo_last_import
from regionstats.importing.long_template import template_csv
from regionstats.i18n import Both, t
from regionstats.importing.problems import ImportProblem, UploadRefused
from regionstats.importing.readers import MAX_BYTES
from regionstats.importing.report import ImportReport
from regionstats.importing.scb import ScbClient, plan_scb_population
from regionstats.importing.upload import plan_import_from_upload
from regionstats.importing.wide import load_mapping

USAGE_ERROR = 2
REJECTED = 1
YES = ("j", "ja", "y", "yes")


def make_client(lang: str = "sv") -> ScbClient:
    """The SCB client the fetch command uses (tests replace it with one on a fake transport)."""
    return ScbClient()


def make_eurostat_client():
    """The Eurostat client the fetch command uses (tests replace it with one on a fake transport)."""
    from regionstats.importing.eurostat import EurostatClient

    return EurostatClient()


def register(sub, common: argparse.ArgumentParser) -> None:
    """Add the import commands to the main parser's subcommands."""
    imp = sub.add_parser("import", parents=[common],
                         help="import a CSV/XLSX in the long template, a PxWeb table or a saved JSON-stat2 "
                              "answer (.json); a wide table with --mapping")
    imp.add_argument("file", type=Path)
    imp.add_argument("--mapping", type=Path,
                     help="JSON mapping for a wide table (regions as columns) or an agency's long table "
                          "(period and region as labels, such as Tillväxtanalys' PxWeb XLSX)")
    add_write_options(imp)

    fetch = sub.add_parser("fetch", parents=[common], help="fetch figures from SCB's or Eurostat's API")
    fetch.add_argument("what", choices=("scb-population", "eurostat"))
    fetch.add_argument("dataset", nargs="?", help="eurostat: the dataset, e.g. rd_e_gerdreg")
    fetch.add_argument("--geo", help="eurostat: comma-separated NUTS codes (default SE11, SE12, SE33, peers)")
    fetch.add_argument("--filter", action="append", default=[], metavar="DIM=CODE",
                       help="eurostat: keep one code of a dimension, e.g. unit=PC_GDP (repeatable)")
    fetch.add_argument("--from", dest="first_year", type=int, required=True, metavar="YEAR")
    fetch.add_argument("--to", dest="last_year", type=int, required=True, metavar="YEAR")
    fetch.add_argument("--regions", help="comma-separated region codes (default: Riket and all counties)")
    fetch.add_argument("--table", help="SCB table id (default: chosen by year from the tables' metadata, "
                       "TAB638 up to 2024, TAB5557 from 2025)")
    fetch.add_argument("--contents", help="SCB contents code (default: the table's population code, "
                       "e.g. BE0101N1 or 000007ME)")
    add_write_options(fetch)

    undo = sub.add_parser("undo-import", parents=[common], help="undo the last import")
    undo.add_argument("--force", action="store_true", help="undo even if the files changed after the import")
    undo.add_argument("--lock-wait", type=float, default=LOCK_WAIT, help=argparse.SUPPRESS)

    template = sub.add_parser("template", parents=[common], help="write the long template (CSV) to a file")
    template.add_argument("--out", required=True, help="file to write, or - for standard output")

    sub.add_parser("import-history", parents=[common], help="list the imports and undos")


def add_write_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--dry-run", action="store_true", help="show the report, write nothing")
    parser.add_argument("--yes", action="store_true", help="write without asking")
    parser.add_argument("--confirm-warnings", action="store_true",
                        help="accept the warnings that must be confirmed (a year after next year, "
                             "a value that "
                             "halves or doubles); needed with --yes when there are such warnings")
    parser.add_argument("--note", default="", help="a note for the import history")
    parser.add_argument("--lock-wait", type=float, default=LOCK_WAIT,
                        help="seconds to wait for another import to finish (default %(default)s)")


def say(args, key: str, err: bool = False, **values) -> None:
    """Print the catalogue's text import.cli.<key> in the command's language."""
    print(t(f"import.cli.{key}", args.lang, **values), file=sys.stderr if err else sys.stdout)


def data_dir_of(args) -> Path:
    return Path(args.data_dir or config.data_dir())


def cmd_import(args) -> int:
    if not args.file.is_file():
        say(args, "no_file", err=True, file=args.file)
        return USAGE_ERROR
    mapping = None
    if args.mapping is not None:
        if not args.mapping.is_file():
            say(args, "no_mapping", err=True, mapping=args.mapping)
            return USAGE_ERROR
        try:
            mapping = load_mapping(args.mapping.name, args.mapping.read_bytes())
        except ImportProblem as exc:
            print(f"{t('error_prefix', args.lang)}: {exc.message(args.lang)}", file=sys.stderr)
            return USAGE_ERROR
    size = args.file.stat().st_size
    if size > MAX_BYTES:  # refused without reading it
        refused = UploadRefused("too_big", args.file.name, size=size, limit=MAX_BYTES)
        report = ImportReport.refusal(data_dir_of(args), args.file.name, refused.issue(), lang=args.lang)
    else:
        report = plan_import_from_upload(data_dir_of(args), args.file.name, args.file.read_bytes(), args.lang,
                                         mapping)
    return finish(args, report)


def years_in_range(args) -> bool:
    """--from/--to within the data's year range, from ≤ to; else one line on stderr."""
    low, high = schema.YEAR_RANGE
    if low <= args.first_year <= args.last_year <= high:
        return True
    detail = {"low": low, "high": high, "first": args.first_year, "last": args.last_year}
    print(f"{t('error_prefix', args.lang)}: {t('import.problem.scb_years', args.lang, **detail)}", file=sys.stderr)
    return False


def cmd_fetch(args) -> int:
    if args.what == "eurostat":
        return cmd_fetch_eurostat(args)
    if not years_in_range(args):
        return USAGE_ERROR
    regions = None
    if args.regions:
        regions = [r.strip() for r in args.regions.split(",") if r.strip()]
        if not regions or not all(r.isdigit() and len(r) == 2 for r in regions):
            say(args, "bad_regions", err=True, regions=args.regions)
            return USAGE_ERROR
    try:
        report = plan_scb_population(data_dir_of(args), args.first_year, args.last_year, regions,
                                     make_client(args.lang), args.lang, args.table, contents=args.contents)
    except ImportProblem as exc:
        print(exc.message(args.lang), file=sys.stderr)
        return REJECTED
    except ValueError as exc:  # a table id that cannot be one
        print(f"{t('error_prefix', args.lang)}: {exc}", file=sys.stderr)
        return USAGE_ERROR
    return finish(args, report)


def cmd_fetch_eurostat(args) -> int:
    from regionstats.importing.eurostat import EurostatError, plan_eurostat

    if not years_in_range(args):
        return USAGE_ERROR
    if not args.dataset:
        example = "fetch eurostat rd_e_gerdreg --from 2019 --to 2023"
        say(args, "no_dataset", err=True, example=example)
        return USAGE_ERROR
    geo = [g.strip().upper() for g in args.geo.split(",") if g.strip()] if args.geo else None
    filters = {}
    for item in args.filter:
        key, _, value = item.partition("=")
        if not key or not value:
            say(args, "bad_filter", err=True, item=item)
            return USAGE_ERROR
        filters[key.strip()] = value.strip()
    try:
        report = plan_eurostat(data_dir_of(args), args.dataset, geo, args.first_year, args.last_year,
                               make_eurostat_client(), args.lang, filters)
    except EurostatError as exc:
        print(exc.message(args.lang), file=sys.stderr)
        return USAGE_ERROR if exc.code in ("eurostat_dataset", "eurostat_code") else REJECTED
    return finish(args, report)


def finish(args, report) -> int:
    """Show the report; on a clean report and confirmation, write it."""
    if not report.ok:
        print(report.text(args.lang), file=sys.stderr)
        return REJECTED
    print(report.text(args.lang))
    if not report.can_apply:
        say(args, "nothing_to_change")
        return 0
    if args.dry_run:
        say(args, "dry_run")
        return 0
    if not args.yes and not confirm(args, data_dir_of(args)):
        print(t("import.problem.aborted", args.lang), file=sys.stderr)
        return REJECTED
    confirmed = args.confirm_warnings
    if report.confirmations and not confirmed:
        if args.yes:
            say(args, "unconfirmed", err=True)
            return REJECTED
        confirmed = confirm(args, data_dir_of(args), warnings=len(report.confirmations))
        if not confirmed:
            print(t("import.problem.aborted", args.lang), file=sys.stderr)
            return REJECTED
    try:
        entry = apply_import(data_dir_of(args), report, note=args.note, lock_wait=args.lock_wait,
                             confirmed=confirmed)
    except ImportProblem as exc:
        print(exc.message(args.lang), file=sys.stderr)
        return exc.exit_code
    say(args, "imported", id=entry["id"])
    return 0


def confirm(args, data_dir: Path, warnings: int = 0) -> bool:
    """Ask on standard input; no answer (no stdin, end of input) is no."""
    prompt = t("import.cli.confirm", args.lang, data_dir=data_dir)
    if warnings:
        prompt = t("import.cli.confirm_warnings", args.lang, warnings=warnings)
    print(prompt, end="", flush=True)
    try:
        answer = sys.stdin.readline() if sys.stdin is not None else ""
    except (OSError, ValueError):
        answer = ""
    return answer.strip().lower() in YES


def cmd_undo(args) -> int:
    try:
        entry = undo_last_import(data_dir_of(args), lock_wait=args.lock_wait, force=args.force)
    except ImportProblem as exc:
        print(exc.message(args.lang), file=sys.stderr)
        return exc.exit_code
    say(args, "undone", undoes=entry["undoes"], file=entry["file"])
    return 0


def cmd_template(args) -> int:
    data = template_csv(args.lang)
    if args.out == "-":
        sys.stdout.buffer.write(data)
        return 0
    out = Path(args.out)
    if out.is_dir():
        say(args, "out_is_folder", err=True, out=out, example=Both(str(out / "mall.csv"), str(out / "template.csv")))
        return USAGE_ERROR
    if not out.parent.is_dir():
        say(args, "no_folder", err=True, folder=out.parent)
        return USAGE_ERROR
    try:
        out.write_bytes(data)
    except OSError as exc:
        say(args, "write_failed", err=True, out=out, reason=exc.strerror or exc)
        return REJECTED
    say(args, "template_written", out=out)
    return 0


def cmd_history(args) -> int:
    frame = import_history(data_dir_of(args))
    if frame.empty:
        say(args, "no_imports")
        return 0
    with pd.option_context("display.max_rows", None, "display.max_columns", None, "display.width", 200):
        print(frame.drop(columns=["sha256"]).to_string(index=False))
    return 0


COMMANDS = {"import": cmd_import, "fetch": cmd_fetch, "undo-import": cmd_undo, "template": cmd_template,
            "import-history": cmd_history}
