"""Context rules for data categories: negations, excluded phrases and sentences, weak labels."""

from __future__ import annotations

from functools import cache
from typing import Iterator, Sequence

from .labels import Hit
from .matching import hits_between
from .patterns import _fast, _found, _rx, overlaps_in, rules
from .sentences import Sentence

_CLAUSE_MARKS = ",;:()"
LABEL_CONFIDENCE = 0.9  # of a label; the highest confidence of a data-category hit


@cache
def _negation_window() -> int:
    return rules()["data"]["negation_window"]


def _negated_before(sent: Sentence, hit: Hit) -> bool:
    """A negation shortly before the hit in its clause ("we do not store your IP address"), or a
    negated verb right after it ("Gesundheitsdaten verarbeiten wir nicht")."""
    lo = max(sent.start, hit.start - _negation_window())
    before = sent.text[lo - sent.start: hit.start - sent.start]
    before = before[max(map(before.rfind, _CLAUSE_MARKS)) + 1:]  # the part after the last clause mark
    after = sent.text[hit.end - sent.start: hit.end - sent.start + 50]
    return (_found(before, "data", "negation") or bool(_rx("data", "post_negation").match(after.lstrip()))
            or _negated_list(sent, hit))


_LIST_REACH = 100


def _negated_list(sent: Sentence, hit: Hit) -> bool:
    """The hit is an item of a negated list ("we do not use analytics tools, advertising cookies or
    plug-ins"): a negation earlier in the clause with no new clause ("but", "we", "which") after it."""
    wide = sent.text[max(0, hit.start - sent.start - _LIST_REACH): hit.start - sent.start]
    wide = wide[max(map(wide.rfind, ";:()")) + 1:]
    if "," not in wide or not _found(wide, "data", "negation"):
        return False
    last = None
    for last in _rx("data", "negation").finditer(wide):
        pass
    return last is not None and not _found(wide[last.end():], "data", "list_negation")


def _blocked(text: str, sent: Sentence, hit: Hit) -> bool:
    """The hit lies in an excluded phrase ("the contact details above"; for weak labels also
    "in our name", "the address line")."""
    lo, hi = max(sent.start, hit.start - 60), min(sent.end, hit.end + 60)
    for path in (("data", "exclude_phrase"), ("data", "exclude_phrase_hidden"))[: 2 if hit.label.hidden else 1]:
        if overlaps_in(text, _fast(*path), lo, hi, hit.start, hit.end):
            return True
    return False


def _hit_vetoed(text: str, sent: Sentence, hit: Hit) -> bool:
    """A label of the category that the sentence shows to mean something else (a profile picture of
    a user account on our own service is no social media data)."""
    return bool(_rx("data", "hit_veto", hit.notation).fullmatch(text, hit.start, hit.end)
                and _rx("data", "hit_veto_sentence", hit.notation).search(sent.text))


def _data_hits(text: str, sent: Sentence, hits: Sequence[Hit] | None = None) -> Iterator[tuple[Hit, str, float]]:
    """Data-category hits of one sentence that pass the context rules, with rule name and confidence;
    ``hits``: the sentence's hits when known (see :func:`.matching.hits_within`)."""
    if hits is None:
        hits = hits_between(text, sent.start, sent.end, "data")
    if not hits or _found(sent.text, "data", "exclude_sentence") or _found(sent.segment.text, "data", "exclude_segment"):
        return
    processing: bool | None = None  # a processing cue in the sentence or its heading (asked for weak labels only)
    for h in hits:
        if h.label.hidden and processing is None:
            processing = _found(sent.text, "data", "hidden_cue") or any(
                _found(hd, "data", "hidden_cue") for hd in sent.segment.heading_path[-1:])  # "What we collect"
        if h.label.hidden and not processing or _blocked(text, sent, h) or _negated_before(sent, h):
            continue
        if h.notation in rules()["data"]["hit_veto"] and _hit_vetoed(text, sent, h):
            continue
        if sent.segment.kind == "heading" and _found(sent.text, "data", "heading_only"):
            continue
        yield h, "data.function" if h.label.hidden else "data.label", 0.6 if h.label.hidden else LABEL_CONFIDENCE
