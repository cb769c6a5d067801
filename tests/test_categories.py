"""Data and recipient categories (vendorgraph.extract.categories): own snippets in English and German."""

from __future__ import annotations

import json

import pytest

from vendorgraph.extract import categories as cat
from vendorgraph.model import Document
from vendorgraph.segment import segment


def _found(fn, text: str) -> list[str]:
    doc = Document("mem", "mem.txt", text)
    facts = fn(doc, segment(text))
    for f in facts:
        assert f.evidence
        for s in f.evidence:
            assert text[s.start:s.end] == s.quote
            assert s.rule and 0 < s.confidence <= 1
    return sorted(f.category for f in facts)


def data(text: str) -> list[str]:
    return _found(cat.find_data_categories, text)


def recipients(text: str) -> list[str]:
    return _found(cat.find_recipient_categories, text)


# --- labels -----------------------------------------------------------------------------------

@pytest.mark.parametrize("kind", ["data", "recipient"])
def test_every_concept_has_english_and_german_labels(kind):
    labels = cat.load_labels(kind)
    for notation in {lb.notation for lb in labels}:
        langs = {lb.lang for lb in labels if lb.notation == notation and not lb.hidden}
        assert langs == {"en", "de"}, notation


def test_vocabularies_are_the_gold_ones():
    assert {lb.notation for lb in cat.load_labels("recipient")} == {
        "it_service_providers", "payment_providers", "credit_agencies", "logistics", "debt_collection",
        "authorities", "professional_advisers", "group_companies", "marketing_agencies", "market_research",
        "social_networks", "customer_support", "other"}
    assert {"identity", "special_category", "applicant_employee", "diagnostic"} <= {
        lb.notation for lb in cat.load_labels("data")}


def test_rules_file_is_valid_and_compiles():
    rules = json.loads((cat.data_dir("ingest") / "lexicons" / "categories.json").read_text(encoding="utf-8"))
    assert rules["recipient"]["standalone"]
    for path in [("recipient", "cue"), ("recipient", "veto_sentence"), ("data", "exclude_phrase"), ("glossary", "intro")]:
        assert cat._rx(*path).pattern


# --- matching: plural, inflection, compounds, ellipses ------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("an IT service provider", ["it_service_providers"]),
    ("(IT-) service providers", ["it_service_providers"]),
    ("Zahlungsdienstleistern", ["payment_providers"]),
    ("Paketversanddienstleister", ["logistics"]),
    ("Steuer- und Rechtsberatern", ["professional_advisers"]),
    ("tax and legal advisors", ["professional_advisers"]),
    ("Datenbanken", []),
    ("sicherzustellen", []),
    ("freelance tutors", ["other"]),
    ("mit unabhängigen Service-Partnern", ["other"]),
    ("hotels and tour operators", ["other"]),
    ("Hotels und Leistungsträger", ["other"]),
])
def test_recipient_surface_forms(text, expected):
    assert sorted({n for n, _, _ in cat.recipient_categories_in(text)}) == expected


def test_recipient_categories_in_gives_offsets():
    text = "Transfers to IT service providers and Kreditinstitute in the USA."
    assert cat.recipient_categories_in(text) == [("it_service_providers", 13, 33), ("payment_providers", 38, 53)]


def test_function_words_need_a_provider_noun_and_not_data():
    assert cat.recipient_categories_in("service providers for hosting") == [("it_service_providers", 22, 29)]
    assert cat.recipient_categories_in("hosting of the site") == []
    assert cat.recipient_categories_in("we pass payment data to service providers") == []
    assert cat.recipient_categories_in("Für den Versand unseres Newsletters nutzen wir Dienstleister") == []


@pytest.mark.parametrize("text, expected", [
    ("Kontakt- und Rechnungsdaten", ["contact", "payment"]),
    ("contact and payment data", ["contact", "payment"]),
    ("Bild- und/ oder Videoaufnahmen", ["audio_video"]),
])
def test_elliptic_coordination(text, expected):
    assert sorted({h.notation for h in cat.scan(text) if h.label.kind == "data"}) == expected


