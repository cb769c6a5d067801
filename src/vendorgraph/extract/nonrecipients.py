"""Mentions that are no evidence of a party: opt-out, browser-settings, link and data-protection-officer
clauses, links to the site's own profiles, locally hosted services and self-hosted software, bold
run-in headings, negated use (:mod:`.negated`) and payment *methods* (a card scheme or a footer list
of payment logos names no recipient of data).

>>> from vendorgraph.load import from_text
>>> from vendorgraph.segment import segment
>>> d = from_text("Zahlungsarten: PayPal · Visa. Kartenzahlungen (Visa, Mastercard) wickelt Stripe ab.")
>>> ctx = DocContext.build(d, segment(d.text))
>>> [(m.surface, passive(ctx, m)) for m in ctx.mentions]
[('PayPal', True), ('Visa', True), ('Visa', True), ('Mastercard', True), ('Stripe', False)]
"""

from __future__ import annotations

import re
from functools import lru_cache

from .categories.patterns import fast_rule, found_exactly
from .context import DocContext, Sentence, clause_bounds
from .lexicon import rules, rx
from .mentions import Mention
from .negated import negated_use


def _local_hosting(ctx: DocContext, heading: str) -> bool:
    """True for a heading such as "Google Fonts (local hosting)" (cached per document: every mention
    of a section asks about the same heading)."""
    found = ctx.heading_cache.get(heading)
    if found is None:
        found = ctx.heading_cache[heading] = bool(rx("parties", "local_hosting_heading", re.I).search(heading))
    return found


def _run_in_heading(text: str, m: Mention) -> bool:
    """True for a name that is a bold run-in heading at the start of a paragraph ("**Hotjar.** We ...")."""
    line_start = text.rfind("\n", 0, m.start) + 1
    return bool(re.fullmatch(r"[ \t]*(?:\*\*|__)", text[line_start:m.start])
                and re.match(r"[.:]?(?:\*\*|__)[.:]?[ \t]+\S", text[m.end:m.end + 8]))


def _payment_method(m: Mention, clause: str) -> bool:
    """True for a card scheme named as a way to pay ("Kreditkarte (Visa, Mastercard)") unless the clause
    sends data to it, and for any name in a list of accepted payment methods ("Payment methods: Visa
    PayPal Klarna") that says nothing about data."""
    if rx("parties", "card_schemes").match(m.surface) and not rx("parties", "card_scheme_receives").search(clause):
        return True
    return bool(rx("parties", "payment_method_list", re.I).search(clause)
                and not rx("parties", "payment_list_data", re.I).search(clause))


def _self_hosted(m: Mention, clause: str) -> bool:
    """True for software a site runs itself ("Our shop runs on Shopware", "Reichweitenmessung mit
    Matomo", a map drawn with OpenStreetMap data) unless the clause sends data to its maker."""
    return bool(rx("parties", "self_hosted_software").match(m.surface) and not rx("parties", "self_hosted_sends").search(clause))


@lru_cache(maxsize=64)
def _profile_link(clause: str) -> bool:
    """True for a clause that only points to the site's profiles ("Follow us on Instagram", "unser Profil
    bei XING (Link)", a clause of bracketed link texts only: "[Instagram] · [LinkedIn]") and says nothing of
    data reaching the platform (cached: the mentions of one clause ask the same)."""
    return bool((rx("parties", "link_list_clause").match(clause)
                 or found_exactly(clause, fast_rule(rules("parties")["profile_link_context"])))  # rx(..., re.I).search
                and not rx("parties", "profile_link_data", re.I).search(clause))


def _foreign_generic(ctx: DocContext, m: Mention, start: int, end: int) -> bool:
    """True for a generic feature name that the registry gives to one vendor ("Page Insights") used in a
    sentence about another vendor only ("Page Insights with LinkedIn Ireland Unlimited Company")."""
    if not rx("parties", "generic_service_names").match(m.surface):
        return False
    keys = {n.vendor.key for n in ctx.mentions_in(start, end) if n is not m}
    return bool(keys) and m.vendor.key not in keys


def passive(ctx: DocContext, m: Mention) -> bool:
    """True when the mention sits in an opt-out, browser-settings or link clause (the part of its
    sentence between semicolons, so "Provider: X; Website: https://..." keeps X), in a clause that
    says the vendor is not used (:func:`~.negated.negated_use`) or names a payment method."""
    sent = ctx.sentence_at(m.start)
    if sent is None:
        return False
    if _run_in_heading(ctx.doc.text, m):
        return True  # "**Google Analytics.** We no longer use it.": the bold lead-in names a topic
    seg = ctx.segments[sent.seg]
    heading = seg.text if seg.kind == "heading" else (seg.heading_path[-1] if seg.heading_path else "")
    if heading and _local_hosting(ctx, heading):
        return True  # "Google Fonts (local hosting)": nothing leaves the site
    lo, hi = clause_bounds(sent.text, m.start - sent.start)
    key, clause = sent.start + lo, sent.text[lo:hi]
    if key not in ctx.passive_cache:
        ctx.passive_cache[key] = found_exactly(clause, fast_rule(rules("parties")["non_recipient_context"]))
    return (ctx.passive_cache[key] or _payment_method(m, clause) or _self_hosted(m, clause) or _profile_link(clause)
            or _link_said_next(ctx, sent) or _foreign_generic(ctx, m, sent.start, sent.end) or negated_use(ctx, m))


def _link_said_next(ctx: DocContext, sent: Sentence) -> bool:
    """True when the next sentence of the paragraph names no vendor and says the names before are only links
    ("We are on Instagram and LinkedIn. These are plain links; no data is sent before you click."); asked for
    every mention of a sentence: cached per sentence."""
    found = ctx.link_next_cache.get(sent.start)
    if found is None:
        nxt = ctx.sentence_at(sent.end + 1)
        found = ctx.link_next_cache[sent.start] = (nxt is not None and nxt.seg == sent.seg
                                                   and not ctx.mentions_in(nxt.start, nxt.end)
                                                   and _profile_link(nxt.text.split(";")[0]))
    return found
