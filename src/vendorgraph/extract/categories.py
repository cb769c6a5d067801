"""Data and recipient categories: SKOS labels from ``ontology/taxonomies`` matched in context.

Surface forms are the ``skos:prefLabel``/``skos:altLabel`` (and the weaker ``skos:hiddenLabel``)
literals in English and German of the concepts in ``data-categories.ttl`` and
``recipient-categories.ttl``; the facts value is the concept's ``skos:notation``. Rules beyond
labels (cue words, exclusions) live in ``ingest/lexicons/categories.json``.

Matching works on word tokens: English labels with plural/singular, German labels with their
inflections and as the head of a compound ("Paketversanddienstleistern"), separators between
words flexible ("(IT-) service provider"), and elliptic coordinations rebuilt ("contact and
payment data", "Kontakt- und Rechnungsdaten").

>>> recipient_categories_in("We pass on data to IT service providers and Steuerberatern.")
[('it_service_providers', 19, 39), ('professional_advisers', 44, 58)]
"""

from __future__ import annotations

import json
import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Iterator, Sequence

import pyoxigraph as ox

from ..model import CategoryFact, Document, Segment, Span
from ..resources import data_dir

SKOS = "http://www.w3.org/2004/02/skos/core#"
KINDS = {"data": "data-categories.ttl", "recipient": "recipient-categories.ttl"}
_WORD = r"[^\W_]+"  # a word: letters and digits
_GAP = r"[\s\u00ad\-‐‑–()/]*"  # what may separate the words of a label
_SENTENCE_END = r"[.!?]\s+(?=\S)"
_MAX_EVIDENCE = 5


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
def rules() -> dict:
    """The matching rules of ``ingest/lexicons/categories.json``."""
    return json.loads((data_dir("ingest") / "lexicons" / "categories.json").read_text(encoding="utf-8"))


@cache
def _rx(*path: str) -> re.Pattern[str]:
    """A rule (a regex, or a list of alternatives) compiled case-insensitively."""
    return _rule(*path)[0]


@cache
def _rule(*path: str) -> tuple[re.Pattern[str], tuple[str, ...]]:
    """A rule and, when every alternative starts with a literal, those literals (a quick pre-test)."""
    node = rules()
    for key in path:
        node = node[key]
    alts = [node] if isinstance(node, str) else list(node)
    literals = [_literals(a) for a in alts]
    flat = tuple(lit for group in literals for lit in group) if all(literals) else ()
    alts = [part for a in alts for part in _split_top(a)]
    bounded = [a[2:] for a in alts if a.startswith("\\b")]
    rest = [a for a in alts if not a.startswith("\\b")]
    parts = ([r"\b(?:" + "|".join(f"(?:{a})" for a in bounded) + ")"] if bounded else []) + [f"(?:{a})" for a in rest]
    return re.compile("|".join(parts), re.I), flat


def _literals(alt: str) -> tuple[str, ...]:
    """Lower-case literals one of which starts every match of ``alt``; () when unknown."""
    parts = _split_top(alt)
    if len(parts) > 1:
        found = [_literals(p) for p in parts]
        return tuple(lit for f in found for lit in f) if all(found) else ()
    s = re.sub(r"^(?:\\b|\^|\(\?<!?[^()]*\))+", "", alt)
    if s.startswith("(?:"):
        end = _group_end(s)
        if end < 0 or s[end + 1: end + 2] in ("?", "*", "{"):
            return ()
        return _literals(s[3:end])
    m = re.match(r"(?:[^\\()\[\]{}|?*+.^$]|\\[-. '/])+", s)
    lit = m.group() if m else ""
    if lit and s[len(lit): len(lit) + 1] in ("?", "*", "{"):
        lit = lit[:-1]
    lit = lit.replace("\\", "")
    return (lit.lower(),) if len(lit) >= 2 else ()


def _split_top(pattern: str) -> list[str]:
    """Split a regex at its top-level ``|``."""
    parts, depth, start, i = [], 0, 0, 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            i += 1
        elif ch == "[":
            i = pattern.index("]", i + 2)
        elif ch in "()":
            depth += 1 if ch == "(" else -1
        elif ch == "|" and depth == 0:
            parts.append(pattern[start:i])
            start = i + 1
        i += 1
    return parts + [pattern[start:]]


