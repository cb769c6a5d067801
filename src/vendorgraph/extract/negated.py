"""Vendors the policy says it does not use: "We do not use Google Analytics", "Facebook-Pixel
verwenden wir nicht (mehr)", "No plug-ins from Meta or TikTok are embedded".

Such a mention is no evidence of a party; it is a fact of its own (a ``vendor_not_used`` negation).
The negation must govern the mention inside its clause (the part of the sentence between
semicolons): a cue before it, reached through a short gap without a clause break
(``negated_use_before``, ``negation_gap_break``), a cue right after it (``negated_use_after``), or
both halves of a German frame ("Wir verwenden X nicht mehr": ``negated_use_pair``). A condition in
the clause ("unless you consent", "bevor Sie zustimmen": ``negation_conditional``) or a purpose after
the mention ("We do not use X for advertising": ``negation_purpose``) keeps the mention.

>>> from vendorgraph.load import from_text
>>> from vendorgraph.segment import segment
>>> from .context import DocContext, clause_bounds
>>> d = from_text("We do not use Hotjar. We use Stripe. Criteo setzen wir nicht mehr ein.")
>>> ctx = DocContext.build(d, segment(d.text))
>>> [(m.surface, negated_use(ctx, m)) for m in ctx.mentions]
[('Hotjar', True), ('Stripe', False), ('Criteo', True)]
"""

from __future__ import annotations

import re
from functools import cache

from ..model import Negation
from .categories.patterns import fast_rule, found_exactly
from .context import DocContext, clause_bounds
from .lexicon import compile_guarded, rules, rx
from .mentions import Mention

#: How far (characters) a negation cue before a mention may be from it.
GAP = 90


@cache
def _pairs() -> tuple[tuple[re.Pattern[str], re.Pattern[str]], ...]:
    return tuple((compile_guarded(b, re.I), compile_guarded(a, re.I)) for b, a in rules("parties")["negated_use_pair"])


def _clause(ctx: DocContext, m: Mention) -> tuple[int, str] | None:
    """(start, text) of the part of the mention's sentence between semicolons."""
    sent = ctx.sentence_at(m.start)
    if sent is None:
        return None
    lo, hi = clause_bounds(sent.text, m.start - sent.start)
    return sent.start + lo, sent.text[lo:hi]


def _reaches(before: str, cue: re.Pattern[str]) -> bool:
    """True when a cue in ``before`` reaches its end through a short gap without a clause break."""
    last = None
    for last in cue.finditer(before):
        pass
    if last is None:
        return False
    gap = before[last.end():]
    return len(gap) <= GAP and not rx("parties", "negation_gap_break", re.I).search(gap)


def negated_use(ctx: DocContext, m: Mention) -> bool:
    """True when the mention's clause says the vendor is not (or no longer) used or sent data (asked
    for a mention once per document: the answer depends on its place alone)."""
    key = (m.start, m.end)
    found = ctx.negated_cache.get(key)
    if found is None:
        found = ctx.negated_cache[key] = _negated_use(ctx, m)
    return found


def _negated_use(ctx: DocContext, m: Mention) -> bool:
    found = _clause(ctx, m)
    if found is None:
        return False
    start, clause = found
    if not found_exactly(clause, fast_rule(rules("parties")["negation_pretest"])) \
            or rx("parties", "negation_conditional", re.I).search(clause):
        return False
    before, after = clause[:m.start - start], clause[m.end - start:]
    if rx("parties", "negation_purpose", re.I).search(after):
        return False  # "We do not use X for advertising": X is used, for something else
    if _reaches(before, rx("parties", "negated_use_before", re.I)) or rx("parties", "negated_use_after", re.I).search(after):
        return True
    return any(_reaches(before, b) and a.search(after) for b, a in _pairs())


def negated_mentions(ctx: DocContext) -> tuple[Negation, ...]:
    """One ``vendor_not_used`` negation per clause that negates a vendor (not the controller)."""
    out: dict[int, Negation] = {}
    for m in ctx.mentions:
        if m.vendor.key in ctx.controller_keys or not negated_use(ctx, m):
            continue
        start, clause = _clause(ctx, m)  # type: ignore[misc]  # a negated mention has a clause
        lead = len(clause) - len(clause.lstrip())
        end = start + len(clause.rstrip())
        out.setdefault(start, Negation("vendor_not_used", (ctx.span(start + lead, end, "party.negated", 0.8),)))
    return tuple(out[k] for k in sorted(out))
