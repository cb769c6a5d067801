"""Graph analysis with networkx, built from the rows of ``queries/flows.rq`` (never from raw triples).

The flow graph is a ``networkx.MultiDiGraph``: one node per organisation or recipient category
(key: IRI; attributes ``name``, ``kind``), one edge per flow (key: flow IRI) from the party that
passes data on to the recipient, with the hop attributes ``controller``, ``document``, ``code``
(destination, "" when not a transfer), ``mechanisms``, ``status``, ``categories``, ``roles``,
``quote``. A path to a country is a chain of one controller's flows within one policy version,
starting at the controller, whose last hop has that destination.

>>> G = flow_graph([])
>>> G.number_of_nodes(), paths_to(G, "US")
(0, [])
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any, Iterable, Mapping

import networkx as nx

from .queries import run
from .store import ResultTable, Store


@dataclass(frozen=True)
class Hop:
    """One flow of a path: ``source`` passes data to ``target`` (IRIs; names beside them)."""

    source: str
    source_name: str
    target: str
    target_name: str
    code: str
    mechanisms: tuple[str, ...]
    status: str
    categories: tuple[str, ...]
    flow: str
    implied: bool = False


@dataclass(frozen=True)
class Path:
    """A chain of hops from a controller to a recipient in ``code``, as one policy version states it."""

    controller: str
    controller_name: str
    document: str
    hops: tuple[Hop, ...]

    @property
    def last(self) -> Hop:
        return self.hops[-1]

    @property
    def via(self) -> str | None:
        """Name of the party that passes the data to the last recipient, if not the controller."""
        return None if self.last.source == self.controller else self.last.source_name

    @property
    def text(self) -> str:
        names = [self.controller_name] + [h.target_name for h in self.hops]
        return " -> ".join(names) + f" [{self.last.code}]"

    def key(self) -> tuple[str, str, str | None, str, frozenset[str]]:
        """(controller, recipient, via, country, mechanisms): what usa-paths rows are compared on."""
        return (self.controller_name, self.last.target_name, self.via, self.last.code, frozenset(self.last.mechanisms))


def _split(value: str | None) -> tuple[str, ...]:
    return tuple(sorted(v for v in (value or "").split(", ") if v))


PATH_COLUMNS = ("controller", "path", "hops", "recipient", "via", "code", "mechanisms", "status",
                "hopStatus", "categories", "document")


def paths_table(paths: Iterable[Path]) -> ResultTable:
    """Paths as a table like ``usa-paths``; ``hopStatus`` gives each hop's legal status (``-``: not a transfer).

    >>> paths_table([]).columns[:3]
    ('controller', 'path', 'hops')
    """
    rows = []
    for p in sorted(paths, key=lambda p: (p.controller_name, p.text, p.document)):
        hop_status = "; ".join(f"{h.target_name}: {'implied' if h.implied else (h.status or '-')}" for h in p.hops)
        rows.append((p.controller_name, p.text, str(len(p.hops)), p.last.target_name, p.via, p.last.code,
                     ", ".join(p.last.mechanisms), p.last.status, hop_status, ", ".join(p.last.categories), p.document))
    return ResultTable(PATH_COLUMNS, rows)


def flow_graph(rows: Iterable[Mapping[str, Any]]) -> nx.MultiDiGraph:
    """The flow graph from ``flows`` rows (dicts as ``ResultTable.dicts()`` gives them)."""
    G = nx.MultiDiGraph()
    for r in rows:
        G.add_node(r["controller"], name=r["controllerName"], kind="organisation")
        G.nodes[r["controller"]]["controller"] = True
        G.add_node(r["source"], name=r["sourceName"], kind="organisation")
        G.add_node(r["target"], name=r["targetName"], kind=r["targetKind"])
        G.add_edge(r["source"], r["target"], key=r["flow"], controller=r["controller"],
                   controller_name=r["controllerName"], document=r["document"], code=r["code"] or "",
                   mechanisms=_split(r["mechanisms"]), status=r["status"] or "", status_key=r.get("statusKey") or "",
                   categories=_split(r["categories"]), roles=_split(r["roles"]), quote=r["quote"] or "")
    return G


def load_graph(store: Store) -> nx.MultiDiGraph:
    """Run ``flows`` on the store and build the flow graph."""
    return flow_graph(run(store, "flows").dicts())


def _version_graphs(G: nx.MultiDiGraph) -> dict[tuple[str, str], nx.MultiDiGraph]:
    """One subgraph per (controller, document): the flows one policy version states."""
    groups: dict[tuple[str, str], list[tuple[str, str, str]]] = defaultdict(list)
    for u, v, k, d in G.edges(keys=True, data=True):
        groups[(d["controller"], d["document"])].append((u, v, k))
    return {key: G.edge_subgraph(edges) for key, edges in groups.items()}


def _hop(G: nx.MultiDiGraph, u: str, v: str, k: str, implied: bool = False) -> Hop:
    d = G.edges[u, v, k] if not implied else {}
    return Hop(u, G.nodes[u]["name"], v, G.nodes[v]["name"], d.get("code", ""), d.get("mechanisms", ()),
               d.get("status", ""), d.get("categories", ()), k, implied)


def _merged_hop(H: nx.MultiDiGraph, u: str, v: str, country: str | None = None) -> Hop:
    """The parallel flows u -> v of one version as one hop (a plain flow and a transfer, or two sentences
    naming different mechanisms); with ``country``, only the transfers into it. Status: the best of them."""
    ds = [(k, d) for k, d in H[u][v].items() if country is None or d["code"] == country]
    transfers = [(k, d) for k, d in ds if d["code"]]
    use = transfers or ds
    keys = sorted({d["status_key"] for _, d in use if d["status_key"]})
    return Hop(u, H.nodes[u]["name"], v, H.nodes[v]["name"],
               ", ".join(sorted({d["code"] for _, d in use if d["code"]})),
               tuple(sorted({m for _, d in use for m in d["mechanisms"]})),
               keys[0][1:] if keys else "",
               tuple(sorted({c for _, d in ds for c in d["categories"]})),
               " ".join(sorted(k for k, _ in use)))


def paths_to(G: nx.MultiDiGraph, country: str = "US", controller: str | None = None,
             cutoff: int = 10) -> list[Path]:
    """Every simple path by which one controller's data reaches ``country`` (ISO code), per policy version.

    Parallel flows between two parties make one hop (for the last hop: the transfers into ``country``),
    as the ``usa-paths`` query groups them. A party that passes data on but receives none from the controller in the
    same version is joined to the controller by an implied hop.
    """
    out: list[Path] = []
    for (ctrl, doc), H in sorted(_version_graphs(G).items()):
        if controller and controller not in (ctrl, G.nodes[ctrl]["name"]):
            continue
        last_hops = sorted({(u, v) for u, v, d in H.edges(data=True) if d["code"] == country})
        if not last_hops:
            continue
        simple = nx.DiGraph(H)
        for u, v in last_hops:
            last = _merged_hop(H, u, v, country)
            if u == ctrl:
                prefixes: list[list[Hop]] = [[]]
            else:
                K = simple.subgraph(n for n in simple if n != v)
                if ctrl not in K or not nx.has_path(K, ctrl, u):
                    prefixes = [[_hop(G, ctrl, u, f"implied:{ctrl}>{u}", implied=True)]]
                else:
                    prefixes = [[_merged_hop(H, a, b) for a, b in zip(p, p[1:])]
                                for p in nx.all_simple_paths(K, ctrl, u, cutoff=cutoff - 1)]
            for pre in prefixes:
                out.append(Path(ctrl, G.nodes[ctrl]["name"], doc, tuple(pre) + (last,)))
    return out


def reachable(G: nx.MultiDiGraph, controller: str, country: str = "US") -> bool:
    """Does data of ``controller`` (IRI or name) reach ``country`` through any chain of its flows?

    Every flow a policy states carries that controller's data, and a party that passes data on is
    reached (by a stated or an implied hop), so this is: some flow of the controller ends in ``country``.
    """
    for _u, _v, d in G.edges(data=True):
        if d["code"] == country and controller in (d["controller"], d["controller_name"]):
            return True
    return False


def vendor_centrality(G: nx.MultiDiGraph, top: int | None = None) -> list[tuple[str, str, int, float]]:
    """Vendors by reach: (IRI, name, controllers that send them data directly or through a chain, betweenness).

    Betweenness is computed on the simple directed graph of flows; a high value marks a vendor
    that passes many controllers' data on to others.
    """
    simple = nx.DiGraph(G)
    between = nx.betweenness_centrality(simple) if len(simple) else {}
    reach: dict[str, set[str]] = defaultdict(set)
    for _u, v, d in G.edges(data=True):
        if G.nodes[v]["kind"] == "organisation" and v != d["controller"]:
            reach[v].add(d["controller"])
    rows = [(v, G.nodes[v]["name"], len(c), round(between.get(v, 0.0), 6)) for v, c in reach.items()]
    rows.sort(key=lambda r: (-r[2], -r[3], r[1]))
    return rows[:top] if top else rows


def controller_projection(G: nx.MultiDiGraph, min_shared: int = 1) -> nx.Graph:
    """Controllers joined when they share at least ``min_shared`` vendors (edge attribute ``shared``)."""
    vendors_of: dict[str, set[str]] = defaultdict(set)
    for _u, v, d in G.edges(data=True):
        if G.nodes[v]["kind"] == "organisation" and v != d["controller"]:
            vendors_of[d["controller"]].add(v)
    P = nx.Graph()
    P.add_nodes_from((c, {"name": G.nodes[c]["name"]}) for c in vendors_of)
    by_vendor: dict[str, list[str]] = defaultdict(list)
    for c, vs in vendors_of.items():
        for v in vs:
            by_vendor[v].append(c)
    for v, cs in by_vendor.items():
        for i, a in enumerate(sorted(cs)):
            for b in sorted(cs)[i + 1:]:
                shared = P.edges[a, b]["shared"] if P.has_edge(a, b) else set()
                P.add_edge(a, b, shared=shared | {v})
    drop = [(a, b) for a, b, d in P.edges(data=True) if len(d["shared"]) < min_shared]
    P.remove_edges_from(drop)
    return P


def communities(G: nx.MultiDiGraph, min_shared: int = 1) -> list[list[str]]:
    """Connected communities of controllers sharing vendors: lists of controller names, largest first."""
    P = controller_projection(G, min_shared)
    groups = [sorted(P.nodes[c]["name"] for c in comp) for comp in nx.connected_components(P)]
    return sorted(groups, key=lambda g: (-len(g), g))
