"""The transfer reproducers r19-r27 of tests/generalization/repro give their expected transfers (see its README)."""

from __future__ import annotations

from pathlib import Path

import pytest

from test_extract_parties import extract

REPRO = Path(__file__).parent / "generalization" / "repro"

EXPECTED: dict[str, set[tuple[str, str, str, str]]] = {
    "r19_mech_list_scopes_en": {("Billoria", "", "US", "scc"), ("Chatterbird", "", "US", "adequacy+scc"),
                                ("Lumenfold", "", "GB", "adequacy"), ("Ticketbay", "", "US", "adequacy")},
    "r20_country_brackets_dpf_de": {("Anzeigenwerk", "", "US", "adequacy"), ("Anzeigenwerk", "", "third_countries", "scc"),
                                    ("Postfuchs", "", "US", "adequacy+scc"), ("Regalwerk", "", "CA", "adequacy"),
                                    ("Regalwerk", "", "US", "scc")},
    "r21_definitions_third_country": set(),
    "r22_unnamed_service_providers_en": {
        ("Storeloft", "", "CA", "adequacy"), ("Trackwell", "", "AU", "none_stated"),
        ("category:it_service_providers", "Formloft", "US", "scc"),
        ("category:it_service_providers", "Formloft", "third_countries", "scc"),
        ("category:it_service_providers", "Storeloft", "US", "scc"),
        ("category:it_service_providers", "Trackwell", "US", "scc"),
        ("category:it_service_providers", "Trackwell", "third_countries", "scc")},
    "r23_label_qualifiers": {("Shieldnet", "", "US", "adequacy"), ("Tripvista", "", "US", "derogation"),
                             ("category:logistics", "", "CH", "adequacy")},
    "r24_fallback_mechanism_de": {("Abrechnly", "", "US", "scc"), ("Hilfdesk", "", "US", "adequacy"),
                                  ("Plauderbox", "", "US", "none_stated")},
    "r25_negated_adequacy_de": {("Codeforge", "", "IN", "scc"), ("Plauderbox", "", "US", "derogation")},
    "r26_carrier_customs": {("Alpenpost", "", "CH", "adequacy"), ("category:authorities", "", "CA", "derogation"),
                            ("category:authorities", "", "CH", "adequacy+derogation"),
                            ("category:logistics", "", "CA", "derogation"), ("category:logistics", "", "CH", "derogation")},
    "r27_chains_and_group_de": {("Brenntal", "", "IN", "scc"), ("Brenntal", "", "US", "scc"),
                                ("Plauderraum", "", "US", "scc"), ("Wolkenhaus", "Klickspur", "US", "scc"),
                                ("Wolkenhaus", "Ticketwerk", "US", "scc"),
                                ("category:it_service_providers", "Klickspur", "US", "scc")},
}


def _first(name: str | None) -> str:
    """The first word of a display name (the reproducers test transfers, not display names)."""
    return (name or "").split()[0] if name and not name.startswith("category:") else (name or "")


@pytest.mark.parametrize("stem", sorted(EXPECTED))
def test_repro_transfers(stem: str) -> None:
    facts = extract((REPRO / f"{stem}.txt").read_text(encoding="utf-8"))
    got = {(_first(t.recipient), _first(t.via), t.country, "+".join(t.mechanisms)) for t in facts.transfers}
    assert got == EXPECTED[stem]
