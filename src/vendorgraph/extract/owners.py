"""Brands and parents the text itself puts under another vendor.

- "Cookiebot, a product of Usercentrics A/S", "FrageBoot, ein Dienst der Umfragewerk GmbH": every mention of
  the brand goes to the owner, with the brand as its service (``product_of``).
- "Mailchimp, a service of ..., an Intuit company", "X is a company of the Y Corporation", "X gehört zur Y Inc.":
  that mention of the parent goes to the vendor before it (``parent_company_before`` / ``parent_company_after``,
  ``parent_company_of``); the parent is an alias of the vendor, not a recipient of its own.
- A brand that names a section ("Einwilligung mit Cookiebot") whose provider the section names as another
  vendor ("Anbieter dieser Technologie ist die Usercentrics A/S", "The provider of this service is ...")
  is that vendor's product (``provider_label_cue``).

The registry may know the brand as a vendor of its own; what the policy says about it wins.
"""

from __future__ import annotations

import re

from .context import DocContext
from .lexicon import rx
from .mentions import Mention, Vendor


def _adjacent(ctx: DocContext) -> tuple[dict[str, Vendor], dict[int, Vendor]]:
    """(brand key -> owner, parent mention start -> vendor) from mentions written next to each other."""
    text, ms = ctx.doc.text, ctx.mentions
    owner: dict[str, Vendor] = {}
    parent: dict[int, Vendor] = {}
    product, before, after = rx("parties", "product_of"), rx("parties", "parent_company_before"), \
        rx("parties", "parent_company_after")
    of = rx("parties", "parent_company_of")
    for a, b in zip(ms, ms[1:]):
        if a.vendor.key == b.vendor.key:
            continue
        gap = text[a.end:b.start]
        if len(gap) < 60 and product.match(gap):
            owner.setdefault(a.vendor.key, b.vendor)
        elif len(gap) < 120 and before.search(gap) and after.match(text, b.end, b.end + 30) \
                or len(gap) < 60 and of.match(gap) and not _named_again(ctx, b):
            parent[b.start] = a.vendor
    return owner, parent


def _named_again(ctx: DocContext, b: Mention) -> bool:
    """True when the clause naming parent ``b`` names it again ("X belongs to Y Corp. and uses Y's servers"):
    the text then says what the parent itself does."""
    sent = ctx.sentence_at(b.start)
    if sent is None:
        return False
    end = ctx.doc.text.find(";", b.end, sent.end)
    return any(m.vendor.key == b.vendor.key for m in ctx.mentions_in(b.end, end if end >= 0 else sent.end))


def _provided(ctx: DocContext, b: Mention, cue_start: int) -> Mention | None:
    """The one brand a provider statement is about: named in its sentence before the cue or in the sentence
    before ("... die Consent-Technologie von Cookiebot. Anbieter dieser Technologie ist ..."), else in the
    heading above."""
    sent = ctx.sentence_at(b.start)
    assert sent is not None
    before = ctx.doc.text[:sent.start].rstrip()
    prev = ctx.sentence_at(len(before) - 1) if before else None
    near = ctx.mentions_in(prev.start if prev is not None and prev.seg == sent.seg else sent.start, cue_start)
    heads = ctx.heading_stack[sent.seg]
    for found in (near, ctx.mentions_in(ctx.segments[heads[-1]].start, ctx.segments[heads[-1]].end) if heads else []):
        if found:
            one = len({m.vendor.key for m in found}) == 1 and found[0].kind in ("brand", "tool", "alias")
            return found[0] if one else None
    return None


def _section_providers(ctx: DocContext, owner: dict[str, Vendor]) -> None:
    """Adds brand key -> provider for a brand whose provider the text names as another vendor."""
    cue, text = rx("parties", "provider_label_cue", re.I), ctx.doc.text
    for b in ctx.mentions:
        sent = ctx.sentence_at(b.start)
        found = cue.search(text, max(sent.start, b.start - 60), b.start) if b.kind == "entity" and sent else None
        a = _provided(ctx, b, found.start()) if found else None
        if a is not None and a.vendor.key != b.vendor.key:
            owner.setdefault(a.vendor.key, b.vendor)


def adopt_products(ctx: DocContext) -> None:
    """Puts owned brands and named parents under their vendor (see the module docstring)."""
    owner, parent = _adjacent(ctx)
    _section_providers(ctx, owner)
    for i, m in enumerate(ctx.mentions):
        v = parent.get(m.start) or owner.get(m.vendor.key)
        if v is None or v.key == m.vendor.key:
            continue
        service = m.vendor.service or (m.vendor.name if m.start not in parent else None)
        vendor = Vendor(v.key, v.name, v.iri, service or v.service, m.vendor.entity_country, v.source)
        ctx.mentions[i] = Mention(m.start, m.end, m.surface, m.kind, vendor, m.confidence)
    ctx.parents = frozenset(parent)
