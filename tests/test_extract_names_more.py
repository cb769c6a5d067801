"""Organisation names: declined German names, parenthesised places and "& Co." partnerships, foreign legal
forms, institutions without a legal form, group companies beside the controller (EN + DE)."""

from __future__ import annotations

import pytest

from test_extract_parties import extract, party

from vendorgraph.extract.mentions import entity_mentions
from vendorgraph.extract.names import nominative


def names(text: str) -> set[str]:
    return {p.name for p in extract(text).parties}


@pytest.mark.parametrize("declined, plain", [
    ("Niedersächsischen Turnerbund", "Niedersächsischer Turnerbund"),
    ("Hessischen Handball-Verbands", "Hessischer Handball-Verband"),
    ("Kassenzahnärztlichen Vereinigung Hessen", "Kassenzahnärztliche Vereinigung Hessen"),
    ("Evangelischen Stiftung Neuhof", "Evangelische Stiftung Neuhof"),
    ("Sächsischen Landesamt für Umwelt", "Sächsisches Landesamt für Umwelt"),
    ("Thüringer Chorverband", "Thüringer Chorverband"),  # no adjective ending to change
    ("Deutschen Cloud", "Deutschen Cloud"),  # head of unknown gender: unchanged
])
def test_nominative(declined, plain):
    assert nominative(declined) == plain


def test_declined_club_names_de():
    f = extract("Verantwortlich: TSV Beispielhausen 1899 e.V., Am Sportplatz 1, 34117 Kassel.\n\n"
                "Spielerpässe beantragen wir beim Hessischen Handball-Verband e.V.; Ergebnisse melden wir an den "
                "Hessischen Handball-Verband e.V. Versichert sind Sie über die Sporthilfe des Landessportbundes Hessen e.V.")
    assert "Hessischer Handball-Verband" in {p.name for p in f.parties}
    assert "Hessischen Handball-Verband e.V." in party(f, "Hessischer Handball-Verband").aliases


def test_declined_controller_de():
    f = extract("Datenschutzhinweise des Niedersächsischen Turnerbunds e.V.\n\nWir, der Niedersächsische Turnerbund e.V., "
                "Ahornweg 3, 30159 Hannover, sind verantwortlich.")
    assert f.controller.name.startswith("Niedersächsischer Turnerbund")


@pytest.mark.parametrize("text, name", [
    ("Spare parts come from Lindqvist Tools (Shenzhen) Co., Ltd., Shenzhen, China.", "Lindqvist Tools (Shenzhen) Co., Ltd."),
    ("Parcels are carried by Parcelo Express (Ireland) Ltd, Dublin.", "Parcelo Express (Ireland) Ltd"),
    ("Die Bonität prüft die Auskunftei Nordhessen Weber, Brandt & Co. KG, Kassel.", "Auskunftei Nordhessen Weber, Brandt & Co. KG"),
    ("Support: Baltic Helpdesk UAB, Vilnius; design: Tallinn Pixels OÜ; apps: Porto Code Lda, Porto.", "Baltic Helpdesk UAB"),
    ("Unsere Buchhaltung erledigt die Steuerberatungsgesellschaft Jansen & Partner mbB, Bremen.",
     "Steuerberatungsgesellschaft Jansen & Partner mbB"),
])
def test_names_with_places_commas_and_foreign_forms(text, name):
    assert name in [n for _, _, n in entity_mentions(text)]


def test_foreign_legal_forms_en():
    got = names("Support is run by Baltic Helpdesk UAB, Vilnius, Lithuania. Design work is done by Tallinn Pixels OÜ, "
                "Estonia, and the mobile app by Porto Code Lda, Portugal, and Zagreb Apps d.o.o., Croatia.")
    assert {"Baltic Helpdesk", "Tallinn Pixels", "Porto Code", "Zagreb Apps"} <= got


def test_institutions_without_legal_form_de():
    got = names("Verantwortlich: Praxis Dr. Ulla Berg, Hauptstr. 1, 48143 Münster.\n\n"
                "Lastschriften zieht unsere Hausbank ein, die Volksbank Emsland-Süd. Die Abrechnung erfolgt über die "
                "Kassenärztliche Vereinigung Westfalen-Lippe. Ihre Krankenkasse und die zuständige Kassenärztliche "
                "Vereinigung erhalten Abrechnungsdaten. Zuständige Kammer: Ärztekammer Westfalen-Lippe.")
    assert {"Volksbank Emsland-Süd", "Kassenärztliche Vereinigung Westfalen-Lippe"} <= got
    assert not any("Kammer" in n or n == "Kassenärztliche Vereinigung" for n in got)


