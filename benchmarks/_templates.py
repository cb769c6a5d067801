"""Sentence material for ``generate.py``: English and German templates, names, mechanisms.

Benchmark data only (the product reads its vocabularies from ``ontology/`` and ``ingest/rules``).
"""

from __future__ import annotations

LEGAL_FORMS = ("GmbH", "AG", "SE", "Inc.", "LLC", "Ltd.", "Limited", "B.V.", "S.A.", "plc", "Corp.", "KG")
FALLBACK_VENDORS = [("Cloud", "Hosting", "Inc.", "US"), ("Mail", "Relay", "Ltd.", "GB"),
                    ("Pay", "Bridge", "B.V.", "NL"), ("Track", "Metrics", "LLC", "US")]
SYLLABLES = ["ka", "lo", "mi", "ren", "to", "sa", "vi", "del", "no", "ra", "bel", "ti", "ko", "man", "su", "ve",
             "la", "dor", "pi", "gen"]
NAME_A = ["Nord", "Blue", "Silver", "Alpen", "Rhein", "Oak", "Stern", "Bright", "Linden", "Falk", "Hafen",
          "Green", "Kessel", "Maple", "Sonnen", "Iron", "Weiss", "River", "Berg", "Cedar"]
NAME_B = ["wind", "crest", "feld", "stone", "licht", "bridge", "hof", "field", "werk", "gate", "bach", "well"]
TRADES = {"en": ["Retail", "Media", "Travel", "Software", "Logistics", "Health", "Fashion", "Insurance", "Games"],
          "de": ["Handels", "Medien", "Reise", "Software", "Logistik", "Gesundheits", "Mode", "Versicherungs", "Spiele"]}
CONTROLLER_FORMS = {"en": ["Ltd.", "Limited", "GmbH", "B.V.", "plc", "S.A."], "de": ["GmbH", "AG", "GmbH & Co. KG", "SE"]}
CITIES = {"en": ["Dublin, Ireland", "Amsterdam, Netherlands", "Berlin, Germany", "Madrid, Spain", "Vienna, Austria"],
          "de": ["Berlin, Deutschland", "München, Deutschland", "Hamburg, Deutschland", "Wien, Österreich",
                 "Köln, Deutschland"]}
EEA = {"AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU", "IE", "IT", "LT", "LU",
       "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK", "IS", "LI", "NO"}
THIRD = ["US", "US", "US", "GB", "SG", "IN", "CH", "JP", "CA", "AU", "BR", "IL", "KR"]
MECHANISMS = ["adequacy", "dpf", "scc", "scc", "bcr", "consent", "contract", "privacy_shield", "none",
              "safeguards", "supplementary"]

_COUNTRY_EN = {"US": "the United States", "GB": "the United Kingdom", "SG": "Singapore", "IN": "India",
               "CH": "Switzerland", "JP": "Japan", "CA": "Canada", "AU": "Australia", "BR": "Brazil",
               "IL": "Israel", "KR": "South Korea", "DE": "Germany", "IE": "Ireland", "NL": "the Netherlands",
               "FR": "France", "LU": "Luxembourg", "SE": "Sweden", "AT": "Austria", "ES": "Spain", "IT": "Italy"}
_COUNTRY_DE = {"US": "die USA", "GB": "das Vereinigte Königreich", "SG": "Singapur", "IN": "Indien",
               "CH": "die Schweiz", "JP": "Japan", "CA": "Kanada", "AU": "Australien", "BR": "Brasilien",
               "IL": "Israel", "KR": "Südkorea", "DE": "Deutschland", "IE": "Irland", "NL": "die Niederlande",
               "FR": "Frankreich", "LU": "Luxemburg", "SE": "Schweden", "AT": "Österreich", "ES": "Spanien",
               "IT": "Italien"}

