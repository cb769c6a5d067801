"""Helpers shared by the subcommand modules (argument conventions, output)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..store import STORE_ENV, default_location


def add_store_arg(p: argparse.ArgumentParser) -> None:
    p.add_argument("--store", metavar="PATH|URL", default=None,
                   help=f"store directory or SPARQL endpoint URL (default: ${STORE_ENV} or ./.vendorgraph/store)")


def store_location(args: argparse.Namespace) -> str:
    return args.store or default_location()


def err(msg: str) -> None:
    print(f"vendorgraph: {msg}", file=sys.stderr)


def write_output(text: str, out: str | None) -> None:
    """Print ``text`` or write it atomically to ``out``."""
    if not out:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
        return
    target = Path(out)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(target)
