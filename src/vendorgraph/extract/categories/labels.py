"""SKOS labels of the data and recipient vocabularies, loaded once and indexed by token keys."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

import pyoxigraph as ox

from ...resources import data_dir
from .patterns import rules
from .tokens import _WORD, _key

SKOS = "http://www.w3.org/2004/02/skos/core#"
KINDS = {"data": "data-categories.ttl", "recipient": "recipient-categories.ttl"}


@dataclass(frozen=True, slots=True)
class Label:
    """One surface form of a concept of vocabulary ``kind``."""

    kind: str
    notation: str
    text: str
    lang: str
    hidden: bool = False


@dataclass(frozen=True, slots=True)
class Hit:
    """A label found in a text: ``start``/``end`` index the text searched."""

    label: Label
    start: int
    end: int

    @property
    def notation(self) -> str:
        """The concept's ``skos:notation`` (the facts value)."""
        return self.label.notation


@dataclass(frozen=True, slots=True)
class Entry:
    """A label as a sequence of token keys; ``mode`` is "en", "de", "raw" or "case"."""

    label: Label
    keys: tuple[str, ...]
    mode: str


@dataclass(frozen=True, slots=True)
class Matcher:
    """One-word entries by (mode, key), longer ones by (mode, first key, second key); one-word German
    entries also by key, as compound heads."""

    first: dict[tuple[str, str], tuple[Entry, ...]]
    pairs: dict[tuple[str, str, str], tuple[Entry, ...]]
    pair_starts: frozenset[tuple[str, str]]
    first_keys: frozenset[str]
    heads: dict[str, tuple[Entry, ...]]
    head_lengths: tuple[int, ...]
    head_ends: frozenset[str]  # last three letters of every head, a quick test


@cache
def load_labels(kind: str) -> tuple[Label, ...]:
    """Every English/German label of the vocabulary ``kind`` ("data" or "recipient"), sorted."""
    path = data_dir("ontology") / "taxonomies" / KINDS[kind]
    notation: dict[str, str] = {}
    raw: list[tuple[str, str, str, bool]] = []
    for t in ox.parse(path=str(path), format=ox.RdfFormat.TURTLE):
        p, o = t.predicate.value, t.object
        if p == SKOS + "notation":
            notation[t.subject.value] = o.value
        elif p in (SKOS + "prefLabel", SKOS + "altLabel", SKOS + "hiddenLabel") and isinstance(o, ox.Literal):
            if o.language in ("en", "de"):
                raw.append((t.subject.value, o.value, o.language, p.endswith("hiddenLabel")))
    labels = {Label(kind, notation[s], text, lang, hidden) for s, text, lang, hidden in raw if s in notation}
    return tuple(sorted(labels, key=lambda lb: (lb.lang, lb.notation, lb.text, lb.hidden)))


def _entry(label: Label) -> Entry:
    words = re.findall(_WORD, label.text)
    if label.text in rules()["case_sensitive"]:
        mode = "case"
    elif label.text.lower() in rules()["no_inflection"]:
        mode = "raw"
    else:
        mode = label.lang
    return Entry(label, tuple(_key(mode, w) for w in words), mode)


@cache
def matcher() -> Matcher:
    """All labels of both vocabularies, indexed; built once on first use."""
    first: dict[tuple[str, str], list[Entry]] = {}
    pairs: dict[tuple[str, str, str], list[Entry]] = {}
    heads: dict[str, list[Entry]] = {}
    for kind in KINDS:
        for lb in load_labels(kind):
            e = _entry(lb)
            if len(e.keys) > 1:
                pairs.setdefault((e.mode, e.keys[0], e.keys[1]), []).append(e)
            elif e.keys:
                first.setdefault((e.mode, e.keys[0]), []).append(e)
            if e.mode == "de" and len(e.keys) == 1 and len(e.keys[0]) >= 4 and not lb.hidden:
                heads.setdefault(e.keys[0], []).append(e)
    order = lambda es: tuple(sorted(es, key=lambda e: (-len(e.keys), e.label.hidden, e.label.kind, e.label.text)))  # noqa: E731
    starts = frozenset((mode, k1) for mode, k1, _ in pairs)
    return Matcher({k: order(v) for k, v in first.items()}, {k: order(v) for k, v in pairs.items()}, starts,
                   frozenset(k for _, k in first) | frozenset(k for _, k in starts),
                   {k: order(v) for k, v in heads.items()},
                   tuple(sorted({len(k) for k in heads}, reverse=True)), frozenset(k[-3:] for k in heads))
