"""Subcommands of this group are registered here (see cli/__init__.py)."""

from __future__ import annotations

import argparse


def register(sub: argparse._SubParsersAction) -> None:
    """No subcommands yet."""
