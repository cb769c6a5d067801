"""The wheel carries the data folders: installed outside the checkout, it loads the ontology and lists queries."""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

SCRIPT = """
import vendorgraph, vendorgraph.resources as r, vendorgraph.queries as q
from vendorgraph.store import open_store
assert "site-packages" in vendorgraph.__file__, vendorgraph.__file__
assert r.data_dir("ontology").joinpath("core.ttl").is_file()
s = open_store(None)
print("triples", s.triple_count())
print("queries", ",".join(x.name for x in q.list_queries()))
"""


@pytest.mark.slow
def test_wheel_installs_and_works_outside_checkout(tmp_path):
    dist = tmp_path / "dist"
    subprocess.run([sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(dist), str(ROOT)],
                   check=True, capture_output=True)
    wheel = next(dist.glob("vendorgraph-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    for data in ("vendorgraph/data/ontology/core.ttl", "vendorgraph/data/queries/usa_paths.rq"):
        assert data in names
    assert any(n.startswith("vendorgraph/data/ingest/samples/") for n in names)
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    py = venv / "bin" / "python"
    subprocess.run([str(py), "-m", "pip", "install", "--quiet", "--no-deps", str(wheel)], check=True,
                   capture_output=True)
    # Dependencies come from the project's environment, appended after the new venv's own site-packages.
    site = subprocess.run([str(py), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                          check=True, capture_output=True, text=True).stdout.strip()
    Path(site, "zz_deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    out = subprocess.run([str(py), "-c", SCRIPT], cwd=tmp_path, env=env, check=True, capture_output=True, text=True)
    assert "usa-paths" in out.stdout
    assert int(out.stdout.split("triples ")[1].split()[0]) > 100
    cli = subprocess.run([str(venv / "bin" / "vendorgraph"), "--version"], cwd=tmp_path, env=env,
                         capture_output=True, text=True)
    assert cli.returncode == 0 and "vendorgraph" in cli.stdout
