"""Third-country transfers: destinations, recipients, chains, every mechanism, negations (EN + DE)."""

from __future__ import annotations

from test_extract_parties import extract


def flows(text: str) -> set[tuple[str, str | None, str, tuple[str, ...]]]:
    return {(t.recipient, t.via, t.country, t.mechanisms) for t in extract(text).transfers}


def test_explicit_usa_transfer_with_adequacy_and_scc_en():
    text = ("4. Analytics\nWe use Metricly Inc., Boston, MA 02110, USA. Data is transmitted to Metricly servers in the USA.\n"
            "For data transfers to the USA there is an adequacy decision (EU-U.S. Data Privacy Framework) and we also "
            "concluded standard contractual clauses with Metricly.\n")
    assert flows(text) == {("Metricly", None, "US", ("adequacy", "scc"))}


def test_explicit_usa_transfer_de_with_dpf_certification():
    text = ("Webanalyse\nWir nutzen Zaehlwerk Analytics der Zaehlwerk Inc., Denver, USA. Die Daten werden an Server in den USA "
            "übertragen. Das Unternehmen verfügt über eine Zertifizierung nach dem EU-US Data Privacy Framework (DPF).\n")
    assert flows(text) == {("Zaehlwerk", None, "US", ("adequacy",))}


def test_adequacy_binds_to_its_country_scc_to_all():
    text = ("Hosting\nWe host with Nimbus Ltd., London, UK. For the UK there is an adequacy decision. "
            "Nimbus may also transfer data to Singapore, for which we concluded standard contractual clauses.\n")
    # the SCC sentence names its own country, so the SCCs cover Singapore only
    assert flows(text) == {("Nimbus", None, "GB", ("adequacy",)), ("Nimbus", None, "SG", ("scc",))}
    text = ("Hosting\nWe host with Nimbus Ltd., London, UK. For the UK there is an adequacy decision. Nimbus may also "
            "transfer data to Singapore. Where data reaches third countries, we concluded standard contractual clauses.\n")
    assert flows(text) == {("Nimbus", None, "GB", ("adequacy", "scc")), ("Nimbus", None, "SG", ("scc",))}


def test_usa_and_other_third_countries_label_block_en():
    text = ("Contact form\nPurpose of processing: answering requests\nRecipients of the data: IT service providers\n"
            "Intended third country transfer: In individual cases USA and other third countries "
            "(on the basis of standard contractual clauses)\n")
    assert flows(text) == {("category:it_service_providers", None, "US", ("scc",)),
                           ("category:it_service_providers", None, "third_countries", ("scc",))}


def test_label_block_with_named_recipient_de():
    text = ("Online-Shop\nZweck: Bestellabwicklung\nEmpfänger: Versandriese Logistics LLC, New York, NY 10001, USA\n"
            "Drittlandübermittlung: USA (auf Grundlage Ihrer ausdrücklichen Einwilligung, Art. 49 Abs. 1 lit. a DSGVO)\n")
    assert flows(text) == {("Versandriese Logistics", None, "US", ("derogation",))}


def test_label_none_is_a_negation_not_a_transfer():
    f = extract("Newsletter\nEmpfänger: IT-Dienstleister\nDrittlandübermittlung: keine\n")
    assert f.transfers == () and [n.kind for n in f.negations] == ["no_third_country_transfer"]


def test_negation_en_and_de():
    en = extract("We do not transfer your personal data to third countries.")
    de = extract("Eine Übermittlung Ihrer Daten in Drittländer findet nicht statt.")
    for f in (en, de):
        assert f.transfers == ()
        assert [n.kind for n in f.negations] == ["no_third_country_transfer"]


def test_us_address_means_implicit_transfer():
    f = extract("For webinars we use Confero Video Communications, Inc., San Jose, CA 95113, USA.")
    (t,) = f.transfers
    assert (t.recipient, t.country, t.mechanisms, t.explicit) == ("Confero Video Communications", "US", ("none_stated",), False)


