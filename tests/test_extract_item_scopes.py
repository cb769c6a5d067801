"""Cues that belong to one item of a list: a mechanism or role in a recipient's own bracket, a lead-in's
role for the items below it, a mechanism "for" one country, a relative clause naming the processor, and
transfer negations with longer or hyphenated wording (EN + DE)."""

from __future__ import annotations

from test_extract_parties import extract, party
from test_extract_transfers import flows


def test_summary_line_gives_each_recipient_its_bracketed_mechanisms_en():
    text = ("Overview of transfers\nUnited States: Quillbox Inc. (standard contractual clauses), Lanternly Inc. "
            "(Data Privacy Framework and standard contractual clauses), Orbitdesk Inc. (Data Privacy Framework).\n")
    assert flows(text) == {("Quillbox", None, "US", ("scc",)), ("Lanternly", None, "US", ("adequacy", "scc")),
                           ("Orbitdesk", None, "US", ("adequacy",))}


def test_summary_line_gives_each_recipient_its_bracketed_mechanisms_de():
    text = ("Übersicht der Drittlandübermittlungen\nUSA: Wolkenfeld Inc. (Standardvertragsklauseln), Taktwerk Inc. "
            "(EU-US Data Privacy Framework).\n")
    assert flows(text) == {("Wolkenfeld", None, "US", ("scc",)), ("Taktwerk", None, "US", ("adequacy",))}


def test_role_in_a_recipients_own_bracket_stays_with_it_en_de():
    en = extract("Transfers\nUSA: Quillbox Inc. (standard contractual clauses), Harpmill Inc. (standard contractual "
                 "clauses, as a separate controller).\n")
    de = extract("Übermittlungen\nUSA: Wolkenfeld Inc. (Standardvertragsklauseln), Pfadhaus Inc. "
                 "(Standardvertragsklauseln, als eigenständiger Verantwortlicher).\n")
    assert "controller" not in party(en, "Quillbox Inc.").roles
    assert "controller" in party(en, "Harpmill Inc.").roles
    assert "controller" not in party(de, "Wolkenfeld Inc.").roles
    assert "controller" in party(de, "Pfadhaus Inc.").roles


def test_lead_in_role_goes_to_each_list_item_en_de():
    en = extract("Service providers\nThese companies handle data for us on our behalf under Art. 28 GDPR:\n"
                 "- Ferncastle Software GmbH, Bremen (document archive);\n- Quillbox Ltd, Cork (email delivery).\n")
    de = extract("Dienstleister\nFolgende Firmen sind für uns als Auftragsverarbeiter tätig:\n"
                 "- Ablagewerk GmbH, Kassel (Archiv)\n- Postfuchs GmbH, Jena (Versand von E-Mails)\n")
    assert party(en, "Ferncastle Software GmbH").roles == ("processor",)
    assert party(en, "Quillbox Ltd").roles == ("processor",)
    assert party(de, "Ablagewerk GmbH").roles == ("processor",)
    assert party(de, "Postfuchs GmbH").roles == ("processor",)


def test_a_negated_lead_in_gives_its_list_no_role_en_de():
    en = extract("Partners\nThe companies below are not our processors; they decide for themselves:\n"
                 "- Ferncastle Software GmbH, Bremen (events);\n- Quillbox Ltd, Cork (ticketing).\n")
    de = extract("Partner\nDie folgenden Firmen sind keine Auftragsverarbeiter von uns, sie entscheiden selbst:\n"
                 "- Ablagewerk GmbH, Kassel (Veranstaltungen)\n- Postfuchs GmbH, Jena (Tickets)\n")
    for f, name in ((en, "Ferncastle Software GmbH"), (en, "Quillbox Ltd"), (de, "Ablagewerk GmbH"), (de, "Postfuchs GmbH")):
        assert "processor" not in party(f, name).roles


def test_relative_clause_names_the_processor_of_a_sub_processor_en_de():
    en = extract("Forms\nOur forms are run by Formly Labs Inc. on our behalf. The data sits in data centres of "
                 "Rackhaus Ltd, Leeds, which Formly Labs has engaged as a sub-processor.")
    de = extract("Formulare\nUnser Formular betreibt die Formfabrik GmbH als Auftragsverarbeiter. Die Server stehen "
                 "bei der Rechenhalle GmbH in Ulm, die Formfabrik als Unterauftragnehmer einsetzt.")
    assert party(en, "Rackhaus Ltd").roles == ("sub_processor",)
    assert "sub_processor" not in party(en, "Formly Labs Inc.").roles
    assert party(de, "Rechenhalle GmbH").roles == ("sub_processor",)
    assert "sub_processor" not in party(de, "Formfabrik GmbH").roles


