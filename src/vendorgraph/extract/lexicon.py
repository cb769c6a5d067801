"""The data the rule-based extractor applies, loaded once per process.

- ``ingest/rules/*.json``: regular expressions and word lists (structure, parties, transfers).
- ``ingest/lexicons/*.json``: name lists (organisations that are never parties, fallback brands).
- ``ontology/taxonomies/roles.ttl`` and ``mechanisms.ttl``: English and German surface forms of roles
  and transfer mechanisms (``skos:prefLabel``/``skos:altLabel``), compiled into tolerant regexes.
- Countries: ``ontology/reference/countries.ttl`` when present, else ``ingest/rules/countries.json``.

Rules are compiled through :mod:`.scan` (same matches, faster searches); role and mechanism labels
are found with one scan of a text for both (:func:`find_labels`).

>>> find_labels(mechanism_patterns(), "based on standard contractual clauses")
[('scc', 9, 37)]
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from ..errors import VocabularyError
from ..resources import data_dir
from ..vocab import LOC, RDFS, SKOS, VG
from .literals import literal_starts, lowered
from .scan import _finditer_from, after_none_of, atom_trie, compile_guarded, finditer, finditer_shared, trie_regex  # noqa: F401 - the rules modules import them from here


@cache
def rules(name: str) -> dict:
    """``ingest/rules/<name>.json``."""
    return _json(data_dir("ingest") / "rules" / f"{name}.json")


@cache
def lexicon(name: str) -> dict:
    """``ingest/lexicons/<name>.json`` (empty when absent)."""
    path = data_dir("ingest") / "lexicons" / f"{name}.json"
    return _json(path) if path.is_file() else {}


def _json(path: Path) -> dict:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        raise VocabularyError(f"{path.name}: cannot read extraction rules: {e}") from e


@cache
def rx(group: str, key: str, flags: int = 0) -> re.Pattern[str]:
    """The compiled regular expression ``key`` of ``ingest/rules/<group>.json`` (a list: its alternatives).

    When every match must start with one of a few known characters, the regex is put behind a
    lookahead on them: the same matches, but most positions of a search fail fast (see
    :func:`compile_guarded`)."""
    value = rules(group)[key]
    return compile_guarded("|".join(f"(?:{p})" for p in value) if isinstance(value, list) else value, flags)


def _triples(path: Path) -> dict[str, dict[str, list[tuple[str, str | None]]]]:
    """subject -> predicate -> [(value, language)] of one Turtle file."""
    from pyoxigraph import Literal, RdfFormat, parse

    out: dict[str, dict[str, list[tuple[str, str | None]]]] = {}
    for t in parse(path=str(path), format=RdfFormat.TURTLE):
        lang = t.object.language if isinstance(t.object, Literal) else None
        out.setdefault(t.subject.value, {}).setdefault(t.predicate.value, []).append((t.object.value, lang))
    return out


def _label_atoms(label: str) -> list[str]:
    """A surface form as regex atoms: flexible spaces, hyphens and dots; digits end on a boundary."""
    atoms = [r"\b"] if label[:1].isalnum() else []
    for ch in label:
        if ch.isspace():
            atoms.append(r"[\s\-]*" if atoms and atoms[-1] == r"\." else r"[\s\-]+")
        elif ch == "-":
            atoms.append(r"[\s\-]?")
        else:
            atoms.append(re.escape(ch))
    if label[-1:].isdigit():
        atoms.append(r"(?!\d)")
    return atoms


def _label_regex(label: str) -> str:
    """A tolerant regex for one surface form (see :func:`_label_atoms`)."""
    return "".join(_label_atoms(label))


@dataclass(frozen=True)
class LabelSet:
    """The surface forms of one concept scheme: per concept, a regex of its lower-case forms (run on
    the lower-cased text: much faster than re.IGNORECASE) and one of its case-sensitive acronyms;
    ``starts`` finds, for the lower-cased text and the text as is, where some form may start."""

    patterns: tuple[tuple[str, re.Pattern[str], bool], ...]  # (notation, regex, runs on lower-cased text)
    starts: tuple[re.Pattern[str], re.Pattern[str]] = (re.compile("(?!)"), re.compile("(?!)"))
    forms: tuple[tuple[str, ...], tuple[str, ...]] = ((), ())  # (lower-cased forms, acronyms) of ``starts``

    def notations(self) -> list[str]:
        return sorted({n for n, _, _ in self.patterns})


def _start_scanner(body: str, firsts: str, word_led: bool) -> re.Pattern[str]:
    """A regex whose matches end where ``body`` (starting with one of ``firsts``) may match, position 0
    aside: one character before a lookahead on ``body``, a non-word one when ``body`` only matches at
    a word start (so the scan jumps from gap to gap)."""
    before = r"\W" if word_led else r"[\s\S]"
    return re.compile(f"{before}(?=[{firsts}])(?={body})")


def _scanner_of(forms: list[str], lower: bool) -> re.Pattern[str]:
    """The start scanner of several lower-cased forms or case-sensitive acronyms, one trie for all."""
    if not forms:
        return re.compile("(?!)")
    firsts = "".join(sorted({re.escape(f[0]) for f in forms}))
    word_led = all(f[:1].isalnum() for f in forms)  # so every form regex starts with \b
    if lower:
        return _start_scanner(atom_trie([_label_atoms(f) for f in forms]), firsts, word_led)
    return _start_scanner(r"\b(?:" + "|".join(map(re.escape, forms)) + r")s?\b", firsts, word_led)


@cache
def _concept_patterns(filename: str, skip: tuple[str, ...] = ()) -> LabelSet:
    path = data_dir("ontology") / "taxonomies" / filename
    out: list[tuple[str, re.Pattern[str], bool]] = []
    all_lows: list[str] = []
    all_acronyms: list[str] = []
    for po in _triples(path).values():
        notation = po.get(SKOS.notation)
        if not notation or notation[0][0] in skip:
            continue
        labels = sorted({v for v, _ in po.get(SKOS.prefLabel, []) + po.get(SKOS.altLabel, [])}, key=lambda x: (-len(x), x))
        acronyms = [lab for lab in labels if lab.isupper() and len(lab) <= 4]  # case matters: "SCC", not "scc"
        lows = [lab.lower() for lab in labels if lab not in acronyms]
        if lows:
            first = "".join(sorted({re.escape(lab[0]) for lab in lows}))
            out.append((notation[0][0], re.compile(f"(?=[{first}])(?:{atom_trie([_label_atoms(x) for x in lows])})"), True))
        if acronyms:
            out.append((notation[0][0], re.compile(r"\b(?:" + "|".join(map(re.escape, acronyms)) + r")s?\b"), False))
        all_lows += lows
        all_acronyms += acronyms
    forms = (tuple(sorted(set(all_lows))), tuple(sorted(set(all_acronyms))))
    starts = (_scanner_of(list(forms[0]), True), _scanner_of(list(forms[1]), False))
    return LabelSet(tuple(sorted(out, key=lambda p: (p[0], p[1].pattern))), starts, forms)


def role_patterns() -> LabelSet:
    """The EN/DE surface forms of the roles of roles.ttl."""
    return _concept_patterns("roles.ttl")


def mechanism_patterns() -> LabelSet:
    """The EN/DE surface forms of the transfer mechanisms of mechanisms.ttl (not ``none_stated``)."""
    return _concept_patterns("mechanisms.ttl", ("none_stated",))


def _lower(text: str) -> str:
    """``text`` lower-cased character by character (same length, so offsets stay valid); the
    lower-cased text of :func:`.literals.lowered` when that keeps the length (lowered once a text)."""
    low = lowered(text)
    if len(low) == len(text):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def _finditer_at(p: re.Pattern[str], text: str, starts: list[int]) -> list[tuple[int, int]]:
    """(start, end) of what ``p.finditer(text)`` finds, given every position where ``p`` can match
    (``starts``; see :func:`.scan._finditer_from`)."""
    return [m.span() for m in _finditer_from(p, text, starts)]


def find_labels(labels: LabelSet, text: str) -> list[tuple[str, int, int]]:
    """Every (notation, start, end) match of the surface forms in ``text``, in text order.

    Equivalent to running every pattern's ``finditer`` over the text, but the text is scanned once
    per case (lower-cased, as is) for the positions where some label may start (position 0 and the
    ends of the matches of :attr:`LabelSet.starts`), and each pattern is only tried there. The role
    and mechanism labels share one scan per text (see :func:`_shared_starts`)."""
    if any(labels is s for s in _shared_sets()):
        low, starts = _shared_starts(text)
    else:
        low = _lower(text)
        starts = _label_starts(labels.starts, low, text)
    hits = [(n, s, e) for n, p, lower in labels.patterns
            for s, e in _finditer_at(p, low if lower else text, starts[lower])]
    return sorted(hits, key=lambda h: (h[1], h[0]))


def _label_starts(scanners: tuple[re.Pattern[str], re.Pattern[str]], low: str, text: str) -> tuple[list[int], list[int]]:
    """(starts in the text as is, starts in the lower-cased text): indexed by "runs on lower-cased text"."""
    return ([0] + [m.end() for m in scanners[1].finditer(text)],
            [0] + [m.end() for m in scanners[0].finditer(low)])


@cache
def _shared_sets() -> tuple[LabelSet, ...]:
    """The label sets every document is scanned for: roles and mechanisms."""
    return role_patterns(), mechanism_patterns()


@cache
def _shared_scanner() -> re.Pattern[str]:
    """The start scanner (lower-cased forms) for the forms of all :func:`_shared_sets`."""
    return _scanner_of(sorted({f for s in _shared_sets() for f in s.forms[0]}), True)


@cache
def _shared_acronyms() -> tuple[str, ...]:
    """The case-sensitive acronyms of all :func:`_shared_sets` ("SCC", "BCR")."""
    return tuple(sorted({f for s in _shared_sets() for f in s.forms[1]}))


@lru_cache(maxsize=2)
def _shared_starts(text: str) -> tuple[str, tuple[list[int], list[int]]]:
    """The lower-cased text and where a role or mechanism label may start in it (kept for the last
    texts): a superset of each set's own starts, so :func:`_finditer_at` finds the same. The few
    acronyms are found by ``str.find`` (every place one starts), much faster than a scan of the text."""
    low = _lower(text)
    starts = [0] + [m.end() for m in _shared_scanner().finditer(low)]
    return low, ([0] + literal_starts(text, _shared_acronyms()), starts)


@dataclass(frozen=True)
class Countries:
    """Country surface forms and EU/EEA membership."""

    pattern: re.Pattern[str]
    by_form: dict[str, str]
    adjective_pattern: re.Pattern[str]
    by_adjective: dict[str, str]
    eea: frozenset[str]
    us_address: re.Pattern[str]

    def find(self, text: str) -> list[tuple[str, int, int]]:
        """(ISO code, start, end) of every country name in ``text``."""
        return [(self.by_form[m.group(0)], m.start(), m.end()) for m in self.pattern.finditer(text)]

    def third(self, code: str) -> bool:
        """True when ``code`` is outside the EU/EEA."""
        return code not in self.eea


def _alternation(forms: list[str]) -> str:
    return trie_regex(list(forms))


@cache
def countries() -> Countries:
    """Country names from ``ontology/reference/countries*.ttl`` plus the rules fallback."""
    fb = rules("countries")
    by_form: dict[str, str] = {f: c for c, forms in fb["names"].items() for f in forms}
    eea = set(fb["eea"])
    files = sorted((data_dir("ontology") / "reference").glob("countries*.ttl"))
    if files:
        ttl_forms, ttl_eea = _countries_from_ttl(files)
        for form, code in ttl_forms.items():
            by_form.setdefault(form, code)
        eea = ttl_eea or eea
    skip = set(fb.get("exclude_forms", []))
    by_form = {f: c for f, c in by_form.items() if len(f) >= 2 and f not in skip}
    by_adj = {a: c for c, adjs in fb["adjectives"].items() for a in adjs}
    # (?<![\w\-.])(?:forms), led by the forms' first characters (``re`` skips to them by itself)
    pat = re.compile(after_none_of(r"\w\-.", list(by_form)) + r"(?![\w]|-(?=[a-zäöü]))")
    adj = re.compile(rf"(?<![\w\-])(?:{_alternation(list(by_adj))})(?![\w])")
    return Countries(pat, by_form, adj, by_adj, frozenset(eea), compile_guarded(fb["us_address"]))


def _countries_from_ttl(files: list[Path]) -> tuple[dict[str, str], set[str]]:
    """Surface forms -> ISO code, and the current EEA members (vg:memberOf without vg:until)."""
    t: dict[str, dict[str, list[tuple[str, str | None]]]] = {}
    for f in files:
        for subj, po in _triples(f).items():
            for pred, vals in po.items():
                t.setdefault(subj, {}).setdefault(pred, []).extend(vals)
    forms: dict[str, str] = {}
    eea: set[str] = set()
    eea_iri = str(LOC) + "EEA"
    for subj, po in t.items():
        code = po.get(VG.isoCode)
        if not code or not subj.startswith(str(LOC)):
            continue
        iso = code[0][0]
        for v, _ in po.get(RDFS.label, []) + po.get(SKOS.prefLabel, []) + po.get(SKOS.altLabel, []):
            if v and (v[0].isupper() or v[0].isdigit()):
                forms.setdefault(v, iso)
        for bnode, _ in po.get(VG.memberOf, []):
            ms = t.get(bnode, {})
            if any(u == eea_iri for u, _ in ms.get(VG.union, [])) and not ms.get(VG.until):
                eea.add(iso)
    return forms, eea