def test_eu_recipient_makes_no_transfer():
    f = extract("Our data centre partner is Rechenzentrum Nord GmbH, Hamburg, Germany. Data is stored on servers in Ireland.")
    assert f.transfers == ()


def test_sub_processor_chain_transfer():
    text = ("Meeting notes\nWe have concluded an order processing contract with Protokoll AI Inc., including standard "
            "contractual clauses. Protokoll AI relies on services from Bigcloud LLC, Seattle, WA 98109, USA.\n")
    assert flows(text) == {("Protokoll AI", None, "third_countries", ("scc",)),
                           ("Bigcloud", "Protokoll AI", "US", ("none_stated",))}


def test_category_recipients_outside_the_eea_de():
    text = ("Empfänger außerhalb der EU\nWir setzen IT-Dienstleister mit Sitz außerhalb des EWR ein. "
            "Hierfür haben wir Standardvertragsklauseln abgeschlossen.\n")
    assert flows(text) == {("category:it_service_providers", None, "third_countries", ("scc",))}


def test_bcr_and_privacy_shield_are_named():
    text = ("Chat\nWe use Plauder Chat Inc., Austin, TX 78701, USA. Transfers to the USA rely on binding corporate rules.\n"
            "Heatmaps\nWe use Wärmebild Ltd., Valletta, Malta. Wärmebild sends data to the USA under the EU-US Privacy Shield.\n")
    got = {(r, c): m for r, _, c, m in flows(text)}
    assert got[("Plauder Chat", "US")] == ("bcr",)
    assert got[("Wärmebild", "US")] == ("privacy_shield",)


def test_conditional_general_statement_gives_no_transfer():
    f = extract("If personal data is transferred to a third country, we rely on standard contractual clauses "
                "or an adequacy decision within the meaning of Art. 45 GDPR.")
    assert f.transfers == ()


def test_markdown_subprocessor_table_rows_state_countries():
    text = ("## Sub-processors\n\n| Sub-processor | Purpose | Location |\n|---|---|---|\n"
            "| Sentry | error tracking | USA |\n| Hetzner | hosting | Germany |\n")
    assert flows(text) == {("Sentry", None, "US", ("none_stated",))}


def test_anaphor_for_german_generator_avv_sentence():
    text = ("Kartendienst\nWir nutzen den Kartendienst der Landkarte Digital GmbH, Leipzig.\n"
            "Wir haben einen Vertrag über Auftragsverarbeitung zur Nutzung des oben genannten Dienstes geschlossen.\n")
    f = extract(text)
    assert [p.roles for p in f.parties] == [("processor",)]


def test_negated_usa_statement_en_de():
    en = extract("Hosting\nOur host is Cumulus Cloud B.V., Utrecht. Data is stored in the EU; no transfer to the USA takes place.\n")
    de = extract("Hosting\nUnser Hoster ist die Serverhalle AG, Kassel. Die Daten werden nicht in die USA übertragen.\n")
    for f in (en, de):
        assert f.transfers == () and f.negations


def test_domestic_categories_in_a_recipients_line_get_no_transfer():
    text = ("Support\nRecipients: IT service providers, tax advisers, public authorities\n"
            "Third country transfer: in individual cases USA (standard contractual clauses)\n")
    assert flows(text) == {("category:it_service_providers", None, "US", ("scc",))}


def test_scc_of_an_eea_processor_cover_its_onward_transfer_de():
    text = ("Formulare\nWir nutzen Formfix. Anbieter ist die Formfix S.L., Calle Mayor 1, 28013 Madrid, Spanien. "
            "Formfix setzt Unterauftragsverarbeiter ein, unter anderem die Bigcloud Inc., Seattle, USA. "
            "Mit diesen hat Formfix Standardvertragsklauseln abgeschlossen.\n")
    assert flows(text) == {("Bigcloud", "Formfix", "US", ("scc",))}


