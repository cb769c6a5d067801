"""Data and recipient categories: SKOS labels from ``ontology/taxonomies`` matched in context.

Surface forms are the ``skos:prefLabel``/``skos:altLabel`` (and the weaker ``skos:hiddenLabel``)
literals in English and German of the concepts in ``data-categories.ttl`` and
``recipient-categories.ttl``; the facts value is the concept's ``skos:notation``. Rules beyond
labels (cue words, exclusions) live in ``ingest/lexicons/categories.json``.

Matching works on word tokens: English labels with plural/singular, German labels with their
inflections and as the head of a compound ("Paketversanddienstleistern"), separators between
words flexible ("(IT-) service provider"), and elliptic coordinations rebuilt ("contact and
payment data", "Kontakt- und Rechnungsdaten").

>>> recipient_categories_in("We pass on data to IT service providers and Steuerberatern.")
[('it_service_providers', 19, 39), ('professional_advisers', 44, 58)]
"""


from __future__ import annotations

from typing import Iterator, Sequence

from ...model import CategoryFact, Document, Segment, Span, Transfer
from ...resources import data_dir
from .data_context import LABEL_CONFIDENCE, _data_hits
from .labels import KINDS, SKOS, Entry, Hit, Label, Matcher, load_labels, matcher
from .matching import _document_hits, hits_between, hits_within, scan
from .patterns import _found, _rule, _rx, _search, rules
from .recipient_context import _names_one, _recipient_hits, _usable, with_list_siblings
from .sentences import Sentence, _contexts
from .tokens import Tokens, de_key, en_key, tokenize

__all__ = [
    "KINDS", "SKOS", "Entry", "Hit", "Label", "Matcher", "Sentence", "Tokens",
    "data_dir", "de_key", "en_key", "find_data_categories", "find_recipient_categories",
    "hits_between", "load_labels", "matcher", "recipient_categories_in", "rules", "scan", "tokenize",
    "with_transfer_categories",
]

_MAX_EVIDENCE = 5


def _facts(doc: Document, found: Iterator[tuple[Sentence, Hit, str, float]]) -> tuple[CategoryFact, ...]:
    """Group hits by category: evidence spans in text order, facts in order of first evidence."""
    spans: dict[str, list[Span]] = {}
    for sent, hit, rule, conf in found:
        quote = doc.text[hit.start:hit.end]
        spans.setdefault(hit.notation, []).append(
            Span(hit.start, hit.end, quote, rule, conf, sent.segment.heading_path))
    facts = []
    for notation, ss in spans.items():
        ss = sorted(set(ss), key=lambda s: (-s.confidence, s.start, s.end, s.rule))[:_MAX_EVIDENCE]
        facts.append(CategoryFact(notation, tuple(sorted(ss, key=lambda s: (s.start, s.end, s.rule)))))
    return tuple(sorted(facts, key=lambda f: (f.evidence[0].start, f.category)))


def find_data_categories(doc: Document, segments: Sequence[Segment]) -> tuple[CategoryFact, ...]:
    """Data categories the policy says it processes (labels outside glossaries, negations, "contact us")."""
    sentences = tuple(_contexts(doc.text, segments, "data"))
    found = sorted(hits_within(doc.text, [(s.start, s.end) for s in sentences], "data").items())
    return _facts(doc, _data_evidence(doc.text, sentences, found))


def _data_evidence(text: str, sentences: Sequence[Sentence], found: Sequence[tuple[int, list[Hit]]]
                   ) -> Iterator[tuple[Sentence, Hit, str, float]]:
    """The data-category hits of the sentences that pass the context rules (``found``: per index of
    ``sentences``, its hits). A hit of a category that already has :data:`_MAX_EVIDENCE` labels of the
    highest confidence before it (by offsets) cannot be evidence (see :func:`_facts`): its rules are
    not asked."""
    best: dict[str, set[tuple[int, int]]] = {}  # per category, (start, end) of hits of the highest confidence
    for i, hits in found:
        if best:
            hits = [h for h in hits if not _outranked(best.get(h.notation), h)]
        for h, rule, conf in _data_hits(text, sentences[i], hits):
            if conf == LABEL_CONFIDENCE:
                best.setdefault(h.notation, set()).add((h.start, h.end))
            yield sentences[i], h, rule, conf


def _outranked(best: set[tuple[int, int]] | None, hit: Hit) -> bool:
    """:data:`_MAX_EVIDENCE` spans of the highest confidence come before ``hit`` (``best``: their offsets)."""
    return best is not None and len(best) >= _MAX_EVIDENCE and sorted(best)[_MAX_EVIDENCE - 1] < (hit.start, hit.end)


def find_recipient_categories(doc: Document, segments: Sequence[Segment]) -> tuple[CategoryFact, ...]:
    """Unnamed recipients that data is passed to (cue words, recipient lists and sections)."""
    sentences = with_list_siblings(doc.text, tuple(_contexts(doc.text, segments, "recipient")))
    found = sorted(hits_within(doc.text, [(s.start, s.end) for s in sentences], "recipient").items())
    return _facts(doc, ((sentences[i], h, r, c) for i, hits in found
                        for h, r, c in _recipient_hits(doc.text, sentences[i], hits)))


def recipient_categories_in(text: str) -> list[tuple[str, int, int]]:
    """Recipient categories named in ``text`` (e.g. a transfer sentence): (notation, start, end)."""
    hits = [h for h in scan(text) if h.label.kind == "recipient"]
    generic = _found(text, "recipient", "generic_provider")
    whole = Sentence(0, len(text), text, Segment(0, len(text), text))
    return sorted({(h.notation, h.start, h.end) for h in _usable(hits, text, generic) if not _names_one(text, whole, h)},
                  key=lambda t: (t[1], t[2], t[0]))


def with_transfer_categories(found: tuple[CategoryFact, ...], transfers: Sequence[Transfer]) -> tuple[CategoryFact, ...]:
    """The recipient categories plus those that receive data onward through a named processor ("X passes
    data to its service providers in the USA": ``category:it_service_providers`` via X), which the text
    names with no category label; evidenced by the transfer's quotes."""
    have = {f.category for f in found}
    spans: dict[str, list[Span]] = {}
    for t in transfers:
        cat = t.recipient.removeprefix("category:")
        if cat != t.recipient and t.via is not None and cat not in have:
            spans.setdefault(cat, []).extend(t.evidence)
    added = [CategoryFact(c, tuple(sorted(set(ss), key=lambda s: (s.start, s.end, s.rule))[:_MAX_EVIDENCE]))
             for c, ss in sorted(spans.items())]
    return tuple(found) + tuple(added)
