"""Regular expressions made fast, with the same matches: a lookahead guard on the first characters
(:func:`compile_guarded`), scans that jump from gap to gap (:func:`finditer`), one scan of a text for a
family of regexes (:func:`finditer_shared`), and prefix trees for long word lists (:func:`trie_regex`).

The extraction rules (``ingest/rules``) are compiled through these; :mod:`.lexicon` re-exports them.

>>> [m.span() for m in finditer(re.compile(r"(?<![\\w])Acme\\b"), "Acme and Acme2, Acme.")]
[(0, 4), (16, 20)]
"""

from __future__ import annotations

import re
import re._compiler as re_compiler
import re._constants as re_constants
import re._parser as re_parser
from functools import cache, lru_cache
from itertools import chain
from typing import Any, Callable, Iterable


def compile_guarded(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, behind a lookahead on the characters every match starts with
    when there are such and ``re`` cannot skip ahead by itself (see :func:`_has_prefix_scan`): the
    same matches, found two to three times faster by ``search`` on text where the regex mostly fails.

    >>> compile_guarded(r"\\b(?:uses|nutzt)\\b", re.I).pattern
    '(?=[nu])(?:\\\\b(?:uses|nutzt)\\\\b)'
    """
    try:
        parsed = re_parser.parse(pattern, flags)
        firsts = None if _has_prefix_scan(parsed, flags) else _first_chars(parsed, optional=True)
        if firsts:
            return re.compile("(?=[" + "".join(sorted(re.escape(c) for c in firsts)) + "])(?:" + pattern + ")", flags)
    except (re.error, TypeError, ValueError, AttributeError):
        pass
    return re.compile(pattern, flags)


def _has_prefix_scan(parsed, flags: int) -> bool:  # noqa: ANN001 (re._parser.SubPattern)
    """True when ``re`` itself skips to where a match may start: the regex is anchored at the start
    of the text (``^`` without MULTILINE, ``\\A``), or opens with a literal prefix or a set of first
    characters (found by ``re`` only without IGNORECASE or for uncased characters). A lookahead guard
    in front would hide that and make a search of a long text much slower."""
    flags |= parsed.state.flags
    if parsed.data and parsed.data[0][0] is re_constants.AT and (
            parsed.data[0][1] is re_constants.AT_BEGINNING_STRING
            or parsed.data[0][1] is re_constants.AT_BEGINNING and not flags & re.MULTILINE):
        return True
    return bool(re_compiler._get_literal_prefix(parsed, flags)[0] or re_compiler._get_charset_prefix(parsed, flags))


#: Repeats of a parsed regex (``*``, ``+``, ``{m,n}``, lazy or possessive).
_REPEATS = (re_constants.MAX_REPEAT, re_constants.MIN_REPEAT, re_constants.POSSESSIVE_REPEAT)
#: Most characters a class may hold for :func:`_first_chars` to list them.
MAX_FIRST_CHARS = 128


def _first_chars(parsed, optional: bool = False) -> set[str] | None:  # noqa: ANN001 (re._parser.SubPattern)
    """The literal characters every match of a parsed regex starts with (zero-width ``\\b``-style
    anchors, lookbehinds and lookaheads skipped: they consume nothing), or None when the regex may
    start otherwise. A class of plain characters and ranges counts (at most :data:`MAX_FIRST_CHARS`
    characters), and so does a part repeated at least once. With ``optional``, a part that may be left
    out ("(?:the )?") adds its first characters to those of what follows it (else: None)."""
    out: set[str] = set()
    for op, av in parsed:
        if op is re_constants.AT or op is re_constants.ASSERT or op is re_constants.ASSERT_NOT:
            continue
        if optional and op in _REPEATS and av[0] == 0 and av[2].getwidth()[0] > 0:
            sub = _first_chars(av[2], optional)
            if sub is None:
                return None
            out |= sub
            continue
        first = _element_first_chars(op, av, optional)
        return None if first is None else out | first
    return None


def _element_first_chars(op, av, optional: bool) -> set[str] | None:  # noqa: ANN001 (an element of a parsed regex)
    """:func:`_first_chars` of one element that consumes at least one character."""
    if op is re_constants.LITERAL:
        return {chr(av)}
    if op is re_constants.IN:
        return _class_chars(av)
    if op is re_constants.SUBPATTERN and not av[1] and not av[2] and av[3].getwidth()[0] > 0:
        return _first_chars(av[3], optional)
    if op in _REPEATS and av[0] >= 1 and av[2].getwidth()[0] > 0:  # at least once: its first characters
        return _first_chars(av[2], optional)
    if op is re_constants.BRANCH:
        out: set[str] = set()
        for alt in av[1]:
            sub = _first_chars(alt, optional) if alt.getwidth()[0] > 0 else None
            if sub is None:
                return None
            out |= sub
        return out
    return None


def _class_chars(items: list) -> set[str] | None:
    """The characters of a parsed class made of single characters and ranges (None: it holds a
    category such as ``\\w``, is negated, or holds more than :data:`MAX_FIRST_CHARS` characters)."""
    out: set[str] = set()
    for op, av in items:
        if op is re_constants.LITERAL:
            out.add(chr(av))
        elif op is re_constants.RANGE and av[1] - av[0] < MAX_FIRST_CHARS:
            out.update(map(chr, range(av[0], av[1] + 1)))
        else:
            return None
    return out if len(out) <= MAX_FIRST_CHARS else None


#: At most this many strings are tested by :func:`finditer` before it scans a text.
MAX_NEEDED = 40
#: Shortest string worth testing for (shorter ones occur in nearly every text).
MIN_NEEDED = 4


@cache
def needed_literals(p: re.Pattern[str]) -> tuple[str, ...] | None:
    """Strings one of which every match of a case-sensitive regex ``p`` contains ("Sparkasse" or "Volksbank"
    for a bank name regex): a text holding none of them has no match. None when there are no such strings
    known (of at least :data:`MIN_NEEDED` characters, at most :data:`MAX_NEEDED` of them) or ``p``
    ignores case.

    >>> needed_literals(re.compile(r"(?:[A-Z]\\w+ )+(?:Klinik|Hospital)\\b"))
    ('Hospital', 'Klinik')
    """
    if p.flags & (re.I | re.ASCII | re.LOCALE):
        return None
    try:
        found = _needed(re_parser.parse(p.pattern, p.flags))
    except (re.error, TypeError, ValueError, AttributeError, RecursionError):
        return None
    if not found or len(found) > MAX_NEEDED or min(map(len, found)) < MIN_NEEDED:
        return None
    return tuple(sorted(found))


def _needed(parsed) -> frozenset[str] | None:  # noqa: ANN001 (re._parser.SubPattern)
    """Strings one of which every match of a parsed sequence contains: those of its element with the
    longest shortest string (a run of literal characters, a group, a branch whose every alternative
    has such strings, a repeat at least once). None when no element has any."""
    best: frozenset[str] | None = None
    run: list[str] = []

    def consider(cand: frozenset[str] | None) -> None:
        nonlocal best
        if cand and (best is None or min(map(len, cand)) > min(map(len, best))):
            best = cand

    for op, av in parsed:
        if op is re_constants.LITERAL:
            run.append(chr(av))
            continue
        if run:
            consider(frozenset(["".join(run)]))
            run = []
        if op is re_constants.SUBPATTERN and not av[1] and not av[2]:
            consider(_needed(av[3]))
        elif op is re_constants.BRANCH:
            alts = [_needed(alt) for alt in av[1]]
            if all(alts):
                consider(frozenset().union(*alts))  # type: ignore[arg-type]
        elif op in (re_constants.MAX_REPEAT, re_constants.MIN_REPEAT) and av[0] >= 1:
            consider(_needed(av[2]))
    if run:
        consider(frozenset(["".join(run)]))
    return best


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


@cache
def _needed_test(p: re.Pattern[str]) -> re.Pattern[str] | tuple[str, ...] | None:
    """How to test a text for :func:`needed_literals` of ``p``: the literals that hold none of the others
    (a text holding one holds one of these), or, when they all start with a capital letter (rare in
    text: ``re`` skips from capital to capital), one regex for all of them. None: no such literals."""
    needed = needed_literals(p)
    if needed is None:
        return None
    fewest = tuple(lit for lit in needed if not any(o != lit and o in lit for o in needed))
    if all(lit[:1].isupper() for lit in fewest):
        return re.compile("|".join(re.escape(lit) for lit in fewest))
    return fewest


def _holds(text: str, test: re.Pattern[str] | tuple[str, ...]) -> bool:
    """True when ``text`` holds one of the literals of a :func:`_needed_test`."""
    if isinstance(test, tuple):
        return any(lit in text for lit in test)
    return test.search(text) is not None


def finditer(p: re.Pattern[str], text: str) -> list[re.Match[str]]:
    """``list(p.finditer(text))``, faster for a regex whose matches follow a known kind of character
    (see :func:`_gap_scanner`): the text is scanned from such character to such character, and ``p``
    is only run where it matches. A text holding none of the strings every match contains
    (:func:`needed_literals`) is not scanned at all."""
    needed = _needed_test(p)
    if needed is not None and not _holds(text, needed):
        return []
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
    if family not in _FAMILIES:
        if len(_FAMILIES) >= MAX_FAMILIES:
            return _finditer_from(p, text, _family_starts(family, text))
        _FAMILIES.append(family)
    return _finditer_from(p, text, _family_starts(_joined(tuple(_FAMILIES)), text))


#: The families :func:`finditer_shared` was asked about, in order: a text is scanned once for all of
#: them (the places where any of their regexes matches hold those of each).
_FAMILIES: list[tuple[re.Pattern[str], ...]] = []
#: At most this many families are scanned for together (more are scanned for one by one).
MAX_FAMILIES = 4


@cache
def _joined(families: tuple[tuple[re.Pattern[str], ...], ...]) -> tuple[re.Pattern[str], ...]:
    """The regexes of several families, each once, in order."""
    return tuple(dict.fromkeys(p for family in families for p in family))


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


def atom_trie(seqs: list[list[str]], key: Callable[[str], Any] = lambda a: (-len(a), a)) -> str:
    """One regex for many sequences of regex atoms, factorised by common prefixes; sibling branches
    in the order of ``key`` (default: longest atom first).

    Python's ``re`` tries the branches of an alternation one by one; a prefix tree makes a
    several-hundred-word alternation cheap.
    """
    trie: dict = {}
    for seq in seqs:
        node = trie
        for atom in seq:
            node = node.setdefault(atom, {})
        node[""] = {}

    def build(node: dict) -> str:
        branches = [atom + build(child) for atom, child in sorted(node.items(), key=lambda kv: key(kv[0])) if atom]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(trie) or "(?!)"


def trie_regex(words: list[str]) -> str:
    """A regex matching exactly ``words`` (longest first): :func:`atom_trie` over their escaped characters.

    >>> re.fullmatch(trie_regex(["USA", "US", "UK"]), "USA") is not None
    True
    """
    return atom_trie([[re.escape(ch) for ch in w] for w in words], key=lambda a: a[-1:])  # by the raw character


def after_none_of(not_after: str, words: list[str]) -> str:
    """A regex matching what ``(?<![not_after])(?:trie_regex(words))`` matches, written to open with the
    words' first characters (the lookbehind follows the first one): ``re`` then skips from one such
    character to the next by itself, instead of trying the whole regex at every position.

    >>> re.findall(after_none_of(r"\\w", ["US", "USA", "UK"]), "USA, xUK, UK")
    ['USA', 'UK']
    """
    rests: dict[str, list[str]] = {}
    for w in words:
        if w:
            rests.setdefault(w[0], []).append(w[1:])
    alts = []
    for first, rest in sorted(rests.items()):
        tail = [r for r in rest if r]
        body = f"(?:{trie_regex(tail)})" if tail else ""
        if tail and len(tail) < len(rest):
            body += "?"  # the first character alone is a word too (atom_trie's optional branch)
        alts.append(f"{re.escape(first)}(?<![{not_after}][\\s\\S]){body}")
    return f"(?:{'|'.join(alts)})" if alts else "(?!)"