def test_parent_company_statement_follows_the_chain_en():
    text = ("Practice software: We use Zahnsoft GmbH, Kiel, Germany (processor). Zahnsoft hosts the system with "
            "Bigcloud EMEA SARL in Frankfurt. Bigcloud, Inc. in Seattle (USA), the parent company of the host, is "
            "certified under the EU-U.S. Data Privacy Framework.\n")
    assert {(r.split(" ")[0], v, c, m) for r, v, c, m in flows(text)} == {("Bigcloud", "Zahnsoft", "US", ("adequacy",))}


def test_negation_written_as_a_label_value():
    f = extract("Third countries: Apart from the above, no personal data is transferred outside the EU/EEA.\n")
    assert f.transfers == () and f.negations


def test_commission_adequacy_finding_in_words_en_de():
    en = ("Reviews\nWe send your name to Rezensio Ltd., Haifa, Israel. The European Commission has determined that "
          "Israel provides an adequate level of data protection.\n")
    de = ("Backup\nWir sichern Daten bei der Tresor Cloud AG, Zürich, Schweiz. Die EU-Kommission hat festgestellt, dass "
          "die Schweiz ein angemessenes Datenschutzniveau bietet.\n")
    assert flows(en) == {("Rezensio", None, "IL", ("adequacy",))}
    assert flows(de) == {("Tresor Cloud", None, "CH", ("adequacy",))}


def test_clauses_bind_mechanisms_to_their_country():
    text = ("Helpdesk\nRemote access by Supportly Inc., San Mateo, CA 94403, USA, and its subsidiary in Pune, India, is "
            "possible. Supportly Inc. is certified under the EU-U.S. Data Privacy Framework; for access from India, "
            "standard contractual clauses have been concluded.\n")
    assert flows(text) == {("Supportly", None, "US", ("adequacy",)), ("Supportly", None, "IN", ("scc",))}


def test_mechanism_negated_after_it_en_de():
    de = ("Online-Proben\nWir nutzen Probenraum Video Inc., San Jose, CA 95113, USA. Dabei werden Daten in die USA "
          "übermittelt. Standardvertragsklauseln haben wir nicht abgeschlossen. Die Übermittlung erfolgt auf Grundlage "
          "Ihrer ausdrücklichen Einwilligung gemäß Art. 49 Abs. 1 lit. a DSGVO.\n")
    en = ("Files\nWe share files via Filekiste Inc., San Francisco, CA 94158, USA. Standard contractual clauses have "
          "not been concluded with Filekiste.\n")
    assert flows(de) == {("Probenraum Video", None, "US", ("derogation",))}
    assert flows(en) == {("Filekiste", None, "US", ("none_stated",))}


def test_statement_belongs_to_the_vendor_named_just_before_in_its_paragraph():
    text = ("Unsere Praxis\nDie Website liegt bei der Baukasten Web GmbH, Berlin. Termine buchen Sie über Terminfix "
            "(Terminfix LLC, Buford, GA 30518, USA). Dabei werden Name und Wunschtermin in die USA übermittelt. "
            "Die Übermittlung stützt sich auf Ihre Einwilligung nach Art. 49 Abs. 1 lit. a DSGVO.\n")
    assert flows(text) == {("Terminfix", None, "US", ("derogation",))}


def test_mechanism_said_not_to_apply_to_a_recipient_en_de():
    en = ("5. Transfers\nWhere the Commission has decided that a country is adequate, we rely on that; this includes "
          "companies in the USA certified under the EU-U.S. Data Privacy Framework. Transfers to our partner Orbitel Inc., "
          "Austin, USA, are based on standard contractual clauses. Orbitel Inc. is not certified under the Data Privacy Framework.\n")
    assert flows(en) == {("Orbitel", None, "US", ("scc",))}
    de = ("Übermittlungen\nFür Unternehmen in den USA mit Zertifizierung nach dem EU-US Data Privacy Framework gilt ein "
          "Angemessenheitsbeschluss. Daten gehen an die Wolkenbau Inc., Denver, USA, auf Grundlage von Standardvertragsklauseln. "
          "Die Wolkenbau Inc. ist nicht nach dem Data Privacy Framework zertifiziert.\n")
    assert flows(de) == {("Wolkenbau", None, "US", ("scc",))}


