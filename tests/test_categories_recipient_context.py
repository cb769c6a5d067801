"""Recipient categories in context (own EN/DE snippets): labels inside names, descriptions of named
organisations, headings, purposes, complaint sentences, possessives, numbered questions as list titles."""

from __future__ import annotations

import pytest

from vendorgraph.extract import categories as cat
from vendorgraph.model import CategoryFact, Document, Span, Transfer
from vendorgraph.segment import segment


def recipients(text: str) -> list[str]:
    doc = Document("mem", "mem.txt", text)
    return sorted(f.category for f in cat.find_recipient_categories(doc, segment(text)))


@pytest.mark.parametrize("text, expected", [
    ("2) Who gets your data?\n- our tax adviser\n- public authorities where required by law\n",
     ["authorities", "professional_advisers"]),
    ("3) Wer erhält Ihre Daten?\n- unser Steuerbüro\n- Behörden, soweit gesetzlich vorgeschrieben\n",
     ["authorities", "professional_advisers"]),
])
def test_numbered_question_introduces_a_recipient_list(text, expected):
    assert recipients(text) == expected


@pytest.mark.parametrize("text", [
    "For instalment purchases we pass your order data to Nordfjord Bank AB.",
    "Im Schadensfall übermitteln wir Daten an die Kontor Allgemeine Versicherungs-AG.",
    "Empfänger: Kassenzahnärztliche Vereinigung Nordland (Abrechnung)",
    "Payments are collected by our payment provider, the Paynorth Group.",
    "Lastschriften übermitteln wir an unsere Hausbank, die Volksbank Talheim Nord.",
])
def test_a_label_inside_or_before_an_organisations_name_is_no_category(text):
    assert recipients(text) == []


def test_a_label_without_a_name_still_counts():
    assert recipients("Empfänger: die Kassenzahnärztliche Vereinigung (Abrechnung)") == ["authorities"]
    assert recipients("Direct debits are passed to our bank.") == ["payment_providers"]
    assert recipients("Wir geben Ihre Daten an den Versanddienstleister Name, Anschrift weiter.") == ["logistics"]


@pytest.mark.parametrize("text", [
    "Recipients: Paynorth SAS, 3 rue Exemple, Lyon, France (card payments, processor); Hostwell GmbH, Berlin (hosting)",
    "Empfänger: Zahlfix GmbH, Domstraße 1, Köln (Zahlungsabwicklung)",
])
def test_function_words_describing_a_named_recipient_are_no_category(text):
    assert recipients(text) == []


def test_function_words_describing_generic_providers_still_count():
    assert recipients("Empfänger: Dienstleister (Hosting, Zahlungsabwicklung)") == ["it_service_providers", "payment_providers"]
    assert recipients("Recipients: service providers (hosting, payment processing)") == [
        "it_service_providers", "payment_providers"]


@pytest.mark.parametrize("text", [
    "4. Payment providers\n\nPaynorth SAS processes your card data as our processor.\n",
    "4. Zahlungsdienstleister\n\nDie Zahlfix GmbH verarbeitet Ihre Kartendaten als Auftragsverarbeiter.\n",
])
def test_a_heading_alone_names_no_recipient(text):
    assert recipients(text) == []


@pytest.mark.parametrize("text", [
    "Sie können sich außerdem bei einer Aufsichtsbehörde beschweren.",
    "You may also complain to a data protection authority.",
])
def test_complaint_sentences_name_no_authority_recipient(text):
    assert recipients(text) == []


@pytest.mark.parametrize("text", [
    "Some of our vendors are located in the USA or have US parent companies.",
    "Some tools may transfer data to their affiliates in the USA.",
    "Einige Anbieter übermitteln Daten an ihre Muttergesellschaften in den USA.",
])
def test_someone_elses_group_companies_are_no_category(text):
    assert recipients(text) == []


@pytest.mark.parametrize("text", [
    "Die Lohnbuchhaltung erfolgt durch unsere Steuerberaterin.",
    "Our bookkeeping is done by an external accountant.",
])
def test_work_done_by_an_adviser(text):
    assert recipients(text) == ["professional_advisers"]


