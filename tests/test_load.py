"""Loaders: text, Markdown, HTML, PDF, encodings, languages, and every kind of bad input.

All inputs are generated here (tiny texts written for these tests; the PDF is built by hand).
"""

from __future__ import annotations

import codecs

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from vendorgraph.errors import InputError, NotAPolicyError, UnsupportedLanguageError
from vendorgraph.load import MAX_BYTES, from_text, load
from vendorgraph.segment import segment

EN_POLICY = (
    "Privacy Policy\n\n1. Controller\n\nThe controller for the processing of your personal data is "
    "Example Widgets GmbH, Berlin, Germany.\n\n2. Hosting\n\nOur website is hosted by Example Cloud Inc., USA, "
    "as a processor. Transfers to the USA rely on standard contractual clauses.\n")
DE_POLICY = (
    "Datenschutzerklärung\n\n1. Verantwortlicher\n\nVerantwortlich für die Verarbeitung Ihrer personenbezogenen "
    "Daten ist die Beispiel Möbel GmbH, Köln. Sie haben jederzeit das Recht auf Auskunft und Löschung.\n\n"
    "2. Empfänger\n\nWir übermitteln Ihre Daten an Zahlungsdienstleister. Eine Übermittlung in Drittländer findet nicht statt.\n")
FR_POLICY = (
    "Politique de confidentialité\n\nNous traitons vos données personnelles conformément au règlement général "
    "sur la protection des données. Le responsable du traitement est la société Exemple SARL, Paris. Vous pouvez "
    "exercer vos droits d'accès et de rectification à tout moment en nous écrivant.\n")
RECIPE = (
    "Apple crumble\n\nPreheat the oven to 180 degrees. Mix the flour, butter and sugar until the mixture looks "
    "like breadcrumbs. Slice the apples into a dish, cover them with the crumble and bake for forty minutes.\n")


