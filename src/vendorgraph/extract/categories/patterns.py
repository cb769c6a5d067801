"""The matching rules of ``ingest/lexicons/categories.json``, compiled lazily.

A rule is a regex or a list of alternatives; :func:`_rule` compiles it case-insensitively and, where
every alternative starts with a literal, also returns those literals so :func:`_search` can skip
texts that cannot match.
"""

from __future__ import annotations

import json
import re
from functools import cache

from ...resources import data_dir


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
    node = rules()
    for key in path:
        node = node[key]
    alts = [node] if isinstance(node, str) else list(node)
    literals = [_literals(a) for a in alts]
    flat = tuple(lit for group in literals for lit in group) if all(literals) else ()
    alts = [part for a in alts for part in _split_top(a)]
    bounded = [a[2:] for a in alts if a.startswith("\\b")]
    rest = [a for a in alts if not a.startswith("\\b")]
    parts = ([r"\b(?:" + "|".join(f"(?:{a})" for a in bounded) + ")"] if bounded else []) + [f"(?:{a})" for a in rest]
    return re.compile("|".join(parts), re.I), flat


def _literals(alt: str) -> tuple[str, ...]:
    """Lower-case literals one of which starts every match of ``alt``; () when unknown."""
    parts = _split_top(alt)
    if len(parts) > 1:
        found = [_literals(p) for p in parts]
        return tuple(lit for f in found for lit in f) if all(found) else ()
    s = re.sub(r"^(?:\\b|\^|\(\?<!?[^()]*\))+", "", alt)
    if s.startswith("(?:"):
        end = _group_end(s)
        if end < 0 or s[end + 1: end + 2] in ("?", "*", "{"):
            return ()
        return _literals(s[3:end])
    m = re.match(r"(?:[^\\()\[\]{}|?*+.^$]|\\[-. '/])+", s)
    lit = m.group() if m else ""
    if lit and s[len(lit): len(lit) + 1] in ("?", "*", "{"):
        lit = lit[:-1]
    lit = lit.replace("\\", "")
    return (lit.lower(),) if len(lit) >= 2 else ()


def _split_top(pattern: str) -> list[str]:
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


def _group_end(s: str) -> int:
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


def _search(text: str, *path: str) -> re.Match[str] | None:
    """``_rx(*path).search(text)``, skipped quickly when none of the rule's literals occurs."""
    rx, literals = _rule(*path)
    if literals:
        low = text.lower()
        if not any(lit in low for lit in literals):
            return None
    return rx.search(text)
