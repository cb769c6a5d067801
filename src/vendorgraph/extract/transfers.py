"""Third-country transfers: destination, recipient, chain and every mechanism named; negations.

A sentence (or the value of a "Third country transfer:" line) is a transfer statement when it names
a destination outside the EU/EEA and a transfer cue or a mechanism. Its recipients are the parties
it names, else the recipient categories it names, else the vendor its section is about (for a
label block: the "Recipients:" line of the same block). Mechanisms other than adequacy apply to
every destination of the recipient in the same section; an adequacy decision applies to the
countries named with it. Recipients named with an address outside the EU/EEA, sub-processors with
such an address, and mechanisms named without a destination give implicit transfers
(``explicit=False``). Negated statements become :class:`~vendorgraph.model.Negation` facts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model import Negation, Span
from .context import DocContext, Sentence
from .lexicon import countries, find_labels, mechanism_patterns, rx

THIRD = "third_countries"
_NEG_BEFORE = re.compile(r"\b(?:no|not|kein\w*|nicht|without|ohne|absence|lack)\b[^.;]{0,25}$", re.I)


@dataclass
class Cand:
    """A transfer before merging: recipient is a vendor key or ``category:<x>``."""

    recipient: str
    via: str | None
    country: str
    mechs: set[str]
    explicit: bool
    section: int
    qualified: bool
    spans: list[Span] = field(default_factory=list)


def mechanisms_in(text: str, hits: list[tuple[str, int, int]] | None = None) -> list[tuple[str, int, int]]:
    """Mechanisms named (not negated) in ``text`` (``hits``: the mechanism matches, if already known)."""
    if hits is None:
        hits = find_labels(mechanism_patterns(), text)
    return [h for h in hits if not _NEG_BEFORE.search(text[max(0, h[1] - 60):h[1]])]


def destinations(text: str, mechs: list[tuple[str, int, int]],
                 found: list[tuple[str, int, int]] | None = None) -> tuple[set[str], bool]:
    """(non-EU/EEA country codes and/or ``third_countries``, whether 'other third countries' was said)."""
    c = countries()
    codes = {code for code, _, _ in (c.find(text) if found is None else found) if c.third(code)}
    codes |= {c.by_adjective[m.group(0)] for m in c.adjective_pattern.finditer(text) if c.third(c.by_adjective[m.group(0)])}
    qualified = bool(rx("transfers", "other_third_countries", re.I).search(text))
    if rx("transfers", "third_countries", re.I).search(text) and (not codes or qualified):
        codes.add(THIRD)
    if not codes and any(re.search(r"Privacy Framework|DPF", text[s:e]) for n, s, e in mechs if n == "adequacy"):
        codes.add("US")
    return codes, qualified


def _category_hits(text: str) -> list[str]:
    found: list[str] = []
    try:
        from .categories import recipient_categories_in

        found = [cat for cat, _, _ in recipient_categories_in(text)]
    except ImportError:  # the categories module is optional
        pass
    for cat, pattern in rx_hints().items():
        if pattern.search(text):
            found.append(cat)
    return list(dict.fromkeys(found))


def rx_hints() -> dict[str, re.Pattern[str]]:
    from .lexicon import rules

    return {k: re.compile(v, re.I) for k, v in rules("transfers")["category_hints"].items()}


def _recipients(ctx: DocContext, sent: Sentence, label: bool) -> tuple[list[str], str]:
    """Recipient keys for a statement and where they came from (sentence/category/block/topic)."""
    if label:
        block = [s for s in ctx.sentences if s.section == sent.section and s.label_kind == "recipients"]
        ms = [m for s in block for m in ctx.mentions_in(s.start, s.end)]
        if ms:
            return list(dict.fromkeys(m.vendor.key for m in ms)), "block"
        cats = [c for s in block for c in _category_hits(ctx.doc.text[s.value_start:s.end])]
        if cats:
            return [f"category:{c}" for c in dict.fromkeys(cats)], "block"
    ms = ctx.mentions_in(sent.start, sent.end)
    if ms:
        return list(dict.fromkeys(m.vendor.key for m in ms)), "sentence"
    cats = _category_hits(sent.text)
    if cats:
        return [f"category:{c}" for c in cats], "category"
    topic = ctx.topic(sent)
    if topic is not None:
        return [topic.vendor.key], "topic"
    return [], "none"


def _negation(ctx: DocContext, sent: Sentence, body: str, label: bool) -> Negation | None:
    """"Intended third country transfer: none", "we do not transfer data to the USA", "keine Übermittlung in Drittländer"."""
    if label and rx("transfers", "label_none", re.I).match(body):
        return Negation("no_third_country_transfer", (ctx.sentence_span(sent, "transfer.negation.label", 0.9),))
    if label or not rx("transfers", "negation", re.I).search(body):
        return None
    third = rx("transfers", "third_countries", re.I).search(body) or any(
        countries().third(code) for code, _, _ in ctx.hits("country", sent.start, sent.end))
    if third:
        return Negation("no_third_country_transfer", (ctx.sentence_span(sent, "transfer.negation", 0.8),))
    return None


@dataclass
class Statements:
    """What the sentences say: transfer candidates, mechanism notes, mechanisms without a destination, negations."""

    cands: list[Cand] = field(default_factory=list)
    notes: list[tuple[int, set[str], set[str], set[str], bool]] = field(default_factory=list)
    mech_only: list[Cand] = field(default_factory=list)
    negations: list[Negation] = field(default_factory=list)


def statements(ctx: DocContext) -> Statements:
    """Explicit transfer candidates, mechanism statements (section, recipients, countries, mechs), negations."""
    out = Statements()
    cands = out.cands
    mech_notes, negs = out.notes, out.negations
    cue = rx("transfers", "transfer_cue", re.I)
    for sent in ctx.sentences:
        label = sent.label_kind == "third_country"
        if sent.kind == "heading" or sent.label_kind in ("recipients", "data_categories"):
            continue
        if not (label or ctx.hits("country", sent.start, sent.end) or ctx.hits("mechanism", sent.start, sent.end)
                or ctx.hits("third_countries", sent.start, sent.end)):
            continue
        body = ctx.doc.text[sent.value_start:sent.end] if label else sent.text
        neg = _negation(ctx, sent, body, label)
        if neg is not None:
            negs.append(neg)
            continue
        mechs = mechanisms_in(body, ctx.hits("mechanism", sent.value_start if label else sent.start, sent.end))
        dests, qualified = destinations(body, mechs, ctx.hits("country", sent.value_start if label else sent.start, sent.end))
        if not dests and not mechs:
            continue
        if dests and not (label or mechs or cue.search(body)):
            continue
        recips, source = _recipients(ctx, sent, label)
        mech_set = {m for m, _, _ in mechs}
        onward = bool(rx("transfers", "onward", re.I).search(body))
        if mech_set:
            mech_notes.append((sent.section, set(recips), dests, mech_set, onward))
        if source == "topic" and rx("transfers", "conditional", re.I).match(sent.text):
            continue
        conf = {"block": 0.9, "sentence": 0.85, "category": 0.8, "topic": 0.7}.get(source, 0.5)
        for r in recips:
            for d in sorted(dests):
                cands.append(Cand(r, None, d, set(mech_set), True, sent.section, qualified,
                                  [ctx.sentence_span(sent, f"transfer.{'label' if label else 'statement'}.{source}", conf)]))
        if not dests and not onward and source in ("sentence", "topic", "block"):
            for r in recips:
                out.mech_only.append(Cand(r, None, "", set(mech_set), False, sent.section, False,
                                          [ctx.sentence_span(sent, "transfer.mechanism_only", 0.6)]))
    return out


def apply_section_mechanisms(cands: list[Cand], notes: list[tuple[int, set[str], set[str], set[str], bool]]) -> None:
    """Give each destination the mechanisms its section names for the same recipient; onward-transfer
    mechanisms ("for onward transfers X uses BCR") go to X's sub-processors instead."""
    for c in cands:
        if not c.country:
            continue
        for section, recips, dests, mechs, onward in notes:
            if section != c.section or onward != (c.via is not None):
                continue
            if recips and (c.via if onward else c.recipient) not in recips:
                continue
            for m in mechs:
                if m != "adequacy" or not dests or c.country in dests:
                    c.mechs.add(m)
