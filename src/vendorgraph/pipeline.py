"""The pipeline: load -> segment -> extract -> resolve -> graph -> store.

>>> from vendorgraph.load import from_text
>>> facts = extract_document(from_text("Privacy policy. Controller: ACME GmbH, Berlin, Germany."))
>>> facts.controller.name
'ACME GmbH'
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Sequence

from . import factsjson
from .errors import InputError
from .extract import get_extractor
from .graph import DocumentInfo, build_quads
from .ids import text_hash
from .load import load
from .model import Document, Facts
from .resolve import resolve_facts
from .segment import segment
from .store import Store
from .versions import store_document


@dataclass
class Report:
    """What a batch did: documents written, unchanged, failed (with one-line reasons)."""

    ok: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    outputs: list[Path] = field(default_factory=list)
    triples: int = 0

    @property
    def exit_code(self) -> int:
        return 1 if self.failed else 0

    def summary(self) -> str:
        parts = [f"{len(self.ok)} ingested"]
        if self.unchanged:
            parts.append(f"{len(self.unchanged)} unchanged")
        parts.append(f"{len(self.failed)} failed")
        return ", ".join(parts)


def extract_document(doc: Document, extractor: str = "rules") -> Facts:
    """Segment, extract and resolve one loaded document."""
    ex = get_extractor(extractor)
    facts = ex.extract(doc, segment(doc.text))
    return resolve_facts(facts)


def document_info(doc: Document, key: str | None = None) -> DocumentInfo:
    return DocumentInfo(key or doc.name, doc.name, text_hash(doc.text), doc.language, len(doc.text))


def expand_inputs(inputs: Iterable[str | Path]) -> list[Path]:
    """Files, folders (recursively, sorted) and globs -> file paths, in order, without duplicates."""
    out: list[Path] = []
    for raw in inputs:
        p = Path(raw)
        if p.is_dir():
            out.extend(sorted(f for f in p.rglob("*") if f.is_file() and not f.name.startswith(".")))
        elif any(ch in str(raw) for ch in "*?[") and not p.exists():
            anchor = Path(p.anchor) if p.is_absolute() else Path(".")
            rel = str(p.relative_to(anchor)) if p.is_absolute() else str(raw)
            out.extend(sorted(f for f in anchor.glob(rel) if f.is_file()))
        else:
            out.append(p)
    seen: set[Path] = set()
    return [p for p in out if not (p in seen or seen.add(p))]


def write_facts(inputs: Sequence[str | Path], out_dir: Path, extractor: str = "rules",
                on_error: Callable[[InputError], None] | None = None) -> Report:
    """Extract each input and write ``out_dir/<stem>.json`` in the gold facts format."""
    report = Report()
    for path in expand_inputs(inputs):
        try:
            doc = load(path)
            facts = extract_document(doc, extractor)
        except InputError as e:
            report.failed.append((str(path), e.reason))
            if on_error:
                on_error(e)
            continue
        report.outputs.append(factsjson.write(facts, out_dir, doc.stem))
        report.ok.append(str(path))
    return report


def ingest(inputs: Sequence[str | Path], store: Store, extractor: str = "rules",
           on_error: Callable[[InputError], None] | None = None) -> Report:
    """Load, extract and store each input; a failing file is reported and the rest go on."""
    report = Report()
    for path in expand_inputs(inputs):
        try:
            doc = load(path)
            facts = extract_document(doc, extractor)
        except InputError as e:
            report.failed.append((str(path), e.reason))
            if on_error:
                on_error(e)
            continue
        report.triples += store_document(store, doc, facts)
        report.ok.append(str(path))
    return report
