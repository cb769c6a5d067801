"""Third-country transfers: destination, recipient, chain and every mechanism named; negations.

A sentence (or the value of a "Third country transfer:" line) is a transfer statement when it names
a destination outside the EU/EEA and a transfer cue or a mechanism. Its recipients are the parties
it names, else the recipient categories it names, else the vendor its section is about (for a
label block: the "Recipients:" line of the same block). Mechanisms other than adequacy apply to
every destination of the recipient in the same section, unless their sentence names its own countries
and no unnamed ones ("for transfers to the USA, SCCs"); an adequacy decision applies to the
countries named with it. Recipients named with an address outside the EU/EEA, sub-processors with
such an address, and mechanisms named without a destination give implicit transfers
(``explicit=False``). Negated statements become :class:`~vendorgraph.model.Negation` facts.

A sentence naming several recipients is cut into scopes (:mod:`.scopes`) so that a country or mechanism
stated for one of them stays with it. Definitions ("'Third country' means …") and summaries ("some of our
providers are located in third countries") are no statements; "unless stated otherwise above, SCCs" is
kept as a fallback for the transfers that end up with no mechanism of their own. Negated, historical
("until 2020 … Privacy Shield") and merely referenced ("a copy of the SCCs") mechanisms do not count.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model import Negation, Span
from .context import DocContext, Sentence
from .lexicon import countries, find_labels, mechanism_patterns, rx
from .literals import may_match
from .recipients import recipients as _recipients
from .scopes import (Scope, bracketed_countries, bracketed_mechanisms, mechanisms_for_countries,
                     parenthesised_mechanisms, recipient_scopes)

THIRD = "third_countries"
#: Recipient of the transfers to a processor's unnamed sub-processors.
UNNAMED_SUBS = "category:it_service_providers"
#: Internal notation for an adequacy that only covers the USA (the EU-US Data Privacy Framework).
US_FRAMEWORK = "adequacy_us"


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
    us = rx("transfers", "us_framework")
    return [(US_FRAMEWORK if n == "adequacy" and us.search(text, s, e) else n, s, e) for n, s, e in hits
            if not _neg_before().search(text[max(0, s - 120):s]) and not _negated_after(text, e)
            and not (n == "privacy_shield" and _historical(text, s, e))
            and not rx("transfers", "mechanism_reference_before", re.I).search(text[max(0, s - 60):s])]


def _historical(text: str, start: int, end: int) -> bool:
    """"Google war früher unter dem Privacy Shield zertifiziert; heute …", "until July 2020 some providers
    relied on the Privacy Shield": a mechanism of the past, in the same clause as a past-time cue."""
    begin = max((m.end() for m in rx("transfers", "mechanism_clause_start", re.I).finditer(text, 0, start)), default=0)
    stop = rx("transfers", "mechanism_clause_end").search(text, end)
    return bool(rx("transfers", "mechanism_historical", re.I).search(text, begin, stop.start() if stop else len(text)))


def denied_mechanisms(text: str, hits: list[tuple[str, int, int]]) -> set[str]:
    """Mechanisms a sentence says are *not* in place for its subject ("X is not certified under the
    DPF", "SCCs have not been concluded with X"); the DPF alone is ``adequacy_us``."""
    us = rx("transfers", "us_framework")
    before = rx("transfers", "denied_before", re.I)
    return {US_FRAMEWORK if n == "adequacy" and us.search(text, s, e) else n for n, s, e in hits
            if before.search(text[max(0, s - 60):s]) or _negated_after(text, e)}


def _neg_before() -> re.Pattern[str]:
    """A negation shortly before a mechanism ("no adequacy decision", "mangels eines Angemessenheitsbeschlusses"), or
    a missing contract that would allow it ("there is no agreement that would let us use SCCs", "ohne eine
    Vereinbarung, die den Abschluss von Standardvertragsklauseln erlaubt")."""
    return rx("transfers", "mechanism_negated_before", re.I)


def _negated_after(text: str, end: int) -> bool:
    """"Standardvertragsklauseln haben wir nicht abgeschlossen": a negation later in the mechanism's clause."""
    stop = rx("transfers", "mechanism_clause_end").search(text, end)
    return bool(rx("transfers", "mechanism_negated_after", re.I).search(text, end, stop.start() if stop else min(len(text), end + 100)))


