"""Extraction speed: documents per second per core for ~30 kB policies (rule-based extractor).

Segments and extracts each policy of ../shared/policies (or the bundled samples, repeated to
~30 kB, when ../shared is absent) several times in one process after one warm-up pass (which
loads the rules, the ontology labels and the registry once), and prints documents per second on
one core, normalised to 30 kB. Plain script, prints numbers; not a test.

    .venv/bin/python benchmarks/extract_speed.py [--rounds 5] [POLICY...]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
SHARED = HERE.parent.parent / "shared" / "policies"
TARGET = 20.0  # documents of 30 kB per second per core


def _inputs(paths: list[str]) -> list[Path]:
    if paths:
        return [Path(p) for p in paths]
    if SHARED.is_dir():
        return sorted(SHARED.glob("*.txt"))
    return sorted((HERE.parent / "ingest" / "samples").glob("*.txt"))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("policies", nargs="*")
    ap.add_argument("--rounds", type=int, default=5)
    args = ap.parse_args(argv)

    from vendorgraph.extract import get_extractor
    from vendorgraph.load import load
    from vendorgraph.segment import segment

    docs = [load(p) for p in _inputs(args.policies)]
    ex = get_extractor("rules")
    t0 = time.perf_counter()
    for d in docs:  # warm-up: rules, labels, registry
        ex.extract(d, segment(d.text))
    warm = time.perf_counter() - t0
    chars = 0
    t0, c0 = time.perf_counter(), time.process_time()
    for _ in range(args.rounds):
        for d in docs:
            ex.extract(d, segment(d.text))
            chars += len(d.text)
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    n = args.rounds * len(docs)
    print(f"documents: {len(docs)} x {args.rounds} rounds, mean size {chars / n / 1000:.1f} kB")
    print(f"first pass (loads rules, labels, registry): {warm:.2f} s")
    print(f"documents per second per core (CPU time): {n / cpu:.1f}; wall clock: {n / wall:.1f}")
    print(f"30 kB documents per second per core (CPU time): {chars / 30000 / cpu:.1f} (target > {TARGET:.0f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
