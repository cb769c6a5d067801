"""The per-document shortcuts of the extractor answer what the plain lookups answer: the sentence sets of
:class:`~vendorgraph.extract.context.DocContext` and the length filter of the registry's fuzzy match."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from rapidfuzz import fuzz, process

from vendorgraph.extract.context import TRANSFER_SCANS, DocContext
from vendorgraph.load import from_text
from vendorgraph.model import Segment
from vendorgraph.resolve.registry import FUZZY_CUTOFF, FUZZY_MIN_LEN, Registry
from vendorgraph.segment import segment

ROOT = Path(__file__).resolve().parent.parent
_FILES = sorted((ROOT / "ingest" / "samples").glob("*.txt")) + sorted((ROOT / "tests" / "policies").glob("*.txt"))
TEXTS = [p.read_text(encoding="utf-8") for p in _FILES][:12] + [
    "", "We use Notula Labs Inc. as a processor. Notula relies on services from Rackhaus LLC in the USA.",
]
KINDS = ("role", "mechanism", "country") + TRANSFER_SCANS


def _check(ctx: DocContext) -> None:
    for kind in KINDS:
        plain = {i for i, s in enumerate(ctx.sentences) if ctx.hits(kind, s.start, s.end)}
        assert ctx.sentences_with(kind) == plain, kind
    assert ctx.sentences_naming() == {i for i, s in enumerate(ctx.sentences) if ctx.mentions_in(s.start, s.end)}


@pytest.mark.parametrize("text", TEXTS)
def test_sentence_sets_equal_the_lookups(text: str) -> None:
    ctx = DocContext.build(from_text(text), segment(text))
    _check(ctx)
    if ctx.mentions:
        ctx.controller_keys = frozenset({ctx.mentions[0].vendor.key})  # the controller's mentions do not count
        _check(ctx)


def test_sentence_sets_of_overlapping_segments() -> None:
    text = "We use Notula Labs Inc. as a processor. Data goes to the USA under SCCs."
    segs = [Segment(0, len(text), text, "paragraph", ()), Segment(24, len(text), text[24:], "paragraph", ())]
    ctx = DocContext.build(from_text(text), segs)
    assert not ctx._disjoint
    _check(ctx)


def test_fuzzy_candidates_find_what_all_keys_find() -> None:
    reg = Registry.default()
    keys = reg._fuzzy_keys
    rnd = random.Random(3)
    for _ in range(600):
        k = list(rnd.choice(keys))
        for _ in range(rnd.randint(0, 5)):
            pos = rnd.randrange(len(k) + 1)
            op = rnd.random()
            if op < 0.4:
                k.insert(pos, rnd.choice("abcdefghij "))
            elif op < 0.8 and len(k) > 1:
                k.pop(min(pos, len(k) - 1))
            else:
                k[min(pos, len(k) - 1)] = rnd.choice("xyz")
        key = "".join(k)
        if len(key) < FUZZY_MIN_LEN:
            continue
        some = process.extractOne(key, reg._fuzzy_candidates(len(key)), scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF)
        every = process.extractOne(key, keys, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF)
        assert (some and some[:2]) == (every and every[:2])  # (key, score); the index is into the list given
