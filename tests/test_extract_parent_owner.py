"""A parent company named only as the owner of a vendor is an alias of that vendor: no party of its own and no
transfer to its seat. Named again in the same clause (as infrastructure), it stays a party. English and German."""

from __future__ import annotations

import pytest

from test_extract_parties import extract, party


def names(f) -> set[str]:
    return {p.name for p in f.parties}


@pytest.mark.parametrize("text, vendor, parent", [
    ("Controller: Fernwald Games GmbH, Graz, Austria.\n\nInstalls are measured by Clickmeter GmbH, Berlin, "
     "as our processor. Clickmeter is a company of the Orbitline Corporation, based in the USA; "
     "no data of ours is passed to Orbitline.\n", "Clickmeter GmbH", "Orbitline"),
    ("Verantwortlich: Fernwald Games GmbH, Graz, Österreich.\n\nInstallationen misst die Klickwerk GmbH, "
     "Berlin, als Auftragsverarbeiter. Klickwerk ist ein Unternehmen der Sternbahn Corporation mit Sitz in "
     "den USA; eine Übermittlung an Sternbahn findet nicht statt.\n", "Klickwerk GmbH", "Sternbahn"),
])
def test_parent_as_owner_only(text, vendor, parent):
    f = extract(text)
    assert f"{parent} Corporation" in party(f, vendor).aliases
    assert not any(parent in n for n in names(f))
    assert not [t for t in f.transfers if t.country == "US"]


def test_parent_named_again_as_infrastructure_stays_a_party():
    f = extract("Controller: Fernwald Games GmbH, Graz, Austria.\n\nInstalls are measured by Clickmeter GmbH, Berlin, "
                "as our processor. Clickmeter belongs to Orbitline Corporation, Austin, USA, and runs on Orbitline's "
                "servers.\n")
    assert "sub_processor" in party(f, "Orbitline Corporation").roles


def test_only_the_parents_seat_is_not_a_destination():
    f = extract("Controller: Fernwald Games GmbH, Graz, Austria.\n\nInstalls are measured by Clickmeter GmbH, Berlin, "
                "as our processor. Clickmeter is a company of Orbitline Corporation, Austin, USA, and sends our data "
                "to servers in the USA under standard contractual clauses.\n")
    assert [(t.recipient, t.country, t.mechanisms) for t in f.transfers] == [("Clickmeter", "US", ("scc",))]
