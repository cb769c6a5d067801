"""Round 4 of the extraction shortcuts (party mentions) answer what the code they replace answers: the
gazetteer hits read only while the tokens may still make a surface form, the legal-form names tried only
after the last word that is no name token, the quoted names after a leading legal form found from the
quotes, the needed-literal test of :func:`~vendorgraph.extract.scan.finditer` and the lower-cased text
shared by the label scans."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from vendorgraph.extract import lexicon, mentions, names, scan
from vendorgraph.extract.lexicon import rules, rx
from vendorgraph.extract.literals import finditer_literal, finditer_marked

ROOT = Path(__file__).resolve().parent.parent
_FILES = sorted((ROOT / "ingest" / "samples").glob("*.txt")) + sorted((ROOT / "tests" / "policies").glob("*.txt"))
TEXTS = [p.read_text(encoding="utf-8") for p in _FILES]


def _random_text(rnd: random.Random, pieces: list[str], n: int) -> str:
    return "".join(rnd.choice(pieces) for _ in range(n))


# --- gazetteer hits -------------------------------------------------------------------------------------

def _gazetteer_hits_before(text: str) -> list[tuple[int, int, str]]:
    """The code before: every token up to the most a surface form with that first token has, every stretch
    looked up."""
    g, firsts = mentions.gazetteer(), mentions._first_tokens()
    out: list[tuple[int, int, str]] = []
    pos = 0
    for cand in mentions._first_re().finditer(text):
        m = mentions._TOKEN.match(text, cand.start())
        if m is None or m.start() < pos:
            continue
        n_max = firsts.get(m.group().rstrip("."), 0)
        if not n_max:
            continue
        ends = [m.end()]
        for t in mentions._TOKEN.finditer(text, m.end()):
            if len(ends) >= n_max or t.start() - ends[-1] > 3:
                break
            ends.append(t.end())
        for e in reversed(ends):
            hit = None
            for end in (e, e - 1) if text[e - 1] == "." else (e,):
                key = " ".join(text[m.start():end].split())
                if key in g:
                    hit = end
                    break
            if hit is not None:
                if not mentions._in_url(text, m.start()):
                    out.append((m.start(), hit, " ".join(text[m.start():hit].split())))
                    pos = hit
                break
    return out


def _surface_pieces() -> list[str]:
    """Surface forms of the gazetteer, their tokens, and what may come between and after them."""
    rnd = random.Random(11)
    keys = sorted(mentions.gazetteer())
    forms = rnd.sample(keys, min(150, len(keys)))
    multi = [k for k in keys if " " in k]
    forms += rnd.sample(multi, min(100, len(multi)))
    tokens = sorted({t for k in forms for t in mentions._TOKEN.findall(k)})
    return forms + tokens + [" ", "  ", "\n", ", ", " - ", " & ", ".", "..", "/", "@", "www.", "https://", "-",
                             "Inc.", " Ltd", "GmbH", "the", "You", "United", "The", "com", ".com", ".io", "x"]


def test_gazetteer_hits_equal_the_code_before() -> None:
    rnd = random.Random(3)
    pieces = _surface_pieces()
    texts = TEXTS + [_random_text(rnd, pieces, rnd.randint(1, 40)) for _ in range(4000)]
    for text in texts:
        assert mentions._gazetteer_hits(text) == _gazetteer_hits_before(text), text


def test_token_runs_hold_every_surface_form() -> None:
    leading, whole = mentions._token_runs()
    for key in mentions.gazetteer():
        run = tuple(t.rstrip(".") for t in mentions._TOKEN.findall(key))
        assert run in whole and all(run[:i] in leading for i in range(1, len(run) + 1))


# --- names before legal forms ---------------------------------------------------------------------------

#: Pieces of text around legal forms: words that are tokens and words that are not, particles, parentheses,
#: hyphens, every kind of white space, lower-case names and openers.
_NAME_PIECES = ["the ", "uses ", "we ", "Foo ", "Bar", "Cloud ", " ", "  ", "-", ", ", ",", "\n", "\t", "\u00a0",
                "GmbH", " GmbH", " AG", "-AG", "Inc.", " Inc", " Ltd.", " Co. KG", " & Co. KG", "e.V.", " UG",
                "(", ")", "(Foo bar)", " (Acme Cloud) ", "(Foo bar baz) ", "Acme (Cloud of things) GmbH", "de ", "van ", "von ", "la ", "du", "noris ", "network ",
                "samedi ", "d.vinci ", "finAPI ", "& ", "+ ", "x-y ", "foo-bar ", "über ", "die ", "der ", "via ",
                "Ärzte ", "Łódź ", "éclair ", "foo_bar ", "1&1 ", "S.à r.l.", "a.s.", " mbH", "Versicherungs-AG",
                "12 ", "x2 ", "'s ", "’", "O'Neil ", "A/S", "Müller ", "Söhne "]


def _name_texts() -> list[str]:
    rnd = random.Random(5)
    return TEXTS + [_random_text(rnd, _NAME_PIECES, rnd.randint(1, 40)) for _ in range(6000)]


@pytest.mark.parametrize("name", ["lower", "upper"])
def test_near_legal_forms_with_heads_equal_finditer(name: str) -> None:
    if name == "lower":
        p, first, heads = names._lower_re(), names._lower_first_re(), 2
    else:
        p, first, heads = mentions._legal_form_re(), mentions._legal_form_first_re(), 1
    for text in _name_texts():
        assert [m.regs for m in names.near_legal_forms(p, first, text, heads)] == [m.regs for m in p.finditer(text)], text


def test_name_token_holds_spaces_only_inside_parentheses() -> None:
    """:func:`~vendorgraph.extract.names._last_non_token` counts on it: a token that could hold a space
    elsewhere would let a name cross a word that is no token."""
    from vendorgraph.extract.literals import alternatives

    for alt in alternatives(rules("parties")["name_token"]):
        assert " " not in alt and r"\s" not in alt or alt.startswith(r"\("), alt


# --- quoted names after a leading legal form ------------------------------------------------------------

_QUOTE_PIECES = ["UAB", "AB", "SIA", "OÜ", "AS", "SA", "SAS", "SARL", "XUAB", "ABx", " ", "  ", "\n", "\t",
                 "\u00a0", "„", "“", "”", '"', "Mailpost", "Acme Cloud", "x", "-", ",", ".", "(", ")",
                 'UAB "Mailpost"', "SIA „Acme“", "AS\n“Drop Box”", 'SA  "x"', 'AB "', "OÜ „"]


def test_prefixed_names_equal_the_literal_scan() -> None:
    p = rx("parties", "prefix_legal_form")
    rnd = random.Random(9)
    texts = TEXTS + [_random_text(rnd, _QUOTE_PIECES, rnd.randint(0, 50)) for _ in range(3000)]
    for text in texts:
        found = finditer_marked(p, text)
        assert [m.regs for m in found] == [m.regs for m in p.finditer(text)], text
        assert [m.regs for m in found] == [m.regs for m in finditer_literal(p, text, rules("parties")["prefix_legal_form"])]
    assert names.prefixed_entities('Anbieter: UAB "Mailpost", Vilnius') == [(15, 23, "Mailpost")]


@pytest.mark.parametrize("pattern", [
    r'(?=[tv])(?:(?:the|via)\s+["„]([A-Z]\w+)["“])',  # guarded
    r'(?=[tv])(?:\b(?:the|via)\s+["„]([A-Z]\w+)["“])',  # guarded, word boundary
    r'(?=[tv])(?:(?:the|via)\s+["„]([A-Z]\w+)["“])|Zoom',  # another alternative after the group: the plain scan
    r'(?=[tv])(?:(?:the|via)\s+["„]([A-Z]\w+)["“]|Zoom)',  # another alternative inside the group: the plain scan
    r'(?=[tv])(?:(?:the|via)\s+["„])([A-Z]\w+)["“]',  # the guarded group ends early: the plain scan
])
def test_marked_scan_of_guarded_regexes(pattern: str) -> None:
    p = re.compile(pattern)
    pieces = ["the", "via", "xthe", "Zoom", "AcmeCloud", " ", "\n", "„", "“", '"', "-", "the „Zoom“", 'via "Xy"']
    rnd = random.Random(len(pattern))
    for _ in range(1500):
        text = _random_text(rnd, pieces, rnd.randint(0, 40))
        assert [m.regs for m in finditer_marked(p, text)] == [m.regs for m in p.finditer(text)], text


# --- needed literals ------------------------------------------------------------------------------------

@pytest.mark.parametrize("key", ["institution_name", "institution_head_name"])
def test_needed_test_answers_as_any_literal(key: str) -> None:
    p = rx("parties", key)
    needed, test = scan.needed_literals(p), scan._needed_test(p)
    assert needed is not None and test is not None
    rnd = random.Random(13)
    pieces = list(needed) + [lit[:-1] for lit in needed] + [lit[1:] for lit in needed] + [" ", "x", "-", "\n"]
    texts = TEXTS + [_random_text(rnd, pieces, rnd.randint(0, 8)) for _ in range(3000)]
    for text in texts:
        assert scan._holds(text, test) == any(lit in text for lit in needed), text
        assert [m.regs for m in scan.finditer(p, text)] == [m.regs for m in p.finditer(text)]


# --- the lower-cased text -------------------------------------------------------------------------------

def test_lower_keeps_offsets() -> None:
    def before(text: str) -> str:
        low = text.lower()
        if len(low) == len(text):
            return low
        return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)

    for text in TEXTS[:4] + ["", "İstanbul GmbH", "STRASSE", "ǅ", "Ä\u0130x"]:
        assert lexicon._lower(text) == before(text)


# --- the sentence index of a document -------------------------------------------------------------------

def _index_before(ctx, segments) -> None:  # noqa: ANN001 - the code before, on a DocContext
    from vendorgraph.extract.context import Sentence
    from vendorgraph.segment import label_of, sentences

    text = ctx.doc.text
    section, top = -1, -1
    last_path = None
    stack: list[tuple[int, int]] = []
    below: tuple[int, ...] = ()
    for i, seg in enumerate(segments):
        depth = len(seg.heading_path)
        if seg.kind == "heading":
            stack = [s for s in stack if s[0] < depth + 1][:depth]
            ctx.heading_stack.append(tuple(s for _, s in stack))
            stack.append((depth + 1, i))
            below = tuple(s for _, s in stack)
        else:
            ctx.heading_stack.append(below)
        path = seg.heading_path + ((seg.text,) if seg.kind == "heading" else ())
        if path != last_path:
            section += 1
            if not last_path or not path or path[:1] != last_path[:1]:
                top += 1
            last_path = path
        lab = label_of(seg.text) if seg.kind in ("label_value", "list_item") else None
        kind, label_kind, first = seg.kind, lab[1] if lab else None, seg.start
        value_start = first + lab[2] if lab else first
        ctx.sentences.extend([Sentence(s, e, text[s:e], i, section, top, kind, label_kind,
                                       value_start if s == first else s) for s, e in sentences(seg.text, first)])
    ctx._sent_starts = [s.start for s in ctx.sentences]
    ss = ctx.sentences
    ctx._disjoint = all(a.end <= b.start for a, b in zip(ss, ss[1:]))


def test_sentence_index_equals_the_code_before() -> None:
    from vendorgraph.extract.context import DocContext, Sentence
    from vendorgraph.load import from_text
    from vendorgraph.model import Segment
    from vendorgraph.segment import segment

    docs = [from_text(t) for t in TEXTS] + [from_text("")]
    cases = [(d, segment(d.text)) for d in docs]
    text = "# A\n\nEmpfänger: IT. Mehr.\n\n- Item one. Two.\n\n## B\n\nPara."
    doc = from_text(text)
    cases.append((doc, segment(text)))
    cases.append((doc, [Segment(0, 20, text[0:20], "paragraph"), Segment(5, 30, text[5:30], "list_item", ("A",))]))
    for doc, segs in cases:
        new, old = DocContext(doc, segs), DocContext(doc, segs)
        new._index(segs)
        _index_before(old, segs)
        assert new.sentences == old.sentences and all(type(s) is Sentence for s in new.sentences)
        assert (new.heading_stack, new._sent_starts, new._disjoint) == (old.heading_stack, old._sent_starts, old._disjoint)
