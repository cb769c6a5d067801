"""Organisations that share a first word but are different: the controller's group companies
("Hartmann Druckluft GmbH" and its parent "Hartmann Holding AG") and namesakes ("Württembergischer
Fußballverband" and "Württembergischer Landessportbund").

Mentions are keyed by their first word (:func:`~.mentions.resolve_name`); this splits such keys again.
"""

from __future__ import annotations

import re

from .context import DocContext
from .lexicon import rules, rx
from .mentions import Mention, Vendor, strip_legal_form


def _core(base: str, strict: bool) -> list[str]:
    """The words of a name that tell organisations apart; outside the controller's own group, regional and
    generic words do not ("Skyhall Ireland" and "Skyhall Technologies" are one vendor)."""
    generic = set() if strict else {w.lower() for w in rules("parties")["namesake_generic_words"]}
    return [w for w in base.split() if w.lower() not in generic] or base.split()


def _name_clusters(bases: list[str], apart: set[str], strict: bool) -> dict[str, str]:
    """base name -> the first base it belongs with: one is a word prefix of the other
    ("Intercom" and "Intercom R&D"), else a new cluster ("FieldOps Software", "FieldOps Romania").
    Bases in ``apart`` (group companies of the controller) always start their own cluster."""
    roots: list[list[str]] = []
    out: dict[str, str] = {}
    cores_apart = [_core(b, strict) for b in apart]
    for base in bases:
        words = _core(base, strict)
        root = None if base in apart else next(
            (r for r in roots if r not in cores_apart and (words[:len(r)] == r or r[:len(words)] == words)), None)
        if root is None:
            roots.append(words)
            root = words
        out[base] = next(b for b in bases if _core(b, strict) == root)
    return out


def split_namesakes(ctx: DocContext) -> None:
    """Local vendors keyed by a shared first word that are different organisations ("Hartmann Druckluft
    GmbH" and its parent "Hartmann Holding AG") get a key of their own; the first-named one (the
    controller, when it is one of them) and the bare first-word aliases keep the shared key."""
    bases: dict[str, list[str]] = {}
    ctrl = {strip_legal_form(n) for n in ctx.controller_names}
    cue, apart = rx("parties", "group_company_cue", re.I), set()
    for m in ctx.mentions:
        if m.kind == "entity" and m.vendor.source == "local":
            base = strip_legal_form(m.surface)
            if base not in bases.setdefault(m.vendor.key, []):
                bases[m.vendor.key].append(base)
            if m.vendor.key in ctx.controller_keys and base not in ctrl and cue.search(ctx.doc.text, max(0, m.start - 60), m.start):
                apart.add(base)
    plans = {k: _name_clusters(bs, apart, k in ctx.controller_keys) for k, bs in bases.items() if len(bs) > 1}
    for key, plan in plans.items():
        first = next((b for b in plan if b in ctrl), next(iter(plan)))
        keep = plan[first]
        for i, m in enumerate(ctx.mentions):
            root = plan.get(strip_legal_form(m.surface)) if m.kind == "entity" and m.vendor.key == key else None
            if root is not None and root != keep:
                v = Vendor(f"local:{root.lower()}", root, None, m.vendor.service, m.vendor.entity_country, "local")
                ctx.mentions[i] = Mention(m.start, m.end, m.surface, m.kind, v, m.confidence)
