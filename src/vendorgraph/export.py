"""Serialise the stored graph (sorted, deterministic) as Turtle, N-Triples, N-Quads, TriG or JSON-LD."""

from __future__ import annotations

from .store import Store
from .vocab import PREFIXES, REFERENCE_GRAPH


def _quads(store: Store, include_reference: bool) -> list:
    return sorted((q for q in store.quads() if include_reference or
                   getattr(q.graph_name, "value", None) != REFERENCE_GRAPH), key=str)


def export_graph(store: Store, fmt: str = "ttl", include_reference: bool = True) -> str:
    """The store's content in ``fmt`` (ttl, nt, nq, trig, jsonld); ttl, nt and jsonld merge the graphs."""
    quads = _quads(store, include_reference)
    if fmt == "nq":
        return "".join(f"{q.subject} {q.predicate} {q.object} {q.graph_name} .\n" for q in quads)
    if fmt == "nt":
        lines = sorted({f"{q.subject} {q.predicate} {q.object} .\n" for q in quads})
        return "".join(lines)
    import rdflib

    if fmt == "trig":
        ds = rdflib.Dataset()
        ds.parse(data="".join(f"{q.subject} {q.predicate} {q.object} {q.graph_name} .\n" for q in quads), format="nquads")
        for p, iri in PREFIXES.items():
            ds.bind(p, iri)
        return ds.serialize(format="trig")
    g = rdflib.Graph()
    g.parse(data="".join(f"{q.subject} {q.predicate} {q.object} .\n" for q in quads), format="nt")
    for p, iri in PREFIXES.items():
        g.bind(p, iri)
    if fmt == "jsonld":
        return g.serialize(format="json-ld", context={p: i for p, i in PREFIXES.items()}, sort_keys=True, indent=1)
    return g.serialize(format="turtle")
