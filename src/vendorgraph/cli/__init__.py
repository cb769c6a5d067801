"""The ``vendorgraph`` command: thin argument parsing over the library.

Each subcommand lives in a module of this package that exposes ``register(subparsers)``;
its handler parses nothing more, calls one library function and prints.
``main(argv)`` returns the exit code so tests run the CLI in-process.
"""

from __future__ import annotations

import argparse
import sys
from importlib import import_module
from typing import Sequence

from ..errors import VendorgraphError

#: Subcommand modules, in help order.
MODULES = ("core", "query", "check", "registry", "versions", "viz", "report", "explain")


def build_parser() -> argparse.ArgumentParser:
    from .. import __version__

    parser = argparse.ArgumentParser(
        prog="vendorgraph",
        description="Read GDPR privacy policies into a knowledge graph of vendors and data flows.")
    parser.add_argument("--version", action="version", version=f"vendorgraph {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in MODULES:
        import_module(f"{__name__}.{name}").register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return int(args.func(args) or 0)
    except VendorgraphError as e:
        print(f"vendorgraph: error: {e}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("vendorgraph: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
