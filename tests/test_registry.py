"""Vendor registry: resolution (with the traps), surface forms, integrity, and the CLI over it."""

from __future__ import annotations

import pytest

from vendorgraph.cli import main
from vendorgraph.errors import RegistryError
from vendorgraph.resolve.check import check_registry, registry_stats
from vendorgraph.resolve.names import NameLexicon
from vendorgraph.resolve.registry import Registry

TINY = """
@prefix vg: <https://w3id.org/vendorgraph/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix loc: <https://w3id.org/dpv/loc#> .
@prefix o: <https://w3id.org/vendorgraph/id/org/> .
@prefix e: <https://w3id.org/vendorgraph/id/entity/> .
@prefix s: <https://w3id.org/vendorgraph/id/service/> .
o:acme a vg:Vendor ; rdfs:label "Acme" ; skos:altLabel "Acme Widgets" ; vg:source "curated" ;
    vg:hasEntity e:acme-eu-gmbh , e:acme-inc ; vg:hasService s:acme-tracker .
e:acme-inc a vg:LegalEntity ; rdfs:label "Acme Inc." ; vg:country loc:US .
e:acme-eu-gmbh a vg:LegalEntity ; rdfs:label "Acme EU GmbH" ; vg:country loc:DE ; vg:parentEntity e:acme-inc .
s:acme-tracker a vg:Service ; rdfs:label "Acme Tracker" .
o:acmeflow a vg:Vendor ; rdfs:label "Acmeflow" ; vg:source "curated" ; vg:hasEntity e:acmeflow-gmbh .
e:acmeflow-gmbh a vg:LegalEntity ; rdfs:label "Acmeflow GmbH" ; vg:country loc:AT ; vg:parentEntity e:nobody .
"""
LEX = NameLexicon.from_labels(["GmbH", "Inc.", "Ltd", "Limited", "GmbH & Co. KG", "LLC"], ["Germany", "EU", "Ireland"])


@pytest.fixture(scope="module")
def tiny() -> Registry:
    return Registry.from_files([TINY], LEX)


@pytest.fixture(scope="module")
def reg() -> Registry:
    return Registry.default()


def _who(reg: Registry, name: str) -> tuple[str, str | None, str | None] | None:
    m = reg.resolve(name)
    return (m.vendor.name, m.entity.name if m.entity else None, m.service) if m else None


# ---------------------------------------------------------------- algorithm on a tiny registry
def test_tiny_resolution_rules(tiny):
    assert _who(tiny, "Acme") == ("Acme", None, None)
    assert _who(tiny, "ACME INC") == ("Acme", "Acme Inc.", None)          # legal form -> the entity
    assert _who(tiny, "Acme GmbH") == ("Acme", None, None)                  # another legal form: not Acme Inc.
    assert _who(tiny, "Acme EU GmbH") == ("Acme", "Acme EU GmbH", None)
    assert _who(tiny, "Acme Germany GmbH") == ("Acme", None, None)          # qualifier: vendor level only
    assert _who(tiny, "Acme Tracker") == ("Acme", None, "Acme Tracker")
    assert _who(tiny, "Acmeflow GmbH")[0] == "Acmeflow"                     # not swallowed by Acme
    assert tiny.resolve("Acme-Partner Agentur XY GmbH") is None              # a longer name is another company
    assert tiny.resolve("Acmes") is None                                     # too short for fuzzy matching


def test_tiny_integrity_finds_missing_parent(tiny):
    problems = check_registry(tiny)
    assert [(p.rule, p.subject.rsplit("/", 1)[-1]) for p in problems] == [("parent", "acmeflow-gmbh")]


def test_tiny_surface_forms_longest_first(tiny):
    forms = tiny.surface_forms()
    assert forms[0][0] == "Acmeflow GmbH" and ("Acme", "https://w3id.org/vendorgraph/id/org/acme") in forms
    assert [len(f) for f, _ in forms] == sorted((len(f) for f, _ in forms), reverse=True)


