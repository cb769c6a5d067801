"""The query library on the tiny fixture portfolio (tests/fixtures/portfolio.py): known answers per query."""

from __future__ import annotations

from pathlib import Path

import pytest

from fixtures.portfolio import TINY_REGISTRY_TTL, load_into, tiny_portfolio
from vendorgraph.errors import QueryError
from vendorgraph.queries import find_org, get_query, list_queries, parse_query_file, queries_table, run

REQUIRED = ["usa-paths", "path-details", "flows", "transfers-by-country", "transfer-problems", "special-category-transfers",
            "joint-controllers", "processor-chains", "vendor-concentration", "vendor-profile", "find-org"]


@pytest.fixture(scope="module")
def store():
    from pyoxigraph import NamedNode, Quad, RdfFormat, parse

    from vendorgraph.store import open_store

    s = open_store(None)
    load_into(s, tiny_portfolio())
    g = NamedNode("urn:test:registry")
    s.replace_graph(g.value, [Quad(t.subject, t.predicate, t.object, g)
                              for t in parse(TINY_REGISTRY_TTL, format=RdfFormat.TURTLE)])
    yield s
    s.close()


def rows(store, name, **params):
    return run(store, name, **params).dicts()


def test_every_required_query_is_documented():
    specs = {q.name: q for q in list_queries()}
    for name in REQUIRED:
        q = specs[name]
        assert q.title and q.description and q.columns, name
        text = q.path.read_text(encoding="utf-8")
        assert "SELECT" in text
    assert [p.name for p in specs["usa-paths"].params] == ["country"]
    assert specs["usa-paths"].params[0].default == "US"


def test_declared_columns_match_the_result(store):
    for q in list_queries():
        if q.name not in REQUIRED:
            continue
        params = {"vendor": "Helpdesk Inc", "name": "Inc"}
        given = {p.name: params[p.name] for p in q.params if p.required}
        assert run(store, q.name, **given).columns == q.columns, q.name


def test_usa_paths_with_status_at_each_hop(store):
    got = {(r["controller"], r["recipient"], r["via"], ", ".join(sorted(r["mechanisms"].split(", "))), r["status"], r["viaStatus"])
           for r in rows(store, "path-details")}  # GROUP_CONCAT order is the engine's
    assert got == {
        ("Alpha GmbH", "Cloud Corp", "Helpdesk Inc", "adequacy", "uncertified", "covered"),
        ("Alpha GmbH", "Helpdesk Inc", None, "scc", "covered", None),  # certified: the DPF covers it, SCC or not
        ("Alpha GmbH", "Oldshield Inc", None, "privacy_shield", "invalid", None),
        ("Alpha GmbH", "Social Co", None, "derogation", "derogation", None),
        ("Beta Ltd", "Analytics LLC", None, "none_stated", "missing", None),
        ("Beta Ltd", "Helpdesk Inc", None, "adequacy, scc", "covered", None),
    }
    chain = [r for r in rows(store, "path-details") if r["recipient"] == "Cloud Corp"][0]
    assert chain["path"] == "Alpha GmbH -> Helpdesk Inc -> Cloud Corp [US]" and chain["hops"] == "2"


def test_usa_paths_is_the_compact_form_of_path_details(store):
    """The portfolio-wide form reads one stored row per path; it agrees with the detailed query on every path."""
    compact = [r["path"] for r in rows(store, "usa-paths")]
    assert compact == [
        "Alpha GmbH -> Helpdesk Inc -> Cloud Corp [US] | uncertified | adequacy | alpha.txt",
        "Alpha GmbH -> Helpdesk Inc [US] | covered | scc | alpha.txt",  # DPF-certified: covered whatever is stated
        "Alpha GmbH -> Oldshield Inc [US] | invalid | privacy_shield | alpha.txt",
        "Alpha GmbH -> Social Co [US] | derogation | derogation | alpha.txt",
        "Beta Ltd -> Analytics LLC [US] | missing | none_stated | beta.txt",
        "Beta Ltd -> Helpdesk Inc [US] | covered | adequacy, scc | beta.txt",  # Helpdesk Inc is DPF-certified: read now
    ]
    detailed = [" | ".join((r["path"], r["status"], r["mechanisms"], r["document"])) for r in rows(store, "path-details")]
    assert compact == detailed


