"""Resolve names in facts to registry vendors and entities, and infer registry-backed facts.

``resolve_facts`` is the pipeline stage between extract and graph.
"""

from __future__ import annotations

from ..model import Facts


def resolve_facts(facts: Facts) -> Facts:
    """Attach registry vendor IRIs to parties (stage: extract -> resolve -> graph)."""
    return facts
