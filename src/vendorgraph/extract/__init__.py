"""Extractors: text -> :class:`~vendorgraph.model.Facts`.

Every extractor implements :class:`~vendorgraph.extract.base.Extractor`; the rule-based one
(:mod:`.rules`) is the default. ``get_extractor("rules", min_confidence=0.7)`` returns it; a
model-based extractor registers itself with :func:`~vendorgraph.extract.base.register` (or the
``vendorgraph.extractors`` entry-point group) and is scored by the same scorer. Each fact carries
:class:`~vendorgraph.model.Span` evidence with the rule that produced it and a confidence;
:func:`~vendorgraph.extract.base.filter_by_confidence` trades recall for precision and
:mod:`.explain` prints facts beside their quotes (``vendorgraph explain POLICY``).
"""

from .base import Extractor, available, get_extractor, register

__all__ = ["Extractor", "available", "get_extractor", "register"]
