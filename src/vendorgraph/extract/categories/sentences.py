"""The sentences of a document that context rules look at: outside glossaries, with list items
carrying a recipient cue from their introduction."""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import Iterator, NamedTuple, Sequence

from ...model import Segment
from .labels import KINDS
from .matching import hits_within
from .patterns import _fast, _found, _pretests, _rx, found, rules

_SENTENCE_END = r"[.!?]\s+(?=\S)"
_SENTENCE_END_RX = re.compile(_SENTENCE_END)


class Sentence(NamedTuple):
    """A sentence of a segment; offsets index the document text (immutable; a named tuple, the cheapest
    record to make: some 350 a document)."""

    start: int
    end: int
    text: str
    segment: Segment
    carried: bool = False  # inherits a recipient cue from the list's introduction


def _sentences(seg: Segment, carried: bool) -> list[Sentence]:
    """Split a segment at sentence ends ([.!?] + space), not after abbreviations or numbers."""
    abbrev = _abbreviations()
    pos = 0
    text, first = seg.text, seg.start
    out: list[Sentence] = []
    make = tuple.__new__  # Sentence(...) without the named tuple's own __new__ (a Python call per sentence)
    for m in _SENTENCE_END_RX.finditer(text):
        at, after = m.span()
        before = text[at - 12 if at - 12 > pos else pos: at].rsplit(None, 1)
        if before:
            word = before[-1].lower().strip("(\"'„“")
            if word in abbrev or (word.isdigit() and not text[after].isupper()):
                continue
        elif "" in abbrev:  # no word before the mark
            continue
        out.append(make(Sentence, (first + pos, first + at + 1, text[pos: at + 1], seg, carried)))
        pos = after
    if pos < len(text):
        out.append(make(Sentence, (first + pos, seg.end, text[pos:], seg, carried)))
    return out


@cache
def _abbreviations() -> frozenset[str]:
    return frozenset(rules()["abbreviations"])


def _glossary(segments: tuple[Segment, ...]) -> frozenset[int]:
    """Indexes of segments in a definitions/glossary part: not statements about processing (asked
    once per document, by the cached :func:`_document_sentences`)."""
    title, item = _rx("glossary", "title"), _rx("glossary", "definition_item")
    out: set[int] = set()
    heads: set[str] = set()
    in_list = False
    texts = [seg.text.strip() for seg in segments]
    intro = _pretests(texts, "glossary", "intro")
    intro_rule = _fast("glossary", "intro")
    for i, seg in enumerate(segments):
        text = texts[i]
        if heads and heads & set(seg.heading_path):
            out.add(i)
            continue
        if seg.kind == "heading" and title.match(text):
            heads.add(seg.text)
            out.add(i)
            continue
        if found(text, intro_rule, intro[i]) or (len(text) < 60 and title.match(text)):
            out.add(i)
            in_list = True
            continue
        if in_list and (seg.kind == "list_item" or item.match(text)):
            out.add(i)
            continue
        in_list = False
    return frozenset(out)


def _contexts(text: str, segments: Sequence[Segment], kind: str) -> Iterator[Sentence]:
    """Sentences with hits of ``kind`` outside glossaries; list items after an introduction with a
    recipient cue are carried."""
    return iter(_document_sentences(text, tuple(segments))[kind])


@lru_cache(maxsize=4)
def _document_sentences(text: str, segments: tuple[Segment, ...]) -> dict[str, tuple[Sentence, ...]]:
    """Per vocabulary, the sentences of the segments with hits of it (see :func:`_contexts`); the
    segments are split once for both vocabularies."""
    skip = _glossary(segments)
    spans = [(seg.start, seg.end) for seg in segments]
    with_hits = [(kind, hits_within(text, spans, kind)) for kind in KINDS]
    out: dict[str, list[Sentence]] = {kind: [] for kind in KINDS}
    carry = False
    for i, seg in enumerate(segments):
        if i in skip:
            carry = False
            continue
        if seg.kind != "list_item":
            carry = seg.text.rstrip().endswith(":") and _found(seg.text[-300:], "recipient", "cue")
        elif _rx("recipient", "numbered_title").match(seg.text) and _found(seg.text, "recipient", "heading_cue"):
            carry = True  # "3) Who else receives data": a numbered title read as a list item
        kinds = [kind for kind, inside in with_hits if i in inside]
        if kinds:
            sents = tuple(_sentences(seg, carry and seg.kind == "list_item"))
            for kind in kinds:
                out[kind].extend(sents)
    return {kind: tuple(sents) for kind, sents in out.items()}