def destinations(text: str, mechs: list[tuple[str, int, int]],
                 found: list[tuple[str, int, int]] | None = None) -> tuple[set[str], bool]:
    """(non-EU/EEA country codes and/or ``third_countries``, whether 'other third countries' was said)."""
    c = countries()
    codes = {code for code, _, _ in (c.find(text) if found is None else found) if c.third(code)}
    codes |= {c.by_adjective[m.group(0)] for m in c.adjective_pattern.finditer(text) if c.third(c.by_adjective[m.group(0)])}
    qualified = bool(rx("transfers", "other_third_countries", re.I).search(text))
    if qualified and codes or rx("transfers", "third_countries", re.I).search(text) and not codes:  # "the USA and other countries"
        codes.add(THIRD)
    if any(n == US_FRAMEWORK for n, _, _ in mechs):
        codes.add("US")
        if codes == {"US", THIRD} and not qualified:
            codes.discard(THIRD)
    return codes, qualified


def _for_country(mechs: set[str], country: str) -> set[str]:
    """The mechanisms that cover ``country``: the EU-US framework covers only the USA."""
    out = {m for m in mechs if m != US_FRAMEWORK}
    if US_FRAMEWORK in mechs and country == "US":
        out.add("adequacy")
    return out


def _negation(ctx: DocContext, sent: Sentence, body: str, label: bool) -> Negation | None:
    """"Intended third country transfer: none", "we do not transfer data to the USA", "keine Übermittlung in Drittländer"."""
    if label and rx("transfers", "label_none", re.I).match(body):
        return Negation("no_third_country_transfer", (ctx.sentence_span(sent, "transfer.negation.label", 0.9),))
    if not rx("transfers", "negation", re.I).search(body):
        return None
    third = label or rx("transfers", "third_countries", re.I).search(body) or any(
        countries().third(code) for code, _, _ in ctx.hits("country", sent.start, sent.end))
    if third:
        return Negation("no_third_country_transfer", (ctx.sentence_span(sent, "transfer.negation", 0.8),))
    return None


@dataclass
class Statements:
    """What the sentences say: transfer candidates, mechanism notes, mechanisms without a destination, negations."""

    cands: list[Cand] = field(default_factory=list)
    notes: list[tuple[int, set[str], set[str], set[str], bool, bool]] = field(default_factory=list)
    mech_only: list[Cand] = field(default_factory=list)
    negations: list[Negation] = field(default_factory=list)
    denied: list[tuple[str, str]] = field(default_factory=list)  # (vendor key, mechanism said not to apply)
    fallback: list[tuple[set[str], set[str]]] = field(default_factory=list)  # "unless stated otherwise": (dests, mechs)


