"""The single writer of parallel ingest: batches of extracted documents, each written and made current at once.

``pipeline.ingest`` hands every document a worker extracted (:class:`vendorgraph.pipeline.Extracted`) to a
:class:`BatchWriter`; a full batch goes to :func:`write_versions` on a thread of its own.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Sequence

if TYPE_CHECKING:
    from .pipeline import Extracted, Report
    from .store import Store


def write_versions(store: Store, items: Sequence[Extracted]) -> None:
    """Write several documents' version graphs and make each current: one transaction where the store can."""
    from .versions import meta_changes

    remove: list = []
    add: list = []
    per_item = []
    known = getattr(store, "documents_with_versions", None)
    stored = known({it.doc_iri for it in items}) if known is not None else None
    for it in items:
        fresh = stored is not None and it.doc_iri not in stored
        r, a = meta_changes(store, it.doc_iri, it.version_iri, versions=[] if fresh else None)
        per_item.append((r, a))
        remove += r
        add += a
    nquads = getattr(store, "write_nquads", None)
    if nquads is not None:
        nquads([(it.version_iri, it.nquads) for it in items], remove, add)
        return
    batch = getattr(store, "write_batch", None)
    if batch is not None:
        batch([(it.version_iri, it.ntriples) for it in items], remove, add)
        return
    from pyoxigraph import RdfFormat, parse

    for it, (r, a) in zip(items, per_item):  # per-document atomicity on stores without batches
        quads = list(parse(it.nquads, format=RdfFormat.N_QUADS))
        store.replace_graph(it.version_iri, quads, meta_remove=r, meta_add=a)


#: Batch size for the last documents of an ingest (see :class:`BatchWriter`).
TAIL_DOCS = 32


class BatchWriter:
    """The single writer: gathers extracted documents and writes them in batches, one at a time, on a
    thread of its own, so that the workers get new documents while a batch is written (the bulk
    loader releases the GIL). Use as a context manager: leaving waits for the batch in flight.

    ``expected``: how many documents will come. The batch written after the last one is extracted
    runs alone; once fewer than ``batch_docs`` documents are still to come, batches are
    :data:`TAIL_DOCS` small, so that this last write is short."""

    def __init__(self, store: Store, report: Report, batch_docs: int, batch_triples: int,
                 expected: int | None = None) -> None:
        from concurrent.futures import ThreadPoolExecutor

        self.store, self.report = store, report
        self.batch_docs, self.batch_triples = batch_docs, batch_triples
        self.pending: list[Extracted] = []
        self.keys: set[str] = set()
        self.triples = 0
        self.to_come = expected
        self._thread = ThreadPoolExecutor(1, thread_name_prefix="vendorgraph-writer")
        self._in_flight: Any = None  # (future, items) of the batch being written
        self.batches = 0  # batches handed to the writer thread

    def __enter__(self) -> "BatchWriter":
        return self

    def __exit__(self, *exc: object) -> None:
        try:
            self.wait()
        finally:
            self._thread.shutdown(wait=True)

    def add(self, item: Extracted) -> None:
        if item.key in self.keys:
            self.flush()  # a second version of one document goes in the next transaction
        self.pending.append(item)
        self.keys.add(item.key)
        self.triples += item.triples
        limit = self.batch_docs
        if self.to_come is not None:
            self.to_come -= 1
            if self.to_come < self.batch_docs:
                limit = min(limit, TAIL_DOCS)
        if len(self.pending) >= limit or self.triples >= self.batch_triples:
            self.flush()

    def skip(self) -> None:
        """One expected document will not come (it failed): the tail batches start on time."""
        if self.to_come is not None:
            self.to_come -= 1

    def flush(self) -> None:
        """Hand the pending documents to the writer thread once the batch before them is written."""
        if not self.pending:
            return
        self.wait()
        self._in_flight = (self._thread.submit(write_versions, self.store, self.pending), self.pending)
        self.batches += 1
        self.pending, self.keys, self.triples = [], set(), 0

    def wait(self) -> None:
        """Wait for the batch in flight; count it as written (or raise its error)."""
        if self._in_flight is None:
            return
        future, items = self._in_flight
        self._in_flight = None
        future.result()
        self.report.ok.extend(it.source for it in items)
        self.report.triples += sum(it.triples for it in items)
        self.report.bytes += sum(it.size for it in items)


#: An ingest whose bulk loads (two or more) added at least this share of the store's bytes compacts it at the end.
COMPACT_SHARE = 0.2


def compact(store: Store, optimize: bool | None = None, *, batches: int = 0, bytes_before: int = 0) -> float | None:
    """Compact ``store`` if asked (``True``), or by default (``None``) where it pays: after ``batches`` >= 2
    bulk loads that added at least :data:`COMPACT_SHARE` of the store's bytes (``bytes_before``: its size
    before them), or where the store says it is fragmented (small ingests add up). Queries run 2-3x faster on
    a compacted store (``benchmarks/README.md``). The seconds it took, or None if it was not compacted
    (``False``, nothing to do, or a store that cannot be compacted, such as an endpoint)."""
    import time

    run = getattr(store, "optimize", None)
    if run is None or optimize is False:
        return None
    if optimize is None:
        size = store.disk_bytes()  # type: ignore[attr-defined]
        grew = batches >= 2 and size > 0 and size - bytes_before >= COMPACT_SHARE * size  # size 0: in memory
        if not grew and not store.fragmented():  # type: ignore[attr-defined]
            return None
    t = time.perf_counter()
    run()
    return time.perf_counter() - t
