"""Sub-processor wording read the right way round, lists of sub-processors, indented label lines, table rows,
back-references to earlier transfers, link-only and former vendors (own wording, EN + DE)."""

from __future__ import annotations

import pytest

from test_extract_parties import extract


def flows(text: str) -> set[tuple[str, str | None, str]]:
    return {(t.recipient, t.via, t.country) for t in extract(text).transfers}


def names(text: str) -> set[str]:
    return {p.name for p in extract(text).parties}


def test_sub_processor_of_names_the_processor_after_it():
    text = ("Hosting\nWe use Cloudkeep B.V., Amsterdam, as processor. Tallyhawk Inc., Denver, USA (sub-processor of "
            "Cloudkeep B.V.) stores backups under standard contractual clauses.\n")
    assert flows(text) == {("Tallyhawk", "Cloudkeep", "US")}


def test_a_lead_in_names_the_processor_of_the_list_below():
    text = ("Kundenservice\nUnser Ticketsystem betreibt die Helpwerk GmbH, Köln. Helpwerk setzt folgende "
            "Unterauftragsverarbeiter ein:\n- Routemail Inc., Denver, USA (E-Mail-Versand; Standardvertragsklauseln)\n"
            "- Datenhafen GmbH, Frankfurt (Hosting)\n")
    assert ("Routemail", "Helpwerk", "US") in flows(text)
    text = ("Support\nOur help desk is run by Deskly Ltd, Dublin. Deskly uses the following sub-processors:\n"
            "- Pingpost Inc., Denver, USA (email delivery; standard contractual clauses)\n- Cloudkeep B.V., Amsterdam (hosting)\n")
    assert ("Pingpost", "Deskly", "US") in flows(text)


def test_an_indented_label_line_belongs_to_its_bullet():
    text = ("Dienstleister\n- Planwerk GmbH, Leipzig (Projektsoftware)\n- Solarmap Inc., Denver, USA (Dachplanung)\n"
            "  Drittlandübermittlung: USA, Standardvertragsklauseln\n")
    got = flows(text)
    assert ("Solarmap", None, "US") in got and not any(r == "Planwerk" for r, _, _ in got)


def test_a_table_row_is_about_its_first_cell():
    text = ("Providers\n| Provider | Country | Safeguard |\n|---|---|---|\n"
            "| Tallyhawk Inc., Denver | USA | SCC, agreed via Adwave GmbH |\n")
    assert flows(text) == {("Tallyhawk", None, "US")}


def test_a_back_reference_adds_no_unnamed_third_country():
    text = ("Newsletter\nWe send newsletters with Mailcloud Inc., Denver, USA, under standard contractual clauses.\n\n"
            "Transfers\nWe transfer personal data to third countries only in the cases described above (Mailcloud).\n")
    got = flows(text)
    assert ("Mailcloud", None, "US") in got and ("Mailcloud", None, "third_countries") not in got


def test_the_usa_and_other_countries_is_both():
    text = ("Support\nOur support partner Helpstream Inc., Austin, USA, may access data from the USA and other countries "
            "outside the EU; standard contractual clauses apply.\n")
    assert {("Helpstream", None, "US"), ("Helpstream", None, "third_countries")} <= flows(text)


@pytest.mark.parametrize("text, gone", [
    ("Social media\nWe have profiles on Instagram and LinkedIn. These are plain links; no data reaches the platforms "
     "before you click.\n", {"Instagram", "LinkedIn"}),
    ("Error tracking\nWe have removed Sentry from our app in 2024.\n", {"Sentry"}),
    ("Analytics\nWe measure page views with PostHog, which we operate ourselves on our own servers in Frankfurt.\n",
     {"PostHog"}),
    ("Analyse\nDie Reichweite messen wir mit Matomo, das wir selbst betreiben.\n", {"Matomo"}),
])
def test_link_only_former_and_self_operated_vendors_are_no_parties(text, gone):
    assert not gone & names("Privacy notice of Lindenhof Ceramics Ltd, Leeds, United Kingdom.\n\n" + text)


def test_an_acronym_inside_a_name_is_no_opt_out_site():
    text = "Assistant\nOur chat assistant uses OpenAI Ireland Ltd, Dublin, which processes the questions on our behalf.\n"
    assert any("OpenAI" in n for n in names(text))


def test_decides_how_data_is_processed_names_the_controller():
    from vendorgraph.load import from_text
    from vendorgraph.pipeline import extract_document

    text = ("Privacy\n\nBrightmoor Language School Ltd decides how your personal data is processed. Lessons run on "
            "Classly GmbH, which acts on our behalf.\n")
    assert extract_document(from_text(text)).controller.name == "Brightmoor Language School Ltd"
