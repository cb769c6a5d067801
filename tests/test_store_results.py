"""The embedded store's result reader (SPARQL TSV written by Oxigraph, parsed in Python) gives exactly the
rows, in the same order, that reading each pyoxigraph term's ``.value`` gives."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pyoxigraph import BlankNode, Literal, NamedNode, Quad

from fixtures.portfolio import load_into, tiny_portfolio
from vendorgraph.errors import QueryError
from vendorgraph.queries import bindings, list_queries, sort_rows
from vendorgraph.sparql import bind_values
from vendorgraph.store import ResultTable, open_store, tsv_cell, tsv_rows

XSD = "http://www.w3.org/2001/XMLSchema#"
S, G = NamedNode("urn:test:s"), NamedNode("urn:test:g")
AWKWARD = ["", " ", "\t", "\n", "\r\n", '"', '""', "\\", "\\t", '\\"', 'a"@en', '"^^<x>', "<http://x>", "_:b0",
           "\x00\x01\x1f\x7f", "\u2028\u2029\x85\x0b\x0c", "ü€😀", "\\u0041", "\\U0001F600", "tab\there", "'"]


def reference_rows(store: Any, sparql: str) -> tuple[tuple[str, ...], list[tuple[str | None, ...]]]:
    """The rows read the slow way: one pyoxigraph term per cell, its ``.value``."""
    res = store.raw.query(sparql, use_default_graph_as_union=True)
    cols = tuple(v.value for v in res.variables)
    return cols, [tuple(None if sol[c] is None else sol[c].value for c in cols) for sol in res]


def same_as_reference(store: Any, sparql: str) -> list[tuple[str | None, ...]]:
    cols, rows = reference_rows(store, sparql)
    table = store.query(sparql)
    assert table.columns == cols
    assert table.rows == rows
    return rows


def store_with(objects: list[Any]) -> Any:
    s = open_store(None, load_reference=False)
    s.raw.extend(Quad(S, NamedNode(f"urn:test:p{i:05d}"), o, G) for i, o in enumerate(objects))
    return s


ORDERED = "SELECT ?p ?o WHERE { ?s ?p ?o } ORDER BY ?p"

lexical = st.text(max_size=40) | st.sampled_from(AWKWARD)
language = st.from_regex(r"[a-z]{2,3}(-[A-Z]{2}|-[A-Z][a-z]{3}|-[0-9]{3})?", fullmatch=True)
datatype = st.sampled_from([XSD + "string", XSD + "integer", XSD + "decimal", XSD + "double", XSD + "boolean",
                            XSD + "date", XSD + "int", "urn:test:type", "http://x/ü#t"])
iri = st.from_regex(r"(https?://x/|urn:test:)([A-Za-z0-9._~!$&'()*+,;=:@/?üé-]|%[0-9A-F]{2}){0,30}(#[a-z]*)?",
                    fullmatch=True)


@st.composite
def terms(draw: st.DrawFn) -> Any:
    kind = draw(st.sampled_from(["plain", "lang", "typed", "iri", "bnode"]))
    if kind == "plain":
        return Literal(draw(lexical))
    if kind == "lang":
        return Literal(draw(lexical), language=draw(language))
    if kind == "typed":
        return Literal(draw(lexical | st.from_regex(r"[+-]?[0-9]{1,5}(\.[0-9]{0,3})?(E[+-]?[0-9])?", fullmatch=True)),
                       datatype=NamedNode(draw(datatype)))
    if kind == "iri":
        return NamedNode(draw(iri))
    return BlankNode(draw(st.from_regex(r"[A-Za-z][A-Za-z0-9]{0,10}", fullmatch=True)))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(terms(), min_size=1, max_size=12))
def test_any_term_reads_as_its_value(objects: list[Any]) -> None:
    s = store_with(objects)
    rows = same_as_reference(s, ORDERED)
    assert len(rows) == len(objects)


@settings(max_examples=200, deadline=None)
@given(st.lists(lexical, min_size=1, max_size=8))
def test_awkward_strings_round_trip(texts: list[str]) -> None:
    s = store_with([Literal(t) for t in texts])
    assert [r[1] for r in same_as_reference(s, ORDERED)] == texts


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(lexical, st.booleans(), st.booleans()), min_size=1, max_size=8))
def test_unbound_cells_and_empty_strings_differ(spec: list[tuple[str, bool, bool]]) -> None:
    """OPTIONAL leaves cells unbound (None); an empty literal stays ''. Several columns, any mix."""
    s = open_store(None, load_reference=False)
    for i, (text, has_a, has_b) in enumerate(spec):
        node = NamedNode(f"urn:test:n{i:03d}")
        s.raw.add(Quad(node, NamedNode("urn:test:i"), Literal(str(i)), G))
        if has_a:
            s.raw.add(Quad(node, NamedNode("urn:test:a"), Literal(text), G))
        if has_b:
            s.raw.add(Quad(node, NamedNode("urn:test:b"), Literal(""), G))
    rows = same_as_reference(s, "SELECT ?n ?a ?b ?i WHERE { ?n <urn:test:i> ?i "
                                "OPTIONAL { ?n <urn:test:a> ?a } OPTIONAL { ?n <urn:test:b> ?b } } ORDER BY ?n")
    assert [(r[1], r[2]) for r in rows] == [(t if a else None, "" if b else None) for t, a, b in spec]


@pytest.mark.parametrize("sparql, expected", [
    ("SELECT * WHERE {}", [()]),
    ("SELECT ?x WHERE {}", [(None,)]),
    ("SELECT ?x WHERE { VALUES ?x { 1 } FILTER(false) }", []),
    ("SELECT ?x ?y WHERE { VALUES ?y { 1 2 } }", [(None, "1"), (None, "2")]),
    ("SELECT (BNODE('a') AS ?b) (1.50 AS ?d) (true AS ?t) (-0 AS ?z) (\"x\"@en-GB AS ?l) WHERE {}",
     None),  # compared with the reference only (blank node ids are generated)
])
def test_edge_shapes(sparql: str, expected: list[tuple[str | None, ...]] | None) -> None:
    s = open_store(None, load_reference=False)
    rows = same_as_reference(s, sparql)
    if expected is not None:
        assert rows == expected


def test_tsv_cell_forms() -> None:
    assert tsv_cell('"a\\tb\\n\\"c\\"\\\\"') == 'a\tb\n"c"\\'
    assert tsv_cell('"x"@en-gb') == "x"
    assert tsv_cell('"1\\""^^<http://www.w3.org/2001/XMLSchema#integer>') == '1"'
    assert tsv_cell('"\\u00FC\\U0001F600"') == "ü😀"
    assert tsv_cell("<urn:x>") == "urn:x"
    assert tsv_cell("_:b1") == "b1"
    assert tsv_cell("-1.5E3") == "-1.5E3"
    assert tsv_cell("") is None
    with pytest.raises(QueryError):
        tsv_cell('"bad \\q escape"')


def test_tsv_rows_checks_the_width() -> None:
    assert tsv_rows(b"?a\t?b\n1\t2\n", 2) == [("1", "2")]
    with pytest.raises(QueryError):
        tsv_rows(b"?a\t?b\n1\n", 2)


@pytest.fixture(scope="module")
def portfolio():
    s = open_store(None)
    load_into(s, tiny_portfolio())
    yield s
    s.close()


@pytest.mark.parametrize("spec", [q for folder in ("", "checks", "risk") for q in list_queries(folder)
                                  if all(p.default is not None for p in q.params)], ids=lambda q: q.name)
def test_every_shipped_query_reads_the_same_rows(portfolio: Any, spec: Any) -> None:
    """Same rows, same order, as the per-term reader, for every shipped query on the fixture portfolio.

    A query without ORDER BY has no order of its own (Oxigraph's may change from run to run); its
    ``# sort:`` header orders it, as :func:`vendorgraph.queries.run` does.
    """
    sparql = bind_values(spec.text, bindings(spec, {}, portfolio))
    cols, rows = reference_rows(portfolio, sparql)
    table = portfolio.query(sparql)
    assert table.columns == cols
    if spec.get("sort"):
        assert sort_rows(spec, table).rows == sort_rows(spec, ResultTable(cols, rows)).rows
    else:
        assert "ORDER BY" in spec.text
        assert table.rows == rows
    if spec.path.parent.name == "queries":  # checks pass with no rows
        assert rows, "the fixture portfolio should give every shipped question some rows"

