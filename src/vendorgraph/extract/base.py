"""The one extractor interface, and the registry of extractors by name.

>>> ex = get_extractor("rules")
>>> ex.name
'rules'
"""

from __future__ import annotations

from importlib import import_module
from importlib.metadata import entry_points
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


def get_extractor(name: str = "rules") -> Extractor:
    if name in _REGISTERED:
        return _REGISTERED[name]()
    target = _BUILTIN.get(name)
    if target is None:
        for ep in entry_points(group="vendorgraph.extractors"):
            if ep.name == name:
                return ep.load()()
        raise VendorgraphError(f"unknown extractor {name!r}; available: {', '.join(available())}")
    mod, _, cls = target.partition(":")
    return getattr(import_module(mod), cls)()
