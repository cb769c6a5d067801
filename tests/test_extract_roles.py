"""Roles from textual evidence only, English and German."""

from __future__ import annotations

from test_extract_parties import extract, party


def test_processor_en_and_de():
    en = extract("Our shop runs on servers of Cumulus Cloud B.V., Utrecht, Netherlands, which processes data on our behalf.")
    de = extract("Die Gartenbau Schulz KG, Bonn, ist für uns als Auftragsverarbeiter nach Art. 28 DSGVO tätig.")
    assert party(en, "Cumulus Cloud B.V.").roles == ("processor",)
    assert party(de, "Gartenbau Schulz KG").roles == ("processor",)


def test_processor_through_anaphor_in_vendor_section():
    text = ("3. Newsletter\nWe send mail with Postwerk Mailer GmbH, Leipzig, Germany.\n"
            "The mailing service provider is used on the basis of a data processing agreement pursuant to Art. 28 GDPR.\n")
    assert party(extract(text), "Postwerk Mailer GmbH").roles == ("processor",)


def test_joint_controller_en_and_de():
    en = extract("We run a page on Linkwise Ireland Unlimited Company, Dublin, Ireland. "
                 "Linkwise and we are joint controllers within the meaning of Art. 26 GDPR.")
    de = extract("Für die Fanpage sind wir gemeinsam mit der Sozialnetz Europa GmbH, Berlin, gemeinsam Verantwortliche.")
    assert party(en, "Linkwise Ireland Unlimited Company").roles == ("joint_controller",)
    assert party(de, "Sozialnetz Europa GmbH").roles == ("joint_controller",)


def test_independent_controller_but_not_a_vendors_own_eu_controller():
    f = extract("We pay through Zahlfix Payments S.A., Luxembourg. Zahlfix is an independent controller for the payment. "
                "The controller for users in the EU is Ortsdienst Maps Limited, Dublin, Ireland.")
    assert party(f, "Zahlfix Payments S.A.").roles == ("controller",)
    assert "controller" not in party(f, "Ortsdienst Maps Limited").roles


def test_eigenstaendig_verantwortlich_de():
    f = extract("Bei Zahlung per Rechnung übermitteln wir Daten an die Kaufsicher AG, Hamburg. "
                "Die Kaufsicher AG ist für diese Verarbeitung eigenständig verantwortlich.")
    assert party(f, "Kaufsicher AG").roles == ("controller",)


def test_sub_processor_chain_en_and_de():
    en = extract("We use Notetaker Labs Inc., as a processor. Notetaker Labs relies on services from Serverfarm Corp., Austin, TX 78701, USA.")
    de = extract("Wir nutzen die Ticketdesk GmbH als Auftragsverarbeiter. Die Ticketdesk GmbH greift auf die Server der "
                 "Rechenwerk Inc., Seattle, USA, zurück. Rechenwerk ist Unterauftragsverarbeiter der Ticketdesk GmbH.")
    assert party(en, "Serverfarm Corp.").roles == ("sub_processor",)
    assert party(de, "Rechenwerk Inc.").roles == ("sub_processor",)


def test_recipient_when_no_role_is_stated():
    f = extract("Our site shows videos from Filmstream Media LLC, Denver, CO 80202, USA.")
    assert party(f, "Filmstream Media LLC").roles == ("recipient",)


def test_recipient_list_and_transmission_target():
    f = extract("Recipients of the data:\n- Cloudhaus Ireland Limited, Dublin (as processor pursuant to Art. 28 GDPR)\n"
                "- Cloudhaus LLC, Austin, TX 78701, USA\n")
    assert set(party(f, "Cloudhaus LLC").roles) == {"processor", "recipient"}


def test_negated_role_cue_gives_no_role():
    en = extract("Videos come from Filmstream Media LLC, Denver, USA. We have not concluded a data processing agreement with Filmstream.")
    de = extract("Videos stammen von der Filmstrom Media GmbH, Köln. Mit Filmstrom haben wir keinen Vertrag über Auftragsverarbeitung geschlossen.")
    assert party(en, "Filmstream Media LLC").roles == ("recipient",)
    assert party(de, "Filmstrom Media GmbH").roles == ("recipient",)


def test_role_after_a_street_abbreviation_en_de():
    en = extract("Our website is hosted by Serverhof GmbH, Industriestr. 25, 91710 Gunzenhausen, Germany, as our processor.")
    de = extract("Wir hosten bei der Rechenwerk GmbH, Hauptstr. 3, 10115 Berlin, die als Auftragsverarbeiter tätig ist.")
    assert party(en, "Serverhof").roles == ("processor",) and party(de, "Rechenwerk").roles == ("processor",)


