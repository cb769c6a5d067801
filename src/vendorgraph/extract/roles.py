"""GDPR roles from textual evidence, and processor -> sub-processor chains.

A role surface form (``roles.ttl``) in a sentence gives that role to the parties the sentence
names, or, when it names none but points back ("the provider", "der Anbieter"), to the vendor the
section is about; when it points back to several ("Both platforms", "Die genannten Dienstleister"),
to the vendors named before it in the section. A "Role:" line of a vendor block gives its roles to
that vendor; in a line of ";"-separated vendor entries a cue stays in its entry. "A relies on
services from B" (also "A engages / runs on / stores data on B", "A setzt B als Unterauftragsverarbeiter
ein", "Rechenzentren der B"; rules in ``ingest/rules/roles.json``) makes B a sub-processor of A, except
within one group. A party named in a "Recipients:" block, or as the target of a transfer ("we transmit ... to X", "X receives"), is a
recipient there; a party with no role evidence at all is a recipient.

>>> from vendorgraph.load import from_text
>>> from vendorgraph.segment import segment
>>> d = from_text("We use Notula Labs Inc. as a processor on our behalf. Notula relies on services from Rackhaus LLC.")
>>> ctx = DocContext.build(d, segment(d.text))
>>> found, subs = find_roles(ctx)
>>> sorted({r.role for r in found})
['processor', 'sub_processor']
>>> [(s.sub.surface, s.via.surface) for s in subs]
[('Rackhaus LLC', 'Notula')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Span
from .context import DocContext, Sentence, clause_bounds
from .lexicon import rules, rx
from .literals import may_match
from .mentions import Mention

#: Roles a surface form can give (``recipient`` is the default, not a cue).
CUED_ROLES = ("controller", "joint_controller", "processor", "sub_processor")
#: The cued roles a sentence gives the vendors it names (a sub-processor is always some vendor's own: chains).
NAMED_ROLES = tuple(r for r in CUED_ROLES if r != "sub_processor")


def cue_hits(ctx: DocContext, start: int, text: str, roles: tuple[str, ...] = CUED_ROLES) -> list[tuple[str, int, int]]:
    """The role cues of ``roles`` in ``text`` (the document's text from ``start``), offsets relative to ``start``,
    without a negation in the 40 characters before ("not as a processor", "kein Auftragsverarbeiter")."""
    neg = rx("roles", "negated_before", re.I)
    return [h for h in ctx.hits("role", start, start + len(text)) if h[0] in roles
            and not neg.search(text, max(0, h[1] - 40), h[1])]


@dataclass(frozen=True)
class RoleFact:
    vendor: str  # vendor key
    role: str
    span: Span
    entity: str = ""  # the legal entity named ("Google LLC"), when the mention was one


@dataclass(frozen=True)
class SubProcessing:
    sub: Mention
    via: Mention
    span: Span


def _entity(m: Mention) -> str:
    return m.surface if m.kind == "entity" else ""


def _unique(ms: list[Mention]) -> list[Mention]:
    seen: set[str] = set()
    return [m for m in ms if not (m.vendor.key in seen or seen.add(m.vendor.key))]


def _chain_cue(ctx: DocContext, sent: Sentence) -> tuple[str, int, int] | None:
    """The first sub-processing cue of the sentence: (cue text, start, end), document offsets. Besides
    the transfer rules' cues: "X engages / relies on / runs on Y", "X setzt Y ein", "Rechenzentren der
    Y", and "X uses / nutzt Y" when the sentence is about servers, hosting or storage."""
    found = ctx.hits("sub_processor", sent.start, sent.end)
    if found:
        return sent.text[found[0][1]:found[0][2]], sent.start + found[0][1], sent.start + found[0][2]
    m = rx("roles", "chain", re.I).search(sent.text)
    if m is None and may_match(rx("roles", "infra", re.I), sent.text) and rx("roles", "infra", re.I).search(sent.text):
        m = rx("roles", "infra_chain", re.I).search(sent.text)
    return (m.group(), sent.start + m.start(), sent.start + m.end()) if m else None


def _relative_sub(ctx: DocContext, sent: Sentence, ms: list[Mention]) -> list[SubProcessing]:
    """"Y, which X engaged as a sub-processor", "bei der Y GmbH, die X als Unterauftragnehmer einsetzt": the
    relative clause's subject X is the processor, the organisation it points back to (Y) its sub-processor."""
    m = rx("roles", "as_sub", re.I).search(sent.text) if len(ms) > 1 else None
    before = [x for x in ms if m is not None and x.end <= sent.start + m.start()]
    if len(before) < 2 or before[-2].vendor.key == before[-1].vendor.key:
        return []
    gap = ctx.doc.text[before[-2].end:before[-1].start]
    if not rx("roles", "relative_pronoun_gap", re.I).search(gap):
        return []
    return [SubProcessing(before[-2], before[-1], ctx.sentence_span(sent, "role.sub_processor.relative", 0.75))]


def _list_item_start(sent: Sentence, pos: int) -> int:
    """Document offset where the item of a list of recipients ("to A in the USA, to B in Australia") that holds
    ``pos`` starts: after the last ", to"/", an" before it (the sentence start when there is none)."""
    cuts = [m.end() for m in rx("transfers", "scope_recipient", re.I).finditer(sent.text, 0, pos - sent.start)]
    return sent.start + (cuts[-1] if cuts else 0)


def _sub_processing(ctx: DocContext, sent: Sentence, ms: list[Mention]) -> list[SubProcessing]:
    if not ms:
        return []  # every chain below is made of the sentence's own mentions
    relative = _relative_sub(ctx, sent, ms)
    if relative:
        return relative
    cue_found = _chain_cue(ctx, sent)
    if cue_found is None:
        return []
    cue, cue_start, cue_end = cue_found
    before = [x for x in ms if x.end <= cue_start]
    clause_end = sent.start + clause_bounds(sent.text, cue_start - sent.start)[1]
    after = _unique(ctx.mentions_in(cue_end, clause_end))  # also one named before the cue ("the X group ... X Inc.")
    span = ctx.sentence_span(sent, "role.sub_processor.chain", 0.75)
    if before and after and rx("roles", "sub_processor_word", re.I).search(cue) \
            and rx("roles", "sub_processor_of", re.I).match(ctx.doc.text, cue_end):
        via = after[0]  # "X (sub-processor of Y)", "Unterauftragsverarbeiter von Y": the noun names X's processor after it
        item = _list_item_start(sent, cue_start)  # "to A in the USA, to sub-processors of Y": A is no sub-processor of Y
        return [SubProcessing(a, via, span) for a in _unique(before) if a.vendor.key != via.vendor.key and a.start >= item]
    if before and after:
        via = before[0]
        first = next(iter(ctx.mentions_in(cue_end, sent.end)), after[0])
        if first.vendor.key == via.vendor.key:
            return []  # within one group: "X Ltd relies on X LLC, a Y company, for hosting"
        return [SubProcessing(a, via, span) for a in _unique(after) if a.vendor.key != via.vendor.key]
    named = _unique(before)
    m = rx("roles", "as_sub", re.I).search(sent.text)
    if len(named) > 1 and not after and m and sent.start + m.start() >= named[-1].end:
        return [SubProcessing(x, named[0], span) for x in named[1:]]  # "X setzt Y als Unterauftragsverarbeiter ein"
    topic = ctx.topic(sent) if rx("roles", "sub_processor_word", re.I).search(cue) else None  # (the cheaper test first)
    if topic is not None:
        return [SubProcessing(x, topic, span) for x in _unique(ms) if x.vendor.key != topic.vendor.key]
    return []


def _recipient_slot(ctx: DocContext, sent: Sentence, m: Mention, in_list: bool) -> bool:
    if sent.label_kind == "recipients" or in_list:
        return True
    head = ctx.doc.text[sent.start:m.start]
    tail = ctx.doc.text[m.end:m.end + 30]
    return bool(rx("transfers", "flow_to_party", re.I).search(head) or rx("transfers", "party_receives").search(tail))


def _named_as_sub_processor(ctx: DocContext, sent: Sentence, ms: list[Mention]) -> list[RoleFact]:
    """"Akamai Technologies, Inc., USA, may process data as a sub-processor": the organisation named last
    before the phrase is a sub-processor (also when it belongs to the processor's own group)."""
    out: list[RoleFact] = []
    if not ms:
        return out  # no organisation named before any phrase
    found = ctx.hits("as_sub_processor", sent.start, sent.end) or [
        ("", m.start(), m.end()) for m in rx("roles", "as_sub", re.I).finditer(sent.text)]  # "als Unterauftragsverarbeiter"
    for _, s, _ in found:
        before = [m for m in ms if m.end <= sent.start + s]
        if before:
            span = ctx.sentence_span(sent, "role.sub_processor.label", 0.75)
            out.append(RoleFact(before[-1].vendor.key, "sub_processor", span, _entity(before[-1])))
    return out


def _role_label(sent: Sentence) -> bool:
    """A "Role: processor" line of a label block (the label's own sentence, not the text after it): a
    short value, or any value after a role label ("Rolle: Auftragsverarbeiter für ...; für ... eigenständig")."""
    if rx("roles", "role_label", re.I).match(sent.text):
        return sent.kind in ("label_value", "list_item")  # also "- Rolle: ..." in a bulleted vendor block
    return sent.kind == "label_value" and sent.start < sent.value_start and sent.end - sent.value_start <= 80


#: How many items back a bulleted vendor block ("- Provider: X", "- Data: ...", "- Role: ...") may name its vendor.
_BLOCK_ITEMS = 4


def _block_vendor(ctx: DocContext, sent: Sentence) -> Mention | None:
    """The vendor named last in the items just above a "- Role: ..." item of a bulleted vendor block."""
    for prev in reversed(ctx.sentences_between(max(0, sent.start - 1500), sent.start - 1)[-_BLOCK_ITEMS:]):
        if prev.kind != "list_item" or prev.section != sent.section:
            return None
        found = [m for m in ctx.mentions_in(prev.start, prev.end) if m.start not in ctx.not_topics]
        if found:
            return found[-1]
    return None


def _group(ctx: DocContext, sent: Sentence, m: re.Match[str]) -> list[Mention]:
    """The vendors a plural phrase points back to ("Both platforms", "Die genannten Dienstleister"):
    those named before it in its section (the last two for "both"/"beide")."""
    reach = rules("roles")["group_reach"]
    earlier = [x for x in ctx.mentions_in(max(0, sent.start - reach), sent.start) if x.start not in ctx.not_topics]
    own = {s.start for s in ctx.sentences_between(max(0, sent.start - reach), sent.start) if s.section == sent.section}
    earlier = [x for x in earlier if (ctx.sentence_at(x.start) or sent).start in own]
    named = list(reversed(_unique(list(reversed(earlier)))))  # each vendor at its last mention, in text order
    return named[-2:] if rx("roles", "pair_anaphor", re.I).search(m.group()) else named


def _table_row(seg) -> bool:
    """A row of a markdown table ("| A | B |") or of a tab-separated one ("A<TAB>B")."""
    return seg.text.lstrip().startswith("|") or (seg.kind == "paragraph" and "\t" in seg.text.strip())


def _table_roles(ctx: DocContext, sent: Sentence) -> list[tuple[str, int, int]]:
    """Roles the header row or the lead-in paragraph of a table gives its rows ("We use the following
    sub-processors. All of them act on our behalf." above "| Vendor | ... |" or a tab-separated table), whatever
    the lead-in's final punctuation. A cue about the rows' own sub-processors ("where a provider itself uses
    sub-processors", "deren eigene Unterauftragsverarbeiter") is not theirs."""
    segs = ctx.segments
    i = sent.seg
    if not _table_row(segs[i]):
        return []
    while i > 0 and _table_row(segs[i - 1]):
        i -= 1
    parts = [segs[i]] + ([segs[i - 1]] if i > 0 and segs[i - 1].kind == "paragraph" else [])
    if i == sent.seg:
        return []  # the header row itself
    own = rx("roles", "own_sub_before", re.I)
    return [h for p in parts for h in cue_hits(ctx, p.start, p.text)
            if not (h[0] == "sub_processor" and own.search(p.text, max(0, h[1] - 40), h[1]))]


def _cued(ctx: DocContext, sent: Sentence, ms: list[Mention], chain: list[SubProcessing], anaphor: re.Pattern[str]
          ) -> tuple[list[tuple[str, int, int]], list[Mention]]:
    """(role cues, the mentions they go to) of one sentence: its own names, else the section's vendor
    when the sentence points back ("the provider") or is a "Role:" line; a table row takes its lead-in's cues."""
    chained = {sp.sub.vendor.key for sp in chain}
    hits = cue_hits(ctx, sent.start, sent.text, NAMED_ROLES)
    hits += [("joint_controller", s, e) for _, s, e in ctx.hits("joint_controller_split", sent.start, sent.end)]
    targets = [m for m in ms if m.vendor.key not in chained]
    group = rx("roles", "group_anaphor", re.I).search(sent.text) if hits and not targets else None
    if group is not None:
        targets = _group(ctx, sent, group)  # "Both platforms are independent controllers"
    elif hits and not targets and (anaphor.search(sent.text) or _role_label(sent)):
        topic = ctx.topic(sent) or (_block_vendor(ctx, sent) if _role_label(sent) else None)
        targets = [topic] if topic is not None else []  # "Role: processor" in a "Provider: X" block
    if not hits and targets and not chain:
        hits = _table_roles(ctx, sent)
    return hits, targets


def _in_clause(ctx: DocContext, sent: Sentence, cue: int, targets: list[Mention]) -> list[Mention]:
    """The targets a role cue at ``cue`` (offset in the sentence) goes to: the one whose bracket holds the cue
    ("A (as separate controller), B (DPF)") or that a "in the case of X" just before it names; in a sentence of several ";"-separated vendor entries ("X GmbH
    (processor); Y S.p.A. (card payments)"), those of the cue's own entry when it names any; else all."""
    if len(targets) < 2:
        return targets
    case = rx("roles", "case_of", re.I)
    for m in ctx.mentions_in(max(sent.start, sent.start + cue - 60), sent.start + cue):
        # "A, B and C are controllers or, in the case of C, joint controller": C only
        if case.search(ctx.doc.text, max(sent.start, m.start - 30), m.start) \
                and rx("roles", "case_gap", re.I).fullmatch(ctx.doc.text, m.end, sent.start + cue):
            return [t for t in targets if t.vendor.key == m.vendor.key][:1] or [m]
    bracket = rx("transfers", "country_list_bracket")
    for m in targets:  # "A (standard contractual clauses, as separate controller), B (DPF)": A's own bracket
        b = bracket.match(ctx.doc.text, m.end, sent.end)
        if b is not None and b.start(1) <= cue + sent.start < b.end(1):
            return [m]
    if ";" not in sent.text:
        return targets
    lo, hi = (sent.start + x for x in clause_bounds(sent.text, cue))
    own = [m for m in targets if lo <= m.start < hi]
    return own or targets


def _list_processor(ctx: DocContext, sent: Sentence, ms: list[Mention]) -> Mention | None:
    """The processor whose sub-processors the list after ``sent`` names: "X setzt folgende
    Unterauftragsverarbeiter ein:", "It uses these sub-processors:" (X from the section)."""
    if not sent.text.rstrip().endswith(":") or not rx("roles", "sub_processor_word", re.I).search(sent.text):
        return None
    topic = ctx.topic(sent) if not ms else None
    vias = ms or ([topic] if topic is not None else [])
    return vias[0] if len(vias) == 1 else None


def _lead_in_roles(ctx: DocContext, sent: Sentence, ms: list[Mention]) -> list[tuple[str, int, int]]:
    """The role cues of a lead-in that names no vendor and opens a list ("The following providers work for us on
    our behalf:", "Folgende Empfänger handeln als eigenständige Verantwortliche:"): they go to the list's items."""
    if ms:
        return []
    if not sent.text.rstrip().endswith(":"):
        return _paragraph_lead_in(ctx, sent)
    return cue_hits(ctx, sent.start, sent.text, NAMED_ROLES)


def _paragraph_lead_in(ctx: DocContext, sent: Sentence) -> list[tuple[str, int, int]]:
    """The role cues of a lead-in paragraph that ends in "." but announces the list right below it ("We work with
    the following processors. They act on our instructions." above "- A", "- B"), from the paragraph's last
    sentence: the cues of any of its sentences that names no vendor."""
    segs = ctx.segments
    seg = segs[sent.seg]
    if seg.kind != "paragraph" or sent.end < seg.end - 1 or sent.seg + 1 >= len(segs) \
            or segs[sent.seg + 1].kind != "list_item" or not rx("roles", "list_pointer", re.I).search(seg.text) \
            or ctx.mentions_in(seg.start, seg.end):
        return []
    return cue_hits(ctx, seg.start, seg.text, NAMED_ROLES)


def _lead_in(ctx: DocContext, sent: Sentence) -> tuple[Mention | None, list[tuple[str, int, int]]]:
    """``(_list_processor(ctx, sent, []), _lead_in_roles(ctx, sent, []))`` for a sentence that names no vendor (most
    sentences: their end is read once)."""
    if not sent.text.rstrip().endswith(":"):
        return None, _paragraph_lead_in(ctx, sent)
    return _list_processor(ctx, sent, []), cue_hits(ctx, sent.start, sent.text, NAMED_ROLES)


def _item_start(ctx: DocContext, sent: Sentence) -> bool:
    """True for the first sentence of a list item."""
    return sent.kind == "list_item" and ctx.doc.text[ctx.segments[sent.seg].start:sent.start].strip() == ""


def find_roles(ctx: DocContext) -> tuple[list[RoleFact], list[SubProcessing]]:
    """Role evidence per vendor key, and sub-processing chains."""
    facts: list[RoleFact] = []
    subs: list[SubProcessing] = []
    anaphor = rx("transfers", "anaphor", re.I)
    in_list = False
    list_via: Mention | None = None  # "X setzt folgende Unterauftragsverarbeiter ein:": X, for the items below
    lead: list[tuple[str, int, int]] = []  # "The following providers act on our behalf:": the cues, for the items below
    # the last sentence naming no vendor and holding no role cue: its lead-in (``list_via``, ``lead``) is read only
    # by the list items below it that name a vendor, so it is worked out only then (most are never read)
    pending: Sentence | None = None
    # a sentence naming no vendor and holding no role cue gives no role: it only opens or closes a list
    busy = ctx.sentences_naming() | ctx.sentences_with("role") | ctx.sentences_with("joint_controller_split")
    for i, sent in enumerate(ctx.sentences):
        if sent.kind == "heading":
            in_list = False
            list_via = None
            lead = []
            pending = None
            continue
        if i not in busy:  # no vendor, no cue: only a lead-in ("... the following sub-processors:") to note
            if sent.kind != "list_item":
                pending = sent
            in_list = _in_list(sent, in_list)
            continue
        ms = _unique(ctx.mentions_in(sent.start, sent.end))
        if sent.kind != "list_item":
            pending = None
            list_via = _list_processor(ctx, sent, ms)
            lead = _lead_in_roles(ctx, sent, ms)
        elif pending is not None:
            list_via, lead = _lead_in(ctx, pending)
            pending = None
        chain = _sub_processing(ctx, sent, ms)
        if not chain and list_via is not None and ms and _item_start(ctx, sent):
            chain = [SubProcessing(m, list_via, ctx.sentence_span(sent, "role.sub_processor.list", 0.7))
                     for m in ms[:1] if m.vendor.key != list_via.vendor.key]  # each item's first vendor
        subs += chain
        for sp in chain:
            facts.append(RoleFact(sp.sub.vendor.key, "sub_processor", sp.span, _entity(sp.sub)))
        if not chain:
            facts += _named_as_sub_processor(ctx, sent, ms)
        hits, targets = _cued(ctx, sent, ms, chain, anaphor)
        if not hits and lead and ms and _item_start(ctx, sent):
            hits, targets = lead, ms[:1]  # each item's first vendor takes the lead-in's roles
        for role, s, e in hits:
            for m in _in_clause(ctx, sent, s, targets):
                facts.append(RoleFact(m.vendor.key, role, ctx.sentence_span(sent, f"role.{role}.label", 0.8), _entity(m)))
        if not hits:
            for m in targets:
                if _recipient_slot(ctx, sent, m, in_list and sent.kind == "list_item"):
                    facts.append(RoleFact(m.vendor.key, "recipient", ctx.sentence_span(sent, "role.recipient.slot", 0.7),
                                          _entity(m)))
        in_list = _in_list(sent, in_list)
    return facts, subs


def _in_list(sent: Sentence, in_list: bool) -> bool:
    """Whether the list items after ``sent`` are items of a "Recipients:" block (``in_list``: those after the one before)."""
    return sent.label_kind == "recipients" or in_list and sent.kind == "list_item"

