"""resolve_facts (parties -> registry vendors) and registry inference kept apart from stated facts."""

from __future__ import annotations

from datetime import date

from pyoxigraph import Store

from vendorgraph.graph import DocumentInfo, build_quads
from vendorgraph.model import Controller, Facts, Party, Span, Transfer
from vendorgraph.resolve import resolve_facts
from vendorgraph.resolve.infer import inferred_quads, inferred_transfers
from vendorgraph.vocab import ID, VG

DOC = DocumentInfo(key="t.txt", name="t.txt", content_hash="ab" * 32, language="en", length=100)


def _facts() -> Facts:
    ev = (Span(0, 6, "Google", rule="test"),)
    return Facts(
        document="t.txt", language="en", controller=Controller("ACME GmbH", "DE"),
        parties=(Party("Google Ireland Ltd.", countries=("IE",), roles=("processor",), evidence=ev),
                 Party("CrazyEgg", evidence=(Span(10, 18, "CrazyEgg", rule="test"),)),
                 Party("LinkedIn", countries=("US",), evidence=(Span(20, 28, "LinkedIn", rule="test"),)),
                 Party("Metaflow GmbH", evidence=(Span(30, 38, "Metaflow", rule="test"),))),
        transfers=(Transfer("CrazyEgg", "US", ("scc",), evidence=(Span(10, 18, "CrazyEgg", rule="test"),)),))


def test_resolve_sets_vendor_ids_and_keeps_names():
    f = resolve_facts(_facts())
    by = {p.name: p.vendor_id for p in f.parties}
    assert by["Google Ireland Ltd."] == ID["org/google"]
    assert by["CrazyEgg"] == ID["org/crazyegg"]
    assert by["Metaflow GmbH"] is None                      # stays a policy-only vendor
    assert [p.name for p in f.parties] == [p.name for p in _facts().parties]


def test_resolve_uses_aliases_not_services():
    f = resolve_facts(Facts(document="x", language="en", parties=(
        Party("Alphabet-Tochter", aliases=("Google LLC",)), Party("ACME Reseller", services=("Microsoft Teams",)))))
    assert [p.vendor_id for p in f.parties] == [ID["org/google"], None]


def test_inferred_transfers_come_from_the_registry_only_where_unstated():
    got = {(t.party, t.country) for t in inferred_transfers(resolve_facts(_facts()), on=date(2024, 1, 1))}
    assert ("Google Ireland Ltd.", "US") in got          # parent Google LLC
    assert ("CrazyEgg", "US") not in got                  # the policy states this transfer
    assert ("LinkedIn", "US") not in got                  # the policy states the country
    assert not any(p == "Metaflow GmbH" for p, _ in got)  # unresolved: nothing to infer


def test_inferred_flows_are_marked_and_separable():
    facts = resolve_facts(_facts())
    store = Store()
    store.extend(build_quads(facts, DOC) + inferred_quads(facts, DOC, on=date(2024, 1, 1)))
    q = """PREFIX vg: <%s>
           SELECT ?to ?prov ?why WHERE { GRAPH ?g { ?f a vg:Transfer ; vg:to ?to ; vg:provenance ?prov ;
               vg:evidence/vg:quote ?quote . OPTIONAL { ?f vg:inferredFrom ?why } } }""" % VG
    rows = {(s["to"].value, s["prov"].value, s["why"].value if s["why"] else None) for s in store.query(q)}
    inferred = [r for r in rows if r[1] == VG.Inferred]
    stated = [r for r in rows if r[1] == VG.Stated]
    assert [r[0] for r in inferred] == [ID["org/google"]]
    assert "Google LLC (US)" in inferred[0][2] and "source:" in inferred[0][2]
    assert [r[0] for r in stated] == [ID["org/crazyegg"]] and stated[0][2] is None


def test_inferred_flows_pass_the_store_checks(mem_store):
    from vendorgraph.queries import run_checks

    facts = resolve_facts(_facts())
    quads = build_quads(facts, DOC) + inferred_quads(facts, DOC, on=date(2024, 1, 1))
    mem_store.replace_graph(DOC.version_iri, quads)
    results = run_checks(mem_store, ["flow-evidence", "transfer-shape", "known-countries"])
    assert [(r.spec.name, r.table.rows[:2]) for r in results if not r.ok] == []
