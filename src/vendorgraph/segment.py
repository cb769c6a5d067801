"""Split a policy into segments (headings, paragraphs, list items) that know their heading path.

>>> segs = segment("1. Hosting\\n\\nWe use AWS.\\n")
>>> [(s.kind, s.heading_path) for s in segs]
[('heading', ()), ('paragraph', ('1. Hosting',))]
"""

from __future__ import annotations

import re

from .model import Segment

_HEADING = re.compile(r"^(?:#{1,6}\s+.+|(?:\d+(?:\.\d+)*\.?|[IVX]+\.|[A-Z]\.)\s+\S.{0,100})$")


def _is_heading(line: str, next_blank: bool) -> bool:
    s = line.strip()
    if not s or len(s) > 110 or s.endswith((".", ",", ";")) and not re.match(r"^\d+\.$", s):
        return bool(_HEADING.match(s)) and len(s) < 80 and not s.endswith(".")
    if _HEADING.match(s):
        return True
    return next_blank and len(s) < 70 and not s.endswith((":", ".")) and s[0].isupper()


def _level(line: str) -> int:
    s = line.strip()
    m = re.match(r"^(#{1,6})\s", s)
    if m:
        return len(m.group(1))
    m = re.match(r"^(\d+(?:\.\d+)*)\.?\s", s)
    if m:
        return m.group(1).count(".") + 1
    return 1


def segment(text: str) -> list[Segment]:
    """Segments covering the non-blank lines of ``text``; offsets index into ``text``."""
    out: list[Segment] = []
    path: list[tuple[int, str]] = []
    lines = text.split("\n")
    pos = 0
    for i, line in enumerate(lines):
        start = pos
        pos += len(line) + 1
        if not line.strip():
            continue
        lead = len(line) - len(line.lstrip())
        s, e = start + lead, start + len(line.rstrip())
        next_blank = i + 1 >= len(lines) or not lines[i + 1].strip()
        prev_blank = i == 0 or not lines[i - 1].strip()
        if prev_blank and _is_heading(line, next_blank):
            lvl = _level(line)
            path = [p for p in path if p[0] < lvl]
            out.append(Segment(s, e, text[s:e], "heading", tuple(h for _, h in path)))
            path.append((lvl, text[s:e]))
            continue
        kind = "list_item" if re.match(r"^\s*(?:[-*•·]|\d+[.)]|[a-z][.)])\s", line) else "paragraph"
        out.append(Segment(s, e, text[s:e], kind, tuple(h for _, h in path)))
    return out