def _group_end(s: str) -> int:
    """Index of the parenthesis closing the group that opens ``s``, or -1."""
    depth, i = 0, 0
    while i < len(s):
        if s[i] == "\\":
            i += 1
        elif s[i] == "[":
            i = s.index("]", i + 2)
        elif s[i] in "()":
            depth += 1 if s[i] == "(" else -1
            if depth == 0:
                return i
        i += 1
    return -1


def _search(text: str, *path: str) -> re.Match[str] | None:
    """``_rx(*path).search(text)``, skipped quickly when none of the rule's literals occurs."""
    rx, literals = _rule(*path)
    if literals:
        low = text.lower()
        if not any(lit in low for lit in literals):
            return None
    return rx.search(text)


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


def en_key(word: str) -> str:
    """An English word without its plural ending (lower case; "agency"/"agencies" -> "agenci")."""
    w = word.lower()
    if w.endswith("ies") and len(w) > 4:
        return w[:-2]
    if w.endswith("ie"):
        return w[:-1]
    if w.endswith("y") and len(w) > 2 and w[-2] not in "aeiou":
        return w[:-1] + "i"
    if w.endswith(("sses", "shes", "ches", "xes")):
        return w[:-2]
    if w.endswith("s") and len(w) > 3 and not w.endswith(("ss", "us", "is")):
        return w[:-1]
    return w


_DE_ENDINGS = ("innen", "ern", "ers", "en", "er", "es", "em", "e", "n", "s", "in")


def de_key(word: str) -> str:
    """A German word without its inflection ending (lower case, stem of at least 4 letters)."""
    w = word.lower()
    for end in _DE_ENDINGS:
        if w.endswith(end) and len(w) - len(end) >= 4:
            return w[: -len(end)]
    return w


_MODES = ("case", "raw", "en", "de")


@lru_cache(maxsize=1 << 16)
def _keys(word: str) -> tuple[str, str, str, str]:
    """The keys of a word in each mode of :data:`_MODES`."""
    return word, word.lower(), en_key(word), de_key(word)


def _key(mode: str, word: str) -> str:
    return _keys(word)[_MODES.index(mode)]


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


@dataclass(frozen=True, slots=True)
class Tokens:
    """The words of a text with their offsets, keys per mode, and which gaps are mere separators."""

    text: str
    spans: tuple[tuple[int, int], ...]
    words: tuple[str, ...]
    keys: tuple[tuple[str, str, str, str], ...]

    def key(self, mode: str, i: int) -> str:
        return self.keys[i][_MODES.index(mode)]

    def joined(self, i: int) -> bool:
        """Only separators (space, hyphen, parentheses) between word ``i`` and word ``i + 1``."""
        if i + 1 >= len(self.spans):
            return False
        gap = self.text[self.spans[i][1]: self.spans[i + 1][0]]
        return gap in (" ", "-") or bool(re.fullmatch(_GAP, gap))


def tokenize(text: str) -> Tokens:
    """Split ``text`` into words (letters and digits)."""
    spans = tuple([m.span() for m in re.finditer(_WORD, text)])
    words = tuple(re.findall(_WORD, text))
    return Tokens(text, spans, words, tuple(map(_keys, words)))


def _match_at(tok: Tokens, i: int, entry: Entry) -> int:
    """Number of tokens ``entry`` covers from token ``i`` (0: no match)."""
    n = len(entry.keys)
    if i + n > len(tok.words):
        return 0
    for j in range(1, n):
        if tok.key(entry.mode, i + j) != entry.keys[j] or not tok.joined(i + j - 1):
            return 0
    return n


_Starts = tuple[tuple[Entry, ...], tuple[tuple[int, str], ...], tuple[Entry, ...]]


@lru_cache(maxsize=1 << 16)
def _starts(word: str) -> _Starts:
    """What may start at ``word``: one-word entries, (mode index, key) of longer entries, and the
    entries whose German label ends the compound ``word``."""
    m = matcher()
    keys = _keys(word)
    single = tuple(e for mode, key in zip(_MODES, keys) for e in m.first.get((mode, key), ()))
    multi = tuple((j, key) for j, (mode, key) in enumerate(zip(_MODES, keys)) if (mode, key) in m.pair_starts)
    return single, multi, (_compound(word, keys[3], m) if word[:1].isupper() and len(word) > 4 else ())


