"""Embedded on-disk Oxigraph store (pyoxigraph).

Writes go through one SPARQL Update per document, which Oxigraph runs as one transaction:
a crash or an error leaves the store as it was.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Iterable, Sequence

from .errors import StoreError
from .sparql import bind_values
from .store import ResultTable, check_query_error, tsv_rows


def _nt(quads: Iterable[Any]) -> str:
    """Quads as the body of INSERT DATA / DELETE DATA, grouped by graph."""
    by_graph: dict[str, list[str]] = {}
    for q in quads:
        by_graph.setdefault(str(q.graph_name), []).append(f"{q.subject} {q.predicate} {q.object} .")
    return "\n".join(f"GRAPH {g} {{\n" + "\n".join(lines) + "\n}" for g, lines in sorted(by_graph.items()))


def _with_graph(ntriples: str, graph: str) -> str:
    """N-Triples lines (``s p o .``) as N-Quads lines in ``graph``."""
    return "".join(line[:-1] + graph + " .\n" for line in ntriples.splitlines() if line.endswith(" ."))


#: A compacted store holds about one file per FILE_BYTES of data (RocksDB's target file size) and per index; one
#: with more than SPARE_FILES beyond that is worth compacting (4 uncompacted files for each of Oxigraph's ~11
#: column families: RocksDB's own trigger for compacting them).
FILE_BYTES = 64 * 2**20
SPARE_FILES = 44


class OxigraphStore:
    """A pyoxigraph Store at ``path`` (``None``: in memory)."""

    def __init__(self, path: str | None, *, read_only: bool = False) -> None:
        from pyoxigraph import Store

        self.location = path or ":memory:"
        try:
            if path is None:
                self._s = Store()
            elif read_only:
                if not Path(path).is_dir():
                    raise StoreError(f"{path}: no store here (run 'vendorgraph ingest' first)")
                self._s = Store.read_only(path)
            else:
                Path(path).mkdir(parents=True, exist_ok=True)
                self._s = Store(path)
        except OSError as e:
            raise StoreError(f"{path}: cannot open store: {e}") from e

    @property
    def raw(self) -> Any:
        """The underlying ``pyoxigraph.Store`` (for bulk loading)."""
        return self._s

    def replace_graph(self, graph: str, quads: Sequence[Any], meta_remove: Sequence[Any] = (),
                      meta_add: Sequence[Any] = ()) -> None:
        parts = [f"DROP SILENT GRAPH <{graph}>"]
        if meta_remove:
            parts.append("DELETE DATA {\n" + _nt(meta_remove) + "\n}")
        body = list(quads) + list(meta_add)
        if body:
            parts.append("INSERT DATA {\n" + _nt(body) + "\n}")
        try:
            self._s.update(" ;\n".join(parts))
        except (OSError, SyntaxError) as e:
            raise StoreError(f"{self.location}: write failed: {e}") from e

    def write_batch(self, graphs: Sequence[tuple[str, str]], meta_remove: Sequence[Any] = (),
                    meta_add: Sequence[Any] = ()) -> None:
        """:meth:`write_nquads` for version graphs given as N-Triples text."""
        from pyoxigraph import NamedNode

        self.write_nquads([(g, _with_graph(nt, str(NamedNode(g))).encode("utf-8")) for g, nt in graphs],
                          meta_remove, meta_add)

    def write_nquads(self, graphs: Sequence[tuple[str, bytes]], meta_remove: Sequence[Any] = (),
                     meta_add: Sequence[Any] = ()) -> None:
        """Bulk ingest: write each version graph from its N-Quads (UTF-8), then update the meta graph.

        Graphs new to the store go through Oxigraph's bulk loader (several times faster than a
        transaction); they become visible only through the meta update that follows, which is one
        transaction together with any replaced graphs. A crash in between leaves graphs no document
        lists as a version: :meth:`drop_orphan_versions` removes them (ingest calls it first).
        The N-Quads come from ``graph.build_nquads`` (:func:`vendorgraph.triples.nquad_line`, checked against
        pyoxigraph's own output), whose IRIs are built from slugs, hashes and the ontology, never from user
        text: the bulk loader may skip validating them (``lenient``).
        """
        from pyoxigraph import NamedNode, RdfFormat

        from .graph import nquads_to_ntriples

        is_new = {g: bool(nq) and not self._s.contains_named_graph(NamedNode(g)) for g, nq in graphs}
        known = [(g, nq) for g, nq in graphs if not is_new[g]]
        try:
            if len(known) < len(graphs):
                data = b"".join(nq for g, nq in graphs if is_new[g])
                self._s.bulk_load(data, format=RdfFormat.N_QUADS, lenient=True)
            names = [str(NamedNode(g)) for g, _ in known]
            parts = [f"DROP SILENT GRAPH {n}" for n in names]
            if meta_remove:
                parts.append("DELETE DATA {\n" + _nt(meta_remove) + "\n}")
            body = [f"GRAPH {n} {{\n{nquads_to_ntriples(nq, g)}\n}}" for n, (g, nq) in zip(names, known) if nq]
            if meta_add:
                body.append(_nt(meta_add))
            if body:
                parts.append("INSERT DATA {\n" + "\n".join(body) + "\n}")
            if parts:
                self._s.update(" ;\n".join(parts))
        except (OSError, SyntaxError) as e:
            raise StoreError(f"{self.location}: write failed: {e}") from e

    def documents_with_versions(self, doc_iris: Iterable[str]) -> set[str]:
        """Those of ``doc_iris`` that the meta graph lists a version of (a pattern lookup each: bulk
        ingest asks this per batch, so that new documents need no query of their versions)."""
        from pyoxigraph import NamedNode

        from .vocab import META_GRAPH, VG

        has, meta = NamedNode(VG.hasVersion), NamedNode(META_GRAPH)
        return {d for d in doc_iris if next(iter(self._s.quads_for_pattern(NamedNode(d), has, None, meta)), None)}

    def drop_orphan_versions(self) -> int:
        """Remove version graphs that no document lists (left by a crash during bulk ingest)."""
        from pyoxigraph import NamedNode

        from .queries import get_query

        orphans = [r[0] for r in self.query(get_query("internal/orphan-versions").text).rows if r[0]]
        for g in orphans:
            self._s.remove_graph(NamedNode(g))
        return len(orphans)

    def bulk_replace_graph(self, graph: str, quads: Sequence[Any], meta_remove: Sequence[Any] = (),
                           meta_add: Sequence[Any] = ()) -> None:
        """Drop ``graph`` and load ``quads`` fast (not one transaction), then update the meta graph.

        Used for reference data: the meta update (its hash mark) comes last, so a crash in between
        only means the reference graph is loaded again next time.
        """
        from pyoxigraph import NamedNode

        try:
            self._s.remove_graph(NamedNode(graph))
        except (OSError, RuntimeError):
            pass
        self._s.bulk_extend(quads)
        parts = []
        if meta_remove:
            parts.append("DELETE DATA {\n" + _nt(meta_remove) + "\n}")
        if meta_add:
            parts.append("INSERT DATA {\n" + _nt(meta_add) + "\n}")
        if parts:
            self._s.update(" ;\n".join(parts))

    def _run(self, sparql: str, bindings: dict[str, Any] | None) -> Any:
        try:
            return self._s.query(bind_values(sparql, bindings), use_default_graph_as_union=True)
        except SyntaxError as e:
            raise check_query_error(e) from e

    def query(self, sparql: str, bindings: dict[str, Any] | None = None) -> ResultTable:
        """Rows as plain strings; Oxigraph writes them as SPARQL TSV in Rust, read back here (much faster
        than a Python object per cell)."""
        from pyoxigraph import QueryResultsFormat

        res = self._run(sparql, bindings)
        cols = tuple(v.value for v in res.variables)
        return ResultTable(cols, tsv_rows(res.serialize(format=QueryResultsFormat.TSV), len(cols)))

    def ask(self, sparql: str, bindings: dict[str, Any] | None = None) -> bool:
        return bool(self._run(sparql, bindings))

    def construct(self, sparql: str, bindings: dict[str, Any] | None = None) -> list[Any]:
        return list(self._run(sparql, bindings))

    def update(self, sparql: str) -> None:
        try:
            self._s.update(sparql)
        except SyntaxError as e:
            raise check_query_error(e, "update") from e

    def quads(self, graph: str | None = None) -> Iterable[Any]:
        from pyoxigraph import NamedNode

        return self._s.quads_for_pattern(None, None, None, NamedNode(graph) if graph else None)

    def named_graphs(self) -> list[str]:
        return sorted(g.value for g in self._s.named_graphs())

    def triple_count(self) -> int:
        return len(self._s)

    def flush(self) -> None:
        self._s.flush()

    def _file_sizes(self) -> list[int]:
        """Sizes of the store's data files; RocksDB may delete one while they are read (it is then left out)."""
        if self.location == ":memory:":
            return []
        sizes = []
        for f in Path(self.location).glob("*.sst"):
            try:
                sizes.append(f.stat().st_size)
            except FileNotFoundError:  # compacted away meanwhile
                continue
        return sizes

    def disk_bytes(self) -> int:
        """Bytes of the store's data files (0 in memory)."""
        return sum(self._file_sizes())

    def fragmented(self) -> bool:
        """Whether the store holds many more files than its size needs (see :data:`SPARE_FILES`): each bulk
        load leaves files of its own, which every lookup then consults until RocksDB compacts them, and
        small ingests, each too small to be compacted at its end, add up. In memory: never."""
        sizes = self._file_sizes()
        return len(sizes) > SPARE_FILES + sum(sizes) // FILE_BYTES

    def optimize(self) -> None:
        """Compact the store (RocksDB's full compaction): one sorted run per index, the fastest to query."""
        try:
            self._s.optimize()
        except OSError as e:
            raise StoreError(f"{self.location}: compaction failed: {e}") from e

    def close(self) -> None:
        try:
            self._s.flush()
        except (OSError, AttributeError, RuntimeError):  # RuntimeError: read-only stores cannot flush
            pass
        del self._s