def test_usa_paths_reads_certification_now(store):
    """A registry update that certifies a recipient changes the compact rows at once, without a new ingest."""
    from pyoxigraph import Literal, NamedNode, Quad

    from vendorgraph.vocab import VG

    cloud, entity, g = (NamedNode("https://w3id.org/vendorgraph/id/org/cloud-corp"),
                        NamedNode("urn:test:cloud-corp-llc"), NamedNode("urn:test:registry-update"))
    store.replace_graph(g.value, [Quad(cloud, NamedNode(VG.hasEntity), entity, g),
                                  Quad(entity, NamedNode(VG.dpfCertified), Literal(True), g)])
    try:
        got = [r["path"] for r in rows(store, "usa-paths") if "Cloud Corp" in r["path"]]
        assert got == ["Alpha GmbH -> Helpdesk Inc -> Cloud Corp [US] | covered | adequacy | alpha.txt"]
        assert [r["status"] for r in rows(store, "path-details") if r["recipient"] == "Cloud Corp"] == ["covered"]
        assert "adequacy without DPF certification" not in {r["problem"] for r in rows(store, "transfer-problems")}
    finally:
        store.replace_graph(g.value, [])
    assert [r["path"] for r in rows(store, "usa-paths") if "Cloud Corp" in r["path"]] == [
        "Alpha GmbH -> Helpdesk Inc -> Cloud Corp [US] | uncertified | adequacy | alpha.txt"]


def test_path_details_for_one_controller(store):
    beta = rows(store, "path-details", controller="Beta Ltd")
    assert {r["recipient"] for r in beta} == {"Analytics LLC", "Helpdesk Inc"}
    assert rows(store, "path-details", controller="Nobody GmbH") == []
    assert rows(store, "path-details", controller="*") == rows(store, "path-details")


def test_usa_paths_country_parameter(store):
    assert rows(store, "usa-paths", country="GB") == []
    assert rows(store, "path-details", country="GB") == []
    unnamed = rows(store, "usa-paths", country="third_countries")
    assert [r["path"] for r in unnamed] == [
        "Alpha GmbH -> marketing and advertising partners [third_countries] | missing | none_stated | alpha.txt"]
    detailed = rows(store, "path-details", country="third_countries")
    assert [(r["recipient"], r["status"]) for r in detailed] == [("marketing and advertising partners", "missing")]


def test_flows_carry_status_only_for_transfers(store):
    flows = rows(store, "flows")
    assert len(flows) == 14
    plain = [f for f in flows if not f["code"]]
    assert plain and all(f["status"] is None for f in plain)
    assert {f["status"] for f in flows if f["code"]} == {"invalid", "derogation", "missing", "uncertified", "covered"}


def test_transfers_by_country(store):
    got = {(r["code"], r["mechanism"]): (r["transfers"], r["controllers"]) for r in rows(store, "transfers-by-country")}
    assert got == {("US", "adequacy"): ("2", "2"), ("US", "scc"): ("2", "2"), ("US", "derogation"): ("1", "1"),
                   ("US", "none_stated"): ("1", "1"), ("US", "privacy_shield"): ("1", "1"),
                   ("third_countries", "none_stated"): ("1", "1")}


def test_transfer_problems(store):
    got = {(r["recipient"], r["problem"]) for r in rows(store, "transfer-problems")}
    assert got == {("Cloud Corp", "adequacy without DPF certification"), ("Oldshield Inc", "invalid mechanism"),
                   ("marketing and advertising partners", "no mechanism"), ("Analytics LLC", "no mechanism")}
    # Helpdesk Inc relies on adequacy too, but it is DPF-certified in the registry: no problem.


