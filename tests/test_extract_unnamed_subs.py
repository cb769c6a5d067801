"""Unnamed sub-processors of a named processor: a phrase between the noun and the country, and a table row
naming them as the processor's. They receive as ``category:it_service_providers`` via the processor."""

from __future__ import annotations

from test_extract_parties import extract

IT = "category:it_service_providers"


def flows(text: str) -> set[tuple[str, str | None, str]]:
    return {(t.recipient, t.via, t.country) for t in extract(text).transfers}


def test_purpose_and_partitive_between_noun_and_country_en():
    got = flows("Controller: Tallow Events Ltd, Cork, Ireland.\n\nWe register guests with Ticketora Inc., Denver, USA, "
                "our processor. Ticketora relies on sub-processors for help-desk and maintenance work, some of which "
                "are based in India and in Vietnam.\n")
    assert {(IT, "Ticketora", "IN"), (IT, "Ticketora", "VN")} <= got
    assert not {("Ticketora", None, "IN"), ("Ticketora", None, "VN")} & got


def test_purpose_and_partitive_between_noun_and_country_de():
    got = flows("Verantwortlich: Kornfeld Reisen GmbH, Ulm.\n\nDie Buchungen verwaltet die Belegwerk GmbH, Köln, als "
                "Auftragsverarbeiter. Belegwerk setzt Unterauftragsverarbeiter für Wartung und Hosting ein, von denen "
                "einige in Indien sitzen.\n")
    assert (IT, "Belegwerk", "IN") in got
    assert ("Belegwerk", None, "IN") not in got


def test_table_row_of_a_processors_sub_processors_en():
    got = flows("Controller: Tallow Events Ltd, Cork, Ireland.\n\nWe use Ticketora Inc. as our processor.\n\n"
                "| Recipient | Country | Safeguard |\n|---|---|---|\n| Ticketora Inc. | USA | DPF |\n"
                "| Sub-processors of Ticketora | India, Vietnam | SCC |\n")
    assert {(IT, "Ticketora", "IN"), (IT, "Ticketora", "VN"), ("Ticketora", None, "US")} <= got
    assert ("Ticketora", None, "IN") not in got


def test_table_row_of_a_processors_sub_processors_de():
    got = flows("Verantwortlich: Kornfeld Reisen GmbH, Ulm.\n\nWir nutzen die Belegwerk GmbH, Köln, als Auftragsverarbeiter.\n\n"
                "| Empfänger | Land | Garantie |\n|---|---|---|\n| Unterauftragsverarbeiter der Belegwerk | Indien | "
                "Standardvertragsklauseln |\n")
    assert (IT, "Belegwerk", "IN") in got
    assert ("Belegwerk", None, "IN") not in got


def test_named_sub_processor_in_a_table_keeps_its_own_row():
    got = flows("Controller: Tallow Events Ltd, Cork, Ireland.\n\nWe use Ticketora Inc. as our processor.\n\n"
                "| Recipient | Role | Country |\n|---|---|---|\n| Cloudhaven LLC | sub-processor of Ticketora | USA |\n")
    assert not any(r == IT for r, _, _ in got)
