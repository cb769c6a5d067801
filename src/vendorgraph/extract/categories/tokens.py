"""Word tokens and their matching keys: English plural and German inflection stripped."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from .patterns import rules

_WORD = r"[^\W_]+"  # a word: letters and digits
_GAP = r"[\s\u00ad\-‐‑–()/]*"  # what may separate the words of a label


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


@lru_cache(maxsize=1 << 16)
def _keys(word: str) -> tuple[str, str, str, str]:
    """The keys of a word in each mode of :data:`_MODES`."""
    return word, word.lower(), en_key(word), de_key(word)


def _key(mode: str, word: str) -> str:
    return _keys(word)[_MODES.index(mode)]


@dataclass(frozen=True, slots=True)
class Tokens:
    """The words of a text with their offsets, keys per mode, and which gaps are mere separators."""

    text: str
    spans: tuple[tuple[int, int], ...]
    words: tuple[str, ...]
    keys: tuple[tuple[str, str, str, str], ...]

    def key(self, mode: str, i: int) -> str:
        """The key of word ``i`` in ``mode``."""
        return self.keys[i][_MODES.index(mode)]

    def joined(self, i: int) -> bool:
        """Only separators (space, hyphen, parentheses) between word ``i`` and word ``i + 1``."""
        if i + 1 >= len(self.spans):
            return False
        gap = self.text[self.spans[i][1]: self.spans[i + 1][0]]
        return gap in (" ", "-") or bool(re.fullmatch(_GAP, gap))


def tokenize(text: str) -> Tokens:
    """Split ``text`` into words (letters and digits)."""
    spans = tuple([m.span() for m in re.finditer(_WORD, text)])
    words = tuple(re.findall(_WORD, text))
    return Tokens(text, spans, words, tuple(map(_keys, words)))