def statements(ctx: DocContext) -> Statements:
    """Explicit transfer candidates, mechanism statements (section, recipients, countries, mechs), negations."""
    out = Statements()
    negs = out.negations
    cue = rx("transfers", "transfer_cue", re.I)
    prev: tuple[int, list[str]] = (-1, [])  # segment and recipients of the last statement
    bound: tuple[int, dict[str, set[str]]] = (-1, {})  # segment of the last statement, its country -> recipients
    intro: Sentence | None = None  # "… in the following countries:", for the rows below it (its recipients: when read)
    # the sentences naming a country, a mechanism or "third countries" (a statement needs one, or a label)
    named = ctx.sentences_with("country") | ctx.sentences_with("mechanism") | ctx.sentences_with("third_countries")
    intro_said: dict[int, tuple[list[str], str]] = {}  # an intro's start -> its recipients
    for i, sent in enumerate(ctx.sentences):
        label = sent.label_kind == "third_country"
        row = sent.kind == "list_item" or sent.text.lstrip().startswith("|")
        if intro is not None and not row and sent.seg != intro.seg:
            intro = None
        if not label and not row and sent.text.rstrip().endswith(":"):
            intro = sent
        if sent.kind == "heading" or sent.label_kind in ("recipients", "data_categories"):
            continue
        if not (label or i in named):
            continue
        said: dict[bool, tuple[list[str], str]] = {}  # the sentence's recipients, found once

        def recipients() -> tuple[list[str], str]:  # (made only for the sentences that get this far)
            if label not in said:
                said[label] = _recipients(ctx, sent, label)
            return said[label]
        if rx("transfers", "definition", re.I).search(sent.text):
            continue  # '"Third country" means a country outside the EEA' defines a term, it transfers nothing
        body = ctx.doc.text[sent.value_start:sent.end] if label else sent.text
        if not label and _run_in_heading(ctx, sent):
            continue  # "Standard contractual clauses. Where no adequacy decision applies, ...": a title, no statement
        neg = _negation(ctx, sent, body, label)
        if neg is not None:
            negs.append(neg)
            continue
        mechs = mechanisms_in(body, ctx.hits("mechanism", sent.value_start if label else sent.start, sent.end))
        finding = rx("transfers", "adequacy_finding").search(body)
        if finding and not any(m[0] in ("adequacy", US_FRAMEWORK) for m in mechs) and not _neg_before().search(body[:finding.start()]):
            mechs.append(("adequacy", finding.start(), finding.end()))  # "the Commission found X adequate"
        denied = denied_mechanisms(body, ctx.hits("mechanism", sent.start, sent.end)) if not label else set()
        if denied:
            keys, source = recipients()
            out.denied += [(k, d) for d in denied for k in keys if source in ("sentence", "topic")]
        base = sent.value_start if label else sent.start
        found = [f for f in ctx.hits("country", base, sent.end)
                 if base + f[1] not in ctx.parent_seats]  # "X is a company of Y Corp., USA": no destination
        dests, qualified = destinations(body, mechs, found)
        if not dests and not mechs:
            continue
        if mechs and not label and rx("transfers", "fallback", re.I).search(body) \
                and not ctx.mentions_in(sent.start, sent.end):
            out.fallback.append((dests, {m for m, _, _ in mechs}))  # only for transfers with no mechanism of their own
            continue
        if not label and not ctx.mentions_in(sent.start, sent.end) and rx("transfers", "generic_some", re.I).search(body) \
                and not (rx("transfers", "generic_some_anaphor", re.I).search(body) and recipients()[1] == "category"):
            continue  # "some of our service providers are located in third countries": a summary, no recipient
            # (but "some of these partners ..." after a sentence naming them is about that category)
        if dests and not (label or mechs or cue.search(body) or rx("transfers", "unnamed_sub_processors", re.I).search(body)):
            continue
        recips, source = recipients()
        if source == "sentence" and len(recips) > 1 and sent.text.count("|") >= 2:
            recips = _first_cell(ctx, sent, recips)
        own = source == "topic" and ctx.mentions_in(ctx.segments[sent.seg].start, sent.start)  # the item names its vendor
        if row and intro is not None and source in ("topic", "none") and not own:  # "| Schweiz | Angemessenheitsbeschluss |"
            if intro.start not in intro_said:
                intro_said[intro.start] = _recipients(ctx, intro, False)
            keys, src = intro_said[intro.start]
            if src in ("sentence", "category"):
                recips, source = list(keys), src
        if source == "topic" and prev[0] == sent.seg:  # "... to X AG and the customs authorities. Switzerland
            recips = recips + [r for r in prev[1] if r.startswith("category:") and r not in recips]  # has adequacy."
        prev = (sent.seg, recips)
        value = sent.value_start - sent.start if label else 0
        scopes = recipient_scopes(ctx, sent, recips, mechs, found, destinations, value) \
            if source == "sentence" or (label and source == "block") else None
        if source == "topic" and bound[0] == sent.seg:
            scopes = _carried(bound[1], recips, mechs, dests)
        first_cand = len(out.cands)
        if not scopes and source == "sentence":
            scopes = bracketed_countries(ctx, sent, recips, mechs, dests, found, value) \
                or bracketed_mechanisms(ctx, sent, recips, mechs, dests, value)
        if not scopes:
            _emit(out, ctx, sent, body, label, recips, source, mechs, dests, qualified,
                  _clause_binding(body, mechs, found) or parenthesised_mechanisms(body, mechs, found)
                  or mechanisms_for_countries(body, mechs, found, dests))
        for sc in scopes or ():
            _emit(out, ctx, sent, body, label, list(sc.recipients), source, list(sc.mechs), set(sc.dests), qualified, None,
                  scoped=True)
        bound = (sent.seg, {})
        for c in out.cands[first_cand:]:
            bound[1].setdefault(c.country, set()).add(c.recipient)
    return out


