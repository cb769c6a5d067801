"""The second round of extraction shortcuts finds what the code they replace found: regexes led by their
first characters (:func:`~vendorgraph.extract.scan.after_none_of`, the name-start regexes) and the lazy
literal scan of the controller cues (:func:`~vendorgraph.extract.literals.iter_literal`)."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from vendorgraph.extract import literals
from vendorgraph.extract.lexicon import countries, rules, rx, trie_regex
from vendorgraph.extract.literals import finditer_literal, iter_literal
from vendorgraph.extract.mentions import _legal_form_first_re
from vendorgraph.extract.names import _lower_first_re
from vendorgraph.extract.scan import after_none_of

ROOT = Path(__file__).resolve().parent.parent
_FILES = sorted((ROOT / "ingest" / "samples").glob("*.txt")) + sorted((ROOT / "tests" / "policies").glob("*.txt"))
TEXTS = [p.read_text(encoding="utf-8") for p in _FILES][:12] + [
    "", "A", "USA", "xUSA", "Verantwortlich ist die ACME GmbH, Berlin. The controller is Notula Labs Inc.",
]
_ALPHABET = "AUSDEKaeus -.,\n_1ÄÖäö"


def _random_texts(n: int, seed: int) -> list[str]:
    rnd = random.Random(seed)
    return ["".join(rnd.choice(_ALPHABET) for _ in range(rnd.randint(0, 60))) for _ in range(n)]


def _spans(p: re.Pattern[str], text: str, lo: int = 0, hi: int | None = None) -> list[tuple[int, int]]:
    return [m.span() for m in p.finditer(text, lo, len(text) if hi is None else hi)]


def test_after_none_of_matches_the_lookbehind_trie() -> None:
    rnd = random.Random(5)
    for _ in range(300):
        words = sorted({"".join(rnd.choice("AUSDEa.") for _ in range(rnd.randint(1, 4))) for _ in range(rnd.randint(1, 8))})
        firsts = "".join(sorted({re.escape(w[0]) for w in words}))
        old = re.compile(rf"(?=[{firsts}])(?<![\w\-.])(?:{trie_regex(words)})")
        new = re.compile(after_none_of(r"\w\-.", words))
        for text in _random_texts(20, rnd.random()):
            assert _spans(new, text) == _spans(old, text), (words, text)


def test_country_regex_finds_what_the_guarded_one_found() -> None:
    c = countries()
    firsts = "".join(sorted({re.escape(f[0]) for f in c.by_form}))
    old = re.compile(rf"(?=[{firsts}])(?<![\w\-.])(?:{trie_regex(list(c.by_form))})(?![\w]|-(?=[a-zäöü]))")
    forms = list(c.by_form)[:40]
    rnd = random.Random(9)
    made = [" ".join(rnd.choice(forms + ["x", "-", ".", "in", "-based"]) for _ in range(12)) for _ in range(200)]
    for text in TEXTS + made:
        assert _spans(c.pattern, text) == _spans(old, text)


@pytest.mark.parametrize(("new", "old"), [
    (_legal_form_first_re, r"(?<![\w])[A-ZÄÖÜ0-9]"),
    (_lower_first_re, r"(?<![\w.\-@/])[a-zäöü]"),
])
def test_name_start_regexes_find_the_old_starts(new, old) -> None:  # noqa: ANN001
    old_re = re.compile(old)
    rnd = random.Random(11)
    for text in TEXTS + _random_texts(300, 2):
        for _ in range(4):
            lo = rnd.randint(0, len(text))
            hi = rnd.randint(lo, len(text))
            assert _spans(new(), text, lo, hi) == _spans(old_re, text, lo, hi)


def _cases() -> list[tuple[re.Pattern[str], str | list[str]]]:
    out = [(rx("parties", "controller_cues", re.I), rules("parties")["controller_cues"]),
           (rx("parties", "prefix_legal_form"), rules("parties")["prefix_legal_form"])]
    for kind in ("flow_to_party", "anaphor", "fallback", "sub_processor"):
        out.append((rx("transfers", kind, re.I), rules("transfers")[kind]))
    return out


@pytest.mark.parametrize("chunk", [3, 50, literals.LAZY_CHUNK])
def test_iter_literal_finds_what_finditer_literal_finds(chunk: int, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(literals, "LAZY_CHUNK", chunk)
    extra = ["Der Verantwortliche ist: X. controller controllers CONTROLLER", "İ controller", "ß VERANTWORTLICH"]
    for p, rule in _cases():
        for text in TEXTS + extra:
            assert [m.span() for m in iter_literal(p, text, rule)] == [m.span() for m in finditer_literal(p, text, rule)]
