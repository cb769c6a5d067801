"""The scan shortcuts of the rule-based extractor find exactly what the plain regexes find."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from vendorgraph.extract import lexicon as L
from vendorgraph.extract import mentions as M
from vendorgraph.extract import names as N
from vendorgraph.extract.categories.patterns import fast_rule, found_exactly
from vendorgraph.extract.lexicon import rules, rx

ROOT = Path(__file__).resolve().parent.parent
_FILES = sorted((ROOT / "ingest" / "samples").glob("*.txt")) + sorted((ROOT / "tests" / "policies").glob("*.txt"))
TEXTS = [p.read_text(encoding="utf-8") for p in _FILES]
EXTRA = [
    "", "samedi GmbH", "-AG x", "Foo-AG", "a GmbH", "x,\n GmbH", "Müller & Söhne GmbH & Co. KG",
    "Termine über samedi GmbH, Berlin, und die verbundene AG.", "über finAPI GmbH; d.vinci HR-Systems GmbH",
    "Lakeside Heart Center, 12 Elm Street, Boston", 'Anbieter: UAB "Mailpost", Vilnius',
    "Wir nutzen Standardvertragsklauseln (SCC) und den Auftragsverarbeiter foo-bar GmbH. SCCs. DPF",
]


def _mutated() -> list[str]:
    """Texts with legal forms and separators inserted at random places."""
    rnd = random.Random(7)
    out = []
    for text in TEXTS:
        for _ in range(4):
            i = rnd.randrange(len(text) + 1)
            out.append(text[:i] + rnd.choice([" GmbH", "-AG", ", Inc.", "\n", " foo-bar GmbH", "samedi GmbH"]) + text[i:])
    return out


ALL = TEXTS + EXTRA + _mutated() + [t.upper() for t in TEXTS[:3]]


@pytest.mark.parametrize("labels", [L.role_patterns, L.mechanism_patterns])
def test_find_labels_equals_every_pattern_run_alone(labels) -> None:
    for text in ALL:
        low = L._lower(text)
        plain = sorted(((n, m.start(), m.end()) for n, p, lower in labels().patterns
                        for m in p.finditer(low if lower else text)), key=lambda h: (h[1], h[0]))
        assert L.find_labels(labels(), text) == plain


@pytest.mark.parametrize("name", ["lower", "upper"])
def test_names_near_legal_forms_equal_finditer(name: str) -> None:
    p, first = (N._lower_re(), N._lower_first_re()) if name == "lower" else (M._legal_form_re(), M._legal_form_first_re())
    for text in ALL:
        assert [m.regs for m in N.near_legal_forms(p, first, text)] == [m.regs for m in p.finditer(text)]


def _rule_patterns() -> list[re.Pattern[str]]:
    out = [M._first_re()]
    for group in ("parties", "transfers"):
        for key, value in rules(group).items():
            if isinstance(value, str) and not key.startswith("_"):
                for flags in (0, re.I):
                    try:
                        out.append(rx(group, key, flags))
                    except re.error:
                        pass
    return out


def test_gap_finditer_equals_finditer() -> None:
    patterns = _rule_patterns()
    assert any(L._gap_scanner(p) is not None for p in patterns)
    for p in patterns:
        for text in ALL:
            assert [m.regs for m in L.finditer(p, text)] == [m.regs for m in p.finditer(text)], p.pattern[:60]


def test_gap_scanner_only_for_known_openings() -> None:
    assert L._gap_scanner(re.compile(r"(?<![\w\-])[A-Z]\w+")) is not None
    assert L._gap_scanner(re.compile(r"\bfoo|\bbar")) is not None
    assert L._gap_scanner(re.compile(r"\b-x")) is None  # a boundary before a non-word character
    assert L._gap_scanner(re.compile(r"foo")) is None
    assert L._gap_scanner(re.compile(r"(?<![^x])y")) is None


def test_found_exactly_equals_search() -> None:
    fast = fast_rule(rules("parties")["non_recipient_context"])
    plain = rx("parties", "non_recipient_context", re.I)
    clauses = [c for text in ALL for c in re.split(r"(?<=[.;\n])", text)]
    clauses += ["more İnformation", "ſelf-hosted", "HTTPS://example.org", "Opt-Out", "wır verlinken"]
    for clause in clauses:
        assert found_exactly(clause, fast) == bool(plain.search(clause)), clause[:80]


def test_group_names_without_group_words() -> None:
    assert M.group_names("ACME Services GmbH, Berlin") == []
    assert [n for _, _, n in M.group_names("Die ACME Group und die Foo-Gruppe")] == ["ACME Group", "Foo-Gruppe"]


def test_gap_scanner_not_fooled_by_a_top_level_alternative() -> None:
    p = re.compile(r"(?<![\w])foo|bar")
    assert L._gap_scanner(p) is None
    assert [m.regs for m in L.finditer(p, "xbar foo")] == [m.regs for m in p.finditer("xbar foo")]


def test_transfer_scans_in_one_pass_equal_finditer() -> None:
    from vendorgraph.extract.context import TRANSFER_SCANS

    family = tuple(rx("transfers", k, re.I) for k in TRANSFER_SCANS)
    assert L._family_scanner(family) is not None
    for text in ALL:
        for p in family:
            assert [m.regs for m in L.finditer_shared(p, text, family)] == [m.regs for m in p.finditer(text)]
    assert L._family_scanner((re.compile("foo"),)) is None


def test_mention_scans_in_one_pass_equal_finditer() -> None:
    family = M._scans()
    assert L._family_scanner(family) is not None
    for text in ALL:
        for p in family:
            assert [m.regs for m in L.finditer_shared(p, text, family)] == [m.regs for m in p.finditer(text)]
