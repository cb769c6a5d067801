"""Country names as policies write them -> ISO 3166-1 alpha-2, from ``ontology/reference/countries*.ttl``.

>>> idx = CountryIndex({"usa": "US", "vereinigte staaten": "US", "irland": "IE"}, {})
>>> idx.code("U.S.A."), idx.code("Irland"), idx.code("Atlantis")
('US', 'IE', None)
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from ..vocab import RDFS, SKOS, VG
from .names import tokens


def _norm(label: str) -> str:
    toks = tokens(label)
    if toks and toks[0] == "the":
        toks = toks[1:]
    return " ".join(toks)


@dataclass(frozen=True)
class CountryIndex:
    """Normalised label -> ISO code, and ISO code -> (English label, German label)."""

    by_label: dict[str, str]
    labels: dict[str, tuple[str, str]]

    @classmethod
    @cache
    def default(cls) -> "CountryIndex":
        """Built from every ``countries*.ttl`` of ``ontology/reference`` (once per process)."""
        from pyoxigraph import Literal, RdfFormat, parse

        from .registry import reference_files

        codes: dict[str, str] = {}
        names: dict[str, list[tuple[str, str]]] = {}
        for f in reference_files("countries*.ttl"):
            for t in parse(path=str(f), format=RdfFormat.TURTLE):
                s, p, o = t.subject.value, t.predicate.value, t.object
                if p == VG.isoCode:
                    codes[s] = o.value
                elif p in (RDFS.label, SKOS.altLabel) and isinstance(o, Literal):
                    names.setdefault(s, []).append((o.language or "", o.value) if p == RDFS.label else ("alt", o.value))
        by_label: dict[str, str] = {}
        labels: dict[str, tuple[str, str]] = {}
        for s in sorted(codes):
            code = codes[s]
            by_label.setdefault(code.lower(), code)
            own = dict(n for n in names.get(s, []) if n[0] in ("en", "de"))
            if own:
                labels[code] = (own.get("en", code), own.get("de", own.get("en", code)))
        for s in sorted(codes):  # labels first, alternative spellings second (labels win on clashes)
            for kind in ("label", "alt"):
                for lang, text in names.get(s, []):
                    if (lang == "alt") == (kind == "alt"):
                        by_label.setdefault(_norm(text), codes[s])
        return cls(by_label, labels)

    def code(self, text: str) -> str | None:
        """ISO code for a country name or code as written ("USA", "Vereinigte Staaten", "IE"), or None."""
        return self.by_label.get(_norm(text))

    def code_in_address(self, address: str) -> str | None:
        """The country of a postal address: its last line that names a country."""
        for line in reversed([ln.strip() for ln in address.splitlines() if ln.strip()]):
            c = self.code(line)
            if c:
                return c
            last = line.rsplit(",", 1)[-1]
            c = self.code(last) if last != line else None
            if c:
                return c
        return None
