"""Policy versions: new text -> new version graph, old one stays; same text -> no change; diff via .rq queries.

Facts are written by hand here so that the diff is tested independently of the extractor.
"""

from __future__ import annotations

import pytest

from vendorgraph.cli import main
from vendorgraph.errors import QueryError
from vendorgraph.graph import build_quads
from vendorgraph.ids import document_iri
from vendorgraph.load import from_text
from vendorgraph.model import CategoryFact, Controller, Facts, Party, Transfer
from vendorgraph.pipeline import document_info
from vendorgraph.store import open_store
from vendorgraph.versions import diff, document_key, list_documents, list_versions, store_document

CTRL = Controller("Example Widgets GmbH", "DE")
V1 = Facts("acme.txt", "en", CTRL,
           parties=(Party("Alpha Cloud Inc.", countries=("US",), roles=("processor",)),
                    Party("Beta Ads Ltd.", countries=("GB",), roles=("recipient",))),
           transfers=(Transfer("Alpha Cloud Inc.", "US", ("adequacy", "scc")),),
           data_categories=(CategoryFact("contact"),))
V2 = Facts("acme.txt", "en", CTRL,
           parties=(Party("Alpha Cloud Inc.", countries=("US",), roles=("controller",)),
                    Party("Gamma Mail Pte. Ltd.", countries=("SG",), roles=("processor",))),
           transfers=(Transfer("Alpha Cloud Inc.", "US", ("scc",)), Transfer("Gamma Mail Pte. Ltd.", "SG", ("scc",))),
           data_categories=(CategoryFact("contact"), CategoryFact("usage")))
TEXT1, TEXT2 = "Privacy policy, first text.", "Privacy policy, second text."


@pytest.fixture(scope="module")
def reference() -> list:
    from vendorgraph.store import reference_quads

    return list(reference_quads())


@pytest.fixture()
def mem_store(reference):
    """An in-memory store with the reference graph bulk-loaded (labels, notations, ISO codes)."""
    s = open_store(None, load_reference=False)
    s.raw.extend(reference)
    yield s
    s.close()


def quads(store) -> list[str]:
    return sorted(map(str, store.quads()))


def test_same_text_again_changes_nothing(mem_store):
    doc = from_text(TEXT1, name="acme.txt")
    store_document(mem_store, doc, V1)
    before = quads(mem_store)
    store_document(mem_store, doc, V1)
    assert quads(mem_store) == before
    assert [v.number for v in list_versions(mem_store, "acme.txt")] == [1]


def test_changed_text_is_a_new_version_and_the_old_stays(mem_store):
    d1, d2 = from_text(TEXT1, name="acme.txt"), from_text(TEXT2, name="acme.txt")
    store_document(mem_store, d1, V1)
    store_document(mem_store, d2, V2)
    new, old = list_versions(mem_store, "some/folder/acme.txt")  # identified by file name
    assert (new.number, new.current, new.previous) == (2, True, old.iri)
    assert (old.number, old.current) == (1, False)
    from vendorgraph.transfer_paths import CURRENT_INDEX

    for v, facts, doc in ((old, V1, d1), (new, V2, d2)):  # both graphs complete and queryable
        # ... except the current-path index, which only the current version keeps
        want = [q for q in build_quads(facts, document_info(doc)) if v.current or q.predicate.value not in CURRENT_INDEX]
        assert sorted(map(str, mem_store.quads(v.iri))) == sorted(map(str, want))
    assert list_documents(mem_store).rows == [(document_iri("acme.txt"), "acme.txt", new.iri, "2")]


