"""Names the first pass missed: group companies sharing the controller's first word, names written in
lower case, new legal forms, controller found from headings or "the above-named" (EN + DE)."""

from __future__ import annotations

from test_extract_parties import extract, party
from test_extract_transfers import flows


def test_subsidiary_sharing_the_controllers_first_word_is_a_party_en():
    text = ("The controller is Quillon Robotics GmbH, Laubweg 4, 80331 Munich, Germany.\n\n"
            "We share support tickets with our subsidiary Quillon Robotics Asia Pvt. Ltd., Bengaluru, India. "
            "This transfer is based on standard contractual clauses. Quillon answers your questions.\n")
    f = extract(text)
    assert f.controller.name == "Quillon Robotics GmbH"
    assert [p.name for p in f.parties] == ["Quillon Robotics Asia"]
    assert flows(text) == {("Quillon Robotics Asia", None, "IN", ("scc",))}


def test_parent_company_and_namesake_clubs_are_their_own_parties_de():
    text = ("Verantwortlich ist die Brandt Hydraulik GmbH, Ringstraße 2, 33602 Bielefeld.\n\n"
            "Unsere Muttergesellschaft, die Brandt Beteiligungs AG, Zug, Schweiz, erhält Monatsberichte. "
            "Spielerdaten melden wir an den Westfälischen Turnerbund e.V. und Ergebnisse an den "
            "Westfälischen Schachverband e.V.\n")
    f = extract(text)
    names = {p.name for p in f.parties}
    assert names == {"Brandt Beteiligungs", "Westfälischer Turnerbund", "Westfälischer Schachverband"}
    assert party(f, "Brandt Beteiligungs").countries == ("CH",)


def test_names_in_lower_case_en_de():
    en = extract("Appointments are booked via terminfix, a service of terminfix GmbH, Berlin, who acts as our processor. "
                 "Bank data is retrieved via openBANKO GmbH, Munich. Terminfix stores the data in Germany.")
    assert {p.name for p in en.parties} == {"terminfix", "openBANKO"}
    assert "processor" in party(en, "terminfix").roles
    de = extract("Der Shop wird von der serverwerk GmbH, Paderborn, betrieben. serverwerk ist als Auftragsverarbeiter tätig. "
                 "Die Abrechnung übernimmt die ABZ nord-west GmbH, Essen. Bewerbungen verwalten wir mit der "
                 "q.talent HR-Software GmbH, Hamburg. Dies gilt für jede verbundene AG.")
    assert {p.name for p in de.parties} == {"serverwerk", "ABZ nord-west", "q.talent HR-Software"}
    assert party(de, "serverwerk").roles == ("processor",)


def test_more_legal_forms_and_plus_in_names():
    f = extract("Orders are shipped by Frachtmann + Söhne (AG & Co.) KG, Hamburg, Germany. Our marketplace partner is "
                "Bazaarly Ireland UC, Dublin, Ireland. Support is provided by Lumenware Romania S.R.L., Cluj, Romania.")
    assert {p.name for p in f.parties} == {"Frachtmann + Söhne", "Bazaarly Ireland", "Lumenware Romania"}


def test_controller_on_the_line_after_a_heading_de():
    f = extract("Datenschutzerklärung\n\n1. Verantwortliche Stelle\n\nPhysiopraxis Anna Beispiel\nMarktplatz 7\n"
                "79098 Freiburg\n\n2. Hosting\nDie Website liegt bei der Webfarm GmbH, Köln.\n")
    assert f.controller.name == "Physiopraxis Anna Beispiel"


def test_controller_named_above_and_not_an_independent_controller_de_en():
    de = extract("Datenschutz\n\nMusikfreunde Altdorf e.V.\nAm Markt 2, 12345 Altdorf\n\n"
                 "Verantwortlich für die Datenverarbeitung ist der oben genannte Verein.\n\n"
                 "Tickets verkaufen wir über die Kartenwelt GmbH, die eigenständiger Verantwortlicher ist.\n")
    assert de.controller.name == "Musikfreunde Altdorf e.V."
    assert [p.name for p in de.parties] == ["Kartenwelt"]
    en = extract("Privacy\n\nOrbit Games Ltd\n1 Dock Road, Cork, Ireland\n\nThe above-named company is the controller.\n"
                 "Payments are handled by Paycadia B.V., which acts as a separate controller.\n")
    assert en.controller.name == "Orbit Games Ltd"


