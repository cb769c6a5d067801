"""The pipeline: load -> segment -> extract -> resolve -> graph -> store.

>>> from vendorgraph.load import from_text
>>> facts = extract_document(from_text("Privacy policy. Controller: ACME GmbH, Berlin, Germany."))
>>> facts.controller.name
'ACME GmbH'
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Sequence

from . import factsjson
from .errors import InputError, StoreError
from .extract import get_extractor
from .graph import DocumentInfo, build_nquads, nquads_to_ntriples
from .ids import text_hash
from .load import load
from .model import Document, Facts
from .resolve import resolve_facts
from .segment import segment
from .store import Store
from .writer import BatchWriter, compact, write_versions  # noqa: F401 - write_versions: part of this module's API


@dataclass
class Report:
    """What a batch did: documents written, unchanged, failed (with one-line reasons)."""

    ok: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    outputs: list[Path] = field(default_factory=list)
    triples: int = 0
    bytes: int = 0
    compacted: float | None = None  # seconds spent compacting the store at the end, if it was

    @property
    def exit_code(self) -> int:
        return 1 if self.failed else 0

    def summary(self) -> str:
        parts = [f"{len(self.ok)} ingested"]
        if self.unchanged:
            parts.append(f"{len(self.unchanged)} unchanged")
        parts.append(f"{len(self.failed)} failed")
        if self.compacted is not None:
            parts.append(f"store compacted in {self.compacted:.1f} s")
        return ", ".join(parts)


def extract_document(doc: Document, extractor: str = "rules") -> Facts:
    """Segment, extract and resolve one loaded document."""
    ex = get_extractor(extractor)
    facts = ex.extract(doc, segment(doc.text))
    return resolve_facts(facts).canonical()


def document_info(doc: Document, key: str | None = None) -> DocumentInfo:
    from .versions import document_key

    return DocumentInfo(key or document_key(doc), doc.name, text_hash(doc.text), doc.language, len(doc.text))


def expand_inputs(inputs: Iterable[str | Path]) -> list[Path]:
    """Files, folders (recursively, sorted) and globs -> file paths, in order, without duplicates."""
    out: list[Path] = []
    for raw in inputs:
        p = Path(raw)
        if isinstance(raw, str) and raw.lower().startswith(("http://", "https://")):
            out.append(raw)  # type: ignore[arg-type]  # a URL stays a string (load() fetches it)
        elif p.is_dir():
            out.extend(sorted(f for f in p.rglob("*") if f.is_file() and not f.name.startswith(".")))
        elif any(ch in str(raw) for ch in "*?[") and not p.exists():
            anchor = Path(p.anchor) if p.is_absolute() else Path(".")
            rel = str(p.relative_to(anchor)) if p.is_absolute() else str(raw)
            out.extend(sorted(f for f in anchor.glob(rel) if f.is_file()))
        else:
            out.append(p)
    seen: set[Path] = set()
    return [p for p in out if not (p in seen or seen.add(p))]


def write_facts(inputs: Sequence[str | Path], out_dir: Path, extractor: str = "rules",
                on_error: Callable[[InputError], None] | None = None, *,
                min_confidence: float = 0.0) -> Report:
    """Extract each input and write ``out_dir/<stem>.json`` in the gold facts format.

    ``min_confidence`` drops facts whose evidence is less certain (trade recall for precision).
    """
    from .extract.base import filter_by_confidence

    report = Report()
    for path in expand_inputs(inputs):
        try:
            doc = load(path)
            facts = extract_document(doc, extractor)
            if min_confidence > 0:
                facts = filter_by_confidence(facts, min_confidence)
        except InputError as e:
            report.failed.append((str(path), e.reason))
            if on_error:
                on_error(e)
            continue
        report.outputs.append(factsjson.write(facts, out_dir, doc.stem))
        report.ok.append(str(path))
    return report


# --- ingest: a process pool extracts, the parent is the single writer -----------------------

#: A write transaction holds at most this many documents or (about) this many triples. Big batches
#: are cheaper: each bulk load adds files that the store then compacts with everything before them.
BATCH_DOCS = 256
BATCH_TRIPLES = 250_000
#: Documents in flight per worker process (bounds memory: texts and triples are never all held).
WINDOW_PER_JOB = 8


@dataclass(frozen=True, slots=True)
class Extracted:
    """One document as a worker returns it: its version graph as N-Quads (UTF-8), or why it failed."""

    source: str
    key: str = ""
    doc_iri: str = ""
    version_iri: str = ""
    nquads: bytes = b""
    triples: int = 0
    size: int = 0
    error: str | None = None

    @property
    def ntriples(self) -> str:
        """The version graph as N-Triples text (for stores that take triples per graph)."""
        return nquads_to_ntriples(self.nquads, self.version_iri)


def extract_file(path: str, extractor: str = "rules") -> Extracted:
    """Load, extract, resolve and build one file's version graph (runs in a worker process)."""
    try:
        doc = load(path)
        info = document_info(doc)
        data, n = build_nquads(extract_document(doc, extractor), info)
    except InputError as e:
        return Extracted(str(path), error=e.reason)
    except Exception as e:  # noqa: BLE001 - one document's bug must not stop the others
        return Extracted(str(path), error=f"extraction failed: {type(e).__name__}: {e}")
    return Extracted(str(path), info.key, info.doc_iri, info.version_iri, data, n, len(doc.text.encode()))


