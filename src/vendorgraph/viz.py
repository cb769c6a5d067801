"""The interactive graph page: one self-contained HTML file built with pyvis (no network needed).

Nodes are controllers, vendors (their legal entities on demand), recipient categories and
destination countries: colour by role, shape by kind, border colour for risk. Edges are
flows labelled with data categories and mechanisms; transfers stand out, invalid or missing
mechanisms are red. Filters, search, legend and the evidence panel run in the page.

Safety: all data (policy text included) goes into the page once, as JSON inside
``<script type="application/json">`` with ``<``, ``>`` and ``&`` escaped, and the page's
script renders it with ``textContent`` only. vis-network's JS and CSS are inlined from
pyvis's bundled copy, so the page references no URL at all.

Size: positions are computed here (networkx spring layout up to :data:`SPRING_LIMIT` nodes,
a layered grid above) and physics is off; pages are limited to :data:`MAX_NODES` nodes.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Mapping

from .errors import VendorgraphError
from .report.pagegraph import build_graph, graph_from_table
from .store import Store

MAX_NODES = 5000  # the stated size limit of a page
SPRING_LIMIT = 400  # above this, a layered grid layout instead of networkx spring
LABEL_LIMIT = 600  # above this, edge labels only in the details panel


class PageTooLarge(VendorgraphError):
    """The graph has more nodes than a page can draw."""


def write_page(store: Store, out: str | Path, query: str | None = None,
               params: Mapping[str, str] | None = None, as_of: str | None = None,
               max_nodes: int = MAX_NODES) -> Path:
    """Write the graph page for every current flow (or for the answer of ``query``); return the path."""
    from .queries import run
    from .report import check_date
    from .report.collect import collect, mechanisms
    from .report.risk import run_rules

    day = check_date(as_of)
    if query:
        table = run(store, query, **dict(params or {}))
        invalid = {m.notation for m in mechanisms(store).values() if m.invalidated_on and m.invalidated_on <= day}
        graph = graph_from_table(table, query, invalid)
        title = f"vendorgraph: {query}"
    else:
        snap = collect(store)
        graph = build_graph(snap, run_rules(store, day), snap.invalid_mechanisms(day))
        title = "vendorgraph: data flows"
    html_text = render_page(graph, title, max_nodes)
    path = Path(out)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(html_text, encoding="utf-8")
    tmp.replace(path)
    return path


def script_json(obj: Any) -> str:
    """JSON safe inside ``<script type="application/json">``: no ``</script``, ``<!--`` or ``&`` survives.

    >>> script_json({"q": "</script><!--&"})
    '{"q":"\\\\u003c/script\\\\u003e\\\\u003c!--\\\\u0026"}'
    """
    text = json.dumps(obj, ensure_ascii=False, separators=(",", ":"))
    for ch, esc in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
                    ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(ch, esc)
    return text


def layout(nodes: list[dict], edges: list[dict]) -> dict[str, tuple[float, float]]:
    """Positions for every node: spring layout for small graphs, layered grid for large ones."""
    import networkx as nx

    main = [n for n in nodes if n["kind"] != "entity"]
    if len(main) <= SPRING_LIMIT:
        g = nx.Graph()
        g.add_nodes_from(n["id"] for n in main)
        g.add_edges_from((e["from"], e["to"]) for e in edges if e["kind"] != "entity")
        scale = 140 * max(len(main), 4) ** 0.5
        pos = nx.spring_layout(g, seed=7, iterations=150, scale=scale) if len(main) > 1 else \
            {n["id"]: (0.0, 0.0) for n in main}
        out = {k: (float(v[0]), float(v[1])) for k, v in pos.items()}
    else:
        out = _layered(main, edges)
    for n in nodes:  # entities beside their vendor
        if n["kind"] == "entity":
            x, y = out.get(n["parent"], (0.0, 0.0))
            out[n["id"]] = (x + 60 + 25 * n["index"], y + 60)
    return out


def _layered(nodes: list[dict], edges: list[dict]) -> dict[str, tuple[float, float]]:
    """Controllers, then recipients by hop, then countries; each layer a grid ordered by its sources."""
    import networkx as nx

    g = nx.DiGraph()
    g.add_nodes_from(n["id"] for n in nodes)
    g.add_edges_from((e["from"], e["to"]) for e in edges if e["kind"] != "entity")
    kind = {n["id"]: n["kind"] for n in nodes}
    roots = [n for n in g if kind[n] == "controller"]
    depth = nx.multi_source_dijkstra_path_length(g, roots) if roots else {}
    top = max(depth.values(), default=0) + 1
    layers: dict[int, list[str]] = {}
    for n in g:
        d = top + 1 if kind[n] == "country" else min(depth.get(n, top), top)
        layers.setdefault(d, []).append(n)
    out: dict[str, tuple[float, float]] = {}
    x0 = 0.0
    for d in sorted(layers):
        members = layers[d]
        rank = {}
        for n in members:
            ys = [out[p][1] for p in g.predecessors(n) if p in out]
            rank[n] = (sum(ys) / len(ys) if ys else 0.0, n)
        members.sort(key=lambda n: rank[n])
        cols = max(1, int((len(members) / 12) ** 0.5))
        rows = -(-len(members) // cols)
        for i, n in enumerate(members):
            out[n] = (x0 + (i // rows) * 160.0, (i % rows - rows / 2) * 45.0)
        x0 += cols * 160.0 + 500.0
    return out


def render_page(graph: Mapping[str, Any], title: str, max_nodes: int = MAX_NODES) -> str:
    """The HTML page for ``graph`` (nodes and edges as :mod:`vendorgraph.report.pagegraph` builds them)."""
    from markupsafe import Markup
    from pyvis.network import Network

    from .report.render import TEMPLATES, template_env

    nodes, edges = list(graph["nodes"]), list(graph["edges"])
    drawn = sum(1 for n in nodes if n["kind"] != "entity")
    if drawn > max_nodes:
        raise PageTooLarge(f"the graph has {drawn} nodes; a page draws at most {max_nodes}. "
                           "Narrow it down with --query (e.g. --query usa-paths) or split the store.")
    pos = layout(nodes, edges)
    large = len(nodes) > LABEL_LIMIT
    net = Network(height="100%", width="100%", directed=True)
    for n in nodes:
        x, y = pos[n["id"]]
        net.add_node(n["id"], label=n["label"], shape=n["shape"], color=n["color"], x=round(x, 1),
                     y=round(y, 1), physics=False, borderWidth=n["borderWidth"], size=n["size"], vg=n["vg"],
                     hidden=n["kind"] == "entity")
    for e in edges:
        net.add_edge(e["from"], e["to"], id=e["id"], label="" if large else e["label"], color=e["color"],
                     width=e["width"], dashes=e["dashes"], vg=e["vg"], hidden=e["kind"] == "entity")
    net.options = _options(large)
    vis_nodes, vis_edges, _, _, _, options = net.get_network_data()
    lib = Path(__import__("pyvis").__file__).resolve().parent / "templates" / "lib" / "vis-9.1.2"
    vis_js = (lib / "vis-network.min.js").read_text(encoding="utf-8")
    vis_css = (lib / "vis-network.css").read_text(encoding="utf-8")
    if "</script" in vis_js.lower() or "</style" in vis_css.lower():
        raise VendorgraphError("pyvis's vis-network copy contains a closing tag and cannot be inlined")
    data = {"nodes": vis_nodes, "edges": vis_edges, "options": json.loads(options),
            "meta": dict(graph.get("meta", {}), title=title, large=large, maxNodes=max_nodes)}
    return template_env().get_template("graph.html.j2").render(
        title=title, data=Markup(script_json(data)), vis_js=Markup(vis_js), vis_css=Markup(vis_css),
        page_js=Markup((TEMPLATES / "graph.js").read_text(encoding="utf-8")),
        page_css=Markup((TEMPLATES / "graph.css").read_text(encoding="utf-8")),
        nodes=drawn, edges=sum(1 for e in edges if e["kind"] != "entity"))


def _options(large: bool) -> dict[str, Any]:
    return {
        "physics": {"enabled": False, "stabilization": False},
        "interaction": {"hover": True, "tooltipDelay": 150, "hideEdgesOnDrag": large,
                        "hideEdgesOnZoom": large, "navigationButtons": False, "keyboard": False},
        "edges": {"smooth": False if large else {"enabled": True, "type": "dynamic"},
                  "font": {"size": 10, "align": "middle", "strokeWidth": 0, "background": "#ffffff"},
                  "selectionWidth": 2,
                  "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}}},
        "nodes": {"font": {"size": 14}},
        "layout": {"improvedLayout": False},
    }
