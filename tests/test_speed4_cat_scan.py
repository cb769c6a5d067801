"""The faster category scan (candidate words, one pass for live words and conjunctions, offsets summed
only for hits, cached word pairs of elliptic coordinations), excluded-phrase test and data evidence
answer exactly like the plain code they replace (kept here as reference)."""

from __future__ import annotations

import random
from itertools import accumulate, compress, count
from pathlib import Path
from typing import Iterable, Iterator

import pytest

from vendorgraph.extract import categories as C
from vendorgraph.extract.categories import data_context, ellipsis, matching, patterns, sentences, tokens
from vendorgraph.extract.categories.labels import Hit, Matcher, load_labels, matcher
from vendorgraph.model import Document, Segment
from vendorgraph.segment import segment

ROOT = Path(__file__).resolve().parent.parent
_POLICIES = sorted((ROOT / "tests" / "generalization" / "policies").glob("*"))[:12]


# --- the reference implementations, as they were -------------------------------------------------

def _old_direct(tok: tokens.Tokens) -> Iterator[Hit]:
    words, gaps = tok.words, tok.gaps
    offsets = tuple(accumulate(map(len, tok.parts)))[:-1]
    last = len(words) - 1
    until = dict.fromkeys(C.KINDS, 0)
    live = matching._live_words(set(words))
    hyphens = matching._hyphen_joins(tok)
    at: Iterable[int] = compress(count(), map(live.__contains__, words))
    for i in sorted(hyphens.union(at)) if hyphens else at:
        word = words[i]
        single, found, multi, _ = matching._plan(word)
        if multi and i < last and (gaps[i + 1] == " " or tokens._separator(gaps[i + 1])):
            pairs = matching._pair_entries(word, words[i + 1])
            if pairs:
                found = matching._longest(tok, i, word, single, pairs)
        if i in hyphens:
            extended = dict(found)
            for e in matching._joined_entries(word + words[i + 1].lower()):
                n, cur = extended.get(e.label.kind, (0, e))
                if n == 0 or (n == 1 and cur.label.hidden):
                    extended[e.label.kind] = (2, e)
            found = tuple(sorted(extended.items()))
        for kind, (n, e) in found:
            if i >= until[kind]:
                gap = gaps[i + n]
                if not (gap[:1] == "-" and gap[1:2].isspace()):
                    until[kind] = i + n
                    yield Hit(e.label, offsets[2 * i], offsets[2 * (i + n) - 1])


def _old_ellipses(tok: tokens.Tokens, m: Matcher) -> Iterator[Hit]:
    words = tok.words
    for c in compress(count(), map(ellipsis._conjunctions().__contains__, words)):
        if c == 0 or c + 1 >= len(words):
            continue
        gap = tok.gaps[c]
        if gap == " ":
            yield from _old_ellipsis_en(tok, m, c)
        elif ellipsis._GAP_DE.fullmatch(gap):
            yield from ellipsis._ellipsis_de(tok, m, c)
        elif ellipsis._GAP_EN.fullmatch(gap):
            yield from _old_ellipsis_en(tok, m, c)


def _old_ellipsis_en(tok: tokens.Tokens, m: Matcher, c: int) -> Iterator[Hit]:
    firsts = [f for f in ellipsis._conjuncts(tok, c) if ellipsis._pair_start(tok.words[f])]
    if not firsts:
        return
    rest = []
    for k in range(3):
        if c + 2 + k >= len(tok.words) or not tok.joined(c + 1 + k):
            break
        rest.append(c + 2 + k)
    for f in firsts:
        pair = rest and any((mode, tok.keys_at(f)[j], tok.keys_at(rest[0])[j]) in m.pairs
                            for j, mode in enumerate(tokens._MODES))
        for k in range(len(rest) if pair else 0, 0, -1):
            found = ellipsis._phrase([tok.words[f]] + [tok.words[r] for r in rest[:k]], m)
            for e in found.values():
                yield Hit(e.label, tok.start(f), tok.end(rest[k - 1]))
            if found:
                break


def _old_scan(text: str) -> tuple[Hit, ...]:
    tok, m = tokens.tokenize(text), matcher()
    hits = set(_old_direct(tok))
    hits.update(_old_ellipses(tok, m))
    return tuple(sorted(hits, key=matching._order))


def _old_data_categories(doc: Document, segments: list[Segment]) -> tuple:
    sents = tuple(sentences._contexts(doc.text, segments, "data"))
    found = sorted(matching.hits_within(doc.text, [(s.start, s.end) for s in sents], "data").items())
    return C._facts(doc, ((sents[i], h, r, c) for i, hits in found
                          for h, r, c in data_context._data_hits(doc.text, sents[i], hits)))


# --- inputs -------------------------------------------------------------------------------------

def _vocabulary() -> list[str]:
    words = {w for kind in C.KINDS for lb in load_labels(kind) for w in lb.text.split()}
    words |= set(patterns.rules()["conjunctions"]) | set(patterns.rules()["abbreviations"])
    words |= {"the", "your", "our", "it", "IT", "on", "time", "Ihre", "Daten", "not", "nicht", "no", "contact",
              "above", "cookie", "Cookies", "Hosting", "Anbieter", "Kontakt", "Rechnungsdaten", "payment", "data",
              "3", "12", "2020", "e.g", "z.B", "İstanbul", "ıd", "paſs", "Straße", "ΣΑΣ", "über"}
    return sorted(words)


