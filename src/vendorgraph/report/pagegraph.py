"""Nodes and edges of the graph page, from the same snapshot and findings as the report.

Each node and edge is a plain dict: vis-network attributes (``id``, ``label``, ``shape``,
``color``, ...) plus ``vg``, the facts and evidence quotes the page shows and filters on.
"""

from __future__ import annotations

from typing import Any, Iterable

from ..errors import QueryError
from ..store import ResultTable
from ..transfer_paths import ROW_SEPARATOR
from .collect import MISSING, Flow, Quote, Snapshot, _split
from .render import palette
from .risk import SEVERITIES, Finding

ROLE_PRIORITY = ("joint_controller", "controller", "processor", "sub_processor", "recipient")
MAX_QUOTES = 12


def _worst(levels: Iterable[str]) -> str:
    return min((lv for lv in levels if lv), key=SEVERITIES.index, default="")


def _node(nid: str, label: str, kind: str, role: str, facts: list, quotes: Iterable[Quote], risk: str = "",
          **vg: Any) -> dict:
    pal = palette()
    fill = pal["roles"].get(role, pal["roles"]["recipient"])[0]
    border = pal["severity"].get(risk or "none")
    search = " ".join([label] + list(vg.get("aliases", ())) + list(vg.get("services", ()))).lower()
    return {"id": nid, "label": label + (" ⚠" if risk == "high" else ""), "kind": kind,
            "shape": pal["shapes"][kind], "size": 14 if kind in ("vendor", "category") else 18,
            "borderWidth": 4 if risk else 1,
            "color": {"background": fill, "border": border, "highlight": {"background": fill, "border": "#000"}},
            "vg": {"kind": kind, "role": role, "risk": risk, "facts": facts, "search": search,
                   "quotes": [{"text": q.text, "document": q.document} for q in list(quotes)[:MAX_QUOTES]], **vg}}


def _unique(quotes: list[Quote]) -> list[Quote]:
    seen: set[tuple[str, str]] = set()
    return [q for q in quotes if not ((q.text, q.document) in seen or seen.add((q.text, q.document)))]


class _Edges:
    """Merges flows that share (from, to) into one drawn edge."""

    def __init__(self) -> None:
        self.acc: dict[tuple[str, str, str], dict[str, Any]] = {}

    def add(self, a: str, b: str, kind: str, flow: Flow | None, **extra: Any) -> dict[str, Any]:
        e = self.acc.setdefault((a, b, kind), {"from": a, "to": b, "kind": kind, "flows": [], "mechanisms": set(),
                                               "categories": set(), "roles": set(), "countries": set(),
                                               "paths": set(), "quotes": [], "documents": set(), "risks": [],
                                               "titles": []})
        if flow is not None:
            e["flows"].append(flow.iri)
            e["mechanisms"].update(flow.mechanisms or ((MISSING,) if flow.is_transfer else ()))
            e["categories"].update(flow.categories)
            e["roles"].update(flow.roles)
            e["documents"].add(flow.document)
            if flow.code:
                e["countries"].add(flow.code)
            e["quotes"] = _unique(e["quotes"] + list(flow.quotes))
        for k, v in extra.items():
            e[k].update(v) if isinstance(e[k], set) else e[k].extend(v)
        return e


def _edge_dicts(edges: _Edges, bad: set[str]) -> list[dict]:
    pal = palette()
    out = []
    for i, e in enumerate(sorted(edges.acc.values(), key=lambda e: (e["from"], e["to"], e["kind"]))):
        mechs = sorted(e["mechanisms"])
        is_bad = any(m in bad for m in mechs)
        risk = _worst(e["risks"]) or ("high" if is_bad else "")
        transfer = e["kind"] == "transfer"
        colour = pal["edges"]["bad_mechanism"] if is_bad else pal["edges"][e["kind"]]
        label = ", ".join(mechs) if transfer else ", ".join(sorted(e["categories"]))
        facts = [["Flow", e["kind"]], ["Data categories", ", ".join(sorted(e["categories"])) or "not stated"],
                 ["Mechanisms", ", ".join(mechs) or "—"], ["Countries", ", ".join(sorted(e["countries"])) or "—"],
                 ["Recipient roles", ", ".join(sorted(e["roles"])) or "—"],
                 ["Policies", ", ".join(sorted(e["documents"])) or "—"]]
        facts += [["Finding", t] for t in sorted(set(e.get("titles", ())))]
        out.append({"id": f"e{i}", "from": e["from"], "to": e["to"], "kind": e["kind"], "label": label,
                    "color": {"color": colour, "highlight": colour, "hover": colour}, "dashes": e["kind"] == "entity",
                    "width": 4 if is_bad else (3 if transfer else 1.5),
                    "vg": {"kind": e["kind"], "mechanisms": mechs, "categories": sorted(e["categories"]),
                           "roles": sorted(e["roles"]), "countries": sorted(e["countries"]),
                           "paths": sorted(e["paths"]), "risk": risk, "bad": is_bad, "facts": facts,
                           "quotes": [{"text": q.text, "document": q.document} for q in e["quotes"][:MAX_QUOTES]]}})
    return out


