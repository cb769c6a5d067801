"""Controller and named parties: legal forms, brands resolved to one vendor, aliases, non-parties (EN + DE)."""

from __future__ import annotations

from vendorgraph.extract.rules import RuleExtractor
from vendorgraph.load import from_text
from vendorgraph.model import Facts
from vendorgraph.segment import segment


def extract(text: str, **kw) -> Facts:
    doc = from_text(text)
    return RuleExtractor(**kw).extract(doc, segment(doc.text))


def party(facts: Facts, name: str):
    found = [p for p in facts.parties if p.name == name or name in p.aliases]
    assert found, f"{name} not among {[p.name for p in facts.parties]}"
    return found[0]


def test_controller_en_with_country():
    f = extract("Privacy policy\nThe controller responsible for processing is Nordlicht Bikes GmbH, "
                "Seestraße 2, 24103 Kiel, Germany. We use cookies.")
    assert (f.controller.name, f.controller.country) == ("Nordlicht Bikes GmbH", "DE")
    assert all(p.name != "Nordlicht Bikes" for p in f.parties)


def test_controller_de_label_without_legal_form():
    f = extract("Datenschutzerklärung\n\nVerantwortlich: Physiotherapie am Ring, Ringstraße 5, 50667 Köln\n\n"
                "Wir verarbeiten Ihre personenbezogenen Daten nur nach der DSGVO.")
    assert f.controller.name == "Physiotherapie am Ring"


def test_controller_named_before_cue_and_dpo():
    f = extract("Harbour Apps Ltd, 3 Quay Street, Galway, Ireland, is the controller for this website. "
                "Our data protection officer is Dr. Mara Quinn, reachable by email.")
    assert f.controller.name == "Harbour Apps Ltd"
    assert f.controller.dpo == "Dr. Mara Quinn"


def test_controller_group_name_fallback():
    f = extract("Privacy at the Kestrel Group. The Kestrel Group processes data of visitors. "
                "Questions? Write to the Kestrel Group.")
    assert f.controller.name == "Kestrel Group"


def test_entities_of_one_vendor_are_one_party_with_two_countries():
    f = extract("We use Google Analytics, a service of Google Ireland Limited, Gordon House, Dublin 4, Ireland. "
                "Data may reach Google LLC, 1600 Amphitheatre Parkway, Mountain View, CA 94043, USA.")
    google = party(f, "Google")
    assert {"Google Ireland Limited", "Google LLC"} <= set(google.aliases)
    assert set(google.countries) == {"IE", "US"}
    assert "Google Analytics" in google.services
    assert google.vendor_id


def test_defined_short_name_links_mentions():
    f = extract('Für Webinare nutzen wir die Software der Tandem Meeting Systems AG, Bern, Schweiz ("Tandem"). '
                "Tandem verarbeitet die Daten in unserem Auftrag.")
    p = party(f, "Tandem Meeting Systems AG")
    assert "processor" in p.roles and p.countries == ("CH",)


def test_german_compound_before_name_is_trimmed():
    f = extract("Wir nutzen den Newsletter-Dienstleister Brieftaube Versand GmbH, Kassel. Die Daten bleiben in der EU.")
    assert party(f, "Brieftaube Versand GmbH")
    assert not any("Newsletter" in p.name for p in f.parties)


def test_authorities_opt_out_sites_and_browsers_are_not_parties():
    f = extract("You may complain to the Landesbeauftragte für Datenschutz Hessen. "
                "Opt out at the Network Advertising Initiative (NAI). "
                "You can block cookies in the browser settings of Microsoft Edge or Google Chrome. "
                "We host our site with Pixelhafen Hosting GmbH, Bremen, Germany.")
    names = {p.name for p in f.parties}
    assert names == {"Pixelhafen Hosting"}


def test_tool_name_after_cue_without_legal_form():
    f = extract("This website uses the tracking tool SnapHeat.io to record anonymised visits.")
    assert party(f, "SnapHeat.io").roles == ("recipient",)


