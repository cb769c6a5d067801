"""viz: the interactive graph page (one self-contained HTML file)."""

from __future__ import annotations

import argparse

from .common import add_store_arg, store_location


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("viz", help="write the interactive graph page (self-contained HTML, works offline)")
    p.add_argument("-o", "--output", default="graph.html", metavar="FILE", help="page to write (default graph.html)")
    p.add_argument("--query", metavar="NAME|FILE.rq", help="draw only the answer of this query (e.g. usa-paths)")
    p.add_argument("--param", "-p", action="append", default=[], metavar="K=V", help="a query parameter (repeatable)")
    p.add_argument("--as-of", metavar="YYYY-MM-DD", help="date for the legal status and risk (default today)")
    add_store_arg(p)
    p.set_defaults(func=cmd_viz)


def cmd_viz(args: argparse.Namespace) -> int:
    from ..store import open_store
    from ..viz import write_page
    from .query import parse_params

    params = parse_params(args.param)
    store = open_store(store_location(args), read_only=True)
    try:
        path = write_page(store, args.output, query=args.query, params=params, as_of=args.as_of)
    finally:
        store.close()
    print(f"graph page: {path}")
    return 0
