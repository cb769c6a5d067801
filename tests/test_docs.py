"""The examples in the package's docstrings run as tests (as pyoxigraph's and sqlite-utils' do)."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import vendorgraph


def _modules() -> list[str]:
    names = [m.name for m in pkgutil.walk_packages(vendorgraph.__path__, "vendorgraph.")]
    return sorted(["vendorgraph", *names])


def _with_examples(name: str) -> bool:
    spec = importlib.util.find_spec(name)
    return spec is not None and spec.origin is not None and ">>>" in open(spec.origin, encoding="utf-8").read()


@pytest.mark.parametrize("name", [n for n in _modules() if _with_examples(n)])
def test_docstring_examples_run(name):
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE, verbose=False)
    assert result.attempted > 0, f"{name} shows examples that doctest does not find"
    assert result.failed == 0, f"{result.failed} of {result.attempted} docstring examples in {name} fail"