def test_special_category_transfers(store):
    got = rows(store, "special-category-transfers")
    assert [(r["controller"], r["recipient"], r["code"], r["mechanisms"]) for r in got] == [("Alpha GmbH", "Social Co", "US", "derogation")]


def test_joint_controllers(store):
    got = rows(store, "joint-controllers")
    assert len(got) == 1
    r = got[0]
    assert (r["controller"], r["partner"], r["services"], r["countries"]) == ("Alpha GmbH", "Social Co", "Fan Page", "US")
    assert set(r["categories"].split(", ")) == {"contact", "identity", "special_category"}


def test_processor_chains(store):
    got = {(r["controller"], r["processor"], r["subProcessor"]) for r in rows(store, "processor-chains")}
    assert got == {("Alpha GmbH", "Helpdesk Inc", "Cloud Corp"), ("Alpha GmbH", "Mailer GmbH", None),
                   ("Beta Ltd", "Helpdesk Inc", None), ("Beta Ltd", "Analytics LLC", None)}


def test_vendor_concentration(store):
    got = rows(store, "vendor-concentration")
    assert [(r["name"], r["controllers"]) for r in got] == [("Helpdesk Inc", "2")]
    assert set(got[0]["categories"].split(", ")) == {"contact", "identity", "usage"}
    assert len(rows(store, "vendor-concentration", min="1")) == 6


def test_vendor_profile_by_name_and_iri(store):
    by_name = rows(store, "vendor-profile", vendor="Helpdesk Inc")
    by_iri = rows(store, "vendor-profile", vendor="https://w3id.org/vendorgraph/id/org/helpdesk-inc")
    assert by_name == by_iri
    assert {r["controller"] for r in by_name} == {"Alpha GmbH", "Beta Ltd"}
    assert ("passes on to", "Cloud Corp", "adequacy") in {(r["direction"], r["counterpart"], r["mechanisms"]) for r in by_name}


def test_find_org(store):
    assert find_org(store, "helpdesk inc").endswith("/org/helpdesk-inc")
    assert [r[1] for r in run(store, "org-by-name", name="Helpdesk Inc").rows] == ["Helpdesk Inc"]
    assert run(store, "org-by-name", name="helpdesk inc").rows == []  # exact case only; find_org falls back
    assert find_org(store, "Oldshiel").endswith("/org/oldshield-inc")  # a unique partial match
    with pytest.raises(QueryError, match=r"matches \d+ organisations \("):
        find_org(store, "Inc")
    with pytest.raises(QueryError, match="no organisation"):
        find_org(store, "Nobody Whatsoever 4711")


def test_errors_name_the_problem(store, tmp_path: Path):
    with pytest.raises(QueryError, match="unknown query 'nope'"):
        run(store, "nope")
    with pytest.raises(QueryError, match="needs parameter 'vendor'"):
        run(store, "vendor-profile")
    with pytest.raises(QueryError, match="takes no parameter 'foo'"):
        run(store, "usa-paths", foo="1")
    with pytest.raises(QueryError, match="country='USA'"):
        run(store, "usa-paths", country="USA")
    bad = tmp_path / "bad.rq"
    bad.write_text("SELECT * WHERE { ?s ?p }", encoding="utf-8")
    with pytest.raises(QueryError, match="invalid SPARQL in bad.rq"):
        run(store, bad)


def test_user_query_file_with_parameters(store, tmp_path: Path):
    f = tmp_path / "mine.rq"
    f.write_text("# title: flows into a country\n# param: country: country = US -- where\n"
                 "PREFIX vg: <https://w3id.org/vendorgraph/ontology#>\n"
                 "SELECT (COUNT(?f) AS ?n) WHERE { ?f vg:destination ?country }\n", encoding="utf-8")
    assert parse_query_file(f).params[0].name == "country"
    assert run(store, str(f)).rows == [("6",)]
    assert run(store, str(f), country="GB").rows == [("0",)]


def test_injection_is_impossible(store):
    assert run(store, "find-org", name='x" } ?s ?p ?o . FILTER(true').rows == []


