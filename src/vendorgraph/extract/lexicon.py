"""The data the rule-based extractor applies, loaded once per process.

- ``ingest/rules/*.json``: regular expressions and word lists (structure, parties, transfers).
- ``ingest/lexicons/*.json``: name lists (organisations that are never parties, fallback brands).
- ``ontology/taxonomies/roles.ttl`` and ``mechanisms.ttl``: English and German surface forms of roles
  and transfer mechanisms (``skos:prefLabel``/``skos:altLabel``), compiled into tolerant regexes.
- Countries: ``ontology/reference/countries.ttl`` when present, else ``ingest/rules/countries.json``.

>>> find_labels(mechanism_patterns(), "based on standard contractual clauses")
[('scc', 9, 37)]
"""

from __future__ import annotations

import json
import re
import re._constants as re_constants
import re._parser as re_parser
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import chain
from pathlib import Path
from typing import Iterable

from ..errors import VocabularyError
from ..resources import data_dir
from ..vocab import LOC, RDFS, SKOS, VG


@cache
def rules(name: str) -> dict:
    """``ingest/rules/<name>.json``."""
    return _json(data_dir("ingest") / "rules" / f"{name}.json")


@cache
def lexicon(name: str) -> dict:
    """``ingest/lexicons/<name>.json`` (empty when absent)."""
    path = data_dir("ingest") / "lexicons" / f"{name}.json"
    return _json(path) if path.is_file() else {}


def _json(path: Path) -> dict:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        raise VocabularyError(f"{path.name}: cannot read extraction rules: {e}") from e


@cache
def rx(group: str, key: str, flags: int = 0) -> re.Pattern[str]:
    """The compiled regular expression ``key`` of ``ingest/rules/<group>.json``.

    When every match must start with one of a few known characters, the regex is put behind a
    lookahead on them: the same matches, but most positions of a search fail fast."""
    pattern = rules(group)[key]
    try:
        firsts = _first_chars(re_parser.parse(pattern, flags))
        if firsts:
            return re.compile("(?=[" + "".join(sorted(re.escape(c) for c in firsts)) + "])(?:" + pattern + ")", flags)
    except (re.error, TypeError, ValueError, AttributeError):
        pass
    return re.compile(pattern, flags)


def _first_chars(parsed) -> set[str] | None:  # noqa: ANN001 (re._parser.SubPattern)
    """The literal characters every match of a parsed regex starts with (zero-width ``\\b``-style
    anchors skipped), or None when the regex may start otherwise."""
    for op, av in parsed:
        if op is re_constants.AT:
            continue
        if op is re_constants.LITERAL:
            return {chr(av)}
        if op is re_constants.SUBPATTERN and not av[1] and not av[2] and av[3].getwidth()[0] > 0:
            return _first_chars(av[3])
        if op is re_constants.BRANCH:
            out: set[str] = set()
            for alt in av[1]:
                sub = _first_chars(alt) if alt.getwidth()[0] > 0 else None
                if sub is None:
                    return None
                out |= sub
            return out
        return None
    return None


#: An optional first-character guard, then a lookbehind on one character class: ``(?<![...])``.
_LEAD_LOOKBEHIND = re.compile(r"(?:\(\?=\[(?:\\.|[^\]\\])*\]\))?\(\?<!\[((?:\\.|[^\]\\])+)\]\)")


def _word_led(parsed, bounded: bool = False) -> bool:  # noqa: ANN001 (re._parser.SubPattern)
    """True when every match of a parsed regex starts at a word boundary with a word character, that
    is at the start of the text or right after a non-word character (lookaheads skipped)."""
    for op, av in parsed:
        if op is re_constants.AT and av is re_constants.AT_BOUNDARY:
            bounded = True
        elif op is re_constants.ASSERT and av[0] == 1:
            continue
        elif op is re_constants.LITERAL:
            return bounded and (chr(av).isalnum() or chr(av) == "_")
        elif op is re_constants.BRANCH:
            return all(_word_led(alt, bounded) for alt in av[1])
        elif op is re_constants.SUBPATTERN and not av[1] and not av[2]:
            return _word_led(av[3], bounded)
        else:
            return False
    return False


def _opens_with_lookbehind(parsed) -> bool:  # noqa: ANN001 (re._parser.SubPattern)
    """True when a parsed regex (no top-level alternation) opens with a negative lookbehind, after
    at most one lookahead."""
    ops = [(op, av[0]) for op, av in parsed.data[:2] if op in (re_constants.ASSERT, re_constants.ASSERT_NOT)]
    return ops[:1] == [(re_constants.ASSERT_NOT, -1)] or ops == [(re_constants.ASSERT, 1), (re_constants.ASSERT_NOT, -1)]


