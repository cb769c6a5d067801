"""A SPARQL 1.1 endpoint as the store: Virtuoso, Apache Jena Fuseki, GraphDB, Amazon Neptune, Oxigraph server.

Queries and updates go over the SPARQL 1.1 Protocol as form-encoded POSTs (Virtuoso hangs on
plain POST bodies); results come back as SPARQL JSON. The update URL is the query URL, except
``.../query`` -> ``.../update`` (Oxigraph server, Fuseki) and GraphDB's ``/repositories/<id>`` ->
``.../statements``; ``$VENDORGRAPH_UPDATE_URL`` overrides. ``user:password@`` in the URL is sent
as HTTP Basic authentication.

Writes: a version graph is inserted in chunks (``INSERT DATA`` of at most :data:`CHUNK_TRIPLES`
triples: Virtuoso refuses much more per request) and made current afterwards in one request
that updates the meta graph, so readers never see a half-written version as current. A failed
chunk drops the half-written graph again and raises :class:`~vendorgraph.errors.StoreError`.

The server must answer queries over the union of all graphs by default (Virtuoso, GraphDB and
Neptune do; Fuseki with ``unionDefaultGraph``; ``oxigraph serve --union-default-graph``).
"""

from __future__ import annotations

import base64
import json
import os
import urllib.error
import urllib.parse
import urllib.request
from typing import Any, Iterable, Sequence

from .errors import QueryError, StoreError
from .sparql import bind_values
from .store import ResultTable
from .vocab import ID

#: Triples per INSERT DATA request (Virtuoso fails above about 2,000).
CHUNK_TRIPLES = 1000
UPDATE_ENV = "VENDORGRAPH_UPDATE_URL"
GSP_ENV = "VENDORGRAPH_GSP_URL"
TIMEOUT_S = 300.0

# Store plumbing (not library queries): only vendorgraph's graphs count as the store's content.


def _internal(name: str) -> str:
    """Text of ``queries/internal/endpoint_<name>.rq``."""
    from .queries import get_query

    return get_query(f"internal/endpoint-{name}").text


def update_url_for(url: str) -> str:
    """The SPARQL Update URL that goes with a query URL (see the module docstring)."""
    if os.environ.get(UPDATE_ENV):
        return os.environ[UPDATE_ENV]
    parts = urllib.parse.urlsplit(url)
    path = parts.path.rstrip("/")
    if path.endswith("/query"):
        path = path[: -len("query")] + "update"
    elif "/repositories/" in path and path.count("/") == 2:
        path += "/statements"
    return urllib.parse.urlunsplit(parts._replace(path=path or parts.path))


def gsp_url_for(url: str) -> str | None:
    """The Graph Store Protocol URL to try for bulk writes (None: use SPARQL Update only).

    Virtuoso ``/sparql`` -> ``/sparql-graph-crud``, Oxigraph ``/query`` -> ``/store``, GraphDB
    ``/repositories/<id>`` -> ``.../rdf-graphs/service``; ``$VENDORGRAPH_GSP_URL`` overrides
    (``none`` turns it off). A server that answers 404/405 falls back to ``INSERT DATA``.
    """
    env = os.environ.get(GSP_ENV)
    if env:
        return None if env.lower() == "none" else env
    parts = urllib.parse.urlsplit(url)
    path = parts.path.rstrip("/")
    if path.endswith("/sparql"):
        path += "-graph-crud"
    elif path.endswith("/query"):
        path = path[: -len("query")] + "store"
    elif "/repositories/" in path and path.count("/") == 2:
        path += "/rdf-graphs/service"
    else:
        return None
    return urllib.parse.urlunsplit(parts._replace(path=path))


def _term(b: dict[str, str] | None) -> Any:
    """A SPARQL JSON result term as a pyoxigraph term."""
    from pyoxigraph import BlankNode, Literal, NamedNode

    if b is None:
        return None
    t, v = b.get("type"), b.get("value", "")
    if t == "uri":
        return NamedNode(v)
    if t == "bnode":
        return BlankNode(v)
    if b.get("xml:lang"):
        return Literal(v, language=b["xml:lang"])
    if b.get("datatype"):
        return Literal(v, datatype=NamedNode(b["datatype"]))
    return Literal(v)


