"""Command line for the monthly reports: ``python -m regionstats export slides|pdf|xlsx|followup ...``.

    python -m regionstats export slides --regions 01,03,18 --years 2019-2021 \\
        --pages oversikt,finansiering --lang sv --out rapport.pptx
    python -m regionstats export followup --strategy stockholm --lang sv --out uppfoljning.docx

Exit codes: 0 written, 1 could not be made (no Chromium for images/PDF, the server for the PDF
did not start), 2 usage (an unknown page, region or year).
"""

import argparse
import sys
from functools import partial
from pathlib import Path

from regionstats import config, db, queries
from regionstats.export import images
from regionstats.i18n import t
from regionstats.selection import RIKET, Selection, from_query_params
from regionstats.views.registry import PAGES, build_page

USAGE_ERROR = 2
FAILED = 1
FORMATS = ("slides", "pdf", "xlsx", "followup")


def register(sub, common: argparse.ArgumentParser) -> None:
    """Add the export command to the main parser's subcommands."""
    export = sub.add_parser("export", parents=[common], description=__doc__.splitlines()[0],
                            help="write a slide deck (PPTX), a page as PDF, XLSX, or a strategy's yearly "
                                 "follow-up (DOCX)")
    export.add_argument("format", choices=FORMATS)
    export.add_argument("--regions", help="comma-separated region codes, e.g. 01,03,18,00 (00 = Riket); "
                                          "default: the five focus regions and Riket")
    export.add_argument("--home", help="home region code, drawn in its own colour (default 18)")
    export.add_argument("--years", help="YYYY or YYYY-YYYY (default: the latest year of each indicator)")
    export.add_argument("--pages", default="oversikt",
                        help=f"comma-separated pages: {', '.join(PAGES)} (default oversikt; pdf takes one)")
    export.add_argument("--out", required=True, type=Path, help="the file to write")
    export.add_argument("--strategy", help="followup: the strategy, by the first word of its goals' ids "
                                           "(stockholm, orebro, gms, atmp)")
    export.add_argument("--url",
                        help="pdf: a running dashboard to print from (default: start one on a free port)")


def selection_from_args(args, run) -> Selection:
    """The Selection the options describe; ValueError with a clear sentence if they make no sense."""
    lang = getattr(args, "lang", "sv") or "sv"
    regions = run("regions")
    indicators = run("indicators")
    years = sorted({int(y) for ys in indicators["years"].dropna() for y in ys})
    params = {"lang": lang}
    # the same choices as the app's sidebar: counties and Riket; the home region is a county
    counties = set(regions.region_code[regions.kind == "county"])
    if args.regions:
        codes = [c.strip() for c in args.regions.split(",") if c.strip()]
        unknown = [c for c in codes if c not in counties | {RIKET}]
        if unknown or not codes:
            raise ValueError(t("cli_bad_regions", lang, codes=", ".join(unknown) or "—"))
        params["regions"] = ",".join(codes)
    if args.home:
        if args.home not in counties:
            raise ValueError(t("cli_bad_home", lang, code=args.home))
        params["home"] = args.home
    if args.years:
        params["years"] = args.years
    parsed = from_query_params(params, set(regions.region_code), set(indicators.indicator_id),
                               (years[0], years[-1]))
    for key, raw in parsed.ignored:
        if key == "years":
            raise ValueError(t("cli_bad_years", lang, first=years[0], last=years[-1], value=raw))
        raise ValueError(t("cli_bad_regions", lang, codes=raw))
    return parsed.selection


def page_list(raw: str, lang: str) -> list[str]:
    slugs = [s.strip() for s in raw.split(",") if s.strip()]
    for slug in slugs:
        if slug not in PAGES:
            raise ValueError(t("cli_unknown_page", lang, page=slug, known=", ".join(PAGES)))
    if not slugs:
        raise ValueError(t("cli_unknown_page", lang, page=raw, known=", ".join(PAGES)))
    return slugs


