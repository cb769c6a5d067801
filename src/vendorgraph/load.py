"""Load a policy file into a :class:`~vendorgraph.model.Document` (text, encoding, language).

Bad input raises :class:`~vendorgraph.errors.InputError` with a one-line reason naming
the file; nothing is written anywhere by loading.

>>> import tempfile, pathlib
>>> p = pathlib.Path(tempfile.mkdtemp()) / "p.txt"
>>> _ = p.write_text("We process your personal data. Privacy policy of ACME GmbH.", encoding="utf-8")
>>> load(p).name
'p.txt'
"""

from __future__ import annotations

import re
from pathlib import Path

from .errors import InputError
from .model import Document

MAX_BYTES = 5 * 1024 * 1024  #: documented limit: larger files are refused


def read_bytes(path: Path) -> bytes:
    if not path.exists():
        raise InputError(str(path), "no such file")
    if path.is_dir():
        raise InputError(str(path), "is a directory")
    size = path.stat().st_size
    if size == 0:
        raise InputError(str(path), "empty file")
    if size > MAX_BYTES:
        raise InputError(str(path), f"file too large ({size:,} bytes; the limit is {MAX_BYTES:,})")
    return path.read_bytes()


def decode(data: bytes, source: str) -> tuple[str, str]:
    """Decode bytes to text; return (text, encoding). Binary data raises InputError."""
    if b"\x00" in data[:4096]:
        raise InputError(source, "binary file (NUL bytes), not text")
    for enc in ("utf-8-sig",):
        try:
            return data.decode(enc), "utf-8"
        except UnicodeDecodeError:
            pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise InputError(source, "cannot detect the text encoding (binary file?)")
    return str(best), best.encoding


def detect_language(text: str) -> str:
    """ISO 639-1 code: 'de' or 'en' by a cheap function-word count; 'und' when unsure."""
    words = re.findall(r"[a-zäöüß]+", text[:20000].lower())
    de = sum(w in {"und", "der", "die", "das", "wir", "ihre", "sie", "nicht", "mit", "von", "zu", "daten"} for w in words)
    en = sum(w in {"and", "the", "we", "your", "you", "not", "with", "of", "to", "data", "our", "is"} for w in words)
    if de + en < 5:
        return "und"
    return "de" if de > en else "en"


def load(path: str | Path) -> Document:
    """Read a text policy from ``path``."""
    p = Path(path)
    text, enc = decode(read_bytes(p), str(p))
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise InputError(str(p), "no text (only whitespace)")
    return Document(source=str(p), name=p.name, text=text, language=detect_language(text), encoding=enc)


def from_text(text: str, name: str = "inline.txt", source: str | None = None) -> Document:
    """A Document from a string (tests, notebooks)."""
    return Document(source=source or name, name=name, text=text, language=detect_language(text))
