"""The query library: one SPARQL file per question in ``queries/``, each with a header.

Header lines at the top of each ``.rq`` file::

    # title: Every path by which personal data reaches a country
    # description: free text (may repeat)
    # param: country: country = US -- destination country (ISO 3166-1 alpha-2)
    # columns: controller, path, recipient, country, mechanisms, categories, quote, document

Parameter types: ``country`` (ISO code -> loc: IRI), ``iri``, ``org`` (name or IRI of an
organisation), ``string``, ``date``, ``integer``. Values are bound as variables
(``?country``), never pasted into the text. A parameter whose default is ``*`` is optional:
left out, its variable stays unbound (e.g. ``path-details`` for every controller or one).

>>> "usa-paths" in [q.name for q in list_queries()]
True
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from operator import itemgetter
from pathlib import Path
from typing import Any

from .errors import QueryError
from .resources import data_dir
from .store import ResultTable, Store

_HEADER = re.compile(r"^#\s*(\w+)\s*:\s*(.*)$")
_PARAM = re.compile(r"^(\w+)\s*:\s*(\w+)\s*(?:=\s*(\S+))?\s*(?:--\s*(.*))?$")
TYPES = ("country", "iri", "org", "string", "date", "integer")
ANY = "*"  # the default of an optional parameter


@dataclass(frozen=True)
class Param:
    name: str
    type: str
    default: str | None
    doc: str

    @property
    def required(self) -> bool:
        return self.default is None

    @property
    def optional(self) -> bool:
        """Default ``*``: unbound unless given."""
        return self.default == ANY


@dataclass(frozen=True)
class QuerySpec:
    """A parsed ``.rq`` file."""

    name: str
    path: Path
    title: str
    description: str
    params: tuple[Param, ...]
    columns: tuple[str, ...]
    text: str
    meta: tuple[tuple[str, str], ...] = ()

    def get(self, key: str, default: str = "") -> str:
        return dict(self.meta).get(key, default)


def parse_query_file(path: Path, name: str | None = None) -> QuerySpec:
    text = path.read_text(encoding="utf-8")
    title, desc, params, cols, meta = "", [], [], (), []
    for line in text.splitlines():
        if not line.startswith("#"):
            if line.strip():
                break
            continue
        m = _HEADER.match(line)
        if not m:
            continue
        key, val = m.group(1).lower(), m.group(2).strip()
        if key == "title":
            title = val
        elif key == "description":
            desc.append(val)
        elif key == "param":
            pm = _PARAM.match(val)
            if not pm or pm.group(2) not in TYPES:
                raise QueryError(f"{path}: bad param header {val!r}")
            params.append(Param(pm.group(1), pm.group(2), pm.group(3), (pm.group(4) or "").strip()))
        elif key == "columns":
            cols = tuple(c.strip() for c in val.split(",") if c.strip())
        else:
            meta.append((key, val))
    qname = name or path.stem.replace("_", "-")
    return QuerySpec(qname, path, title, " ".join(desc), tuple(params), cols, text, tuple(meta))


@cache
def _library(folder: str) -> dict[str, QuerySpec]:
    root = data_dir("queries") / folder if folder else data_dir("queries")
    specs = [parse_query_file(p) for p in sorted(root.glob("*.rq"))]
    return {s.name: s for s in specs}


def list_queries(folder: str = "") -> list[QuerySpec]:
    """The shipped queries of ``queries/`` (or its sub-folder ``checks`` / ``risk``), by name."""
    return sorted(_library(folder).values(), key=lambda s: s.name)


def get_query(name_or_path: str | Path) -> QuerySpec:
    """A shipped query by name (``usa-paths``, ``checks/flow-evidence``) or a user's ``.rq`` file."""
    s = str(name_or_path)
    if s.endswith(".rq"):
        p = Path(s)
        if not p.is_file():
            raise QueryError(f"{s}: no such query file")
        return parse_query_file(p)
    folder, _, base = s.rpartition("/")
    spec = _library(folder).get(base.replace("_", "-")) if folder in ("", "checks", "risk", "internal") else None
    if spec is None:
        names = ", ".join(q.name for q in list_queries())
        raise QueryError(f"unknown query {s!r}; known: {names}")
    return spec


def _term(param: Param, value: str, store: Store | None) -> Any:
    from pyoxigraph import Literal, NamedNode

    from .ids import org_iri
    from .vocab import XSD, country

    t = param.type
    try:
        if t == "country":
            v = value.strip()
            if v != "third_countries" and not re.fullmatch(r"[A-Za-z]{2}", v):
                raise ValueError("expected an ISO 3166-1 alpha-2 code such as US")
            return NamedNode(country(v))
        if t == "iri":
            return NamedNode(value)
        if t == "org":
            if value.startswith(("http://", "https://")):
                return NamedNode(value)
            return NamedNode(find_org(store, value) if store is not None else org_iri(value))
        if t == "date":
            if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
                raise ValueError("expected YYYY-MM-DD")
            return Literal(value, datatype=NamedNode(XSD.date))
        if t == "integer":
            return Literal(str(int(value)), datatype=NamedNode(XSD.integer))
        return Literal(value)
    except ValueError as e:
        raise QueryError(f"parameter {param.name}={value!r}: {e}") from e


