"""Bind parameters into a SPARQL query as an inline ``VALUES`` block of RDF terms.

Values are pyoxigraph terms: a ``NamedNode`` refuses characters that are illegal in IRIs
and a ``Literal`` is written with N-Triples escaping, so a value can never change the
structure of the query (no injection). The block goes first inside the outermost
``WHERE`` group, where it works on every SPARQL 1.1 engine and lets the engine start from
the bound constant.

>>> from pyoxigraph import Literal
>>> bind_values('SELECT ?x WHERE { ?x ?p ?name }', {"name": Literal('a" } DROP ALL #')})
'SELECT ?x WHERE { VALUES (?name) { ("a\\\\" } DROP ALL #") } ?x ?p ?name }'
"""

from __future__ import annotations

import re
from typing import Any

from .errors import QueryError

_VAR = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def _code_positions(q: str) -> list[tuple[int, str]]:
    """(index, char) of characters outside comments, strings and IRIs."""
    out: list[tuple[int, str]] = []
    i, n = 0, len(q)
    while i < n:
        c = q[i]
        if c == "#":
            j = q.find("\n", i)
            i = n if j < 0 else j
            continue
        if c in "\"'":
            quote = q[i:i + 3] if q[i:i + 3] in ('"""', "'''") else c
            j = i + len(quote)
            while j < n and q[j:j + len(quote)] != quote:
                j += 2 if q[j] == "\\" else 1
            i = j + len(quote)
            continue
        if c == "<" and re.match(r"<[^<>\"{}|^`\\\s]*>", q[i:]):
            i += re.match(r"<[^<>\"{}|^`\\\s]*>", q[i:]).end()  # type: ignore[union-attr]
            continue
        out.append((i, c))
        i += 1
    return out


def where_brace(q: str) -> int:
    """Index of the ``{`` that opens the outermost WHERE group."""
    code = _code_positions(q)
    text = "".join(c for _, c in code)
    m = re.search(r"\bWHERE\s*\{", text, re.I)
    if m:
        return code[m.end() - 1][0]
    for idx, ch in code:
        if ch == "{":
            return idx
    raise QueryError("query has no WHERE group")


def bind_values(query: str, bindings: dict[str, Any] | None) -> str:
    """``query`` with ``bindings`` (variable name -> pyoxigraph term) as a leading VALUES block."""
    if not bindings:
        return query
    names = sorted(bindings)
    for n in names:
        if not _VAR.match(n):
            raise QueryError(f"invalid variable name {n!r}")
    terms = " ".join(str(bindings[n]) for n in names)
    block = f" VALUES ({' '.join('?' + n for n in names)}) {{ ({terms}) }}"
    pos = where_brace(query) + 1
    return query[:pos] + block + query[pos:]
