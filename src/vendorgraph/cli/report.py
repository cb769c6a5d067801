"""report: the vendor-risk report as HTML, PDF, CSV or JSON."""

from __future__ import annotations

import argparse
import sys

from .common import add_store_arg, store_location


def register(sub: argparse._SubParsersAction) -> None:
    from ..report import FORMATS

    p = sub.add_parser("report", help="vendor-risk report per vendor and controller (html, pdf, csv, json)")
    p.add_argument("-o", "--output", required=True, metavar="FILE", help="report file; its extension picks the format")
    p.add_argument("--format", choices=FORMATS, help="format (default: from the extension of -o)")
    p.add_argument("--as-of", metavar="YYYY-MM-DD", help="report date for the legal status (default today)")
    p.add_argument("--rule", action="append", default=[], metavar="FILE.rq",
                   help="an extra risk rule (a .rq file with title, severity, article, rationale); repeatable")
    add_store_arg(p)
    p.set_defaults(func=cmd_report)


def cmd_report(args: argparse.Namespace) -> int:
    from ..report import write_report
    from ..store import open_store

    store = open_store(store_location(args), read_only=True)
    try:
        path = write_report(store, args.output, fmt=args.format, as_of=args.as_of, extra_rules=args.rule,
                            progress=sys.stderr.isatty())
    finally:
        store.close()
    print(f"report: {path}")
    return 0
