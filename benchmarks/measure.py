"""Measuring helpers for the benchmark: peak RSS of a process tree, disk usage, tables."""

from __future__ import annotations

import os
import statistics
import threading
from pathlib import Path
from typing import Sequence


def _children(pid: int) -> list[int]:
    out = []
    try:
        for tid in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{tid}/children") as f:
                out += [int(c) for c in f.read().split()]
    except OSError:
        pass
    return out


def _rss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def _cpu_ticks(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return int(fields[11]) + int(fields[12])  # utime + stime
    except (OSError, IndexError, ValueError):
        return 0


def tree(pid: int) -> list[int]:
    """``pid`` and all its descendants (Linux /proc)."""
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        todo += _children(p)
    return out


def tree_rss_kb(pid: int) -> int:
    """Resident memory of ``pid`` and all its descendants, summed."""
    return sum(_rss_kb(p) for p in tree(pid))


class PeakRSS:
    """Context manager sampling the summed RSS of a process tree every ``interval`` seconds."""

    def __init__(self, pid: int, interval: float = 0.1) -> None:
        self.pid, self.interval, self.peak_kb = pid, interval, 0
        self._ticks: dict[int, int] = {}
        self._stop = threading.Event()
        self._t = threading.Thread(target=self._loop, daemon=True)

    def _loop(self) -> None:
        while not self._stop.is_set():
            pids = tree(self.pid)
            self.peak_kb = max(self.peak_kb, sum(_rss_kb(p) for p in pids))
            for p in pids:
                self._ticks[p] = max(self._ticks.get(p, 0), _cpu_ticks(p))
            self._stop.wait(self.interval)

    def __enter__(self) -> "PeakRSS":
        self._t.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._t.join()

    @property
    def mb(self) -> float:
        return self.peak_kb / 1024

    @property
    def cpu_s(self) -> float:
        """CPU seconds (user + system) of the whole tree, as last sampled."""
        return sum(self._ticks.values()) / os.sysconf("SC_CLK_TCK")


def du(path: Path) -> int:
    """Bytes of all files under ``path``."""
    return sum(f.stat().st_size for f in Path(path).rglob("*") if f.is_file())


def percentile(xs: Sequence[float], p: float) -> float:
    """The ``p``-th percentile (nearest rank) of ``xs``."""
    s = sorted(xs)
    return s[min(len(s) - 1, max(0, round(p / 100 * len(s) + 0.5) - 1))]


def median(xs: Sequence[float]) -> float:
    return statistics.median(xs)


def fmt_table(header: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """A Markdown table."""
    cells = [[str(c) for c in header]] + [[str(c) for c in r] for r in rows]
    w = [max(len(r[i]) for r in cells) for i in range(len(header))]
    line = lambda r: "| " + " | ".join(c.ljust(w[i]) for i, c in enumerate(r)) + " |"  # noqa: E731
    return "\n".join([line(cells[0]), "|" + "|".join("-" * (x + 2) for x in w) + "|"] + [line(r) for r in cells[1:]])