def _run_in_heading(ctx: DocContext, sent: Sentence) -> bool:
    """A paragraph's first sentence that only names a mechanism ("Standard contractual clauses." or
    "Angemessenheitsbeschlüsse." before the paragraph's text): a run-in title, it says nothing of a transfer."""
    if sent.end - sent.start > 60 or ctx.doc.text[ctx.segments[sent.seg].start:sent.start].strip() \
            or ctx.segments[sent.seg].end <= sent.end + 1:
        return False
    title = sent.text.strip().rstrip(".:").strip()
    hits = ctx.hits("mechanism", sent.start, sent.end)
    return bool(hits) and sum(e - s for _, s, e in hits) >= len(title) - 4


def _carried(bound: dict[str, set[str]], recips: list[str], mechs: list[tuple[str, int, int]],
             dests: set[str]) -> list[Scope] | None:
    """"… to A in Australia, to B in Ukraine. For Australia and Ukraine we rely on SCCs": a sentence that names
    no recipient and only countries the statement before it gave to other recipients is about those."""
    if not dests or any(not bound.get(d) or set(recips) & bound[d] for d in dests):
        return None
    return [Scope(tuple(sorted(bound[d])), tuple(mechs), frozenset({d})) for d in sorted(dests)]


def _first_cell(ctx: DocContext, sent: Sentence, recips: list[str]) -> list[str]:
    """The recipients of a table row: those of its first cell when it names any, outside brackets when it names
    any there ("| X (sub-processor of Y) | USA |" is about X)."""
    body = sent.text.lstrip().lstrip("|")
    cell_end = sent.start + (len(sent.text) - len(body)) + body.find("|")
    cell = ctx.mentions_in(sent.start, cell_end)
    text = ctx.doc.text
    outside = {m.vendor.key for m in cell if text.count("(", sent.start, m.start) <= text.count(")", sent.start, m.start)}
    first = outside or {m.vendor.key for m in cell}  # "| X (infrastructure for Y) |" is about X
    return [r for r in recips if r in first] or recips


def _emit(out: Statements, ctx: DocContext, sent: Sentence, body: str, label: bool, recips: list[str], source: str,
          mechs: list[tuple[str, int, int]], dests: set[str], qualified: bool, bound: dict[str, set[str]] | None,
          scoped: bool = False) -> None:
    """The mechanism notes, candidates and mechanism-only statements of one statement (or, ``scoped``, of one
    recipient's scope of it: the sentence's unnamed sub-processors are then nobody's in particular)."""
    mech_set = {m for m, _, _ in mechs}
    subs = set() if scoped else _unnamed_subs(body, recips)
    onward = bool(subs) or bool(rx("transfers", "onward", re.I).search(body))
    if bound:
        out.notes.extend((sent.section, set(recips), {d}, ms, onward, True) for d, ms in bound.items() if ms)
    elif mech_set:
        strict = True if dests == {THIRD} and qualified else _named_only(body, dests)  # "in other third countries, SCCs"
        out.notes.append((sent.section, set(recips), dests, mech_set, onward, strict))
    if source == "topic" and rx("transfers", "conditional", re.I).match(sent.text):
        return
    conf = {"block": 0.9, "sentence": 0.85, "category": 0.8, "topic": 0.7}.get(source, 0.5)
    for d in sorted(subs):
        out.cands.append(Cand(UNNAMED_SUBS, recips[0], d, _for_country(mech_set, d), True, sent.section, d == THIRD,
                              [ctx.sentence_span(sent, "transfer.chain.unnamed", conf)]))
    dests = dests - subs
    for r in recips:
        for d in sorted(dests):
            out.cands.append(Cand(r, None, d, _for_country(bound.get(d, mech_set) if bound else mech_set, d), True,
                                  sent.section, qualified,
                                  [ctx.sentence_span(sent, f"transfer.{'label' if label else 'statement'}.{source}", conf)]))
    if not dests and not onward and source in ("sentence", "topic", "block"):
        for r in recips:
            out.mech_only.append(Cand(r, None, "", set(mech_set), False, sent.section, False,
                                      [ctx.sentence_span(sent, "transfer.mechanism_only", 0.6)]))


