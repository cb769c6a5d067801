"""Transfer mechanisms and destinations stay with the recipient, country or clause they are stated for
(EN + DE, own wording): mechanism surface forms, negated mechanisms, definitions, per-vendor scoping."""

from __future__ import annotations

from test_extract_parties import extract


def flows(text: str) -> set[tuple[str, str | None, str, tuple[str, ...]]]:
    return {(t.recipient, t.via, t.country, t.mechanisms) for t in extract(text).transfers}


# --- mechanism surface forms ---------------------------------------------------------------------------------

def test_german_names_of_the_data_privacy_framework():
    for phrase in ("Datenschutzrahmen EU-USA", "EU-US-Datenschutzrahmen", "EU-U.S.-Datenschutz-Rahmen"):
        text = (f"Terminbuchung\nWir nutzen Kalendaro der Kalendaro Inc., Austin, USA. Die Daten werden in die USA "
                f"übermittelt. Kalendaro ist nach dem {phrase} zertifiziert.\n")
        assert flows(text) == {("Kalendaro", None, "US", ("adequacy",))}, phrase


def test_english_names_of_the_data_privacy_framework():
    text = ("Scheduling\nWe use Kalendaro Inc., Austin, USA. Data is transferred to the USA. Kalendaro participates in "
            "the Trans-Atlantic Data Privacy Framework.\n")
    assert flows(text) == {("Kalendaro", None, "US", ("adequacy",))}


def test_german_variants_of_scc_bcr_and_derogation():
    text = ("Support\nWir nutzen Helpora der Helpora Inc., Denver, USA. Die Übermittlung in die USA erfolgt auf Grundlage "
            "von Standard-Vertragsklauseln.\n")
    assert flows(text) == {("Helpora", None, "US", ("scc",))}
    text = ("Konzern\nWir übermitteln Daten an unsere Muttergesellschaft, die Oberbau Holdings Ltd., Singapur. Es gelten verbindliche "
            "Unternehmensregeln.\n")
    assert flows(text) == {("Oberbau Holdings", None, "SG", ("bcr",))}
    text = ("Videoberatung\nWir nutzen Sprechzeit der Sprechzeit Inc., Miami, USA. Die Übermittlung in die USA erfolgt "
            "mit Ihrer Einwilligung nach Artikel 49 Absatz 1 Buchstabe a DSGVO.\n")
    assert flows(text) == {("Sprechzeit", None, "US", ("derogation",))}


# --- negated mechanisms --------------------------------------------------------------------------------------

def test_negated_adequacy_with_abbreviation_in_the_clause_de():
    text = ("Messenger\nWenn Sie uns über Plauderbox (Plauderbox Inc., Austin, USA) schreiben, werden Ihre Nachrichten "
            "in die USA übermittelt. Ein Angemessenheitsbeschluss bzw. andere geeignete Garantien bestehen dafür "
            "nach unserer Einschätzung nicht; wir nutzen den Dienst daher nur mit Ihrer Einwilligung nach "
            "Art. 49 Abs. 1 lit. a DSGVO.\n")
    assert flows(text) == {("Plauderbox", None, "US", ("derogation",))}


def test_negated_adequacy_en():
    text = ("Development\nWe work with Codeforge Pvt. Ltd., Bangalore, India. Data is transferred to India. "
            "There is no adequacy decision for India; we have therefore concluded standard contractual clauses.\n")
    assert flows(text) == {("Codeforge", None, "IN", ("scc",))}
    text = ("Development\nWe work with Codeforge Pvt. Ltd., Bangalore, India. Data is transferred to India, which "
            "lacks an adequacy decision of the European Commission.\n")
    assert flows(text) == {("Codeforge", None, "IN", ("none_stated",))}


def test_negated_adequacy_mangels_de():
    text = ("Entwicklung\nWir arbeiten mit der Codeforge Pvt. Ltd., Bangalore, Indien. Daten werden nach Indien "
            "übermittelt. Mangels eines Angemessenheitsbeschlusses haben wir Standardvertragsklauseln abgeschlossen.\n")
    assert flows(text) == {("Codeforge", None, "IN", ("scc",))}


# --- definitions are not transfers ---------------------------------------------------------------------------

def test_definition_of_third_country_is_no_transfer_en():
    text = ("Definitions\nIn this notice, \"third country\" means any country outside the European Economic Area. "
            "\"Processor\" means a body processing data on our behalf.\n\nHosting\nWe host with Stackwell GmbH, "
            "Leipzig, Germany.\n")
    assert flows(text) == set()


def test_definition_of_third_country_is_no_transfer_de():
    text = ("Begriffe\n- Drittland: ein Staat außerhalb der Europäischen Union und des EWR.\n"
            "- Empfänger: eine Stelle, der Daten offengelegt werden.\n\nHosting\nWir hosten bei der Stackwell GmbH, "
            "Leipzig.\n")
    assert flows(text) == set()
    # a label line naming the destinations is no definition
    text = ("Kontaktformular\nEmpfänger: IT-Dienstleister\nDrittländer: USA (Standardvertragsklauseln)\n")
    assert flows(text) == {("category:it_service_providers", None, "US", ("scc",))}


# --- one sentence, several scopes ----------------------------------------------------------------------------

