"""End-to-end golden test: the bundled samples give exactly the stored graph (compared as RDF graphs).

Regenerate after an intended change with ``VENDORGRAPH_UPDATE_GOLDEN=1 pytest tests/test_golden.py``
and review the diff of ``tests/golden/samples.nq`` like code.
"""

from __future__ import annotations

import os
from pathlib import Path

import rdflib
from rdflib.compare import graph_diff, isomorphic, to_isomorphic

from vendorgraph.pipeline import ingest
from vendorgraph.store import open_store
from vendorgraph.vocab import REFERENCE_GRAPH

GOLDEN = Path(__file__).parent / "golden" / "samples.nq"


def _sample_graph(samples) -> str:
    store = open_store(None)
    ingest(samples, store)
    # the reference data and its hash mark change with every ontology edit: they are not the samples' graph
    lines = sorted(f"{q.subject} {q.predicate} {q.object} {q.graph_name} .\n" for q in store.quads()
                   if REFERENCE_GRAPH not in (getattr(q.graph_name, "value", None), q.subject.value))
    return "".join(lines)


def _dataset(nquads: str) -> rdflib.Graph:
    ds = rdflib.Dataset()
    ds.parse(data=nquads, format="nquads")
    g = rdflib.Graph()
    for s, p, o, c in ds.quads():
        g.add((s, p, o))
        g.add((s, rdflib.URIRef("urn:vg:test:inGraph"), c if c is not None else rdflib.URIRef("urn:default")))
    return g


def test_samples_match_golden_graph(samples):
    got = _sample_graph(samples)
    if os.environ.get("VENDORGRAPH_UPDATE_GOLDEN"):
        GOLDEN.parent.mkdir(parents=True, exist_ok=True)
        GOLDEN.write_text(got, encoding="utf-8")
    want_g, got_g = _dataset(GOLDEN.read_text(encoding="utf-8")), _dataset(got)
    if not isomorphic(want_g, got_g):
        _, only_want, only_got = graph_diff(to_isomorphic(want_g), to_isomorphic(got_g))
        missing = sorted(only_want.serialize(format="nt").splitlines())[:10]
        extra = sorted(only_got.serialize(format="nt").splitlines())[:10]
        raise AssertionError(f"graph differs from {GOLDEN.name}\nmissing: {missing}\nextra: {extra}")


def test_ingest_is_deterministic(samples):
    assert _sample_graph(samples) == _sample_graph(samples)
