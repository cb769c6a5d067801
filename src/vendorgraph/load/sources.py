"""Where the bytes come from: a local file or an ``http(s)://`` URL, both capped at :data:`MAX_BYTES`."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlsplit

from ..errors import InputError

MAX_BYTES = 10 * 1024 * 1024  #: documented limit: larger files and downloads are refused
FETCH_TIMEOUT = 20.0  #: seconds to wait for a server before giving up


def is_url(source: str) -> bool:
    """True for ``http://`` and ``https://`` addresses."""
    return source.lower().startswith(("http://", "https://"))


def url_name(url: str) -> str:
    """A display name for a URL: its last path segment, or the host (never used as a path)."""
    parts = urlsplit(url)
    last = unquote(parts.path.rstrip("/").rsplit("/", 1)[-1])
    return last or parts.hostname or "url"


def read_bytes(path: Path) -> bytes:
    """The file's bytes; missing, directory, empty and oversized files raise InputError."""
    try:
        if not path.exists():
            raise InputError(str(path), "no such file")
        if path.is_dir():
            raise InputError(str(path), "is a directory, not a file")
        size = path.stat().st_size
        if size == 0:
            raise InputError(str(path), "empty file")
        if size > MAX_BYTES:
            raise InputError(str(path), f"file too large ({size:,} bytes; the limit is {MAX_BYTES:,})")
        return path.read_bytes()
    except OSError as e:
        raise InputError(str(path), f"cannot read: {e.strerror or e}") from e


def fetch(url: str) -> tuple[bytes, str | None]:
    """Download ``url``; return (bytes, media type from the Content-Type header). Failures raise InputError."""
    import urllib.error
    import urllib.request

    from .. import __version__

    req = urllib.request.Request(url, headers={"User-Agent": f"vendorgraph/{__version__}"})
    try:
        with urllib.request.urlopen(req, timeout=FETCH_TIMEOUT) as resp:  # noqa: S310 (http/https only)
            data = resp.read(MAX_BYTES + 1)
            ctype = resp.headers.get_content_type() if resp.headers else None
    except urllib.error.HTTPError as e:
        raise InputError(url, f"cannot fetch: HTTP {e.code} {e.reason}") from e
    except urllib.error.URLError as e:
        raise InputError(url, f"cannot fetch: {_reason(e.reason)}") from e
    except (OSError, ValueError) as e:
        raise InputError(url, f"cannot fetch: {_reason(e)}") from e
    if len(data) > MAX_BYTES:
        raise InputError(url, f"download too large (more than {MAX_BYTES:,} bytes)")
    if not data:
        raise InputError(url, "empty response")
    return data, ctype


def _reason(e: object) -> str:
    text = getattr(e, "strerror", None) or str(e) or e.__class__.__name__
    return " ".join(str(text).split())
