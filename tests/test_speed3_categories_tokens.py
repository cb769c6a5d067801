"""The faster word split of :func:`vendorgraph.extract.categories.tokens.tokenize` splits like the plain regex."""

from __future__ import annotations

import random

from vendorgraph.extract.categories import tokens

_ALPHABET = "ab Zü ß_-–/()\u00ad\t\n.,;:0123456789éÄİıſ\u2019'\"Σσς日本"


def _texts() -> list[str]:
    rng = random.Random(1234)
    out = ["", "_", "__a__", "a_b c", "Kontakt- und Rechnungsdaten", "IT-Dienstleister (Hosting) / e-mail_address"]
    out += ["".join(rng.choice(_ALPHABET) for _ in range(rng.randrange(0, 80))) for _ in range(2000)]
    return out


def test_fast_split_is_the_plain_split() -> None:
    for text in _texts():
        parts = tokens._SPLIT.split(text)
        tok = tokens.tokenize(text)
        assert tok.words == tuple(parts[1::2]), text
        assert tok.gaps == tuple(parts[0::2]), text
        assert [text[s:e] for s, e in tok.spans] == parts[1::2], text
