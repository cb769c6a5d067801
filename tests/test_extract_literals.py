"""Scans that try a rule only where its literals occur find exactly what the plain regexes find."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from vendorgraph.extract import mentions as M
from vendorgraph.extract.categories.patterns import fast_rule, found, found_exactly
from vendorgraph.extract.context import TRANSFER_SCANS
from vendorgraph.extract.lexicon import rules, rx
from vendorgraph.extract.literals import (
    CASE_TRAPS, finditer_literal, has_case_traps, literal_starts, literals, rule_literals,
)

ROOT = Path(__file__).resolve().parent.parent
_FILES = sorted((ROOT / "ingest" / "samples").glob("*.txt")) + sorted((ROOT / "tests" / "policies").glob("*.txt")) \
    + sorted((ROOT / "tests" / "generalization" / "policies").glob("*.txt"))
ALL = [p.read_text(encoding="utf-8") for p in _FILES] + [
    "", "Anbieter: UAB \"Mailpost\", Vilnius", "SA \"X\"", "We rely on sub-processors in third countries.",
    "Verantwortlicher: ACME GmbH. Who we are: ACME. Privacy Policy of ACME", "Wir sind gemeinsam mit X verantwortlich."]

#: Rules every document is scanned for with :func:`finditer_literal`: (group, key, flags).
SCANNED = [("transfers", k, re.I) for k in TRANSFER_SCANS] + [
    ("parties", "controller_cues", re.I), ("parties", "prefix_legal_form", 0)]
TRAPPED = ["Drıttland und outsıde the EU", "İnternational transfers to third countrıes", "ſub-processors relied on"]


def test_literals_of_a_rule() -> None:
    assert literals(r"\b(?:third[- ]countr(?:y|ies)|Drittl(?:and|ändern))\b") == ("third", "drittl")
    assert literals(r"\bUAB\s+x", lower=False) == ("UAB",)
    assert literals(r"(?=x)foo") == () and literals(r"\b(?:our|a)\s+page") == ()
    assert rule_literals(("\\bsub-?processors?\\b", "\\bsubcontractors?\\b", "\\buses\\b")) == ("sub", "uses")
    assert rule_literals(("\\bsub\\b", "\\w+")) == ()


def test_literal_starts_finds_overlapping_places() -> None:
    assert literal_starts("aaa sub subsub", ["aa", "sub"]) == [0, 1, 4, 8, 11]


@pytest.mark.parametrize("group, key, flags", SCANNED)
def test_finditer_literal_equals_finditer(group: str, key: str, flags: int) -> None:
    p = rx(group, key, flags)
    assert rule_literals(rules(group)[key] if isinstance(rules(group)[key], str) else tuple(rules(group)[key]),
                         not flags) != ()
    for text in ALL + TRAPPED + [t.lower() for t in ALL[:5]]:
        assert [m.regs for m in finditer_literal(p, text, rules(group)[key])] == [m.regs for m in p.finditer(text)]


def test_has_case_traps() -> None:
    for text in ["", "plain", "Grüße", "\u0130x", "a\u0131", "\u017f", "ß\u017f"]:
        assert has_case_traps(text) == (CASE_TRAPS.search(text) is not None)


def test_found_with_some_alternatives_without_literals() -> None:
    """A rule some of whose alternatives have no literal runs those whole and the others at their literals."""
    fast = fast_rule(("\\bfollow\\s+us\\b", "\\b(?:our|a)\\s+pages?\\s+on\\b", "\\(\\s*link\\s*\\)"))
    assert fast.pretest is None and fast.by_literal and fast.always
    plain = re.compile("|".join(f"(?:{a})" for a in ("\\bfollow\\s+us\\b", "\\b(?:our|a)\\s+pages?\\s+on\\b",
                                                        "\\(\\s*link\\s*\\)")), re.I)
    for text in ["Follow us on X", "see a page on X", "Instagram (Link)", "nothing", "FOLLOW US", "ſollow us",
                 "our pages  on", "a\u0130 page on"] + ALL[:40]:
        assert found(text, fast) == found_exactly(text, fast) == bool(plain.search(text)), text[:60]


def test_profile_link_context_found_as_searched() -> None:
    fast = fast_rule(rules("parties")["profile_link_context"])
    plain = rx("parties", "profile_link_context", re.I)
    for text in ALL + TRAPPED + ["Follow us on Instagram", "unser Profil bei XING (Link)", "Besuchen Sie uns auf X"]:
        for piece in [text] + text.split(";")[:30]:
            assert found_exactly(piece, fast) == bool(plain.search(piece)), piece[:80]


def test_group_names_only_around_group_words() -> None:
    rnd = random.Random(3)
    words = ["Group", "Gruppe", "Holding", "ACME", "Foo", "Über", "-", " ", "  ", "\n", ",", ".", "&", "(", "ß", "_", "1"]
    texts = ALL + ["Die ACME Group und die Foo-Gruppe", "A\nB C Group", "X Y Z W Group", "ÄÖ Ü-Holding"]
    texts += ["".join(rnd.choice(words) + rnd.choice(["", " "]) for _ in range(rnd.randint(1, 15))) for _ in range(3000)]
    for text in texts:
        assert [m.regs for m in M._group_matches(text)] == [m.regs for m in M._group_re().finditer(text)], text[:80]
