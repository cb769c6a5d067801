"""Line-level clues for the controller: table-of-contents lines (a cue there names no one), owner lines
("Bäckerei Hollweg – Inh. Martin Hollweg", "Inhaber: ..."), letterheads, and the length of a name block.

>>> text = "Contents\\n1. Controller\\n2. Hosting\\n\\n1. Controller\\nAcme Ltd\\n"
>>> in_toc(text, text.index("Controller")), in_toc(text, text.rindex("Controller"))
(True, False)
>>> owner_line("Datenschutz\\n\\nSchreinerei Holzwurm – Inh. Eva Kern\\nBahnhofstr. 3\\n")
(13, 33, 'Schreinerei Holzwurm')
>>> letterhead("Kern Holz GmbH · Tischlerei\\nBahnhofstr. 3\\n12345 Bergdorf\\n\\nDatenschutz", [(0, 13, "Kern Holz GmbH")])
(0, 13, 'Kern Holz GmbH')
"""

from __future__ import annotations

import re

from .lexicon import rules, rx


def _line(text: str, pos: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return start, len(text) if end < 0 else end


def _entry_key(line: str) -> str:
    return re.sub(r"^[\s\d.#*\-–•]+", "", line).strip(" *#:")


def in_toc(text: str, pos: int) -> bool:
    """True when ``pos`` lies on an entry of a table of contents: a short numbered or bulleted line next to
    another such line, whose text comes back later in the document as a line of its own."""
    start, end = _line(text, pos)
    entry = rx("parties", "toc_entry")
    if not entry.match(text[start:end]):
        return False
    nxt_start = end + 1
    nxt_end = _line(text, nxt_start)[1] if nxt_start < len(text) else nxt_start
    prv_start = _line(text, max(0, start - 1))[0] if start > 0 else start
    neighbour = (nxt_start < len(text) and entry.match(text[nxt_start:nxt_end])) or \
        (start > 0 and entry.match(text[prv_start:start - 1]))
    key = _entry_key(text[start:end])
    if not neighbour or len(key) < 3:
        return False
    return any(_entry_key(text[s:e]) == key for s, e in _lines_with(text, key, end))


def _lines_with(text: str, key: str, after: int) -> list[tuple[int, int]]:
    out, pos = [], text.find(key, after)
    while pos >= 0:
        out.append(_line(text, pos))
        pos = text.find(key, pos + len(key))
    return out


def owner_line(text: str) -> tuple[int, int, str] | None:
    """(start, end, name) of the business named on an owner line ("Bäckerei Hollweg – Inh. Martin Hollweg",
    "Hofladen Sommer\\nInhaberin: Jana Sommer"); the owner when the line before is a title ("Impressum")
    or when the owner line stands alone."""
    m = rx("parties", "owner_line").search(text)
    if m is None:
        alone = rx("parties", "owner_only_line").search(text)  # "Inhaber: Max Muster" under a blank line
        return (alone.start(1), alone.start(1) + len(alone.group(1).strip()), alone.group(1).strip()) if alone else None
    name = m.group(1).strip()
    if re.search(rules("parties")["title_line"], name, re.I):
        return m.start(2), m.start(2) + len(m.group(2).strip()), m.group(2).strip()
    return m.start(1), m.start(1) + len(name), name


def letterhead(text: str, cands: list[tuple[int, int, str]]) -> tuple[int, int, str] | None:
    """The first of ``cands`` (names with a legal form, in text order) that opens a line near the top of the
    text, below nothing but short title lines, with an address on its line or the next ones: a letterhead
    ("Muster GmbH · Labor\\nHauptstr. 3\\n01099 Dresden", "**X B.V.** runs this shop. Registered office: ...")."""
    reach, address = int(rules("parties")["letterhead_reach"]), rx("parties", "letterhead_address")
    for start, end, name in cands:
        if start >= reach:
            return None
        line_start, line_end = _line(text, start)
        if text[line_start:start].strip(" \t*#>-"):
            continue
        if any(len(line) > 60 or line.rstrip().endswith(":") for line in text[:line_start].split("\n")):
            return None  # prose above ("Our hosting provider is:"): an address block, not a letterhead
        lines = [text[end:line_end]] + text[line_end:line_end + 1 + 3 * 80].split("\n")[1:4]  # its own and 3 below
        if any(address.match(line) for line in lines):
            return start, end, name
    return None


def bare_letterhead(text: str) -> tuple[int, int, str, str] | None:
    """(start, end, name, short name) of a letterhead without a legal form: the first line of a block near the top
    whose next lines hold an address ("Zahnarztpraxis Dr. Eva Roth\nKieler Str. 4\n24103 Kiel"), below nothing but
    short title blocks; the short name is the one in brackets after it ("Verband Nord (VN)" -> "VN")."""
    reach, address = int(rules("parties")["letterhead_reach"]), rx("parties", "letterhead_address")
    title = rx("parties", "title_line", re.I)
    for block in re.finditer(r"[^\n]+(?:\n[ \t]*[^\s][^\n]*)*", text[:reach]):
        lines = block.group().split("\n")
        first = lines[0].strip(" \t*#")
        if not any(address.match(line) for line in lines[1:4]):
            if len(lines) > 1 or len(first) > 80 or first.endswith(":"):
                return None  # prose or a list above: no letterhead
            continue  # a title line of its own
        m = re.fullmatch(r"(.+?)(?:\s*\(([A-ZÄÖÜ][\w&\-]{1,9})\))?", first)
        name = m.group(1).strip() if m else ""
        if not name or not name[0].isupper() or address.match(lines[0]) or title.match(name) \
                or re.search(r"[:@]|[.;,]$|\d{3}", name) or name_words(name) > 8:
            return None
        start = block.start() + lines[0].index(name)
        return start, start + len(name), name, (m.group(2) or "") if m else ""
    return None


def qualified_cue(rest_of_line: str) -> bool:
    """True when the rest of a cue's line only qualifies it ("Verantwortlich für die Datenverarbeitung:")."""
    return bool(rx("parties", "controller_cue_qualifier").match(rest_of_line))


def name_words(name: str) -> int:
    """Words of a name without academic titles ("Dr. med. Anna Köhler" has two)."""
    return len(re.sub(rules("parties")["name_title_words"], "", name).split())
