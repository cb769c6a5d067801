"""The first-character guards that :func:`vendorgraph.extract.scan.compile_guarded` now also finds through
lookbehinds, lookaheads, classes of plain characters, repeats of at least one and optional parts, and the category
sentence split without the named tuple's ``__new__``, answer exactly like the code they replace (kept
here as reference)."""

from __future__ import annotations

import random
import re
import re._constants as re_constants
import re._parser as re_parser
from pathlib import Path

import pytest

from vendorgraph.extract import scan
from vendorgraph.extract.categories import sentences
from vendorgraph.extract.lexicon import rules
from vendorgraph.model import Segment
from vendorgraph.segment import segment

ROOT = Path(__file__).resolve().parent.parent
_POLICIES = sorted((ROOT / "tests" / "generalization" / "policies").glob("*"))[:10]


# --- the reference implementations, as they were -------------------------------------------------

def _old_first_chars(parsed) -> set[str] | None:  # noqa: ANN001
    for op, av in parsed:
        if op is re_constants.AT:
            continue
        if op is re_constants.LITERAL:
            return {chr(av)}
        if op is re_constants.SUBPATTERN and not av[1] and not av[2] and av[3].getwidth()[0] > 0:
            return _old_first_chars(av[3])
        if op is re_constants.BRANCH:
            out: set[str] = set()
            for alt in av[1]:
                sub = _old_first_chars(alt) if alt.getwidth()[0] > 0 else None
                if sub is None:
                    return None
                out |= sub
            return out
        return None
    return None


def _old_compile_guarded(pattern: str, flags: int = 0) -> re.Pattern[str]:
    try:
        parsed = re_parser.parse(pattern, flags)
        firsts = None if scan._has_prefix_scan(parsed, flags) else _old_first_chars(parsed)
        if firsts:
            return re.compile("(?=[" + "".join(sorted(re.escape(c) for c in firsts)) + "])(?:" + pattern + ")", flags)
    except (re.error, TypeError, ValueError, AttributeError):
        pass
    return re.compile(pattern, flags)


def _old_sentences(seg: Segment, carried: bool) -> list[sentences.Sentence]:
    abbrev = sentences._abbreviations()
    pos = 0
    text, first = seg.text, seg.start
    out = []
    for m in sentences._SENTENCE_END_RX.finditer(text):
        at = m.start()
        before = text[at - 12 if at - 12 > pos else pos: at].rsplit(None, 1)
        word = before[-1].lower().strip("(\"'„“") if before else ""
        if word in abbrev or (word.isdigit() and not text[m.end()].isupper()):
            continue
        out.append(sentences.Sentence(first + pos, first + at + 1, text[pos: at + 1], seg, carried))
        pos = m.end()
    if pos < len(text):
        out.append(sentences.Sentence(first + pos, seg.end, text[pos:], seg, carried))
    return out


# --- inputs --------------------------------------------------------------------------------------

def _rule_patterns() -> list[str]:
    """Every regex (or list of alternatives, joined as ``lexicon.rx`` does) of the rules files."""
    out = []
    for group in ("parties", "transfers", "structure", "countries"):
        for value in rules(group).values():
            if isinstance(value, str) or (isinstance(value, list) and value and all(isinstance(v, str) for v in value)):
                out.append("|".join(f"(?:{p})" for p in value) if isinstance(value, list) else value)
            elif isinstance(value, dict):
                out += [v for v in value.values() if isinstance(v, str)]
    return out


def _texts() -> list[str]:
    rng = random.Random(5)
    pieces = ["Center", "Klinik", " ", "  ", "\n", ", ", "; ", ". ", "Mayfield Orthopedic Center, 300 Longwood Avenue",
              "e.g.", "bzw.", "z.B. ", "GmbH", "cloud", "Cloud", "SaaS", "but", "aber", "ſ", "İ", "K", "Ä", "ö",
              "we do not", "(", ")", "-", "Sparkasse Münsterland Ost", "Landesamt für Steuern", "1.", "12", "x"]
    made = ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 40))) for _ in range(300)]
    return made + [p.read_text(encoding="utf-8", errors="replace") for p in _POLICIES]


