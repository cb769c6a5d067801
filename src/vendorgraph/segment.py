"""Split a policy into segments (headings, paragraphs, list items, label-value lines) that know
their heading path, and segments into sentences.

Headings are numbered ("3.1 Hosting"), markdown ("## Hosting") or short unpunctuated lines that
introduce longer text ("Google Analytics 4"); unnumbered headings nest below the last numbered one.
Address blocks and phone lines are never headings. Rules live in ``ingest/rules/structure.json``.

>>> segs = segment("1. Hosting\\n\\nWe use AWS.\\n")
>>> [(s.kind, s.heading_path) for s in segs]
[('heading', ()), ('paragraph', ('1. Hosting',))]
>>> [s.kind for s in segment("Recipients of the data: IT service providers\\n- first item\\n")]
['label_value', 'list_item']
"""

from __future__ import annotations

import json
import re
from functools import cache

from .model import Segment
from .resources import data_dir

#: The word (letters, digits, dots) ending a string; the lookbehind lets a search skip the inside of words.
_LAST_WORD = re.compile(r"(?<![\w.])[\w.]+$")
_WORD_RUN = re.compile(r"[\w.]+")


def _last_word(s: str) -> str | None:
    """``_LAST_WORD.search(s).group()``: the run of word characters and dots that ends ``s`` (found
    in the reversed text: one match instead of a search from every position). Like ``$``, the run may
    end before a final line break."""
    m = _WORD_RUN.match(s[-2::-1] if s.endswith("\n") else s[::-1])
    return m.group()[::-1] if m is not None else None


def _word_before(text: str, rev: str, lo: int, hi: int) -> str | None:
    """``_last_word(text[lo:hi])``, matched in ``rev`` (``text`` reversed) without slicing."""
    n = len(text)
    m = _WORD_RUN.match(rev, n - hi + (hi > lo and text[hi - 1] == "\n"), n - lo)
    return m.group()[::-1] if m is not None else None


_INITIALS = re.compile(r"(?:\w\.)*\w")
_SENT_END = re.compile(r"([.!?][\"'”“)\]]*)\s+(?=[\"'„“(\[]?[A-ZÄÖÜ0-9])")


@cache
def structure_rules() -> dict:
    """The segmentation rules (``ingest/rules/structure.json``)."""
    return json.loads((data_dir("ingest") / "rules" / "structure.json").read_text(encoding="utf-8"))


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    r = structure_rules()
    labels = sorted((lab for labs in r["labels"].values() for lab in labs), key=len, reverse=True)
    known = "|".join(re.escape(lab) for lab in labels)
    return {
        "bullet": re.compile(r["bullet"]),
        "md": re.compile(r["markdown_heading"]),
        "num": re.compile(r["numbered_heading"]),
        "label": re.compile(r["generic_label"]),
        "known_label": re.compile(rf"^(?:{known})\b\s*:?", re.I),
        "address": re.compile(r["address_line"]),
    }


@cache
def _label_kinds() -> dict[str, str]:
    return {lab.lower(): kind for kind, labs in structure_rules()["labels"].items() for lab in labs}


def label_of(text: str) -> tuple[str, str, int] | None:
    """``(label, kind, value_offset)`` of a "Label: value" line; kind is a key of the label lexicon or "other".

    >>> label_of("Empfänger: IT-Dienstleister")
    ('Empfänger', 'recipients', 11)
    """
    s = _patterns()["bullet"].sub("", text, count=1) if _patterns()["bullet"].match(text) else text
    lead = len(text) - len(s)
    m = _patterns()["known_label"].match(s)
    if m and (s[: m.end()].rstrip().endswith(":") or s[m.end():].strip()):
        label = s[: m.end()].rstrip(" :")
        rest = len(s[m.end():]) - len(s[m.end():].lstrip())
        return label, _label_kinds().get(label.lower(), "other"), lead + m.end() + rest
    m = _patterns()["label"].match(s)
    if m and m.group(2) and len(m.group(1).split()) <= structure_rules()["generic_label_max_words"]:
        label = m.group(1).strip()
        return label, _label_kinds().get(label.lower(), "other"), lead + m.start(2)
    return None


