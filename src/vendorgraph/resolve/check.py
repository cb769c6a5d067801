"""Integrity of the vendor registry (``vendorgraph registry check`` runs exactly this).

Rules: every entity has a country known to countries.ttl and belongs to a vendor; every parent
exists and parent chains have no cycles; no name (after dropping case, punctuation and legal
forms) points to two vendors; IRIs are made from labels as ``vendorgraph.ids`` makes them;
a DPF statement is on a US entity and has its as-of date and source.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from .. import ids
from .countries import CountryIndex
from .names import compact
from .registry import Registry


@dataclass(frozen=True)
class Problem:
    """One violation: the rule, the resource, and a one-line message."""

    rule: str
    subject: str
    message: str

    def __str__(self) -> str:
        return f"{self.rule}: {self.subject}: {self.message}"


@dataclass(frozen=True)
class RegistryStats:
    """Sizes of the registry (for the report and the CLI)."""

    vendors: int
    entities: int
    services: int
    aliases: int
    seeded_vendors: int
    curated_vendors: int
    dpf_certified: int
    seeded_entities: int = 0
    seeded_services: int = 0
    seeded_aliases: int = 0


def registry_stats(reg: Registry | None = None) -> RegistryStats:
    """Counts of vendors, entities, services and aliases (alternative names of vendors, entities and services).

    ``seeded_*``: how many of them come from the CC0 company list rather than the curated file.
    """
    reg = reg or Registry.default()
    vs = reg.vendors()
    seeded = {v.iri for v in vs if v.source != "curated"}
    alias_by_vendor: dict[str, int] = defaultdict(int)
    for v in vs:
        alias_by_vendor[v.iri] += len(v.aliases) + sum(len(e.aliases) for e in v.entities)
    for e in reg.entries():
        if e.kind == "service" and e.surface != e.target:
            alias_by_vendor[e.vendor] += 1
    return RegistryStats(
        vendors=len(vs), entities=sum(len(v.entities) for v in vs), services=sum(len(v.services) for v in vs),
        aliases=sum(alias_by_vendor.values()), seeded_vendors=len(seeded), curated_vendors=len(vs) - len(seeded),
        dpf_certified=sum(1 for v in vs for e in v.entities if e.dpf_certified),
        seeded_entities=sum(len(v.entities) for v in vs if v.iri in seeded),
        seeded_services=sum(len(v.services) for v in vs if v.iri in seeded),
        seeded_aliases=sum(n for iri, n in alias_by_vendor.items() if iri in seeded))


def check_registry(reg: Registry | None = None, countries: CountryIndex | None = None) -> list[Problem]:
    """Every violation of the registry rules, sorted (empty when the data is consistent)."""
    reg = reg or Registry.default()
    known = set((countries or CountryIndex.default()).by_label.values())
    problems: list[Problem] = []
    for v in reg.vendors():
        if v.iri != ids.org_iri(v.name):
            problems.append(Problem("iri", v.iri, f"vendor IRI is not made from its label {v.name!r}"))
        if not v.entities:
            problems.append(Problem("entities", v.iri, "vendor has no legal entity"))
        for e in v.entities:
            if e.iri != ids.entity_iri(e.name):
                problems.append(Problem("iri", e.iri, f"entity IRI is not made from its label {e.name!r}"))
            if not e.country:
                problems.append(Problem("country", e.iri, "entity has no country"))
            elif e.country not in known:
                problems.append(Problem("country", e.iri, f"unknown country code {e.country!r}"))
            if e.parent and reg.entity(e.parent) is None:
                problems.append(Problem("parent", e.iri, f"parent {e.parent} is not a registry entity"))
            if e.dpf_certified is not None:
                if e.country != "US":
                    problems.append(Problem("dpf", e.iri, "DPF certification stated for a non-US entity"))
                if not e.dpf_as_of or not e.source:
                    problems.append(Problem("dpf", e.iri, "DPF statement without vg:dpfAsOf and vg:source"))
            chain = reg.parent_chain(e.iri)
            last = chain[-1] if chain else None
            if last and last.parent and reg.entity(last.parent) is not None:
                problems.append(Problem("parent", e.iri, "parent chain has a cycle"))
        for s in v.services:
            if ids.service_iri(s) == v.iri:
                problems.append(Problem("iri", v.iri, f"service {s!r} clashes with its vendor"))
    surfaces_all = {e.surface for e in reg.entries()}
    for lab in sorted(reg.ambiguous_labels() - surfaces_all):
        problems.append(Problem("ambiguous", lab, "vg:ambiguousLabel is not a label of any vendor, entity or service"))
    owners: dict[str, set[str]] = defaultdict(set)
    surfaces: dict[str, set[str]] = defaultdict(set)
    for entry in reg.entries():
        k = compact(reg.lexicon.key(entry.surface))
        if k:
            owners[k].add(entry.vendor)
            surfaces[k].add(entry.surface)
    for k in sorted(owners):
        if len(owners[k]) > 1:
            problems.append(Problem("alias", " / ".join(sorted(surfaces[k])),
                                    "name points to several vendors: " + ", ".join(sorted(owners[k]))))
    return sorted(problems, key=lambda p: (p.rule, p.subject, p.message))
