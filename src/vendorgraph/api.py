"""The Python API for notebooks and scripts: one object over a store, the query library and networkx.

>>> from vendorgraph.api import Graph
>>> g = Graph.open()                      # in memory; Graph.open("path/to/store") or an endpoint URL
>>> "usa-paths" in [q.name for q in g.queries()]
True
>>> g.query("usa-paths", country="US")    # rows as dicts; here the store is empty
[]
>>> g.paths(to="US")
[]
>>> g.query("no-such-query")
Traceback (most recent call last):
...
vendorgraph.errors.QueryError: unknown query 'no-such-query'; known: ...

Ingest policies with ``g.ingest(["policy.txt", "folder/"])``; ``g.table(name, **params)`` gives
the :class:`~vendorgraph.store.ResultTable` (columns and tuples) instead of dicts;
``g.to_networkx()`` the flow graph of :mod:`vendorgraph.network`.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path as FsPath
from typing import Any, Iterable, Sequence

from . import network
from .errors import StoreError
from .queries import CheckResult, QuerySpec, get_query, list_queries, run, run_checks
from .store import ResultTable, Store, open_store


@dataclass(frozen=True)
class Graph:
    """A vendorgraph knowledge graph: a store plus the questions you can ask it."""

    store: Store

    @classmethod
    def open(cls, path_or_url: str | os.PathLike[str] | None = None, *, create: bool = True) -> "Graph":
        """Open a store: ``None`` in memory, a directory (created unless ``create=False``), or a SPARQL endpoint URL."""
        loc = None if path_or_url is None else str(path_or_url)
        if loc and not create and not loc.startswith(("http://", "https://")) and not FsPath(loc).is_dir():
            raise StoreError(f"{loc}: no store here (run 'vendorgraph ingest' first)")
        return cls(open_store(loc))

    def ingest(self, paths: Sequence[str | os.PathLike[str]] | str, extractor: str = "rules") -> Any:
        """Extract and store policies (files, folders, globs); returns the pipeline's report."""
        from .pipeline import ingest

        items = [paths] if isinstance(paths, (str, os.PathLike)) else list(paths)
        return ingest(items, self.store, extractor)

    def table(self, name_or_file: str, **params: Any) -> ResultTable:
        """Run a library query (``usa-paths``) or a ``.rq`` file; parameters are bound, never pasted."""
        return run(self.store, name_or_file, **params)

    def query(self, name_or_file: str, **params: Any) -> list[dict[str, str | None]]:
        """Rows of a query as dicts (column -> value)."""
        return self.table(name_or_file, **params).dicts()

    def queries(self) -> list[QuerySpec]:
        """The shipped questions, with title, description, parameters and columns."""
        return list_queries()

    def describe(self, name: str) -> QuerySpec:
        """The header of one query."""
        return get_query(name)

    def check(self, names: Iterable[str] | None = None) -> list[CheckResult]:
        """Run the consistency checks of ``queries/checks/``; each passes when it returns no rows."""
        return run_checks(self.store, list(names) if names else None)

    def to_networkx(self) -> Any:
        """The flow graph (``networkx.MultiDiGraph``) built from the ``flows`` query."""
        return network.load_graph(self.store)

    def paths(self, to: str = "US", controller: str | None = None) -> list[network.Path]:
        """Every simple path by which personal data reaches the country ``to`` (networkx)."""
        return network.paths_to(self.to_networkx(), to.upper() if len(to) == 2 else to, controller=controller)

    def paths_table(self, to: str = "US", controller: str | None = None) -> ResultTable:
        """:meth:`paths` as a table with the hop status of each path."""
        return network.paths_table(self.paths(to, controller))

    def write_page(self, out: str | os.PathLike[str], query: str | None = None, as_of: str | None = None,
                   **params: Any) -> FsPath:
        """Write the interactive graph page (self-contained HTML); ``query`` draws just that answer."""
        from .viz import write_page

        return write_page(self.store, FsPath(out), query=query, params=params or None, as_of=as_of)

    def report(self, as_of: str | None = None) -> Any:
        """The vendor-risk report (findings, sections per controller and vendor) at the date ``as_of``."""
        from .report import build_report

        return build_report(self.store, as_of=as_of)

    def write_report(self, out: str | os.PathLike[str], as_of: str | None = None, fmt: str | None = None) -> FsPath:
        """Write the vendor-risk report as HTML, PDF, CSV or JSON (format from the extension or ``fmt``)."""
        from .report import write_report

        return write_report(self.store, out, fmt=fmt, as_of=as_of)

    @staticmethod
    def samples() -> list[FsPath]:
        """The bundled sample policies (``ingest/samples/``)."""
        from .demo import sample_files

        return sample_files()

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> "Graph":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
