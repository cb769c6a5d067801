"""Consistency checks (queries/checks/*.rq): silent on a sound graph, loud on each planted defect."""

from __future__ import annotations

import pytest

from fixtures.portfolio import load_into, tiny_portfolio
from vendorgraph.errors import QueryError
from vendorgraph.queries import list_queries, run_checks

VG = "https://w3id.org/vendorgraph/ontology#"


@pytest.fixture()
def store():
    from vendorgraph.store import open_store

    s = open_store(None)
    load_into(s, tiny_portfolio())
    yield s
    s.close()


def failing(store) -> dict[str, int]:
    return {r.spec.name: len(r.table) for r in run_checks(store) if not r.ok}


def plant(store, turtle: str) -> None:
    store.update("PREFIX vg: <%s> PREFIX loc: <https://w3id.org/dpv/loc#> INSERT DATA { GRAPH <urn:test:defect> { %s } }" % (VG, turtle))


def test_checks_are_documented():
    names = {q.name for q in list_queries("checks")}
    assert {"flow-evidence", "declared-concepts", "known-countries", "current-version", "transfer-shape"} <= names
    assert all(q.title and q.description for q in list_queries("checks"))


def test_a_sound_graph_passes_every_check(store):
    assert failing(store) == {}


def test_flow_without_evidence(store):
    plant(store, "<urn:f> a vg:DataFlow ; vg:to <urn:x> .")
    assert failing(store) == {"flow-evidence": 1}


def test_flow_whose_evidence_has_no_quote(store):
    plant(store, "<urn:f> a vg:DataFlow ; vg:to <urn:x> ; vg:evidence <urn:e> . <urn:e> vg:start 1 .")
    assert failing(store) == {"flow-evidence": 1}


def test_flow_with_one_quoted_evidence_of_two(store):
    plant(store, "<urn:f> a vg:DataFlow ; vg:to <urn:x> ; vg:evidence <urn:e1>, <urn:e2> . <urn:e2> vg:quote 'q' .")
    assert failing(store) == {}


def test_undeclared_category(store):
    plant(store, "<urn:f> vg:dataCategory <https://w3id.org/vendorgraph/concept/data/horoscope> .")
    assert failing(store) == {"declared-concepts": 1}


def test_unknown_country(store):
    plant(store, "<urn:o> vg:country <https://w3id.org/dpv/loc#Atlantis> .")
    assert failing(store) == {"known-countries": 1}


def test_transfer_without_mechanism(store):
    plant(store, "<urn:f> a vg:Transfer ; vg:destination loc:US .")
    assert failing(store) == {"transfer-shape": 1}


def test_document_without_current_version(store):
    plant(store, "<urn:d> a vg:PolicyDocument .")
    assert failing(store) == {"current-version": 1}


def test_unknown_check_name(store):
    with pytest.raises(QueryError, match="unknown check 'nope'"):
        run_checks(store, ["nope"])
    assert [r.spec.name for r in run_checks(store, ["flow-evidence"])] == ["flow-evidence"]
