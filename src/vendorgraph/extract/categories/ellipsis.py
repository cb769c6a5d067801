"""Labels rebuilt from elliptic coordinations ("contact and payment data", "Kontakt- und Rechnungsdaten")."""

from __future__ import annotations

import re
from functools import cache, lru_cache, partial
from itertools import compress, count
from typing import Iterable, Iterator, Sequence

from .labels import Entry, Hit, Matcher, matcher
from .patterns import rules
from .tokens import _MODES, Tokens, _key, _keys, de_key


@cache
def _conjunctions() -> frozenset[str]:
    """Conjunctions of elliptic coordinations, in lower, capitalised and upper case."""
    words = rules()["conjunctions"]
    return frozenset(words) | {w.capitalize() for w in words} | {w.upper() for w in words}


def _phrase(words: Sequence[str], m: Matcher) -> dict[str, Entry]:
    """Per vocabulary, an entry spelling exactly ``words``."""
    out: dict[str, Entry] = {}
    for mode in _MODES:
        keys = tuple(_key(mode, w) for w in words)
        found = m.first.get((mode, keys[0]), ()) if len(keys) == 1 else m.pairs.get((mode, keys[0], keys[1]), ())
        for e in found:
            if e.keys == keys:
                out.setdefault(e.label.kind, e)
    return out


_COMMA = re.compile(r"-?\s*,\s*")
_GAP_DE = re.compile(r"-,?\s+")
_GAP_EN = re.compile(r",?\s+")


def _conjuncts(tok: Tokens, c: int) -> list[int]:
    """Indexes of the words coordinated before the conjunction at ``c`` ("A, B and")."""
    firsts = [c - 1]
    j = c - 1
    while j > 0 and _COMMA.fullmatch(tok.gaps[j]):
        j -= 1
        firsts.append(j)
    return firsts


def _ellipses(tok: Tokens, m: Matcher, at: Iterable[int] | None = None) -> Iterator[Hit]:
    """Labels in elliptic coordinations: "contact and payment data", "Kontakt- und Rechnungsdaten";
    ``at``: the indexes of the conjunctions, when known."""
    words = tok.words
    for c in compress(count(), map(_conjunctions().__contains__, words)) if at is None else at:
        if c == 0 or c + 1 >= len(words):
            continue
        gap = tok.gaps[c]  # between word c - 1 and the conjunction
        if gap == " ":
            yield from _ellipsis_en(tok, m, c)
        elif _GAP_DE.fullmatch(gap):
            yield from _ellipsis_de(tok, m, c)
        elif _GAP_EN.fullmatch(gap):
            yield from _ellipsis_en(tok, m, c)


def _ellipsis_de(tok: Tokens, m: Matcher, c: int) -> Iterator[Hit]:
    """ "Konto- und Profildaten": each truncated word joined with the tail of the last word."""
    last_i = c + 2 if tok.keys_at(c + 1)[1] in _conjunctions() and c + 2 < len(tok.words) else c + 1  # "und/oder"
    last = tok.words[last_i]
    for f in _conjuncts(tok, c):
        for j in range(1, len(last) - 3):
            entries = m.heads.get(de_key(tok.words[f] + last[j:]))
            if entries:
                seen: set[str] = set()
                for e in entries:
                    if e.label.kind not in seen:
                        seen.add(e.label.kind)
                        yield Hit(e.label, tok.start(f), tok.end(last_i))
                break


@lru_cache(maxsize=1 << 16)
def _pair_start(word: str) -> bool:
    """``word`` starts a label of several words in some mode."""
    starts = matcher().pair_starts
    return any((mode, k) in starts for mode, k in zip(_MODES, _keys(word)))


def _begins_in(m: Matcher, first: str, second: str) -> bool:
    """``first`` then ``second`` are the first two words of a label of several words of ``m`` in some mode."""
    return any((mode, a, b) in m.pairs for mode, a, b in zip(_MODES, _keys(first), _keys(second)))


@lru_cache(maxsize=1 << 16)
def _pair_begins(first: str, second: str) -> bool:
    """:func:`_begins_in` of the labels of both vocabularies (cached per word pair)."""
    return _begins_in(matcher(), first, second)


@lru_cache(maxsize=1 << 16)
def _pair_second(word: str) -> bool:
    """``word`` is the second word of a label of several words in some mode."""
    seconds = _pair_seconds()
    return any((mode, k) in seconds for mode, k in zip(_MODES, _keys(word)))


@cache
def _pair_seconds() -> frozenset[tuple[str, str]]:
    """(mode, key) of the second word of every label of several words."""
    return frozenset((mode, k2) for mode, _, k2 in matcher().pairs)


def _ellipsis_en(tok: Tokens, m: Matcher, c: int) -> Iterator[Hit]:
    """ "first and last name": a word before the conjunction joined with the words after the next one."""
    if m is matcher() and not (c + 2 < len(tok.words) and tok.joined(c + 1) and _pair_second(tok.words[c + 2])):
        return  # no word after the next one continues a label of several words
    # words that start a label of several words in some mode (as in ``Matcher.pair_starts``)
    firsts = [f for f in _conjuncts(tok, c) if _pair_start(tok.words[f])]
    if not firsts:
        return
    rest = []
    for k in range(3):  # the words after the next one, as long as only separators lie between them
        if c + 2 + k >= len(tok.words) or not tok.joined(c + 1 + k):
            break
        rest.append(c + 2 + k)
    begins = _pair_begins if m is matcher() else partial(_begins_in, m)
    for f in firsts:
        pair = rest and begins(tok.words[f], tok.words[rest[0]])
        for k in range(len(rest) if pair else 0, 0, -1):
            found = _phrase([tok.words[f]] + [tok.words[r] for r in rest[:k]], m)
            for e in found.values():
                yield Hit(e.label, tok.start(f), tok.end(rest[k - 1]))
            if found:
                break
