"""Compaction after ingest: when it runs, that it keeps every quad, and the CLI switch."""

from __future__ import annotations

from pathlib import Path

import pytest

from vendorgraph import store_oxigraph
from vendorgraph.pipeline import ingest
from vendorgraph.store import open_store
from vendorgraph.writer import compact


class _Store:
    """A store that records compactions and says whether it is fragmented and how big it is."""

    def __init__(self, fragmented: bool, size: int = 1000) -> None:
        self._fragmented, self.size, self.runs = fragmented, size, 0

    def fragmented(self) -> bool:
        return self._fragmented

    def disk_bytes(self) -> int:
        return self.size

    def optimize(self) -> None:
        self.runs += 1


@pytest.mark.parametrize(("asked", "fragmented", "runs"), [
    (None, True, 1), (None, False, 0), (True, False, 1), (True, True, 1), (False, True, 0),
])
def test_compact_runs_when_asked_or_fragmented(asked, fragmented, runs):
    s = _Store(fragmented)
    took = compact(s, asked)  # type: ignore[arg-type]
    assert s.runs == runs
    assert (took is not None) == bool(runs) and (took is None or took >= 0)


@pytest.mark.parametrize(("batches", "before", "runs"), [
    (2, 0, 1),      # a new store filled by two bulk loads
    (5, 800, 1),    # the ingest added a fifth of the store
    (5, 801, 0),    # less than a fifth
    (1, 0, 0),      # one bulk load: one file per index already
])
def test_a_bulk_ingest_that_grew_the_store_compacts_it(batches, before, runs):
    s = _Store(fragmented=False, size=1000)
    compact(s, None, batches=batches, bytes_before=before)  # type: ignore[arg-type]
    assert s.runs == runs


def test_stores_that_cannot_compact_are_left_alone():
    class Endpoint:  # no optimize(): e.g. a SPARQL endpoint
        pass

    assert compact(Endpoint(), True) is None  # type: ignore[arg-type]


def test_fragmented_counts_files_beyond_what_the_size_needs(tmp_path, monkeypatch):
    s = open_store(str(tmp_path / "st"))
    try:
        s.update("INSERT DATA { GRAPH <urn:g> { <urn:a> <urn:p> <urn:b> } }")
        s.flush()
        files = len(list((tmp_path / "st").glob("*.sst")))
        assert files > 0
        assert s.disk_bytes() == sum(f.stat().st_size for f in (tmp_path / "st").glob("*.sst")) > 0
        assert open_store(None).disk_bytes() == 0
        monkeypatch.setattr(store_oxigraph, "SPARE_FILES", files - 1)
        assert s.fragmented()
        monkeypatch.setattr(store_oxigraph, "SPARE_FILES", files)
        assert not s.fragmented()
        assert not open_store(None).fragmented()  # in memory: nothing to compact
    finally:
        s.close()


def _policies(folder: Path, n: int) -> Path:
    from benchmarks.generate import generate

    folder.mkdir(parents=True)
    for name, text in generate(n, seed=11, target_bytes=2500):
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_compaction_keeps_every_quad(tmp_path):
    src = _policies(tmp_path / "in", 5)
    plain, packed = open_store(str(tmp_path / "a")), open_store(str(tmp_path / "b"))
    try:
        r1 = ingest([src], plain, jobs=1, optimize=False)
        r2 = ingest([src], packed, jobs=1, optimize=True)
        assert r1.compacted is None and r2.compacted is not None
        assert "store compacted in" in r2.summary() and "compacted" not in r1.summary()
        assert sorted(map(str, plain.quads())) == sorted(map(str, packed.quads()))
    finally:
        plain.close()
        packed.close()


def test_cli_optimize_switch(tmp_path, capsys):
    from vendorgraph.cli import main

    src = _policies(tmp_path / "in", 2)
    assert main(["ingest", str(src), "--store", str(tmp_path / "s1"), "--quiet", "--optimize"]) == 0
    assert "store compacted in" in capsys.readouterr().out
    assert main(["ingest", str(src), "--store", str(tmp_path / "s2"), "--quiet", "--no-optimize"]) == 0
    assert "compacted" not in capsys.readouterr().out


@pytest.mark.slow
def test_a_parallel_ingest_of_several_batches_compacts_the_store(tmp_path, monkeypatch):
    from vendorgraph import writer

    monkeypatch.setattr(writer, "COMPACT_SHARE", 0.0)  # six small policies are a small share beside the reference data
    src = _policies(tmp_path / "in", 6)
    s = open_store(str(tmp_path / "st"))
    try:
        r = ingest([src], s, jobs=2, batch_docs=2)
        assert len(r.ok) == 6 and r.compacted is not None
        monkeypatch.setattr(writer, "COMPACT_SHARE", 0.2)
        again = ingest([src], s, jobs=2, batch_docs=2)  # the same texts: the store does not grow
        assert again.compacted is None
    finally:
        s.close()


def test_a_file_compacted_away_while_sizes_are_read_is_left_out(tmp_path, monkeypatch):
    from pathlib import Path as P

    s = open_store(str(tmp_path / "st"))
    try:
        s.update("INSERT DATA { GRAPH <urn:g> { <urn:a> <urn:p> <urn:b> } }")
        s.flush()
        real = P.stat
        gone = sorted((tmp_path / "st").glob("*.sst"))[0]

        def stat(self, *a, **k):  # RocksDB deletes a file between the listing and the stat
            if self == gone:
                raise FileNotFoundError(str(self))
            return real(self, *a, **k)

        files = len(list((tmp_path / "st").glob("*.sst")))
        monkeypatch.setattr(P, "stat", stat)
        assert s.disk_bytes() == sum(real(f).st_size for f in (tmp_path / "st").glob("*.sst") if f != gone)
        monkeypatch.setattr(store_oxigraph, "SPARE_FILES", files - 1)
        assert not s.fragmented()  # the file that is gone does not count
    finally:
        monkeypatch.undo()
        s.close()
