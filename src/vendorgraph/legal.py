"""Legal status of a third-country transfer, from the transfer law in ``ontology/reference/``.

One rule (:class:`HopLaw`) decides the status everywhere: ingest writes it on every transfer path, the
queries and the graph page read it, the report and ``vendorgraph transfer-status`` apply it at a date
(:meth:`HopLaw.on_date`, :func:`transfer_status`).

Statuses, best first: ``not_required`` (the destination is in the EU/EEA at the date), ``covered``
(Art. 45 adequacy stated; where the country's decision requires certification - the USA's Data Privacy
Framework - only for a certified recipient), ``safeguarded`` (SCC or BCR), ``derogation`` (Art. 49),
``uncertified`` (adequacy stated, certification required and not on record), ``invalid`` (only an
invalidated mechanism, e.g. Privacy Shield after 16 July 2020), ``missing`` (no mechanism stated).

The mechanisms, instruments, their dates and countries are data (``mechanisms.ttl``, ``adequacy.ttl``,
``instruments.ttl``, ``countries-curated.ttl``), read with ``queries/internal/hop_law.rq``,
``legal_instruments.rq`` and ``legal_memberships.rq``; :class:`TransferLaw` holds the instruments and
memberships, which explain a status (and tell the EU/EEA apart).

>>> transfer_status("US", ["privacy_shield"], "2019-06-01").status
'covered'
>>> transfer_status("US", ["privacy_shield"], "2024-06-01").status
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
    invalidated_on: Mapping[str, date] = field(default_factory=dict)  # mechanism notation -> date invalidated

    @classmethod
    @cache
    def default(cls) -> "HopLaw":
        concepts: dict[str, set[str]] = {}
        invalid: set[str] = set()
        cert: set[str] = set()
        since: dict[str, date | None] = {}
        for r in _reference_rows("internal/hop_law.rq"):
            if r["mechanism"]:
                concepts.setdefault(r["mechanism"], set()).update([r["law"]] if r["law"] else [])
                if r["invalidatedOn"]:
                    invalid.add(r["mechanism"])
                    since[r["mechanism"]] = _date(r["invalidatedOn"])
            if r["certificationCountry"]:
                cert.add(r["certificationCountry"])
        return cls({m: tuple(sorted(c)) for m, c in concepts.items()}, frozenset(invalid), frozenset(cert),
                   {m: d for m, d in since.items() if d is not None})

    def mechanism_status(self, country: str, mechanism: str, certified: bool) -> str:
        if mechanism in self.invalidated:
            return "invalid"
        law = " ".join(self.concepts.get(mechanism, ()))
        if "#A45" in law:
            return "uncertified" if country in self.certification and not certified else "covered"
        if "#A46" in law or "#SCC" in law:
            return "safeguarded"
        return "derogation" if "#A49" in law else "missing"

    def status(self, country: str, mechanisms: Iterable[str], certified: bool, on: str | date | None = None) -> str:
        """Best status over ``mechanisms`` for a hop into ``country`` (a country IRI); at ``on`` if given
        (:meth:`on_date`), else as ingest writes it."""
        mechanisms = tuple(mechanisms)
        found = [self.mechanism_status(country, m, certified) for m in mechanisms] or ["missing"]
        best = min(found, key=status_rank)
        return best if on is None else self.on_date(best, mechanisms, on)[0]

    def on_date(self, status: str, mechanisms: Iterable[str], on: str | date) -> tuple[str, str | None]:
        """The status on ``on`` of a hop whose status today is ``status``, and the mechanism that changes it.

        A mechanism invalidated after ``on`` was still in force then (the EU-US Privacy Shield before
        16 July 2020): the hop counts as covered, if nothing better covers it. Nothing else depends on
        the date. The report and :func:`transfer_status` both apply this.

        >>> HopLaw.default().on_date("invalid", ["privacy_shield"], "2019-06-01")
        ('covered', 'privacy_shield')
        """
        day = _date(on)
        if day is None:
            raise RegistryError("a date is needed (YYYY-MM-DD)")
        if status_rank("covered") >= status_rank(status):
            return status, None
        for m in sorted(set(mechanisms)):
            since = self.invalidated_on.get(m)
            if since is not None and since > day:
                return "covered", m
        return status, None


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
    """Instruments and EU/EEA memberships with their dates: what explains a status (:func:`transfer_status`)."""

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

    def instrument(self, mechanism: str, country: str, on: date) -> Instrument | None:
        """The instrument that implements ``mechanism`` for ``country`` (an ISO code): the one in force on
        ``on``, else the latest adopted; country-specific ones first."""
        found = [i for i in self.instruments if i.mechanism == mechanism and i.country in (country.upper(), "")]
        found.sort(key=lambda i: (not i.in_force(on), i.country == "", -(i.adopted or date.min).toordinal()))
        return found[0] if found else None


@cache
def _mechanism_labels() -> dict[str, str]:
    """English label of each mechanism notation (``queries/report_mechanisms.rq``, as the report shows them)."""
    return {r["mechanism"] or "": r["label"] or r["mechanism"] or "" for r in _reference_rows("report_mechanisms.rq")}


def transfer_status(country: str, mechanisms: Iterable[str] = (), on: str | date | None = None,
                    dpf_certified: bool | None = None) -> LegalStatus:
    """Legal status of a transfer to ``country`` (ISO code, or ``third_countries``) relying on the stated
    ``mechanisms`` at ``on`` (default: today), by the one rule: :class:`HopLaw` as ingest writes it on a
    transfer path, at the date as the report applies it (:meth:`HopLaw.on_date`); ``not_required`` in the
    EU/EEA. ``dpf_certified``: whether the recipient is certified where the decision requires it (None:
    unknown, which does not count as certified). Instruments and notes only explain the status.

    >>> transfer_status("US", ["adequacy"], "2024-06-01", dpf_certified=False).status
    'uncertified'
    """
    from .vocab import country as country_iri

    day = _date(on) or date.today()
    code = country.strip().upper()
    if code == "THIRD_COUNTRIES":
        code = "third_countries"
    elif not (len(code) == 2 and code.isascii() and code.isalpha()):
        raise RegistryError(f"not a country code: {country!r} (expected ISO 3166-1 alpha-2, e.g. US)")
    catalogue, law = TransferLaw.default(), HopLaw.default()
    if code != "third_countries" and catalogue.in_eea(code, day):
        return LegalStatus("not_required", code, day, reason=f"{code} is in the EU/EEA on {day}")
    stated = tuple(sorted({m for m in mechanisms if m}))
    where = country_iri(code)
    certified = dpf_certified is True
    today = law.status(where, stated, certified)
    status, revived = law.on_date(today, stated, day)
    labels = _mechanism_labels()
    notes: list[str] = []
    for m in stated:
        since = law.invalidated_on.get(m)
        if since is not None and since <= day:
            notes.append(f"{labels.get(m, m)} invalid since {since}")
    if revived is not None:
        notes.append(f"{labels.get(revived, revived)} still in force on {day} "
                     f"(invalidated {law.invalidated_on[revived]})")
        decisive: str | None = revived
    else:
        decisive = next((m for m in stated if law.mechanism_status(where, m, certified) == status), None)
    if any(law.mechanism_status(where, m, False) == "uncertified" for m in stated):  # certification matters
        needs = catalogue.instrument("adequacy", code, day)
        name = needs.label if needs else "the adequacy decision"
        state = {True: "listed", False: "not listed", None: "unknown"}[dpf_certified]
        notes.append(f"{name} covers only certified recipients; certification {state}")
    if "adequacy" in stated and code != "third_countries" and not catalogue.adequacy(code, day):
        notes.append(f"adequacy stated, but no adequacy decision for {code} in force on {day} in the reference data")
    if not stated and code != "third_countries":
        notes.extend(f"{i.label} in force on {day}, but no mechanism is stated" for i in catalogue.adequacy(code, day))
    inst = catalogue.instrument(decisive, code, day) if decisive and status != "missing" else None
    label = status_labels().get(status, status)
    reason = (f"{labels.get(decisive, decisive)}: {label}" if decisive and status != "missing"
              else f"{label} ({', '.join(stated)})" if stated else f"{label}: no mechanism stated")
    return LegalStatus(status, code, day, inst.iri if inst else None, inst.reference if inst else "", reason,
                       tuple(notes))


@cache
def recipient_labels() -> dict[str, str]:
    """English label of each recipient-category concept IRI (what a path shows as its recipient)."""
    return {r["concept"] or "": r["label"] or "" for r in _reference_rows("internal/recipient_labels.rq")}
