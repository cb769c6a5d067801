"""The interactive graph page: a self-contained pyvis HTML file (no network needed).

Nodes are controllers, vendors, recipient categories and countries; edges are flows,
labelled with mechanisms; the evidence quote shows on hover. All policy text is escaped.
"""

from __future__ import annotations

import html
from pathlib import Path

from .queries import run
from .store import Store

ROLE_COLOURS = {"controller": "#1f77b4", "processor": "#2ca02c", "sub_processor": "#98df8a",
                "joint_controller": "#9467bd", "recipient": "#ff7f0e", "category": "#bcbd22"}


def write_page(store: Store, out: Path) -> Path:
    """Write the graph page for every current flow to ``out``; return the path."""
    from pyvis.network import Network

    rows = run(store, "flows").dicts()
    net = Network(height="800px", width="100%", directed=True, cdn_resources="in_line")
    seen: set[str] = set()

    def node(key: str, label: str, colour: str, title: str) -> None:
        if key not in seen:
            seen.add(key)
            net.add_node(key, label=label, color=colour, title=html.escape(title))

    for r in rows:
        node(r["controller"] or "", r["controllerName"] or "", ROLE_COLOURS["controller"], r["controllerName"] or "")
        node(r["source"] or "", r["sourceName"] or "", ROLE_COLOURS["controller"], r["sourceName"] or "")
        role = (r["roles"] or "recipient").split(", ")[0]
        colour = ROLE_COLOURS["category"] if r["targetKind"] == "category" else ROLE_COLOURS.get(role, "#7f7f7f")
        node(r["target"] or "", r["targetName"] or "", colour, f"{r['targetName']} ({r['roles']})")
        target = r["target"] or ""
        if r["code"]:
            ckey = f"country:{r['code']}"
            node(ckey, r["code"], "#d62728" if r["code"] == "US" else "#aaaaaa", r["code"])
            net.add_edge(target, ckey, title=html.escape(r["mechanisms"] or "none_stated"),
                         label=r["mechanisms"] or "", color="#d62728" if "none_stated" in (r["mechanisms"] or "") else "#555555")
        net.add_edge(r["source"] or "", target, title=html.escape((r["quote"] or "")[:300]))
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(net.generate_html(), encoding="utf-8")
    return out
