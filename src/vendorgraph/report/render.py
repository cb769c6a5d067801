"""Write a :class:`~vendorgraph.report.VendorReport` as HTML (one escaped, self-contained file
with an inline SVG chart), PDF (WeasyPrint), CSV (one row per finding) or JSON."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import asdict
from functools import cache
from pathlib import Path
from typing import Any

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
CSV_COLUMNS = ("severity", "rule", "title", "article", "controller", "party", "country", "mechanisms",
               "detail", "quote", "document")


@cache
def palette() -> dict[str, Any]:
    return json.loads((TEMPLATES / "palette.json").read_text(encoding="utf-8"))


def template_env():
    """Jinja environment over ``templates/`` with HTML autoescaping on."""
    import jinja2

    return jinja2.Environment(loader=jinja2.FileSystemLoader(str(TEMPLATES)), autoescape=True,
                              undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)


def chart_svg(report) -> str:
    """Stacked horizontal bars: transfers per destination country, split by mechanism (escaped SVG)."""
    colours = palette()["mechanisms"]
    totals: dict[str, int] = {}
    for code, _, n in report.chart:
        totals[code] = totals.get(code, 0) + n
    countries = sorted(totals, key=lambda c: (-totals[c], c))
    mechs = sorted({m for _, m, _ in report.chart})
    biggest = max(totals.values(), default=1)
    left, width, bar, gap = 70, 460, 18, 8
    rows = []
    for i, code in enumerate(countries):
        x, segs = left, []
        for c, m, n in report.chart:
            if c == code:
                w = n / biggest * width
                segs.append({"x": round(x, 1), "w": round(w, 1), "colour": colours.get(m, "#7f7f7f"), "m": m, "n": n})
                x += w
        rows.append({"code": code, "y": 10 + i * (bar + gap), "segs": segs, "total": totals[code],
                     "end": round(x + 6, 1)})
    legend_y = 20 + len(countries) * (bar + gap)
    legend = [{"m": m, "colour": colours.get(m, "#7f7f7f"), "x": left + (i % 3) * 160,
               "y": legend_y + (i // 3) * 20} for i, m in enumerate(mechs)]
    height = legend_y + ((len(mechs) + 2) // 3) * 20 + 10
    return template_env().get_template("chart.svg.j2").render(
        rows=rows, legend=legend, height=height, bar=bar, left=left, empty=not countries)


def render_html(report) -> str:
    from markupsafe import Markup

    env = template_env()
    return env.get_template("report.html.j2").render(
        r=report, chart=Markup(chart_svg(report)), counts=report.severity_counts(),
        colours=palette()["severity"])


def render_csv(report) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(CSV_COLUMNS)
    for f in report.findings:
        w.writerow([f.severity, f.rule, f.title, f.article, f.controller_name, f.party_name, f.code,
                    f.mechanisms, f.detail, f.quote, f.document])
    return buf.getvalue()


def render_json(report) -> str:
    return json.dumps(asdict(report), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def write_pdf(report, out: Path) -> None:
    from . import ReportError

    try:
        from weasyprint import HTML
    except (ImportError, OSError) as e:  # OSError: pango/cairo system libraries missing
        raise ReportError(f"PDF output needs WeasyPrint and its system libraries (pango): {e}") from e
    HTML(string=render_html(report), base_url=str(TEMPLATES)).write_pdf(str(out))


def write(report, out: Path, kind: str) -> Path:
    """Write ``report`` to ``out`` atomically (temp file, then rename)."""
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(f".{out.name}.tmp")
    if kind == "pdf":
        write_pdf(report, tmp)
    else:
        text = {"html": render_html, "csv": render_csv, "json": render_json}[kind](report)
        tmp.write_text(text, encoding="utf-8")
    tmp.replace(out)
    return out
