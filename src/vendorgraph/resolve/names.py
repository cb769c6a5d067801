"""Name keys for comparing organisation names: case, punctuation and legal forms do not count.

The legal forms and qualifiers are data (``ontology/reference/name-forms.ttl`` and the country
labels of ``ontology/reference/countries.ttl``); this module only applies them.

>>> lex = NameLexicon(legal_forms=(("gmbh",), ("ltd",), ("limited",)), qualifiers=frozenset({("ireland",)}))
>>> lex.key("Google Ireland Ltd.") == lex.key("Google Ireland Ltd") == lex.key("GOOGLE IRELAND LIMITED")
True
>>> lex.key("Google Ireland Ltd.")
'google ireland'
>>> lex.strip_qualifiers("google ireland")
'google'
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

_TRANSLIT = str.maketrans({"ß": "ss", "ä": "ae", "ö": "oe", "ü": "ue", "Ä": "ae", "Ö": "oe", "Ü": "ue",
                           "&": " and ", "+": " plus "})
_WORD = re.compile(r"[a-z0-9]+")


def tokens(name: str) -> tuple[str, ...]:
    """Lower-case ASCII word tokens of ``name`` (umlauts transliterated as in :func:`vendorgraph.ids.slug`)."""
    t = unicodedata.normalize("NFKD", name.translate(_TRANSLIT)).encode("ascii", "ignore").decode().lower()
    # join dotted abbreviations ("e.V.", "S.A.", "L.L.C.") into one word before splitting
    t = re.sub(r"\b([a-z])\.(?=[a-z]\b)", r"\1", t)
    t = re.sub(r"\b([a-z]{1,2})\.(?=[a-z]{1,2}\.)", r"\1", t)
    return tuple(_WORD.findall(t))


@dataclass(frozen=True)
class NameLexicon:
    """Legal forms and qualifiers as token sequences; builds the comparison key of a name."""

    legal_forms: tuple[tuple[str, ...], ...]
    qualifiers: frozenset[tuple[str, ...]]
    #: token sequence of a legal form -> the form it spells ("ltd" and "limited" -> the same id)
    form_ids: tuple[tuple[tuple[str, ...], str], ...] = ()

    @classmethod
    def from_labels(cls, legal_forms: list[str] | dict[str, list[str]], qualifiers: list[str]) -> "NameLexicon":
        """Build from label strings (each tokenised the same way as names).

        ``legal_forms`` is a list of labels, or form id -> its spellings (spellings of one id count as equal).
        """
        groups = legal_forms if isinstance(legal_forms, dict) else {" ".join(tokens(f)): [f] for f in legal_forms}
        ids = {tokens(lab): fid for fid, labels in sorted(groups.items()) for lab in labels}
        ids.pop((), None)
        quals = frozenset(tokens(q) for q in qualifiers) - {()}
        return cls(tuple(sorted(ids, key=lambda f: (-len(f), f))), quals, tuple(sorted(ids.items())))

    def split(self, name: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """(key tokens, ids of the trailing legal forms removed, outermost last); never removes every token."""
        toks = tokens(name)
        ids, by_last = self._index()
        removed: list[str] = []
        changed = True
        while changed and toks:
            changed = False
            for form in by_last.get(toks[-1], ()):
                n = len(form)
                if len(toks) > n and toks[-n:] == form:
                    toks = toks[:-n]
                    removed.append(ids.get(form, " ".join(form)))
                    if toks and toks[-1] == "and":  # "... & Co." leftovers
                        toks = toks[:-1]
                    changed = True
                    break
        return toks, tuple(reversed(removed))

    def _index(self) -> tuple[dict[tuple[str, ...], str], dict[str, tuple[tuple[str, ...], ...]]]:
        """Form ids, and the legal forms by their last token (longest first); built once per lexicon."""
        cached = self.__dict__.get("_idx")
        if cached is None:
            by_last: dict[str, list[tuple[str, ...]]] = {}
            for form in self.legal_forms:
                by_last.setdefault(form[-1], []).append(form)
            cached = (dict(self.form_ids), {k: tuple(v) for k, v in by_last.items()})
            object.__setattr__(self, "_idx", cached)
        return cached

    def key_tokens(self, name: str) -> tuple[str, ...]:
        """Tokens of ``name`` with trailing legal forms removed (never all of them)."""
        return self.split(name)[0]

    def key(self, name: str) -> str:
        """The comparison key: tokens without legal forms, joined by spaces."""
        return " ".join(self.key_tokens(name))

    def strip_qualifiers(self, key: str) -> str:
        """Drop trailing qualifier words (countries, Operations, EMEA) from a key; keep at least one word."""
        toks = tuple(key.split())
        changed = True
        while changed and len(toks) > 1:
            changed = False
            for n in (3, 2, 1):
                if len(toks) > n and toks[-n:] in self.qualifiers:
                    toks = toks[:-n]
                    changed = True
                    break
        return " ".join(toks)


def compact(key: str) -> str:
    """Key without spaces ("hot jar" and "hotjar" compare equal)."""
    return key.replace(" ", "")
