"""Pipeline records: frozen dataclasses that flow load -> segment -> extract -> resolve -> graph.

The facts of one document (:class:`Facts`) serialise to the gold facts-JSON format of
``shared/gold/README.md`` (see :mod:`vendorgraph.factsjson`), with evidence added.

>>> s = Span(4, 9, "Zoom.", rule="party.legal_form")
>>> s.length
5
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Span:
    """Evidence: ``text[start:end] == quote`` in the document the fact comes from."""

    start: int
    end: int
    quote: str
    rule: str = ""
    confidence: float = 1.0
    heading_path: tuple[str, ...] = ()

    @property
    def length(self) -> int:
        return self.end - self.start


@dataclass(frozen=True, slots=True)
class Document:
    """A policy text as loaded: ``source`` is the path or URL, ``name`` the file name."""

    source: str
    name: str
    text: str
    language: str = "und"
    media_type: str = "text/plain"
    encoding: str = "utf-8"

    @property
    def stem(self) -> str:
        return self.name.rsplit(".", 1)[0] if "." in self.name else self.name


@dataclass(frozen=True, slots=True)
class Segment:
    """A block of text (heading, paragraph, list item, label-value line) with its heading path."""

    start: int
    end: int
    text: str
    kind: str = "paragraph"
    heading_path: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Controller:
    name: str
    country: str | None = None
    dpo: str | None = None
    evidence: tuple[Span, ...] = ()


@dataclass(frozen=True, slots=True)
class Party:
    """A named organisation other than the controller (vendor group level)."""

    name: str
    aliases: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    services: tuple[str, ...] = ()
    evidence: tuple[Span, ...] = ()
    vendor_id: str | None = None  # registry IRI when resolved


@dataclass(frozen=True, slots=True)
class Transfer:
    """Personal data leaving the EU/EEA. ``recipient`` is a party name or ``category:<name>``."""

    recipient: str
    country: str
    mechanisms: tuple[str, ...] = ("none_stated",)
    via: str | None = None
    explicit: bool = True
    data_categories: tuple[str, ...] = ()
    evidence: tuple[Span, ...] = ()


@dataclass(frozen=True, slots=True)
class CategoryFact:
    """A recipient or data category found in the text."""

    category: str
    evidence: tuple[Span, ...] = ()


@dataclass(frozen=True, slots=True)
class Negation:
    """A statement that something does not happen, e.g. ``no_third_country_transfer``."""

    kind: str
    evidence: tuple[Span, ...] = ()


@dataclass(frozen=True, slots=True)
class Facts:
    """Everything extracted from one document."""

    document: str
    language: str
    controller: Controller | None = None
    parties: tuple[Party, ...] = ()
    recipient_categories: tuple[CategoryFact, ...] = ()
    transfers: tuple[Transfer, ...] = ()
    data_categories: tuple[CategoryFact, ...] = ()
    negations: tuple[Negation, ...] = ()
    extractor: str = "rules"
    notes: tuple[str, ...] = field(default=())

    def canonical(self) -> "Facts":
        """The same facts with every evidence tuple in text order: output never depends on set order."""
        from dataclasses import replace

        def ordered(fact):  # type: ignore[no-untyped-def]
            spans = tuple(sorted(set(fact.evidence), key=lambda s: (s.start, s.end, s.rule, s.confidence)))
            return replace(fact, evidence=spans)

        return replace(
            self,
            controller=ordered(self.controller) if self.controller else None,
            parties=tuple(ordered(p) for p in self.parties),
            recipient_categories=tuple(ordered(r) for r in self.recipient_categories),
            transfers=tuple(ordered(t) for t in self.transfers),
            data_categories=tuple(ordered(d) for d in self.data_categories),
            negations=tuple(ordered(n) for n in self.negations),
        )

    def all_spans(self) -> list[Span]:
        """Every evidence span of every fact (for checks and tests)."""
        spans: list[Span] = []
        if self.controller:
            spans.extend(self.controller.evidence)
        for group in (self.parties, self.recipient_categories, self.transfers, self.data_categories, self.negations):
            for fact in group:
                spans.extend(fact.evidence)
        return spans
