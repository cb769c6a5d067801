"""The transfer instruments of ``ontology/reference/``: adequacy decisions, bridges, SCC, BCR and derogations
with their dates, and EU/EEA memberships (:class:`TransferLaw`), read with ``queries/legal_instruments.rq`` and
``legal_memberships.rq`` over an in-memory store of the reference files. :mod:`vendorgraph.legal` decides
statuses from them.

>>> [i.label for i in TransferLaw.default().adequacy("JP", "2024-01-01")]
['Adequacy decision for Japan']
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Iterable, Mapping

from .errors import RegistryError
from .resources import data_dir

_FILES = ("reference/adequacy.ttl", "reference/instruments.ttl", "reference/countries.ttl",
          "reference/countries-curated.ttl", "taxonomies/mechanisms.ttl",
          "taxonomies/recipient-categories.ttl")


@cache
def reference_store() -> object:
    """An in-memory store of the transfer-law files of ``ontology/`` (once per process)."""
    from pyoxigraph import RdfFormat, Store

    store = Store()
    root = data_dir("ontology")
    for rel in _FILES:
        path = root / rel
        if path.is_file():
            store.load(path=str(path), format=RdfFormat.TURTLE)
    return store


def reference_rows(name: str) -> list[dict[str, str | None]]:
    """Rows of ``queries/<name>`` over :func:`reference_store`."""
    text = (data_dir("queries") / name).read_text(encoding="utf-8")
    sols = reference_store().query(text)  # type: ignore[attr-defined]
    names = [v.value for v in sols.variables]
    return [{n: (s[n].value if s[n] is not None else None) for n in names} for s in sols]


def parse_date(value: str | date | None) -> date | None:
    """A date from ``YYYY-MM-DD`` (or a longer ISO timestamp), None for nothing; RegistryError otherwise."""
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


class TransferLaw:
    """Instruments and EU/EEA memberships with their dates: what explains a status (:func:`transfer_status`)."""

    def __init__(self, instruments: Iterable[Instrument], memberships: Iterable[Membership]) -> None:
        self.instruments = tuple(sorted(instruments, key=lambda i: (i.kind, i.country, i.adopted or date.min, i.iri)))
        self.memberships = tuple(memberships)

    @classmethod
    @cache
    def default(cls) -> "TransferLaw":
        """From the ontology files (loaded once per process)."""
        return cls.from_rows(reference_rows("legal_instruments.rq"), reference_rows("legal_memberships.rq"))

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
            mechanism=r.get("mechanism"), adopted=parse_date(r.get("adoptedOn")), valid_until=parse_date(r.get("validUntil")),
            invalidated=parse_date(r.get("invalidatedOn")),
            requires_certification=(r.get("requiresCertification") or "").lower() in ("true", "1"),
            status=r.get("status"), reference=r.get("reference") or "") for r in instruments]
        mem = [Membership(r["code"] or "", r["union"] or "", parse_date(r.get("since")), parse_date(r.get("until")))
               for r in memberships]
        return cls(ins, mem)

    # ------------------------------------------------------------------ queries
    def in_eea(self, country: str, on: str | date) -> bool:
        """Whether ``country`` is an EU or EEA member on the date."""
        d = parse_date(on)
        assert d is not None
        return any(m.code == country.upper() and m.active(d) for m in self.memberships)

    def adequacy(self, country: str, on: str | date) -> list[Instrument]:
        """Adequacy decisions for ``country`` in force on the date."""
        d = parse_date(on)
        assert d is not None
        return [i for i in self.instruments if i.kind == "adequacy" and i.country == country.upper() and i.in_force(d)]

    def instrument(self, mechanism: str, country: str, on: date) -> Instrument | None:
        """The instrument that implements ``mechanism`` for ``country`` (an ISO code): the one in force on
        ``on``, else the latest adopted; country-specific ones first."""
        found = [i for i in self.instruments if i.mechanism == mechanism and i.country in (country.upper(), "")]
        found.sort(key=lambda i: (not i.in_force(on), i.country == "", -(i.adopted or date.min).toordinal()))
        return found[0] if found else None


@cache
def mechanism_labels() -> dict[str, str]:
    """English label of each mechanism notation (``queries/report_mechanisms.rq``, as the report shows them)."""
    return {r["mechanism"] or "": r["label"] or r["mechanism"] or "" for r in reference_rows("report_mechanisms.rq")}
