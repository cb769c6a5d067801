"""The speed-ups of the rule-based extractor find exactly what the plain regexes find."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from vendorgraph.extract import lexicon as L
from vendorgraph.extract import scan as S
from vendorgraph.extract.lexicon import rules, rx, trie_regex
from vendorgraph.extract.mentions import _legal_form_re
from vendorgraph.extract.names import _lower_re

ROOT = Path(__file__).resolve().parent.parent
TEXTS = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "ingest" / "samples").glob("*.txt"))
         + sorted((ROOT / "tests" / "policies").glob("*.txt"))][:12]
EXTRA = "Wir nutzen Standardvertragsklauseln (SCC) und den Auftragsverarbeiter foo-bar GmbH. Sub-processors: AWS Inc."


def _plain_labels(labels: L.LabelSet, text: str) -> list[tuple[str, int, int]]:
    low = L._lower(text)
    hits = [(n, m.start(), m.end()) for n, p, lower in labels.patterns for m in p.finditer(low if lower else text)]
    return sorted(hits, key=lambda h: (h[1], h[0]))


@pytest.mark.parametrize("labels", [L.role_patterns, L.mechanism_patterns])
def test_find_labels_equals_per_pattern_scan(labels) -> None:
    for text in TEXTS + [EXTRA]:
        assert L.find_labels(labels(), text) == _plain_labels(labels(), text)


@pytest.mark.parametrize("group", ["transfers", "parties"])
def test_guarded_rules_match_like_plain_ones(group: str) -> None:
    for key, pattern in rules(group).items():
        if not isinstance(pattern, str):
            continue
        for flags in (0, re.I):
            try:
                plain = re.compile(pattern, flags)
            except re.error:
                continue
            for text in TEXTS + [EXTRA]:
                assert [m.regs for m in rx(group, key, flags).finditer(text)] == \
                    [m.regs for m in plain.finditer(text)], key


def test_first_chars() -> None:
    import re._parser as p

    assert S._first_chars(p.parse(r"\bfoo|\bbar")) == {"f", "b"}
    assert S._first_chars(p.parse(r"(?:the )?x")) is None
    assert S._first_chars(p.parse(r"(?:a|)b")) is None


def test_legal_form_trie_equals_alternation() -> None:
    forms = sorted(rules("parties")["legal_forms"], key=len, reverse=True)
    alt = "|".join(re.escape(f) for f in forms)
    assert re.fullmatch(trie_regex(forms), "GmbH & Co. KG")
    tok = rules("parties")["name_token"]
    openers = "|".join(re.escape(w) for w in sorted({w.lower() for w in rules("parties")["lower_name_openers"]}, key=len,
                                                     reverse=True))
    plain = re.compile(rf"(?<![\w.\-@/])(?!(?:{openers})\s)([a-zäöü][\w.\-]*\w(?: [a-zäöü][\w\-]*\w)?)"
                       rf"((?:[ \-]{tok})*?)\s*,?\s+({alt})(?![\w])(\.?)")
    for text in TEXTS + [EXTRA]:
        assert [m.regs for m in _lower_re().finditer(text)] == [m.regs for m in plain.finditer(text)]
        assert all(m.group(2) in forms for m in _legal_form_re().finditer(text))


def test_benchmark_clears_the_per_text_caches_only() -> None:
    import sys

    sys.path.insert(0, str(ROOT))
    from benchmarks.extract_speed import clear_text_caches
    from vendorgraph.extract.categories.matching import _document_hits
    from vendorgraph.extract.categories.tokens import _keys

    text = "Wir übermitteln Namen und E-Mail-Adressen an Hostinganbieter. We share names with payment providers."
    _document_hits(text)
    L.find_labels(L.role_patterns(), text)
    assert _document_hits.cache_info().currsize and L._shared_starts.cache_info().currsize
    clear_text_caches()
    assert _document_hits.cache_info().currsize == 0 and L._shared_starts.cache_info().currsize == 0
    assert _keys.cache_info().currsize > 0  # word-level caches stay warm
    assert rules.cache_info().currsize > 0  # rules are never dropped
    clear_text_caches(None)
    assert _keys.cache_info().currsize == 0 and rules.cache_info().currsize > 0
