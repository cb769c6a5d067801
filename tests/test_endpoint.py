"""EndpointStore without a server: URL conventions and result parsing."""

from __future__ import annotations

from vendorgraph.store_endpoint import gsp_url_for, update_url_for


def test_update_and_graph_store_urls(monkeypatch):
    monkeypatch.delenv("VENDORGRAPH_UPDATE_URL", raising=False)
    monkeypatch.delenv("VENDORGRAPH_GSP_URL", raising=False)
    assert update_url_for("http://h:8890/sparql") == "http://h:8890/sparql"
    assert update_url_for("http://h:7878/query") == "http://h:7878/update"
    assert update_url_for("http://h:7200/repositories/vg") == "http://h:7200/repositories/vg/statements"
    assert gsp_url_for("http://h:8890/sparql") == "http://h:8890/sparql-graph-crud"
    assert gsp_url_for("http://h:7878/query") == "http://h:7878/store"
    assert gsp_url_for("http://h:3030/ds") is None
    monkeypatch.setenv("VENDORGRAPH_GSP_URL", "none")
    assert gsp_url_for("http://h:8890/sparql") is None


def test_credentials_move_to_a_header():
    from vendorgraph.store_endpoint import EndpointStore

    s = EndpointStore("https://user:secret@example.org/sparql")
    assert s.query_url == "https://example.org/sparql" and s._auth.startswith("Basic ")
