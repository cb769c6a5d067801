"""Ingest workers start warm: the forkserver preloads the extractor once (pipeline.start_workers)."""

from __future__ import annotations

import importlib
import sys


def test_preload_module_warms_the_extractor_and_reads_both_languages():
    sys.modules.pop("vendorgraph.extract.preload", None)
    mod = importlib.import_module("vendorgraph.extract.preload")
    from vendorgraph.demo import sample_files
    from vendorgraph.load import load

    langs = {load(p).language for p in sample_files()}
    assert mod.warm_up() == len(sample_files()) >= 2 and {"en", "de"} <= langs


def test_pipeline_preloads_the_module_that_exists():
    from vendorgraph import pipeline

    assert importlib.util.find_spec(pipeline.PRELOAD) is not None
    ctx = pipeline._mp_context()
    if ctx.get_start_method() == "forkserver":
        from multiprocessing import forkserver

        assert pipeline.PRELOAD in forkserver._forkserver._preload_modules


def test_ingest_after_start_workers_equals_serial_ingest(tmp_path, samples):
    from vendorgraph.pipeline import ingest, start_workers
    from vendorgraph.store import open_store

    assert not start_workers(samples[:1]) and not start_workers(samples, jobs=1)  # no workers for these
    start_workers(samples, jobs=2)
    start_workers()  # idempotent
    a, b = open_store(tmp_path / "a"), open_store(tmp_path / "b")
    ra, rb = ingest(samples, a, jobs=1), ingest(samples, b, jobs=2)
    assert ra.ok == rb.ok and not rb.failed
    assert sorted(map(str, a.quads())) == sorted(map(str, b.quads()))
    a.close()
    b.close()
