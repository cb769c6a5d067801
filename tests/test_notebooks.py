"""The walk-through notebooks in ``notebooks/``: stored without outputs, public API only, and they run.

Each notebook is executed offline on the bundled samples with nbclient, in a fresh kernel
running this very interpreter (a kernelspec written on the fly, so nothing installed by hand
is needed), with a temporary directory as working directory: a notebook must not write into
the repository. A cell that raises fails the test.
"""

from __future__ import annotations

import ast
import importlib.util
import json
import re
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
NAMES = ["01-quickstart.ipynb", "02-transfer-risk.ipynb", "03-your-own-question.ipynb"]
TIME_LIMIT = 60.0  # seconds per notebook, kernel start included
KERNEL = "vendorgraph-nbtest"

# What a notebook may import from the package: the public API and the documented entry points.
PUBLIC = {"vendorgraph", "vendorgraph.api"}
PUBLIC_NAMES: dict[str, set[str]] = {}


def _nb(name: str):
    nbformat = pytest.importorskip("nbformat")
    return nbformat.read(NOTEBOOKS / name, as_version=4)


def test_every_notebook_is_listed():
    assert sorted(p.name for p in NOTEBOOKS.glob("*.ipynb")) == sorted(NAMES)


@pytest.mark.parametrize("name", NAMES)
def test_notebook_is_stored_without_outputs(name):
    raw = json.loads((NOTEBOOKS / name).read_text(encoding="utf-8"))
    nb = _nb(name)
    import nbformat

    nbformat.validate(nb)
    for cell in raw["cells"]:
        if cell["cell_type"] == "code":
            assert cell.get("outputs") == [], f"{name}: a code cell has stored outputs"
            assert cell.get("execution_count") is None, f"{name}: a code cell has an execution count"
        assert "execution" not in cell.get("metadata", {}), f"{name}: execution timing stored"
    assert "widgets" not in raw["metadata"], f"{name}: widget state stored"


@pytest.mark.parametrize("name", NAMES)
def test_notebook_uses_only_the_public_api(name):
    """No private imports: a notebook is documentation of the public API."""
    nb = _nb(name)
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        src = "\n".join(l for l in cell.source.splitlines() if not l.lstrip().startswith(("%", "!")))
        for node in ast.walk(ast.parse(src)):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("vendorgraph"):
                assert node.module in PUBLIC, f"{name}: private import from {node.module}"
                allowed = PUBLIC_NAMES.get(node.module)
                if allowed is not None:
                    assert {a.name for a in node.names} <= allowed, f"{name}: private name from {node.module}"
            elif isinstance(node, ast.Import):
                for a in node.names:
                    if a.name.startswith("vendorgraph"):
                        assert a.name in PUBLIC, f"{name}: private import {a.name}"
        assert not re.search(r"\bvendorgraph\.(?!api\b|demo\b|viz\b|report\b)\w+", src), \
            f"{name}: reaches into a private module"


@pytest.mark.parametrize("name", NAMES)
def test_notebook_explains_itself(name):
    """Every notebook opens with a title and has prose between its steps."""
    nb = _nb(name)
    assert nb.cells[0].cell_type == "markdown" and nb.cells[0].source.startswith("# ")
    md = sum(c.cell_type == "markdown" for c in nb.cells)
    code = sum(c.cell_type == "code" for c in nb.cells)
    assert code >= 3 and md >= code // 2


