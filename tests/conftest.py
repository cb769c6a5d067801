"""Shared fixtures: the read-only ../shared folder, tiny in-memory stores, the samples."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def shared() -> Path:
    if not (SHARED / "policies").is_dir():
        pytest.skip("../shared is not beside the project")
    return SHARED


@pytest.fixture()
def mem_store():
    from vendorgraph.store import open_store

    s = open_store(None)
    yield s
    s.close()


@pytest.fixture(scope="session")
def samples() -> list[Path]:
    from vendorgraph.demo import sample_files

    return sample_files()
