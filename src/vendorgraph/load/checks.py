"""Is this an English or German privacy policy? Language detection and a cheap lexical test.

The lexical test counts the distinct privacy-policy terms of ``ingest/lexicons/policy_vocabulary.json``
(English and German: "personal data", "GDPR", "Verantwortliche", "DSGVO", ...) that occur in the
text, case-insensitively. A text with fewer than ``min_distinct_terms`` of them is refused with
"no privacy-policy content found" rather than read for facts it does not hold.

>>> detect_language("Wir verarbeiten Ihre personenbezogenen Daten nur im Rahmen der gesetzlichen Bestimmungen.")
'de'
"""

from __future__ import annotations

import json
import re
from collections import Counter
from functools import cache

from ..errors import NotAPolicyError
from ..resources import data_dir

SUPPORTED_LANGUAGES = ("de", "en")  #: languages the extractors read
SAMPLE_CHARS = 4000  #: language detection looks at this much text (half from the start, half from the middle)
MIN_LETTERS = 20  #: below this many letters the language is 'und' (undetermined)
LETTERS_HEAD = 200  #: the letters are counted in this much of the sample first
HEAD_CHARS = 4000  #: :func:`check_policy` looks for the policy terms in this much of the text first


@cache
def vocabulary() -> dict:
    """``{"min_distinct_terms": n, "terms": {"en": [...], "de": [...]}}``."""
    return json.loads((data_dir("ingest") / "lexicons" / "policy_vocabulary.json").read_text(encoding="utf-8"))


@cache
def function_words() -> tuple[dict[str, str], dict]:
    """``({word: language}, settings)`` from ``ingest/lexicons/function_words.json``."""
    data = json.loads((data_dir("ingest") / "lexicons" / "function_words.json").read_text(encoding="utf-8"))
    return {w: lang for lang, words in data["words"].items() for w in words}, data


_WORD = re.compile(r"[^\W\d_]+")


def fast_language(sample: str) -> str | None:
    """'en' or 'de' when the sample's function words say so clearly; ``None`` otherwise.

    >>> fast_language("Wir verarbeiten die Daten, die Sie uns geben, nur für den Zweck, für den sie erhoben "
    ...               "wurden, und nicht darüber hinaus; die Daten werden mit der gebotenen Sorgfalt bei uns "
    ...               "gespeichert und nach dem Ende der Frist gelöscht, wenn keine Pflicht dagegen steht.")
    'de'
    >>> fast_language("Nous traitons vos données personnelles.") is None
    True
    """
    words, cfg = function_words()
    tokens = _WORD.findall(sample.lower())
    if len(tokens) < cfg["min_words"]:
        return None
    counts = Counter(map(words.get, tokens))  # in the order first seen, as most_common() breaks ties
    counts.pop(None, None)  # the tokens that are no function word
    (best, n), *rest = counts.most_common() or [("", 0)]
    other = rest[0][1] if rest else 0
    if n >= cfg["min_share"] * len(tokens) and n >= cfg["dominance"] * other:
        return best
    return None


def detect_language(text: str) -> str:
    """ISO 639-1 code of the text; 'und' when there is too little text.

    English and German are told apart by their function words (:func:`fast_language`); any
    other sample goes to langdetect (seeded: deterministic), which also names other languages.
    """
    half = SAMPLE_CHARS // 2
    mid = len(text) // 2
    sample = text[:SAMPLE_CHARS] if len(text) <= SAMPLE_CHARS else text[:half] + "\n" + text[mid:mid + half]
    if sum(map(str.isalpha, sample[:LETTERS_HEAD])) < MIN_LETTERS and sum(map(str.isalpha, sample)) < MIN_LETTERS:
        return "und"  # (the letters of the sample's head are mostly enough: the rest is counted only when not)
    fast = fast_language(sample)
    if fast is not None:
        return fast
    from langdetect import DetectorFactory, detect_langs
    from langdetect.lang_detect_exception import LangDetectException

    DetectorFactory.seed = 0
    try:
        ranked = detect_langs(sample)
    except LangDetectException:
        return "und"
    for cand in ranked:  # a German policy with English names still counts as German
        if cand.lang in SUPPORTED_LANGUAGES and cand.prob >= 0.2:
            return cand.lang
    return ranked[0].lang.split("-")[0] if ranked else "und"


def word_char(ch: str) -> bool:
    """``ch`` is what ``\\w`` matches (a letter, digit or underscore)."""
    return ch.isalnum() or ch == "_"


def _starts_word(low: str, term: str) -> bool:
    """``term`` occurs in ``low`` not right after a word character (``(?<!\\w)term``, by ``str.find``)."""
    i = low.find(term)
    while i > 0 and word_char(low[i - 1]):
        i = low.find(term, i + 1)
    return i >= 0


def policy_terms(text: str) -> dict[str, set[str]]:
    """Per language, the distinct vocabulary terms found in ``text`` (each at a word start)."""
    low = " ".join(text.lower().split())
    return {lang: {t for t in terms if _starts_word(low, t)} for lang, terms in vocabulary()["terms"].items()}


def _has_terms(low: str, terms: list[str], need: int) -> bool:
    """At least ``need`` of ``terms`` occur in ``low`` at a word start (stops at the ``need``-th)."""
    n = 0
    for t in terms:
        n += _starts_word(low, t)
        if n >= need:
            return True
    return False


def check_policy(text: str, source: str, language: str) -> str:
    """Raise NotAPolicyError unless ``text`` uses enough policy terms; return the language (resolving 'und')."""
    need = int(vocabulary()["min_distinct_terms"])
    own = vocabulary()["terms"].get(language)
    if own and (_has_terms(text[:HEAD_CHARS].lower(), own, need) or _has_terms(text.lower(), own, need)):
        # the terms of the head are terms of the whole text (most policies name enough of them early on); what the
        # raw text has, the whitespace-normalised text below has too
        return language
    found = policy_terms(text)
    best = max(sorted(found), key=lambda lang: len(found[lang]))
    have = len(found[best])
    if have < need:
        raise NotAPolicyError(source, f"no privacy-policy content found ({have} distinct privacy-policy "
                                      f"terms such as 'personal data' or 'DSGVO'; {need} needed)")
    return best if language == "und" else language
