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
from .instruments import Instrument, TransferLaw, mechanism_labels, parse_date, reference_rows
from .resources import data_dir
from .vocab import SKOS, VG

__all__ = ["HopLaw", "Instrument", "LegalStatus", "TransferLaw", "recipient_labels", "status_iri", "status_labels",
           "status_rank", "statuses", "transfer_status"]

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


@cache
def statuses() -> tuple[str, ...]:
    """Legal statuses best first (skos:notation ordered by vg:rank)."""
    return tuple(n for n, _ in _status_concepts())


@cache
def _status_iris() -> dict[str, str]:
    """Status notation -> concept IRI (asked for every transfer path: built once)."""
    return dict(_status_concepts())


def status_iri(status: str) -> str:
    """The concept IRI of a status notation (``covered`` -> ``.../law/status-covered``)."""
    return _status_iris()[status]


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
    ranks = _status_ranks()
    return ranks.get(status, len(ranks))


@cache
def _status_ranks() -> dict[str, int]:
    """Status notation -> its first position in :func:`statuses` (``status_rank`` is asked many times per path)."""
    ranks: dict[str, int] = {}
    for i, n in enumerate(statuses()):
        ranks.setdefault(n, i)
    return ranks


@dataclass(frozen=True)
class HopLaw:
    """The status of one hop into a country: without a date as ingest writes the transfer paths, or at a date.

    Each stated mechanism gives a status from its DPV concept: Art. 45 ``covered`` where an adequacy decision
    for the country holds (``uncertified`` where it covers only certified recipients and the recipient has
    none on record; ``missing`` where no decision holds); Art. 46 ``safeguarded``; Art. 49 ``derogation``;
    an invalidated mechanism ``invalid``. An adequacy decision that holds covers the hop even when the
    policy does not state it (Art. 45(1): no further authorisation; the policy's silence is a transparency
    gap under Art. 13(1)(f), which the risk query ``missing-mechanism`` reports). The best status wins;
    nothing stated and nothing adequate is ``missing``. Without a date a decision holds unless annulled; at a
    date it holds from adoption to its last valid day, and a mechanism invalidated later was still in force.
    Data: ``queries/internal/hop_law.rq`` and ``legal_instruments.rq`` over the reference files.

    >>> law = HopLaw.default()
    >>> law.status("https://w3id.org/dpv/loc#US", ["adequacy"], certified=False)
    'uncertified'
    >>> law.status("https://w3id.org/dpv/loc#US", ["adequacy", "scc"], certified=False)
    'safeguarded'
    >>> law.status("https://w3id.org/dpv/loc#US", ["privacy_shield"], certified=False)
    'invalid'
    >>> law.status("https://w3id.org/dpv/loc#US", ["privacy_shield"], certified=True)  # the DPF covers it
    'covered'
    >>> law.status("https://w3id.org/dpv/loc#CH", [], certified=False)
    'covered'
    >>> law.status("https://w3id.org/dpv/loc#KR", [], certified=False, on="2020-01-01")
    'missing'
    """

    concepts: Mapping[str, tuple[str, ...]]  # mechanism notation -> DPV concept IRIs
    invalidated: frozenset[str]  # mechanism notations invalidated
    invalidated_on: Mapping[str, date] = field(default_factory=dict)  # mechanism notation -> date invalidated
    decisions: Mapping[str, tuple["Instrument", ...]] = field(default_factory=dict)  # country IRI -> decisions

    @classmethod
    @cache
    def default(cls) -> "HopLaw":
        concepts: dict[str, set[str]] = {}
        invalid: set[str] = set()
        since: dict[str, date | None] = {}
        for r in reference_rows("internal/hop_law.rq"):
            concepts.setdefault(r["mechanism"], set()).update([r["law"]] if r["law"] else [])
            if r["invalidatedOn"]:
                invalid.add(r["mechanism"])
                since[r["mechanism"]] = parse_date(r["invalidatedOn"])
        return cls({m: tuple(sorted(c)) for m, c in concepts.items()}, frozenset(invalid),
                   {m: d for m, d in since.items() if d is not None}, _decisions(TransferLaw.default()))

    def holding(self, country: str, on: date | None = None) -> tuple["Instrument", ...]:
        """The adequacy decisions (and bridges) for ``country`` (an IRI) that hold at ``on``; without a date,
        those not annulled."""
        return tuple(i for i in self.decisions.get(country, ()) if (i.invalidated is None if on is None else i.in_force(on)))

    def adequate(self, country: str, certified: bool, on: date | None = None) -> str | None:
        """``covered`` or ``uncertified`` by an adequacy decision for ``country`` (an IRI) that holds
        (at ``on``; without a date: not annulled), or None where none holds."""
        held = self.holding(country, on)
        if not held:
            return None
        return "covered" if any(certified or not i.requires_certification for i in held) else "uncertified"

    def mechanism_status(self, country: str, mechanism: str, certified: bool, on: date | None = None) -> str:
        """The status one stated mechanism gives a hop into ``country`` (at ``on``, or as ingest writes it)."""
        if mechanism in self.invalidated:
            since = self.invalidated_on.get(mechanism)
            return "covered" if on is not None and since is not None and on < since else "invalid"
        law = " ".join(self.concepts.get(mechanism, ()))
        if "#A45" in law:
            if country == VG.UnnamedThirdCountries:  # "only to countries with an adequacy decision"
                return "covered"
            return self.adequate(country, certified, on) or "missing"
        if "#A46" in law or "#SCC" in law:
            return "safeguarded"
        return "derogation" if "#A49" in law else "missing"

    def status(self, country: str, mechanisms: Iterable[str], certified: bool, on: str | date | None = None) -> str:
        """Best status over ``mechanisms`` and an adequacy decision that holds for a hop into ``country``
        (a country IRI); at ``on`` if given, else as ingest writes it."""
        return self.at(country, mechanisms, certified, on)[0]

    def at(self, country: str, mechanisms: Iterable[str], certified: bool,
           on: str | date | None = None) -> tuple[str, str | None]:
        """:meth:`status`, and the invalidated mechanism that decides it because it was still in force at ``on``.

        >>> HopLaw.default().at("https://w3id.org/dpv/loc#US", ["privacy_shield"], False, "2019-06-01")
        ('covered', 'privacy_shield')
        """
        day = parse_date(on)
        stated = tuple(mechanisms)
        found = [self.mechanism_status(country, m, certified, day) for m in stated]
        if self.adequate(country, certified, day) == "covered":
            found.append("covered")
        best = min(found or ["missing"], key=status_rank)
        if day is None or best != "covered":
            return best, None
        revived = [m for m in stated if m in self.invalidated and self.mechanism_status(country, m, certified, day) == "covered"]
        if revived and self.status(country, [m for m in stated if m not in revived], certified, day) != "covered":
            return best, sorted(revived)[0]
        return best, None

    def on_date(self, status: str, mechanisms: Iterable[str], on: str | date, country: str) -> tuple[str, str | None]:
        """The status on ``on`` of a hop into ``country`` (ISO code or IRI) written as ``status`` (at ingest,
        with certification applied), and the invalidated mechanism that decides it (:meth:`at`).

        The recipient counts as certified where certification is what makes ``status`` better than the
        uncertified status. The report and :func:`transfer_status` both apply this.

        >>> HopLaw.default().on_date("invalid", ["privacy_shield"], "2019-06-01", "US")
        ('covered', 'privacy_shield')
        >>> HopLaw.default().on_date("covered", [], "2021-03-01", "KR")
        ('missing', None)
        """
        from .vocab import country as country_iri

        day = parse_date(on)
        if day is None:
            raise RegistryError("a date is needed (YYYY-MM-DD)")
        where = country if ":" in country else country_iri(country)
        stated = tuple(mechanisms)
        certified = status != self.status(where, stated, False) and status == self.status(where, stated, True)
        return self.at(where, stated, certified, day)