def test_controller_in_the_genitive_of_the_title_de():
    f = extract("Datenschutzerklärung des Gesangvereins Liederkranz e.V.\n\n1. Verantwortlicher\n"
                "Gesangverein Liederkranz e.V., Uferstraße 12, 69120 Heidelberg.\n")
    assert f.controller.name == "Gesangverein Liederkranz e.V."
    assert f.parties == ()


def test_hyphenated_legal_form_and_general_partner_de():
    f = extract("Verantwortlich ist die Kessel Antriebe GmbH & Co. KG, Gütersloh. Persönlich haftende Gesellschafterin: "
                "Kessel Verwaltungs-GmbH. Schäden melden wir an die ARAG Allgemeine Versicherungs-AG, ARAG Platz 1. "
                "Die Kesselbau-AG erhält keine Daten.")
    assert f.controller.name == "Kessel Antriebe GmbH & Co. KG"
    names = {p.name for p in f.parties}
    assert "ARAG Allgemeine Versicherungs-AG" in names and not any("Verwaltungs" in n or "Platz" in n for n in names)


def test_a_name_does_not_reach_back_into_the_previous_sentence():
    f = extract("Our office is at Hafenplatz 1. Shipping is done by Nordfracht AG, Hamburg. See our Imprint. Smile Studio Dr. "
                "Roth GmbH is the controller.")
    assert f.controller.name == "Smile Studio Dr. Roth GmbH"
    assert [p.name for p in f.parties] == ["Nordfracht"]


def test_regional_entities_of_one_vendor_stay_one_party():
    f = extract("We use Brightdesk. The provider is Brightdesk Europe Limited, Dublin, Ireland. Data may reach "
                "Brightdesk Technologies, Inc., Boston, MA 02110, USA.")
    assert [p.name for p in f.parties] == ["Brightdesk Europe"]
    assert set(f.parties[0].countries) == {"IE", "US"}


def test_leading_trade_noun_is_not_part_of_the_name_de():
    f = extract("Großmöbel liefert die Spedition Ostwind Möbellogistik GmbH & Co. KG, Industriering 9, 59423 Unna.")
    assert [p.name for p in f.parties] == ["Ostwind Möbellogistik"]


def test_institution_with_a_street_address_but_no_legal_form_en_de():
    en = extract("On request we obtain a second opinion from our partner clinic Lakeside Heart Center, 300 Elm Avenue, "
                 "Boston, MA 02115, USA; this transfer is based on your explicit consent pursuant to Art. 49(1)(a) GDPR. "
                 "Our help center explains the details. Our Support Center is open daily.")
    assert [p.name for p in en.parties] == ["Lakeside Heart Center"]
    assert flows("Second opinion\nWe send reports to the Lakeside Heart Center, 300 Elm Avenue, Boston, MA 02115, USA, "
                 "with your explicit consent (Art. 49(1)(a) GDPR).\n") == {("Lakeside Heart Center", None, "US", ("derogation",))}
    de = extract("Befunde senden wir an das Universitätsklinikum Nord Klinik, Hauptstraße 5, 20095 Hamburg.")
    assert [p.name for p in de.parties] == ["Universitätsklinikum Nord Klinik"]


def test_group_company_abbreviation_does_not_end_the_sentence():
    text = ("Support\nOur group company Quillon Software Pvt. Ltd. in Pune, India, provides second-level support on the "
            "basis of standard contractual clauses.\n")
    assert flows(text) == {("Quillon Software", None, "IN", ("scc",))}


def test_controller_country_from_a_later_address_en():
    f = extract("Privacy Policy of Crumb Bakers Ltd\n\n1. Who we are\nCrumb Bakers Ltd, 4 Mill Lane, Cork, Ireland, is the controller.\n")
    assert (f.controller.name, f.controller.country) == ("Crumb Bakers Ltd", "IE")


def test_generic_first_word_of_an_institution_is_no_alias_de():
    f = extract("Labor\nProben senden wir an das Labor Dr. Fischer Institut, Hauptstraße 12, 80331 München. Das Labor "
                "übermittelt die Befunde. Laborwerte speichert die Labor Nord GmbH, Kiel.")
    assert {p.name for p in f.parties} == {"Labor Dr. Fischer Institut", "Labor Nord"}
    assert party(f, "Labor Dr. Fischer Institut").aliases == ()
