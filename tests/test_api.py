"""The Python API (vendorgraph.api.Graph) and the query/queries/paths/check commands."""

from __future__ import annotations

import json

import pytest

from fixtures.portfolio import load_into, tiny_portfolio
from vendorgraph.api import Graph
from vendorgraph.cli import main
from vendorgraph.errors import QueryError, StoreError


@pytest.fixture()
def graph():
    g = Graph.open()
    load_into(g.store, tiny_portfolio())
    yield g
    g.close()


def test_query_returns_rows_and_tables(graph):
    rows = graph.query("usa-paths", country="US")
    assert len(rows) == 6 and rows[0]["path"].startswith("Alpha GmbH -> ")
    assert graph.table("path-details").columns[0] == "controller"
    assert "usa-paths" in [q.name for q in graph.queries()]
    assert graph.describe("usa-paths").params[0].default == "US"
    with pytest.raises(QueryError):
        graph.query("vendor-profile")


def test_networkx_and_paths(graph):
    G = graph.to_networkx()
    assert G.number_of_edges() == 14
    assert len(graph.paths(to="us")) == 6
    assert len(graph.paths(to="US", controller="Beta Ltd")) == 2
    assert graph.paths_table("US").columns[-1] == "document"
    assert all(r.ok for r in graph.check())


def test_open_on_disk_and_ingest(tmp_path, samples):
    with pytest.raises(StoreError, match="no store here"):
        Graph.open(tmp_path / "missing", create=False)
    with Graph.open(tmp_path / "store") as g:
        report = g.ingest(samples)
        assert len(report.ok) == len(samples)
        assert g.query("usa-paths")
    with Graph.open(tmp_path / "store", create=False) as g:
        assert g.query("usa-paths")


@pytest.fixture()
def store_dir(tmp_path):
    path = tmp_path / "store"
    with Graph.open(path) as g:
        load_into(g.store, tiny_portfolio())
    return str(path)


def test_cli_query_formats(store_dir, capsys):
    assert main(["query", "usa-paths", "--store", store_dir, "--format", "json"]) == 0
    assert len(json.loads(capsys.readouterr().out)) == 6
    assert main(["query", "vendor-profile", "-p", "vendor=Helpdesk Inc", "--store", store_dir, "-f", "csv"]) == 0
    assert capsys.readouterr().out.startswith("controller,direction")
    assert main(["query", "usa-paths", "--param", "country=GB", "--store", store_dir]) == 0
    assert "(0 rows)" in capsys.readouterr().out


def test_cli_one_line_errors(store_dir, tmp_path, capsys):
    bad = tmp_path / "bad.rq"
    bad.write_text("SELECT * WHERE { ?s ?p }", encoding="utf-8")
    for argv, expected in [(["query", "nope"], "unknown query 'nope'"),
                           (["query", "vendor-profile"], "needs parameter 'vendor'"),
                           (["query", "usa-paths", "-p", "country"], "expected KEY=VALUE"),
                           (["query", str(bad)], "invalid SPARQL in bad.rq")]:
        assert main(argv + ["--store", store_dir]) == 1
        err = capsys.readouterr().err
        assert expected in err and err.count("\n") == 1, err


def test_cli_paths_agrees_with_query(store_dir, capsys):
    assert main(["paths", "--to", "US", "--store", store_dir, "-f", "json"]) == 0
    paths = json.loads(capsys.readouterr().out)
    assert main(["query", "path-details", "--store", store_dir, "-f", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    key = lambda r: (r["controller"], r["recipient"], r["via"], r["code"], frozenset((r["mechanisms"] or "").split(", ")))
    assert {key(r) for r in paths} == {key(r) for r in rows}


def test_cli_queries_and_check(store_dir, capsys):
    assert main(["queries", "--format", "md"]) == 0
    assert "| usa-paths |" in capsys.readouterr().out
    assert main(["check", "--store", store_dir]) == 0
    assert "5 of 5 checks passed" in capsys.readouterr().out
    with Graph.open(store_dir) as g:
        g.store.update("INSERT DATA { GRAPH <urn:x> { <urn:f> a <https://w3id.org/vendorgraph/ontology#DataFlow> } }")
    assert main(["check", "--store", store_dir]) == 1
    out = capsys.readouterr().out
    assert "FAIL  flow-evidence" in out and "urn:f" in out