def _decisions(catalogue: "TransferLaw") -> dict[str, tuple["Instrument", ...]]:
    """Country IRI -> its adequacy decisions (annulled ones too: they held until annulled, e.g. the Privacy
    Shield in 2019) and the bridges that count as one (``vg:yieldsStatus`` covered)."""
    from .vocab import country

    found: dict[str, list[Instrument]] = {}
    for i in catalogue.instruments:
        if len(i.country) == 2 and (i.kind == "adequacy" or (i.kind == "bridge" and i.status == "covered")):
            found.setdefault(country(i.country), []).append(i)
    return {c: tuple(v) for c, v in found.items()}


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


def transfer_status(country: str, mechanisms: Iterable[str] = (), on: str | date | None = None,
                    dpf_certified: bool | None = None) -> LegalStatus:
    """Legal status of a transfer to ``country`` (ISO code, or ``third_countries``) relying on the stated
    ``mechanisms`` at ``on`` (default: today), by the one rule: :class:`HopLaw` as ingest writes it on a
    transfer path, at the date as the report applies it (:meth:`HopLaw.on_date`); ``not_required`` in the
    EU/EEA. ``dpf_certified``: whether the recipient is certified where the decision requires it (None:
    unknown, which does not count as certified). An adequacy decision in force covers the transfer even
    where the policy states no mechanism (the notes say so). Instruments and notes only explain the status.

    >>> transfer_status("US", ["adequacy"], "2024-06-01", dpf_certified=False).status
    'uncertified'
    >>> transfer_status("CH", [], "2024-06-01").reason
    'Adequacy decision for Switzerland (not stated in the policy): covered by an adequacy decision'
    """
    from .vocab import country as country_iri

    day = parse_date(on) or date.today()
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
    status, revived = law.at(where, stated, certified, day)
    decisive, implicit = _decisive(law, where, stated, certified, day, status, revived)
    notes = _notes(law, code, stated, dpf_certified, day, revived, implicit)
    held = [i for i in law.holding(where, day) if certified or not i.requires_certification]
    if decisive == "adequacy" and status == "covered" and held:
        inst: Instrument | None = held[0]  # the decision that holds, a bridge included
    else:
        inst = catalogue.instrument(decisive, code, day) if decisive and status != "missing" else None
    labels, label = mechanism_labels(), status_labels().get(status, status)
    if implicit:
        reason = f"{inst.label if inst else 'an adequacy decision'} (not stated in the policy): {label}"
    elif decisive and status != "missing":
        reason = f"{inst.label if inst and decisive == 'adequacy' else labels.get(decisive, decisive)}: {label}"
    else:
        reason = f"{label} ({', '.join(stated)})" if stated else f"{label}: no mechanism stated"
    return LegalStatus(status, code, day, inst.iri if inst else None, inst.reference if inst else "", reason,
                       tuple(notes))


