"""Latency of the shipped queries on big fixture stores (the query engineer's tuning loop).

Builds (once, then reuses) an on-disk Oxigraph store per size from ``tests/fixtures/portfolio.py``
(``random_portfolio(n, seed)``, bulk-loaded with the reference graph), runs each query with its
default parameters ``--repeat`` times after one warm-up run and prints the median and the fastest
run in milliseconds, with the row count and the 1-minute load average after the runs (on a busy machine
the figures mean little). Plain script, prints a table; not a test.

    .venv/bin/python benchmarks/query_speed.py --sizes 1000,10000
    .venv/bin/python benchmarks/query_speed.py --sizes 1000 --queries usa-paths,flows --repeat 9
    .venv/bin/python benchmarks/query_speed.py --sizes 1000 --all        # also checks/ and risk/
    .venv/bin/python benchmarks/query_speed.py --sizes 1000 --file my.rq # a query file of your own

Stores live under ``--dir`` (default ``/tmp/vendorgraph-query-speed``) as ``store-<n>-<seed>``;
``--rebuild`` builds them again (needed after a change to ``graph.py`` or ``ontology/``).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # `tests.fixtures` and `benchmarks` importable when run as a script

DEFAULT_QUERIES = ("usa-paths", "path-details", "flows", "transfer-problems", "processor-chains", "vendor-concentration",
                   "transfers-by-country")


def build_store(path: Path, n: int, seed: int, chunk: int = 1000) -> None:
    """``n`` random fixture policies, bulk-loaded in chunks (memory stays bounded), plus the reference graph."""
    from tests.fixtures.portfolio import load_into, random_portfolio
    from vendorgraph.store import open_store

    tmp = path.with_name(path.name + ".building")
    shutil.rmtree(tmp, ignore_errors=True)
    store = open_store(str(tmp))  # loads the reference graph
    policies = random_portfolio(n, seed=seed)
    for i in range(0, n, chunk):
        load_into(store, policies[i:i + chunk], bulk=True)
    store.close()
    tmp.rename(path)


def open_bench_store(root: Path, n: int, seed: int, rebuild: bool):
    from vendorgraph.store import open_store

    path = root / f"store-{n}-{seed}"
    if rebuild:
        shutil.rmtree(path, ignore_errors=True)
    if not path.is_dir():
        t = time.perf_counter()
        root.mkdir(parents=True, exist_ok=True)
        build_store(path, n, seed)
        print(f"built {path} in {time.perf_counter() - t:.1f} s", flush=True)
    return open_store(str(path), read_only=True, load_reference=False)


def time_query(store, spec, repeat: int) -> tuple[int, float, float]:
    """(rows, median ms, fastest ms) of ``repeat`` runs after a warm-up run, as ``queries.run`` does them
    (rows as Python strings, sorted by the ``# sort:`` header if the query has one)."""
    from vendorgraph.queries import bindings, sort_rows

    b = bindings(spec, {}, store)
    rows = len(sort_rows(spec, store.query(spec.text, b)).rows)
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        sort_rows(spec, store.query(spec.text, b))
        times.append(time.perf_counter() - t)
    return rows, 1000 * statistics.median(times), 1000 * min(times)


def main(argv: list[str] | None = None) -> int:
    from vendorgraph.queries import get_query, list_queries

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="1000", help="comma-separated numbers of policies (default 1000)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--queries", default="", help="comma-separated query names (default: the six main queries)")
    ap.add_argument("--all", action="store_true", help="every query of queries/, queries/checks/ and queries/risk/")
    ap.add_argument("--file", action="append", default=[], help="a .rq file to time as well (repeatable)")
    ap.add_argument("--dir", default="/tmp/vendorgraph-query-speed")
    ap.add_argument("--rebuild", action="store_true")
    a = ap.parse_args(argv)

    if a.all:
        specs = list_queries() + [s for f in ("checks", "risk") for s in list_queries(f)]
        specs = [s for s in specs if all(p.default is not None for p in s.params)]
    else:
        names = [q for q in a.queries.split(",") if q] or ([] if a.file else list(DEFAULT_QUERIES))
        specs = [get_query(q) for q in names]
    specs += [get_query(f) for f in a.file]

    for n in (int(s) for s in a.sizes.split(",") if s):
        store = open_bench_store(Path(a.dir), n, a.seed, a.rebuild)
        print(f"\n{n} policies, {store.triple_count():,} quads, median of {a.repeat} runs after a warm-up", flush=True)
        print(f"{'query':40} {'rows':>7} {'median ms':>10} {'best ms':>9} {'load':>5}", flush=True)
        for s in specs:
            label = s.name if s.path.parent.name == "queries" else f"{s.path.parent.name}/{s.name}"
            rows, med, best = time_query(store, s, a.repeat)
            print(f"{label:40} {rows:>7} {med:>10.1f} {best:>9.1f} {os.getloadavg()[0]:>5.2f}", flush=True)
        store.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
