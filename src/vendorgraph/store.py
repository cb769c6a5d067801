"""The triple store: an embedded on-disk Oxigraph store, or any SPARQL 1.1 endpoint.

Both implement :class:`Store`. Queries see the union of all named graphs as their
default graph (Oxigraph: ``use_default_graph_as_union``; Virtuoso and most servers do so
by default). Parameters reach SPARQL only as bindings, never pasted into query text.

>>> s = open_store(None)          # in-memory, for tests and notebooks
>>> s.query("SELECT (1 AS ?x) {}").rows
[('1',)]
"""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Iterable, Protocol, Sequence

from .errors import QueryError, StoreError
from .resources import ontology_files
from .vocab import META_GRAPH, REFERENCE_GRAPH, VG

DEFAULT_STORE = Path(".vendorgraph") / "store"
STORE_ENV = "VENDORGRAPH_STORE"


@dataclass(frozen=True)
class ResultTable:
    """A SELECT result: column names and rows of plain strings (IRIs, lexical forms) or None."""

    columns: tuple[str, ...]
    rows: list[tuple[str | None, ...]]

    def dicts(self) -> list[dict[str, str | None]]:
        return [dict(zip(self.columns, r)) for r in self.rows]

    def __len__(self) -> int:
        return len(self.rows)

    def _repr_html_(self) -> str:
        """An escaped HTML table, so a result shows as a table in Jupyter."""
        from .formats import render

        return render(self, "html")


class Store(Protocol):
    """What every backend offers. ``quads`` are pyoxigraph Quads."""

    location: str

    def replace_graph(self, graph: str, quads: Sequence[Any], meta_remove: Sequence[Any] = (),
                      meta_add: Sequence[Any] = ()) -> None:
        """Atomically: drop ``graph``, insert ``quads``, update the meta graph."""

    def query(self, sparql: str, bindings: dict[str, Any] | None = None) -> ResultTable: ...

    def ask(self, sparql: str, bindings: dict[str, Any] | None = None) -> bool: ...

    def construct(self, sparql: str, bindings: dict[str, Any] | None = None) -> list[Any]: ...

    def update(self, sparql: str) -> None: ...

    def quads(self, graph: str | None = None) -> Iterable[Any]: ...

    def named_graphs(self) -> list[str]: ...

    def triple_count(self) -> int: ...

    def close(self) -> None: ...


def default_location() -> str:
    """``$VENDORGRAPH_STORE`` or ``./.vendorgraph/store``."""
    return os.environ.get(STORE_ENV) or str(DEFAULT_STORE)


def open_store(location: str | os.PathLike[str] | None, *, read_only: bool = False,
               load_reference: bool = True) -> Store:
    """Open a store: ``None`` for in-memory, an ``http(s)://`` endpoint URL, or a directory path."""
    loc = None if location is None else str(location)
    if loc and loc.startswith(("http://", "https://")):
        from .store_endpoint import EndpointStore

        store: Store = EndpointStore(loc)
    else:
        from .store_oxigraph import OxigraphStore

        store = OxigraphStore(loc, read_only=read_only)
    if load_reference and not read_only:
        ensure_reference(store)
    return store


def reference_hash() -> str:
    """Hash of every ontology file: the reference graph is reloaded when it changes."""
    h = hashlib.sha256()
    for f in ontology_files():
        h.update(f.name.encode())
        h.update(f.read_bytes())
    return h.hexdigest()


def ensure_reference(store: Store) -> bool:
    """Load ``ontology/`` into the reference graph unless the stored copy is current. True if (re)loaded."""
    from pyoxigraph import Literal, NamedNode, Quad

    want = reference_hash()
    from .queries import get_query

    have = store.query(get_query("internal/reference-hash").text,
                       {"m": NamedNode(META_GRAPH), "g": NamedNode(REFERENCE_GRAPH)})
    if have.rows and have.rows[0][0] == want:
        return False
    quads = list(reference_quads())
    mark = Quad(NamedNode(REFERENCE_GRAPH), NamedNode(VG.contentHash), Literal(want), NamedNode(META_GRAPH))
    old = [Quad(NamedNode(REFERENCE_GRAPH), NamedNode(VG.contentHash), Literal(r[0]), NamedNode(META_GRAPH))
           for r in have.rows if r[0]]
    bulk = getattr(store, "bulk_replace_graph", None)
    if bulk is not None:  # fast path; the hash mark is written last, so a crash means a reload next time
        bulk(REFERENCE_GRAPH, quads, meta_remove=old, meta_add=[mark])
    else:
        store.replace_graph(REFERENCE_GRAPH, quads, meta_remove=old, meta_add=[mark])
    return True


def reference_quads() -> tuple[Any, ...]:
    """Every triple of the ontology files, in the reference graph (parsed once per process and hash)."""
    return _reference_quads(reference_hash())


