"""Labels found in a text: whole labels at each word, German compound heads, hyphenated compounds,
elliptic coordinations; cached per document."""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache
from typing import Iterator

from .ellipsis import _ellipses
from .labels import KINDS, Entry, Hit, Matcher, matcher
from .patterns import _rx
from .tokens import _MODES, Tokens, _keys, tokenize


def _match_at(tok: Tokens, i: int, entry: Entry) -> int:
    """Number of tokens ``entry`` covers from token ``i`` (0: no match)."""
    n = len(entry.keys)
    if i + n > len(tok.words):
        return 0
    for j in range(1, n):
        if tok.key(entry.mode, i + j) != entry.keys[j] or not tok.joined(i + j - 1):
            return 0
    return n


_Starts = tuple[tuple[Entry, ...], tuple[tuple[int, str], ...], tuple[Entry, ...]]


@lru_cache(maxsize=1 << 16)
def _starts(word: str) -> _Starts:
    """What may start at ``word``: one-word entries, (mode index, key) of longer entries, and the
    entries whose German label ends the compound ``word``."""
    m = matcher()
    keys = _keys(word)
    single = tuple(e for mode, key in zip(_MODES, keys) for e in m.first.get((mode, key), ()))
    multi = tuple((j, key) for j, (mode, key) in enumerate(zip(_MODES, keys)) if (mode, key) in m.pair_starts)
    return single, multi, (_compound(word, keys[3], m) if word[:1].isupper() and len(word) > 4 else ())


def _best(tok: Tokens, i: int, starts: _Starts) -> dict[str, tuple[int, Entry]]:
    """Per vocabulary, the longest label starting at token ``i`` (or a German compound ending in one)."""
    best: dict[str, tuple[int, Entry]] = {}
    lower = not tok.words[i][:1].isupper()
    candidates = list(starts[0])
    if starts[1] and tok.joined(i):
        m = matcher()
        for j, key in starts[1]:
            candidates += m.pairs.get((_MODES[j], key, tok.keys[i + 1][j]), ())
    for e in candidates:
        if lower and e.mode == "de" and e.label.text[:1].isupper():
            continue  # a German noun label needs a capitalised word
        n = _match_at(tok, i, e)
        if n and n > best.get(e.label.kind, (0, e))[0]:
            best[e.label.kind] = (n, e)
    for e in starts[2]:
        best.setdefault(e.label.kind, (1, e))
    return best


def _compound(word: str, key: str, m: Matcher) -> tuple[Entry, ...]:
    """Entries whose German label is the head of the compound ``word`` (German key ``key``)."""
    if key[-3:] not in m.head_ends:
        return ()
    for length in m.head_lengths:
        if length < len(key) and key[-length:] in m.heads:
            return () if _rx("compound_exclude").fullmatch(word) else m.heads[key[-length:]]
    return ()


def _keep(tok: Tokens, i: int, n: int, e: Entry) -> bool:
    """No truncated compounds ("Kundensupport- oder")."""
    end = tok.spans[i + n - 1][1]
    return not (tok.text.startswith("-", end) and tok.text[end + 1: end + 2].isspace())


def _direct(tok: Tokens) -> Iterator[Hit]:
    """Labels starting at each word, longest first; a word already covered is skipped per vocabulary."""
    until = dict.fromkeys(KINDS, 0)
    live = {w for w in set(tok.words) if any(_starts(w))}
    hyphens = _hyphen_joins(tok)
    for i in sorted({i for i, w in enumerate(tok.words) if w in live} | hyphens):
        found = _best(tok, i, _starts(tok.words[i]))
        if i in hyphens:
            for e in _joined_entries(tok.words[i] + tok.words[i + 1].lower()):
                n, cur = found.get(e.label.kind, (0, e))
                if n == 0 or (n == 1 and cur.label.hidden):
                    found[e.label.kind] = (2, e)
        for kind, (n, e) in sorted(found.items()):
            if i >= until[kind] and _keep(tok, i, n, e):
                until[kind] = i + n
                yield Hit(e.label, tok.spans[i][0], tok.spans[i + n - 1][1])


def _hyphen_joins(tok: Tokens) -> set[int]:
    """Words joined by a hyphen to a capitalised next word, a German compound ("Hosting-Anbieter")."""
    ends = {e: i for i, (_, e) in enumerate(tok.spans)}
    out = set()
    for m in re.finditer(r"(?<=[^\W_])-(?=[^\W\d_])", tok.text):
        i = ends.get(m.start())
        if i is not None and _hyphenated(tok, i):
            out.add(i)
    return out


def _hyphenated(tok: Tokens, i: int) -> bool:
    """Word ``i`` and the next form a hyphenated German compound ("Hosting-Anbieter")."""
    return (i + 1 < len(tok.words) and tok.words[i + 1][:1].isupper()
            and tok.text[tok.spans[i][1]: tok.spans[i + 1][0]] == "-")


def _joined_entries(word: str) -> tuple[Entry, ...]:
    """Single-word German entries matching ``word`` whole or as the head of a compound, one per vocabulary."""
    first, _, heads = _starts(word)
    out: dict[str, Entry] = {}
    for e in first + heads:
        if e.mode == "de" and len(e.keys) == 1:
            out.setdefault(e.label.kind, e)
    return tuple(out.values())


def scan(text: str) -> tuple[Hit, ...]:
    """Every label of both vocabularies in ``text`` (no context rules), in text order."""
    tok, m = tokenize(text), matcher()
    hits = set(_direct(tok)) | set(_ellipses(tok, m))
    return tuple(sorted(hits, key=lambda h: (h.start, h.end, h.label.kind, h.notation, h.label.text)))


@lru_cache(maxsize=8)
def _document_hits(text: str) -> tuple[tuple[int, ...], tuple[Hit, ...]]:
    hits = scan(text)
    return tuple(h.start for h in hits), hits


def hits_between(text: str, start: int, end: int, kind: str) -> list[Hit]:
    """The hits of vocabulary ``kind`` inside ``text[start:end]`` (the whole text is scanned once)."""
    starts, hits = _document_hits(text)
    return [h for h in hits[bisect_left(starts, start): bisect_left(starts, end)] if h.end <= end and h.label.kind == kind]
