"""The same ingest and queries against a SPARQL 1.1 endpoint: a private Virtuoso Open Source server."""

from __future__ import annotations

import pytest

pytestmark = [pytest.mark.slow, pytest.mark.virtuoso]


_BOOLEAN = {"true": "1", "false": "0"}  # Virtuoso writes xsd:boolean values as 1 and 0


def _parts(value: str | None) -> str:
    """A GROUP_CONCAT's parts in sorted order (SPARQL leaves their order to the engine); booleans as 1 and 0."""
    if not value:
        return ""
    if value in _BOOLEAN:
        return _BOOLEAN[value]
    for sep in (" | ", ", "):
        if sep in value:
            return sep.join(sorted(value.split(sep)))
    return value


def rows(table) -> list[tuple]:
    """Sorted rows without the sample quote (MIN over long strings differs on Virtuoso), lists in sorted order;
    an aggregate over nothing is "" on Virtuoso and unbound on Oxigraph."""
    keep = [i for i, c in enumerate(table.columns) if c != "quote"]
    return sorted(tuple(_parts(r[i]) for i in keep) for r in table.rows)


@pytest.fixture(scope="module")
def virtuoso(tmp_path_factory):
    from virtuoso import VirtuosoUnavailable, start_virtuoso

    try:
        server = start_virtuoso(tmp_path_factory.mktemp("virtuoso"))
    except VirtuosoUnavailable as e:
        pytest.skip(f"Virtuoso not available: {e}")
    yield server
    server.stop()


VIRTUOSO_CANNOT_COMPILE = ("SQ074", "SQ156")  # Virtuoso 7.2: `x || EXISTS {...}` in BIND, EXISTS under IF


def same_answer(remote, local, name: str) -> None:
    from vendorgraph.errors import QueryError, StoreError
    from vendorgraph.queries import run

    want = rows(run(local, name))
    try:
        got = rows(run(remote, name))
    except (QueryError, StoreError) as e:
        if any(code in str(e) for code in VIRTUOSO_CANNOT_COMPILE):
            pytest.xfail(f"queries/{name}: Virtuoso 7.2 cannot compile this form: {str(e)[:160]}")
        raise
    bad = [(g, w) for g, w in zip(got, want) if g != w][:1]
    assert got == want, f"{name}: {bad}"


@pytest.fixture(scope="module")
def stores(virtuoso, samples):
    from vendorgraph.cli import main
    from vendorgraph.pipeline import ingest
    from vendorgraph.store import open_store

    assert main(["ingest", *map(str, samples), "--store", virtuoso.url, "--quiet"]) == 0
    local = open_store(None)
    ingest(samples, local)
    return open_store(virtuoso.url), local


def test_ingest_into_virtuoso_stores_the_same_graphs(virtuoso, samples, stores):
    from vendorgraph.cli import main

    remote, local = stores
    assert remote.named_graphs() == local.named_graphs()
    count = remote.triple_count()
    assert main(["ingest", *map(str, samples), "--store", virtuoso.url, "--quiet"]) == 0  # again: no change
    assert remote.triple_count() == count


@pytest.mark.parametrize("name", ["transfers-by-country", "versions-documents", "path-details", "transfer-problems",
                                  "flows", "viz-parties", "report-evidence", "joint-controllers"])
def test_library_queries_answer_alike(stores, name):
    same_answer(*stores, name)


def test_usa_paths_on_virtuoso_equals_the_embedded_store(stores):
    from vendorgraph.queries import run

    assert run(stores[1], "usa-paths").rows, "the samples have paths to the USA"
    same_answer(*stores, "usa-paths")


def test_endpoint_errors_are_store_errors(virtuoso):
    from vendorgraph.errors import QueryError, StoreError
    from vendorgraph.store_endpoint import EndpointStore

    with pytest.raises(StoreError):
        EndpointStore("http://127.0.0.1:9/sparql", timeout=5).query("SELECT * WHERE { ?s ?p ?o } LIMIT 1")
    with pytest.raises((QueryError, StoreError)):
        EndpointStore(virtuoso.url).query("SELECT WHERE {")