def default_jobs(n_inputs: int) -> int:
    """All usable cores, but no pool for a handful of files."""
    import os

    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return 1 if n_inputs < 4 else max(1, min(cores, n_inputs))


def _warm(extractor: str) -> None:
    """Worker initializer: import and compile everything once per process."""
    get_extractor(extractor)


#: The module a forkserver imports before forking workers: they start with the extractor warm.
PRELOAD = "vendorgraph.extract.preload"


def _mp_context():  # -> multiprocessing context
    """A fresh forkserver (no store handles or threads inherited) that preloads :data:`PRELOAD`; ``fork``
    when ``__main__`` is no file that workers could re-import (stdin, ``python -c`` in some shells,
    embedded interpreters)."""
    import multiprocessing as mp
    import sys

    methods = mp.get_all_start_methods()
    main = getattr(sys.modules.get("__main__"), "__file__", None)
    if main and not Path(main).is_file() and "fork" in methods:
        return mp.get_context("fork")
    if "forkserver" not in methods:
        return mp.get_context("spawn")
    ctx = mp.get_context("forkserver")
    ctx.set_forkserver_preload([PRELOAD])
    return ctx


def start_workers(inputs: Sequence[str | Path] | None = None, jobs: int | None = None) -> bool:
    """Start the forkserver now, so that it warms up (:data:`PRELOAD`) while the caller opens its store;
    ``ingest`` starts it anyway when it needs workers. With ``inputs`` (and ``jobs``, as ``ingest`` takes
    them), only if ``ingest`` will use workers for them. Whether a forkserver runs now.

    >>> start_workers(["one-policy.txt"])  # one file: ingest reads it in its own process
    False
    """
    if inputs is not None and (default_jobs(len(expand_inputs(inputs))) if jobs is None else jobs) <= 1:
        return False
    ctx = _mp_context()
    if ctx.get_start_method() != "forkserver":
        return False
    from multiprocessing import forkserver

    forkserver.ensure_running()
    return True


