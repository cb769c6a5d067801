"""The extractor interface: a plug-in extractor is found by name and scored like the rule-based one."""

from __future__ import annotations

from vendorgraph import factsjson
from vendorgraph.extract import available, get_extractor, register
from vendorgraph.extract.base import Extractor, filter_by_confidence
from vendorgraph.load import from_text
from vendorgraph.model import Facts, Party, Span, Transfer
from vendorgraph.segment import segment


class KeywordExtractor:
    """A toy 'model': every occurrence of 'Acme' is a US recipient."""

    name = "keyword-test"

    def __init__(self, min_confidence: float = 0.0) -> None:
        self.min_confidence = min_confidence

    def extract(self, doc, segments):
        i = doc.text.find("Acme")
        if i < 0:
            return Facts(doc.name, doc.language, extractor=self.name)
        span = (Span(i, i + 4, doc.text[i:i + 4], "keyword", 0.5),)
        facts = Facts(doc.name, doc.language, parties=(Party("Acme", evidence=span),),
                      transfers=(Transfer("Acme", "US", evidence=span),), extractor=self.name)
        return filter_by_confidence(facts, self.min_confidence)


def test_registered_extractor_is_found_and_writes_gold_format():
    register("keyword-test", KeywordExtractor)
    assert "keyword-test" in available()
    ex = get_extractor("keyword-test")
    assert isinstance(ex, Extractor)
    doc = from_text("We send data to Acme in the USA.")
    data = factsjson.to_json(ex.extract(doc, segment(doc.text)))
    assert data["transfers"][0]["recipient"] == "Acme" and data["parties"][0]["name"] == "Acme"


def test_options_reach_the_factory_and_filter():
    register("keyword-test", KeywordExtractor)
    doc = from_text("We send data to Acme in the USA.")
    assert get_extractor("keyword-test", min_confidence=0.9).extract(doc, segment(doc.text)).transfers == ()
    assert get_extractor("rules", min_confidence=0.5).min_confidence == 0.5
