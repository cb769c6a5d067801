"""Facts from the registry rather than the text, kept apart from stated facts.

A resolved party whose registry entities (or their parents) sit in a third country the policy
never names for it implies a transfer there: "Google Ireland Limited" -> parent Google LLC (US).
Such a transfer becomes a ``vg:Transfer`` flow with ``vg:provenance vg:Inferred``, ``vg:inferredFrom``
(the registry path and its source), ``vg:explicit false`` and mechanism ``none_stated``; its
evidence is the party's mention in the text. A query for stated facts filters on ``vg:Stated``.

``graph.triple_set`` adds :func:`inferred_triples` to a version's stated statements.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..errors import RegistryError
from ..model import Facts, Party
from ..vocab import RDF, VG, concept, country
from .registry import EntityRecord, Registry


@dataclass(frozen=True)
class InferredTransfer:
    """A transfer the registry implies for a party: destination, the entity there, and why."""

    party: str
    vendor: str
    country: str
    entity: str
    basis: str
    source: str


def _chain_text(chain: list[EntityRecord]) -> str:
    return " -> ".join(f"{e.name} ({e.country or '?'})" for e in chain)


def _stated_countries(facts: Facts, party: Party) -> set[str]:
    names = {party.name, *party.aliases}
    out = set(party.countries)
    out |= {t.country for t in facts.transfers if t.recipient in names}
    return out


def inferred_transfers(facts: Facts, registry: Registry | None = None,
                       on: date | None = None) -> list[InferredTransfer]:
    """Third-country destinations the registry implies for the resolved parties of ``facts``.

    ``on``: the date for EU/EEA membership (default: today).
    """
    from ..legal import TransferLaw
    from . import resolve_party

    reg = registry or Registry.default()
    law = TransferLaw.default()
    day = on or date.today()
    out: list[InferredTransfer] = []
    for party in facts.parties:
        if not party.vendor_id:
            continue
        try:
            vendor = reg.vendor(party.vendor_id)
        except RegistryError:  # a vendor_id from elsewhere: nothing to infer from
            continue
        m = resolve_party(party, reg)
        if m and m.vendor.iri == vendor.iri and m.entity:
            chains = [reg.parent_chain(m.entity.iri)]
        else:
            chains = [reg.parent_chain(e.iri) for e in vendor.entities]
        stated = _stated_countries(facts, party)
        seen: set[str] = set()
        for chain in chains:
            for i, ent in enumerate(chain):
                c = ent.country
                if not c or c in stated or c in seen or law.in_eea(c, day):
                    continue
                seen.add(c)
                path = _chain_text(chain[: i + 1])
                basis = f"registry: {party.name!r} is {vendor.name}; {path}"
                out.append(InferredTransfer(party.name, vendor.iri, c, ent.iri, basis, ent.source or vendor.source))
    return sorted(out, key=lambda t: (t.party, t.country, t.entity))


def inferred_quads(facts: Facts, doc_info: object, registry: Registry | None = None,
                   on: date | None = None) -> list:
    """Quads (in the version's named graph) for :func:`inferred_transfers`, marked ``vg:Inferred``.

    ``doc_info`` is a ``graph.DocumentInfo``. Parties without evidence spans are skipped (every flow
    carries evidence: here the mention of the party the inference starts from).
    """
    from ..triples import to_quads

    return to_quads(inferred_triples(facts, doc_info, registry, on), doc_info.version_iri)  # type: ignore[attr-defined]


def inferred_triples(facts: Facts, doc_info: object, registry: Registry | None = None,
                     on: date | None = None) -> list:
    """The statements of :func:`inferred_quads` as plain tuples (:mod:`vendorgraph.triples`)."""
    from .. import ids
    from ..graph import _evidence, _VersionBuilder, controller_iri

    version = doc_info.version_iri  # type: ignore[attr-defined]
    b = _VersionBuilder(version)
    ctrl = controller_iri(facts, doc_info)  # type: ignore[arg-type]
    spans = {p.name: p.evidence for p in facts.parties}
    for t in inferred_transfers(facts, registry, on):
        if not spans.get(t.party):
            continue
        dest = country(t.country)
        flow = ids.node_iri("flow", version, ctrl, t.vendor, dest, "inferred")
        b.add(flow, RDF.type, VG.DataFlow)
        b.add(flow, RDF.type, VG.Transfer)
        b.add(flow, VG.inVersion, version)
        b.add(flow, VG.controller, ctrl)
        b.add(flow, VG["from"], ctrl)
        b.add(flow, VG.to, t.vendor)
        b.add(flow, VG.destination, dest)
        b.add(flow, VG.mechanism, concept("mechanism", "none_stated"))
        b.add(flow, VG.provenance, VG.Inferred)
        b.lit(flow, VG.explicit, False)
        b.lit(flow, VG.inferredFrom, f"{t.basis}; source: {t.source}")
        for ev in _evidence(b, version, spans[t.party][:1]):
            b.add(flow, VG.evidence, ev)
    return b.triples
