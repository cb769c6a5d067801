"""Scopes inside one transfer sentence: which recipients, countries and mechanisms belong together.

A sentence that names several recipients may state a destination or a mechanism for only some of
them: "adequacy decisions: for the United Kingdom (A) and for US companies certified under the DPF
(B, C)", "SCCs: for A, B and, in addition to the DPF, for C", "X is certified under the DPF, for Y
we use BCR". Such a sentence is cut into *scopes* at ";", at ": " and before each "for X"/"für X"
that follows a comma or "and" (a leading "in addition to M," goes with the "for" it precedes). When at
least two scopes name recipients, each recipient gets the countries and mechanisms of its own scopes;
what the recipient-less scopes name (the head: "Adequacy decisions under Art. 45:") goes to all.

A sentence naming one recipient and several countries may bind a mechanism to one country: "Canada
(adequacy decision) and USA (SCCs)"; see :func:`parenthesised_mechanisms`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .context import DocContext, Sentence
from .lexicon import countries, rx


@dataclass(frozen=True)
class Scope:
    """Recipients of one part of a sentence with the destinations and mechanisms that part (or the head) names."""

    recipients: tuple[str, ...]
    mechs: tuple[tuple[str, int, int], ...]
    dests: frozenset[str]


def _brackets(text: str) -> list[tuple[int, int]]:
    """(start, end) of the outermost round brackets of ``text``."""
    out, depth, start = [], 0, 0
    for i, ch in enumerate(text):
        if ch == "(":
            start = i if depth == 0 else start
            depth += 1
        elif ch == ")" and depth:
            depth -= 1
            if depth == 0:
                out.append((start, i + 1))
    return out


def _cuts(text: str, said: list[int] | None = None) -> list[int]:
    """Start offsets of the scopes of ``text`` (the first is 0). ``said``: offsets of the mechanisms and
    countries of the text; a cut inside a bracket that holds none of them is no cut (a bracketed list of
    names, "certified under the DPF (A, Inc.; B; C)", is one scope)."""
    cuts = [0] + [m.end() for m in rx("transfers", "scope_start", re.I).finditer(text) if 0 < m.end() < len(text)]
    cuts = sorted(set(cuts) | {m.end() for m in rx("transfers", "scope_recipient", re.I).finditer(text) if 0 < m.end() < len(text)})
    addition = rx("transfers", "scope_addition", re.I)  # "in addition to the DPF, | for C": one scope
    cuts = [c for i, c in enumerate(cuts) if i == 0 or not addition.match(text[cuts[i - 1]:c])]
    if said is None or len(cuts) < 2:
        return cuts
    bare = [(a, b) for a, b in _brackets(text) if not any(a < x < b for x in said)]
    return [c for c in cuts if not any(a < c < b for a, b in bare)]


def recipient_scopes(ctx: DocContext, sent: Sentence, recips: list[str], mechs: list[tuple[str, int, int]],
                     found: list[tuple[str, int, int]], destinations, value: int = 0) -> list[Scope] | None:
    """The scopes of a sentence whose named recipients fall into two or more scopes and at least one of
    those names its own destination or mechanism; None otherwise (the sentence is one scope). A
    destination named before the first recipient ("USA (A: DPF; B: SCCs)") goes to every scope.

    ``mechs`` and ``found`` (country hits) are offsets in the sentence's text from ``value`` on (the value
    of a label line); ``destinations`` is :func:`.transfers.destinations` (passed in to avoid an import cycle)."""
    if len(recips) < 2:
        return None
    text = sent.text[value:]
    named = [m for m in ctx.mentions_in(sent.start + value, sent.end) if m.vendor.key in recips]
    cuts = _cuts(text, [s for _, s, _ in mechs] + [s for _, s, _ in found])
    if len(cuts) < 2 or not named:
        return None
    first = named[0].start - sent.start
    if first < cuts[1]:  # "SCCs were concluded | for A and, ..., for B": what leads to the first "for" is the head
        lead = [m.start() for m in rx("transfers", "scope_lead", re.I).finditer(text, 0, first)]
        if lead and lead[-1] > 0:
            cuts.insert(1, lead[-1])
    bounds = list(zip(cuts, cuts[1:] + [len(text)]))
    who: list[list[str]] = [[] for _ in bounds]
    for m in named:
        pos = m.start - sent.start - value
        i = max(j for j, (a, _) in enumerate(bounds) if a <= pos)
        if m.vendor.key not in who[i]:
            who[i].append(m.vendor.key)
    for i in range(len(bounds) - 1, 0, -1):  # "A: DPF; B: SCCs": what follows "A:" is A's
        if who[i - 1] and not who[i] and text[bounds[i - 1][0]:bounds[i - 1][1]].rstrip().endswith(":"):
            bounds[i - 1] = (bounds[i - 1][0], bounds[i][1])
            del bounds[i], who[i]
    if len({tuple(w) for w in who if w}) < 2:
        return None  # every scope is about the same recipients ("X is certified; otherwise X relies on SCCs")
    parts = []
    for (a, b), w in zip(bounds, who):
        pm = [(n, s - a, e - a) for n, s, e in mechs if a <= s < b]
        pd, _ = destinations(text[a:b], pm, [(c, s - a, e - a) for c, s, e in found if a <= s < b])
        parts.append((w, [(n, s + a, e + a) for n, s, e in pm], pd))
    if not any(w and (pm or pd) for w, pm, pd in parts):
        return None
    head_mechs = [m for w, pm, _ in parts if not w for m in pm]
    head_dests = frozenset(d for w, _, pd in parts if not w for d in pd)
    lead = named[0].start - sent.start - value
    head_dests |= destinations(text[:lead], [(n, s, e) for n, s, e in mechs if e <= lead],
                               [(c, s, e) for c, s, e in found if e <= lead])[0]
    out: dict[str, tuple[list[tuple[str, int, int]], set[str]]] = {}
    for w, pm, pd in parts:
        for key in w:
            ms, ds = out.setdefault(key, ([], set()))
            ms.extend(pm)
            ds.update(pd)
    return [Scope((key,), tuple(head_mechs + ms), frozenset(ds or head_dests)) for key, (ms, ds) in out.items()]


def parenthesised_mechanisms(text: str, mechs: list[tuple[str, int, int]],
                             found: list[tuple[str, int, int]]) -> dict[str, set[str]] | None:
    """Country -> mechanisms when a sentence names two or more third countries and gives a mechanism in
    brackets right after one of them ("Kanada (Angemessenheitsbeschluss) und USA (SCC)"); a country
    with no bracket of its own keeps the mechanisms named outside every bracket. None when no such bracket."""
    third = [(c, s, e) for c, s, e in found if countries().third(c)]
    if len({c for c, _, _ in third}) < 2:
        return None
    bracket = rx("transfers", "country_bracket")
    inside: dict[str, set[str]] = {}
    claimed: set[int] = set()
    for code, _, end in third:
        m = bracket.match(text, end)
        if not m:
            continue
        own = {n for n, s, _ in mechs if m.start() <= s < m.end()}
        if own:
            inside.setdefault(code, set()).update(own)
            claimed |= {s for _, s, _ in mechs if m.start() <= s < m.end()}
    if not inside:
        return None
    rest = {n for n, s, _ in mechs if s not in claimed}
    return {code: inside.get(code, set()) | rest for code, _, _ in third}


def bracketed_countries(ctx: DocContext, sent: Sentence, recips: list[str], mechs: list[tuple[str, int, int]],
                        dests: set[str], found: list[tuple[str, int, int]], value: int = 0) -> list[Scope] | None:
    """The scopes of a list of recipients that each bring their own countries in brackets ("transferred to:
    A (USA), B (UK, Israel), C (Kanada) and advertising partners"): each recipient with a bracket of
    country names gets those; the others get the destinations named outside such brackets. None unless
    two or more recipients have such a bracket, or when a country outside them has nobody to go to
    ("A (IE) and B (US) send data to India" binds nothing) and the brackets are no list after a colon.

    ``found`` (country hits) holds offsets in the sentence's text from ``value`` on (see :func:`recipient_scopes`);
    ``dests`` are the sentence's destinations: a recipient whose bracket names only EU/EEA countries gets none."""
    if len(recips) < 2:
        return None
    text = sent.text[value:]
    bracket, joiner = rx("transfers", "country_list_bracket"), rx("transfers", "country_list_joiner", re.I)
    own: dict[str, set[str]] = {}
    inside: set[int] = set()
    first = len(text)
    for m in ctx.mentions_in(sent.start + value, sent.end):
        b = bracket.match(text, m.end - sent.start - value) if m.vendor.key in recips else None
        if b is None:
            continue
        hits = [(c, s, e) for c, s, e in found if b.start(1) <= s and e <= b.end(1)]
        rest = text[b.start(1):b.end(1)]
        for _, s, e in sorted(hits, key=lambda h: -h[1]):
            rest = rest[:s - b.start(1)] + "," + rest[e - b.start(1):]
        if hits and joiner.match(rest):
            own.setdefault(m.vendor.key, set()).update(c for c, _, _ in hits)
            inside.update(s for _, s, _ in hits)
            first = min(first, m.start - sent.start - value)
    if len(own) < 2:
        return None
    outside = {c for c, s, _ in found if s not in inside}
    rest_dests = {d for d in dests if d in outside or d not in {c for c, _, _ in found}}
    others = tuple(r for r in recips if r not in own)
    if rest_dests & outside and not others and ":" not in text[:first]:
        return None  # unless the brackets make a list after a colon: what lies outside them is nobody's
    scopes = [Scope((key,), tuple(mechs), frozenset(own[key] & dests)) for key in recips if own.get(key, set()) & dests]
    if others and rest_dests:
        scopes.append(Scope(others, tuple(mechs), frozenset(rest_dests)))
    return scopes


def bracketed_mechanisms(ctx: DocContext, sent: Sentence, recips: list[str], mechs: list[tuple[str, int, int]],
                         dests: set[str], value: int = 0) -> list[Scope] | None:
    """The scopes of a list of recipients that each bring their own mechanisms in brackets ("USA: A (SCCs),
    B (DPF and SCCs), C (DPF)"): each recipient gets the mechanisms of its own bracket and those named
    outside every such bracket; a recipient without a bracket gets only the latter. None unless two or
    more recipients have a bracket naming a mechanism. ``mechs`` are offsets in the sentence's text from
    ``value`` on (see :func:`recipient_scopes`)."""
    if len(recips) < 2 or len(mechs) < 2:
        return None
    text = sent.text[value:]
    bracket = rx("transfers", "country_list_bracket")
    own: dict[str, list[tuple[str, int, int]]] = {}
    claimed: set[int] = set()
    for m in ctx.mentions_in(sent.start + value, sent.end):
        b = bracket.match(text, m.end - sent.start - value) if m.vendor.key in recips else None
        inside = [x for x in mechs if b is not None and b.start(1) <= x[1] and x[2] <= b.end(1)]
        if inside:
            own.setdefault(m.vendor.key, []).extend(inside)
            claimed.update(s for _, s, _ in inside)
    if len(own) < 2:
        return None
    rest = tuple(x for x in mechs if x[1] not in claimed)
    return [Scope((key,), rest + tuple(own.get(key, ())), frozenset(dests)) for key in recips]


def mechanisms_for_countries(text: str, mechs: list[tuple[str, int, int]], found: list[tuple[str, int, int]],
                             dests: set[str]) -> dict[str, set[str]] | None:
    """Country -> mechanisms when a sentence with two or more destinations names a mechanism "for" a country
    ("Switzerland, USA and other countries: adequacy decision for Switzerland, otherwise your explicit consent"):
    that mechanism covers only the countries after it; one named after "otherwise" covers the rest; any other
    covers all. None when no mechanism is followed by its own country."""
    if len(dests) < 2:
        return None
    lead, joiner = rx("transfers", "mechanism_for_country", re.I), rx("transfers", "country_list_joiner", re.I)
    starts = sorted(found, key=lambda h: h[1])
    bound: dict[int, set[str]] = {}
    for _, s, e in mechs:
        m = lead.match(text, e)
        pos, codes = (m.end() if m else -1), set()
        for code, cs, ce in starts:
            if cs == pos or codes and cs > pos and joiner.match(text[pos:cs]):
                codes.add(code)
                pos = ce
        if codes & dests:
            bound[s] = codes & dests
    if not bound:
        return None
    rest = rx("transfers", "remainder", re.I)
    out: dict[str, set[str]] = {d: set() for d in dests}
    covered = set().union(*bound.values())
    for n, s, _ in mechs:
        if s in bound:
            targets = bound[s]
        elif rest.search(text, max([b for b in bound if b < s], default=0), s):
            targets = dests - covered  # "..., otherwise SCCs": the countries no mechanism was named for
        else:
            targets = dests
        for d in targets:
            out[d].add(n)
    return out