def test_diff_lists_vendors_countries_mechanisms_roles_data(mem_store):
    store_document(mem_store, from_text(TEXT1, name="acme.txt"), V1)
    store_document(mem_store, from_text(TEXT2, name="acme.txt"), V2)
    d = diff(mem_store, "acme.txt")
    assert (d.old.number, d.new.number) == (1, 2)
    rows = set(d.table.rows)
    assert {("vendors", "added", "Gamma Mail Pte. Ltd.", "processor"),
            ("vendors", "removed", "Beta Ads Ltd.", "recipient"),
            ("countries", "added", "SG", "Gamma Mail Pte. Ltd."),
            ("transfers", "added", "Gamma Mail Pte. Ltd.", "SG"),
            ("mechanisms", "removed", "Alpha Cloud Inc. -> US", "adequacy"),
            ("roles", "added", "Alpha Cloud Inc.", "controller"),
            ("roles", "removed", "Alpha Cloud Inc.", "processor")} <= rows
    assert {r[:3] for r in rows if r[0] == "data"} == {("data", "added", "usage")}
    assert not any(r[0] == "countries" and r[2] == "US" for r in rows)  # US is in both
    back = diff(mem_store, "acme.txt", old="2", new="1")
    assert ("countries", "removed", "SG", "Gamma Mail Pte. Ltd.") in back.table.rows


def test_a_text_that_comes_back_becomes_current_again(mem_store):
    d1, d2 = from_text(TEXT1, name="acme.txt"), from_text(TEXT2, name="acme.txt")
    for doc, facts in ((d1, V1), (d2, V2), (d1, V1)):
        store_document(mem_store, doc, facts)
    versions = {v.number: v for v in list_versions(mem_store, "acme.txt")}
    assert sorted(versions) == [1, 2]
    assert versions[1].current and versions[1].previous == versions[2].iri
    assert ("vendors", "added", "Beta Ads Ltd.", "recipient") in diff(mem_store, "acme.txt").table.rows


def test_urls_are_document_keys():
    a = from_text(TEXT1, name="privacy", source="https://a.example/privacy")
    b = from_text(TEXT1, name="privacy", source="https://b.example/privacy")
    assert document_key(a) != document_key(b)
    assert document_key(from_text(TEXT1, name="x.txt", source="/tmp/in/x.txt")) == "x.txt"


def test_diff_errors(mem_store):
    with pytest.raises(QueryError, match="no document"):
        diff(mem_store, "nothing.txt")
    store_document(mem_store, from_text(TEXT1, name="acme.txt"), V1)
    with pytest.raises(QueryError, match="only one version"):
        diff(mem_store, "acme.txt")
    with pytest.raises(QueryError, match="no version '7'"):
        diff(mem_store, "acme.txt", old="7", new="1")


def test_cli_versions_and_diff(tmp_path, capsys):
    policy = tmp_path / "shop.txt"
    store = ["--store", str(tmp_path / "store")]
    base = ("Privacy policy\n\nThe controller for the processing of your personal data is Example Widgets GmbH, "
            "Berlin, Germany.\n\n1. Hosting\n\nWe use Alpha Cloud Inc., USA, as a processor. Transfers to the USA "
            "rely on standard contractual clauses.\n")
    policy.write_text(base, encoding="utf-8")
    assert main(["ingest", str(policy), *store, "-q"]) == 0
    s = open_store(tmp_path / "store")
    before = quads(s)
    s.close()
    assert main(["ingest", str(policy), *store, "-q"]) == 0  # same text: store unchanged
    s = open_store(tmp_path / "store")
    assert quads(s) == before
    s.close()
    policy.write_text(base + "\n2. Newsletter\n\nWe use Gamma Mail Pte. Ltd., Singapore, as a processor.\n", encoding="utf-8")
    assert main(["ingest", str(policy), *store, "-q"]) == 0
    capsys.readouterr()
    assert main(["versions", "shop.txt", *store]) == 0
    out = capsys.readouterr().out
    assert "(2 rows)" in out and out.splitlines()[2].split()[:2] == ["2", "*"]
    assert main(["diff", str(policy), *store, "--format", "csv"]) == 0
    assert capsys.readouterr().out.startswith("aspect,change,subject,detail")
    assert main(["diff", "unknown.txt", *store]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "unknown.txt" in err[0]
