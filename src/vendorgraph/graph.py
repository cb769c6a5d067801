"""Facts -> RDF quads in one named graph per policy version (deterministic IRIs).

Shape (see ``ontology/core.ttl``): the version names its controller; each party is an
``vg:Engagement``; every recipient, named or a category, gets a ``vg:DataFlow`` from the
controller; every transfer is a ``vg:Transfer`` flow with ``vg:destination`` and
``vg:mechanism``; a chain hop has ``vg:from`` the passing party and ``vg:via`` it.

>>> from vendorgraph.model import Facts, Controller
>>> doc = DocumentInfo(key="a.txt", name="a.txt", content_hash="0" * 64, language="en", length=10)
>>> quads = build_quads(Facts(document="a.txt", language="en", controller=Controller("ACME GmbH", "DE")), doc)
>>> any(q.predicate.value.endswith("#controller") for q in quads)
True
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from pyoxigraph import NamedNode, Quad

from . import ids
from .model import Facts, Party, Span, Transfer
from .triples import Builder, Triple, nquad_lines, to_quads
from .vocab import RDF, RDFS, SKOS, VG, XSD, concept, country


@dataclass(frozen=True, slots=True)
class DocumentInfo:
    """What the graph needs to know about the document a version comes from."""

    key: str
    name: str
    content_hash: str
    language: str
    length: int

    @property
    def doc_iri(self) -> str:
        return ids.document_iri(self.key)

    @property
    def version_iri(self) -> str:
        return ids.version_iri(self.key, self.content_hash)


def party_iri(party: Party) -> str:
    return party.vendor_id or ids.org_iri(party.name)


def controller_iri(facts: Facts, doc: DocumentInfo) -> str:
    if facts.controller:
        return ids.org_iri(facts.controller.name)
    return ids.org_iri(f"unnamed controller of {doc.key}")


class _VersionBuilder(Builder):
    """A :class:`Builder` that remembers the evidence nodes it wrote: a span is often the evidence of a party and of
    its flow, or of a category and of its statement (its statements would only be written again)."""

    __slots__ = ("evidence",)

    def __init__(self, graph: str) -> None:
        super().__init__(graph)
        self.evidence: dict[Span, str] = {}


def _evidence(b: _VersionBuilder, version: str, spans: Iterable[Span]) -> list[str]:
    out = []
    written = b.evidence
    for sp in spans:
        ev = written.get(sp)
        if ev is not None:
            out.append(ev)
            continue
        ev = written[sp] = ids.node_iri("ev", version, sp.start, sp.end, sp.rule)
        b.add(ev, RDF.type, VG.Evidence)
        b.add(ev, VG.inVersion, version)
        b.lit(ev, VG.start, sp.start)
        b.lit(ev, VG.end, sp.end)
        b.lit(ev, VG.quote, sp.quote)
        b.lit(ev, VG.rule, sp.rule)
        b.lit(ev, VG.confidence, f"{sp.confidence:.3f}", XSD.decimal)
        if sp.heading_path:
            b.lit(ev, VG.headingPath, " > ".join(sp.heading_path))
        out.append(ev)
    return out


def _organisation(b: Builder, iri: str, name: str, countries: Iterable[str], cls: str) -> None:
    b.add(iri, RDF.type, cls)
    b.lit(iri, RDFS.label, name)
    for c in countries:
        if c != "third_countries":
            b.add(iri, VG.country, country(c))


def _recipient_iri(name: str, by_name: dict[str, str]) -> str:
    if name.startswith("category:"):
        return concept("recipient", name.split(":", 1)[1])
    return by_name.get(name) or ids.org_iri(name)


def _flow(b: _VersionBuilder, version: str, ctrl: str, t: Transfer | None, to: str, source: str,
          roles: Iterable[str], cats: Iterable[str], spans: Iterable[Span], by_name: dict[str, str]) -> None:
    via = by_name.get(t.via) or ids.org_iri(t.via) if t and t.via else None
    dest = country(t.country) if t else None
    mechs = ",".join(sorted(t.mechanisms)) if t else ""
    # the hop before is part of a flow's identity: "X -> A -> B" and "X -> B" are two flows
    flow = ids.node_iri("flow", version, source, to, dest or "", mechs, *([via] if via else []))
    b.add(flow, RDF.type, VG.DataFlow)
    b.add(flow, VG.inVersion, version)
    b.add(flow, VG.controller, ctrl)
    b.add(flow, VG["from"], via or source)
    b.add(flow, VG.to, to)
    b.add(flow, VG.provenance, VG.Stated)
    for r in sorted(set(roles)):
        b.add(flow, VG.recipientRole, concept("role", r))
    for c in sorted(set(cats)):
        b.add(flow, VG.dataCategory, concept("data", c))
    if t:
        b.add(flow, RDF.type, VG.Transfer)
        b.add(flow, VG.destination, dest)
        b.lit(flow, VG.explicit, t.explicit)
        if via:
            b.add(flow, VG.via, via)
        for m in sorted(set(t.mechanisms)):
            b.add(flow, VG.mechanism, concept("mechanism", m))
    for ev in _evidence(b, version, spans):
        b.add(flow, VG.evidence, ev)


def build_quads(facts: Facts, doc: DocumentInfo, extractor: str | None = None, *,
                infer: bool = True) -> list[Quad]:
    """All quads for one policy version, in its own named graph (the version IRI).

    With ``infer`` (the default), flows the vendor registry implies but the text does not state
    (e.g. a US parent company) are added, marked ``vg:provenance vg:Inferred``. Every transfer
    path is added pre-joined (:mod:`vendorgraph.transfer_paths`).
    """
    return sorted(quad_set(facts, doc, extractor, infer=infer), key=str)


def quad_set(facts: Facts, doc: DocumentInfo, extractor: str | None = None, *, infer: bool = True) -> set[Quad]:
    """The quads of :func:`build_quads`, unordered."""
    return set(to_quads(triple_set(facts, doc, extractor, infer=infer), doc.version_iri))


def triple_set(facts: Facts, doc: DocumentInfo, extractor: str | None = None, *, infer: bool = True) -> set[Triple]:
    """The statements of :func:`build_quads` as plain tuples (:mod:`vendorgraph.triples`), unordered."""
    return set(_distinct_triples(facts, doc, extractor, infer=infer))


def _distinct_triples(facts: Facts, doc: DocumentInfo, extractor: str | None = None, *,
                      infer: bool = True) -> list[Triple]:
    """The statements of :func:`triple_set`, each once, in the order built."""
    from .transfer_paths import path_triples

    triples = _stated_triples(facts, doc, extractor)
    if infer:
        from .resolve.infer import inferred_triples

        triples += inferred_triples(facts, doc)
    distinct = dict.fromkeys(triples)  # in the order built: paths pick values deterministically
    triples = list(distinct)
    paths = [t for t in dict.fromkeys(path_triples(triples, doc.version_iri)) if t not in distinct]
    return triples + paths


def build_nquads(facts: Facts, doc: DocumentInfo, extractor: str | None = None) -> tuple[bytes, int]:
    """The quads of :func:`build_quads` as N-Quads (UTF-8, unordered: a store keeps a set) and their number.

    This is what ingest workers send to the writer: one bytes object pickles and bulk-loads cheaply.
    """
    g = doc.version_iri
    triples = _distinct_triples(facts, doc, extractor)
    return nquad_lines(triples, g).encode("utf-8"), len(triples)


def nquads_to_ntriples(nquads: bytes, graph: str) -> str:
    """The N-Quads of one graph (:func:`build_nquads`) as N-Triples text, for stores that take triples per graph.

    Only a line's end can read `` <graph> .`` + newline: a literal's line breaks are escaped.
    """
    return nquads.decode("utf-8").replace(f" {NamedNode(graph)} .\n", " .\n")


def _stated_triples(facts: Facts, doc: DocumentInfo, extractor: str | None = None) -> list[Triple]:
    version = doc.version_iri
    b = _VersionBuilder(version)
    b.add(doc.doc_iri, RDF.type, VG.PolicyDocument)
    b.add(doc.doc_iri, VG.hasVersion, version)
    b.lit(doc.doc_iri, VG.sourceName, doc.name)
    b.add(version, RDF.type, VG.PolicyVersion)
    b.add(version, VG.versionOf, doc.doc_iri)
    b.lit(version, VG.contentHash, doc.content_hash)
    b.lit(version, VG.language, facts.language or doc.language)
    b.lit(version, VG.characterCount, doc.length)
    b.lit(version, VG.sourceName, doc.name)
    b.lit(version, VG.extractor, extractor or facts.extractor)

    ctrl = controller_iri(facts, doc)
    b.add(version, VG.controller, ctrl)
    if facts.controller:
        c = facts.controller
        _organisation(b, ctrl, c.name, [c.country] if c.country else [], VG.Organisation)
        if c.dpo:
            b.lit(version, VG.dataProtectionOfficer, c.dpo)
        for ev in _evidence(b, version, c.evidence):
            b.add(version, VG.controllerEvidence, ev)
    else:
        _organisation(b, ctrl, f"(controller of {doc.name})", [], VG.Organisation)

    doc_cats = [d.category for d in facts.data_categories]
    by_name = {p.name: party_iri(p) for p in facts.parties}
    for p in facts.parties:
        org = by_name[p.name]
        _organisation(b, org, p.name, p.countries, VG.Vendor)
        for a in p.aliases:
            b.lit(org, SKOS.altLabel, a)
        eng = ids.node_iri("engagement", version, org)
        b.add(eng, RDF.type, VG.Engagement)
        b.add(eng, VG.inVersion, version)
        b.add(eng, VG.party, org)
        b.add(eng, VG.controller, ctrl)
        for r in sorted(set(p.roles)):
            b.add(eng, VG.role, concept("role", r))
        for c in sorted(set(p.countries)):
            if c != "third_countries":
                b.add(eng, VG.statedCountry, country(c))
        for a in sorted(set(p.aliases)):
            b.lit(eng, VG.surfaceForm, a)
        for s in sorted(set(p.services)):
            svc = ids.service_iri(s)
            b.add(svc, RDF.type, VG.Service)
            b.lit(svc, RDFS.label, s)
            b.add(svc, VG.providedBy, org)
            b.add(eng, VG.service, svc)
        for ev in _evidence(b, version, p.evidence):
            b.add(eng, VG.evidence, ev)
        if set(p.roles) == {"sub_processor"}:
            continue  # reached only through a chain: the chain's transfer flows carry it
        _flow(b, version, ctrl, None, org, ctrl, p.roles, doc_cats, p.evidence, by_name)

    for rc in facts.recipient_categories:
        to = concept("recipient", rc.category)
        _flow(b, version, ctrl, None, to, ctrl, ["recipient"], doc_cats, rc.evidence, by_name)
        _category_statement(b, version, VG.recipientCategory, to, rc.evidence)
    for d in facts.data_categories:
        _category_statement(b, version, VG.dataCategory, concept("data", d.category), d.evidence)
    roles_of = {p.name: p.roles for p in facts.parties}
    for t in facts.transfers:
        to = _recipient_iri(t.recipient, by_name)
        cats = t.data_categories or doc_cats
        _flow(b, version, ctrl, t, to, ctrl, roles_of.get(t.recipient, ()), cats, t.evidence, by_name)
    for n in facts.negations:
        neg = ids.node_iri("negation", version, n.kind, *(s.start for s in n.evidence))
        b.add(neg, RDF.type, VG.Negation)
        b.add(neg, VG.inVersion, version)
        b.add(neg, VG.negates, VG.NoThirdCountryTransfer if n.kind == "no_third_country_transfer" else VG.Negation)
        for ev in _evidence(b, version, n.evidence):
            b.add(neg, VG.evidence, ev)
    return b.triples


def _category_statement(b: _VersionBuilder, version: str, prop: str, cat: str, spans: Iterable[Span]) -> None:
    node = ids.node_iri("category", version, cat)
    b.add(node, RDF.type, VG.CategoryStatement)
    b.add(node, VG.inVersion, version)
    b.add(node, prop, cat)
    b.add(version, prop, cat)
    for ev in _evidence(b, version, spans):
        b.add(node, VG.evidence, ev)
