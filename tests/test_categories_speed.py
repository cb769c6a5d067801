"""The fast paths of vendorgraph.extract.categories answer exactly like the plain ones."""

from __future__ import annotations

import re
import sys

import pytest

from vendorgraph.extract.categories import matching, patterns, tokens
from vendorgraph.model import Document
from vendorgraph.segment import segment

_TEXTS = [
    "",
    "We pass your data on to our IT service providers and Steuerberater.",
    "Wir geben Ihre Daten nicht an Dritte weiter, es sei denn, Sie willigen ein.",
    "We do not sell personal information. Recipients: hosting providers, payment providers.",
    "Übermittlung an Auftragsverarbeiter; Begriffsbestimmungen wie folgt zu verstehen.",
    "DİSCLOSURE to third parties İ ı ſ paſſ on",  # characters that IGNORECASE treats specially
    "Health data are not processed.\x00 We share data with agencies.",
    "Kontakt- und Rechnungsdaten, Name, E-Mail-Adresse sowie IP-Adresse werden gespeichert.",
]


def _rule_paths() -> list[tuple[str, ...]]:
    out: list[tuple[str, ...]] = []

    def walk(node, path):
        if isinstance(node, dict):
            for k, v in node.items():
                walk(v, path + (k,))
        elif path[-1] not in ("standalone",) and isinstance(node, (str, list)):
            out.append(path)

    for top in ("glossary", "data", "recipient"):
        walk(patterns.rules()[top], (top,))
    return out


@pytest.mark.parametrize("path", _rule_paths())
def test_found_is_search(path):
    for text in _TEXTS + [t.upper() for t in _TEXTS] + [t.lower() for t in _TEXTS]:
        assert patterns._found(text, *path) == bool(patterns._search(text, *path)), (path, text)


@pytest.mark.parametrize("path", _rule_paths())
def test_pretests_in_one_scan_equal_one_by_one(path):
    texts = _TEXTS + ["", "über", "refers in particular to the following"]
    fast = patterns._fast(*path)
    expected = [None if fast.pretest is None else fast.pretest.search(t.lower()) is not None for t in texts]
    assert patterns._pretests(texts, *path) == expected
    for text, passed in zip(texts, patterns._pretests(texts, *path)):
        assert patterns._found(text, *path, passed=passed) == bool(patterns._search(text, *path))


def test_case_traps_cover_every_literal_letter():
    """Characters IGNORECASE equates with a literal's letter but ``str.lower`` does not map onto it."""
    letters = {ch for path in _rule_paths() for lit in patterns._fast(*path).literals for ch in lit}
    letters |= {ch for path in _rule_paths() for lit, _ in patterns._fast(*path).by_literal for ch in lit}
    everything = "".join(chr(i) for i in range(sys.maxunicode + 1) if not 0xD800 <= i < 0xE000)
    for ch in letters:
        for c in re.findall(re.escape(ch), everything, re.I):
            assert c.lower() == ch or patterns._CASE_TRAPS.match(c), (ch, c)


@pytest.mark.parametrize("text", _TEXTS)
def test_tokens_match_the_word_regex(text):
    tok = tokens.tokenize(text)
    found = list(re.finditer(tokens._WORD, text))
    assert tok.words == tuple(m.group() for m in found)
    assert tok.spans == tuple(m.span() for m in found)
    assert all(tok.gap(i) == text[tok.end(i):tok.start(i + 1)] for i in range(len(found) - 1))
    for i in range(len(found)):
        gap = text[tok.end(i): tok.start(i + 1)] if i + 1 < len(found) else None
        assert tok.joined(i) == (gap is not None and bool(re.fullmatch(tokens._GAP, gap)))


def test_document_index_gives_the_scanned_hits():
    text = " ".join(_TEXTS)
    matching._document_hits.cache_clear()
    hits = matching.scan(text)
    for kind in ("data", "recipient"):
        assert matching.hits_between(text, 0, len(text), kind) == [h for h in hits if h.label.kind == kind]
    assert matching.hits_between(text, 0, len(text), "no such vocabulary") == []


def test_both_vocabularies_share_one_sentence_split():
    from vendorgraph.extract import categories as cat

    text = "Empfänger\n\nWir übermitteln Ihre Adresse an Versanddienstleister. Wir speichern Ihre IP-Adresse."
    doc, segs = Document("mem", "mem.txt", text), segment(text)
    data, recipients = cat.find_data_categories(doc, segs), cat.find_recipient_categories(doc, segs)
    assert {f.category for f in data} >= {"connection"}
    assert {f.category for f in recipients} == {"logistics"}