SUMMARY_EN = (
    "Cloud tools\nWe use Tallyworks (Tallyworks Inc., Austin, USA) for invoicing and Pinbeam (Pinbeam Inc., Denver, USA) "
    "for chat. Our sales office Northgate Trading Ltd, Leeds, United Kingdom, receives lead data.\n\n"
    "Safeguards\nWe rely on the following safeguards:\n"
    "- Adequacy decisions: for the United Kingdom (Northgate Trading Ltd) and for US providers certified under the "
    "EU-U.S. Data Privacy Framework (Pinbeam Inc.).\n"
    "- Standard contractual clauses: for Tallyworks and, in addition to the Data Privacy Framework, for Pinbeam.\n")


def test_adequacy_list_binds_each_country_to_its_own_recipients_en():
    assert flows(SUMMARY_EN) == {("Northgate Trading", None, "GB", ("adequacy",)),
                                 ("Pinbeam", None, "US", ("adequacy", "scc")),
                                 ("Tallyworks", None, "US", ("scc",))}


def test_mechanism_list_with_in_addition_to_de():
    text = ("Dienste\nWir nutzen Zählstelle (Zählstelle Inc., Austin, USA) und Funkraum (Funkraum Inc., Denver, USA).\n\n"
            "Garantien\nStandardvertragsklauseln haben wir für Zählstelle und, ergänzend zum EU-US-Datenschutzrahmen, "
            "für Funkraum abgeschlossen.\n")
    assert flows(text) == {("Funkraum", None, "US", ("adequacy", "scc")), ("Zählstelle", None, "US", ("scc",))}


def test_certified_one_and_bcr_for_the_other_en():
    text = ("Support\nData is transferred to Helpdeskly Inc. (USA), which is certified under the Data Privacy "
            "Framework, and for Ticketon Inc. (USA) we rely on binding corporate rules.\n")
    assert flows(text) == {("Helpdeskly", None, "US", ("adequacy",)), ("Ticketon", None, "US", ("bcr",))}


def test_country_with_bracketed_mechanism_de():
    text = ("Shopsystem\nWir nutzen Ladenbau der Ladenbau Ltd., Dublin, Irland.\n"
            "Drittlandtransfer: Kanada (Angemessenheitsbeschluss) und USA (Standardvertragsklauseln)\n")
    assert flows(text) == {("Ladenbau", None, "CA", ("adequacy",)), ("Ladenbau", None, "US", ("scc",))}


def test_country_with_bracketed_mechanism_en():
    text = ("Shop platform\nWe use Storeloft (Storeloft Ltd., Dublin, Ireland). Storeloft transfers data to Canada "
            "(adequacy decision) and to the USA (standard contractual clauses).\n")
    assert flows(text) == {("Storeloft", None, "CA", ("adequacy",)), ("Storeloft", None, "US", ("scc",))}


# --- unnamed sub-processors of a named processor -------------------------------------------------------------

def test_its_service_providers_abroad_are_a_category_via_the_processor_en():
    text = ("Shop\nOur shop runs on Storeloft (Storeloft Ltd., Dublin, Ireland). Storeloft may pass data to its service "
            "providers in the United States. For transfers to the United States, Storeloft relies on standard "
            "contractual clauses.\n")
    assert flows(text) == {("category:it_service_providers", "Storeloft", "US", ("scc",))}


def test_sub_processors_in_usa_and_other_third_countries_en():
    text = ("Issue tracking\nWe use Trackwell Pty Ltd, Sydney, Australia. Trackwell keeps our data in the EU, but "
            "Trackwell engages sub-processors in the United States and other third countries; these transfers rely on "
            "standard contractual clauses.\n")
    assert flows(text) == {("Trackwell", None, "AU", ("none_stated",)),
                           ("category:it_service_providers", "Trackwell", "US", ("scc",)),
                           ("category:it_service_providers", "Trackwell", "third_countries", ("scc",))}


def test_sub_processors_outside_the_eu_in_particular_usa_de():
    text = ("Umfragen\nWir nutzen Fragwerk (Fragwerk S.L., Barcelona, Spanien). Fragwerk setzt Unterauftragsverarbeiter "
            "außerhalb der EU ein, insbesondere in den USA; mit ihnen hat Fragwerk Standardvertragsklauseln vereinbart.\n")
    assert flows(text) == {("category:it_service_providers", "Fragwerk", "US", ("scc",)),
                           ("category:it_service_providers", "Fragwerk", "third_countries", ("scc",))}
    text = ("Shop\nUnser Shop läuft bei Ladenwerk (Ladenwerk Ltd., Dublin, Irland). Ladenwerk kann Daten an seine "
            "Dienstleister in den USA weitergeben; dafür gelten Standardvertragsklauseln.\n")
    assert flows(text) == {("category:it_service_providers", "Ladenwerk", "US", ("scc",))}


# --- a label line scoped to one vendor of its block ----------------------------------------------------------

def test_label_transfer_line_names_one_vendor_of_the_block_en():
    text = ("Bookings via portals\nPurpose: receiving bookings\nRecipients: Roomly B.V., Keizersgracht 1, Amsterdam, "
            "Netherlands, and Tripvista Inc., 1 Harbor Way, Seattle, WA 98101, USA.\n"
            "Third-country transfer: USA (Tripvista), as the transfer is necessary for the booking contract "
            "(Art. 49(1)(c) GDPR)\n")
    assert flows(text) == {("Tripvista", None, "US", ("derogation",))}


