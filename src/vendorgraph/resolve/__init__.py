"""Resolve names in facts to registry vendors and entities, and infer registry-backed facts.

``resolve_facts`` is the pipeline stage between extract and graph: it sets ``Party.vendor_id`` to
the registry vendor IRI for every party whose name, alias or service resolves, and leaves the
rest as policy-only vendors. Names are not rewritten (stated facts stay as stated).

Public API (stable; the extractor uses it): :class:`Registry`, :class:`Match`,
:class:`VendorRecord`, :class:`EntityRecord`.
"""

from __future__ import annotations

from dataclasses import replace

from ..model import Facts, Party
from .registry import EntityRecord, Match, Registry, VendorRecord

__all__ = ["EntityRecord", "Match", "Registry", "VendorRecord", "resolve_facts", "resolve_party"]


def resolve_party(party: Party, registry: Registry) -> Match | None:
    """The best registry match for a party: its name first, then its aliases.

    Services are not used: a party that offers "Microsoft Teams" is not thereby Microsoft.
    """
    for name in (party.name, *party.aliases):
        m = registry.resolve(name)
        if m is not None:
            return m
    return None


def resolve_facts(facts: Facts, registry: Registry | None = None) -> Facts:
    """Attach registry vendor IRIs to parties (stage: extract -> resolve -> graph)."""
    reg = registry or Registry.default()
    parties = []
    for p in facts.parties:
        m = resolve_party(p, reg) if p.vendor_id is None else None
        parties.append(replace(p, vendor_id=m.vendor.iri) if m else p)
    return replace(facts, parties=tuple(parties))