_GAPS = [" ", " ", " ", " ", "-", "- ", ", ", ". ", "! ", "? ", " (", ") ", "/", "\n", " – ", "_", "  ", ": ",
         "\u00ad", ".\n", " \"", "„", "“ ", "' "]


def _texts(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    vocab = _vocabulary()
    out = ["", "-", "a", "Daten-", "-Anbieter", "Hosting-Anbieter", "Kontakt- und Rechnungsdaten",
           "first and last name", "IT-Dienstleister, Hosting- oder Cloud-Anbieter"]
    for _ in range(n):
        parts = []
        for _ in range(rng.randrange(0, 60)):
            w = rng.choice(vocab)
            w = w.upper() if rng.random() < 0.05 else w.capitalize() if rng.random() < 0.15 else w
            parts += [w, rng.choice(_GAPS)]
        out.append("".join(parts))
    return out


def _coordinations(n: int, seed: int) -> list[str]:
    """Elliptic coordinations built from labels of several words ("first and last name")."""
    rng = random.Random(seed)
    labels = sorted({lb.text for kind in C.KINDS for lb in load_labels(kind) if " " in lb.text})
    vocab = _vocabulary()
    out = ["contact and payment data", "Kontakt- und Rechnungsdaten", "Konto-, Kontakt- oder Profildaten",
           "name, e-mail and postal address", "IT- und Hosting-Dienstleister", "first or last name"]
    for _ in range(n):
        first, *rest = rng.choice(labels).split()
        conj = rng.choice(patterns.rules()["conjunctions"])
        other = rng.choice(vocab)
        shape = rng.choice(["{f} {c} {o} {r}", "{o}, {f} {c} {o} {r}.", "{f}- {c} {o}{r}", "{f}, {o} {c} {r}"])
        out.append(shape.format(f=first, c=conj, o=other, r=" ".join(rest)))
    return out


_TEXTS = _texts(1500, 4) + _coordinations(1500, 5)


# --- the tests ----------------------------------------------------------------------------------

def test_scan_equals_the_old_scan() -> None:
    texts = _TEXTS + [p.read_text(encoding="utf-8") for p in _POLICIES]
    for text in texts:
        assert matching.scan(text) == _old_scan(text), text
        tok = tokens.tokenize(text)
        assert list(matching._direct(tok)) == list(_old_direct(tok)), text
        assert list(ellipsis._ellipses(tok, matcher())) == list(_old_ellipses(tok, matcher())), text


def test_offsets_on_demand() -> None:
    for text in _TEXTS[:400]:
        tok = tokens.tokenize(text)
        plain = tuple(accumulate(map(len, tokens._SPLIT.split(text))))[:-1]
        assert tok.offsets == plain
        assert tok == tokens.tokenize(text) and hash(tok) == hash(tokens.tokenize(text))
        start = tok.word_starts()
        for i in range(len(tok.words)):
            assert start(i) == start(i) == plain[2 * i] == tok.start(i)
            for n in range(1, min(4, len(tok.words) - i) + 1):
                assert plain[2 * i] + tok.length(i, n) == plain[2 * (i + n) - 1]
        if len(tok.words) > 1:
            with pytest.raises(ValueError):
                start(0)


@pytest.mark.parametrize("path", [("data", "exclude_phrase"), ("data", "exclude_phrase_hidden"),
                                  ("data", "negation"), ("recipient", "cue"), ("glossary", "intro")])
def test_overlaps_in_equals_any_overlapping_match(path: tuple[str, ...]) -> None:
    fast = patterns._fast(*path)
    rng = random.Random(7)
    extra = ["contact details above: our cookie settings, only your photo",
             "Kontaktdaten oben; unsere Cookie-Einstellungen",
             "İ contact details above ſ", "ΣΑΣ contact details above"]
    for text in _TEXTS[:600] + extra:
        for _ in range(4):
            lo = rng.randrange(0, len(text) + 1)
            hi = rng.randrange(lo, len(text) + 1)
            start = rng.randrange(lo, hi + 1)
            end = rng.randrange(start, hi + 1)
            old = any(m.start() < end and start < m.end() for m in patterns.finditer_in(text, fast, lo, hi))
            assert patterns.overlaps_in(text, fast, lo, hi, start, end) == old, (text, lo, hi, start, end)


def test_data_categories_equal_the_old_evidence() -> None:
    texts = [p.read_text(encoding="utf-8") for p in _POLICIES]
    rng = random.Random(11)
    for _ in range(60):  # many hits of a few categories: evidence beyond the first ones is cut
        texts.append("\n\n".join(" ".join(rng.sample(_TEXTS[1:], 6)) for _ in range(8)))
    for k, text in enumerate(texts):
        doc = Document(f"d{k}", f"d{k}", text, "en")
        segs = segment(text)
        assert C.find_data_categories(doc, segs) == _old_data_categories(doc, segs), k