# --- the tests -----------------------------------------------------------------------------------

def _spans(p: re.Pattern[str], text: str) -> list[tuple[tuple[int, int], ...]]:
    return [tuple(m.span(g) for g in range(p.groups + 1)) for m in p.finditer(text)]


@pytest.mark.parametrize("flags", [0, re.I])
def test_guarded_rules_match_as_before(flags: int) -> None:
    texts = _texts()
    changed = 0
    for pattern in _rule_patterns():
        try:
            old = _old_compile_guarded(pattern, flags)
        except re.error:
            continue
        new = scan.compile_guarded(pattern, flags)
        if new.pattern == old.pattern:
            continue
        changed += 1
        for text in texts:
            assert _spans(new, text) == _spans(old, text), (pattern[:80], text[:80])
            assert [m.span() for m in scan.finditer(new, text)] == [m.span() for m in old.finditer(text)]
    assert changed  # the rules hold regexes that gained a guard (institution names, clause ends, transfer cues)


def test_first_chars_hold_every_match_start() -> None:
    """Wherever a rule matches, the character there is one of its first characters."""
    texts = _texts()
    for pattern in _rule_patterns():
        for flags in (0, re.I):
            try:
                parsed = re_parser.parse(pattern, flags)
                p = re.compile(pattern, flags)
            except re.error:
                continue
            for optional in (False, True):
                firsts = scan._first_chars(parsed, optional)
                if firsts is None:
                    continue
                guard = re.compile("[" + "".join(sorted(re.escape(c) for c in firsts)) + "]", flags)
                for text in texts:
                    for i in range(len(text) + 1):
                        if p.match(text, i):
                            assert guard.match(text, i), (pattern[:80], text[i:i + 20])


@pytest.mark.parametrize("pattern", [
    r"(?<![\w\-])([A-ZÄÖÜ]\w+ ){1,4}Center", r"(?<=\s)[a-c]x", r"(?!b)[a-c]+", r"(?:a|[x-z])?b",
    r"[^a]b", r"[\w]b", r"(?:ab)*c", r"(?i:k)x", r"(?<!x)(?:[A-Z]{2,}|\d)", r"a{0}b", r"(?:)b",
])
def test_first_chars_small_regexes(pattern: str) -> None:
    assert scan._first_chars(re_parser.parse(r"(?:the )?x")) is None  # optional parts only when asked for
    assert scan._first_chars(re_parser.parse(r"(?:the )?x"), optional=True) == {"t", "x"}
    texts = ["", "Center", "xb", " ab", "Ab", "ab", "kx", "Kx", "\u212ax", "AB1", "b", "zzb", "cb", "c", " bx"]
    for flags in (0, re.I):
        new = scan.compile_guarded(pattern, flags)
        old = re.compile(pattern, flags)
        for text in texts:
            assert _spans(new, text) == _spans(old, text), (pattern, text)


def test_category_sentences_split_as_before() -> None:
    segs = [s for t in _texts() for s in segment(t)]
    rng = random.Random(7)
    marks = ["etc. ", "e.g. So", "Nr. 5 ", "5. Juli", "1. Es", " . X", ".  ", "(z. ", "! a", "? \"B", "„Art. 6"]
    for _ in range(300):
        text = "".join(rng.choice(marks + ["word", " ", "Word"]) for _ in range(rng.randint(1, 15))).strip() or "x"
        segs.append(Segment(3, 3 + len(text), text, "paragraph", ()))
    assert segs
    for seg in segs:
        for carried in (False, True):
            assert sentences._sentences(seg, carried) == _old_sentences(seg, carried)
            assert all(type(s) is sentences.Sentence for s in sentences._sentences(seg, carried))