@cache
def _gap_scanner(p: re.Pattern[str]) -> re.Pattern[str] | None:
    """A regex matching one character right after which ``p`` matches, when every match of ``p``
    follows such a character (or starts the text): ``p`` opens with ``(?<![...])``, or with a word
    boundary before a word character. None otherwise."""
    parsed = re_parser.parse(p.pattern, p.flags)
    lead = _LEAD_LOOKBEHIND.match(p.pattern)
    if lead and not lead.group(1).startswith("^") and _opens_with_lookbehind(parsed):
        gap = f"[^{lead.group(1)}]"
    elif not p.flags & (re.ASCII | re.LOCALE) and _word_led(parsed):
        gap = r"\W"
    else:
        return None
    try:
        return re.compile(f"{gap}(?=(?:{p.pattern}))", p.flags)
    except re.error:
        return None


def finditer(p: re.Pattern[str], text: str) -> list[re.Match[str]]:
    """``list(p.finditer(text))``, faster for a regex whose matches follow a known kind of character
    (see :func:`_gap_scanner`): the text is scanned from such character to such character, and ``p``
    is only run where it matches."""
    scanner = _gap_scanner(p)
    if scanner is None:
        return list(p.finditer(text))
    return _finditer_from(p, text, (m.end() for m in scanner.finditer(text)))


def finditer_shared(p: re.Pattern[str], text: str, family: tuple[re.Pattern[str], ...]) -> list[re.Match[str]]:
    """``list(p.finditer(text))`` for ``p`` of a ``family`` of regexes that only match at word starts
    (or else as :func:`finditer`): one scan of the text finds where any of them matches, for all of
    them (kept for the last texts)."""
    if p not in family or _family_scanner(family) is None:
        return finditer(p, text)
    return _finditer_from(p, text, _family_starts(family, text))


@cache
def _family_scanner(family: tuple[re.Pattern[str], ...]) -> re.Pattern[str] | None:
    """A non-word character before a match of any regex of ``family`` (None: some regex may match
    elsewhere, or has flags other than IGNORECASE)."""
    if any(p.flags & ~(re.I | re.U) or not _after_non_word(p) for p in family):
        return None
    alts = "|".join(f"(?i:{p.pattern})" if p.flags & re.I else f"(?:{p.pattern})" for p in family)
    return re.compile(rf"\W(?=(?:{alts}))")


def _after_non_word(p: re.Pattern[str]) -> bool:
    """True when every match of ``p`` starts the text or follows a non-word character: ``p`` opens
    with a word boundary before a word character, or with ``(?<![...])`` of a class holding ``\\w``."""
    parsed = re_parser.parse(p.pattern, p.flags)
    lead = _LEAD_LOOKBEHIND.match(p.pattern)
    if lead and not lead.group(1).startswith("^") and r"\w" in lead.group(1) and _opens_with_lookbehind(parsed):
        return True
    return not p.flags & (re.ASCII | re.LOCALE) and _word_led(parsed)


@lru_cache(maxsize=2)
def _family_starts(family: tuple[re.Pattern[str], ...], text: str) -> tuple[int, ...]:
    return tuple(m.end() for m in _family_scanner(family).finditer(text))


def _finditer_from(p: re.Pattern[str], text: str, starts: Iterable[int]) -> list[re.Match[str]]:
    """``list(p.finditer(text))``, given the positions after 0 where ``p`` may match, in order."""
    out: list[re.Match[str]] = []
    pos = 0
    for s in chain((0,), starts):
        if s >= pos and (m := p.match(text, s)) is not None:
            if m.end() == s:  # an empty match: finditer's own rules apply
                return list(p.finditer(text))
            out.append(m)
            pos = m.end()
    return out


def _triples(path: Path) -> dict[str, dict[str, list[tuple[str, str | None]]]]:
    """subject -> predicate -> [(value, language)] of one Turtle file."""
    from pyoxigraph import Literal, RdfFormat, parse

    out: dict[str, dict[str, list[tuple[str, str | None]]]] = {}
    for t in parse(path=str(path), format=RdfFormat.TURTLE):
        lang = t.object.language if isinstance(t.object, Literal) else None
        out.setdefault(t.subject.value, {}).setdefault(t.predicate.value, []).append((t.object.value, lang))
    return out


def _label_atoms(label: str) -> list[str]:
    """A surface form as regex atoms: flexible spaces, hyphens and dots; digits end on a boundary."""
    atoms = [r"\b"] if label[:1].isalnum() else []
    for ch in label:
        if ch.isspace():
            atoms.append(r"[\s\-]*" if atoms and atoms[-1] == r"\." else r"[\s\-]+")
        elif ch == "-":
            atoms.append(r"[\s\-]?")
        else:
            atoms.append(re.escape(ch))
    if label[-1:].isdigit():
        atoms.append(r"(?!\d)")
    return atoms


