"""Plain-tuple triples for building a version graph, and their N-Quads, without pyoxigraph objects per term.

A version graph has ~700 statements; building them as pyoxigraph ``Quad`` objects and printing those cost
more than half of the graph stage at ingest. A :data:`Triple` is ``(subject, predicate, object, datatype)``:
IRIs as plain strings, ``datatype`` ``None`` when the object is an IRI, ``""`` for a plain string literal,
else the datatype IRI. :func:`nquad_line` writes exactly what pyoxigraph prints for the same quad (a test
compares them on arbitrary text); :func:`to_quads` gives the pyoxigraph quads for the API.

>>> b = Builder("https://example.org/g")
>>> b.add("https://example.org/s", "https://example.org/p", "https://example.org/o")
>>> b.lit("https://example.org/s", "https://example.org/q", 'say "hi"\\n')
>>> print("".join(nquad_line(t, "https://example.org/g") for t in b.triples), end="")
<https://example.org/s> <https://example.org/p> <https://example.org/o> <https://example.org/g> .
<https://example.org/s> <https://example.org/q> "say \\"hi\\"\\n" <https://example.org/g> .
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Iterable, Optional

from .vocab import XSD

if TYPE_CHECKING:
    from pyoxigraph import Quad

#: (subject IRI, predicate IRI, object IRI or lexical form, None for an IRI / "" for a plain literal / datatype IRI)
Triple = tuple[str, str, str, Optional[str]]

#: N-Triples string escapes as pyoxigraph writes them: named escapes, \\uXXXX for other control characters.
_ESCAPES = {i: f"\\u{i:04X}" for i in [*range(0x20), 0x7F]}
_ESCAPES.update({0x08: "\\b", 0x09: "\\t", 0x0A: "\\n", 0x0C: "\\f", 0x0D: "\\r", 0x22: '\\"', 0x5C: "\\\\"})
_NEEDS_ESCAPE = re.compile('[\x00-\x1f\x7f"\\\\]')


def quoted(text: str) -> str:
    """``text`` as an N-Triples string literal.

    >>> quoted('a "b"')
    '"a \\\\"b\\\\""'
    """
    if _NEEDS_ESCAPE.search(text) is None:
        return f'"{text}"'
    return f'"{text.translate(_ESCAPES)}"'


def nquad_line(t: Triple, graph: str) -> str:
    """One N-Quads line (with its newline) for triple ``t`` in the named graph ``graph``."""
    return nquad_lines((t,), graph)


def nquad_lines(triples: Iterable[Triple], graph: str) -> str:
    """The N-Quads lines of ``triples`` in the named graph ``graph``, in order (one loop: some 700 lines a version)."""
    tail = f" <{graph}> .\n"
    plain = XSD.string
    out = []
    for s, p, o, dt in triples:
        if dt is None:
            out.append(f"<{s}> <{p}> <{o}>{tail}")
            continue
        obj = quoted(o)
        out.append(f"<{s}> <{p}> {obj}^^<{dt}>{tail}" if dt and dt != plain else f"<{s}> <{p}> {obj}{tail}")
    return "".join(out)


def to_quads(triples: Iterable[Triple], graph: str) -> list[Quad]:
    """The pyoxigraph quads of ``triples`` in ``graph`` (one NamedNode per distinct IRI)."""
    from pyoxigraph import Literal, NamedNode, Quad

    nodes: dict[str, NamedNode] = {}

    def node(iri: str) -> NamedNode:
        n = nodes.get(iri)
        if n is None:
            n = nodes[iri] = NamedNode(iri)
        return n

    g = node(graph)
    out = []
    for s, p, o, dt in triples:
        obj = node(o) if dt is None else Literal(o, datatype=node(dt)) if dt else Literal(o)
        out.append(Quad(node(s), node(p), obj, g))
    return out


class Builder:
    """Collects a version graph's triples: ``add`` for an IRI object, ``lit`` for a literal."""

    __slots__ = ("graph", "triples")

    def __init__(self, graph: str) -> None:
        self.graph = graph
        self.triples: list[Triple] = []

    def add(self, s: str, p: str, o: str) -> None:
        self.triples.append((s, p, o, None))

    def lit(self, s: str, p: str, value: object, datatype: str | None = None) -> None:
        """A literal: ``bool`` -> xsd:boolean, ``int`` -> xsd:integer, else a string (or of ``datatype``)."""
        if isinstance(value, bool):
            self.triples.append((s, p, "true" if value else "false", XSD.boolean))
        elif isinstance(value, int):
            self.triples.append((s, p, str(value), XSD.integer))
        else:
            self.triples.append((s, p, str(value), datatype or ""))

    @property
    def quads(self) -> list[Quad]:
        return to_quads(self.triples, self.graph)
