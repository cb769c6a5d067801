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


def test_the_word_before_a_full_stop_is_read_at_most_24_characters_back():
    # the abbreviation test sees the last word before "." within 24 characters (and the sentence)
    long = "x" * 30 + ".e.g"  # a "word" longer than the window: its tail "e.g" is not what is tested
    t = f"See {long}. Next sentence. Ein Satz mit z.B. Kürzeln. Noch einer."
    assert [t[s:e] for s, e in sentences(t)] == [
        f"See {long}.", "Next sentence.", "Ein Satz mit z.B. Kürzeln.", "Noch einer."]
    t = "Contact J. Smith. Kontakt: Dr. Roth. Ende."
    assert [t[s:e] for s, e in sentences(t)] == ["Contact J. Smith.", "Kontakt: Dr. Roth.", "Ende."]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["Inc.", "e.g.", "z.B.", "Nr.", "5", "Str.", "A.", "x" * 26 + ".", "GmbH.", "word",
                                 "Wort.", "!", "?", " ", "\n", "(", "\"", "Die", "The"]), max_size=30))
def test_sentences_equal_the_plain_window_search(words):
    import re

    from vendorgraph.segment import _INITIALS, _SENT_END, _number_abbr, abbreviations

    def plain(text: str) -> list[tuple[int, int]]:  # the window search written plainly
        out, start = [], 0
        for m in _SENT_END.finditer(text):
            word = re.compile(r"([\w.]+)$").search(text, max(start, m.start() - 24), m.start())
            if word and (word.group(1) in abbreviations() or _INITIALS.fullmatch(word.group(1)) and len(word.group(1)) <= 1):
                continue
            if word and text[m.end():m.end() + 1].isdigit() and _number_abbr().search(word.group(1)):
                continue
            end = m.end() - (len(m.group(0)) - len(m.group(0).rstrip()))
            if text[start:end].strip():
                out.append((start, end))
            start = m.end()
        if text[start:].rstrip().strip():
            out.append((start, start + len(text[start:].rstrip())))
        return out

    text = " ".join(words)
    assert sentences(text) == plain(text)


def test_segments_of_one_section_share_their_heading_path():
    segs = segment("1. Hosting\nWe use a hoster.\n- first item\nEmpfänger: Hoster\n2. Kontakt\nSchreiben Sie uns.\n")
    hosting = [s for s in segs if s.heading_path == ("1. Hosting",)]
    assert len(hosting) == 3 and all(s.heading_path is hosting[0].heading_path for s in hosting)
