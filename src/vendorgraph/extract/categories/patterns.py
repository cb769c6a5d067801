"""The matching rules of ``ingest/lexicons/categories.json``, compiled lazily.

A rule is a regex or a list of alternatives; :func:`_rule` compiles it case-insensitively and, where
every alternative starts with a literal, also returns those literals so :func:`_search` can skip
texts that cannot match. :func:`_found` answers the same question as ``bool(_search(...))`` faster:
it runs only the alternatives whose own literals occur in the text.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cache
from itertools import accumulate
from typing import Iterable, Iterator, Sequence

from ...resources import data_dir
from ..literals import CASE_TRAPS as _CASE_TRAPS
from ..literals import alternatives as _alternatives
from ..literals import group_end as _group_end  # noqa: F401 - kept importable from here
from ..literals import has_case_traps
from ..literals import literals as _literals
from ..literals import literal_starts
from ..literals import split_top as _split_top
from ..scan import trie_regex


@cache
def rules() -> dict:
    """The matching rules of ``ingest/lexicons/categories.json``."""
    return json.loads((data_dir("ingest") / "lexicons" / "categories.json").read_text(encoding="utf-8"))


@cache
def _rx(*path: str) -> re.Pattern[str]:
    """A rule (a regex, or a list of alternatives) compiled case-insensitively."""
    return _rule(*path)[0]


@cache
def _rule(*path: str) -> tuple[re.Pattern[str], tuple[str, ...]]:
    """A rule and, when every alternative starts with a literal, those literals (a quick pre-test)."""
    return _compile_rule(_node(path))


def _node(path: tuple[str, ...]) -> str | list[str]:
    node = rules()
    for key in path:
        node = node[key]
    return node


def _compile_rule(node: str | Sequence[str]) -> tuple[re.Pattern[str], tuple[str, ...]]:
    """A regex (or list of alternatives) compiled case-insensitively, and its literals (see :func:`_rule`)."""
    alts = [node] if isinstance(node, str) else list(node)
    literals = [_literals(a) for a in alts]
    flat = tuple(lit for group in literals for lit in group) if all(literals) else ()
    alts = [part for a in alts for part in _split_top(a)]
    bounded = [a[2:] for a in alts if a.startswith("\\b")]
    rest = [a for a in alts if not a.startswith("\\b")]
    parts = ([r"\b(?:" + "|".join(f"(?:{a})" for a in bounded) + ")"] if bounded else []) + [f"(?:{a})" for a in rest]
    return re.compile("|".join(parts), re.I), flat


def _search(text: str, *path: str) -> re.Match[str] | None:
    """``_rx(*path).search(text)``, skipped quickly when none of the rule's literals occurs."""
    fast = _fast(*path)
    if fast.pretest is not None and not _has_literal(text.lower(), fast):
        return None
    return fast.rx.search(text)


def _has_literal(low: str, fast: _Fast) -> bool:
    """``fast.pretest.search(low) is not None``: one of the rule's literals occurs in ``low`` (found by
    substring search, much faster than the regex alternation of the literals)."""
    return any(lit in low for lit in fast.literals)


@dataclass(frozen=True, slots=True)
class _Fast:
    """A rule prepared for :func:`_found`: the whole regex, its literal pre-test (None: none), and
    its top-level alternatives compiled one by one, found through their literals (or always run)."""

    rx: re.Pattern[str]
    pretest: re.Pattern[str] | None
    literals: tuple[str, ...]
    units: tuple[re.Pattern[str], ...]
    by_literal: tuple[tuple[str, tuple[int, ...]], ...]
    always: tuple[int, ...]
    #: A match (of one character) wherever one of ``literals`` starts (in lower-cased text), and per first
    #: character the literals starting with it and their alternatives.
    starts: re.Pattern[str] | None = field(default=None, compare=False)
    by_first: dict[str, tuple[tuple[str, tuple[int, ...]], ...]] | None = field(default=None, compare=False)


