"""Query latency on the embedded store and on rdflib's default in-memory store (same quads, same run).

rdflib runs in a child process that loads the store's N-Quads into ``rdflib.Dataset(default_union=True)``
once; a query slower than the timeout kills the child (reported as ``> timeout``) and a fresh child
takes the remaining queries. pyoxigraph cannot cancel a query either: with ``oxigraph_timeout``, each
query first runs once in a child process, and one that does not finish in time is reported as
``> timeout`` instead of stopping the benchmark.
"""

from __future__ import annotations

import multiprocessing as mp
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from benchmarks.measure import median, percentile

VARIANTS = Path(__file__).resolve().parent / "variants"


def query_specs(names: list[str]) -> list[Any]:
    """Every shipped query (``queries/``, ``checks/``, ``risk/``) and the benchmark's variants."""
    from vendorgraph.queries import get_query, list_queries

    specs = list_queries() + [s for f in ("checks", "risk") for s in list_queries(f)]
    specs += [get_query(str(p)) for p in sorted(VARIANTS.glob("*.rq"))]
    return [s for s in specs if not names or s.name in names]


def bound_texts(specs: list[Any]) -> list[tuple[str, str | None]]:
    """(name, query text with default parameters bound) or (name, None) when a parameter is required."""
    from vendorgraph.errors import QueryError
    from vendorgraph.queries import bindings
    from vendorgraph.sparql import bind_values

    out = []
    for s in specs:
        try:
            out.append((s.name, bind_values(s.text, bindings(s, {}))))
        except QueryError:
            out.append((s.name, None))
    return out


_PROBE = ("import sys; from vendorgraph.store import open_store; "
          "open_store(sys.argv[1], read_only=True, load_reference=False).query(sys.stdin.read())")


def finishes(store_dir: Path, text: str, timeout: float) -> bool:
    """Whether ``text`` runs to its end on the embedded store within ``timeout`` seconds (in a child process)."""
    try:
        subprocess.run([sys.executable, "-c", _PROBE, str(store_dir)], input=text, text=True, capture_output=True,
                       timeout=timeout, check=True)
    except subprocess.TimeoutExpired:
        return False
    return True


def _norm(rows: list[tuple]) -> list[tuple]:
    return sorted(tuple("" if v is None else str(v) for v in r) for r in rows)


def _rdflib_child(nquads: str, conn: Any) -> None:
    import rdflib

    ds = rdflib.Dataset(default_union=True)
    t = time.perf_counter()
    ds.parse(nquads, format="nquads")
    conn.send(("loaded", time.perf_counter() - t))
    while True:
        msg = conn.recv()
        if msg is None:
            return
        name, text = msg
        times, rows = [], []
        try:
            while len(times) < 5 and sum(times) < 3.0:
                t = time.perf_counter()
                res = ds.query(text)
                rows = [tuple(None if v is None else str(v) for v in r) for r in res]
                times.append(time.perf_counter() - t)
        except Exception as e:  # noqa: BLE001 - rdflib's own errors are reported in the table
            conn.send((name, f"{type(e).__name__}: {str(e)[:60]}", []))
            continue
        conn.send((name, times, _norm(rows)))


class RdflibRunner:
    """A child process holding the rdflib Dataset."""

    def __init__(self, nquads: Path, timeout: float) -> None:
        self.nquads, self.timeout = nquads, timeout
        self.proc = None
        self.load_s = 0.0

    def _start(self) -> None:
        ctx = mp.get_context("fork")
        self.conn, child = ctx.Pipe()
        self.proc = ctx.Process(target=_rdflib_child, args=(str(self.nquads), child), daemon=True)
        self.proc.start()
        tag, self.load_s = self.conn.recv()

    def run(self, name: str, text: str) -> tuple[list[float], list[tuple]] | None:
        if self.proc is None:
            self._start()
        self.conn.send((name, text))
        if not self.conn.poll(self.timeout + 5):  # repeats stop after 3 s in all
            self.close(kill=True)
            return None
        _, times, rows = self.conn.recv()
        return times, rows

    def close(self, kill: bool = False) -> None:
        if self.proc is None:
            return
        if kill:
            self.proc.kill()
        else:
            self.conn.send(None)
        self.proc.join(10)
        self.proc = None


def bench_queries(store_dir: Path, repeat: int, with_rdflib: bool, timeout: float,
                  names: list[str], oxigraph_timeout: float = 0.0) -> list[tuple]:
    """One row per query: rows, Oxigraph median/p95 ms, rdflib median/p95 ms, ratio, same answer.

    ``oxigraph_timeout`` (seconds, 0: none): queries that do not finish in it on the embedded store are
    reported as ``> timeout`` (:func:`finishes`) and not run on rdflib."""
    from pyoxigraph import RdfFormat

    from vendorgraph.store import open_store

    store = open_store(str(store_dir), read_only=True, load_reference=False)
    texts = bound_texts(query_specs(names))
    runner = None
    if with_rdflib:
        nq = store_dir.parent / f"{store_dir.name}.nq"
        store.raw.dump(str(nq), format=RdfFormat.N_QUADS)
        runner = RdflibRunner(nq, timeout)
    out = []
    try:
        for name, text in texts:
            if text is None:
                out.append((name, "-", "needs a parameter", "", "", "", "", ""))
                continue
            if oxigraph_timeout and not finishes(store_dir, text, oxigraph_timeout):
                out.append((name, "-", f"> {oxigraph_timeout * 1000:.0f}", "", "", "", "", ""))
                print(f"  {name} | > {oxigraph_timeout:.0f} s on the embedded store", flush=True)
                continue
            res = store.query(text)  # warm-up
            times: list[float] = []
            while len(times) < repeat and sum(times) < 15.0:  # slow queries: fewer runs
                t = time.perf_counter()
                res = store.query(text)
                times.append(time.perf_counter() - t)
            ox_med, ox_p95 = 1000 * median(times), 1000 * percentile(times, 95)
            row = [name, len(res.rows), f"{ox_med:.1f}", f"{ox_p95:.1f}"]
            if runner is None:
                out.append(tuple(row + ["", "", "", ""]))
                continue
            r = runner.run(name, text)
            if r is None:
                row += [f"> {timeout * 1000:.0f}", "", f"> {timeout * 1000 / max(ox_med, 1e-3):.0f}x", "?"]
            elif isinstance(r[0], str):
                row += ["error", "", "", r[0]]
            else:
                rt, rrows = r
                rl_med = 1000 * median(rt)
                same = "yes" if rrows == _norm(res.rows) else ("count" if len(rrows) == len(res.rows) else "NO")
                row += [f"{rl_med:.1f}", f"{1000 * percentile(rt, 95):.1f}", f"{rl_med / max(ox_med, 1e-3):.1f}x", same]
            out.append(tuple(row))
            print("  " + " | ".join(str(c) for c in row), flush=True)
    finally:
        if runner is not None:
            print(f"  (rdflib load of the same quads: {runner.load_s:.1f} s)", flush=True)
            runner.close()
        store.close()
    return out
