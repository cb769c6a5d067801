"""The headline figures on ../shared/policies, and on the project's own policy sets (tests/generalization*),
must not fall more than 0.02 below those recorded in scores.json.

Runs the real ``facts`` pipeline (segment -> rules -> resolve) into a temporary folder and scores it
with ../shared/eval/score.py (imported by path). Skips when ../shared is not beside the project.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

RECORDED = Path(__file__).with_name("scores.json")
TOLERANCE = 0.02


def _scorer(shared: Path):
    path = shared / "eval" / "score.py"
    if not path.is_file():
        pytest.skip("../shared/eval/score.py is missing")
    spec = importlib.util.spec_from_file_location("shared_score", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def measure(shared: Path, out: Path, policies: Path | None = None, gold: Path | None = None) -> dict[str, float]:
    """F1 per headline figure for the rule-based extractor on a policy folder (default: the shared samples)."""
    from vendorgraph.pipeline import write_facts

    score = _scorer(shared)
    policies, gold = policies or shared / "policies", gold or shared / "gold"
    rep = write_facts(sorted(policies.glob("*.txt")), out)
    assert not rep.failed, rep.failed
    tally = score.Tally()
    for gf in sorted(gold.glob("*.json")):
        pf = out / gf.name
        score.score_doc(json.loads(gf.read_text()), json.loads(pf.read_text()) if pf.exists() else {}, tally, [])
    return {k: round(tally.prf(k)[2], 3) for k in tally.c}


def test_scores_do_not_regress(shared, tmp_path):
    recorded = json.loads(RECORDED.read_text())["f1"]
    got = measure(shared, tmp_path)
    low = {k: (got.get(k, 0.0), v) for k, v in recorded.items() if got.get(k, 0.0) < v - TOLERANCE}
    assert not low, f"F1 fell more than {TOLERANCE} below the record (got, recorded): {low}"


SETS = json.loads(RECORDED.read_text()).get("sets", {})


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(SETS))
def test_own_set_scores_do_not_regress(shared, tmp_path, name):
    folder = Path(__file__).parent / name
    got = measure(shared, tmp_path, folder / "policies", folder / "gold")
    low = {k: (got.get(k, 0.0), v) for k, v in SETS[name].items() if got.get(k, 0.0) < v - TOLERANCE}
    assert not low, f"{name}: F1 fell more than {TOLERANCE} below the record (got, recorded): {low}"