def _short(line: str) -> bool:
    s = line.strip()
    return 0 < len(s) <= 90 and len(s.split()) <= 12 and not s.endswith((".", ",", ";", ":", "!")) \
        and not _patterns()["bullet"].match(line)


def _numbered(line: str) -> int:
    """Heading depth of a numbered or markdown heading line, else 0."""
    s = line.strip()
    m = _patterns()["md"].match(s)
    if m:
        return len(m.group(1))
    m = _patterns()["num"].match(s)
    if not m or len(s) > 110 or (s.endswith((".", ",", ";")) and len(s.split()) > 6):
        return 0
    if not m.group(2)[:1].isupper() and not m.group(2)[:1] in "„“\"'(" and not m.group(2)[:1].isdigit():
        return 0
    return max(1, m.group(1).rstrip(".").count(".") + 1)


class _Memo:
    """Per-document memo of the line tests (each line is asked about as itself and as a neighbour)."""

    def __init__(self) -> None:
        self._label: dict[str, tuple[str, str, int] | None] = {}
        self._short: dict[str, bool] = {}
        self._numbered: dict[str, int] = {}

    def label_of(self, text: str) -> tuple[str, str, int] | None:
        if text not in self._label:
            self._label[text] = label_of(text)
        return self._label[text]

    def short(self, line: str) -> bool:
        if line not in self._short:
            self._short[line] = _short(line)
        return self._short[line]

    def numbered(self, line: str) -> int:
        if line not in self._numbered:
            self._numbered[line] = _numbered(line)
        return self._numbered[line]


def _plain_heading(lines: list[str], i: int, prev: int | None, nxt: int | None, memo: _Memo) -> bool:
    line = lines[i]
    s = line.strip()
    if not memo.short(line) or line[:1].isspace() or not (s[0].isupper() or s[0].isdigit()):
        return False
    if "\t" in s:
        return False  # a row of a tab-separated table ("Name<TAB>Purpose<TAB>Country")
    if _patterns()["address"].search(s) or memo.label_of(s) or nxt is None:
        return False
    if s.split()[-1].lower() in structure_rules()["heading_never_ends_with"]:
        return False
    if prev is not None and memo.short(lines[prev]) and not memo.numbered(lines[prev]) \
            and not memo.label_of(lines[prev]):
        return False
    return not memo.short(lines[nxt]) or bool(memo.numbered(lines[nxt])) or bool(memo.label_of(lines[nxt].strip()))


def _neighbours(lines: list[str]) -> tuple[list[int | None], list[int | None]]:
    prev: list[int | None] = []
    last: int | None = None
    for i, line in enumerate(lines):
        prev.append(last)
        if line.strip():
            last = i
    nxt: list[int | None] = [None] * len(lines)
    last = None
    for i in range(len(lines) - 1, -1, -1):
        nxt[i] = last
        if lines[i].strip():
            last = i
    return prev, nxt