@cache
def _fast(*path: str) -> _Fast:
    """The rule ``path`` prepared for :func:`_search`/:func:`_found`."""
    return fast_rule(_node(path))


def fast_rule(node: str | tuple[str, ...]) -> _Fast:
    """A regex (or tuple of alternatives) prepared for :func:`found` (cached per rule)."""
    return _fast_rule(node if isinstance(node, str) else tuple(node))


@cache
def _fast_rule(node: str | tuple[str, ...]) -> _Fast:
    rx, literals = _compile_rule(node)
    alts = [part for a in ([node] if isinstance(node, str) else list(node)) for part in _alternatives(a)]
    units = tuple(re.compile("\\b(?:" + a[2:] + ")" if a.startswith("\\b") else f"(?:{a})", re.I) for a in alts)
    by_literal: dict[str, list[int]] = {}
    always: list[int] = []
    for i, a in enumerate(alts):
        lits = _literals(a)
        for lit in lits:
            by_literal.setdefault(lit, []).append(i)
        if not lits:
            always.append(i)
    pretest = re.compile("|".join(map(re.escape, literals))) if literals else None
    indexed = tuple((lit, tuple(ix)) for lit, ix in by_literal.items())
    by_first: dict[str, list[tuple[str, tuple[int, ...]]]] = {}
    for lit, ix in indexed:
        by_first.setdefault(lit[:1], []).append((lit, ix))
    starts = _starts_regex(sorted(by_literal)) if by_literal else None
    return _Fast(rx, pretest, literals, units, indexed, tuple(always), starts,
                 {c: tuple(v) for c, v in by_first.items()})


def _starts_regex(literals: Sequence[str]) -> re.Pattern[str]:
    """A regex matching wherever one of ``literals`` starts (overlapping ones too): each match is the
    literal's first character, the rest a lookahead. Unlike a pattern that opens with a lookahead, it
    lets the regex engine skip to the characters that start a literal."""
    if "" in literals:
        return re.compile("")  # an empty literal starts everywhere
    rests: dict[str, list[str]] = {}
    for lit in literals:
        rests.setdefault(lit[0], []).append(lit[1:])
    alts = [re.escape(first) + ("" if "" in rest else f"(?={trie_regex(sorted(rest))})")
            for first, rest in sorted(rests.items())]
    return re.compile("|".join(alts))


def _found(text: str, *path: str, passed: bool | None = None) -> bool:
    """``bool(_search(text, *path))``: a match of some alternative whose literal occurs in the text.

    Every match of an alternative starts with one of its literals (case-insensitively, which
    ``str.lower`` mirrors unless :data:`_CASE_TRAPS` occur), so the other alternatives cannot match.
    ``passed``: the result of the literal pre-test when known (from :func:`_pretests`).
    """
    return found(text, _fast(*path), passed)


def found(text: str, fast: _Fast, passed: bool | None = None) -> bool:
    """``bool(fast.rx.search(text))``, running only the alternatives whose literals occur in ``text``,
    and only where they occur (see :func:`_found`)."""
    if not fast.by_literal:
        return fast.rx.search(text) is not None
    if passed is False:  # (None: the loop below finds no literal exactly when the pre-test fails)
        return False
    if has_case_traps(text):
        if passed is None and fast.pretest is not None and not _has_literal(text.lower(), fast):
            return False
        return fast.rx.search(text) is not None
    low = text.lower()
    units = fast.units
    aligned = len(low) == len(text)  # then a match of an alternative starts where one of its literals does
    if aligned and fast.starts is not None and fast.by_first is not None:
        by_first = fast.by_first
        for m in fast.starts.finditer(low):  # every place where some literal starts, in one scan
            pos = m.start()
            for lit, ix in by_first.get(low[pos], ()):
                if low.startswith(lit, pos):
                    for i in ix:
                        if units[i].match(text, pos):
                            return True
        return any(units[i].search(text) for i in fast.always)
    tried: set[int] = set()
    for lit, ix in fast.by_literal:
        pos = low.find(lit)
        if pos < 0:
            continue
        if aligned:
            while pos >= 0:
                if any(units[i].match(text, pos) for i in ix):
                    return True
                pos = low.find(lit, pos + 1)
            continue
        for i in ix:
            if i not in tried:
                tried.add(i)
                if units[i].search(text):
                    return True
    return any(units[i].search(text) for i in fast.always)


