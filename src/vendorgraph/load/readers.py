"""Bytes -> text per format: encoding detection, HTML main content, PDF text in reading order."""

from __future__ import annotations

import codecs
import re

from ..errors import InputError

_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_HTML_START = re.compile(rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
#: The characters of :data:`_CONTROL` as bytes: UTF-8 writes each as that one byte (and no other character uses it).
_CONTROL_BYTES = bytes([*range(0x00, 0x09), 0x0B, *range(0x0E, 0x20), 0x7F])


def sniff(data: bytes, name: str, header_type: str | None = None) -> str:
    """Media type from the content first, then the server's header, then the file name."""
    head = data[:2048].lstrip(b"\xef\xbb\xbf")
    if head.lstrip().startswith(b"%PDF-"):
        return "application/pdf"
    if _HTML_START.match(head):
        return "text/html"
    low = name.lower()
    if header_type in ("text/html", "application/xhtml+xml") or low.endswith((".html", ".htm", ".xhtml")):
        return "text/html"
    if header_type == "application/pdf" or low.endswith(".pdf"):
        return "application/pdf"
    if header_type == "text/markdown" or low.endswith((".md", ".markdown")):
        return "text/markdown"
    return "text/plain"


def decode(data: bytes, source: str) -> tuple[str, str]:
    """Decode bytes to text; return (text, encoding). Binary data raises InputError."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(enc), enc.replace("-sig", "")
            except UnicodeDecodeError as e:
                raise InputError(source, f"invalid {enc} text after its byte-order mark ({e.reason})") from e
    if b"\x00" in data[:8192]:
        raise InputError(source, "binary file (NUL bytes), not text")
    try:
        text, enc = data.decode("utf-8"), "utf-8"
        clean = len(data.translate(None, _CONTROL_BYTES)) == len(data)  # UTF-8 without a control byte: none to count
    except UnicodeDecodeError:
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
        if best is None:
            raise InputError(source, "binary file or unknown text encoding") from None
        text, enc, clean = str(best), best.encoding, False
    sample = text[:20000]
    if not clean and len(_CONTROL.findall(sample)) > max(2, len(sample) // 100):  # a stray control byte is tolerated
        raise InputError(source, "binary file (control characters), not text")
    return text, enc


def html_to_text(html: str, source: str) -> str:
    """Main content of a web page (no navigation, cookie banners, footers) as markdown-ish lines."""
    import trafilatura
    from trafilatura.settings import use_config

    config = use_config()
    config.set("DEFAULT", "MIN_EXTRACTED_SIZE", "1")
    config.set("DEFAULT", "MIN_OUTPUT_SIZE", "1")
    config.set("DEFAULT", "EXTRACTION_TIMEOUT", "0")
    try:
        xml = trafilatura.extract(html, output_format="xml", include_tables=True, include_links=False,
                                  include_images=False, include_comments=False, include_formatting=True,
                                  favor_recall=True, config=config)
    except Exception as e:  # a third-party parser on untrusted markup may raise anything
        raise InputError(source, f"malformed HTML ({e.__class__.__name__})") from e
    text = _xml_to_lines(xml) if xml else ""
    if not text.strip():
        raise InputError(source, "no readable main content in the HTML page")
    return text


def _xml_to_lines(xml: str) -> str:
    """trafilatura's XML (head, p, list/item, table/row/cell) -> blocks separated by blank lines."""
    from lxml import etree

    root = etree.fromstring(xml.encode("utf-8"), etree.XMLParser(recover=True, resolve_entities=False))
    main = root.find("main") if root is not None else None
    blocks: list[str] = []
    for el in (main if main is not None else []):
        _block(el, blocks)
    return "\n\n".join(b for b in blocks if b.strip()) + "\n"


def _inline(el: object) -> str:
    """Text of an element; ``<lb/>`` becomes a line break, other markup is dropped."""
    parts: list[str] = [el.text or ""]  # type: ignore[attr-defined]
    for child in el:  # type: ignore[attr-defined]
        parts.append("\n" if child.tag == "lb" else _inline(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _clean(s: str) -> str:
    return "\n".join(" ".join(line.split()) for line in s.split("\n") if line.strip())


def _block(el: object, out: list[str]) -> None:
    tag = el.tag  # type: ignore[attr-defined]
    if tag == "head":
        level = re.sub(r"\D", "", el.get("rend", "") or "") or "2"  # type: ignore[attr-defined]
        out.append("#" * min(int(level), 6) + " " + " ".join(_inline(el).split()))
    elif tag == "list":
        items = [" ".join(_inline(i).split()) for i in el.iter("item")]  # type: ignore[attr-defined]
        out.append("\n".join(f"- {i}" for i in items if i))
    elif tag == "table":
        rows = [" | ".join(" ".join(_inline(c).split()) for c in r.iter("cell")) for r in el.iter("row")]  # type: ignore[attr-defined]
        out.append("\n".join(r for r in rows if r.strip(" |")))
    elif tag in ("div", "quote", "main"):
        for child in el:  # type: ignore[attr-defined]
            _block(child, out)
    else:
        out.append(_clean(_inline(el)))


def pdf_to_text(data: bytes, source: str) -> str:
    """Text of a PDF in reading order (pdfminer.six layout analysis; pypdf when pdfminer is absent)."""
    try:
        import pdfminer  # noqa: F401
    except ImportError:
        text = _pypdf_text(data, source)
    else:
        text = _pdfminer_text(data, source)
    if not text.strip():
        raise InputError(source, "PDF has no text layer (a scanned image?)")
    return text


def _pdfminer_text(data: bytes, source: str) -> str:
    import io

    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LAParams, LTTextContainer
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    blocks: list[str] = []
    try:
        for page in extract_pages(io.BytesIO(data), laparams=LAParams()):
            for box in page:
                if isinstance(box, LTTextContainer):
                    blocks.append(_join_lines(box.get_text()))
    except (PDFEncryptionError, PDFPasswordIncorrect) as e:
        raise InputError(source, "encrypted PDF (cannot read its text)") from e
    except Exception as e:  # malformed PDFs make the parser raise many different errors
        raise InputError(source, f"malformed PDF ({e.__class__.__name__})") from e
    return "\n\n".join(b for b in blocks if b) + "\n"


def _pypdf_text(data: bytes, source: str) -> str:
    import io

    try:
        from pypdf import PdfReader

        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise InputError(source, "encrypted PDF (cannot read its text)")
        return "\n\n".join(_join_lines(p.extract_text() or "") for p in reader.pages) + "\n"
    except InputError:
        raise
    except Exception as e:  # malformed PDFs make the parser raise many different errors
        raise InputError(source, f"malformed PDF ({e.__class__.__name__})") from e


def _join_lines(box: str) -> str:
    """Lines of one text box -> one paragraph; list items and short title lines stay on their own line."""
    lines = [" ".join(line.split()) for line in box.splitlines() if line.strip()]
    out: list[str] = []
    for line in lines:
        starts_item = re.match(r"^(?:[-•·*▪◦]|\d+[.)]|[a-z][.)])\s", line)
        if out and not starts_item and not out[-1].endswith(":"):
            split_word = re.search(r"\w-$", out[-1]) and line[:1].islower()
            out[-1] = out[-1][:-1] + line if split_word else out[-1] + " " + line
        else:
            out.append(line)
    return "\n".join(out)