# --- data categories ----------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("We process your full name and date of birth.", ["identity"]),
    ("Wir verarbeiten Ihren Vor- und Nachnamen sowie Ihr Geburtsdatum.", ["identity"]),
    ("We collect your email address and phone number.", ["contact"]),
    ("Wir speichern Ihre E-Mail-Adresse und Telefonnummer.", ["contact"]),
    ("For payment we process your bank details and credit card number.", ["payment"]),
    ("Wir verarbeiten Ihre Bankverbindung und Kreditkartendaten.", ["payment"]),
    ("Our server logs your IP address, browser type and the pages you visit.", ["connection", "usage"]),
    ("Der Server speichert Ihre IP-Adresse, das Betriebssystem und Ihr Nutzungsverhalten.", ["connection", "usage"]),
    ("We use cookies and store a user ID.", ["identifiers"]),
    ("We store the content of your message.", ["content"]),
    ("Wir speichern den Inhalt Ihrer Nachricht.", ["content"]),
    ("Video calls: we process video and audio from your camera and microphone.", ["audio_video"]),
    ("Wir verarbeiten Bild- und Tonaufnahmen der Veranstaltung.", ["audio_video"]),
    ("We store login data, i.e. your user name and password.", ["account"]),
    ("Wir verarbeiten Ihre Zugangsdaten und Ihr Benutzerkonto.", ["account"]),
    ("We carry out a credit check.", ["creditworthiness"]),
    ("Wir führen eine Bonitätsprüfung durch.", ["creditworthiness"]),
    ("The app collects location data and crash reports.", ["diagnostic", "location"]),
    ("Die App erfasst Standortdaten und Absturzberichte.", ["diagnostic", "location"]),
    ("We process contract data and order data.", ["contract"]),
    ("Wir verarbeiten Vertrags- und Bestelldaten.", ["contract"]),
    ("We process applicant data such as your CV.", ["applicant_employee"]),
    ("Wir verarbeiten Ihre Bewerbungsunterlagen.", ["applicant_employee"]),
    ("Processed data: gender, age group, profile picture and likes.", ["demographic", "social_media"]),
    ("We process marketing data such as your advertising preferences.", ["marketing"]),
])
def test_data_categories(text, expected):
    assert data(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("We process health data of our patients.", ["special_category"]),
    ("We do not process any health data.", []),
    ("Wir verarbeiten Gesundheitsdaten unserer Patienten.", ["special_category"]),
    ("Wir verarbeiten keine Gesundheitsdaten.", []),
])
def test_special_categories_only_when_processed(text, expected):
    assert data(text) == expected


@pytest.mark.parametrize("text", [
    "If you have questions, reach us via the contact details above.",
    "Bei Fragen nutzen Sie die oben genannten Kontaktdaten.",
    "Personal data means any information relating to an identified or identifiable natural person, "
    "such as location data or an online identifier.",
    "The website operates on behalf of the company, in its name.",
])
def test_no_data_category_without_processing(text):
    assert data(text) == []


@pytest.mark.parametrize("text", [
    "Glossary\n\nTerms in this notice are to be understood as follows:\n- Diagnostic data: crash reports.\n",
    "Begriffsbestimmungen\n\nDie verwendeten Begriffe sind wie folgt zu verstehen:\n- Gesundheitsdaten: Angaben zur Gesundheit.\n",
])
def test_glossary_definitions_are_not_processing(text):
    assert data(text) == []


def test_glossary_ends_with_its_list():
    text = ("Terms are to be understood as follows:\n- Diagnostic data: crash reports.\n\n"
            "We store crash reports of the app.\n")
    assert data(text) == ["diagnostic"]