def _skolem(term: Any) -> Any:
    """Blank nodes as IRIs (RDF 1.1 skolem IRIs): Virtuoso refuses blank nodes in INSERT DATA."""
    from pyoxigraph import BlankNode, NamedNode

    return NamedNode(f"{ID}.well-known/genid/{term.value}") if isinstance(term, BlankNode) else term


def _lines(quads: Iterable[Any]) -> list[tuple[str, str]]:
    return [(str(q.graph_name), f"{_skolem(q.subject)} {q.predicate} {_skolem(q.object)} .") for q in quads]


def _insert(lines: Sequence[tuple[str, str]]) -> str:
    by_graph: dict[str, list[str]] = {}
    for g, line in lines:
        by_graph.setdefault(g, []).append(line)
    return "INSERT DATA {\n" + "\n".join(f"GRAPH {g} {{\n" + "\n".join(ls) + "\n}" for g, ls in by_graph.items()) + "\n}"


def _delete(lines: Sequence[tuple[str, str]]) -> str:
    return "DELETE DATA {\n" + _insert(lines)[len("INSERT DATA {\n"):]


class EndpointStore:
    """A remote store spoken to over the SPARQL 1.1 Protocol."""

    def __init__(self, url: str, *, update_url: str | None = None, timeout: float = TIMEOUT_S,
                 chunk: int = CHUNK_TRIPLES) -> None:
        parts = urllib.parse.urlsplit(url)
        self._auth = None
        if parts.username:
            cred = f"{urllib.parse.unquote(parts.username)}:{urllib.parse.unquote(parts.password or '')}"
            self._auth = "Basic " + base64.b64encode(cred.encode()).decode()
            parts = parts._replace(netloc=parts.hostname + (f":{parts.port}" if parts.port else ""))
        self.query_url = urllib.parse.urlunsplit(parts)
        self.location = self.query_url
        self.update_url = update_url or update_url_for(self.query_url)
        self.gsp_url = gsp_url_for(self.query_url)
        self.timeout, self.chunk = timeout, max(1, chunk)

    # -- protocol ---------------------------------------------------------------------------
    def _post(self, url: str, form: dict[str, str], accept: str) -> bytes:
        data = urllib.parse.urlencode(form).encode("utf-8")
        return self._send(url, data, "application/x-www-form-urlencoded; charset=UTF-8", accept, "POST", form)

    def _send(self, url: str, data: bytes, ctype: str, accept: str, method: str, form: dict[str, str]) -> bytes:
        headers = {"Content-Type": ctype, "Accept": accept}
        if self._auth:
            headers["Authorization"] = self._auth
        req = urllib.request.Request(url, data=data, headers=headers, method=method)
        try:
            with urllib.request.urlopen(req, timeout=self.timeout) as resp:
                return resp.read()
        except urllib.error.HTTPError as e:
            body = e.read().decode("utf-8", "replace").strip()
            body = body.split("SPARQL query:")[0].strip().replace("\n", " ")[:400]  # Virtuoso echoes the query
            if e.code == 400 and "query" in form:
                raise QueryError(f"the endpoint refused the query: {body}") from e
            raise StoreError(f"{url}: HTTP {e.code}: {body}") from e
        except (urllib.error.URLError, OSError) as e:
            reason = getattr(e, "reason", e)
            raise StoreError(f"{url}: cannot reach the SPARQL endpoint ({reason})") from e

    def _json(self, sparql: str, bindings: dict[str, Any] | None) -> dict:
        raw = self._post(self.query_url, {"query": bind_values(sparql, bindings)}, "application/sparql-results+json")
        try:
            return json.loads(raw)
        except ValueError as e:
            raise StoreError(f"{self.query_url}: not a SPARQL JSON result: {raw[:120]!r}") from e

    # -- Store interface -----------------------------------------------------------------------
    def query(self, sparql: str, bindings: dict[str, Any] | None = None) -> ResultTable:
        res = self._json(sparql, bindings)
        cols = tuple(res.get("head", {}).get("vars", []))
        rows = [tuple((b.get(c) or {}).get("value") if c in b else None for c in cols)
                for b in res.get("results", {}).get("bindings", [])]
        return ResultTable(cols, rows)

    def ask(self, sparql: str, bindings: dict[str, Any] | None = None) -> bool:
        return bool(self._json(sparql, bindings).get("boolean"))

    def construct(self, sparql: str, bindings: dict[str, Any] | None = None) -> list[Any]:
        from pyoxigraph import RdfFormat, parse

        raw = self._post(self.query_url, {"query": bind_values(sparql, bindings)},
                         "text/turtle, application/n-triples;q=0.9")
        try:
            return list(parse(raw, format=RdfFormat.TURTLE))  # N-Triples is Turtle too
        except SyntaxError as e:
            raise StoreError(f"{self.query_url}: unreadable CONSTRUCT result: {e}") from e

    def update(self, sparql: str) -> None:
        self._post(self.update_url, {"update": sparql}, "*/*")

    def _insert_chunks(self, lines: Sequence[tuple[str, str]], first: list[str]) -> None:
        """``first`` operations (drops) go with the first chunk; then one request per chunk."""
        for i in range(0, max(1, len(lines)), self.chunk):
            ops = first if i == 0 else []
            part = lines[i:i + self.chunk]
            if ops or part:
                self.update(" ;\n".join(ops + ([_insert(part)] if part else [])))

    def _make_current(self, meta_remove: Sequence[Any], meta_add: Sequence[Any]) -> None:
        ops = ([_delete(_lines(meta_remove))] if meta_remove else []) + ([_insert(_lines(meta_add))] if meta_add else [])
        if ops:
            self.update(" ;\n".join(ops))

    def replace_graph(self, graph: str, quads: Sequence[Any], meta_remove: Sequence[Any] = (),
                      meta_add: Sequence[Any] = ()) -> None:
        self.write_batch([(graph, _lines(quads))], meta_remove, meta_add)

    def write_batch(self, graphs: Sequence[tuple[str, Any]], meta_remove: Sequence[Any] = (),
                    meta_add: Sequence[Any] = ()) -> None:
        """Write version graphs (N-Triples text, or (graph, line) pairs), then make them current in one request."""
        from pyoxigraph import NamedNode

        names = [str(NamedNode(g)) for g, _ in graphs]
        lines: list[tuple[str, str]] = []
        for n, (_, body) in zip(names, graphs):
            if isinstance(body, str):
                lines += [(n, ln) for ln in body.split("\n") if ln.strip()]
            else:
                lines += [(n, ln) for _, ln in body]
        drops = [f"DROP SILENT GRAPH {n}" for n in names]
        try:
            if not self._put_graphs(names, lines):
                self._insert_chunks(lines, drops)
        except StoreError:
            try:
                self.update(" ;\n".join(drops))
            except StoreError:
                pass
            raise
        self._make_current(meta_remove, meta_add)

    def _put_graphs(self, names: list[str], lines: list[tuple[str, str]]) -> bool:
        """Replace each graph with one Graph Store Protocol PUT; False when the server has no GSP."""
        if not self.gsp_url:
            return False
        body: dict[str, list[str]] = {n: [] for n in names}
        for n, ln in lines:
            body[n].append(ln)
        for n in names:
            url = f"{self.gsp_url}?{urllib.parse.urlencode({'graph': n[1:-1]})}"
            try:
                self._send(url, ("\n".join(body[n]) + "\n").encode("utf-8"), "text/turtle; charset=UTF-8",
                           "*/*", "PUT", {})
            except StoreError as e:
                if n == names[0] and any(f"HTTP {c}:" in str(e) for c in (404, 405, 501)):
                    self.gsp_url = None  # no Graph Store Protocol here: SPARQL Update from now on
                    return False
                raise
        return True

    def quads(self, graph: str | None = None) -> Iterable[Any]:
        from pyoxigraph import Literal, NamedNode, Quad

        b = {"base": Literal(str(ID))}
        if graph:
            b["g"] = NamedNode(graph)
        for row in self._json(_internal("quads"), b).get("results", {}).get("bindings", []):
            yield Quad(_term(row["s"]), _term(row["p"]), _term(row["o"]), _term(row["g"]))

    def named_graphs(self) -> list[str]:
        from pyoxigraph import Literal

        return sorted(r[0] for r in self.query(_internal("graphs"), {"base": Literal(str(ID))}).rows if r[0])

    def triple_count(self) -> int:
        from pyoxigraph import Literal

        rows = self.query(_internal("count"), {"base": Literal(str(ID))}).rows
        return int(rows[0][0]) if rows and rows[0][0] else 0

    def close(self) -> None:
        """Nothing to release: every request is its own connection."""
