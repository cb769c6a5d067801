"""A first rule-based extractor (English and German): controller, named legal entities,
explicit third-country transfers and their mechanisms.

Rules and lexicons are data in ``ingest/rules/``; this module only applies them.
"""

from __future__ import annotations

import json
import re
from functools import cache
from typing import Sequence

from ..model import Controller, Document, Facts, Party, Segment, Span, Transfer
from ..resources import data_dir


@cache
def rules() -> dict:
    return json.loads((data_dir("ingest") / "rules" / "basic.json").read_text(encoding="utf-8"))


@cache
def _entity_re() -> re.Pattern[str]:
    forms = "|".join(re.escape(f) for f in sorted(rules()["legal_forms"], key=len, reverse=True))
    return re.compile(r"\b((?:[A-Z][\w&.\-]*|[A-Z]{2,})(?:[ \-](?:[A-Z][\w&.\-]*|&|[a-z]{1,3}(?= [A-Z])))*)\s*,?\s+(" + forms + r")(?![\w])")


def _span(doc: Document, start: int, end: int, rule: str, seg: Segment | None = None) -> Span:
    return Span(start, end, doc.text[start:end], rule, 1.0, seg.heading_path if seg else ())


def _countries(text: str) -> list[str]:
    out = []
    for code, pattern in rules()["countries"].items():
        if re.search(pattern, text):
            out.append(code)
    return out


def _mechanisms(text: str) -> list[str]:
    return [m for m, pattern in rules()["mechanisms"].items() if re.search(pattern, text, re.I)]


class RuleExtractor:
    name = "rules"

    def extract(self, doc: Document, segments: Sequence[Segment]) -> Facts:
        text = doc.text
        controller = None
        cm = re.search(rules()["controller_cue"], text, re.I)
        entities: dict[str, list[Span]] = {}
        for seg in segments:
            for m in _entity_re().finditer(seg.text):
                name = f"{m.group(1)} {m.group(2)}".strip()
                s = seg.start + m.start()
                entities.setdefault(name, []).append(_span(doc, s, seg.start + m.end(), "party.legal_form", seg))
        if cm:
            after = [(n, sp) for n, sps in entities.items() for sp in sps if sp.start >= cm.start()]
            if after:
                n, sp = min(after, key=lambda x: x[1].start)
                controller = Controller(n, None, None, (sp,))
        parties = []
        transfers = []
        for name, spans in sorted(entities.items()):
            if controller and name == controller.name:
                continue
            countries: list[str] = []
            for sp in spans:
                tail = text[sp.end: sp.end + 40]
                countries += [c for c in _countries(tail.split(".")[0])]
            parties.append(Party(name, (name,), tuple(sorted(set(countries))), ("recipient",), (), tuple(spans[:3])))
        for seg in segments:
            if not re.search(rules()["transfer_cue"], seg.text, re.I):
                continue
            cs = [c for c in _countries(seg.text) if c not in rules()["eea"]]
            if not cs:
                continue
            mechs = _mechanisms(seg.text) or ["none_stated"]
            for c in cs:
                transfers.append(Transfer("category:it_service_providers", c, tuple(sorted(mechs)), None, True, (),
                                          (_span(doc, seg.start, seg.end, "transfer.sentence", seg),)))
        return Facts(doc.name, doc.language, controller, tuple(parties), (), tuple(transfers), (), (), self.name)
