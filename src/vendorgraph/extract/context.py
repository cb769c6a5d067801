"""A document prepared for the rules: sentences with their segment and section, organisation
mentions, and the vendor each section is about (its *topic*).

The topic of a sentence is the vendor named in the nearest heading above it ("8.1 Google Meet");
failing that, the vendor named last before it in the same top-level section (a "Third country
transfer" sub-heading inside a Google Analytics section is about Google).
"""

from __future__ import annotations

import bisect
import operator
import re
from dataclasses import dataclass, field
from typing import NamedTuple, Sequence

from ..model import Document, Segment, Span
from ..segment import label_of, sentences
from .lexicon import countries, find_labels, mechanism_patterns, role_patterns, rules, rx
from .literals import finditer_literal
from .mentions import Mention, find_mentions


#: The rules of ``ingest/rules/transfers.json`` that every document is scanned for.
TRANSFER_SCANS = ("third_countries", "sub_processor", "as_sub_processor", "joint_controller_split")


def _scan(kind: str, text: str) -> list[tuple[str, int, int]]:
    """Whole-document matches of one kind: role/mechanism labels, countries, or a transfers rule (tried
    only where one of its literals occurs)."""
    if kind == "role":
        return find_labels(role_patterns(), text)
    if kind == "mechanism":
        return find_labels(mechanism_patterns(), text)
    if kind == "country":
        return sorted(countries().find(text), key=lambda h: h[1])
    found = finditer_literal(rx("transfers", kind, re.I), text, rules("transfers")[kind])
    return [(kind, m.start(), m.end()) for m in found]

#: How far back (characters) a topic vendor may be named.
TOPIC_REACH = 3000
#: How many segments back a topic vendor named outside the sentence's own section may be.
TOPIC_SEGMENTS = 3
#: Longest quote an evidence span carries.
MAX_QUOTE = 400


def clause_bounds(text: str, pos: int) -> tuple[int, int]:
    """(start, end) in ``text`` of the part around ``pos`` between semicolons.

    >>> clause_bounds("A GmbH (processor); B S.p.A. (payments)", 25)
    (19, 39)
    """
    hi = text.find(";", pos)
    return text.rfind(";", 0, pos) + 1, hi if hi >= 0 else len(text)


class Sentence(NamedTuple):
    """A sentence of a segment (immutable; a named tuple: built some 400 times a document, it is the
    cheapest record to make)."""

    start: int
    end: int
    text: str
    seg: int  # index into DocContext.segments
    section: int  # id of the run of segments sharing a heading path
    top: int  # id of the top-level section
    kind: str  # segment kind
    label_kind: str | None  # for label_value segments: recipients, third_country, ...
    value_start: int  # where the value of a label_value line starts (== start otherwise)


