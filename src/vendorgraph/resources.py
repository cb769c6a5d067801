"""Locate the data folders (ontology/, ingest/, queries/) in a checkout or an installed wheel.

In the wheel they live in ``vendorgraph/data/<name>``; in a source checkout (editable
install) they are the top-level folders of the repository.

>>> data_dir("ontology").joinpath("core.ttl").is_file()
True
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

DATA_FOLDERS = ("ontology", "ingest", "queries")


@cache
def data_dir(name: str) -> Path:
    """Return the folder holding the data set ``name`` (one of :data:`DATA_FOLDERS`)."""
    if name not in DATA_FOLDERS:
        raise ValueError(f"unknown data folder {name!r}; expected one of {DATA_FOLDERS}")
    here = Path(__file__).resolve().parent
    installed = here / "data" / name
    if installed.is_dir():
        return installed
    checkout = here.parent.parent / name
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError(f"vendorgraph data folder {name!r} not found (looked in {installed} and {checkout})")


def ontology_files() -> list[Path]:
    """All Turtle files of the ontology, sorted: core, taxonomies, reference data."""
    root = data_dir("ontology")
    return sorted(root.rglob("*.ttl"))
