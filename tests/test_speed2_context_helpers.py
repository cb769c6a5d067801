"""The second round of speed helpers (sentence splitting, sentence records) answer like the code they replace."""

from __future__ import annotations

import pickle

from hypothesis import given, settings
from hypothesis import strategies as st

from vendorgraph import segment as G
from vendorgraph.extract.categories import sentences as CS
from vendorgraph.extract.context import DocContext, Sentence
from vendorgraph.model import Document, Segment

_WORDS = ["Inc.", "e.g.", "z.B.", "Nr.", "5", "16.", "Juli", "Str.", "Hauptstr.", "A.", "x" * 26 + ".", "GmbH.",
          "word", "Wort.", "!", "?", "?!", " ", "\n", "\n\n", "(", "\"", "”", ")", "].", "Die", "The", "Art.", "1.",
          "2020.", "U.S.", "ca.", "u.", "\t", "\u00a0", "\u2003", "Ärger.", "Ö", "„Zitat“.", "'x'."]


def _old_sentences(text: str, offset: int = 0) -> list[tuple[int, int]]:
    """``segment.sentences`` as it was before: the word before an end read by ``_word_before``, the end
    found by stripping the match."""
    out: list[tuple[int, int]] = []
    start = 0
    abbr = G.abbreviations()
    rev = ""
    for m in G._SENT_END.finditer(text):
        rev = rev or text[::-1]
        word = G._word_before(text, rev, max(start, m.start() - 24), m.start())
        if word is not None:
            if word in abbr or len(word) <= 1 and G._INITIALS.fullmatch(word):
                continue
            if text[m.end():m.end() + 1].isdigit() and G._number_abbr().search(word):
                continue
            if word.isdigit() and len(word) <= 2 and G._ordinal_month().match(text, m.end()):
                continue
        end = m.end() - (len(m.group(0)) - len(m.group(0).rstrip()))
        if text[start:end].strip():
            out.append((offset + start, offset + end))
        start = m.end()
    tail = text[start:].rstrip()
    if tail.strip():
        out.append((offset + start, offset + start + len(tail)))
    return out


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), max_size=40), st.sampled_from(["", " ", "\n"]), st.integers(0, 500))
def test_sentences_equal_the_old_split(words: list[str], sep: str, offset: int) -> None:
    text = sep.join(words)
    assert G.sentences(text, offset) == _old_sentences(text, offset)


def test_sentences_equal_the_old_split_on_every_abbreviation() -> None:
    for a in sorted(G.abbreviations()):
        for text in (f"See {a} Next one.", f"See {a} 25 Next.", f"Am {a} Juli. Ende", f"{a}\n. Foo. Bar"):
            assert G.sentences(text, 7) == _old_sentences(text, 7), text


def _old_index(ctx: DocContext) -> list[tuple]:
    """The sentence records of ``DocContext._index`` as the old loop made them (as plain tuples)."""
    out = []
    text = ctx.doc.text
    secs = {s.seg: (s.section, s.top) for s in ctx.sentences}
    for i, seg in enumerate(ctx.segments):
        lab = G.label_of(seg.text) if seg.kind in ("label_value", "list_item") else None
        for s, e in _old_sentences(seg.text, seg.start):
            vs = seg.start + lab[2] if lab and s == seg.start else s
            section, top = secs[i]
            out.append((s, e, text[s:e], i, section, top, seg.kind, lab[1] if lab else None, vs))
    return out


def test_sentence_records_equal_the_old_ones() -> None:
    text = ("1. Hosting\n\nWe use AWS Inc. in the U.S. See Art. 28 GDPR. Next.\n"
            "- Empfänger: IT-Dienstleister. Zweiter Satz.\n- second item! Third? Yes.\n"
            "Recipients of the data: hosting providers. More text.\n\n2. Kontakt\nAm 16. Juli 2020 gilt es. Ende.\n")
    ctx = DocContext.build(Document("t", "t", text, "en"), G.segment(text))
    assert [tuple(s) for s in ctx.sentences] == _old_index(ctx)
    s = ctx.sentences[1]
    assert (s.start, s.end, s.text, s.seg, s.kind, s.value_start) == tuple(s)[:4] + (s[6], s[8])
    assert pickle.loads(pickle.dumps(s)) == s and hash(Sentence(*s)) == hash(s)
    assert ctx.sentence_at(s.start) == s


def _old_category_sentences(seg: Segment, carried: bool) -> list[tuple]:
    """``categories.sentences._sentences`` as it was (a generator of records), as plain tuples."""
    abbrev = CS._abbreviations()
    pos, text, out = 0, seg.text, []
    for m in CS._SENTENCE_END_RX.finditer(text):
        before = text[max(pos, m.start() - 12): m.start()].rsplit(None, 1)
        word = before[-1].lower().strip("(\"'„“") if before else ""
        if word in abbrev or (word.isdigit() and not text[m.end()].isupper()):
            continue
        out.append((seg.start + pos, seg.start + m.start() + 1, text[pos: m.start() + 1], seg, carried))
        pos = m.end()
    if pos < len(text):
        out.append((seg.start + pos, seg.end, text[pos:], seg, carried))
    return out


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_WORDS + ["z. B.", "bzw.", "Nr. 5", "3. Mai"]), min_size=1, max_size=30),
       st.integers(0, 300), st.booleans())
def test_category_sentences_equal_the_old_split(words: list[str], start: int, carried: bool) -> None:
    text = " ".join(words).strip() or "x"
    seg = Segment(start, start + len(text), text, "list_item")
    new = CS._sentences(seg, carried)
    assert [tuple(s) for s in new] == _old_category_sentences(seg, carried)
    assert all(isinstance(s, CS.Sentence) and s._replace(carried=True).carried for s in new)