def _decisive(law: HopLaw, where: str, stated: tuple[str, ...], certified: bool, day: date, status: str,
              revived: str | None) -> tuple[str | None, bool]:
    """The mechanism that gives ``status``, and whether it is an adequacy decision the policy does not state."""
    if revived is not None:
        return revived, False
    found = next((m for m in stated if law.mechanism_status(where, m, certified, day) == status), None)
    if found is None and status == "covered":
        return "adequacy", True
    return found, False


def _notes(law: HopLaw, code: str, stated: tuple[str, ...], dpf_certified: bool | None,
           day: date, revived: str | None, implicit: bool) -> list[str]:
    """What explains a status beyond the mechanism that decides it."""
    labels, named = mechanism_labels(), [m for m in stated if m != "none_stated"]
    notes = [f"{labels.get(m, m)} invalid since {law.invalidated_on[m]}" for m in stated
             if m in law.invalidated_on and law.invalidated_on[m] <= day]
    if revived is not None:
        notes.append(f"{labels.get(revived, revived)} still in force on {day} "
                     f"(invalidated {law.invalidated_on[revived]})")
    from .vocab import country as country_iri

    # what holds by the same rule as the status (HopLaw): adequacy decisions and bridges such as the UK's in 2021
    decisions = law.holding(country_iri(code), day) if code != "third_countries" else ()
    if any(d.requires_certification for d in decisions) and ("adequacy" in stated or not named):
        state = {True: "listed", False: "not listed", None: "unknown"}[dpf_certified]
        notes.extend(f"{d.label} covers only certified recipients; certification {state}"
                     for d in decisions if d.requires_certification)
    if "adequacy" in stated and code != "third_countries" and not decisions:
        notes.append(f"adequacy stated, but no adequacy decision for {code} in force on {day} in the reference data")
    if not named and code != "third_countries":
        notes.extend(f"{d.label} in force on {day}, but the policy states no mechanism (Art. 13(1)(f))"
                     for d in decisions)
    if implicit and named:
        notes.append(f"an adequacy decision for {code} holds on {day}, whatever mechanism is stated")
    return notes


@cache
def recipient_labels() -> dict[str, str]:
    """English label of each recipient-category concept IRI (what a path shows as its recipient)."""
    return {r["concept"] or "": r["label"] or "" for r in reference_rows("internal/recipient_labels.rq")}
