"""Categories: named organisations vs. categories, negations, cookies, new surface forms (own EN/DE snippets)."""

from __future__ import annotations

from vendorgraph.extract import categories as cat
from vendorgraph.model import Document
from vendorgraph.segment import segment


def _found(fn, text: str) -> list[str]:
    doc = Document("mem", "mem.txt", text)
    return sorted(f.category for f in fn(doc, segment(text)))


def data(text: str) -> list[str]:
    return _found(cat.find_data_categories, text)


def recipients(text: str) -> list[str]:
    return _found(cat.find_recipient_categories, text)


# --- recipients: a label that names one particular, named organisation ---------------------------

def test_parent_company_followed_by_its_name_is_no_category():
    assert recipients("Brightwave Ltd may pass order data to its parent company Brightwave Holdings Inc. in Canada.") == []
    assert recipients("Die Nordlicht GmbH übermittelt Daten an ihre Muttergesellschaft Nordlicht Group AG in Zürich.") == []
    assert recipients("We may disclose data to our subsidiaries Plumcode Iberia S.L.U. and Plumcode Nordic AB.") == []


def test_group_companies_as_a_category_still_count():
    assert recipients("We share your data with our subsidiaries and affiliated companies.") == ["group_companies"]
    assert recipients("Wir übermitteln Daten an unsere Tochtergesellschaften.") == ["group_companies"]


def test_the_hosting_provider_of_a_named_vendor_is_no_category():
    assert recipients("Nimbus Inc., the parent company of the hosting provider, receives support tickets.") == []
    assert recipients("Unsere Website liegt bei der Beispiel Hosting GmbH. Der Hoster verarbeitet als "
                      "Auftragsverarbeiter die Zugriffsdaten.") == []
    assert recipients("We pass your data on to hosting providers.") == ["it_service_providers"]


def test_data_centres_are_places_not_recipients():
    assert recipients("Bookly stores your appointments encrypted in Austrian data centres.") == []
    assert recipients("Der Dienst läuft auf Servern der Serverhof GmbH in Rechenzentren in Leipzig.") == []


def test_a_named_platform_described_as_social_network():
    assert recipients("Wir übermitteln Daten an folgende Dienste:\n- Pinwand: Soziales Netzwerk; Anbieter: Pinwand Inc.") == []
    assert recipients("We share your data with social networks.") == ["social_networks"]


def test_supervisory_authority_for_complaints_or_approval_is_no_recipient():
    assert recipients("You have the right to complain to a supervisory authority about our processing.") == []
    assert recipients("Die Übermittlung beruht auf internen Regeln, die von der zuständigen Aufsichtsbehörde "
                      "genehmigt wurden.") == []
    assert recipients("Wir übermitteln Daten an Aufsichtsbehörden, wenn wir dazu verpflichtet sind.") == ["authorities"]


# --- recipients: new surface forms and cues -------------------------------------------------------

def test_house_bank_and_our_bank():
    assert recipients("Für den Beitragseinzug geben wir Ihre IBAN an unsere Hausbank weiter.") == ["payment_providers"]
    assert recipients("Membership fees are passed on to our bank for collection.") == ["payment_providers"]


def test_billing_centres_and_factoring():
    assert recipients("Rechnungen für Privatpatienten übermitteln wir an private Abrechnungsstellen.") == ["payment_providers"]
    assert recipients("Empfänger ist unser Abrechnungszentrum.") == ["payment_providers"]
    assert recipients("We transfer your invoices to a billing centre (factoring company).") == ["payment_providers"]


def test_female_tax_adviser_and_accountant():
    assert recipients("Daten übermitteln wir an unsere Steuerberaterin.") == ["professional_advisers"]
    assert recipients("Our accountant receives the annual figures.") == ["professional_advisers"]


def test_tax_office_with_submission_cue():
    assert recipients("Die Spendenquittungen werden dem Finanzamt vorgelegt.") == ["authorities"]


def test_numbered_title_introduces_a_recipient_list():
    text = "4) Who else receives data\n- Our tax consultant\n- The liability insurer of the club\n"
    assert recipients(text) == ["other", "professional_advisers"]