def find_org(store: Store, name: str) -> str:
    """IRI of the organisation called ``name`` (label or alias; exact match first, else a unique partial match).

    >>> from vendorgraph.store import open_store
    >>> find_org(open_store(None), "No Such Vendor 4711")
    Traceback (most recent call last):
    ...
    vendorgraph.errors.QueryError: no organisation in the store matches 'No Such Vendor 4711'
    """
    from pyoxigraph import Literal

    exact_case = {r[0] for r in store.query(get_query("org-by-name").text, {"name": Literal(name)}).rows}
    if len(exact_case) == 1:
        return str(exact_case.pop())
    rows = store.query(get_query("find-org").text, {"name": Literal(name)}).rows
    exact = [r for r in rows if r[2] == "1"]
    pick = exact if exact else rows
    if len(pick) == 1:
        return str(pick[0][0])
    if not pick:
        raise QueryError(f"no organisation in the store matches {name!r}")
    names = ", ".join(str(r[1]) for r in pick[:5])
    raise QueryError(f"{name!r} matches {len(pick)} organisations ({names}{', ...' if len(pick) > 5 else ''}); give the IRI")


def bindings(spec: QuerySpec, values: dict[str, str], store: Store | None = None) -> dict[str, Any]:
    """Check ``values`` against the spec's params and turn them into RDF terms."""
    known = {p.name for p in spec.params}
    unknown = sorted(set(values) - known)
    if unknown:
        raise QueryError(f"query {spec.name!r} takes no parameter {unknown[0]!r} (takes: {', '.join(sorted(known)) or 'none'})")
    out = {}
    for p in spec.params:
        v = values.get(p.name, p.default)
        if v is None:
            raise QueryError(f"query {spec.name!r} needs parameter {p.name!r} ({p.type}): {p.doc}")
        if p.optional and str(v) == ANY:
            continue
        out[p.name] = _term(p, str(v), store)
    return out


def run(store: Store, name_or_path: str | Path, **params: str) -> ResultTable:
    """Run a library query with parameters bound safely.

    >>> from vendorgraph.store import open_store
    >>> run(open_store(None), "path-details").columns[:2]
    ('controller', 'path')
    """
    spec = get_query(name_or_path)
    try:
        return sort_rows(spec, store.query(spec.text, bindings(spec, {k: str(v) for k, v in params.items()}, store)))
    except QueryError as e:
        if str(e).startswith("invalid SPARQL in query"):
            raise QueryError(str(e).replace("in query", f"in {spec.path.name}", 1)) from e
        raise


def sort_rows(spec: QuerySpec, table: ResultTable) -> ResultTable:
    """The rows sorted by the columns of the ``# sort:`` header, if any (unbound first).

    A query over thousands of stored strings sorts faster here than in the engine, which reads
    every string again from disk for each comparison (Oxigraph).

    >>> t = ResultTable(("a",), [("b",), (None,), ("a",)])
    >>> sort_rows(QuerySpec("q", Path("q.rq"), "", "", (), ("a",), "", (("sort", "a"),)), t).rows
    [(None,), ('a',), ('b',)]
    """
    keys = [c.strip() for c in spec.get("sort").split(",") if c.strip()]
    if not keys:
        return table
    missing = [k for k in keys if k not in table.columns]
    if missing:
        raise QueryError(f"{spec.path.name}: '# sort:' names {missing[0]!r}, which is not a column")
    idx = [table.columns.index(k) for k in keys]
    if all(r[i] is not None for r in table.rows for i in idx):  # the usual case: plain string keys, fast
        return ResultTable(table.columns, sorted(table.rows, key=itemgetter(*idx)))
    return ResultTable(table.columns, sorted(table.rows, key=lambda r: [(r[i] is not None, r[i] or "") for i in idx]))


@dataclass(frozen=True)
class CheckResult:
    """One consistency check of ``queries/checks/``: it passes when its query returns no rows."""

    spec: QuerySpec
    table: ResultTable

    @property
    def ok(self) -> bool:
        return not self.table.rows


def run_checks(store: Store, names: list[str] | None = None) -> list[CheckResult]:
    """Run every check (or the named ones) of ``queries/checks/``.

    >>> from vendorgraph.store import open_store
    >>> all(r.ok for r in run_checks(open_store(None)))
    True
    """
    specs = list_queries("checks")
    if names:
        known = {s.name: s for s in specs}
        missing = [n for n in names if n not in known]
        if missing:
            raise QueryError(f"unknown check {missing[0]!r}; known: {', '.join(known)}")
        specs = [known[n] for n in names]
    return [CheckResult(s, store.query(s.text, bindings(s, {}, store))) for s in specs]


def queries_table(folder: str = "") -> ResultTable:
    """The library as a table: name, title, parameters (``name: type = default``), columns, description."""
    rows = []
    for q in list_queries(folder):
        params = "; ".join(f"{p.name}: {p.type}" + (f" = {p.default}" if p.default is not None else "") for p in q.params)
        rows.append((q.name, q.title, params, ", ".join(q.columns), q.description))
    return ResultTable(("name", "title", "params", "columns", "description"), rows)