def _label_regex(label: str) -> str:
    """A tolerant regex for one surface form (see :func:`_label_atoms`)."""
    return "".join(_label_atoms(label))


def _atom_trie(seqs: list[list[str]]) -> str:
    """One regex for many atom sequences, factorised by common prefixes (longest match first)."""
    trie: dict = {}
    for seq in seqs:
        node = trie
        for atom in seq:
            node = node.setdefault(atom, {})
        node[""] = {}

    def build(node: dict) -> str:
        branches = [atom + build(child) for atom, child in sorted(node.items(), key=lambda kv: (-len(kv[0]), kv[0])) if atom]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(trie) or "(?!)"


@dataclass(frozen=True)
class LabelSet:
    """The surface forms of one concept scheme: per concept, a regex of its lower-case forms (run on
    the lower-cased text: much faster than re.IGNORECASE) and one of its case-sensitive acronyms;
    ``starts`` finds, for the lower-cased text and the text as is, where some form may start."""

    patterns: tuple[tuple[str, re.Pattern[str], bool], ...]  # (notation, regex, runs on lower-cased text)
    starts: tuple[re.Pattern[str], re.Pattern[str]] = (re.compile("(?!)"), re.compile("(?!)"))

    def notations(self) -> list[str]:
        return sorted({n for n, _, _ in self.patterns})


def _start_scanner(body: str, firsts: str, word_led: bool) -> re.Pattern[str]:
    """A regex whose matches end where ``body`` (starting with one of ``firsts``) may match, position 0
    aside: one character before a lookahead on ``body``, a non-word one when ``body`` only matches at
    a word start (so the scan jumps from gap to gap)."""
    before = r"\W" if word_led else r"[\s\S]"
    return re.compile(f"{before}(?=[{firsts}])(?={body})")


def _scanner_of(forms: list[str], lower: bool) -> re.Pattern[str]:
    """The start scanner of several lower-cased forms or case-sensitive acronyms, one trie for all."""
    if not forms:
        return re.compile("(?!)")
    firsts = "".join(sorted({re.escape(f[0]) for f in forms}))
    word_led = all(f[:1].isalnum() for f in forms)  # so every form regex starts with \b
    if lower:
        return _start_scanner(_atom_trie([_label_atoms(f) for f in forms]), firsts, word_led)
    return _start_scanner(r"\b(?:" + "|".join(map(re.escape, forms)) + r")s?\b", firsts, word_led)


@cache
def _concept_patterns(filename: str, skip: tuple[str, ...] = ()) -> LabelSet:
    path = data_dir("ontology") / "taxonomies" / filename
    out: list[tuple[str, re.Pattern[str], bool]] = []
    all_lows: list[str] = []
    all_acronyms: list[str] = []
    for po in _triples(path).values():
        notation = po.get(SKOS.notation)
        if not notation or notation[0][0] in skip:
            continue
        labels = sorted({v for v, _ in po.get(SKOS.prefLabel, []) + po.get(SKOS.altLabel, [])}, key=lambda x: (-len(x), x))
        acronyms = [lab for lab in labels if lab.isupper() and len(lab) <= 4]  # case matters: "SCC", not "scc"
        lows = [lab.lower() for lab in labels if lab not in acronyms]
        if lows:
            first = "".join(sorted({re.escape(lab[0]) for lab in lows}))
            out.append((notation[0][0], re.compile(f"(?=[{first}])(?:{_atom_trie([_label_atoms(x) for x in lows])})"), True))
        if acronyms:
            out.append((notation[0][0], re.compile(r"\b(?:" + "|".join(map(re.escape, acronyms)) + r")s?\b"), False))
        all_lows += lows
        all_acronyms += acronyms
    starts = (_scanner_of(sorted(set(all_lows)), True), _scanner_of(sorted(set(all_acronyms)), False))
    return LabelSet(tuple(sorted(out, key=lambda p: (p[0], p[1].pattern))), starts)


def role_patterns() -> LabelSet:
    """The EN/DE surface forms of the roles of roles.ttl."""
    return _concept_patterns("roles.ttl")


def mechanism_patterns() -> LabelSet:
    """The EN/DE surface forms of the transfer mechanisms of mechanisms.ttl (not ``none_stated``)."""
    return _concept_patterns("mechanisms.ttl", ("none_stated",))