def test_notebooks_match_their_generator(capsys):
    """``notebooks/*.ipynb`` are written by ``tools/make_notebooks.py``; edit the generator, not the JSON."""
    pytest.importorskip("nbformat")
    spec = importlib.util.spec_from_file_location("make_notebooks", ROOT / "tools" / "make_notebooks.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    assert sorted(mod.NOTEBOOKS) == sorted(NAMES)
    assert mod.main(["--check"]) == 0, capsys.readouterr().out


@pytest.fixture(scope="module")
def kernel_name(tmp_path_factory):
    """A kernelspec for this interpreter, found first through ``JUPYTER_PATH``."""
    pytest.importorskip("ipykernel")
    root = tmp_path_factory.mktemp("jupyter")
    spec = root / "kernels" / KERNEL
    spec.mkdir(parents=True)
    (spec / "kernel.json").write_text(json.dumps({
        "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        "display_name": "vendorgraph (test)", "language": "python",
        "env": {"MPLBACKEND": "module://matplotlib_inline.backend_inline"},
    }), encoding="utf-8")
    mp = pytest.MonkeyPatch()
    mp.setenv("JUPYTER_PATH", str(root))
    mp.setenv("JUPYTER_RUNTIME_DIR", str(root / "runtime"))  # connection files
    mp.setenv("IPYTHONDIR", str(root / "ipython"))  # no personal profile or startup scripts
    mp.setenv("PYDEVD_DISABLE_FILE_VALIDATION", "1")
    mp.delenv("VENDORGRAPH_STORE", raising=False)
    yield KERNEL
    mp.undo()


def _error_text(nb) -> str:
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            if out.get("output_type") == "error":
                return f"{out['ename']}: {out['evalue']}\n--- in cell ---\n{cell.source}"
    return ""


@pytest.mark.slow
@pytest.mark.parametrize("name", NAMES)
def test_notebook_runs(name, kernel_name, tmp_path):
    nbclient = pytest.importorskip("nbclient")
    nb = _nb(name)
    before = sorted(p.name for p in NOTEBOOKS.iterdir())
    client = nbclient.NotebookClient(nb, kernel_name=kernel_name, timeout=TIME_LIMIT,
                                     resources={"metadata": {"path": str(tmp_path)}})
    t0 = time.perf_counter()
    try:
        client.execute()
    except nbclient.exceptions.CellExecutionError as e:
        plain = re.sub(r"\x1b\[[0-9;]*m", "", str(e))
        pytest.fail(f"{name} raised:\n{plain[-3000:]}", pytrace=False)
    elapsed = time.perf_counter() - t0
    print(f"{name}: {elapsed:.1f} s")
    assert not _error_text(nb), _error_text(nb)
    assert elapsed < TIME_LIMIT, f"{name} took {elapsed:.1f} s"
    # It wrote into its working directory, and nothing into the repository's notebooks/.
    assert any(tmp_path.iterdir()), f"{name} wrote nothing into its working directory"
    assert sorted(p.name for p in NOTEBOOKS.iterdir()) == before
    # Every code cell ran, and the notebook showed something (tables, pictures, the page).
    kinds = {o.get("output_type") for c in nb.cells if c.cell_type == "code" for o in c.outputs}
    assert kinds & {"display_data", "execute_result"}, f"{name} displayed nothing"
    check = CHECKS.get(name)
    if check:
        check(nb, tmp_path)


def _outputs(nb) -> str:
    parts = []
    for c in nb.cells:
        for o in c.get("outputs", []):
            parts.append(o.get("text", ""))
            for mime, v in o.get("data", {}).items():
                if mime.startswith("text/"):
                    parts.append(v if isinstance(v, str) else "".join(v))
    return "\n".join(parts)


def _mimes(nb) -> set[str]:
    return {m for c in nb.cells for o in c.get("outputs", []) for m in o.get("data", {})}


def _check_quickstart(nb, cwd: Path) -> None:
    out = _outputs(nb)
    assert "Northwind Outfitters" in out          # a controller from the samples
    assert "[US]" in out                           # a path to the USA
    assert "srcdoc=" in out                        # the graph page, inline and offline
    assert not re.search(r"<script[^>]+src=[\"']https?://", out), "the inline page loads from the network"


def _check_risk(nb, cwd: Path) -> None:
    assert "image/png" in _mimes(nb), "no chart"
    assert any(p.is_file() and p.stat().st_size > 0 for p in cwd.rglob("*")), "no report exported"


def _check_own(nb, cwd: Path) -> None:
    assert "image/png" in _mimes(nb), "no picture"
    assert "<table" in _outputs(nb), "no table"
    assert list(cwd.glob("*.rq")), "the notebook's own query file is missing"


CHECKS = {NAMES[0]: _check_quickstart, NAMES[1]: _check_risk, NAMES[2]: _check_own}