def _named_only(body: str, dests: set[str]) -> str | bool:
    """"named" when a mechanism sentence names its countries and no unnamed ones ("for transfers to the
    USA and Brazil, SCCs"): its mechanisms then cover only those of the section's named destinations."""
    if dests and THIRD not in dests and not rx("transfers", "third_countries", re.I).search(body):
        return "named"
    return False


def _unnamed_subs(body: str, recips: list[str]) -> set[str]:
    """Destinations of a named processor's unnamed sub-processors ("SAP setzt Unterauftragsverarbeiter in
    Indien ein", "HubSpot's sub-processors worldwide"): they go to the IT-provider category via it."""
    if len(recips) != 1 or recips[0].startswith("category:") or not may_match(rx("transfers", "unnamed_sub_processors", re.I), body):
        return set()
    out: set[str] = set()
    for m in rx("transfers", "unnamed_sub_processors", re.I).finditer(body):
        seg = m.group(0)
        stop = rx("transfers", "mechanism_clause_end").search(seg)
        seg = seg[:stop.start()] if stop else seg  # "... in India, and we store data in the USA": India only
        found, _ = destinations(seg, [])
        if rx("transfers", "worldwide", re.I).search(seg) or rx("transfers", "third_countries", re.I).search(seg):
            found.add(THIRD)  # "in the USA and other third countries", "outside the EU, in particular in the USA"
        out |= found
    return out


def _clause_binding(body: str, mechs: list[tuple[str, int, int]], found: list[tuple[str, int, int]]
                    ) -> dict[str, set[str]] | None:
    """Country -> mechanisms when a sentence contrasts destinations in ';'-clauses ("X is certified under
    the DPF; for access from India, SCCs were concluded"); None when it does not."""
    cuts = [0] + [i + 1 for i, ch in enumerate(body) if ch == ";"] + [len(body) + 1]
    if len(cuts) < 3:
        return None
    clauses = []
    for a, b in zip(cuts, cuts[1:]):
        cm = [m for m in mechs if a <= m[1] < b]
        cd, _ = destinations(body[a:b - 1], [(n, s - a, e - a) for n, s, e in cm],
                             [(c, s - a, e - a) for c, s, e in found if a <= s < b])
        clauses.append((cd, {n for n, _, _ in cm}))
    rest = rx("transfers", "remainder", re.I)
    others = [cm for (cd, cm), a, b in zip(clauses, cuts, cuts[1:]) if not cd and cm and rest.search(body, a, b)]
    if others:  # "X is certified under the DPF for the USA; otherwise X relies on SCCs": SCCs for the other countries
        clauses = [(cd, cm) for cd, cm in clauses if cd or not any(cm is o for o in others)] + [({THIRD}, o) for o in others]
    if sum(1 for cd, _ in clauses if cd) < 2:
        return None
    out: dict[str, set[str]] = {}
    for cd, _ in clauses:
        for d in cd:
            out[d] = set().union(*(cm for cd2, cm in clauses if d in cd2 or not cd2))
    return out


def apply_section_mechanisms(cands: list[Cand], notes: list[tuple[int, set[str], set[str], set[str], bool, bool]]) -> None:
    """Give each destination the mechanisms its section names for the same recipient; onward-transfer
    mechanisms ("for onward transfers X uses BCR") go to X's sub-processors instead. A statement naming
    no recipient ("for transfers to the USA we rely on the DPF where the recipient is certified, otherwise
    on SCCs") only fills transfers whose own sentence names no mechanism ("- A (USA): SCCs" keeps its own)."""
    for c in cands:
        if not c.country:
            continue
        own = bool(c.mechs)
        for section, recips, dests, mechs, onward, strict in notes:
            if section != c.section or onward != (c.via is not None) or (strict and c.country not in dests
                                                                       and (strict is True or c.country != THIRD)):
                continue
            if recips and (c.via if onward else c.recipient) not in recips or not recips and own:
                continue
            for m in mechs:
                if m == US_FRAMEWORK:
                    if c.country == "US":
                        c.mechs.add("adequacy")
                elif m != "adequacy" or not dests or c.country in dests:
                    c.mechs.add(m)
