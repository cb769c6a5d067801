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
