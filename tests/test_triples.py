"""Plain-tuple triples: their N-Quads are what pyoxigraph prints, and a version graph's flows keep their hop."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from pyoxigraph import Literal, NamedNode, Quad, RdfFormat, parse

from vendorgraph.graph import DocumentInfo, build_nquads, build_quads, triple_set
from vendorgraph.model import Controller, Facts, Party, Span, Transfer
from vendorgraph.triples import Builder, nquad_line, to_quads
from vendorgraph.vocab import VG, XSD

G, S, P = "https://example.org/g", "https://example.org/s", "https://example.org/p"
TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)


@settings(max_examples=400, deadline=None)
@given(text=TEXT, datatype=st.sampled_from(["", XSD.string, XSD.integer, XSD.decimal, "https://example.org/dt"]))
def test_a_literal_line_is_what_pyoxigraph_prints(text: str, datatype: str) -> None:
    lit = Literal(text, datatype=NamedNode(datatype)) if datatype else Literal(text)
    want = f"{Quad(NamedNode(S), NamedNode(P), lit, NamedNode(G))} .\n"
    assert nquad_line((S, P, text, datatype), G) == want
    assert to_quads([(S, P, text, datatype)], G) == [Quad(NamedNode(S), NamedNode(P), lit, NamedNode(G))]
    assert list(parse(want.encode(), format=RdfFormat.N_QUADS)) == to_quads([(S, P, text, datatype)], G)


def test_builder_types_literals_like_the_graph_did() -> None:
    b = Builder(G)
    b.add(S, P, "https://example.org/o")
    b.lit(S, P, True)
    b.lit(S, P, 7)
    b.lit(S, P, "0.500", XSD.decimal)
    b.lit(S, P, "plain")
    objects = [q.object for q in b.quads]
    assert objects == [NamedNode("https://example.org/o"), Literal("true", datatype=NamedNode(XSD.boolean)),
                       Literal("7", datatype=NamedNode(XSD.integer)), Literal("0.500", datatype=NamedNode(XSD.decimal)),
                       Literal("plain")]


def _facts() -> Facts:
    ev = (Span(0, 4, "Acme", "test"),)
    return Facts("a.txt", "en", Controller("Acme GmbH", "DE"),
                 parties=(Party("Mailer Inc.", countries=("US",), roles=("processor",), evidence=ev),
                          Party("Cloud LLC", countries=("US",), roles=("processor", "sub_processor"), evidence=ev)),
                 transfers=(Transfer("Cloud LLC", "US", ("scc",), evidence=ev),
                            Transfer("Cloud LLC", "US", ("scc",), via="Mailer Inc.", evidence=ev)))


DOC = DocumentInfo(key="a.txt", name="a.txt", content_hash="0" * 64, language="en", length=10)


def test_a_chain_and_a_direct_flow_to_one_recipient_are_two_flows_and_two_paths() -> None:
    triples = triple_set(_facts(), DOC, infer=False)
    cloud = "https://w3id.org/vendorgraph/id/org/cloud-llc"
    flows = {s for s, p, o, _ in triples if p == VG.to and o == cloud and (s, VG.destination) in
             {(s2, p2) for s2, p2, _, _ in triples}}
    assert len(flows) == 2
    for f in flows:  # each flow has exactly one hop before it
        assert len([o for s, p, o, _ in triples if s == f and p == VG["from"]]) == 1
    texts = sorted(o for s, p, o, _ in triples if p == VG.pathText)
    assert texts == ["Acme GmbH -> Cloud LLC [US]", "Acme GmbH -> Mailer Inc. -> Cloud LLC [US]"]


def test_nquads_parse_to_the_quads_of_build_quads() -> None:
    data, n = build_nquads(_facts(), DOC)
    quads = build_quads(_facts(), DOC)
    assert n == len(quads) and sorted(map(str, parse(data, format=RdfFormat.N_QUADS))) == list(map(str, quads))
