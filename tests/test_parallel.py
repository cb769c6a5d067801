"""Parallel ingest: same graph as one process, failures reported, batches atomic, bounded window."""

from __future__ import annotations

from pathlib import Path

import pytest

from vendorgraph.pipeline import default_jobs, extract_file, ingest, write_versions
from vendorgraph.store import open_store


def _write(folder: Path, n: int) -> list[Path]:
    from benchmarks.generate import generate

    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for name, text in generate(n, seed=7, target_bytes=3000):
        p = folder / name
        p.write_text(text, encoding="utf-8")
        out.append(p)
    return out


def _content(store) -> list[str]:
    return sorted(str(q) for q in store.quads())


def test_generator_is_deterministic_and_bilingual():
    from benchmarks.generate import generate

    a, b = list(generate(12, seed=3)), list(generate(12, seed=3))
    assert a == b
    assert {n.rsplit("-", 1)[1] for n, _ in a} == {"en.txt", "de.txt"}
    assert all(1_500 <= len(t.encode()) <= 90_000 for _, t in a)


@pytest.mark.slow
def test_parallel_ingest_equals_serial_and_reports_failures(tmp_path):
    files = _write(tmp_path / "in", 6)
    (tmp_path / "in" / "empty.txt").write_text("")
    serial, parallel = open_store(None), open_store(None)
    errors = []
    r1 = ingest([tmp_path / "in"], serial, jobs=1)
    r2 = ingest([tmp_path / "in"], parallel, jobs=2, batch_docs=4, on_error=errors.append)
    assert len(r1.ok) == len(r2.ok) == len(files)
    assert [Path(f).name for f, _ in r2.failed] == ["empty.txt"] and len(errors) == 1
    assert r1.triples == r2.triples > 0
    assert _content(serial) == _content(parallel)


def test_batch_write_is_one_transaction_and_keeps_versions(tmp_path):
    files = _write(tmp_path / "in", 3)
    store = open_store(None)
    items = [extract_file(str(p)) for p in files]
    write_versions(store, items)
    first = _content(store)
    write_versions(store, items)  # the same texts again: same graph, nothing duplicated
    assert _content(store) == first
    # a new text of the first document becomes current; the old version stays
    files[0].write_text(files[0].read_text() + "\nWe also use cookies.\n", encoding="utf-8")
    write_versions(store, [extract_file(str(files[0]))])
    rows = store.query("SELECT ?d (COUNT(?v) AS ?n) WHERE { GRAPH ?g { ?d <https://w3id.org/vendorgraph/ontology#currentVersion> ?v } } GROUP BY ?d").rows
    assert len(rows) == 3 and all(n == "1" for _, n in rows)
    from vendorgraph.versions import list_versions

    assert store.documents_with_versions({it.doc_iri for it in items} | {"urn:x:unknown"}) == {it.doc_iri for it in items}
    newest, oldest = list_versions(store, items[0].doc_iri)
    assert (newest.number, newest.current, newest.previous) == (2, True, oldest.iri) and oldest.number == 1


def test_a_failing_batch_leaves_the_store_unchanged(tmp_path):
    from vendorgraph.errors import StoreError
    from vendorgraph.pipeline import Extracted

    files = _write(tmp_path / "in", 2)
    store = open_store(None)
    before = _content(store)
    good = extract_file(str(files[0]))
    graph = good.version_iri + "x"
    bad = Extracted("bad.txt", "bad.txt", good.doc_iri + "x", graph, f"<a> <b> not-a-term <{graph}> .\n".encode(), 1, 1)
    with pytest.raises(StoreError):
        write_versions(store, [good, bad])
    assert _content(store) == before


def test_default_jobs():
    assert default_jobs(1) == 1
    assert default_jobs(100) >= 1
