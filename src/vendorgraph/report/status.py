"""Legal status of a transfer at a date: not_required, covered, safeguarded, derogation,
uncertified, invalid, missing.

Uses :class:`vendorgraph.legal.TransferLaw` (the transfer law of the reference data) with the
recipient's DPF certification (``report_certified.rq``). If that module or its data is not
available, it falls back to the reference graph directly: each mechanism's base status and
invalidation date (``report_mechanisms.rq``), the adequacy decisions with their dates
(``report_adequacy.rq``) and the certification check of ``flows.rq``. The best mechanism wins.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..legal import status_rank, statuses
from ..queries import run
from ..store import Store
from .collect import Flow, Snapshot



@dataclass(frozen=True)
class Status:
    """A transfer's status at ``as_of`` and a one-line reason."""

    value: str
    note: str

    @property
    def ok(self) -> bool:
        return self.value in ("covered", "safeguarded", "derogation")


@dataclass(frozen=True)
class Decision:
    code: str
    adopted: str
    until: str
    invalidated: str

    def in_force(self, day: str) -> bool:
        return (not self.adopted or self.adopted <= day) and (not self.until or day <= self.until) \
            and (not self.invalidated or day < self.invalidated)


class StatusResolver:
    """Computes :class:`Status` for the flows of one snapshot at one date."""

    def __init__(self, store: Store, snapshot: Snapshot, as_of: str) -> None:
        self.snapshot, self.as_of = snapshot, as_of
        self.decisions: dict[str, list[Decision]] = {}
        for r in run(store, "report-adequacy").dicts():
            d = Decision(r["code"] or "", r["adoptedOn"] or "", r["validUntil"] or "", r["invalidatedOn"] or "")
            self.decisions.setdefault(d.code, []).append(d)
        self.certified = {r["org"] for r in run(store, "report-certified").dicts()}
        self.law = _transfer_law(store)

    def __call__(self, flow: Flow) -> Status:
        if not flow.is_transfer:
            return Status("", "no third-country transfer stated")
        if self.law is not None:
            got = self.law.status(flow.code, flow.mechanisms, self.as_of,
                                  dpf_certified=True if flow.target in self.certified else None)
            if got.status in statuses():
                value = got.status
                if value == "missing" and "adequacy" in flow.mechanisms and flow.target not in self.certified \
                        and any(i.requires_certification for i in self.law.adequacy(flow.code, self.as_of)):
                    value = "uncertified"
                notes = () if value in ("not_required", "covered", "safeguarded", "derogation") else got.notes
                return Status(value, "; ".join((got.reason,) + tuple(notes)))
        best = Status("missing", "no transfer mechanism stated")
        for m in flow.mechanisms:
            st = self._mechanism(flow, m)
            if status_rank(st.value) < status_rank(best.value):
                best = st
        return best

    def _mechanism(self, flow: Flow, notation: str) -> Status:
        mech = self.snapshot.mechanisms.get(notation)
        if mech is None:
            return Status("missing", f"unknown mechanism {notation!r}")
        if mech.invalidated_on:
            if mech.invalidated_on <= self.as_of:
                return Status("invalid", f"{mech.label} invalid since {mech.invalidated_on}")
            return Status("covered", f"{mech.label} still in force on {self.as_of} (invalidated {mech.invalidated_on})")
        if mech.status != "covered":
            return Status(mech.status, mech.label)
        decisions = self.decisions.get(flow.code, [])
        if self.decisions and not any(d.in_force(self.as_of) for d in decisions):
            return Status("missing", f"no adequacy decision for {flow.code} in force on {self.as_of}")
        if flow.status == "uncertified":
            return Status("uncertified", "adequacy needs a DPF-certified recipient; none on record")
        return Status("covered", f"adequacy decision for {flow.code}")


def _transfer_law(store: Store):
    """``vendorgraph.legal.TransferLaw`` over the store's reference graph, or None when unavailable."""
    try:
        from ..legal import TransferLaw
    except ImportError:
        return None
    from ..errors import VendorgraphError

    try:
        return TransferLaw.from_store(store)
    except VendorgraphError:
        return None
