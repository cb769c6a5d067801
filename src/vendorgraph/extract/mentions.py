"""Find organisation mentions in a policy and resolve them to vendors.

Four kinds of mention: ``entity`` (a name with a legal form: "Google Ireland Limited"), ``brand``
(a registry or lexicon surface form: "Google Analytics", "YouTube"), ``alias`` (a short name the text
defines: 'Zoom Video Communications, Inc. ("Zoom")' or the first word of an entity name) and
``tool`` (a CamelCase or domain-like name after "tool"/"service"/"Dienst"). ``group`` mentions
("ACME Group") only serve to find the controller.

>>> ms = find_mentions("We use Tandem Meeting Systems, Inc. (\\"Tandem\\"). Tandem stores data.")
>>> sorted({(m.kind, m.surface) for m in ms})
[('alias', 'Tandem'), ('entity', 'Tandem Meeting Systems, Inc.')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Iterable

from ..load.checks import word_char
from ..segment import abbreviations
from .lexicon import finditer_shared, lexicon, rules, rx, trie_regex
from .literals import finditer_marked, literal_starts
from .names import (addressed_institutions, headed_institutions, lower_case_entities, near_legal_forms, nominative,
                    prefixed_entities)

_TOKEN = re.compile(r"[\w][\w&'+\-]*(?:\.(?:com|io|me|net|de|co|to)\b)?\.?")


@dataclass(frozen=True)
class Vendor:
    """A vendor a mention resolves to: ``key`` groups mentions, ``iri`` is set for registry vendors."""

    key: str
    name: str
    iri: str | None = None
    service: str | None = None
    entity_country: str | None = None
    source: str = "local"  # curated | registry | lexicon | local


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    surface: str
    kind: str
    vendor: Vendor
    confidence: float


@cache
def _registry():
    """The vendor registry when its module and data are available, else None (looked up once)."""
    try:
        from ..resolve.registry import Registry

        return Registry.default()
    except Exception:  # noqa: BLE001 - the registry is optional for extraction
        return None


@cache
def gazetteer() -> dict[str, Vendor]:
    """Surface form -> vendor, from the registry (curated vendors) and the fallback brand lexicon."""
    out: dict[str, Vendor] = {}
    reg = _registry()
    if reg is not None:
        for surface, iri in reg.surface_forms(include_seeded=False):
            v = reg.vendor(iri)
            m = reg.resolve(surface)
            service = m.service if m and m.vendor.iri == iri else None
            out.setdefault(" ".join(surface.split()), Vendor(iri, v.name, iri, service, None, "curated"))
    for name, forms in lexicon("brands").get("vendors", {}).items():
        for f in forms:
            out.setdefault(" ".join(f.split()), Vendor(f"lex:{name.lower()}", name, None, None, None, "lexicon"))
    return {k: v for k, v in out.items() if len(k) >= 2}


@cache
def _first_tokens() -> dict[str, int]:
    """First token of each surface form -> the most tokens a form starting with it has."""
    out: dict[str, int] = {}
    for k in gazetteer():
        toks = _TOKEN.findall(k)
        if toks:
            first = toks[0].rstrip(".")
            out[first] = max(out.get(first, 1), len(toks))
    return out


@lru_cache(maxsize=8192)
def resolve_name(name: str) -> Vendor:
    """The vendor an organisation name denotes: registry, then lexicon, then a local key (cached: a name is
    resolved once per process)."""
    reg = _registry()
    if reg is not None:
        m = reg.resolve(name)
        if m is not None:
            return Vendor(m.vendor.iri, m.vendor.name, m.vendor.iri, m.service,
                          m.entity.country if m.entity else None,
                          "curated" if m.vendor.source == "curated" else "registry")
    g = gazetteer().get(" ".join(name.split()))
    if g is not None:
        return g
    base = nominative(strip_legal_form(name))
    words = [w for w in re.split(r"[\s,]+", base) if w]
    first = words[0] if words else base
    stop = set(rules("parties")["first_word_stoplist"])
    key = first if len(first) >= 3 and first not in stop else base
    hit = gazetteer().get(key) or gazetteer().get(base)
    if hit is None and (bare := rx("parties", "domain_suffix", re.I).sub("", key)) != key:
        hit = gazetteer().get(bare) or resolve_name(bare) if len(bare) >= 3 else None  # "Taboola.com Ltd."
        hit = hit if hit is not None and not hit.key.startswith("local:") else None
    if hit is not None:
        return hit
    return Vendor(f"local:{key.lower()}", base)


@cache
def _legal_form_re() -> re.Pattern[str]:
    alt = trie_regex(rules("parties")["legal_forms"])  # same matches as the longest-first alternation, faster
    tok = rules("parties")["name_token"]
    hy = "|".join(re.escape(f) for f in rules("parties")["hyphen_legal_forms"])  # "Versicherungs-AG"
    return re.compile(rf"(?<![\w])((?:[A-ZÄÖÜ0-9][\w&.'’+\-]*?)(?:[ \-]{tok})*?)(?:\s*,?\s+|-(?=(?:{hy})\b))({alt})(?![\w])(\.?)")


@cache
def _legal_form_first_re() -> re.Pattern[str]:
    """Where :func:`_legal_form_re` may match: ``(?<![\\w])[A-ZÄÖÜ0-9]``, the class first (``re`` skips to it)."""
    return re.compile(r"[A-ZÄÖÜ0-9](?<![\w][\s\S])")


@cache
def _forms_longest_first() -> tuple[str, ...]:
    return tuple(sorted(rules("parties")["legal_forms"], key=len, reverse=True))


@lru_cache(maxsize=4096)
def strip_legal_form(name: str) -> str:
    """``name`` without its trailing legal form ("Fathom Video Inc." -> "Fathom Video")."""
    s = name.strip()
    forms = [f for f in _forms_longest_first() if f in s]  # s only shrinks: no other form can end it
    changed = True
    while changed:
        changed = False
        for f in forms:
            for sep in (" ", ", ", ","):
                if s.endswith(sep + f) or s.endswith(sep + f + "."):
                    s = s[: s.rfind(sep + f)].rstrip(" ,")
                    changed = True
    return s or name


def nominative_name(name: str) -> str:
    """``name`` with its words before the legal form in the nominative (:func:`~.names.nominative`):
    "Bayerischen Fußball-Verband e.V." -> "Bayerischer Fußball-Verband e.V."."""
    base = strip_legal_form(name)
    return nominative(base) + name.strip()[len(base):] if name.strip().startswith(base) else name


@cache
def _stop_tokens() -> frozenset[str]:
    """``name_stop_tokens`` of the parties rules as a set (asked for every name found)."""
    return frozenset(rules("parties")["name_stop_tokens"])


@cache
def _particles() -> frozenset[str]:
    """``name_particles`` of the parties rules as a set."""
    return frozenset(rules("parties")["name_particles"])


def _trim(name: str, start: int) -> tuple[str, int]:
    """Drop generic leading words ("Dienstleister CleverReach GmbH" -> "CleverReach GmbH"), but not the
    company type that opens a registered name ("Steuerberatungsgesellschaft Kornmeier & Partner mbB")."""
    r = rules("parties")
    stop, suffixes, particles = _stop_tokens(), tuple(r["name_stop_suffixes"]), _particles()
    words = name.split(" ")
    while len(words) > 1 and re.fullmatch(r"[\d.§]+|\w+\.", words[0]):
        start += len(words[0]) + 1
        words = words[1:]
    keep = rx("parties", "name_head_keep")
    while len(words) > 2 and (words[0] in stop or words[0] in particles or "-" in words[0] and words[0][-1].islower()
                              or words[0].lower().endswith(suffixes) and not keep.match(words[0])):
        start += len(words[0]) + 1
        words = words[1:]
    if len(words) > r["max_name_tokens"] + 1:
        cut = len(words) - r["max_name_tokens"] - 1
        start += sum(len(w) + 1 for w in words[:cut])
        words = words[cut:]
    return " ".join(words), start


def _sentence_start(name: str) -> int:
    """Where a new sentence starts inside a name candidate ("Platz 1. Die X AG" -> 10; "Dr. Roth" -> 0)."""
    start = 0
    for m in re.finditer(r"([\w\-]+)\.\s+(?=[A-ZÄÖÜ])", name):
        word = m.group(1)
        if word not in abbreviations() and (len(word) > 1 or word.isdigit()):
            start = m.end()
    return start


def _co_partner_start(text: str, start: int, name: str) -> int:
    """Where a partnership name written with commas starts: "Creditreform Ulm Müller, Schott & Co. KG"
    (the legal-form scan stops at the comma and finds "Schott & Co. KG")."""
    if not rx("parties", "co_partner_name").match(name):
        return start
    head = rx("parties", "co_partner_head").search(text, max(0, start - 80), start)
    if head is None:
        return start
    trimmed, s = _trim(head.group(1), head.start(1))
    return start if trimmed.split(" ")[0] in _stop_tokens() else s


def entity_mentions(text: str) -> list[tuple[int, int, str]]:
    """(start, end, name) of names written with a legal form."""
    out = []
    for m in near_legal_forms(_legal_form_re(), _legal_form_first_re(), text, heads=1):
        head = _sentence_start(m.group(1))
        name, s = _trim(m.group(1)[head:], m.start(1) + head)
        head = name.split(" ")[0]
        if head in _stop_tokens() or not (head[:1].isupper() or head[:1].isdigit()):
            continue
        if not any(ch.isalpha() for ch in name[:m.start(2) - s]):
            continue  # "1016 AB Amsterdam": a postcode before a legal-form look-alike
        end = m.end(2) + (1 if m.group(3) and m.group(2) in ("Inc", "Ltd", "Corp", "Co") else 0)
        s = _co_partner_start(text, s, name)
        out.append((s, end, text[s:end]))
    return (out + lower_case_entities(text) + prefixed_entities(text) + addressed_institutions(text)
            + headed_institutions(text))


@cache
def _first_re() -> re.Pattern[str]:
    """Where a surface form may start: one of the first tokens, at a token boundary."""
    firsts = sorted(_first_tokens(), key=len, reverse=True) or ["(?!)"]
    initials = "".join(sorted({re.escape(f[0]) for f in firsts if f}))
    return re.compile(rf"(?=[{initials}])(?<![\w&'+\-.])(?:{trie_regex(firsts)})(?![\w&'+\-])")


@cache
def _scans() -> tuple[re.Pattern[str], ...]:
    """The regexes every text is scanned for at word starts (in one pass, see :func:`finditer_shared`)."""
    return _first_re(), rx("parties", "service_cue")


@cache
def _token_runs() -> tuple[frozenset[tuple[str, ...]], frozenset[tuple[str, ...]]]:
    """(every leading run, the whole run) of the tokens of the surface forms, each token without its
    trailing dots: a stretch of text is a surface form only if its tokens are a whole run, and it can
    grow into one only while they are a leading run."""
    leading: set[tuple[str, ...]] = set()
    whole: set[tuple[str, ...]] = set()
    for k in gazetteer():
        toks = tuple(t.rstrip(".") for t in _TOKEN.findall(k))
        if toks:
            whole.add(toks)
            leading.update(toks[:i] for i in range(1, len(toks) + 1))
    return frozenset(leading), frozenset(whole)


def _gazetteer_hits(text: str) -> list[tuple[int, int, str]]:
    """Longest registry/lexicon surface forms in ``text``, left to right, not inside URLs. The tokens after
    a candidate are read only while they may still continue a surface form (:func:`_token_runs`), and a
    stretch is looked up only when its tokens are those of one."""
    g = gazetteer()
    leading, whole = _token_runs()
    out: list[tuple[int, int, str]] = []
    pos = 0
    for cand in finditer_shared(_first_re(), text, _scans()):
        m = _TOKEN.match(text, cand.start())
        if m is None or m.start() < pos:
            continue
        run = (m.group().rstrip("."),)
        if run not in leading:
            continue
        ends, runs = [m.end()], [run]
        for t in _TOKEN.finditer(text, m.end()):
            run = run + (t.group().rstrip("."),)
            if t.start() - ends[-1] > 3 or run not in leading:
                break
            ends.append(t.end())
            runs.append(run)
        for e, run in zip(reversed(ends), reversed(runs)):
            if run not in whole:
                continue
            hit = None
            for end in (e, e - 1) if text[e - 1] == "." else (e,):
                key = " ".join(text[m.start():end].split())
                if key in g:
                    hit = end
                    break
            if hit is not None:
                if not _in_url(text, m.start()):
                    out.append((m.start(), hit, " ".join(text[m.start():hit].split())))
                    pos = hit
                break
    return out


def _last_run(left: str) -> str:
    """``re.split(r"\\s", left)[-1]``: what follows the last white-space character."""
    return "" if not left or left[-1].isspace() else left.rsplit(None, 1)[-1]


def _in_url(text: str, pos: int) -> bool:
    left = text[max(0, pos - 60):pos]
    tail = _last_run(left)
    return "/" in tail or tail.startswith("www") or "@" in tail or (pos > 0 and text[pos - 1] in ".@/")


def find_mentions(text: str) -> list[Mention]:
    """All organisation mentions in ``text``, non-overlapping, in text order."""
    found: list[Mention] = []
    for s, e, name in entity_mentions(text):
        found.append(Mention(s, e, name, "entity", resolve_name(name), 0.9))
    for s, e, key in _gazetteer_hits(text):
        found.append(Mention(s, e, text[s:e], "brand", resolve_name(key), 0.85))
    for m in finditer_shared(rx("parties", "service_cue"), text, _scans()):
        if not _in_url(text, m.start(1)):
            found.append(Mention(m.start(1), m.end(1), m.group(1), "tool", resolve_name(m.group(1)), 0.6))
    for m in finditer_marked(rx("parties", "quoted_service"), text):  # tried only before quotes
        name = m.group(1).strip()
        if re.search(r"[a-z][A-Z]|\.(?:com|io|me|de)$", name) and "-" not in name:
            found.append(Mention(m.start(1), m.start(1) + len(name), name, "tool", resolve_name(name), 0.6))
    found = _dedupe(found)
    found += _alias_mentions(text, found)
    return _unify(_dedupe(found))


@lru_cache(maxsize=8192)
def _first_word(name: str) -> str:
    """The lower-cased first word of ``name`` without its legal form (asked twice per mention, cached)."""
    words = [w for w in re.split(r"[\s,]+", strip_legal_form(name)) if w]
    return words[0].rstrip(".").lower() if words else ""


def _unify(ms: list[Mention]) -> list[Mention]:
    """One vendor per leading name word: "Intercom" and "Intercom R&D Unlimited Company" are one vendor.

    The preferred record is a curated registry vendor, then a lexicon brand, then any other."""
    stop = {w.lower() for w in rules("parties")["first_word_stoplist"]}

    order = {"curated": 0, "lexicon": 1, "registry": 2, "local": 3}

    def rank(v: Vendor) -> tuple[int, str]:
        return (order.get(v.source, 3), v.key)

    best: dict[str, Vendor] = {}
    for m in ms:
        w = _first_word(m.vendor.name)
        if len(w) >= 3 and w not in stop and (w not in best or rank(m.vendor) < rank(best[w])):
            best[w] = m.vendor
    out = []
    for m in ms:
        v = best.get(_first_word(m.vendor.name))
        if v is not None and v.key != m.vendor.key:
            keep_service = m.vendor.service
            vendor = Vendor(v.key, v.name, v.iri, keep_service, m.vendor.entity_country, v.source)
            m = Mention(m.start, m.end, m.surface, m.kind, vendor, m.confidence)
        out.append(m)
    return out


def _dedupe(ms: list[Mention]) -> list[Mention]:
    rank = {"entity": 0, "brand": 1, "alias": 2, "tool": 3, "group": 4}
    ms = sorted(ms, key=lambda m: (m.start, -(m.end - m.start), rank[m.kind]))
    out: list[Mention] = []
    for m in ms:
        if out and m.start < out[-1].end:
            continue
        out.append(m)
    return out


def _alias_mentions(text: str, found: list[Mention]) -> list[Mention]:
    """Short names the text defines for an entity, and first words of entity names, everywhere."""
    aliases: dict[str, tuple[Vendor, float]] = {}
    stop = set(rules("parties")["first_word_stoplist"]) | set(rules("parties")["name_stop_tokens"])
    pat = rx("parties", "alias_after")
    for m in found:
        if m.kind in ("entity", "tool"):
            a = pat.match(text, m.end, min(len(text), m.end + 170))
            if a and a.group(1).strip() not in stop:
                aliases.setdefault(a.group(1).strip(), (m.vendor, min(0.8, m.confidence)))
            first = re.split(r"[\s,]+", strip_legal_form(m.surface))[0].rstrip(".")
            if len(first) >= 3 and first not in stop and (first[0].isupper() or m.kind == "entity"):
                aliases.setdefault(first, (m.vendor, min(0.8, m.confidence)))
                aliases.setdefault(first[0].upper() + first[1:], (m.vendor, min(0.8, m.confidence)))
    out: list[Mention] = []
    if not aliases:
        return out
    for s, e in alias_spans(aliases, text):
        if not _in_url(text, s):
            vendor, conf = aliases[text[s:e]]
            out.append(Mention(s, e, text[s:e], "alias", vendor, conf))
    return out


def _alias_bounded(text: str, s: int, e: int) -> bool:
    """``text[s:e]`` is a word of its own: ``(?<![\\w\\-/.@])`` before it, ``(?![\\w\\-]|\\.\\w)`` after it."""
    if s > 0 and (word_char(text[s - 1]) or text[s - 1] in "-/.@"):
        return False
    if e < len(text) and (word_char(text[e]) or text[e] == "-"
                          or text[e] == "." and e + 1 < len(text) and word_char(text[e + 1])):
        return False
    return True


def alias_spans(aliases: Iterable[str], text: str) -> list[tuple[int, int]]:
    """(start, end) of each of ``aliases`` as a word of its own, left to right without overlaps, the longest
    at each place: what ``finditer`` of the alternation of the aliases sorted longest first finds, by
    ``str.find`` (no regex to compile per document).

    >>> alias_spans(["Acme", "Acme Cloud"], "Acme Cloud and Acme-X, not Acme.com but Acme.")
    [(0, 10), (40, 44)]
    """
    longest: dict[int, int] = {}
    for a in set(aliases):
        i = text.find(a) if a else -1
        while i >= 0:
            e = i + len(a)
            if e > longest.get(i, -1) and _alias_bounded(text, i, e):
                longest[i] = e
            i = text.find(a, i + 1)
    out: list[tuple[int, int]] = []
    pos = 0
    for s in sorted(longest):
        if s >= pos:
            out.append((s, longest[s]))
            pos = longest[s]
    return out


@cache
def _group_re() -> re.Pattern[str]:
    """"<Name> Group" or "<Name>-Gruppe" (the words of ``group_words``)."""
    words = "|".join(re.escape(w) for w in rules("parties")["group_words"])
    return re.compile(rf"\b((?:[A-ZÄÖÜ][\w&\-]*\s){{1,3}}(?:{words}))\b|\b([A-ZÄÖÜ][\w&]*-(?:{words}))\b")


#: A stretch of the characters a group name is made of (see :func:`_group_matches`).
_NAME_RUN = re.compile(r"[\w&\-\s]*")


def _group_matches(text: str) -> list[re.Match[str]]:
    """``list(_group_re().finditer(text))``, searched only in the stretches of name characters (word
    characters, "&", "-", white space) that hold a group word: every match lies in such a stretch and
    ends with a group word, and a non-name character on each side keeps ``\\b`` as in the whole text."""
    rev = None
    runs: list[tuple[int, int]] = []
    for q in literal_starts(text, rules("parties")["group_words"]):
        if runs and q < runs[-1][1]:
            continue  # in the stretch of the group word before
        rev = text[::-1] if rev is None else rev  # the stretch before q, read backwards from q
        back = _NAME_RUN.match(rev, len(text) - q)
        runs.append((q - (back.end() - back.start()), _NAME_RUN.match(text, q).end()))
    return [m for a, b in runs for m in _group_re().finditer(text, a, b)]


def group_names(text: str) -> list[tuple[int, int, str]]:
    """(start, end) and name of "<Name> Group"/"<Name>-Gruppe" mentions (controller candidates); only
    the stretches of text around a group word are scanned."""
    out = []
    for m in _group_matches(text):
        name, s = _trim(m.group(0), m.start())
        if name.split(" ")[0] not in _stop_tokens():
            out.append((s, s + len(name), name))
    return out
