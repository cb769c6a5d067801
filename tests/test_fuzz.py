"""Property tests: the segmenter and the extractor on random and mutated policy text.

No exception escapes, every segment and evidence span lies inside the text and matches its quote,
and the same text always gives the same result. Example counts stay modest (CI has two cores).
"""

from __future__ import annotations

from functools import cache

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from vendorgraph.load import from_text
from vendorgraph.pipeline import extract_document
from vendorgraph.segment import segment, sentences

#: Pieces policies are made of (written for this test), so random text reaches the extractor's rules.
FRAGMENTS = [
    "\n", "\n\n", "# ", "## ", "1. ", "3.2 ", "- ", "• ", "a) ", "Art. 28 GDPR", "Art. 46 (2) (c) DSGVO", ": ",
    "Privacy Policy", "Datenschutzerklärung", "The controller is ", "Verantwortlicher: ", "Example Cloud Inc.",
    "Beispiel Daten GmbH", "Alpha Ltd", "Google LLC", "Amazon Web Services, Inc.", "Microsoft Ireland Operations Limited",
    ", USA", " in the United States", " in die USA", ", Singapore", "Dublin, Ireland", "on our behalf",
    " as a processor", " im Auftrag", "standard contractual clauses", "Standardvertragsklauseln",
    "EU-US Data Privacy Framework", "adequacy decision", "Privacy Shield", "binding corporate rules",
    "we do not transfer your data to third countries", "jointly responsible", "IP address", "e-mail address",
    "payment data", "cookies", "(", ")", "\"", "„", "“", "'", ".", ",", ";", "/", "\t", "  ", "\r\n", "\u00a0",
    "\u200b", "é", "ß", "ü", "İ", "ﬁ", "𝔊", "\x0c", "0", "2023", "https://example.org/privacy", "mail@example.org",
]

text_pieces = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=12)), max_size=60).map("".join)


@cache
def samples() -> tuple[str, ...]:
    from vendorgraph.demo import sample_files

    return tuple(p.read_text(encoding="utf-8") for p in sample_files())


@st.composite
def mutated_policy(draw) -> str:
    """A bundled sample policy with slices deleted, duplicated, swapped or overwritten."""
    text = draw(st.sampled_from(samples()))
    for _ in range(draw(st.integers(0, 6))):
        n = len(text)
        i = draw(st.integers(0, n))
        j = draw(st.integers(i, min(n, i + 200)))
        op = draw(st.sampled_from(["delete", "duplicate", "insert", "upper", "lower", "newlines", "move"]))
        if op == "delete":
            text = text[:i] + text[j:]
        elif op == "duplicate":
            text = text[:j] + text[i:j] + text[j:]
        elif op == "insert":
            text = text[:i] + draw(text_pieces) + text[i:]
        elif op == "upper":
            text = text[:i] + text[i:j].upper() + text[j:]
        elif op == "lower":
            text = text[:i] + text[i:j].lower() + text[j:]
        elif op == "newlines":
            text = text[:i] + text[i:j].replace(" ", "\n") + text[j:]
        else:
            text = text[:i] + text[j:] + text[i:j]
    return text


any_text = st.one_of(text_pieces, mutated_policy(), st.text(max_size=300))


def check_spans(text: str, facts) -> None:
    for sp in facts.all_spans():
        assert 0 <= sp.start <= sp.end <= len(text), sp
        assert text[sp.start:sp.end] == sp.quote, sp


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=any_text)
def test_segments_lie_inside_the_text(text):
    segs = segment(text)
    for s in segs:
        assert 0 <= s.start <= s.end <= len(text)
        assert text[s.start:s.end] == s.text
        for a, b in sentences(s.text, s.start):
            assert s.start <= a <= b <= s.end
    assert segment(text) == segs
    assert [s.start for s in segs] == sorted(s.start for s in segs)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=any_text)
def test_extraction_never_raises_and_spans_match(text):
    facts = extract_document(from_text(text, name="fuzz.txt"))
    check_spans(text, facts)
    assert extract_document(from_text(text, name="fuzz.txt")) == facts


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=mutated_policy())
def test_mutated_policies_extract_deterministically(text):
    doc = from_text(text, name="mutated.txt")
    facts = extract_document(doc)
    check_spans(text, facts)
    assert extract_document(doc) == facts