def _best(tok: Tokens, i: int, starts: _Starts) -> dict[str, tuple[int, Entry]]:
    """Per vocabulary, the longest label starting at token ``i`` (or a German compound ending in one)."""
    best: dict[str, tuple[int, Entry]] = {}
    lower = not tok.words[i][:1].isupper()
    candidates = list(starts[0])
    if starts[1] and tok.joined(i):
        m = matcher()
        for j, key in starts[1]:
            candidates += m.pairs.get((_MODES[j], key, tok.keys[i + 1][j]), ())
    for e in candidates:
        if lower and e.mode == "de" and e.label.text[:1].isupper():
            continue  # a German noun label needs a capitalised word
        n = _match_at(tok, i, e)
        if n and n > best.get(e.label.kind, (0, e))[0]:
            best[e.label.kind] = (n, e)
    for e in starts[2]:
        best.setdefault(e.label.kind, (1, e))
    return best


def _compound(word: str, key: str, m: Matcher) -> tuple[Entry, ...]:
    """Entries whose German label is the head of the compound ``word`` (German key ``key``)."""
    if key[-3:] not in m.head_ends:
        return ()
    for length in m.head_lengths:
        if length < len(key) and key[-length:] in m.heads:
            return () if _rx("compound_exclude").fullmatch(word) else m.heads[key[-length:]]
    return ()


def _keep(tok: Tokens, i: int, n: int, e: Entry) -> bool:
    """No truncated compounds ("Kundensupport- oder")."""
    end = tok.spans[i + n - 1][1]
    return not (tok.text.startswith("-", end) and tok.text[end + 1: end + 2].isspace())


def _direct(tok: Tokens) -> Iterator[Hit]:
    """Labels starting at each word, longest first; a word already covered is skipped per vocabulary."""
    until = dict.fromkeys(KINDS, 0)
    live = {w for w in set(tok.words) if any(_starts(w))}
    hyphens = _hyphen_joins(tok)
    for i in sorted({i for i, w in enumerate(tok.words) if w in live} | hyphens):
        found = _best(tok, i, _starts(tok.words[i]))
        if i in hyphens:
            for e in _joined_entries(tok.words[i] + tok.words[i + 1].lower()):
                n, cur = found.get(e.label.kind, (0, e))
                if n == 0 or (n == 1 and cur.label.hidden):
                    found[e.label.kind] = (2, e)
        for kind, (n, e) in sorted(found.items()):
            if i >= until[kind] and _keep(tok, i, n, e):
                until[kind] = i + n
                yield Hit(e.label, tok.spans[i][0], tok.spans[i + n - 1][1])


def _hyphen_joins(tok: Tokens) -> set[int]:
    """Words joined by a hyphen to a capitalised next word, a German compound ("Hosting-Anbieter")."""
    ends = {e: i for i, (_, e) in enumerate(tok.spans)}
    out = set()
    for m in re.finditer(r"(?<=[^\W_])-(?=[^\W\d_])", tok.text):
        i = ends.get(m.start())
        if i is not None and _hyphenated(tok, i):
            out.add(i)
    return out


def _hyphenated(tok: Tokens, i: int) -> bool:
    """Word ``i`` and the next form a hyphenated German compound ("Hosting-Anbieter")."""
    return (i + 1 < len(tok.words) and tok.words[i + 1][:1].isupper()
            and tok.text[tok.spans[i][1]: tok.spans[i + 1][0]] == "-")


def _joined_entries(word: str) -> tuple[Entry, ...]:
    """Single-word German entries matching ``word`` whole or as the head of a compound, one per vocabulary."""
    first, _, heads = _starts(word)
    out: dict[str, Entry] = {}
    for e in first + heads:
        if e.mode == "de" and len(e.keys) == 1:
            out.setdefault(e.label.kind, e)
    return tuple(out.values())


_CONJ = frozenset({"and", "or", "und", "oder", "sowie", "bzw"})
_CONJ_FORMS = _CONJ | {w.capitalize() for w in _CONJ} | {w.upper() for w in _CONJ}


def _phrase(words: Sequence[str], m: Matcher) -> dict[str, Entry]:
    """Per vocabulary, an entry spelling exactly ``words``."""
    out: dict[str, Entry] = {}
    for mode in _MODES:
        keys = tuple(_key(mode, w) for w in words)
        found = m.first.get((mode, keys[0]), ()) if len(keys) == 1 else m.pairs.get((mode, keys[0], keys[1]), ())
        for e in found:
            if e.keys == keys:
                out.setdefault(e.label.kind, e)
    return out


