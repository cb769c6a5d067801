"""Who a transfer statement is about: the parties it names, else the recipient categories it names,
else the vendor its section is about; for a label block ("Drittlandübermittlung: ..."), the
"Recipients:" line or the "Provider:" line of the same block."""

from __future__ import annotations

import re
from functools import cache

from .context import DocContext, Sentence
from .lexicon import rules, rx


@cache
def _categories_in():
    """``categories.recipient_categories_in`` when that module is installed, else None."""
    try:
        from .categories import recipient_categories_in
    except ImportError:  # the categories module is optional
        return None
    return recipient_categories_in


def _category_hits(text: str) -> list[str]:
    """Recipient categories named in ``text`` (categories module, plus the transfer hints of the rules)."""
    finder = _categories_in()
    found = [cat for cat, _, _ in finder(text)] if finder else []
    found += [cat for cat, pattern in rx_hints().items() if pattern.search(text)]
    return list(dict.fromkeys(found))


@cache
def rx_hints() -> dict[str, re.Pattern[str]]:
    """Category cues for transfer sentences (``category_hints`` of ingest/rules/transfers.json)."""
    return {k: re.compile(v, re.I) for k, v in rules("transfers")["category_hints"].items()}


def _sentence_categories(text: str) -> list[str]:
    """Recipient categories of a statement; not the authorities a remark on government access names
    ("companies in the USA may be subject to access by US authorities"), nor a supervisory authority
    ("BCR approved by the competent supervisory authority")."""
    cats = _category_hits(text)
    if rx("transfers", "government_access", re.I).search(text) or rx("transfers", "supervisory_authority", re.I).search(text):
        cats = [c for c in cats if c != "authorities"]
    return cats


def _abroad(cats: list[str]) -> list[str]:
    """Categories that can receive data abroad: authorities, advisers and credit agencies named
    beside IT providers in one recipients line are domestic (kept only when nothing else is named)."""
    domestic = set(rules("transfers")["domestic_categories"])
    return [c for c in cats if c not in domestic] or cats


def _label_block(ctx: DocContext, sent: Sentence) -> list[Sentence]:
    """The sentences of the run of label lines holding ``sent``, with the paragraph that leads into it."""
    segs, i = ctx.segments, sent.seg
    while i > 0 and segs[i - 1].kind == "label_value" and segs[i - 1].heading_path == segs[sent.seg].heading_path:
        i -= 1
    if i > 0 and segs[i - 1].kind == "paragraph" and segs[i - 1].heading_path == segs[sent.seg].heading_path:
        i -= 1
    return ctx.sentences_between(segs[i].start, sent.start)


def recipients(ctx: DocContext, sent: Sentence, label: bool) -> tuple[list[str], str]:
    """Recipient keys for a statement and where they came from (sentence/category/block/topic)."""
    if label:
        own = _label_block(ctx, sent)
        block = [s for s in ctx.sentences if s.section == sent.section and s.label_kind == "recipients"]
        if not any(s.label_kind == "recipients" for s in own) and any(ctx.mentions_in(s.start, s.end) for s in own):
            block = own  # "Anbieter: X / Drittlandübermittlung: ..." below a category block of the same section
        ms = [m for s in block for m in ctx.mentions_in(s.start, s.end)]
        if ms:
            return list(dict.fromkeys(m.vendor.key for m in ms)), "block"
        cats = _abroad([c for s in block for c in _category_hits(ctx.doc.text[s.value_start:s.end])])
        if cats:
            return [f"category:{c}" for c in dict.fromkeys(cats)], "block"
    ms = ctx.mentions_in(sent.start, sent.end)
    if ms:
        return list(dict.fromkeys(m.vendor.key for m in ms)), "sentence"
    cats = _abroad(_sentence_categories(sent.text))
    if cats:
        return [f"category:{c}" for c in cats], "category"
    seg = ctx.segments[sent.seg]
    if seg.kind == "paragraph" and not ctx.mentions_in(seg.start, sent.start) \
            and not rx("transfers", "government_access", re.I).search(sent.text):
        cats = _abroad(_sentence_categories(ctx.doc.text[seg.start:sent.start]))
        if cats:  # "Our service partners are in Japan. ... For Japan, there is an adequacy decision."
            return [f"category:{c}" for c in cats], "category"
    topic = ctx.topic(sent)
    if topic is not None:
        return [topic.vendor.key], "topic"
    return [], "none"
