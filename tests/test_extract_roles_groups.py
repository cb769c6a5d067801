"""Roles stated for several vendors at once, "Role:" lines, per-entry roles in a recipients line, and
named sub-processing chains (own EN/DE sentences)."""

from __future__ import annotations

import pytest

from test_extract_parties import extract, party
from vendorgraph.extract.context import DocContext
from vendorgraph.extract.roles import find_roles
from vendorgraph.load import from_text
from vendorgraph.segment import segment


def chains(text: str) -> list[tuple[str, str]]:
    doc = from_text(text)
    _, subs = find_roles(DocContext.build(doc, segment(doc.text)))
    return sorted({(s.sub.vendor.key, s.via.vendor.key) for s in subs})


@pytest.mark.parametrize("text, names, role", [
    ("Bookings reach us through Roomly B.V., Keizersgracht 5, Amsterdam, Netherlands, and Staywise, Inc., "
     "Seattle, WA 98101, USA. Both platforms are independent controllers for the data you give them.",
     ["Roomly B.V.", "Staywise, Inc."], "controller"),
    ("Unsere Praxissoftware stellt die Medisoft GmbH & Co. KG, Würzburg, bereit. Unser IT-Dienstleister, die "
     "Netzwerkstatt Nord GmbH, Kiel, betreut die Hardware. Beide sind als Auftragsverarbeiter nach Art. 28 DSGVO "
     "für uns tätig.", ["Medisoft GmbH & Co. KG", "Netzwerkstatt Nord GmbH"], "processor"),
    ("Service providers\n\nWe use Mailwerk GmbH, Leipzig, for newsletters and Formly Ltd, Dublin, for forms. "
     "All of the above providers act as our processors.", ["Mailwerk GmbH", "Formly Ltd"], "processor"),
    ("Dienstleister\n\nWir nutzen die Mailwerk GmbH, Leipzig, für den Newsletter und die Formly Ltd, Dublin, für "
     "Formulare. Die genannten Dienstleister sind als Auftragsverarbeiter für uns tätig.",
     ["Mailwerk GmbH", "Formly Ltd"], "processor"),
])
def test_a_role_stated_for_several_vendors_at_once(text, names, role):
    f = extract(text)
    for name in names:
        assert party(f, name).roles == (role,), name


def test_both_means_the_last_two_vendors():
    f = extract("Our site is hosted by Hostwerk GmbH, Berlin. Bookings reach us through Roomly B.V., Amsterdam, "
                "and Staywise, Inc., Seattle, USA. Both platforms are independent controllers.")
    assert "controller" not in party(f, "Hostwerk GmbH").roles


@pytest.mark.parametrize("text", [
    "4.3 Paynorth\nRecipient: Paynorth Europe Ltd., 1 Quay Street, Dublin, Ireland\n"
    "Role: processor for payment handling; for fraud prevention an independent controller\n",
    "4.3 Paynorth\nEmpfänger: Paynorth Europe Ltd., 1 Quay Street, Dublin, Irland\n"
    "Rolle: Auftragsverarbeiter für die Zahlungsabwicklung; für die Betrugsprävention eigenständig Verantwortlicher\n",
])
def test_a_long_role_line_of_a_vendor_block(text):
    assert set(party(extract(text), "Paynorth Europe Ltd.").roles) == {"controller", "processor"}


@pytest.mark.parametrize("text", [
    "Recipients: Hostwell GmbH, Berlin, Germany (processor under Art. 28 GDPR); Paynorth S.p.A., Milan, Italy (card payments)",
    "Empfänger: Hostwell GmbH, Berlin (Auftragsverarbeiter nach Art. 28 DSGVO); Paynorth S.p.A., Mailand (Kartenzahlungen)",
])
def test_a_role_in_one_entry_of_a_recipients_line_stays_there(text):
    f = extract(text)
    assert party(f, "Hostwell GmbH").roles == ("processor",)
    assert party(f, "Paynorth S.p.A.").roles == ("recipient",)


@pytest.mark.parametrize("text", [
    "We use Ticketly GmbH, Berlin, as our processor. Ticketly relies on Rackhaus LLC, Austin, USA, for hosting.",
    "We use Ticketly GmbH, Berlin, as our processor. Ticketly stores data on Rackhaus LLC servers in the USA.",
    "We use Ticketly GmbH, Berlin, as our processor. Ticketly engages Rackhaus LLC, Austin, USA.",
    "Ticketly GmbH, Berlin, ist unser Auftragsverarbeiter. Ticketly nutzt für den Betrieb Rechenzentren der "
    "Rackhaus LLC in den USA.",
    "Ticketly GmbH, Berlin, ist unser Auftragsverarbeiter. Ticketly setzt die Rackhaus LLC als "
    "Unterauftragsverarbeiter ein.",
    "Ticketly GmbH, Berlin, ist unser Auftragsverarbeiter. Ticketly nutzt die Rackhaus LLC, Austin, USA, für das Hosting.",
])
def test_named_sub_processor_chains(text):
    f = extract(text)
    assert party(f, "Rackhaus LLC").roles == ("sub_processor",)
    assert party(f, "Ticketly GmbH").roles == ("processor",)
    assert len(chains(text)) == 1


@pytest.mark.parametrize("text", [
    "Chatly Technologies Limited, Dublin, relies on Chatly Technologies, LLC, a subsidiary of Cloudforce, Inc., San Francisco, "
    "USA, for hosting and operations.",
    "We use Ticketly GmbH, Berlin, as our processor. Ticketly uses Rackhaus LLC for its newsletter.",
    "Ticketly GmbH ist unser Auftragsverarbeiter. Ticketly nutzt Formly Ltd für Umfragen.",
])
def test_no_chain_within_a_group_or_without_infrastructure(text):
    assert chains(text) == []


@pytest.mark.parametrize("text, name", [
    ("Newsletter\n- Provider: Mailwerk GmbH, Leipzig, Germany\n- Role: processor\n- Data: e-mail address\n", "Mailwerk GmbH"),
    ("Umfragen\n- Anbieter: Formly Ltd, Dublin, Irland\n- Rolle: Auftragsverarbeiter nach Art. 28 DSGVO für die "
     "Durchführung unserer Umfragen und deren Auswertung\n", "Formly Ltd"),
])
def test_a_role_line_in_a_bulleted_vendor_block(text, name):
    assert party(extract(text), name).roles == ("processor",)


@pytest.mark.parametrize("text", [
    "Payments are handled by Paywell S.A., Luxembourg, and Nordkredit Bank AB, Stockholm. They are independent controllers.",
    "Zahlungen wickeln die Paywell S.A. und die Nordkredit Bank AB ab. Sie sind jeweils eigenständig verantwortlich.",
])
def test_they_after_two_named_vendors(text):
    f = extract(text)
    assert party(f, "Paywell S.A.").roles == ("controller",)
    assert party(f, "Nordkredit Bank AB").roles == ("controller",)


@pytest.mark.parametrize("text", [
    "We use Hostwell GmbH for hosting. You are the controller for content you upload.",
    "Wir nutzen die Hostwell GmbH für das Hosting. Sie sind für Ihre Inhalte selbst verantwortlich.",
])
def test_you_is_no_group(text):
    assert "controller" not in party(extract(text), "Hostwell GmbH").roles