def test_postal_operator_without_legal_form_en():
    got = names("The controller is Wool & Wick Ltd, 3 Quay St, Galway, Ireland.\n\n"
                "Domestic parcels are delivered by An Post; parcels to Britain by Royal Mail.")
    assert {"An Post", "Royal Mail"} <= got


def test_group_companies_with_the_controllers_name_en():
    text = ("The controller is Vellum Apps GmbH, Torstr. 5, 10119 Berlin, Germany (\"Vellum\", \"we\").\n\n"
            "Our subsidiaries are Vellum Inc., 1 Main Street, Austin, TX 78701, USA, and Vellum UK Ltd, London, United "
            "Kingdom. Our QA team works at Vellum Apps d.o.o., Novi Sad, Serbia.\n")
    f = extract(text)
    assert f.controller.name == "Vellum Apps GmbH"
    got = {p.name for p in f.parties}
    assert {"Vellum", "Vellum UK", "Vellum Apps"} <= got
    assert party(f, "Vellum Apps d.o.o.").countries == ("RS",)


def test_group_companies_with_the_controllers_name_de():
    text = ("Verantwortlich ist die Kessel Antriebe GmbH & Co. KG, Werkstr. 2, 89073 Ulm.\n\n"
            "Zur Unternehmensgruppe gehören:\n- Kessel Drives Inc., Charlotte, NC 28273, USA\n"
            "- Kessel Drives (Ningbo) Co., Ltd., Ningbo, China\n")
    got = names(text)
    assert {"Kessel Drives", "Kessel Drives (Ningbo)"} <= got


def test_product_of_and_parent_company_en():
    f = extract("The controller is Wool & Wick Ltd, 3 Quay St, Galway, Ireland.\n\n"
                "Our consent banner is the tool ConsentBox, a product of Bannerworks A/S, Aarhus, Denmark, acting as our "
                "processor. ConsentBox stores your choice.\n\nNewsletters are sent with Mailchimp, a service of The Rocket Science "
                "Group LLC, Atlanta, USA, an Intuit company.")
    got = {p.name for p in f.parties}
    assert "ConsentBox" not in got and "Intuit" not in got
    assert "ConsentBox" in party(f, "Bannerworks A/S").aliases
    assert "Intuit" in party(f, "Mailchimp").aliases


def test_product_of_de():
    f = extract("Verantwortlich ist die Lindenhof Keramik GmbH, Gartenweg 3, 37073 Göttingen.\n\n"
                "Für Umfragen nutzen wir das Tool FrageBoot, ein Dienst der Umfragewerk GmbH, Leipzig. FrageBoot "
                "speichert Ihre Antworten.")
    assert {p.name for p in f.parties} == {"Umfragewerk"}
    assert "FrageBoot" in party(f, "Umfragewerk").aliases


def test_provider_of_a_section_brand_de():
    f = extract("Verantwortlich ist die Lindenhof Keramik GmbH, Gartenweg 3, 37073 Göttingen.\n\n"
                "## Einwilligung mit ConsentBox\n\nWir nutzen das Tool ConsentBox, um Ihre Einwilligung zu speichern. "
                "Anbieter dieser Technologie ist die Bannerworks A/S, Aarhus, Dänemark.\n")
    assert {p.name for p in f.parties} == {"Bannerworks"}
    assert "ConsentBox" in party(f, "Bannerworks").aliases


def test_provider_of_a_section_brand_en():
    f = extract("The controller is Wool & Wick Ltd, 3 Quay St, Galway, Ireland.\n\n## Surveys with FormFox\n\n"
                "We run surveys with the tool FormFox. The provider of this service is Quizcraft Ltd, Belfast.\n\n"
                "## Hosting\n\nOur site is hosted by Serverhafen Systems GmbH. Provider: Northbeam Cloud Ltd, Cork.\n")
    assert {p.name for p in f.parties} == {"Quizcraft", "Serverhafen Systems", "Northbeam Cloud"}
    assert "FormFox" in party(f, "Quizcraft").aliases


