"""Round 3 of the extraction shortcuts answer what the code they replace answers: quoted service names found
from the quotes (:func:`~vendorgraph.extract.literals.finditer_marked`), the first DPO cue found from its
literals, the heading stacks of :class:`~vendorgraph.extract.context.DocContext`, the lead-in checks of
:func:`~vendorgraph.extract.roles.find_roles` and the stop-token sets of the name trimming."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from vendorgraph.extract import mentions, parties, roles
from vendorgraph.extract.context import DocContext
from vendorgraph.extract.lexicon import rules, rx
from vendorgraph.extract.literals import finditer_marked
from vendorgraph.load import from_text
from vendorgraph.segment import segment

ROOT = Path(__file__).resolve().parent.parent
_FILES = sorted((ROOT / "ingest" / "samples").glob("*.txt")) + sorted((ROOT / "tests" / "policies").glob("*.txt"))
TEXTS = [p.read_text(encoding="utf-8") for p in _FILES][:16]

#: Pieces of text around quoted names: words of the rule and others, every kind of white space, the quote
#: marks on both sides, names with and without capitals.
_PIECES = ["the", "die", "den", "verwenden", "über", "via", "using", "nutzen", "theme", "xthe", " ", "  ", "\n", "\t",
           "\u00a0", "\u2003", "„", "“", "”", '"', "'", "Zoom", "AcmeCloud", "acme", "Drop Box", "x.com", "-", ",",
           ".", "Daten", "(", ")", "\u0130", "ſ", "ÄÖÜ",
           'the „Zoom“', 'via "AcmeCloud"', "verwenden\n“Drop Box”", "den  „x.com“", 'using "', "über „", "die “Zoom"]


def _random_text(rnd: random.Random, n: int) -> str:
    return "".join(rnd.choice(_PIECES) for _ in range(n))


def _spans(found: list[re.Match[str]]) -> list[tuple[tuple[int, int], tuple[str | None, ...]]]:
    return [(m.span(), m.groups()) for m in found]


def test_quoted_services_equal_the_plain_scan() -> None:
    p = rx("parties", "quoted_service")
    rnd = random.Random(5)
    texts = TEXTS + [_random_text(rnd, rnd.randint(0, 60)) for _ in range(3000)]
    for text in texts:
        assert _spans(finditer_marked(p, text)) == _spans(list(p.finditer(text))), text


@pytest.mark.parametrize("pattern, flags", [
    (r'(?:the|via)\s+["„]([A-Z]\w+)["“]', 0),
    (r'(?:den|verwenden|de)\s+[„"]([\w ]{1,12}?)["“]', 0),
    (r'(?:the|via)\s+["„]([A-Z]\w+)["“]|Zoom', 0),  # another top-level alternative: the plain scan
    (r'(?:the|via)\s+["„]([A-Z]\w+)["“]', re.I),  # ignoring case: the plain scan
    (r'(?:the|via)\s+["„]([A-Z]\w+)["“]', re.A),  # ASCII white space: the plain scan
    (r'(?=[tv])(?:(?:the|via)\s+["„]([A-Z]\w+)["“])', 0),  # guarded: the plain scan
])
def test_marked_scan_of_other_regexes(pattern: str, flags: int) -> None:
    p = re.compile(pattern, flags)
    rnd = random.Random(len(pattern) + flags)
    for _ in range(1500):
        text = _random_text(rnd, rnd.randint(0, 50))
        assert _spans(finditer_marked(p, text)) == _spans(list(p.finditer(text))), text


def test_dpo_equals_the_plain_search() -> None:
    p = rx("parties", "dpo_cues")

    def plain(text: str) -> str | None:  # the code before: one search of the whole text
        m = p.search(text)
        if not m:
            return None
        tail = text[m.end():m.end() + 160]
        person = re.search(r"((?:Dr\.|Prof\.)\s)?\b[A-ZÄÖÜ][a-zäöüß]+(?:-[A-ZÄÖÜ][a-zäöüß]+)? [A-ZÄÖÜ][a-zäöüß]+"
                           r"(?:-[A-ZÄÖÜ][a-zäöüß]+)?\b", tail)
        if person and not re.match(r"(?:Data|Daten|The|Der|Die|You|Sie|Our|Unser)", person.group(0)):
            return person.group(0).strip()
        return None

    rnd = random.Random(11)
    pieces = ["Data Protection Officer", "data protection officer", "DPO", "dpo", "Datenschutzbeauftragter",
              "Datenschutzbeauftragten", "Datenschutzbeauftragte", " ", ": ", "\n", "Dr. ", "Max Muster", "Erika Beispiel",
              "The Team", "x" * 5000, "İ", "ſ"]
    texts = TEXTS + ["".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 14))) for _ in range(1500)]
    for text in texts:
        assert parties._dpo(text) == plain(text), text


def _old_heading_stack(ctx: DocContext) -> list[tuple[int, ...]]:
    """The heading stacks as ``_index`` computed them before: a new tuple for every segment."""
    out: list[tuple[int, ...]] = []
    stack: list[tuple[int, int]] = []
    for i, seg in enumerate(ctx.segments):
        depth = len(seg.heading_path)
        if seg.kind == "heading":
            stack = [s for s in stack if s[0] < depth + 1][:depth]
            out.append(tuple(s for _, s in stack))
            stack.append((depth + 1, i))
        else:
            out.append(tuple(s for _, s in stack))
    return out


def _random_outline(rnd: random.Random) -> str:
    lines = []
    for _ in range(rnd.randint(0, 40)):
        kind = rnd.random()
        if kind < 0.25:
            lines.append(f"{'#' * rnd.randint(1, 4)} Heading {rnd.randint(1, 99)}")
        elif kind < 0.4:
            lines.append(f"{rnd.randint(1, 9)}.{rnd.randint(1, 9)} Numbered Section")
        elif kind < 0.55:
            lines.append("- Acme Cloud Inc. (processor)")
        elif kind < 0.65:
            lines.append("Recipients: IT service providers")
        elif kind < 0.8:
            lines.append("")
        else:
            lines.append("We use Notula Labs Inc. as a processor. Data goes to the USA.")
    return "\n".join(lines)


def test_heading_stacks_equal_the_old_ones() -> None:
    rnd = random.Random(7)
    for text in TEXTS + [_random_outline(rnd) for _ in range(400)]:
        ctx = DocContext.build(from_text(text), segment(text))
        assert ctx.heading_stack == _old_heading_stack(ctx)


def test_lead_in_shortcut_equals_the_calls() -> None:
    """``find_roles`` skips the two lead-in readers where their first check fails: the same answers."""
    rnd = random.Random(9)
    extra = ["We work with the following processors. They act on our behalf.\n- Acme Cloud Inc.\n- Notula Labs Inc.",
             "Acme Cloud Inc. uses these sub-processors:\n- Rackhaus LLC\n- Notula Labs Inc.",
             "The following providers act as independent controllers:\n- Rackhaus LLC"]
    for text in TEXTS + extra + [_random_outline(rnd) for _ in range(200)]:
        ctx = DocContext.build(from_text(text), segment(text))
        for sent in ctx.sentences:
            if sent.kind in ("heading", "list_item"):
                continue
            for ms in ([], roles._unique(ctx.mentions_in(sent.start, sent.end))):
                colon = sent.text.rstrip().endswith(":")
                via = roles._list_processor(ctx, sent, ms) if colon else None
                lead = roles._lead_in_roles(ctx, sent, ms) if colon else [] if ms else roles._paragraph_lead_in(ctx, sent)
                assert via == roles._list_processor(ctx, sent, ms)
                assert lead == roles._lead_in_roles(ctx, sent, ms)


def test_stop_token_sets_hold_the_rules_lists() -> None:
    assert mentions._stop_tokens() == set(rules("parties")["name_stop_tokens"])
    assert mentions._particles() == set(rules("parties")["name_particles"])
