"""Transfer paths, written pre-joined at ingest: one ``vg:TransferPath`` node per way a version's data leaves the EEA.

"Every path by which personal data reaches the USA" over thousands of policies is a portfolio-wide
question. Asked of the flows, it joins a dozen patterns per flow (labels, mechanisms, their legal
status, the hop before) and each join is a B-tree seek on the on-disk store: 27 s at 10,000
policies. Written once per version at ingest, a path is one node whose values are read directly.

A path is keyed by (controller, via, recipient, destination); the transfer flows along it (a sentence
naming SCCs, another adequacy; a stated and a registry-inferred flow) merge: mechanisms are their
union, the status the best (:class:`vendorgraph.legal.HopLaw`), explicit if any is, provenance
``stated`` if any is. The flows stay linked (``vg:pathFlow``) with all their evidence.

The current-path index: a query over the whole portfolio pays per returned row and per joined
pattern (B-tree seeks on disk), so the paths of the *current* versions are also written as
statements a single pattern finds: ``vg:currentlyReaches`` on the path node, and one row literal
per path ("path text | status | mechanisms | document") on the destination (``vg:currentPath``).
When the status depends on the recipient's DPF certification, the uncertified row goes on the
destination (``vg:currentPathIfUncertified``) and both rows on a node per (recipient, country)
(``vg:currentCertifiablePaths``; ``vg:currentPathIfCertified``, ``vg:currentPathIfUncertified``):
a query reads the destination's rows in one index range and swaps the rows of the few certified
recipients, checking certification once per recipient.
When a version stops being current, :func:`vendorgraph.versions.meta_changes` removes these
statements (:data:`CURRENT_INDEX`) from its graph; storing that text again writes them again.
(A crash between bulk loading a new graph and making it current leaves a graph whose paths look
current until the next ingest drops it: ``OxigraphStore.drop_orphan_versions``.)

>>> path_triples([], "https://example.org/v")
[]
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Callable, Iterable, Sequence

from . import ids
from .triples import Builder, Triple
from .vocab import RDF, RDFS, VG

if TYPE_CHECKING:
    from .legal import HopLaw


#: A current-path row literal: "path text | status | mechanisms | document" (``queries/usa_paths.rq``).
ROW_SEPARATOR = " | "
#: Statements that exist only while their version is current.
CURRENT_INDEX = (VG.currentlyReaches, VG.currentPath, VG.currentCertifiablePaths, VG.currentPathIfCertified,
                 VG.currentPathIfUncertified)


@dataclass(frozen=True, slots=True)
class _Flow:
    iri: str
    controller: str
    source: str
    to: str
    destination: str
    mechanisms: tuple[str, ...]
    mechanism_iris: tuple[str, ...]
    categories: tuple[str, ...]
    explicit: bool
    stated: bool
    quote: str


@cache
def _read() -> frozenset[str]:
    """The predicates :func:`path_triples` reads (of a version's ~700 statements, about half)."""
    return frozenset({RDF.type, VG.controller, VG["from"], VG.to, VG.destination, VG.mechanism, VG.dataCategory,
                      VG.explicit, VG.provenance, VG.evidence, VG.quote, RDFS.label, VG.sourceName})


def _index(triples: Iterable[Triple]) -> dict[str, dict[str, list]]:
    """subject -> predicate -> objects, in the order given, for the predicates :func:`path_triples` reads."""
    idx: dict[str, dict[str, list]] = {}
    read = _read()
    for s, p, o, _ in triples:
        if p in read:
            props = idx.get(s)
            if props is None:
                idx[s] = {p: [o]}
            else:
                objs = props.get(p)
                if objs is None:
                    props[p] = [o]
                else:
                    objs.append(o)
    return idx


def _local(iri: str) -> str:
    return iri.rsplit("/", 1)[-1].rsplit("#", 1)[-1]


def _flows(idx: dict[str, dict[str, list]]) -> list[_Flow]:
    out = []
    for s, props in idx.items():
        if VG.Transfer not in props.get(RDF.type, ()) or not props.get(VG.destination):
            continue
        quotes = [idx[ev][VG.quote][0] for ev in props.get(VG.evidence, ()) if idx.get(ev, {}).get(VG.quote)]
        out.append(_Flow(s, props[VG.controller][0], props[VG["from"]][0], props[VG.to][0], props[VG.destination][0],
                         tuple(sorted(_local(m) for m in props.get(VG.mechanism, ()))),
                         tuple(sorted(props.get(VG.mechanism, ()))),
                         tuple(sorted(_local(c) for c in props.get(VG.dataCategory, ()))),
                         "true" in props.get(VG.explicit, ()), VG.Inferred not in props.get(VG.provenance, ()),
                         min(quotes, default="")))
    return out


def _name(idx: dict[str, dict[str, list]], iri: str) -> str:
    from .legal import recipient_labels

    labels = idx.get(iri, {}).get(RDFS.label)
    return min(labels) if labels else recipient_labels().get(iri, _local(iri))


def _code(country: str) -> str:
    return "third_countries" if country == VG.UnnamedThirdCountries else _local(country)


def path_triples(triples: Sequence[Triple], version: str) -> list[Triple]:
    """The ``vg:TransferPath`` statements for a version's statements (its transfer flows), as
    :mod:`vendorgraph.triples` tuples."""
    from .legal import HopLaw, status_iri

    idx = _index(triples)
    flows = _flows(idx)
    if not flows:
        return []
    law, b = HopLaw.default(), Builder(version)
    groups: dict[tuple[str, str, str, str], list[_Flow]] = defaultdict(list)
    for f in flows:
        groups[(f.controller, f.source, f.to, f.destination)].append(f)
    into: dict[str, list[_Flow]] = defaultdict(list)
    for f in flows:
        if f.stated:
            into[f.to].append(f)
    add, lit = b.add, b.lit
    document = min(idx.get(version, {}).get(VG.sourceName, [""]))
    for (ctrl, src, to, dest), fs in sorted(groups.items()):
        node = ids.node_iri("path", version, ctrl, src, to, dest)
        mechs = sorted({m for f in fs for m in f.mechanisms})
        via = src if src != ctrl else None
        names = [_name(idx, ctrl)] + ([_name(idx, via)] if via else []) + [_name(idx, to)]
        text = " -> ".join(names) + f" [{_code(dest)}]"
        add(node, RDF.type, VG.TransferPath)
        add(node, VG.inVersion, version)
        add(node, VG.reaches, dest)
        add(node, VG.currentlyReaches, dest)
        add(node, VG.pathController, ctrl)
        lit(node, VG.pathText, text)
        lit(node, VG.controllerName, names[0])
        lit(node, VG.recipientName, names[-1])
        lit(node, VG.countryCode, _code(dest))
        lit(node, VG.hopCount, len(names) - 1)
        lit(node, VG.mechanismList, ", ".join(mechs))
        plain, best = _status(add, node, law, [(dest, mechs)], to, VG.legalStatus, VG.certifiedStatus,
                              VG.certificationOf)
        for m in sorted({m for f in fs for m in f.mechanism_iris}):
            add(node, VG.pathMechanism, m)
        for st in sorted({law.mechanism_status(dest, m, certified=False) for m in mechs} or {"missing"}):
            add(node, VG.mechanismStatus, status_iri(st))
        _current_rows(b, dest, to, [ROW_SEPARATOR.join([text, st, ", ".join(mechs), document]) for st in (plain, best)])
        lit(node, VG.categoryList, ", ".join(sorted({c for f in fs for c in f.categories})))
        lit(node, VG.explicit, any(f.explicit for f in fs))
        add(node, VG.provenance, VG.Stated if any(f.stated for f in fs) else VG.Inferred)
        lit(node, VG.pathQuote, min(f.quote for f in fs))
        for f in fs:
            add(node, VG.pathFlow, f.iri)
        if via:
            lit(node, VG.viaName, names[1])
            ins = into.get(via, [])
            if ins:
                lit(node, VG.viaMechanismList, ", ".join(sorted({m for f in ins for m in f.mechanisms})))
                _status(add, node, law, [(f.destination, f.mechanisms) for f in ins], via,
                        VG.viaLegalStatus, VG.viaCertifiedStatus, VG.viaCertificationOf)
    return b.triples


def _current_rows(b: Builder, dest: str, to: str, rows: Sequence[str]) -> None:
    """The current-path index row of a path: on the country, or, when the status depends on the recipient's
    certification (``rows``: uncertified, certified differ), the uncertified row on the country too and both
    rows on the (recipient, country) node."""
    plain, certified = rows
    if plain == certified:
        b.lit(dest, VG.currentPath, plain)
        return
    pair = ids.node_iri("certifiable", to, dest)  # one per (recipient, country), shared by every version
    b.lit(dest, VG.currentPathIfUncertified, plain)
    b.add(dest, VG.currentCertifiablePaths, pair)
    b.add(pair, VG.certifiableRecipient, to)
    b.lit(pair, VG.currentPathIfUncertified, plain)
    b.lit(pair, VG.currentPathIfCertified, certified)


def _status(add: Callable[[str, str, str], None], node: str, law: "HopLaw", hops: Sequence[tuple[str, Sequence[str]]],
            recipient: str, prop: str, certified_prop: str, of_prop: str) -> tuple[str, str]:
    """The best status over ``hops`` if ``recipient`` is not certified; where certification would make it
    better (the DPF), also that status and whom it depends on: queries read certification from the store's
    reference graph, so a newer certification list applies without ingesting again."""
    from .legal import status_iri, status_rank

    plain = min((law.status(c, m, certified=False) for c, m in hops), key=status_rank)
    best = min((law.status(c, m, certified=True) for c, m in hops), key=status_rank)
    add(node, prop, status_iri(plain))
    if best != plain:
        add(node, certified_prop, status_iri(best))
        add(node, of_prop, recipient)
    return plain, best
