"""Extraction speed: CPU milliseconds per document and 30-kB documents per second per core.

Measures ``segment`` + the rule-based extractor (``load`` is timed apart) on sets of policies:

- ``synthetic``: distinct 30 kB policies from ``benchmarks/generate.py`` (a new seed per round, so
  no text is ever extracted twice);
- ``shared``: ``../shared/policies`` (when present); ``generalization``: ``tests/generalization/policies``.

A text extracted again would hit the per-text caches of the extractor (``lru_cache`` of small
size, such as the category hits of a text); before every document all such caches of
``vendorgraph`` are cleared (``--warm`` keeps them, to show what they flatter), so repeated rounds
over the real policies measure honest first extractions. Word-level caches stay warm, as in a
long-running process (``--cold`` clears them too: every word is analysed anew, a pessimistic bound).

CPU time (``time.process_time``) is the measure: the machine may be shared, wall time is printed
beside it. Every tree runs in its own worker process (after a warm-up that loads rules, labels and
the registry); with ``--compare SRC`` a second tree (a copy of ``src/`` with its ``ontology/``,
``ingest/`` and ``queries/`` beside it) runs the same documents, interleaved document by document
(A B, then B A), and the median of the per-round ratios is printed. ``--profile`` runs cProfile in this process instead.

    .venv/bin/python benchmarks/extract_speed.py [--rounds 5] [--n 20] [--sets synthetic,shared]
    .venv/bin/python benchmarks/extract_speed.py --compare /tmp/base/src [--src /tmp/new/src]
    .venv/bin/python benchmarks/extract_speed.py --profile [--sort tottime]
    .venv/bin/python benchmarks/extract_speed.py POLICY...     # these files only
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SHARED = ROOT.parent / "shared" / "policies"
GENERALIZATION = ROOT / "tests" / "generalization" / "policies"
TARGET = 20.0  # documents of 30 kB per second per core
KB30 = 30_000


# --- the worker: one source tree, documents by path, one round per request -----------------------

def clear_text_caches(limit: int | None = 64) -> int:
    """Clear every small ``lru_cache`` of the loaded ``vendorgraph`` modules (the per-text ones; with
    ``limit=None`` every bounded one, the word-level caches too); returns how many. Unbounded caches
    (rules, labels, compiled regexes) are kept."""
    n = 0
    for name, mod in list(sys.modules.items()):
        if not name.startswith("vendorgraph") or mod is None:
            continue
        for obj in list(vars(mod).values()):
            info = getattr(obj, "cache_info", None)
            if not callable(info) or not callable(getattr(obj, "cache_clear", None)) \
                    or getattr(obj, "__module__", None) != name:
                continue
            maxsize = getattr(info(), "maxsize", None)
            if maxsize is not None and (limit is None or maxsize <= limit):
                obj.cache_clear()
                n += 1
    return n


def _worker() -> int:
    """Read requests ``{"files": [...], "warm": bool, "cold": bool}`` (one JSON line each) from stdin; answer
    ``{"cpu": s, "wall": s, "load_cpu": s, "chars": n, "docs": n}`` lines on stdout."""
    from vendorgraph.extract import get_extractor
    from vendorgraph.load import load
    from vendorgraph.segment import segment

    ex = get_extractor("rules")
    out = sys.stdout
    for line in sys.stdin:
        req = json.loads(line)
        if req.get("warmup"):
            for f in req["files"]:
                d = load(f)
                try:
                    ex.extract(d, segment(d.text))
                except Exception:  # noqa: BLE001 - reported when the document is measured
                    pass
            out.write(json.dumps({"ok": True}) + "\n")
            out.flush()
            continue
        c0 = time.process_time()
        docs = [load(f) for f in req["files"]]
        load_cpu = time.process_time() - c0
        cpu = wall = 0.0
        chars = 0
        errors = []
        for d in docs:
            if req.get("cold"):
                clear_text_caches(None)
            elif not req.get("warm"):
                clear_text_caches()
            t0, c0 = time.perf_counter(), time.process_time()
            try:
                ex.extract(d, segment(d.text))
            except Exception as e:  # noqa: BLE001 - a tree being edited may fail on a document: not timed
                errors.append(f"{d.name}: {type(e).__name__}: {e}")
                continue
            cpu += time.process_time() - c0
            wall += time.perf_counter() - t0
            chars += len(d.text)
        out.write(json.dumps({"cpu": cpu, "wall": wall, "load_cpu": load_cpu, "chars": chars,
                              "docs": len(docs) - len(errors), "errors": errors}) + "\n")
        out.flush()
    return 0


class Worker:
    """A worker process running the tree at ``src`` (``None``: this checkout)."""

    def __init__(self, src: Path | None) -> None:
        env = dict(os.environ)
        path = str(src or ROOT / "src")
        env["PYTHONPATH"] = path + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
        self.src = path
        self.proc = subprocess.Popen([sys.executable, __file__, "--worker"], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, text=True, env=env)

    def ask(self, req: dict) -> dict:
        assert self.proc.stdin and self.proc.stdout
        self.proc.stdin.write(json.dumps(req) + "\n")
        self.proc.stdin.flush()
        line = self.proc.stdout.readline()
        if not line:
            raise RuntimeError(f"worker for {self.src} died")
        return json.loads(line)

    def close(self) -> None:
        if self.proc.stdin:
            self.proc.stdin.close()
        self.proc.wait()


# --- the parent: document sets, interleaved rounds, the table ------------------------------------

def _synthetic(n: int, seed: int, kb: float, tmp: Path) -> list[str]:
    sys.path.insert(0, str(ROOT))
    from benchmarks.generate import write

    out = tmp / f"synthetic-{seed}"
    write(n, out, seed=seed, target_bytes=int(kb * 1000))
    return sorted(str(p) for p in out.glob("*.txt"))


def _sets(names: list[str], rounds: int, n: int, kb: float, tmp: Path) -> dict[str, list[list[str]]]:
    """Per set, the files of each round."""
    out: dict[str, list[list[str]]] = {}
    for name in names:
        if name == "synthetic":
            out[name] = [_synthetic(n, 1000 + r, kb, tmp) for r in range(rounds)]
        elif name == "shared" and SHARED.is_dir():
            out[name] = [sorted(map(str, SHARED.glob("*.txt")))] * rounds
        elif name == "generalization" and GENERALIZATION.is_dir():
            out[name] = [sorted(map(str, GENERALIZATION.glob("*.txt")))] * rounds
    return out


def _row(label: str, rs: list[dict]) -> dict:
    """Median over rounds of CPU ms per document and per 30 kB."""
    rs = [r for r in rs if r["docs"]]
    if not rs:
        print(f"  {label:<14} no document extracted")
        return {}
    ms_doc = statistics.median(r["cpu"] / r["docs"] * 1000 for r in rs)
    ms_30 = statistics.median(r["cpu"] / (r["chars"] / KB30) * 1000 for r in rs)
    wall_30 = statistics.median(r["wall"] / (r["chars"] / KB30) * 1000 for r in rs)
    load_ms = statistics.median(r["load_cpu"] / r["docs"] * 1000 for r in rs)
    kb = rs[0]["chars"] / rs[0]["docs"] / 1000
    print(f"  {label:<14} {kb:6.1f} kB  {ms_doc:8.1f} ms/doc  {ms_30:8.1f} ms/30kB  "
          f"{1000 / ms_30:6.1f} docs30/s/core (CPU)  {1000 / wall_30:6.1f} (wall)  load {load_ms:6.1f} ms/doc")
    return {"ms_30": ms_30, "per_round": [r["cpu"] / r["chars"] for r in rs]}


def _profile(files: list[str], sort: str, warm: bool) -> None:
    import cProfile
    import pstats

    from vendorgraph.extract import get_extractor
    from vendorgraph.load import load
    from vendorgraph.segment import segment

    docs = [load(f) for f in files]
    ex = get_extractor("rules")
    for d in docs[:2]:
        ex.extract(d, segment(d.text))
    prof = cProfile.Profile()
    for d in docs[2:]:
        if not warm:
            clear_text_caches()
        prof.enable()  # the caches are cleared outside the profile
        ex.extract(d, segment(d.text))
        prof.disable()
    pstats.Stats(prof).sort_stats(sort).print_stats(40)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("policies", nargs="*", help="measure these files (every round) instead of the sets")
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--n", type=int, default=20, help="synthetic policies per round")
    ap.add_argument("--kb", type=float, default=30.0, help="size of the synthetic policies")
    ap.add_argument("--sets", default="synthetic,shared,generalization")
    ap.add_argument("--src", type=Path, help="the src/ tree to measure (A; default: this checkout's)")
    ap.add_argument("--compare", type=Path, help="a second src/ tree to run interleaved (B)")
    ap.add_argument("--warm", action="store_true", help="keep the per-text caches between documents")
    ap.add_argument("--cold", action="store_true", help="clear the word-level caches too before each document")
    ap.add_argument("--profile", action="store_true", help="cProfile the synthetic set in this process")
    ap.add_argument("--sort", default="tottime")
    ap.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.worker:
        return _worker()

    tmp = Path(tempfile.gettempdir()) / "vendorgraph-extract-speed"
    if args.policies:
        sets = {"files": [list(args.policies)] * args.rounds}
    else:
        sets = _sets([s.strip() for s in args.sets.split(",") if s.strip()], args.rounds, args.n, args.kb, tmp)
    if args.profile:
        files = next(iter(sets.values()))
        _profile([f for r in files for f in r], args.sort, args.warm)
        return 0

    trees = [args.src.resolve() if args.src else None] + ([args.compare.resolve()] if args.compare else [])
    workers = [Worker(t) for t in trees]
    warmup = _synthetic(3, 999, args.kb, tmp)
    try:
        for w in workers:
            w.ask({"warmup": True, "files": warmup})
        results: dict[str, list[list[dict]]] = {s: [[] for _ in workers] for s in sets}
        errors: set[str] = set()
        for r in range(args.rounds):
            for name, rounds in sets.items():
                per = [{"cpu": 0.0, "wall": 0.0, "load_cpu": 0.0, "chars": 0, "docs": 0} for _ in workers]
                for k, f in enumerate(rounds[r]):  # document by document, A B then B A: a load change hits both
                    order = range(len(workers)) if (r + k) % 2 == 0 else reversed(range(len(workers)))
                    got = {i: workers[i].ask({"files": [f], "warm": args.warm, "cold": args.cold}) for i in order}
                    failed = [e for g in got.values() for e in g["errors"]]
                    if failed:  # a document some tree cannot extract is left out for all
                        errors.update(failed)
                        continue
                    for i, g in got.items():
                        for key in per[i]:
                            per[i][key] += g[key]
                for i in range(len(workers)):
                    results[name][i].append(per[i])
    finally:
        for w in workers:
            w.close()

    caches = ("per-text caches kept (--warm)" if args.warm else
              "all bounded caches (per text and per word) cleared before each document (--cold)" if args.cold else
              "per-text caches cleared before each document (word-level caches warm)")
    print(f"segment + extract, median of {args.rounds} rounds, {caches}; target > {TARGET:.0f} docs30/s/core")
    for e in sorted(errors):
        print(f"  left out (extraction failed): {e[:160]}")
    for i, t in enumerate(trees):
        print(f"{'AB'[i]}: {t or ROOT / 'src'}")
        rows = {name: _row(name, results[name][i]) for name in sets}
        if i == 1:
            print("  B / A CPU time (median of per-round ratios; < 1: B is faster):")
            for name in sets:
                ratios = [b["cpu"] / a["cpu"] for a, b in zip(results[name][0], results[name][1]) if a["cpu"]]
                print(f"  {name:<14} {statistics.median(ratios):6.3f}  (rounds: "
                      + " ".join(f"{x:.3f}" for x in ratios) + ")")
        del rows
    return 0


if __name__ == "__main__":
    sys.exit(main())