# --- recipient categories -----------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("We pass on your data to IT service providers, payment service providers and shipping companies.",
     ["it_service_providers", "logistics", "payment_providers"]),
    ("Wir geben Ihre Daten an IT-Dienstleister, Kreditinstitute und Versanddienstleister weiter.",
     ["it_service_providers", "logistics", "payment_providers"]),
    ("We work with service providers for hosting and payment processing.", ["it_service_providers", "payment_providers"]),
    ("Wir setzen Dienstleister für Hosting und Zahlungsabwicklung ein.", ["it_service_providers", "payment_providers"]),
    ("We disclose data to law enforcement authorities if legally required.", ["authorities"]),
    ("Wir übermitteln Daten an Behörden, soweit wir gesetzlich dazu verpflichtet sind.", ["authorities"]),
    ("Recipients: marketing agencies, market research institutes.", ["market_research", "marketing_agencies"]),
    ("Empfänger: Marketing- und Werbepartner, Marktforschungsinstitute.", ["market_research", "marketing_agencies"]),
    ("We share data with our affiliated companies.", ["group_companies"]),
    ("Wir übermitteln Daten an Konzerngesellschaften.", ["group_companies"]),
    ("We pass your address to installers and subcontractors.", ["other"]),
    ("Ihre Adresse geben wir an Subunternehmer und Handwerksbetriebe weiter.", ["other"]),
    ("Call centres receive your data on our behalf.", ["customer_support"]),
    ("We pass usage data to social networks.", ["social_networks"]),
])
def test_recipient_categories(text, expected):
    assert recipients(text) == expected


@pytest.mark.parametrize("text", [
    "You have the right to lodge a complaint with a supervisory authority.",
    "Sie haben das Recht auf Beschwerde bei einer Aufsichtsbehörde.",
    "We use statistics in cooperation with authorities in the event of violations.",
    "We receive information about you from advertising partners and market research companies.",
    "Wir erhalten Informationen von Werbe- und Marktforschungsunternehmen.",
    "We do not pass your data to marketing agencies.",
    "Eine Weitergabe an Werbepartner erfolgt nicht.",
    "When you click, the information is transmitted directly from your browser to the social network.",
    "Our customer support team answers your questions.",
])
def test_no_recipient_without_disclosure(text):
    assert recipients(text) == []


@pytest.mark.parametrize("text, expected", [
    ("We share personal data with the following recipients:\n\n- credit agencies\n- debt collection agencies\n"
     "- tax advisors\n", ["credit_agencies", "debt_collection", "professional_advisers"]),
    ("Wir übermitteln personenbezogene Daten an folgende Empfänger:\n\n- Auskunfteien\n- Inkassounternehmen\n"
     "- Steuerberater\n", ["credit_agencies", "debt_collection", "professional_advisers"]),
])
def test_list_under_a_recipient_introduction(text, expected):
    assert recipients(text) == expected


def test_list_without_recipient_introduction_needs_its_own_cue():
    assert recipients("Our partners include:\n\n- advertising agencies\n- market research institutes\n") == []


def test_recipient_section_heading_gives_context():
    text = "Privacy notice\n\n4. Recipients\n\nMarketing agencies and tax advisors.\n"
    assert recipients(text) == ["marketing_agencies", "professional_advisers"]


def test_standalone_providers_need_no_cue_but_respect_negation():
    assert recipients("Our IT service providers are bound by contracts.") == ["it_service_providers"]
    assert recipients("We do not transfer data to payment providers.") == []


def test_output_is_deterministic():
    text = "We pass data to banks, Steuerberater and call centres. Wir speichern Ihre IP-Adresse."
    doc = Document("mem", "mem.txt", text)
    segs = segment(text)
    first = (cat.find_data_categories(doc, segs), cat.find_recipient_categories(doc, segs))
    cat._document_hits.cache_clear()
    assert (cat.find_data_categories(doc, segs), cat.find_recipient_categories(doc, segs)) == first


