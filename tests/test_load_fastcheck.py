"""The loader's early exit (enough of the document's own language's terms) answers as the full count does."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from vendorgraph.errors import NotAPolicyError
from vendorgraph.load.checks import check_policy, policy_terms, vocabulary

TERMS = sorted({t for ts in vocabulary()["terms"].values() for t in ts})
PIECES = st.sampled_from(TERMS + ["x", "über", "data", "Daten", "\n", "  ", "-", "a"])


def _full(text: str, language: str) -> str | None:
    found = policy_terms(text)
    best = max(sorted(found), key=lambda lang: len(found[lang]))
    if len(found[best]) < int(vocabulary()["min_distinct_terms"]):
        return None
    return best if language == "und" else language


@settings(max_examples=300, deadline=None)
@given(parts=st.lists(st.tuples(PIECES, st.sampled_from([" ", "\n", "", "x", " \t "])), max_size=12),
       upper=st.booleans(), language=st.sampled_from(["en", "de", "und", "fr"]))
def test_check_policy_equals_the_full_count(parts: list[tuple[str, str]], upper: bool, language: str) -> None:
    text = "".join(a + b for a, b in parts)
    text = text.upper() if upper else text
    want = _full(text, language)
    if want is None:
        with pytest.raises(NotAPolicyError):
            check_policy(text, "t.txt", language)
    else:
        assert check_policy(text, "t.txt", language) == want