def test_label_transfer_line_names_one_vendor_of_the_block_de():
    text = ("Webseite\nZweck: Auslieferung der Webseite\nEmpfänger: Serverhaus GmbH, Nürnberg, Deutschland; "
            "Schutzschirm Inc., 5 Main St., Austin, TX 78701, USA\n"
            "Drittlandübermittlung: USA (Schutzschirm). Die Schutzschirm Inc. ist nach dem EU-US-Datenschutzrahmen "
            "zertifiziert.\n")
    assert flows(text) == {("Schutzschirm", None, "US", ("adequacy",))}


# --- a vendor named in passing is not the topic --------------------------------------------------------------

def test_vendor_named_in_apposition_is_not_the_topic_en():
    text = ("Team chat\nWe offer shared channels via Chatterly Ltd., Dublin, Ireland. Chatterly Ltd. relies on "
            "Chatterly, LLC, a Cloudhaus company, San Francisco, USA, for hosting. Transfers to the USA take place on "
            "the basis of standard contractual clauses.\n")
    got = flows(text)
    assert ("Chatterly", None, "US", ("scc",)) in got and not any(r == "Cloudhaus" for r, *_ in got)


def test_vendor_named_as_parent_group_is_not_the_topic_de():
    text = ("Teamchat\nWir nutzen Plauderraum der Plauderraum LLC, San Francisco, USA, einem Unternehmen der "
            "Cloudhaus-Gruppe. Die Übermittlung in die USA erfolgt auf Grundlage von Standardvertragsklauseln.\n")
    got = flows(text)
    assert ("Plauderraum", None, "US", ("scc",)) in got and not any(r == "Cloudhaus" for r, *_ in got)


# --- a named processor's sub-processor abroad ----------------------------------------------------------------

def test_chain_mechanism_in_the_next_sentence_for_a_processor_without_country_de():
    text = ("Service\nAnfragen bearbeiten wir mit Ticketwerk der Ticketwerk GmbH, Hauptstraße 1, 10115 Berlin, als "
            "Auftragsverarbeiter. Ticketwerk nutzt für den Betrieb Rechenzentren der Wolkenhaus Inc. in den USA. "
            "Grundlage der Übermittlung sind Standardvertragsklauseln.\n")
    assert flows(text) == {("Wolkenhaus", "Ticketwerk", "US", ("scc",))}


def test_chain_with_named_and_unnamed_sub_processors_in_a_label_line_de():
    text = ("Heatmaps\nZweck: Analyse der Nutzung\nEmpfänger: Klickspur Ltd., Valletta, Malta\n"
            "Drittlandtransfer: Klickspur setzt Unterauftragsverarbeiter in den USA ein (u. a. Wolkenhaus Inc.); "
            "hierfür wurden Standardvertragsklauseln vereinbart.\n")
    assert flows(text) == {("Wolkenhaus", "Klickspur", "US", ("scc",)),
                           ("category:it_service_providers", "Klickspur", "US", ("scc",))}


def test_chain_en():
    text = ("Help desk\nWe use Ticketly, provided by Ticketly GmbH, Hauptstraße 1, 10115 Berlin, as our processor. "
            "Ticketly uses data centres of Cloudhaus Inc. in the USA. The transfer is based on standard contractual "
            "clauses.\n")
    assert flows(text) == {("Cloudhaus", "Ticketly", "US", ("scc",))}


# --- several recipient categories in one sentence ------------------------------------------------------------

def test_carrier_and_customs_abroad_en():
    text = ("Shipping\nIf your order is shipped to a country outside the EU (for example Switzerland or Canada), the shipping "
            "company and the customs authorities of the destination country receive your name and address; the "
            "transfer is necessary to perform our contract (Art. 49(1)(b) GDPR).\n")
    got = flows(text)
    for cat in ("category:logistics", "category:authorities"):
        for code in ("CH", "CA"):
            assert (cat, None, code, ("derogation",)) in got, (cat, code)


def test_carrier_and_customs_abroad_de():
    text = ("Versand\nBei Lieferungen in die Schweiz erhalten der Versanddienstleister und die Zollbehörden des "
            "Bestimmungslandes Ihren Namen und Ihre Anschrift; Grundlage ist Art. 49 Abs. 1 lit. b DSGVO.\n")
    assert flows(text) == {("category:logistics", None, "CH", ("derogation",)),
                           ("category:authorities", None, "CH", ("derogation",))}


def test_domestic_authorities_beside_it_providers_stay_domestic_de():
    text = ("Buchhaltung\nEmpfänger: IT-Dienstleister, Finanzbehörden\n"
            "Drittlandübermittlung: USA (Standardvertragsklauseln)\n")
    assert flows(text) == {("category:it_service_providers", None, "US", ("scc",))}


# --- "unless stated otherwise" fills only transfers without a mechanism ----------------------------------------