# --- the shared sample policies (read at run time only) ---------------------------------------------

def _f1(pairs) -> float:
    tp = sum(len(g & p) for g, p in pairs)
    fp = sum(len(p - g) for g, p in pairs)
    fn = sum(len(g - p) for g, p in pairs)
    prec = tp / (tp + fp) if tp + fp else 1.0
    rec = tp / (tp + fn) if tp + fn else 1.0
    return 2 * prec * rec / (prec + rec) if prec + rec else 0.0


def test_shared_policies_f1(shared):
    from vendorgraph.load import load

    pairs: dict[str, list] = {"data_categories": [], "recipient_categories": []}
    for gold_file in sorted((shared / "gold").glob("*.json")):
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        doc = load(shared / "policies" / gold["document"])
        segs = segment(doc.text)
        found = {"data_categories": cat.find_data_categories(doc, segs),
                 "recipient_categories": cat.find_recipient_categories(doc, segs)}
        for field, facts in found.items():
            pairs[field].append((set(gold[field]), {f.category for f in facts}))
    assert pairs["data_categories"], "no gold files"
    for field, p in pairs.items():
        assert _f1(p) >= 0.9, field


@pytest.mark.parametrize("text, expected", [
    ("Hosting-Anbieter", "it_service_providers"),
    ("Versand-Dienstleister", "logistics"),
    ("Drittanbieter-Cookies", "identifiers"),
    ("third-party cookies", "identifiers"),
    ("collection agencies", "debt_collection"),
    ("a collection agency", "debt_collection"),
])
def test_hyphenated_compounds_and_plurals(text, expected):
    assert {h.notation for h in cat.scan(text)} == {expected}


@pytest.mark.parametrize("text, expected", [
    ("Besondere Kategorien personenbezogener Daten verarbeiten wir nicht.", []),
    ("Health data are not processed.", []),
    ("IP addresses are not stored for longer than seven days.", ["connection"]),
    ("Wir speichern Ihre IP-Adresse sieben Tage.", ["connection"]),
])
def test_negation_after_the_category(text, expected):
    assert data(text) == expected


def test_german_noun_labels_need_capitalised_words():
    assert cat.recipient_categories_in("um dies sicherzustellen") == []
    assert cat.recipient_categories_in("an Zusteller") == [("logistics", 3, 12)]


@pytest.mark.parametrize("text, expected", [
    ("Der Versand der Newsletter erfolgt über einen Versanddienstleister.", []),
    ("Wir übergeben Ihre Adresse an unseren Versanddienstleister.", ["logistics"]),
    ("Newsletter\n\nWe pass your email address to our shipping service provider.\n", []),
    ("We pass your name and email address to the shipping company.", ["logistics"]),
])
def test_newsletter_dispatch_is_no_logistics(text, expected):
    assert recipients(text) == expected


@pytest.mark.parametrize("kind", ["data", "recipient"])
def test_a_surface_form_names_one_concept(kind):
    owners: dict[tuple[str, str], set[str]] = {}
    for lb in cat.load_labels(kind):
        owners.setdefault((lb.lang, lb.text.lower()), set()).add(lb.notation)
    assert not [k for k, v in owners.items() if len(v) > 1]


@pytest.mark.parametrize("text, expected", [
    ("Unsere Anschrift lautet Hauptstraße 1, Köln.", []),
    ("Our postal address is 1 Main Street.", []),
    ("Wir verarbeiten Ihren Namen und Ihre Anschrift.", ["contact", "identity"]),
    ("Wenn Sie sich bewerben, verarbeiten wir Ihre Bewerbung und Ihr Anschreiben.", ["applicant_employee"]),
    ("We process job applications and cover letters.", ["applicant_employee"]),
])
def test_weak_forms_need_processing_and_not_our_own_address(text, expected):
    assert data(text) == expected
