"""The controller, the countries stated for each named entity, and the parties (vendors) of a policy.

>>> from vendorgraph.load import from_text
>>> from vendorgraph.segment import segment
>>> d = from_text("The controller is ACME GmbH, Hauptstr. 1, 10115 Berlin, Germany. We use Zoom Video Communications, Inc., San Jose, USA.")
>>> ctx = DocContext.build(d, segment(d.text))
>>> c = find_controller(ctx); (c.name, c.country)
('ACME GmbH', 'DE')
>>> stated = entity_countries(ctx)
>>> sorted({code for cs in stated.values() for code, _, _ in cs})
['DE', 'US']
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache, lru_cache

from ..model import Controller
from .context import DocContext
from .controller_lines import bare_letterhead, in_toc, letterhead, name_words, owner_line, qualified_cue
from .lexicon import countries, lexicon, rules, rx
from .literals import iter_literal
from .mentions import group_names, nominative_name, resolve_name, strip_legal_form
from .nonrecipients import passive  # noqa: F401 - re-exported for the extractor

#: Characters after a name that may hold its address.
ADDRESS_REACH = 170


@cache
def _cut() -> re.Pattern[str]:
    """Where an address window ends: a sentence end (not after Inc./Ltd./...), a blank line, a long line."""
    # every match starts with one of [.;!?\n]: a lookahead on them first spares the lookbehinds elsewhere
    return re.compile(r"(?=[.;!?\n])(?:(?<!Inc)(?<!Ltd)(?<!Co)(?<!St)(?<!Nr)(?<!No)[.;!?](?=\s+[A-ZÄÖÜ„“\"(])|\n\s*\n|\n(?=[^\n]{90,}))")


@cache
def _not_party_re() -> re.Pattern[str]:
    pats = lexicon("not_parties").get("patterns", []) or ["(?!)"]
    return re.compile("|".join(f"(?:{p})" for p in pats), re.I)


@lru_cache(maxsize=4096)
def not_a_party(name: str) -> bool:
    """True for authorities, EU bodies and opt-out sites (``ingest/lexicons/not_parties.json``)."""
    return bool(_not_party_re().search(name))


def _label_name(text: str, pos: int) -> tuple[int, int, str] | None:
    """A name written right after a cue ("Verantwortlich: Praxis Dr. Sommer, Marktplatz 3")."""
    m = rx("parties", "controller_label_name").match(text, pos, min(len(text), pos + 120))
    if not m:
        return None
    name = m.group(1).strip()
    stop = set(rules("parties")["name_stop_tokens"])
    if len(name.split()) > 8 or name.split()[0] in stop or not_a_party(name) or re.search(r"[.:;]$", name):
        return None
    return m.start(1), m.start(1) + len(name), name


def _heading_name(text: str, cue: re.Match[str]) -> tuple[int, int, str] | None:
    """The name on the line after a cue that is a line of its own ("1. Verantwortliche Stelle\n\nPraxis Dr. Ros",
    "Verantwortlich für die Datenverarbeitung:\nGemeinschaftspraxis Dr. med. A. Roth & Dr. med. B. Ilić")."""
    line_start = text.rfind("\n", 0, cue.start()) + 1
    line_end = text.find("\n", cue.end())
    rest = text[cue.end():line_end]
    if line_end < 0 or not re.fullmatch(r"[\s\d.#*]*", text[line_start:cue.start()]) \
            or len(rest.strip(" :*#")) > 20 and not qualified_cue(rest):
        return None
    m = re.compile(r"\s*(\S[^\n,]{2,79})").match(text, line_end)
    name = m.group(1).strip() if m else ""
    if not name:
        return None
    stop = set(rules("parties")["name_stop_tokens"])
    if not name[0].isupper() or name.split()[0] in stop or name_words(name) > 8 or re.search(r"[:@]|[.;]$", name) \
            or not_a_party(name):
        return None
    return m.start(1), m.start(1) + len(name), name


def _paragraph_break(text: str, start: int, end: int) -> bool:
    """True when a blank line lies between ``start`` and ``end`` (a name there is no longer the cue's)."""
    return re.search(r"\n[ \t]*\n", text[start:end]) is not None


def _after(cue: re.Match[str], cands: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The names within reach after a cue."""
    window = rules("parties")["controller_window"]
    return [c for c in cands if cue.start() <= c[0] <= cue.start() + window]


def _pick(ctx: DocContext, cue: re.Match[str], cands: list[tuple[int, int, str]]) -> tuple[int, int, str] | None:
    """The name a cue points to (None: then the first name within reach after it, :func:`_after`, is a weak
    candidate, taken only when no later cue points to a name: "1. Name und Anschrift des Verantwortlichen"
    followed by a label line)."""
    subject = rx("parties", "controller_subject_cue", re.I).match(cue.group(0))
    if subject and (before := _before(ctx, cue, cands)):
        return before[-1]  # "X decides how and why ...": the subject
    after = _after(cue, cands)
    head = _heading_name(ctx.doc.text, cue)
    if head and (not after or head[0] < after[0][0]):
        return head
    label = _label_name(ctx.doc.text, cue.end())
    if after and after[0][0] - cue.end() < 120 and not (label and _paragraph_break(ctx.doc.text, label[1], after[0][0])):
        return after[0]
    if label:
        return label
    before = _before(ctx, cue, cands)
    return before[-1] if before else None


def _heading_only(text: str, cue: re.Match[str]) -> bool:
    """True for a cue that counts only as a heading of its own ("Impressum") but stands in running text."""
    if not rx("parties", "controller_heading_cue", re.I).match(cue.group(0)):
        return False
    return bool(text[text.rfind("\n", 0, cue.start()) + 1:cue.start()].strip(" \t#*"))


def _before(ctx: DocContext, cue: re.Match[str], cands: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The names in the cue's sentence before it."""
    sent = ctx.sentence_at(cue.start())
    return [c for c in cands if sent and sent.start <= c[0] and c[1] <= cue.start()]


def _points_to_letterhead(sentences: list[str], short: str) -> bool:
    """True when a controller cue's sentence names the short name the letterhead defines ("Verantwortlich ist der
    VN"). (A sentence saying "named above" never gets here: the cue loop takes the letterhead for it at once.)"""
    return bool(short) and any(re.search(rf"\b{re.escape(short)}\b", s) for s in sentences)


def find_controller(ctx: DocContext) -> Controller | None:
    """The controller named at a controller cue, else on an owner line ("X – Inh. Y"), else a letterhead without a
    legal form that a cue points back to ("die oben genannte Praxis"), else the first name within reach after a
    cue, else a letterhead (a name with an address below it at the top), else the most frequent "<Name> Group"."""
    text = ctx.doc.text
    not_ctx = rx("parties", "not_controller_context", re.I)
    cands = [(m.start, m.end, m.surface) for m in ctx.mentions if m.kind == "entity" and m.vendor.source != "curated"]
    groups_found = group_names(text)
    cands += groups_found
    cands = sorted(c for c in cands if not not_a_party(c[2]))
    we = rx("parties", "we_alias", re.I)
    best = next((c for c in cands if we.match(text, c[1])), None)
    rule, conf = "controller.we_alias", 0.9
    weak: tuple[int, int, str] | None = None
    pointing: list[str] = []  # the sentences of cues that found no name
    bare = bare_letterhead(text) if best is None else None  # a letterhead without a legal form (the top only)
    cues = iter_literal(rx("parties", "controller_cues", re.I), text, rules("parties")["controller_cues"])
    for cue in cues if best is None else ():  # lazily: the loop mostly stops at an early cue
        sent = ctx.sentence_at(cue.start())
        if sent is not None and not_ctx.search(sent.text) or in_toc(text, cue.start()) or _heading_only(text, cue):
            continue
        above = sent is not None and rx("parties", "controller_above", re.I).search(sent.text)
        first = [c for c in cands if c[1] <= cue.start()][:1] if above else []
        if above and not first and bare is not None and not not_a_party(bare[2]):
            best, rule, conf = bare[:3], "controller.bare_letterhead", 0.6  # "die oben genannte Praxis"
            break
        best = first[0] if first else _pick(ctx, cue, cands)
        if best is not None:
            rule = "controller.cue"
            if bare is not None and bare[3] and best[2] == bare[3]:
                best, rule, conf = bare[:3], "controller.bare_letterhead", 0.6  # its short name: "der VN"
            break
        weak = weak or next(iter(_after(cue, cands)), None)
        if sent is not None:
            pointing.append(sent.text)
    if best is None and (owner := owner_line(text)) is not None and not not_a_party(owner[2]):
        best, rule, conf = owner, "controller.owner_line", 0.7
    if best is None and pointing and bare is not None \
            and _points_to_letterhead(pointing, bare[3]) and not not_a_party(bare[2]):
        best, rule, conf = bare[:3], "controller.bare_letterhead", 0.6
    if best is None and weak is not None:
        best, rule = weak, "controller.cue"
    if best is None and (head := letterhead(text, cands)) is not None:
        best, rule, conf = head, "controller.letterhead", 0.6
    if best is None:
        groups = Counter(name for _, _, name in groups_found)
        if groups and groups.most_common(1)[0][1] >= 2:
            name = groups.most_common(1)[0][0]
            best = next(g for g in groups_found if g[2] == name)
            rule, conf = "controller.group_name", 0.6
    if best is None:
        return None
    s, e, name = _nominative(best, cands)
    name = nominative_name(name)
    ctx.controller_keys = frozenset({resolve_name(name).key, resolve_name(best[2]).key})
    ctx.controller_names = (name,)
    country = _controller_country(ctx, e, name)
    return Controller(name, country, _dpo(text), (ctx.span(s, e, rule, conf),))


def _controller_country(ctx: DocContext, end: int, name: str) -> str | None:
    """The country in the address after the controller's name, here or where the name is written again."""
    text = ctx.doc.text
    ends = [end] + [m.end for m in ctx.mentions if m.surface == name and m.end != end]
    for e in ends:
        found = _countries_after(ctx, e, len(text))
        country = found[0][0] if found else _german_address(text[e:e + ADDRESS_REACH])
        if country:
            return country
    return None


def _nominative(best: tuple[int, int, str], cands: list[tuple[int, int, str]]) -> tuple[int, int, str]:
    """The same name written elsewhere without a genitive s ("des Kammerchors X e.V." -> "Kammerchor X e.V.")."""
    first, _, rest = best[2].partition(" ")
    for cut in ("s", "es"):
        if first.endswith(cut) and len(first) > len(cut) + 2:
            plain = " ".join(filter(None, (first[: -len(cut)], rest)))
            found = next((c for c in cands if c[2] == plain), None)
            if found:
                return found
    return best


def _german_address(window: str) -> str | None:
    """DE when an address with a five-digit postcode and a German street word follows the name."""
    if re.search(r"(?:straße|str\.|weg|allee|platz|gasse|ring|damm)\s*\d+.{0,40}?\b\d{5}\s+[A-ZÄÖÜ]", window, re.I | re.S):
        return "DE"
    return None


def _dpo(text: str) -> str | None:
    # the first cue, found where one of its literals occurs (``search``'s match: the leftmost)
    m = next(iter_literal(rx("parties", "dpo_cues"), text, rules("parties")["dpo_cues"]), None)
    if not m:
        return None
    tail = text[m.end():m.end() + 160]
    person = re.search(r"((?:Dr\.|Prof\.)\s)?\b[A-ZÄÖÜ][a-zäöüß]+(?:-[A-ZÄÖÜ][a-zäöüß]+)? [A-ZÄÖÜ][a-zäöüß]+(?:-[A-ZÄÖÜ][a-zäöüß]+)?\b", tail)
    if person and not re.match(r"(?:Data|Daten|The|Der|Die|You|Sie|Our|Unser)", person.group(0)):
        return person.group(0).strip()
    return None


def _countries_after(ctx: DocContext, start: int, stop: int) -> list[tuple[str, int, int]]:
    """Countries in the address-like text after a name: up to the next sentence end or ``stop``."""
    text = ctx.doc.text
    end = min(stop, start + ADDRESS_REACH)
    cut = _cut().search(text, start, end)
    if cut:
        end = cut.start()
    window = text[start:end]
    found = [(c, start + s, start + e) for c, s, e in ctx.hits("country", start, end)]
    us = countries().us_address.search(window)
    if us:
        found.append(("US", start + us.start(), start + us.end()))
    return sorted(found, key=lambda f: f[1])


def entity_countries(ctx: DocContext) -> dict[int, list[tuple[str, int, int]]]:
    """Mention index -> (country, start, end) stated for that entity (address, "based in", adjective). The seat of a
    parent named as a vendor's owner is not the vendor's: it goes to ``ctx.parent_seats``."""
    text, c = ctx.doc.text, countries()
    out: dict[int, list[tuple[str, int, int]]] = {}
    loc, subs = rx("transfers", "location_cue"), rx("transfers", "unnamed_sub_processors", re.I)
    seats: set[int] = set()
    for i, m in enumerate(ctx.mentions):
        nxt = next((n for n in ctx.mentions[i + 1:i + 8]
                    if n.vendor.key != m.vendor.key or n.start in ctx.parents), None)  # a parent has its own seat
        stop = nxt.start if nxt is not None else len(text)
        line = text.rfind("\n", 0, m.start) + 1
        if text.rfind("(", line, m.start) > text.rfind(")", line, m.start) and ")" in text[m.end:stop]:
            stop = text.index(")", m.end)  # "(X S.R.L.) or in the USA", "X (sub-processor of Y) | USA": not Y's
        found = _countries_after(ctx, m.end, stop)
        if m.kind in ("brand", "alias") and not _table_row(text, m.start) and strip_legal_form(m.surface) == m.surface:
            found = [f for f in found if loc.search(text[max(m.end, f[1] - 20):f[1]]) and f[1] - m.end < 80]
        found = [f for f in found if not subs.search(text, m.end, f[2])]  # "X uses sub-processors in the USA"
        adj = c.adjective_pattern.search(text, max(0, m.start - 40), m.start)
        if adj and m.kind in ("entity", "tool"):
            found.append((c.by_adjective[adj.group(0)], adj.start(), adj.end()))
        if m.start in ctx.parents:
            seats.update(f[1] for f in found[:1])  # "X is a company of Y Corp., USA": Y's seat, not X's
        elif found:
            out[i] = found
    ctx.parent_seats = frozenset(seats)
    return out


def _table_row(text: str, pos: int) -> bool:
    """True inside a markdown table row ("| Vendor | purpose | USA |"): its cells describe one vendor."""
    start = text.rfind("\n", 0, pos) + 1
    return text[start:pos].lstrip().startswith("|")