def make_pdf(pages: list[list[tuple[str, int, int]]]) -> bytes:
    """A minimal valid PDF: each page a list of (text, x, y) lines in Helvetica, in the given stream order."""
    objs = ["<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [" + " ".join(f"{4 + 2 * i} 0 R" for i in range(len(pages)))
            + f"] /Count {len(pages)} >>",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"]
    for i, lines in enumerate(pages):
        def esc(t: str) -> str:
            return t.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        content = "BT /F1 11 Tf " + " ".join(f"1 0 0 1 {x} {y} Tm ({esc(t)}) Tj" for t, x, y in lines) + " ET"
        objs.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents {5 + 2 * i} 0 R "
                    "/Resources << /Font << /F1 3 0 R >> >> >>")
        objs.append(f"<< /Length {len(content.encode('latin-1'))} >>\nstream\n{content}\nendstream")
    out = b"%PDF-1.4\n"
    offsets = []
    for i, o in enumerate(objs, 1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n{o}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n".encode()
    out += "".join(f"{o:010d} 00000 n \n" for o in offsets).encode()
    out += f"trailer\n<< /Size {len(objs) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return out


POLICY_PDF_PAGES = [[
    ("processor for hosting; transfers rely on standard contractual clauses.", 330, 686),  # stream order
    ("Privacy policy. The controller of your personal data", 72, 700),                     # is not reading
    ("is Example Widgets GmbH, Berlin, Germany.", 72, 686),                                # order
    ("Example Cloud Inc., USA, acts as our", 330, 700),
]]

PAGE = """<!DOCTYPE html><html><head><title>Privacy</title></head><body>
<nav class="menu"><ul><li><a href="/">Start page</a></li><li><a href="/shop">Online shop</a></li></ul></nav>
<div id="cookie-banner" class="cookie-consent">Accept all cookies? <button>Accept</button></div>
<main><article><h1>Privacy Policy</h1>
<p>The controller for the processing of your <b>personal data</b> is Example Widgets GmbH, Berlin, Germany.</p>
<h2>2. Hosting</h2>
<p>Our website is hosted by <a href="https://cloud.example">Example Cloud Inc.</a>, USA, as a processor.
Transfers to the USA rely on standard contractual clauses.</p>
<ul><li>IP address</li><li>Browser type</li></ul>
</article></main>
<footer>Imprint | Contact | Copyright Example Widgets</footer></body></html>"""


def write(tmp_path, name: str, data: bytes | str, encoding: str = "utf-8"):
    p = tmp_path / name
    p.write_bytes(data if isinstance(data, bytes) else data.encode(encoding))
    return p


def test_plain_text_english_and_german(tmp_path):
    en = load(write(tmp_path, "en.txt", EN_POLICY))
    de = load(write(tmp_path, "de.txt", DE_POLICY))
    assert (en.language, en.media_type, en.encoding, en.name) == ("en", "text/plain", "utf-8", "en.txt")
    assert de.language == "de" and en.text == EN_POLICY


def test_markdown_keeps_headings_for_the_segmenter(tmp_path):
    md = "# Privacy policy\n\n## Hosting\n\nThe controller processes personal data with a processor.\n\n- IP address\n"
    doc = load(write(tmp_path, "policy.md", md))
    assert doc.media_type == "text/markdown" and doc.text == md
    segs = segment(doc.text)
    assert [s.kind for s in segs][:2] == ["heading", "heading"]
    assert segs[2].heading_path[-1] == "## Hosting"


def test_html_main_content_without_navigation_banner_footer(tmp_path):
    doc = load(write(tmp_path, "policy.html", PAGE))
    assert doc.media_type == "text/html" and doc.language == "en"
    for noise in ("Start page", "Online shop", "Accept all cookies", "Imprint", "Copyright"):
        assert noise not in doc.text
    lines = doc.text.splitlines()
    assert "# Privacy Policy" in lines and "## 2. Hosting" in lines
    assert "- IP address" in lines and "- Browser type" in lines
    assert "Example Cloud Inc., USA, as a processor" in doc.text  # link text kept, markup dropped
    kinds = {s.text: s.kind for s in segment(doc.text)}
    assert kinds["## 2. Hosting"] == "heading"


def test_html_is_sniffed_without_extension_and_tolerates_malformed_markup(tmp_path):
    broken = PAGE.replace("</p>", "").replace("</article>", "").replace("</ul>", "<div><span>")
    doc = load(write(tmp_path, "saved-page", broken))
    assert doc.media_type == "text/html" and "Example Widgets GmbH" in doc.text


@pytest.mark.parametrize("html", ["<html><body><nav>Home</nav></body></html>", "<html><<<>>>\x01<body></html>",
                                  "<!doctype html><html><head><script>var privacy = 1;</script></head></html>"])
def test_html_without_content_is_a_clear_error(tmp_path, html):
    p = write(tmp_path, "empty.html", html)
    with pytest.raises(InputError) as e:
        load(p)
    assert "empty.html" in str(e.value) and "\n" not in str(e.value)


def test_pdf_text_comes_in_reading_order(tmp_path):
    doc = load(write(tmp_path, "policy.pdf", make_pdf(POLICY_PDF_PAGES)))
    assert doc.media_type == "application/pdf" and doc.language == "en"
    left = doc.text.index("Privacy policy. The controller")
    right = doc.text.index("Example Cloud Inc., USA, acts as our")
    assert left < doc.text.index("is Example Widgets GmbH") < right < doc.text.index("processor for hosting")


@pytest.mark.parametrize("name, data, reason", [
    ("truncated.pdf", make_pdf(POLICY_PDF_PAGES)[:200], "malformed PDF"),
    ("garbage.pdf", b"%PDF-1.7\n\x93\x11 this is not a pdf body", "malformed PDF"),
    ("scan.pdf", make_pdf([[]]), "no text layer"),
])
def test_bad_pdfs(tmp_path, name, data, reason):
    with pytest.raises(InputError) as e:
        load(write(tmp_path, name, data))
    assert reason in e.value.reason and name in str(e.value)


def test_latin1_and_utf16_are_detected(tmp_path):
    latin = load(write(tmp_path, "latin.txt", DE_POLICY, "latin-1"))
    assert latin.text == DE_POLICY and latin.encoding != "utf-8" and latin.language == "de"
    utf16 = load(write(tmp_path, "utf16.txt", codecs.BOM_UTF16_LE + EN_POLICY.encode("utf-16-le")))
    assert utf16.text == EN_POLICY
    bom = load(write(tmp_path, "bom.txt", codecs.BOM_UTF8 + EN_POLICY.encode()))
    assert bom.text == EN_POLICY
    crlf = load(write(tmp_path, "crlf.txt", EN_POLICY.replace("\n", "\r\n")))
    assert crlf.text == EN_POLICY


@pytest.mark.parametrize("name, data, error, reason", [
    ("empty.txt", b"", InputError, "empty file"),
    ("blank.txt", b" \n\t\n  ", InputError, "no text"),
    ("nul.bin", b"\x00\x01\x02\xff" * 64, InputError, "binary"),
    ("ctrl.dat", bytes(range(1, 32)) * 40, InputError, "binary"),
    ("recipe.txt", RECIPE.encode(), NotAPolicyError, "no privacy-policy content found"),
    ("french.txt", FR_POLICY.encode(), UnsupportedLanguageError, "unsupported language 'fr'"),
])
def test_bad_inputs_raise_one_line_errors(tmp_path, name, data, error, reason):
    p = write(tmp_path, name, data)
    with pytest.raises(error) as e:
        load(p)
    assert reason in e.value.reason and str(p) in str(e.value) and "\n" not in str(e.value)


def test_missing_directory_and_oversized(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        load(tmp_path / "missing.txt")
    with pytest.raises(InputError, match="is a directory"):
        load(tmp_path)
    big = tmp_path / "huge.log"
    with big.open("wb") as f:
        f.truncate(MAX_BYTES + 1)  # sparse: costs no disk
    with pytest.raises(InputError, match="too large"):
        load(big)


def test_unreachable_url_fails_with_one_line():
    with pytest.raises(InputError) as e:
        load("http://127.0.0.1:9/privacy.html")
    assert str(e.value).startswith("http://127.0.0.1:9/privacy.html: cannot fetch")
    assert "\n" not in str(e.value)


def test_url_is_fetched_where_the_network_allows(tmp_path):
    import http.server
    import threading
    from functools import partial

    write(tmp_path, "privacy", PAGE)
    handler = partial(http.server.SimpleHTTPRequestHandler, directory=str(tmp_path))
    handler.log_message = lambda *a: None  # type: ignore[attr-defined]
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/privacy"
        doc = load(url)
        with pytest.raises(InputError, match="HTTP 404"):
            load(url + "-missing")
    finally:
        server.shutdown()
        server.server_close()
    assert (doc.source, doc.name, doc.media_type) == (url, "privacy", "text/html")
    assert "Example Widgets GmbH" in doc.text and "Start page" not in doc.text


def test_from_text_never_checks():
    assert from_text("x").language == "und"
    assert from_text(DE_POLICY).language == "de"


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.one_of(st.binary(min_size=1, max_size=600),
                      st.binary(max_size=400).map(lambda b: b"%PDF-1.4\n" + b),
                      st.binary(max_size=400).map(lambda b: b"<html><body>" + b),
                      st.text(max_size=400).map(lambda t: (t + EN_POLICY[: len(t)]).encode("utf-8"))))
def test_any_bytes_give_a_document_or_an_input_error(tmp_path, data):
    p = tmp_path / "fuzz.input"
    p.write_bytes(data)
    try:
        doc = load(p)
    except InputError as e:
        assert "\n" not in str(e) and str(p) in str(e)
    else:
        assert doc.text.strip() and doc.language in ("en", "de")


def _langdetect(sample: str) -> str:
    from langdetect import DetectorFactory, detect_langs

    DetectorFactory.seed = 0
    ranked = detect_langs(sample)
    return next((c.lang for c in ranked if c.lang in ("en", "de") and c.prob >= 0.2), ranked[0].lang)


def test_function_words_agree_with_langdetect():
    """The fast test decides only where langdetect agrees: every bundled, test and shared policy."""
    from vendorgraph.load.checks import SAMPLE_CHARS, fast_language

    root = Path(__file__).resolve().parent
    files = sorted(root.glob("*/policies/*.txt")) + sorted(root.glob("policies/*")) + \
        sorted((root.parent.parent / "shared" / "policies").glob("*"))
    decided = 0
    for f in files:
        text = f.read_text(encoding="utf-8")
        sample = text[:SAMPLE_CHARS]
        fast = fast_language(sample)
        if fast is not None:
            decided += 1
            assert fast == _langdetect(sample), f.name
    assert decided >= 0.9 * len(files) > 0


@pytest.mark.parametrize("text, lang", [
    ("Wir nutzen Google Analytics der Google Ireland Limited und Microsoft Teams der Microsoft Ireland Operations "
     "Limited. Die Daten werden auf Servern in den USA verarbeitet, wenn Sie uns über das Kontaktformular "
     "schreiben und wir Ihnen antworten; für die Übermittlung gilt ein Angemessenheitsbeschluss.", "de"),
    ("We use the Kontaktformular of our website and Zahlungsdienstleister such as Stripe. Your data is stored on "
     "servers in the EU and we do not share it with any other party unless the law requires us to do so.", "en"),
    ("Nous traitons vos données personnelles conformément au RGPD. Le responsable du traitement est la société "
     "Exemple SARL, qui ne transfère pas vos données en dehors de l'Union européenne sans garanties.", None),
    ("Wij verwerken uw persoonsgegevens volgens de AVG. De verwerkingsverantwoordelijke is Voorbeeld B.V. die "
     "uw gegevens niet buiten de Europese Unie doorgeeft zonder passende waarborgen of uw toestemming.", None),
])
def test_fast_language_decides_en_and_de_only(text, lang):
    from vendorgraph.load.checks import fast_language

    assert fast_language(text) == lang