def test_unnamed_sub_processors_of_a_named_processor_en_de():
    de = ("ERP\nUnser ERP betreibt die Rechenwerk SE, Walldorf, als Auftragsverarbeiter. Rechenwerk setzt für den Support "
          "Unterauftragsverarbeiter in Indien ein; mit diesen hat Rechenwerk Standardvertragsklauseln abgeschlossen.\n")
    assert flows(de) == {("category:it_service_providers", "Rechenwerk", "IN", ("scc",))}
    en = ("CRM\nWe use Leadhaus Ltd., Dublin, Ireland, as our processor. Data may be transferred to Leadhaus's "
          "sub-processors worldwide on the basis of standard contractual clauses.\n")
    assert flows(en) == {("category:it_service_providers", "Leadhaus", "third_countries", ("scc",))}


def test_name_after_a_leading_legal_form_and_its_sub_processors_de():
    text = ('- Postfach: Newsletter; Dienstanbieter: UAB "Postfach", Vilnius, Litauen; Grundlage Drittlandübermittlung: '
            "Standardvertragsklauseln (Postfach nutzt Unterauftragsverarbeiter in den USA).\n")
    assert [p.name for p in extract(text).parties] == ["Postfach"]
    assert flows(text) == {("category:it_service_providers", "Postfach", "US", ("scc",))}


def test_vendor_label_block_below_a_category_block_of_the_same_section_de():
    text = ("9.5 Büroverfahren\n\nZweck: Buchhaltung\nEmpfänger: IT-Dienstleister\n"
            "Drittlandübermittlung: im Einzelfall USA (auf Grundlage von Angemessenheitsbeschlüssen und Standardvertragsklauseln)\n\n"
            "Für E-Mail nutzen wir Bürowolke.\nAnbieter: Bürowolke Inc., 1 Main Street, Redmond, WA 98052, USA\n"
            "Drittlandübermittlung: Eine Übermittlung in die USA ist möglich. Die Bürowolke Inc. ist nach dem EU-US Data "
            "Privacy Framework zertifiziert.\n")
    assert flows(text) == {("category:it_service_providers", None, "US", ("adequacy", "scc")),
                           ("Bürowolke", None, "US", ("adequacy",))}


def test_a_processors_statement_about_its_sub_processor_goes_to_the_chain_en_de():
    en = ("Telephony\nWe use Callbox SAS, Paris, France, as our processor. Callbox uses Wirehub Inc., 1 Spear Street, "
          "San Francisco, CA 94105, USA, as a sub-processor; Wirehub is certified under the EU-U.S. Data Privacy Framework.\n")
    assert flows(en) == {("Wirehub", "Callbox", "US", ("adequacy",))}
    de = ("Live-Chat\nWir nutzen Plauderei GmbH, Köln, als Auftragsverarbeiter. Plauderei setzt als Unterauftragsverarbeiter "
          "die Rackhaus, Inc., 1 Terry Avenue, Seattle, WA 98109, USA, ein. Dabei kann es zu einer Übermittlung in die USA kommen.\n")
    assert flows(de) == {("Rackhaus", "Plauderei", "US", ("none_stated",))}


def test_chain_inside_the_eu_uses_the_countries_named_in_its_sentence():
    text = ("Hospital system\nOur system is provided by Klinsoft GmbH, Linz, Austria, as our processor. Klinsoft uses Skyhall Cloud "
            "data centres of Skyhall Ireland Limited, Dublin 18, Ireland, as a sub-processor.\n\nEmail\nWe use Skyhall Mail. Data may "
            "be transferred to Skyhall Corporation, 1 Way, Redmond, WA 98052, USA, on the basis of standard contractual clauses.\n")
    assert flows(text) == {("Skyhall Ireland", None, "US", ("scc",))}


