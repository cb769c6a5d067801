"""Blanket role statements: a sentence that gives one role to every provider of the section below it,
unless a provider's own text says otherwise ("We use the following providers. Unless stated otherwise they
act on our behalf as processors." above "### Hosting", "### Payments", ...; "Soweit nicht anders angegeben,
handeln die nachfolgend genannten Anbieter als unsere Auftragsverarbeiter").

The statement names no vendor itself and states exactly one role; its scope is the rest of its section,
subsections included (segments whose heading path starts with the statement's own). A vendor named there
takes the role in each (sub)section where no role of its own is stated for it, unless it is named there
as another vendor's sub-processor ("Turnitin stores submissions on servers of AWS").

>>> from vendorgraph.load import from_text
>>> from vendorgraph.segment import segment
>>> from .roles import find_roles
>>> text = ("## Providers\\n\\nUnless stated otherwise, the providers below act as our processors.\\n\\n"
...         "### Video\\n\\nVideos are hosted by Streamora Inc., USA.\\n\\n"
...         "### Payments\\n\\nPayco Ltd is an independent controller for payment data.\\n")
>>> d = from_text(text)
>>> ctx = DocContext.build(d, segment(d.text))
>>> facts, subs = find_roles(ctx)
>>> sorted((r.vendor, r.role) for r in blanket_roles(ctx, facts, subs))
[('local:streamora', 'processor')]
"""

from __future__ import annotations

import re

from .context import DocContext, Sentence
from .lexicon import rules, rx
from .literals import finditer_literal
from .roles import NAMED_ROLES, RoleFact, SubProcessing, _entity, cue_hits


def _statement_role(ctx: DocContext, sent: Sentence) -> str | None:
    """The one role a blanket statement states (None when it names a vendor, or states none or several)."""
    if sent.kind == "heading" or ctx.mentions_in(sent.start, sent.end):
        return None
    roles = {h[0] for h in cue_hits(ctx, sent.start, sent.text, NAMED_ROLES)}
    return roles.pop() if len(roles) == 1 else None


def _scope(ctx: DocContext, sent: Sentence) -> list[Sentence]:
    """The sentences after ``sent`` in its section and subsections (none when the section has no heading)."""
    path = ctx.segments[sent.seg].heading_path
    if not path:
        return []
    out = []
    for s in ctx.sentences_between(sent.end, sent.end + rules("roles")["blanket_reach"]):
        if ctx.segments[s.seg].heading_path[:len(path)] != path:
            break
        out.append(s)
    return out


def _covered(ctx: DocContext, role: str, scope: list[Sentence], facts: list[RoleFact],
             subs: list[SubProcessing]) -> list[RoleFact]:
    """``role`` for each vendor named in ``scope`` in a (sub)section that states no role of its own for it."""
    if not scope:
        return []
    lo, hi = scope[0].start, scope[-1].end
    own: set[tuple[int, str]] = set()  # (section, vendor key) with a stated role
    for r in facts:
        s = ctx.sentence_at(r.span.start) if r.role != "recipient" and lo <= r.span.start < hi else None
        if s is not None:
            own.add((s.section, r.vendor))
    chained = {sp.sub.start for sp in subs}
    out: list[RoleFact] = []
    for sent in scope:
        if sent.kind == "heading":
            continue
        for m in ctx.mentions_in(sent.start, sent.end):
            if m.start in chained or (sent.section, m.vendor.key) in own:
                continue
            own.add((sent.section, m.vendor.key))  # once per (sub)section
            out.append(RoleFact(m.vendor.key, role, ctx.sentence_span(sent, f"role.{role}.blanket", 0.7), _entity(m)))
    return out


def blanket_roles(ctx: DocContext, facts: list[RoleFact], subs: list[SubProcessing]) -> list[RoleFact]:
    """Role evidence that blanket statements give the vendors of their sections (see the module docstring)."""
    out: list[RoleFact] = []
    text = ctx.doc.text
    for m in finditer_literal(rx("roles", "blanket_scope", re.I), text, rules("roles")["blanket_scope"]):
        sent = ctx.sentence_at(m.start())
        role = _statement_role(ctx, sent) if sent is not None else None
        if role is not None:
            out += _covered(ctx, role, _scope(ctx, sent), facts, subs)
    return out
