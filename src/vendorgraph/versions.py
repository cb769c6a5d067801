"""Policy versions: store a version atomically and make it current; list and compare versions.

A document is identified by its key: the URL it was fetched from, else its file name
(:func:`document_key`). Each distinct text is a version with its own named graph; the meta
graph records ``vg:hasVersion``, ``vg:currentVersion``, ``vg:previousVersion`` (the version
that was current before) and ``vg:versionNumber`` (first-ingest order). Older versions stay
queryable. Storing the same text again rewrites the same graph with the same quads.

Reading and comparing use the library queries ``versions``, ``versions-documents`` and
``diff-*`` (``queries/versions*.rq``, ``queries/diff_*.rq``) with bound parameters.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .errors import QueryError
from .graph import build_quads
from .model import Document, Facts
from .store import ResultTable, Store


@dataclass(frozen=True)
class Version:
    """One stored version of a document (a row of ``queries/versions.rq``)."""

    iri: str
    number: int
    current: bool
    previous: str | None
    content_hash: str
    language: str
    characters: int
    source: str


@dataclass(frozen=True)
class VersionDiff:
    """What changed from ``old`` to ``new``: rows of (aspect, change, subject, detail)."""

    document: str
    old: Version
    new: Version
    table: ResultTable

    @property
    def changed(self) -> bool:
        return bool(self.table.rows)


def document_key(doc: Document) -> str:
    """The identity of a document across versions: its URL, else its file name."""
    from .load import is_url

    return doc.source if is_url(doc.source) else doc.name


def key_for(ref: str) -> str:
    """A user's reference to a document (path, file name or URL) -> its key."""
    from .load import is_url

    return ref if is_url(ref) else Path(ref).name


def document_iri_for(ref: str) -> str:
    """The document IRI for a path, file name, URL or document IRI."""
    from .ids import document_iri
    from .vocab import ID

    return ref if ref.startswith(ID["doc/"]) else document_iri(key_for(ref))


def _int(value: str | None) -> int:
    return int(value) if value and value.lstrip("-").isdigit() else 0


def list_versions(store: Store, ref: str) -> list[Version]:
    """Versions of the document ``ref`` (path, name, URL or IRI), newest first; [] if unknown."""
    from .queries import run

    rows = run(store, "versions", doc=document_iri_for(ref)).dicts()
    return [Version(r["version"] or "", _int(r["number"]), r["current"] == "true", r["previous"],
                    r["hash"] or "", r["language"] or "", _int(r["characters"]), r["source"] or "")
            for r in rows]


def list_documents(store: Store) -> ResultTable:
    """Every stored document with its current version and number of versions."""
    from .queries import run

    return run(store, "versions-documents")


def meta_changes(store: Store, doc_iri: str, version_iri: str, current: str | None = None, *,
                 versions: list[Version] | None = None) -> tuple[list, list]:
    """(remove, add) quads of the meta graph that make ``version_iri`` the current version of ``doc_iri``.

    A new version gets the next ``vg:versionNumber``; the version it replaces becomes its
    ``vg:previousVersion``. ``current`` overrides the stored current version (a version written
    earlier in the same batch). ``versions``: the document's stored versions when the caller
    knows them (``[]`` for a document new to the store), else they are read from the store.
    """
    from pyoxigraph import Literal, NamedNode, Quad

    from .vocab import META_GRAPH, VG, XSD

    if versions is None:
        versions = list_versions(store, doc_iri)
    meta = NamedNode(META_GRAPH)
    d, v = NamedNode(doc_iri), NamedNode(version_iri)
    cur, prev = NamedNode(VG.currentVersion), NamedNode(VG.previousVersion)
    currents = [current] if current else [x.iri for x in versions if x.current]
    mine = [x for x in versions if x.iri == version_iri]
    remove = [Quad(d, cur, NamedNode(c), meta) for c in currents]
    add = [Quad(d, cur, v, meta), Quad(d, NamedNode(VG.hasVersion), v, meta)]
    if not mine:
        number = max((x.number for x in versions), default=0) + 1
        add.append(Quad(v, NamedNode(VG.versionNumber), Literal(str(number), datatype=NamedNode(XSD.integer)), meta))
    replaced = [c for c in currents if c != version_iri]
    if replaced:  # an older text may come back: it now follows the one it replaces
        remove += [Quad(v, prev, NamedNode(x.previous), meta) for x in mine if x.previous]
        add += [Quad(v, prev, NamedNode(c), meta) for c in replaced]
        remove += [q for c in replaced for q in current_index(store, c)]
    return remove, add


def current_index(store: Store, version_iri: str) -> list:
    """The statements version ``version_iri`` holds only while it is current (``transfer_paths.CURRENT_INDEX``),
    as quads of its graph: removed when another version of its document becomes current."""
    from pyoxigraph import Literal, NamedNode, Quad

    from .queries import run
    from .vocab import VG

    g, to_node = NamedNode(version_iri), {VG.currentlyReaches, VG.currentCertifiablePaths}
    return [Quad(NamedNode(s or ""), NamedNode(p or ""), NamedNode(o or "") if p in to_node else Literal(o or ""), g)
            for s, p, o in run(store, "internal/current-index", g=version_iri).rows]


def store_document(store: Store, doc: Document, facts: Facts, key: str | None = None) -> int:
    """Write one version's named graph and make it current, in one transaction. Returns triples written."""
    from .pipeline import document_info

    info = document_info(doc, key or document_key(doc))
    quads = build_quads(facts, info)
    remove, add = meta_changes(store, info.doc_iri, info.version_iri)
    store.replace_graph(info.version_iri, quads, meta_remove=remove, meta_add=add)
    return len(quads)


def _pick(versions: list[Version], ref: str | None, default: Version | None, doc: str) -> Version:
    if ref is None:
        if default is None:
            raise QueryError(f"{doc}: only one version is stored; nothing to compare")
        return default
    for x in versions:
        if ref in (x.iri, str(x.number), x.content_hash[:len(ref)] if len(ref) >= 6 else None):
            return x
    raise QueryError(f"{doc}: no version {ref!r} (known: {', '.join(str(x.number) for x in versions)})")


def diff(store: Store, ref: str, old: str | None = None, new: str | None = None) -> VersionDiff:
    """What changed between two versions of a document (default: the previous and the current one).

    ``old``/``new`` may be a version number, IRI or content-hash prefix (6+ characters).
    Aspects are the library queries named ``diff-<aspect>`` (vendors, countries, transfers, ...).
    """
    from .queries import list_queries, run

    versions = list_versions(store, ref)
    if not versions:
        raise QueryError(f"no document {ref!r} in the store (see 'vendorgraph versions')")
    current = next((x for x in versions if x.current), versions[0])
    newer = _pick(versions, new, current, ref)
    before = next((x for x in versions if x.iri == newer.previous), None)
    if before is None:
        before = next((x for x in versions if x.number < newer.number), None)
    older = _pick(versions, old, before, ref)
    rows = []
    for spec in list_queries():
        if spec.name.startswith("diff-"):
            aspect = spec.name.removeprefix("diff-")
            for r in run(store, spec.name, old=older.iri, new=newer.iri).rows:
                rows.append((aspect, *r))
    table = ResultTable(("aspect", "change", "subject", "detail"), rows)
    return VersionDiff(ref, older, newer, table)
