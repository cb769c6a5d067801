"""Importing this module warms the extractor up: the vendor registry is loaded and the rules are compiled.

It exists to be named in the forkserver's preload list (:func:`vendorgraph.pipeline.start_workers`): the
forkserver imports it once, and every ingest worker forked from it starts warm, sharing those pages,
instead of paying ~0.6 s of CPU on its first document. Library code never imports it; this is the one
module that does work at import, on purpose.
"""

from __future__ import annotations


def warm_up() -> int:
    """Extract the bundled sample policies (English and German) once; the number of documents read."""
    from ..demo import sample_files
    from ..load import load
    from ..pipeline import extract_document

    n = 0
    for path in sample_files():
        extract_document(load(path))
        n += 1
    return n


try:
    warm_up()
except Exception:  # noqa: BLE001 - a worker that starts cold still works: warming up must never stop an ingest
    pass
