"""Risk rules as data: every ``queries/risk/*.rq`` is a rule; this module runs them.

A rule's header carries ``title``, ``severity`` (high, medium, low), ``article`` and
``rationale``; its SELECT returns the columns ``flow, controller, controllerName, party,
partyName, code, mechanisms, quote, document, detail`` (unbound ones may be empty). A rule
that declares ``# param: as_of: date`` gets the report date. An analyst adds a rule by
dropping a file in the folder (or passing ``extra_rules``), without touching Python.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Sequence

from ..errors import QueryError
from ..queries import QuerySpec, get_query, list_queries, run
from ..store import Store

SEVERITIES = ("high", "medium", "low")
REQUIRED_COLUMNS = ("controllerName", "partyName", "quote", "document")


@dataclass(frozen=True)
class Rule:
    """A parsed risk rule."""

    name: str
    title: str
    severity: str
    article: str
    rationale: str
    spec: QuerySpec


@dataclass(frozen=True)
class Finding:
    """One hit of a rule, with its evidence quote and document."""

    rule: str
    title: str
    severity: str
    article: str
    rationale: str
    controller: str
    controller_name: str
    party: str
    party_name: str
    flow: str
    code: str
    mechanisms: str
    detail: str
    quote: str
    document: str

    @property
    def rank(self) -> int:
        return SEVERITIES.index(self.severity)


def rule_from_spec(spec: QuerySpec) -> Rule:
    """Check a rule's header; raise :class:`QueryError` naming the file when it is incomplete."""
    severity = spec.get("severity").lower()
    if severity not in SEVERITIES:
        raise QueryError(f"{spec.path.name}: risk rule needs '# severity:' one of {', '.join(SEVERITIES)}")
    for key in ("article", "rationale"):
        if not spec.get(key):
            raise QueryError(f"{spec.path.name}: risk rule needs a '# {key}:' header line")
    if not spec.title:
        raise QueryError(f"{spec.path.name}: risk rule needs a '# title:' header line")
    missing = [c for c in REQUIRED_COLUMNS if spec.columns and c not in spec.columns]
    if missing:
        raise QueryError(f"{spec.path.name}: risk rule must return the columns {', '.join(missing)}")
    return Rule(spec.name, spec.title, severity, spec.get("article"), spec.get("rationale"), spec)


def load_rules(extra: Iterable[str | Path] = ()) -> list[Rule]:
    """The shipped rules of ``queries/risk/`` plus any extra ``.rq`` files."""
    specs = list(list_queries("risk")) + [get_query(str(p)) for p in extra]
    return [rule_from_spec(s) for s in specs]


def run_rule(store: Store, rule: Rule, as_of: str) -> list[Finding]:
    params = {"as_of": as_of} if any(p.name == "as_of" for p in rule.spec.params) else {}
    rows = run(store, rule.spec.path, **params).dicts()
    out = []
    for r in rows:
        g = lambda k: r.get(k) or ""  # noqa: E731
        out.append(Finding(rule.name, rule.title, rule.severity, rule.article, rule.rationale,
                           g("controller"), g("controllerName"), g("party"), g("partyName"), g("flow"),
                           g("code"), g("mechanisms"), g("detail"), g("quote"), g("document")))
    return out


def run_rules(store: Store, as_of: str, rules: Sequence[Rule] | None = None,
              progress: bool = False) -> list[Finding]:
    """Every finding of every rule, most severe first, then by controller, party and rule."""
    from tqdm import tqdm

    found: list[Finding] = []
    for rule in tqdm(rules if rules is not None else load_rules(), desc="risk rules", unit="rule",
                     disable=not progress, leave=False):
        found.extend(run_rule(store, rule, as_of))
    return sorted(set(found), key=lambda f: (f.rank, f.controller_name, f.party_name, f.rule, f.code, f.flow))
