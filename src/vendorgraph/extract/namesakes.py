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
from .names import nominative

#: An entity name split in two: (base name, legal form).
Item = tuple[str, str]


def _core(base: str, strict: bool) -> list[str]:
    """The words of a name that tell organisations apart; outside the controller's own group, regional and
    generic words do not ("Skyhall Ireland" and "Skyhall Technologies" are one vendor)."""
    generic = set() if strict else {w.lower() for w in rules("parties")["namesake_generic_words"]}
    return [w for w in base.split() if w.lower() not in generic] or base.split()


def _name_clusters(items: list[Item], apart: set[str], strict: bool) -> dict[Item, Item]:
    """(base name, legal form) -> the first item of its cluster: one base is a word prefix of the other
    ("Intercom" and "Intercom R&D"), else a new cluster ("FieldOps Software", "FieldOps Romania").
    Bases in ``apart`` (group companies of the controller) always start their own cluster. Among the
    controller's own names (``strict``) two legal forms are two companies ("Hallberg Machinery Inc." and
    "Hallberg Machinery (Suzhou) Co., Ltd.", "Mooncastle Games UG" and "Mooncastle Games d.o.o.")."""
    roots: list[tuple[list[str], Item]] = []
    out: dict[Item, Item] = {}
    cores_apart = [_core(b, strict) for b in apart]

    def joins(r: list[str], root: Item, words: list[str], form: str) -> bool:
        if r in cores_apart or not (words[:len(r)] == r or r[:len(words)] == words):
            return False
        return not strict or not form or not root[1] or form == root[1]

    for item in items:
        words = _core(item[0], strict)
        root = None if item[0] in apart else next((first for r, first in roots if joins(r, first, words, item[1])), None)
        if root is None:
            roots.append((words, item))
            root = item
        out[item] = root
    return out


def _item(surface: str) -> Item:
    """(base name, legal form) of an entity name."""
    base = strip_legal_form(surface)
    return nominative(base), surface.strip()[len(base):].strip(" ,.")


def split_namesakes(ctx: DocContext) -> None:
    """Local vendors keyed by a shared first word that are different organisations ("Hartmann Druckluft
    GmbH" and its parent "Hartmann Holding AG") get a key of their own; the first-named one (the
    controller, when it is one of them) and the bare first-word aliases keep the shared key."""
    items: dict[str, list[Item]] = {}
    ctrl = [_item(n) for n in ctx.controller_names]
    cue, apart = rx("parties", "group_company_cue", re.I), set()
    for m in ctx.mentions:
        if m.kind == "entity" and m.vendor.source == "local":
            item = _item(m.surface)
            if item not in items.setdefault(m.vendor.key, []):
                items[m.vendor.key].append(item)
            if m.vendor.key in ctx.controller_keys and item[0] not in {c[0] for c in ctrl} \
                    and cue.search(ctx.doc.text, max(0, m.start - 60), m.start):
                apart.add(item[0])
    plans = {k: _name_clusters(its, apart, k in ctx.controller_keys) for k, its in items.items() if len(its) > 1}
    for key, plan in plans.items():
        first = next((i for i in plan if i in ctrl), next((i for i in plan if i[0] in {c[0] for c in ctrl}), next(iter(plan))))
        keep = plan[first]
        for i, m in enumerate(ctx.mentions):
            root = plan.get(_item(m.surface)) if m.kind == "entity" and m.vendor.key == key else None
            if root is None or root == keep:
                continue
            new_key = f"local:{root[0].lower()}"
            if new_key == key or root[0] == keep[0]:
                new_key += f" {root[1].lower()}"  # "Quillpad Inc." beside the controller "Quillpad" ("we")
            v = Vendor(new_key, root[0], None, m.vendor.service, m.vendor.entity_country, "local")
            ctx.mentions[i] = Mention(m.start, m.end, m.surface, m.kind, v, m.confidence)

