"""Organisation names that do not start with a capital letter: "samedi GmbH", "maxcluster GmbH",
"finAPI GmbH", "d.vinci HR-Systems GmbH".

A single lower-case word directly before a legal form is a name only where a name can start: after an
article or preposition (``lower_name_openers`` of ``ingest/rules/parties.json``: "der", "via", "of")
or after punctuation; and it is no function word itself. Names with a capital, a dot or a hyphen
inside ("finAPI", "d.vinci") need no opener.

Some legal forms come first, with the name quoted (Lithuanian 'UAB "MailerLite"'): ``prefix_legal_form``.
Institutions without a legal form are names when an institution noun ends them and a street address
follows ("Mayfield Orthopedic Center, 300 Longwood Avenue"): ``institution_name``.

>>> [n for _, _, n in lower_case_entities("Termine über samedi GmbH, Berlin, und die verbundene AG.")]
['samedi GmbH']
>>> prefixed_entities('Anbieter: UAB "Mailpost", Vilnius')
[(15, 23, 'Mailpost')]
>>> addressed_institutions("our partner clinic Lakeside Heart Center, 12 Elm Street, Boston, MA 02115, USA")
[(19, 40, 'Lakeside Heart Center')]
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from .lexicon import finditer, rules, rx, trie_regex
from .literals import finditer_marked

#: Name characters before a legal form (see :func:`_name_reaches`), and the gap between name and form.
_NAME_RUN = re.compile(r"[\w.\-&'’+/() ]*")
_FORM_GAP = re.compile(r"[\s,\-]*")


@cache
def _lower_re() -> re.Pattern[str]:
    r = rules("parties")
    forms = trie_regex(r["legal_forms"])  # same matches as the longest-first alternation, faster
    tok = r["name_token"]
    openers = trie_regex(sorted({w.lower() for w in r["lower_name_openers"]}))  # "die noris network AG": from "noris"
    return re.compile(rf"(?<![\w.\-@/])(?!(?:{openers})\s)([a-zäöü][\w.\-]*\w(?: [a-zäöü][\w\-]*\w)?)"
                      rf"((?:[ \-]{tok})*?)\s*,?\s+({forms})(?![\w])(\.?)")


@cache
def _form_start_re() -> re.Pattern[str]:
    """A white-space or hyphen character right before a legal form."""
    return re.compile(rf"[\s\-](?=(?:{trie_regex(rules('parties')['legal_forms'])})(?![\w]))")


@lru_cache(maxsize=4)
def _name_reaches(text: str) -> tuple[tuple[int, int], ...]:
    """(earliest start, legal form start) of every stretch of ``text`` that a name written before a
    legal form may cover: a run of name characters (word characters, ``.-&'’+`` and spaces), then
    white space, commas and hyphens, then the legal form. These must be all the characters that
    :func:`_lower_re`, ``_legal_form_re`` and ``name_token`` allow before the form
    (``tests/test_extract_fastpaths.py`` compares with the plain scans)."""
    rev = text[::-1]  # runs before a position are matched forwards in the reversed text
    out = []
    for f in _form_start_re().finditer(text):
        a = len(text) - _FORM_GAP.match(rev, len(text) - f.start()).end()
        out.append((len(text) - _NAME_RUN.match(rev, len(text) - a).end(), f.end()))
    return tuple(out)


@cache
def _name_token_re() -> re.Pattern[str]:
    """``name_token`` of the parties rules, compiled."""
    return re.compile(rules("parties")["name_token"])


def _last_non_token(text: str, lo: int, hi: int) -> int | None:
    """Start of the last word of ``text[lo:hi]`` with a space on each side that holds letters and digits
    only and is no ``name_token`` ("the", "uses"; not "Cloud", "de", "foo-bar"): no name that goes on to
    the legal form at ``hi`` has it among the tokens after its first words. None when there is no such
    word, or when ``text[lo:hi]`` holds a parenthesis (a ``name_token`` may hold spaces inside one)."""
    if text.find("(", lo, hi) >= 0:
        return None
    end = text.rfind(" ", lo, hi)
    while end > lo:
        q = text.rfind(" ", lo, end)
        if q < 0:
            return None
        word = text[q + 1:end]
        if word.isalnum() and _name_token_re().fullmatch(word) is None:
            return q + 1
        end = q
    return None


@lru_cache(maxsize=4)
def _reach_floors(text: str) -> tuple[tuple[int, int, int, int], ...]:
    """Per reach ``(lo, hi)`` of :func:`_name_reaches`: ``(lo, hi, one, two)``, where a name whose first
    word (``one``) or first two words (``two``) are followed by ``name_token``s up to the legal form at
    ``hi`` can start: in or after the last word that is no token (:func:`_last_non_token`), or in the word
    before it (a name's words hold no spaces, and its tokens only inside parentheses)."""
    out = []
    for lo, hi in _name_reaches(text):
        b = _last_non_token(text, lo, hi)
        out.append((lo, hi, lo, lo) if b is None else (lo, hi, b, max(lo, text.rfind(" ", lo, b - 1) + 1)))
    return tuple(out)


def near_legal_forms(p: re.Pattern[str], first: re.Pattern[str], text: str, heads: int = 0) -> list[re.Match[str]]:
    """What ``p.finditer(text)`` finds, for a regex ``p`` of a name (see :func:`_name_reaches`) and its
    legal form, and ``first``, a regex matching wherever ``p`` may start: ``p`` is only tried at
    matches of ``first`` within reach before a legal form. With ``heads`` 1 or 2, ``p``'s name is that
    many words at most (no spaces in them), then ``name_token``s after spaces or hyphens, white space and the form: ``p`` is
    not tried where a word that is no token would come after those (:func:`_reach_floors`)."""
    starts: set[int] = set()
    reaches = _reach_floors(text) if heads else [(lo, hi, lo, lo) for lo, hi in _name_reaches(text)]
    for lo, hi, one, two in reaches:
        starts.update(m.start() for m in first.finditer(text, one if heads == 1 else two, hi))
    out: list[re.Match[str]] = []
    pos = 0
    for s in sorted(starts):
        if s >= pos and (m := p.match(text, s)) is not None:
            out.append(m)
            pos = m.end()
    return out


@cache
def _lower_first_re() -> re.Pattern[str]:
    """Where :func:`_lower_re` may match: ``(?<![\\w.\\-@/])[a-zäöü]``, the class first (``re`` skips to it)."""
    return re.compile(r"[a-zäöü](?<![\w.\-@/][\s\S])")


def _opened(text: str, start: int) -> bool:
    """True when a name may start at ``start``: after punctuation, a line start or an opener word."""
    before = text[max(0, start - 40):start]
    word = re.search(r"(\w+)\s*$", before)
    if word is None:
        return True
    return word.group(1).lower() in set(rules("parties")["lower_name_openers"])


@cache
def _function_words() -> frozenset[str]:
    """English and German function words (``ingest/lexicons/function_words.json``): never part of a name."""
    from ..load.checks import function_words

    return frozenset(function_words()[0])


def lower_case_entities(text: str) -> list[tuple[int, int, str]]:
    """(start, end, name) of names with a legal form whose first word is written in lower case: a marked
    word ("eRecht24 GmbH"), or one or two lower-case words after an opener ("die noris network AG")."""
    stop = {w.lower() for w in rules("parties")["lower_name_openers"] + rules("parties")["name_stop_tokens"]}
    out = []
    for m in near_legal_forms(_lower_re(), _lower_first_re(), text, heads=2):  # "noris network" AG
        head = m.group(1)
        words = head.split(" ")
        if any(w.lower() in stop or w.lower() in _function_words() or re.search(rules("parties")["lower_name_exclude"], w)
               for w in words) or len(head) < 3:
            continue
        marked = len(words) == 1 and bool(re.search(r"[A-Z.\-]", head))
        if not (marked or not m.group(2) and _opened(text, m.start(1))):
            continue
        end = m.end(3) + (1 if m.group(4) and m.group(3) in ("Inc", "Ltd", "Corp", "Co") else 0)
        out.append((m.start(1), end, text[m.start(1):end]))
    return out


def prefixed_entities(text: str) -> list[tuple[int, int, str]]:
    """(start, end, name) of quoted names after a leading legal form; the span is the name alone (tried
    only before quotes, as the quoted service names are)."""
    found = finditer_marked(rx("parties", "prefix_legal_form"), text)
    return [(m.start(1), m.end(1), m.group(1)) for m in found]


def addressed_institutions(text: str) -> list[tuple[int, int, str]]:
    """(start, end, name) of institutions named without a legal form but with a street address."""
    stop = set(rules("parties")["name_stop_tokens"])
    out = []
    for m in finditer(rx("parties", "institution_name"), text):
        start, words = m.start(1), m.group(1).split(" ")
        while len(words) > 2 and words[0] in stop:
            start += len(words[0]) + 1
            words = words[1:]
        out.append((start, m.end(1), " ".join(words)))
    return out


@cache
def _gender_suffixes() -> tuple[tuple[str, str], ...]:
    """(head-noun ending, gender), longest ending first."""
    table = rules("parties")["noun_gender"]
    return tuple(sorted(((s, g) for g in ("m", "f", "n") for s in table[g]), key=lambda x: -len(x[0])))


def _gender(noun: str) -> tuple[str, str] | None:
    """(gender, nominative singular) of a German head noun, also in the genitive ("Verbands" -> Verband)."""
    low = noun.lower()
    for cut in (0, 2, 1):
        stem = low[: len(low) - cut] if cut else low
        if cut and not low.endswith("es"[2 - cut:]):
            continue
        for suffix, g in _gender_suffixes():
            if stem.endswith(suffix) and (not cut or g in "mn"):
                return g, noun[: len(noun) - cut] if cut else noun
    return None


def nominative(base: str) -> str:
    """A German organisation name (without legal form) in the nominative with the strong adjective ending
    of its official form: "Bayerischen Fußball-Verbands" -> "Bayerischer Fußball-Verband", "Kassenärztlichen
    Vereinigung Niedersachsen" -> "Kassenärztliche Vereinigung Niedersachsen". Other names are returned as
    they are.

    >>> nominative("Westfälischen Turnerbund"), nominative("Deutschen Roten Kreuzes"), nominative("Acme Cloud")
    ('Westfälischer Turnerbund', 'Deutsches Rotes Kreuz', 'Acme Cloud')
    """
    words = base.split(" ")
    adj = rx("parties", "declined_adjective")
    n_adj = 0
    while n_adj < len(words) - 1 and adj.match(words[n_adj]):
        n_adj += 1
    if not n_adj:
        return base
    parts = words[n_adj].split("-")  # the noun the adjectives agree with ("Fußball-Verbands")
    found = _gender(parts[-1])
    if found is None:
        return base
    g, noun = found
    ending = {"m": "er", "f": "e", "n": "es"}[g]
    out = [adj.match(w).group(1) + ending for w in words[:n_adj]]  # type: ignore[union-attr]
    return " ".join(out + ["-".join(parts[:-1] + [noun])] + words[n_adj + 1:])


def headed_institutions(text: str) -> list[tuple[int, int, str]]:
    """(start, end, name) of public bodies and banks named without a legal form by an institution head and
    a place or field ("Sparkasse Münsterland Ost", "Kassenärztliche Vereinigung Niedersachsen",
    "Landesamt für Steuern"): ``institution_head_name``. A head alone ("Ihre Sparkasse", "die zuständige
    Kassenärztliche Vereinigung") is a category, not a name.

    >>> headed_institutions("Lastschriften zieht die Sparkasse Hellweg-Lippe ein; Ihre Sparkasse erfährt nichts.")
    [(24, 47, 'Sparkasse Hellweg-Lippe')]
    """
    stop, joiners = set(rules("parties")["institution_tail_stop"]), set(rules("parties")["institution_tail_joiners"])
    out = []
    for m in finditer(rx("parties", "institution_head_name"), text):
        words = m.group(2).split(" ")
        cut = next((i for i, w in enumerate(words) if w in stop), len(words))
        words = words[:cut]
        while words and (words[-1] in joiners or not words[-1]):
            words.pop()
        tail = " ".join(words)
        if not re.search(r"[A-ZÄÖÜ]", tail):
            continue
        end = m.end(1) + len(tail)
        out.append((m.start(1), end, text[m.start(1):end]))
    return out
