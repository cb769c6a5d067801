"""Context rules for recipient categories: cue words, vetoes, standalone labels, function words."""

from __future__ import annotations

from functools import lru_cache
from typing import Iterator, Sequence

from .labels import Hit, Label
from .matching import hits_between
from .patterns import _found, _rx, rules
from .sentences import Sentence


def _recipient_context(sent: Sentence) -> tuple[bool, bool]:
    """(vetoed, cued): is the sentence no statement about recipients / does it say data goes somewhere."""
    text = sent.text
    if _found(text, "recipient", "veto_sentence"):
        return True, False
    if _found(text, "recipient", "negated") and not _found(text, "recipient", "exception"):
        return True, False
    heading = any(_found(h, "recipient", "heading_cue") for h in sent.segment.heading_path[-1:])
    return False, bool(sent.carried or heading or _found(text, "recipient", "cue"))


def _recipient_hits(text: str, sent: Sentence, hits: Sequence[Hit] | None = None) -> Iterator[tuple[Hit, str, float]]:
    """Recipient-category hits of one sentence that pass the context rules; ``hits``: the sentence's
    hits when known."""
    if hits is None:
        hits = hits_between(text, sent.start, sent.end, "recipient")
    if not hits:
        return
    vetoed, cued = _recipient_context(sent)
    if vetoed or (sent.segment.kind == "heading" and rules()["recipient"].get("heading_no_category")):
        return  # a heading announces a section; the section's own sentences name the recipients
    # a function word names a recipient beside a provider noun, or as an item of a recipient list
    generic = any(h.label.hidden for h in hits) and (sent.carried or _found(sent.text, "recipient", "generic_provider"))
    for h in _usable(hits, text, generic):
        if _purpose(text, sent, h):
            continue
        if not (cued or _standalone(h)) or _category_vetoed(sent, h.notation) or _names_one(text, sent, h):
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


def _names_one(text: str, sent: Sentence, hit: Hit) -> bool:
    """The label stands for one particular organisation, not a category (see the checks it combines)."""
    return (_specific(text, hit) or _in_name(text, hit) or _describes_named(text, sent, hit)
            or _vetoed_before(text, sent, hit) or _listed_before(text, sent, hit))


def _listed_before(text: str, sent: Sentence, hit: Hit) -> bool:
    """The label points back to organisations listed by name shortly before ("Zur Gruppe gehören die
    folgenden Gesellschaften: - A Inc. - B Ltd. ... Mit allen Gruppengesellschaften ...")."""
    listed = rules()["recipient"].get("listed_before", {})
    if hit.notation not in listed:
        return False
    lo = max(0, sent.start - rules()["recipient"]["listed_reach"])
    return bool(_rx("recipient", "listed_before", hit.notation).search(text, lo, hit.start))


def _purpose(text: str, sent: Sentence, hit: Hit) -> bool:
    """The label names what is done, not who receives: "- your insurer, for billing of services" (a
    function word after "for" with no provider noun just before), "Für die Sportversicherung
    werden Daten an die X AG übermittelt"."""
    lo = max(sent.start, hit.start - 30)
    if hit.label.hidden:
        m = _rx("recipient", "purpose_before", "hidden").search(text, lo, hit.start)
        return bool(m) and not _found(text[max(sent.start, m.start() - 40):m.start()], "recipient", "generic_provider")
    return bool(_rx("recipient", "purpose_before", "label").search(text, lo, hit.start))


def _in_name(text: str, hit: Hit) -> bool:
    """The label is a word of an organisation's name, or names one: followed by a legal form ("Nordbank
    AB", "Paynorth Payments S.p.A.", "Versicherungs-AG"), by its name in apposition ("unsere Hausbank,
    die Sparkasse Nordheim") or by a proper name that is no data word ("Kassenärztliche Vereinigung
    Nordland (...)")."""
    if _rx("recipient", "in_name").match(text, hit.end) or _rx("recipient", "apposition").match(text, hit.end):
        return True
    m = _rx("recipient", "in_name_place").match(text, hit.end)
    return bool(m) and not hits_between(text, hit.end, m.end(), "data")