def test_a_purpose_is_no_recipient():
    assert recipients("Recipients:\n- your health insurer, for billing of treatment\n") == ["other"]
    assert recipients("Für die Unfallversicherung werden Daten an die Kontor Versicherungs-AG übermittelt.") == []
    assert recipients("We work with service providers for billing.") == ["payment_providers"]


@pytest.mark.parametrize("text, expected", [
    ("Where necessary we disclose data to courts, opposing counsel and experts.", ["authorities", "professional_advisers"]),
    ("Im Streitfall übermitteln wir Daten an Gerichte und Sachverständige.", ["authorities", "professional_advisers"]),
    ("With your consent we pass findings to specialists and hospitals.", ["other"]),
    ("Mit Ihrer Einwilligung übermitteln wir Befunde an Fachärzte und Kliniken.", ["other"]),
])
def test_new_surface_forms(text, expected):
    assert recipients(text) == expected


def test_categories_reached_through_a_named_processor_are_recipient_categories():
    span = Span(0, 4, "text", "transfer.unnamed_sub_processors", 0.6)
    found = (CategoryFact("payment_providers", (span,)),)
    transfers = (Transfer("category:it_service_providers", "US", ("scc",), "Hostly", True, (), (span,)),
                 Transfer("category:group_companies", "US", ("scc",), None, True, (), (span,)),
                 Transfer("Hostly", "US", ("scc",), None, True, (), (span,)))
    out = cat.with_transfer_categories(found, transfers)
    assert [f.category for f in out] == ["payment_providers", "it_service_providers"]
    assert out[1].evidence == (span,)


@pytest.mark.parametrize("text", [
    "Our group\n\nThe Example group comprises the following companies:\n- Example Machinery Inc., Charlotte, USA\n"
    "- Example Engineering Pvt. Ltd., Pune, India\n\nCustomer data is shared with all group companies where needed.\n",
    "Unternehmensgruppe\n\nZur Beispiel-Gruppe gehören die folgenden Gesellschaften:\n- Beispiel Machinery Inc., Charlotte, USA\n"
    "- Beispiel Engineering Pvt. Ltd., Pune, Indien\n\nKundendaten übermitteln wir an alle Gruppengesellschaften.\n",
])
def test_group_companies_listed_by_name_are_no_category(text):
    assert recipients(text) == []


@pytest.mark.parametrize("text, expected", [
    ("- IT service providers\n- our tax adviser\n- public authorities, where required by law\n",
     ["authorities", "it_service_providers", "professional_advisers"]),
    ("- IT-Dienstleister\n- unser Steuerbüro\n- Behörden, soweit gesetzlich vorgeschrieben\n",
     ["authorities", "it_service_providers", "professional_advisers"]),
])
def test_items_of_a_list_with_a_recipient_item_are_recipients(text, expected):
    assert recipients(text) == expected


def test_a_list_without_a_recipient_item_needs_cues():
    assert recipients("Our values:\n- fairness\n- our tax adviser is great\n- open data\n") == []


@pytest.mark.parametrize("text, expected", [
    ("Daten werden an Inkassounternehmen weitergegeben, wenn Sie nicht zahlen.", ["debt_collection"]),
    ("Data goes to debt collection agencies if you do not pay.", ["debt_collection"]),
    ("Behörden erhalten Daten nur, soweit wir gesetzlich dazu verpflichtet sind.", ["authorities"]),
    ("Authorities, where required by law.", ["authorities"]),
])
def test_conditions_are_no_negation_and_legal_duty_is_a_cue(text, expected):
    assert recipients(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("With your consent we forward your profile to potential employers.", ["other"]),
    ("Mit Ihrer Einwilligung leiten wir Ihr Profil an potenzielle Arbeitgeber weiter.", ["other"]),
    ("We share data with freelance interpreters and proofreaders.", ["other"]),
    ("Wir übermitteln Daten an Dolmetscher und Lektoren.", ["other"]),
    ("For financing we pass your data to leasing companies.", ["payment_providers"]),
    ("Für die Finanzierung geben wir Ihre Daten an Leasinggesellschaften weiter.", ["payment_providers"]),
])
def test_sector_surface_forms(text, expected):
    assert recipients(text) == expected