def xlsx_for_pages(run, selection: Selection, slugs: list[str], data_version: str) -> bytes:
    """One sheet per chart and table of the pages, and the sources sheet."""
    from regionstats.export import tables

    sheets = []
    for slug in slugs:
        view = build_page(slug, run, selection)
        for item in list(view.charts) + list(view.tables):
            sheets.append(tables.Sheet(item.data, item.title, item.source_note, list(item.notes), item.key))
    return tables.workbook_bytes(sheets, lang=selection.lang, sources=run("sources"),
                                 data_version=data_version)


def memoised(run):
    """``run`` answering each (query, parameters) once per command: a deck of every page asks the
    catalogues and shared questions again for each page. Callers get a shallow copy (copy-on-write)."""
    answers = {}

    def cached(name: str, **params):
        key = (name, tuple(sorted((k, tuple(v) if isinstance(v, list) else v) for k, v in params.items())))
        if key not in answers:
            answers[key] = run(name, **params)
        return answers[key].copy(deep=False)

    return cached


def cmd_export(args) -> int:
    from regionstats.export import pdf, slides  # python-pptx and Playwright load only for this command

    lang = getattr(args, "lang", "sv") or "sv"
    data_dir = args.data_dir or config.data_dir()
    run = memoised(partial(queries.run, db.connect(data_dir)))
    try:
        selection = selection_from_args(args, run)
        slugs = page_list(args.pages, lang)
        if args.format == "pdf" and len(slugs) != 1:
            raise ValueError(t("cli_pdf_one_page", lang, pages=", ".join(slugs)))
        if args.format == "followup":
            check_strategy(run, args.strategy, lang)
        check_out(args.out, lang)
    except ValueError as exc:
        print(f"{t('error_prefix', lang)}: {exc}", file=sys.stderr)
        return USAGE_ERROR
    version = db.data_fingerprint(data_dir)
    try:
        if args.format == "slides":
            images.warm()  # the browser starts while the pages are built
            data = slides.build_deck(run, selection, slugs, data_version=version)
        elif args.format == "xlsx":
            data = xlsx_for_pages(run, selection, slugs, version)
        elif args.format == "followup":
            from regionstats.export import followup

            data = followup.build_document(run, args.strategy, lang, data_version=version)
        else:
            env = {"REGIONSTATS_DATA_DIR": str(Path(data_dir).resolve())}
            expected = len(build_page(slugs[0], run, selection).charts)
            data = pdf.page_pdf(slugs[0], selection, base_url=args.url, env=env, expected_charts=expected)
    except images.ChromiumMissing as missing:
        print(missing.message(lang), file=sys.stderr)
        return FAILED
    except pdf.ServerFailed as failed:
        print(t("cli_server_failed", lang, detail=str(failed)), file=sys.stderr)
        return FAILED
    finally:
        images.stop()
    try:
        args.out.write_bytes(data)
    except OSError as exc:  # a full disk (/dev/full), no permission, a folder that went away
        print(f"{t('error_prefix', lang)}: "
              f"{t('cli_write_failed', lang, path=args.out, reason=exc.strerror or exc)}", file=sys.stderr)
        return FAILED
    print(t("cli_written", lang, path=args.out, size=len(data)))
    return 0


def check_strategy(run, strategy: str | None, lang: str) -> None:
    """--strategy names a strategy of data/goals.csv: ValueError otherwise."""
    from regionstats.export import followup

    known = followup.strategies(run)
    if strategy not in known:
        raise ValueError(t("cli_unknown_strategy", lang, strategy=strategy or "—", known=", ".join(known)))


def check_out(out: Path, lang: str) -> None:
    """--out names a file in a folder that exists (as `template --out` wants): ValueError otherwise."""
    if out.is_dir():
        raise ValueError(t("cli_out_is_folder", lang, path=out))
    folder = out.parent
    if not folder.is_dir():
        raise ValueError(t("cli_no_folder", lang, folder=folder))


COMMANDS = {"export": cmd_export}