def segment(text: str) -> list[Segment]:
    """Segments covering the non-blank lines of ``text``; offsets index into ``text``."""
    out: list[Segment] = []
    path: list[tuple[int, str]] = []
    lines = text.split("\n")
    prev, nxt = _neighbours(lines)
    starts = [0]
    for line in lines[:-1]:
        starts.append(starts[-1] + len(line) + 1)
    num_depth = 0
    memo = _Memo()
    bullet = _patterns()["bullet"]
    hp: tuple[str, ...] = ()  # the heading path below ``path``, one tuple shared by its segments
    for i, line in enumerate(lines):
        stripped = line.strip()
        if not stripped:
            continue
        lead = len(line) - len(line.lstrip())
        s, e = starts[i] + lead, starts[i] + len(line.rstrip())
        after_colon = prev[i] is not None and lines[prev[i]].rstrip().endswith(":")
        depth = 0 if lead else memo.numbered(line)
        if depth and after_colon and (depth == 1 or len(stripped) > 60):
            depth = 0  # "1. first point" after "the following:" is a list item
        if depth:
            num_depth = depth
        elif _plain_heading(lines, i, prev[i], nxt[i], memo):
            depth = num_depth + 1
        if depth:
            path = [p for p in path if p[0] < depth]
            out.append(Segment(s, e, text[s:e], "heading", tuple(h for _, h in path)))
            path.append((depth, text[s:e]))
            hp = tuple(h for _, h in path)
            continue
        if bullet.match(line):
            kind = "list_item"
        elif memo.label_of(stripped):
            kind = "label_value"
        else:
            kind = "paragraph"
        last = out[-1] if out else None
        if (kind == "paragraph" and last and last.kind == "paragraph" and last.heading_path == hp
                and prev[i] == i - 1 and line.lstrip()[:1].islower() and not last.text.endswith((".", ":", "!", "?"))):
            out[-1] = Segment(last.start, e, text[last.start:e], "paragraph", hp)  # hard-wrapped line
            continue
        out.append(Segment(s, e, text[s:e], kind, hp))
    return out


@cache
def _number_abbr() -> re.Pattern[str]:
    """Word endings that abbreviate before a number ("Hauptstr. 5", "Nr. 3")."""
    return re.compile(structure_rules()["number_abbreviation"])


@cache
def _ordinal_month() -> re.Pattern[str]:
    """A month name after an ordinal day ("16. Juli")."""
    return re.compile(structure_rules()["ordinal_date_month"])


@cache
def abbreviations() -> frozenset[str]:
    return frozenset(structure_rules()["abbreviations"])


@cache
def _reversed_abbreviations() -> frozenset[str]:
    """:func:`abbreviations` spelt backwards (:func:`sentences` reads the word before an end reversed)."""
    return frozenset(a[::-1] for a in abbreviations())


def sentences(text: str, offset: int = 0) -> list[tuple[int, int]]:
    """(start, end) offsets of the sentences of ``text`` (plus ``offset``); abbreviations do not split.

    >>> t = "We use Google Inc. in the USA. See Art. 28 GDPR."
    >>> [t[s:e] for s, e in sentences(t)]
    ['We use Google Inc. in the USA.', 'See Art. 28 GDPR.']
    >>> len(sentences("Der EuGH hat das Abkommen am 16. Juli 2020 für ungültig erklärt. Es gilt nicht mehr."))
    2
    """
    out: list[tuple[int, int]] = []
    start = 0
    abbr = _reversed_abbreviations()
    rev = ""
    n = len(text)
    word_run = _WORD_RUN.match
    for m in _SENT_END.finditer(text):
        at, after = m.span()
        rev = rev or text[::-1]
        lo = at - 24 if at - 24 > start else start  # at most 24 characters back
        # the word before the end (``_word_before``), read reversed: abbreviations are kept reversed too
        w = word_run(rev, n - at + (at > lo and text[at - 1] == "\n"), n - lo)
        if w is not None:
            drow = w.group()
            if drow in abbr or len(drow) <= 1 and _INITIALS.fullmatch(drow):
                continue
            if text[after:after + 1].isdigit() and _number_abbr().search(drow[::-1]):
                continue  # "Industriestr. 25": a street, not a sentence end
            if drow.isdigit() and len(drow) <= 2 and _ordinal_month().match(text, after):
                continue  # "am 16. Juli 2020": a date
        # the sentence ends after the mark and its closing quotes (group 1); it holds the mark, never blank
        out.append((offset + start, offset + m.end(1)))
        start = after
    tail = text[start:].rstrip()
    if tail.strip():
        out.append((offset + start, offset + start + len(tail)))
    return out
