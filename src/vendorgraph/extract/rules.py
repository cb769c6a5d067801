"""The rule-based extractor (English and German): controller, parties and their roles, third-country
transfers with mechanisms and chains, negations, and (through :mod:`.categories`) data and recipient
categories. Every fact carries evidence spans with the rule that fired and a confidence.

Rules and lexicons are data (``ingest/rules``, ``ingest/lexicons``, ``ontology/taxonomies``); the
modules of this package only apply them:

- :mod:`.mentions` organisation names, :mod:`.parties` controller and stated countries, :mod:`.namesakes`
  and :mod:`.owners` which mentions are one vendor, :mod:`.nonrecipients` and :mod:`.negated` mentions that
  are no party,
- :mod:`.roles` roles and sub-processing chains, :mod:`.blanket` roles a section gives all its providers,
  :mod:`.transfers` and :mod:`.flows` transfers.

>>> from vendorgraph.load import from_text
>>> from vendorgraph.segment import segment
>>> d = from_text("Controller: ACME GmbH, Berlin, Germany. We use Confero Video Inc., San Jose, USA.")
>>> f = RuleExtractor().extract(d, segment(d.text))
>>> [(t.recipient, t.country, t.mechanisms, t.explicit) for t in f.transfers]
[('Confero Video', 'US', ('none_stated',), False)]
"""

from __future__ import annotations

from collections import defaultdict
from typing import Sequence

from ..model import CategoryFact, Document, Facts, Party, Segment, Transfer
from .base import filter_by_confidence
from .blanket import blanket_roles
from .context import DocContext
from .flows import build_transfers
from .mentions import Mention, nominative_name, strip_legal_form
from .namesakes import split_namesakes
from .negated import negated_mentions
from .owners import adopt_products
from .parties import entity_countries, find_controller, not_a_party, passive
from .roles import RoleFact, find_roles
from .transfers import statements

#: Evidence spans kept per party.
MAX_PARTY_SPANS = 5


def _display_name(ms: list[Mention]) -> str:
    v = ms[0].vendor
    if not v.key.startswith("local:"):
        return v.name
    entities = [m.surface for m in ms if m.kind == "entity"]
    return strip_legal_form(nominative_name(entities[0])) if entities else ms[0].surface


def _in_heading(ctx: DocContext, m: Mention) -> bool:
    """Headings name topics; a vendor named only in headings receives nothing we know of."""
    sent = ctx.sentence_at(m.start)
    return sent is not None and sent.kind == "heading"


def _stated_roles(ctx: DocContext, roles: list[RoleFact]) -> list[RoleFact]:
    """``roles`` without ``recipient`` evidence from sections where a role is stated for the party ("Recipient:
    Mollie B.V." + "Mollie is our processor"), unless another legal entity of the party has that role there
    ("Google Ireland Limited (as processor)" beside "Google LLC" in one recipients list)."""
    def section(r: RoleFact) -> int:
        sent = ctx.sentence_at(r.span.start)
        return sent.section if sent is not None else -1

    cued: dict[int, set[str]] = {}
    for r in roles:
        if r.role != "recipient":
            cued.setdefault(section(r), set()).add(r.entity)
    return [r for r in roles if r.role != "recipient" or section(r) not in cued
            or r.entity and (cued[section(r)] - {"", r.entity})]


def _unroled_services(ctx: DocContext, active: list[Mention], roles: list[RoleFact]) -> list[RoleFact]:
    """``recipient`` for a service of the party used only in sections that state no role for the party
    ("Google Maps" beside "Google Analytics on our behalf" elsewhere)."""
    if not any(r.role != "recipient" for r in roles):
        return []
    with_role = {s.section for r in roles if (s := ctx.sentence_at(r.span.start)) is not None}
    sections = {id(m): s.section if (s := ctx.sentence_at(m.start)) is not None else -1 for m in active}
    roled = {m.vendor.service for m in active if sections[id(m)] in with_role}
    out = []
    for m in active:
        if m.vendor.service and m.vendor.service not in roled and sections[id(m)] not in with_role:
            out.append(RoleFact(m.vendor.key, "recipient", ctx.span(m.start, m.end, "role.recipient.service", 0.6)))
            with_role.add(sections[id(m)])
    return out