def _conjuncts(tok: Tokens, c: int) -> list[int]:
    """Indexes of the words coordinated before the conjunction at ``c`` ("A, B and")."""
    firsts = [c - 1]
    j = c - 1
    while j > 0 and re.fullmatch(r"-?\s*,\s*", tok.text[tok.spans[j - 1][1]: tok.spans[j][0]]):
        j -= 1
        firsts.append(j)
    return firsts


def _ellipses(tok: Tokens, m: Matcher) -> Iterator[Hit]:
    """Labels in elliptic coordinations: "contact and payment data", "Kontakt- und Rechnungsdaten"."""
    for c in [i for i, w in enumerate(tok.words) if w in _CONJ_FORMS]:
        if c == 0 or c + 1 >= len(tok.words):
            continue
        gap = tok.text[tok.spans[c - 1][1]: tok.spans[c][0]]
        if re.fullmatch(r"-,?\s+", gap):
            yield from _ellipsis_de(tok, m, c)
        elif re.fullmatch(r",?\s+", gap):
            yield from _ellipsis_en(tok, m, c)


def _ellipsis_de(tok: Tokens, m: Matcher, c: int) -> Iterator[Hit]:
    """ "Konto- und Profildaten": each truncated word joined with the tail of the last word."""
    last_i = c + 2 if tok.keys[c + 1][1] in _CONJ and c + 2 < len(tok.words) else c + 1  # "und/oder"
    last = tok.words[last_i]
    for f in _conjuncts(tok, c):
        for j in range(1, len(last) - 3):
            entries = m.heads.get(de_key(tok.words[f] + last[j:]))
            if entries:
                seen: set[str] = set()
                for e in entries:
                    if e.label.kind not in seen:
                        seen.add(e.label.kind)
                        yield Hit(e.label, tok.spans[f][0], tok.spans[last_i][1])
                break


def _ellipsis_en(tok: Tokens, m: Matcher, c: int) -> Iterator[Hit]:
    """ "first and last name": a word before the conjunction joined with the words after the next one."""
    firsts = [f for f in _conjuncts(tok, c) if any((mode, k) in m.pair_starts for mode, k in zip(_MODES, tok.keys[f]))]
    rest = [c + 2 + k for k in range(3) if firsts and c + 2 + k < len(tok.words) and tok.joined(c + 1 + k)]
    rest = rest[: next((k for k in range(len(rest)) if rest[k] != c + 2 + k), len(rest))]
    for f in firsts:
        pair = rest and any((mode, tok.keys[f][j], tok.keys[rest[0]][j]) in m.pairs for j, mode in enumerate(_MODES))
        for k in range(len(rest) if pair else 0, 0, -1):
            found = _phrase([tok.words[f]] + [tok.words[r] for r in rest[:k]], m)
            for e in found.values():
                yield Hit(e.label, tok.spans[f][0], tok.spans[rest[k - 1]][1])
            if found:
                break


def scan(text: str) -> tuple[Hit, ...]:
    """Every label of both vocabularies in ``text`` (no context rules), in text order."""
    tok, m = tokenize(text), matcher()
    hits = set(_direct(tok)) | set(_ellipses(tok, m))
    return tuple(sorted(hits, key=lambda h: (h.start, h.end, h.label.kind, h.notation, h.label.text)))


@lru_cache(maxsize=8)
def _document_hits(text: str) -> tuple[tuple[int, ...], tuple[Hit, ...]]:
    hits = scan(text)
    return tuple(h.start for h in hits), hits


def hits_between(text: str, start: int, end: int, kind: str) -> list[Hit]:
    """The hits of vocabulary ``kind`` inside ``text[start:end]`` (the whole text is scanned once)."""
    starts, hits = _document_hits(text)
    return [h for h in hits[bisect_left(starts, start): bisect_left(starts, end)] if h.end <= end and h.label.kind == kind]


# --- context -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of a segment; offsets index the document text."""

    start: int
    end: int
    text: str
    segment: Segment
    carried: bool = False  # inherits a recipient cue from the list's introduction


