"""Facts beside their evidence: one row per fact and span, for an analyst to check in a minute.

>>> from vendorgraph.load import from_text
>>> rows = explain_document(from_text("Controller: ACME GmbH, Berlin. We use Confero Video Inc., San Jose, USA."))
>>> [(r.kind, r.fact) for r in rows][:2]
[('controller', 'ACME GmbH'), ('party', 'Confero Video US [recipient]')]
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Document, Facts, Span


@dataclass(frozen=True)
class Row:
    """One fact and one of its evidence spans."""

    kind: str
    fact: str
    rule: str
    confidence: float
    start: int
    end: int
    quote: str
    heading: str


def _rows(kind: str, fact: str, spans: tuple[Span, ...]) -> list[Row]:
    if not spans:
        return [Row(kind, fact, "", 1.0, -1, -1, "", "")]
    return [Row(kind, fact, s.rule, s.confidence, s.start, s.end, " ".join(s.quote.split()),
                " > ".join(s.heading_path)) for s in spans]


def explain_facts(facts: Facts) -> list[Row]:
    """Rows for every fact of ``facts``, in the order controller, parties, transfers, negations, categories."""
    rows: list[Row] = []
    if facts.controller:
        c = facts.controller
        rows += _rows("controller", c.name + (f" ({c.country})" if c.country else ""), c.evidence)
    for p in facts.parties:
        where = f" {'/'.join(p.countries)}" if p.countries else ""
        rows += _rows("party", f"{p.name}{where} [{', '.join(p.roles)}]", p.evidence)
    for t in facts.transfers:
        via = f" via {t.via}" if t.via else ""
        implicit = "" if t.explicit else " (implicit)"
        rows += _rows("transfer", f"{t.recipient}{via} -> {t.country} [{', '.join(t.mechanisms)}]{implicit}", t.evidence)
    for n in facts.negations:
        rows += _rows("negation", n.kind, n.evidence)
    for c in facts.recipient_categories:
        rows += _rows("recipient_category", c.category, c.evidence)
    for c in facts.data_categories:
        rows += _rows("data_category", c.category, c.evidence)
    return rows


def explain_document(doc: Document, extractor: str = "rules", min_confidence: float = 0.0) -> list[Row]:
    """Extract ``doc`` and return its facts beside their evidence."""
    from ..resolve import resolve_facts
    from ..segment import segment
    from .base import get_extractor

    ex = get_extractor(extractor) if min_confidence <= 0 else get_extractor(extractor, min_confidence=min_confidence)
    return explain_facts(resolve_facts(ex.extract(doc, segment(doc.text))))


def explain_path(path: str, extractor: str = "rules", min_confidence: float = 0.0) -> list[Row]:
    """Load the policy at ``path`` (InputError when unreadable) and explain its facts."""
    from ..load import load

    return explain_document(load(path), extractor, min_confidence)


def render_rows(rows: list[Row], width: int = 160) -> str:
    """Plain-text listing: each fact, then its rule, confidence, offsets, heading and quote."""
    out: list[str] = []
    last = None
    for r in rows:
        if (r.kind, r.fact) != last:
            out.append(f"{r.kind:<18} {r.fact}")
            last = (r.kind, r.fact)
        if r.rule:
            quote = r.quote if len(r.quote) <= width else r.quote[: width - 3] + "..."
            where = f" [{r.heading}]" if r.heading else ""
            out.append(f"{'':<18}   {r.rule} ({r.confidence:.2f}) @{r.start}-{r.end}{where}")
            out.append(f"{'':<18}   \u201c{quote}\u201d")
    return "\n".join(out) + "\n"
