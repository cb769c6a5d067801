"""networkx analyses built from the flows query; they must agree with SPARQL's usa-paths (path-details)."""

from __future__ import annotations

import pytest

from fixtures.portfolio import load_into, random_portfolio, tiny_portfolio
from vendorgraph import network
from vendorgraph.queries import run


def sparql_keys(store, country="US"):
    return {(r["controller"], r["recipient"], r["via"], r["code"], frozenset(m for m in (r["mechanisms"] or "").split(", ") if m))
            for r in run(store, "path-details", country=country).dicts()}


def nx_keys(store, country="US"):
    return {p.key() for p in network.paths_to(network.load_graph(store), country)}


@pytest.fixture(scope="module")
def tiny():
    from vendorgraph.store import open_store

    s = open_store(None)
    load_into(s, tiny_portfolio())
    yield s
    s.close()


def test_paths_agree_with_sparql_on_the_fixture(tiny):
    assert nx_keys(tiny) == sparql_keys(tiny)
    assert len(nx_keys(tiny)) == 6
    assert nx_keys(tiny, "third_countries") == sparql_keys(tiny, "third_countries") != set()


def test_path_hops_carry_attributes(tiny):
    G = network.load_graph(tiny)
    [chain] = [p for p in network.paths_to(G, "US") if len(p.hops) == 2]
    assert chain.text == "Alpha GmbH -> Helpdesk Inc -> Cloud Corp [US]"
    first, last = chain.hops
    assert (first.target_name, first.code, first.mechanisms, first.status) == ("Helpdesk Inc", "US", ("scc",), "safeguarded")
    assert (last.target_name, last.mechanisms, last.status, last.categories) == ("Cloud Corp", ("adequacy",), "uncertified", ("contact", "identity"))
    table = network.paths_table([chain])
    assert table.dicts()[0]["hopStatus"] == "Helpdesk Inc: safeguarded; Cloud Corp: uncertified"


def test_reachability(tiny):
    G = network.load_graph(tiny)
    assert network.reachable(G, "Beta Ltd", "US")
    assert not network.reachable(G, "Beta Ltd", "GB")
    assert network.reachable(G, "Alpha GmbH", "third_countries")
    assert not network.reachable(G, "Beta Ltd", "third_countries")


def test_vendor_centrality_and_communities(tiny):
    G = network.load_graph(tiny)
    top = network.vendor_centrality(G, top=1)[0]
    assert (top[1], top[2]) == ("Helpdesk Inc", 2)
    assert top[3] > 0  # it passes Alpha's data on to Cloud Corp
    assert network.communities(G) == [["Alpha GmbH", "Beta Ltd"]]
    assert network.communities(G, min_shared=2) == [["Alpha GmbH"], ["Beta Ltd"]]


def test_implied_hop_for_a_party_that_receives_nothing_stated():
    rows = [
        {"flow": "f1", "controller": "c", "controllerName": "C", "source": "p", "sourceName": "P", "target": "s",
         "targetName": "S", "targetKind": "organisation", "roles": "sub_processor", "code": "US",
         "mechanisms": "scc", "status": "safeguarded", "statusKey": "2safeguarded", "categories": "", "quote": "q", "document": "d"},
    ]
    G = network.flow_graph(rows)
    [p] = network.paths_to(G, "US")
    assert p.hops[0].implied and p.via == "P" and p.text == "C -> P -> S [US]"
    assert network.reachable(G, "C", "US") and not network.reachable(G, "C", "GB")


def test_paths_agree_with_sparql_on_the_samples(samples):
    from vendorgraph.pipeline import ingest
    from vendorgraph.store import open_store

    s = open_store(None)
    ingest(samples, s)
    assert nx_keys(s) == sparql_keys(s)
    assert sparql_keys(s), "the samples transfer data to the USA"


def test_paths_agree_with_sparql_on_a_small_random_portfolio():
    from vendorgraph.store import open_store

    s = open_store(None)
    load_into(s, random_portfolio(60, seed=3), bulk=True)
    keys = sparql_keys(s)
    assert len(keys) > 60
    assert nx_keys(s) == keys
    assert any(k[2] for k in keys), "chains with a via party"


@pytest.mark.slow
def test_paths_agree_with_sparql_on_1000_policies():
    from vendorgraph.store import open_store

    s = open_store(None)
    load_into(s, random_portfolio(1000, seed=7), bulk=True)
    keys = sparql_keys(s)
    assert len(keys) > 1000
    assert nx_keys(s) == keys