def test_fallback_mechanism_only_for_transfers_without_one_de():
    text = ("Dienste\nWir rechnen über Abrechnly ab (Abrechnly Inc., 1 Main St, Austin, TX 78701, USA). Für den Support "
            "nutzen wir Hilfdesk (Hilfdesk Inc., Denver, USA); Hilfdesk ist nach dem EU-US-Datenschutzrahmen "
            "zertifiziert.\n\nZusammenfassung\nEinige unserer Dienstleister sitzen in den USA oder in anderen "
            "Drittstaaten. Soweit oben nicht anders angegeben, erfolgt die Übermittlung auf Grundlage von "
            "Standardvertragsklauseln.\n")
    assert flows(text) == {("Abrechnly", None, "US", ("scc",)), ("Hilfdesk", None, "US", ("adequacy",))}


def test_fallback_mechanism_not_for_a_transfer_said_to_have_none_en():
    text = ("Services\nWe bill via Billsy (Billsy Inc., 1 Main St, Austin, TX 78701, USA). Chat messages sent via "
            "Talkr reach Talkr Inc. in the USA; Talkr Inc. is not certified under the Data Privacy Framework.\n\n"
            "Summary\nSome of our providers are located in third countries. Unless stated otherwise above, these "
            "transfers rely on standard contractual clauses.\n")
    assert flows(text) == {("Billsy", None, "US", ("scc",)), ("Talkr", None, "US", ("none_stated",))}


# --- "otherwise" mechanisms cover the other countries -----------------------------------------------------------

def test_otherwise_mechanism_goes_to_the_other_countries_de():
    text = ("Werbung\nWir nutzen Anzeigenwerk der Anzeigenwerk Ltd., Dublin, Irland. Die Daten werden auch in die USA "
            "und in andere Drittländer übermittelt. Für die USA ist die Anzeigenwerk Inc. nach dem EU-US-"
            "Datenschutzrahmen zertifiziert; im Übrigen stützt sich Anzeigenwerk auf Standardvertragsklauseln.\n")
    assert flows(text) == {("Anzeigenwerk", None, "US", ("adequacy",)),
                           ("Anzeigenwerk", None, "third_countries", ("scc",))}


def test_otherwise_mechanism_goes_to_the_other_countries_en():
    text = ("Advertising\nWe use Adworks (Adworks Ltd., Dublin, Ireland). Data is also transferred to the USA and other "
            "third countries. For the USA, Adworks Inc. is certified under the Data Privacy Framework; otherwise "
            "Adworks relies on standard contractual clauses.\n")
    assert flows(text) == {("Adworks", None, "US", ("adequacy",)), ("Adworks", None, "third_countries", ("scc",))}


# --- mechanisms stated for the group-company category and for a summary list -----------------------------------

def test_group_company_mechanism_covers_the_named_group_companies_de():
    text = ("Datenschutzerklärung der Brenntal Anlagenbau GmbH\n\n1. Verantwortlicher\nBrenntal Anlagenbau GmbH\n"
            "Hauptstraße 1\n70173 Stuttgart\n\n2. Unternehmensgruppe\nZu unserer Gruppe gehören:\n"
            "- Brenntal Systems Inc., 10 Main Street, Chicago, IL 60601, USA (Vertrieb)\n"
            "- Brenntal Engineering Pvt. Ltd., MG Road 5, Bangalore 560001, Indien (Konstruktion)\n\n"
            "Kundendaten werden innerhalb der Gruppe ausgetauscht. Mit allen Konzerngesellschaften haben wir "
            "Standardvertragsklauseln abgeschlossen.\n")
    assert flows(text) == {("Brenntal Systems", None, "US", ("scc",)), ("Brenntal Engineering", None, "IN", ("scc",))}


def test_summary_mechanism_list_uses_the_destination_stated_elsewhere_en():
    text = ("Team chat\nWe use Chatterly (Chatterly Ltd., Dublin, Ireland). Chat data is transferred to the USA.\n\n"
            "Safeguards\nStandard contractual clauses: for Chatterly and for Formhaus (Formhaus Inc., Austin, USA).\n")
    assert flows(text) == {("Chatterly", None, "US", ("scc",)), ("Formhaus", None, "US", ("scc",))}


def test_label_transfer_line_names_a_category_of_its_own_de():
    text = ("Versand\nZweck: Zustellung\nEmpfänger: Paketblitz GmbH, Hauptstraße 1, 63741 Aschaffenburg\n"
            "Drittlandtransfer: nur bei Lieferungen in die Schweiz, dort an den jeweiligen Zustellpartner; Grundlage "
            "ist der Angemessenheitsbeschluss für die Schweiz.\n")
    assert flows(text) == {("category:logistics", None, "CH", ("adequacy",))}


def test_label_transfer_line_names_a_category_of_its_own_en():
    text = ("Incident reports\nPurpose: vigilance reporting\nRecipients: competent authorities, our group companies\n"
            "Third country transfer: in individual cases to group companies in the USA (standard contractual clauses)\n")
    assert flows(text) == {("category:group_companies", None, "US", ("scc",))}


# --- US headquarters cities ----------------------------------------------------------------------------------