def test_cloud_based_software_is_no_it_provider():
    assert recipients("Records are kept in a cloud-based system of Zahnsoft GmbH, which processes them on our behalf.") == []


# --- data: negation, cookies, profile pictures ------------------------------------------------------

def test_negation_a_few_words_after_the_label():
    assert data("Video consultations are not recorded.") == []
    assert data("Video calls will never be recorded by us.") == []


def test_only_necessary_cookies_are_no_identifiers():
    assert data("We only use technically necessary cookies.") == []
    assert data("Wir setzen ausschließlich technisch notwendige Cookies ein.") == []
    assert data("We only use cookies that are necessary for the shopping basket.") == []
    assert data("We use cookies to recognise your browser.") == ["identifiers"]


def test_cookie_banner_and_cookie_heading_are_no_identifiers():
    assert data("Diese Seite nutzt Cookies. [Akzeptieren] [Ablehnen]") == []
    assert data("3. Cookies\n\nWir setzen keine Tracking-Tools ein.") == []


def test_profile_picture_of_an_own_account_is_no_social_media_data():
    assert data("Bei der Registrierung speichern wir Ihr Passwort und optional ein Profilbild.") == ["account"]
    assert data("- Account data: user name, password and profile picture") == ["account"]
    assert data("The plugin transmits your profile picture and likes to the network.") == ["social_media"]


def test_watching_a_video_is_no_recording():
    assert data("YouTube stores no information before you play the video.") == []
    assert data("Der Anbieter speichert nichts, bevor Sie das Video ansehen.") == []


def test_photos_of_a_machine_are_no_audio_video():
    assert "audio_video" not in data("We process support requests and attachments (e.g. photos of the machine).")


# --- data: new surface forms ----------------------------------------------------------------------

def test_image_and_sound_data():
    assert "audio_video" in data("Das Konferenztool verarbeitet Bild- und Tondaten der Teilnehmenden.")


def test_message_and_enquiry_content():
    assert "content" in data("Wir speichern Ihren Namen und Ihre Nachricht.")
    assert "content" in data("We process the content of your enquiry to answer it.")


def test_playback_and_newsletter_click_data():
    assert "usage" in data("Beim Abspielen werden Wiedergabedaten an den Anbieter übertragen.")
    assert "usage" in data("Newsletter: email address, opening and click behaviour.")
    assert "usage" in data("The tool records opening and click rates.")


def test_product_interests_are_marketing():
    assert "marketing" in data("Am Messestand erfassen wir Ihre Produktinteressen.")
    assert "marketing" in data("We record your product interests at trade fairs.")


def test_our_bank_account_is_no_recipient():
    assert recipients("Please transfer the fee to our bank account.") == []
    assert recipients("We pass the amount on to our bank.") == ["payment_providers"]


def test_processed_by_platform_operators():
    assert recipients("When you visit these pages, your data is processed by the platform operators.") == ["social_networks"]
    assert recipients("Ihre Daten werden von den jeweiligen Plattformbetreibern verarbeitet.") == ["social_networks"]


def test_name_in_a_stored_enquiry():
    assert "identity" in data("Ihre Angaben (Name, Telefonnummer) werden bei uns gespeichert.")


def test_hidden_labels_under_a_heading_about_collection():
    assert "identity" in data("What we collect\n\n- Account: name and login\n")
    assert data("Ihre Rechte\n\nEin Bevollmächtigter kann in Ihrem Namen einen Antrag stellen, den wir speichern.") == []
    assert data("Sie können eine Liste der Namen und Adressen von Dritten anfordern, die wir erfasst haben.") == []


def test_function_word_as_item_of_a_recipient_list():
    assert recipients("Recipients may be:\n- customer support and communication tools,\n") == ["customer_support"]
    assert recipients("Recipients:\n- health insurers for billing purposes\n") == ["other"]


def test_requested_url_and_invoices():
    assert "usage" in data("Our server logs the URL requested and the time of access.")
    assert "payment" in data("We process your address, treatment notes and invoices.")
