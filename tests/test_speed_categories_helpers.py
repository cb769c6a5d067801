"""The speed helpers of the categories extractor and the segmenter answer like the plain code they replace."""

from __future__ import annotations

import re
from itertools import compress, count

import pytest

from vendorgraph import segment as G
from vendorgraph.extract.categories import matching, patterns, tokens
from vendorgraph.extract.scan import trie_regex

_TEXTS = [
    "",
    "We pass your data on to our IT service providers and Steuerberater. See Art. 28 GDPR.",
    "Wir geben Ihre Kontakt- und Rechnungsdaten an Hosting-Anbieter und Versand-Dienstleister weiter.",
    "Recipients: hosting providers, payment providers -\nLogistik-Partner; e-mail - Adresse",
    "x\n. Y z. Q Hauptstr. 5 am 16. Juli 2020. e.g. Foo what?! Next " + "w" * 30 + ". Z",
]


@pytest.mark.parametrize("text", _TEXTS)
def test_word_before_is_last_word_of_the_slice(text: str) -> None:
    rev = text[::-1]
    for hi in range(len(text) + 1):
        for lo in range(max(0, hi - 30), hi + 1):
            assert G._word_before(text, rev, lo, hi) == G._last_word(text[lo:hi]), (lo, hi)


@pytest.mark.parametrize("literals", [["our", "your", "unsere", "unseren", "a", "ab"], ["cookie", "borlabs cookie", "c.o"],
                                      ["not", "nicht", ""], ["(?", "\\b", "$"]])
def test_starts_regex_finds_every_literal_start(literals: list[str]) -> None:
    lookahead = re.compile(f"(?=(?:{trie_regex(sorted(literals))}))")
    fast = patterns._starts_regex(sorted(literals))
    for text in _TEXTS + ["your cookies (? \\b$ borlabs cookie c.o ab a", "unseren unsere our"]:
        low = text.lower()
        assert [m.start() for m in fast.finditer(low)] == [m.start() for m in lookahead.finditer(low)]


@pytest.mark.parametrize("text", _TEXTS)
def test_hyphen_joins_and_live_words(text: str) -> None:
    tok = tokens.tokenize(text)
    plain = {i for i in compress(count(), map("-".__eq__, tok.gaps[1:-1])) if tok.words[i + 1][:1].isupper()}
    assert matching._hyphen_joins(tok) == plain
    words = set(tok.words)
    assert matching._live_words(words) == set(filter(matching._live, words))
    assert matching._live_words(words) == set(filter(matching._live, words))  # the second time from the sets


@pytest.mark.parametrize("text", _TEXTS)
def test_hits_within_is_hits_between_per_span(text: str) -> None:
    n = len(text)
    sorted_spans = [(i, min(n, i + 17)) for i in range(0, n, 17)] + [(n, n)]
    other = [(0, n), (5, 3), (2, 40), (0, n // 2), (n // 2, n)]
    for spans in (sorted_spans, other, []):
        for kind in ("data", "recipient", "none"):
            expected = {i: hs for i, (s, e) in enumerate(spans) if (hs := matching.hits_between(text, s, e, kind))}
            assert matching.hits_within(text, spans, kind) == expected