def test_us_city_without_country_is_the_usa_en_de():
    text = ("Attribution\nWe use Tracklet (Tracklet Ltd., Tel Aviv, Israel). Israel has an adequacy decision. Tracklet "
            "may also involve its affiliate Tracklet Inc. in San Francisco; these transfers rely on standard "
            "contractual clauses.\n")
    assert flows(text) == {("Tracklet", None, "IL", ("adequacy",)), ("Tracklet", None, "US", ("scc",))}
    text = ("Videokonferenzen\nWir nutzen Sprechraum der Sprechraum Inc. mit Sitz in San Jose. Die Übermittlung erfolgt "
            "auf Grundlage von Standardvertragsklauseln.\n")
    assert flows(text) == {("Sprechraum", None, "US", ("scc",))}


def test_named_carrier_and_customs_authorities_en_de():
    text = ("Shipping to Switzerland\nFor deliveries to Switzerland we hand the parcel to Alpenpost AG, Bern, "
            "Switzerland, and submit a customs declaration with your name and address to the Swiss customs "
            "authorities. Switzerland has an adequacy decision.\n")
    assert flows(text) == {("Alpenpost", None, "CH", ("adequacy",)), ("category:authorities", None, "CH", ("adequacy",))}
    text = ("Versand in die Schweiz\nBei Lieferungen in die Schweiz übergeben wir das Paket der Alpenpost AG, Bern, "
            "Schweiz, und übermitteln eine Zollanmeldung mit Ihrem Namen an die Zollbehörden. Für die Schweiz besteht "
            "ein Angemessenheitsbeschluss.\n")
    assert flows(text) == {("Alpenpost", None, "CH", ("adequacy",)), ("category:authorities", None, "CH", ("adequacy",))}


def test_label_transfer_line_takes_the_recipients_line_of_its_own_block_en():
    text = ("Processing activities\n--- 1. Telematics ---\nPurpose: vehicle positions\n"
            "Recipients: Fleetwise Telematics GmbH, Bremen, Germany (processor)\nRetention: 90 days\n\n"
            "--- 2. Customer portal ---\nPurpose: online ordering\nRecipients: Cloudbank Ltd., Dublin, Ireland (processor)\n"
            "Transfer to third countries: USA, only in individual cases for support (standard contractual clauses)\n")
    assert flows(text) == {("Cloudbank", None, "US", ("scc",))}


# --- parallel list items are not about each other's vendor ------------------------------------------------------

def test_list_item_without_vendor_does_not_take_the_previous_items_vendor_en():
    text = ("Safeguards\nOur transfers at a glance:\n- Mapwise (Mapwise LLC, Austin, USA): certified "
            "under the Data Privacy Framework.\n- Mountain guides in Switzerland: adequacy decision.\n")
    assert flows(text) == {("Mapwise", None, "US", ("adequacy",))}


def test_list_item_without_vendor_does_not_take_the_previous_items_vendor_de():
    text = ("Übersicht\nUnsere Übermittlungen:\n- Kartenwerk (Kartenwerk Inc., Austin, USA): EU-US-Datenschutzrahmen\n"
            "- Bergführer in der Schweiz: Angemessenheitsbeschluss\n")
    assert flows(text) == {("Kartenwerk", None, "US", ("adequacy",))}


# --- mechanisms of the past ------------------------------------------------------------------------------------

def test_former_privacy_shield_is_not_a_mechanism_de():
    text = ("Karten\nWir nutzen Kartenwerk der Kartenwerk LLC, Austin, USA. Die Daten werden in die USA übermittelt. "
            "Kartenwerk war früher unter dem EU-US-Privacy-Shield zertifiziert; heute ist die Kartenwerk LLC nach dem "
            "EU-US-Datenschutzrahmen zertifiziert.\n")
    assert flows(text) == {("Kartenwerk", None, "US", ("adequacy",))}


def test_former_privacy_shield_is_not_a_mechanism_en():
    text = ("Maps\nWe use Mapwise (Mapwise LLC, Austin, USA). Data is transferred to the USA on the basis of standard "
            "contractual clauses. Until July 2020, Mapwise relied on the EU-U.S. Privacy Shield.\n")
    assert flows(text) == {("Mapwise", None, "US", ("scc",))}
    # a present claim on the invalid framework is still what the policy states
    text = ("Maps\nWe use Mapwise (Mapwise LLC, Austin, USA). Data is transferred to the USA. Mapwise is certified "
            "under the EU-US Privacy Shield.\n")
    assert flows(text) == {("Mapwise", None, "US", ("privacy_shield",))}


# --- a mechanism agreed between a processor and its sub-processor ------------------------------------------------

def test_mechanism_between_processor_and_sub_processor_en():
    text = ("Application forms\nWe use Formly (Formly S.L., Barcelona, Spain) as our processor. Formly stores the answers "
            "with its hosting provider Cloudhaus Inc. in the USA. This transfer is based on standard contractual "
            "clauses between Formly and Cloudhaus.\n")
    assert flows(text) == {("Cloudhaus", "Formly", "US", ("scc",))}


def test_mechanism_between_processor_and_sub_processor_de():
    text = ("Bewerbungen\nWir nutzen Formwerk (Formwerk S.L., Barcelona, Spanien) als Auftragsverarbeiter. Formwerk "
            "nutzt für das Hosting Rechenzentren der Wolkenhaus Inc. in den USA. Zwischen Formwerk und Wolkenhaus "
            "wurden Standardvertragsklauseln vereinbart.\n")
    assert flows(text) == {("Wolkenhaus", "Formwerk", "US", ("scc",))}


