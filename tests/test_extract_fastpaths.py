"""The scan shortcuts of the rule-based extractor find exactly what the plain regexes find."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from vendorgraph.extract import lexicon as L
from vendorgraph.extract import mentions as M
from vendorgraph.extract import names as N
from vendorgraph.extract import scan as S
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
    assert any(S._gap_scanner(p) is not None for p in patterns)
    for p in patterns:
        for text in ALL:
            assert [m.regs for m in S.finditer(p, text)] == [m.regs for m in p.finditer(text)], p.pattern[:60]


def test_gap_scanner_only_for_known_openings() -> None:
    assert S._gap_scanner(re.compile(r"(?<![\w\-])[A-Z]\w+")) is not None
    assert S._gap_scanner(re.compile(r"\bfoo|\bbar")) is not None
    assert S._gap_scanner(re.compile(r"\b-x")) is None  # a boundary before a non-word character
    assert S._gap_scanner(re.compile(r"foo")) is None
    assert S._gap_scanner(re.compile(r"(?<![^x])y")) is None


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
    assert S._gap_scanner(p) is None
    assert [m.regs for m in S.finditer(p, "xbar foo")] == [m.regs for m in p.finditer("xbar foo")]


def test_transfer_scans_in_one_pass_equal_finditer() -> None:
    from vendorgraph.extract.context import TRANSFER_SCANS

    family = tuple(rx("transfers", k, re.I) for k in TRANSFER_SCANS)
    assert S._family_scanner(family) is not None
    for text in ALL:
        for p in family:
            assert [m.regs for m in S.finditer_shared(p, text, family)] == [m.regs for m in p.finditer(text)]
    assert S._family_scanner((re.compile("foo"),)) is None


def test_mention_scans_in_one_pass_equal_finditer() -> None:
    family = M._scans()
    assert S._family_scanner(family) is not None
    for text in ALL:
        for p in family:
            assert [m.regs for m in S.finditer_shared(p, text, family)] == [m.regs for m in p.finditer(text)]


def test_role_and_mechanism_labels_share_one_scan() -> None:
    for labels in (L.role_patterns(), L.mechanism_patterns()):
        for text in ALL[:40] + EXTRA:
            low, shared = L._shared_starts(text)
            own = L._label_starts(labels.starts, low, text)
            assert set(own[0]) <= set(shared[0]) and set(own[1]) <= set(shared[1])
    text = "Wir setzen Auftragsverarbeiter ein; transfers rely on Standard Contractual Clauses (SCCs)."
    assert [n for n, _, _ in L.find_labels(L.role_patterns(), text)] == ["processor"]
    assert {(n, text[s:e]) for n, s, e in L.find_labels(L.mechanism_patterns(), text)} == {
        ("scc", "Standard Contractual Clauses"), ("scc", "SCCs")}


@pytest.mark.parametrize("pattern, flags, guarded", [
    (r"\b(?:uses|nutzt)\b", re.I, True),  # no prefix re could scan for: a guard on "u", "n"
    (r"(?:data protection officer|Datenschutzbeauftragte[rn]?)", re.I, True),
    (r"Datenschutz|data protection", 0, False),  # re scans for the first characters by itself
    (r"^(?:Matomo|Shopware)$", 0, False),  # anchored: re only tries the start
    (r"\AAuftrag", re.I, False),
    (r"Standardvertragsklauseln", 0, False),  # a literal prefix
])
def test_compile_guarded_only_where_re_cannot_skip_ahead(pattern: str, flags: int, guarded: bool) -> None:
    p = S.compile_guarded(pattern, flags)
    assert p.pattern.startswith("(?=[") == guarded
    for text in ("The shop uses Matomo; data protection officer: Ms Roe.", "Matomo", "Auftragsverarbeitung",
                 "Der Shop nutzt Shopware. Unser Datenschutzbeauftragter prüft die Standardvertragsklauseln."):
        assert [m.regs for m in p.finditer(text)] == [m.regs for m in re.compile(pattern, flags).finditer(text)]
        assert bool(p.search(text)) == bool(re.search(pattern, text, flags))


def test_policy_terms_equal_the_word_start_regex() -> None:
    from vendorgraph.load.checks import policy_terms, vocabulary

    def plain(text: str) -> dict[str, set[str]]:
        low = " ".join(text.lower().split())
        return {lang: {t for t in terms if re.search(r"(?<!\w)" + re.escape(t), low)}
                for lang, terms in vocabulary()["terms"].items()}

    terms = [t for ts in vocabulary()["terms"].values() for t in ts]
    texts = ALL[:30] + [f"{pre}{t} und{pre}{t}" for t in terms for pre in ("", "x", "_", "ä", "1", "-", " ")]
    texts += ["We process personal data under the GDPR.", "Wir verarbeiten personenbezogene Daten nach der DSGVO."]
    for text in texts:
        assert policy_terms(text) == plain(text), text[:80]


def test_families_share_one_scan_of_a_text() -> None:
    from vendorgraph.extract.context import TRANSFER_SCANS

    transfers, mentions = tuple(rx("transfers", k, re.I) for k in TRANSFER_SCANS), M._scans()
    text = "Wir setzen die Hostinganbieter ein. We rely on Example Cloud Inc. as a sub-processor in third countries."
    for p in transfers + mentions:  # both families known
        S.finditer_shared(p, text, transfers if p in transfers else mentions)
    before = S._family_starts.cache_info().misses
    new = text + " Und die Server stehen in Drittländern."
    for p in transfers + mentions:
        assert [m.regs for m in S.finditer_shared(p, new, transfers if p in transfers else mentions)] == \
            [m.regs for m in p.finditer(new)]
    assert S._family_starts.cache_info().misses == before + 1


def test_families_beyond_the_cap_are_scanned_alone(monkeypatch) -> None:
    monkeypatch.setattr(S, "_FAMILIES", [(re.compile(rf"\bw{i}\b"),) for i in range(S.MAX_FAMILIES)])
    family = (re.compile(r"\bAuftragsverarbeiter\b"), re.compile(r"\bprocessors?\b", re.I))
    text = "Our Processors and the Auftragsverarbeiter; processor."
    for p in family:
        assert [m.regs for m in S.finditer_shared(p, text, family)] == [m.regs for m in p.finditer(text)]
    assert family not in S._FAMILIES


def _category_rules() -> list[tuple[str, ...]]:
    """Paths of the string and list rules of ``ingest/lexicons/categories.json`` (two levels deep)."""
    from vendorgraph.extract.categories.patterns import rules as category_rules

    out = []
    for group, node in category_rules().items():
        if isinstance(node, dict):
            for key, value in node.items():
                if isinstance(value, str) or isinstance(value, list) and value and all(isinstance(v, str) for v in value):
                    out.append((group, key))
    return out


def test_finditer_in_equals_finditer_of_a_window() -> None:
    from vendorgraph.extract.categories.patterns import _fast, finditer_in

    paths = [p for p in _category_rules() if p[1] not in ("abbreviations",)]
    fasts = []
    for path in paths:
        try:
            fasts.append(_fast(*path))
        except (re.error, TypeError):
            pass
    assert any(f.pretest is not None for f in fasts)
    rnd = random.Random(11)
    texts = ALL + ["our ADDRESS above. İnformation ſelf Cookie-Banner contact details above", "Kontaktdaten oben; unsere Adresse"]
    for text in texts[:30] + texts[-12:]:
        windows = [(0, len(text))] + [tuple(sorted((rnd.randrange(len(text) + 1), rnd.randrange(len(text) + 1))))
                                      for _ in range(3)]
        for fast in fasts:
            for lo, hi in windows:
                assert [m.regs for m in finditer_in(text, fast, lo, hi)] == \
                    [m.regs for m in fast.rx.finditer(text, lo, hi)], (fast.rx.pattern[:60], lo, hi)


def test_needed_literals_of_rules_occur_in_every_match() -> None:
    patterns = [p for p in _rule_patterns() if S.needed_literals(p)]
    assert len(patterns) > 10
    for p in patterns:
        needed = S.needed_literals(p)
        for text in ALL:
            for m in p.finditer(text):
                assert any(lit in m.group() for lit in needed), (p.pattern[:60], m.group())


@pytest.mark.parametrize("pattern, flags, needed", [
    (r"(?:[A-Z]\w+ )+(?:Klinik|Hospital)\b", 0, ("Hospital", "Klinik")),
    (r"Deutsche[n]? Rentenversicherung", 0, (" Rentenversicherung",)),
    (r"(?:Acme|x)\w+", 0, None),  # one alternative has no string of 4 characters
    (r"Klinik", re.I, None),  # case-insensitive: not tested
    (r"(?i:Klinik)um", 0, None),
    (r"(?:Sparkasse){0,1}Bank", 0, ("Bank",)),  # an optional group is not needed
    (r"(?:foo)?Sparkasse", 0, ("Sparkasse",)),
])
def test_needed_literals(pattern: str, flags: int, needed: tuple[str, ...] | None) -> None:
    assert S.needed_literals(re.compile(pattern, flags)) == needed


def test_finditer_skips_texts_without_needed_literals() -> None:
    p = rx("parties", "institution_name")
    assert S.needed_literals(p) is not None
    for text in ["Lakeside Heart Center, 12 Elm Street, Boston", "Lakeside Heart Centre, 12 Elm Street", "Nothing here, 12 Elm"]:
        assert [m.regs for m in S.finditer(p, text)] == [m.regs for m in p.finditer(text)]


def test_literal_pretest_equals_the_regex_pretest() -> None:
    from vendorgraph.extract.categories.patterns import _fast, _has_literal, found

    fasts = [f for f in (_fast(*p) for p in _category_rules() if p[1] != "abbreviations") if f.pretest is not None]
    texts = ALL + ["ſelf İnformation wır", "more İnformation about cookies"]
    for fast in fasts:
        for text in texts:
            for piece in [text] + re.split(r"(?<=[.;\n])", text)[:40]:
                low = piece.lower()
                assert _has_literal(low, fast) == (fast.pretest.search(low) is not None)
                passed = fast.pretest.search(low) is not None
                assert found(piece, fast) == found(piece, fast, passed)  # the pre-test only saves time


def test_alias_spans_equal_the_longest_first_alternation() -> None:
    rnd = random.Random(5)
    words = sorted({w for text in TEXTS for w in re.findall(r"[A-Z][\w.\-&]{1,12}", text)})
    sets = [["Acme", "Acme Cloud", "ACME", "Ac", "Acme-X"], ["C&A", "a.b", "Foo Bar", "Foo"]]
    sets += [rnd.sample(words, min(len(words), k)) for k in (3, 10, 40) for _ in range(3)]
    for aliases in sets:
        alts = "|".join(re.escape(a) for a in sorted(aliases, key=len, reverse=True))
        plain = re.compile(rf"(?<![\w\-/.@])(?:{alts})(?![\w\-]|\.\w)")
        for text in ALL[:60] + ["Acme Cloud, Acme-X and ACME. Acme Cloudy Acme.com Foo Bar C&A", "_Acme Acme_ Acme."]:
            assert M.alias_spans(aliases, text) == [m.span() for m in plain.finditer(text)]


@pytest.mark.parametrize("key", ["negation_pretest", "profile_link_context", "payment_method_list"])
def test_found_exactly_equals_search_of_party_rules(key: str) -> None:
    fast = fast_rule(rules("parties")[key])
    plain = re.compile(rules("parties")[key], re.I)
    clauses = [c for text in ALL for c in re.split(r"(?<=[.;\n])", text)]
    clauses += ["we do not use X", "wır nutzen nicht", "ſtopped", "Follow us on Instagram", "unser Profil bei XING (Link)"]
    for clause in clauses:
        assert found_exactly(clause, fast) == bool(plain.search(clause)), clause[:80]
        assert bool(rx("parties", key, re.I).search(clause)) == bool(plain.search(clause))


def test_last_run_equals_split_at_white_space() -> None:
    rnd = random.Random(3)
    chars = "ab/@. \t\n\u00a0\u2003\u200bx"
    samples = ["", " ", "a", "a ", " a", "www.x.de/y", "mail@x.de", "a\u00a0b", "a\u2003b\u200bc"]
    samples += ["".join(rnd.choice(chars) for _ in range(rnd.randrange(12))) for _ in range(3000)]
    samples += [t[max(0, i - 60):i] for t in TEXTS[:20] for i in range(0, len(t), 97)]
    for s in samples:
        assert M._last_run(s) == re.split(r"\s", s)[-1], repr(s)


def test_found_equals_search_for_category_rules() -> None:
    from vendorgraph.extract.categories.patterns import _CASE_TRAPS, _fast, found

    fasts = [f for f in (_fast(*p) for p in _category_rules() if p[1] != "abbreviations") if f.starts is not None]
    assert len(fasts) > 10
    pieces = [c for text in ALL[:40] for c in re.split(r"(?<=[.;\n])", text)] + ["Kontaktdaten oben; İn cookies ſ"]
    for fast in fasts:
        for piece in pieces:
            if not _CASE_TRAPS.search(piece):  # there found() answers as the literal pre-test says
                assert found(piece, fast) == bool(fast.rx.search(piece)), (fast.rx.pattern[:60], piece[:80])


def test_address_cut_guard_keeps_the_matches() -> None:
    from vendorgraph.extract.parties import _cut

    plain = re.compile(r"(?<!Inc)(?<!Ltd)(?<!Co)(?<!St)(?<!Nr)(?<!No)[.;!?](?=\s+[A-ZÄÖÜ„“\"(])|\n\s*\n|\n(?=[^\n]{90,})")
    for text in ALL + ["Acme Inc. Berlin. X Ltd. Y; Z\n\nW", "a\n" + "b" * 95]:
        assert [m.regs for m in _cut().finditer(text)] == [m.regs for m in plain.finditer(text)]


def test_last_word_equals_the_anchored_search() -> None:
    from vendorgraph import segment as G

    rnd = random.Random(9)
    chars = "ab.1 \n_-é"
    samples = ["", "\n", "a\n", "a\n\n", "Inc", "z. B", "x.y\n", " \n", "ab c.d"]
    samples += ["".join(rnd.choice(chars) for _ in range(rnd.randrange(10))) for _ in range(5000)]
    samples += [t[max(0, i - 24):i] for t in TEXTS[:20] for i in range(0, len(t), 53)]
    for s in samples:
        found = G._LAST_WORD.search(s)
        assert G._last_word(s) == (found.group() if found else None), repr(s)


_PIECES = ["Acme", "Ac", "Acme Cloud", "A.b", "X-Y", "Über", "C&A", "_", ".", "-", " ", "@", "/", "é", "1"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES[:7]), min_size=1, max_size=5), st.lists(st.sampled_from(_PIECES), max_size=30))
def test_alias_spans_equal_the_alternation_on_random_texts(aliases: list[str], parts: list[str]) -> None:
    text = "".join(parts)
    alts = "|".join(re.escape(a) for a in sorted(set(aliases), key=len, reverse=True))
    plain = re.compile(rf"(?<![\w\-/.@])(?:{alts})(?![\w\-]|\.\w)")
    assert M.alias_spans(aliases, text) == [m.span() for m in plain.finditer(text)]
