"""Segmentation: headings (numbered, markdown, plain), label-value lines, lists, heading paths, sentences."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from vendorgraph.segment import label_of, segment, sentences


def _kinds(text: str) -> list[tuple[str, str]]:
    return [(s.kind, s.text) for s in segment(text)]


def test_numbered_and_plain_headings_nest():
    text = ("5. Web analysis\nWe use tools described below:\nTracklytics Pro\n"
            "This tool records visits on our pages and sends them to the provider.\n"
            "Third country transfer\nFor transfers to the USA there is an adequacy decision.\n"
            "6. Newsletter\nWe send newsletters.\n")
    segs = segment(text)
    by_text = {s.text: s for s in segs}
    assert by_text["Tracklytics Pro"].kind == "heading"
    assert by_text["This tool records visits on our pages and sends them to the provider."].heading_path == \
        ("5. Web analysis", "Tracklytics Pro")
    assert by_text["For transfers to the USA there is an adequacy decision."].heading_path == \
        ("5. Web analysis", "Third country transfer")
    assert by_text["We send newsletters."].heading_path == ("6. Newsletter",)


def test_markdown_headings_german():
    segs = segment("# Datenschutz\n\n## 2. Hosting\n\nUnsere Seite liegt bei einem Hoster.\n")
    assert segs[-1].heading_path == ("# Datenschutz", "## 2. Hosting")


def test_label_value_lines_en_de():
    assert label_of("Recipients of the data: IT service providers")[1] == "recipients"
    assert label_of("Empfänger: Steuerberater")[1] == "recipients"
    assert label_of("Intended third country transfer: None")[1] == "third_country"
    assert label_of("Drittlandübermittlung: keine")[1] == "third_country"
    assert label_of("Recipients of the data Platform operators (Example SE)")[1] == "recipients"
    assert label_of("We process data. Nothing else") is None


def test_label_block_under_plain_heading():
    text = "Kontaktformular\nZweck: Anfragen\nEmpfänger: IT-Dienstleister\nDrittlandübermittlung: keine\n"
    segs = segment(text)
    assert segs[0].kind == "heading"
    assert [s.kind for s in segs[1:]] == ["label_value"] * 3
    assert all(s.heading_path == ("Kontaktformular",) for s in segs[1:])


def test_numbered_list_after_colon_is_not_a_heading():
    text = "We pass data to these recipients:\n1. shipping companies for delivery\n2. banks for payments\n"
    assert [k for k, _ in _kinds(text)] == ["paragraph", "list_item", "list_item"]


def test_address_block_is_not_a_heading():
    text = "Contact\nExample Widgets GmbH\nMusterweg 12\n12345 Berlin\nPhone +49 30 123456\nWe answer every request within a week.\n"
    heads = [t for k, t in _kinds(text) if k == "heading"]
    assert "Musterweg 12" not in heads and "12345 Berlin" not in heads and "Phone +49 30 123456" not in heads


def test_sentences_respect_abbreviations():
    t = "Processing is based on Art. 6 para. 1 lit. f GDPR. We use Acme Inc. for hosting, e.g. backups. Ende."
    parts = [t[s:e] for s, e in sentences(t)]
    assert parts == ["Processing is based on Art. 6 para. 1 lit. f GDPR.", "We use Acme Inc. for hosting, e.g. backups.", "Ende."]


def test_german_abbreviations():
    t = "Wir nutzen z.B. Cookies gem. Art. 6 Abs. 1 DSGVO. Die Daten bleiben in der EU."
    assert len(sentences(t)) == 2


_LINE = st.one_of(
    st.sampled_from(["1. Intro", "## Hosting", "Recipients: IT providers", "- item one", "Plain Heading",
                     "We transfer data to the USA.", "Empfänger: Behörden", "   ", "", "3.1 Sub part"]),
    st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=60),
)


@settings(max_examples=150, deadline=None)
@given(st.lists(_LINE, max_size=25))
def test_segments_and_sentences_index_the_text(lines):
    text = "\n".join(lines)
    for seg in segment(text):
        assert text[seg.start:seg.end] == seg.text
        assert seg.text.strip()
        for s, e in sentences(seg.text, seg.start):
            assert seg.start <= s < e <= seg.end


def test_street_abbreviation_before_a_number_does_not_end_a_sentence():
    t = "Hosted by Serverhof GmbH, Industriestr. 25, 91710 Gunzenhausen. Die Praxis liegt in der Hauptstr. 3 in Kiel. Next."
    assert [t[s:e] for s, e in sentences(t)] == [
        "Hosted by Serverhof GmbH, Industriestr. 25, 91710 Gunzenhausen.", "Die Praxis liegt in der Hauptstr. 3 in Kiel.", "Next."]
