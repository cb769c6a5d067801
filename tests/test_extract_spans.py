"""Every fact's evidence lies inside the text and quotes it exactly (property test over generated policies)."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from vendorgraph.extract.rules import RuleExtractor
from vendorgraph.load import from_text
from vendorgraph.segment import segment

_PIECES = [
    "1. Controller\n", "The controller is Sternwarte Optik GmbH, Hauptstr. 1, 10115 Berlin, Germany.\n",
    "## Hosting\n", "We use Google Analytics, a service of Google Ireland Limited, Dublin, Ireland.\n",
    "Data is transferred to Google LLC in the USA on the basis of standard contractual clauses.\n",
    "Empfänger: IT-Dienstleister\n", "Drittlandübermittlung: keine\n", "Drittlandübermittlung: USA\n",
    "Intended third country transfer: USA and other third countries (adequacy decisions)\n",
    "We do not transfer data to third countries.\n", "- Zoom Video Communications, Inc., San Jose, CA 95113, USA\n",
    "Fathom Notes Inc. relies on services from Amazon Web Services, Inc.\n", "Wir sind gemeinsam Verantwortliche mit der Meta Platforms Ireland Limited.\n",
    "Microsoft is an independent controller.\n", "\n", "   ", "ü€\t", "(„Dienst“)", ".", ":",
]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(_PIECES), st.text(max_size=30)), min_size=1, max_size=20))
def test_spans_match_the_text(pieces):
    doc = from_text("".join(pieces))
    facts = RuleExtractor().extract(doc, segment(doc.text))
    for span in facts.all_spans():
        assert 0 <= span.start <= span.end <= len(doc.text)
        assert doc.text[span.start:span.end] == span.quote
        assert span.rule and 0.0 < span.confidence <= 1.0


def test_every_fact_has_evidence_on_the_test_policies():
    for path in sorted((Path(__file__).parent / "policies").iterdir()):
        doc = from_text(path.read_text(encoding="utf-8"), name=path.name)
        facts = RuleExtractor().extract(doc, segment(doc.text))
        for group in (facts.parties, facts.transfers, facts.negations):
            for fact in group:
                assert fact.evidence, (path.name, fact)
                for s in fact.evidence:
                    assert doc.text[s.start:s.end] == s.quote
