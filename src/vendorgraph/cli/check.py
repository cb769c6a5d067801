"""check: the consistency checks of queries/checks/ (each must return no rows)."""

from __future__ import annotations

import argparse

from ..formats import render
from .common import add_store_arg, store_location


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("check", help="run the consistency checks; exit 1 with the offending rows if one fails")
    p.add_argument("names", nargs="*", metavar="CHECK", help="only these checks (default: all)")
    add_store_arg(p)
    p.set_defaults(func=cmd_check)


def cmd_check(args: argparse.Namespace) -> int:
    from ..api import Graph

    with Graph.open(store_location(args), create=False) as g:
        results = g.check(args.names or None)
    failed = 0
    for r in results:
        print(f"{'ok  ' if r.ok else 'FAIL'}  {r.spec.name}: {r.spec.title}")
        if not r.ok:
            failed += 1
            print(render(r.table, "table"), end="")
    print(f"{len(results) - failed} of {len(results)} checks passed")
    return 1 if failed else 0
