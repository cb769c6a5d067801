"""Who a transfer statement is about: the parties it names, else the recipient categories it names,
else the vendor its section is about; for a label block ("Drittlandübermittlung: ..."), the
"Recipients:" line or the "Provider:" line of the same block."""

from __future__ import annotations

import re
from functools import cache, lru_cache

from .context import DocContext, Sentence
from .lexicon import compile_guarded, rules, rx


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
    return list(_text_categories(text))


@lru_cache(maxsize=64)
def _text_categories(text: str) -> tuple[str, ...]:
    """:func:`_category_hits`, cached: a statement's text is asked about for its recipients, its
    intro and its label block."""
    finder = _categories_in()
    found = [cat for cat, _, _ in finder(text)] if finder else []
    found += [cat for cat, pattern in rx_hints().items() if pattern.search(text)]
    return tuple(dict.fromkeys(found))


@cache
def rx_hints() -> dict[str, re.Pattern[str]]:
    """Category cues for transfer sentences (``category_hints`` of ingest/rules/transfers.json)."""
    return {k: compile_guarded(v, re.I) for k, v in rules("transfers")["category_hints"].items()}


def _sentence_categories(text: str) -> list[str]:
    """Recipient categories of a statement; not the authorities a remark on government access names
    ("companies in the USA may be subject to access by US authorities"), nor a supervisory authority
    ("BCR approved by the competent supervisory authority"), nor a court ("after the CJEU declared the Privacy
    Shield invalid, we switched to SCCs")."""
    cats = _category_hits(text)
    if "authorities" in cats and (rx("transfers", "government_access", re.I).search(text)
                                  or rx("transfers", "supervisory_authority", re.I).search(text)
                                  or rx("transfers", "court_ruling", re.I).search(text)):
        cats = [c for c in cats if c != "authorities"]
    return cats


def _abroad(cats: list[str], text: str = "") -> list[str]:
    """Categories that can receive data abroad: authorities, advisers and credit agencies named
    beside IT providers in one recipients line are domestic (kept only when nothing else is named),
    unless the text says they are foreign ("the carrier and the customs authorities of the destination country")."""
    if not cats or text and rx("transfers", "foreign_recipient", re.I).search(text):
        return cats
    domestic = set(rules("transfers")["domestic_categories"])
    return [c for c in cats if c not in domestic] or cats


def _label_block(ctx: DocContext, sent: Sentence) -> list[Sentence]:
    """The sentences of the run of label lines holding ``sent``, with the paragraph that leads into it."""
    segs, i = ctx.segments, sent.seg
    while i > 0 and segs[i - 1].kind == "label_value" and segs[i - 1].heading_path == segs[sent.seg].heading_path:
        i -= 1
    if i > 0 and segs[i - 1].kind == "paragraph" and segs[i - 1].heading_path == segs[sent.seg].heading_path:
        i -= 1
    elif i > 0 and segs[i - 1].kind == "list_item" and _indented(ctx.doc.text, segs[i].start):
        i -= 1  # an indented "Drittlandübermittlung: ..." line under a bullet continues that bullet
    return ctx.sentences_between(segs[i].start, sent.start)


def recipients(ctx: DocContext, sent: Sentence, label: bool) -> tuple[list[str], str]:
    """Recipient keys for a statement and where they came from (sentence/category/block/topic)."""
    if label:
        named = [m for m in ctx.mentions_in(sent.value_start, sent.end) if m.start not in ctx.not_topics]
        if named:  # "Third-country transfer: USA (Vendor B)": only the vendor the value names
            return list(dict.fromkeys(m.vendor.key for m in named)), "block"
        own_cats = _abroad(_sentence_categories(ctx.doc.text[sent.value_start:sent.end]))
        if own_cats:  # "Drittlandtransfer: bei Lieferungen in die Schweiz an den Zustellpartner": that category
            return [f"category:{c}" for c in own_cats], "block"
        own = _label_block(ctx, sent)
        block = [s for s in ctx.sentences if s.section == sent.section and s.label_kind == "recipients"]
        if any(s.label_kind == "recipients" for s in own):
            block = [s for s in own if s.label_kind == "recipients"]  # the block's own "Recipients:" line
        elif any(ctx.mentions_in(s.start, s.end) for s in own):
            block = own  # "Anbieter: X / Drittlandübermittlung: ..." below a category block of the same section
        ms = [m for s in block for m in ctx.mentions_in(s.start, s.end)]
        if ms:
            return list(dict.fromkeys(m.vendor.key for m in ms)), "block"
        cats = _abroad([c for s in block for c in _category_hits(ctx.doc.text[s.value_start:s.end])])
        if cats:
            return [f"category:{c}" for c in dict.fromkeys(cats)], "block"
    ms = ctx.mentions_in(sent.start, sent.end)
    if ms:
        keys = list(dict.fromkeys(m.vendor.key for m in ms))
        if rx("transfers", "foreign_recipient", re.I).search(sent.text):  # "... to X AG and to the Swiss customs"
            domestic = set(rules("transfers")["domestic_categories"])
            keys += [f"category:{c}" for c in _sentence_categories(sent.text) if c in domestic]
        return keys, "sentence"
    cats = _abroad(_sentence_categories(sent.text), sent.text)
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


def _indented(text: str, start: int) -> bool:
    """True when only (some) white space stands between the line start and ``start``."""
    lead = text[text.rfind("\n", 0, start) + 1:start]
    return lead != "" and lead.strip() == ""