def _party(ctx: DocContext, key: str, ms: list[tuple[int, Mention]], roles: list[RoleFact],
           ent: dict[int, list[tuple[str, int, int]]]) -> Party | None:
    mentions = [m for _, m in ms]
    if all(not_a_party(m.surface) for m in mentions) or not_a_party(mentions[0].vendor.name):
        return None
    active = [m for m in mentions if not passive(ctx, m) and not _in_heading(ctx, m)]
    if not active:
        return None
    name = _display_name(mentions)
    aliases = sorted({m.surface for m in mentions if m.surface != name and not not_a_party(m.surface)})
    services = sorted({m.vendor.service for m in mentions if m.vendor.service}
                      | {m.surface for m in mentions if m.kind == "tool"})
    codes = sorted({code for i, _ in ms for code, _, _ in ent.get(i, [])})
    roles = _stated_roles(ctx, roles) + _unroled_services(ctx, active, roles)
    role_set = sorted({r.role for r in roles}) or ["recipient"]
    first = active[0]
    spans = [ctx.span(first.start, first.end, f"party.{first.kind}", first.confidence)]
    spans += [r.span for r in roles][: MAX_PARTY_SPANS - 1]
    vendor_id = next((m.vendor.iri for m in mentions if m.vendor.iri), None)
    return Party(name, tuple(aliases), tuple(codes), tuple(role_set), tuple(services),
                 tuple(sorted(set(spans), key=lambda s: s.start)), vendor_id)


def _parties(ctx: DocContext, ent: dict[int, list[tuple[str, int, int]]], role_facts: list[RoleFact]
             ) -> tuple[list[Party], dict[str, str]]:
    by_key: dict[str, list[tuple[int, Mention]]] = defaultdict(list)
    for i, m in enumerate(ctx.mentions):
        if m.vendor.key not in ctx.controller_keys:
            by_key[m.vendor.key].append((i, m))
    roles: dict[str, list[RoleFact]] = defaultdict(list)
    for r in role_facts:
        roles[r.vendor].append(r)
    parties, names = [], {}
    for key in sorted(by_key):
        p = _party(ctx, key, by_key[key], roles.get(key, []), ent)
        if p is None:
            continue
        parties.append(p)
        names[key] = p.name
    return sorted(parties, key=lambda p: p.name.lower()), names


def _categories(doc: Document, segments: Sequence[Segment]) -> tuple[tuple[CategoryFact, ...], tuple[CategoryFact, ...]]:
    """(recipient categories, data categories) from the categories module, when it is installed."""
    try:
        from .categories import find_data_categories, find_recipient_categories
    except ImportError:
        return (), ()
    return find_recipient_categories(doc, segments), find_data_categories(doc, segments)


def _with_transfer_categories(rcats: tuple[CategoryFact, ...], transfers: tuple[Transfer, ...]) -> tuple[CategoryFact, ...]:
    """Recipient categories, plus every category that receives a transfer (see the categories module)."""
    try:
        from .categories import with_transfer_categories
    except ImportError:
        return rcats
    return with_transfer_categories(rcats, transfers)


class RuleExtractor:
    """The default extractor. ``min_confidence`` drops facts whose best evidence is weaker."""

    name = "rules"

    def __init__(self, min_confidence: float = 0.0) -> None:
        self.min_confidence = min_confidence

    def extract(self, doc: Document, segments: Sequence[Segment]) -> Facts:
        ctx = DocContext.build(doc, segments)
        controller = find_controller(ctx)
        split_namesakes(ctx)
        adopt_products(ctx)
        ent = entity_countries(ctx)
        role_facts, subs = find_roles(ctx)
        role_facts += blanket_roles(ctx, role_facts, subs)
        ctx.not_topics = frozenset(sp.sub.start for sp in subs)
        parties, names = _parties(ctx, ent, role_facts)
        st = statements(ctx)
        transfers = build_transfers(ctx, st, subs, ent, names)
        rcats, dcats = _categories(doc, segments)
        rcats = _with_transfer_categories(rcats, transfers)
        facts = Facts(doc.name, doc.language, controller, tuple(parties), rcats, transfers, dcats,
                      tuple(st.negations) + negated_mentions(ctx), self.name)
        return filter_by_confidence(facts, self.min_confidence)