def _starts_in(text: str, fast: _Fast, lo: int, hi: int) -> Iterable[int] | None:
    """Where one of the rule's literals occurs in ``text[lo:hi]`` (offsets in the window, in order), or None when
    the whole window must be searched: the rule has no literal pre-test, or lower-casing changes the window's
    length or :data:`_CASE_TRAPS` occur in it."""
    if fast.pretest is None:
        return None
    window = text[lo:hi]
    low = window.lower()
    if len(low) != len(window) or has_case_traps(window):
        return None
    if fast.starts is not None:
        return (m.start() for m in fast.starts.finditer(low))
    return literal_starts(low, fast.literals)


def _matches_in(text: str, fast: _Fast, lo: int, hi: int, stop: int) -> Iterator[re.Match[str]]:
    """The matches of ``fast.rx`` in ``text[lo:hi]`` that start before ``stop``, in order and without overlaps as
    ``finditer`` finds them, lazily; the regex is tried only where a literal occurs (see :func:`_starts_in`)."""
    starts = _starts_in(text, fast, lo, hi)
    if starts is None:
        for m in fast.rx.finditer(text, lo, hi):
            if m.start() >= stop:
                return
            yield m
        return
    after = lo  # the end of the last match: the next one starts there or later
    for s in starts:
        if lo + s >= stop:
            return
        if lo + s >= after and (m := fast.rx.match(text, lo + s, hi)) is not None:
            yield m
            after = m.end()


def finditer_in(text: str, fast: _Fast, lo: int, hi: int) -> list[re.Match[str]]:
    """``list(fast.rx.finditer(text, lo, hi))``, with the regex tried only where one of its literals
    occurs in ``text[lo:hi]`` (every match starts at one, see :func:`_found`)."""
    return list(_matches_in(text, fast, lo, hi, hi))


def overlaps_in(text: str, fast: _Fast, lo: int, hi: int, start: int, end: int) -> bool:
    """``any(m.start() < end and start < m.end() for m in finditer_in(text, fast, lo, hi))``: some match
    in ``text[lo:hi]`` overlaps ``text[start:end]``; the search stops at the first match starting at ``end``
    or later."""
    return any(start < m.end() for m in _matches_in(text, fast, lo, hi, end))


def found_exactly(text: str, fast: _Fast) -> bool:
    """``bool(fast.rx.search(text))``: :func:`found`, except that a text with :data:`_CASE_TRAPS`
    (where ``str.lower`` may hide a literal from the pre-test) is searched whole."""
    if has_case_traps(text):
        return fast.rx.search(text) is not None
    return found(text, fast)


def _pretests(texts: Sequence[str], *path: str) -> list[bool | None]:
    """Per text, whether one of the rule's literals occurs in it (lower case), found in one scan of
    all texts joined by NUL; None for each text when the rule has no literal pre-test."""
    fast = _fast(*path)
    if fast.pretest is None:
        return [None] * len(texts)
    joined = "\x00".join(texts)
    low = joined.lower()
    if len(low) != len(joined) or joined.count("\x00") != len(texts) - 1 or "\x00" in fast.pretest.pattern:
        return [fast.pretest.search(t.lower()) is not None for t in texts]
    ends = list(accumulate(len(t) + 1 for t in texts))  # where each text's successor starts
    out: list[bool | None] = [False] * len(texts)
    for lit in fast.literals:  # an occurrence lies inside one text: no literal holds NUL
        pos = low.find(lit)
        while pos >= 0:
            k = bisect_right(ends, pos)
            out[k] = True
            pos = low.find(lit, ends[k]) if k + 1 < len(ends) else -1
    return out
