"""Data categories: new surface forms (content, contract, account, applicant/employee, connection) and
negations of lists and switched-off devices (own EN/DE snippets)."""

from __future__ import annotations

import pytest

from vendorgraph.extract import categories as cat
from vendorgraph.model import Document
from vendorgraph.segment import segment


def data(text: str) -> list[str]:
    doc = Document("mem", "mem.txt", text)
    return sorted(f.category for f in cat.find_data_categories(doc, segment(text)))


@pytest.mark.parametrize("text, category", [
    ("When you book a room we store your special requests.", "content"),
    ("Bei der Zimmerbuchung speichern wir Ihre Sonderwünsche.", "content"),
    ("We store the messages you send us and the screenshots you attach.", "content"),
    ("Wir speichern Ihre Nachrichten und Dateianhänge.", "content"),
    ("We process your survey answers.", "content"),
    ("Wir verarbeiten Ihre Antworten auf die Umfrage.", "content"),
    ("If you leave a comment, we store your comment and your name.", "content"),
    ("Wenn Sie kommentieren, speichern wir Ihr Kommentar und Ihren Namen.", "content"),
    ("Dabei können Nachrichten an Server in den USA gelangen.", "content"),
    ("Anfragen per E-Mail und Kontaktformular bearbeiten wir mit einem Ticketsystem.", "content"),
    ("We handle enquiries by e-mail with a helpdesk tool.", "content"),
    ("We store your booking details for the duration of the stay.", "contract"),
    ("Wir speichern den Inhalt Ihrer Bestellung und Ihre Reservierungsdaten.", "contract"),
    ("We process the items you ordered and your order history.", "contract"),
    ("Wir speichern Ihre Bestellhistorie und die bestellten Artikel.", "contract"),
    ("The cookie stores login information for the customer portal.", "account"),
    ("Im Cookie werden Log-in-Informationen für das Kundenportal gespeichert.", "account"),
    ("If we run your payroll, we process data of your employees.", "applicant_employee"),
    ("Übernehmen wir die Lohnbuchhaltung, verarbeiten wir Daten Ihrer Arbeitnehmer.", "applicant_employee"),
    ("The support tool processes technical information about your browser.", "connection"),
    ("Das Support-Tool verarbeitet technische Informationen zum Browser.", "connection"),
    ("We record check-in times and your course progress.", "usage"),
    ("Wir erfassen Check-in-Zeiten und Ihren Kursfortschritt.", "usage"),
    ("We process your qualifications and work experience.", "applicant_employee"),
    ("Wir verarbeiten Ihre Qualifikationen, Berufserfahrung und Zeugnisse.", "applicant_employee"),
    ("We process shipment data such as tracking numbers.", "contract"),
    ("Wir verarbeiten Sendungsdaten wie die Sendungsnummer und Ihre Reparaturaufträge.", "contract"),
    ("We store your delivery address.", "contact"),
    ("Wir speichern Ihre Zustelladresse.", "contact"),
    ("We process your donation history and the donation amount.", "payment"),
    ("Wir verarbeiten Ihre Spendendaten und die Höhe Ihrer Spende.", "payment"),
    ("For the translation we process the documents you send us.", "content"),
    ("Für die Übersetzung verarbeiten wir die von Ihnen übermittelten Dokumente.", "content"),
])
def test_new_surface_forms(text, category):
    assert category in data(text)


@pytest.mark.parametrize("text, category", [
    ("We do not use analytics tools, advertising cookies or social media plug-ins on this website.", "identifiers"),
    ("Wir setzen keine Analyse-Tools, Werbe-Cookies oder Social-Media-Plugins ein.", "identifiers"),
    ("Recordings show only the speakers; attendees' cameras and microphones are switched off.", "audio_video"),
    ("Aufgezeichnet wird nur der Vortrag; Kamera und Mikrofon der Teilnehmer bleiben ausgeschaltet.", "audio_video"),
])
def test_negated_lists_and_switched_off_devices(text, category):
    assert category not in data(text)


@pytest.mark.parametrize("text, category", [
    ("We do not sell your data, but we store cookies for analytics.", "identifiers"),
    ("Wir verkaufen keine Daten, speichern aber Cookies zur Analyse.", "identifiers"),
])
def test_a_new_clause_ends_the_negated_list(text, category):
    assert category in data(text)


@pytest.mark.parametrize("text, category", [
    ("Auf Anfrage übermitteln wir Ihnen eine Kopie.", "content"),
    ("Zur Beantwortung von Anfragen verarbeiten wir Daten.", "content"),
    ("We reply to inquiries from business partners.", "content"),
    ("You can book an appointment; we process the booking data (name, reason for visit).", "contract"),
    ("We process data in order to answer your questions.", "contract"),
])
def test_weak_words_give_no_category(text, category):
    assert category not in data(text)


@pytest.mark.parametrize("text, category", [
    ("Processed data types: Event data (Facebook).", "usage"),
    ("Verarbeitete Datenarten: Event-Daten (Facebook).", "usage"),
    ("We process your social insurance number and tax ID.", "identity"),
    ("Wir verarbeiten Ihre Steuer-ID und Ihre Sozialversicherungsnummer.", "identity"),
])
def test_generator_and_identity_forms(text, category):
    assert category in data(text)


@pytest.mark.parametrize("text", [
    "You can block cookies in your browser settings at any time.",
    "Sie können Cookies in Ihren Browsereinstellungen jederzeit löschen.",
    "Cookies are small text files stored on your device.",
    "Cookies sind kleine Textdateien, die auf Ihrem Endgerät gespeichert werden.",
    "For more information on cookies, see our cookie policy.",
])
def test_cookie_explanations_and_browser_settings_are_no_identifiers(text):
    assert "identifiers" not in data(text)


@pytest.mark.parametrize("text", [
    "We use cookies to analyse how visitors use our website.",
    "Wir setzen Cookies ein, um Ihr Nutzungsverhalten zu analysieren.",
])
def test_cookies_in_use_are_identifiers(text):
    assert "identifiers" in data(text)
