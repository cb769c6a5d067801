"""Names that are no parties: payment methods and card schemes, self-hosted software and maps, the
external data protection officer's firm, named supervisory authorities, link-only profiles (EN + DE)."""

from __future__ import annotations

from vendorgraph.extract.rules import RuleExtractor
from vendorgraph.load import from_text
from vendorgraph.model import Facts
from vendorgraph.segment import segment

HEAD_EN = "Privacy notice. The controller is Lindenhof Ceramics Ltd, 4 Mill Lane, Leeds LS1 4AB, United Kingdom.\n\n"
HEAD_DE = "Datenschutzerklärung. Verantwortlich ist die Lindenhof Keramik GmbH, Gartenweg 3, 37073 Göttingen.\n\n"


def names(text: str) -> set[str]:
    doc = from_text(text)
    f: Facts = RuleExtractor().extract(doc, segment(doc.text))
    return {p.name for p in f.parties}


def test_card_schemes_and_payment_footer_en():
    got = names(HEAD_EN + "Card payments (Visa, Mastercard, American Express) are processed by Stripe Payments "
                "Europe, Ltd., Dublin, Ireland.\n\nShipping & returns | Accepted payment methods: Visa Mastercard Klarna\n")
    assert "Stripe" in got
    assert not {"Visa", "Mastercard", "American Express", "Klarna"} & got


def test_card_schemes_and_payment_footer_de():
    got = names(HEAD_DE + "Bei Zahlung per Kreditkarte (Visa, Mastercard) übermitteln wir die Kartendaten an "
                "Stripe Payments Europe, Ltd., Irland.\n\nZahlungsarten: PayPal · Klarna · Visa · Mastercard\n")
    assert "Stripe" in got
    assert not {"Visa", "Mastercard", "PayPal", "Klarna"} & got


def test_card_scheme_that_receives_data_stays():
    got = names(HEAD_EN + "For 3-D Secure checks your card number is passed to Mastercard.")
    assert "Mastercard" in got
    got = names(HEAD_DE + "Für die Prüfung nach 3-D Secure geben wir die Kartennummer an Visa weiter.")
    assert "Visa" in got


def test_payment_provider_in_a_sentence_with_data_stays():
    got = names(HEAD_EN + "We accept PayPal; if you choose it, your order data is sent to PayPal.")
    assert "PayPal" in got
    got = names(HEAD_DE + "Als Zahlungsarten bieten wir Klarna an. Klarna erhält Ihren Namen und Ihre Anschrift.")
    assert "Klarna" in got


def test_link_only_profiles_en():
    got = names(HEAD_EN + "Follow us: Instagram | Pinterest | LinkedIn\n\nYou can also visit us on Instagram; our "
                "company page on LinkedIn is a simple link.\n\nWe use Stripe for payments.")
    assert got == {"Stripe"}


def test_link_only_profiles_de():
    got = names(HEAD_DE + "Besuchen Sie uns auf Instagram oder auf unserer Facebook-Seite (Link). Unser Profil bei "
                "XING erreichen Sie über einen Link im Footer.\n\nZahlungen wickelt Stripe ab.")
    assert got == {"Stripe"}


def test_profiles_that_receive_data_stay():
    got = names(HEAD_EN + "We maintain a company page on LinkedIn. When you visit it, LinkedIn Ireland Unlimited "
                "Company processes your usage data and we are joint controllers for the page statistics.")
    assert "LinkedIn" in got
    got = names(HEAD_DE + "Folgen Sie uns auf Pinterest: Der Pinterest-Button ist ein Plug-in, das Ihre IP-Adresse an "
                "Pinterest übermittelt.")
    assert "Pinterest" in got


def test_generic_feature_name_of_another_vendor():
    got = names(HEAD_EN + "For the page statistics (Page Insights) of our company page we are joint controllers "
                "with LinkedIn Ireland Unlimited Company.")
    assert got == {"LinkedIn"}
    got = names(HEAD_DE + "Für die Seitenstatistiken (Page Insights) sind wir gemeinsam mit der LinkedIn Ireland "
                "Unlimited Company verantwortlich.")
    assert got == {"LinkedIn"}


def test_self_hosted_software_and_maps():
    got = names(HEAD_EN + "Our shop runs on WooCommerce. Reach is measured with Matomo on our own server. The map "
                "on the contact page is drawn from OpenStreetMap data served from our own server. Hosting: "
                "Serverhafen Systems GmbH, Kassel, Germany.")
    assert got == {"Serverhafen Systems"}
    got = names(HEAD_DE + "Der Shop läuft mit Shopware. Die Anfahrtskarte stammt von OpenStreetMap und wird von "
                "unserem eigenen Server ausgeliefert. Gehostet wird bei der Serverhafen Systems GmbH, Kassel.")
    assert got == {"Serverhafen Systems"}


def test_map_tiles_from_the_vendor_stay():
    got = names(HEAD_DE + "Beim Laden der Karte wird Ihre IP-Adresse an OpenStreetMap übermittelt.")
    assert "OpenStreetMap" in got


def test_data_protection_officer_firm_and_authorities_are_no_parties():
    got = names(HEAD_EN + "Our external data protection officer is Jana Roth, Privacy Partners Nord GmbH, Kiel. "
                "You may complain to the Data Protection Commission, Dublin. We use Stripe.")
    assert got == {"Stripe"}
    got = names(HEAD_DE + "Unser externer Datenschutzbeauftragter: Lars Kern, DSB Küste GmbH, Rostock. Zuständige "
                "Aufsicht ist das Bayerische Landesamt für Datenschutzaufsicht. Zahlungen wickelt Stripe ab.")
    assert got == {"Stripe"}


def test_a_page_of_the_site_is_no_profile_link():
    got = names(HEAD_EN + "When you open a page on our website, fonts are fetched from Hotjar servers.")
    assert "Hotjar" in got
    got = names(HEAD_DE + "Auf jeder Unterseite unserer Website ist Hotjar eingebunden.")
    assert "Hotjar" in got


def test_informal_follow_us_and_profile_presence_are_links_de():
    got = names(HEAD_DE + "Versand erfolgt mit der DHL Paket GmbH.\n\nFolge uns: Instagram · Pinterest\n\n"
                "Auf LinkedIn sind wir mit einem Unternehmensprofil vertreten; auf unserer Website setzen wir nur einen "
                "Verweis dorthin.\n")
    assert "DHL" in " ".join(got)
    assert not {"Instagram", "Pinterest", "LinkedIn"} & got


def test_nothing_reaches_a_linked_platform_until_the_click_en():
    got = names(HEAD_EN + "Our footer has a simple link to our Pinterest board. No data is sent to Pinterest until you click the icon; "
                "the page then opens on their site.\n\nOrders are shipped with DHL Paket GmbH.\n")
    assert not {"Pinterest"} & got


def test_switched_off_features_name_no_party():
    got = names(HEAD_EN + "Sign-in with Facebook was switched off in May 2024, so no data goes to the platform "
                "any more.\n\nOur newsletter is sent with Brevo (Sendinblue SAS, Paris).\n")
    assert "Facebook" not in got and any("Brevo" in n or "Sendinblue" in n for n in got)
    got = names(HEAD_DE + "Die Anmeldung mit Apple wurde im Mai 2024 abgeschaltet.\n\nUnseren Newsletter versenden "
                "wir mit Brevo (Sendinblue SAS, Paris).\n")
    assert "Apple" not in got
