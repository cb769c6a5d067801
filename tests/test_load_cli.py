"""`vendorgraph ingest` / `facts` on a mixed batch: files, folders, globs and URLs; bad ones are
reported one line each, the rest go on, the exit code is non-zero and a summary is printed."""

from __future__ import annotations

import pytest

from vendorgraph.cli import main
from vendorgraph.store import open_store
from vendorgraph.versions import list_documents

from test_load import DE_POLICY, EN_POLICY, FR_POLICY, PAGE, POLICY_PDF_PAGES, RECIPE, make_pdf

BAD = {
    "empty.txt": b"",
    "blob.txt": b"\x00\x01\x02\xff" * 64,
    "recipe.txt": RECIPE.encode(),
    "french.txt": FR_POLICY.encode(),
    "broken.pdf": make_pdf(POLICY_PDF_PAGES)[:150],
}
GOOD = {
    "en.txt": EN_POLICY.encode(),
    "de-latin1.txt": DE_POLICY.encode("latin-1"),
    "page.html": PAGE.encode(),
    "policy.pdf": make_pdf(POLICY_PDF_PAGES),
}


@pytest.fixture()
def batch(tmp_path):
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    for name, data in {**BAD, **GOOD}.items():
        (folder / ("sub" if name.endswith(".pdf") else "") / name).write_bytes(data)
    return folder


@pytest.mark.parametrize("jobs", ["2"])  # the pool path; the serial one is test_spine's
def test_ingest_batch_goes_on_and_exits_non_zero(tmp_path, batch, capsys, jobs):
    store_dir = tmp_path / "store"
    unreachable = "http://127.0.0.1:9/privacy"
    code = main(["ingest", str(batch), unreachable, "--store", str(store_dir), "-j", jobs, "-q"])
    out, err = capsys.readouterr()
    assert code == 1
    lines = err.strip().splitlines()
    assert len(lines) == len(BAD) + 1  # one line per bad input, nothing else
    for name in [*BAD, unreachable]:
        assert sum(name in line for line in lines) == 1, name
    assert f"{len(GOOD)} ingested" in out and f"{len(BAD) + 1} failed" in out
    s = open_store(store_dir, read_only=True, load_reference=False)
    try:
        sources = {r[1] for r in list_documents(s).rows}
    finally:
        s.close()
    assert sources == set(GOOD)


def test_globs_and_facts_command(tmp_path, batch, capsys):
    out_dir = tmp_path / "facts"
    code = main(["facts", str(batch / "*.txt"), "--out", str(out_dir)])
    out, err = capsys.readouterr()
    assert code == 1
    assert sorted(p.name for p in out_dir.glob("*.json")) == ["de-latin1.json", "en.json"]
    assert len(err.strip().splitlines()) == 4  # empty, blob, recipe, french


def test_all_good_batch_exits_zero(tmp_path, batch, capsys):
    code = main(["ingest", str(batch / "en.txt"), str(batch / "page.html"), "--store", str(tmp_path / "s"), "-q"])
    assert code == 0 and capsys.readouterr().err == ""
