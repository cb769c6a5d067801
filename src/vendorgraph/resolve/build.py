"""Turn the triples of the vendor files into records and name-index entries.

Either direction of a link is accepted: ``vendor vg:hasEntity entity`` or ``entity vg:entityOf vendor``,
``vendor vg:hasService service`` or ``service vg:providedBy vendor``.
"""

from __future__ import annotations

from .registry import EntityRecord, VendorRecord, _Entry, country_code
from ..vocab import RDF, RDFS, SKOS, VG

Triples = dict[str, dict[str, list[str]]]


def _first(po: dict[str, list[str]], p: str) -> str | None:
    vals = po.get(p)
    return vals[0] if vals else None


def _bool(value: str | None) -> bool | None:
    if value is None:
        return None
    return value.strip().lower() in ("true", "1")


def _links(t: Triples) -> tuple[dict[str, str], dict[str, str]]:
    """entity -> vendor and service -> vendor, from both link directions."""
    ent_of: dict[str, str] = {}
    svc_of: dict[str, str] = {}
    for s, po in t.items():
        for e in po.get(VG.hasEntity, []):
            ent_of.setdefault(e, s)
        for sv in po.get(VG.hasService, []):
            svc_of.setdefault(sv, s)
        if VG.entityOf in po:
            ent_of[s] = po[VG.entityOf][0]
        if VG.providedBy in po:
            svc_of[s] = po[VG.providedBy][0]
    return ent_of, svc_of


def build_records(t: Triples) -> tuple[dict[str, VendorRecord], list[_Entry]]:
    """Vendors by IRI and the name-index entries (surface form -> vendor/entity/service)."""
    ent_of, svc_of = _links(t)
    vendor_iris = sorted(s for s, po in t.items() if VG.Vendor in po.get(RDF.type, []))
    entities: dict[str, list[EntityRecord]] = {v: [] for v in vendor_iris}
    services: dict[str, list[tuple[str, list[str]]]] = {v: [] for v in vendor_iris}
    entries: list[_Entry] = []

    for s in sorted(t):
        po = t[s]
        types = po.get(RDF.type, [])
        if VG.LegalEntity in types:
            v = ent_of.get(s, "")
            rec = EntityRecord(
                iri=s, name=_first(po, RDFS.label) or s, country=country_code(_first(po, VG.country)),
                parent=_first(po, VG.parentEntity), dpf_certified=_bool(_first(po, VG.dpfCertified)),
                dpf_as_of=_first(po, VG.dpfAsOf), source="; ".join(po.get(VG.source, [])),
                aliases=tuple(po.get(SKOS.altLabel, [])), vendor=v, address=_first(po, VG.address))
            if v in entities:
                entities[v].append(rec)
                for surface in (rec.name, *rec.aliases):
                    entries.append(_Entry(v, "entity", s, surface))
        elif VG.Service in types:
            v = svc_of.get(s, "")
            label = _first(po, RDFS.label) or s
            if v in services:
                services[v].append((label, po.get(SKOS.altLabel, [])))
                for surface in (label, *po.get(SKOS.altLabel, [])):
                    entries.append(_Entry(v, "service", label, surface))

    vendors: dict[str, VendorRecord] = {}
    for v in vendor_iris:
        po = t[v]
        name = _first(po, RDFS.label) or v
        aliases = tuple(po.get(SKOS.altLabel, []))
        cats = po.get(VG.vendorCategory, [])
        vendors[v] = VendorRecord(
            iri=v, name=name, aliases=aliases, entities=tuple(entities[v]),
            services=tuple(sorted(label for label, _ in services[v])), category=cats[0] if cats else None,
            source=_first(po, VG.source) or "", country=country_code(_first(po, VG.country)))
        for surface in (name, *aliases):
            entries.append(_Entry(v, "vendor", v, surface))
    return vendors, entries