def test_a_country_in_one_recipients_address_is_not_the_others_destination_en_de():
    en = ("Recipients\nData may be disclosed to our subsidiaries Quarto North America Inc. (Austin, Texas, USA) and "
          "Quarto Romania S.R.L. (Cluj-Napoca, Romania). Your request may be handled in Romania (Quarto Romania S.R.L.) "
          "or in the USA (Quarto North America Inc.).\n")
    assert {(r, c) for r, _, c, _ in flows(en)} == {("Quarto North America", "US")}
    de = ("Empfänger\nDaten erhalten die Lagerfix Inc. (Denver, USA) und die Packwerk GmbH (Wien, Österreich).\n")
    assert {(r, c) for r, _, c, _ in flows(de)} == {("Lagerfix", "US")}


def test_government_access_remark_is_no_transfer_to_authorities_en_de():
    en = ("Transfers\nThe EU-US Privacy Shield was declared invalid in 2020. Companies in the USA may be subject to access "
          "by US authorities, for example under Section 702 FISA.\n")
    de = ("Drittländer\nUnternehmen in den USA unterliegen möglicherweise Zugriffen durch US-Behörden (Überwachung), "
          "wenn Daten in die USA übermittelt werden.\n")
    assert flows(en) == set() and flows(de) == set()


def test_paragraph_about_a_category_keeps_its_recipient_and_named_countries_bind_mechanisms():
    text = ("Service\nOur technicians use Fernwart GmbH, Göppingen, Germany, as our processor.\n\n"
            "Our authorised service partners are located in the USA, Brazil and Japan. We pass your contact data to the "
            "service partner responsible for your country. For Japan, the European Commission has adopted an adequacy "
            "decision. Transfers to service partners in the USA and Brazil are based on standard contractual clauses.\n")
    got = {(r, c, m) for r, _, c, m in flows(text)}
    assert ("category:other", "JP", ("adequacy",)) in got
    assert ("category:other", "US", ("scc",)) in got and ("category:other", "BR", ("scc",)) in got
    assert not any(r == "Fernwart" for r, _, _ in got)


def test_mechanism_sentence_per_country_de():
    text = ("Plattform\nDie Ladenbau Ltd., Dublin, Irland, übermittelt Daten an die Ladenbau Inc. in Kanada und an "
            "Rechenzentren in den USA. Für Kanada besteht ein Angemessenheitsbeschluss der EU-Kommission. Für "
            "Übermittlungen in die USA hat Ladenbau Standardvertragsklauseln abgeschlossen.\n")
    assert {(c, m) for _, _, c, m in flows(text)} == {("CA", ("adequacy",)), ("US", ("scc",))}


def test_exchange_with_group_companies_under_bcr_approved_by_an_authority_en_de():
    de = ("Konzern\nFür den weltweiten Service tauschen wir Kontaktdaten mit unseren Konzerngesellschaften in den USA und in "
          "China aus. Die Übermittlung erfolgt auf Grundlage unserer Binding Corporate Rules, die von der zuständigen "
          "Aufsichtsbehörde genehmigt wurden.\n")
    assert flows(de) == {("category:group_companies", None, "US", ("bcr",)), ("category:group_companies", None, "CN", ("bcr",))}
    en = ("Group\nWe exchange customer data with our group companies in the USA. These transfers are based on our binding "
          "corporate rules, approved by the competent supervisory authority.\n")
    assert flows(en) == {("category:group_companies", None, "US", ("bcr",))}


def test_unnamed_sub_processors_without_a_mechanism_en():
    text = "Newsletter\nWe use Mailfox, Inc., 1 Summer Street, Boston, MA 02110, USA. Mailfox uses sub-processors in India.\n"
    assert flows(text) == {("Mailfox", None, "US", ("none_stated",)),
                           ("category:it_service_providers", "Mailfox", "IN", ("none_stated",))}