def _sentences(seg: Segment, carried: bool) -> Iterator[Sentence]:
    """Split a segment at sentence ends ([.!?] + space), not after abbreviations or numbers."""
    abbrev = _abbreviations()
    pos = 0
    text = seg.text
    for m in re.finditer(_SENTENCE_END, text):
        before = text[max(pos, m.start() - 12): m.start()].rsplit(None, 1)
        word = before[-1].lower().strip("(\"'„“") if before else ""
        if word in abbrev or (word.isdigit() and not text[m.end()].isupper()):
            continue
        yield Sentence(seg.start + pos, seg.start + m.start() + 1, text[pos: m.start() + 1], seg, carried)
        pos = m.end()
    if pos < len(text):
        yield Sentence(seg.start + pos, seg.end, text[pos:], seg, carried)


@cache
def _abbreviations() -> frozenset[str]:
    return frozenset(rules()["abbreviations"])


@lru_cache(maxsize=4)
def _glossary(segments: tuple[Segment, ...]) -> frozenset[int]:
    """Indexes of segments in a definitions/glossary part: not statements about processing."""
    title, item = _rx("glossary", "title"), _rx("glossary", "definition_item")
    out: set[int] = set()
    heads: set[str] = set()
    in_list = False
    for i, seg in enumerate(segments):
        text = seg.text.strip()
        if heads and heads & set(seg.heading_path):
            out.add(i)
            continue
        if seg.kind == "heading" and title.match(text):
            heads.add(seg.text)
            out.add(i)
            continue
        if _search(text, "glossary", "intro") or (len(text) < 60 and title.match(text)):
            out.add(i)
            in_list = True
            continue
        if in_list and (seg.kind == "list_item" or item.match(text)):
            out.add(i)
            continue
        in_list = False
    return frozenset(out)


def _contexts(text: str, segments: Sequence[Segment], kind: str) -> Iterator[Sentence]:
    """Sentences with hits of ``kind`` outside glossaries; list items after an introduction with a
    recipient cue are carried."""
    skip = _glossary(tuple(segments))
    carry = False
    for i, seg in enumerate(segments):
        if i in skip:
            carry = False
            continue
        if seg.kind != "list_item":
            carry = seg.text.rstrip().endswith(":") and bool(_search(seg.text[-300:], "recipient", "cue"))
        if hits_between(text, seg.start, seg.end, kind):
            yield from _sentences(seg, carry and seg.kind == "list_item")


def _negated_before(sent: Sentence, hit: Hit) -> bool:
    """A negation shortly before the hit in its clause ("we do not store your IP address"), or a
    negated verb right after it ("Gesundheitsdaten verarbeiten wir nicht")."""
    window = rules()["data"]["negation_window"]
    lo = max(sent.start, hit.start - window)
    before = sent.text[lo - sent.start: hit.start - sent.start]
    before = re.split(r"[,;:()]", before)[-1]
    after = sent.text[hit.end - sent.start: hit.end - sent.start + 50]
    return bool(_search(before, "data", "negation")) or bool(_rx("data", "post_negation").match(after.lstrip()))


def _blocked(text: str, sent: Sentence, hit: Hit) -> bool:
    """The hit lies in an excluded phrase ("the contact details above"; for weak labels also
    "in our name", "the address line")."""
    lo, hi = max(sent.start, hit.start - 60), min(sent.end, hit.end + 60)
    low = text[lo:hi].lower()
    for path in (("data", "exclude_phrase"), ("data", "exclude_phrase_hidden"))[: 2 if hit.label.hidden else 1]:
        rx, literals = _rule(*path)
        if literals and not any(lit in low for lit in literals):
            continue
        if any(m.start() < hit.end and hit.start < m.end() for m in rx.finditer(text, lo, hi)):
            return True
    return False


def _data_hits(text: str, sent: Sentence) -> Iterator[tuple[Hit, str, float]]:
    """Data-category hits of one sentence that pass the context rules, with rule name and confidence."""
    hits = hits_between(text, sent.start, sent.end, "data")
    if not hits or _search(sent.text, "data", "exclude_sentence"):
        return
    processing = bool(_search(sent.text, "data", "hidden_cue"))
    for h in hits:
        if h.label.hidden and not processing or _blocked(text, sent, h) or _negated_before(sent, h):
            continue
        yield h, "data.function" if h.label.hidden else "data.label", 0.6 if h.label.hidden else 0.9


def _recipient_context(sent: Sentence) -> tuple[bool, bool]:
    """(vetoed, cued): is the sentence no statement about recipients / does it say data goes somewhere."""
    text = sent.text
    if _search(text, "recipient", "veto_sentence"):
        return True, False
    if _search(text, "recipient", "negated") and not _search(text, "recipient", "exception"):
        return True, False
    heading = any(_search(h, "recipient", "heading_cue") for h in sent.segment.heading_path[-1:])
    return False, bool(sent.carried or heading or _search(text, "recipient", "cue"))