def test_label_line_with_a_mechanism_per_vendor_de():
    text = ("Social Media\nEmpfänger: Gesichterbuch Ltd., Dublin, Irland; Pinnwand Europe Ltd., Dublin, Irland\n"
            "Drittlandübermittlung: USA (Gesichterbuch: EU-US-Datenschutzrahmen; Pinnwand: Standardvertragsklauseln)\n")
    assert flows(text) == {("Gesichterbuch", None, "US", ("adequacy",)), ("Pinnwand Europe", None, "US", ("scc",))}


def test_label_line_with_a_mechanism_per_vendor_en():
    text = ("Social media\nRecipients: Facefolio Ltd., Dublin, Ireland; Pinboard Europe Ltd., Dublin, Ireland\n"
            "Third-country transfer: USA (Facefolio: Data Privacy Framework; Pinboard: standard contractual clauses)\n")
    assert flows(text) == {("Facefolio", None, "US", ("adequacy",)), ("Pinboard Europe", None, "US", ("scc",))}


def test_sub_processors_with_a_relative_clause_de_en():
    text = ("Abrechnung\nWir nutzen Rechenwerk (Rechenwerk SE, Walldorf) als Auftragsverarbeiter. Für den Support setzt "
            "Rechenwerk Unterauftragsverarbeiter ein, die ihren Sitz in Indien haben; dafür gelten "
            "Standardvertragsklauseln.\n")
    assert flows(text) == {("category:it_service_providers", "Rechenwerk", "IN", ("scc",))}
    text = ("Billing\nWe use Ledgerly (Ledgerly SE, Munich) as our processor. For support, Ledgerly engages "
            "sub-processors, which are located in India; standard contractual clauses apply.\n")
    assert flows(text) == {("category:it_service_providers", "Ledgerly", "IN", ("scc",))}


def test_united_kingdom_with_definite_article_de():
    text = ("Versand\nWir übergeben Pakete an Inselpost Ltd., London. Für das Vereinigte Königreich besteht ein "
            "Angemessenheitsbeschluss.\n")
    assert ("Inselpost", None, "GB", ("adequacy",)) in flows(text)


# --- a statement naming no recipient does not override a list item's own mechanism --------------------------

def test_general_statement_does_not_override_list_items_de():
    text = ("Internationale Datentransfers\nFür Übermittlungen in die USA stützen wir uns vorrangig auf den "
            "EU-US-Datenschutzrahmen, sofern der Empfänger zertifiziert ist, und im Übrigen auf "
            "Standardvertragsklauseln. Die Fälle im Überblick:\n"
            "- Gesichterbuch (Gesichterbuch Inc., Austin, USA): EU-US-Datenschutzrahmen\n"
            "- Pinnwand (Pinnwand Inc., Denver, USA): Standardvertragsklauseln\n")
    assert flows(text) == {("Gesichterbuch", None, "US", ("adequacy",)), ("Pinnwand", None, "US", ("scc",))}


def test_general_statement_does_not_override_list_items_en():
    text = ("International transfers\nFor transfers to the USA we rely on the Data Privacy Framework where the "
            "recipient is certified, and otherwise on standard contractual clauses. In detail:\n"
            "- Facefolio (Facefolio Inc., Austin, USA): Data Privacy Framework\n"
            "- Pinboard (Pinboard Inc., Denver, USA): standard contractual clauses\n")
    assert flows(text) == {("Facefolio", None, "US", ("adequacy",)), ("Pinboard", None, "US", ("scc",))}


def test_copy_of_the_clauses_is_no_mechanism_en_de():
    text = ("Screening\nWe use Checkwell Ltd., London, United Kingdom. For the United Kingdom there is an adequacy "
            "decision. You can request a copy of the standard contractual clauses from us.\n")
    assert flows(text) == {("Checkwell", None, "GB", ("adequacy",))}
    text = ("Prüfung\nWir nutzen die Checkwell Ltd., London, Vereinigtes Königreich. Für das Vereinigte Königreich "
            "besteht ein Angemessenheitsbeschluss. Eine Kopie der Standardvertragsklauseln erhalten Sie auf Anfrage.\n")
    assert flows(text) == {("Checkwell", None, "GB", ("adequacy",))}


def test_mechanism_for_other_third_countries_only_en():
    text = ("Maps\nWe use Mapwise (Mapwise LLC, Austin, USA). Transfers to Mapwise LLC in the USA are based on the Data "
            "Privacy Framework. Where Mapwise processes data in other third countries, Mapwise uses standard "
            "contractual clauses.\n")
    assert ("Mapwise", None, "US", ("adequacy",)) in flows(text)


def test_some_of_the_processors_sub_processors_are_located_abroad_en():
    text = ("Support chat\nOur chat runs on Chatdesk, provided by Chatdesk Ltd., Dublin, Ireland, as our processor. "
            "However, some of Chatdesk's sub-processors are located in the USA. For these transfers Chatdesk relies on "
            "the Data Privacy Framework and on standard contractual clauses.\n")
    assert flows(text) == {("category:it_service_providers", "Chatdesk", "US", ("adequacy", "scc"))}


