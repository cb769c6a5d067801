"""Safe output: user values reach SPARQL only as bindings; untrusted names never become paths.

(HTML escaping of the graph page and reports is tested with viz/report.)
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from vendorgraph import factsjson
from vendorgraph.cli import main
from vendorgraph.errors import QueryError
from vendorgraph.load import from_text
from vendorgraph.load.sources import url_name
from vendorgraph.model import Controller, Facts, Party, Span, Transfer
from vendorgraph.queries import run
from vendorgraph.store import open_store
from vendorgraph.versions import list_versions, store_document
from vendorgraph.vocab import REFERENCE_GRAPH

INJECTIONS = [
    'US" } ; DROP ALL ; #',
    "US' } ; DROP ALL ; #",
    "US> } ; DROP ALL ; #",
    'x" . } } ; CLEAR ALL ; INSERT DATA { <urn:a> <urn:b> "c" } #',
    "US\n} ; DROP ALL",
    "\\u0022 } DROP ALL #",
    "<https://w3id.org/dpv/loc#US>",
]
EVIL = 'Evil" } ; DROP ALL ; # <script>alert(1)</script> GmbH'
TEXT = f"Privacy policy of {EVIL}. We transfer data to the USA under standard contractual clauses.\n"


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory) -> Path:
    """An on-disk store holding one policy whose names and quotes are hostile."""
    path = tmp_path_factory.mktemp("safety") / "store"
    doc = from_text(TEXT, name='evil" } DROP ALL #.txt')
    start = TEXT.index(EVIL)
    span = Span(start, start + len(EVIL), EVIL, rule="test")
    facts = Facts(doc.name, "en", Controller(EVIL, "DE", evidence=(span,)),
                  parties=(Party(EVIL, countries=("US",), roles=("processor",), evidence=(span,)),),
                  transfers=(Transfer(EVIL, "US", ("scc",), evidence=(span,)),))
    s = open_store(path)
    store_document(s, doc, facts)
    s.close()
    return path


def snapshot(path: Path) -> list[str]:
    """Every quad outside the reference graph (which reloads itself when ontology/ changes)."""
    s = open_store(path, read_only=True, load_reference=False)
    try:
        return sorted(str(q) for q in s.quads() if REFERENCE_GRAPH not in (q.graph_name.value, q.subject.value))
    finally:
        s.close()


@pytest.mark.parametrize("value", INJECTIONS)
def test_injection_in_query_parameters_fails_cleanly_or_matches_nothing(store_dir, value):
    before = snapshot(store_dir)
    s = open_store(store_dir, load_reference=False)
    try:
        with pytest.raises(QueryError):
            run(s, "usa-paths", country=value)  # country: must be an ISO code
        with pytest.raises(QueryError):
            run(s, "versions", doc=value)  # iri: refused by NamedNode
        found = run(s, "find-org", name=value).dicts()  # string: a literal, matched as text
    finally:
        s.close()
    assert all(r["org"] != EVIL and r["label"] != value for r in found)  # nothing echoes the value back
    assert snapshot(store_dir) == before


def test_hostile_text_is_stored_and_read_back_verbatim(store_dir):
    s = open_store(store_dir, load_reference=False)
    try:
        rows = run(s, "path-details", country="US").dicts()
        labels = {r["label"] for r in run(s, "find-org", name='" } ; DROP ALL').dicts()}
        version = list_versions(s, 'evil" } DROP ALL #.txt')
    finally:
        s.close()
    assert rows and rows[0]["controller"] == EVIL and rows[0]["quote"] == EVIL
    assert len(version) == 1 and version[0].source == 'evil" } DROP ALL #.txt'
    assert labels == {EVIL}


@pytest.mark.parametrize("argv", [
    ["query", "usa-paths", "--param", 'country=US" } ; DROP ALL ; #'],
    ["query", "versions", "--param", "doc=x> } ; DROP ALL ; #"],
    ["diff", 'x" } ; DROP ALL ; #'],
    ["versions", "https://example.org/a> } ; DROP ALL ; #"],
])
def test_cli_injection_fails_with_one_line_and_store_unchanged(store_dir, capsys, argv):
    before = snapshot(store_dir)
    capsys.readouterr()
    assert main([*argv, "--store", str(store_dir)]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("vendorgraph: error:")
    assert snapshot(store_dir) == before


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(value=st.one_of(st.sampled_from(INJECTIONS), st.text(max_size=40)))
def test_any_string_parameter_is_only_data(store_dir, value):
    s = open_store(store_dir, read_only=True, load_reference=False)
    try:
        before = s.triple_count()
        found = run(s, "find-org", name=value).dicts()
        assert s.triple_count() == before
    finally:
        s.close()
    assert all(r["org"] and r["org"].startswith("https://") for r in found)


@pytest.mark.parametrize("stem", ["../../etc/passwd", "/etc/passwd", "a/../../b", "..", ".", "", "C:\\x\\y",
                                  "~/.ssh/id", "name\x00.txt", ".hidden", "a" * 500])
def test_facts_file_names_cannot_escape_the_output_folder(tmp_path, stem):
    out = tmp_path / "out"
    target = factsjson.write(Facts(stem, "en"), out, stem)
    assert target.resolve().parent == out.resolve() and target.is_file()
    assert sorted(p.name for p in tmp_path.rglob("*") if p.is_file()) == [target.name]


def test_url_names_with_encoded_slashes_stay_inside(tmp_path):
    name = url_name("https://evil.example/x/..%2F..%2F..%2Fetc%2Fpasswd.txt")
    doc = from_text("Privacy policy.", name=name, source="https://evil.example/x/..%2F..%2F..%2Fetc%2Fpasswd.txt")
    target = factsjson.write(Facts(doc.name, "en"), tmp_path / "out", doc.stem)
    assert target.resolve().parent == (tmp_path / "out").resolve()
