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
    # a function word names a recipient beside a provider noun, or as an item of a recipient list
    generic = any(h.label.hidden for h in hits) and (sent.carried or _found(sent.text, "recipient", "generic_provider"))
    for h in _usable(hits, text, generic):
        if not (cued or _standalone(h)) or _category_vetoed(sent, h.notation) or _specific(text, h):
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


def _specific(text: str, hit: Hit) -> bool:
    """A label that names one particular organisation, not a category: followed by its name ("our
    parent company, X AG"), singular by itself ("soziales Netzwerk") or with a determiner ("the
    hosting provider", "der Hoster"). Only for the categories in ``specific_categories``."""
    if not _rx("recipient", "specific_categories").fullmatch(hit.notation):
        return False
    if _rx("recipient", "named_after").match(text, hit.end):
        return True
    if _rx("recipient", "singular_always").fullmatch(text, hit.start, hit.end):
        return True
    return bool(_rx("recipient", "singular_with_det").fullmatch(text, hit.start, hit.end)
                and _rx("recipient", "specific_before").search(text, max(0, hit.start - 30), hit.start))


def _standalone(hit: Hit) -> bool:
    """Labels that name a recipient even without a cue word ("IT service providers", "Cloud-Anbieter")."""
    return _standalone_label(hit.label)


@lru_cache(maxsize=1 << 12)
def _standalone_label(label: Label) -> bool:
    if label.hidden or _rx("recipient", "standalone_exclude").search(label.text):
        return False
    return label.notation in rules()["recipient"]["standalone"] or bool(
        _rx("recipient", "standalone_head").search(label.text))


def _usable(hits: Sequence[Hit], text: str, generic: bool) -> Iterator[Hit]:
    """Drop function words ("hosting") without a provider noun, or naming data ("payment data") or
    a newsletter ("Versand unseres Newsletters"); drop labels naming data ("our bank account")."""
    after, before = _rx("recipient", "hidden_not_before"), _rx("recipient", "hidden_not_after")
    label_after = _rx("recipient", "label_not_before")
    for h in hits:
        if not h.label.hidden and label_after.match(text, h.end):
            continue  # "our bank account", "bank details": data, not a recipient
        if h.label.hidden and (not generic or after.match(text, h.end)
                               or before.search(text, max(0, h.start - 30), h.start)):
            continue
        yield h