def test_court_ruling_is_no_authority_recipient_and_scc_stays_en_de():
    text = ("Transfers\nAfter the Court of Justice of the EU declared the Privacy Shield invalid, we switched all "
            "transfers to the USA to standard contractual clauses.\n")
    assert not any(r == "category:authorities" for r, *_ in flows(text))
    text = ("Übermittlungen\nNachdem der EuGH den Privacy Shield für ungültig erklärt hat, stützen wir Übermittlungen an "
            "die Mapwise LLC in den USA auf Standardvertragsklauseln.\n")
    assert flows(text) == {("Mapwise", None, "US", ("scc",))}


# --- rows below an introducing sentence inherit its recipients -------------------------------------------------

def test_table_rows_below_an_intro_sentence_de():
    text = ("Übersetzungen\nFreiberufliche Dolmetscherinnen und Übersetzer außerhalb der EU setzen wir in folgenden "
            "Ländern ein:\n\n| Land | Grundlage |\n|---|---|\n| Schweiz | Angemessenheitsbeschluss |\n"
            "| Brasilien | Standardvertragsklauseln |\n")
    got = flows(text)
    cats = {r for r, *_ in got}
    assert len(cats) == 1 and next(iter(cats)).startswith("category:")
    assert {(c, m) for _, _, c, m in got} == {("CH", ("adequacy",)), ("BR", ("scc",))}


def test_list_rows_below_an_intro_sentence_en():
    text = ("Translations\nWe work with freelance translators outside the EU in the following countries:\n"
            "- Switzerland: adequacy decision\n- Brazil: standard contractual clauses\n")
    got = flows(text)
    cats = {r for r, *_ in got}
    assert len(cats) == 1 and next(iter(cats)).startswith("category:")
    assert {(c, m) for _, _, c, m in got} == {("CH", ("adequacy",)), ("BR", ("scc",))}


def test_countries_reached_through_sub_processors_de_en():
    text = ("Abrechnung\nWir nutzen Rechenwerk (Rechenwerk SE, Walldorf) als Auftragsverarbeiter. Zugriffe aus Indien "
            "und USA durch Unterauftragsverarbeiter erfolgen auf Grundlage von Standardvertragsklauseln.\n")
    assert flows(text) == {("category:it_service_providers", "Rechenwerk", "IN", ("scc",)),
                           ("category:it_service_providers", "Rechenwerk", "US", ("scc",))}
    text = ("Billing\nWe use Ledgerly (Ledgerly SE, Munich) as our processor. Access from India via its sub-processors "
            "is based on standard contractual clauses.\n")
    assert flows(text) == {("category:it_service_providers", "Ledgerly", "IN", ("scc",))}


def test_table_row_countries_through_sub_processors_are_not_the_address_de():
    text = ("Auftragsverarbeiter\n| Anbieter | Zweck | Sitz | Drittland |\n|---|---|---|---|\n"
            "| Rechenwerk SE | Abrechnung | Walldorf | Indien, USA durch Unterauftragsverarbeiter (SCC) |\n")
    assert flows(text) == {("category:it_service_providers", "Rechenwerk", "IN", ("scc",)),
                           ("category:it_service_providers", "Rechenwerk", "US", ("scc",))}


def test_german_receive_cue():
    text = ("Service\nWir arbeiten mit der Reparo GmbH, Hamburg, zusammen. Bei Einsätzen in Mexiko erhält die Reparo "
            "GmbH Name und Anschrift des Kunden.\n")
    assert flows(text) == {("Reparo", None, "MX", ("none_stated",))}


# --- a list of recipients, each with its own countries in brackets --------------------------------------------

def _dests(text: str) -> set[tuple[str, str]]:
    return {(t.recipient, t.country) for t in extract(text).transfers}


def test_bracketed_countries_of_each_listed_recipient_de():
    text = ("Übersicht\nWir setzen Mailwolke der Mailwolke Inc., Kalifornien, USA, Zählwerk der Zählwerk Ltd., London, "
            "und Kartenhaus der Kartenhaus Corp., Toronto, ein. Personenbezogene Daten übermitteln wir in Drittländer an: "
            "Mailwolke (USA), Zählwerk (Vereinigtes Königreich, Israel) und Kartenhaus (Kanada).\n")
    got = _dests(text)
    assert {("Mailwolke", "US"), ("Zählwerk", "GB"), ("Zählwerk", "IL"), ("Kartenhaus", "CA")} <= got
    assert not {("Mailwolke", "IL"), ("Mailwolke", "CA"), ("Kartenhaus", "US"), ("Zählwerk", "CA")} & got


def test_bracketed_countries_of_each_listed_recipient_en():
    text = ("Overview\nWe use Mailcloud (Mailcloud Inc., California), Tallybox (Tallybox Ltd., London) and Maptile "
            "(Maptile Pty Ltd, Sydney). Personal data reaches countries outside the EEA as follows: Mailcloud (USA), "
            "Tallybox (United Kingdom, India), Maptile (Australia).\n")
    got = _dests(text)
    assert {("Mailcloud", "US"), ("Tallybox", "GB"), ("Tallybox", "IN"), ("Maptile", "AU")} <= got
    assert not {("Mailcloud", "IN"), ("Maptile", "US"), ("Tallybox", "AU")} & got