def _describes_named(text: str, sent: Sentence, hit: Hit) -> bool:
    """A function word in the parenthesis after a named organisation, or on the "Role:" line of a
    vendor's block, describes that organisation ("Paynorth S.A., Paris (card payments)"), it names no
    category of its own."""
    if not hit.label.hidden:
        return False
    if _rx("recipient", "role_line").match(sent.segment.text):
        return True  # "Rolle: Auftragsverarbeiter für die Zahlungsabwicklung" in a vendor's block
    before = text[sent.start:hit.start]
    opened = before.rfind("(")
    if opened < 0 or before.rfind(")") > opened:
        return False
    owner = before[:opened]
    owner = owner[max(owner.rfind(";"), owner.rfind(":")) + 1:]
    return bool(_rx("recipient", "legal_form").search(owner))


def _vetoed_before(text: str, sent: Sentence, hit: Hit) -> bool:
    """Words before the label that make it someone else's ("its parent company", "deren Tochtergesellschaften")."""
    veto = rules()["recipient"].get("veto_before", {})
    if hit.notation not in veto:
        return False
    return bool(_rx("recipient", "veto_before", hit.notation).search(text, max(sent.start, hit.start - 40), hit.start))


def _specific(text: str, hit: Hit) -> bool:
    """A label that names one particular organisation, not a category: followed by its name ("our
    parent company, X AG"), singular by itself ("soziales Netzwerk") or with a determiner ("the
    hosting provider", "der Hoster"). Only for the categories in ``specific_categories``."""
    if not _rx("recipient", "specific_categories").fullmatch(hit.notation):
        return False
    if _rx("recipient", "named_after").match(text, hit.end):
        return True
    if _rx("recipient", "singular_always").fullmatch(text, hit.start, hit.end):
        return True
    return bool(_rx("recipient", "singular_with_det").fullmatch(text, hit.start, hit.end)
                and _rx("recipient", "specific_before").search(text, max(0, hit.start - 30), hit.start))


def _standalone(hit: Hit) -> bool:
    """Labels that name a recipient even without a cue word ("IT service providers", "Cloud-Anbieter")."""
    return _standalone_label(hit.label)


@lru_cache(maxsize=1 << 12)
def _standalone_label(label: Label) -> bool:
    if label.hidden or _rx("recipient", "standalone_exclude").search(label.text):
        return False
    return label.notation in rules()["recipient"]["standalone"] or bool(
        _rx("recipient", "standalone_head").search(label.text))


def _usable(hits: Sequence[Hit], text: str, generic: bool) -> Iterator[Hit]:
    """Drop function words ("hosting") without a provider noun, or naming data ("payment data") or
    a newsletter ("Versand unseres Newsletters"); drop labels naming data ("our bank account")."""
    after, before = _rx("recipient", "hidden_not_before"), _rx("recipient", "hidden_not_after")
    label_after = _rx("recipient", "label_not_before")
    for h in hits:
        if not h.label.hidden and label_after.match(text, h.end):
            continue  # "our bank account", "bank details": data, not a recipient
        if h.label.hidden and (not generic or after.match(text, h.end)
                               or before.search(text, max(0, h.start - 30), h.start)):
            continue
        yield h


def with_list_siblings(text: str, sentences: Sequence[Sentence]) -> list[Sentence]:
    """Items of a list in which one item names a recipient category on its own ("- IT service providers")
    are read as recipient items too ("- Steuerberater", "- Behörden, soweit gesetzlich vorgeschrieben")."""
    out = list(sentences)
    runs: list[list[int]] = []
    for i, sent in enumerate(out):
        if sent.segment.kind != "list_item":
            continue
        prev = out[runs[-1][-1]].segment if runs else None
        item = _rx("recipient", "list_item_line")
        between = text[prev.end:sent.segment.start] if prev is not None and prev.end <= sent.segment.start else None
        if prev is sent.segment or (between is not None and all(
                item.match(line) for line in between.splitlines() if line.strip())):
            runs[-1].append(i)
        else:
            runs.append([i])
    for run in runs:
        if len({out[i].segment for i in run}) > 1 and not all(out[i].carried for i in run) and any(
                _standalone(h) and not _names_one(text, out[i], h)
                for i in run for h in hits_between(text, out[i].start, out[i].end, "recipient")):
            for i in run:
                out[i] = out[i]._replace(carried=True)
    return out
