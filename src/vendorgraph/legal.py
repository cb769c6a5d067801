"""Legal status of a third-country transfer at a date, from the transfer law in ``ontology/reference/``.

Statuses, best first: ``not_required`` (the destination is in the EU/EEA, or treated as such),
``covered`` (an adequacy decision in force for the country at the date and, where the decision
requires certification - the USA's Data Privacy Framework - a certified recipient), ``safeguarded``
(SCC or BCR in force), ``derogation`` (Art. 49), ``invalid`` (the transfer relies only on an
instrument invalid at the date, e.g. Privacy Shield after 16 July 2020), ``missing``.

The instruments, their dates and countries are data (``adequacy.ttl``, ``instruments.ttl``,
``countries-curated.ttl``), read with ``queries/legal_instruments.rq`` and ``legal_memberships.rq``.

>>> law = TransferLaw.default()
>>> law.status("US", ["privacy_shield"], "2019-06-01").status
'covered'
>>> law.status("US", ["privacy_shield"], "2024-06-01").status
'invalid'
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import cache
from typing import Iterable, Mapping

from .errors import RegistryError
from .resources import data_dir
from .vocab import SKOS, VG

_FILES = ("reference/adequacy.ttl", "reference/instruments.ttl", "reference/countries.ttl",
          "reference/countries-curated.ttl", "taxonomies/mechanisms.ttl",
          "taxonomies/recipient-categories.ttl")


@cache
def _status_concepts() -> tuple[tuple[str, str], ...]:
    """(notation, concept IRI) of the legal statuses best first, from ``ontology/reference/instruments.ttl``."""
    from pyoxigraph import RdfFormat, parse

    notation, rank = {}, {}
    path = data_dir("ontology") / "reference" / "instruments.ttl"
    for t in parse(path=str(path), format=RdfFormat.TURTLE):
        if t.predicate.value == SKOS.notation:
            notation[t.subject.value] = t.object.value
        elif t.predicate.value == VG.rank:
            rank[t.subject.value] = int(t.object.value)
    return tuple((notation[s], s) for s in sorted(rank, key=rank.__getitem__) if s in notation)


def statuses() -> tuple[str, ...]:
    """Legal statuses best first (skos:notation ordered by vg:rank)."""
    return tuple(n for n, _ in _status_concepts())


def status_iri(status: str) -> str:
    """The concept IRI of a status notation (``covered`` -> ``.../law/status-covered``)."""
    return dict(_status_concepts())[status]


@cache
def status_labels(lang: str = "en") -> dict[str, str]:
    """Notation -> skos:prefLabel in ``lang`` of the legal statuses (``ontology/reference/instruments.ttl``).

    >>> status_labels()["missing"]
    'no valid mechanism'
    """
    from pyoxigraph import RdfFormat, parse

    iris = {iri: n for n, iri in _status_concepts()}
    path = data_dir("ontology") / "reference" / "instruments.ttl"
    return {iris[t.subject.value]: t.object.value for t in parse(path=str(path), format=RdfFormat.TURTLE)
            if t.subject.value in iris and t.predicate.value == SKOS.prefLabel and t.object.language == lang}


def status_rank(status: str) -> int:
    """Position of ``status`` in :func:`statuses` (lower is better); unknown statuses rank last."""
    order = statuses()
    return order.index(status) if status in order else len(order)


@cache
def _reference_store() -> object:
    """An in-memory store of the transfer-law files of ``ontology/`` (once per process)."""
    from pyoxigraph import RdfFormat, Store

    store = Store()
    root = data_dir("ontology")
    for rel in _FILES:
        path = root / rel
        if path.is_file():
            store.load(path=str(path), format=RdfFormat.TURTLE)
    return store


def _reference_rows(name: str) -> list[dict[str, str | None]]:
    """Rows of ``queries/<name>`` over :func:`_reference_store`."""
    text = (data_dir("queries") / name).read_text(encoding="utf-8")
    sols = _reference_store().query(text)  # type: ignore[attr-defined]
    names = [v.value for v in sols.variables]
    return [{n: (s[n].value if s[n] is not None else None) for n in names} for s in sols]


@dataclass(frozen=True)
class HopLaw:
    """The date-free status of one hop, as the transfer paths are written at ingest.

    Each stated mechanism gives a status from its DPV concept (Art. 45 covered, or ``uncertified``
    when the destination's decision needs certification and the recipient has none on record;
    Art. 46 safeguarded; Art. 49 derogation; an invalidated mechanism invalid; none missing);
    the best wins. Data: ``queries/internal/hop_law.rq`` over the reference files.

    >>> law = HopLaw.default()
    >>> law.status("https://w3id.org/dpv/loc#US", ["adequacy"], certified=False)
    'uncertified'
    >>> law.status("https://w3id.org/dpv/loc#US", ["adequacy", "scc"], certified=False)
    'safeguarded'
    >>> law.status("https://w3id.org/dpv/loc#US", ["privacy_shield"], certified=True)
    'invalid'
    """

    concepts: Mapping[str, tuple[str, ...]]  # mechanism notation -> DPV concept IRIs
    invalidated: frozenset[str]  # mechanism notations invalidated
    certification: frozenset[str]  # country IRIs whose adequacy covers only certified recipients

    @classmethod
    @cache
    def default(cls) -> "HopLaw":
        concepts: dict[str, set[str]] = {}
        invalid, cert = set(), set()
        for r in _reference_rows("internal/hop_law.rq"):
            if r["mechanism"]:
                concepts.setdefault(r["mechanism"], set()).update([r["law"]] if r["law"] else [])
                if r["invalidatedOn"]:
                    invalid.add(r["mechanism"])
            if r["certificationCountry"]:
                cert.add(r["certificationCountry"])
        return cls({m: tuple(sorted(c)) for m, c in concepts.items()}, frozenset(invalid), frozenset(cert))

    def mechanism_status(self, country: str, mechanism: str, certified: bool) -> str:
        if mechanism in self.invalidated:
            return "invalid"
        law = " ".join(self.concepts.get(mechanism, ()))
        if "#A45" in law:
            return "uncertified" if country in self.certification and not certified else "covered"
        if "#A46" in law or "#SCC" in law:
            return "safeguarded"
        return "derogation" if "#A49" in law else "missing"

    def status(self, country: str, mechanisms: Iterable[str], certified: bool) -> str:
        """Best status over ``mechanisms`` for a hop into ``country`` (a country IRI)."""
        found = [self.mechanism_status(country, m, certified) for m in mechanisms] or ["missing"]
        return min(found, key=status_rank)


def _date(value: str | date | None) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError as e:
        raise RegistryError(f"not a date: {value!r} (expected YYYY-MM-DD)") from e


@dataclass(frozen=True)
class Instrument:
    """An adequacy decision, bridge arrangement, SCC set, BCR or derogation, with its validity."""

    iri: str
    label: str
    kind: str  # adequacy | bridge | scc | instrument | derogation
    country: str  # ISO code it covers; "" for any country
    mechanism: str | None  # notation of the mechanism concept it implements
    adopted: date | None
    valid_until: date | None
    invalidated: date | None
    requires_certification: bool
    status: str | None  # status a transfer relying on it gets (None: by kind)
    reference: str

    def in_force(self, on: date) -> bool:
        """Adopted on or before ``on`` and neither expired nor invalidated by then."""
        if self.adopted and on < self.adopted:
            return False
        if self.valid_until and on > self.valid_until:
            return False
        return not (self.invalidated and on >= self.invalidated)


@dataclass(frozen=True)
class Membership:
    code: str
    union: str  # EU | EEA
    since: date | None
    until: date | None

    def active(self, on: date) -> bool:
        return (self.since is None or on >= self.since) and (self.until is None or on <= self.until)


@dataclass(frozen=True)
class LegalStatus:
    """The verdict for one transfer: status notation, the instrument it rests on, and why."""

    status: str
    country: str
    on: date
    instrument: str | None = None
    reference: str = ""
    reason: str = ""
    notes: tuple[str, ...] = field(default=())


class TransferLaw:
    """Instruments and memberships; :meth:`status` applies them to a transfer."""

    def __init__(self, instruments: Iterable[Instrument], memberships: Iterable[Membership]) -> None:
        self.instruments = tuple(sorted(instruments, key=lambda i: (i.kind, i.country, i.adopted or date.min, i.iri)))
        self.memberships = tuple(memberships)

    @classmethod
    @cache
    def default(cls) -> "TransferLaw":
        """From the ontology files (loaded once per process)."""
        return cls.from_rows(_reference_rows("legal_instruments.rq"), _reference_rows("legal_memberships.rq"))

    @classmethod
    def from_store(cls, store: object) -> "TransferLaw":
        """From a vendorgraph store whose reference graph holds ``ontology/`` (same queries, same result)."""
        from .queries import run

        return cls.from_rows(run(store, "legal-instruments").dicts(), run(store, "legal-memberships").dicts())  # type: ignore[arg-type]

    @classmethod
    def from_rows(cls, instruments: Iterable[Mapping[str, str | None]],
                  memberships: Iterable[Mapping[str, str | None]]) -> "TransferLaw":
        """From result rows of ``legal_instruments.rq`` and ``legal_memberships.rq`` (e.g. ``ResultTable.dicts()``)."""
        ins = [Instrument(
            iri=r["instrument"] or "", label=r.get("label") or "", kind=r["kind"] or "", country=r.get("code") or "",
            mechanism=r.get("mechanism"), adopted=_date(r.get("adoptedOn")), valid_until=_date(r.get("validUntil")),
            invalidated=_date(r.get("invalidatedOn")),
            requires_certification=(r.get("requiresCertification") or "").lower() in ("true", "1"),
            status=r.get("status"), reference=r.get("reference") or "") for r in instruments]
        mem = [Membership(r["code"] or "", r["union"] or "", _date(r.get("since")), _date(r.get("until")))
               for r in memberships]
        return cls(ins, mem)

    # ------------------------------------------------------------------ queries
    def in_eea(self, country: str, on: str | date) -> bool:
        """Whether ``country`` is an EU or EEA member on the date."""
        d = _date(on)
        assert d is not None
        return any(m.code == country.upper() and m.active(d) for m in self.memberships)

    def adequacy(self, country: str, on: str | date) -> list[Instrument]:
        """Adequacy decisions for ``country`` in force on the date."""
        d = _date(on)
        assert d is not None
        return [i for i in self.instruments if i.kind == "adequacy" and i.country == country.upper() and i.in_force(d)]

    def status(self, country: str, mechanisms: Iterable[str] = (), on: str | date | None = None,
               dpf_certified: bool | None = None) -> LegalStatus:
        """Legal status of a transfer to ``country`` relying on the stated ``mechanisms`` at ``on`` (default: today).

        ``dpf_certified``: whether the recipient is certified where a decision requires it (None: unknown,
        which does not count as certified).
        """
        d = _date(on) or date.today()
        code = country.upper()
        stated = tuple(sorted({m for m in mechanisms if m and m != "none_stated"}))
        if code != "THIRD_COUNTRIES" and self.in_eea(code, d):
            return LegalStatus("not_required", code, d, reason=f"{code} is in the EU/EEA on {d}")
        candidates: list[LegalStatus] = []
        notes: list[str] = []
        dormant: list[Instrument] = []
        for i in self.instruments:
            if i.country and i.country != code:
                continue
            if i.kind in ("adequacy", "bridge") and i.country:
                if not i.in_force(d):
                    if i.mechanism and i.mechanism in stated and i.invalidated and d >= i.invalidated:
                        notes.append(f"{i.label} invalid since {i.invalidated}")
                    continue
                if i.kind == "bridge":
                    candidates.append(self._verdict(i.status or "covered", code, d, i, f"{i.label} applies on {d}"))
                    continue
                if i.requires_certification and i.mechanism != "adequacy":
                    # e.g. Privacy Shield: the policy's reliance on it is the only certification evidence we have
                    if i.mechanism in stated:
                        candidates.append(self._verdict("covered", code, d, i, f"{i.label} in force on {d}"))
                    continue
                if i.requires_certification and dpf_certified is not True:
                    notes.append(f"{i.label} covers only certified recipients; certification "
                                 f"{'not listed' if dpf_certified is False else 'unknown'}")
                    continue
                candidates.append(self._verdict("covered", code, d, i, f"{i.label} in force on {d}"))
            elif not i.country and i.mechanism in stated:
                if i.in_force(d):
                    candidates.append(self._verdict(i.status or "safeguarded", code, d, i, f"{i.label} in force on {d}"))
                else:
                    dormant.append(i)
        live = {c.instrument for c in candidates}
        live_mechs = {i.mechanism for i in self.instruments if i.iri in live}
        notes.extend(f"{i.label} not in force on {d}" for i in dormant if i.mechanism not in live_mechs)
        if "adequacy" in stated and not any(c.status == "covered" for c in candidates):
            notes.append(f"adequacy stated but no decision covers this transfer to {code} on {d}")
        if candidates:
            best = min(candidates, key=lambda s: status_rank(s.status))
            return LegalStatus(best.status, code, d, best.instrument, best.reference, best.reason, tuple(notes))
        if any("invalid since" in n for n in notes):
            return LegalStatus("invalid", code, d, reason="relies only on an invalidated instrument", notes=tuple(notes))
        return LegalStatus("missing", code, d, reason="no instrument in force covers this transfer", notes=tuple(notes))

    @staticmethod
    def _verdict(status: str, code: str, d: date, i: Instrument, reason: str) -> LegalStatus:
        return LegalStatus(status, code, d, i.iri, i.reference, reason)


def transfer_status(country: str, mechanisms: Iterable[str] = (), on: str | date | None = None,
                    dpf_certified: bool | None = None) -> LegalStatus:
    """:meth:`TransferLaw.status` with the default transfer law."""
    return TransferLaw.default().status(country, mechanisms, on, dpf_certified)


@cache
def recipient_labels() -> dict[str, str]:
    """English label of each recipient-category concept IRI (what a path shows as its recipient)."""
    return {r["concept"] or "": r["label"] or "" for r in _reference_rows("internal/recipient_labels.rq")}