def test_a_country_outside_the_brackets_keeps_the_sentence_unbound():
    text = ("Processing\nWe use Alphadesk Ltd. (Ireland) and Betarun Inc. (USA). Alphadesk Ltd. (Ireland) and "
            "Betarun Inc. (USA) transfer data to India for support.\n")
    got = _dests(text)
    assert ("Betarun", "IN") in got or ("Alphadesk", "IN") in got


def test_semicolons_inside_a_bracketed_name_list_do_not_split_it():
    text = ("Transfers\nWe rely on these safeguards: an adequacy decision for Israel (Trustgate Ltd.); for the USA the "
            "certification of the recipients under the EU-US Data Privacy Framework (Cloudmesh, Inc.; Signbox LLC; "
            "Logrider Inc.).\n")
    got = flows(text)
    assert not {r for r, _, c, _ in got if c == "IL"} - {"Trustgate"}
    assert {("Cloudmesh", "US"), ("Signbox", "US"), ("Logrider", "US")} <= {(r, c) for r, _, c, _ in got}


def test_nothing_stored_or_accessed_outside_the_eu_is_a_negation():
    text = ("Hosting\nOur booking system runs on Roomdesk S.L., Valencia, Spain. Roomdesk has confirmed to us that no "
            "guest data is stored or accessed outside the EU.\n")
    assert not flows(text)


def test_neither_adequacy_nor_safeguards_leaves_only_the_derogation():
    text = ("Partner\nWir arbeiten mit Reisewerk Inc., Boston, USA. Für Übermittlungen an Reisewerk, für die weder ein "
            "Angemessenheitsbeschluss noch geeignete Garantien bestehen, stützen wir uns auf Ihre Einwilligung "
            "(Art. 49 Abs. 1 lit. a DSGVO).\n")
    assert flows(text) == {("Reisewerk", None, "US", ("derogation",))}
    text = ("Partners\nWe work with Tripforge Inc., Boston, USA. For transfers to Tripforge, for which there is neither an "
            "adequacy decision nor appropriate safeguards, we rely on your explicit consent (Art. 49(1)(a) GDPR).\n")
    assert flows(text) == {("Tripforge", None, "US", ("derogation",))}


def test_angemessenes_schutzniveau_is_an_adequacy_finding():
    text = ("Suche\nWir nutzen die Suchtechnik der Findwerk Inc., Montreal, Kanada. Die Daten werden nach Kanada "
            "übermittelt. Für Kanada hat die EU-Kommission ein angemessenes Schutzniveau festgestellt.\n")
    assert flows(text) == {("Findwerk", None, "CA", ("adequacy",))}


def test_a_sibling_heading_ends_the_section_vendor():
    text = ("# Privacy policy\n\n## Puzzles\n\nOur puzzle pages are run by Riddlebox Ltd, Wellington, New Zealand.\n\n"
            "## Reader trips\n\nFor trips to countries outside the EU, hotels and local tour operators receive your "
            "booking data, which is necessary for the contract (Art. 49(1)(b) GDPR).\n")
    assert not {(r, c) for r, _, c, _ in flows(text) if r == "Riddlebox" and c == "third_countries"}
    text = ("# Datenschutz\n\n## Rätsel\n\nUnsere Rätselseiten betreibt die Rätselkiste Ltd, Wellington, Neuseeland.\n\n"
            "## Leserreisen\n\nBei Reisen in Länder außerhalb der EU erhalten Hotels und örtliche Reiseveranstalter Ihre "
            "Buchungsdaten; die Übermittlung ist für den Vertrag erforderlich (Art. 49 Abs. 1 lit. b DSGVO).\n")
    assert not {(r, c) for r, _, c, _ in flows(text) if r == "Rätselkiste" and c == "third_countries"}


def test_a_sub_heading_keeps_the_section_vendor():
    text = ("# Privacy policy\n\n## Newsletter\n\nWe send our newsletter with Mailcloud Inc., Denver, USA.\n\n"
            "### Transfer\n\nThe data is transferred to the USA on the basis of standard contractual clauses.\n")
    assert ("Mailcloud", None, "US", ("scc",)) in flows(text)


def test_some_of_these_partners_after_naming_the_category():
    text = ("Advertising\nWith your consent we pass pseudonymous identifiers to advertising networks and media agencies "
            "listed in our consent banner. Some of these partners are located in third countries, especially in the "
            "USA.\n")
    assert any(r.startswith("category:") and c == "US" for r, _, c, _ in flows(text))
    text = ("Werbung\nMit Ihrer Einwilligung geben wir pseudonyme Kennungen an Werbenetzwerke und Mediaagenturen "
            "weiter, die im Banner aufgeführt sind. Einige dieser Partner sitzen in Drittländern, vor allem in den "
            "USA.\n")
    assert any(r.startswith("category:") and c == "US" for r, _, c, _ in flows(text))


def test_some_of_our_providers_in_general_stays_a_summary():
    text = ("Transfers\nSome of our service providers are located in third countries, for example in the USA. Where this "
            "is the case, we explain it in the section on the respective service.\n")
    assert not flows(text)
