"""versions, diff: the stored versions of a policy and what changed between two of them."""

from __future__ import annotations

import argparse

from .common import add_store_arg, store_location, write_output


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("versions", help="list stored policy documents, or the versions of one")
    p.add_argument("document", nargs="?", metavar="DOC", help="file name, path or URL the policy was ingested from")
    p.add_argument("--format", choices=("table", "csv", "json", "md"), default="table")
    add_store_arg(p)
    p.set_defaults(func=cmd_versions)

    p = sub.add_parser("diff", help="what changed between two versions of a policy (default: previous -> current)")
    p.add_argument("document", metavar="DOC", help="file name, path or URL the policy was ingested from")
    p.add_argument("--old", metavar="V", help="earlier version: number, IRI or content-hash prefix")
    p.add_argument("--new", metavar="V", help="later version (default: the current one)")
    p.add_argument("--format", choices=("table", "csv", "json", "md"), default="table")
    p.add_argument("-o", "--output", metavar="FILE")
    add_store_arg(p)
    p.set_defaults(func=cmd_diff)


def cmd_versions(args: argparse.Namespace) -> int:
    from ..errors import QueryError
    from ..formats import render
    from ..store import ResultTable, open_store
    from ..versions import list_documents, list_versions

    store = open_store(store_location(args), read_only=True, load_reference=False)
    try:
        if args.document is None:
            table = list_documents(store)
        else:
            versions = list_versions(store, args.document)
            if not versions:
                raise QueryError(f"no document {args.document!r} in the store (see 'vendorgraph versions')")
            cols = ("number", "current", "version", "previous", "language", "characters", "source")
            table = ResultTable(cols, [(str(v.number), "*" if v.current else "", v.iri, v.previous, v.language,
                                        str(v.characters), v.source) for v in versions])
    finally:
        store.close()
    write_output(render(table, args.format), None)
    return 0


def cmd_diff(args: argparse.Namespace) -> int:
    from ..formats import render
    from ..store import open_store
    from ..versions import diff

    store = open_store(store_location(args), read_only=True, load_reference=False)
    try:
        d = diff(store, args.document, args.old, args.new)
    finally:
        store.close()
    text = render(d.table, args.format)
    if args.format in ("table", "md"):
        head = f"{d.document}: version {d.old.number} ({d.old.content_hash[:12]}) -> version {d.new.number} ({d.new.content_hash[:12]})"
        text = head + "\n" + (text if d.changed else "no changes in vendors, countries, transfers, mechanisms, roles or data\n")
    write_output(text, args.output)
    return 0
