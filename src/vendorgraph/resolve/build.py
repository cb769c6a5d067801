"""Turn the triples of the vendor files into records and name-index entries.

Either direction of a link is accepted: ``vendor vg:hasEntity entity`` or ``entity vg:entityOf vendor``,
``vendor vg:hasService service`` or ``service vg:providedBy vendor``.
"""

from __future__ import annotations

from dataclasses import replace

from .registry import EntityRecord, VendorRecord, _Entry, country_code
from ..vocab import RDF, RDFS, SKOS, VG

Triples = dict[str, dict[str, list[str]]]

# the IRIs used in the loops below, spelled once (Namespace attribute access builds a new string each time)
_TYPE, _LABEL, _ALT = RDF.type, RDFS.label, SKOS.altLabel
_VENDOR, _ENTITY, _SERVICE = VG.Vendor, VG.LegalEntity, VG.Service
_HAS_ENTITY, _ENTITY_OF, _HAS_SERVICE, _PROVIDED_BY = VG.hasEntity, VG.entityOf, VG.hasService, VG.providedBy
_COUNTRY, _PARENT, _DPF, _DPF_AS_OF = VG.country, VG.parentEntity, VG.dpfCertified, VG.dpfAsOf
_SOURCE, _ADDRESS, _CATEGORY = VG.source, VG.address, VG.vendorCategory
_AMBIGUOUS = VG.ambiguousLabel


def ambiguous_labels(t: Triples) -> frozenset[str]:
    """Labels marked ``vg:ambiguousLabel`` (everyday words) anywhere in the vendor files."""
    return frozenset(lab for po in t.values() for lab in po.get(_AMBIGUOUS, []))


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
        for e in po.get(_HAS_ENTITY, []):
            ent_of.setdefault(e, s)
        for sv in po.get(_HAS_SERVICE, []):
            svc_of.setdefault(sv, s)
        if _ENTITY_OF in po:
            ent_of[s] = po[_ENTITY_OF][0]
        if _PROVIDED_BY in po:
            svc_of[s] = po[_PROVIDED_BY][0]
    return ent_of, svc_of


def build_records(t: Triples) -> tuple[dict[str, VendorRecord], list[_Entry]]:
    """Vendors by IRI and the name-index entries (surface form -> vendor/entity/service)."""
    ent_of, svc_of = _links(t)
    vendor_iris = sorted(s for s, po in t.items() if _VENDOR in po.get(_TYPE, []))
    entities: dict[str, list[EntityRecord]] = {v: [] for v in vendor_iris}
    services: dict[str, list[tuple[str, list[str]]]] = {v: [] for v in vendor_iris}
    entries: list[_Entry] = []

    for s in sorted(t):
        po = t[s]
        types = po.get(_TYPE, [])
        if _ENTITY in types:
            v = ent_of.get(s, "")
            rec = EntityRecord(
                iri=s, name=_first(po, _LABEL) or s, country=country_code(_first(po, _COUNTRY)),
                parent=_first(po, _PARENT), dpf_certified=_bool(_first(po, _DPF)),
                dpf_as_of=_first(po, _DPF_AS_OF), source="; ".join(po.get(_SOURCE, [])),
                aliases=tuple(po.get(_ALT, [])), vendor=v, address=_first(po, _ADDRESS))
            if v in entities:
                entities[v].append(rec)
                for surface in (rec.name, *rec.aliases):
                    entries.append(_Entry(v, "entity", s, surface))
        elif _SERVICE in types:
            v = svc_of.get(s, "")
            label = _first(po, _LABEL) or s
            if v in services:
                services[v].append((label, po.get(_ALT, [])))
                for surface in (label, *po.get(_ALT, [])):
                    entries.append(_Entry(v, "service", label, surface))

    vendors: dict[str, VendorRecord] = {}
    for v in vendor_iris:
        po = t[v]
        name = _first(po, _LABEL) or v
        aliases = tuple(po.get(_ALT, []))
        cats = po.get(_CATEGORY, [])
        source = _first(po, _SOURCE) or ""
        ents = tuple(e if e.source else replace(e, source=source) for e in entities[v])  # seeded: vendor's source
        vendors[v] = VendorRecord(
            iri=v, name=name, aliases=aliases, entities=ents,
            services=tuple(sorted(label for label, _ in services[v])), category=cats[0] if cats else None,
            source=source, country=country_code(_first(po, _COUNTRY)))
        for surface in (name, *aliases):
            entries.append(_Entry(v, "vendor", v, surface))
    return vendors, entries
