"""End to end in a real browser: Playwright drives Debian's Chromium (/usr/bin/chromium, never a
downloaded browser) over the graph page opened from a file:// URL with the network blocked."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from test_viz_support import shop_store, store_facts, xss_facts

pytestmark = [pytest.mark.slow, pytest.mark.browser]

CHROMIUM = os.environ.get("VENDORGRAPH_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright Python package is not installed")
    if not (Path(CHROMIUM).is_file() or shutil.which(CHROMIUM)):
        pytest.skip(f"Chromium not found at {CHROMIUM} (apt-get install chromium)")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield b
        b.close()


class Session:
    """A page with the network blocked: every non-file request is aborted and recorded."""

    def __init__(self, browser) -> None:
        self.ctx = browser.new_context(viewport={"width": 1400, "height": 900})
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.ctx.route("**/*", self._route)
        self.page = self.ctx.new_page()
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))

    def _route(self, route) -> None:
        url = route.request.url
        if url.startswith("file:"):
            route.continue_()
        else:
            self.requests.append(url)
            route.abort()

    def open(self, path: Path) -> None:
        self.page.goto(path.resolve().as_uri())
        self.page.wait_for_selector("body[data-rendered=true]", timeout=60_000)

    def visible_labels(self) -> set[str]:
        return set(self.page.evaluate(
            "vgPage.nodes.get({filter: n => !n.hidden}).map(n => n.label)"))

    def click_node(self, label_prefix: str) -> None:
        pos = self.page.evaluate(
            """(prefix) => { const n = vgPage.nodes.get({filter: x => x.label.startsWith(prefix) && !x.hidden})[0];
                 return vgPage.network.canvasToDOM(vgPage.network.getPositions([n.id])[n.id]); }""", label_prefix)
        box = self.page.locator("#vg-network canvas").bounding_box()
        self.page.mouse.click(box["x"] + pos["x"], box["y"] + pos["y"])

    def close(self) -> None:
        self.ctx.close()


def test_graph_page_offline_filter_click_and_screenshot(browser, tmp_path):
    from vendorgraph.viz import write_page

    s = shop_store()
    page_file = write_page(s, tmp_path / "graph.html", as_of="2025-01-01")
    s.close()
    sess = Session(browser)
    try:
        sess.open(page_file)
        assert sess.page.evaluate("vgPage.nodes.length") >= 9
        assert sess.page.locator("#vg-network canvas").count() == 1
        assert {"Acme Shop GmbH ⚠", "Cloudy Inc.", "US", "IN"} <= sess.visible_labels()

        sess.page.select_option("#f-country", "IN")
        assert sess.visible_labels() == {"Acme Shop GmbH ⚠", "MedCloud Ltd ⚠", "IN"}
        assert "3 of" in sess.page.locator("#vg-stats").inner_text()

        sess.click_node("MedCloud")
        details = sess.page.locator("#vg-details")
        assert details.locator("h2").inner_text() == "MedCloud Ltd ⚠"
        assert details.locator(".vg-quote").first.inner_text() == \
            "Health questionnaires are stored by MedCloud Ltd in India."
        assert "acme-shop.txt" in details.locator(".vg-cite").first.inner_text()

        assert "AdNet Europe Ltd" not in sess.visible_labels()
        sess.page.select_option("#f-country", "")
        sess.page.check("#f-entities")  # legal entities on demand
        assert "AdNet Europe Ltd" in sess.visible_labels()
        sess.page.uncheck("#f-entities")
        sess.page.select_option("#f-paths", "US")
        assert "MedCloud Ltd ⚠" not in sess.visible_labels() and "Storage Corp" in sess.visible_labels()

        shot = tmp_path / "graph.png"
        sess.page.select_option("#f-paths", "")
        sess.page.select_option("#f-country", "IN")
        sess.page.screenshot(path=str(shot))
        assert shot.stat().st_size > 10_000
        assert sess.errors == [] and sess.requests == [] and sess.dialogs == []
    finally:
        sess.close()


def test_hostile_policy_runs_nothing_in_the_browser(browser, tmp_path):
    from vendorgraph.store import open_store
    from vendorgraph.viz import write_page

    facts, text = xss_facts()
    s = open_store(None)
    store_facts(s, facts, text, "xss-policy.txt")
    page_file = write_page(s, tmp_path / "xss.html")
    sess = Session(browser)
    try:
        sess.open(page_file)
        sess.click_node("Hax0r")
        details = sess.page.locator("#vg-details").inner_text()
        assert "<script>window.__pwned = 1;" in details
        assert '<a href="javascript:window.__pwned=3">' in details
        sess.page.locator("#vg-search").fill("quote'n'co")
        sess.page.locator("#vg-search").press("Enter")
        assert "</style><style>" in sess.page.locator("#vg-details h2").inner_text()
        assert sess.page.evaluate("typeof window.__pwned") == "undefined"
        assert sess.page.evaluate("document.scripts.length") == 3
        assert sess.page.evaluate("document.querySelectorAll('img, a, iframe').length") == 0
        assert sess.page.locator("body").is_visible()
        assert sess.dialogs == [] and sess.errors == [] and sess.requests == []
    finally:
        sess.close()


def test_page_near_the_size_limit_renders_and_filters(browser, tmp_path):
    from test_viz import _big_snapshot
    from vendorgraph.report.pagegraph import build_graph
    from vendorgraph.viz import MAX_NODES, render_page

    graph = build_graph(_big_snapshot(4900), [], set())
    assert len(graph["nodes"]) > 4900
    page_file = tmp_path / "big.html"
    page_file.write_text(render_page(graph, "big"), encoding="utf-8")
    sess = Session(browser)
    try:
        sess.open(page_file)
        assert sess.page.evaluate("vgPage.nodes.length") == len(graph["nodes"])
        assert f"page limit {MAX_NODES} nodes" in sess.page.locator("#vg-stats").inner_text()
        sess.page.select_option("#f-country", "US")
        shown = sess.page.evaluate("vgPage.nodes.get({filter: n => !n.hidden}).length")
        assert 1000 < shown < len(graph["nodes"])
        sess.page.locator("#vg-search").fill("vendor 4242")
        sess.page.locator("#vg-search").press("Enter")
        assert sess.page.locator("#vg-details .vg-quote").first.inner_text() == "quote 4242"
        assert sess.errors == [] and sess.requests == []
    finally:
        sess.close()
