"""Vendors the policy says it does not use are no parties, but a ``vendor_not_used`` negation (EN + DE)."""

from __future__ import annotations

import pytest

from vendorgraph.extract.rules import RuleExtractor
from vendorgraph.load import from_text
from vendorgraph.model import Facts
from vendorgraph.segment import segment

HEAD_EN = "Privacy notice. The controller is Lindenhof Ceramics Ltd, 4 Mill Lane, Leeds LS1 4AB, United Kingdom.\n\n"
HEAD_DE = "Datenschutzerklärung. Verantwortlich ist die Lindenhof Keramik GmbH, Gartenweg 3, 37073 Göttingen.\n\n"


def extract(text: str) -> Facts:
    doc = from_text(text)
    return RuleExtractor().extract(doc, segment(doc.text))


def names(f: Facts) -> set[str]:
    return {p.name for p in f.parties}


@pytest.mark.parametrize("sentence, gone", [
    ("We do not use Hotjar or any comparable session recording tool.", {"Hotjar"}),
    ("We no longer use Mixpanel on this site.", {"Mixpanel"}),
    ("We don't embed Pinterest buttons, TikTok pixels or Snapchat tags on our pages.", {"Pinterest", "TikTok", "Snapchat"}),
    ("No social plug-ins from Meta or LinkedIn are embedded on this website.", {"Meta", "LinkedIn"}),
    ("Neither Hotjar nor Mixpanel is used here.", {"Hotjar", "Mixpanel"}),
    ("Criteo is no longer used on our website.", {"Criteo"}),
])
def test_negated_use_en(sentence, gone):
    f = extract(HEAD_EN + sentence + " Payments are handled by Stripe.")
    assert not gone & names(f)
    assert "Stripe" in names(f)
    assert [n.kind for n in f.negations] == ["vendor_not_used"]
    assert sentence[:20] in f.negations[0].evidence[0].quote


@pytest.mark.parametrize("sentence, gone", [
    ("Den Facebook-Pixel setzen wir nicht (mehr) ein.", {"Meta"}),
    ("Hotjar verwenden wir nicht mehr.", {"Hotjar"}),
    ("Wir verwenden Mixpanel nicht mehr.", {"Mixpanel"}),
    ("Wir setzen keine Plug-ins von Pinterest oder TikTok ein.", {"Pinterest", "TikTok"}),
    ("Criteo wird auf dieser Website nicht mehr eingesetzt.", {"Criteo"}),
    ("Es werden keine Daten an Mixpanel übermittelt.", {"Mixpanel"}),
    ("Auf Pixel von Meta verzichten wir bewusst.", {"Meta"}),
    ("Wir verzichten auf Tracking durch Criteo.", {"Criteo"}),
    ("Wir nutzen weder Mixpanel noch Criteo.", {"Mixpanel", "Criteo"}),
])
def test_negated_use_de(sentence, gone):
    f = extract(HEAD_DE + sentence + " Zahlungen wickelt Stripe ab.")
    assert not gone & names(f)
    assert "Stripe" in names(f)
    if gone:
        assert [n.kind for n in f.negations] == ["vendor_not_used"]


def test_run_in_bold_heading_is_not_use():
    f = extract(HEAD_DE + "**Mixpanel.** Wir verwenden Mixpanel nicht mehr.\n\n**Hotjar:** Wir nutzen Hotjar für Heatmaps.")
    assert "Mixpanel" not in names(f) and "Hotjar" in names(f)


@pytest.mark.parametrize("text", [
    # conditions, purposes and other subjects keep the vendor a party
    "We do not use Hotjar unless you have consented in the cookie banner.",
    "We do not use Hotjar to build profiles of individual visitors.",
    "If you do not use Hotjar features, nothing is stored. We use Hotjar for heatmaps.",
    "We have no influence on the processing by Hotjar.",
    "We do not use cookies, but Hotjar stores a session identifier.",
    "Wir setzen Hotjar nur mit Ihrer Einwilligung ein und nicht zu Werbezwecken.",
    "Wir verwenden Hotjar nicht nur für Heatmaps, sondern auch für Umfragen.",
    "Ohne Ihre Einwilligung wird Hotjar nicht geladen.",
    "Hotjar verwendet die Daten nicht für eigene Zwecke.",
    "Wir nutzen keine weiteren Dienste in Verbindung mit den Cookies von Hotjar.",
    "We use no other tools together with the cookies of Hotjar.",
    "Neither we nor Hotjar can identify you from these heatmaps.",
])
def test_not_negated(text):
    assert "Hotjar" in names(extract(HEAD_EN + text))