def extract_all(paths: Sequence[Path], extractor: str = "rules", jobs: int = 1) -> Iterator[Extracted]:
    """Extracted documents in input order; with ``jobs > 1`` from a process pool, a bounded window in flight."""
    if jobs <= 1:
        for p in paths:
            yield extract_file(str(p), extractor)
        return
    from collections import deque
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    ctx = _mp_context()
    pool = ProcessPoolExecutor(jobs, mp_context=ctx, initializer=_warm, initargs=(extractor,))
    todo = iter(paths)
    window: deque = deque()
    try:
        for p in todo:
            window.append((p, pool.submit(extract_file, str(p), extractor)))
            if len(window) >= jobs * WINDOW_PER_JOB:
                break
        while window:
            p, fut = window.popleft()
            try:
                yield fut.result()
            except BrokenProcessPool as e:
                raise StoreError(f"ingest stopped: a worker process died while reading {p} ({e})") from e
            nxt = next(todo, None)
            if nxt is not None:
                window.append((nxt, pool.submit(extract_file, str(nxt), extractor)))
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def ingest(inputs: Sequence[str | Path], store: Store, extractor: str = "rules",
           on_error: Callable[[InputError], None] | None = None, *, jobs: int | None = None,
           batch_docs: int = BATCH_DOCS, batch_triples: int = BATCH_TRIPLES,
           progress: Callable[[int], Any] | None = None, optimize: bool | None = None) -> Report:
    """Load, extract and store each input; a failing file is reported and the rest go on.

    ``jobs`` worker processes extract (default: all cores; 1 = in this process); this process
    writes batches of up to ``batch_docs`` documents; a batch becomes current in one transaction
    (see ``OxigraphStore.write_nquads``), written while the workers go on.
    ``progress(total)`` may return a bar with ``update(n)`` and ``close()`` (e.g. ``tqdm``).
    ``optimize``: compact the store at the end (True), never (False), or where it pays (None: a bulk ingest
    that added a fifth of the store or more, or a fragmented store; see :func:`compact`).
    """
    paths = expand_inputs(inputs)
    jobs = default_jobs(len(paths)) if jobs is None else jobs
    report = Report()
    bar = progress(len(paths)) if progress else None

    def failed(source: str, reason: str) -> None:
        report.failed.append((source, reason))
        if on_error:
            on_error(InputError(source, reason))

    bytes_before = getattr(store, "disk_bytes", lambda: 0)()
    batches = 0
    try:
        if jobs <= 1:
            _ingest_serial(paths, store, extractor, report, failed, bar)
        else:
            batches = _ingest_parallel(paths, store, extractor, report, failed, bar, jobs, batch_docs, batch_triples)
    finally:
        if bar is not None:
            bar.close()
    if report.ok:
        report.compacted = compact(store, optimize, batches=batches, bytes_before=bytes_before)
    return report


def _ingest_parallel(paths: Sequence[Path], store: Store, extractor: str, report: Report,
                     failed: Callable[[str, str], None], bar: Any, jobs: int, batch_docs: int,
                     batch_triples: int) -> int:
    """Workers extract; this process writes their graphs in batches (see :class:`BatchWriter`); how many."""
    start_workers()  # warms up while the store drops orphan graphs
    cleanup = getattr(store, "drop_orphan_versions", None)
    if cleanup is not None:
        cleanup()
    with BatchWriter(store, report, max(1, batch_docs), max(1, batch_triples), len(paths)) as writer:
        for item in extract_all(paths, extractor, jobs):
            if item.error is not None:
                failed(item.source, item.error)
                writer.skip()
            else:
                writer.add(item)
            if bar is not None:
                bar.update(1)
        writer.flush()
    return writer.batches


def _ingest_serial(paths: Sequence[Path], store: Store, extractor: str, report: Report,
                   failed: Callable[[str, str], None], bar: Any) -> None:
    """One process, one transaction per document through ``versions.store_document``."""
    from .versions import store_document

    for path in paths:
        try:
            doc = load(path)
            facts = extract_document(doc, extractor)
        except InputError as e:
            failed(str(path), e.reason)
        else:
            report.triples += store_document(store, doc, facts)
            report.bytes += len(doc.text.encode())
            report.ok.append(str(path))
        if bar is not None:
            bar.update(1)
