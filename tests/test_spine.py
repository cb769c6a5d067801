"""End to end on the bundled samples: facts, store, usa-paths, graph page, CLI errors."""

from __future__ import annotations

import json

from vendorgraph.cli import main
from vendorgraph.queries import run
from vendorgraph.store import open_store


def test_facts_cli_writes_gold_shaped_json(tmp_path, samples):
    assert main(["facts", *map(str, samples), "--out", str(tmp_path)]) == 0
    for s in samples:
        data = json.loads((tmp_path / f"{s.stem}.json").read_text())
        assert set(data) >= {"document", "language", "controller", "parties", "recipient_categories",
                             "transfers", "data_categories"}
        text = s.read_text(encoding="utf-8")
        for p in data["parties"]:
            for ev in p["evidence"]:
                assert text[ev["start"]:ev["end"]] == ev["quote"]


def test_ingest_is_idempotent(tmp_path, samples):
    store_dir = tmp_path / "store"
    assert main(["ingest", *map(str, samples), "--store", str(store_dir)]) == 0
    s = open_store(store_dir)
    before = sorted(map(str, s.quads()))
    s.close()
    assert main(["ingest", *map(str, samples), "--store", str(store_dir)]) == 0
    s = open_store(store_dir)
    assert sorted(map(str, s.quads())) == before
    s.close()


def test_missing_empty_binary_files_fail_cleanly(tmp_path, capsys, samples):
    store_dir = tmp_path / "store"
    assert main(["ingest", str(samples[0]), "--store", str(store_dir)]) == 0
    s = open_store(store_dir)
    before = sorted(map(str, s.quads()))
    s.close()
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "blob.txt"
    binary.write_bytes(b"\x00\x01\x02\xff" * 100)
    for bad in (tmp_path / "missing.txt", empty, binary):
        capsys.readouterr()
        assert main(["ingest", str(bad), "--store", str(store_dir)]) == 1
        err = capsys.readouterr().err.strip().splitlines()
        assert len(err) == 1 and bad.name in err[0]
    s = open_store(store_dir)
    assert sorted(map(str, s.quads())) == before
    s.close()


def test_demo_writes_page_and_table(tmp_path):
    assert main(["demo", "--out", str(tmp_path)]) == 0
    assert (tmp_path / "graph.html").stat().st_size > 1000
    table = (tmp_path / "usa-paths.txt").read_text()
    assert "US" in table
    s = open_store(tmp_path / "store")
    assert len(run(s, "usa-paths", country="US")) >= 1
    s.close()


def test_min_confidence_trades_recall_for_precision(tmp_path, samples):
    low, high = tmp_path / "low", tmp_path / "high"
    assert main(["facts", *map(str, samples), "--out", str(low)]) == 0
    assert main(["facts", *map(str, samples), "--out", str(high), "--min-confidence", "0.99"]) == 0
    for s in samples:
        a = json.loads((low / f"{s.stem}.json").read_text())
        b = json.loads((high / f"{s.stem}.json").read_text())
        assert len(b["transfers"]) <= len(a["transfers"]) and len(b["parties"]) <= len(a["parties"])
        for t in b["transfers"]:
            assert all(ev.get("confidence", 1.0) >= 0.99 for ev in t["evidence"])