def test_provider_of_a_brand_in_the_sentence_before_de_en():
    f = extract("Verantwortlich ist die Lindenhof Keramik GmbH, Gartenweg 3, 37073 Göttingen.\n\n"
                "Einwilligung mit ConsentBox: Anbieter dieser Technologie ist die Bannerworks A/S, Aarhus, Dänemark.\n\n"
                "Die Website wird bei der Serverhafen Systems GmbH gehostet. Für den Newsletter nutzen wir Sendmolly. "
                "Anbieter ist die Postwerk Nord GmbH, Kiel.\n")
    got = {p.name for p in f.parties}
    assert got == {"Bannerworks", "Serverhafen Systems", "Postwerk Nord"}
    f = extract("The controller is Wool & Wick Ltd, 3 Quay St, Galway, Ireland.\n\n"
                "Our forms use the tool FormFox. The provider of this service is Quizcraft Ltd, Belfast.\n")
    assert {p.name for p in f.parties} == {"Quizcraft"}


def test_a_postcode_before_a_legal_form_look_alike_is_no_company():
    from vendorgraph.extract.mentions import entity_mentions

    text = "Our support desk is run by Kanaalwerk B.V., Singel 12, 1016 AB Amsterdam, the Netherlands."
    assert [n for _, _, n in entity_mentions(text)] == ["Kanaalwerk B.V."]
    assert [n for _, _, n in entity_mentions("Server: 1&1 IONOS SE, Montabaur.")] == ["1&1 IONOS SE"]


def test_a_domain_suffix_in_a_company_name_resolves_to_the_vendor():
    from vendorgraph.extract.mentions import resolve_name

    assert resolve_name("Taboola.com Ltd.").key == resolve_name("Taboola").key
    assert resolve_name("Booking.com B.V.").name == "Booking.com B.V."  # the name itself comes first
    assert resolve_name("Mailwolke.io GmbH").key.startswith("local:")  # unknown stays unknown


def test_institutions_named_head_of_field_with_an_address():
    from vendorgraph.extract.mentions import entity_mentions

    got = entity_mentions("Partner site: Tamarack University of Technology, 21 Science Park, Sendai, Japan.")
    assert [n for _, _, n in got] == ["Tamarack University of Technology"]
    got = entity_mentions("Samples go to the Harwood Institute for Sleep and Health, 12 Oak Road, Leeds.")
    assert [n for _, _, n in got] == ["Harwood Institute for Sleep and Health"]
    assert entity_mentions("See Oxford University Press, 2019, for the method.") == []
    got = entity_mentions("The assistant runs on Chatwerk Ireland Ltd, 1st Floor, The Quay Trust Centre, 117-126 Dock Street, Dublin.")
    assert [n for _, _, n in got] == ["Chatwerk Ireland Ltd"]  # an address line is no institution


def test_two_lower_case_words_after_an_opener_are_a_name():
    from vendorgraph.extract.names import lower_case_entities

    assert [n for _, _, n in lower_case_entities("Die Server betreibt die kobalt netzwerk AG, Nürnberg.")] == \
        ["kobalt netzwerk AG"]
    assert [n for _, _, n in lower_case_entities("Our data centre is run by the blue harbour Ltd in Cork.")] == \
        ["blue harbour Ltd"]
    assert lower_case_entities("Wir geben Daten an die anderen Partner GmbH weiter.") == []
    assert lower_case_entities("Daten erhalten die subsidiaries FieldOps Inc.") == []


def test_defined_short_names_become_aliases_but_plain_parentheses_do_not():
    from vendorgraph.extract.mentions import find_mentions

    text = ('Privacy policy. We use Brightwave Hosting Solutions GmbH ("BHS") for hosting. BHS stores your data in '
            'Germany. Kestrel Data Ltd (hereinafter "Kestrel Cloud") helps us. Kestrel Cloud is in Ireland. '
            'Foo Bar Ltd (Ireland) sends mail from Ireland.')
    aliases = [(m.surface, m.start) for m in find_mentions(text) if m.kind == "alias"]
    assert ("BHS", text.index("BHS stores")) in aliases
    assert ("Kestrel Cloud", text.index("Kestrel Cloud is")) in aliases
    assert not any(s == "Ireland" for s, _ in aliases)
