"""Load a policy (file or URL) into a :class:`~vendorgraph.model.Document`: text, encoding, language.

Formats: plain text and Markdown (kept as written: the segmenter reads ``#`` headings and
``-`` list items), HTML (main content only, via trafilatura; headings and list items on their
own lines) and PDF (text in reading order, via pdfminer.six, else pypdf). The encoding is
detected (BOM, UTF-8, else charset-normalizer) and the language from function words (else langdetect).

Bad input raises :class:`~vendorgraph.errors.InputError` (or its subclasses
:class:`~vendorgraph.errors.NotAPolicyError`, :class:`~vendorgraph.errors.UnsupportedLanguageError`)
with a one-line reason naming the file; loading never writes anything.

Limits: files and downloads larger than :data:`MAX_BYTES` are refused; only English and
German are read; a text must use at least ``min_distinct_terms`` of the privacy-policy terms
in ``ingest/lexicons/policy_vocabulary.json`` (see :func:`checks.check_policy`).

>>> import tempfile, pathlib
>>> p = pathlib.Path(tempfile.mkdtemp()) / "p.txt"
>>> _ = p.write_text("Privacy policy. We process your personal data as the controller under the GDPR.", encoding="utf-8")
>>> d = load(p)
>>> (d.name, d.language, d.media_type)
('p.txt', 'en', 'text/plain')
"""

from __future__ import annotations

from pathlib import Path

from ..errors import InputError, UnsupportedLanguageError
from ..model import Document
from .checks import SUPPORTED_LANGUAGES, check_policy, detect_language
from .readers import decode, html_to_text, pdf_to_text, sniff
from .sources import MAX_BYTES, FETCH_TIMEOUT, fetch, is_url, read_bytes, url_name

__all__ = ["MAX_BYTES", "FETCH_TIMEOUT", "SUPPORTED_LANGUAGES", "load", "from_text", "detect_language",
           "decode", "read_bytes", "fetch", "is_url", "check_policy", "sniff"]


def _normalise(text: str) -> str:
    """Unix newlines, no form feeds or NULs (offsets of evidence spans refer to this text)."""
    if "\r" not in text and "\f" not in text and "\x00" not in text:
        return text  # (most texts: three scans of the text instead of four replacements)
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n\n").replace("\x00", "")


def load(path: str | Path) -> Document:
    """Read a policy from a file path or an ``http(s)://`` URL; check it is an EN/DE privacy policy."""
    source = str(path)
    if is_url(source):
        data, header_type = fetch(source)
        name = url_name(source)
    else:
        p = Path(path)
        data, header_type = read_bytes(p), None
        name = p.name
    media = sniff(data, name, header_type)
    encoding = "pdf"  # PDF text comes decoded from the file's fonts
    if media == "application/pdf":
        text = pdf_to_text(data, source)
    else:
        raw, encoding = decode(data, source)
        text = html_to_text(raw, source) if media == "text/html" else raw
    text = _normalise(text)
    if not text.strip():
        raise InputError(source, "no text (only whitespace)")
    language = detect_language(text)
    if language not in SUPPORTED_LANGUAGES and language != "und":
        raise UnsupportedLanguageError(
            source, f"unsupported language {language!r} (vendorgraph reads {', '.join(SUPPORTED_LANGUAGES)})")
    language = check_policy(text, source, language)
    return Document(source=source, name=name, text=text, language=language, media_type=media, encoding=encoding)


def from_text(text: str, name: str = "inline.txt", source: str | None = None) -> Document:
    """A Document from a string (tests, notebooks): no format, language or policy checks."""
    return Document(source=source or name, name=name, text=text, language=detect_language(text))

