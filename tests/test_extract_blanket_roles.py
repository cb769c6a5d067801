"""A blanket role statement covers the providers of the subsections below it, English and German."""

from __future__ import annotations

from test_extract_parties import extract, party

EN = """# Privacy policy

Controller: Harbourline Tutoring Ltd, Galway, Ireland.

## 5. Who helps us

Unless stated otherwise, the providers below act on our behalf as processors.

### Video lessons

Our lessons are streamed through Lumenreel Inc., Austin, Texas, USA. Lumenreel receives your IP address.

### Card payments

Card payments are handled by Paystead Ltd, Dublin, Ireland. Paystead acts as an independent controller.

### Storage

Our quiz server stores its backups on Kestrelbox GmbH infrastructure in Hamburg.

## 6. Newsletter

We send our newsletter with Briefwerk GmbH, Leipzig, Germany. Briefwerk receives your email address.
"""

DE = """# Datenschutzerklärung

Verantwortlich: Holzwerk Brandl GmbH, Passau.

## 4. Dienstleister

Soweit nicht anders angegeben, handeln die nachfolgend genannten Anbieter als unsere Auftragsverarbeiter.

### Terminbuchung

Termine buchen Sie über die Kalendaro GmbH, Köln. Kalendaro erhält Ihren Namen und Ihre E-Mail-Adresse.

### Zahlungen

Zahlungen wickelt die Zahlwerk AG, München, ab. Die Zahlwerk AG ist eigenständig verantwortlich.

## 5. Versand

Den Versand übernimmt die Paketflink GmbH, Bremen. Paketflink erhält Ihre Anschrift.
"""


def test_blanket_processor_en():
    f = extract(EN)
    assert party(f, "Lumenreel Inc.").roles == ("processor",)
    assert party(f, "Paystead Ltd").roles == ("controller",)  # its own subsection states another role
    assert party(f, "Briefwerk GmbH").roles == ("recipient",)  # outside the section


def test_blanket_processor_de():
    f = extract(DE)
    assert party(f, "Kalendaro GmbH").roles == ("processor",)
    assert party(f, "Zahlwerk AG").roles == ("controller",)
    assert party(f, "Paketflink GmbH").roles == ("recipient",)


def test_blanket_needs_an_unless_clause_and_a_heading():
    plain = extract("Controller: Sunfield Ltd, Cork, Ireland.\n\nThe providers act as processors. "
                    "We also show maps from Kartoflow Inc., Denver, USA. Kartoflow receives your IP address.\n")
    assert "processor" not in party(plain, "Kartoflow Inc.").roles
