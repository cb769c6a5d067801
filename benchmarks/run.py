"""The vendorgraph benchmark: ingest speed, memory, store size and query latency at several sizes.

For each size N it writes N synthetic policies (``generate.py``), ingests them end to end with
the real command (``vendorgraph ingest DIR --store S``, a fresh process, all cores), and then runs
every query of ``queries/`` (default parameters) on the embedded store and on rdflib's default
in-memory store loaded with the same quads (``Dataset(default_union=True)``), printing median and
95th-percentile latencies and the ratio. Plain script, prints tables; not a test.

    python benchmarks/run.py --sizes 100,1000 [--jobs N] [--kb 30] [--no-rdflib]
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # `benchmarks.*` importable when run as a script

from benchmarks import generate  # noqa: E402
from benchmarks.measure import PeakRSS, du, fmt_table, percentile  # noqa: E402

TARGET_DOCS_PER_S = 50  # policies of 30 kB per second on 2 cores
TARGET_USA_MS = 200
TARGET_RATIO = 20
TARGET_PEAK_MB = 2048
QUERY_HEADER = ("query", "rows", "oxigraph median ms", "p95 ms", "rdflib median ms", "p95 ms", "rdflib/oxigraph",
                "same rows")
INGEST_HEADER = ("N", "ok", "failed", "MB", "s", "docs/s", "MB/s", "30kB-docs/s", "triples", "triples/s",
                 "peak RSS MB", "store MB", "CPU ms/doc", "compaction s", "docs/s before compaction", "load avg")


@dataclass(frozen=True)
class IngestResult:
    docs: int
    failed: int
    mb: float
    seconds: float
    triples: int
    peak_mb: float
    store_mb: float
    cpu_s: float
    compaction_s: float  # the part of ``seconds`` ingest spent compacting the store at the end (0: none)

    @property
    def docs_s(self) -> float:
        return self.docs / self.seconds


def ingest_run(policies: Path, store: Path, jobs: int | None) -> IngestResult:
    """``vendorgraph ingest`` in a fresh process; wall time and the peak RSS of its process tree."""
    shutil.rmtree(store, ignore_errors=True)
    cmd = [sys.executable, "-c", "import sys; from vendorgraph.cli import main; sys.exit(main(sys.argv[1:]))",
           "ingest", str(policies), "--store", str(store), "--quiet"]
    if jobs:
        cmd += ["--jobs", str(jobs)]
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    with PeakRSS(proc.pid) as peak:
        out, err = proc.communicate()
    secs = time.perf_counter() - t0
    if proc.returncode not in (0, 1):
        raise SystemExit(f"ingest failed ({proc.returncode}):\n{err[-2000:]}")
    from vendorgraph.store import open_store

    s = open_store(str(store), read_only=True, load_reference=False)
    triples = s.triple_count()
    s.close()
    files = sorted(policies.iterdir())
    mb = sum(f.stat().st_size for f in files) / 1e6
    failed = err.count("vendorgraph: error:")
    compacted = re.search(r"store compacted in ([0-9.]+) s", out)
    return IngestResult(len(files) - failed, failed, mb, secs, triples, peak.mb, du(store) / 1e6, peak.cpu_s,
                        float(compacted.group(1)) if compacted else 0.0)


def stage_profile(policies: Path, n: int = 40) -> list[tuple[str, float]]:
    """CPU milliseconds per document in each pipeline stage, in this process (with the bulk loader's
    threads), over the first ``n`` files, written in one batch, after a warm-up (as ingest workers start)."""
    from vendorgraph.graph import triple_set
    from vendorgraph.load import load
    from vendorgraph.pipeline import Extracted, document_info, extract_document, write_versions
    from vendorgraph.segment import segment
    from vendorgraph.store import open_store
    from vendorgraph.triples import nquad_line

    files = sorted(policies.iterdir())[:n]
    acc = dict.fromkeys(("load", "segment", "extract+resolve", "build_quads", "serialise", "write"), 0.0)
    tmp = policies.parent / "profile-store"
    shutil.rmtree(tmp, ignore_errors=True)
    store = open_store(str(tmp))
    items = []
    extract_document(load(files[0]))  # the first document of a process loads the registry and compiles the rules
    for f in files:
        t = time.process_time()
        doc = load(f)
        t1 = time.process_time()
        segment(doc.text)
        t2 = time.process_time()
        facts = extract_document(doc)  # segments again inside: subtract the segment time below
        t3 = time.process_time()
        info = document_info(doc)
        triples = triple_set(facts, info)
        t4 = time.process_time()
        data = "".join([nquad_line(t, info.version_iri) for t in triples]).encode("utf-8")  # as graph.build_nquads
        t5 = time.process_time()
        items.append(Extracted(str(f), info.key, info.doc_iri, info.version_iri, data, len(triples), 0))
        for k, dt in zip(acc, (t1 - t, t2 - t1, (t3 - t2) - (t2 - t1), t4 - t3, t5 - t4)):
            acc[k] += dt
    t = time.process_time()
    write_versions(store, items)
    acc["write"] = time.process_time() - t
    store.close()
    shutil.rmtree(tmp, ignore_errors=True)
    return [(k, 1000 * v / max(1, len(files))) for k, v in acc.items()]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="100", help="comma-separated policy counts (default 100)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--kb", type=float, default=None, help="length of every policy in kB (default: 2-80 kB mixed)")
    ap.add_argument("--jobs", type=int, default=None, help="ingest worker processes (default: all cores)")
    ap.add_argument("--work", type=Path, default=Path(os.environ.get("TMPDIR", "/tmp")) / "vendorgraph-bench")
    ap.add_argument("--repeat", type=int, default=15, help="runs per query on the embedded store")
    ap.add_argument("--no-rdflib", action="store_true", help="skip rdflib's in-memory store")
    ap.add_argument("--rdflib-timeout", type=float, default=60.0, help="seconds per query on rdflib before giving up")
    ap.add_argument("--oxigraph-timeout", type=float, default=120.0,
                    help="seconds a query may take on the embedded store before it is reported as '> timeout' (0: none)")
    ap.add_argument("--queries", default="", help="comma-separated query names (default: all)")
    ap.add_argument("--reuse", action="store_true", help="keep an existing store of that size (queries only)")
    a = ap.parse_args(argv)
    from benchmarks.queries_bench import bench_queries

    cores = len(os.sched_getaffinity(0))
    print(f"# vendorgraph benchmark: {cores} cores, Python {sys.version.split()[0]}, "
          f"load average {os.getloadavg()[0]:.2f} at start, policies {'%g kB' % a.kb if a.kb else '2-80 kB mixed'}")
    ingest_rows = []
    for n in [int(x) for x in a.sizes.split(",") if x.strip()]:
        tag = f"{n}-{a.seed}-{a.kb or 'mixed'}"
        policies = a.work / f"policies-{tag}"
        t = time.perf_counter()
        generate.write(n, policies, a.seed, int(a.kb * 1000) if a.kb else None)
        print(f"\n## {n} policies (generated in {time.perf_counter() - t:.1f} s into {policies})", flush=True)
        store = a.work / f"store-{tag}"
        if a.reuse and store.is_dir():
            print(f"(reusing {store}: no ingest measured)")
            rows = bench_queries(store, a.repeat, not a.no_rdflib, a.rdflib_timeout,
                                 [q for q in a.queries.split(",") if q], a.oxigraph_timeout)
            print(fmt_table(QUERY_HEADER, rows), flush=True)
            continue
        r = ingest_run(policies, store, a.jobs)
        eq30 = r.mb / 0.03 / r.seconds
        cpu_ms = 1000 * r.cpu_s / max(1, r.docs)
        ingest_rows.append((n, r.docs, r.failed, f"{r.mb:.1f}", f"{r.seconds:.1f}", f"{r.docs_s:.1f}",
                            f"{r.mb / r.seconds:.2f}", f"{eq30:.1f}", f"{r.triples:,}", f"{r.triples / r.seconds:,.0f}",
                            f"{r.peak_mb:,.0f}", f"{r.store_mb:,.0f}", f"{cpu_ms:.0f}", f"{r.compaction_s:.1f}",
                            f"{r.docs / (r.seconds - r.compaction_s):.1f}", f"{os.getloadavg()[0]:.1f}"))
        print(fmt_table(INGEST_HEADER, ingest_rows[-1:]), flush=True)
        prof = stage_profile(policies)
        print("\nstage profile (CPU ms per document, one process): "
              + ", ".join(f"{k} {v:.1f}" for k, v in prof), flush=True)
        names = [q for q in a.queries.split(",") if q]
        rows = bench_queries(store, a.repeat, not a.no_rdflib, a.rdflib_timeout, names, a.oxigraph_timeout)
        print(fmt_table(QUERY_HEADER, rows), flush=True)
    print("\n## ingest summary")
    print(fmt_table(INGEST_HEADER, ingest_rows))
    print("CPU ms/doc: user+system CPU of the whole process tree per document (independent of other load); "
          "30kB-docs/s: MB/s divided by 30 kB; compaction s: the end of ingest that compacts a fragmented store "
          "(part of s; queries run 2-3x faster after it), docs/s before compaction leaves it out.")
    print(f"targets: >= {TARGET_DOCS_PER_S} policies of 30 kB/s on 2 cores; usa-paths < {TARGET_USA_MS} ms median "
          f"and >= {TARGET_RATIO}x rdflib at 10,000; peak < {TARGET_PEAK_MB} MB at 10,000")
    return 0


if __name__ == "__main__":
    sys.exit(main())
