"""Word tokens and their matching keys: English plural and German inflection stripped."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache, lru_cache
from itertools import accumulate
from typing import Callable

from .patterns import rules

_WORD = r"[^\W_]+"  # a word: letters and digits
_GAP = r"[\s\u00ad\-‐‑–()/]*"  # what may separate the words of a label
_SPLIT = re.compile(f"({_WORD})")
# The same splits, faster: a possessive repeat (the word class never gives back), and ``\w`` (a word
# character or "_") for texts without "_"
_SPLIT_FAST = re.compile(f"({_WORD}+)")
_SPLIT_NO_UNDERSCORE = re.compile(r"(\w++)")
_GAP_RX = re.compile(_GAP)


def en_key(word: str) -> str:
    """An English word without its plural ending (lower case; "agency"/"agencies" -> "agenci")."""
    w = word.lower()
    if w.endswith("ies") and len(w) > 4:
        return w[:-2]
    if w.endswith("ie"):
        return w[:-1]
    if w.endswith("y") and len(w) > 2 and w[-2] not in "aeiou":
        return w[:-1] + "i"
    if w.endswith(("sses", "shes", "ches", "xes")):
        return w[:-2]
    if w.endswith("s") and len(w) > 3 and not w.endswith(("ss", "us", "is")):
        return w[:-1]
    return w


@cache
def _german_endings() -> tuple[str, ...]:
    return tuple(rules()["german_endings"])


def de_key(word: str) -> str:
    """A German word without its inflection ending (lower case, stem of at least 4 letters)."""
    w = word.lower()
    for end in _german_endings():
        if w.endswith(end) and len(w) - len(end) >= 4:
            return w[: -len(end)]
    return w


_MODES = ("case", "raw", "en", "de")
_MODE_INDEX = {mode: i for i, mode in enumerate(_MODES)}


@lru_cache(maxsize=1 << 16)
def _keys(word: str) -> tuple[str, str, str, str]:
    """The keys of a word in each mode of :data:`_MODES`."""
    return word, word.lower(), en_key(word), de_key(word)


def _key(mode: str, word: str) -> str:
    return _keys(word)[_MODE_INDEX[mode]]


@lru_cache(maxsize=1 << 12)
def _separator(gap: str) -> bool:
    """``gap`` (the text between two words) holds only separators: space, hyphen, parentheses."""
    return gap in (" ", "-") or bool(_GAP_RX.fullmatch(gap))


@dataclass(frozen=True, slots=True)
class Tokens:
    """The words of a text with their offsets and the text between them.

    ``gaps[i]`` is the text before word ``i`` (``gaps[len(words)]`` the text after the last word);
    ``offsets[2 * i]``/``offsets[2 * i + 1]`` are the start/end of word ``i`` (summed up on first use:
    :meth:`word_starts` finds the offsets of a few words cheaper). ``parts``: the text split into
    gap, word, gap, ..., gap. Keys per mode are looked up on demand (:meth:`keys_at`).
    """

    text: str
    words: tuple[str, ...]
    gaps: tuple[str, ...]
    parts: list[str] = field(compare=False, repr=False)
    _offsets: list[tuple[int, ...]] = field(default_factory=list, init=False, compare=False, repr=False)

    @property
    def offsets(self) -> tuple[int, ...]:
        """Start and end of every word, in turn."""
        if not self._offsets:
            self._offsets.append(tuple(accumulate(map(len, self.parts)))[:-1])
        return self._offsets[0]

    def word_starts(self) -> Callable[[int], int]:
        """A function giving the offset of word ``i``, to be asked for words in increasing order: it
        adds the length of the text passed over since the last word asked for."""
        parts = self.parts
        k = pos = 0

        def start(i: int) -> int:
            nonlocal k, pos
            j = 2 * i + 1
            if j < k:
                raise ValueError("word_starts: words asked for out of order")
            pos += len("".join(parts[k:j]))
            k = j
            return pos

        return start

    def length(self, i: int, n: int) -> int:
        """Length of the text from the start of word ``i`` to the end of word ``i + n - 1``."""
        return len("".join(self.parts[2 * i + 1: 2 * (i + n)]))

    @property
    def spans(self) -> tuple[tuple[int, int], ...]:
        """(start, end) of every word."""
        return tuple(zip(self.offsets[0::2], self.offsets[1::2]))

    @property
    def keys(self) -> tuple[tuple[str, str, str, str], ...]:
        """The keys of every word in each mode of :data:`_MODES`."""
        return tuple(map(_keys, self.words))

    def start(self, i: int) -> int:
        """Offset of the first character of word ``i``."""
        return self.offsets[2 * i]

    def end(self, i: int) -> int:
        """Offset after the last character of word ``i``."""
        return self.offsets[2 * i + 1]

    def keys_at(self, i: int) -> tuple[str, str, str, str]:
        """The keys of word ``i`` in each mode of :data:`_MODES`."""
        return _keys(self.words[i])

    def key(self, mode: str, i: int) -> str:
        """The key of word ``i`` in ``mode``."""
        return _keys(self.words[i])[_MODE_INDEX[mode]]

    def gap(self, i: int) -> str:
        """The text between word ``i`` and word ``i + 1``."""
        return self.gaps[i + 1]

    def joined(self, i: int) -> bool:
        """Only separators (space, hyphen, parentheses) between word ``i`` and word ``i + 1``."""
        if i + 1 >= len(self.words):
            return False
        gap = self.gaps[i + 1]
        return gap == " " or _separator(gap)


def tokenize(text: str) -> Tokens:
    """Split ``text`` into words (letters and digits)."""
    parts = (_SPLIT_FAST if "_" in text else _SPLIT_NO_UNDERSCORE).split(text)  # gap, word, gap, word, ..., gap
    return Tokens(text, tuple(parts[1::2]), tuple(parts[0::2]), parts)