EN = {
    "title": ["Privacy Policy of {ctrl}", "Privacy Notice", "Data Protection Policy", "How {ctrl} protects your data"],
    "h_controller": ["1. Who is responsible for your data?", "1. Controller", "1. Contact details of the controller"],
    "controller": [
        "The controller responsible for the processing of your personal data is {ctrl}, {city}.",
        "{ctrl}, {city} (\"we\", \"us\") is the controller within the meaning of the GDPR.",
        "Responsible for data processing on this website is {ctrl}, registered office in {city}."],
    "dpo": ["You can reach our data protection officer at privacy@example.com or at the address of {ctrl}.",
            "We have appointed a data protection officer, who can be contacted at dpo@example.org."],
    "h_data": ["2. Which data we process", "2. Categories of personal data", "2. What information do we collect?"],
    "data_intro": ["We process the following categories of personal data: {cats}.",
                   "Depending on how you use our services, we collect {cats}.",
                   "The personal data we process includes {cats}."],
    "data": ["contact details such as name and e-mail address", "postal address", "payment information",
             "order history", "usage data and log files", "IP addresses", "device identifiers",
             "location data", "health data you provide", "account credentials", "communication content"],
    "h_recipients": ["3. Recipients of your data", "3. Who do we share your data with?", "3. Processors"],
    "recipient_cats": ["IT service providers", "payment service providers", "shipping companies",
                       "marketing agencies", "tax advisers and auditors", "public authorities where required by law",
                       "customer support providers", "hosting providers"],
    "recipient_cat": ["We disclose personal data to {rc} where this is necessary.",
                      "Your data may be shared with {rc}.",
                      "Recipients of personal data include {rc}, who process it only on our instructions."],
    "processor": [
        "We use {svc}, a service of {ent}, {where}, for {purpose}. {ent} acts as our processor.",
        "For {purpose} we rely on {ent} ({where}), which processes your data on our behalf.",
        "Our website uses {svc}. The provider is {ent}, {where}. We have concluded a data processing agreement "
        "with {ent} under Art. 28 GDPR.",
        "{ent}, {where}, provides {svc} to us for {purpose}."],
    "purposes": ["hosting our website", "sending newsletters", "web analytics", "payment processing",
                 "customer support", "fraud prevention", "online advertising", "video conferencing",
                 "cloud storage", "order fulfilment", "error tracking"],
    "chain": ["{ent} engages sub-processors, including {sub} in {where}.",
              "{ent} may pass your data to its sub-processor {sub}, {where}.",
              "For this purpose {ent} uses {sub} ({where}) as a further processor."],
    "h_transfer": ["4. Transfers to third countries", "4. International data transfers",
                   "4. Transfer of data outside the EU/EEA"],
    "no_transfer": ["We do not transfer personal data to third countries outside the EU or the EEA.",
                    "Your personal data is processed exclusively within the European Union; no transfer to a "
                    "third country takes place."],
    "transfer": ["When we use {ent}, personal data is transferred to {where}. {mech}",
                 "Data processed by {ent} may be transferred to servers in {where}. {mech}",
                 "{ent} transfers personal data to {where}. {mech}"],
    "unnamed_transfer": ["Some of our service providers may transfer data to other third countries; in that case "
                         "we ensure an adequate level of protection."],
    "mech": {
        "adequacy": ["The European Commission has issued an adequacy decision for this country.",
                     "The transfer is based on an adequacy decision of the European Commission (Art. 45 GDPR)."],
        "dpf": ["The recipient is certified under the EU-U.S. Data Privacy Framework.",
                "The transfer relies on the adequacy decision for the EU-US Data Privacy Framework."],
        "scc": ["The transfer is safeguarded by the standard contractual clauses of the European Commission.",
                "We have concluded standard data protection clauses (Art. 46(2)(c) GDPR) with the recipient."],
        "bcr": ["The transfer is based on binding corporate rules approved by the competent authority."],
        "consent": ["The transfer takes place on the basis of your explicit consent (Art. 49(1)(a) GDPR)."],
        "contract": ["The transfer is necessary for the performance of the contract with you "
                     "(Art. 49(1)(b) GDPR)."],
        "privacy_shield": ["The recipient is certified under the EU-US Privacy Shield."],
        "none": ["Please note that this country may not offer a level of data protection equivalent to the EU."],
        "safeguards": ["Appropriate safeguards pursuant to Art. 46 GDPR are in place."],
        "supplementary": ["In addition to standard contractual clauses we have agreed supplementary measures such "
                          "as encryption."]},
    "country": _COUNTRY_EN,
    "h_filler": ["Cookies", "Your rights", "Retention periods", "Security of processing", "Newsletter",
                 "Contact form", "Legal bases", "Changes to this policy", "Server log files", "Social media"],
    "filler": [
        "We store personal data only for as long as necessary for the purposes stated, generally {days} days.",
        "You have the right to access, rectify and erase your personal data and to restrict its processing.",
        "You may object to the processing of your data at any time with effect for the future.",
        "We use technical and organisational measures to protect your data against loss and unauthorised access.",
        "The legal basis for this processing is our legitimate interest pursuant to Art. 6(1)(f) GDPR.",
        "Where you have given consent, the legal basis is Art. 6(1)(a) GDPR; you can withdraw it at any time.",
        "Cookies are small text files that your browser stores on your device.",
        "You have the right to lodge a complaint with a supervisory authority.",
        "{ctrl} may update this policy from time to time; the current version is always available on our website.",
        "Log files are deleted automatically after {days} days unless a security incident requires longer storage.",
        "If you subscribe to our newsletter, we use your e-mail address only for sending it.",
        "Providing your data is neither legally nor contractually required, but without it we cannot answer you.",
        "We do not use automated decision-making, including profiling, within the meaning of Art. 22 GDPR."],
}

