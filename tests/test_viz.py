"""The graph page: self-contained, escaped, filters' data, query mode, size limit, CLI."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

import pytest

from test_viz_support import SHOP_TEXT, shop_facts, shop_store, store_facts, xss_facts
from vendorgraph.store import open_store


class Tags(HTMLParser):
    """Every start tag with its attributes, and the text of each <script>."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.scripts: list[tuple[dict, str]] = []
        self._in: dict | None = None

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag == "script":
            self._in = dict(attrs)
            self.scripts.append((self._in, ""))

    def handle_endtag(self, tag):
        if tag == "script":
            self._in = None

    def handle_data(self, data):
        if self._in is not None:
            attrs, text = self.scripts[-1]
            self.scripts[-1] = (attrs, text + data)


def parse(page: str) -> Tags:
    t = Tags()
    t.feed(page)
    return t


@pytest.fixture(scope="module")
def shop():
    s = shop_store()
    yield s
    s.close()


@pytest.fixture(scope="module")
def shop_page(shop, tmp_path_factory) -> str:
    from vendorgraph.viz import write_page

    out = tmp_path_factory.mktemp("viz") / "graph.html"
    assert write_page(shop, out, as_of="2025-01-01") == out
    return out.read_text(encoding="utf-8")


def page_data(page: str) -> dict:
    (data,) = [text for attrs, text in parse(page).scripts if attrs.get("type") == "application/json"]
    return json.loads(data)


def test_page_references_no_url(shop_page):
    tags = parse(shop_page)
    refs = [(t, k, v) for t, attrs in tags.tags for k, v in attrs.items() if k in ("src", "href", "action", "data")]
    assert not [r for r in refs if re.match(r"\s*(https?:)?//", r[2] or "")], refs
    assert not [t for t, attrs in tags.tags if t in ("link", "iframe", "object", "embed", "base")]
    assert not [a for a, _ in tags.scripts if "src" in a]
    assert not re.search(r"url\(\s*['\"]?\s*(https?:)?//", shop_page, re.I)
    assert "@import" not in shop_page
    assert "vis.Network" in shop_page and len(tags.scripts) == 3  # data, vis-network, page script


def test_page_graph_has_kinds_risk_and_red_mechanisms(shop_page):
    data = page_data(shop_page)
    kinds = {n["vg"]["kind"] for n in data["nodes"]}
    assert kinds == {"controller", "vendor", "country", "entity"}
    labels = {n["label"].rstrip(" ⚠") for n in data["nodes"]}
    assert {"Acme Shop GmbH", "Cloudy Inc.", "Storage Corp", "US", "IN", "AdNet Europe Ltd"} <= labels
    med = next(n for n in data["nodes"] if n["label"].startswith("MedCloud"))
    assert med["vg"]["risk"] == "high" and med["label"].endswith("⚠")
    assert med["vg"]["quotes"][0]["text"].startswith("Health questionnaires")
    red = {e["vg"]["kind"] + ":" + ",".join(e["vg"]["mechanisms"]) for e in data["edges"] if e["vg"]["bad"]}
    assert "transfer:privacy_shield" in red and "transfer:none_stated" in red
    assert not any(e["vg"]["bad"] for e in data["edges"] if e["vg"]["mechanisms"] == ["scc"])
    assert data["options"]["physics"]["enabled"] is False
    assert all("x" in n and "y" in n for n in data["nodes"])
    assert {"US", "IN"} <= set(data["meta"]["countries"]) and "privacy_shield" in data["meta"]["mechanisms"]


def test_paths_to_country_follow_the_processor_chain(shop_page):
    data = page_data(shop_page)
    name = {n["id"]: n["label"].rstrip(" ⚠") for n in data["nodes"]}
    on_us = {(name[e["from"]], name[e["to"]]) for e in data["edges"] if "US" in e["vg"]["paths"]}
    assert ("Acme Shop GmbH", "Cloudy Inc.") in on_us  # the hop before the sub-processor
    assert ("Cloudy Inc.", "Storage Corp") in on_us and ("Storage Corp", "US") in on_us
    assert ("Acme Shop GmbH", "Social Co.") not in on_us and ("MedCloud Ltd", "IN") not in on_us