@cache
def _reference_quads(content_hash: str) -> tuple[Any, ...]:
    from pyoxigraph import NamedNode, Quad, RdfFormat, parse

    from pyoxigraph import BlankNode

    from .ids import slug
    from .vocab import ID

    g = NamedNode(REFERENCE_GRAPH)
    out = []
    for f in ontology_files():
        names: dict[str, NamedNode] = {}

        def skolem(term: Any) -> Any:
            """Blank nodes become IRIs numbered in parse order: the same files give the same IRIs."""
            if not isinstance(term, BlankNode):
                return term
            if term.value not in names:
                names[term.value] = NamedNode(ID[f"ref/{slug(f.stem)}/b{len(names)}"])
            return names[term.value]

        try:
            out.extend(Quad(skolem(t.subject), t.predicate, skolem(t.object), g)
                       for t in parse(path=str(f), format=RdfFormat.TURTLE))
        except SyntaxError as e:
            raise StoreError(f"{f}: invalid Turtle: {e}") from e
    return tuple(out)


_ECHAR = {"t": "\t", "b": "\b", "n": "\n", "r": "\r", "f": "\f", '"': '"', "'": "'", "\\": "\\"}
_ESCAPE = re.compile(r"\\(?:u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8})|(.))", re.S)


def _unescape_match(m: re.Match[str]) -> str:
    hex4, hex8, char = m.groups()
    if char is None:
        return chr(int(hex4 or hex8, 16))
    try:
        return _ECHAR[char]
    except KeyError:
        raise QueryError(f"invalid escape \\{char} in a TSV query result") from None


def _unescape(text: str) -> str:
    """The string an N-Triples literal body (between its quotes) stands for."""
    return _ESCAPE.sub(_unescape_match, text) if "\\" in text else text


def tsv_cell(cell: str) -> str | None:
    """Plain string of one cell of a SPARQL TSV result (N-Triples term syntax): the IRI, the lexical form or
    the blank node id; ``None`` for an empty (unbound) cell.

    >>> [tsv_cell(c) for c in ('<http://x/a>', '"a\\\\tb"@en', '"1"^^<http://x/t>', '12', '_:b0', '')]
    ['http://x/a', 'a\\tb', '1', '12', 'b0', None]
    """
    if not cell:
        return None
    first = cell[0]
    if first == '"':  # "lexical form" with an optional @lang or ^^<datatype> (neither holds a quote)
        return _unescape(cell[1:cell.rindex('"')])
    if first == "<":
        if cell.startswith("<<"):
            raise QueryError("triple terms in query results are not supported")
        return cell[1:-1]
    if cell.startswith("_:"):
        return cell[2:]
    return cell  # a number or boolean written bare: its lexical form


class _Cells(dict[str, "str | None"]):
    """Cell text -> :func:`tsv_cell`, each distinct text parsed once (results repeat names, codes, statuses)."""

    def __missing__(self, cell: str) -> str | None:
        value = self[cell] = tsv_cell(cell)
        return value


def tsv_rows(data: bytes, width: int) -> list[tuple[str | None, ...]]:
    """The rows of a SPARQL TSV result (``data``: UTF-8, a header line, one line per row) of ``width`` columns.

    Inside a term only a literal may hold a tab or a newline, and those are escaped (``\\t``, ``\\n``), so
    splitting on them is safe; so is splitting a column of plain literals on ``"<newline>"``. No copy of the
    text is made beyond the split: on a big result every fresh buffer costs page faults.

    >>> tsv_rows(b'?a\\t?b\\n"x"\\t\\n<http://y>\\t1\\n', 2)
    [('x', None), ('http://y', '1')]
    """
    text = data.decode("utf-8")
    start = text.find("\n") + 1
    if not start or start == len(text):
        return []
    count = text.count("\n", start)
    if width == 0:
        return [() for _ in range(count)]
    if width == 1 and text.startswith('"', start) and text.endswith('"\n'):
        # Maybe a column of plain literals: every line "..." (a line with a suffix, a bare value or an unbound
        # cell has no quote on one side of its newline, and the number of pieces then falls short).
        values = text[start + 1:-2].split('"\n"')
        if len(values) == count:
            if "\\" in text:
                values = [_unescape(v) for v in values]
            return list(zip(values))
    lines = text.split("\n")
    del lines[0]
    if text.endswith("\n"):
        lines.pop()
    get = _Cells().__getitem__
    if width == 1:
        return list(zip(map(get, lines)))
    rows = [tuple(map(get, line.split("\t"))) for line in lines]
    if set(map(len, rows)) - {width}:
        raise QueryError(f"malformed TSV query result: expected {width} cells per row")
    return rows


def check_query_error(e: Exception, sparql_name: str = "query") -> QueryError:
    msg = str(e).splitlines()[0] if str(e) else e.__class__.__name__
    return QueryError(f"invalid SPARQL in {sparql_name}: {msg}")
