"""Policy versions: store a version atomically and make it current; compare versions.

A document is identified by its key (file name or URL); each distinct text is a version
with its own named graph. The previous version stays queryable.
"""

from __future__ import annotations

from .graph import build_quads
from .model import Document, Facts
from .store import Store


def store_document(store: Store, doc: Document, facts: Facts, key: str | None = None) -> int:
    """Write one version's named graph and make it current, in one transaction. Returns triples written."""
    from pyoxigraph import NamedNode, Quad

    from .vocab import META_GRAPH, VG

    from .pipeline import document_info

    info = document_info(doc, key)
    quads = build_quads(facts, info)
    meta = NamedNode(META_GRAPH)
    d, v = NamedNode(info.doc_iri), NamedNode(info.version_iri)
    current = store.query("SELECT ?v WHERE { GRAPH ?m { ?d ?p ?v } }",
                          {"m": meta, "d": d, "p": NamedNode(VG.currentVersion)})
    old = [Quad(d, NamedNode(VG.currentVersion), NamedNode(r[0]), meta) for r in current.rows if r[0]]
    add = [Quad(d, NamedNode(VG.currentVersion), v, meta), Quad(d, NamedNode(VG.hasVersion), v, meta)]
    add += [Quad(v, NamedNode(VG.previousVersion), o.object, meta) for o in old if o.object != v]
    store.replace_graph(info.version_iri, quads, meta_remove=old, meta_add=add)
    return len(quads)