def _lower(text: str) -> str:
    """``text`` lower-cased character by character (same length, so offsets stay valid)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def _finditer_at(p: re.Pattern[str], text: str, starts: list[int]) -> list[tuple[int, int]]:
    """What ``p.finditer(text)`` finds, given every position where ``p`` can match (``starts``):
    the leftmost match at or after the end of the previous one (labels are never empty)."""
    out: list[tuple[int, int]] = []
    pos = 0
    for s in starts:
        if s < pos:
            continue
        m = p.match(text, s)
        if m is not None:
            out.append((s, m.end()))
            pos = m.end()
    return out


def find_labels(labels: LabelSet, text: str) -> list[tuple[str, int, int]]:
    """Every (notation, start, end) match of the surface forms in ``text``, in text order.

    Equivalent to running every pattern's ``finditer`` over the text, but the text is scanned once
    per case (lower-cased, as is) for the positions where some label may start (position 0 and the
    ends of the matches of :attr:`LabelSet.starts`), and each pattern is only tried there."""
    low = _lower(text)
    starts = {lower: [0] + [m.end() for m in scanner.finditer(low if lower else text)]
              for lower, scanner in zip((True, False), labels.starts)}
    hits = [(n, s, e) for n, p, lower in labels.patterns
            for s, e in _finditer_at(p, low if lower else text, starts[lower])]
    return sorted(hits, key=lambda h: (h[1], h[0]))


@dataclass(frozen=True)
class Countries:
    """Country surface forms and EU/EEA membership."""

    pattern: re.Pattern[str]
    by_form: dict[str, str]
    adjective_pattern: re.Pattern[str]
    by_adjective: dict[str, str]
    eea: frozenset[str]
    us_address: re.Pattern[str]

    def find(self, text: str) -> list[tuple[str, int, int]]:
        """(ISO code, start, end) of every country name in ``text``."""
        return [(self.by_form[m.group(0)], m.start(), m.end()) for m in self.pattern.finditer(text)]

    def third(self, code: str) -> bool:
        """True when ``code`` is outside the EU/EEA."""
        return code not in self.eea


def trie_regex(words: list[str]) -> str:
    """A regex matching exactly ``words`` (longest first), factorised by common prefixes.

    Python's ``re`` tries the branches of an alternation one by one; a prefix tree makes a
    several-hundred-word alternation cheap.

    >>> re.fullmatch(trie_regex(["USA", "US", "UK"]), "USA") is not None
    True
    """
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        ends = "" in node
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if ends else body

    return build(trie) or "(?!)"


def _alternation(forms: list[str]) -> str:
    return trie_regex(list(forms))


@cache
def countries() -> Countries:
    """Country names from ``ontology/reference/countries*.ttl`` plus the rules fallback."""
    fb = rules("countries")
    by_form: dict[str, str] = {f: c for c, forms in fb["names"].items() for f in forms}
    eea = set(fb["eea"])
    files = sorted((data_dir("ontology") / "reference").glob("countries*.ttl"))
    if files:
        ttl_forms, ttl_eea = _countries_from_ttl(files)
        for form, code in ttl_forms.items():
            by_form.setdefault(form, code)
        eea = ttl_eea or eea
    skip = set(fb.get("exclude_forms", []))
    by_form = {f: c for f, c in by_form.items() if len(f) >= 2 and f not in skip}
    by_adj = {a: c for c, adjs in fb["adjectives"].items() for a in adjs}
    firsts = "".join(sorted({re.escape(f[0]) for f in by_form}))
    pat = re.compile(rf"(?=[{firsts}])(?<![\w\-.])(?:{_alternation(list(by_form))})(?![\w]|-(?=[a-zäöü]))")
    adj = re.compile(rf"(?<![\w\-])(?:{_alternation(list(by_adj))})(?![\w])")
    return Countries(pat, by_form, adj, by_adj, frozenset(eea), re.compile(fb["us_address"]))


def _countries_from_ttl(files: list[Path]) -> tuple[dict[str, str], set[str]]:
    """Surface forms -> ISO code, and the current EEA members (vg:memberOf without vg:until)."""
    t: dict[str, dict[str, list[tuple[str, str | None]]]] = {}
    for f in files:
        for subj, po in _triples(f).items():
            for pred, vals in po.items():
                t.setdefault(subj, {}).setdefault(pred, []).extend(vals)
    forms: dict[str, str] = {}
    eea: set[str] = set()
    eea_iri = str(LOC) + "EEA"
    for subj, po in t.items():
        code = po.get(VG.isoCode)
        if not code or not subj.startswith(str(LOC)):
            continue
        iso = code[0][0]
        for v, _ in po.get(RDFS.label, []) + po.get(SKOS.prefLabel, []) + po.get(SKOS.altLabel, []):
            if v and (v[0].isupper() or v[0].isdigit()):
                forms.setdefault(v, iso)
        for bnode, _ in po.get(VG.memberOf, []):
            ms = t.get(bnode, {})
            if any(u == eea_iri for u, _ in ms.get(VG.union, [])) and not ms.get(VG.until):
                eea.add(iso)
    return forms, eea
