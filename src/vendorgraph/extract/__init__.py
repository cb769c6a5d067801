"""Extractors: text -> :class:`~vendorgraph.model.Facts`.

Every extractor implements :class:`~vendorgraph.extract.base.Extractor`; the rule-based one
is the default. ``get_extractor("rules")`` returns it; a model-based extractor registers
itself with :func:`~vendorgraph.extract.base.register` (or the ``vendorgraph.extractors``
entry-point group) and is scored by the same scorer.
"""

from .base import Extractor, available, get_extractor, register

__all__ = ["Extractor", "available", "get_extractor", "register"]
