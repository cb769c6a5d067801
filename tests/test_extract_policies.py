"""Whole self-written policies (tests/policies/): a shop, a dental practice, an agency (generator-style
boilerplate) and a sports club (list-style "Dienstanbieter: ...; Website: ..." items) in German, a SaaS
notice (markdown) and a club in English. Expected facts are what an analyst reads from each text."""

from __future__ import annotations

from pathlib import Path

import pytest

from vendorgraph.extract.rules import RuleExtractor
from vendorgraph.load import from_text
from vendorgraph.segment import segment

HERE = Path(__file__).parent / "policies"


def facts_of(name: str):
    doc = from_text((HERE / name).read_text(encoding="utf-8"), name=name)
    return RuleExtractor().extract(doc, segment(doc.text))


def named_flows(f) -> set[tuple[str, str | None, str, tuple[str, ...]]]:
    return {(t.recipient, t.via, t.country, t.mechanisms) for t in f.transfers if not t.recipient.startswith("category:")}


EXPECTED = {
    "de-agentur-generator.txt": dict(
        controller=("Kreativkontor Möller GmbH", "DE"),
        roles={"Wolkenwerk Hosting": ("processor",), "Google": ("recipient",), "Hotjar": ("recipient",),
               "Brevo": ("recipient",), "Vimeo": ("recipient",)},
        flows={("Google", None, "US", ("adequacy", "scc")), ("Vimeo", None, "US", ("none_stated",))},
        negation=False),
    "de-verein-schwenke.txt": dict(
        controller=("Turnverein Grünwald 1898 e.V.", "DE"),
        roles={"Netzwerkhaus": ("processor",), "Zoom": ("processor",), "Meta": ("recipient",)},
        flows={("Zoom", None, "US", ("adequacy", "scc")), ("Meta", None, "US", ("adequacy",))},
        negation=False),
    "de-shop.txt": dict(
        controller=("Bergblick Outdoor GmbH", "DE"),
        roles={"Hetzner": ("processor",), "PayPal": ("controller",), "Meta": ("joint_controller",),
               "Google": ("recipient",), "Mailchimp": ("recipient",), "DHL": ("recipient",)},
        flows={("Google", None, "US", ("adequacy",)), ("Mailchimp", None, "US", ("scc",))},
        negation=True),
    "de-praxis.txt": dict(
        controller=("Zahnarztpraxis Dr. Lena Sommer", "DE"),
        roles={"Doctolib": ("processor",), "RED Medical Systems": ("processor",)},
        flows=set(), negation=True),
    "en-saas.md": dict(
        controller=("Quillboard Ltd", "IE"),  # "Quillboard Ltd, 12 Harbour Lane, Cork, Ireland" under the title
        roles={"Amazon": ("processor", "sub_processor"), "Intercom": ("processor",), "Slack": ("recipient",),
               "Hotjar": ("processor",)},
        flows={("Amazon", "Intercom", "US", ("bcr",)), ("Slack", None, "US", ("derogation",)),
               ("Hotjar", None, "US", ("none_stated",))},  # "previously relied on the Privacy Shield": history
        negation=True),
    "en-club.txt": dict(
        controller=("Riverside Rowing Club e.V.", "DE"),
        roles={"STRATO": ("processor",), "Zoom": ("recipient",)},
        flows={("Zoom", None, "US", ("none_stated",))}, negation=True),
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_policy(name):
    exp, f = EXPECTED[name], facts_of(name)
    assert (f.controller.name, f.controller.country) == exp["controller"]
    roles = {p.name: p.roles for p in f.parties}
    for party, r in exp["roles"].items():
        match = [k for k in roles if k == party or k.startswith(party + " ")]
        assert match and roles[match[0]] == r, (party, roles)
    assert len(f.parties) == len(exp["roles"]), [p.name for p in f.parties]
    got = {(r.split(" ")[0] if r.split(" ")[0] in {k.split(" ")[0] for k in exp["roles"]} else r, v, c, m)
           for r, v, c, m in named_flows(f)}
    assert got == exp["flows"]
    assert bool(f.negations) == exp["negation"]


def test_praxis_category_transfer_from_label_block():
    f = facts_of("de-praxis.txt")
    cats = {(t.recipient, t.country, t.mechanisms) for t in f.transfers}
    assert ("category:it_service_providers", "US", ("scc",)) in cats
