"""Deterministic IRIs from content: the same input always yields the same IRI.

>>> slug("Google Ireland Ltd.")
'google-ireland-ltd'
>>> org_iri("Zoom Video Communications, Inc.")
'https://w3id.org/vendorgraph/id/org/zoom-video-communications-inc'
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

from .vocab import ID

_TRANSLIT = str.maketrans({"ß": "ss", "ä": "ae", "ö": "oe", "ü": "ue", "Ä": "ae", "Ö": "oe", "Ü": "ue", "&": " and "})


def slug(text: str, max_len: int = 80) -> str:
    """Lower-case ASCII slug; never empty (falls back to a hash)."""
    t = unicodedata.normalize("NFKD", text.translate(_TRANSLIT)).encode("ascii", "ignore").decode()
    s = re.sub(r"[^a-z0-9]+", "-", t.lower()).strip("-")[:max_len].strip("-")
    return s or "h" + digest(text, 12)


def digest(*parts: object, n: int = 16) -> str:
    """Short stable hash of the parts (joined by a unit separator)."""
    h = hashlib.sha256("\x1f".join(str(p) for p in parts).encode("utf-8"))
    return h.hexdigest()[:n]


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def org_iri(name: str) -> str:
    return ID[f"org/{slug(name)}"]


def entity_iri(name: str) -> str:
    return ID[f"entity/{slug(name)}"]


def service_iri(name: str) -> str:
    return ID[f"service/{slug(name)}"]


def document_iri(key: str) -> str:
    return ID[f"doc/{slug(key)}"]


def version_iri(key: str, content_hash: str) -> str:
    return ID[f"doc/{slug(key)}/v/{content_hash[:16]}"]


def node_iri(kind: str, *parts: object) -> str:
    """IRI for an n-ary node (flow, evidence, engagement, ...) from its identifying parts."""
    return ID[f"{kind}/{digest(*parts)}"]
