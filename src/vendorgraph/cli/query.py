"""query, queries, paths: the question library and networkx paths on the command line."""

from __future__ import annotations

import argparse

from ..errors import QueryError
from ..formats import FORMATS, render
from .common import add_store_arg, store_location, write_output


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("query", help="run a library query by name, or your own .rq file")
    p.add_argument("name", metavar="NAME|FILE.rq", help="a name from 'vendorgraph queries', or a path to a .rq file")
    p.add_argument("--param", "-p", action="append", default=[], metavar="K=V", help="a query parameter (repeatable)")
    p.add_argument("--format", "-f", choices=FORMATS, default="table")
    p.add_argument("-o", "--output", metavar="FILE")
    add_store_arg(p)
    p.set_defaults(func=cmd_query)

    p = sub.add_parser("queries", help="list the library queries with their parameters and columns")
    p.add_argument("--format", "-f", choices=FORMATS, default="table")
    p.set_defaults(func=cmd_queries)

    p = sub.add_parser("paths", help="every path to a country through any chain of recipients (networkx)")
    p.add_argument("--to", default="US", metavar="CC", help="destination country, ISO 3166-1 alpha-2 (default US)")
    p.add_argument("--controller", metavar="NAME|IRI", help="only this controller's paths")
    p.add_argument("--format", "-f", choices=FORMATS, default="table")
    p.add_argument("-o", "--output", metavar="FILE")
    add_store_arg(p)
    p.set_defaults(func=cmd_paths)


def parse_params(items: list[str]) -> dict[str, str]:
    """``["country=US"]`` -> ``{"country": "US"}``; a malformed item is a QueryError."""
    out = {}
    for item in items:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            raise QueryError(f"--param {item!r}: expected KEY=VALUE")
        out[key.strip()] = value
    return out


def cmd_query(args: argparse.Namespace) -> int:
    from ..api import Graph

    params = parse_params(args.param)
    with Graph.open(store_location(args), create=False) as g:
        table = g.table(args.name, **params)
    write_output(render(table, args.format), args.output)
    return 0


def cmd_queries(args: argparse.Namespace) -> int:
    from ..queries import queries_table

    write_output(render(queries_table(), args.format, max_width=200), None)
    return 0


def cmd_paths(args: argparse.Namespace) -> int:
    from ..api import Graph

    with Graph.open(store_location(args), create=False) as g:
        table = g.paths_table(args.to, controller=args.controller)
    write_output(render(table, args.format), args.output)
    return 0
