"""The vendor-risk report: per vendor and per controller, what data goes where, under which
mechanism, its legal status at the report date, and the findings of the risk rules.

>>> from vendorgraph.store import open_store
>>> build_report(open_store(None), as_of="2025-01-01").findings
()
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from ..errors import VendorgraphError
from ..store import Store
from .collect import Flow, Snapshot, collect
from .risk import SEVERITIES, Finding, load_rules, run_rules
from .status import StatusResolver

FORMATS = ("html", "pdf", "csv", "json")
PROGRESS_MIN = 50  # sections before a progress bar is worth showing


class ReportError(VendorgraphError):
    """A report cannot be produced (bad date, unknown format, missing optional library)."""


@dataclass(frozen=True)
class FlowLine:
    """One flow as a section of the report shows it."""

    direction: str  # "receives", "passes on" or "sends"
    controller: str
    source: str
    recipient: str
    roles: str
    categories: str
    country: str
    mechanisms: str
    status: str
    status_note: str
    quote: str
    document: str


@dataclass(frozen=True)
class Section:
    """A vendor or a controller with its flows and findings."""

    kind: str
    iri: str
    name: str
    countries: str
    roles: str
    lines: tuple[FlowLine, ...]
    findings: tuple[Finding, ...]

    @property
    def worst(self) -> str:
        return min((f.severity for f in self.findings), key=SEVERITIES.index, default="")


@dataclass(frozen=True)
class VendorReport:
    as_of: str
    documents: tuple[str, ...]
    controllers: tuple[Section, ...]
    vendors: tuple[Section, ...]
    findings: tuple[Finding, ...]
    chart: tuple[tuple[str, str, int], ...]  # (country, mechanism, transfers)

    def severity_counts(self) -> dict[str, int]:
        return {s: sum(1 for f in self.findings if f.severity == s) for s in SEVERITIES}


def check_date(value: str | None) -> str:
    """``YYYY-MM-DD`` (default: today, UTC) or :class:`ReportError`."""
    if value is None:
        return _dt.datetime.now(_dt.timezone.utc).date().isoformat()
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        raise ReportError(f"--as-of {value!r}: expected a date as YYYY-MM-DD")
    try:
        _dt.date.fromisoformat(value)
    except ValueError as e:
        raise ReportError(f"--as-of {value!r}: {e}") from e
    return value


def build_report(store: Store, as_of: str | None = None, extra_rules: Iterable[str | Path] = (),
                 progress: bool = False) -> VendorReport:
    """Collect flows, run the risk rules and group everything per controller and vendor."""
    from tqdm import tqdm

    day = check_date(as_of)
    snap = collect(store)
    findings = tuple(run_rules(store, day, load_rules(extra_rules), progress=progress))
    status = StatusResolver(store, snap, day)
    lines = {f.iri: _line(f, status) for f in snap.flows}

    controllers = sorted({(f.controller, f.controller_name) for f in snap.flows}, key=lambda c: c[1].lower())
    vendors = sorted({(f.target, f.target_name) for f in snap.flows if f.target_kind == "organisation"},
                     key=lambda v: v[1].lower())
    todo = [("controller", c) for c in controllers] + [("vendor", v) for v in vendors]
    sections: dict[str, list[Section]] = {"controller": [], "vendor": []}
    for kind, (iri, name) in tqdm(todo, desc="report sections", unit="section", leave=False,
                                  disable=not progress or len(todo) < PROGRESS_MIN):
        sections[kind].append(_section(kind, iri, name, snap, lines, findings))
    return VendorReport(day, snap.documents, tuple(sections["controller"]), tuple(sections["vendor"]),
                        findings, _chart(snap))


def _line(f: Flow, status: StatusResolver, direction: str = "") -> FlowLine:
    st = status(f)
    q = f.quotes[0] if f.quotes else None
    return FlowLine(direction, f.controller_name, f.source_name, f.target_name, ", ".join(f.roles),
                    ", ".join(f.categories), f.code, ", ".join(f.mechanisms), st.value, st.note,
                    q.text if q else "", q.document if q else f.document)


def _section(kind: str, iri: str, name: str, snap: Snapshot, lines: dict[str, FlowLine],
             findings: tuple[Finding, ...]) -> Section:
    from dataclasses import replace

    if kind == "controller":
        rows = [replace(lines[f.iri], direction="sends") for f in snap.flows if f.controller == iri]
        mine = tuple(x for x in findings if x.controller == iri)
        countries, roles = "", "controller"
    else:
        rows = [replace(lines[f.iri], direction="receives") for f in snap.flows if f.target == iri]
        rows += [replace(lines[f.iri], direction="passes on") for f in snap.flows if f.source == iri]
        mine = tuple(x for x in findings if x.party == iri)
        p = snap.parties.get(iri)
        countries = ", ".join(p.countries) if p else ""
        roles = ", ".join(p.roles) if p else ""
    return Section(kind, iri, name, countries, roles, tuple(rows), mine)


def _chart(snap: Snapshot) -> tuple[tuple[str, str, int], ...]:
    counts: dict[tuple[str, str], int] = {}
    for f in snap.flows:
        if f.is_transfer:
            for m in f.mechanisms or ("none_stated",):
                counts[(f.code, m)] = counts.get((f.code, m), 0) + 1
    return tuple((c, m, n) for (c, m), n in sorted(counts.items()))


def write_report(store: Store, out: str | Path, fmt: str | None = None, as_of: str | None = None,
                 extra_rules: Iterable[str | Path] = (), progress: bool = False) -> Path:
    """Build the report and write it as HTML, PDF, CSV or JSON (format from ``fmt`` or the extension)."""
    from . import render

    path = Path(out)
    kind = (fmt or path.suffix.lstrip(".")).lower()
    if kind == "htm":
        kind = "html"
    if kind not in FORMATS:
        raise ReportError(f"{path.name}: unknown report format {kind or '(none)'!r}; use {', '.join(FORMATS)}")
    report = build_report(store, as_of, extra_rules, progress)
    return render.write(report, path, kind)