def test_role_line_of_a_provider_block_en_de():
    en = extract("3.2 Content delivery\n\nProvider: Edgewise, Inc., 1 Main St., San Francisco, CA 94107, USA\n"
                 "Purpose: content delivery network\nRole: processor\nLegal basis: Art. 6(1)(f) GDPR\n")
    de = extract("Newsletter\n\nAnbieter: Briefkasten GmbH, Kassel\nZweck: Versand des Newsletters\nRolle: Auftragsverarbeiter\n")
    assert party(en, "Edgewise").roles == ("processor",) and party(de, "Briefkasten").roles == ("processor",)


def test_label_paragraph_gives_no_role_to_an_earlier_vendor():
    f = extract("Booking: Appointments are booked via Termingo GmbH, Berlin.\n\n"
                "Billing: We sell fee claims to a billing centre. The billing centre is then an independent controller.\n")
    assert party(f, "Termingo").roles == ("recipient",)


def test_table_rows_take_the_roles_of_the_lead_in_en_de():
    en = extract("Sub-processors\nWe use the following sub-processors. All of them act on our behalf.\n\n"
                 "| Sub-processor | Purpose | Location |\n|---|---|---|\n| Mailwerk Inc., Denver, USA | Email | USA |\n"
                 "| Kassenbuch B.V., Utrecht | Billing | EU |\n")
    assert party(en, "Mailwerk").roles == ("processor", "sub_processor")
    assert party(en, "Kassenbuch").roles == ("processor", "sub_processor")
    de = extract("Dienstleister\nDiese Auftragsverarbeiter setzen wir ein:\n\n| Anbieter | Zweck |\n|---|---|\n"
                 "| Rechenwerk GmbH, Berlin | Hosting |\n")
    assert party(de, "Rechenwerk").roles == ("processor",)


def test_recipients_label_adds_no_recipient_when_the_section_states_a_role_en_de():
    de = extract("6.3 Kartenzahlung\nEmpfänger: Zahlwerk B.V., Keizersgracht 1, 1015 CW Amsterdam, Niederlande\n"
                 "Zahlwerk verarbeitet Ihre Zahlungsdaten als Auftragsverarbeiter.\n")
    assert party(de, "Zahlwerk").roles == ("processor",)
    en = extract("F.2 Reviews\nWe use Rateflow Ltd., Tel Aviv, for reviews. We transmit your name and email address to Rateflow in Israel. Rateflow processes the data on our behalf.\n")
    assert party(en, "Rateflow").roles == ("processor",)


def test_other_legal_entity_in_a_recipients_list_stays_a_recipient():
    f = extract("Analytics\nRecipients:\n- Metricly Ireland Limited, Dublin, Ireland (as processor pursuant to Art. 28 GDPR)\n"
                "- Metricly LLC, Boston, MA 02110, USA\n")
    assert party(f, "Metricly Ireland").roles == ("processor", "recipient")


def test_split_joint_phrase_and_sole_controller_en_de():
    de = extract("Instagram\nFür die Seiten-Statistiken sind wir gemeinsam mit der Bildwerk Ireland Limited, Dublin 4, Irland, "
                 "verantwortlich.\n\nVideos\nBetreiber ist die Filmkanal Ltd., Dublin. Für die Datenverarbeitung ist "
                 "Filmkanal allein verantwortlich.\n")
    assert party(de, "Bildwerk Ireland").roles == ("joint_controller",)
    assert party(de, "Filmkanal").roles == ("controller",)
    en = extract("Pixel\nWe and Bildwerk Ltd., Dublin, Ireland, are joint controllers for the collection. The further "
                 "processing is carried out by Bildwerk as sole controller.\n")
    assert party(en, "Bildwerk").roles == ("controller", "joint_controller")
    de2 = extract("- Instagram: Dienstanbieter: Bildwerk Ltd., Dublin; Vereinbarung gemeinsamer Verantwortlichkeit: https://x.example\n")
    assert party(de2, "Bildwerk").roles == ("joint_controller",)


def test_group_entity_named_as_a_sub_processor_en():
    f = extract("Webinars\nRecipients: Meetwise GmbH, Düsseldorf (processor). Meetwise GmbH uses its parent company "
                "Meetwise, Inc., 170 Tasman Drive, San Jose, CA 95134, USA, as a sub-processor.\n\nCDN\n"
                "The provider is Edgecast GmbH, Garching, Germany, on our behalf. Edgecast, Inc., Cambridge, MA 02142, USA, "
                "may process data as a sub-processor.\n")
    assert party(f, "Meetwise").roles == ("processor", "sub_processor")
    assert party(f, "Edgecast").roles == ("processor", "sub_processor")


def test_service_used_where_no_role_is_stated_adds_recipient_en_de():
    en = extract("Analytics\nWe use Google Analytics. Google Ireland Limited processes the data on our behalf.\n\n"
                 "Maps\nOur contact page embeds Google Maps to show our location.\n")
    assert party(en, "Google").roles == ("processor", "recipient")
    de = extract("Analyse\nWir nutzen Google Analytics. Google ist als Auftragsverarbeiter für uns tätig.\n\n"
                 "Analyse II\nGoogle Analytics misst zudem Konversionen.\n")
    assert party(de, "Google").roles == ("processor",)
