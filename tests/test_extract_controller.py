"""The controller: owner lines, qualified cues, long name blocks, tables of contents, company types that open
a name, a label name before a later paragraph (EN + DE)."""

from __future__ import annotations

import pytest

from test_extract_parties import extract

HOSTER_DE = "\n\nDie Website liegt bei der Serverhafen Systems GmbH, Kassel.\n"
HOSTER_EN = "\n\nOur website is hosted by Serverhafen Systems GmbH, Kassel, Germany.\n"


def test_owner_line_de():
    f = extract("Datenschutz\n\nHofladen am Deich – Inh. Jana Sommer\nDeichweg 2\n25813 Husum" + HOSTER_DE)
    assert f.controller.name == "Hofladen am Deich"
    assert {p.name for p in f.parties} == {"Serverhafen Systems"}


def test_owner_line_en():
    f = extract("Privacy notice\n\nThe Corner Bakery, Owner: Sam Quill\n4 Mill Lane\nYork YO1 7HH" + HOSTER_EN)
    assert f.controller.name == "The Corner Bakery"


def test_owner_under_a_title_line_de():
    f = extract("Impressum und Datenschutz\nInhaber: Karl Brenner\nBachweg 1, 79098 Freiburg" + HOSTER_DE)
    assert f.controller.name == "Karl Brenner"


def test_qualified_cue_and_long_practice_name_de():
    f = extract("Patienteninformation zum Datenschutz\n\nVerantwortlich für die Datenverarbeitung:\n"
                "Gemeinschaftspraxis Dr. med. Jonas Roth & Dr. med. Bettina Ilić\nFachärzte für Innere Medizin\n"
                "Marktplatz 3, 93047 Regensburg" + HOSTER_DE)
    assert f.controller.name == "Gemeinschaftspraxis Dr. med. Jonas Roth & Dr. med. Bettina Ilić"


def test_qualified_cue_en():
    f = extract("Privacy notice\n\nResponsible for data processing within the meaning of the GDPR:\n"
                "Dental Practice Dr. Ines Vale & Dr. Tom Reed\n12 High Street, Bath BA1 1AA" + HOSTER_EN)
    assert f.controller.name == "Dental Practice Dr. Ines Vale & Dr. Tom Reed"


def test_table_of_contents_before_the_controller_block_de():
    f = extract("Datenschutzerklärung\n\nInhaltsverzeichnis\n1. Name und Anschrift des Verantwortlichen\n"
                "2. Hosting durch die Serverhafen Systems GmbH\n3. Ihre Rechte\n\n"
                "1. Name und Anschrift des Verantwortlichen\nTischlerei Brandhuber GmbH\nSägewerkstraße 4\n83022 Rosenheim\n\n"
                "2. Hosting durch die Serverhafen Systems GmbH\nUnsere Website liegt bei der Serverhafen Systems GmbH, Kassel.\n")
    assert f.controller.name == "Tischlerei Brandhuber GmbH"


def test_table_of_contents_before_the_controller_block_en():
    f = extract("Privacy Policy\n\nTable of contents\n1. Controller and data protection officer\n"
                "2. Hosting with Serverhafen Systems GmbH\n3. Your rights\n\n1. Controller and data protection officer\n"
                "The controller is Brightwater Analytics Ltd, 12 Harbour Road, Cork, Ireland.\n\n"
                "2. Hosting with Serverhafen Systems GmbH\nOur site is hosted by Serverhafen Systems GmbH, Kassel, Germany.\n")
    assert f.controller.name == "Brightwater Analytics Ltd"


def test_company_type_opening_the_name_de():
    f = extract("Datenschutzinformation für Mandanten\n\nVerantwortliche Stelle:\n"
                "Steuerberatungsgesellschaft Jansen & Partner mbB\nDomshof 2\n28195 Bremen" + HOSTER_DE)
    assert f.controller.name == "Steuerberatungsgesellschaft Jansen & Partner mbB"


def test_company_type_opening_the_name_en():
    f = extract("Privacy notice for clients\n\nController:\nRechtsanwaltsgesellschaft Okafor & Lind mbH\n"
                "Friedrichstraße 9, 10117 Berlin, Germany" + HOSTER_EN)
    assert f.controller.name == "Rechtsanwaltsgesellschaft Okafor & Lind mbH"


def test_label_name_before_a_later_paragraph_de():
    f = extract("Verantwortlich: Praxis Dr. Ulla Berg, Hauptstr. 1, 48143 Münster.\n\n"
                "Lastschriften zieht die Volksbank Emsland-Süd ein.")
    assert f.controller.name == "Praxis Dr. Ulla Berg"
    assert {p.name for p in f.parties} == {"Volksbank Emsland-Süd"}