def test_queries_table_lists_params():
    t = queries_table()
    usa = [r for r in t.rows if r[0] == "usa-paths"][0]
    assert usa[2] == "country: country = US"
    assert get_query("usa_paths").name == "usa-paths"


def test_a_new_version_replaces_the_current_paths_and_history_stays():
    """Only the current version's paths are in the current-path index; storing an older text again brings its back."""
    from fixtures.portfolio import _policy
    from vendorgraph.store import open_store
    from vendorgraph.versions import diff, list_versions, store_document

    s = open_store(None)
    v1 = tiny_portfolio()[0]
    v2 = _policy("alpha.txt", ("Alpha GmbH", "DE"), [("Helpdesk Inc", ("US",), ("processor",), ())],
                 [("Helpdesk Inc", "US", ("bcr",), None, ())], ("contact",))
    store_document(s, v1.doc, v1.facts)
    assert len(run(s, "usa-paths")) == 4
    store_document(s, v2.doc, v2.facts)
    assert [r["path"] for r in rows(s, "usa-paths")] == ["Alpha GmbH -> Helpdesk Inc [US] | safeguarded | bcr | alpha.txt"]
    assert [r["mechanisms"] for r in rows(s, "path-details")] == ["bcr"]
    assert rows(s, "transfer-problems") == []
    assert {(r["code"], r["mechanism"]) for r in rows(s, "transfers-by-country")} == {("US", "bcr")}
    # history: the old version keeps its path nodes, and the diff still sees what changed
    old_paths = s.query("PREFIX vg: <https://w3id.org/vendorgraph/ontology#> SELECT (COUNT(*) AS ?n) "
                        "WHERE { ?p a vg:TransferPath ; vg:inVersion ?v }").rows
    assert old_paths == [("6",)]
    assert diff(s, "alpha.txt").changed
    store_document(s, v1.doc, v1.facts)  # the old text is current again
    assert [v.current for v in list_versions(s, "alpha.txt")].count(True) == 1
    assert len(run(s, "usa-paths")) == 4 and not any("bcr" in r["path"] for r in rows(s, "usa-paths"))
    s.close()


def test_several_flows_along_one_path_are_judged_together():
    """Two sentences about one transfer (no mechanism; SCC): the path is safeguarded, not a 'no mechanism' problem,
    and it counts once per mechanism (before the path nodes, each flow was judged and counted on its own)."""
    from fixtures.portfolio import _policy
    from vendorgraph.store import open_store
    from vendorgraph.versions import store_document

    p = _policy("gamma.txt", ("Gamma AG", "DE"), [("Vendor X Inc", ("US",), ("processor",), ())],
                [("Vendor X Inc", "US", ("none_stated",), None, ()), ("Vendor X Inc", "US", ("scc",), None, ())],
                ("contact",))
    s = open_store(None)
    store_document(s, p.doc, p.facts)
    flows = [r for r in rows(s, "flows") if r["code"]]
    assert len(flows) == 2 and {r["status"] for r in flows} == {"safeguarded"}
    assert [r["path"] for r in rows(s, "usa-paths")] == ["Gamma AG -> Vendor X Inc [US] | safeguarded | none_stated, scc | gamma.txt"]
    assert rows(s, "transfer-problems") == []
    assert {(r["mechanism"], r["transfers"]) for r in rows(s, "transfers-by-country")} == {("none_stated", "1"), ("scc", "1")}
    s.close()


def test_one_column_tables_are_never_clipped_but_wide_tables_are():
    from vendorgraph.formats import render
    from vendorgraph.store import ResultTable

    long = "Acme GmbH -> Beta Cloud Inc. -> Gamma Hosting LLC [US] | safeguarded | scc | policy-with-a-long-name.txt"
    one = render(ResultTable(("path",), [(long,)]), "table")
    assert long in one
    two = render(ResultTable(("path", "note"), [(long, "x")]), "table")
    assert long not in two and long[:59] + "…" in two
