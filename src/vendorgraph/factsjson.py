"""Facts <-> the facts-JSON format of ``shared/gold/README.md`` (plus evidence).

The gold fields come first and keep their exact shape; ``evidence`` objects are extra
fields the scorer ignores.

>>> from vendorgraph.model import Facts
>>> to_json(Facts(document="a.txt", language="en"))["parties"]
[]
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .model import CategoryFact, Controller, Facts, Negation, Party, Span, Transfer


def span_json(span: Span) -> dict[str, Any]:
    out: dict[str, Any] = {"start": span.start, "end": span.end, "quote": span.quote, "rule": span.rule}
    if span.confidence != 1.0:
        out["confidence"] = round(span.confidence, 3)
    if span.heading_path:
        out["heading_path"] = list(span.heading_path)
    return out


def _spans(spans: tuple[Span, ...]) -> list[dict[str, Any]]:
    return [span_json(s) for s in spans]


def to_json(facts: Facts) -> dict[str, Any]:
    """The facts of one document as a JSON-ready dict in the gold format."""
    c = facts.controller
    return {
        "document": facts.document,
        "language": facts.language,
        "controller": None if c is None else {
            "name": c.name, "country": c.country, "dpo": c.dpo, "evidence": _spans(c.evidence)},
        "parties": [
            {"name": p.name, "aliases": list(p.aliases), "country": list(p.countries), "roles": list(p.roles),
             "services": list(p.services), "vendor_id": p.vendor_id, "evidence": _spans(p.evidence)}
            for p in facts.parties
        ],
        "recipient_categories": [r.category for r in facts.recipient_categories],
        "transfers": [
            {"recipient": t.recipient, "via": t.via, "country": t.country, "mechanisms": list(t.mechanisms),
             "explicit": t.explicit, "data_categories": list(t.data_categories), "evidence": _spans(t.evidence)}
            for t in facts.transfers
        ],
        "data_categories": [d.category for d in facts.data_categories],
        "negations": [{"kind": n.kind, "evidence": _spans(n.evidence)} for n in facts.negations],
        "category_evidence": {
            "recipient_categories": {r.category: _spans(r.evidence) for r in facts.recipient_categories},
            "data_categories": {d.category: _spans(d.evidence) for d in facts.data_categories},
        },
        "extractor": facts.extractor,
    }


def _span(d: dict[str, Any]) -> Span:
    return Span(d["start"], d["end"], d["quote"], d.get("rule", ""), d.get("confidence", 1.0),
                tuple(d.get("heading_path", ())))


def from_json(data: dict[str, Any]) -> Facts:
    """Inverse of :func:`to_json`; also reads gold files (which carry no evidence)."""
    c = data.get("controller")
    ev = data.get("category_evidence") or {}

    def cats(field: str) -> tuple[CategoryFact, ...]:
        spans = ev.get(field, {})
        return tuple(CategoryFact(x, tuple(_span(s) for s in spans.get(x, ()))) for x in data.get(field) or [])

    return Facts(
        document=data.get("document", ""),
        language=data.get("language", "und"),
        controller=None if not c else Controller(
            c["name"], c.get("country"), c.get("dpo"), tuple(_span(s) for s in c.get("evidence", ()))),
        parties=tuple(
            Party(p["name"], tuple(p.get("aliases") or ()), tuple(p.get("country") or ()), tuple(p.get("roles") or ()),
                  tuple(p.get("services") or ()), tuple(_span(s) for s in p.get("evidence", ())), p.get("vendor_id"))
            for p in data.get("parties") or []
        ),
        recipient_categories=cats("recipient_categories"),
        transfers=tuple(
            Transfer(t["recipient"], t["country"], tuple(t.get("mechanisms") or ()), t.get("via"),
                     bool(t.get("explicit", True)), tuple(t.get("data_categories") or ()),
                     tuple(_span(s) for s in t.get("evidence", ())))
            for t in data.get("transfers") or []
        ),
        data_categories=cats("data_categories"),
        negations=tuple(Negation(n["kind"], tuple(_span(s) for s in n.get("evidence", ())))
                        for n in data.get("negations") or []),
        extractor=data.get("extractor", "gold"),
    )


def dumps(facts: Facts) -> str:
    return json.dumps(to_json(facts), ensure_ascii=False, indent=2) + "\n"


def write(facts: Facts, out_dir: Path, stem: str) -> Path:
    """Write ``out_dir/<stem>.json`` atomically (temp file + rename); return the path."""
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / f"{safe_stem(stem)}.json"
    tmp = target.with_name(f".{target.name}.tmp")
    tmp.write_text(dumps(facts), encoding="utf-8")
    tmp.replace(target)
    return target


def safe_stem(stem: str) -> str:
    """A document name made safe as a file name inside the output folder: no separators, no leading dots.

    >>> safe_stem("../../etc/passwd")
    'etc_passwd'
    """
    import re

    cleaned = re.sub(r"[^\w.\-]+", "_", stem.replace("..", "_")).strip("._")[:120]
    if not cleaned:
        from .ids import digest

        cleaned = "document-" + digest(stem, n=12)
    return cleaned
