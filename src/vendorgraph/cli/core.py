"""facts, ingest, export, demo, explain."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .common import add_store_arg, err, store_location, write_output


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("facts", help="extract facts JSON (gold format) per policy")
    p.add_argument("policies", nargs="+", metavar="POLICY")
    p.add_argument("--out", required=True, metavar="DIR")
    p.add_argument("--extractor", default="rules")
    p.add_argument("--min-confidence", type=float, default=0.0, metavar="X",
                   help="drop facts with evidence less certain than X (0-1): more precision, less recall")
    p.set_defaults(func=cmd_facts)

    p = sub.add_parser("ingest", help="extract policies and store their graphs")
    p.add_argument("policies", nargs="+", metavar="POLICY", help="files, folders or globs")
    p.add_argument("--extractor", default="rules")
    p.add_argument("-j", "--jobs", type=int, default=None, metavar="N",
                   help="worker processes for extraction (default: all cores; 1: no pool)")
    p.add_argument("--batch", type=int, default=None, metavar="DOCS",
                   help="documents per bulk-loaded batch (default: 256)")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    p.add_argument("--optimize", action=argparse.BooleanOptionalAction, default=None,
                   help="compact the store at the end: queries run 1.5-3x faster after a bulk ingest "
                        "(default: after one that added a fifth of the store or more, or left it fragmented)")
    add_store_arg(p)
    p.set_defaults(func=cmd_ingest)

    p = sub.add_parser("export", help="export the stored graph")
    p.add_argument("--format", choices=("ttl", "nt", "nq", "trig", "jsonld"), default="ttl")
    p.add_argument("-o", "--output", metavar="FILE")
    p.add_argument("--no-reference", action="store_true", help="leave out the ontology and reference data")
    add_store_arg(p)
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("demo", help="ingest the bundled samples; write the graph page and the usa-paths table")
    p.add_argument("--out", default="out", metavar="DIR")
    p.set_defaults(func=cmd_demo)


def _report_errors(e: Exception) -> None:
    err(f"error: {e}")


def cmd_facts(args: argparse.Namespace) -> int:
    from ..pipeline import write_facts

    rep = write_facts(args.policies, Path(args.out), args.extractor, on_error=_report_errors,
                      min_confidence=args.min_confidence)
    print(f"wrote {len(rep.outputs)} facts file(s) to {args.out}; {rep.summary()}")
    return rep.exit_code


def _progress_bar(quiet: bool):
    """A tqdm bar factory on stderr; silent when --quiet or stderr is not a terminal."""
    def make(total: int):
        from tqdm import tqdm

        return tqdm(total=total, unit="doc", file=sys.stderr, disable=quiet or not sys.stderr.isatty(),
                    dynamic_ncols=True, leave=False)

    return make


def cmd_ingest(args: argparse.Namespace) -> int:
    from ..pipeline import BATCH_DOCS, ingest, start_workers
    from ..store import open_store

    def report_error(e: Exception) -> None:
        from tqdm import tqdm

        tqdm.write(f"vendorgraph: error: {e}", file=sys.stderr)

    start_workers(args.policies, args.jobs)  # where ingest will use workers, they warm up while the store opens
    store = open_store(store_location(args))
    try:
        rep = ingest(args.policies, store, args.extractor, on_error=report_error, jobs=args.jobs,
                     batch_docs=args.batch or BATCH_DOCS, progress=_progress_bar(args.quiet),
                     optimize=args.optimize)
    finally:
        store.close()
    print(f"{rep.summary()}; {rep.triples} triples written to {store_location(args)}")
    return rep.exit_code


def cmd_export(args: argparse.Namespace) -> int:
    from ..export import export_graph
    from ..store import open_store

    store = open_store(store_location(args), read_only=True, load_reference=False)
    try:
        text = export_graph(store, args.format, include_reference=not args.no_reference)
    finally:
        store.close()
    write_output(text, args.output)
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    from ..demo import run_demo

    result = run_demo(Path(args.out))
    print(result.summary)
    return 0
