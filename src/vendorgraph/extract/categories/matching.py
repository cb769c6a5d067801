"""Labels found in a text: whole labels at each word, German compound heads, hyphenated compounds,
elliptic coordinations; cached per document.

What may start at a word depends on the word alone (:func:`_plan`, cached per word form); only
labels of several words look at the following words, so a text is tokenised once and only the
words that can start a label are visited.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from functools import lru_cache
from itertools import compress, count
from typing import Iterable, Iterator, Sequence

from .ellipsis import _conjunctions, _ellipses
from .labels import KINDS, Entry, Hit, Matcher, matcher
from .patterns import _rx
from .tokens import _MODE_INDEX, _MODES, Tokens, _keys, _separator, tokenize


def _match_at(tok: Tokens, i: int, entry: Entry) -> int:
    """Number of tokens ``entry`` covers from token ``i`` (0: no match)."""
    n = len(entry.keys)
    words = tok.words
    if i + n > len(words):
        return 0
    mi = _MODE_INDEX[entry.mode]
    for j in range(1, n):
        if _keys(words[i + j])[mi] != entry.keys[j] or not tok.joined(i + j - 1):
            return 0
    return n


_Starts = tuple[tuple[Entry, ...], tuple[tuple[int, str], ...], tuple[Entry, ...]]
_Found = tuple[tuple[str, tuple[int, Entry]], ...]  # (kind, (tokens covered, entry)), sorted by kind


@lru_cache(maxsize=1 << 16)
def _starts(word: str) -> _Starts:
    """What may start at ``word``: one-word entries, (mode index, key) of longer entries, and the
    entries whose German label ends the compound ``word``."""
    m = matcher()
    keys = _keys(word)
    single = tuple(e for mode, key in zip(_MODES, keys) for e in m.first.get((mode, key), ()))
    multi = tuple((j, key) for j, (mode, key) in enumerate(zip(_MODES, keys)) if (mode, key) in m.pair_starts)
    return single, multi, (_compound(word, keys[3], m) if word[:1].isupper() and len(word) > 4 else ())


def _live(word: str) -> bool:
    """Some label may start at ``word``."""
    return any(_starts(word))


_LIVE: set[str] = set()
_DEAD: set[str] = set()
_KNOWN_MAX = 1 << 17


def _live_words(words: set[str]) -> set[str]:
    """The words of ``words`` at which some label may start (:func:`_live`); the words seen before are
    sorted out by set operations, not one call each."""
    new = words - _LIVE - _DEAD
    if new:
        if len(_LIVE) + len(_DEAD) + len(new) > _KNOWN_MAX:
            _LIVE.clear()
            _DEAD.clear()
        for w in new:
            (_LIVE if _live(w) else _DEAD).add(w)
    return words & _LIVE


def _case_ok(lower: bool, e: Entry) -> bool:
    """A German noun label needs a capitalised word."""
    return not (lower and e.mode == "de" and e.label.text[:1].isupper())


@lru_cache(maxsize=1 << 16)
def _plan(word: str) -> tuple[_Found, _Found, tuple[tuple[int, str], ...], bool]:
    """For ``word``: the one-word labels per vocabulary (first usable one each); those completed by
    the compound heads (what is found when no longer label starts here); the (mode index, key) of
    longer labels; whether the word is lower case."""
    single, multi, heads = _starts(word)
    lower = not word[:1].isupper()
    best: dict[str, tuple[int, Entry]] = {}
    for e in single:
        if _case_ok(lower, e):
            best.setdefault(e.label.kind, (1, e))
    alone = dict(best)
    for e in heads:
        alone.setdefault(e.label.kind, (1, e))
    return tuple(sorted(best.items())), tuple(sorted(alone.items())), multi, lower


def _best(tok: Tokens, i: int) -> _Found:
    """Per vocabulary, the longest label starting at token ``i`` (or a German compound ending in one)."""
    word = tok.words[i]
    single, alone, multi, lower = _plan(word)
    if not multi or not tok.joined(i):
        return alone
    pairs = _pair_entries(word, tok.words[i + 1])
    return _longest(tok, i, word, single, pairs) if pairs else alone


@lru_cache(maxsize=1 << 16)
def _pair_entries(word: str, following: str) -> tuple[Entry, ...]:
    """Labels of several words starting with ``word`` then ``following`` (usable at ``word``'s case)."""
    _, _, multi, lower = _plan(word)
    pairs = matcher().pairs
    keys = _keys(following)
    return tuple(e for j, key in multi for e in pairs.get((_MODES[j], key, keys[j]), ()) if _case_ok(lower, e))


def _longest(tok: Tokens, i: int, word: str, single: _Found, pairs: tuple[Entry, ...]) -> _Found:
    """:func:`_best` where labels of several words (``pairs``, by their first two words) may start
    at token ``i``: the longest one that matches per vocabulary, else the one-word label."""
    best = dict(single)
    for e in pairs:
        n = _match_at(tok, i, e)
        if n and n > best.get(e.label.kind, (0, e))[0]:
            best[e.label.kind] = (n, e)
    for e in _starts(word)[2]:
        best.setdefault(e.label.kind, (1, e))
    return tuple(sorted(best.items()))


def _compound(word: str, key: str, m: Matcher) -> tuple[Entry, ...]:
    """Entries whose German label is the head of the compound ``word`` (German key ``key``)."""
    if key[-3:] not in m.head_ends:
        return ()
    for length in m.head_lengths:
        if length < len(key) and key[-length:] in m.heads:
            return () if _rx("compound_exclude").fullmatch(word) else m.heads[key[-length:]]
    return ()


def _direct(tok: Tokens, live: set[str] | None = None, at: Sequence[int] | None = None) -> Iterator[Hit]:
    """Labels starting at each word, longest first; a word already covered is skipped per vocabulary.
    ``live``, ``at``: the words at which some label may start (:func:`_live_words`) and indexes of
    the text's words including all of theirs, when known."""
    words, gaps = tok.words, tok.gaps
    last = len(words) - 1
    until = dict.fromkeys(KINDS, 0)
    hyphens = _hyphen_joins(tok)
    start = tok.word_starts()  # hits come in text order
    for i in _candidates(words, hyphens, live, at):
        word = words[i]
        single, found, multi, _ = _plan(word)
        if multi and i < last and (gaps[i + 1] == " " or _separator(gaps[i + 1])):
            pairs = _pair_entries(word, words[i + 1])
            if pairs:
                found = _longest(tok, i, word, single, pairs)
        if i in hyphens:
            extended = dict(found)
            for e in _joined_entries(word + words[i + 1].lower()):
                n, cur = extended.get(e.label.kind, (0, e))
                if n == 0 or (n == 1 and cur.label.hidden):
                    extended[e.label.kind] = (2, e)
            found = tuple(sorted(extended.items()))
        for kind, (n, e) in found:
            if i >= until[kind]:
                gap = gaps[i + n]
                if not (gap[:1] == "-" and gap[1:2].isspace()):  # no truncated compound ("Kundensupport- oder")
                    until[kind] = i + n
                    begin = start(i)
                    yield Hit(e.label, begin, begin + (len(word) if n == 1 else tok.length(i, n)))


def _candidates(words: tuple[str, ...], hyphens: set[int], live: set[str] | None = None,
                at: Sequence[int] | None = None) -> list[int]:
    """The indexes, in order, at which :func:`_direct` may find a label: a word with a label of its own
    (or a compound head), a word with a longer label that the next word continues, a hyphen join.
    Most words where a longer label may start ("the", "your") start none: they are passed over
    by one cached look-up of the word pair. ``live``, ``at``: see :func:`_direct`."""
    if live is None:
        live = _live_words(set(words))
    if at is None:
        at = list(compress(count(), map(live.__contains__, words)))
    own = {w for w in live if _plan(w)[1]}
    longer = live - own
    pair = _pair_entries
    last = len(words) - 1
    found = [i for i in at if (w := words[i]) in own or (w in longer and i < last and pair(w, words[i + 1]))]
    return sorted(hyphens.union(found)) if hyphens else found


def _hyphen_joins(tok: Tokens) -> set[int]:
    """Words joined by a hyphen to a capitalised next word, a German compound ("Hosting-Anbieter")."""
    words, gaps = tok.words, tok.gaps
    out: set[int] = set()
    # gaps[g] lies between word g - 1 and word g; the last gap follows the last word
    g, last = 0, len(gaps) - 1
    while True:  # ``tuple.index`` finds the few hyphen gaps without a Python step per word
        try:
            g = gaps.index("-", g + 1, last)
        except ValueError:
            return out
        if words[g][:1].isupper():
            out.add(g - 1)


def _joined_entries(word: str) -> tuple[Entry, ...]:
    """Single-word German entries matching ``word`` whole or as the head of a compound, one per vocabulary."""
    first, _, heads = _starts(word)
    out: dict[str, Entry] = {}
    for e in first + heads:
        if e.mode == "de" and len(e.keys) == 1:
            out.setdefault(e.label.kind, e)
    return tuple(out.values())


def _order(h: Hit) -> tuple[int, int, str, str, str]:
    return h.start, h.end, h.label.kind, h.label.notation, h.label.text


def scan(text: str) -> tuple[Hit, ...]:
    """Every label of both vocabularies in ``text`` (no context rules), in text order."""
    tok, m = tokenize(text), matcher()
    words = tok.words
    conjunctions = _conjunctions()
    live = _live_words(set(words))
    at = list(compress(count(), map((live | conjunctions).__contains__, words)))  # one pass for both
    hits: Iterable[Hit] = list(_direct(tok, live, at))  # distinct: one hit per word and vocabulary
    more = list(_ellipses(tok, m, [i for i in at if words[i] in conjunctions]))
    if more:
        hits = set(hits)
        hits.update(more)
    return tuple(sorted(hits, key=_order))


_Index = dict[str, tuple[tuple[int, ...], tuple[Hit, ...]]]
_NO_HITS: tuple[tuple[int, ...], tuple[Hit, ...]] = ((), ())


@lru_cache(maxsize=8)
def _document_hits(text: str) -> _Index:
    """Per vocabulary, the hits of the whole text and their start offsets (for :func:`hits_between`)."""
    by_kind: dict[str, list[Hit]] = {}
    for h in scan(text):
        by_kind.setdefault(h.label.kind, []).append(h)
    return {kind: (tuple(h.start for h in hits), tuple(hits)) for kind, hits in by_kind.items()}


def hits_between(text: str, start: int, end: int, kind: str) -> list[Hit]:
    """The hits of vocabulary ``kind`` inside ``text[start:end]`` (the whole text is scanned once)."""
    starts, hits = _document_hits(text).get(kind, _NO_HITS)
    return [h for h in hits[bisect_left(starts, start): bisect_left(starts, end)] if h.end <= end]


def hits_within(text: str, spans: Sequence[tuple[int, int]], kind: str) -> dict[int, list[Hit]]:
    """Per index of ``spans`` (``(start, end)`` pairs) that holds hits, :func:`hits_between` of it.
    Sorted, disjoint spans are found for each hit by one bisection (a document has far fewer hits
    than sentences); other spans one by one."""
    bounds = [x for span in spans for x in span]
    if bounds != sorted(bounds):
        return {i: found for i, (start, end) in enumerate(spans) if (found := hits_between(text, start, end, kind))}
    firsts = [start for start, _ in spans]
    out: dict[int, list[Hit]] = {}
    for h in _document_hits(text).get(kind, _NO_HITS)[1]:
        i = bisect_right(firsts, h.start) - 1  # the last span starting at or before the hit
        if i >= 0 and h.start < spans[i][1] and h.end <= spans[i][1]:
            out.setdefault(i, []).append(h)
    return out