@dataclass
class DocContext:
    """Everything the rules look at, computed once per document."""

    doc: Document
    segments: Sequence[Segment]
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    controller_keys: frozenset[str] = frozenset()
    controller_names: tuple[str, ...] = ()
    heading_stack: list[tuple[int, ...]] = field(default_factory=list)  # per segment: heading segment ids
    passive_cache: dict[int, bool] = field(default_factory=dict)  # sentence start -> opt-out/link sentence
    heading_cache: dict[str, bool] = field(default_factory=dict)  # heading -> "local hosting" heading
    link_next_cache: dict[int, bool] = field(default_factory=dict)  # sentence start -> the next one says "only links"
    negated_cache: dict[tuple[int, int], bool] = field(default_factory=dict)  # mention (start, end) -> negated use
    not_topics: frozenset[int] = frozenset()  # starts of mentions that are sub-processors, never a topic
    parents: frozenset[int] = frozenset()  # starts of mentions of a vendor's parent named as its owner (see .owners)
    parent_seats: frozenset[int] = frozenset()  # starts of the countries those parents are said to be based in
    aside_cache: dict[tuple[int, int], bool] = field(default_factory=dict)  # mention (start, end) -> named in passing

    @classmethod
    def build(cls, doc: Document, segments: Sequence[Segment]) -> "DocContext":
        ctx = cls(doc, segments)
        ctx._hits, ctx._hit_starts, ctx._with = {}, {}, {}
        ctx.mentions = find_mentions(doc.text)
        ctx._starts = [m.start for m in ctx.mentions]
        ctx._index(segments)
        return ctx

    def _index(self, segments: Sequence[Segment]) -> None:
        text = self.doc.text
        section, top = -1, -1
        last_path: tuple[str, ...] | None = None
        stack: list[tuple[int, int]] = []  # (depth, segment id)
        below: tuple[int, ...] = ()  # the ids of ``stack``: the heading stack of the segments below a heading
        out, heading_stack = self.sentences, self.heading_stack
        make = tuple.__new__  # Sentence(...) without the named tuple's own __new__ (a Python call per sentence)
        for i, seg in enumerate(segments):
            kind, path = seg.kind, seg.heading_path
            if kind == "heading":
                depth = len(path)
                stack = [s for s in stack if s[0] < depth + 1][:depth]
                heading_stack.append(tuple(s for _, s in stack))
                stack.append((depth + 1, i))
                below = tuple(s for _, s in stack)
                path = path + (seg.text,)
            else:
                heading_stack.append(below)
            if path != last_path:
                section += 1
                if not last_path or not path or path[:1] != last_path[:1]:
                    top += 1
                last_path = path
            lab = label_of(seg.text) if kind in ("label_value", "list_item") else None
            label_kind, first = lab[1] if lab else None, seg.start
            value_start = first + lab[2] if lab else first  # the first sentence's; the others start theirs
            for s, e in sentences(seg.text, first):
                out.append(make(Sentence, (s, e, text[s:e], i, section, top, kind, label_kind,
                                           value_start if s == first else s)))
        self._sent_starts = starts = [s.start for s in out]
        ends = [s.end for s in out]
        self._disjoint = all(map(operator.le, ends[:-1], starts[1:]))  # as segment() makes them

    # ------------------------------------------------------------------ lookups
    def mentions_in(self, start: int, end: int) -> list[Mention]:
        """Mentions inside ``[start, end)``, controller mentions excluded."""
        i = bisect.bisect_left(self._starts, start)
        j = bisect.bisect_left(self._starts, end, i)  # the mentions starting in [start, end)
        keys = self.controller_keys
        return [m for m in self.mentions[i:j] if m.end <= end and m.vendor.key not in keys]

    def mention_before(self, pos: int, reach: int = TOPIC_REACH) -> Mention | None:
        """The last non-controller mention ending before ``pos`` (within ``reach`` characters)."""
        i = bisect.bisect_left(self._starts, pos) - 1
        while i >= 0 and self.mentions[i].start >= pos - reach:
            m = self.mentions[i]
            if m.vendor.key not in self.controller_keys and m.end <= pos:
                return m
            i -= 1
        return None

    def topic(self, sent: Sentence) -> Mention | None:
        """The vendor the sentence's section is about (see module docstring)."""
        for h in reversed(self.heading_stack[sent.seg]):
            seg = self.segments[h]
            found = self.mentions_in(seg.start, seg.end)
            if found:
                return found[0]
        generic = rx("transfers", "generic_plural").search(sent.text)
        section = self._section_mentions(sent) if generic else None  # read only when needed: topic() is per sentence
        if section is not None and len({m.vendor.key for m in section}) > 1:
            return None  # "our service providers …" in a section naming several: none of them in particular
        seg = self.segments[sent.seg]
        earlier = [m for m in self.mentions_in(seg.start, sent.start) if m.start not in self.not_topics
                   and not self.is_aside(m)]
        if earlier:
            return earlier[-1]  # "... Calendly LLC, USA. Data is sent to the USA." in one paragraph
        if section is None:
            section = self._section_mentions(sent)
        first = section[0] if section else None
        if first is not None and not self._sibling_item(sent, first):
            return first
        if generic:
            return None  # "companies in the USA" is about no vendor in particular
        m = self.mention_before(sent.start, reach=TOPIC_REACH)
        if m is None or self._sibling_item(sent, m):
            return None
        j = bisect.bisect_right(self._sent_starts, m.start) - 1
        near = j >= 0 and self.sentences[j].top == sent.top and sent.seg - self.sentences[j].seg <= TOPIC_SEGMENTS
        return m if near and not self._left_section(self.sentences[j].seg, sent.seg) else None

    def _left_section(self, a: int, b: int) -> bool:
        """True when a heading between segments ``a`` and ``b`` closes ``a``'s section (a sibling or higher
        heading: "## Puzzles" after "## Games"; a sub-heading "### Ads" keeps it)."""
        depth = len(self.segments[a].heading_path)
        return any(self.segments[k].kind == "heading" and len(self.segments[k].heading_path) < depth
                   for k in range(a + 1, b + 1))

    def _sibling_item(self, sent: Sentence, m: Mention) -> bool:
        """True when ``sent`` is a list item and ``m`` is named in another list item: parallel items of a
        list ("- Google (USA): DPF", "- Ski operators in Switzerland: adequacy") are not about each other's vendor."""
        if self.segments[sent.seg].kind != "list_item":
            return False
        other = self.sentence_at(m.start)
        return other is not None and other.seg != sent.seg and self.segments[other.seg].kind == "list_item"

    def is_aside(self, m: Mention) -> bool:
        """A vendor named in passing ("X LLC, a Salesforce company", "part of the Y group"): no topic.
        Asked for every earlier mention of each sentence's section: cached per mention."""
        found = self.aside_cache.get((m.start, m.end))
        if found is None:
            found = self.aside_cache[(m.start, m.end)] = self._aside(m)
        return found

    def _aside(self, m: Mention) -> bool:
        text = self.doc.text
        before = max(0, m.start - 40)
        if rx("transfers", "aside_of", re.I).search(text, before, m.start):
            return True
        return bool(rx("transfers", "aside_before", re.I).search(text, before, m.start)
                    and rx("transfers", "aside_after", re.I).match(text, m.end, min(len(text), m.end + 30)))

    def hits(self, kind: str, start: int, end: int) -> list[tuple[str, int, int]]:
        """Matches of ``kind`` (``role``, ``mechanism`` or ``country``) inside ``[start, end)``, offsets
        relative to ``start``; the whole document is scanned once per kind."""
        if kind not in self._hits:
            self._hits[kind] = _scan(kind, self.doc.text)
            self._hit_starts[kind] = [h[1] for h in self._hits[kind]]
        found, starts = self._hits[kind], self._hit_starts[kind]
        i = bisect.bisect_left(starts, start)
        j = bisect.bisect_left(starts, end, i)  # the matches starting in [start, end)
        if i == j:
            return []
        return [(n, s - start, e - start) for n, s, e in found[i:j] if e <= end]

    def sentences_with(self, kind: str) -> frozenset[int]:
        """Indices of the sentences ``s`` for which ``hits(kind, s.start, s.end)`` finds something (found once
        per kind): a loop over the sentences asks a set instead."""
        found = self._with.get(kind)
        if found is None:
            self.hits(kind, 0, 0)  # the document is scanned for ``kind``
            found = self._with[kind] = self._holding([(s, e) for _, s, e in self._hits[kind]])
        return found

    def sentences_naming(self) -> frozenset[int]:
        """Indices of the sentences ``s`` for which ``mentions_in(s.start, s.end)`` finds a mention (asked anew:
        the controller's mentions do not count)."""
        keys = self.controller_keys
        return self._holding([(m.start, m.end) for m in self.mentions if m.vendor.key not in keys])

    def _holding(self, spans: list[tuple[int, int]]) -> frozenset[int]:
        """Indices of the sentences holding one of ``spans``: starting in the sentence, not ending after it."""
        sents = self.sentences
        if not self._disjoint:  # segments of another making: every sentence is looked at
            spans = sorted(spans)
            firsts = [a for a, _ in spans]
            return frozenset(i for i, s in enumerate(sents) if any(
                b <= s.end for _, b in spans[bisect.bisect_left(firsts, s.start):bisect.bisect_left(firsts, s.end)]))
        out = set()
        for a, b in spans:  # disjoint sentences: only the last one starting at or before ``a`` may hold it
            i = bisect.bisect_right(self._sent_starts, a) - 1
            if i >= 0 and a < sents[i].end and b <= sents[i].end:
                out.add(i)
        return frozenset(out)

    def sentences_between(self, start: int, last: int) -> list[Sentence]:
        """The sentences starting in ``[start, last]``."""
        return self.sentences[bisect.bisect_left(self._sent_starts, start):bisect.bisect_right(self._sent_starts, last)]

    def sentence_at(self, pos: int) -> Sentence | None:
        """The sentence holding character ``pos``."""
        j = bisect.bisect_right(self._sent_starts, pos) - 1
        if j >= 0 and self.sentences[j].start <= pos < self.sentences[j].end:
            return self.sentences[j]
        return None

    def _section_mentions(self, sent: Sentence) -> list[Mention]:
        """The mentions of the sentence's section that come before the sentence (no passing ones)."""
        j = bisect.bisect_right(self._sent_starts, sent.start) - 1
        while j > 0 and self.sentences[j - 1].section == sent.section:
            j -= 1
        found = self.mentions_in(self.sentences[j].start, sent.start) if j >= 0 else []
        return [m for m in found if m.start not in self.not_topics]

    def span(self, start: int, end: int, rule: str, confidence: float, seg: int | None = None) -> Span:
        """Evidence for ``text[start:end]`` (clipped to :data:`MAX_QUOTE` characters)."""
        end = min(end, start + MAX_QUOTE)
        hp = self.segments[seg].heading_path if seg is not None else ()
        return Span(start, end, self.doc.text[start:end], rule, confidence, hp)

    def sentence_span(self, sent: Sentence, rule: str, confidence: float) -> Span:
        return self.span(sent.start, sent.end, rule, confidence, sent.seg)
