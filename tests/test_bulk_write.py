"""Bulk ingest: new version graphs are bulk-loaded, made current in one transaction; orphans are dropped."""

from __future__ import annotations

from pyoxigraph import NamedNode, Quad

from vendorgraph.pipeline import ingest
from vendorgraph.store import open_store
from vendorgraph.vocab import RDF, VG


def _version_graphs(store) -> set[str]:
    return {g for g in store.named_graphs() if "/v/" in g}


def test_orphan_version_graph_from_an_interrupted_bulk_load_is_dropped(tmp_path, samples):
    store = open_store(tmp_path / "s")
    orphan = "https://w3id.org/vendorgraph/id/doc/ghost-txt/v/0123456789abcdef"
    # what a crash between the bulk load and the meta transaction leaves behind
    store.raw.extend([Quad(NamedNode(orphan), NamedNode(RDF.type), NamedNode(VG.PolicyVersion), NamedNode(orphan))])
    assert orphan in store.named_graphs()
    assert store.drop_orphan_versions() == 1
    assert orphan not in store.named_graphs()
    store.close()


def test_batch_ingest_equals_serial_ingest(tmp_path, samples):
    files = []
    for i in range(3):  # enough files for the parallel batch path (it needs at least four)
        for s in samples:
            f = tmp_path / "in" / f"{i}-{s.name}"
            f.parent.mkdir(exist_ok=True)
            f.write_text(s.read_text(encoding="utf-8") + f"\n\nVersion {i}.\n", encoding="utf-8")
            files.append(f)
    a, b = open_store(tmp_path / "a"), open_store(tmp_path / "b")
    ingest(files, a, jobs=1)
    b_report = ingest(files, b, jobs=2, batch_docs=8)
    assert not b_report.failed
    qa = sorted(map(str, a.quads()))
    qb = sorted(map(str, b.quads()))
    assert qa == qb
    # re-ingesting through the batch path replaces existing graphs in place: nothing changes
    ingest(files, b, jobs=2, batch_docs=8)
    assert sorted(map(str, b.quads())) == qb
    assert _version_graphs(b) == _version_graphs(a)
    a.close()
    b.close()


def test_nquads_are_the_quads_of_build_quads(samples):
    from pyoxigraph import RdfFormat, parse

    from vendorgraph.graph import build_nquads, build_quads, nquads_to_ntriples
    from vendorgraph.load import load
    from vendorgraph.pipeline import document_info, extract_document

    doc = load(samples[0])
    facts, info = extract_document(doc), document_info(doc)
    data, n = build_nquads(facts, info)
    quads = build_quads(facts, info)
    assert n == len(quads) and sorted(map(str, parse(data, format=RdfFormat.N_QUADS))) == list(map(str, quads))
    triples = [str(t) for t in parse(nquads_to_ntriples(data, info.version_iri).encode(), format=RdfFormat.N_TRIPLES)]
    assert sorted(triples) == sorted(f"{q.subject} {q.predicate} {q.object}" for q in quads)


def test_batch_writer_raises_a_failed_batch_and_counts_only_written_ones(tmp_path, samples):
    import pytest

    from vendorgraph.errors import StoreError
    from vendorgraph.pipeline import Extracted, Report, extract_file
    from vendorgraph.writer import BatchWriter

    store, report = open_store(tmp_path / "s"), Report()
    good = extract_file(str(samples[0]))
    bad = Extracted("bad.txt", "bad.txt", good.doc_iri + "x", good.version_iri + "x", b"<a> <b> not-a-term .\n", 1, 1)
    with pytest.raises(StoreError):
        with BatchWriter(store, report, batch_docs=1, batch_triples=10**6) as w:
            w.add(good)
            w.add(bad)  # written on the writer thread; its error comes back on leaving
    assert report.ok == [good.source]
    store.close()


def test_batch_writer_writes_the_last_documents_in_small_batches(monkeypatch):
    from vendorgraph import writer
    from vendorgraph.pipeline import Extracted, Report

    class Recorder:  # a store that records the size of each batch
        def __init__(self) -> None:
            self.sizes: list[int] = []

        def documents_with_versions(self, iris: set[str]) -> set[str]:
            return set()

        def write_nquads(self, items: list, remove: list, add: list) -> None:
            self.sizes.append(len(items))

    monkeypatch.setattr(writer, "TAIL_DOCS", 2)
    store, report = Recorder(), Report()
    items = [Extracted(f"{i}.txt", f"k{i}", f"https://example.org/d{i}", f"https://example.org/v{i}", b"", 1, 1)
             for i in range(20)]
    with writer.BatchWriter(store, report, batch_docs=8, batch_triples=10**6, expected=20) as w:
        for it in items:
            w.add(it)
        w.flush()
    assert store.sizes == [8, 5, 2, 2, 2, 1] and len(report.ok) == 20
    store1 = Recorder()
    with writer.BatchWriter(store1, Report(), batch_docs=8, batch_triples=10**6, expected=21) as w:
        w.skip()  # one of the 21 failed: the tail starts as for 20
        for it in items:
            w.add(it)
        w.flush()
    assert store1.sizes == store.sizes
    store2 = Recorder()
    with writer.BatchWriter(store2, Report(), batch_docs=8, batch_triples=10**6) as w:  # no expected count
        for it in items:
            w.add(it)
        w.flush()
    assert store2.sizes == [8, 8, 4]