DE = {
    "title": ["Datenschutzerklärung der {ctrl}", "Datenschutzhinweise", "Datenschutzerklärung",
              "Informationen zum Datenschutz"],
    "h_controller": ["1. Verantwortlicher", "1. Wer ist für die Datenverarbeitung verantwortlich?",
                     "1. Name und Anschrift des Verantwortlichen"],
    "controller": [
        "Verantwortlich für die Verarbeitung Ihrer personenbezogenen Daten ist die {ctrl}, {city}.",
        "Verantwortlicher im Sinne der DSGVO ist die {ctrl} mit Sitz in {city}.",
        "Verantwortliche Stelle für die Datenverarbeitung auf dieser Website ist die {ctrl}, {city}."],
    "dpo": ["Unseren Datenschutzbeauftragten erreichen Sie unter datenschutz@example.de.",
            "Die {ctrl} hat einen Datenschutzbeauftragten bestellt, den Sie unter der obigen Anschrift erreichen."],
    "h_data": ["2. Welche Daten wir verarbeiten", "2. Kategorien personenbezogener Daten"],
    "data_intro": ["Wir verarbeiten folgende Kategorien personenbezogener Daten: {cats}.",
                   "Je nach Nutzung unserer Dienste erheben wir {cats}."],
    "data": ["Kontaktdaten wie Name und E-Mail-Adresse", "Anschrift", "Zahlungsdaten", "Bestelldaten",
             "Nutzungsdaten und Logfiles", "IP-Adressen", "Gerätekennungen", "Standortdaten",
             "Gesundheitsdaten", "Zugangsdaten", "Kommunikationsinhalte"],
    "h_recipients": ["3. Empfänger Ihrer Daten", "3. Weitergabe an Dritte", "3. Auftragsverarbeiter"],
    "recipient_cats": ["IT-Dienstleister", "Zahlungsdienstleister", "Versanddienstleister", "Werbeagenturen",
                       "Steuerberater und Wirtschaftsprüfer", "Behörden, soweit gesetzlich vorgeschrieben",
                       "Hosting-Anbieter"],
    "recipient_cat": ["Wir geben personenbezogene Daten an {rc} weiter, soweit dies erforderlich ist.",
                      "Empfänger Ihrer Daten können {rc} sein.",
                      "Ihre Daten werden an {rc} übermittelt, die sie nur nach unserer Weisung verarbeiten."],
    "processor": [
        "Wir nutzen {svc}, einen Dienst der {ent}, {where}, für {purpose}. Die {ent} ist unser Auftragsverarbeiter.",
        "Für {purpose} setzen wir die {ent} ({where}) ein, die Ihre Daten in unserem Auftrag verarbeitet.",
        "Unsere Website nutzt {svc}. Anbieter ist die {ent}, {where}. Mit der {ent} haben wir einen Vertrag zur "
        "Auftragsverarbeitung nach Art. 28 DSGVO geschlossen.",
        "Die {ent}, {where}, stellt uns {svc} für {purpose} bereit."],
    "purposes": ["das Hosting unserer Website", "den Versand des Newsletters", "die Webanalyse",
                 "die Zahlungsabwicklung", "den Kundensupport", "die Betrugsprävention", "Online-Werbung",
                 "Videokonferenzen", "die Speicherung in der Cloud", "die Auftragsabwicklung"],
    "chain": ["Die {ent} setzt Unterauftragsverarbeiter ein, darunter die {sub} in {where}.",
              "Die {ent} kann Ihre Daten an ihren Unterauftragsverarbeiter {sub}, {where}, weitergeben.",
              "Hierfür nutzt die {ent} die {sub} ({where}) als weiteren Auftragsverarbeiter."],
    "h_transfer": ["4. Übermittlung in Drittländer", "4. Datenübermittlung außerhalb der EU/des EWR"],
    "no_transfer": ["Eine Übermittlung personenbezogener Daten in Drittländer findet nicht statt.",
                    "Ihre Daten werden ausschließlich innerhalb der Europäischen Union verarbeitet; eine "
                    "Übermittlung in ein Drittland erfolgt nicht."],
    "transfer": ["Bei der Nutzung der {ent} werden personenbezogene Daten in {where} übermittelt. {mech}",
                 "Die {ent} übermittelt Ihre Daten in {where}. {mech}",
                 "Dabei kann eine Übermittlung Ihrer Daten durch die {ent} in {where} stattfinden. {mech}"],
    "unnamed_transfer": ["Einzelne Dienstleister können Daten in weitere Drittländer übermitteln; wir stellen dann "
                         "ein angemessenes Datenschutzniveau sicher."],
    "mech": {
        "adequacy": ["Für dieses Land liegt ein Angemessenheitsbeschluss der EU-Kommission vor.",
                     "Die Übermittlung stützt sich auf einen Angemessenheitsbeschluss (Art. 45 DSGVO)."],
        "dpf": ["Der Empfänger ist unter dem EU-US Data Privacy Framework zertifiziert."],
        "scc": ["Die Übermittlung erfolgt auf Grundlage der Standardvertragsklauseln der EU-Kommission.",
                "Mit dem Empfänger haben wir Standarddatenschutzklauseln (Art. 46 Abs. 2 lit. c DSGVO) vereinbart."],
        "bcr": ["Die Übermittlung erfolgt auf Grundlage verbindlicher interner Datenschutzvorschriften "
                "(Binding Corporate Rules)."],
        "consent": ["Die Übermittlung erfolgt auf Grundlage Ihrer ausdrücklichen Einwilligung "
                    "(Art. 49 Abs. 1 lit. a DSGVO)."],
        "contract": ["Die Übermittlung ist für die Erfüllung des Vertrags mit Ihnen erforderlich "
                     "(Art. 49 Abs. 1 lit. b DSGVO)."],
        "privacy_shield": ["Der Empfänger ist unter dem EU-US Privacy Shield zertifiziert."],
        "none": ["Bitte beachten Sie, dass in diesem Land kein der EU vergleichbares Datenschutzniveau besteht."],
        "safeguards": ["Es bestehen geeignete Garantien nach Art. 46 DSGVO."],
        "supplementary": ["Zusätzlich zu Standardvertragsklauseln haben wir ergänzende Maßnahmen wie "
                          "Verschlüsselung vereinbart."]},
    "country": _COUNTRY_DE,
    "h_filler": ["Cookies", "Ihre Rechte", "Speicherdauer", "Datensicherheit", "Newsletter", "Kontaktformular",
                 "Rechtsgrundlagen", "Änderungen dieser Datenschutzerklärung", "Server-Logfiles"],
    "filler": [
        "Wir speichern personenbezogene Daten nur so lange, wie es für die genannten Zwecke erforderlich ist, "
        "in der Regel {days} Tage.",
        "Sie haben das Recht auf Auskunft, Berichtigung, Löschung und Einschränkung der Verarbeitung.",
        "Sie können der Verarbeitung Ihrer Daten jederzeit mit Wirkung für die Zukunft widersprechen.",
        "Wir setzen technische und organisatorische Maßnahmen ein, um Ihre Daten vor Verlust zu schützen.",
        "Rechtsgrundlage ist unser berechtigtes Interesse nach Art. 6 Abs. 1 lit. f DSGVO.",
        "Soweit Sie eingewilligt haben, ist Rechtsgrundlage Art. 6 Abs. 1 lit. a DSGVO; die Einwilligung ist "
        "jederzeit widerruflich.",
        "Cookies sind kleine Textdateien, die Ihr Browser auf Ihrem Endgerät speichert.",
        "Sie haben das Recht, sich bei einer Aufsichtsbehörde zu beschweren.",
        "Die {ctrl} passt diese Datenschutzerklärung bei Bedarf an; es gilt die jeweils aktuelle Fassung.",
        "Logfiles werden nach {days} Tagen automatisch gelöscht.",
        "Eine automatisierte Entscheidungsfindung einschließlich Profiling nach Art. 22 DSGVO findet nicht statt."],
}

LANG = {"en": EN, "de": DE}
