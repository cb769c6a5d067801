"""The data the rule-based extractor applies, loaded once per process.

- ``ingest/rules/*.json``: regular expressions and word lists (structure, parties, transfers).
- ``ingest/lexicons/*.json``: name lists (organisations that are never parties, fallback brands).
- ``ontology/taxonomies/roles.ttl`` and ``mechanisms.ttl``: English and German surface forms of roles
  and transfer mechanisms (``skos:prefLabel``/``skos:altLabel``), compiled into tolerant regexes.
- Countries: ``ontology/reference/countries.ttl`` when present, else ``ingest/rules/countries.json``.

>>> find_labels(mechanism_patterns(), "based on standard contractual clauses")
[('scc', 9, 37)]
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from ..errors import VocabularyError
from ..resources import data_dir
from ..vocab import LOC, RDFS, SKOS, VG


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
    """The compiled regular expression ``key`` of ``ingest/rules/<group>.json``."""
    return re.compile(rules(group)[key], flags)


def _triples(path: Path) -> dict[str, dict[str, list[tuple[str, str | None]]]]:
    """subject -> predicate -> [(value, language)] of one Turtle file."""
    from pyoxigraph import Literal, RdfFormat, parse

    out: dict[str, dict[str, list[tuple[str, str | None]]]] = {}
    for t in parse(path=str(path), format=RdfFormat.TURTLE):
        lang = t.object.language if isinstance(t.object, Literal) else None
        out.setdefault(t.subject.value, {}).setdefault(t.predicate.value, []).append((t.object.value, lang))
    return out


def _label_regex(label: str) -> str:
    """A tolerant regex for a surface form: flexible spaces, hyphens and dots; digits end on a boundary."""
    parts = []
    for ch in label:
        if ch.isspace():
            parts.append(r"[\s\-]*" if parts and parts[-1] == r"\." else r"[\s\-]+")
        elif ch == "-":
            parts.append(r"[\s\-]?")
        elif ch == ".":
            parts.append(r"\.")
        else:
            parts.append(re.escape(ch))
    body = "".join(parts)
    start = r"\b" if label[:1].isalnum() else ""
    end = r"(?!\d)" if label[-1:].isdigit() else ""
    return f"{start}{body}{end}"


@cache
def _concept_patterns(filename: str) -> tuple[tuple[str, re.Pattern[str]], ...]:
    path = data_dir("ontology") / "taxonomies" / filename
    out = []
    for po in _triples(path).values():
        notation = po.get(SKOS.notation)
        if not notation:
            continue
        labels = sorted({v for v, _ in po.get(SKOS.prefLabel, []) + po.get(SKOS.altLabel, [])}, key=len, reverse=True)
        acronyms = [lab for lab in labels if lab.isupper() and len(lab) <= 4]  # case matters: "SCC", not "scc"
        words = [lab for lab in labels if lab not in acronyms]
        if words:  # matched against the lower-cased text: much faster than re.IGNORECASE
            lows = [lab.lower() for lab in words]
            first = "".join(sorted({re.escape(lab[0]) for lab in lows}))
            out.append((notation[0][0], re.compile(f"(?=[{first}])(?:" + "|".join(map(_label_regex, lows)) + ")")))
        if acronyms:
            out.append((notation[0][0], re.compile(r"\b(?:" + "|".join(map(re.escape, acronyms)) + r")s?\b")))
    return tuple(sorted(out, key=lambda p: (p[0], p[1].pattern)))


def role_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """(role notation, regex of its EN/DE surface forms) from roles.ttl."""
    return _concept_patterns("roles.ttl")


def mechanism_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """(mechanism notation, regex of its EN/DE surface forms) from mechanisms.ttl."""
    return tuple(p for p in _concept_patterns("mechanisms.ttl") if p[0] != "none_stated")


def _lower(text: str) -> str:
    """``text`` lower-cased character by character (same length, so offsets stay valid)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def find_labels(patterns: tuple[tuple[str, re.Pattern[str]], ...], text: str) -> list[tuple[str, int, int]]:
    """Every (notation, start, end) match of the patterns in ``text``, in text order.

    Patterns of lower-case surface forms run on the lower-cased text; acronym patterns on the text."""
    low = _lower(text)
    hits = [(n, m.start(), m.end()) for n, p in patterns
            for m in p.finditer(text if p.pattern.startswith(r"\b(?:") else low)]
    return sorted(hits, key=lambda h: (h[1], h[0]))


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
    return "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))


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
    firsts = "".join(sorted({re.escape(f[0]) for f in by_form}))
    pat = re.compile(rf"(?=[{firsts}])(?<![\w\-.])(?:{_alternation(list(by_form))})(?![\w]|-(?=[a-zäöü]))")
    adj = re.compile(rf"(?<![\w\-])(?:{_alternation(list(by_adj))})(?![\w])")
    return Countries(pat, by_form, adj, by_adj, frozenset(eea), re.compile(fb["us_address"]))


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