def build_graph(snap: Snapshot, findings: Iterable[Finding], bad_mechanisms: set[str]) -> dict[str, Any]:
    """Page graph of every current flow, with risk from ``findings``; ``bad_mechanisms`` are drawn red."""
    findings = list(findings)
    bad = set(bad_mechanisms) | {MISSING}
    by_flow: dict[str, list[Finding]] = {}
    by_party: dict[str, list[Finding]] = {}
    for f in findings:
        by_flow.setdefault(f.flow, []).append(f)
        by_party.setdefault(f.party, []).append(f)
        by_party.setdefault(f.controller, []).append(f)
    controllers = {f.controller for f in snap.flows}
    into: dict[str, list[Flow]] = {}
    docs_of: dict[str, set[str]] = {}
    for f in snap.flows:
        into.setdefault(f.target, []).append(f)
        docs_of.setdefault(f.controller, set()).add(f.document)
    nodes: dict[str, dict] = {}
    edges = _Edges()

    def risk_of(iri: str) -> tuple[str, list]:
        fs = by_party.get(iri, [])
        return _worst(f.severity for f in fs), [["Finding", f"{f.severity}: {f.title} ({f.article})"]
                                                  for f in sorted(set(fs), key=lambda f: (f.rank, f.title))]

    def org(iri: str, name: str, flow_roles: tuple[str, ...]) -> str:
        if iri in nodes:
            return iri
        p = snap.parties.get(iri)
        risk, extra = risk_of(iri)
        if iri in controllers:
            facts = [["Kind", "controller"], ["Policies", ", ".join(sorted(docs_of.get(iri, ())))]]
            nodes[iri] = _node(iri, name, "controller", "controller", facts + extra, (), risk,
                               roles=["controller"], countries=[])
            return iri
        roles = tuple(sorted(set(p.roles if p else ()) | set(flow_roles)))
        role = next((r for r in ROLE_PRIORITY if r in roles), "recipient")
        role = "independent_controller" if role == "controller" else role
        facts = [["Kind", "vendor"], ["Roles", ", ".join(roles) or "not stated"],
                 ["Countries", ", ".join(p.countries) if p and p.countries else "not stated"],
                 ["Named by", ", ".join(p.controllers) if p else "—"]]
        if p and p.aliases:
            facts.append(["Legal entities", "; ".join(p.aliases)])
        if p and p.services:
            facts.append(["Services", "; ".join(p.services)])
        quotes = _unique(list(p.quotes if p else ()) + [q for f in into.get(iri, ()) for q in f.quotes])
        nodes[iri] = _node(iri, name, "vendor", role, facts + extra, quotes, risk, roles=list(roles),
                           countries=list(p.countries) if p else [], aliases=list(p.aliases) if p else [],
                           services=list(p.services) if p else [])
        for i, alias in enumerate(p.aliases if p else ()):
            eid = f"{iri}|entity|{alias}"
            nodes[eid] = dict(_node(eid, alias, "entity", "entity", [["Legal entity of", name]], (), parent=iri),
                              parent=iri, index=i)
            edges.add(iri, eid, "entity", None)
        return iri

    for f in snap.flows:
        src = org(f.source, f.source_name, ())
        if f.target_kind == "category":
            dst = f"{f.controller}|{f.target}"
            if dst not in nodes:
                nodes[dst] = _node(dst, f.target_name, "category", "category",
                                   [["Kind", "recipient category"], ["Controller", f.controller_name]], [], "",
                                   roles=[], countries=[])
        else:
            dst = org(f.target, f.target_name, f.roles)
        risks = [x.severity for x in by_flow.get(f.iri, [])]
        titles = [f"{x.severity}: {x.title}" for x in by_flow.get(f.iri, [])]
        edges.add(src, dst, "flow", f, risks=risks, titles=titles)
        if f.is_transfer:
            cid = f"country:{f.code}"
            if cid not in nodes:
                nodes[cid] = _node(cid, f.code, "country", "third_country", [["Kind", "destination (third country)"]],
                                   [], "", roles=[], countries=[f.code])
            edges.add(dst, cid, "transfer", f, risks=risks, titles=titles)
    _mark_paths(snap, edges)
    return {"nodes": list(nodes.values()), "edges": _edge_dicts(edges, bad), "meta": _meta(nodes, edges)}


