"""The generated reference files are what tools/build_registry.py makes from its inputs (no hand edits)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from vendorgraph.resources import data_dir

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def build():
    spec = importlib.util.spec_from_file_location("build_registry", ROOT / "tools" / "build_registry.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_split_runs_separates_former_names(build):
    services, former = build._split_runs(["GMX Mail", "Facebook Ireland Ltd. (formerly)", "Lynda (früher)"])
    assert services == ["GMX Mail"] and former == ["Facebook Ireland Ltd.", "Lynda"]


def test_vendors_file_is_up_to_date(build, shared):
    text, stats = build.build_vendors(shared / "registry" / "datenanfragen-companies.jsonl", "2026-11-22")
    committed = (data_dir("ontology") / "reference" / "vendors-datenanfragen.ttl").read_text(encoding="utf-8")
    assert text == committed, "run: python tools/build_registry.py vendors"
    assert stats["seeded"] + stats["known_curated"] + stats["duplicate"] + stats["no_country"] == stats["companies"]


def test_countries_file_is_up_to_date(build, shared):
    pytest.importorskip("pycountry")
    text = build.build_countries(shared / "vocab" / "dpv-2.3" / "loc.ttl")
    committed = (data_dir("ontology") / "reference" / "countries.ttl").read_text(encoding="utf-8")
    if text.splitlines()[1] != committed.splitlines()[1]:
        pytest.skip("another pycountry version than the one the file was made with")
    assert text == committed, "run: python tools/build_registry.py countries"
