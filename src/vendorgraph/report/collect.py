"""Read the current flows, parties and evidence out of a store (shared by report and graph page).

Every SPARQL text lives in ``queries/`` (``flows.rq``, ``report_evidence.rq``,
``viz_parties.rq``, ``report_mechanisms.rq``); this module only groups the rows.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..queries import run
from ..store import Store

MISSING = "none_stated"  # the facts-JSON notation of "no mechanism stated"


def _split(value: str | None, sep: str = ", ") -> tuple[str, ...]:
    return tuple(sorted({v.strip() for v in (value or "").split(sep) if v.strip()}))


@dataclass(frozen=True)
class Quote:
    """One evidence quote and the policy document it comes from."""

    text: str
    document: str
    start: int | None = None


@dataclass(frozen=True)
class Flow:
    """A data flow of a current policy version (one row of ``flows.rq``) with all its quotes."""

    iri: str
    controller: str
    controller_name: str
    source: str
    source_name: str
    target: str
    target_name: str
    target_kind: str
    roles: tuple[str, ...]
    code: str
    mechanisms: tuple[str, ...]
    categories: tuple[str, ...]
    explicit: bool
    document: str
    quotes: tuple[Quote, ...] = ()
    status: str = ""  # legal status of the flow's transfer path (flows.rq; empty for a plain flow)

    @property
    def is_transfer(self) -> bool:
        return bool(self.code)

    @property
    def via(self) -> str | None:
        return self.source if self.source != self.controller else None


@dataclass(frozen=True)
class PartyInfo:
    """An organisation as the current policies present it."""

    iri: str
    name: str
    roles: tuple[str, ...]
    countries: tuple[str, ...]
    aliases: tuple[str, ...]
    services: tuple[str, ...]
    controllers: tuple[str, ...]
    quotes: tuple[Quote, ...]


@dataclass(frozen=True)
class Mechanism:
    notation: str
    label: str
    reference: str
    invalidated_on: str | None


@dataclass(frozen=True)
class Snapshot:
    """Everything the page and the report draw on."""

    flows: tuple[Flow, ...]
    parties: dict[str, PartyInfo] = field(default_factory=dict)
    mechanisms: dict[str, Mechanism] = field(default_factory=dict)

    def invalid_mechanisms(self, as_of: str) -> set[str]:
        """Mechanisms invalidated on or before ``as_of`` (ISO date)."""
        return {m.notation for m in self.mechanisms.values() if m.invalidated_on and m.invalidated_on <= as_of}

    @property
    def documents(self) -> tuple[str, ...]:
        return tuple(sorted({f.document for f in self.flows}))


def collect(store: Store) -> Snapshot:
    """Group the rows of the flow, evidence, party and mechanism queries into a :class:`Snapshot`."""
    quotes: dict[str, list[Quote]] = {}
    for r in run(store, "report-evidence").dicts():
        start = int(r["start"]) if r["start"] not in (None, "") else None
        q = Quote(r["quote"] or "", r["document"] or "", start)
        bucket = quotes.setdefault(r["flow"] or "", [])
        if q not in bucket:
            bucket.append(q)
    flows = []
    for r in run(store, "flows").dicts():
        iri = r["flow"] or ""
        flows.append(Flow(
            iri=iri, controller=r["controller"] or "", controller_name=r["controllerName"] or "",
            source=r["source"] or "", source_name=r["sourceName"] or "",
            target=r["target"] or "", target_name=r["targetName"] or "", target_kind=r["targetKind"] or "",
            roles=_split(r["roles"]), code=r["code"] or "", mechanisms=_split(r["mechanisms"]),
            categories=_split(r["categories"]), explicit=(r["explicit"] or "true") == "true",
            document=r["document"] or "", quotes=tuple(quotes.get(iri, ())), status=r.get("status") or ""))
    return Snapshot(tuple(flows), _parties(store), mechanisms(store))


def _parties(store: Store) -> dict[str, PartyInfo]:
    acc: dict[str, dict[str, set]] = {}
    names: dict[str, str] = {}
    for r in run(store, "viz-parties").dicts():
        iri = r["org"] or ""
        names[iri] = r["name"] or iri
        a = acc.setdefault(iri, {k: set() for k in ("roles", "countries", "aliases", "services", "controllers", "quotes")})
        a["roles"].update(_split(r["roles"]))
        a["countries"].update(_split(r["countries"]))
        a["aliases"].update(_split(r["aliases"], " | "))
        a["services"].update(_split(r["services"], " | "))
        a["controllers"].add(r["controllerName"] or "")
        if r["quote"]:
            a["quotes"].add(Quote(r["quote"], r["document"] or ""))
    return {iri: PartyInfo(iri, names[iri], *(tuple(sorted(a[k], key=str)) for k in
                                              ("roles", "countries", "aliases", "services", "controllers")),
                           tuple(sorted(a["quotes"], key=lambda q: (q.document, q.text))))
            for iri, a in sorted(acc.items())}


def mechanisms(store: Store) -> dict[str, Mechanism]:
    """The mechanism vocabulary with legal reference and invalidation date."""
    out = {}
    for r in run(store, "report-mechanisms").dicts():
        n = r["mechanism"] or ""
        out[n] = Mechanism(n, r["label"] or n, r["reference"] or "", r["invalidatedOn"] or None)
    return out
