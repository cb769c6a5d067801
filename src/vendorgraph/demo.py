"""``vendorgraph demo``: ingest the bundled sample policies and write what an analyst looks at."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .formats import render
from .pipeline import ingest
from .queries import run
from .resources import data_dir
from .store import open_store


@dataclass(frozen=True)
class DemoResult:
    store: Path
    page: Path
    table: Path
    rows: int
    documents: int

    @property
    def summary(self) -> str:
        return (f"ingested {self.documents} sample policies into {self.store}\n"
                f"every path to the USA ({self.rows} rows): {self.table}\n"
                f"graph page: {self.page}")


def sample_files() -> list[Path]:
    return sorted((data_dir("ingest") / "samples").glob("*.txt"))


def run_demo(out: Path) -> DemoResult:
    """Ingest ``ingest/samples/*.txt`` into ``out/store``; write ``out/graph.html`` and ``out/usa-paths.txt``."""
    from .viz import write_page

    out.mkdir(parents=True, exist_ok=True)
    store_dir = out / "store"
    store = open_store(store_dir)
    try:
        rep = ingest(sample_files(), store)
        table = run(store, "usa-paths", country="US")
        text = render(table, "table")
        (out / "usa-paths.txt").write_text(text, encoding="utf-8")
        page = write_page(store, out / "graph.html")
    finally:
        store.close()
    return DemoResult(store_dir, page, out / "usa-paths.txt", len(table.rows), len(rep.ok))
