"""owlready2 loads the ontology (through rdflib conversion); HermiT finds it consistent when Java exists."""

from __future__ import annotations

import shutil

import pytest

from vendorgraph.reason import ReasonerUnavailable, load_owl, reason


def test_owlready2_loads_core_classes():
    onto = load_owl()
    names = {c.name for c in onto.classes()}
    assert {"DataFlow", "Transfer", "Vendor", "LegalEntity", "PolicyVersion", "Evidence"} <= names
    transfer = onto.search_one(iri="*#Transfer")
    assert onto.search_one(iri="*#DataFlow") in transfer.is_a


@pytest.mark.slow
def test_reasoner_consistent_or_skips():
    onto = load_owl()
    if not shutil.which("java"):
        with pytest.raises(ReasonerUnavailable):
            reason(onto)
        pytest.skip("no Java: reasoning skipped")
    reason(onto)  # raises OwlReadyInconsistentOntologyError if inconsistent
    # the reasoner classifies Transfer under dpv:PersonalDataHandling via DataFlow
    transfer = onto.search_one(iri="*#Transfer")
    ancestors = {a.iri for a in transfer.ancestors()}
    assert "https://w3id.org/dpv#PersonalDataHandling" in ancestors