def _mark_paths(snap: Snapshot, edges: _Edges) -> None:
    """Tag every edge with the countries it leads to (the page's "only paths to" filter)."""
    into: dict[tuple[str, str], list[Flow]] = {}
    for f in snap.flows:
        into.setdefault((f.controller, f.target), []).append(f)
    for f in snap.flows:
        if not f.is_transfer:
            continue
        stack, seen = [f], set()
        while stack:
            g = stack.pop()
            if g.iri in seen:
                continue
            seen.add(g.iri)
            dst = f"{g.controller}|{g.target}" if g.target_kind == "category" else g.target
            keys = [(g.source, dst, "flow")] + ([(dst, f"country:{f.code}", "transfer")] if g is f else [])
            for key in keys:
                if key in edges.acc:
                    edges.acc[key]["paths"].add(f.code)
            if g.source != g.controller:
                stack.extend(into.get((g.controller, g.source), []))


def _meta(nodes: dict[str, dict], edges: _Edges) -> dict[str, Any]:
    def values(key: str, source: Iterable[dict]) -> list[str]:
        return sorted({v for x in source for v in x[key]})

    es = list(edges.acc.values())
    return {"countries": sorted({c for e in es for c in e["countries"]} |
                                {c for n in nodes.values() for c in n["vg"].get("countries", [])}),
            "roles": values("roles", es), "mechanisms": values("mechanisms", es),
            "categories": values("categories", es), "paths": sorted({c for e in es for c in e["paths"]}),
            "risks": list(SEVERITIES), "palette": palette()}


def graph_from_table(table: ResultTable, name: str, bad_mechanisms: set[str] = frozenset()) -> dict[str, Any]:
    """Page graph of a query answer: rows with ``controller`` and ``recipient`` (or a ``path``
    ``A -> B -> C [XX]``), optionally ``via``, ``code``, ``mechanisms``, ``categories``, ``quote``, ``document``.
    A ``path`` alone may be a row of ``usa-paths`` (``A -> B [XX] | status | mechanisms | document``)."""
    cols = set(table.columns)
    if not ("path" in cols or {"controller", "recipient"} <= cols):
        raise QueryError(f"query {name!r} cannot be drawn: it needs the columns controller and recipient (or path); "
                         f"it has {', '.join(table.columns)}")
    snap_flows = []
    for i, r in enumerate(_path_rows(table.dicts())):
        hops = [h.strip() for h in (r.get("path") or "").split(" [")[0].split(" -> ") if h.strip()]
        if len(hops) < 2:
            hops = [r["controller"] or ""] + ([r["via"]] if r.get("via") else []) + [r.get("recipient") or ""]
        q = (Quote(r["quote"], r.get("document") or ""),) if r.get("quote") else ()
        for j in range(len(hops) - 1):
            last = j == len(hops) - 2
            snap_flows.append(Flow(
                iri=f"row{i}/{j}", controller="label:" + hops[0], controller_name=hops[0],
                source="label:" + hops[j], source_name=hops[j], target="label:" + hops[j + 1],
                target_name=hops[j + 1], target_kind="organisation", roles=(),
                code=(r.get("code") or "") if last else "", mechanisms=_split(r.get("mechanisms")) if last else (),
                categories=_split(r.get("categories")), explicit=True, document=r.get("document") or "",
                quotes=q if last else ()))
    unique = {f.iri: f for f in snap_flows}
    snap = Snapshot(tuple(unique.values()))
    graph = build_graph(snap, [], set(bad_mechanisms))
    graph["meta"]["query"] = name
    return graph


def _path_rows(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Rows whose ``path`` is a ``usa-paths`` row (``A -> B [XX] | status | mechanisms | document``) with the
    missing columns filled in from it; other rows as they are."""
    out = []
    for r in rows:
        parts = (r.get("path") or "").split(ROW_SEPARATOR)
        if len(parts) == 4 and "controller" not in r:
            text, _status, mechs, document = parts
            code = text.rsplit(" [", 1)[1].rstrip("]") if " [" in text else ""
            r = dict(r, path=text, controller=text.split(" -> ")[0], code=r.get("code") or code,
                     mechanisms=r.get("mechanisms") or mechs, document=r.get("document") or document)
        out.append(r)
    return out
