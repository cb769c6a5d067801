"""A summary sentence that lists recipients each with its own country ("to A in the USA, to B in Japan")
keeps every country with its recipient; a "sub-processors of C" item in such a list makes no other item
C's sub-processor; sellers and education agents are recipient categories; a generic sentence in a section
naming several vendors is about none of them; a follow-up sentence naming only countries that the sentence
before gave to other recipients is about those; '("X", "we")' after an address names the controller
(EN + DE, own wording)."""

from __future__ import annotations

from test_extract_parties import extract
from test_transfer_scoping import flows


def test_english_list_of_recipients_with_their_own_countries():
    text = ("Transfers\nWe use Quillby Inc., Boston, and Tarnwood Pty Ltd, Perth, as processors. Data leaves the EEA "
            "only as set out above: to Quillby in the USA, to Tarnwood in Australia and to sub-processors of Quillby "
            "in the USA.\n")
    got = {(r, v, c) for r, v, c, _ in flows(text)}
    assert ("Quillby", None, "US") in got and ("Tarnwood", None, "AU") in got
    assert ("Quillby", None, "AU") not in got and ("Tarnwood", None, "US") not in got
    assert not any(v == "Quillby" and r == "Tarnwood" for r, v, _ in got)


def test_german_list_of_recipients_with_their_own_countries():
    text = ("Drittländer\nWir setzen die Quillby Inc., Boston, und die Tarnwood Pty Ltd, Perth, als Auftragsverarbeiter "
            "ein. Daten gelangen nur in den genannten Fällen in Drittländer: an Quillby in die USA, an Tarnwood nach "
            "Australien sowie an Unterauftragsverarbeiter von Quillby in den USA.\n")
    got = {(r, v, c) for r, v, c, _ in flows(text)}
    assert ("Quillby", None, "US") in got and ("Tarnwood", None, "AU") in got
    assert ("Quillby", None, "AU") not in got and ("Tarnwood", None, "US") not in got
    assert not any(v == "Quillby" and r == "Tarnwood" for r, v, _ in got)


def test_sub_processor_of_item_names_no_other_item_as_sub_processor():
    for text in (
        "Transfers\nWe transfer data to Quillby Inc. in the USA, to Tarnwood Pty Ltd in Australia and to "
        "sub-processors of Quillby in the USA.\n",
        "Übermittlungen\nWir übermitteln Daten an die Quillby Inc. in den USA, an die Tarnwood Pty Ltd in Australien "
        "und an Unterauftragsverarbeiter von Quillby in den USA.\n",
    ):
        roles = {p.name: set(p.roles) for p in extract(text).parties}
        assert "sub_processor" not in roles.get("Tarnwood", set()), text


def test_sellers_and_education_agents_are_recipient_categories():
    text = ("Marketplace\nWhen you buy from a seller in Canada, we pass your order to that seller on the basis of the "
            "adequacy decision for Canada.\n")
    assert ("category:other", None, "CA", ("adequacy",)) in flows(text)
    text = ("Marktplatz\nKaufen Sie bei Drittverkäufern in Kanada, übermitteln wir Ihre Bestellung an diese "
            "Drittverkäufer; für Kanada besteht ein Angemessenheitsbeschluss.\n")
    assert ("category:other", None, "CA", ("adequacy",)) in flows(text)
    text = ("Agents\nIf you booked through an education agent in Brazil, we send your enrolment data to that agent "
            "in Brazil because this is necessary for the contract (Art. 49(1)(b) GDPR).\n")
    assert ("category:other", None, "BR", ("derogation",)) in flows(text)
    text = ("Sprachreisen\nBuchen Sie über eine unserer Bildungsagenturen in Brasilien, übermitteln wir Ihre "
            "Anmeldedaten an diese Agentur in Brasilien, weil dies für den Vertrag erforderlich ist (Art. 49 Abs. 1 "
            "lit. b DSGVO).\n")
    assert ("category:other", None, "BR", ("derogation",)) in flows(text)


def test_generic_sentence_in_a_section_naming_several_vendors_has_no_topic():
    text = ("Transfers abroad\nWe send order data to Quillby Inc., Boston, USA, under standard contractual clauses and "
            "to Tarnwood Ltd, Leeds, United Kingdom, under the adequacy decision. For recipients in Canada that "
            "take part in our programme, we rely on the adequacy decision for Canada.\n")
    got = {(r, c) for r, _, c, _ in flows(text)}
    assert ("Quillby", "US") in got and ("Tarnwood", "GB") in got
    assert not any(c == "CA" for _, c in got)
    text = ("Drittlandübermittlung\nBestelldaten erhalten die Quillby Inc., Boston, USA, auf Grundlage von "
            "Standardvertragsklauseln und die Tarnwood Ltd, Leeds, Vereinigtes Königreich, auf Grundlage des "
            "Angemessenheitsbeschlusses. Bei Empfängern in Kanada stützen wir uns auf den Angemessenheitsbeschluss "
            "für Kanada.\n")
    got = {(r, c) for r, _, c, _ in flows(text)}
    assert ("Quillby", "US") in got and ("Tarnwood", "GB") in got
    assert not any(c == "CA" for _, c in got)


def test_follow_up_sentence_about_countries_goes_to_their_recipients():
    text = ("Transfers\nWe use Quillby Inc., Boston, Tarnwood Pty Ltd, Perth, and Ostrava Code LLC, Kyiv, as processors. "
            "Data is transferred outside the EEA only as follows: to Tarnwood in Australia, to Ostrava Code in Ukraine and to Quillby "
            "in the USA. For Australia and Ukraine we rely on standard contractual clauses.\n")
    got = flows(text)
    assert ("Tarnwood", None, "AU", ("scc",)) in got and ("Ostrava Code", None, "UA", ("scc",)) in got
    assert not any(r == "Quillby" and c in ("AU", "UA") for r, _, c, _ in got)
    text = ("Drittländer\nWir setzen die Quillby Inc., Boston, die Tarnwood Pty Ltd, Perth, und die Ostrava Code LLC, "
            "Kiew, als Auftragsverarbeiter ein. Daten werden nur so in Drittländer übermittelt: an Tarnwood in Australien, an "
            "Ostrava Code in der Ukraine und an Quillby in den USA. Für Australien und die Ukraine nutzen wir "
            "Standardvertragsklauseln.\n")
    got = flows(text)
    assert ("Tarnwood", None, "AU", ("scc",)) in got and ("Ostrava Code", None, "UA", ("scc",)) in got
    assert not any(r == "Quillby" and c in ("AU", "UA") for r, _, c, _ in got)


def test_we_alias_after_the_address_names_the_controller():
    from test_extract_controller import HOSTER_DE, HOSTER_EN
    f = extract("PRIVACY NOTICE\n\nFernquill Bindery Ltd, 4 Quay Row, Galway H91 X2C3, Ireland (\"Fernquill\", \"we\") "
                "binds books for libraries." + HOSTER_EN)
    assert f.controller.name == "Fernquill Bindery Ltd"
    assert "Fernquill Bindery" not in {p.name for p in f.parties}
    f = extract("DATENSCHUTZHINWEISE\n\nDie Fernkiel Buchbinderei GmbH, Am Kai 4, 18055 Rostock (\"Fernkiel\", \"wir\") "
                "bindet Bücher für Bibliotheken." + HOSTER_DE)
    assert f.controller.name == "Fernkiel Buchbinderei GmbH"