def _recipient_hits(text: str, sent: Sentence) -> Iterator[tuple[Hit, str, float]]:
    """Recipient-category hits of one sentence that pass the context rules."""
    hits = hits_between(text, sent.start, sent.end, "recipient")
    if not hits:
        return
    vetoed, cued = _recipient_context(sent)
    if vetoed:
        return
    generic = any(h.label.hidden for h in hits) and bool(_search(sent.text, "recipient", "generic_provider"))
    for h in _usable(hits, text, generic):
        if not (cued or _standalone(h)) or _category_vetoed(sent, h.notation):
            continue
        rule = ("recipient.function" if h.label.hidden else "recipient.label") + ("" if cued else ".standalone")
        conf = (0.6 if h.label.hidden else 0.9) - (0.0 if cued else 0.2)
        yield h, rule, conf


def _category_vetoed(sent: Sentence, notation: str) -> bool:
    """A context that rules one category out (a "Versanddienstleister" that sends the newsletter)."""
    if notation not in rules()["recipient"]["category_veto"]:
        return False
    rx = _rx("recipient", "category_veto", notation)
    return bool(rx.search(sent.text) or any(rx.search(h) for h in sent.segment.heading_path[-1:]))


def _standalone(hit: Hit) -> bool:
    """Labels that name a recipient even without a cue word ("IT service providers", "Cloud-Anbieter")."""
    if hit.label.hidden:
        return False
    return hit.notation in rules()["recipient"]["standalone"] or bool(
        _rx("recipient", "standalone_head").search(hit.label.text))


def _usable(hits: Sequence[Hit], text: str, generic: bool) -> Iterator[Hit]:
    """Drop function words ("hosting") without a provider noun, or naming data ("payment data") or
    a newsletter ("Versand unseres Newsletters")."""
    after, before = _rx("recipient", "hidden_not_before"), _rx("recipient", "hidden_not_after")
    for h in hits:
        if h.label.hidden and (not generic or after.match(text, h.end)
                               or before.search(text, max(0, h.start - 30), h.start)):
            continue
        yield h


def _facts(doc: Document, found: Iterator[tuple[Sentence, Hit, str, float]]) -> tuple[CategoryFact, ...]:
    """Group hits by category: evidence spans in text order, facts in order of first evidence."""
    spans: dict[str, list[Span]] = {}
    for sent, hit, rule, conf in found:
        quote = doc.text[hit.start:hit.end]
        spans.setdefault(hit.notation, []).append(
            Span(hit.start, hit.end, quote, rule, conf, sent.segment.heading_path))
    facts = []
    for notation, ss in spans.items():
        ss = sorted(set(ss), key=lambda s: (-s.confidence, s.start, s.end, s.rule))[:_MAX_EVIDENCE]
        facts.append(CategoryFact(notation, tuple(sorted(ss, key=lambda s: (s.start, s.end, s.rule)))))
    return tuple(sorted(facts, key=lambda f: (f.evidence[0].start, f.category)))


def find_data_categories(doc: Document, segments: Sequence[Segment]) -> tuple[CategoryFact, ...]:
    """Data categories the policy says it processes (labels outside glossaries, negations, "contact us")."""
    sentences = _contexts(doc.text, segments, "data")
    return _facts(doc, ((s, h, r, c) for s in sentences for h, r, c in _data_hits(doc.text, s)))


def find_recipient_categories(doc: Document, segments: Sequence[Segment]) -> tuple[CategoryFact, ...]:
    """Unnamed recipients that data is passed to (cue words, recipient lists and sections)."""
    sentences = _contexts(doc.text, segments, "recipient")
    return _facts(doc, ((s, h, r, c) for s in sentences for h, r, c in _recipient_hits(doc.text, s)))


def recipient_categories_in(text: str) -> list[tuple[str, int, int]]:
    """Recipient categories named in ``text`` (e.g. a transfer sentence): (notation, start, end)."""
    hits = [h for h in scan(text) if h.label.kind == "recipient"]
    generic = bool(_search(text, "recipient", "generic_provider"))
    return sorted({(h.notation, h.start, h.end) for h in _usable(hits, text, generic)}, key=lambda t: (t[1], t[2], t[0]))