def test_label_name_before_a_later_paragraph_en():
    f = extract("Controller: Harbour Yoga Studio, 2 Pier Road, Cork.\n\nPayments are collected by Tidewater Pay Ltd, Dublin.")
    assert f.controller.name == "Harbour Yoga Studio"


def test_owner_line_alone_de_en():
    f = extract("Datenschutz\n\nInhaber: Max Brenner\nMusterladen\nHauptstr. 1, 12345 Musterstadt" + HOSTER_DE)
    assert f.controller.name == "Max Brenner"
    f = extract("Privacy\n\nOwner: Sam Quill\nThe Corner Bakery, 4 Mill Lane, York" + HOSTER_EN)
    assert f.controller.name == "Sam Quill"


# --- "who we are", the Art. 4(7) paraphrase and letterheads (own wording, EN + DE) ------------------------------

def _controller(text: str) -> str | None:
    from vendorgraph.load import from_text
    from vendorgraph.pipeline import extract_document

    c = extract_document(from_text(text)).controller
    return c.name if c else None


@pytest.mark.parametrize("text, name", [
    ("Privacy notice\n\nWho we are\nBramble Lane Dental Care Ltd\n14 Market Street, Leeds LS1 6DT\n\n"
     "We collect your name, contact details and treatment history. Our software vendor Tooth Cloud GmbH "
     "hosts the records on our behalf.\n", "Bramble Lane Dental Care Ltd"),
    ("Datenschutzhinweise\n\nWer wir sind\nFahrradwerkstatt Speiche GmbH\nKanalstraße 8, 28195 Bremen\n\n"
     "Wir verarbeiten Ihren Namen und Ihre Telefonnummer für Reparaturaufträge. Die Buchhaltung erledigt die "
     "Zahlenwerk Steuerberatung GmbH.\n", "Fahrradwerkstatt Speiche GmbH"),
    ("Privacy\n\nMossgrove Ceramics B.V. decides how and why your personal data is used. We keep your "
     "order history for seven years. Payments go through Paygate Ltd.\n", "Mossgrove Ceramics B.V."),
    ("Datenschutz\n\nDie Keramikstudio Moos GmbH entscheidet über die Zwecke und Mittel der Verarbeitung Ihrer "
     "Daten. Zahlungen wickelt die Zahlwerk GmbH ab.\n", "Keramikstudio Moos GmbH"),
    ("Orthoform Zahntechnik GmbH · Meisterbetrieb\nBirkenweg 4\n04109 Leipzig\n\nHinweise zum Datenschutz\n\n"
     "Wir erhalten Patientendaten von den Zahnarztpraxen, die uns beauftragen. Den Versand übernimmt ein "
     "Kurierdienst. Unsere Server betreibt die Hetzner Online GmbH in Deutschland.\n", "Orthoform Zahntechnik GmbH"),
    ("Kestrel Print Ltd\nUnit 3, Harbour Road\nBristol BS1 5TY\n\nHow we use your data\n\n"
     "We use your email address to send proofs. Files are stored with Dropbox International Unlimited Company.\n",
     "Kestrel Print Ltd"),
    ("Privacy notice\n\nWe sell garden tools online. Our hosting provider is:\n\nPlanetHost GmbH\nRingstraße 9\n"
     "10115 Berlin\n\nThey store order data on our behalf.\n", None),  # an address block further down: no letterhead
    ("Privacy notice\n\nWe use your email address to answer enquiries. Files are stored with Dropbox International "
     "Unlimited Company.\n\nImprint\nHarbour Kiln Ceramics Ltd\n7 Quay Street\nGalway H91 X2Y3\nDirector: Ann Byrne\n",
     "Harbour Kiln Ceramics Ltd"),
    ("Datenschutz\n\nWir verarbeiten Ihre Buchungsdaten für die Führung.\n\nImpressum\nStadtführung Laterne UG "
     "(haftungsbeschränkt)\nDomplatz 2\n50667 Köln\n", "Stadtführung Laterne UG (haftungsbeschränkt)"),
    ("# Privacy statement\n\n**Vlierbes Wonen B.V.** runs this furniture shop. Registered office: Oudegracht 20, "
     "3511 AP Utrecht. Payments are handled by Mollie B.V.\n", "Vlierbes Wonen B.V."),
], ids=["who-we-are", "wer-wir-sind", "decides-en", "entscheidet-de", "letterhead-de", "letterhead-en", "no-letterhead",
        "imprint-en", "impressum-de", "registered-office"])
def test_controller_from_who_we_are_art_4_7_and_letterheads(text, name):
    assert _controller(text) == name