# ---------------------------------------------------------------- the shipped registry: traps of the issue
@pytest.mark.parametrize("name, vendor", [
    ("Meta", "Meta"), ("Facebook", "Meta"), ("Facebook Ireland Ltd.", "Meta"), ("Instagram", "Meta"),
    ("Zoom", "Zoom"), ("Zoom Video Communications, Inc.", "Zoom"),
    ("Google", "Google"), ("YouTube", "Google"), ("Google Analytics 4", "Google"),
    ("LinkedIn", "LinkedIn"), ("LinkedIn Ireland Unlimited Company", "LinkedIn"), ("Microsoft Teams", "Microsoft"),
    ("CleverReach GmbH & Co. KG", "CleverReach"), ("CleverReach GmbH & Co KG", "CleverReach"),
    ("New Work SE", "XING"), ("CrazyEgg.com", "CrazyEgg"), ("YouCanBookMe Ltd", "YouCanBookMe"),
])
def test_resolves(reg, name, vendor):
    m = reg.resolve(name)
    assert m is not None and m.vendor.name == vendor


@pytest.mark.parametrize("name", ["Metaflow GmbH", "Google-Partner Agentur XY GmbH", "Zoomfabrik GmbH",
                                  "Meta Consulting Partner GmbH"])
def test_traps_do_not_resolve_to_the_big_vendor(reg, name):
    m = reg.resolve(name)
    assert m is None or m.vendor.name not in ("Meta", "Google", "Zoom")


def test_zoominfo_is_not_zoom(reg):
    m = reg.resolve("ZoomInfo")
    assert m is not None and m.vendor.name != "Zoom"


def test_google_ireland_with_and_without_dot(reg):
    a, b, c = reg.resolve("Google Ireland Ltd."), reg.resolve("Google Ireland Ltd"), reg.resolve("Google Ireland Limited")
    assert a.entity == b.entity == c.entity and a.entity.name == "Google Ireland Limited"
    assert a.entity.country == "IE"


def test_other_legal_form_is_not_that_entity(reg):
    m = reg.resolve("Atlassian B.V.")
    assert m.vendor.name == "Atlassian" and m.entity is None
    assert reg.resolve("Google Inc.").entity.name == "Google LLC"


def test_parent_chain_google(reg):
    m = reg.resolve("Google Ireland Limited")
    assert [(e.name, e.country) for e in reg.parent_chain(m.entity.iri)] == [
        ("Google Ireland Limited", "IE"), ("Google LLC", "US"), ("Alphabet Inc.", "US")]


def test_linkedin_is_own_vendor_with_microsoft_parent(reg):
    li = reg.resolve("LinkedIn Corporation")
    assert li.vendor.name == "LinkedIn"
    assert reg.entity(li.entity.parent).name == "Microsoft Corporation"


def test_german_legal_forms(reg):
    for n in ("CleverReach GmbH", "CleverReach GmbH & Co. KG", "CLEVERREACH GMBH & CO. KG"):
        assert reg.resolve(n).vendor.name == "CleverReach", n


def test_dpf_is_stated_with_date_and_source_or_unknown(reg):
    llc = reg.resolve("Google LLC").entity
    assert llc.dpf_certified is True and llc.dpf_as_of and "dataprivacyframework" in llc.source
    assert reg.resolve("Google Ireland Limited").entity.dpf_certified is None


def test_unknown_vendor_raises(reg):
    with pytest.raises(RegistryError):
        reg.vendor("https://w3id.org/vendorgraph/id/org/no-such-vendor-4711")


def test_shipped_registry_is_consistent_and_large(reg):
    assert check_registry(reg) == []
    st = registry_stats(reg)
    assert st.curated_vendors >= 150
    assert st.seeded_vendors > 2000
    assert st.entities >= st.vendors


def test_surface_forms_include_services_and_entities(reg):
    forms = dict(reg.surface_forms(include_seeded=False))
    assert forms["Google Analytics"] == forms["Google Ireland Limited"] == "https://w3id.org/vendorgraph/id/org/google"
    assert forms["LinkedIn Insight Tag"].endswith("/org/linkedin")


def test_everyday_words_can_be_left_out_of_gazetteers(reg):
    assert reg.is_ambiguous("Indeed") and not reg.is_ambiguous("Google")
    lean = {f for f, _ in reg.surface_forms(include_seeded=False, include_ambiguous=False)}
    assert "Indeed" not in lean and "Stripe" not in lean and "Stripe, Inc." in lean
    assert reg.resolve("Stripe").vendor.name == "Stripe"          # resolving the name itself still works


# ---------------------------------------------------------------- CLI
def test_cli_vendor_and_check(capsys):
    assert main(["vendor", "Google Ireland Ltd."]) == 0
    out = capsys.readouterr().out
    assert "Google LLC [US]" in out and "Google Ireland Limited [IE]" in out
    assert main(["vendor", "Metaflow GmbH"]) == 1
    assert main(["registry", "check"]) == 0
    assert "0 problem(s)" in capsys.readouterr().out
