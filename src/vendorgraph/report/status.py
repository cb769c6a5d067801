"""Legal status of a transfer at the report date: covered, safeguarded, derogation, uncertified,
invalid, missing (empty for a flow that is not a third-country transfer).

One rule decides the status everywhere: the status of the transfer path the flow belongs to, as
``flows.rq`` reads it from the ``vg:TransferPath`` node ingest writes (:class:`vendorgraph.legal.HopLaw`:
the best of the mechanisms stated along the path) with the recipient's DPF certification read from
the store now. usa-paths, path-details, transfer-problems, the graph page and this report show the
same status.

That status holds for the instruments in force today. At the report date the rule is applied again
(:meth:`vendorgraph.legal.HopLaw.on_date`, which ``vendorgraph transfer-status`` applies too): an
adequacy decision covers a transfer only from its adoption to its last valid day, and a mechanism
invalidated after the report date was still in force on it (the EU-US Privacy Shield before 16 July
2020) and counts as covered, if nothing better covers the transfer. An adequacy decision covers a
transfer even where the policy states no mechanism; the note says so.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..legal import HopLaw, status_labels
from ..vocab import country
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


class StatusResolver:
    """The :class:`Status` of the flows of one snapshot at one date."""

    def __init__(self, store: Store, snapshot: Snapshot, as_of: str) -> None:
        self.snapshot, self.as_of = snapshot, as_of

    def __call__(self, flow: Flow) -> Status:
        if not flow.is_transfer:
            return Status("", "no third-country transfer stated")
        law = HopLaw.default()
        named = [m for m in flow.mechanisms if m != "none_stated"]
        value, revived = law.on_date(flow.status or "missing", flow.mechanisms, self.as_of, flow.code)
        if revived is not None:
            mech = self.snapshot.mechanisms.get(revived)
            return Status(value, f"{mech.label if mech else revived} still in force on {self.as_of} "
                                 f"(invalidated {law.invalidated_on[revived]})")
        note = status_labels().get(value, value)
        if value == "invalid":
            gone = [self.snapshot.mechanisms[m] for m in named
                    if m in self.snapshot.mechanisms and self.snapshot.mechanisms[m].invalidated_on]
            return Status(value, "; ".join(f"{x.label} invalid since {x.invalidated_on}" for x in gone) or note)
        if value == "covered" and not any(law.mechanism_status(country(flow.code), m, True, None) == "covered" for m in named):
            return Status(value, f"{note} (the policy states no mechanism)")
        return Status(value, note + (f" ({', '.join(named)})" if named and value != "missing" else ""))