def test_min_confidence_trades_recall_for_precision():
    text = "This site uses the tracking tool SnapHeat.io. We host with Pixelhafen Hosting GmbH, Bremen, Germany."
    assert len(extract(text).parties) == 2
    assert [p.name for p in extract(text, min_confidence=0.8).parties] == ["Pixelhafen Hosting"]


def test_plain_social_links_are_not_parties_en_de():
    en = extract("On our site you find links to our profiles on Instagram and TikTok. Clicking them sends no data.")
    de = extract("Auf unserer Website finden Sie Links zu unseren Profilen bei Pinterest. Dabei werden keine Daten übertragen.")
    assert en.parties == () and de.parties == ()


def test_controller_defined_as_we_en_de():
    en = extract('Lumen Candles Ltd ("we") runs this shop. We are the controller. Payments go to Zahlfix Payments S.A., Luxembourg.')
    de = extract("Die Kerzenzieherei Holm GmbH (nachfolgend „wir“) betreibt diesen Shop. Wir hosten bei der Serverhalle AG.")
    assert en.controller.name == "Lumen Candles Ltd" and de.controller.name == "Kerzenzieherei Holm GmbH"
    assert [p.name for p in de.parties] == ["Serverhalle"]


def test_locally_hosted_fonts_and_imprint_are_not_parties_de():
    f = extract("Angaben gemäß § 5 TMG\nKabelwerk Nord GmbH\nHafenstraße 4\n24103 Kiel\nRegistergericht: Amtsgericht Kiel\n\n"
                "Verantwortliche Stelle ist die Kabelwerk Nord GmbH.\n\nGoogle Fonts (lokales Hosting)\n"
                "Diese Seite nutzt Google Fonts. Die Schriften sind lokal installiert. Eine Verbindung zu Servern von Google "
                "findet dabei nicht statt.\n")
    assert f.controller.name == "Kabelwerk Nord GmbH" and f.parties == ()


def test_self_hosted_software_payment_methods_and_headings_are_not_parties():
    f = extract("Web analytics\nWe analyse visits with the open-source software Matomo, which we host on our own servers.\n"
                "Payment\nCard payments and Apple Pay are processed by Zahlfix Payments S.A., Luxembourg.\n")
    assert [p.name for p in f.parties] == ["Zahlfix Payments"]


def test_integration_settings_are_not_an_opt_out_context():
    f = extract("If you activate the integration in your workspace settings, task titles are sent to "
                "Chatterbox Technologies, LLC, San Francisco, CA 94105, USA.")
    assert [p.name for p in f.parties] == ["Chatterbox Technologies"]


def test_title_for_a_readership_is_not_the_controller():
    f = extract("Privacy Notice for Patients and Visitors\n\nThe controller is Kurhaus Bergsee GmbH, Seeweg 1, 6020 Innsbruck, Austria.\n")
    assert (f.controller.name, f.controller.country) == ("Kurhaus Bergsee GmbH", "AT")


def test_plug_ins_we_do_not_use_are_not_parties_en_de():
    en = extract("We do not use social media plug-ins from Facebook, Instagram or TikTok on our website. "
                 "Newsletters are sent by Postwerk GmbH, Kassel, Germany.")
    de = extract("Wir binden keine Social-Media-Plugins von Facebook oder TikTok ein. Den Newsletter versendet die Postwerk GmbH.")
    assert [p.name for p in en.parties] == ["Postwerk"] and [p.name for p in de.parties] == ["Postwerk"]


def test_software_running_on_our_own_server_is_not_a_party_en_de():
    de = extract('Cookie-Einwilligung\nWir nutzen das Plugin "Borlabs Cookie", das auf unserem eigenen Webserver läuft.\n'
                 "- WooCommerce: Shopsoftware (Open Source), betrieben auf unserem Webspace.\n")
    en = extract("Analytics\nWe use Matomo, installed on our own web server. Hosting is provided by Serverhof GmbH, Berlin.\n")
    assert de.parties == () and [p.name for p in en.parties] == ["Serverhof"]
