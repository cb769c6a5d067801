"""Nothing lost: a kill, a crash or an error in the middle of an ingest leaves whole documents only.

The kill test runs a long ingest loop in a child process on an on-disk store, SIGKILLs it while
it is inside a write, reopens the store and checks every version graph against ``build_quads``.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from collections import Counter

import pytest

from vendorgraph.graph import build_quads
from vendorgraph.ids import text_hash
from vendorgraph.load import from_text
from vendorgraph.model import Controller, Facts, Party, Transfer
from vendorgraph.pipeline import document_info
from vendorgraph.store import open_store
from vendorgraph.versions import store_document
from vendorgraph.vocab import META_GRAPH, REFERENCE_GRAPH, VG


def make(i: int):
    """Document i of the loop: three documents get new versions over and over; big graphs (slow writes)."""
    doc = from_text(f"Privacy policy revision {i}.", name=f"doc{i % 3}.txt")
    parties = tuple(Party(f"Vendor {i}-{j} Inc.", countries=("US",), roles=("processor",)) for j in range(150))
    facts = Facts(doc.name, "en", Controller("Example Widgets GmbH", "DE"), parties=parties,
                  transfers=tuple(Transfer(p.name, "US", ("scc",)) for p in parties[:50]))
    return doc, facts


CHILD = textwrap.dedent("""
    import sys
    sys.path.insert(0, {tests!r})
    from test_crash import make
    from vendorgraph.store import open_store
    from vendorgraph.versions import store_document

    store = open_store({store!r}, load_reference=False)
    original = store.replace_graph
    def traced(*a, **k):
        print("writing", flush=True)
        original(*a, **k)
    store.replace_graph = traced
    for i in range(10_000):
        doc, facts = make(i)
        store_document(store, doc, facts)
        print("wrote", i, flush=True)
""")


def check_whole_documents(store) -> dict[str, int]:
    """Every version graph equals build_quads of its document; the meta graph is consistent. Returns version -> i."""
    expected = {}
    for i in range(200):
        doc, facts = make(i)
        expected[text_hash(doc.text)] = (i, doc, facts)
    from vendorgraph.transfer_paths import CURRENT_INDEX

    found = {}
    meta = [(q.subject.value, q.predicate.value, q.object.value) for q in store.quads(META_GRAPH)]
    currents = {o for _, p, o in meta if p == VG.currentVersion}
    graphs = [g for g in store.named_graphs() if g not in (META_GRAPH, REFERENCE_GRAPH)]
    for g in graphs:
        hashes = [q.object.value for q in store.quads(g) if q.predicate.value == VG.contentHash]
        assert len(hashes) == 1, g
        i, doc, facts = expected[hashes[0]]
        # a version that is no longer current keeps everything but the current-path index
        want = sorted(str(q) for q in build_quads(facts, document_info(doc))
                      if g in currents or q.predicate.value not in CURRENT_INDEX)
        assert sorted(map(str, store.quads(g))) == want, f"version graph of revision {i} is incomplete"
        found[g] = i
    has = {(s, o) for s, p, o in meta if p == VG.hasVersion}
    current = Counter(s for s, p, o in meta if p == VG.currentVersion)
    assert {o for _, o in has} == set(found), "meta graph and version graphs disagree"
    assert all(n == 1 for n in current.values()) and set(current) == {s for s, _ in has}
    for s, p, o in meta:
        if p in (VG.currentVersion, VG.previousVersion):
            assert o in found, f"{p} points to a missing version"
    numbers = Counter((s, o) for s, p, o in meta if p == VG.versionNumber)
    assert all(n == 1 for n in numbers.values())
    return found


@pytest.mark.parametrize("kill_at", [1, 4])
def test_sigkill_mid_ingest_leaves_whole_documents(tmp_path, kill_at):
    store_dir = tmp_path / "store"
    code = CHILD.format(tests=os.path.dirname(__file__), store=str(store_dir))
    child = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    wrote, writing = [], 0
    try:
        for line in child.stdout:  # type: ignore[union-attr]
            if line.startswith("wrote"):
                wrote.append(int(line.split()[1]))
            elif line.startswith("writing"):
                writing += 1
                if writing > kill_at:  # the child is inside its next write transaction
                    break
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait()
    assert child.returncode == -signal.SIGKILL, child.stderr.read()  # type: ignore[union-attr]
    store = open_store(store_dir, load_reference=False)
    try:
        found = check_whole_documents(store)
    finally:
        store.close()
    assert set(wrote) <= set(found.values())  # every committed write survived
    assert set(found.values()) <= set(wrote) | {len(wrote)}  # at most the interrupted one besides


def test_a_failing_update_applies_nothing():
    """Oxigraph runs one SPARQL Update as one transaction: a failure in a later operation undoes the earlier ones."""
    mem_store = open_store(None, load_reference=False)
    doc, facts = make(0)
    store_document(mem_store, doc, facts)
    before = sorted(map(str, mem_store.quads()))
    with pytest.raises(OSError):
        mem_store.update("INSERT DATA { GRAPH <https://example.org/g> { <https://a.example> <https://b.example> 1 } } ;"
                         " LOAD <http://127.0.0.1:9/unreachable> INTO GRAPH <https://example.org/g2>")
    assert sorted(map(str, mem_store.quads())) == before


def test_an_extractor_crash_mid_batch_keeps_whole_documents(tmp_path, monkeypatch):
    from vendorgraph import pipeline

    store = open_store(tmp_path / "store", load_reference=False)
    doc0, facts0 = make(0)
    store_document(store, doc0, facts0)
    before = sorted(map(str, store.quads()))
    real = store.replace_graph
    calls = []

    def failing(graph, quads, meta_remove=(), meta_add=()):
        calls.append(graph)
        raise OSError("disk full (simulated)")  # the write never reaches the store

    store.replace_graph = failing  # type: ignore[method-assign]
    doc1, facts1 = make(1)
    with pytest.raises(OSError):
        store_document(store, doc1, facts1)
    store.replace_graph = real  # type: ignore[method-assign]
    assert calls and sorted(map(str, store.quads())) == before
    monkeypatch.setattr(pipeline, "extract_document", lambda doc, ex="rules": (_ for _ in ()).throw(RuntimeError("bug")))
    (tmp_path / "p.txt").write_text("Privacy policy: the controller processes personal data under the GDPR.")
    try:  # the serial path lets an extractor bug escape; a pool reports it as a failed document
        report = pipeline.ingest([tmp_path / "p.txt"], store, jobs=1)
    except RuntimeError:
        pass
    else:
        assert [src for src, _ in report.failed] == [str(tmp_path / "p.txt")] and not report.ok
    assert sorted(map(str, store.quads())) == before
    check_whole_documents(store)
    store.close()
