"""The literal strings a rule's matches start with, read from the rule's text, and scans that use them.

:func:`literals` finds, for a regex written in ``ingest/rules`` or ``ingest/lexicons``, lower-case
strings one of which starts every match; a case-insensitive regex then need only be tried where one
of them occurs in the lower-cased text (:func:`finditer_literal`), found by ``str.find`` (much faster
over a whole document than a regex scan that fails at almost every position).

>>> literals(r"\\b(?:third[- ]countr(?:y|ies)|Drittl(?:and|ändern))\\b")
('third', 'drittl')
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import Iterable, Iterator

from .scan import _finditer_from, finditer, needed_literals

# Characters that IGNORECASE matching equates with a letter of some literal although ``str.lower``
# does not turn them into that letter (U+0130 also lower-cases to two characters). In a text with
# one of them an alternative may match without its literal, so the whole rule must run.
CASE_TRAPS = re.compile("[\u0130\u0131\u017f]")


def has_case_traps(text: str) -> bool:
    """``CASE_TRAPS.search(text) is not None``, by ``str`` membership (many times faster on a long text)."""
    return not text.isascii() and ("\u0130" in text or "\u0131" in text or "\u017f" in text)


def literals(alt: str, lower: bool = True) -> tuple[str, ...]:
    """Literals (lower-cased unless ``lower`` is false) one of which starts every match of ``alt``; ()
    when unknown."""
    parts = split_top(alt)
    if len(parts) > 1:
        found = [literals(p, lower) for p in parts]
        return tuple(lit for f in found for lit in f) if all(found) else ()
    s = re.sub(r"^(?:\\b|\^|\(\?<!?[^()]*\))+", "", alt)
    if s.startswith("(?:"):
        end = group_end(s)
        if end < 0 or s[end + 1: end + 2] in ("?", "*", "{"):
            return ()
        return literals(s[3:end], lower)
    m = re.match(r"(?:[^\\()\[\]{}|?*+.^$]|\\[-. '/])+", s)
    lit = m.group() if m else ""
    if lit and s[len(lit): len(lit) + 1] in ("?", "*", "{"):
        lit = lit[:-1]
    lit = lit.replace("\\", "")
    return ((lit.lower() if lower else lit),) if len(lit) >= 2 else ()


def split_top(pattern: str) -> list[str]:
    """Split a regex at its top-level ``|``."""
    parts, depth, start, i = [], 0, 0, 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            i += 1
        elif ch == "[":
            i = pattern.index("]", i + 2)
        elif ch in "()":
            depth += 1 if ch == "(" else -1
        elif ch == "|" and depth == 0:
            parts.append(pattern[start:i])
            start = i + 1
        i += 1
    return parts + [pattern[start:]]


def group_end(s: str) -> int:
    """Index of the parenthesis closing the group that opens ``s``, or -1."""
    depth, i = 0, 0
    while i < len(s):
        if s[i] == "\\":
            i += 1
        elif s[i] == "[":
            i = s.index("]", i + 2)
        elif s[i] in "()":
            depth += 1 if s[i] == "(" else -1
            if depth == 0:
                return i
        i += 1
    return -1


def alternatives(pattern: str) -> list[str]:
    """The top-level alternatives of ``pattern``, or of the group ``(?:...)`` that is all of it."""
    if pattern.startswith("(?:") and group_end(pattern) == len(pattern) - 1:
        return split_top(pattern[3:-1])
    return split_top(pattern)


@cache
def rule_literals(rule: str | tuple[str, ...], lower: bool = True) -> tuple[str, ...]:
    """:func:`literals` of a rule (a regex or a tuple of alternatives), without those that start with
    another one ("sub" finds every "subcontractor"): () unless every alternative has some."""
    found = [literals(a, lower) for a in ([rule] if isinstance(rule, str) else rule)]
    if not found or not all(found):
        return ()
    lits = set(lit for f in found for lit in f)
    return tuple(sorted(lit for lit in lits if not any(lit != o and lit.startswith(o) for o in lits)))


@lru_cache(maxsize=2)
def lowered(text: str) -> str:
    """``text.lower()``, kept for the last texts (every whole-document scan of a text asks)."""
    return text.lower()


def literal_starts(low: str, lits: Iterable[str]) -> list[int]:
    """Every position of ``low`` where one of ``lits`` starts, in order (by ``str.find``)."""
    found: set[int] = set()
    for lit in lits:
        pos = low.find(lit)
        while pos >= 0:
            found.add(pos)
            pos = low.find(lit, pos + 1)
    return sorted(found)


def _search_plan(p: re.Pattern[str], text: str, rule: str | list[str]) -> tuple[str, tuple[str, ...]]:
    """Where to look for which literals of ``rule`` (compiled as ``p``): ``(text or its lower-cased form, literals)``;
    no literals when the rule has none, or when ``p`` ignores case and lower-casing changes the text's length or
    :data:`CASE_TRAPS` occur in it (the whole text must then be scanned)."""
    rule = rule if isinstance(rule, str) else tuple(rule)
    if not p.flags & re.I:
        return text, tuple(rule_literals(rule, False))
    lits = rule_literals(rule)
    low = lowered(text)
    if not lits or len(low) != len(text) or has_case_traps(text):
        return text, ()
    return low, tuple(lits)


def finditer_literal(p: re.Pattern[str], text: str, rule: str | list[str]) -> list[re.Match[str]]:
    """``list(p.finditer(text))`` for ``p`` compiled from ``rule`` (as ``lexicon.rx`` does): ``p`` is
    only tried where one of the rule's literals starts (every match does; in the lower-cased text when
    ``p`` ignores case), unless the rule has none, or lower-casing changes the text's length or
    :data:`CASE_TRAPS` occur in it (then :func:`.scan.finditer` runs)."""
    low, lits = _search_plan(p, text, rule)
    return _finditer_from(p, text, literal_starts(low, lits)) if lits else finditer(p, text)


#: Characters of text :func:`iter_literal` looks through for literals at a time.
LAZY_CHUNK = 4096


def iter_literal(p: re.Pattern[str], text: str, rule: str | list[str]) -> Iterator[re.Match[str]]:
    """What :func:`finditer_literal` finds, lazily: the literals are looked for one stretch of
    :data:`LAZY_CHUNK` characters at a time, so a caller that stops at an early match (a controller
    cue near the top) does not search the rest of the text."""
    low, lits = _search_plan(p, text, rule)
    if not lits:
        yield from finditer(p, text)
        return
    pos = 0
    for a in range(0, max(len(text), 1), LAZY_CHUNK):
        b = min(a + LAZY_CHUNK, len(text))
        starts: set[int] = {0} if a == 0 else set()
        for lit in lits:
            i = low.find(lit, a, b + len(lit) - 1)  # occurrences that start before b
            while i >= 0:
                starts.add(i)
                i = low.find(lit, i + 1, b + len(lit) - 1)
        for s in sorted(starts):
            if s >= pos and (m := p.match(text, s)) is not None:
                yield m
                pos = m.end()



#: A regex opening with one of some words, white space, then one of some characters: ``(?:the|via)\s+[„“"]``.
_WORDS_SPACE_MARK = re.compile(r"\(\?:(\w+(?:\|\w+)*)\)\\s\+\[([^\]\\\-^]+)\]")
#: The first-character guard :func:`.scan.compile_guarded` may put around a rule: ``(?=[ab])(?:``.
_GUARD_OPEN = re.compile(r"\(\?=\[(?:\\.|[^\]\\])*\]\)\(\?:")


def _marked_lead(pattern: str) -> re.Match[str] | None:
    """The words-space-mark opening (:data:`_WORDS_SPACE_MARK`) of a regex without top-level alternatives,
    after a first-character guard and a word boundary ``\\b`` if any; None when it has none."""
    body = pattern
    guard = _GUARD_OPEN.match(pattern)
    if guard is not None:
        if group_end(pattern[guard.end() - 3:]) != len(pattern) - guard.end() + 2:
            return None  # the guarded group ends before the regex does
        body = pattern[guard.end():-1]
    if len(split_top(body)) > 1:
        return None
    return _WORDS_SPACE_MARK.match(body[2:] if body.startswith(r"\b") else body)


@lru_cache(maxsize=4)
def _before_marks(text: str, marks: str) -> tuple[int, ...]:
    """Where the white space before each of ``marks`` in ``text`` starts (marks without white space before
    them left out), in no particular order; kept for the last texts (two rules ask for the same marks)."""
    out: list[int] = []
    for mark in set(marks):
        q = text.find(mark)
        while q >= 0:
            j = q  # the white space before the mark runs back to j (a word ends there: it holds no space)
            while j > 0 and text[j - 1].isspace():  # ``\s`` (``str.isspace`` is the same test)
                j -= 1
            if j < q:
                out.append(j)
            q = text.find(mark, q + 1)
    return tuple(out)


def finditer_marked(p: re.Pattern[str], text: str) -> list[re.Match[str]]:
    """``list(p.finditer(text))`` for a regex that opens with ``(?:w1|w2|…)\\s+[marks]`` (words of word
    characters, a class of plain characters: 'the „Tool“'; a first-character guard and ``\\b`` may come
    first): ``p`` is only tried where one of the words ends right before the white space before a mark (the
    marks are rare: found by ``str.find``). Other regexes, and those ignoring case or with other top-level
    alternatives, run as they are.

    >>> [m.group(1) for m in finditer_marked(re.compile(r'(?:the|via)\\s+["„]([A-Z]\\w+)["“]'), 'via „Zoom“, the "Xy"')]
    ['Zoom', 'Xy']
    """
    lead = _marked_lead(p.pattern)
    if lead is None or p.flags & (re.I | re.A | re.X):
        return list(p.finditer(text))
    words = lead.group(1).split("|")
    starts: set[int] = set()
    for j in _before_marks(text, "".join(sorted(set(lead.group(2))))):
        starts.update(j - len(w) for w in words if j >= len(w) and text.startswith(w, j - len(w)))
    return _finditer_from(p, text, sorted(starts))


@cache
def _needed_lower(p: re.Pattern[str]) -> tuple[str, ...] | None:
    """Lower-case ASCII strings one of which every match of ``p`` (compiled ignoring case) holds: the
    :func:`.scan.needed_literals` of its pattern read case-sensitively; None when there are none such."""
    found = needed_literals(re.compile(p.pattern, p.flags & ~re.I))
    if found is None or not all(s.isascii() for s in found):
        return None
    return tuple(sorted({s.lower() for s in found}))


def may_match(p: re.Pattern[str], text: str) -> bool:
    """False when ``p`` (compiled ignoring case) cannot match in ``text``: the text holds none of the strings
    every match holds (:func:`_needed_lower`, looked for in the lower-cased text). A text that ``str.lower`` may
    not fold as the regex does (its length changes, or :data:`CASE_TRAPS` occur) may always match, as in
    :func:`finditer_literal`."""
    needed = _needed_lower(p)
    if needed is None:
        return True
    low = text.lower()
    return len(low) != len(text) or has_case_traps(text) or any(s in low for s in needed)
