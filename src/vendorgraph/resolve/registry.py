"""The vendor registry: vendors, their legal entities and services, read from ``ontology/reference/``.

``Registry.default()`` loads ``vendors*.ttl`` once per process. ``resolve(name)`` maps a name as a
policy writes it to a vendor (and entity or service when the name is one): exact after dropping
case, punctuation and legal forms; then without trailing country/qualifier words ("Google Germany
GmbH" -> Google); then a strict fuzzy match for typos. A longer name that merely starts with a
vendor's name ("Google-Partner Agentur XY GmbH", "ZoomInfo", "Metaflow GmbH") never matches.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Iterable

from ..errors import RegistryError
from ..resources import data_dir
from ..vocab import LOC, RDF, RDFS, SKOS, VG
from .names import NameLexicon, compact

#: Minimum rapidfuzz ratio (0-100) for a fuzzy match, and the shortest key it is tried on.
FUZZY_CUTOFF = 92.0
FUZZY_MIN_LEN = 7
#: Which kind of index entry wins when several share a key: a name written with a legal form
#: ("Google Inc.") denotes an entity first; a bare name ("Google", "Amazon Web Services") the vendor or service.
_RANK_WITH_FORM = {"entity": 0, "vendor": 1, "service": 2}
_RANK_BARE = {"vendor": 0, "service": 1, "entity": 2}


@dataclass(frozen=True)
class EntityRecord:
    """A legal entity of a vendor; ``parent`` is the IRI of the owning entity."""

    iri: str
    name: str
    country: str | None  # ISO 3166-1 alpha-2
    parent: str | None
    dpf_certified: bool | None
    dpf_as_of: str | None
    source: str
    aliases: tuple[str, ...] = ()
    vendor: str = ""
    address: str | None = None


@dataclass(frozen=True)
class VendorRecord:
    """A vendor (group) with its entities, service names and aliases."""

    iri: str
    name: str
    aliases: tuple[str, ...]
    entities: tuple[EntityRecord, ...]
    services: tuple[str, ...]
    category: str | None
    source: str = ""
    country: str | None = None


@dataclass(frozen=True)
class Match:
    """The result of resolving a name: the vendor, and the entity or service the name denotes."""

    vendor: VendorRecord
    entity: EntityRecord | None
    service: str | None
    surface: str
    score: float


@dataclass(frozen=True)
class _Entry:
    vendor: str
    kind: str  # entity | vendor | service
    target: str  # entity IRI, vendor IRI or service label
    surface: str


def _local(iri: str, ns: str) -> str:
    return iri[len(ns):] if iri.startswith(ns) else iri


def _read_triples(sources: Iterable[Path | str]) -> dict[str, dict[str, list[str]]]:
    """subject -> predicate -> object values (IRIs and literal values as strings), in file order.

    A source is a Turtle file path or a Turtle text (str).
    """
    from pyoxigraph import NamedNode, RdfFormat, parse

    out: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for src in sources:
        label = src.name if isinstance(src, Path) else "<text>"
        try:
            triples = (parse(path=str(src), format=RdfFormat.TURTLE) if isinstance(src, Path)
                       else parse(src, format=RdfFormat.TURTLE))
            for t in triples:
                if isinstance(t.subject, NamedNode):
                    out[t.subject.value][t.predicate.value].append(t.object.value)
        except (SyntaxError, ValueError, OSError) as e:
            raise RegistryError(f"{label}: cannot read reference data: {e}") from e
    return out


def reference_files(pattern: str) -> list[Path]:
    """Files of ``ontology/reference`` matching ``pattern``, sorted."""
    return sorted((data_dir("ontology") / "reference").glob(pattern))


def load_lexicon() -> NameLexicon:
    """Legal forms from name-forms.ttl; qualifiers from it plus every country name of countries*.ttl."""
    t = _read_triples(reference_files("name-forms.ttl") + reference_files("countries*.ttl"))
    forms: dict[str, list[str]] = {}
    quals: list[str] = []
    for s, po in sorted(t.items()):
        labels = po.get(SKOS.prefLabel, []) + po.get(SKOS.altLabel, []) + po.get(RDFS.label, [])
        types = po.get(RDF.type, [])
        if VG.LegalForm in types:
            forms[s] = labels
        elif VG.NameQualifier in types or po.get(VG.isoCode):
            quals.extend(labels)
    return NameLexicon.from_labels(forms, quals)


class Registry:
    """Vendors, entities and services with a name index. Build with :meth:`default` or :meth:`from_files`."""

    def __init__(self, vendors: dict[str, VendorRecord], lexicon: NameLexicon,
                 entries: list[_Entry], ambiguous: frozenset[str] = frozenset()) -> None:
        self._vendors = vendors
        self._ambiguous = ambiguous
        self.lexicon = lexicon
        self._entries = entries
        self._exact: dict[str, list[_Entry]] = defaultdict(list)
        self._compact: dict[str, list[_Entry]] = defaultdict(list)
        self._forms: dict[_Entry, tuple[str, ...]] = {}
        for e in entries:
            toks, forms = lexicon.split(e.surface)
            self._forms[e] = forms
            k = " ".join(toks)
            if k:
                self._exact[k].append(e)
                self._compact[compact(k)].append(e)
        for d in (self._exact, self._compact):
            for lst in d.values():
                lst.sort(key=lambda e: (e.vendor, e.kind, e.target))
        self._entities = {en.iri: en for v in vendors.values() for en in v.entities}
        self._fuzzy_keys = sorted(k for k in self._exact if len(k) >= FUZZY_MIN_LEN)
        self._fuzzy_by_len: dict[int, list[str]] = {}  # key length -> the fuzzy keys a key that long may match
        self._fuzzy_by_start: dict[tuple[int, str], list[str]] = {}  # (length, first character) -> those of them
        self._fuzzy_index: dict[str, dict[int, list[str]]] | None = None  # first character -> length -> fuzzy keys
        self._cache: dict[str, Match | None] = {}

    # ------------------------------------------------------------------ construction
    @classmethod
    @cache
    def default(cls) -> "Registry":
        """The registry of ``ontology/reference/vendors*.ttl`` (loaded once per process)."""
        return cls.from_files(reference_files("vendors*.ttl"))

    @classmethod
    def from_files(cls, files: Iterable[Path | str], lexicon: NameLexicon | None = None) -> "Registry":
        """Build from Turtle files or Turtle texts (see ontology/README.md for the shape)."""
        return cls.from_triples(_read_triples(files), lexicon or load_lexicon())

    @classmethod
    def from_triples(cls, t: dict[str, dict[str, list[str]]], lexicon: NameLexicon) -> "Registry":
        from .build import ambiguous_labels, build_records

        vendors, entries = build_records(t)
        return cls(vendors, lexicon, entries, ambiguous_labels(t))

    # ------------------------------------------------------------------ lookups
    def vendor(self, iri: str) -> VendorRecord:
        """The vendor with this IRI; :class:`RegistryError` if unknown."""
        try:
            return self._vendors[iri]
        except KeyError:
            raise RegistryError(f"unknown vendor {iri}") from None

    def vendor_match(self, iri: str) -> Match:
        """A vendor-level :class:`Match` for a vendor IRI (as if its name had been resolved)."""
        v = self.vendor(iri)
        return Match(vendor=v, entity=None, service=None, surface=v.name, score=1.0)

    def vendors(self) -> list[VendorRecord]:
        """All vendors, sorted by IRI."""
        return [self._vendors[k] for k in sorted(self._vendors)]

    def entity(self, iri: str) -> EntityRecord | None:
        """The legal entity with this IRI, if any."""
        return self._entities.get(iri)

    def parent_chain(self, entity_iri: str) -> list[EntityRecord]:
        """The entity and its parents, nearest first (stops at cycles and unknown parents)."""
        chain: list[EntityRecord] = []
        seen: set[str] = set()
        cur = self._entities.get(entity_iri)
        while cur and cur.iri not in seen:
            chain.append(cur)
            seen.add(cur.iri)
            cur = self._entities.get(cur.parent) if cur.parent else None
        return chain

    def entries(self) -> list[_Entry]:
        """Every (surface form, vendor, kind, target) of the index (for checks)."""
        return list(self._entries)

    def ambiguous_labels(self) -> frozenset[str]:
        """Every label marked as an everyday word."""
        return self._ambiguous

    def is_ambiguous(self, surface: str) -> bool:
        """Whether ``surface`` is marked as an everyday word (``vg:ambiguousLabel``: "Indeed", "Stripe")."""
        return surface in self._ambiguous

    def surface_forms(self, *, include_seeded: bool = True, min_length: int = 3,
                      include_ambiguous: bool = True) -> list[tuple[str, str]]:
        """(surface form, vendor IRI) for gazetteer matching; longest first, then alphabetical.

        ``include_seeded=False`` leaves out vendors seeded from the CC0 company list (only curated ones);
        ``include_ambiguous=False`` leaves out labels that are also everyday words (see :meth:`is_ambiguous`).
        Match case-sensitively: "Zoom" and "Meta" are brands, "zoom" and "meta" are words.
        """
        pairs = set()
        for e in self._entries:
            if len(e.surface) < min_length:
                continue
            if not include_ambiguous and e.surface in self._ambiguous:
                continue
            if not include_seeded and self._vendors[e.vendor].source != "curated":
                continue
            pairs.add((e.surface, e.vendor))
        return sorted(pairs, key=lambda p: (-len(p[0]), p[0], p[1]))

    def resolve(self, name: str) -> Match | None:
        """The vendor ``name`` denotes, or None when no registry vendor is safely the same."""
        if name in self._cache:
            return self._cache[name]
        m = self._resolve(name)
        self._cache[name] = m
        return m

    def _resolve(self, name: str) -> Match | None:
        toks, forms = self.lexicon.split(name)
        if not toks:
            return None
        key = " ".join(toks)
        rank = _RANK_WITH_FORM if forms else _RANK_BARE

        def pick(hits: list[_Entry], score: float, entity_level: bool = True) -> Match:
            best = min(hits, key=lambda e: (rank[e.kind], self._forms[e] != forms, e.vendor, e.target))
            if best.kind == "entity" and forms and self._forms[best] and self._forms[best] != forms:
                # same name, other legal form ("Atlassian B.V." vs "Atlassian Pty Ltd"): the vendor, not that entity
                entity_level = False
            return self._match(best, name, score, entity_level)

        hits = self._exact.get(key)
        if hits:
            return pick(hits, 1.0)
        hits = self._compact.get(compact(key))
        if hits:
            return pick(hits, 0.97)
        stripped = self.lexicon.strip_qualifiers(key)
        if stripped != key:
            hits = self._exact.get(stripped)
            if hits:
                return pick(hits, 0.9, entity_level=False)
        if len(key) >= FUZZY_MIN_LEN:
            found = self._fuzzy(key)
            if found and _digits(found[0]) == _digits(key) and found[0][0] == key[0]:
                return pick(self._exact[found[0]], round(0.9 * found[1] / 100, 3))
        return None

    def _fuzzy(self, key: str) -> tuple[str, float, int] | None:
        """``process.extractOne(key, self._fuzzy_candidates(len(key)), scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF)``
        wherever its best key starts with ``key``'s first character (the only ones :meth:`_resolve` accepts), else
        None or that best key. The candidates starting like ``key`` (a few percent of them) are tried first: when
        none reaches the cutoff, the best key, if any, starts otherwise; when one does (rarely), every candidate is
        tried as before."""
        from rapidfuzz import fuzz, process

        same = self._fuzzy_starting(len(key), key[0])
        found = process.extractOne(key, same, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF)
        if found is None:
            return None
        return process.extractOne(key, self._fuzzy_candidates(len(key)), scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF)

    def _fuzzy_starting(self, n: int, first: str) -> list[str]:
        """The :meth:`_fuzzy_candidates` of a key of ``n`` characters that start with ``first``, in their order: the
        keys of the lengths that may match (:meth:`_fuzzy_lengths`) among those starting with ``first``."""
        found = self._fuzzy_by_start.get((n, first))
        if found is None:
            by_len = self._keys_by_start().get(first, {})
            found = self._fuzzy_by_start[(n, first)] = sorted(
                [k for m in self._fuzzy_lengths(n) for k in by_len.get(m, ())])
        return found

    def _fuzzy_candidates(self, n: int) -> list[str]:
        """The fuzzy keys whose length lets them reach :data:`FUZZY_CUTOFF` against a key of ``n`` characters,
        in their (alphabetical) order: ``fuzz.ratio`` is at most ``100 * (1 - |n - m| / (n + m))``, so the others
        cannot match and ``extractOne`` finds the same among these (one character of slack against rounding)."""
        found = self._fuzzy_by_len.get(n)
        if found is None:
            lengths = set(self._fuzzy_lengths(n))
            found = self._fuzzy_by_len[n] = [k for k in self._fuzzy_keys if len(k) in lengths]
        return found

    def _fuzzy_lengths(self, n: int) -> list[int]:
        """The lengths ``m`` of fuzzy keys that may reach the cutoff against a key of ``n`` characters (see
        :meth:`_fuzzy_candidates`)."""
        slack = 100 - FUZZY_CUTOFF
        return [m for m in sorted({m for by_len in self._keys_by_start().values() for m in by_len})
                if 100 * abs(m - n) <= slack * (m + n) + 100]

    def _keys_by_start(self) -> dict[str, dict[int, list[str]]]:
        """First character -> key length -> the fuzzy keys (in their alphabetical order), built once: a new
        (length, first character) then takes a few short lists instead of a pass over every key."""
        if self._fuzzy_index is None:
            index: dict[str, dict[int, list[str]]] = {}
            for k in self._fuzzy_keys:
                index.setdefault(k[0], {}).setdefault(len(k), []).append(k)
            self._fuzzy_index = index
        return self._fuzzy_index

    def _match(self, e: _Entry, surface: str, score: float, entity_level: bool = True) -> Match:
        v = self._vendors[e.vendor]
        entity = self._entities.get(e.target) if e.kind == "entity" and entity_level else None
        service = e.target if e.kind == "service" else None
        return Match(vendor=v, entity=entity, service=service, surface=surface, score=score)


def _digits(key: str) -> str:
    return "".join(ch for ch in key if ch.isdigit())


def country_code(iri: str | None) -> str | None:
    """ISO code of a loc: country IRI."""
    return _local(iri, str(LOC)) if iri else None
