"""Context rules for recipient categories: cue words, vetoes, standalone labels, function words."""

from __future__ import annotations

from functools import lru_cache
from typing import Iterator, Sequence

from .labels import Hit, Label
from .matching import hits_between
from .patterns import _found, _rx, rules
from .sentences import Sentence


def _recipient_context(sent: Sentence) -> tuple[bool, bool]:
    """(vetoed, cued): is the sentence no statement about recipients / does it say data goes somewhere."""
    text = sent.text
    if _found(text, "recipient", "veto_sentence"):
        return True, False
    if _found(text, "recipient", "negated") and not _found(text, "recipient", "exception"):
        return True, False
    heading = any(_found(h, "recipient", "heading_cue") for h in sent.segment.heading_path[-1:])
    return False, bool(sent.carried or heading or _found(text, "recipient", "cue"))


def _recipient_hits(text: str, sent: Sentence) -> Iterator[tuple[Hit, str, float]]:
    """Recipient-category hits of one sentence that pass the context rules."""
    hits = hits_between(text, sent.start, sent.end, "recipient")
    if not hits:
        return
    vetoed, cued = _recipient_context(sent)
    if vetoed:
        return
    generic = any(h.label.hidden for h in hits) and _found(sent.text, "recipient", "generic_provider")
    for h in _usable(hits, text, generic):
        if not (cued or _standalone(h)) or _category_vetoed(sent, h.notation):
            continue
        rule = ("recipient.function" if h.label.hidden else "recipient.label") + ("" if cued else ".standalone")
        conf = (0.6 if h.label.hidden else 0.9) - (0.0 if cued else 0.2)
        yield h, rule, conf


def _category_vetoed(sent: Sentence, notation: str) -> bool:
    """A context that rules one category out (a "Versanddienstleister" that sends the newsletter)."""
    if notation not in rules()["recipient"]["category_veto"]:
        return False
    rx = _rx("recipient", "category_veto", notation)
    return bool(rx.search(sent.text) or any(rx.search(h) for h in sent.segment.heading_path[-1:]))


def _standalone(hit: Hit) -> bool:
    """Labels that name a recipient even without a cue word ("IT service providers", "Cloud-Anbieter")."""
    return _standalone_label(hit.label)


@lru_cache(maxsize=1 << 12)
def _standalone_label(label: Label) -> bool:
    if label.hidden:
        return False
    return label.notation in rules()["recipient"]["standalone"] or bool(
        _rx("recipient", "standalone_head").search(label.text))


def _usable(hits: Sequence[Hit], text: str, generic: bool) -> Iterator[Hit]:
    """Drop function words ("hosting") without a provider noun, or naming data ("payment data") or
    a newsletter ("Versand unseres Newsletters")."""
    after, before = _rx("recipient", "hidden_not_before"), _rx("recipient", "hidden_not_after")
    for h in hits:
        if h.label.hidden and (not generic or after.match(text, h.end)
                               or before.search(text, max(0, h.start - 30), h.start)):
            continue
        yield h
