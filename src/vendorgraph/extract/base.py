"""The one extractor interface, and the registry of extractors by name.

An extractor is any object with a ``name`` and ``extract(doc, segments) -> Facts`` whose facts
carry :class:`~vendorgraph.model.Span` evidence (``doc.text[start:end] == quote``, a rule name and
a confidence). The rule-based extractor is the default; a model-based one (a classifier, or a
language model the user runs) plugs in with :func:`register` or the ``vendorgraph.extractors``
entry-point group, and ``vendorgraph facts --extractor NAME`` writes its facts for the same scorer::

    class MyExtractor:
        name = "my-model"
        def extract(self, doc, segments):
            return Facts(doc.name, doc.language, ...)

    register("my-model", MyExtractor)

>>> ex = get_extractor("rules")
>>> ex.name
'rules'
"""

from __future__ import annotations

from importlib import import_module
from importlib.metadata import entry_points
from dataclasses import replace
from typing import Callable, Protocol, Sequence, runtime_checkable

from ..errors import VendorgraphError
from ..model import Document, Facts, Segment


@runtime_checkable
class Extractor(Protocol):
    """Reads one document (already segmented) and returns its facts with evidence spans."""

    name: str

    def extract(self, doc: Document, segments: Sequence[Segment]) -> Facts: ...


_BUILTIN = {"rules": "vendorgraph.extract.rules:RuleExtractor"}
_REGISTERED: dict[str, Callable[[], Extractor]] = {}


def register(name: str, factory: Callable[[], Extractor]) -> None:
    """Make ``factory()`` available as ``get_extractor(name)``."""
    _REGISTERED[name] = factory


def available() -> list[str]:
    names = set(_BUILTIN) | set(_REGISTERED)
    names |= {ep.name for ep in entry_points(group="vendorgraph.extractors")}
    return sorted(names)


def get_extractor(name: str = "rules", **options: object) -> Extractor:
    """The extractor called ``name``; ``options`` (e.g. ``min_confidence``) go to its factory."""
    if name in _REGISTERED:
        return _REGISTERED[name](**options)
    target = _BUILTIN.get(name)
    if target is None:
        for ep in entry_points(group="vendorgraph.extractors"):
            if ep.name == name:
                return ep.load()(**options)
        raise VendorgraphError(f"unknown extractor {name!r}; available: {', '.join(available())}")
    mod, _, cls = target.partition(":")
    return getattr(import_module(mod), cls)(**options)


def confidence(evidence: Sequence[object]) -> float:
    """The confidence of a fact: that of its strongest evidence span (1.0 without evidence)."""
    return max((getattr(s, "confidence", 1.0) for s in evidence), default=1.0)


def filter_by_confidence(facts: Facts, min_confidence: float) -> Facts:
    """``facts`` without the facts whose best evidence is below ``min_confidence``."""
    if min_confidence <= 0:
        return facts

    def keep(group):
        return tuple(f for f in group if confidence(f.evidence) >= min_confidence)

    parties = keep(facts.parties)
    names = {p.name for p in parties}
    transfers = tuple(t for t in keep(facts.transfers)
                      if (t.recipient.startswith("category:") or t.recipient in names) and (t.via is None or t.via in names))
    controller = facts.controller if facts.controller and confidence(facts.controller.evidence) >= min_confidence else None
    return replace(facts, controller=controller, parties=parties, transfers=transfers,
                   recipient_categories=keep(facts.recipient_categories), data_categories=keep(facts.data_categories),
                   negations=keep(facts.negations))