def test_declined_own_controller_forms_de():
    f = extract("Verantwortlich: Speichenhof GmbH, Kiel.\n\nTouren\nSie können Ihr Konto bei der Wegweiser GmbH, Kiel, verbinden. Die Wegweiser GmbH verarbeitet "
                "die Daten als eigener Verantwortlicher. Beim Leasing erhalten wir Daten von der Radleasing GmbH, Ulm. "
                "Die Radleasing GmbH und ihre Partner sind eigenständige Verantwortliche.")
    assert party(f, "Wegweiser GmbH").roles == ("controller",)
    assert party(f, "Radleasing GmbH").roles == ("controller",)


def test_mechanism_for_one_country_and_otherwise_for_the_rest_en_de():
    en = ("Transfers\n- Switzerland, USA and other third countries (client companies): adequacy decision for "
          "Switzerland, otherwise standard contractual clauses.\n")
    de = ("Übermittlungen\n- Schweiz und USA (Kundenunternehmen): Angemessenheitsbeschluss für die Schweiz, "
          "ansonsten Standardvertragsklauseln.\n")
    assert flows(en) == {("category:other", None, "CH", ("adequacy",)), ("category:other", None, "US", ("scc",)),
                         ("category:other", None, "third_countries", ("scc",))}
    assert flows(de) == {("category:other", None, "CH", ("adequacy",)), ("category:other", None, "US", ("scc",))}


def test_exhibitors_and_client_companies_are_recipients_abroad_en_de():
    en = ("Trade fair\nSome exhibitors are located in the USA; when you let them scan your badge, your data goes to the "
          "exhibitor in the USA on the basis of your explicit consent (Art. 49(1)(a) GDPR).\n")
    de = ("Messe\nAussteller aus den USA erhalten Ihre Kontaktdaten nur mit Ihrer ausdrücklichen Einwilligung "
          "(Art. 49 Abs. 1 lit. a DSGVO).\n")
    assert flows(en) == {("category:other", None, "US", ("derogation",))}
    assert flows(de) == {("category:other", None, "US", ("derogation",))}


def test_hyphenated_and_long_transfer_negations_en_de():
    en = extract("Hosting\nBoth providers, Quillbox Ltd and Tallyfarm Ltd, sit in Ireland, so they do not involve "
                 "third-country transfers.")
    de = extract("Analyse\nDie Messung übernimmt die Zaehlbar GmbH, Berlin. Zaehlbar gehört zur Kestrelcorp Inc. mit "
                 "Sitz in den USA; eine Übermittlung unserer Daten an Kestrelcorp findet nach unserem Vertrag mit "
                 "Zaehlbar nicht statt.")
    de2 = extract("Service\nDie Tochtergesellschaft Fjordrad AS sitzt in Norwegen. Norwegen gehört zum EWR; eine "
                  "Übermittlung in ein Drittland liegt daher nicht vor.")
    assert en.transfers == () and de2.transfers == ()
    assert not any(t.recipient == "Zaehlbar" for t in de.transfers)  # the negated sentence sends nothing
    assert {n.kind for n in de.negations} == {"no_third_country_transfer", "vendor_not_used"}


def test_group_named_before_the_chain_cue_and_a_summary_row_naming_the_processor_en():
    text = ("Live polls\nPolls run on Pollster s.r.o., Brno, Czechia, on our behalf. Pollster s.r.o. is part of the "
            "Heronweb group and hosts the service on infrastructure provided by Heronweb Inc. in the United States. "
            "Heronweb Inc. is certified under the EU-U.S. Data Privacy Framework.\n\nTransfer summary\n\n"
            "| Recipient | Country | Safeguard |\n|---|---|---|\n"
            "| Heronweb Inc. (infrastructure for Pollster) | USA | Data Privacy Framework |\n")
    assert flows(text) == {("Heronweb", "Pollster", "US", ("adequacy",))}


def test_group_named_before_the_chain_cue_de():
    f = extract("Umfragen\nUmfragen laufen über die Fragebogen GmbH, Graz, als Auftragsverarbeiter. Die Fragebogen GmbH "
                "gehört zur Heronweb-Gruppe und betreibt den Dienst auf der Infrastruktur der Heronweb Inc. in den USA.")
    assert party(f, "Heronweb Inc.").roles == ("sub_processor",)
