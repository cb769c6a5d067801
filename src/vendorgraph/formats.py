"""Render a :class:`~vendorgraph.store.ResultTable` as a text table, CSV, JSON or Markdown.

IRIs are shortened to prefixed names (``loc:US``) in table and Markdown output.

>>> from vendorgraph.store import ResultTable
>>> print(render(ResultTable(("a", "b"), [("1", None)]), "csv"), end="")
a,b
1,
"""

from __future__ import annotations

import csv
import io
import json

from .store import ResultTable
from .vocab import PREFIXES

FORMATS = ("table", "csv", "json", "md", "html")


def compact(value: str | None) -> str:
    """``https://w3id.org/dpv/loc#US`` -> ``loc:US``; other values unchanged; None -> ''."""
    if value is None:
        return ""
    for p, iri in sorted(PREFIXES.items(), key=lambda kv: -len(kv[1])):
        if value.startswith(iri) and len(value) > len(iri):
            return f"{p}:{value[len(iri):]}"
    return value


def _clip(s: str, width: int) -> str:
    s = " ".join(s.split())
    return s if len(s) <= width else s[: width - 1] + "…"


def render(table: ResultTable, fmt: str = "table", max_width: int = 60) -> str:
    """``table`` as text in ``fmt``; the cells of a table or markdown with several columns are clipped to
    ``max_width`` characters (a one-column table, such as ``usa-paths``, is never clipped)."""
    if fmt == "json":
        return json.dumps(table.dicts(), ensure_ascii=False, indent=2) + "\n"
    if fmt == "csv":
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        w.writerow(table.columns)
        w.writerows([["" if v is None else v for v in row] for row in table.rows])
        return buf.getvalue()
    if fmt == "html":
        from html import escape

        head = "".join(f"<th>{escape(c)}</th>" for c in table.columns)
        body = "".join("<tr>" + "".join(f"<td>{escape(compact(v))}</td>" for v in row) + "</tr>" for row in table.rows)
        return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>\n"
    width = max_width if len(table.columns) > 1 else 1 << 30
    cells = [[_clip(compact(v), width) for v in row] for row in table.rows]
    if fmt == "md":
        esc = [[c.replace("|", "\\|") for c in row] for row in cells]
        lines = ["| " + " | ".join(table.columns) + " |", "|" + "---|" * len(table.columns)]
        lines += ["| " + " | ".join(row) + " |" for row in esc]
        return "\n".join(lines) + "\n"
    if fmt != "table":
        raise ValueError(f"unknown format {fmt!r}; expected one of {FORMATS}")
    widths = [max([len(c)] + [len(r[i]) for r in cells]) for i, c in enumerate(table.columns)]
    line = "  ".join(c.ljust(w) for c, w in zip(table.columns, widths))
    out = [line.rstrip(), "  ".join("-" * w for w in widths)]
    out += ["  ".join(v.ljust(w) for v, w in zip(row, widths)).rstrip() for row in cells]
    out.append(f"({len(table.rows)} row{'s' if len(table.rows) != 1 else ''})")
    return "\n".join(out) + "\n"