def test_hostile_policy_text_cannot_inject(tmp_path):
    from vendorgraph.viz import write_page

    facts, text = xss_facts()
    s = open_store(None)
    store_facts(s, facts, text, "xss-policy.txt")
    page = write_page(s, tmp_path / "x.html").read_text(encoding="utf-8")
    tags = parse(page)
    assert len(tags.scripts) == 3
    assert {t for t, _ in tags.tags} <= {"html", "head", "meta", "title", "style", "body", "header", "h1", "span",
                                         "div", "label", "select", "option", "input", "button", "main", "aside",
                                         "p", "noscript", "script"}
    for _, attrs in tags.tags:
        assert not any(k.startswith("on") for k in attrs)
        assert not any("javascript:" in (v or "") for v in attrs.values())
    assert "</script><!--" not in page.split('id="vg-data">', 1)[1].split("</script>", 1)[0]
    data = page_data(page)  # the hostile text survives intact, as data
    quotes = {q["text"] for n in data["nodes"] for q in n["vg"]["quotes"]}
    assert any('<a href="javascript:window.__pwned=3">' in q and "</script><!--" in q for q in quotes)
    assert any(n["label"].startswith("Hax0r <script>") for n in data["nodes"])
    assert "innerHTML" not in page.split('id="vg-data">', 1)[1].rsplit("<script>", 1)[1]


def test_query_mode_draws_only_the_answer(shop, tmp_path):
    from vendorgraph.viz import write_page

    data = page_data(write_page(shop, tmp_path / "q.html", query="usa-paths", params={"country": "US"}).read_text())
    labels = {n["label"].rstrip(" ⚠") for n in data["nodes"]}
    assert {"Acme Shop GmbH", "Cloudy Inc.", "Storage Corp", "Trackr Inc.", "AdNet LLC", "US"} <= labels
    assert not labels & {"IN", "MedCloud Ltd", "Social Co."}
    assert data["meta"]["query"] == "usa-paths"


def test_query_without_drawable_columns_is_a_clear_error(shop, tmp_path):
    from vendorgraph.errors import QueryError
    from vendorgraph.viz import write_page

    with pytest.raises(QueryError, match="cannot be drawn"):
        write_page(shop, tmp_path / "q.html", query="report-mechanisms")


def _big_snapshot(n_vendors: int):
    from vendorgraph.report.collect import Flow, Quote, Snapshot

    flows = []
    for i in range(n_vendors):
        ctrl = f"c{i % 40}"
        flows.append(Flow(f"f{i}", ctrl, f"Controller {i % 40}", ctrl, f"Controller {i % 40}", f"v{i}", f"Vendor {i}",
                          "organisation", ("processor",), "US" if i % 3 == 0 else "", ("scc",) if i % 3 == 0 else (),
                          ("contact",), True, "big.txt", (Quote(f"quote {i}", "big.txt"),)))
    return Snapshot(tuple(flows))


@pytest.mark.slow
def test_large_graph_gets_a_computed_layout_and_a_size_limit():
    from vendorgraph.report.pagegraph import build_graph
    from vendorgraph.viz import MAX_NODES, PageTooLarge, render_page

    graph = build_graph(_big_snapshot(4900), [], set())
    assert 4900 < len(graph["nodes"]) <= MAX_NODES
    page = render_page(graph, "big")
    data = page_data(page)
    assert data["meta"]["large"] is True and data["options"]["edges"]["smooth"] is False
    xs = {n["x"] for n in data["nodes"]}
    assert len(xs) > 10  # spread out, not stacked on one point
    with pytest.raises(PageTooLarge, match="at most 1000"):
        render_page(graph, "big", max_nodes=1000)


def test_cli_viz_and_demo_signature(tmp_path, capsys):
    from vendorgraph.cli import main
    from vendorgraph.viz import write_page

    s = open_store(tmp_path / "store")
    store_facts(s, shop_facts(), SHOP_TEXT)
    assert write_page(s, tmp_path / "demo.html").is_file()  # demo.py's call
    s.close()
    out = tmp_path / "cli.html"
    assert main(["viz", "-o", str(out), "--store", str(tmp_path / "store"), "--query", "usa-paths",
                 "--param", "country=IN"]) == 0
    assert str(out) in capsys.readouterr().out
    assert "MedCloud Ltd" in json.dumps(page_data(out.read_text()))
    assert main(["viz", "-o", str(out), "--store", str(tmp_path / "store"), "--as-of", "2025-02-30"]) == 1
    assert "as-of" in capsys.readouterr().err


def test_empty_store_gives_an_empty_page_and_report(mem_store, tmp_path):
    from vendorgraph.report import write_report
    from vendorgraph.viz import write_page

    data = page_data(write_page(mem_store, tmp_path / "e.html").read_text(encoding="utf-8"))
    assert data["nodes"] == [] and data["edges"] == []
    page = write_report(mem_store, tmp_path / "e.html", as_of="2025-01-01").read_text(encoding="utf-8")
    assert "No third-country transfers" in page and "No rule found anything." in page
